"""ABC classification of customers (ABC分类法): A key, B main, C ordinary customers.

Compute layer: pure functions, no plotting, no printing.

Customers are sorted by value, largest first (ties broken by customer id so
the result never depends on row order), and the cumulative share of the total
is compared with two thresholds, 80% and 95% by default (70% / 90% is the
other common convention).

**The boundary rule** (parameter ``crossing``): the customer whose value takes
the running total *across* a threshold

* ``crossing="upper"`` (default): belongs to the class **above** the threshold,
  i.e. A holds every customer whose cumulative share *before* them is below
  80%. A is then the smallest group that reaches 80% of the value.
* ``crossing="lower"``: belongs to the class **below**: A holds only customers
  whose cumulative share *including* them is at most 80%, so A never exceeds
  80% of the value.

Zeros count as customers (they end up in C). Values may be negative (a
loss-making customer by margin); the total must be positive.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from helpers._common import CLASSES  # one definition, re-exported here
from helpers.pareto import _as_values

#: The two conventions the course compares.
CONVENTIONS: dict[str, tuple[float, float]] = {"80/95": (0.80, 0.95), "70/90": (0.70, 0.90)}

__all__ = ["CLASSES", "CONVENTIONS", "abc_classes", "abc_summary", "compare_conventions", "abc_matrix", "class_changes"]


def _sorted(values: pd.Series) -> pd.Series:
    """Largest first; ties by index label (customer id) for a stable, order-free result."""
    frame = pd.DataFrame({"v": values.to_numpy(dtype=float), "k": values.index.astype(str)}, index=values.index)
    return values.loc[frame.sort_values(["v", "k"], ascending=[False, True], kind="mergesort").index]


def abc_classes(
    values: pd.Series,
    thresholds: Sequence[float] = (0.80, 0.95),
    crossing: str = "upper",
) -> pd.Series:
    """Class A, B or C for every customer from the cumulative share of ``values``.

    Parameters
    ----------
    values : Series
        One value per customer (index = customer id), e.g. revenue or margin.
    thresholds : (float, float), default (0.80, 0.95)
        Cumulative shares (fractions, with 0 < a < b <= 1) that close class A and class B;
        ``(0.70, 0.90)`` is the other common convention (:data:`CONVENTIONS`).
    crossing : {"upper", "lower"}, default "upper"
        Which class the customer who crosses a threshold joins (see the module docstring).

    Returns
    -------
    Series
        Named ``"abc_class"``, ordered like the customers sorted by value
        (largest first), categorical with categories A < B < C.

    Raises
    ------
    ValueError
        If the thresholds are not two increasing shares in (0, 1], ``crossing``
        is unknown, or the values fail the rules of :mod:`helpers.pareto`.

    Examples
    --------
    >>> v = pd.Series([20, 40, 10, 30], index=list("cadb"))   # shares 40/30/20/10 %
    >>> abc_classes(v).to_dict()      # c takes the total from 70% to 90%: it crosses 80%, so it is A
    {'a': 'A', 'b': 'A', 'c': 'A', 'd': 'B'}
    >>> abc_classes(v, crossing="lower").to_dict()
    {'a': 'A', 'b': 'A', 'c': 'B', 'd': 'C'}
    """
    if not isinstance(values, pd.Series):
        values = pd.Series(values)
    a, b = _check_thresholds(thresholds)
    if crossing not in ("upper", "lower"):
        raise ValueError(f"crossing must be 'upper' or 'lower'; got {crossing!r}.")
    _as_values(values)  # validation: numbers, no NaN, positive total
    ordered = _sorted(values)
    arr = ordered.to_numpy(dtype=float)
    cum_after = np.cumsum(arr) / arr.sum()
    cum_before = cum_after - arr / arr.sum()
    eps = 1e-12
    if crossing == "upper":
        label = np.where(cum_before < a - eps, "A", np.where(cum_before < b - eps, "B", "C"))
    else:
        label = np.where(cum_after <= a + eps, "A", np.where(cum_after <= b + eps, "B", "C"))
    return pd.Series(pd.Categorical(label, categories=list(CLASSES), ordered=True), index=ordered.index, name="abc_class")


def _check_thresholds(thresholds: Sequence[float]) -> tuple[float, float]:
    try:
        a, b = (float(t) for t in thresholds)
    except (TypeError, ValueError):
        raise ValueError(f"thresholds must be two shares such as (0.8, 0.95); got {thresholds!r}.") from None
    if not 0 < a < b <= 1:
        raise ValueError(
            f"thresholds must satisfy 0 < A threshold < B threshold <= 1, e.g. (0.8, 0.95); got ({a}, {b}). "
            "Give shares as fractions, not percentages."
        )
    return a, b


def abc_summary(values: pd.Series, classes: pd.Series) -> pd.DataFrame:
    """Per class: customers, share of customers, value, share of value, average value.

    Every class appears (with zeros if empty); shares add up to 1.

    Parameters
    ----------
    values : Series
        One value per customer (index = customer id): the same values the classes were computed from.
    classes : Series
        The class of each customer (index = customer id), e.g. from :func:`abc_classes`.

    Returns
    -------
    DataFrame
        Indexed by class (A, B, C); columns ``customers``, ``customer_share``, ``value``,
        ``value_share`` and ``average_value`` (CONTRIBUTING.md, "Columns of summaries").
        ``average_value`` is 0 for an empty class.

    Raises
    ------
    ValueError
        If a customer in ``values`` has no class.

    Examples
    --------
    >>> v = pd.Series([40, 30, 20, 10], index=list("abcd"))
    >>> abc_summary(v, abc_classes(v))[["customers", "value_share"]].to_dict("list")
    {'customers': [3, 1, 0], 'value_share': [0.9, 0.1, 0.0]}
    """
    frame = pd.DataFrame({"value": values.astype(float), "abc_class": classes.reindex(values.index)})
    if frame["abc_class"].isna().any():
        missing = frame.index[frame["abc_class"].isna()][:5].tolist()
        raise ValueError(f"customers without a class: {missing}; classify the same customers you summarise.")
    grouped = frame.groupby("abc_class", observed=False)["value"]
    out = pd.DataFrame({"customers": grouped.size(), "value": grouped.sum()}).reindex(list(CLASSES), fill_value=0)
    out["customer_share"] = out["customers"] / out["customers"].sum()
    out["value_share"] = out["value"] / out["value"].sum()
    out["average_value"] = (out["value"] / out["customers"].replace(0, np.nan)).fillna(0.0)
    out.index.name = "abc_class"
    return out[["customers", "customer_share", "value", "value_share", "average_value"]]


def compare_conventions(
    datasets: Mapping[str, pd.Series],
    conventions: Mapping[str, tuple[float, float]] = CONVENTIONS,
    crossing: str = "upper",
) -> pd.DataFrame:
    """Class sizes under several threshold conventions, for several datasets, in one table.

    Parameters
    ----------
    datasets : mapping of name to Series
        Per-customer values to classify, e.g. ``{"synthetic": revenue, "online_retail": retail_revenue}``.
    conventions : mapping of name to (A threshold, B threshold), default :data:`CONVENTIONS`
        The cut-offs to compare, e.g. ``{"80/95": (0.80, 0.95), "70/90": (0.70, 0.90)}``.
    crossing : {"upper", "lower"}, default "upper"
        The boundary rule of :func:`abc_classes`.

    Returns
    -------
    DataFrame
        Indexed by (``dataset``, ``convention``, ``abc_class``): ``customers``, ``customer_share``
        and ``value_share``.

    Examples
    --------
    >>> v = pd.Series([40, 30, 20, 10], index=list("abcd"))
    >>> compare_conventions({"toy": v})["customers"].tolist()
    [3, 1, 0, 2, 1, 1]
    """
    parts = {}
    for name, values in datasets.items():
        for convention, thresholds in conventions.items():
            summary = abc_summary(values, abc_classes(values, thresholds, crossing=crossing))
            parts[(name, convention)] = summary[["customers", "customer_share", "value_share"]]
    out = pd.concat(parts, names=["dataset", "convention"])
    out["customers"] = out["customers"].astype(int)
    return out


def abc_matrix(first: pd.Series, second: pd.Series, names: tuple[str, str] = ("revenue", "margin")) -> pd.DataFrame:
    """3×3 table of customer counts: class by one value (rows) × class by another (columns).

    Cells read "AA" … "CC": a revenue-A customer can be a margin-C customer.

    Parameters
    ----------
    first : Series
        Class of each customer by the first value (index = customer id); gives the rows.
    second : Series
        Class of each customer by the second value; gives the columns. Customers missing here
        are not counted.
    names : (str, str), default ("revenue", "margin")
        What the two classifications measure; used to name the row and column axes.

    Returns
    -------
    DataFrame
        3×3 counts of customers, rows and columns A, B, C, named ``"<first> class"`` and
        ``"<second> class"``; the diagonal holds the customers whose class does not change.

    Examples
    --------
    >>> r = pd.Series(list("AABC"), index=list("wxyz"))
    >>> m = pd.Series(list("CABC"), index=list("wxyz"))
    >>> abc_matrix(r, m).loc["A"].tolist()
    [1, 0, 1]
    """
    first, second = first.astype(str), second.astype(str).reindex(first.index)
    table = pd.crosstab(first, second).reindex(index=list(CLASSES), columns=list(CLASSES), fill_value=0)
    table.index.name, table.columns.name = f"{names[0]} class", f"{names[1]} class"
    return table


def class_changes(first: pd.Series, second: pd.Series, names: tuple[str, str] = ("revenue", "margin")) -> pd.DataFrame:
    """Customers whose class differs between two classifications, with both classes.

    Parameters
    ----------
    first : Series
        Class of each customer by the first value (index = customer id).
    second : Series
        Class of each customer by the second value (index = customer id).
    names : (str, str), default ("revenue", "margin")
        What the two classifications measure; used to name the columns.

    Returns
    -------
    DataFrame
        One row per customer whose class changes, indexed by customer id, columns
        ``"<first>_class"`` and ``"<second>_class"``.

    Examples
    --------
    >>> r = pd.Series(list("AABC"), index=list("wxyz"))
    >>> m = pd.Series(list("CABC"), index=list("wxyz"))
    >>> class_changes(r, m)
      revenue_class margin_class
    w             A            C
    """
    both = pd.DataFrame({f"{names[0]}_class": first.astype(str),
                         f"{names[1]}_class": second.astype(str).reindex(first.index)})
    return both[both.iloc[:, 0] != both.iloc[:, 1]]
