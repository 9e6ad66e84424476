"""Predicted value and clusters (客户终身价值与聚类分析): module 11's computations.

Compute layer: pure functions on DataFrames and arrays; no plotting, no printing.

Three parts:

**Predicted purchases and value.** The BG/NBD model (Fader, Hardie & Lee 2005, *"Counting your
customers" the easy way*, Marketing Science 24(2)) says each customer buys at their own steady rate
while alive (rates vary across customers as a gamma distribution with shape ``r`` and rate ``alpha``)
and, after each repeat purchase, leaves for good with their own probability ``p`` (``p`` varies as a
beta distribution with ``a`` and ``b``). Nobody announces leaving; the model infers it from the gaps.
Three numbers per customer are all it needs, all measured in the same time unit (weeks by default):

==============  ====================================================================================
``frequency``   repeat purchases: purchase days after the first one (the lifetimes convention of
                :func:`helpers.rfm.rfm_table`, ``convention="lifetimes"``)
``recency``     the customer's age at their last purchase: first to last purchase day
``T``           the customer's age at the end of the period: first purchase day to the period's last day
==============  ====================================================================================

The Gamma-Gamma model (Fader, Hardie & Lee 2005, *RFM and CLV*, Journal of Marketing Research 42(4);
Hardie's note *The Gamma-Gamma model of monetary value*, 2013) adds spend: each customer's purchases
vary around their own mean, and the means vary across customers (parameters ``p``, ``q``, ``v``).
Both models are fitted by maximum likelihood with :func:`scipy.optimize.minimize`; on the CDNOW
sample (2,357 customers, 39-week calibration) they give the published estimates
(r 0.243, α 4.414, a 0.793, b 2.426; p 6.25, q 3.74, v 15.44) in well under a second.

**Clusters.** k-means on log-scaled, standardised RFM (scikit-learn, fixed seeds, ``n_init`` ≥ 10).
k-means numbers its clusters arbitrarily (the numbers change with the seed), so the kit relabels them
by value: cluster 1 is always the cluster with the highest average value.

**Prediction against tiers.** The same number of customers per tier, filled by predicted value
instead of by the RFM rules, shows which customers the rules overrate or underrate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import optimize, special

from helpers import rfm
from helpers._common import SERVICE_TIERS, require_columns, resolve_as_of
from helpers._docs import shared_docs

__all__ = [
    "BGNBDParams",
    "GammaGammaParams",
    "FEATURES",
    "clv_summary",
    "holdout_table",
    "bgnbd_log_likelihood",
    "bgnbd_gradient",
    "bgnbd_fit",
    "expected_purchases",
    "probability_alive",
    "predicted_purchases",
    "gamma_gamma_log_likelihood",
    "gamma_gamma_fit",
    "expected_spend",
    "customer_value",
    "holdout_by_frequency",
    "holdout_totals",
    "weekly_tracking",
    "cluster_features",
    "kmeans_clusters",
    "seed_agreement",
    "silhouette",
    "choose_k",
    "cluster_profile",
    "cluster_traits",
    "cluster_tier_map",
    "predicted_tiers",
    "tier_agreement",
    "disagreements",
]

#: The RFM features the clusters use by default (from :func:`helpers.rfm.rfm_table`, kit convention).
FEATURES: tuple[str, ...] = ("recency", "frequency", "monetary")

DAY = pd.Timedelta(days=1)


class BGNBDParams(NamedTuple):
    """The four BG/NBD parameters (unpack them: ``r, alpha, a, b = params``).

    Parameters
    ----------
    r, alpha : float
        Shape and rate of the gamma distribution of purchase rates across customers
        (mean rate ``r / alpha`` purchases per time unit).
    a, b : float
        The beta distribution of the probability of leaving after a purchase
        (mean ``a / (a + b)``).

    Examples
    --------
    >>> params = BGNBDParams(0.243, 4.414, 0.793, 2.426)
    >>> round(params.r / params.alpha, 3)          # purchases per week of the average live customer
    0.055
    >>> round(params.a / (params.a + params.b), 3)  # chance of leaving after a purchase
    0.246
    """

    r: float
    alpha: float
    a: float
    b: float


class GammaGammaParams(NamedTuple):
    """The three Gamma-Gamma parameters of spend per purchase (``p, q, v = params``).

    Parameters
    ----------
    p : float
        Shape of the spread of one customer's purchases around their own mean.
    q, v : float
        Shape and scale of the spread of the customers' means; the mean purchase value
        of the population is ``p * v / (q - 1)`` when ``q > 1``.

    Examples
    --------
    >>> p, q, v = GammaGammaParams(6.25, 3.74, 15.44)
    >>> round(p * v / (q - 1), 2)
    35.22
    """

    p: float
    q: float
    v: float


# --------------------------------------------------------------------------- the customer table


def _purchases(transactions: pd.DataFrame, customer: str, date: str, amount: str,
               what: str) -> tuple[pd.DataFrame, int]:
    """The rows that are purchases (amount >= 0) and the number of return rows left out."""
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, what)
    money = pd.to_numeric(transactions[amount], errors="coerce")
    if money.isna().any():
        row = int(np.flatnonzero(money.isna().to_numpy())[0])
        raise ValueError(f"{what}: column {amount!r} has {int(money.isna().sum())} missing or non-numeric value(s) "
                         f"(first at row {row}); clean them first (helpers.data.read_transactions reports them).")
    dates = pd.to_datetime(transactions[date], errors="coerce")
    if dates.isna().any():
        row = int(np.flatnonzero(dates.isna().to_numpy())[0])
        raise ValueError(f"{what}: column {date!r} has {int(dates.isna().sum())} missing or unreadable date(s) "
                         f"(first at row {row}); clean them first.")
    returns = money < 0
    out = pd.DataFrame({customer: transactions[customer].to_numpy(), date: dates.to_numpy(),
                        amount: money.to_numpy(dtype=float)})[~returns.to_numpy()]
    return out, int(returns.sum())


@shared_docs
def clv_summary(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    unit_days: float = 7,
) -> pd.DataFrame:
    """Per customer: ``frequency``, ``recency``, ``T`` and ``monetary`` as BG/NBD and Gamma-Gamma need them.

    This is :func:`helpers.rfm.rfm_table` with ``convention="lifetimes"`` on the purchases before
    ``as_of``, with ages in ``unit_days`` (weeks by default). A purchase day is a calendar day
    with at least one purchase row; several rows on one day are one purchase (their amounts add
    up). Rows with a negative amount are returns: they are not visits, so they are left out and
    counted in ``result.attrs["excluded_returns"]``. Rows of 0 are kept (a visit that cost nothing).

    Parameters
    ----------
    {transactions}
    {as_of}
        The period ends the day before: ``T`` counts whole days from the first purchase day to
        that last day (as lifetimes' ``observation_period_end`` and BTYD's ``end.of.cal.period``).
    {customer}
    {date}
    {amount}
    unit_days : float, default 7
        Days in one time unit: 7 gives weeks (as the BG/NBD paper), 1 days.

    Returns
    -------
    DataFrame
        Indexed by customer (sorted): ``frequency`` (repeat purchase days, int), ``recency``
        (first to last purchase day, in units), ``T`` (first purchase day to the period's last day,
        in units), ``monetary`` (mean value of the repeat purchase days, 0 without repeats) and
        ``first_purchase`` (date). ``attrs``: ``unit_days``, ``period_end`` (the last day),
        ``excluded_returns`` (rows left out).

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If an amount or a date is missing or unreadable, ``unit_days`` is not positive, or there is
        no purchase before ``as_of``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "a"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-15", "2025-01-08",
    ...                                            "2025-01-20"]),
    ...                    "revenue": [10.0, 5.0, 30.0, 8.0, -30.0]})
    >>> table = clv_summary(tx, "2025-01-29", unit_days=1)   # in days; the period's last day is 2025-01-28
    >>> table
                 frequency  recency     T  monetary first_purchase
    customer_id
    a                    1     14.0  27.0      30.0     2025-01-01
    b                    0      0.0  20.0       0.0     2025-01-08
    >>> table.attrs["excluded_returns"]   # the -30.0 row
    1
    """
    if not unit_days or unit_days <= 0:
        raise ValueError(f"clv_summary: unit_days={unit_days!r}; give the days in one time unit, e.g. 7 for weeks.")
    buys, returns = _purchases(transactions, customer, date, amount, "clv_summary")
    end = resolve_as_of(transactions, as_of, date=date).normalize()
    buys = buys[buys[date] < end]
    if buys.empty:
        raise ValueError(f"clv_summary: no purchase before as_of={end.date()}; choose a later as_of.")
    last_day = end - DAY
    table = rfm.rfm_table(buys, last_day, convention="lifetimes", customer=customer, date=date, amount=amount)
    first = buys.groupby(customer)[date].min().dt.normalize()
    out = pd.DataFrame({
        "frequency": table["frequency"].astype("int64"),
        "recency": table["recency"] / unit_days,
        "T": table["tenure"] / unit_days,
        "monetary": table["monetary"],
        "first_purchase": first.reindex(table.index),
    })
    out.index.name = customer
    out.attrs.update(unit_days=unit_days, period_end=last_day, excluded_returns=returns)
    return out


@shared_docs
def holdout_table(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    end: object = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    unit_days: float = 7,
) -> pd.DataFrame:
    """The calibration table (:func:`clv_summary` before ``as_of``) plus what each customer did from ``as_of`` to ``end``.

    Fit a model on the calibration columns, predict the holdout period, and compare the
    prediction with ``holdout_purchases``: the honest test of a forecast.

    Parameters
    ----------
    {transactions}
    as_of : date-like
        The first day of the holdout period; the calibration period is everything before it.
        Required (there is no sensible default split).
    end : date-like, optional
        The day after the holdout period (rows on or after it are left out). Default: midnight
        after the last transaction.
    {customer}
    {date}
    {amount}
    unit_days : float, default 7
        Days in one time unit (7 = weeks).

    Returns
    -------
    DataFrame
        The :func:`clv_summary` columns of the calibration period, plus ``holdout_purchases``
        (purchase days in the holdout, int) and ``holdout_value`` (their value). Only customers
        who bought in the calibration period are rows. ``attrs``: those of :func:`clv_summary`
        plus ``holdout_length`` (in units), ``holdout_start``, ``holdout_end`` (last day) and
        ``new_in_holdout`` (customers whose first purchase falls in the holdout: not predicted).

    Raises
    ------
    ValueError
        If ``as_of`` is missing or ``end`` is not after it, and for the reasons of :func:`clv_summary`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-20", "2025-01-05", "2025-01-25",
    ...                                            "2025-01-26"]),
    ...                    "revenue": [10.0, 20.0, 5.0, 7.0, 3.0]})
    >>> t = holdout_table(tx, "2025-01-15", end="2025-02-01")
    >>> t[["frequency", "holdout_purchases", "holdout_value"]]
                 frequency  holdout_purchases  holdout_value
    customer_id
    a                    0                  1           20.0
    b                    0                  1            7.0
    >>> t.attrs["holdout_length"], t.attrs["new_in_holdout"]
    (2.4285714285714284, 1)
    """
    if as_of is None:
        raise ValueError("holdout_table needs as_of: the first day of the holdout period, e.g. as_of='1997-10-01'. "
                         "The model is fitted on the purchases before it and judged on those after it.")
    start = resolve_as_of(transactions, as_of, date=date).normalize()
    stop = resolve_as_of(transactions, end, date=date).normalize()
    if stop <= start:
        raise ValueError(f"holdout_table: end={stop.date()} must be after as_of={start.date()}.")
    table = clv_summary(transactions, start, customer=customer, date=date, amount=amount, unit_days=unit_days)
    buys, _ = _purchases(transactions, customer, date, amount, "holdout_table")
    later = buys[(buys[date] >= start) & (buys[date] < stop)]
    days = later.assign(_day=later[date].dt.normalize())
    per_day = days.groupby([customer, "_day"])[amount].sum()
    counts = per_day.groupby(level=0).size()
    values = per_day.groupby(level=0).sum()
    out = table.copy()
    out["holdout_purchases"] = counts.reindex(out.index, fill_value=0).astype("int64")
    out["holdout_value"] = values.reindex(out.index, fill_value=0.0).astype(float)
    out.attrs = dict(table.attrs)
    out.attrs.update(holdout_length=(stop - start).days / unit_days, holdout_start=start,
                     holdout_end=stop - DAY, new_in_holdout=int((~counts.index.isin(out.index)).sum()))
    return out


# --------------------------------------------------------------------------- BG/NBD


def _as_arrays(*columns: object, names: Sequence[str]) -> tuple[list[np.ndarray], pd.Index | None]:
    """Float arrays of equal length (and the index of the first Series, to label results)."""
    arrays = []
    index = None
    for values, name in zip(columns, names):
        if isinstance(values, pd.Series) and index is None:
            index = values.index
        arr = np.asarray(values, dtype=float).reshape(-1)
        if np.isnan(arr).any():
            raise ValueError(f"{name} has {int(np.isnan(arr).sum())} missing value(s); every customer needs one.")
        arrays.append(arr)
    if len({len(a) for a in arrays}) > 1:
        lengths = ", ".join(f"{n}={len(a)}" for n, a in zip(names, arrays))
        raise ValueError(f"the columns have different lengths ({lengths}); pass the columns of one table.")
    return arrays, index


def _rfm_arrays(frequency: object, recency: object, T: object) -> tuple[np.ndarray, np.ndarray, np.ndarray, pd.Index | None]:  # noqa: N803
    (x, tx, big_t), index = _as_arrays(frequency, recency, T, names=("frequency", "recency", "T"))
    problems = []
    if (x < 0).any() or not np.array_equal(x, np.round(x)):
        problems.append("frequency must be whole numbers ≥ 0 (repeat purchases)")
    if (tx < 0).any():
        problems.append("recency must be ≥ 0")
    if (tx > big_t + 1e-9).any():
        bad = int((tx > big_t + 1e-9).sum())
        problems.append(f"recency is larger than T for {bad} customer(s): both must be ages in the same unit "
                        "(recency = first to last purchase, T = first purchase to the end of the period)")
    if problems:
        raise ValueError("; ".join(problems) + ". Build the columns with helpers.clv.clv_summary.")
    return x, tx, big_t, index


def _check_positive(params: Iterable[float], names: str) -> list[float]:
    values = [float(v) for v in params]
    if len(values) != len(names.split(", ")) or not all(np.isfinite(v) and v > 0 for v in values):
        raise ValueError(f"the parameters ({names}) must be {len(names.split(', '))} positive numbers; got {values}.")
    return values


def _bgnbd_parts(params: Iterable[float], x: np.ndarray, tx: np.ndarray, big_t: np.ndarray):
    r, alpha, a, b = _check_positive(params, "r, alpha, a, b")
    repeat = x > 0
    xm1 = np.where(repeat, x - 1, 0.0)
    head = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    base = special.betaln(a, b)
    l1 = special.betaln(a, b + x) - base - (r + x) * np.log(alpha + big_t)
    l2 = np.where(repeat, special.betaln(a + 1, b + xm1) - base - (r + x) * np.log(alpha + tx), -np.inf)
    total = np.logaddexp(l1, l2)
    return (r, alpha, a, b), repeat, head, l1, l2, total


def bgnbd_log_likelihood(params: Iterable[float], frequency: object, recency: object, T: object) -> float:  # noqa: N803
    """The BG/NBD log-likelihood of the customers' (frequency, recency, T) under ``params``.

    For one customer with ``x`` repeat purchases, the last at age ``t_x``, observed until age ``T``::

        L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
            + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))

    (Fader, Hardie & Lee 2005, eq. 6): alive at ``T`` after ``x`` purchases, or gone right after
    the last one. The sum of ``log L`` over customers is returned.

    Parameters
    ----------
    params : (r, alpha, a, b)
        A :class:`BGNBDParams` or four positive numbers.
    frequency, recency, T : array-like
        Repeat purchases, age at the last purchase and age at the end of the period, per
        customer, in one time unit (:func:`clv_summary`).

    Returns
    -------
    float
        The total log-likelihood (higher is better).

    Raises
    ------
    ValueError
        If a parameter is not positive, or the columns are inconsistent (negative, recency > T).

    Examples
    --------
    >>> round(bgnbd_log_likelihood((1.0, 1.0, 1.0, 1.0), [0], [0.0], [1.0]), 6)   # log(1/2)
    -0.693147
    >>> round(bgnbd_log_likelihood((1.0, 1.0, 1.0, 1.0), [1], [1.0], [2.0]), 6)   # log(1/18 + 1/8)
    -1.711717
    """
    x, tx, big_t, _ = _rfm_arrays(frequency, recency, T)
    *_, head, _l1, _l2, total = _bgnbd_parts(params, x, tx, big_t)
    return float((head + total).sum())


def bgnbd_gradient(params: Iterable[float], frequency: object, recency: object, T: object) -> np.ndarray:  # noqa: N803
    """The derivatives of :func:`bgnbd_log_likelihood` with respect to ``r``, ``alpha``, ``a`` and ``b``.

    At the maximum-likelihood estimate all four are zero; :func:`bgnbd_fit` uses them to climb
    there in a few dozen steps.

    Parameters
    ----------
    params : (r, alpha, a, b)
        Four positive numbers.
    frequency, recency, T : array-like
        As for :func:`bgnbd_log_likelihood`.

    Returns
    -------
    ndarray of shape (4,)
        ``[dLL/dr, dLL/dalpha, dLL/da, dLL/db]``.

    Examples
    --------
    >>> g = bgnbd_gradient((1.0, 1.0, 1.0, 1.0), [0], [0.0], [1.0])
    >>> [round(float(v), 6) for v in g]   # x = 0: L = (α/(α+T))^r, whatever a and b
    [-0.693147, 0.5, 0.0, 0.0]
    """
    x, tx, big_t, _ = _rfm_arrays(frequency, recency, T)
    return _weighted_bgnbd_gradient(np.asarray(list(params), dtype=float), x, tx, big_t, np.ones_like(x))


def _maximise(nll, grad, start: np.ndarray, what: str) -> np.ndarray:
    """Minimise ``nll`` over log-parameters (so every parameter stays positive)."""
    # BFGS on the log scale: unconstrained, and on these smooth likelihoods it converges in a few
    # dozen steps (scipy's L-BFGS-B needs as many steps but has a larger fixed cost per step)
    res = optimize.minimize(nll, start, jac=grad, method="BFGS", options={"maxiter": 2000, "gtol": 1e-9})
    theta = res.x
    if not np.all(np.isfinite(theta)) or np.abs(theta).max() > 25:
        raise ValueError(f"{what}: the fit did not converge (a parameter ran off to {np.exp(theta).round(4).tolist()}). "
                         "The data may be too few or too regular for the model; check the table (clv_summary).")
    return np.exp(theta)


def bgnbd_fit(frequency: object, recency: object, T: object) -> BGNBDParams:  # noqa: N803
    """Fit BG/NBD by maximum likelihood: the ``r``, ``alpha``, ``a`` and ``b`` that make the data most likely.

    The parameters are fitted on the log scale (so they stay positive) with scipy's BFGS and
    the exact gradient (:func:`bgnbd_gradient`). On the CDNOW sample in weeks with a 39-week
    calibration it gives the published r 0.243, α 4.414, a 0.793, b 2.426.

    Parameters
    ----------
    frequency, recency, T : array-like
        Repeat purchases, age at the last purchase and age at the end of the calibration period,
        per customer, in one time unit (the columns of :func:`clv_summary`).

    Returns
    -------
    BGNBDParams
        ``(r, alpha, a, b)``; ``alpha`` is in the time unit of ``recency`` and ``T``.

    Raises
    ------
    ValueError
        If the columns are inconsistent, nobody made a repeat purchase (then nothing tells how
        customers leave), or the fit does not converge.

    Examples
    --------
    >>> freq = [0, 1, 2, 0, 5, 3, 0, 1]
    >>> rec = [0.0, 10.0, 20.0, 0.0, 30.0, 12.0, 0.0, 3.0]
    >>> age = [30.0, 35.0, 32.0, 20.0, 38.0, 36.0, 25.0, 31.0]
    >>> r, alpha, a, b = bgnbd_fit(freq, rec, age)
    >>> all(v > 0 for v in (r, alpha, a, b))
    True
    >>> bool(abs(bgnbd_gradient((r, alpha, a, b), freq, rec, age)).max() < 1e-3)
    True
    """
    x, tx, big_t, _ = _rfm_arrays(frequency, recency, T)
    if not (x > 0).any():
        raise ValueError("bgnbd_fit: nobody made a repeat purchase, so the data cannot say how customers leave. "
                         "Use a longer calibration period.")
    # customers with the same (x, t_x, T) add the same term: fit on the distinct rows, weighted
    rows, counts = np.unique(np.column_stack([x, tx, big_t]), axis=0, return_counts=True)
    ux, utx, ut = rows[:, 0], rows[:, 1], rows[:, 2]

    def nll(theta: np.ndarray) -> float:
        *_, head, _l1, _l2, total = _bgnbd_parts(np.exp(theta), ux, utx, ut)
        return -float(((head + total) * counts).sum()) / counts.sum()

    def grad(theta: np.ndarray) -> np.ndarray:
        params = np.exp(theta)
        g = _weighted_bgnbd_gradient(params, ux, utx, ut, counts)
        return -g * params / counts.sum()

    mean_rate = max(float(x.sum() / max(big_t.sum(), 1e-9)), 1e-3)
    start = np.log([1.0, 1.0 / mean_rate, 1.0, 1.0])
    r, alpha, a, b = _maximise(nll, grad, start, "bgnbd_fit")
    return BGNBDParams(float(r), float(alpha), float(a), float(b))


def _weighted_bgnbd_gradient(params: np.ndarray, x: np.ndarray, tx: np.ndarray, big_t: np.ndarray,
                             weights: np.ndarray) -> np.ndarray:
    """:func:`bgnbd_gradient` with a weight per row (rows are distinct customer histories)."""
    (r, alpha, a, b), repeat, _head, l1, l2, total = _bgnbd_parts(params, x, tx, big_t)
    w1 = np.exp(l1 - total)
    w2 = np.where(repeat, np.exp(l2 - total), 0.0)
    xm1 = np.where(repeat, x - 1, 0.0)
    psi = special.digamma
    d_base_a, d_base_b = psi(a) - psi(a + b), psi(b) - psi(a + b)
    d_r = psi(r + x) - psi(r) + np.log(alpha) - w1 * np.log(alpha + big_t) - w2 * np.log(alpha + tx)
    d_alpha = r / alpha - w1 * (r + x) / (alpha + big_t) - w2 * (r + x) / (alpha + tx)
    d_a = w1 * (psi(a) - psi(a + b + x) - d_base_a) + w2 * (psi(a + 1) - psi(a + b + x) - d_base_a)
    d_b = (w1 * (psi(b + x) - psi(a + b + x) - d_base_b)
           + w2 * np.where(repeat, psi(b + xm1) - psi(a + b + x) - d_base_b, 0.0))
    return np.array([(d * weights).sum() for d in (d_r, d_alpha, d_a, d_b)])


def _label(values: np.ndarray, index: pd.Index | None, name: str) -> pd.Series | np.ndarray:
    return pd.Series(values, index=index, name=name) if index is not None else values


def expected_purchases(params: Iterable[float], t: object) -> np.ndarray | float:
    """Expected repeat purchases of a *new* customer in their first ``t`` time units: E[X(t)].

    ::

        E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]

    (Fader, Hardie & Lee 2005, eq. 9). Summed over a cohort with their first-purchase dates it
    gives the expected repeat purchases week by week (:func:`weekly_tracking`).

    Parameters
    ----------
    params : (r, alpha, a, b)
        Fitted BG/NBD parameters.
    t : float or array-like
        Time since the first purchase, in the unit of the fit; negative values count as 0.

    Returns
    -------
    float or ndarray
        Same shape as ``t``.

    Examples
    --------
    >>> p = BGNBDParams(0.243, 4.414, 0.793, 2.426)
    >>> expected_purchases(p, 0.0) == 0, round(expected_purchases(p, 39.0), 3)
    (True, 1.197)
    """
    r, alpha, a, b = _check_positive(params, "r, alpha, a, b")
    tt = np.maximum(np.asarray(t, dtype=float), 0.0)
    z = tt / (alpha + tt)
    value = (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + tt)) ** r * special.hyp2f1(r, b, a + b - 1, z))
    return float(value) if np.ndim(value) == 0 else value


def probability_alive(params: Iterable[float], frequency: object, recency: object, T: object) -> pd.Series | np.ndarray:  # noqa: N803
    """The probability that each customer is still a customer at the end of the period.

    ::

        P(alive) = 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))

    Customers without a repeat purchase count as alive (BG/NBD lets customers leave only after a
    repeat purchase). For a customer who has bought, a long silence since the last purchase lowers
    the probability, and more so the more often they used to buy.

    Parameters
    ----------
    params : (r, alpha, a, b)
        Fitted BG/NBD parameters.
    frequency, recency, T : array-like or Series
        As for :func:`bgnbd_fit`.

    Returns
    -------
    Series or ndarray
        Values in (0, 1]; a Series named ``p_alive`` with the index of ``frequency`` when it is one.

    Examples
    --------
    >>> p = BGNBDParams(0.243, 4.414, 0.793, 2.426)
    >>> probability_alive(p, [0, 2, 2], [0.0, 30.0, 5.0], [38.0, 38.0, 38.0]).round(3)
    array([1.   , 0.73 , 0.129])
    """
    r, alpha, a, b = _check_positive(params, "r, alpha, a, b")
    x, tx, big_t, index = _rfm_arrays(frequency, recency, T)
    odds = _dead_odds(r, alpha, a, b, x, tx, big_t)
    return _label(1.0 / (1.0 + odds), index, "p_alive")


def _dead_odds(r: float, alpha: float, a: float, b: float, x: np.ndarray, tx: np.ndarray,
               big_t: np.ndarray) -> np.ndarray:
    """Odds of having left after the last purchase against being alive (0 without repeats)."""
    repeat = x > 0
    log_odds = np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) + (r + x) * (np.log(alpha + big_t) - np.log(alpha + tx))
    return np.where(repeat, np.exp(np.minimum(log_odds, 700.0)), 0.0)


def predicted_purchases(params: Iterable[float], frequency: object, recency: object, T: object,  # noqa: N803
                        horizon: float) -> pd.Series | np.ndarray:
    """Expected purchases of each customer in the next ``horizon`` time units, given their history.

    ::

        E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1)
                              · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
                              / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))

    (Fader, Hardie & Lee 2005, eq. 10): what an alive customer with this history would buy,
    times the probability that they are alive.

    Parameters
    ----------
    params : (r, alpha, a, b)
        Fitted BG/NBD parameters.
    frequency, recency, T : array-like or Series
        As for :func:`bgnbd_fit`.
    horizon : float
        Length of the future period, in the unit of the fit (39 = 39 weeks with weekly data).

    Returns
    -------
    Series or ndarray
        Expected purchases per customer; a Series named ``predicted_purchases`` with the index of
        ``frequency`` when it is one.

    Raises
    ------
    ValueError
        If ``horizon`` is negative, or the numbers overflow (an implausible fit or history).

    Examples
    --------
    >>> p = BGNBDParams(0.243, 4.414, 0.793, 2.426)
    >>> predicted_purchases(p, [0, 2, 2], [0.0, 30.0, 5.0], [38.0, 38.0, 38.0], 39).round(3)
    array([0.199, 1.253, 0.221])
    """
    if horizon < 0:
        raise ValueError(f"horizon={horizon}; give the length of the future period (≥ 0) in the unit of the fit.")
    r, alpha, a, b = _check_positive(params, "r, alpha, a, b")
    x, tx, big_t, index = _rfm_arrays(frequency, recency, T)
    z = horizon / (alpha + big_t + horizon)
    alive_part = (a + b + x - 1) / (a - 1) * (
        1 - ((alpha + big_t) / (alpha + big_t + horizon)) ** (r + x) * special.hyp2f1(r + x, b + x, a + b + x - 1, z))
    value = alive_part / (1.0 + _dead_odds(r, alpha, a, b, x, tx, big_t))
    if not np.all(np.isfinite(value)):
        raise ValueError(f"predicted_purchases: the numbers overflow for {int((~np.isfinite(value)).sum())} customer(s); "
                         "check the parameters and the time unit (recency and T in the unit of the fit).")
    return _label(value, index, "predicted_purchases")


# --------------------------------------------------------------------------- Gamma-Gamma


def _gg_arrays(frequency: object, monetary: object) -> tuple[np.ndarray, np.ndarray, pd.Index | None]:
    (x, m), index = _as_arrays(frequency, monetary, names=("frequency", "monetary"))
    if (x < 0).any() or not np.array_equal(x, np.round(x)):
        raise ValueError("frequency must be whole numbers ≥ 0 (repeat purchases). Use helpers.clv.clv_summary.")
    bad = (x > 0) & (m <= 0)
    if bad.any():
        raise ValueError(f"monetary is 0 or less for {int(bad.sum())} customer(s) with repeat purchases; the "
                         "Gamma-Gamma model needs positive spend. Leave those customers out (and say so).")
    return x, m, index


def gamma_gamma_log_likelihood(params: Iterable[float], frequency: object, monetary: object) -> float:
    """The Gamma-Gamma log-likelihood of the repeat customers' average spend under ``(p, q, v)``.

    For a customer with ``x ≥ 1`` repeat purchases of average value ``m``::

        f(m | x) = Γ(px+q) / (Γ(px) Γ(q)) · v^q · x^(px) · m^(px−1) / (v + x m)^(px+q)

    Customers without a repeat purchase carry no information on spend and are left out.

    Parameters
    ----------
    params : (p, q, v)
        Three positive numbers.
    frequency, monetary : array-like
        Repeat purchases and the mean value of the repeat purchases (:func:`clv_summary`).

    Returns
    -------
    float
        The total log-likelihood over customers with ``frequency > 0``.

    Examples
    --------
    >>> round(gamma_gamma_log_likelihood((1.0, 1.0, 1.0), [1, 0], [1.0, 0.0]), 6)   # 1/(1+1)^2
    -1.386294
    """
    p, q, v = _check_positive(params, "p, q, v")
    x, m, _ = _gg_arrays(frequency, monetary)
    keep = x > 0
    return float(_gg_terms(p, q, v, x[keep], m[keep]).sum())


def _gg_terms(p: float, q: float, v: float, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    px = p * x
    return (special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q) + q * np.log(v)
            + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * np.log(v + x * m))


def gamma_gamma_fit(frequency: object, monetary: object) -> GammaGammaParams:
    """Fit the Gamma-Gamma spend model by maximum likelihood on the customers with repeat purchases.

    On the CDNOW sample (946 customers with repeat purchases in the 39-week calibration) it gives
    Hardie's published p 6.25, q 3.74, v 15.44. The model assumes that how much a customer
    spends per purchase does not depend on how often they buy: check that the correlation of
    ``frequency`` and ``monetary`` among repeat customers is small before using it.

    Parameters
    ----------
    frequency, monetary : array-like
        Repeat purchases and the mean value of the repeat purchases (:func:`clv_summary`).

    Returns
    -------
    GammaGammaParams
        ``(p, q, v)``.

    Raises
    ------
    ValueError
        If fewer than two customers made repeat purchases, a repeat customer's spend is not
        positive, or the fit does not converge.

    Examples
    --------
    >>> p, q, v = gamma_gamma_fit([1, 2, 3, 1, 4, 2, 0], [20.0, 35.0, 30.0, 12.0, 50.0, 25.0, 0.0])
    >>> all(value > 0 for value in (p, q, v))
    True
    """
    x, m, _ = _gg_arrays(frequency, monetary)
    keep = x > 0
    if keep.sum() < 2:
        raise ValueError("gamma_gamma_fit: fewer than two customers made repeat purchases; there is nothing to fit.")
    xs, ms = x[keep], m[keep]
    n = len(xs)

    def nll(theta: np.ndarray) -> float:
        p, q, v = np.exp(theta)
        return -float(_gg_terms(p, q, v, xs, ms).sum()) / n

    def grad(theta: np.ndarray) -> np.ndarray:
        p, q, v = np.exp(theta)
        psi = special.digamma
        px = p * xs
        d_p = xs * (psi(px + q) - psi(px) + np.log(ms) + np.log(xs) - np.log(v + xs * ms))
        d_q = psi(px + q) - psi(q) + np.log(v) - np.log(v + xs * ms)
        d_v = q / v - (px + q) / (v + xs * ms)
        return -np.array([d_p.sum() * p, d_q.sum() * q, d_v.sum() * v]) / n

    p, q, v = _maximise(nll, grad, np.log([1.0, 1.0, float(np.mean(ms))]), "gamma_gamma_fit")
    return GammaGammaParams(float(p), float(q), float(v))


def expected_spend(params: Iterable[float], frequency: object, monetary: object) -> pd.Series | np.ndarray:
    """Each customer's expected value per purchase: their own average, shrunk towards the population's.

    ::

        E[M | x, m] = (q−1)/(px+q−1) · p v/(q−1)  +  px/(px+q−1) · m

    The more repeat purchases, the more weight the customer's own average gets; without a repeat
    purchase it is the population mean ``p v / (q − 1)``.

    Parameters
    ----------
    params : (p, q, v)
        Fitted Gamma-Gamma parameters (``q > 1`` for a finite population mean).
    frequency, monetary : array-like or Series
        As for :func:`gamma_gamma_fit`.

    Returns
    -------
    Series or ndarray
        Named ``expected_spend`` with the index of ``frequency`` when it is a Series.

    Raises
    ------
    ValueError
        If ``q ≤ 1`` (the population mean is infinite).

    Examples
    --------
    >>> gg = GammaGammaParams(6.25, 3.74, 15.44)
    >>> expected_spend(gg, [0, 1, 10], [0.0, 60.0, 60.0]).round(2)
    array([35.22, 52.45, 58.96])
    """
    p, q, v = _check_positive(params, "p, q, v")
    if q <= 1:
        raise ValueError(f"expected_spend: q={q:.3f} ≤ 1 means an infinite mean spend; the fit is not usable.")
    x, m, index = _gg_arrays(frequency, monetary)
    px = p * x
    value = (q - 1) / (px + q - 1) * (p * v / (q - 1)) + px / (px + q - 1) * np.where(x > 0, m, 0.0)
    return _label(value, index, "expected_spend")


def customer_value(
    summary: pd.DataFrame,
    bgnbd: Iterable[float],
    gamma_gamma: Iterable[float],
    *,
    horizon: float = 52.0,
    steps: int = 12,
    discount_rate: float = 0.10,
    margin: float = 1.0,
    unit_days: float | None = None,
) -> pd.DataFrame:
    """Predicted customer lifetime value (客户终身价值, CLV) over a horizon, discounted, per customer.

    The horizon is cut into ``steps`` equal periods; the value of period k is the expected
    purchases in it (:func:`predicted_purchases` at its end minus at its start) times the
    expected spend per purchase (:func:`expected_spend`) times ``margin``, discounted to today
    at ``discount_rate`` a year::

        CLV = Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) · E[M] · margin / (1 + d)^(t_k in years)

    Parameters
    ----------
    summary : DataFrame
        :func:`clv_summary`: ``frequency``, ``recency``, ``T``, ``monetary`` per customer.
    bgnbd : (r, alpha, a, b)
        Fitted BG/NBD parameters (same time unit as ``summary``).
    gamma_gamma : (p, q, v)
        Fitted Gamma-Gamma parameters.
    horizon : float, default 52
        How far ahead, in the unit of the summary (52 weeks = one year).
    steps : int, default 12
        Periods the horizon is cut into for discounting (12 = monthly over a year).
    discount_rate : float, default 0.10
        Yearly discount rate (0.10 = money a year from now is worth 10% less).
    margin : float, default 1.0
        Share of the spend that is margin; 1.0 values revenue.
    unit_days : float, optional
        Days in one time unit; default ``summary.attrs["unit_days"]`` (7 for weeks).

    Returns
    -------
    DataFrame
        Indexed like ``summary``: ``p_alive``, ``expected_purchases`` (over the horizon),
        ``expected_spend`` (per purchase) and ``clv`` (discounted value of the horizon).

    Raises
    ------
    KeyError
        If a column is missing from ``summary``.
    ValueError
        If ``horizon``, ``steps``, ``discount_rate`` or ``margin`` is out of range.

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [0, 3], "recency": [0.0, 30.0], "T": [38.0, 38.0],
    ...                         "monetary": [0.0, 40.0]}, index=["a", "b"])
    >>> value = customer_value(summary, BGNBDParams(0.243, 4.414, 0.793, 2.426),
    ...                        GammaGammaParams(6.25, 3.74, 15.44), unit_days=7)
    >>> value.round(2)
       p_alive  expected_purchases  expected_spend    clv
    a     1.00                0.26           35.22   8.60
    b     0.74                2.28           39.39  85.84
    """
    require_columns(summary, ["frequency", "recency", "T", "monetary"], "customer_value")
    if horizon <= 0 or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"customer_value: horizon={horizon}, steps={steps}; give a positive horizon and a whole "
                         "number of steps ≥ 1.")
    if not 0 <= discount_rate < 1 or not 0 < margin <= 1:
        raise ValueError(f"customer_value: discount_rate={discount_rate} must be in [0, 1) and margin={margin} in (0, 1].")
    unit = summary.attrs.get("unit_days", 7) if unit_days is None else unit_days
    f, rec, age = summary["frequency"], summary["recency"], summary["T"]
    edges = np.linspace(0.0, horizon, steps + 1)
    cumulative = np.column_stack([np.asarray(predicted_purchases(bgnbd, f, rec, age, t)) for t in edges])
    per_step = np.diff(cumulative, axis=1)
    discount = (1 + discount_rate) ** (-edges[1:] * unit / 365.25)
    spend = np.asarray(expected_spend(gamma_gamma, f, summary["monetary"]))
    out = pd.DataFrame({
        "p_alive": np.asarray(probability_alive(bgnbd, f, rec, age)),
        "expected_purchases": cumulative[:, -1],
        "expected_spend": spend,
        "clv": (per_step * discount).sum(axis=1) * spend * margin,
    }, index=summary.index)
    return out


# --------------------------------------------------------------------------- holdout check


def holdout_by_frequency(table: pd.DataFrame, params: Iterable[float], *, top: int = 7) -> pd.DataFrame:
    """Per number of calibration repeat purchases (0, 1, …, ``top``+): actual and predicted holdout purchases.

    The classic check of Fader, Hardie & Lee (2005, figure 5): customers are grouped by what they
    did in the calibration period, and each group's average purchases in the holdout period are
    set beside the model's average prediction for the same customers.

    Parameters
    ----------
    table : DataFrame
        :func:`holdout_table` (its ``attrs["holdout_length"]`` is the horizon).
    params : (r, alpha, a, b)
        BG/NBD parameters fitted on the calibration columns.
    top : int, default 7
        The last group holds everyone with ``top`` or more repeat purchases.

    Returns
    -------
    DataFrame
        Indexed by ``calibration_purchases`` (text: "0" … "7+"): ``customers``, ``actual`` and
        ``predicted`` (mean holdout purchases per customer).

    Raises
    ------
    KeyError
        If ``table`` lacks the holdout columns.

    Examples
    --------
    >>> t = pd.DataFrame({"frequency": [0, 0, 1, 3], "recency": [0.0, 0.0, 5.0, 9.0], "T": [10.0] * 4,
    ...                   "holdout_purchases": [0, 1, 1, 2]})
    >>> t.attrs["holdout_length"] = 10.0
    >>> holdout_by_frequency(t, (1.0, 4.0, 1.5, 3.0), top=2).round(2)
                           customers  actual  predicted
    calibration_purchases
    0                              2     0.5       0.58
    1                              1     1.0       0.51
    2+                             1     2.0       1.52
    """
    require_columns(table, ["frequency", "recency", "T", "holdout_purchases"], "holdout_by_frequency")
    horizon = table.attrs.get("holdout_length")
    if horizon is None:
        raise KeyError("holdout_by_frequency: the table has no attrs['holdout_length']; make it with holdout_table.")
    predicted = np.asarray(predicted_purchases(params, table["frequency"], table["recency"], table["T"], horizon))
    group = np.minimum(table["frequency"].to_numpy(), top)
    frame = pd.DataFrame({"group": group, "actual": table["holdout_purchases"].to_numpy(dtype=float),
                          "predicted": predicted})
    out = frame.groupby("group").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                     predicted=("predicted", "mean"))
    out.index = [f"{g}+" if g == top else str(g) for g in out.index]
    out.index.name = "calibration_purchases"
    return out


def holdout_totals(table: pd.DataFrame, params: Iterable[float]) -> pd.Series:
    """All customers together: actual and predicted holdout purchases, and the relative error.

    Parameters
    ----------
    table : DataFrame
        :func:`holdout_table`.
    params : (r, alpha, a, b)
        BG/NBD parameters fitted on the calibration columns.

    Returns
    -------
    Series
        ``customers``, ``actual`` (total purchases), ``predicted`` (total expected) and
        ``error`` (predicted / actual − 1).

    Raises
    ------
    KeyError
        If ``table`` lacks the holdout columns or ``attrs["holdout_length"]``.

    Examples
    --------
    >>> t = pd.DataFrame({"frequency": [0, 1], "recency": [0.0, 5.0], "T": [10.0, 10.0],
    ...                   "holdout_purchases": [1, 1]})
    >>> t.attrs["holdout_length"] = 10.0
    >>> holdout_totals(t, (1.0, 4.0, 1.5, 3.0)).round(3).to_dict()
    {'customers': 2.0, 'actual': 2.0, 'predicted': 1.091, 'error': -0.454}
    """
    require_columns(table, ["frequency", "recency", "T", "holdout_purchases"], "holdout_totals")
    horizon = table.attrs.get("holdout_length")
    if horizon is None:
        raise KeyError("holdout_totals: the table has no attrs['holdout_length']; make it with holdout_table.")
    predicted = float(np.sum(predicted_purchases(params, table["frequency"], table["recency"], table["T"], horizon)))
    actual = float(table["holdout_purchases"].sum())
    return pd.Series({"customers": float(len(table)), "actual": actual, "predicted": predicted,
                      "error": predicted / actual - 1 if actual else np.nan})


@shared_docs
def weekly_tracking(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    params: Iterable[float],
    end: object = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    unit_days: float = 7,
) -> pd.DataFrame:
    """Repeat purchases of the calibration cohort per period, actual and expected by the model.

    The cohort is everyone whose first purchase is before ``as_of``. For each period (of
    ``unit_days`` days, counted from the cohort's first day) the model's expectation is the sum over
    the cohort of :func:`expected_purchases` at each customer's age, differenced; the actual count
    is the repeat purchase days in the period. The calibration periods show the fit, the later
    ones the forecast.

    Parameters
    ----------
    {transactions}
    {as_of}
        Here: the first day of the holdout period (required).
    params : (r, alpha, a, b)
        BG/NBD parameters fitted on the calibration period, in the unit ``unit_days``.
    end : date-like, optional
        The day after the last period shown. Default: midnight after the last transaction.
    {customer}
    {date}
    {amount}
    unit_days : float, default 7
        Days per period and per time unit of ``params``.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (1, 2, …): ``actual`` and ``expected`` repeat purchases in the
        period, ``actual_cumulative``, ``expected_cumulative`` and ``holdout`` (bool: the period
        starts on or after ``as_of``). ``attrs["calibration_periods"]``: periods before ``as_of``.

    Raises
    ------
    ValueError
        If ``as_of`` is missing or ``end`` is not after it.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "a"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-16"]),
    ...                    "revenue": [10.0, 20.0, 5.0, 7.0]})
    >>> w = weekly_tracking(tx, "2025-01-15", params=(1.0, 4.0, 1.5, 3.0), end="2025-01-22")
    >>> w[["actual", "holdout"]]
            actual  holdout
    period
    1            0    False
    2            1    False
    3            1     True
    """
    if as_of is None:
        raise ValueError("weekly_tracking needs as_of: the first day of the holdout period, e.g. as_of='1997-10-01'.")
    start = resolve_as_of(transactions, as_of, date=date).normalize()
    stop = resolve_as_of(transactions, end, date=date).normalize()
    if stop <= start:
        raise ValueError(f"weekly_tracking: end={stop.date()} must be after as_of={start.date()}.")
    buys, _ = _purchases(transactions, customer, date, amount, "weekly_tracking")
    buys = buys[buys[date] < stop].assign(_day=lambda d: d[date].dt.normalize())
    first = buys.groupby(customer)["_day"].min()
    cohort = first[first < start]
    days = buys[buys[customer].isin(cohort.index)].drop_duplicates([customer, "_day"])
    repeat_days = days[days["_day"] > days[customer].map(cohort)]["_day"]
    origin = cohort.min()
    n_periods = int(np.ceil((stop - origin).days / unit_days))
    edges = origin + pd.to_timedelta(np.arange(n_periods + 1) * unit_days, unit="D")
    actual = np.histogram((repeat_days - origin).dt.days.to_numpy(dtype=float),
                          bins=(edges - origin).days.to_numpy(dtype=float))[0]
    # expected: Σ_i E[X(age_i at each edge)], in the unit of the fit
    births = (cohort - origin).dt.days.to_numpy(dtype=float)
    edge_days = (edges - origin).days.to_numpy(dtype=float)
    ages = (edge_days[:, None] - births[None, :]) / unit_days
    expected_cum = np.asarray(expected_purchases(params, ages)).sum(axis=1)
    out = pd.DataFrame({
        "actual": actual.astype("int64"),
        "expected": np.diff(expected_cum),
        "actual_cumulative": np.cumsum(actual).astype("int64"),
        "expected_cumulative": expected_cum[1:],
        "holdout": (edges[:-1] >= start),
    }, index=pd.RangeIndex(1, n_periods + 1, name="period"))
    out.attrs.update(calibration_periods=int((edges[:-1] < start).sum()), cohort=len(cohort), unit_days=unit_days)
    return out


# --------------------------------------------------------------------------- clusters


def cluster_features(table: pd.DataFrame, features: Sequence[str] = FEATURES) -> pd.DataFrame:
    """Log-scaled, standardised features for k-means: ``z = (log(1 + x) − mean) / sd``.

    RFM values are skewed (a few customers buy a hundred times more than most); k-means on raw
    values would give one cluster to the few big ones and lump everyone else together. The log
    evens the scale and the standardisation gives every feature the same weight.

    Parameters
    ----------
    table : DataFrame
        One row per customer with the ``features`` columns, e.g. :func:`helpers.rfm.rfm_table`
        (kit convention: recency in days since the last purchase, frequency in purchase days,
        monetary net revenue).
    features : sequence of str, default ("recency", "frequency", "monetary")
        The columns to use (at least one).

    Returns
    -------
    DataFrame
        Same index, one column per feature, each with mean 0 and standard deviation 1.

    Raises
    ------
    KeyError
        If a feature column is missing.
    ValueError
        If no feature is given, a value is missing or below 0 (e.g. net revenue after returns),
        or a feature has the same value for everyone.

    Examples
    --------
    >>> t = pd.DataFrame({"recency": [1.0, 10.0, 100.0], "frequency": [5, 2, 1], "monetary": [500.0, 80.0, 9.0]})
    >>> z = cluster_features(t)
    >>> z.round(3)
       recency  frequency  monetary
    0   -1.168      1.317     1.196
    1   -0.106     -0.211     0.056
    2    1.274     -1.105    -1.252
    >>> z.std(ddof=0).round(6).tolist()
    [1.0, 1.0, 1.0]
    """
    features = list(features)
    if not features:
        raise ValueError("cluster_features: give at least one feature, e.g. features=['recency', 'frequency'].")
    require_columns(table, features, "cluster_features")
    values = table[features].apply(pd.to_numeric, errors="coerce").astype(float)
    if values.isna().any().any():
        col = values.columns[values.isna().any()][0]
        raise ValueError(f"cluster_features: column {col!r} has {int(values[col].isna().sum())} missing value(s).")
    negative = (values < 0).sum()
    if negative.any():
        col = negative.index[negative > 0][0]
        raise ValueError(f"cluster_features: column {col!r} is below 0 for {int(negative[col])} customer(s) (e.g. "
                         "returns larger than purchases); leave them out or set them to 0, and report how many.")
    logged = np.log1p(values)
    sd = logged.std(ddof=0)
    flat = sd[sd == 0]
    if len(flat):
        raise ValueError(f"cluster_features: {list(flat.index)} has the same value for every customer, so it cannot "
                         "separate anyone; drop it from features.")
    return (logged - logged.mean()) / sd


def _one_thread():
    """k-means and the silhouette on one thread: the same answer on every machine, and no slowdown.

    scikit-learn's k-means runs OpenMP threads; on a shared or busy machine (a training room's
    server, a CI runner) they oversubscribe the cores and one fit of 5,000 customers takes seconds
    instead of a tenth of one. ``threadpoolctl`` ships with scikit-learn (it is one of its
    requirements).
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def _kmeans_raw(features: pd.DataFrame, k: int, seed: int, n_init: int) -> tuple[np.ndarray, float]:
    from sklearn.cluster import KMeans

    if not isinstance(k, (int, np.integer)) or k < 2 or k > len(features):
        raise ValueError(f"k={k!r}: give a whole number of clusters from 2 to the number of customers ({len(features)}).")
    if n_init < 10:
        raise ValueError(f"n_init={n_init}: k-means depends on its starting points; use n_init ≥ 10 restarts.")
    model = KMeans(n_clusters=int(k), n_init=int(n_init), random_state=int(seed))
    with _one_thread():
        labels = model.fit_predict(features.to_numpy(dtype=float))
    return labels, float(model.inertia_)


def _by_value(raw: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """Rank 1 = the cluster with the highest average value.

    Ties in value go to the larger cluster, then to the cluster holding the earlier customer, so
    the ranks never depend on how k-means happened to number the clusters.
    """
    raw = np.asarray(raw)
    means = np.array([value[raw == c].mean() if (raw == c).any() else -np.inf for c in range(k)])
    sizes = np.bincount(raw, minlength=k)
    first = np.array([np.flatnonzero(raw == c)[0] if (raw == c).any() else len(raw) for c in range(k)])
    order = np.lexsort((first, -sizes, -means))  # by mean value, then size (both descending), then first member
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(1, k + 1)
    return rank[raw]


def kmeans_clusters(features: pd.DataFrame, k: int, value: pd.Series, *, seed: int = 0,
                    n_init: int = 10) -> pd.Series:
    """k-means clusters, numbered by value: 1 = the cluster with the highest average ``value``.

    scikit-learn's ``KMeans`` with ``random_state=seed`` and ``n_init`` restarts (the best of them
    is kept). Its raw cluster numbers are arbitrary and change with the seed; renumbering by
    average value makes the same cluster get the same number whatever the seed.

    Parameters
    ----------
    features : DataFrame
        :func:`cluster_features` (one row per customer).
    k : int
        Number of clusters (2 or more).
    value : Series
        The value that orders the clusters (e.g. the RFM table's ``monetary`` or predicted CLV),
        indexed like ``features``.
    seed : int, default 0
        ``random_state`` of k-means.
    n_init : int, default 10
        Restarts from different starting points (at least 10).

    Returns
    -------
    Series
        Named ``cluster``: 1 … k per customer, same index as ``features``.

    Raises
    ------
    ValueError
        If ``k`` or ``n_init`` is out of range, or ``value`` misses customers.

    Examples
    --------
    >>> z = pd.DataFrame({"f": [0.0, 0.1, 5.0, 5.1, 9.0, 9.2]}, index=list("abcdef"))
    >>> value = pd.Series([1.0, 1.0, 50.0, 60.0, 10.0, 12.0], index=list("abcdef"))
    >>> kmeans_clusters(z, 3, value).tolist()
    [3, 3, 1, 1, 2, 2]
    """
    v = _aligned(value, features.index, "value")
    raw, _ = _kmeans_raw(features, k, seed, n_init)
    return pd.Series(_by_value(raw, v, int(k)), index=features.index, name="cluster")


def _aligned(values: pd.Series, index: pd.Index, name: str) -> np.ndarray:
    got = values.reindex(index)
    if got.isna().any():
        raise ValueError(f"{name} has no value for {int(got.isna().sum())} customer(s) of the features; "
                         "compute both on the same customers.")
    return got.to_numpy(dtype=float)


def seed_agreement(features: pd.DataFrame, k: int, value: pd.Series, *, seeds: Sequence[int] = range(5),
                   n_init: int = 10) -> pd.DataFrame:
    """Do different seeds find the same clusters? Each seed against the first one.

    Parameters
    ----------
    features : DataFrame
        :func:`cluster_features`.
    k : int
        Number of clusters.
    value : Series
        Orders the clusters (see :func:`kmeans_clusters`).
    seeds : sequence of int, default range(5)
        ``random_state`` values; the first is the reference.
    n_init : int, default 10
        Restarts per fit.

    Returns
    -------
    DataFrame
        Indexed by ``seed``: ``ari`` (adjusted Rand index with the first seed's clusters: 1 = the
        same grouping, about 0 = no better than chance), ``raw_agreement`` (share of customers
        whose k-means number is the same as with the first seed) and ``ranked_agreement`` (the
        same for the value-ranked numbers of :func:`kmeans_clusters`).

    Examples
    --------
    >>> z = pd.DataFrame({"f": [0.0, 0.1, 5.0, 5.1, 9.0, 9.2]})
    >>> value = pd.Series([1.0, 1.0, 50.0, 60.0, 10.0, 12.0])
    >>> seed_agreement(z, 3, value, seeds=[0, 1])[["ari", "ranked_agreement"]]
          ari  ranked_agreement
    seed
    0     1.0               1.0
    1     1.0               1.0
    """
    from sklearn.metrics import adjusted_rand_score

    v = _aligned(value, features.index, "value")
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seed_agreement: give at least one seed.")
    rows = []
    first_raw = first_ranked = None
    for seed in seeds:
        raw, _ = _kmeans_raw(features, k, seed, n_init)
        ranked = _by_value(raw, v, int(k))
        if first_raw is None:
            first_raw, first_ranked = raw, ranked
        rows.append({"seed": seed, "ari": float(adjusted_rand_score(first_ranked, ranked)),
                     "raw_agreement": float((raw == first_raw).mean()),
                     "ranked_agreement": float((ranked == first_ranked).mean())})
    return pd.DataFrame(rows).set_index("seed")


def silhouette(features: pd.DataFrame, clusters: pd.Series, *, sample: int | None = 2000) -> float:
    """The mean silhouette of the clusters: −1 … 1, higher = customers sit closer to their own cluster than to the next.

    For each customer, ``(b − a) / max(a, b)`` with ``a`` the mean distance to the other members of
    their cluster and ``b`` the mean distance to the members of the nearest other cluster
    (scikit-learn's ``silhouette_score``, on one thread).

    Parameters
    ----------
    features : DataFrame
        :func:`cluster_features`.
    clusters : Series
        Cluster per customer, indexed like ``features``.
    sample : int or None, default 2000
        Customers used (a fixed random sample, seed 0; ``None`` = all): the silhouette compares
        every pair, so its cost grows with the square of the number of customers.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If there is only one cluster.

    Examples
    --------
    >>> z = pd.DataFrame({"f": [0.0, 0.0, 1.0, 1.0]})
    >>> silhouette(z, pd.Series([1, 1, 2, 2]))
    1.0
    """
    from sklearn.metrics import silhouette_score

    labels = clusters.reindex(features.index).to_numpy()
    if len(pd.unique(labels)) < 2:
        raise ValueError("silhouette: there is only one cluster; the silhouette compares at least two.")
    size = None if sample is None or sample >= len(features) else sample
    with _one_thread():
        return float(silhouette_score(features.to_numpy(dtype=float), labels, sample_size=size, random_state=0))


def choose_k(features: pd.DataFrame, value: pd.Series, ks: Iterable[int] = range(2, 9), *,
             seeds: Sequence[int] = range(5), n_init: int = 10, sample: int | None = 2000) -> pd.DataFrame:
    """The numbers that help choose k: fit, separation, stability across seeds and the smallest cluster.

    No statistic picks k alone. The silhouette (−1 … 1: how much closer each customer is to their
    own cluster than to the next one) rewards clear separation; the adjusted Rand index across
    seeds rewards clusters that do not depend on luck; the smallest cluster's share says whether
    every cluster is big enough to get its own treatment. Business sense decides among the
    candidates that do well on all three.

    Parameters
    ----------
    features : DataFrame
        :func:`cluster_features`.
    value : Series
        Orders the clusters (see :func:`kmeans_clusters`).
    ks : iterable of int, default range(2, 9)
        The numbers of clusters to try.
    seeds : sequence of int, default range(5)
        Seeds for the stability measure; the first seed's fit gives inertia, silhouette and sizes.
    n_init : int, default 10
        Restarts per fit.
    sample : int or None, default 2000
        Customers used for the silhouette (a fixed random sample, seed 0; ``None`` = all). The
        silhouette compares every pair of customers, so its cost grows with the square of their number.

    Returns
    -------
    DataFrame
        Indexed by ``k``: ``inertia`` (within-cluster sum of squares), ``silhouette``,
        ``ari_mean`` and ``ari_min`` (each other seed against the first) and ``smallest_share``
        (the smallest cluster's share of customers).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> z = pd.DataFrame({"f": np.r_[rng.normal(0, 0.1, 20), rng.normal(3, 0.1, 20)]})
    >>> value = pd.Series(np.r_[np.ones(20), np.full(20, 5.0)])
    >>> table = choose_k(z, value, ks=[2, 3], seeds=[0, 1])
    >>> int(table["silhouette"].idxmax()), float(table.loc[2, "ari_min"])
    (2, 1.0)
    """
    from sklearn.metrics import adjusted_rand_score

    v = _aligned(value, features.index, "value")
    seeds = list(seeds)
    rows = []
    for k in ks:
        fits = [_kmeans_raw(features, k, s, n_init) for s in seeds]
        raw, inertia = fits[0]
        aris = [adjusted_rand_score(raw, other) for other, _ in fits[1:]] or [1.0]
        rows.append({"k": int(k), "inertia": inertia,
                     "silhouette": silhouette(features, pd.Series(raw, index=features.index), sample=sample),
                     "ari_mean": float(np.mean(aris)), "ari_min": float(np.min(aris)),
                     "smallest_share": float(np.bincount(_by_value(raw, v, int(k))).astype(float)[1:].min() / len(raw))})
    return pd.DataFrame(rows).set_index("k")


def cluster_profile(table: pd.DataFrame, clusters: pd.Series, *, value: str = "monetary",
                    features: Sequence[str] = FEATURES, extra: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per cluster: the summary columns (customers, shares, value), the median of each feature and the mean of ``extra``.

    Parameters
    ----------
    table : DataFrame
        One row per customer with the ``value`` and ``features`` columns (e.g. an RFM table).
    clusters : Series
        :func:`kmeans_clusters` (1 = highest value), indexed like ``table``.
    value : str, default "monetary"
        The per-customer measure added up in ``value`` and ``value_share``.
    features : sequence of str, default ("recency", "frequency", "monetary")
        Columns whose median per cluster is reported (as ``median_<feature>``).
    extra : DataFrame, optional
        More per-customer columns (e.g. ``p_alive`` and ``clv`` from :func:`customer_value`)
        whose mean per cluster is added (as ``mean_<column>``).

    Returns
    -------
    DataFrame
        Indexed by ``cluster`` (1 … k): ``customers``, ``customer_share``, ``value``,
        ``value_share``, ``average_value``, ``median_<feature>`` …, ``mean_<extra>`` ….

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a customer of ``table`` has no cluster.

    Examples
    --------
    >>> t = pd.DataFrame({"recency": [5.0, 9.0, 200.0], "frequency": [6, 4, 1], "monetary": [900.0, 500.0, 30.0]},
    ...                  index=list("abc"))
    >>> cluster_profile(t, pd.Series([1, 1, 2], index=list("abc")))[["customers", "value_share", "median_frequency"]]
             customers  value_share  median_frequency
    cluster
    1                2     0.979021               5.0
    2                1     0.020979               1.0
    """
    require_columns(table, [value, *features], "cluster_profile")
    groups = clusters.reindex(table.index)
    if groups.isna().any():
        raise ValueError(f"cluster_profile: {int(groups.isna().sum())} customer(s) have no cluster; "
                         "compute the clusters on the same table.")
    keys = groups.to_numpy()
    grouped = table.groupby(keys)
    out = pd.DataFrame({"customers": grouped.size(), "value": grouped[value].sum()})
    out.insert(1, "customer_share", out["customers"] / out["customers"].sum())
    total = out["value"].sum()
    out["value_share"] = out["value"] / total if total else np.nan
    out["average_value"] = out["value"] / out["customers"]
    for feature in features:
        out[f"median_{feature}"] = grouped[feature].median().astype(float)
    if extra is not None:
        more = extra.reindex(table.index)
        for col in more.columns:
            out[f"mean_{col}"] = more[col].groupby(keys).mean()
    out.index.name = "cluster"
    return out.sort_index()


def cluster_traits(features: pd.DataFrame, clusters: pd.Series, *, threshold: float = 0.5) -> pd.DataFrame:
    """What stands out in each cluster: ``"high"``, ``"low"`` or ``""`` per feature, from its mean z-score.

    A cluster's mean standardised feature (:func:`cluster_features`) of ``threshold`` or more is
    ``"high"``, of ``-threshold`` or less ``"low"``. The charts turn these into names ("recent,
    frequent, big spenders"), so a cluster is named by what it is, never "cluster 2".

    Parameters
    ----------
    features : DataFrame
        :func:`cluster_features`.
    clusters : Series
        :func:`kmeans_clusters`, indexed like ``features``.
    threshold : float, default 0.5
        Standard deviations from the average that count as standing out.

    Returns
    -------
    DataFrame
        Indexed by ``cluster``: one column per feature with ``"high"``, ``"low"`` or ``""``, and
        the mean z-scores as ``z_<feature>``.

    Examples
    --------
    >>> z = pd.DataFrame({"recency": [-1.0, -1.2, 1.1], "frequency": [1.0, 0.2, -1.2]})
    >>> cluster_traits(z, pd.Series([1, 1, 2]))[["recency", "frequency"]]
            recency frequency
    cluster
    1           low      high
    2          high       low
    """
    keys = clusters.reindex(features.index).to_numpy()
    means = features.groupby(keys).mean()
    means.index.name = "cluster"
    values = means.to_numpy()
    out = pd.DataFrame(np.where(values >= threshold, "high", np.where(values <= -threshold, "low", "")),
                       index=means.index, columns=means.columns)
    for col in means.columns:
        out[f"z_{col}"] = means[col]
    return out


def cluster_tier_map(clusters: pd.Series, tiers: pd.Series, *, normalize: str | None = "columns") -> pd.DataFrame:
    """Cross-table of the module-04 RFM tiers (or segments) against the clusters.

    Parameters
    ----------
    clusters : Series
        :func:`kmeans_clusters`.
    tiers : Series
        A tier or segment per customer (e.g. ``helpers.rfm.rfm(...)["tier"]``), same customers.
    normalize : {"columns", "index", None}, default "columns"
        ``"columns"``: each cluster's customers split by tier (columns add up to 1);
        ``"index"``: each tier split by cluster; ``None``: counts.

    Returns
    -------
    DataFrame
        Rows: tiers (in :data:`helpers._common.SERVICE_TIERS` order when they are the service
        tiers), columns: clusters 1 … k.

    Raises
    ------
    ValueError
        If the two Series do not cover the same customers.

    Examples
    --------
    >>> c = pd.Series([1, 1, 2, 2], index=list("abcd"))
    >>> t = pd.Series(["VIP", "regular", "potential", "potential"], index=list("abcd"))
    >>> cluster_tier_map(c, t)
    cluster      1    2
    tier
    VIP        0.5  0.0
    regular    0.5  0.0
    potential  0.0  1.0
    """
    if not clusters.index.sort_values().equals(tiers.index.sort_values()):
        raise ValueError("cluster_tier_map: clusters and tiers cover different customers; compute both on one table.")
    table = pd.crosstab(tiers.reindex(clusters.index).astype(str).rename("tier"), clusters.rename("cluster"),
                        normalize=normalize if normalize else False)
    order = [t for t in SERVICE_TIERS if t in table.index]
    if len(order) == len(table.index):
        table = table.loc[order]
    return table


# --------------------------------------------------------------------------- prediction against tiers


def predicted_tiers(values: pd.Series, tiers: pd.Series, order: Sequence[str] = SERVICE_TIERS) -> pd.Series:
    """Tiers of the same sizes as ``tiers``, filled by predicted value: the top n_VIP by ``values`` are VIP, …

    Keeping the sizes makes the comparison fair: the sales team has as many VIP places as
    before; the question is only who should fill them.

    Parameters
    ----------
    values : Series
        Predicted value per customer (e.g. :func:`customer_value`'s ``clv``).
    tiers : Series
        The rule-based tier per customer (e.g. ``helpers.rfm.rfm(...)["tier"]``), same customers.
    order : sequence of str, default ("VIP", "regular", "potential")
        Tiers from best to worst.

    Returns
    -------
    Series
        Named ``predicted_tier``, indexed like ``tiers``. Ties in value are broken by customer id.

    Raises
    ------
    ValueError
        If a tier is not in ``order`` or a customer has no value.

    Examples
    --------
    >>> tiers = pd.Series(["VIP", "regular", "regular", "potential"], index=list("abcd"))
    >>> predicted_tiers(pd.Series([5.0, 50.0, 1.0, 20.0], index=list("abcd")), tiers).tolist()
    ['regular', 'VIP', 'potential', 'regular']
    """
    unknown = sorted(set(tiers.astype(str)) - set(order))
    if unknown:
        raise ValueError(f"predicted_tiers: tiers {unknown} are not in order={list(order)}; pass order=[best, ..., worst].")
    v = pd.Series(_aligned(values, tiers.index, "values"), index=tiers.index)
    sizes = tiers.astype(str).value_counts()
    ranked = v.sort_index(kind="mergesort").sort_values(ascending=False, kind="mergesort").index
    names = np.concatenate([[t] * int(sizes.get(t, 0)) for t in order]).astype(object)
    return pd.Series(names, index=ranked, name="predicted_tier").reindex(tiers.index)


def tier_agreement(tiers: pd.Series, predicted: pd.Series, order: Sequence[str] = SERVICE_TIERS) -> pd.DataFrame:
    """Counts of customers by rule-based tier (rows) and predicted tier (columns).

    Parameters
    ----------
    tiers : Series
        Rule-based tier per customer.
    predicted : Series
        :func:`predicted_tiers` (same customers).
    order : sequence of str, default ("VIP", "regular", "potential")
        Row and column order.

    Returns
    -------
    DataFrame
        Rows ``tier``, columns ``predicted_tier``; the diagonal is agreement.

    Examples
    --------
    >>> t = pd.Series(["VIP", "regular", "potential"], index=list("abc"))
    >>> p = pd.Series(["regular", "VIP", "potential"], index=list("abc"))
    >>> tier_agreement(t, p)
    predicted_tier  VIP  regular  potential
    tier
    VIP               0        1          0
    regular           1        0          0
    potential         0        0          1
    """
    table = pd.crosstab(tiers.astype(str).rename("tier"), predicted.reindex(tiers.index).astype(str).rename("predicted_tier"))
    return table.reindex(index=list(order), columns=list(order), fill_value=0)


def disagreements(tiers: pd.Series, predicted: pd.Series, value: pd.DataFrame,
                  order: Sequence[str] = SERVICE_TIERS) -> pd.DataFrame:
    """The customers whose rule-based tier and predicted tier differ, with the direction and their numbers.

    ``direction`` is ``"rules_higher"`` when the RFM rules put the customer in a better tier than
    the prediction (e.g. a VIP by past spend who has probably left: check before spending the VIP
    budget) and ``"prediction_higher"`` when the prediction ranks them higher (e.g. a new customer
    who already buys often: invest early).

    Parameters
    ----------
    tiers : Series
        Rule-based tier per customer.
    predicted : Series
        :func:`predicted_tiers`.
    value : DataFrame
        Per-customer columns to show beside them (e.g. :func:`customer_value`: ``p_alive``, ``clv``).
    order : sequence of str, default ("VIP", "regular", "potential")
        Tiers from best to worst.

    Returns
    -------
    DataFrame
        One row per disagreeing customer: ``tier``, ``predicted_tier``, ``direction``, then the
        columns of ``value``; sorted by direction, then by the first column of ``value``
        descending.

    Examples
    --------
    >>> t = pd.Series(["VIP", "regular", "potential"], index=list("abc"))
    >>> p = pd.Series(["regular", "VIP", "potential"], index=list("abc"))
    >>> v = pd.DataFrame({"clv": [10.0, 90.0, 1.0]}, index=list("abc"))
    >>> disagreements(t, p, v)
          tier predicted_tier          direction   clv
    b  regular            VIP  prediction_higher  90.0
    a      VIP        regular       rules_higher  10.0
    """
    rank = {t: i for i, t in enumerate(order)}
    tier = tiers.astype(str)
    pred = predicted.reindex(tiers.index).astype(str)
    differ = tier != pred
    out = pd.DataFrame({"tier": tier[differ], "predicted_tier": pred[differ]})
    better_rule = out["tier"].map(rank) < out["predicted_tier"].map(rank)
    out["direction"] = np.where(better_rule, "rules_higher", "prediction_higher")
    out = out.join(value, how="left")
    sort_cols = ["direction"] + ([value.columns[0]] if len(value.columns) else [])
    return out.sort_values(sort_cols, ascending=[True] + [False] * (len(sort_cols) - 1), kind="mergesort")

