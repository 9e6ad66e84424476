"""Behaviour and lifecycle segments: stages, the active / silent / potential view and the attack/defence plan.

Compute layer: pure functions on DataFrames. No plotting, no printing.

Every function looks back from an ``as_of`` date (default: the day after the last
transaction) and uses **purchase days**: days with at least one row whose amount
is positive (returns are not purchases), as in :mod:`helpers.rfm`'s kit convention.

Stages (客户生命周期), decided in this order:

1. **potential** (潜在客户): a lead, a registered customer or a customer with only returns or
   zero-amount rows, with no purchase before ``as_of``;
2. **churned** (流失客户): the last purchase is more than ``churn_days`` ago;
3. **one_time** (一次性客户): bought on one day only;
4. **loyal** (忠诚客户): bought on at least ``loyal_days`` different days;
5. **regular** (常规客户): everybody else (2 … ``loyal_days`` − 1 purchase days).

Activity view (活跃 / 沉默 / 潜在): **active** if the last purchase is at most
``silent_days`` ago, **silent** if longer, **potential** if never bought. Choose
``silent_days`` from the data with :func:`silence_threshold` instead of guessing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers._common import require_columns, resolve_as_of
from helpers._docs import shared_docs
from helpers.catalog import label

__all__ = [
    "STAGES",
    "ACTIVITY",
    "ATTACK_DEFENCE",
    "purchase_days",
    "purchase_gaps",
    "silence_threshold",
    "lifecycle_table",
    "stage_summary",
    "attack_defence_plan",
]

#: Stage names in display order.
STAGES: tuple[str, ...] = ("potential", "one_time", "regular", "loyal", "churned")
#: Activity states in display order.
ACTIVITY: tuple[str, ...] = ("active", "silent", "potential")

def _attack_defence(lang: str) -> pd.DataFrame:
    """The attack/defence view in ``lang``: per stage (:data:`STAGES`), goal, actions and owner from the catalog
    (``ad_goal_<stage>``, ``ad_actions_<stage>``, ``ad_owner_<stage>``)."""
    rows = [(stage, label(f"ad_goal_{stage}", lang), label(f"ad_actions_{stage}", lang), label(f"ad_owner_{stage}", lang))
            for stage in STAGES]
    return pd.DataFrame(rows, columns=["stage", "goal", "actions", "owner"]).set_index("stage")


#: The attack/defence view (攻守模型): per stage, the goal, suggested actions and the owner (English;
#: :func:`attack_defence_plan` gives it in either language).
ATTACK_DEFENCE: pd.DataFrame = _attack_defence("en")


@shared_docs
def purchase_days(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.DataFrame:
    """One row per customer and purchase day before ``as_of`` (rows with ``amount`` > 0).

    Several purchases on the same day count as one purchase day; returns are not purchases.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}

    Returns
    -------
    DataFrame
        Columns ``customer`` (named after the ``customer`` argument) and ``day`` (the date at
        midnight), one row per customer and purchase day, sorted by customer then day.

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If a date is missing.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01 09:00", "2025-01-01 17:00", "2025-01-04 10:00", "2025-01-02 10:00"]),
    ...                    "revenue": [5.0, 7.0, -5.0, 3.0]})
    >>> purchase_days(tx)
      customer_id        day
    0           a 2025-01-01
    1           b 2025-01-02
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "purchase_days")
    as_of_ts = resolve_as_of(transactions, as_of, date=date)
    dates = pd.to_datetime(transactions[date])
    if dates.isna().any():
        rows = list(transactions.index[dates.isna()][:5])
        raise ValueError(f"column {date!r}: {int(dates.isna().sum())} missing date(s) at rows {rows}; fix or remove them first.")
    keep = (pd.to_numeric(transactions[amount]) > 0) & (dates < as_of_ts)
    days = pd.DataFrame({customer: transactions.loc[keep, customer].to_numpy(), "day": dates[keep].dt.normalize().to_numpy()})
    return days.drop_duplicates().sort_values([customer, "day"]).reset_index(drop=True)


@shared_docs
def purchase_gaps(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.Series:
    """Days between each customer's consecutive purchase days (one value per repeat purchase).

    Customers who bought on one day only have no gap and are not in the result.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}

    Returns
    -------
    Series
        Named ``gap_days``: whole days between two consecutive purchase days, one value per
        repeat purchase (customers in id order, then by day), ready for :func:`silence_threshold`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-11", "2025-01-14", "2025-01-02"]),
    ...                    "revenue": [5.0, 7.0, 2.0, 3.0]})
    >>> purchase_gaps(tx).tolist()
    [10, 3]
    """
    days = purchase_days(transactions, as_of, customer=customer, date=date, amount=amount)
    same = days[customer].eq(days[customer].shift())
    gaps = days["day"].diff().dt.days[same]
    return gaps.astype("int64").rename("gap_days").reset_index(drop=True)


def silence_threshold(gaps: pd.Series, quantile: float = 0.9) -> int:
    """The number of days that ``quantile`` of the gaps between purchases do not exceed (rounded up).

    A customer silent for longer than this has waited longer than 90% (by default) of
    the normal gaps between two purchases: a data-based reason to call them silent.

    Parameters
    ----------
    gaps : Series
        Days between consecutive purchase days, e.g. from :func:`purchase_gaps`.
    quantile : float, default 0.9
        The share of normal gaps the threshold must cover, strictly between 0 and 1.

    Returns
    -------
    int
        The threshold in days, to pass as ``silent_days`` to :func:`lifecycle_table`.

    Raises
    ------
    ValueError
        If ``quantile`` is not between 0 and 1 or there are no gaps (nobody bought twice).

    Examples
    --------
    >>> silence_threshold(pd.Series([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]))
    91
    """
    if not 0 < quantile < 1:
        raise ValueError(f"quantile must be between 0 and 1 (e.g. 0.9); got {quantile!r}.")
    if len(gaps) == 0:
        raise ValueError("no gaps: nobody bought twice, so the data cannot tell a normal gap. Use a business rule instead.")
    return int(np.ceil(np.quantile(np.asarray(gaps, dtype=float), quantile)))


@shared_docs
def lifecycle_table(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customers: pd.DataFrame | None = None,
    leads: pd.DataFrame | None = None,
    churn_days: int = 365,
    silent_days: int = 180,
    loyal_days: int = 5,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.DataFrame:
    """Stage, activity and membership for every customer and lead known before ``as_of``.

    Parameters
    ----------
    {transactions}
    {as_of}
    customers : DataFrame, optional
        The customer table, with the ``customer`` column, ``signup_date`` and ``membership``
        (walk-in / member / VIP): adds registered customers who have not bought yet, and the
        membership column.
    leads : DataFrame, optional
        With ``lead_id`` and ``created_date``: adds leads as potential customers.
    churn_days : int, default 365
        A customer whose last purchase day is more than this many days before ``as_of`` is churned.
    silent_days : int, default 180
        A customer whose last purchase day is more than this many days before ``as_of`` is
        silent, otherwise active; choose it with :func:`silence_threshold`.
    loyal_days : int, default 5
        Purchase days needed to count as loyal.
    {customer}
    {date}
    {amount}

    Returns
    -------
    DataFrame
        Indexed by id: ``kind`` (customer / lead), ``frequency`` (purchase days),
        ``recency`` (days since the last purchase day, NaN if none), ``stage``,
        ``activity``, ``membership`` (``"lead"`` for leads, ``"unknown"`` without a customers table).

    Raises
    ------
    KeyError
        If a column is missing from ``transactions``, ``customers`` or ``leads``.
    ValueError
        If a threshold is not a whole number of at least 1.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "c"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-03-01", "2025-03-20", "2024-01-01",
    ...                                            "2024-02-01", "2024-03-01"]),
    ...                    "revenue": [5.0, 7.0, 2.0, 3.0, 3.0, 3.0]})
    >>> leads = pd.DataFrame({"lead_id": ["L1"], "created_date": pd.to_datetime(["2025-02-01"])})
    >>> lifecycle_table(tx, leads=leads, churn_days=180, silent_days=60, loyal_days=3)[["frequency", "stage", "activity"]]
        frequency     stage activity
    id
    a           2   regular   active
    b           1  one_time   active
    c           3   churned   silent
    L1          0 potential potential
    """
    for name, value in (("churn_days", churn_days), ("silent_days", silent_days), ("loyal_days", loyal_days)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}.")
    as_of_ts = resolve_as_of(transactions, as_of, date=date)
    days = purchase_days(transactions, as_of_ts, customer=customer, date=date, amount=amount)
    grouped = days.groupby(customer)["day"]
    table = pd.DataFrame({"frequency": grouped.size(), "last": grouped.max()})
    # customers whose rows before as_of are only returns or zero amounts have not bought: potential, not dropped
    seen = transactions.loc[pd.to_datetime(transactions[date]) < as_of_ts, customer].unique()
    no_purchase = pd.Index(seen).difference(table.index)
    if len(no_purchase):
        table = pd.concat([table, pd.DataFrame({"frequency": 0, "last": pd.NaT}, index=no_purchase)])
    table["kind"] = "customer"
    membership = None
    if customers is not None:
        require_columns(customers, {"customer": customer, "signup_date": "signup_date"}, "lifecycle_table (customers)")
        known = customers[pd.to_datetime(customers["signup_date"]) < as_of_ts]
        extra = known.loc[~known[customer].isin(table.index), customer]
        table = pd.concat([table, pd.DataFrame({"frequency": 0, "last": pd.NaT, "kind": "customer"}, index=extra.to_numpy())])
        if "membership" in customers.columns:
            membership = customers.set_index(customer)["membership"]
    if leads is not None:
        require_columns(leads, ["lead_id", "created_date"], "lifecycle_table (leads)")
        known = leads[pd.to_datetime(leads["created_date"]) < as_of_ts]
        table = pd.concat([table, pd.DataFrame({"frequency": 0, "last": pd.NaT, "kind": "lead"}, index=known["lead_id"].to_numpy())])
    table.index.name = "id"
    table["frequency"] = table["frequency"].astype("int64")
    table["recency"] = (as_of_ts.normalize() - pd.to_datetime(table["last"])).dt.days
    never = table["frequency"] == 0
    stage = np.select(
        [never, table["recency"] > churn_days, table["frequency"] == 1, table["frequency"] >= loyal_days],
        ["potential", "churned", "one_time", "loyal"], default="regular")
    table["stage"] = pd.Categorical(stage, categories=STAGES)
    activity = np.select([never, table["recency"] <= silent_days], ["potential", "active"], default="silent")
    table["activity"] = pd.Categorical(activity, categories=ACTIVITY)
    if membership is not None:
        table["membership"] = table.index.map(membership).fillna("lead").astype(str)
        table.loc[table["kind"] == "lead", "membership"] = "lead"
    else:
        table["membership"] = np.where(table["kind"] == "lead", "lead", "unknown")
    return table[["kind", "frequency", "recency", "stage", "activity", "membership"]]


def stage_summary(table: pd.DataFrame, by: str = "stage", values: pd.Series | None = None) -> pd.DataFrame:
    """Customers (and shares) per stage or activity; with ``values`` per customer, the value and its shares.

    Parameters
    ----------
    table : DataFrame
        A :func:`lifecycle_table` (or any table with the ``by`` column).
    by : str, default "stage"
        The column to count by, e.g. ``"stage"``, ``"activity"`` or ``"membership"``.
    values : Series, optional
        A per-customer measure (e.g. revenue per customer); customers missing from it count as 0.

    Returns
    -------
    DataFrame
        Indexed by the ``by`` values (every category, in order): ``customers``, ``customer_share``
        and, with ``values``, ``value``, ``value_share`` and ``average_value`` (the summary
        columns of CONTRIBUTING.md).

    Examples
    --------
    >>> t = pd.DataFrame({"stage": pd.Categorical(["loyal", "loyal", "potential"], categories=STAGES)},
    ...                  index=["a", "b", "L1"])
    >>> stage_summary(t)["customers"].tolist()
    [1, 0, 0, 2, 0]
    >>> stage_summary(t, values=pd.Series({"a": 30.0, "b": 10.0}))["value_share"].tolist()
    [0.0, 0.0, 0.0, 1.0, 0.0]
    """
    require_columns(table, {"by": by}, "stage_summary")
    counts = table[by].value_counts(sort=False)
    if isinstance(table[by].dtype, pd.CategoricalDtype):
        counts = counts.reindex(table[by].cat.categories, fill_value=0)
    out = pd.DataFrame({"customers": counts.astype("int64")})
    out.index.name = by
    out["customer_share"] = out["customers"] / out["customers"].sum()
    if values is not None:
        value = values.reindex(table.index).fillna(0.0).groupby(table[by].to_numpy()).sum()
        out["value"] = value.reindex(out.index, fill_value=0.0)
        out["value_share"] = out["value"] / out["value"].sum()
        out["average_value"] = (out["value"] / out["customers"].replace(0, np.nan)).fillna(0.0)
    return out


@shared_docs
def attack_defence_plan(table: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """The attack/defence table (:data:`ATTACK_DEFENCE`) with the number of customers in each stage.

    Parameters
    ----------
    table : DataFrame
        A :func:`lifecycle_table` (any table with a categorical ``stage`` column of :data:`STAGES`).
    {lang}

    Returns
    -------
    DataFrame
        Indexed by stage (in :data:`STAGES` order): ``customers``, ``goal``, ``actions`` and ``owner``.

    Examples
    --------
    >>> t = pd.DataFrame({"stage": pd.Categorical(["loyal", "potential", "potential"], categories=STAGES)})
    >>> attack_defence_plan(t)["customers"].tolist()
    [2, 0, 0, 1, 0]
    >>> attack_defence_plan(t, lang="zh").loc["churned", "goal"]
    '挽回'
    """
    plan = _attack_defence(lang)
    counts = stage_summary(table)["customers"]
    return plan.assign(customers=counts.reindex(plan.index).to_numpy())[["customers", "goal", "actions", "owner"]]
