"""Resource allocation per tier (资源配置): split a contact budget where it returns most.

Compute layer: pure functions on DataFrames and Series. No plotting, no printing.

The model
---------
Each tier ``t`` has ``customers`` (N) and a **response curve** of diminishing
returns (Blattberg, Getz & Thomas 2001): spending ``b`` yuan per customer per
year on contact and service brings, per customer,

    r(b) = K · (1 − e^(−g·b))

extra yuan of customer value. ``K`` (``ceiling``) is the most that spending can
ever bring per customer; ``g`` (``rate``) says how fast the curve flattens
(half of ``K`` is reached at ``ln 2 / g`` yuan, the ``half_spend``). A tier that
gets ``x`` yuan in total spends ``b = x / N`` per customer and returns
``N · r(x / N)``. The **marginal return** (what the next yuan brings) is
``K · g · e^(−g·b)``: high at first, falling as the tier is served more.

The optimal split
-----------------
Maximising the total return for a fixed budget gives one rule (the
Karush–Kuhn–Tucker conditions): **every tier that gets money has the same
marginal return λ, and a tier whose first yuan returns less than λ gets
nothing**. :func:`optimal_split` finds the split numerically with
``scipy.optimize.minimize`` (SLSQP) and :func:`equal_marginal_split` by the rule
itself (a one-dimensional search for λ); the two agree, which is the rule
verified. Heuristics (equal per customer, proportional to revenue, all to the
top tier) are scored on the same curves by :func:`compare_splits`.

Where the curves come from
--------------------------
A company learns its curves from a spend test (several spend levels, customers
assigned at random). Without one, :func:`assumed_curves` states them from the
company's own numbers and three explicit assumptions (a decision calculus,
after Little 1970): the tier's lapse rate and the value of a kept customer are
measured (:func:`retention_by_tier`, :func:`tier_economics`); the share of
would-be lapsers contact can keep at most, the discount rate, and how much of
the ceiling module 07's playbook reaches are assumed. :func:`sensitivity` shows
how much the conclusions depend on them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike
from scipy import optimize

from helpers._common import SERVICE_TIERS, require_columns, resolve_as_of
from helpers._docs import shared_docs
from helpers.contribution import contribution_table

__all__ = [
    "HEURISTICS",
    "response",
    "marginal_return",
    "make_curves",
    "evaluate_split",
    "optimal_split",
    "equal_marginal_split",
    "heuristic_splits",
    "compare_splits",
    "next_return",
    "break_even_budget",
    "budget_curve",
    "sensitivity",
    "tier_economics",
    "retention_by_tier",
    "assumed_curves",
]

#: The heuristic splits :func:`heuristic_splits` makes, in this order.
HEURISTICS: tuple[str, ...] = ("equal_per_customer", "proportional_to_revenue", "all_to_top")


# ----------------------------------------------------------------------------- the response curve
def response(spend: ArrayLike, ceiling: ArrayLike, rate: ArrayLike) -> np.ndarray | float:
    """Extra value per customer bought by spending ``spend`` per customer: ``ceiling · (1 − e^(−rate·spend))``.

    Parameters
    ----------
    spend : float or array-like
        Yuan spent per customer (≥ 0).
    ceiling : float or array-like
        K: the most extra value spending can bring per customer (¥).
    rate : float or array-like
        g: how fast the curve flattens (per ¥); half the ceiling is reached at ``ln 2 / rate``.

    Returns
    -------
    float or ndarray
        ¥ per customer, same shape as the broadcast inputs.

    Examples
    --------
    >>> round(response(0, 100, 0.01), 6), round(response(np.log(2) / 0.01, 100, 0.01), 6)
    (0.0, 50.0)
    >>> response([0, 100, 1e6], 100, 0.01).round(2).tolist()
    [0.0, 63.21, 100.0]
    """
    out = np.asarray(ceiling, dtype=float) * -np.expm1(-np.asarray(rate, dtype=float) * np.asarray(spend, dtype=float))
    return float(out) if out.ndim == 0 else out


def marginal_return(spend: ArrayLike, ceiling: ArrayLike, rate: ArrayLike) -> np.ndarray | float:
    """What the next yuan brings at ``spend`` per customer: ``ceiling · rate · e^(−rate·spend)`` (¥ per ¥).

    It is the same for the tier as for one customer: one more yuan spread over
    the tier's customers raises the tier's return by this much.

    Parameters
    ----------
    spend : float or array-like
        Yuan spent per customer (≥ 0).
    ceiling : float or array-like
        K (¥ per customer).
    rate : float or array-like
        g (per ¥).

    Returns
    -------
    float or ndarray
        Yuan of return per extra yuan; above 1 the next yuan pays for itself.

    Examples
    --------
    >>> marginal_return(0, 100, 0.01)
    1.0
    >>> round(marginal_return(np.log(2) / 0.01, 100, 0.01), 6)
    0.5
    """
    out = np.asarray(ceiling, dtype=float) * np.asarray(rate, dtype=float) * np.exp(
        -np.asarray(rate, dtype=float) * np.asarray(spend, dtype=float))
    return float(out) if out.ndim == 0 else out


def make_curves(
    customers: Mapping[str, float] | pd.Series,
    ceiling: Mapping[str, float] | pd.Series,
    rate: Mapping[str, float] | pd.Series | None = None,
    *,
    half_spend: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """The curve table every function of this module reads: one row per tier.

    Give the speed either as ``rate`` (g) or as ``half_spend`` (the spend per
    customer that reaches half the ceiling, ``ln 2 / g``), which is easier to
    judge.

    Parameters
    ----------
    customers : mapping or Series
        Number of customers per tier (> 0).
    ceiling : mapping or Series
        K per tier: the most extra value per customer (¥, ≥ 0).
    rate : mapping or Series, optional
        g per tier (per ¥, > 0).
    half_spend : mapping or Series, optional
        Spend per customer reaching half the ceiling (¥, > 0); instead of ``rate``.

    Returns
    -------
    DataFrame
        Indexed by tier (in the order of ``customers``); columns ``customers``, ``ceiling``, ``rate``,
        ``half_spend`` and ``first_return`` (K·g: what the first yuan brings, ¥ per ¥).

    Raises
    ------
    ValueError
        If both or neither of ``rate`` and ``half_spend`` are given, a tier is missing from one of
        the inputs, or a number is out of range (the message names the tier).

    Examples
    --------
    >>> make_curves({"VIP": 200, "regular": 2000}, {"VIP": 400.0, "regular": 60.0},
    ...             half_spend={"VIP": 200.0, "regular": 30.0})
    ... # doctest: +NORMALIZE_WHITESPACE
             customers  ceiling      rate  half_spend  first_return
    VIP            200    400.0  0.003466       200.0      1.386294
    regular       2000     60.0  0.023105        30.0      1.386294
    """
    if (rate is None) == (half_spend is None):
        raise ValueError("make_curves: give the speed of each curve either as rate=... or as half_spend=..., "
                         "not both and not neither.")
    n = pd.Series(customers, dtype=float)
    tiers = list(n.index)
    parts = {"customers": n, "ceiling": pd.Series(ceiling, dtype=float)}
    if rate is not None:
        parts["rate"] = pd.Series(rate, dtype=float)
    else:
        parts["half_spend"] = pd.Series(half_spend, dtype=float)
    for name, values in parts.items():
        missing = [t for t in tiers if t not in values.index]
        extra = [t for t in values.index if t not in tiers]
        if missing or extra:
            raise ValueError(f"make_curves: {name} must give one number per tier {tiers}; "
                             f"missing {missing}, unknown {extra}.")
    out = pd.DataFrame({k: v.reindex(tiers) for k, v in parts.items()})
    if "half_spend" in out:
        _positive(out["half_spend"], "half_spend", "make_curves")
        out["rate"] = np.log(2) / out["half_spend"]
    out = _checked(out, "make_curves")
    out["customers"] = out["customers"].astype(int) if (out["customers"] % 1 == 0).all() else out["customers"]
    return out


def _positive(values: pd.Series, name: str, what: str, allow_zero: bool = False) -> None:
    bad = values[~np.isfinite(values) | ((values < 0) if allow_zero else (values <= 0))]
    if len(bad):
        need = "≥ 0" if allow_zero else "> 0"
        raise ValueError(f"{what}: {name} must be a finite number {need} for every tier; "
                         f"check {', '.join(f'{t!s} ({v!r})' for t, v in bad.items())}.")


def _checked(curves: pd.DataFrame, what: str) -> pd.DataFrame:
    """The curve table with its columns checked; half_spend and first_return recomputed."""
    require_columns(curves, ["customers", "ceiling", "rate"], what)
    if len(curves) == 0:
        raise ValueError(f"{what}: the curve table has no tiers.")
    if curves.index.has_duplicates:
        raise ValueError(f"{what}: tier(s) {sorted(map(str, curves.index[curves.index.duplicated()]))} appear twice.")
    out = curves.copy()
    for col in ("customers", "ceiling", "rate"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    _positive(out["customers"], "customers", what)
    _positive(out["ceiling"], "ceiling", what, allow_zero=True)
    _positive(out["rate"], "rate", what)
    out["half_spend"] = np.log(2) / out["rate"]
    out["first_return"] = out["ceiling"] * out["rate"]
    return out[["customers", "ceiling", "rate", "half_spend", "first_return"]
               + [c for c in curves.columns if c not in ("customers", "ceiling", "rate", "half_spend", "first_return")]]


def _arrays(curves: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (curves["customers"].to_numpy(float), curves["ceiling"].to_numpy(float), curves["rate"].to_numpy(float))


def _aligned(curves: pd.DataFrame, split: Mapping[str, float] | pd.Series, what: str) -> pd.Series:
    s = pd.Series(split, dtype=float)
    missing = [t for t in curves.index if t not in s.index]
    extra = [t for t in s.index if t not in curves.index]
    if missing or extra:
        raise ValueError(f"{what}: the split must give one amount per tier {list(curves.index)}; "
                         f"missing {missing}, unknown {extra}.")
    s = s.reindex(curves.index)
    _positive(s, "the budget of a tier", what, allow_zero=True)
    return s


def _minimum(curves: pd.DataFrame, minimum: Mapping[str, float] | pd.Series | None, what: str) -> np.ndarray:
    """Per-customer spend floors as an array (0 where none is given)."""
    if minimum is None:
        return np.zeros(len(curves))
    m = pd.Series(minimum, dtype=float)
    extra = [t for t in m.index if t not in curves.index]
    if extra:
        raise ValueError(f"{what}: minimum names tier(s) {extra} that the curves do not have ({list(curves.index)}).")
    m = m.reindex(curves.index, fill_value=0.0)
    _positive(m, "minimum", what, allow_zero=True)
    return m.to_numpy(float)


def _budget(budget: float, what: str) -> float:
    try:
        value = float(budget)
    except (TypeError, ValueError):
        raise TypeError(f"{what}: budget must be a number of yuan; got {budget!r}.") from None
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{what}: budget must be a finite amount ≥ 0; got {budget!r}.")
    return value


def _tier_return(x: np.ndarray, n: np.ndarray, k: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Return of each tier when it gets ``x`` yuan in total."""
    return n * k * -np.expm1(-g * x / n)


# ----------------------------------------------------------------------------- scoring a split
def evaluate_split(curves: pd.DataFrame, split: Mapping[str, float] | pd.Series) -> pd.DataFrame:
    """What a split of the budget brings, tier by tier.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate`` (e.g. :func:`make_curves`).
    split : mapping or Series
        Yuan given to each tier in total (not per customer).

    Returns
    -------
    DataFrame
        Indexed by tier: ``budget`` (¥), ``budget_share``, ``spend_per_customer`` (¥),
        ``return`` (¥, the extra value bought), ``return_per_yuan`` (return ÷ budget; NaN for an
        unfunded tier) and ``marginal_return`` (¥ brought by the next yuan).

    Raises
    ------
    ValueError
        If the split misses a tier of ``curves`` or has a negative amount.

    Examples
    --------
    >>> c = make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.02, "b": 0.05})
    >>> evaluate_split(c, {"a": 3000.0, "b": 1000.0})[["spend_per_customer", "return", "marginal_return"]].round(3)
    ... # doctest: +NORMALIZE_WHITESPACE
       spend_per_customer    return  marginal_return
    a                30.0  2255.942            0.549
    b                10.0   786.939            0.607
    """
    c = _checked(curves, "evaluate_split")
    x = _aligned(c, split, "evaluate_split").to_numpy(float)
    n, k, g = _arrays(c)
    total = x.sum()
    ret = _tier_return(x, n, k, g)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_yuan = np.where(x > 0, ret / np.where(x > 0, x, 1.0), np.nan)
    return pd.DataFrame({
        "budget": x, "budget_share": x / total if total > 0 else np.zeros_like(x), "spend_per_customer": x / n,
        "return": ret, "return_per_yuan": per_yuan, "marginal_return": marginal_return(x / n, k, g),
    }, index=c.index)


def optimal_split(
    curves: pd.DataFrame,
    budget: float,
    *,
    minimum: Mapping[str, float] | pd.Series | None = None,
) -> pd.Series:
    """The split of ``budget`` across tiers with the largest total return, by ``scipy.optimize`` (SLSQP).

    Maximises ``Σ N·K·(1 − e^(−g·x/N))`` over the tier budgets ``x ≥ N·minimum``
    with ``Σ x = budget``, from an equal split, with the exact gradient; the
    objective is scaled by its smaller upper bound (all ceilings, or the budget
    at the best first return) so that tiny and huge budgets converge alike.
    :func:`equal_marginal_split` reaches the same split by the rule it implies.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate`` (e.g. :func:`make_curves`).
    budget : float
        Yuan to split (≥ 0).
    minimum : mapping or Series, optional
        A floor of spend per customer for some tiers (¥), e.g. a service level promised to VIPs.

    Returns
    -------
    Series
        Named ``optimal``: yuan per tier (adding up to ``budget``), indexed like ``curves``.

    Raises
    ------
    ValueError
        If the floors cost more than the budget, or the inputs are out of range.
    RuntimeError
        If the optimiser reports that it did not converge (with its message).

    Examples
    --------
    >>> c = make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.02, "b": 0.05})
    >>> optimal_split(c, 4000).round(0).to_dict()
    {'a': 2857.0, 'b': 1143.0}
    >>> optimal_split(c, 4000, minimum={"b": 15}).round(0).to_dict()
    {'a': 2500.0, 'b': 1500.0}
    """
    c = _checked(curves, "optimal_split")
    budget = _budget(budget, "optimal_split")
    n, k, g = _arrays(c)
    floor = _minimum(c, minimum, "optimal_split") * n
    if floor.sum() > budget * (1 + 1e-12):
        raise ValueError(f"optimal_split: the minimum spend per customer costs ¥{floor.sum():,.0f}, more than the "
                         f"budget of ¥{budget:,.0f}; lower the minimum or raise the budget.")
    if budget == 0:
        return pd.Series(0.0, index=c.index, name="optimal")
    # Both Σ N·K (every tier saturated) and budget · max K·g (every yuan at its first return) bound the total
    # from above; the smaller one keeps the objective near 1 for small and large budgets alike.
    scale = min(float((n * k).sum()), budget * float((k * g).max())) or 1.0

    def loss(w: np.ndarray) -> float:  # shares of the budget
        return -float(_tier_return(w * budget, n, k, g).sum()) / scale

    def grad(w: np.ndarray) -> np.ndarray:
        return -k * g * np.exp(-g * w * budget / n) * budget / scale

    lower = floor / budget
    start = np.full(len(n), 1.0 / len(n))
    start = lower + (1 - lower.sum()) * start  # an equal split of what the floors leave
    result = optimize.minimize(
        loss, start, jac=grad, method="SLSQP", bounds=[(lo, 1.0) for lo in lower],
        constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0, "jac": lambda w: np.ones_like(w)}],
        options={"ftol": 1e-14, "maxiter": 1000},
    )
    if not result.success:
        raise RuntimeError(f"optimal_split: SLSQP did not converge ({result.message}); "
                           "try equal_marginal_split, which solves the same problem by its rule.")
    w = np.maximum(result.x, lower)
    w = w / w.sum()
    return pd.Series(w * budget, index=c.index, name="optimal")


def equal_marginal_split(
    curves: pd.DataFrame,
    budget: float,
    *,
    minimum: Mapping[str, float] | pd.Series | None = None,
) -> tuple[pd.Series, float]:
    """The optimal split found by its rule: one marginal return λ for every funded tier.

    For a level λ each tier spends ``b = ln(K·g/λ)/g`` per customer (never below
    its floor, and nothing more when its first yuan returns less than λ); a
    one-dimensional search (``scipy.optimize.brentq``) finds the λ at which the
    tiers' budgets add up to ``budget``. This is the analytic (KKT) solution
    that :func:`optimal_split` must agree with.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    budget : float
        Yuan to split (≥ 0).
    minimum : mapping or Series, optional
        A floor of spend per customer for some tiers (¥).

    Returns
    -------
    split : Series
        Named ``optimal``: yuan per tier.
    level : float
        λ, the marginal return shared by every tier funded above its floor (¥ per ¥).
        NaN when no tier is (every yuan goes to the floors, or all ceilings are 0).

    Raises
    ------
    ValueError
        If the floors cost more than the budget, or the inputs are out of range.

    Examples
    --------
    >>> c = make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.02, "b": 0.05})
    >>> split, level = equal_marginal_split(c, 4000)
    >>> split.round(0).to_dict(), round(level, 3)
    ({'a': 2857.0, 'b': 1143.0}, 0.565)
    >>> evaluate_split(c, split)["marginal_return"].round(3).tolist()
    [0.565, 0.565]
    """
    c = _checked(curves, "equal_marginal_split")
    budget = _budget(budget, "equal_marginal_split")
    n, k, g = _arrays(c)
    floor = _minimum(c, minimum, "equal_marginal_split")
    if (floor * n).sum() > budget * (1 + 1e-12):
        raise ValueError(f"equal_marginal_split: the minimum spend per customer costs ¥{(floor * n).sum():,.0f}, "
                         f"more than the budget of ¥{budget:,.0f}; lower the minimum or raise the budget.")
    x, level = _equal_marginal(n, k, g, budget, floor)
    return pd.Series(x, index=c.index, name="optimal"), level


def _equal_marginal(n: np.ndarray, k: np.ndarray, g: np.ndarray, budget: float,
                    floor: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """The rule's split on plain arrays (tier budgets, λ); the inputs are already checked."""
    floor = np.zeros_like(n) if floor is None else floor
    first = k * g
    left = budget - (floor * n).sum()
    if left <= 0 or not (first > 0).any():
        x = floor * n
        if left > 0:  # every ceiling is 0: nothing returns anything; spread what is left by customers
            x = x + left * n / n.sum()
        return x, float("nan")
    log_first = np.log(np.where(first > 0, first, 1.0))

    def spend_at(log_level: float) -> np.ndarray:
        b = np.where(first > 0, (log_first - log_level) / g, -np.inf)
        return np.maximum(b, floor) * n

    def excess(log_level: float) -> float:
        return float(spend_at(log_level).sum()) - budget

    hi = float(log_first[first > 0].max())
    lo = hi - 1.0
    while excess(lo) < 0:  # lower λ until the tiers would spend more than the budget
        lo -= 2.0 * (hi - lo)
    log_level = optimize.brentq(excess, lo, hi, xtol=1e-13, rtol=1e-13, maxiter=500)
    x = spend_at(log_level)
    return x * (budget / x.sum()), float(np.exp(log_level))


# ----------------------------------------------------------------------------- heuristics and comparisons
def heuristic_splits(
    curves: pd.DataFrame,
    budget: float,
    *,
    revenue: Mapping[str, float] | pd.Series,
    top: str | None = None,
    current: Mapping[str, float] | pd.Series | None = None,
    minimum: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """The common ways to split a budget, side by side with the optimum, on the same budget.

    * ``equal_per_customer``: every customer gets the same spend;
    * ``proportional_to_revenue``: each tier gets its share of revenue;
    * ``all_to_top``: everything goes to the top tier ("all to VIP");
    * ``current``: today's split, scaled to ``budget`` (when given);
    * ``optimal``: :func:`optimal_split`.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    budget : float
        Yuan to split.
    revenue : mapping or Series
        Revenue per tier (¥), for the proportional rule.
    top : str, optional
        The tier "all to the top" funds; default the first tier of ``curves``.
    current : mapping or Series, optional
        Today's spend per tier (¥); it is scaled to ``budget`` so every split spends the same.
    minimum : mapping or Series, optional
        Per-customer floors the optimum must respect (the heuristics ignore them).

    Returns
    -------
    DataFrame
        Indexed by tier, one column per split (yuan per tier, each column adding up to ``budget``).

    Raises
    ------
    ValueError
        If ``top`` is not a tier, or revenue misses a tier or is negative.

    Examples
    --------
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> heuristic_splits(c, 10000, revenue={"VIP": 60000, "regular": 40000}).round(0)
    ... # doctest: +NORMALIZE_WHITESPACE
             equal_per_customer  proportional_to_revenue  all_to_top  optimal
    VIP                  1000.0                   6000.0     10000.0   4545.0
    regular              9000.0                   4000.0         0.0   5455.0
    """
    c = _checked(curves, "heuristic_splits")
    budget = _budget(budget, "heuristic_splits")
    rev = _aligned(c, revenue, "heuristic_splits (revenue)")
    top = c.index[0] if top is None else top
    if top not in c.index:
        raise ValueError(f"heuristic_splits: top={top!r} is not a tier; the tiers are {list(c.index)}.")
    n = c["customers"]
    out = pd.DataFrame(index=c.index)
    out["equal_per_customer"] = budget * n / n.sum()
    if rev.sum() <= 0:
        raise ValueError("heuristic_splits: revenue adds up to 0; the proportional rule needs some revenue.")
    out["proportional_to_revenue"] = budget * rev / rev.sum()
    out["all_to_top"] = np.where(c.index == top, budget, 0.0)
    if current is not None:
        now = _aligned(c, current, "heuristic_splits (current)")
        if now.sum() <= 0:
            raise ValueError("heuristic_splits: today's split adds up to 0; leave current out or give its amounts.")
        out["current"] = budget * now / now.sum()
    out["optimal"] = optimal_split(c, budget, minimum=minimum)
    return out.astype(float)


def compare_splits(curves: pd.DataFrame, splits: pd.DataFrame) -> pd.DataFrame:
    """Total return of each split, and how far each falls short of the best one for its budget.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    splits : DataFrame
        Indexed by tier, one column per split (yuan per tier), e.g. :func:`heuristic_splits`.

    Returns
    -------
    DataFrame
        One row per split: ``budget``, ``return`` (¥), ``return_per_yuan``, ``net_return``
        (return − budget), ``vs_optimal`` (return ÷ the optimal return for the same budget) and
        ``lost`` (¥ short of that optimum).

    Examples
    --------
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> s = heuristic_splits(c, 10000, revenue={"VIP": 60000, "regular": 40000})
    >>> compare_splits(c, s)[["return", "vs_optimal"]].round(3)
    ... # doctest: +NORMALIZE_WHITESPACE
                                return  vs_optimal
    equal_per_customer       11898.908       0.952
    proportional_to_revenue  12403.468       0.992
    all_to_top               11101.184       0.888
    optimal                  12503.826       1.000
    """
    c = _checked(curves, "compare_splits")
    rows = {}
    for name in splits.columns:
        table = evaluate_split(c, splits[name])
        spent = float(table["budget"].sum())
        got = float(table["return"].sum())
        n, k, g = _arrays(c)
        best = float(_tier_return(_equal_marginal(n, k, g, spent)[0], n, k, g).sum()) if spent > 0 else 0.0
        rows[name] = {"budget": spent, "return": got, "return_per_yuan": got / spent if spent else np.nan,
                      "net_return": got - spent, "vs_optimal": got / best if best > 0 else np.nan,
                      "lost": max(best - got, 0.0)}
    return pd.DataFrame.from_dict(rows, orient="index")


def next_return(curves: pd.DataFrame, split: Mapping[str, float] | pd.Series, amount: float = 1000.0) -> pd.DataFrame:
    """Where the next ``amount`` yuan returns most: the extra return if it all went to one tier.

    The extra is computed exactly (the curve's rise over the ``amount``), not from the slope.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    split : mapping or Series
        Today's (or any) yuan per tier.
    amount : float, default 1000.0
        The extra yuan (> 0).

    Returns
    -------
    DataFrame
        Indexed by tier: ``spend_per_customer`` (¥, before the extra), ``marginal_return`` (¥ per ¥
        now) and ``next_return`` (¥ the extra ``amount`` brings in that tier), and ``best`` (True
        for the tier where it brings most).

    Examples
    --------
    >>> c = make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
    ...                 half_spend={"VIP": 150.0, "regular": 20.0})
    >>> next_return(c, {"VIP": 10000.0, "regular": 0.0}).round(2)
    ... # doctest: +NORMALIZE_WHITESPACE
             spend_per_customer  marginal_return  next_return   best
    VIP                   100.0             0.87       853.44  False
    regular                 0.0             1.39      1359.94   True
    """
    c = _checked(curves, "next_return")
    if not amount > 0:
        raise ValueError(f"next_return: amount must be a positive number of yuan; got {amount!r}.")
    x = _aligned(c, split, "next_return").to_numpy(float)
    n, k, g = _arrays(c)
    extra = _tier_return(x + amount, n, k, g) - _tier_return(x, n, k, g)
    out = pd.DataFrame({"spend_per_customer": x / n, "marginal_return": marginal_return(x / n, k, g),
                        "next_return": extra}, index=c.index)
    out["best"] = out["next_return"] == out["next_return"].max()
    return out


def break_even_budget(curves: pd.DataFrame, threshold: float = 1.0) -> float:
    """The budget beyond which the next yuan, however it is split, returns less than ``threshold`` yuan.

    Spent optimally, the marginal return falls as the budget grows; at this
    budget it reaches ``threshold`` (1: the next yuan just pays for itself).

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    threshold : float, default 1.0
        The marginal return (¥ per ¥) at which to stop.

    Returns
    -------
    float
        Yuan; 0 when no tier's first yuan returns ``threshold``.

    Examples
    --------
    >>> c = make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.04, "b": 0.05})
    >>> round(break_even_budget(c), 2)   # only a's first yuan returns more than 1 (50 × 0.04 = 2)
    1732.87
    """
    c = _checked(curves, "break_even_budget")
    if not threshold > 0:
        raise ValueError(f"break_even_budget: threshold must be > 0; got {threshold!r}.")
    n, k, g = _arrays(c)
    with np.errstate(divide="ignore"):
        per_customer = np.maximum(np.log(np.where(k > 0, k * g, 1e-300) / threshold), 0.0) / g
    return float((per_customer * n).sum())


def budget_curve(curves: pd.DataFrame, budgets: Sequence[float] | np.ndarray) -> pd.DataFrame:
    """The best return and the marginal return for each budget in ``budgets`` (the optimal split of each).

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    budgets : sequence of float
        Budgets (¥, ≥ 0).

    Returns
    -------
    DataFrame
        Indexed by ``budget``: ``return`` (¥, optimal), ``net_return`` (return − budget) and
        ``marginal_return`` (λ of the optimal split, ¥ per ¥).

    Examples
    --------
    >>> c = make_curves({"a": 100}, {"a": 50.0}, {"a": 0.02})
    >>> budget_curve(c, [0, 5000]).round(3)
    ... # doctest: +NORMALIZE_WHITESPACE
             return  net_return  marginal_return
    budget
    0.0       0.000       0.000            1.000
    5000.0  3160.603  -1839.397            0.368
    """
    c = _checked(curves, "budget_curve")
    n, k, g = _arrays(c)
    rows = []
    for b in budgets:
        b = _budget(b, "budget_curve")
        if b == 0:
            rows.append((0.0, 0.0, float((k * g).max())))
            continue
        x, level = _equal_marginal(n, k, g, b)
        rows.append((b, float(_tier_return(x, n, k, g).sum()), level))
    out = pd.DataFrame(rows, columns=["budget", "return", "marginal_return"]).set_index("budget")
    out.insert(1, "net_return", out["return"] - out.index.to_numpy(float))
    return out


def sensitivity(
    curves: pd.DataFrame,
    budget: float,
    *,
    factors: Sequence[float] = (0.5, 0.8, 1.25, 2.0),
    parameters: Sequence[str] = ("ceiling", "half_spend"),
    minimum: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """How the optimal split moves, and what keeping today's optimum would cost, if one curve is off.

    For every tier, parameter and factor, the parameter of that tier alone is
    multiplied by the factor ("what if VIPs' ceiling were half what we think?").
    The optimum is recomputed on the changed curves (by the equal-marginal-return
    rule, which is exact and fast), and the split optimal for the *original*
    curves is scored on them too: ``loss`` is the share of the attainable return
    given up by not knowing.

    Parameters
    ----------
    curves : DataFrame
        One row per tier with ``customers``, ``ceiling`` and ``rate``.
    budget : float
        Yuan to split.
    factors : sequence of float, default (0.5, 0.8, 1.25, 2.0)
        Multipliers (> 0) applied to one parameter of one tier at a time.
    parameters : sequence of {"ceiling", "half_spend", "rate"}, default ("ceiling", "half_spend")
        Which curve parameters to vary.
    minimum : mapping or Series, optional
        Per-customer floors kept in every optimisation.

    Returns
    -------
    DataFrame
        One row per (tier, parameter, factor): ``tier``, ``parameter``, ``factor``,
        ``tier_share`` (that tier's share of the budget in the new optimum), ``base_share`` (its
        share in the original optimum), ``best_return`` (¥, new optimum), ``kept_return`` (¥, the
        original split on the changed curves) and ``loss`` (1 − kept ÷ best).

    Examples
    --------
    >>> c = make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.02, "b": 0.05})
    >>> s = sensitivity(c, 4000, factors=(0.5,), parameters=("ceiling",))
    >>> s[["tier", "factor", "tier_share", "base_share", "loss"]].round(3)
    ... # doctest: +NORMALIZE_WHITESPACE
      tier  factor  tier_share  base_share   loss
    0    a     0.5       0.467       0.714  0.063
    1    b     0.5       0.038       0.286  0.053
    """
    c = _checked(curves, "sensitivity")
    budget = _budget(budget, "sensitivity")
    unknown = [p for p in parameters if p not in ("ceiling", "half_spend", "rate")]
    if unknown:
        raise ValueError(f"sensitivity: parameters must be among 'ceiling', 'half_spend', 'rate'; got {unknown}.")
    bad = [f for f in factors if not f > 0]
    if bad:
        raise ValueError(f"sensitivity: factors must be > 0; got {bad}.")
    n, k, g = _arrays(c)
    floor = _minimum(c, minimum, "sensitivity")
    if (floor * n).sum() > budget * (1 + 1e-12):
        raise ValueError("sensitivity: the minimum spend per customer costs more than the budget.")
    base, _ = _equal_marginal(n, k, g, budget, floor)  # the optimum (optimal_split agrees with it)
    rows = []
    for i, tier in enumerate(c.index):
        for parameter in parameters:
            for factor in factors:
                k2, g2 = k.copy(), g.copy()
                if parameter == "ceiling":
                    k2[i] *= factor
                elif parameter == "rate":
                    g2[i] *= factor
                else:  # half_spend × factor is rate ÷ factor
                    g2[i] /= factor
                best, _ = _equal_marginal(n, k2, g2, budget, floor)
                best_return = float(_tier_return(best, n, k2, g2).sum())
                kept_return = float(_tier_return(base, n, k2, g2).sum())
                rows.append({"tier": tier, "parameter": parameter, "factor": float(factor),
                             "tier_share": float(best[i] / budget) if budget else 0.0,
                             "base_share": float(base[i] / budget) if budget else 0.0,
                             "best_return": best_return, "kept_return": kept_return,
                             "loss": 1 - kept_return / best_return if best_return > 0 else 0.0})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- the company's numbers
def _tier_order(tiers: pd.Series) -> list[str]:
    present = set(tiers)
    return [t for t in SERVICE_TIERS if t in present] + sorted(present - set(SERVICE_TIERS))


def _window(frame: pd.DataFrame, date: str, end: pd.Timestamp, days: int) -> pd.DataFrame:
    dates = pd.to_datetime(frame[date])
    return frame[(dates >= end - pd.Timedelta(days=days)) & (dates < end)]


@shared_docs
def tier_economics(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    tiers: pd.Series,
    contacts: pd.DataFrame,
    window_days: int = 365,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    cost: str = "cost",
    cost_to_serve: str = "cost_to_serve",
    initiated_by: str = "initiated_by",
) -> pd.DataFrame:
    """Per tier over the last ``window_days``: margin, revenue, cost to serve and today's contact spend.

    The cost to serve (module 03's :func:`helpers.contribution.contribution_table`)
    is split by who started the contact: contacts the **customer** started
    (problem reports) must be answered whatever the plan; contacts the
    **company** started (follow-ups, offers, planning meetings) are the budget
    this module splits, and their sum per tier is today's split.

    Parameters
    ----------
    {transactions}
    {as_of}
        The window is the ``window_days`` before it.
    tiers : Series
        The tier of each customer (index = customer id), e.g. :func:`helpers.loyalty.service_tiers`.
    contacts : DataFrame
        The contact log with the ``customer``, ``date``, ``cost_to_serve`` and ``initiated_by`` columns.
    window_days : int, default 365
        Length of the window.
    {customer}
    {date}
    {amount}
    {cost}
    cost_to_serve : str, default "cost_to_serve"
        Column of ``contacts`` holding what each contact cost (¥).
    initiated_by : str, default "initiated_by"
        Column of ``contacts`` saying who started it: ``"company"`` or ``"customer"``.

    Returns
    -------
    DataFrame
        One row per tier (VIP / regular / potential first): ``customers``, ``customer_share``,
        ``value`` (margin = amount − cost, ¥), ``value_share``, ``average_value`` (margin per
        customer), then ``revenue``, ``revenue_share``, ``reactive_cost`` (¥ per customer of
        customer-started contacts), ``contact_spend`` (¥ of company-started contacts, the whole
        tier) and ``spend_per_customer``.

    Raises
    ------
    ValueError
        If ``initiated_by`` holds values other than "company" and "customer", a customer has no tier,
        or a transaction or contact in the window belongs to a customer missing from ``tiers`` (their
        money would otherwise drop out of every tier).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c"], "revenue": [500.0, 100.0, 40.0],
    ...                    "cost": [300.0, 70.0, 30.0], "date": pd.to_datetime(["2025-05-01"] * 3)})
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": pd.to_datetime(["2025-04-01"] * 3),
    ...                     "cost_to_serve": [120.0, 25.0, 8.0], "initiated_by": ["company", "customer", "company"]})
    >>> t = pd.Series({"a": "VIP", "b": "regular", "c": "regular"})
    >>> tier_economics(tx, tiers=t, contacts=log)[["customers", "value", "average_value", "contact_spend"]]
    ... # doctest: +NORMALIZE_WHITESPACE
             customers  value  average_value  contact_spend
    VIP              1  200.0          200.0          120.0
    regular          2   40.0           20.0            8.0
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount, "cost": cost},
                    "tier_economics")
    require_columns(contacts, {"customer": customer, "date": date, "cost_to_serve": cost_to_serve,
                               "initiated_by": initiated_by}, "tier_economics (contacts)")
    if tiers.isna().any():
        raise ValueError(f"tier_economics: {int(tiers.isna().sum())} customer(s) have no tier; give every customer one.")
    who = set(contacts[initiated_by].astype(str).unique())
    if not who <= {"company", "customer"}:
        raise ValueError(f"tier_economics: column {initiated_by!r} holds {sorted(who - {'company', 'customer'})}; "
                         "it must say 'company' or 'customer' for every contact.")
    end = resolve_as_of(transactions, as_of, date=date)
    tx = _window(transactions, date, end, window_days)
    log = _window(contacts, date, end, window_days)
    ids = tiers.index
    for name, frame in (("transaction", tx), ("contact", log)):
        untiered = ~frame[customer].isin(ids)
        if untiered.any():
            raise ValueError(f"tier_economics: {int(untiered.sum())} {name} row(s) in the window belong to "
                             f"{frame.loc[untiered, customer].nunique()} customer(s) without a tier (e.g. "
                             f"{frame.loc[untiered, customer].iloc[0]!r}); give every customer a tier, e.g. with "
                             "service_tiers(..., customers=the customer table).")
    asked = log[log[initiated_by].astype(str) == "customer"]
    # module 03's cost to serve, limited to what customers asked for; it lists only customers who bought
    per = contribution_table(tx, customer=customer, amount=amount, cost=cost, contacts=asked,
                             cost_to_serve=cost_to_serve)
    margin = per["margin"].reindex(ids, fill_value=0.0)
    revenue = per["revenue"].reindex(ids, fill_value=0.0)
    reactive = asked.groupby(customer)[cost_to_serve].sum().reindex(ids, fill_value=0.0)  # buyers or not
    company = log[log[initiated_by].astype(str) == "company"].groupby(customer)[cost_to_serve].sum()
    company = company.reindex(ids, fill_value=0.0)
    t = tiers.astype(str)
    order = _tier_order(t)
    out = pd.DataFrame({"customers": t.groupby(t).size(), "value": margin.groupby(t).sum(),
                        "revenue": revenue.groupby(t).sum(), "reactive": reactive.groupby(t).sum(),
                        "contact_spend": company.groupby(t).sum()}).reindex(order)
    out["customers"] = out["customers"].astype(int)
    out["customer_share"] = out["customers"] / out["customers"].sum()
    out["value_share"] = out["value"] / out["value"].sum()
    out["average_value"] = out["value"] / out["customers"]
    out["revenue_share"] = out["revenue"] / out["revenue"].sum()
    out["reactive_cost"] = out["reactive"] / out["customers"]
    out["spend_per_customer"] = out["contact_spend"] / out["customers"]
    out.index.name = None
    return out[["customers", "customer_share", "value", "value_share", "average_value", "revenue", "revenue_share",
                "reactive_cost", "contact_spend", "spend_per_customer"]].astype(
        {c: float for c in ("value", "revenue", "contact_spend")})


@shared_docs
def retention_by_tier(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    tiers: pd.Series,
    contacts: pd.DataFrame | None = None,
    window_days: int = 365,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    cost: str = "cost",
    cost_to_serve: str = "cost_to_serve",
    initiated_by: str = "initiated_by",
) -> pd.DataFrame:
    """Per tier: who was still buying a year later, and what a kept customer was worth in that year.

    ``tiers`` are the tiers **at the start** of the window (``as_of − window_days``),
    e.g. ``service_tiers(transactions, start, customers=...)``. A customer counts
    when they bought before the start; they are *retained* when they bought again
    in the window. The value of a kept customer is the average margin of the
    retained customers in the window, minus what their own service requests
    cost (customer-started contacts, when ``contacts`` is given).

    Parameters
    ----------
    {transactions}
    {as_of}
        The end of the window; the tiers are those of ``window_days`` earlier.
    tiers : Series
        The tier of each customer at the start of the window (index = customer id).
    contacts : DataFrame, optional
        The contact log (``customer``, ``date``, ``cost_to_serve``, ``initiated_by``); without it
        the kept value is the margin alone.
    window_days : int, default 365
        Length of the window.
    {customer}
    {date}
    {amount}
    {cost}
    cost_to_serve : str, default "cost_to_serve"
        Column of ``contacts`` holding what each contact cost (¥).
    initiated_by : str, default "initiated_by"
        Column of ``contacts`` saying who started it (``"customer"`` rows are subtracted).

    Returns
    -------
    DataFrame
        One row per tier: ``customers`` (on the books at the start), ``retained``, ``retention``
        (share retained), ``kept_value`` (¥ per retained customer in the window) and ``left_out``
        (customers of ``tiers`` with no purchase before the start: not yet customers then, not
        counted). ``customers + left_out`` is each tier's size in ``tiers``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"], "revenue": [100.0, 300.0, 50.0, 80.0],
    ...                    "cost": [60.0, 200.0, 30.0, 50.0],
    ...                    "date": pd.to_datetime(["2024-03-01", "2025-03-01", "2024-05-01", "2025-02-01"])})
    >>> t = pd.Series({"a": "regular", "b": "regular", "c": "potential"})
    >>> retention_by_tier(tx, "2025-06-01", tiers=t)
    ... # doctest: +NORMALIZE_WHITESPACE
               customers  retained  retention  kept_value  left_out
    regular            2         1        0.5       100.0         0
    potential          0         0        NaN         NaN         1
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount, "cost": cost},
                    "retention_by_tier")
    if tiers.isna().any():
        raise ValueError(f"retention_by_tier: {int(tiers.isna().sum())} customer(s) have no tier.")
    end = resolve_as_of(transactions, as_of, date=date)
    start = end - pd.Timedelta(days=window_days)
    dates = pd.to_datetime(transactions[date])
    earlier = transactions[(dates < start) & (transactions[amount] > 0)]
    window = transactions[(dates >= start) & (dates < end)]
    on_books = pd.Index(tiers.index).isin(earlier[customer].unique())
    bought = pd.Index(tiers.index).isin(window.loc[window[amount] > 0, customer].unique())
    margin = (window[amount] - window[cost]).groupby(window[customer]).sum().reindex(tiers.index, fill_value=0.0)
    if contacts is not None:
        require_columns(contacts, {"customer": customer, "date": date, "cost_to_serve": cost_to_serve,
                                   "initiated_by": initiated_by}, "retention_by_tier (contacts)")
        log = _window(contacts, date, end, window_days)
        asked = log[log[initiated_by].astype(str) == "customer"].groupby(customer)[cost_to_serve].sum()
        margin = margin - asked.reindex(tiers.index, fill_value=0.0)
    t = tiers.astype(str)
    order = _tier_order(t)
    frame = pd.DataFrame({"tier": t.to_numpy(), "on_books": on_books, "retained": on_books & bought,
                          "value": margin.to_numpy()})
    g = frame.groupby("tier")
    out = pd.DataFrame({"customers": g["on_books"].sum(), "retained": g["retained"].sum(),
                        "left_out": (~frame["on_books"]).groupby(frame["tier"]).sum()}).reindex(order)
    out = out.astype(int)
    out["retention"] = out["retained"] / out["customers"].replace(0, np.nan)
    kept = frame[frame["retained"]].groupby("tier")["value"].mean()
    out["kept_value"] = kept.reindex(order)
    out.index.name = None
    return out[["customers", "retained", "retention", "kept_value", "left_out"]]


def assumed_curves(
    economics: pd.DataFrame,
    retention: pd.DataFrame,
    playbook_cost: pd.Series,
    *,
    save_share: float = 0.5,
    discount: float = 0.10,
    playbook_reach: float = 0.8,
) -> pd.DataFrame:
    """Response curves per tier from the company's numbers and three stated assumptions.

    Measured (from :func:`tier_economics` and :func:`retention_by_tier`):
    the tier's customers, its retention ``p`` (share still buying a year later)
    and the yearly value of a kept customer ``v`` (margin minus the service they ask for).
    A kept customer is worth ``v · (1 + d) / (1 + d − p)`` over their remaining life
    (the margin multiple; Gupta & Lehmann 2003), which is the customer-equity view of
    Blattberg & Deighton (1996).

    Assumed (change them and see, :func:`sensitivity`):

    * ``save_share``: contact can keep at most this share of the customers who would
      otherwise lapse, however much is spent. So ``K = save_share · (1 − p) · lifetime value``.
    * ``discount`` (d): the yearly discount rate of future margin.
    * ``playbook_reach``: spending module 07's playbook cost per customer (:func:`helpers.relationship.playbook_cost`)
      reaches this share of K. So ``g = −ln(1 − playbook_reach) / playbook cost``.

    Parameters
    ----------
    economics : DataFrame
        From :func:`tier_economics` (``customers`` per tier).
    retention : DataFrame
        From :func:`retention_by_tier` (``retention`` and ``kept_value`` per tier).
    playbook_cost : Series
        Playbook cost per customer per year (¥) per tier.
    save_share : float, default 0.5
        In (0, 1].
    discount : float, default 0.10
        ≥ 0.
    playbook_reach : float, default 0.8
        In (0, 1).

    Returns
    -------
    DataFrame
        The curve table (``customers``, ``ceiling``, ``rate``, ``half_spend``, ``first_return``)
        with the inputs beside it: ``retention``, ``kept_value``, ``lifetime_value``,
        ``playbook_cost``. A tier whose kept value is not positive gets a ceiling of 0.

    Raises
    ------
    ValueError
        If an assumption is out of range or a tier lacks a number (the message names it).

    Examples
    --------
    >>> econ = pd.DataFrame({"customers": [100, 1000]}, index=["VIP", "regular"])
    >>> ret = pd.DataFrame({"retention": [0.9, 0.5], "kept_value": [1000.0, 150.0]}, index=["VIP", "regular"])
    >>> c = assumed_curves(econ, ret, pd.Series({"VIP": 400.0, "regular": 60.0}))
    >>> c[["customers", "ceiling", "half_spend", "first_return"]].round(2)
    ... # doctest: +NORMALIZE_WHITESPACE
             customers  ceiling  half_spend  first_return
    VIP            100   275.00      172.27          1.11
    regular       1000    68.75       25.84          1.84
    """
    if not 0 < save_share <= 1:
        raise ValueError(f"assumed_curves: save_share must be in (0, 1]; got {save_share!r}.")
    if not discount >= 0:
        raise ValueError(f"assumed_curves: discount must be ≥ 0 (e.g. 0.10 for 10% a year); got {discount!r}.")
    if not 0 < playbook_reach < 1:
        raise ValueError(f"assumed_curves: playbook_reach must be in (0, 1); got {playbook_reach!r}.")
    require_columns(economics, ["customers"], "assumed_curves (economics)")
    require_columns(retention, ["retention", "kept_value"], "assumed_curves (retention)")
    tiers = list(economics.index)
    for name, frame in (("retention", retention), ("playbook_cost", playbook_cost)):
        missing = [t for t in tiers if t not in frame.index]
        if missing:
            raise ValueError(f"assumed_curves: {name} has no row for tier(s) {missing}.")
    p = retention["retention"].reindex(tiers).astype(float)
    v = retention["kept_value"].reindex(tiers).astype(float)
    cost = playbook_cost.reindex(tiers).astype(float)
    for name, values in (("retention", p), ("kept_value", v)):
        if values.isna().any():
            raise ValueError(f"assumed_curves: {name} is missing for tier(s) {values.index[values.isna()].tolist()} "
                             "(no customer of the tier was on the books a year ago?).")
    if ((p < 0) | (p > 1)).any():
        raise ValueError("assumed_curves: retention must be a share between 0 and 1.")
    _positive(cost, "playbook_cost", "assumed_curves")
    lifetime = v.clip(lower=0) * (1 + discount) / (1 + discount - p)
    ceiling = save_share * (1 - p) * lifetime
    rate = -np.log(1 - playbook_reach) / cost
    out = _checked(pd.DataFrame({"customers": economics["customers"], "ceiling": ceiling, "rate": rate}),
                   "assumed_curves")
    out["customers"] = economics["customers"]
    out["retention"] = p
    out["kept_value"] = v
    out["lifetime_value"] = lifetime
    out["playbook_cost"] = cost
    return out
