"""Relationship levels (关系营销) and the service strategy per tier.

Compute layer: pure functions on DataFrames. No plotting, no printing.

The five levels (Kotler), from least to most contact
----------------------------------------------------
* **basic** (基本型): sell, and no further contact;
* **reactive** (被动型): sell, and tell the customer to call with problems;
* **accountable** (负责型): call after the sale to check the product met the need;
* **proactive** (能动型): keep contacting the customer with improvements and new products;
* **partnership** (伙伴型): work with the customer over the long term on their problems.

The level a customer is served at today is **inferred from the service-contact
log** (:func:`served_level`); the level a tier *should* get comes from
**Kotler's matrix** of the number of customers against the margin per customer
(:func:`recommended_level`). The gap between the two is the finding.

Tiers: the VIP / regular / potential rule of :func:`helpers.loyalty.service_tiers`;
any other tiering (ABC classes of module 02, RFM segments of module 04) works
the same way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._common import CONTACT_COSTS, SERVICE_TIERS, ids_index, require_columns, resolve_as_of
from helpers._docs import shared_docs
from helpers.catalog import label

__all__ = [
    "LEVELS",
    "LEVELS_ZH",
    "KOTLER_MATRIX",
    "CONTACT_COSTS",
    "served_level",
    "size_band",
    "margin_band",
    "recommended_level",
    "margin_per_year",
    "tier_profile",
    "level_gap",
    "gap_table",
    "level_mix",
    "default_playbook",
    "playbook_cost",
    "current_cost",
    "playbook_vs_margin",
]

#: The five relationship levels, least to most contact.
LEVELS: tuple[str, ...] = ("basic", "reactive", "accountable", "proactive", "partnership")
#: Their Chinese names.
LEVELS_ZH: dict[str, str] = {"basic": "基本型", "reactive": "被动型", "accountable": "负责型",
                             "proactive": "能动型", "partnership": "伙伴型"}

#: Kotler's matrix: (number of customers, margin per customer) -> recommended level.
#: The "many customers, low margin" cell reads "basic or reactive"; the kit takes the cheaper, basic.
KOTLER_MATRIX: dict[tuple[str, str], str] = {
    ("many", "high"): "accountable", ("many", "medium"): "reactive", ("many", "low"): "basic",
    ("medium", "high"): "proactive", ("medium", "medium"): "accountable", ("medium", "low"): "reactive",
    ("few", "high"): "partnership", ("few", "medium"): "proactive", ("few", "low"): "accountable",
}


def _window(frame: pd.DataFrame, date: str, as_of: pd.Timestamp | str | None, window_days: int) -> tuple[pd.DataFrame, pd.Timestamp]:
    end = resolve_as_of(frame, as_of, date=date)
    start = end - pd.Timedelta(days=window_days)
    return frame[(frame[date] >= start) & (frame[date] < end)], end


def _tier_order(tiers: pd.Series) -> list[str]:
    """The tiers present, VIP / regular / potential first, then any other tier names sorted."""
    present = set(tiers)
    return [t for t in SERVICE_TIERS if t in present] + sorted(present - set(SERVICE_TIERS))


@shared_docs
def served_level(
    contacts: pd.DataFrame,
    as_of: pd.Timestamp | str | None = None,
    *,
    ids: pd.Index | pd.Series | list,
    window_days: int = 365,
    proactive_min: int = 2,
    customer: str = "customer_id",
    date: str = "date",
    kind: str = "contact_type",
) -> pd.Series:
    """The relationship level each customer was actually served at, inferred from the contact log.

    Rule, on the contacts of the ``window_days`` before ``as_of``; the first
    line that applies wins:

    1. **partnership**: at least one ``joint_planning`` contact;
    2. **proactive**: at least ``proactive_min`` ``proactive_offer`` contacts
       (one offer is not yet a practice);
    3. **accountable**: at least one ``after_sale_followup``;
    4. **reactive**: only ``problem_report`` contacts (the customer called, we answered);
    5. **basic**: no contact at all.

    A log cannot tell a customer who *could* have called but did not
    (reactive) from one who had no line to call (basic): both look basic.

    Parameters
    ----------
    contacts : DataFrame
        The contact log, one row per contact, with the ``customer``, ``date`` and ``kind`` columns.
    as_of : date-like, optional
        End of the window (exclusive); default the day after the last contact.
    {ids}
        Customers with no contact in the window are basic.
    window_days : int, default 365
        Length of the window before ``as_of``.
    proactive_min : int, default 2
        Offers needed to count as proactive.
    {customer}
    {date}
    kind : str, default "contact_type"
        Column holding the contact type (one of :data:`CONTACT_COSTS`).

    Returns
    -------
    Series
        Ordered categorical named ``served``, indexed by customer.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "b", "b", "c", "d", "d"],
    ...                     "date": pd.to_datetime(["2025-03-01"] * 6),
    ...                     "contact_type": ["joint_planning", "proactive_offer", "proactive_offer",
    ...                                      "problem_report", "proactive_offer", "after_sale_followup"]})
    >>> served_level(log, ids=["a", "b", "c", "d", "e"]).astype(str).to_dict()
    {'a': 'partnership', 'b': 'proactive', 'c': 'reactive', 'd': 'accountable', 'e': 'basic'}
    """
    require_columns(contacts, {"customer": customer, "date": date, "kind": kind}, "served_level")
    unknown = set(contacts[kind].astype(str).unique()) - set(CONTACT_COSTS)
    if unknown:
        raise ValueError(f"served_level: unknown contact type(s) {sorted(unknown)}; expected {sorted(CONTACT_COSTS)}. "
                         "Map your log's types onto these four first.")
    recent, _ = _window(contacts, date, as_of, window_days)
    counts = pd.crosstab(recent[customer], recent[kind]).reindex(columns=list(CONTACT_COSTS), fill_value=0)
    ids = ids_index(ids)
    counts = counts.reindex(ids, fill_value=0)
    level = np.select(
        [counts["joint_planning"] >= 1, counts["proactive_offer"] >= proactive_min,
         counts["after_sale_followup"] >= 1, counts["problem_report"] >= 1],
        ["partnership", "proactive", "accountable", "reactive"], default="basic")
    return pd.Series(pd.Categorical(level, categories=LEVELS, ordered=True), index=ids, name="served")


def size_band(share_of_customers: float, few_below: float = 0.10, many_above: float = 0.40) -> str:
    """"few", "medium" or "many" customers: a tier's share of all customers against two cut-offs.

    Parameters
    ----------
    share_of_customers : float
        The tier's customers as a fraction of all customers (0–1).
    few_below : float, default 0.10
        Below this share the tier has "few" customers.
    many_above : float, default 0.40
        Above this share the tier has "many" customers; in between is "medium".

    Returns
    -------
    str
        ``"few"``, ``"medium"`` or ``"many"``: the row of Kotler's matrix.

    Raises
    ------
    ValueError
        If ``share_of_customers`` is not a fraction in [0, 1] (e.g. given in percent).

    Examples
    --------
    >>> size_band(0.05), size_band(0.25), size_band(0.70)
    ('few', 'medium', 'many')
    """
    if not 0 <= share_of_customers <= 1:
        raise ValueError(f"size_band: share_of_customers must be a fraction in [0, 1]; got {share_of_customers!r}.")
    return "few" if share_of_customers < few_below else ("many" if share_of_customers > many_above else "medium")


def margin_band(margin: float, average: float, low_below: float = 0.5, high_at: float = 2.0) -> str:
    """"low", "medium" or "high" margin per customer, relative to the company's average per customer.

    High at ``high_at`` times the average or more, low below ``low_below`` times it.

    Parameters
    ----------
    margin : float
        The tier's margin per customer (¥ per year, e.g. from :func:`margin_per_year`).
    average : float
        The average margin per customer over all customers (¥ per year); must be positive.
    low_below : float, default 0.5
        Below this multiple of the average the margin is "low".
    high_at : float, default 2.0
        At or above this multiple of the average the margin is "high"; in between is "medium".

    Returns
    -------
    str
        ``"low"``, ``"medium"`` or ``"high"``: the column of Kotler's matrix.

    Raises
    ------
    ValueError
        If ``average`` is not positive.

    Examples
    --------
    >>> margin_band(400, 150), margin_band(120, 150), margin_band(20, 150)
    ('high', 'medium', 'low')
    """
    if average <= 0:
        raise ValueError(f"margin_band: the average margin per customer is {average:,.2f}; it must be positive.")
    ratio = margin / average
    return "high" if ratio >= high_at else ("low" if ratio < low_below else "medium")


def recommended_level(size: str, margin: str) -> str:
    """Kotler's recommended relationship level for a (number of customers, margin per customer) cell.

    Parameters
    ----------
    size : {"few", "medium", "many"}
        How many customers the tier has (from :func:`size_band`).
    margin : {"low", "medium", "high"}
        How much margin each of them brings (from :func:`margin_band`).

    Returns
    -------
    str
        One of :data:`LEVELS`, read off :data:`KOTLER_MATRIX`.

    Raises
    ------
    ValueError
        If ``size`` or ``margin`` is not one of the allowed words.

    Examples
    --------
    >>> recommended_level("few", "high"), recommended_level("many", "low")
    ('partnership', 'basic')
    """
    try:
        return KOTLER_MATRIX[(size, margin)]
    except KeyError:
        raise ValueError(f"recommended_level: size must be few/medium/many and margin low/medium/high; "
                         f"got {size!r}, {margin!r}.") from None


@shared_docs
def margin_per_year(
    transactions: pd.DataFrame,
    as_of: pd.Timestamp | str | None = None,
    *,
    ids: pd.Index | pd.Series | list | None = None,
    window_days: int = 365,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    cost: str = "cost",
) -> pd.Series:
    """Margin (revenue − cost, returns netted) per customer over the ``window_days`` before ``as_of``.

    Customers with no transaction in the window get 0.

    Parameters
    ----------
    {transactions}
    {as_of}
    ids : list, Index or Series, optional
        The customer ids to report on; default every customer in ``transactions``.
    window_days : int, default 365
        Length of the window before ``as_of``.
    {customer}
    {date}
    {amount}
    {cost}

    Returns
    -------
    Series
        Named ``margin``, indexed by ``ids``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, -20.0, 50.0],
    ...                    "cost": [60.0, -12.0, 40.0], "date": pd.to_datetime(["2025-05-01"] * 3)})
    >>> margin_per_year(tx, ids=["a", "b", "c"]).to_dict()
    {'a': 32.0, 'b': 10.0, 'c': 0.0}
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount, "cost": cost}, "margin_per_year")
    recent, _ = _window(transactions, date, as_of, window_days)
    ids = pd.Index(transactions[customer].unique()).sort_values() if ids is None else ids_index(ids)
    margin = (recent[amount] - recent[cost]).groupby(recent[customer]).sum()
    return margin.reindex(ids, fill_value=0.0).astype(float).rename("margin")


def tier_profile(
    tiers: pd.Series,
    margin: pd.Series,
    few_below: float = 0.10,
    many_above: float = 0.40,
    low_below: float = 0.5,
    high_at: float = 2.0,
) -> pd.DataFrame:
    """Per tier: customers, share, margin per customer, the two bands and Kotler's recommended level.

    Parameters
    ----------
    tiers : Series
        The tier of each customer (index = customer id), e.g. from :func:`helpers.loyalty.service_tiers`.
    margin : Series
        Margin per customer per year (¥), with the same index, e.g. from :func:`margin_per_year`.
    few_below : float, default 0.10
        Cut-off of :func:`size_band`: below this share of customers a tier has "few".
    many_above : float, default 0.40
        Cut-off of :func:`size_band`: above this share a tier has "many".
    low_below : float, default 0.5
        Cut-off of :func:`margin_band`: below this multiple of the average margin per customer
        (over all customers) a tier's margin is "low".
    high_at : float, default 2.0
        Cut-off of :func:`margin_band`: at or above this multiple the margin is "high".

    Returns
    -------
    DataFrame
        One row per tier (VIP / regular / potential first): ``customers``, ``customer_share``,
        ``margin_per_customer``, ``margin_ratio`` (to the average), ``size``, ``margin_level`` and
        ``recommended`` (the level of :data:`KOTLER_MATRIX`).

    Raises
    ------
    ValueError
        If ``tiers`` and ``margin`` have different indexes or a customer has no tier.

    Examples
    --------
    >>> tiers = pd.Series(["VIP"] + ["regular"] * 6 + ["potential"] * 13)
    >>> margin = pd.Series([1000.0] + [50.0] * 6 + [5.0] * 13)
    >>> tier_profile(tiers, margin)[["customers", "size", "margin_level", "recommended"]]
    ... # doctest: +NORMALIZE_WHITESPACE
               customers    size margin_level  recommended
    VIP                1     few         high  partnership
    regular            6  medium       medium  accountable
    potential         13    many          low        basic
    """
    if not tiers.index.equals(margin.index):
        raise ValueError("tier_profile: tiers and margin must share the same index (one row per customer).")
    if tiers.isna().any():
        raise ValueError(f"tier_profile: {int(tiers.isna().sum())} customer(s) have no tier.")
    order = _tier_order(tiers.astype(str))
    average = float(margin.mean())
    rows = {}
    for tier in order:
        inside = tiers.astype(str) == tier
        share = float(inside.mean())
        per_customer = float(margin[inside].mean())
        size = size_band(share, few_below, many_above)
        level = margin_band(per_customer, average, low_below, high_at)
        rows[tier] = {"customers": int(inside.sum()), "customer_share": share, "margin_per_customer": per_customer,
                      "margin_ratio": per_customer / average, "size": size, "margin_level": level,
                      "recommended": recommended_level(size, level)}
    return pd.DataFrame.from_dict(rows, orient="index")


def level_gap(served: pd.Series, recommended: pd.Series) -> pd.Series:
    """"below", "at" or "above" the recommended level, per customer.

    Parameters
    ----------
    served : Series
        The level each customer is served at (index = customer id), e.g. from :func:`served_level`.
    recommended : Series
        The level each customer should get, aligned on the same customers.

    Returns
    -------
    Series
        Named ``gap``, ordered categorical below < at < above, same index as ``served``.

    Raises
    ------
    ValueError
        If a level is not one of :data:`LEVELS` or a served customer has no recommended level.

    Examples
    --------
    >>> level_gap(pd.Series(["basic", "proactive", "reactive"]),
    ...           pd.Series(["reactive", "reactive", "reactive"])).tolist()
    ['below', 'above', 'at']
    """
    rank = {level: i for i, level in enumerate(LEVELS)}
    s = served.astype(str).map(rank)
    r = recommended.astype(str).reindex(served.index).map(rank)
    if s.isna().any() or r.isna().any():
        raise ValueError(f"level_gap: levels must be among {list(LEVELS)}, and every served customer needs a "
                         "recommended level.")
    gap = np.where(s < r, "below", np.where(s > r, "above", "at"))
    return pd.Series(pd.Categorical(gap, categories=["below", "at", "above"], ordered=True), index=served.index,
                     name="gap")


def gap_table(gap: pd.Series, tiers: pd.Series) -> pd.DataFrame:
    """Share of customers below / at / above the recommended level, per tier and for all customers.

    Parameters
    ----------
    gap : Series
        ``"below"``, ``"at"`` or ``"above"`` per customer, from :func:`level_gap`.
    tiers : Series
        The tier of each customer, aligned with ``gap``.

    Returns
    -------
    DataFrame
        One row per tier (VIP / regular / potential first) and an ``all`` row; columns ``below``,
        ``at``, ``above`` (shares adding up to 1) and ``customers``.

    Examples
    --------
    >>> g = pd.Series(["below", "at", "at", "above"])
    >>> gap_table(g, pd.Series(["x", "x", "y", "y"]))
    ... # doctest: +NORMALIZE_WHITESPACE
         below   at  above  customers
    x     0.50  0.5   0.00          2
    y     0.00  0.5   0.50          2
    all   0.25  0.5   0.25          4
    """
    t = tiers.astype(str)
    order = _tier_order(t)
    table = pd.crosstab(t, gap.astype(str)).reindex(index=order, columns=["below", "at", "above"], fill_value=0)
    table.loc["all"] = table.sum()
    n = table.sum(axis=1)
    out = table.div(n, axis=0)
    out["customers"] = n.astype(int)
    out.index.name = None
    out.columns.name = None
    return out


def level_mix(served: pd.Series, tiers: pd.Series) -> pd.DataFrame:
    """Share of each tier's customers served at each of the five levels (rows add up to 1).

    Parameters
    ----------
    served : Series
        The level each customer is served at, from :func:`served_level`.
    tiers : Series
        The tier of each customer, aligned with ``served``.

    Returns
    -------
    DataFrame
        One row per tier (VIP / regular / potential first), one column per level of :data:`LEVELS`.

    Examples
    --------
    >>> level_mix(pd.Series(["basic", "partnership"]), pd.Series(["VIP", "VIP"]))["partnership"].tolist()
    [0.5]
    """
    t = tiers.astype(str)
    order = _tier_order(t)
    table = pd.crosstab(t, served.astype(str)).reindex(index=order, columns=list(LEVELS), fill_value=0)
    table.index.name = None
    table.columns.name = None
    return table.div(table.sum(axis=1), axis=0)


#: The kit's playbooks, one row per action: tier, action, contact type, channel, times per year, unit cost (¥).
#: Actions (``pb_*``) and channels (``ch_*``) are catalog keys, so the playbook reads in either language.
_PLAYBOOKS: dict[str, list[tuple[str, str, str, str, float, float]]] = {
    "service": [
        ("VIP", "pb_vip_planning", "joint_planning", "ch_visit", 2, 120.0),
        ("VIP", "pb_followup_large", "after_sale_followup", "ch_phone", 4, 15.0),
        ("VIP", "pb_vip_offers", "proactive_offer", "ch_personal", 6, 8.0),
        ("VIP", "pb_vip_priority", "problem_report", "ch_dedicated", 2, 25.0),
        ("VIP", "pb_vip_perk", "perk", "ch_loyalty", 1, 60.0),
        ("regular", "pb_regular_care", "proactive_offer", "ch_sms_app", 3, 8.0),
        ("regular", "pb_regular_survey", "proactive_offer", "ch_app", 1, 8.0),
        ("regular", "pb_service_line", "problem_report", "ch_hotline", 1, 25.0),
        ("regular", "pb_regular_coupon", "perk", "ch_app", 1, 10.0),
        ("potential", "pb_potential_offer", "proactive_offer", "ch_sms_app", 2, 8.0),
        ("potential", "pb_self_service", "problem_report", "ch_web_hotline", 0.5, 25.0),
    ],
    "abc": [
        ("A", "pb_a_owner", "joint_planning", "ch_visit", 1, 120.0),
        ("A", "pb_followup_large", "after_sale_followup", "ch_phone", 4, 15.0),
        ("A", "pb_a_news", "proactive_offer", "ch_personal", 4, 8.0),
        ("A", "pb_a_priority", "problem_report", "ch_dedicated", 2, 25.0),
        ("B", "pb_b_followup", "after_sale_followup", "ch_phone", 1, 15.0),
        ("B", "pb_b_offers", "proactive_offer", "ch_sms_app", 3, 8.0),
        ("B", "pb_service_line", "problem_report", "ch_hotline", 1, 25.0),
        ("C", "pb_c_reminder", "proactive_offer", "ch_sms_app", 1, 8.0),
        ("C", "pb_self_service", "problem_report", "ch_web_hotline", 0.5, 25.0),
    ],
}


@shared_docs
def default_playbook(tiering: str = "service", *, lang: str = "en") -> pd.DataFrame:
    """The kit's service playbook per tier: what each tier gets, how often, through which channel, at what cost.

    Contact actions cost what the company's log charges per contact
    (:data:`CONTACT_COSTS`); ``perk`` rows are goods or discounts (double
    points, coupons) with their own cost. ``per_year`` is per customer.

    Parameters
    ----------
    tiering : {"service", "abc"}, default "service"
        ``"service"``: VIP / regular / potential (module 06's tiers);
        ``"abc"``: A / B / C classes (module 02). A is served as key accounts,
        B gets care with a growth offer, C is served through low-cost channels.
    lang : {"en", "zh"}, default "en"
        Language of ``action`` and ``channel`` (the catalog's texts); ``tier`` and
        ``contact_type`` are identifiers and stay as they are.

    Returns
    -------
    DataFrame
        One row per action: ``tier``, ``action``, ``contact_type`` (a key of :data:`CONTACT_COSTS`
        or ``"perk"``), ``channel``, ``per_year`` (times per customer per year) and ``unit_cost`` (¥).

    Raises
    ------
    ValueError
        If ``tiering`` is unknown.

    Examples
    --------
    >>> pb = default_playbook()
    >>> sorted(pb["tier"].unique())
    ['VIP', 'potential', 'regular']
    >>> sorted(default_playbook("abc")["tier"].unique())
    ['A', 'B', 'C']
    >>> default_playbook(lang="zh").loc[0, ["tier", "action", "channel"]].tolist()
    ['VIP', '与专属客户经理一起做共同规划回顾', '上门拜访 / 视频通话']
    """
    if tiering not in _PLAYBOOKS:
        raise ValueError(f"default_playbook: tiering must be 'service' or 'abc'; got {tiering!r}.")
    rows = [(tier, label(action, lang), contact, label(channel, lang), per_year, cost)
            for tier, action, contact, channel, per_year, cost in _PLAYBOOKS[tiering]]
    return pd.DataFrame(rows, columns=["tier", "action", "contact_type", "channel", "per_year", "unit_cost"])


def playbook_cost(playbook: pd.DataFrame) -> pd.Series:
    """Cost per customer per year of each tier's playbook: the sum of ``per_year × unit_cost``.

    Parameters
    ----------
    playbook : DataFrame
        One row per action with ``tier``, ``per_year`` and ``unit_cost``, e.g. :func:`default_playbook`.

    Returns
    -------
    Series
        Named ``playbook_cost``: ¥ per customer per year, one value per tier in playbook order.

    Raises
    ------
    ValueError
        If ``per_year`` or ``unit_cost`` is negative.

    Examples
    --------
    >>> pb = pd.DataFrame({"tier": ["x", "x", "y"], "per_year": [2, 1, 4], "unit_cost": [10.0, 5.0, 1.0]})
    >>> playbook_cost(pb).to_dict()
    {'x': 25.0, 'y': 4.0}
    """
    require_columns(playbook, ["tier", "per_year", "unit_cost"], "playbook_cost")
    if (playbook[["per_year", "unit_cost"]] < 0).any().any():
        raise ValueError("playbook_cost: per_year and unit_cost must be >= 0; check the playbook rows.")
    cost = (playbook["per_year"] * playbook["unit_cost"]).groupby(playbook["tier"], sort=False).sum()
    return cost.astype(float).rename("playbook_cost")


@shared_docs
def current_cost(
    contacts: pd.DataFrame,
    as_of: pd.Timestamp | str | None = None,
    *,
    tiers: pd.Series,
    window_days: int = 365,
    customer: str = "customer_id",
    date: str = "date",
    cost: str = "cost_to_serve",
) -> pd.Series:
    """What serving each tier costs today: contact cost per customer over the window, averaged per tier.

    Parameters
    ----------
    contacts : DataFrame
        The contact log, one row per contact, with the ``customer``, ``date`` and ``cost`` columns.
    as_of : date-like, optional
        End of the window (exclusive); default the day after the last contact.
    tiers : Series
        The tier of each customer, indexed by customer id (customers without contact cost 0).
    window_days : int, default 365
        Length of the window before ``as_of``.
    {customer}
    {date}
    cost : str, default "cost_to_serve"
        Column of ``contacts`` holding what each contact cost.

    Returns
    -------
    Series
        Named ``current_cost``, one value per tier (VIP / regular / potential first).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "b"], "cost_to_serve": [25.0, 15.0, 8.0],
    ...                     "date": pd.to_datetime(["2025-03-01"] * 3)})
    >>> current_cost(log, tiers=pd.Series({"a": "VIP", "b": "potential", "c": "potential"})).to_dict()
    {'VIP': 40.0, 'potential': 4.0}
    """
    require_columns(contacts, {"customer": customer, "date": date, "cost": cost}, "current_cost")
    recent, _ = _window(contacts, date, as_of, window_days)
    per_customer = recent.groupby(customer)[cost].sum().reindex(tiers.index, fill_value=0.0)
    t = tiers.astype(str)
    order = _tier_order(t)
    return per_customer.groupby(t).mean().reindex(order).astype(float).rename("current_cost")


def playbook_vs_margin(playbook: pd.DataFrame, profile: pd.DataFrame, current: pd.Series | None = None) -> pd.DataFrame:
    """Per tier: playbook cost, margin per customer, the cost as a share of margin (and today's cost if given).

    Parameters
    ----------
    playbook : DataFrame
        One row per action with ``tier``, ``per_year`` and ``unit_cost``, e.g. :func:`default_playbook`.
    profile : DataFrame
        One row per tier with ``margin_per_customer``, e.g. :func:`tier_profile`.
    current : Series, optional
        Today's cost per customer per tier, e.g. :func:`current_cost`; adds a ``current_cost`` column.

    Returns
    -------
    DataFrame
        Indexed like ``profile``: (``current_cost``), ``playbook_cost``, ``margin_per_customer`` and
        ``cost_share`` (playbook cost / margin; above 1 the playbook costs more than the tier earns).

    Raises
    ------
    ValueError
        If the playbook has no rows for a tier of ``profile``.

    Examples
    --------
    >>> pb = pd.DataFrame({"tier": ["x", "y"], "per_year": [2, 1], "unit_cost": [10.0, 30.0]})
    >>> prof = pd.DataFrame({"margin_per_customer": [100.0, 20.0]}, index=["x", "y"])
    >>> playbook_vs_margin(pb, prof)
    ... # doctest: +NORMALIZE_WHITESPACE
       playbook_cost  margin_per_customer  cost_share
    x           20.0                100.0         0.2
    y           30.0                 20.0         1.5
    """
    cost = playbook_cost(playbook)
    missing = sorted(set(profile.index) - set(cost.index))
    if missing:
        raise ValueError(f"playbook_vs_margin: the playbook has no rows for tier(s) {missing}.")
    out = pd.DataFrame({"playbook_cost": cost.reindex(profile.index),
                        "margin_per_customer": profile["margin_per_customer"]})
    out["cost_share"] = out["playbook_cost"] / out["margin_per_customer"]
    if current is not None:
        out.insert(0, "current_cost", current.reindex(profile.index))
    return out
