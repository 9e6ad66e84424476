"""Capstone (综合实战): the whole course on one transaction table, and the tier list it exports.

Compute layer: pure functions on DataFrames. No plotting, no printing (writing the tier list to a
file is :func:`export_tier_list`'s only job).

One call puts every module's analysis side by side for each customer:

* **value** and the **ABC class** (modules 01–02): net ``amount`` per customer (returns netted) and
  the 80/95 classes of :func:`helpers.abc.abc_classes`;
* the **RFM segment** and its **tier** VIP / regular / potential (module 04: :func:`helpers.rfm.rfm`,
  kit convention). A customer whose rows are only returns or zero amounts has no purchase, so no
  RFM scores: the segment is ``"no_purchase"`` and the tier ``"potential"``;
* the **lifecycle stage** (module 05: :func:`helpers.lifecycle.lifecycle_table`, default thresholds);
* the **recommended service** of the tier and what it costs per customer per year (modules 06–07:
  :func:`helpers.relationship.default_playbook` priced by :func:`helpers.relationship.playbook_cost`,
  whose contact costs are :data:`helpers._common.CONTACT_COSTS`), and the segment's first action
  (:func:`helpers.rfm.segment_playbook`);
* a **reason**: one plain sentence per customer, in English or Chinese, saying why.

:func:`course_summary` adds the figures a manager reads: the top-20% share and Gini (module 01), the
size and value of each class, segment, stage and tier, the cost of the service plan, the key customers
who are slipping, margin and Kotler's level per tier when the file has a cost column (module 07), and
the tier migration (module 08) when the file spans two periods. What it cannot compute it lists in
``skipped`` with the reason, so a notebook can say so and move on.

Optional columns: ``order`` and ``cost`` default to the kit's names (``"order_id"``, ``"cost"``).
When the table has no column of that default name (or you pass ``None``) the part that needs it is
skipped and reported; a name you pass yourself that the table lacks is an error.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import abc as abc_module
from helpers import lifecycle as lifecycle_module
from helpers import pareto
from helpers import relationship
from helpers import rfm as rfm_module
from helpers._common import SERVICE_TIERS, before, require_columns, resolve_as_of
from helpers._docs import shared_docs
from helpers.catalog import LABELS, VALUE_KEYS, label

__all__ = [
    "NO_PURCHASE",
    "SLIPPING_SEGMENTS",
    "MOVES",
    "PERIOD_MONTHS",
    "CapstoneSummary",
    "tier_list",
    "course_summary",
    "compare_tier_lists",
    "export_tier_list",
    "read_tier_list",
    "tier_list_table",
    "tier_name",
    "output_folder",
]

#: The segment of a customer with rows but no purchase (only returns or zero amounts).
NO_PURCHASE: str = "no_purchase"

#: RFM segments that mean "bought a lot, but not lately": a key customer (class A) in one of them is slipping.
SLIPPING_SEGMENTS: tuple[str, ...] = ("cant_lose", "at_risk")

#: How a customer's tier changed between two tier lists (:func:`compare_tier_lists`).
MOVES: tuple[str, ...] = ("up", "same", "down", "new", "gone")

#: Length of a migration period in months: the previous tier list is run this long before ``as_of``.
PERIOD_MONTHS: int = 6

#: The columns of a tier list, in order (``orders`` and ``margin`` only when the table has them).
_COLUMNS: tuple[str, ...] = ("abc_class", "segment", "tier", "stage", "service", "service_cost", "action",
                             "reasons", "value", "margin", "orders", "purchase_days", "last_purchase",
                             "recency_days", "rfm_score")

#: The catalog key of each tier-list column's header (the ones shared with other modules keep their key).
_HEADERS: dict[str, str] = {"abc_class": "cap_col_abc_class", "segment": "cap_col_segment", "tier": "cap_col_tier",
                            "stage": "cap_col_stage", "service": "cap_col_service",
                            "service_cost": "cap_col_service_cost", "action": "cap_col_action",
                            "reasons": "cap_col_reasons", "value": "cap_col_value", "margin": "cap_col_margin",
                            "orders": "cap_col_orders", "purchase_days": "cap_col_purchase_days",
                            "last_purchase": "cap_col_last_purchase", "recency_days": "cap_col_recency_days",
                            "rfm_score": "cap_col_rfm_score"}


#: The identifiers a tier list holds in its tier, segment and stage columns.
_VALUES: dict[str, tuple[str, ...]] = {
    "tier": SERVICE_TIERS,
    "segment": tuple(rule.name for rule in rfm_module.KIT_SEGMENTS) + ("Others", NO_PURCHASE),
    "stage": lifecycle_module.STAGES,
}


def _check_lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh'; got {lang!r}.")
    return lang


def _optional_column(transactions: pd.DataFrame, name: str | None, default: str, role: str, what: str) -> str | None:
    """The optional column to use, or None: absent under its default name = not in the file; a name given
    by the caller that the table lacks is an error (a typo must not silently turn a section off)."""
    if name is None:
        return None
    if name in transactions.columns:
        return name
    if name == default:
        return None
    require_columns(transactions, {role: name}, what)
    return None  # pragma: no cover - require_columns raised


def _playbook_costs() -> pd.Series:
    """¥ per customer per year of each service tier's playbook (module 07)."""
    return relationship.playbook_cost(relationship.default_playbook("service"))


@shared_docs
def tier_list(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    order: str | None = "order_id",
    cost: str | None = "cost",
    lang: str = "en",
) -> pd.DataFrame:
    """One row per customer: ABC class, RFM segment and tier, lifecycle stage, recommended service, and why.

    Every customer with a row dated before ``as_of`` is in it once, including customers whose rows
    are only returns (segment ``"no_purchase"``, tier ``"potential"``).

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}
    order : str or None, default "order_id"
        Column holding the order id: adds ``orders`` (distinct orders with a purchase). Skipped
        when the table has no ``"order_id"`` column or ``None`` is passed.
    cost : str or None, default "cost"
        Column holding the cost of goods: adds ``margin`` (``amount`` − cost, returns netted).
        Skipped when the table has no ``"cost"`` column or ``None`` is passed.
    {lang}
        Here: the language of ``service``, ``action`` and ``reasons`` (the identifiers in
        ``segment``, ``tier`` and ``stage`` stay as the code uses them).

    Returns
    -------
    DataFrame
        Indexed by customer id (named like ``customer``), best value first (ties by id):
        ``abc_class`` (A/B/C), ``segment``, ``tier`` (VIP/regular/potential), ``stage``,
        ``service`` and ``service_cost`` (¥ per customer per year of the tier's playbook),
        ``action`` (the segment's first action), ``reasons`` (a sentence), ``value`` (net
        ``amount`` before ``as_of``), ``margin`` (with a cost column), ``orders`` (with an
        order column), ``purchase_days``, ``last_purchase`` (day, NaT without purchase),
        ``recency_days`` (days from the last purchase day to ``as_of``, NaN without purchase)
        and ``rfm_score`` (0 without purchase). ``result.attrs["as_of"]`` is the analysis date.

    Raises
    ------
    KeyError
        If a column is missing (including an ``order`` or ``cost`` name you gave).
    ValueError
        If no row is dated before ``as_of``, a date is missing, or the total value is not positive.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"],
    ...                    "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-02-10", "2025-01-20", "2025-02-01"]),
    ...                    "revenue": [300.0, 500.0, 150.0, 40.0, -40.0]})
    >>> t = tier_list(tx, "2025-04-01")
    >>> t[["abc_class", "tier", "stage", "value"]]
                abc_class       tier     stage  value
    customer_id
    a                   A        VIP   regular  800.0
    b                   B  potential  one_time  150.0
    c                   C  potential  one_time    0.0
    >>> print(t.loc["a", "reasons"])
    Class A: value 800; 2 purchase day(s), the last 31 days ago; RFM segment Champions, so tier VIP; lifecycle stage Regular.
    >>> print(tier_list(tx, "2025-04-01", lang="zh").loc["c", "reasons"])
    C类客户：价值 0；共 1 天有购买，最近一次在 71 天前；RFM细分为“已流失”，因此分入“潜力客户”；生命周期阶段：一次性客户。
    """
    return _tier_table(transactions, as_of, customer=customer, date=date, amount=amount, order=order, cost=cost,
                       lang=lang)


def _tier_table(transactions: pd.DataFrame, as_of: object, *, customer: str, date: str, amount: str,
                order: str | None, cost: str | None, lang: str, reasons: bool = True) -> pd.DataFrame:
    """:func:`tier_list`'s work; ``reasons=False`` leaves the sentences out (a run only compared with another)."""
    _check_lang(lang)
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "tier_list")
    order_col = _optional_column(transactions, order, "order_id", "order", "tier_list")
    cost_col = _optional_column(transactions, cost, "cost", "cost", "tier_list")
    as_of_ts = resolve_as_of(transactions, as_of, date=date)
    tx = before(transactions, as_of_ts, date=date)
    if tx.empty:
        raise ValueError(f"tier_list: no row is dated before as_of={as_of_ts.date()}; choose a later as_of.")
    if tx[customer].isna().any():
        rows = tx.index[tx[customer].isna()][:5].tolist()
        raise ValueError(f"tier_list: column {customer!r} has {int(tx[customer].isna().sum())} missing customer id(s) "
                         f"(rows {rows}); remove those rows or read the file with helpers.io.read_transactions, "
                         "which reports them.")
    amounts = pd.to_numeric(tx[amount])
    if amounts.isna().any():
        rows = tx.index[amounts.isna()][:5].tolist()
        raise ValueError(f"tier_list: column {amount!r} has {int(amounts.isna().sum())} missing amount(s) (rows {rows}); "
                         "fix or remove them first.")

    # modules 01-02: value and ABC class (every customer with a row)
    value = tx.groupby(customer, sort=True)[amount].sum().astype(float)
    if value.sum() <= 0:
        raise ValueError(f"tier_list: the total of {amount!r} before {as_of_ts.date()} is {value.sum():,.2f}; shares "
                         "need a positive total. Check the sign of the amount column.")
    classes = abc_module.abc_classes(value)
    out = pd.DataFrame({"abc_class": classes.astype(str)}, index=classes.index)
    out.index.name = customer

    # module 04: RFM segment and tier; customers without a purchase have no scores
    scored = rfm_module.rfm(tx, as_of_ts, customer=customer, date=date, amount=amount, no_purchase="drop")
    segment = scored["segment"].reindex(out.index).fillna(NO_PURCHASE).astype(object)
    out["segment"] = segment
    out["tier"] = scored["tier"].reindex(out.index).fillna("potential").astype(object)

    # module 05: lifecycle stage (customers only: no leads in a transaction file)
    stages = lifecycle_module.lifecycle_table(tx, as_of_ts, customer=customer, date=date, amount=amount)
    out["stage"] = stages["stage"].astype(str).reindex(out.index).astype(object)

    # modules 06-07: the tier's service and what it costs; module 04: the segment's first action
    costs = _playbook_costs()
    services = {t: label(f"cap_service_{t}", lang) for t in SERVICE_TIERS}
    out["service"] = out["tier"].map(services)
    out["service_cost"] = out["tier"].map(costs).astype(float)
    actions = {s: label(f"rfm_action_{s}", lang) for s in rfm_module.KIT_TIERS}
    actions[NO_PURCHASE] = label("cap_action_no_purchase", lang)
    out["action"] = out["segment"].map(actions)

    out["value"] = value.reindex(out.index)
    if cost_col is not None:
        out["margin"] = (amounts - pd.to_numeric(tx[cost_col])).groupby(tx[customer]).sum().reindex(out.index).astype(float)
    if order_col is not None:
        bought = tx[amounts > 0]
        out["orders"] = bought.groupby(customer)[order_col].nunique().reindex(out.index).fillna(0).astype("int64")
    days = scored["frequency"].reindex(out.index)
    out["purchase_days"] = days.fillna(0).astype("int64")
    recency = scored["recency"].reindex(out.index)
    out["last_purchase"] = (as_of_ts.normalize() - pd.to_timedelta(recency, unit="D")).astype("datetime64[ns]")
    out["recency_days"] = recency.astype(float)
    out["rfm_score"] = scored["rfm_score"].reindex(out.index).fillna(0).astype("int64")
    out["reasons"] = _reasons(out, lang) if reasons else ""
    out = out[[c for c in _COLUMNS if c in out.columns]]
    out.attrs["as_of"] = as_of_ts
    return out


@shared_docs
def tier_name(tier: str, lang: str = "en") -> str:
    """The name people read for a tier of the tier list (an RFM tier of module 04).

    The catalog's name of module 04's RFM tiers (``tier_<tier>``) when it has one, else the
    shared tier label (``loy_<tier>``), else the identifier itself.

    Parameters
    ----------
    tier : str
        ``"VIP"``, ``"regular"`` or ``"potential"``.
    {lang}

    Returns
    -------
    str

    Examples
    --------
    >>> tier_name("VIP"), tier_name("VIP", "zh"), tier_name("gold")
    ('VIP', 'VIP客户', 'gold')
    """
    for key in (f"tier_{tier}", f"loy_{tier}"):
        if key in LABELS:
            return label(key, lang)
    return str(tier)


def _value_label(column: str, value: str, lang: str) -> str:
    """A tier, segment or stage as people read it (the catalog's label), else the identifier."""
    if column == "tier":
        return tier_name(value, lang)
    key = VALUE_KEYS[column].format(value)
    return label(key, lang) if key in LABELS else str(value)


def _fill(template: str, fields: dict[str, np.ndarray]) -> np.ndarray:
    """``template.format(**row)`` for every row at once: each field is formatted column-wise
    (one ``format`` per value, no per-row template parsing) and the pieces are joined."""
    out = np.full(len(next(iter(fields.values()))), "", dtype=object)
    for literal, name, spec, _ in string.Formatter().parse(template):
        if literal:
            out = out + literal
        if name is not None:
            values = fields[name]
            fmt = ("{:" + spec + "}").format
            out = out + np.array([fmt(v) for v in values.tolist()], dtype=object)
    return out


def _reasons(table: pd.DataFrame, lang: str) -> np.ndarray:
    """The sentence per customer: class and value, purchases and recency, segment -> tier, stage."""
    fields = {"abc": table["abc_class"].to_numpy(dtype=object), "value": table["value"].to_numpy(dtype=float)}
    for col in ("segment", "tier", "stage"):
        codes, uniques = pd.factorize(table[col].to_numpy(dtype=object))
        fields[col] = np.array([_value_label(col, v, lang) for v in uniques], dtype=object)[codes]
    bought = table["purchase_days"].to_numpy() > 0
    fields["days"] = table["purchase_days"].to_numpy(dtype="int64")
    fields["recency"] = np.nan_to_num(table["recency_days"].to_numpy(dtype=float)).astype("int64")
    out = np.empty(len(table), dtype=object)
    if bought.any():
        out[bought] = _fill(label("cap_reason", lang), {k: v[bought] for k, v in fields.items()})
    if (~bought).any():
        out[~bought] = _fill(label("cap_reason_no_purchase", lang), {k: v[~bought] for k, v in fields.items()})
    return out


@dataclass
class CapstoneSummary:
    """The figures of :func:`course_summary`: what a sales manager reads on one page.

    Shares are fractions in [0, 1]; money is in the file's currency (service costs in ¥, as the
    kit's playbook prices them). A figure that could not be computed is ``None`` and its section
    is in ``skipped`` with the reason.

    Parameters
    ----------
    as_of : Timestamp
        The analysis date.
    rows : int
        Rows used (dated before ``as_of``).
    rows_after : int
        Rows dated on or after ``as_of`` (left out).
    customers : int
        Customers in the tier list (everyone with a row).
    buyers : int
        Customers with at least one purchase.
    value : float
        Total net amount.
    top20_share : float
        Share of the value held by the top 20% of customers.
    gini : float or None
        Gini coefficient of value per customer, over ``gini_customers`` customers with a value
        of 0 or more (None when fewer than two).
    gini_customers : int
        Customers the Gini is computed over (the others have a negative net value).
    customers_for_80 : float
        Smallest share of customers that holds 80% of the value.
    classes, segments, stages : DataFrame
        Per ABC class, RFM segment and lifecycle stage: the summary columns of CONTRIBUTING.md.
    tiers : DataFrame
        Per tier (VIP / regular / potential): the summary columns, then ``service``,
        ``service_cost`` (¥ per customer per year) and ``plan_cost`` (¥ per year, the whole
        tier); with a cost column also ``margin_per_customer`` (last 365 days), ``size``,
        ``margin_level``, ``recommended`` (Kotler's level) and ``cost_share`` (service cost /
        margin per customer).
    service_cost : float
        What the service plan costs per year for every customer (¥).
    slipping : int
        Key customers (class A) whose segment is one of :data:`SLIPPING_SEGMENTS`.
    previous_as_of : Timestamp or None
        The date of the previous tier list the migration compares with.
    migration : DataFrame or None
        Transition matrix of tiers (rows before, columns after; with the *new* row).
    moves : DataFrame or None
        :func:`compare_tier_lists` of the previous and the current tier list.
    skipped : dict
        Section -> the reason it was skipped, in ``lang``.
    tier_list : DataFrame
        The :func:`tier_list` the figures are computed from.
    lang : str
        Language of the texts.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c"], "revenue": [70.0, 20.0, 10.0],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03"])})
    >>> s = course_summary(tx)
    >>> s.customers, s.top20_share, sorted(s.skipped)
    (3, 0.7, ['margin', 'migration', 'orders'])
    """

    as_of: pd.Timestamp
    rows: int
    rows_after: int
    customers: int
    buyers: int
    value: float
    top20_share: float
    gini: float | None
    gini_customers: int
    customers_for_80: float
    classes: pd.DataFrame
    segments: pd.DataFrame
    stages: pd.DataFrame
    tiers: pd.DataFrame
    service_cost: float
    slipping: int
    previous_as_of: pd.Timestamp | None
    migration: pd.DataFrame | None
    moves: pd.DataFrame | None
    skipped: dict[str, str] = field(default_factory=dict)
    tier_list: pd.DataFrame = field(default_factory=pd.DataFrame)
    lang: str = "en"

    def figures(self) -> pd.Series:
        """The headline figures as one Series (for a table or a check).

        Returns
        -------
        Series
            ``customers``, ``buyers``, ``value``, ``top20_share``, ``gini``, ``customers_for_80``,
            ``A_customers``, ``VIP_customers``, ``service_cost``, ``slipping``.

        Examples
        --------
        >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "revenue": [3.0, 1.0],
        ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-02"])})
        >>> float(course_summary(tx).figures()["A_customers"])
        2.0
        """
        return pd.Series({
            "customers": self.customers, "buyers": self.buyers, "value": self.value,
            "top20_share": self.top20_share, "gini": np.nan if self.gini is None else self.gini,
            "customers_for_80": self.customers_for_80,
            "A_customers": self.classes.loc["A", "customers"], "VIP_customers": self.tiers.loc["VIP", "customers"],
            "service_cost": self.service_cost, "slipping": self.slipping}, dtype=float)


def _summary(groups: pd.Series, value: pd.Series, order: list[str], name: str) -> pd.DataFrame:
    """customers, customer_share, value, value_share, average_value per group, every group of ``order``."""
    grouped = value.groupby(groups.to_numpy())
    out = pd.DataFrame({"customers": grouped.size(), "value": grouped.sum()}).reindex(order, fill_value=0)
    out.index.name = name
    out["customers"] = out["customers"].astype("int64")
    out.insert(1, "customer_share", out["customers"] / out["customers"].sum())
    out["value_share"] = out["value"] / value.sum()
    out["average_value"] = (out["value"] / out["customers"].replace(0, np.nan)).fillna(0.0)
    return out


@shared_docs
def course_summary(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    order: str | None = "order_id",
    cost: str | None = "cost",
    period_months: int = PERIOD_MONTHS,
    lang: str = "en",
) -> CapstoneSummary:
    """Every figure of the course on one table, and what could not be computed and why.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}
    order : str or None, default "order_id"
        Column holding the order id (see :func:`tier_list`); without it ``orders`` is skipped.
    cost : str or None, default "cost"
        Column holding the cost of goods; without it the margin and Kotler's level per tier are skipped.
    period_months : int, default 6
        Migration: the previous tier list is run ``period_months`` before ``as_of``; skipped
        when the data covers less than two such periods before ``as_of``.
    {lang}

    Returns
    -------
    CapstoneSummary
        The figures, the per-group tables, the tier list and ``skipped`` (section -> reason).

    Raises
    ------
    ValueError
        For the reasons of :func:`tier_list`, or a ``period_months`` below 1.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "revenue": [80.0, 15.0, 40.0, 5.0],
    ...                    "cost": [50.0, 10.0, 20.0, 4.0],
    ...                    "date": pd.to_datetime(["2023-12-10", "2024-03-01", "2024-11-20", "2024-12-01"])})
    >>> s = course_summary(tx, "2025-01-01")
    >>> s.tiers.loc[["VIP", "regular", "potential"], "customers"].tolist(), s.service_cost
    ([1, 0, 2], 515.0)
    >>> s.migration.loc["new"].tolist()      # c bought first in the last six months
    [0, 0, 1, 0]
    """
    _check_lang(lang)
    if isinstance(period_months, bool) or not isinstance(period_months, (int, np.integer)) or period_months < 1:
        raise ValueError(f"period_months must be a whole number of at least 1; got {period_months!r}.")
    table = tier_list(transactions, as_of, customer=customer, date=date, amount=amount, order=order, cost=cost,
                      lang=lang)
    as_of_ts = table.attrs["as_of"]
    dates = pd.to_datetime(transactions[date])
    used = int((dates < as_of_ts).sum())
    skipped: dict[str, str] = {}
    value = table["value"]

    # module 01: concentration
    top20 = pareto.top_share(value, 0.2)
    for80 = pareto.customers_for_share(value, 0.8)
    non_negative = value[value >= 0]
    gini = pareto.gini(non_negative) if len(non_negative) >= 2 and non_negative.sum() > 0 else None
    if len(non_negative) < len(value):
        skipped["gini_negative"] = label("cap_skip_gini_negative", lang, n=len(value) - len(non_negative))

    classes = _summary(table["abc_class"], value, list(abc_module.CLASSES), "abc_class")
    segment_order = [r.name for r in rfm_module.KIT_SEGMENTS] + [NO_PURCHASE]
    segments = _summary(table["segment"], value, segment_order, "segment")
    segments = segments[segments["customers"] > 0]
    stages = _summary(table["stage"], value, list(lifecycle_module.STAGES), "stage")
    tiers = _summary(table["tier"], value, list(SERVICE_TIERS), "tier")
    tiers["service"] = [label(f"cap_service_{t}", lang) for t in tiers.index]
    tiers["service_cost"] = _playbook_costs().reindex(tiers.index).astype(float)
    tiers["plan_cost"] = tiers["customers"] * tiers["service_cost"]

    # module 07: margin per customer per year and Kotler's level, when the file has costs
    cost_col = _optional_column(transactions, cost, "cost", "cost", "course_summary")
    if cost_col is None:
        skipped["margin"] = label("cap_skip_margin", lang)
    else:
        margin = relationship.margin_per_year(transactions, as_of_ts, ids=table.index, customer=customer, date=date,
                                              amount=amount, cost=cost_col)
        if margin.mean() > 0:
            profile = relationship.tier_profile(table["tier"], margin)
            for col in ("margin_per_customer", "size", "margin_level", "recommended"):
                tiers[col] = profile[col].reindex(tiers.index)
            tiers["cost_share"] = tiers["service_cost"] / tiers["margin_per_customer"]
        else:
            skipped["margin"] = label("cap_skip_margin_negative", lang)
    if "orders" not in table.columns:
        skipped["orders"] = label("cap_skip_orders", lang)

    # module 08: migration between the tier list one period ago and today's
    first = dates[dates < as_of_ts].min().normalize()
    previous = as_of_ts - pd.DateOffset(months=period_months)
    migration = moves = None
    previous_as_of = None
    if previous - pd.DateOffset(months=period_months) < first:
        skipped["migration"] = label("cap_skip_migration", lang, first=f"{first:%Y-%m-%d}",
                                     as_of=f"{as_of_ts:%Y-%m-%d}", months=2 * period_months)
    else:
        previous_as_of = pd.Timestamp(previous)
        old = _tier_table(transactions, previous_as_of, customer=customer, date=date, amount=amount, order=None,
                          cost=None, lang=lang, reasons=False)
        moves = compare_tier_lists(old, table)
        from helpers import migration as migration_module

        migration = migration_module.transition_matrix(old["tier"], table["tier"], tiers=SERVICE_TIERS)

    slipping = int(((table["abc_class"] == "A") & table["segment"].isin(SLIPPING_SEGMENTS)).sum())
    return CapstoneSummary(
        as_of=as_of_ts, rows=used, rows_after=int(len(transactions) - used), customers=len(table),
        buyers=int((table["purchase_days"] > 0).sum()), value=float(value.sum()), top20_share=float(top20),
        gini=None if gini is None else float(gini), gini_customers=int(len(non_negative)),
        customers_for_80=float(for80), classes=classes, segments=segments, stages=stages, tiers=tiers,
        service_cost=float(tiers["plan_cost"].sum()), slipping=slipping, previous_as_of=previous_as_of,
        migration=migration, moves=moves, skipped=skipped, tier_list=table, lang=lang)


def compare_tier_lists(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Who moved between two tier lists (two runs of :func:`tier_list`, e.g. last quarter's file and this one's).

    Parameters
    ----------
    old, new : DataFrame
        Tier lists indexed by customer id with a ``tier`` column (and ``segment`` / ``abc_class``,
        compared when both have them); :func:`read_tier_list` reads an exported one back. When the
        two indexes differ in type (numbers in one, text read back from a file in the other), the
        ids are compared as text.

    Returns
    -------
    DataFrame
        One row per customer in either list (sorted by id): ``tier_before``, ``tier_after``
        (missing when absent) and ``move``: ``"up"`` / ``"down"`` (a better / worse tier, in the
        order VIP > regular > potential), ``"same"``, ``"new"`` (only in ``new``) or ``"gone"``
        (only in ``old``); also ``segment_before`` / ``segment_after`` and ``class_before`` /
        ``class_after`` when both lists have them.

    Raises
    ------
    KeyError
        If a list has no ``tier`` column.
    ValueError
        If a customer appears twice in a list or a tier is not VIP / regular / potential.

    Examples
    --------
    >>> old = pd.DataFrame({"tier": ["VIP", "regular", "potential"]}, index=["a", "b", "c"])
    >>> new = pd.DataFrame({"tier": ["regular", "regular", "VIP"]}, index=["a", "b", "d"])
    >>> compare_tier_lists(old, new)["move"].to_dict()
    {'a': 'down', 'b': 'same', 'c': 'gone', 'd': 'new'}
    """
    rank = {t: i for i, t in enumerate(SERVICE_TIERS)}
    for name, frame in (("old", old), ("new", new)):
        require_columns(frame, ["tier"], f"compare_tier_lists ({name})")
        if frame.index.has_duplicates:
            dup = frame.index[frame.index.duplicated()].unique()[:5].tolist()
            raise ValueError(f"compare_tier_lists: customer(s) {dup} appear more than once in the {name} list; "
                             "a tier list has one row per customer.")
        unknown = sorted(set(frame["tier"].dropna().astype(str)) - set(rank))
        if unknown:
            raise ValueError(f"compare_tier_lists: the {name} list has tier(s) {unknown}; the tiers are "
                             f"{list(SERVICE_TIERS)} (read an exported file back with read_tier_list).")
    if old.index.dtype != new.index.dtype:  # ids read back from a file are text: compare as text
        old, new = old.set_axis(old.index.astype(str)), new.set_axis(new.index.astype(str))
    ids = old.index.union(new.index)
    out = pd.DataFrame({"tier_before": old["tier"].astype(object).reindex(ids),
                        "tier_after": new["tier"].astype(object).reindex(ids)}, index=ids)
    out.index.name = new.index.name or old.index.name
    before_rank = out["tier_before"].map(rank)
    after_rank = out["tier_after"].map(rank)
    move = np.select([before_rank.isna(), after_rank.isna(), after_rank < before_rank, after_rank > before_rank],
                     ["new", "gone", "up", "down"], default="same")
    out["move"] = move
    for column, prefix in (("segment", "segment"), ("abc_class", "class")):
        if column in old.columns and column in new.columns:
            out[f"{prefix}_before"] = old[column].astype(object).reindex(ids)
            out[f"{prefix}_after"] = new[column].astype(object).reindex(ids)
    return out


def tier_list_table(tiers: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The tier list as people read it (and as :func:`export_tier_list` writes it).

    Parameters
    ----------
    tiers : DataFrame
        A :func:`tier_list` (or some of its rows).
    lang : {"en", "zh"}, default "en"
        Language of the headers and of the tier, segment and stage names.

    Returns
    -------
    DataFrame
        The customer id as the first column, headers from the catalog, tier / segment / stage by
        their names, the last purchase as ``YYYY-MM-DD`` text.

    Examples
    --------
    >>> t = pd.DataFrame({"tier": ["VIP"], "stage": ["loyal"]}, index=pd.Index(["a"], name="customer_id"))
    >>> tier_list_table(t, "zh").to_dict("records")
    [{'客户编号': 'a', '客户等级': 'VIP客户', '生命周期阶段': '忠诚客户'}]
    """
    _check_lang(lang)
    return _display_frame(tiers, lang)


def output_folder(base: str | Path, name: str) -> Path:
    """A new, empty folder ``base/name`` (or ``name-2``, ``name-3`` … when taken): a run never writes into an old one.

    Parameters
    ----------
    base : str or Path
        Where the folder goes (made when missing).
    name : str
        The folder's name.

    Returns
    -------
    Path
        The folder, just made.

    Examples
    --------
    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> output_folder(base, "run").name, output_folder(base, "run").name
    ('run', 'run-2')
    """
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    k = 1
    while True:
        candidate = base / (name if k == 1 else f"{name}-{k}")
        try:
            candidate.mkdir()
        except FileExistsError:
            k += 1
            continue
        return candidate


def _display_frame(tiers: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tier list as people read it: id as the first column, values and headers from the catalog."""
    frame = tiers.reset_index()
    id_name = frame.columns[0]
    for column in ("segment", "tier", "stage"):
        if column in frame.columns:
            names = {v: _value_label(column, v, lang) for v in frame[column].dropna().unique()}
            frame[column] = frame[column].map(names)
    if "last_purchase" in frame.columns:
        frame["last_purchase"] = pd.to_datetime(frame["last_purchase"]).dt.strftime("%Y-%m-%d").fillna("")
    if "recency_days" in frame.columns:  # whole days; empty for a customer without a purchase
        frame["recency_days"] = pd.to_numeric(frame["recency_days"]).round().astype("Int64")
    for column in ("value", "margin"):
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column]).round(2)
    headers = {id_name: label("cap_col_customer", lang)}
    headers.update({c: label(_HEADERS[c], lang) for c in frame.columns if c in _HEADERS})
    return frame.rename(columns=headers)


def export_tier_list(tiers: pd.DataFrame, path: str | Path, *, lang: str = "en", overwrite: bool = False) -> Path:
    """Write a tier list for a CRM import: ``.xlsx`` (one sheet) or ``.csv`` (UTF-8 with BOM), headers in ``lang``.

    The CSV carries a byte-order mark so that Excel opens Chinese text correctly by double-click.
    Tier, segment and stage are written as people read them (``"VIP客户"``, ``"核心客户"`` in
    Chinese); :func:`read_tier_list` turns them back into the identifiers.

    Parameters
    ----------
    tiers : DataFrame
        A :func:`tier_list` (indexed by customer id).
    path : str or Path
        The file to write; its suffix chooses the format (``.xlsx`` or ``.csv``).
    lang : {"en", "zh"}, default "en"
        Language of the headers and of the tier, segment and stage names.
    overwrite : bool, default False
        An existing file is never replaced unless this is ``True``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    FileExistsError
        If ``path`` exists and ``overwrite`` is False.
    ValueError
        If the suffix is neither ``.xlsx`` nor ``.csv``, or ``lang`` is unknown.

    Examples
    --------
    >>> import tempfile
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "revenue": [30.0, 10.0],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-02"])})
    >>> p = export_tier_list(tier_list(tx), Path(tempfile.mkdtemp()) / "tiers.csv", lang="zh")
    >>> p.read_bytes()[:3] == b"\\xef\\xbb\\xbf", p.read_text(encoding="utf-8-sig").split(",")[:3]
    (True, ['客户编号', 'ABC类别', 'RFM细分'])
    """
    _check_lang(lang)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValueError(f"export_tier_list: {path.name} must end in .xlsx or .csv (the suffix chooses the format).")
    if path.exists() and not overwrite:
        raise FileExistsError(f"export_tier_list: {path} exists already; choose another name or folder "
                              "(or pass overwrite=True if you mean to replace it).")
    frame = _display_frame(tiers, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        frame.to_excel(path, index=False, sheet_name=label("cap_sheet", lang))
    return path


def read_tier_list(path: str | Path) -> pd.DataFrame:
    """Read an exported tier list (either language, CSV or Excel) back into the identifiers the code uses.

    Parameters
    ----------
    path : str or Path
        A file written by :func:`export_tier_list`.

    Returns
    -------
    DataFrame
        Indexed by customer id (text), with the tier list's column names and tier, segment and
        stage as identifiers (``"VIP"``, ``"champions"``, ``"loyal"``): ready for
        :func:`compare_tier_lists`.

    Raises
    ------
    ValueError
        If the file's headers are not those of an exported tier list.

    Examples
    --------
    >>> import tempfile
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "revenue": [30.0, 10.0],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-02"])})
    >>> t = tier_list(tx)
    >>> back = read_tier_list(export_tier_list(t, Path(tempfile.mkdtemp()) / "t.xlsx", lang="zh"))
    >>> back["tier"].tolist() == t["tier"].tolist(), back.index.tolist()
    (True, ['a', 'b'])
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        frame = pd.read_excel(path, dtype=str)
    else:
        frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    headers = {}
    for lang in ("en", "zh"):
        headers.update({label(key, lang): column for column, key in _HEADERS.items()})
        headers[label("cap_col_customer", lang)] = "customer_id"
    unknown = [c for c in frame.columns if c not in headers]
    if "customer_id" not in [headers.get(c) for c in frame.columns] or unknown:
        raise ValueError(f"read_tier_list: {path.name} is not a tier list exported by the kit (unknown columns "
                         f"{unknown[:5]}); read it with pandas instead.")
    frame = frame.rename(columns=headers).set_index("customer_id")
    for column, values in _VALUES.items():
        if column in frame.columns:
            back = {_value_label(column, v, lang): v for lang in ("en", "zh") for v in values}
            frame[column] = frame[column].map(lambda v, b=back: b.get(v, v))
    return frame
