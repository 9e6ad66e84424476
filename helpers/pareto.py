"""Concentration of customer value: the 80/20 rule measured (二八定律).

Compute layer: pure functions on numbers and DataFrames. No plotting, no printing.

Rules that apply to every function here
---------------------------------------
* **One value per customer.** Pass per-customer totals (see
  :func:`value_by_customer`), not order lines: ranking order lines answers a
  different question ("which orders are big"), not "which customers matter".
* **Zeros count.** A customer with value 0 is still a customer: zeros sit at the
  bottom of the ranking and are part of ``n``. Including or excluding them
  changes every share, so pass exactly the population you mean.
* **Ties** do not change any result: tied values are interchangeable, so which
  of them is ranked first does not change a sum.
* **Negative values** (e.g. a customer whose margin after returns is negative)
  are allowed in :func:`top_share` and the curves, where they make shares above
  100% possible (the top customers earn more than the total, the rest destroy
  some of it). :func:`gini` is only defined for non-negative values and says so.
  A **negative or zero total** is always an error: a share of nothing has no
  meaning.
* **Missing values** (NaN) are an error naming how many and where; nothing is
  silently dropped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from helpers._common import before, require_columns
from helpers._docs import shared_docs

__all__ = [
    "value_by_customer",
    "top_share",
    "top_count",
    "gini",
    "lorenz_curve",
    "concentration_curve",
    "customers_for_share",
    "share_at",
    "concentration_summary",
]


def _as_values(values: ArrayLike, *, what: str = "values") -> np.ndarray:
    """Validate and return a float array (helper for the public functions)."""
    if isinstance(values, pd.DataFrame):
        raise TypeError(
            f"{what}: got a table with columns {list(values.columns)}; pass one column, "
            "e.g. frame['revenue'], with one value per customer."
        )
    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    try:
        arr = pd.to_numeric(series, errors="raise").to_numpy(dtype=float)
    except (ValueError, TypeError) as exc:
        raise TypeError(f"{what}: expected numbers, got {series.dtype} ({exc}).") from exc
    if arr.size == 0:
        raise ValueError(f"{what}: no values given; pass at least one customer's value.")
    missing = np.isnan(arr)
    if missing.any():
        where = list(series.index[missing][:5])
        raise ValueError(
            f"{what}: {int(missing.sum())} missing value(s) (NaN) at {where}"
            f"{' …' if missing.sum() > 5 else ''}. Fill them (e.g. with 0 for customers "
            "who bought nothing) or remove those customers on purpose before measuring."
        )
    total = arr.sum()
    if total <= 0:
        raise ValueError(
            f"{what}: the total is {total:,.2f}, but shares need a positive total. "
            "Check the sign of the column (costs entered as negatives?) or measure a "
            "quantity whose total is positive."
        )
    return arr


def _check_fraction(fraction: float, name: str = "fraction") -> float:
    if not isinstance(fraction, (int, float, np.number)) or not 0 < float(fraction) <= 1:
        raise ValueError(
            f"{name} must be a number in (0, 1], e.g. 0.2 for the top 20%; got {fraction!r}."
        )
    return float(fraction)


@shared_docs
def value_by_customer(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.Series:
    """Total ``amount`` per customer, largest first.

    Parameters
    ----------
    {transactions}
    {as_of}
        Without ``as_of`` every row counts and no date column is needed.
    {customer}
    {date}
    {amount}

    Returns
    -------
    Series
        Indexed by customer, named after ``amount``, sorted descending (ties by customer id).

    Raises
    ------
    KeyError
        If a column is missing, listing the columns that exist.

    Examples
    --------
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "a", "c"],
    ...                        "revenue": [10.0, 5.0, 30.0, 5.0]})
    >>> value_by_customer(orders).to_dict()
    {'a': 40.0, 'b': 5.0, 'c': 5.0}
    """
    require_columns(transactions, {"customer": customer, "amount": amount}, "value_by_customer")
    transactions = before(transactions, as_of, date=date)
    totals = transactions.groupby(customer, sort=True)[amount].sum()
    order = np.lexsort((np.arange(len(totals)), -totals.to_numpy(dtype=float)))
    return totals.iloc[order].rename(amount)


def top_count(n: int, fraction: float) -> int:
    """Number of customers in the "top ``fraction``": ``ceil(fraction * n)``.

    The product is rounded to 9 decimals before the ceiling so that float noise
    (``0.07 * 100 == 7.000000000000001``) does not add a customer.

    Parameters
    ----------
    n : int
        Number of customers.
    fraction : float in (0, 1]
        The top slice, 0.2 for the top 20%.

    Returns
    -------
    int
        The number of top customers, at least 1.

    Raises
    ------
    ValueError
        If ``fraction`` is outside (0, 1].

    Examples
    --------
    >>> top_count(100, 0.07), top_count(5, 0.2), top_count(7, 0.2)
    (7, 1, 2)
    """
    fraction = _check_fraction(fraction)
    return max(1, math.ceil(round(fraction * n, 9)))


def top_share(values: ArrayLike, fraction: float = 0.2) -> float:
    """Share of the total held by the largest ``ceil(fraction * n)`` values.

    Parameters
    ----------
    values : array-like of numbers
        One value per customer (zeros included: they count in ``n``).
    fraction : float in (0, 1], default 0.2
        The top slice of customers, 0.2 for the top 20%.

    Returns
    -------
    float
        In [0, 1] for non-negative values; above 1 is possible when some
        customers have negative values (the rest of the customers lose some of
        what the top earn).

    Raises
    ------
    ValueError
        If the values are empty, contain NaN, have a total <= 0, or
        ``fraction`` is outside (0, 1].

    Examples
    --------
    >>> top_share([50, 30, 10, 5, 5], fraction=0.2)
    0.5
    >>> top_share([50, 30, 10, 5, 5], fraction=0.4)
    0.8
    """
    arr = _as_values(values)
    k = top_count(arr.size, fraction)
    top = np.sort(arr)[::-1][:k]
    return float(top.sum() / arr.sum())


def gini(values: ArrayLike) -> float:
    """Gini coefficient of non-negative values: 0 = everyone equal, near 1 = one holds all.

    Uses the exact formula on the sorted values
    ``G = 2 * sum(i * x_(i)) / (n * sum(x)) - (n + 1) / n`` with ``i = 1..n``,
    which equals twice the area between the diagonal and the Lorenz curve.
    The maximum for ``n`` customers is ``(n - 1) / n``, so ``0 <= G < 1``.

    Parameters
    ----------
    values : array-like of non-negative numbers
        One value per customer.

    Returns
    -------
    float
        In [0, 1): 0 when everyone has the same value.

    Raises
    ------
    ValueError
        If a value is negative (the Gini coefficient is not defined then; use
        :func:`top_share`, or decide explicitly how to treat loss-making
        customers), or for the reasons listed in :func:`top_share`.

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 10])
    0.75
    """
    arr = _as_values(values)
    negative = arr < 0
    if negative.any():
        raise ValueError(
            f"gini: {int(negative.sum())} negative value(s) (smallest {arr.min():,.2f}). "
            "The Gini coefficient needs values >= 0. Use top_share() for data with "
            "losses, or set the losses to 0 on purpose and say so."
        )
    x = np.sort(arr)
    n = x.size
    ranks = np.arange(1, n + 1)
    g = 2.0 * float(np.dot(ranks, x)) / (n * x.sum()) - (n + 1) / n
    return float(min(max(g, 0.0), (n - 1) / n))  # clamp float noise only


def lorenz_curve(values: ArrayLike) -> pd.DataFrame:
    """Lorenz curve: customers from smallest to largest, cumulative shares.

    Parameters
    ----------
    values : array-like of numbers
        One value per customer (zeros included: they count in ``n``).

    Returns
    -------
    DataFrame
        ``n + 1`` rows starting at (0, 0), columns ``customer_share`` and
        ``value_share`` (both cumulative, ending at 1).

    Examples
    --------
    >>> lorenz_curve([3, 1]).round(2).to_dict("list")
    {'customer_share': [0.0, 0.5, 1.0], 'value_share': [0.0, 0.25, 1.0]}
    """
    arr = np.sort(_as_values(values))
    n = arr.size
    return pd.DataFrame(
        {
            "customer_share": np.arange(n + 1) / n,
            "value_share": np.concatenate([[0.0], np.cumsum(arr) / arr.sum()]),
        }
    )


def concentration_curve(values: ArrayLike) -> pd.DataFrame:
    """Pareto (concentration) curve: customers from largest to smallest.

    Row ``k`` answers "what share of the total do the top ``k`` customers hold?".

    Parameters
    ----------
    values : array-like of numbers
        One value per customer (zeros included: they count in ``n``).

    Returns
    -------
    DataFrame
        ``n + 1`` rows starting at (0, 0), columns ``rank`` (0..n),
        ``customer_share`` (rank / n) and ``value_share`` (cumulative).

    Examples
    --------
    >>> concentration_curve([50, 30, 10, 5, 5])["value_share"].round(2).tolist()
    [0.0, 0.5, 0.8, 0.9, 0.95, 1.0]
    """
    arr = np.sort(_as_values(values))[::-1]
    n = arr.size
    return pd.DataFrame(
        {
            "rank": np.arange(n + 1),
            "customer_share": np.arange(n + 1) / n,
            "value_share": np.concatenate([[0.0], np.cumsum(arr) / arr.sum()]),
        }
    )


def share_at(curve: pd.DataFrame, fraction: float) -> tuple[int, float]:
    """Read the top-``fraction`` slice off a precomputed :func:`concentration_curve`.

    Same ``ceil`` rule as :func:`top_share`, but a constant-time lookup, so a
    widget can move a slider over a large dataset without re-sorting it.

    Parameters
    ----------
    curve : DataFrame
        A curve made by :func:`concentration_curve` (``n + 1`` rows with ``value_share``).
    fraction : float in (0, 1]
        The top slice, 0.2 for the top 20%.

    Returns
    -------
    (k, share) : tuple of int and float
        The number of top customers and the share of the total they hold.

    Examples
    --------
    >>> share_at(concentration_curve([50, 30, 10, 5, 5]), 0.2)
    (1, 0.5)
    """
    n = len(curve) - 1
    k = top_count(n, fraction)
    return k, float(curve["value_share"].iloc[k])


def customers_for_share(values: ArrayLike, share: float = 0.8) -> float:
    """Smallest share of customers (largest first) that holds at least ``share`` of the total.

    The "80" read the other way round: which fraction of customers brings 80%?

    Parameters
    ----------
    values : array-like of numbers
        One value per customer (zeros included: they count in ``n``).
    share : float in (0, 1], default 0.8
        The share of the total to reach, 0.8 for 80%.

    Returns
    -------
    float
        The fraction of customers (0–1), counted from the largest, that first reaches ``share``.

    Raises
    ------
    ValueError
        If ``share`` is outside (0, 1], or for the reasons listed in :func:`top_share`.

    Examples
    --------
    >>> customers_for_share([50, 30, 10, 5, 5], share=0.8)
    0.4
    """
    share = _check_fraction(share, "share")
    curve = concentration_curve(values)
    reached = np.flatnonzero(curve["value_share"].to_numpy() >= share - 1e-12)
    return float(curve["customer_share"].iloc[reached[0]])


def concentration_summary(
    datasets: dict[str, ArrayLike] | Iterable[tuple[str, ArrayLike]],
    fractions: Sequence[float] = (0.01, 0.1, 0.2, 0.5),
) -> pd.DataFrame:
    """One row per dataset: customers, total, top-x% shares, customers for 80%, Gini.

    Parameters
    ----------
    datasets : mapping of str to array-like, or iterable of (str, array-like) pairs
        Name of each dataset -> its per-customer values (e.g. from :func:`value_by_customer`).
    fractions : sequence of float, default (0.01, 0.1, 0.2, 0.5)
        The top slices to report, as fractions (0.2 = top 20%).

    Returns
    -------
    DataFrame
        Indexed by dataset name; columns ``customers``, ``total``,
        ``top_<p>%`` for each fraction, ``customers_for_80%`` and ``gini``
        (NaN where values are negative and the Gini is undefined).

    Examples
    --------
    >>> concentration_summary({"toy": [50, 30, 10, 5, 5]}, fractions=[0.2])
    ... # doctest: +NORMALIZE_WHITESPACE
         customers  total  top_20%  customers_for_80%  gini
    toy          5  100.0      0.5                0.4  0.46
    """
    items = datasets.items() if isinstance(datasets, dict) else datasets
    rows = {}
    for name, values in items:
        arr = _as_values(values, what=str(name))
        row: dict[str, float] = {"customers": arr.size, "total": float(arr.sum())}
        for f in fractions:
            row[f"top_{round(100 * f, 6):g}%"] = top_share(arr, f)
        row["customers_for_80%"] = customers_for_share(arr, 0.8)
        row["gini"] = gini(arr) if (arr >= 0).all() else float("nan")
        rows[name] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out["customers"] = out["customers"].astype(int)
    return out
