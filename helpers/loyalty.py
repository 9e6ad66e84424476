"""Loyalty metrics (忠诚度): satisfaction, stated repurchase, recommendation, NPS and behaviour.

Compute layer: pure functions on DataFrames and Series. No plotting, no printing.

The three survey indicators follow the source material:

* **satisfaction** (满意度) on five levels, 5 = very satisfied (很满意) … 1 = very
  dissatisfied (很不满意); the usual summary is the **top-2-box CSAT**: the share
  answering 4 or 5;
* **stated repurchase probability** (重复购买的概率) in three bands: above 70%,
  30–70% (both ends included) and below 30%;
* **likelihood to recommend** (推荐可能性), asked as three levels (很大可能 / 有可能 /
  不可能) or on the 0–10 scale that gives the **Net Promoter Score**: promoters
  answer 9–10, passives 7–8, detractors 0–6, and NPS = % promoters − % detractors,
  in points from −100 to +100.

NPS margin of error
-------------------
Give every answer a score x = +1 (promoter), 0 (passive) or −1 (detractor). The
NPS is 100 × the mean of x. With p and d the shares of promoters and detractors,
the variance of x is ``p + d − (p − d)²`` (mean of x² minus the squared mean), so
the standard error of the NPS is ``100 × sqrt((p + d − (p − d)²) / n)`` and the
95% margin of error is 1.96 times that (normal approximation). Worked example:
10 answers with 5 promoters, 3 passives, 2 detractors give NPS = 30, variance
0.7 − 0.09 = 0.61, margin = 1.96 × sqrt(0.061) × 100 ≈ 48.4 points: a survey of
ten people says almost nothing.

Behaviour, not only attitude
----------------------------
The observed **repurchase rate** (复购率) is the share of buying customers with
at least two orders. Next to the stated intention we also measure whether each
surveyed customer actually bought in the months after the survey.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from helpers._common import SERVICE_TIERS, before, require_columns, resolve_as_of
from helpers._docs import shared_docs

__all__ = [
    "SATISFACTION_LEVELS",
    "REPURCHASE_BANDS",
    "RECOMMEND_LEVELS",
    "NPS_GROUPS",
    "SERVICE_TIERS",
    "LOYALTY_TIERS",
    "LoyaltyRule",
    "service_tiers",
    "order_counts",
    "repurchase_rate",
    "top2_box",
    "satisfaction_distribution",
    "repurchase_band",
    "nps_group",
    "nps",
    "nps_table",
    "bought_after_survey",
    "stated_vs_observed",
    "loyalty_tier",
    "loyalty_mix",
    "satisfied_not_loyal",
]

#: Satisfaction answers, 5 (best) to 1, with their English and Chinese names.
SATISFACTION_LEVELS: dict[int, tuple[str, str]] = {
    5: ("very satisfied", "很满意"),
    4: ("satisfied", "比较满意"),
    3: ("neutral", "满意"),
    2: ("dissatisfied", "不满意"),
    1: ("very dissatisfied", "很不满意"),
}
#: Stated repurchase probability bands, highest first.
REPURCHASE_BANDS: tuple[str, ...] = (">70%", "30–70%", "<30%")
#: The three-level recommendation answer, most positive first.
RECOMMEND_LEVELS: tuple[str, ...] = ("very likely", "likely", "unlikely")
#: NPS groups of the 0–10 answer.
NPS_GROUPS: tuple[str, ...] = ("promoter", "passive", "detractor")
#: Loyalty tiers of :func:`loyalty_tier`, most loyal first.
LOYALTY_TIERS: tuple[str, ...] = ("high", "medium", "low")

Z95 = 1.959963984540054  # the 97.5% point of the standard normal


def _numbers(values: ArrayLike, what: str, low: float, high: float) -> pd.Series:
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if isinstance(values, pd.DataFrame):
        raise TypeError(f"{what}: got a table; pass one column, e.g. survey['{what}'].")
    nums = pd.to_numeric(series, errors="coerce")
    bad = nums.isna() & series.notna()
    if bad.any():
        raise TypeError(f"{what}: {int(bad.sum())} answer(s) are not numbers, e.g. {series[bad].iloc[0]!r} "
                        f"at {series.index[bad][0]!r}. Convert them to numbers first.")
    if nums.isna().any():
        where = list(series.index[nums.isna()][:5])
        raise ValueError(f"{what}: {int(nums.isna().sum())} missing answer(s) at {where}. Remove the "
                         "non-respondents on purpose (and say how many) before computing the metric.")
    out_of_range = (nums < low) | (nums > high)
    if out_of_range.any():
        where = list(series.index[out_of_range][:5])
        raise ValueError(f"{what}: {int(out_of_range.sum())} answer(s) outside {low:g}–{high:g} at {where}. "
                         "Check the scale (e.g. a probability in percent, 0–100, not 0–1).")
    return nums.astype(float)


# --------------------------------------------------------------------------- tiers
@shared_docs
def order_counts(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    order: str = "order_id",
    amount: str = "revenue",
) -> pd.Series:
    """Number of distinct purchase orders per customer (returns, i.e. rows with ``amount`` < 0, not counted).

    Parameters
    ----------
    {transactions}
    {as_of}
        Without ``as_of`` every order counts and no date column is needed.
    {customer}
    {date}
    {order}
    {amount}

    Returns
    -------
    Series
        Named ``orders``, indexed by every customer in the table (sorted), 0 for customers with returns only.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b"], "order_id": ["o1", "o2", "o3", "r1"],
    ...                    "revenue": [10.0, 5.0, 8.0, -8.0]})
    >>> order_counts(tx).to_dict()
    {'a': 2, 'b': 1}
    """
    require_columns(transactions, {"customer": customer, "order": order, "amount": amount}, "order_counts")
    customers = pd.Index(transactions[customer].unique()).sort_values()
    transactions = before(transactions, as_of, date=date)
    bought = transactions[transactions[amount] > 0]
    counts = bought.groupby(customer)[order].nunique()
    return counts.reindex(customers, fill_value=0).astype(int).rename("orders")


@shared_docs
def service_tiers(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customers: pd.DataFrame,
    customer: str = "customer_id",
    date: str = "date",
    order: str = "order_id",
    amount: str = "revenue",
    membership: str = "membership",
    repeat_at: int = 2,
) -> pd.Series:
    """The service tier of each customer: VIP / regular / potential (the rule of modules 06–07).

    Rule, applied in this order:

    1. **VIP**: the customers table says ``membership == "VIP"``;
    2. **regular** (常规客户): any other member or walk-in with at least
       ``repeat_at`` purchase orders (returns not counted);
    3. **potential** (潜在客户): everybody else: one-time buyers and customers
       with no purchase. (Leads who never bought belong here too, but they have
       no customer id.)

    Modules 02 (ABC) and 04 (RFM) give other tierings; this one needs only the
    membership field and an order count, so every customer has a tier.

    Parameters
    ----------
    {transactions}
    as_of : date-like, optional
        Count only orders dated before this day (the tier a customer had on
        that day, e.g. the survey date); default: every order. Membership is
        taken as recorded.
    {customers}
        Needs the ``membership`` column too. Every customer of this table gets a tier.
    {customer}
    {date}
    {order}
    {amount}
    membership : str, default "membership"
        Column of ``customers`` holding walk-in / member / VIP.
    repeat_at : int, default 2
        Orders needed to count as a repeat buyer.

    Returns
    -------
    Series
        Ordered categorical named ``tier``, indexed by customer (sorted).

    Examples
    --------
    >>> cust = pd.DataFrame({"customer_id": ["a", "b", "c", "d"],
    ...                      "membership": ["VIP", "member", "walk-in", "member"]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b", "c", "c"], "order_id": ["1", "2", "3", "4", "5"],
    ...                    "revenue": [9.0, 5.0, 5.0, 4.0, -4.0]})
    >>> service_tiers(tx, customers=cust).astype(str).to_dict()
    {'a': 'VIP', 'b': 'regular', 'c': 'potential', 'd': 'potential'}
    >>> tx["date"] = pd.to_datetime(["2025-01-01", "2025-01-01", "2025-03-01", "2025-01-01", "2025-01-09"])
    >>> service_tiers(tx, "2025-02-01", customers=cust).astype(str).to_dict()
    {'a': 'VIP', 'b': 'potential', 'c': 'potential', 'd': 'potential'}
    """
    require_columns(customers, {"customer": customer, "membership": membership}, "service_tiers (customers)")
    if customers[customer].duplicated().any():
        dup = customers.loc[customers[customer].duplicated(), customer].iloc[0]
        raise ValueError(f"service_tiers: customer {dup!r} appears twice in the customers table; keep one row each.")
    cust = customers.set_index(customer).sort_index()
    orders = order_counts(transactions, as_of, customer=customer, date=date, order=order,
                          amount=amount).reindex(cust.index, fill_value=0)
    tier = np.where(cust[membership].astype(str) == "VIP", "VIP",
                    np.where(orders >= repeat_at, "regular", "potential"))
    return pd.Series(pd.Categorical(tier, categories=SERVICE_TIERS, ordered=True), index=cust.index, name="tier")


@shared_docs
def repurchase_rate(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    order: str = "order_id",
    amount: str = "revenue",
) -> float:
    """Repurchase rate (复购率): share of buying customers with at least two purchase orders.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {order}
    {amount}

    Returns
    -------
    float
        Between 0 and 1.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabc"), "order_id": list("1234"), "revenue": [1.0, 1, 1, 1]})
    >>> repurchase_rate(tx)
    0.3333333333333333
    """
    counts = order_counts(transactions, as_of, customer=customer, date=date, order=order, amount=amount)
    buyers = counts[counts > 0]
    if buyers.empty:
        raise ValueError("repurchase_rate: no purchase orders (all amounts <= 0); nothing to measure.")
    return float((buyers >= 2).mean())


# --------------------------------------------------------------------------- survey answers
def top2_box(satisfaction: ArrayLike) -> float:
    """Top-2-box CSAT: share of answers that are 4 (satisfied) or 5 (very satisfied).

    Parameters
    ----------
    satisfaction : array-like of numbers
        Satisfaction answers on the 1–5 scale (5 = very satisfied), one per respondent.

    Returns
    -------
    float
        The share (0–1) of answers that are 4 or 5.

    Raises
    ------
    ValueError, TypeError
        If there are no answers, or an answer is missing, not a number or outside 1–5.

    Examples
    --------
    >>> top2_box([5, 4, 3, 2, 5])
    0.6
    """
    s = _numbers(satisfaction, "satisfaction", 1, 5)
    if s.empty:
        raise ValueError("satisfaction: no answers given.")
    return float((s >= 4).mean())


def satisfaction_distribution(
    survey: pd.DataFrame,
    column: str = "satisfaction",
    by: str | pd.Series | None = None,
) -> pd.DataFrame:
    """Share of each satisfaction level (1–5), overall or per group.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent.
    column : str, default "satisfaction"
        Column of ``survey`` holding the 1–5 answers.
    by : str or Series, optional
        How to group the respondents: a column of ``survey`` (e.g. ``"tier"``) or a Series aligned
        on ``survey``'s index. ``None`` puts everybody in one group, ``"all"``.

    Returns
    -------
    DataFrame
        One row per group (``"all"`` when ``by`` is None), columns 1..5 (shares
        adding up to 1) and ``respondents``.

    Raises
    ------
    ValueError
        If an answer is missing or outside 1–5, or a respondent has no group.

    Examples
    --------
    >>> s = pd.DataFrame({"satisfaction": [5, 4, 4, 1], "tier": ["x", "x", "y", "y"]})
    >>> satisfaction_distribution(s, by="tier")
    ... # doctest: +NORMALIZE_WHITESPACE
            1    2    3    4    5  respondents
    tier
    x     0.0  0.0  0.0  0.5  0.5            2
    y     0.5  0.0  0.0  0.5  0.0            2
    """
    require_columns(survey, {"column": column}, "satisfaction_distribution")
    scores = _numbers(survey[column], column, 1, 5).round().astype(int)
    groups = _groups(survey, by)
    table = pd.crosstab(groups, scores).reindex(columns=[1, 2, 3, 4, 5], fill_value=0)
    table.columns.name = None
    n = table.sum(axis=1)
    out = table.div(n, axis=0)
    out["respondents"] = n.astype(int)
    return out


def _groups(survey: pd.DataFrame, by: str | pd.Series | None) -> pd.Series:
    if by is None:
        return pd.Series("all", index=survey.index, name="group")
    if isinstance(by, str):
        require_columns(survey, {"by": by}, "grouping")
        groups = survey[by]
    else:
        groups = by.reindex(survey.index)
    if groups.isna().any():
        raise ValueError(f"grouping: {int(groups.isna().sum())} answer(s) have no group; give every row a group.")
    return groups


def repurchase_band(probability: ArrayLike) -> pd.Series:
    """Band of a stated repurchase probability in percent: ``>70%``, ``30–70%`` (ends included) or ``<30%``.

    Parameters
    ----------
    probability : array-like of numbers
        Stated repurchase probabilities in percent (0–100), one per respondent.

    Returns
    -------
    Series
        Named ``repurchase_band``, ordered categorical of :data:`REPURCHASE_BANDS`, same index as
        ``probability`` (when it is a Series).

    Raises
    ------
    ValueError
        If a probability is missing or outside 0–100 (e.g. given as 0–1).

    Examples
    --------
    >>> repurchase_band([85, 70, 30, 25]).astype(str).tolist()
    ['>70%', '30–70%', '30–70%', '<30%']
    """
    p = _numbers(probability, "repurchase_probability", 0, 100)
    band = np.where(p > 70, REPURCHASE_BANDS[0], np.where(p >= 30, REPURCHASE_BANDS[1], REPURCHASE_BANDS[2]))
    return pd.Series(pd.Categorical(band, categories=REPURCHASE_BANDS, ordered=True), index=p.index,
                     name="repurchase_band")


def nps_group(score: ArrayLike) -> pd.Series:
    """NPS group of a 0–10 answer: promoter (9–10), passive (7–8) or detractor (0–6).

    Parameters
    ----------
    score : array-like of numbers
        Answers to "how likely are you to recommend us?" on the 0–10 scale.

    Returns
    -------
    Series
        Named ``nps_group``, ordered categorical of :data:`NPS_GROUPS`, same index as ``score``
        (when it is a Series).

    Raises
    ------
    ValueError
        If an answer is missing or outside 0–10.

    Examples
    --------
    >>> nps_group([10, 9, 8, 7, 6, 0]).astype(str).tolist()
    ['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']
    """
    s = _numbers(score, "recommend_score", 0, 10)
    group = np.where(s >= 9, "promoter", np.where(s >= 7, "passive", "detractor"))
    return pd.Series(pd.Categorical(group, categories=NPS_GROUPS, ordered=True), index=s.index, name="nps_group")


def nps(score: ArrayLike, z: float = Z95) -> pd.Series:
    """Net Promoter Score with its margin of error (points, −100 … +100).

    ``nps = 100 (p − d)``; ``margin = z × 100 × sqrt((p + d − (p − d)²) / n)``,
    the normal-approximation interval of the mean of the +1 / 0 / −1 scores (see
    the module docstring). ``z = 1.96`` gives a 95% interval.

    Parameters
    ----------
    score : array-like of numbers
        Answers on the 0–10 scale, one per respondent.
    z : float, default 1.96
        The normal quantile of the interval: 1.96 gives 95%, 1.645 gives 90%.

    Returns
    -------
    Series
        ``respondents``, ``promoters``, ``passives``, ``detractors`` (shares), ``nps``,
        ``nps_margin``, ``nps_low`` and ``nps_high`` (the interval, clipped to −100 … 100).

    Raises
    ------
    ValueError
        If there are no answers, or an answer is missing or outside 0–10.

    Examples
    --------
    >>> r = nps([10, 10, 9, 9, 9, 8, 8, 7, 3, 0])
    >>> float(r["nps"]), round(float(r["nps_margin"]), 1)
    (30.0, 48.4)
    """
    s = _numbers(score, "recommend_score", 0, 10)
    n = len(s)
    if n == 0:
        raise ValueError("nps: no answers given; an NPS needs at least one answer (and many more to be useful).")
    p = float((s >= 9).mean())
    d = float((s <= 6).mean())
    value = 100 * (p - d)
    variance = max(p + d - (p - d) ** 2, 0.0)
    margin = z * 100 * math.sqrt(variance / n)
    return pd.Series({
        "respondents": n, "promoters": p, "passives": 1 - p - d, "detractors": d, "nps": value,
        "nps_margin": margin, "nps_low": max(value - margin, -100.0), "nps_high": min(value + margin, 100.0),
    }, name="nps")


def nps_table(
    survey: pd.DataFrame,
    by: str | pd.Series | None = None,
    column: str = "recommend_score",
    z: float = Z95,
) -> pd.DataFrame:
    """:func:`nps` per group (one row each), plus an ``all`` row for everybody.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent.
    by : str or Series, optional
        How to group the respondents: a column of ``survey`` or a Series aligned on its index.
        ``None`` gives one row, ``"all"``.
    column : str, default "recommend_score"
        Column of ``survey`` holding the 0–10 answers.
    z : float, default 1.96
        The normal quantile of the margin of error (1.96 = 95%).

    Returns
    -------
    DataFrame
        One row per group (categories in their order, otherwise sorted) and, with ``by``, an
        ``all`` row; the columns of :func:`nps`.

    Raises
    ------
    ValueError
        If an answer is missing or outside 0–10, or a respondent has no group.

    Examples
    --------
    >>> s = pd.DataFrame({"recommend_score": [10, 9, 3, 8], "tier": ["x", "x", "y", "y"]})
    >>> nps_table(s, by="tier")[["respondents", "nps"]]
    ... # doctest: +NORMALIZE_WHITESPACE
         respondents    nps
    tier
    x              2  100.0
    y              2  -50.0
    all            4   25.0
    """
    require_columns(survey, {"column": column}, "nps_table")
    groups = _groups(survey, by)
    if isinstance(groups.dtype, pd.CategoricalDtype):
        names = [g for g in groups.cat.categories if (groups == g).any()]
    else:
        names = sorted(groups.unique(), key=str)
    rows = {name: nps(survey.loc[groups == name, column], z) for name in names}
    if by is not None:
        rows["all"] = nps(survey[column], z)
    out = pd.DataFrame(rows).T
    out["respondents"] = out["respondents"].astype(int)
    out.index.name = groups.name if by is not None else None  # e.g. "tier": charts name their axis from it
    return out


# --------------------------------------------------------------------------- behaviour
@shared_docs
def bought_after_survey(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    survey: pd.DataFrame,
    window_days: int = 183,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    survey_date: str = "survey_date",
) -> pd.Series:
    """Did each surveyed customer buy in the ``window_days`` after answering? (True/False per customer).

    A purchase counts when its date is after the survey day and at most
    ``window_days`` days later; returns (``amount`` < 0) do not count.

    Parameters
    ----------
    {transactions}
    {as_of}
        The end of what the data can show: every survey's window must end before it.
    survey : DataFrame
        One row per respondent, with the ``customer`` and ``survey_date`` columns.
    window_days : int, default 183
        How long after the survey a purchase counts.
    {customer}
    {date}
    {amount}
    survey_date : str, default "survey_date"
        Column of ``survey`` holding the day of the answer.

    Returns
    -------
    Series
        Named ``bought_after``, True/False per respondent, in the order of ``survey``.

    Raises
    ------
    ValueError
        If the data end (``as_of``) before the last survey's window does: the
        window would be cut short and "did not buy" would be wrong.

    Examples
    --------
    >>> s = pd.DataFrame({"customer_id": ["a", "b"], "survey_date": pd.to_datetime(["2025-06-01"] * 2)})
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b"], "revenue": [5.0, 5.0, 5.0],
    ...                    "date": pd.to_datetime(["2025-07-01", "2025-05-01", "2026-01-10"])})
    >>> bought_after_survey(tx, survey=s).to_dict()
    {'a': True, 'b': False}
    """
    require_columns(survey, {"customer": customer, "survey_date": survey_date}, "bought_after_survey (survey)")
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "bought_after_survey")
    end = resolve_as_of(transactions, as_of, date=date)
    transactions = before(transactions, end, date=date)
    last_needed = survey[survey_date].max() + pd.Timedelta(days=window_days)
    if end < last_needed:
        raise ValueError(
            f"bought_after_survey: the data end on {end - pd.Timedelta(days=1):%Y-%m-%d}, before the "
            f"{window_days}-day window of the last survey ends ({last_needed:%Y-%m-%d}). Use a shorter window_days."
        )
    tx = transactions.loc[transactions[amount] > 0, [customer, date]]
    joined = survey[[customer, survey_date]].merge(tx, on=customer, how="left")
    days = (joined[date].dt.normalize() - joined[survey_date].dt.normalize()).dt.days
    joined["hit"] = (days > 0) & (days <= window_days)
    out = joined.groupby(customer, sort=True)["hit"].any()
    return out.reindex(survey[customer].to_numpy()).rename("bought_after")


def stated_vs_observed(
    survey: pd.DataFrame,
    bought_after: pd.Series,
    column: str = "repurchase_probability",
    customer: str = "customer_id",
) -> pd.DataFrame:
    """Per repurchase band: respondents, mean stated probability and the share who actually bought.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, with the ``customer`` and ``column`` columns.
    bought_after : Series
        True/False per customer id: did they buy after the survey (from :func:`bought_after_survey`).
    column : str, default "repurchase_probability"
        Column of ``survey`` holding the stated probability in percent (0–100).
    customer : str, default "customer_id"
        Column of ``survey`` holding the customer id.

    Returns
    -------
    DataFrame
        Indexed by ``repurchase_band`` (bands with respondents only): ``respondents``, ``stated``
        (mean stated probability, 0–1) and ``observed`` (share who bought, 0–1).

    Raises
    ------
    ValueError
        If a respondent has no ``bought_after`` value.

    Examples
    --------
    >>> s = pd.DataFrame({"customer_id": list("abc"), "repurchase_probability": [90, 80, 10]})
    >>> stated_vs_observed(s, pd.Series({"a": True, "b": False, "c": False}))
    ... # doctest: +NORMALIZE_WHITESPACE
                     respondents  stated  observed
    repurchase_band
    >70%                       2    0.85       0.5
    <30%                       1    0.10       0.0
    """
    require_columns(survey, {"customer": customer, "column": column}, "stated_vs_observed")
    band = repurchase_band(survey[column].reset_index(drop=True))
    bought = bought_after.reindex(survey[customer].to_numpy())
    if bought.isna().any():
        raise ValueError(f"stated_vs_observed: {int(bought.isna().sum())} respondent(s) have no behaviour value; "
                         "pass bought_after_survey(survey, transactions).")
    frame = pd.DataFrame({"repurchase_band": band,
                          "stated": survey[column].to_numpy(dtype=float) / 100,
                          "observed": bought.to_numpy(dtype=float)})
    out = frame.groupby("repurchase_band", observed=True).agg(
        respondents=("stated", "size"), stated=("stated", "mean"), observed=("observed", "mean"))
    return out


# --------------------------------------------------------------------------- loyalty tiers
@dataclass(frozen=True)
class LoyaltyRule:
    """The stated, parameterised rule that turns three survey answers into a loyalty tier.

    Each indicator gives 0, 1 or 2 points:

    * satisfaction: 5 → 2, 4 → 1, 1–3 → 0;
    * stated repurchase probability: above 70% → 2, 30–70% → 1, below 30% → 0;
    * likelihood to recommend (0–10): 9–10 → 2, 7–8 → 1, 0–6 → 0.

    The points add up to 0–6: **high** loyalty at ``high_at`` points or more,
    **medium** at ``medium_at`` or more, **low** below.

    Parameters
    ----------
    high_at : int, default 5
        Points (0–6) needed for high loyalty.
    medium_at : int, default 3
        Points needed for medium loyalty; at most ``high_at``.

    Raises
    ------
    ValueError
        Unless ``0 <= medium_at <= high_at <= 6``.

    Examples
    --------
    >>> LoyaltyRule().high_at, LoyaltyRule(high_at=6).high_at
    (5, 6)
    """

    high_at: int = 5
    medium_at: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.medium_at <= self.high_at <= 6:
            raise ValueError(f"LoyaltyRule: need 0 <= medium_at <= high_at <= 6; got medium_at={self.medium_at}, "
                             f"high_at={self.high_at}.")


def loyalty_tier(
    survey: pd.DataFrame,
    rule: LoyaltyRule = LoyaltyRule(),
    satisfaction: str = "satisfaction",
    repurchase: str = "repurchase_probability",
    recommend: str = "recommend_score",
) -> pd.DataFrame:
    """Loyalty points (0–6) and tier (high / medium / low) per respondent, by :class:`LoyaltyRule`.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent with the three answers.
    rule : LoyaltyRule, default LoyaltyRule()
        The points needed for high and medium loyalty.
    satisfaction : str, default "satisfaction"
        Column holding the 1–5 satisfaction answer.
    repurchase : str, default "repurchase_probability"
        Column holding the stated repurchase probability in percent (0–100).
    recommend : str, default "recommend_score"
        Column holding the 0–10 likelihood to recommend.

    Returns
    -------
    DataFrame
        Same index as ``survey``; columns ``points`` and ``loyalty`` (ordered categorical).

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError, TypeError
        If an answer is missing, not a number or outside its scale.

    Examples
    --------
    >>> s = pd.DataFrame({"satisfaction": [5, 4, 2], "repurchase_probability": [80, 50, 10],
    ...                   "recommend_score": [9, 7, 8]})
    >>> loyalty_tier(s)
    ... # doctest: +NORMALIZE_WHITESPACE
       points loyalty
    0       6    high
    1       3  medium
    2       1     low
    """
    require_columns(survey, {"satisfaction": satisfaction, "repurchase": repurchase, "recommend": recommend}, "loyalty_tier")
    sat = _numbers(survey[satisfaction], satisfaction, 1, 5)
    rep = _numbers(survey[repurchase], repurchase, 0, 100)
    rec = _numbers(survey[recommend], recommend, 0, 10)
    points = ((sat >= 5).astype(int) + (sat >= 4).astype(int)
              + (rep > 70).astype(int) + (rep >= 30).astype(int)
              + (rec >= 9).astype(int) + (rec >= 7).astype(int))
    tier = np.where(points >= rule.high_at, "high", np.where(points >= rule.medium_at, "medium", "low"))
    return pd.DataFrame({"points": points.astype(int),
                         "loyalty": pd.Categorical(tier, categories=LOYALTY_TIERS, ordered=True)},
                        index=survey.index)


def loyalty_mix(loyalty: pd.Series, segment: pd.Series) -> pd.DataFrame:
    """Share of each loyalty tier within each segment (rows add up to 1), plus ``respondents``.

    ``segment`` can be any tiering aligned on the same index: the service tiers
    here, ABC classes (module 02) or RFM segments (module 04).

    Parameters
    ----------
    loyalty : Series
        The loyalty tier of each respondent (the ``loyalty`` column of :func:`loyalty_tier`).
    segment : Series
        The segment of each respondent, with the same index as ``loyalty``.

    Returns
    -------
    DataFrame
        One row per segment; columns ``high``, ``medium``, ``low`` (shares adding up to 1) and
        ``respondents``.

    Raises
    ------
    ValueError
        If the two Series are not aligned, a respondent has no segment, or a tier is unknown.

    Examples
    --------
    >>> mix = loyalty_mix(pd.Series(["high", "low", "low"]), pd.Series(["x", "x", "y"]))
    >>> mix.loc["x", "high"], int(mix.loc["y", "respondents"])
    (np.float64(0.5), 1)
    """
    if len(loyalty) != len(segment) or not loyalty.index.equals(segment.index):
        raise ValueError("loyalty_mix: loyalty and segment must have the same index (one row per respondent). "
                         "Align them first, e.g. segment.reindex(survey['customer_id']).set_axis(survey.index).")
    if segment.isna().any():
        raise ValueError(f"loyalty_mix: {int(segment.isna().sum())} respondent(s) have no segment.")
    unknown = set(loyalty.astype(str).unique()) - set(LOYALTY_TIERS)
    if unknown:
        raise ValueError(f"loyalty_mix: unknown loyalty tier(s) {sorted(unknown)}; expected {list(LOYALTY_TIERS)} "
                         "(the 'loyalty' column of loyalty_tier()).")
    table = pd.crosstab(segment, loyalty.astype(str)).reindex(columns=list(LOYALTY_TIERS), fill_value=0)
    table.columns = list(LOYALTY_TIERS)
    table.index.name = segment.name
    n = table.sum(axis=1)
    out = table.div(n, axis=0)
    out["respondents"] = n.astype(int)
    return out


def satisfied_not_loyal(
    survey: pd.DataFrame,
    bought_after: pd.Series,
    satisfaction: str = "satisfaction",
    customer: str = "customer_id",
) -> pd.Series:
    """True for the "satisfied but not loyal" respondents: top-2-box satisfaction, no purchase after the survey.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent, with the ``customer`` and ``satisfaction`` columns.
    bought_after : Series
        True/False per customer id: did they buy after the survey (from :func:`bought_after_survey`).
    satisfaction : str, default "satisfaction"
        Column of ``survey`` holding the 1–5 answer.
    customer : str, default "customer_id"
        Column of ``survey`` holding the customer id.

    Returns
    -------
    Series
        Named ``satisfied_not_loyal``, True/False per respondent, same index as ``survey``.

    Raises
    ------
    ValueError
        If a respondent has no ``bought_after`` value or an answer is outside 1–5.

    Examples
    --------
    >>> s = pd.DataFrame({"customer_id": list("abc"), "satisfaction": [5, 4, 2]})
    >>> satisfied_not_loyal(s, pd.Series({"a": True, "b": False, "c": False})).tolist()
    [False, True, False]
    """
    require_columns(survey, {"customer": customer, "satisfaction": satisfaction}, "satisfied_not_loyal")
    sat = _numbers(survey[satisfaction], satisfaction, 1, 5)
    bought = bought_after.reindex(survey[customer].to_numpy())
    if bought.isna().any():
        raise ValueError(f"satisfied_not_loyal: {int(bought.isna().sum())} respondent(s) have no behaviour value.")
    return pd.Series((sat.to_numpy() >= 4) & ~bought.to_numpy(dtype=bool), index=survey.index,
                     name="satisfied_not_loyal")
