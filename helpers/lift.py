"""Did the program work? Measuring lift (效果评估): module 10's computations.

Compute layer: pure functions, no plotting, no printing.

A program's **lift** is what it changed compared with what would have happened
without it. Only a **control group** (对照组) that did not get the program,
chosen at random from the same customers, shows "what would have happened".
The functions here compare a **treatment group** (实验组) with a control group
and give every estimate with a **confidence interval** (置信区间): the range of
effects the data are compatible with.

Shares (repurchase rates)
    :func:`wilson_interval` (one rate), :func:`proportion_difference`
    (treatment minus control, Newcombe's hybrid score interval) and
    :func:`relative_lift` (treatment ÷ control − 1, the log method).
Money and counts per customer
    :func:`mean_difference` (normal approximation), :func:`bootstrap_difference`
    (seeded bootstrap: no bell-shape assumption, good for skewed revenue).
Using the period before the program
    :func:`before_after` (the naive comparison, shown to be biased when the whole
    tier drifts), :func:`diff_in_diff` (difference-in-differences) and
    :func:`cuped_difference` (CUPED: the same estimate with a narrower interval).
Planning a test
    :func:`sample_size`, :func:`study_power`, :func:`power_curve`,
    :func:`simulate_studies` (how often a study of a given size detects an
    effect) and :func:`profit_test_size` (the profit-maximising test size).
From the transaction table
    :func:`program_outcomes` (per program customer: purchases and value before
    and after the start), :func:`before_after_means` (each group's average
    before and after) and :func:`lift_table` (the lift per tier).

Every interval function returns an :class:`Interval` ``(estimate, low, high)``;
with arrays of counts it returns arrays (one interval per study), which is how
:func:`simulate_studies` runs a thousand studies at once.

References: Wilson (1927); Newcombe (1998), *Statistics in Medicine* 17:857–872
and 17:873–890; Katz et al. (1978), *Biometrics* 34:469–474 (log method);
Efron & Tibshirani (1993), *An Introduction to the Bootstrap*; Deng, Xu, Kohavi &
Walker (2013), WSDM (CUPED); Fleiss, Levin & Paik (2003), *Statistical Methods
for Rates and Proportions*, ch. 4 (sample size); Feit & Berman (2019),
*Marketing Science* 38(6):1038–1058 (Test & Roll).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import stats

from helpers._common import require_columns, resolve_as_of
from helpers._docs import shared_docs

__all__ = [
    "TREATMENT",
    "CONTROL",
    "Interval",
    "z_value",
    "wilson_interval",
    "proportion_difference",
    "relative_lift",
    "mean_difference",
    "bootstrap_difference",
    "before_after",
    "diff_in_diff",
    "cuped_theta",
    "cuped_adjust",
    "cuped_difference",
    "sample_size",
    "study_power",
    "power_curve",
    "simulate_studies",
    "profit_test_size",
    "program_outcomes",
    "before_after_means",
    "lift_table",
]

#: The two group names of a program table.
TREATMENT: str = "treatment"
CONTROL: str = "control"

Number = float | np.ndarray


class Interval(NamedTuple):
    """An estimate with its confidence interval: ``(estimate, low, high)``.

    Unpack it like a tuple (``est, low, high = relative_lift(...)``) or read the
    fields by name. With arrays of counts each field is an array.

    Parameters
    ----------
    estimate : float or ndarray
        The best single guess (e.g. treatment rate − control rate).
    low, high : float or ndarray
        The interval's ends.

    Examples
    --------
    >>> iv = Interval(0.05, 0.01, 0.09)
    >>> iv.high - iv.low
    0.08
    >>> est, low, high = iv
    >>> low <= est <= high
    True
    """

    estimate: Number
    low: Number
    high: Number


# ----------------------------------------------------------------------------- checks of the input
def z_value(confidence: float = 0.95) -> float:
    """The normal quantile of a two-sided interval: 1.96 for 95%.

    Parameters
    ----------
    confidence : float, default 0.95
        The confidence level, a fraction strictly between 0 and 1.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``confidence`` is not in (0, 1) (e.g. 95 instead of 0.95).

    Examples
    --------
    >>> round(z_value(0.95), 4), round(z_value(0.90), 4)
    (1.96, 1.6449)
    """
    if not isinstance(confidence, (int, float)) or not 0 < confidence < 1:
        raise ValueError(f"confidence must be a fraction between 0 and 1, e.g. 0.95 for 95%; got {confidence!r}.")
    return float(stats.norm.ppf(0.5 + confidence / 2))


def _out(x: np.ndarray) -> Number:
    """A float for a single value, the array otherwise."""
    return float(x) if np.ndim(x) == 0 else x


def _counts(successes: ArrayLike, n: ArrayLike, what: str) -> tuple[np.ndarray, np.ndarray]:
    """``successes`` and ``n`` as float arrays, after checking they are whole numbers with 0 <= successes <= n, n >= 1."""
    try:
        x = np.asarray(successes, dtype=float)
        m = np.asarray(n, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: counts must be numbers of customers; got {successes!r} and {n!r}.") from None
    if np.isnan(x).any() or np.isnan(m).any():
        raise ValueError(f"{what}: a count is missing (NaN); give the number of customers.")
    if (m < 1).any():
        raise ValueError(f"{what}: the group size must be at least 1 customer; got {n!r}.")
    if (x != np.round(x)).any() or (m != np.round(m)).any():
        raise ValueError(f"{what}: counts must be whole numbers of customers; got {successes!r} of {n!r}. "
                         "If you have a rate, multiply it by the group size first.")
    if (x < 0).any() or (x > m).any():
        raise ValueError(f"{what}: the successes must be between 0 and the group size; got {successes!r} of {n!r}.")
    return x, m


def _values(values: ArrayLike, what: str, minimum: int = 2) -> np.ndarray:
    """One number per customer as a float array, with at least ``minimum`` values and none missing."""
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{what}: got a table with columns {list(values.columns)}; pass one column, one value per customer.")
    try:
        arr = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"{what}: expected numbers, one per customer.") from None
    if arr.size < minimum:
        raise ValueError(f"{what}: needs at least {minimum} customers; got {arr.size}.")
    if np.isnan(arr).any():
        raise ValueError(f"{what}: {int(np.isnan(arr).sum())} missing value(s) (NaN). Fill them (0 for a customer "
                         "who bought nothing) or leave those customers out on purpose before comparing.")
    return arr


# ----------------------------------------------------------------------------- shares
def wilson_interval(successes: ArrayLike, n: ArrayLike, confidence: float = 0.95) -> Interval:
    """A rate (e.g. the share of customers who bought again) with Wilson's score interval.

    Unlike the textbook "p ± 1.96 × standard error", Wilson's interval never
    leaves [0, 1] and keeps its coverage for small groups and rates near 0 or 1
    (Newcombe 1998, method 3).

    Parameters
    ----------
    successes : int or array of int
        Customers with the outcome (e.g. who bought again).
    n : int or array of int
        Customers in the group.
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(rate, low, high)``, fractions in [0, 1].

    Raises
    ------
    ValueError
        If a count is not a whole number, negative, or larger than the group.

    Examples
    --------
    >>> [round(v, 4) for v in wilson_interval(15, 148)]     # Newcombe (1998a), example (ii)
    [0.1014, 0.0624, 0.1605]
    >>> [round(v, 4) for v in wilson_interval(0, 20)]
    [0.0, 0.0, 0.1611]
    """
    x, m = _counts(successes, n, "wilson_interval")
    z = z_value(confidence)
    p = x / m
    denom = 1 + z**2 / m
    centre = (p + z**2 / (2 * m)) / denom
    half = z * np.sqrt(p * (1 - p) / m + z**2 / (4 * m**2)) / denom
    low = np.clip(centre - half, 0.0, 1.0)
    high = np.clip(centre + half, 0.0, 1.0)
    low = np.where(x == 0, 0.0, low)  # exact ends at the boundaries (no float noise)
    high = np.where(x == m, 1.0, high)
    return Interval(_out(p), _out(low), _out(high))


def proportion_difference(successes_t: ArrayLike, n_t: ArrayLike, successes_c: ArrayLike, n_c: ArrayLike,
                          confidence: float = 0.95) -> Interval:
    """Treatment rate minus control rate, with Newcombe's hybrid score interval (method 10).

    The difference is in fractions: 0.057 means 5.7 percentage points (个百分点).
    Newcombe's interval combines the two groups' Wilson intervals; it keeps its
    coverage where the simple "difference ± 1.96 × standard error" does not
    (small groups, rates near 0 or 1).

    Parameters
    ----------
    successes_t, n_t : int or array of int
        Customers with the outcome, and customers, in the treatment group.
    successes_c, n_c : int or array of int
        The same for the control group.
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(difference, low, high)``, fractions in [−1, 1].

    Raises
    ------
    ValueError
        If a count is not a whole number, negative, or larger than its group.

    Examples
    --------
    >>> [round(v, 4) for v in proportion_difference(56, 70, 48, 80)]   # Newcombe (1998b), example (a)
    [0.2, 0.0524, 0.3339]
    """
    xt, mt = _counts(successes_t, n_t, "proportion_difference (treatment)")
    xc, mc = _counts(successes_c, n_c, "proportion_difference (control)")
    pt, lt, ut = wilson_interval(xt, mt, confidence)
    pc, lc, uc = wilson_interval(xc, mc, confidence)
    d = np.asarray(pt) - np.asarray(pc)
    low = d - np.sqrt((np.asarray(pt) - lt) ** 2 + (uc - np.asarray(pc)) ** 2)
    high = d + np.sqrt((ut - np.asarray(pt)) ** 2 + (np.asarray(pc) - lc) ** 2)
    return Interval(_out(d), _out(low), _out(high))


def relative_lift(successes_t: ArrayLike, n_t: ArrayLike, successes_c: ArrayLike, n_c: ArrayLike,
                  confidence: float = 0.95) -> Interval:
    """Relative lift: treatment rate ÷ control rate − 1, with the log-method interval.

    "+30% repurchase" is a relative lift of 0.30. The interval is computed on the
    log of the ratio, where it is close to normal (Katz et al. 1978):
    ``log(ratio) ± z × sqrt(1/x_t − 1/n_t + 1/x_c − 1/n_c)``, then turned back
    into a lift. It is not symmetric around the estimate.

    Parameters
    ----------
    successes_t, n_t : int or array of int
        Customers with the outcome, and customers, in the treatment group.
    successes_c, n_c : int or array of int
        The same for the control group.
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(lift, low, high)``: fractions, 0.10 = +10%.

    Raises
    ------
    ValueError
        If a group has no customer with the outcome (the ratio or its log is then
        undefined: report :func:`proportion_difference` instead), or a count is invalid.

    Examples
    --------
    >>> est, low, high = relative_lift(60, 100, 50, 100)
    >>> round(est, 3), round(low, 3), round(high, 3)
    (0.2, -0.068, 0.546)
    >>> relative_lift(5, 50, 0, 50)
    Traceback (most recent call last):
    ...
    ValueError: relative_lift: no customer of the control group had the outcome (0 of 50), so the ratio is undefined. Report the difference of rates instead (proportion_difference).
    """
    xt, mt = _counts(successes_t, n_t, "relative_lift (treatment)")
    xc, mc = _counts(successes_c, n_c, "relative_lift (control)")
    for x, m, name in ((xc, mc, "control"), (xt, mt, "treatment")):
        if (x == 0).any():
            where = int(np.flatnonzero(np.ravel(x == 0))[0])
            raise ValueError(f"relative_lift: no customer of the {name} group had the outcome "
                             f"(0 of {int(np.ravel(m)[where])}), so the ratio is undefined. Report the difference of "
                             "rates instead (proportion_difference).")
    z = z_value(confidence)
    ratio = (xt / mt) / (xc / mc)
    se = np.sqrt(1 / xt - 1 / mt + 1 / xc - 1 / mc)
    return Interval(_out(ratio - 1), _out(ratio * np.exp(-z * se) - 1), _out(ratio * np.exp(z * se) - 1))


# ----------------------------------------------------------------------------- money and counts
def mean_difference(values_t: ArrayLike, values_c: ArrayLike, confidence: float = 0.95) -> Interval:
    """Treatment mean minus control mean (e.g. revenue per customer), with the normal-approximation interval.

    The standard error is Welch's, ``sqrt(var_t/n_t + var_c/n_c)``, so the groups may
    differ in size and spread. With a few hundred customers per group the normal
    approximation is good even for skewed amounts; :func:`bootstrap_difference`
    makes no such assumption.

    Parameters
    ----------
    values_t, values_c : array-like of numbers
        One value per customer of the treatment and of the control group (0 for a
        customer who bought nothing: they are part of the average).
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(difference, low, high)`` in the unit of the values.

    Raises
    ------
    ValueError
        If a group has fewer than two customers or a value is missing.

    Examples
    --------
    >>> [round(v, 2) for v in mean_difference([3, 5, 4, 6], [1, 2, 3, 2])]
    [2.5, 1.0, 4.0]
    """
    t = _values(values_t, "mean_difference (treatment)")
    c = _values(values_c, "mean_difference (control)")
    z = z_value(confidence)
    d = t.mean() - c.mean()
    se = math.sqrt(t.var(ddof=1) / t.size + c.var(ddof=1) / c.size)
    return Interval(float(d), float(d - z * se), float(d + z * se))


def bootstrap_difference(values_t: ArrayLike, values_c: ArrayLike, confidence: float = 0.95, *,
                         relative: bool = False, n_resamples: int = 2000, seed: int = 10,
                         method: str = "BCa") -> Interval:
    """Difference (or relative difference) of two means with a seeded bootstrap interval.

    The bootstrap (自助法) draws, many times, a new treatment group and a new
    control group from the customers we have (with replacement), and recomputes
    the difference each time; the middle ``confidence`` of those differences is
    the interval. It needs no bell-curve assumption, which suits revenue per
    customer (many zeros, a few big spenders). Uses :func:`scipy.stats.bootstrap`;
    the same ``seed`` gives the same interval.

    Parameters
    ----------
    values_t, values_c : array-like of numbers
        One value per customer (0 for a customer who bought nothing).
    confidence : float, default 0.95
        The confidence level.
    relative : bool, default False
        ``False``: treatment mean − control mean; ``True``: treatment mean ÷ control mean − 1.
    n_resamples : int, default 2000
        How many resampled studies.
    seed : int, default 10
        Seed of the random generator (same seed, same interval).
    method : {"BCa", "percentile", "basic"}, default "BCa"
        scipy's interval method; BCa corrects for bias and skew.

    Returns
    -------
    Interval
        ``(estimate on the data, low, high)``.

    Raises
    ------
    ValueError
        If a group has fewer than two customers, a value is missing, or with
        ``relative=True`` the control mean is not positive.

    Examples
    --------
    >>> t, c = [0, 0, 120, 80, 300, 0, 50, 90], [0, 40, 0, 60, 0, 100, 20, 0]
    >>> est, low, high = bootstrap_difference(t, c, seed=1)
    >>> est, low < est < high                # means 80 and 27.5
    (52.5, True)
    >>> bootstrap_difference(t, c, seed=1) == bootstrap_difference(t, c, seed=1)
    True
    """
    t = _values(values_t, "bootstrap_difference (treatment)")
    c = _values(values_c, "bootstrap_difference (control)")
    z_value(confidence)
    if relative and c.mean() <= 0:
        raise ValueError("bootstrap_difference: the control mean is not positive, so a relative difference is "
                         "undefined; use relative=False.")
    if n_resamples < 100:
        raise ValueError(f"bootstrap_difference: n_resamples={n_resamples} is too few for an interval; use 1000 or more.")

    def statistic(a: np.ndarray, b: np.ndarray, axis: int = -1) -> np.ndarray:
        if relative:
            return a.mean(axis=axis) / b.mean(axis=axis) - 1
        return a.mean(axis=axis) - b.mean(axis=axis)

    result = stats.bootstrap((t, c), statistic, vectorized=True, paired=False, n_resamples=n_resamples,
                             confidence_level=confidence, method=method, rng=np.random.default_rng(seed))
    return Interval(float(statistic(t, c)), float(result.confidence_interval.low),
                    float(result.confidence_interval.high))


# ----------------------------------------------------------------------------- the period before the program
def _pairs(before: ArrayLike, after: ArrayLike, what: str) -> np.ndarray:
    """after − before per customer, after checking both have one value per customer."""
    b = _values(before, f"{what} (before)")
    a = _values(after, f"{what} (after)")
    if a.size != b.size:
        raise ValueError(f"{what}: before has {b.size} values and after {a.size}; give both values of the same "
                         "customers, in the same order.")
    return a - b


def before_after(before: ArrayLike, after: ArrayLike, confidence: float = 0.95) -> Interval:
    """The naive comparison: the same customers' average after the start minus their average before.

    This is what a report without a control group shows. Its interval only says
    how precisely the change was measured; it does **not** say the program caused
    the change: customers drift (they churn, regress to their usual level, follow
    the season) with or without the program. Compare with :func:`diff_in_diff`.

    Parameters
    ----------
    before, after : array-like of numbers
        One value per customer, in the same order (e.g. purchases in the half-year
        before and after the start).
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(mean change, low, high)``.

    Raises
    ------
    ValueError
        If the two have different lengths, fewer than two customers, or missing values.

    Examples
    --------
    >>> [round(v, 3) for v in before_after([1, 1, 1, 1], [0, 1, 0, 1])]
    [-0.5, -1.066, 0.066]
    """
    change = _pairs(before, after, "before_after")
    z = z_value(confidence)
    d = change.mean()
    se = change.std(ddof=1) / math.sqrt(change.size)
    return Interval(float(d), float(d - z * se), float(d + z * se))


def diff_in_diff(before_t: ArrayLike, after_t: ArrayLike, before_c: ArrayLike, after_c: ArrayLike,
                 confidence: float = 0.95) -> Interval:
    """Difference-in-differences (双重差分): the treatment group's change minus the control group's change.

    The control group's change is the drift that would have happened anyway;
    subtracting it leaves the program's effect. With per-customer values the
    standard error is ``sqrt(var(change_t)/n_t + var(change_c)/n_c)``.

    Parameters
    ----------
    before_t, after_t : array-like of numbers
        One value per treatment customer before and after the start, same order.
    before_c, after_c : array-like of numbers
        The same for the control group.
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(difference-in-differences, low, high)``.

    Raises
    ------
    ValueError
        If before and after of a group differ in length, a group has fewer than
        two customers, or a value is missing.

    Examples
    --------
    >>> est, low, high = diff_in_diff([3, 4, 5], [4, 5, 7], [3, 5, 4], [2, 4, 3])
    >>> round(est, 3)                     # treatment +1.333, control -1.0
    2.333
    """
    ct = _pairs(before_t, after_t, "diff_in_diff (treatment)")
    cc = _pairs(before_c, after_c, "diff_in_diff (control)")
    return mean_difference(ct, cc, confidence)


def cuped_theta(after: ArrayLike, before: ArrayLike) -> float:
    """CUPED's θ: how much of the after-value the before-value predicts, ``cov(after, before) / var(before)``.

    Compute it on both groups together (Deng et al. 2013): the program cannot
    change the before-period, so the adjustment cannot create an effect.

    Parameters
    ----------
    after, before : array-like of numbers
        One value per customer, same order.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If the lengths differ or every before-value is the same (nothing to adjust with).

    Examples
    --------
    >>> round(cuped_theta([2, 4, 6, 8], [1, 2, 3, 4]), 9)
    2.0
    """
    a = _values(after, "cuped_theta (after)")
    b = _values(before, "cuped_theta (before)")
    if a.size != b.size:
        raise ValueError(f"cuped_theta: after has {a.size} values and before {b.size}; give both for the same customers.")
    var = b.var(ddof=1)
    if var == 0:
        raise ValueError("cuped_theta: every before-value is the same, so it predicts nothing; CUPED needs a "
                         "before-period measure that differs between customers (e.g. purchases, not 'bought at all').")
    return float(np.cov(a, b, ddof=1)[0, 1] / var)


def cuped_adjust(after: ArrayLike, before: ArrayLike, theta: float | None = None) -> np.ndarray:
    """The CUPED-adjusted outcome: ``after − θ × (before − mean(before))``.

    It has the same mean as ``after`` but less spread, because the part of each
    customer's value that the before-period already predicted is taken out.

    Parameters
    ----------
    after, before : array-like of numbers
        One value per customer, same order (both groups together).
    theta : float, optional
        Default :func:`cuped_theta` of these values.

    Returns
    -------
    ndarray

    Raises
    ------
    ValueError
        As :func:`cuped_theta`.

    Examples
    --------
    >>> cuped_adjust([2, 4, 6, 8], [1, 2, 3, 4]).tolist()
    [5.0, 5.0, 5.0, 5.0]
    """
    a = _values(after, "cuped_adjust (after)")
    b = _values(before, "cuped_adjust (before)")
    th = cuped_theta(a, b) if theta is None else float(theta)
    if a.size != b.size:
        raise ValueError(f"cuped_adjust: after has {a.size} values and before {b.size}; give both for the same customers.")
    return a - th * (b - b.mean())


def cuped_difference(after_t: ArrayLike, before_t: ArrayLike, after_c: ArrayLike, before_c: ArrayLike,
                     confidence: float = 0.95) -> Interval:
    """Treatment mean minus control mean after CUPED (Deng, Xu, Kohavi & Walker 2013).

    θ is estimated on both groups together, both groups' outcomes are adjusted
    with it, and :func:`mean_difference` compares them. In a randomised test the
    estimate stays unbiased and the interval is narrower by about ``1 − ρ²``
    in variance, ``ρ`` being the before/after correlation.

    Parameters
    ----------
    after_t, before_t : array-like of numbers
        One value per treatment customer after and before the start, same order.
    after_c, before_c : array-like of numbers
        The same for the control group.
    confidence : float, default 0.95
        The confidence level.

    Returns
    -------
    Interval
        ``(adjusted difference, low, high)``.

    Raises
    ------
    ValueError
        As :func:`cuped_theta` and :func:`mean_difference`.

    Examples
    --------
    >>> est, low, high = cuped_difference([5, 7, 9], [1, 2, 3], [3, 5, 8], [1, 2, 3])
    >>> round(est, 3), round(high - low, 3) < round(mean_difference([5, 7, 9], [3, 5, 8]).high
    ...                                              - mean_difference([5, 7, 9], [3, 5, 8]).low, 3)
    (1.667, True)
    """
    at, bt = _values(after_t, "cuped_difference (treatment after)"), _values(before_t, "cuped_difference (treatment before)")
    ac, bc = _values(after_c, "cuped_difference (control after)"), _values(before_c, "cuped_difference (control before)")
    if at.size != bt.size or ac.size != bc.size:
        raise ValueError("cuped_difference: after and before of a group differ in length; give both values of the "
                         "same customers, in the same order.")
    after = np.concatenate([at, ac])
    before = np.concatenate([bt, bc])
    adjusted = cuped_adjust(after, before)
    return mean_difference(adjusted[: at.size], adjusted[at.size:], confidence)


# ----------------------------------------------------------------------------- planning a test
def _rates(baseline: float, lift: float, relative: bool) -> tuple[float, float]:
    """Control and treatment rates; refuses a treatment rate outside (0, 1) with the arithmetic."""
    if not 0 < baseline < 1:
        raise ValueError(f"baseline must be a rate strictly between 0 and 1 (e.g. 0.57 for 57%); got {baseline!r}.")
    treated = baseline * (1 + lift) if relative else baseline + lift
    if not 0 < treated < 1:
        how = f"{lift:+.0%} on a {baseline:.0%} baseline" if relative else f"{lift:+.3f} added to {baseline:.3f}"
        raise ValueError(f"a lift of {how} gives a treatment rate of {treated:.1%}; a rate must stay between 0% and "
                         "100%. Choose a smaller lift or a lower baseline.")
    if treated == baseline:
        raise ValueError("the lift is zero: no test can detect an effect of zero size. Give the smallest lift worth detecting.")
    return baseline, treated


def sample_size(baseline: float, lift: float, *, confidence: float = 0.95, power: float = 0.8,
                relative: bool = True) -> int:
    """Customers needed **per group** to detect a lift of a repurchase rate (two-sided test, equal groups).

    Fleiss's formula without continuity correction:
    ``n = (z_a·sqrt(2·p̄·(1−p̄)) + z_b·sqrt(p_c(1−p_c) + p_t(1−p_t)))² / (p_t − p_c)²``,
    where ``z_a`` belongs to the confidence level and ``z_b`` to the power.

    Parameters
    ----------
    baseline : float
        The control group's rate (e.g. 0.57).
    lift : float
        The effect worth detecting: relative (0.30 = +30%) or, with ``relative=False``,
        a difference of rates (0.05 = 5 percentage points).
    confidence : float, default 0.95
        Confidence level of the test (1 − false-alarm rate).
    power : float, default 0.8
        Chance of detecting the effect if it is real.
    relative : bool, default True
        Whether ``lift`` is relative.

    Returns
    -------
    int
        Customers per group (rounded up).

    Raises
    ------
    ValueError
        If the lifted rate leaves (0, 1) (e.g. +30% on a 85% baseline), the lift is 0,
        or a level is not a fraction.

    Examples
    --------
    >>> sample_size(0.5, 0.1, relative=False)          # 50% vs 60%
    388
    >>> sample_size(0.85, 0.30)
    Traceback (most recent call last):
    ...
    ValueError: a lift of +30% on a 85% baseline gives a treatment rate of 110.5%; a rate must stay between 0% and 100%. Choose a smaller lift or a lower baseline.
    """
    pc, pt = _rates(baseline, lift, relative)
    z_a = z_value(confidence)
    z_b = z_value(2 * power - 1) if power > 0.5 else None
    if z_b is None:
        raise ValueError(f"power must be a fraction above 0.5 (usually 0.8 or 0.9); got {power!r}.")
    pbar = (pc + pt) / 2
    n = (z_a * math.sqrt(2 * pbar * (1 - pbar)) + z_b * math.sqrt(pc * (1 - pc) + pt * (1 - pt))) ** 2 / (pt - pc) ** 2
    return int(math.ceil(n - 1e-9))


def study_power(n_per_group: ArrayLike, baseline: float, lift: float, *, confidence: float = 0.95,
                relative: bool = True) -> Number:
    """The chance that a study with ``n_per_group`` customers per group detects the lift (the inverse of :func:`sample_size`).

    Parameters
    ----------
    n_per_group : int or array of int
        Customers in each group.
    baseline : float
        The control group's rate.
    lift : float
        The true effect: relative, or a difference with ``relative=False``.
    confidence : float, default 0.95
        Confidence level of the test.
    relative : bool, default True
        Whether ``lift`` is relative.

    Returns
    -------
    float or ndarray
        Power, a fraction in (0, 1).

    Raises
    ------
    ValueError
        As :func:`sample_size`, or if a group size is below 1.

    Examples
    --------
    >>> round(study_power(388, 0.5, 0.1, relative=False), 3)
    0.801
    """
    pc, pt = _rates(baseline, lift, relative)
    n = np.asarray(n_per_group, dtype=float)
    if (n < 1).any():
        raise ValueError(f"n_per_group must be at least 1 customer; got {n_per_group!r}.")
    z_a = z_value(confidence)
    pbar = (pc + pt) / 2
    z = (abs(pt - pc) * np.sqrt(n) - z_a * math.sqrt(2 * pbar * (1 - pbar))) / math.sqrt(pc * (1 - pc) + pt * (1 - pt))
    return _out(stats.norm.cdf(z))


def power_curve(baseline: float, lift: float, sizes: ArrayLike | None = None, *, confidence: float = 0.95,
                relative: bool = True) -> pd.DataFrame:
    """Power for a range of group sizes: the table behind a power curve.

    Parameters
    ----------
    baseline : float
        The control group's rate.
    lift : float
        The true effect (relative unless ``relative=False``).
    sizes : array-like of int, optional
        Customers per group; default 60 sizes from 10 to three times the size that gives 80% power.
    confidence : float, default 0.95
        Confidence level of the test.
    relative : bool, default True
        Whether ``lift`` is relative.

    Returns
    -------
    DataFrame
        Columns ``customers_per_group`` and ``power``.

    Raises
    ------
    ValueError
        As :func:`sample_size`.

    Examples
    --------
    >>> curve = power_curve(0.5, 0.2, [50, 100, 200])
    >>> curve["power"].round(2).tolist()
    [0.17, 0.29, 0.52]
    """
    if sizes is None:
        needed = sample_size(baseline, lift, confidence=confidence, relative=relative)
        sizes = np.unique(np.round(np.geomspace(10, max(3 * needed, 20), 60)).astype(int))
    sizes = np.asarray(sizes, dtype=int)
    power = study_power(sizes, baseline, lift, confidence=confidence, relative=relative)
    return pd.DataFrame({"customers_per_group": sizes, "power": np.atleast_1d(power)})


def simulate_studies(n_t: int, n_c: int, baseline: float, lift: float, *, confidence: float = 0.95,
                     relative: bool = True, studies: int = 1000, seed: int = 10) -> pd.DataFrame:
    """Run ``studies`` simulated tests of the same size: how often would one detect the true effect?

    Each study draws the treatment and control buyers from binomial
    distributions with the true rates and computes Newcombe's interval of the
    difference (:func:`proportion_difference`). A study **detects** the effect
    when its interval excludes 0; it **covers** the truth when the true
    difference lies inside. Seeded: the same arguments give the same studies.

    Parameters
    ----------
    n_t, n_c : int
        Customers in the treatment and control group.
    baseline : float
        The true control rate.
    lift : float
        The true effect (relative unless ``relative=False``).
    confidence : float, default 0.95
        Confidence level of each study's interval.
    relative : bool, default True
        Whether ``lift`` is relative.
    studies : int, default 1000
        How many studies to simulate.
    seed : int, default 10
        Seed of the random generator.

    Returns
    -------
    DataFrame
        One row per study: ``successes_t``, ``successes_c``, ``estimate``, ``low``, ``high``
        (difference of rates), ``detected`` and ``covers`` (booleans). ``attrs["truth"]``
        holds the true difference.

    Raises
    ------
    ValueError
        As :func:`sample_size`, or if a group is empty.

    Examples
    --------
    >>> sims = simulate_studies(400, 400, 0.5, 0.2, studies=500, seed=1)
    >>> len(sims), round(sims.attrs["truth"], 2)
    (500, 0.1)
    >>> bool(0.75 < sims["detected"].mean() < 0.87)    # study_power(400, 0.5, 0.2) is 0.81
    True
    """
    pc, pt = _rates(baseline, lift, relative)
    if n_t < 1 or n_c < 1 or studies < 1:
        raise ValueError(f"simulate_studies: groups and studies must be at least 1; got n_t={n_t}, n_c={n_c}, "
                         f"studies={studies}.")
    rng = np.random.default_rng(seed)
    xt = rng.binomial(int(n_t), pt, size=int(studies))
    xc = rng.binomial(int(n_c), pc, size=int(studies))
    est, low, high = proportion_difference(xt, np.full(studies, n_t), xc, np.full(studies, n_c), confidence)
    truth = pt - pc
    out = pd.DataFrame({"successes_t": xt, "successes_c": xc, "estimate": np.atleast_1d(est),
                        "low": np.atleast_1d(low), "high": np.atleast_1d(high)})
    out["detected"] = (out["low"] > 0) | (out["high"] < 0)
    out["covers"] = (out["low"] <= truth) & (truth <= out["high"])
    out.attrs["truth"] = truth
    return out


def profit_test_size(population: int, response_sd: float, prior_sd: float) -> int:
    """Feit & Berman's profit-maximising test size per group ("Test & Roll", 2019, eq. 10).

    The goal here is not to *prove* an effect but to *earn the most*: test two
    offers on ``n`` customers each, then roll the better-looking one out to the
    rest of the ``population``. With a normal prior on each offer's mean
    response (spread ``prior_sd``) and response noise ``response_sd``,
    ``n* = (sqrt(9 s⁴ + 4 N s² σ²) − 3 s²) / (4 σ²)``. It is usually far smaller
    than a hypothesis test's sample size: a wrong pick between two nearly equal
    offers costs little.

    Parameters
    ----------
    population : int
        Customers the decision is for, test included (N).
    response_sd : float
        Standard deviation of one customer's response (s); for a yes/no outcome with
        rate p, ``sqrt(p (1 − p))``.
    prior_sd : float
        How much the offers' true mean responses are expected to differ from their
        common prior mean (σ), in the same unit.

    Returns
    -------
    int
        Customers per group (rounded up).

    Raises
    ------
    ValueError
        If the population is below 3 or a standard deviation is not positive.

    Examples
    --------
    >>> profit_test_size(100_000, 0.5, 0.05)
    1508
    """
    if population < 3:
        raise ValueError(f"population must be at least 3 customers; got {population!r}.")
    if response_sd <= 0 or prior_sd <= 0:
        raise ValueError("response_sd and prior_sd must be positive standard deviations.")
    s2, sig2 = response_sd**2, prior_sd**2
    n = (math.sqrt(9 * s2**2 + 4 * population * s2 * sig2) - 3 * s2) / (4 * sig2)
    return int(math.ceil(min(n, population / 2)))


# ----------------------------------------------------------------------------- from the transaction table
@shared_docs
def program_outcomes(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    program: pd.DataFrame,
    start: object = None,
    before_days: int | None = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    group: str = "group",
) -> pd.DataFrame:
    """Per program customer: purchases and value in a window before the start and from the start to ``as_of``.

    A **purchase** is a row with ``amount > 0`` (a return is not a purchase);
    **value** is the sum of ``amount`` in the window, returns included. The
    *after* window is ``[start, as_of)``; the *before* window has the same
    length by default and ends the day before the start, so the two are
    comparable.

    Parameters
    ----------
    {transactions}
    as_of : date-like, optional
        End of the after window (exclusive). Default: midnight after the last transaction.
    program : DataFrame
        One row per program customer: the ``customer`` column and the ``group`` column
        (``"treatment"`` or ``"control"``), optionally ``assigned_date``.
    start : date-like, optional
        The program start. Default: the program's ``assigned_date`` (it must be one date).
    before_days : int, optional
        Length of the before window; default the length of the after window.
    {customer}
    {date}
    {amount}
    group : str, default "group"
        Column of ``program`` holding the group.

    Returns
    -------
    DataFrame
        Indexed by customer (sorted), columns ``group``, ``purchases_before``,
        ``value_before``, ``bought_before``, ``purchases_after``, ``value_after``,
        ``bought_after`` (``bought_*`` is true for at least one purchase).
        ``attrs`` holds ``start``, ``as_of`` and ``before_days``.

    Raises
    ------
    ValueError
        If a group name is not treatment/control (naming the values found), a
        customer is listed twice, the start is unknown or not before ``as_of``.
    KeyError
        If a column is missing.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
    ...                    "date": pd.to_datetime(["2025-05-10", "2025-07-05", "2025-06-20", "2025-07-09",
    ...                                            "2025-06-01"]),
    ...                    "revenue": [50.0, 80.0, 30.0, -30.0, 20.0]})
    >>> prog = pd.DataFrame({"customer_id": ["a", "b", "c"], "group": ["treatment", "control", "control"]})
    >>> out = program_outcomes(tx, "2025-08-01", program=prog, start="2025-07-01")   # 31 days each side
    >>> out[["group", "purchases_before", "purchases_after", "value_after"]]
                     group  purchases_before  purchases_after  value_after
    customer_id
    a            treatment                 0                1         80.0
    b              control                 1                0        -30.0
    c              control                 1                0          0.0
    >>> program_outcomes(tx, "2025-08-01", program=prog, start="2025-07-01", before_days=60)["purchases_before"].tolist()
    [1, 1, 1]
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "program_outcomes")
    require_columns(program, {"customer": customer, "group": group}, "program_outcomes (program table)")
    groups = program[group].astype(str)
    unknown = sorted(set(groups) - {TREATMENT, CONTROL})
    if unknown:
        raise ValueError(f"program_outcomes: the program's {group!r} column holds {unknown}; expected only "
                         f"{TREATMENT!r} and {CONTROL!r}. Rename the groups first.")
    dupes = program[customer][program[customer].duplicated()]
    if len(dupes):
        raise ValueError(f"program_outcomes: {dupes.nunique()} customer(s) are listed twice in the program, e.g. "
                         f"{dupes.iloc[0]!r}; each customer belongs to one group.")
    if start is None:
        if "assigned_date" not in program.columns:
            raise ValueError("program_outcomes: give start='YYYY-MM-DD' (the program table has no assigned_date).")
        dates = pd.to_datetime(program["assigned_date"]).dt.normalize().unique()
        if len(dates) != 1:
            raise ValueError(f"program_outcomes: the program has {len(dates)} assignment dates; give start=... "
                             "(one start date for the comparison).")
        start = dates[0]
    start = pd.Timestamp(start)
    end = resolve_as_of(transactions, as_of, date=date)
    if not start < end:
        raise ValueError(f"program_outcomes: the start {start.date()} must be before as_of {end.date()}.")
    days = (end - start).days if before_days is None else int(before_days)
    if days < 1:
        raise ValueError(f"program_outcomes: before_days={before_days}; give a positive number of days.")
    ids = pd.Index(program[customer], name=customer)
    out = pd.DataFrame({"group": groups.to_numpy()}, index=ids)
    when = pd.to_datetime(transactions[date])
    windows = {"before": (start - pd.Timedelta(days=days), start), "after": (start, end)}
    for name, (lo, hi) in windows.items():
        rows = transactions[(when >= lo) & (when < hi) & transactions[customer].isin(ids)]
        purchases = rows[rows[amount] > 0].groupby(customer).size()
        out[f"purchases_{name}"] = purchases.reindex(ids, fill_value=0).astype(int).to_numpy()
        out[f"value_{name}"] = rows.groupby(customer)[amount].sum().reindex(ids, fill_value=0.0).astype(float).to_numpy()
        out[f"bought_{name}"] = out[f"purchases_{name}"] > 0
    out = out[["group", "purchases_before", "value_before", "bought_before", "purchases_after", "value_after",
               "bought_after"]].sort_index()
    out.attrs.update(start=start, as_of=end, before_days=days)
    return out


def before_after_means(outcomes: pd.DataFrame, measure: str = "purchases", *, group: str = "group") -> pd.DataFrame:
    """Each group's average of ``measure`` before and after the start: the drift, side by side.

    Parameters
    ----------
    outcomes : DataFrame
        From :func:`program_outcomes` (columns ``<measure>_before``, ``<measure>_after`` and ``group``).
    measure : {"purchases", "value", "bought"}, default "purchases"
        What is averaged per customer.
    group : str, default "group"
        Column holding ``"treatment"`` / ``"control"``.

    Returns
    -------
    DataFrame
        Index ``treatment``, ``control``; columns ``customers``, ``before``, ``after``, ``change``
        (after − before) and ``relative_change`` (after ÷ before − 1).

    Raises
    ------
    KeyError
        If a column is missing.

    Examples
    --------
    >>> out = pd.DataFrame({"group": ["treatment", "treatment", "control", "control"],
    ...                     "purchases_before": [3, 5, 4, 4], "purchases_after": [4, 4, 2, 3]})
    >>> before_after_means(out)[["before", "after", "change"]]
               before  after  change
    treatment     4.0    4.0     0.0
    control       4.0    2.5    -1.5
    """
    cols = {"group": group, "before": f"{measure}_before", "after": f"{measure}_after"}
    require_columns(outcomes, cols, "before_after_means")
    rows = {}
    for name in (TREATMENT, CONTROL):
        part = outcomes[outcomes[group].astype(str) == name]
        b, a = float(part[cols["before"]].astype(float).mean()), float(part[cols["after"]].astype(float).mean())
        rows[name] = {"customers": len(part), "before": b, "after": a, "change": a - b,
                      "relative_change": a / b - 1 if b else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")


def lift_table(outcomes: pd.DataFrame, tiers: pd.Series | None = None, *, outcome: str = "bought_after",
               confidence: float = 0.95, group: str = "group") -> pd.DataFrame:
    """The lift of a yes/no outcome per tier and for all program customers, each with its intervals.

    Tiers must be fixed **before** the program starts (e.g. ABC classes on the
    before-window's value): a tier assigned afterwards can itself be moved by
    the program, and then the groups inside it are no longer comparable.

    Parameters
    ----------
    outcomes : DataFrame
        One row per program customer with the ``group`` and ``outcome`` columns
        (:func:`program_outcomes`).
    tiers : Series, optional
        Tier per customer (same index). Default: one row for all customers.
    outcome : str, default "bought_after"
        The yes/no column compared.
    confidence : float, default 0.95
        The confidence level of every interval.
    group : str, default "group"
        Column holding ``"treatment"`` / ``"control"``.

    Returns
    -------
    DataFrame
        One row per tier, then ``all``: ``customers``, ``customer_share`` (the kit's summary
        columns; there is no ``value``: the outcome is a rate), then ``treated``, ``controls``,
        ``rate_t``, ``rate_c``, ``difference``, ``difference_low``, ``difference_high`` (Newcombe),
        ``lift``, ``lift_low``, ``lift_high`` (log method; missing when a group has no buyer).

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a tier has no treatment or no control customer.

    Examples
    --------
    >>> out = pd.DataFrame({"group": ["treatment"] * 4 + ["control"] * 4,
    ...                     "bought_after": [1, 1, 1, 0, 1, 0, 0, 1]}, index=list("abcdefgh"))
    >>> lift_table(out)[["treated", "controls", "rate_t", "rate_c", "difference", "lift"]]
         treated  controls  rate_t  rate_c  difference  lift
    all        4         4    0.75     0.5        0.25   0.5
    """
    require_columns(outcomes, {"group": group, "outcome": outcome}, "lift_table")
    rows = {}
    parts: list[tuple[str, pd.DataFrame]] = []
    if tiers is not None:
        tier = pd.Series(tiers).reindex(outcomes.index)
        missing = int(tier.isna().sum())
        if missing:
            raise ValueError(f"lift_table: {missing} program customer(s) have no tier, e.g. "
                             f"{tier.index[tier.isna()][0]!r}; give every program customer a tier.")
        names = list(tier.cat.categories) if isinstance(tier.dtype, pd.CategoricalDtype) else sorted(tier.unique())
        parts = [(str(name), outcomes[tier == name]) for name in names if (tier == name).any()]
    parts.append(("all", outcomes))
    for name, part in parts:
        y = part[outcome].astype(float)
        is_t = part[group].astype(str) == TREATMENT
        nt, nc = int(is_t.sum()), int((~is_t).sum())
        if nt == 0 or nc == 0:
            raise ValueError(f"lift_table: tier {name!r} has {nt} treatment and {nc} control customers; "
                             "both groups are needed to measure a lift.")
        xt, xc = int(y[is_t].sum()), int(y[~is_t].sum())
        diff = proportion_difference(xt, nt, xc, nc, confidence)
        try:
            rel = relative_lift(xt, nt, xc, nc, confidence)
        except ValueError:
            rel = Interval(np.nan, np.nan, np.nan)
        rows[name] = {"customers": len(part), "customer_share": len(part) / len(outcomes), "treated": nt,
                      "controls": nc, "rate_t": xt / nt, "rate_c": xc / nc, "difference": diff.estimate,
                      "difference_low": diff.low, "difference_high": diff.high, "lift": rel.estimate,
                      "lift_low": rel.low, "lift_high": rel.high}
    return pd.DataFrame.from_dict(rows, orient="index")
