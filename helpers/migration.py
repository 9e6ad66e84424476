"""Tier migration (客户分级动态调整): how customers move between tiers from one period to the next.

Compute layer: pure functions on DataFrames. No plotting, no printing.

A tiering is re-run at the end of every period with **the same rule** (ABC classes,
the RFM tier or the lifecycle stage); comparing two consecutive tierings gives a
**transition matrix** (迁移矩阵): rows are the tiers before, columns the tiers after.
Two states make the matrix complete:

* **new** (row): customers absent from the tiering before, present after (first-time
  buyers and customers who come back after a period without a purchase);
* **lapsed** (column): customers present before, absent after (no purchase in the
  period, for the ABC and RFM rules).

Leaving the *new* row out is the classic mistake: the matrix then only ever loses
customers, and a projection with it shrinks every tier toward zero
(:func:`project_tiers` with ``inflow=0``). With the new row and the number of new
customers per period, the projection settles at a level (:func:`steady_state`).

The rules (:data:`RULES`): who is tiered at a period end, and the tiers, best first (:data:`TIERS`):

* ``"abc"``: customers with a purchase in the period, in ABC classes of their net amount in the
  period (:mod:`helpers.abc`): A, B, C;
* ``"rfm"``: customers with a purchase in the period, in the kit's RFM tier computed from the
  period's transactions (:mod:`helpers.rfm`): VIP, regular, potential;
* ``"lifecycle"``: every customer with a purchase before the period end, in their lifecycle stage
  over the whole history (:mod:`helpers.lifecycle`): loyal, regular, one_time, churned. Nobody
  lapses under this rule: *churned* is the stage that records it.

Stability measures, each in one sentence for sales staff (the catalog holds them in
English and Chinese under ``mig_explain_<measure>``):

* **stay share** (保级率): of the customers in a tier, the share still in it next period;
* **lapse rate** (未复购率): of the customers in a tier, the share with no purchase next period;
* **weighted Cohen's κ** (加权κ): agreement of the two tierings beyond chance, 1 = nobody
  moved, 0 = no better than chance; a move of two tiers counts more than a move of one;
* **Spearman's ρ** (斯皮尔曼相关): do customers keep their *order* (best stay near the top)?
* **Shorrocks' mobility index** (流动性指数) M = (k − trace P) / (k − 1) (Shorrocks 1978): 0 = nobody
  moves, 1 = where a customer ends up does not depend on where they started.

Customer value per tier follows Pfeifer & Carraway (2000): with the square transition
matrix ``P`` (lapsed as an absorbing state), the value per period ``R`` and a discount
rate ``d`` per period, ``V = (I − P/(1+d))⁻¹ R`` (:func:`customer_value`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers import abc as abc_module
from helpers import lifecycle as lifecycle_module
from helpers import rfm as rfm_module
from helpers._common import CLASSES, SERVICE_TIERS, require_columns, resolve_as_of
from helpers._docs import shared_docs

__all__ = [
    "RULES",
    "TIERS",
    "NEW",
    "LAPSED",
    "MEASURES",
    "TEN_CUSTOMERS",
    "period_bounds",
    "tiers_at",
    "tier_history",
    "transition_matrix",
    "row_shares",
    "stayers_matrix",
    "stability_by_tier",
    "weighted_kappa",
    "spearman_rho",
    "shorrocks_index",
    "stability_summary",
    "chain_matrix",
    "project_tiers",
    "steady_state",
    "tier_summary",
    "customer_value",
]

#: The tiering rules a history can be built with.
RULES: tuple[str, ...] = ("abc", "rfm", "lifecycle")

#: The tiers of each rule, best first (the order κ, ρ and "up"/"down" use).
TIERS: dict[str, tuple[str, ...]] = {
    "abc": CLASSES,
    "rfm": SERVICE_TIERS,
    "lifecycle": ("loyal", "regular", "one_time", "churned"),
}

#: The row of customers absent before and the column of customers absent after.
NEW, LAPSED = "new", "lapsed"

#: The stability measures of :func:`stability_summary`, in the order the notebook explains them.
MEASURES: tuple[str, ...] = ("stay_share", "lapse_rate", "kappa_linear", "kappa_quadratic", "spearman", "shorrocks")

#: Ten customers tiered at two period ends (``None``: no purchase in that period), for exercises and examples.
TEN_CUSTOMERS: pd.DataFrame = pd.DataFrame(
    {"before": ["A", "A", "A", "B", "B", "B", "C", "C", None, None],
     "after": ["A", "B", None, "A", "B", None, "C", None, "B", "C"]},
    index=pd.Index([f"K{i:02d}" for i in range(1, 11)], name="customer_id"),
)


def _window(transactions: pd.DataFrame, start: pd.Timestamp | None, end: pd.Timestamp, date: str) -> pd.DataFrame:
    dates = pd.to_datetime(transactions[date])
    keep = dates < end if start is None else (dates >= start) & (dates < end)
    return transactions[keep]


@shared_docs
def period_bounds(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    months: int | None = None,
    periods: int | None = None,
    date: str = "date",
) -> pd.DataFrame:
    """The periods a tier history compares: their first day and their end (the next period's first day).

    Give exactly one of ``months`` (calendar periods counted back from ``as_of``, so the last period
    is complete) or ``periods`` (the span from the first transaction day to ``as_of`` cut into that
    many periods of equal whole days; the last one takes the remainder).

    Parameters
    ----------
    {transactions}
    {as_of}
    months : int, optional
        Length of each period in calendar months (e.g. 3, 6 or 12). Only whole periods after the
        first transaction day are kept; the days before the first period are reported in
        ``result.attrs["uncovered_rows"]`` (rows) and ``result.attrs["uncovered_from"]``.
    periods : int, optional
        Number of periods of equal length, e.g. 2 for two halves.
    {date}

    Returns
    -------
    DataFrame
        One row per period, oldest first, indexed 1 … n (``period``): ``start`` (first day),
        ``end`` (the day after the last day: the tiering's ``as_of``) and ``label``
        (``"first day – last day"``).

    Raises
    ------
    ValueError
        If neither or both of ``months`` and ``periods`` are given, either is below 1, or fewer
        than two periods fit in the data (a migration needs two tierings).

    Examples
    --------
    >>> tx = pd.DataFrame({"date": pd.to_datetime(["2024-01-01", "2024-02-03", "2024-12-30"])})
    >>> bounds = period_bounds(tx, "2025-01-01", months=6)
    >>> bounds[["start", "end"]]
                start        end
    period
    1      2024-01-01 2024-07-01
    2      2024-07-01 2025-01-01
    >>> bounds = period_bounds(tx, "2024-12-31", months=4)   # 2024-01-01 to 2024-04-30 is not a whole period
    >>> bounds["label"].tolist(), bounds.attrs["uncovered_rows"]
    (['2024-04-30 – 2024-08-30', '2024-08-31 – 2024-12-30'], 2)
    >>> period_bounds(tx, periods=2)["label"].tolist()
    ['2024-01-01 – 2024-06-30', '2024-07-01 – 2024-12-30']
    """
    if (months is None) == (periods is None):
        raise ValueError("give exactly one of months= (e.g. 6) or periods= (e.g. 2).")
    for name, value in (("months", months), ("periods", periods)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1):
            raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}.")
    require_columns(transactions, {"date": date}, "period_bounds")
    end = resolve_as_of(transactions, as_of, date=date)
    dates = pd.to_datetime(transactions[date])
    first = dates[dates < end].min()
    if pd.isna(first):
        raise ValueError(f"period_bounds: no transaction before as_of={end.date()}; choose a later as_of.")
    first = first.normalize()
    if months is not None:
        ends = [end]
        while ends[-1] - pd.DateOffset(months=months) >= first:
            ends.append(ends[-1] - pd.DateOffset(months=months))
        ends = ends[::-1]
        starts, ends = ends[:-1], ends[1:]
        uncovered_from = first if starts and first < starts[0] else None
        uncovered = int(((dates >= first) & (dates < starts[0])).sum()) if starts else int((dates < end).sum())
    else:
        days = (end - first).days // periods
        starts = [first + pd.Timedelta(days=k * days) for k in range(periods)]
        ends = starts[1:] + [end]
        if days < 1:
            starts, ends = [], []
        uncovered_from, uncovered = None, 0
    if len(starts) < 2:
        raise ValueError(f"period_bounds: the data from {first.date()} to {end.date()} holds fewer than two "
                         f"periods of that length; a migration compares two tierings. Choose shorter periods.")
    out = pd.DataFrame({"start": pd.DatetimeIndex(starts), "end": pd.DatetimeIndex(ends)},
                       index=pd.RangeIndex(1, len(starts) + 1, name="period"))
    out["label"] = [f"{s:%Y-%m-%d} – {e - pd.Timedelta(days=1):%Y-%m-%d}" for s, e in zip(out["start"], out["end"])]
    out.attrs["uncovered_rows"] = uncovered
    out.attrs["uncovered_from"] = uncovered_from
    return out


@shared_docs
def tiers_at(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    rule: str = "abc",
    start: object = None,
    thresholds: Sequence[float] = (0.80, 0.95),
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.Series:
    """The tier of every customer in the tiering at ``as_of``, by one rule (see the module's table).

    Parameters
    ----------
    {transactions}
    {as_of}
    rule : {"abc", "rfm", "lifecycle"}, default "abc"
        The tiering rule (:data:`RULES`).
    start : date-like, optional
        First day of the period (``"abc"`` and ``"rfm"``): only rows from ``start`` to ``as_of``
        count. ``None`` uses every row before ``as_of``. The lifecycle stages look back over the
        whole history, so ``"lifecycle"`` refuses a ``start``.
    thresholds : (float, float), default (0.80, 0.95)
        The ABC thresholds (``"abc"`` only), as in :func:`helpers.abc.abc_classes`.
    {customer}
    {date}
    {amount}

    Returns
    -------
    Series
        Named ``"tier"``, indexed by customer id (sorted), an ordered categorical whose categories
        are ``TIERS[rule]`` (best first). Customers who are not tiered (no purchase in the period)
        are not in it.

    Raises
    ------
    ValueError
        If ``rule`` is unknown, ``start`` is not before ``as_of``, or ``start`` is given with
        ``"lifecycle"``; and for the reasons of the rule's own module.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "c"],
    ...                    "date": pd.to_datetime(["2025-01-05", "2025-02-01", "2025-03-01", "2025-07-02", "2025-08-01"]),
    ...                    "revenue": [90.0, 8.0, 2.0, 10.0, 50.0]})
    >>> tiers_at(tx, "2025-07-01", start="2025-01-01").tolist()      # a holds 90% of the half-year
    ['A', 'B', 'C']
    >>> tiers_at(tx, "2026-01-01", start="2025-07-01").to_dict()     # b bought nothing: not tiered
    {'a': 'B', 'c': 'A'}
    """
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}; got {rule!r}.")
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "tiers_at")
    end = resolve_as_of(transactions, as_of, date=date)
    first = None if start is None else pd.Timestamp(start)
    if first is not None and first >= end:
        raise ValueError(f"tiers_at: start {first.date()} must be before as_of {end.date()}.")
    categories = list(TIERS[rule])
    if rule == "lifecycle":
        if first is not None:
            raise ValueError("tiers_at: the lifecycle stages look back over the whole history (a customer is "
                             "churned after a year without a purchase), so rule='lifecycle' takes no start=. "
                             "Leave start out.")
        table = lifecycle_module.lifecycle_table(transactions, end, customer=customer, date=date, amount=amount)
        table = table[(table["kind"] == "customer") & (table["stage"] != "potential")]
        values = table["stage"].astype(str)
    else:
        window = _window(transactions, first, end, date)
        buyers = window.loc[pd.to_numeric(window[amount]) > 0, customer].unique()
        if len(buyers) == 0:
            values = pd.Series([], dtype=object)
        elif rule == "abc":
            net = window.groupby(customer)[amount].sum()
            values = abc_module.abc_classes(net.loc[buyers], thresholds).astype(str)
        else:
            scored = rfm_module.rfm(window[window[customer].isin(buyers)], end, convention="kit",
                                    customer=customer, date=date, amount=amount)
            values = scored["tier"].astype(str)
    out = pd.Series(pd.Categorical(values.to_numpy(), categories=categories, ordered=True),
                    index=pd.Index(values.index, name=customer), name="tier")
    return out.sort_index()


@shared_docs
def tier_history(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    rule: str = "abc",
    months: int | None = None,
    periods: int | None = None,
    thresholds: Sequence[float] = (0.80, 0.95),
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.DataFrame:
    """Every customer's tier at the end of every period, the same rule each time.

    Parameters
    ----------
    {transactions}
    {as_of}
    rule : {"abc", "rfm", "lifecycle"}, default "abc"
        The tiering rule (:data:`RULES`).
    months : int, optional
        Period length in calendar months (see :func:`period_bounds`); default 6 when
        ``periods`` is not given either.
    periods : int, optional
        Number of periods of equal length instead (e.g. 2 for two halves).
    thresholds : (float, float), default (0.80, 0.95)
        The ABC thresholds (``"abc"`` only).
    {customer}
    {date}
    {amount}

    Returns
    -------
    DataFrame
        Indexed by customer id (everyone tiered at least once), one column per period (named by
        its ``label``, oldest first); a cell is the customer's tier (ordered categorical, best
        first) or missing when the customer was not tiered then. ``result.attrs["bounds"]`` maps
        each column to its period's ``(start, end)`` (see :func:`period_bounds`), ``result.attrs["rule"]``
        is the rule.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "c"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01", "2025-07-02", "2025-08-01"]),
    ...                    "revenue": [90.0, 8.0, 2.0, 10.0, 50.0]})
    >>> history = tier_history(tx, "2026-01-01", months=6)
    >>> history.columns.tolist()
    ['2025-01-01 – 2025-06-30', '2025-07-01 – 2025-12-31']
    >>> history.astype(object).fillna("—").to_numpy().tolist()
    [['A', 'B'], ['B', '—'], ['C', 'A']]
    >>> history.attrs["bounds"]["2025-07-01 – 2025-12-31"]
    (Timestamp('2025-07-01 00:00:00'), Timestamp('2026-01-01 00:00:00'))
    """
    if months is None and periods is None:
        months = 6
    bounds = period_bounds(transactions, as_of, months=months, periods=periods, date=date)
    columns = {}
    for _, row in bounds.iterrows():
        columns[row["label"]] = tiers_at(transactions, row["end"], rule=rule,
                                         start=None if rule == "lifecycle" else row["start"],
                                         thresholds=thresholds, customer=customer, date=date, amount=amount)
    everyone = sorted(set().union(*(s.index for s in columns.values())))
    history = pd.DataFrame({label: s.reindex(everyone) for label, s in columns.items()},
                           index=pd.Index(everyone, name=customer))
    history.columns.name = "period"
    history.attrs["bounds"] = {row["label"]: (row["start"], row["end"]) for _, row in bounds.iterrows()}
    history.attrs["rule"] = rule
    return history


def _order(before: pd.Series, after: pd.Series, tiers: Sequence[str] | None) -> list[str]:
    """The tiers, best first: given, or the categories of an ordered categorical, or sorted values."""
    if tiers is not None:
        order = [str(t) for t in tiers]
    else:
        cats = next((s.cat.categories for s in (before, after) if isinstance(s.dtype, pd.CategoricalDtype)), None)
        if cats is not None:
            order = [str(c) for c in cats]
        else:
            seen = pd.concat([before.dropna(), after.dropna()]).astype(str).unique()
            order = sorted(seen)
    for reserved in (NEW, LAPSED):
        if reserved in order:
            raise ValueError(f"{reserved!r} cannot be a tier: it is the matrix's state for customers absent "
                             f"{'before' if reserved == NEW else 'after'}. Leave such customers out (or NaN).")
    if len(set(order)) != len(order):
        raise ValueError(f"tiers must be distinct; got {order}.")
    return order


def _tiers_frame(before: pd.Series, after: pd.Series, tiers: Sequence[str] | None) -> tuple[pd.DataFrame, list[str]]:
    """Both tierings side by side (outer join on customer id) as text, missing = absent; values checked."""
    for name, s in (("before", before), ("after", after)):
        if not isinstance(s, pd.Series):
            raise TypeError(f"{name}: expected a Series of tiers indexed by customer id; got {type(s).__name__}.")
        if s.index.has_duplicates:
            dup = s.index[s.index.duplicated()].unique()[:5].tolist()
            raise ValueError(f"{name}: customer(s) {dup} appear more than once; give one tier per customer.")
    order = _order(before, after, tiers)
    frame = pd.DataFrame({"before": before.astype(object), "after": after.astype(object)})
    for col in ("before", "after"):
        present = frame[col].notna()
        text = frame.loc[present, col].astype(str)
        unknown = text[~text.isin(order)]
        if len(unknown):
            raise ValueError(f"{col}: tier(s) {sorted(unknown.unique())[:5]} of customer(s) {unknown.index[:5].tolist()} "
                             f"are not among the tiers {order}; pass tiers=[...] with every tier, best first.")
        frame.loc[present, col] = text
    return frame, order


def transition_matrix(
    before: pd.Series,
    after: pd.Series,
    *,
    tiers: Sequence[str] | None = None,
    shares: bool = False,
) -> pd.DataFrame:
    """Customers by tier before (rows) and tier after (columns), with the **new** row and the **lapsed** column.

    A customer missing from ``before`` (not in its index, or NaN) is *new*; one missing from
    ``after`` has *lapsed*. The cell new × lapsed is always 0: a customer absent both times is
    not seen at all. Row sums (without the new row) are the tier sizes before; column sums
    (without lapsed) are the tier sizes after.

    Parameters
    ----------
    before : Series
        Tier of each customer at the first period end (index = customer id).
    after : Series
        Tier of each customer at the next period end.
    tiers : sequence of str, optional
        The tiers, best first. Default: the categories of an ordered categorical (as
        :func:`tiers_at` returns), else the sorted tier names.
    shares : bool, default False
        ``False``: counts of customers. ``True``: row shares (each row adds up to 1; a row without
        customers is missing), i.e. :func:`row_shares` of the counts.

    Returns
    -------
    DataFrame
        Index ``tiers + ["new"]`` (named ``before``), columns ``tiers + ["lapsed"]`` (named ``after``).

    Raises
    ------
    ValueError
        If a tier is not in ``tiers``, a customer appears twice, or a tier is called "new" or "lapsed".
    TypeError
        If ``before`` or ``after`` is not a Series.

    Examples
    --------
    >>> transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers=["A", "B", "C"])
    after   A  B  C  lapsed
    before
    A       1  1  0       1
    B       1  1  0       1
    C       0  0  1       1
    new     0  1  1       0
    >>> transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True).loc["A"].round(3).tolist()
    [0.333, 0.333, 0.0, 0.333]
    """
    frame, order = _tiers_frame(before, after, tiers)
    frame = frame[frame["before"].notna() | frame["after"].notna()]
    rows = frame["before"].fillna(NEW)
    cols = frame["after"].fillna(LAPSED)
    counts = pd.crosstab(rows, cols).reindex(index=order + [NEW], columns=order + [LAPSED], fill_value=0)
    counts = counts.astype("int64")
    counts.index.name, counts.columns.name = "before", "after"
    return row_shares(counts) if shares else counts


def row_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Each row of a count matrix divided by its total: the share of a tier's customers going to each column.

    Parameters
    ----------
    counts : DataFrame
        Customers per cell, e.g. from :func:`transition_matrix` (or typed in by hand).

    Returns
    -------
    DataFrame
        Same shape; every row adds up to 1. A row with no customers is missing (NaN): there is
        nothing to measure.

    Raises
    ------
    ValueError
        If a count is negative or missing.

    Examples
    --------
    >>> row_shares(pd.DataFrame({"A": [3, 0], "lapsed": [1, 0]}, index=["A", "new"]))
           A  lapsed
    A    0.75    0.25
    new   NaN     NaN
    """
    values = counts.astype(float)
    if values.isna().any().any() or (values < 0).any().any():
        raise ValueError("counts must be whole numbers of customers, none missing or negative.")
    totals = values.sum(axis=1)
    return values.div(totals.where(totals > 0), axis=0)


def stayers_matrix(
    before: pd.Series,
    after: pd.Series,
    *,
    tiers: Sequence[str] | None = None,
    shares: bool = True,
) -> pd.DataFrame:
    """The square tier × tier matrix of the customers tiered both times (no new, no lapsed).

    This is the matrix the mobility index and κ look at: they compare two tierings of the
    same customers.

    Parameters
    ----------
    before : Series
        Tier of each customer at the first period end (index = customer id).
    after : Series
        Tier of each customer at the next period end.
    tiers : sequence of str, optional
        The tiers, best first (default as in :func:`transition_matrix`).
    shares : bool, default True
        Row shares (``True``) or counts (``False``).

    Returns
    -------
    DataFrame
        ``tiers`` × ``tiers`` (index ``before``, columns ``after``).

    Examples
    --------
    >>> stayers_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=False)
    after   A  B  C
    before
    A       1  1  0
    B       1  1  0
    C       0  0  1
    """
    counts = transition_matrix(before, after, tiers=tiers)
    square = counts.iloc[:-1, :-1]
    return row_shares(square) if shares else square


def stability_by_tier(counts: pd.DataFrame) -> pd.DataFrame:
    """Per tier before: customers, and the shares that stay, move up, move down or lapse.

    Parameters
    ----------
    counts : DataFrame
        A count matrix from :func:`transition_matrix` (tiers best first, then ``new``; columns
        the tiers, then ``lapsed``).

    Returns
    -------
    DataFrame
        Indexed by tier (``before``): ``customers`` (in the tier before), ``stay_share``,
        ``up_share`` (to a better tier), ``down_share`` (to a worse tier) and ``lapse_rate``;
        the four shares add up to 1.

    Raises
    ------
    ValueError
        If the matrix has no ``new`` row or no ``lapsed`` column, or its tiers differ between rows
        and columns.

    Examples
    --------
    >>> stability_by_tier(transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC")).round(3)
            customers  stay_share  up_share  down_share  lapse_rate
    before
    A               3       0.333     0.000       0.333       0.333
    B               3       0.333     0.333       0.000       0.333
    C               2       0.500     0.000       0.000       0.500
    """
    order = _matrix_tiers(counts)
    block = counts.loc[order, order].to_numpy(dtype=float)
    total = counts.loc[order].sum(axis=1).to_numpy(dtype=float)
    k = len(order)
    upper = np.triu(np.ones((k, k)), 1)  # column j < row i is a better tier: below the diagonal
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "customers": total.astype("int64"),
            "stay_share": np.diag(block) / total,
            "up_share": (block * upper.T).sum(axis=1) / total,
            "down_share": (block * upper).sum(axis=1) / total,
            "lapse_rate": counts.loc[order, LAPSED].to_numpy(dtype=float) / total,
        }, index=pd.Index(order, name="before"))
    return out


def _matrix_tiers(counts: pd.DataFrame) -> list[str]:
    if NEW not in counts.index or LAPSED not in counts.columns:
        raise ValueError(f"expected a matrix from transition_matrix, with a {NEW!r} row and a {LAPSED!r} column; "
                         f"got rows {list(counts.index)} and columns {list(counts.columns)}.")
    rows = [str(r) for r in counts.index if r != NEW]
    cols = [str(c) for c in counts.columns if c != LAPSED]
    if rows != cols:
        raise ValueError(f"the matrix's tiers differ between rows {rows} and columns {cols}; use the same tiers in "
                         "the same order (best first).")
    return rows


def weighted_kappa(
    before: pd.Series,
    after: pd.Series,
    *,
    weights: str | None = "linear",
    tiers: Sequence[str] | None = None,
) -> float:
    """Cohen's κ between two tierings of the customers tiered both times, with weights for ordered tiers.

    κ = 1 − Σ wᵢⱼ Oᵢⱼ / Σ wᵢⱼ Eᵢⱼ, where O is the share of customers in each (before, after)
    cell, E the share expected by chance (product of the two tierings' tier shares) and w the
    disagreement weight: ``|i − j| / (k − 1)`` (linear), its square (quadratic) or 1 off the
    diagonal (``None``, Cohen's unweighted κ). Same value as
    ``sklearn.metrics.cohen_kappa_score(..., weights=...)``.

    Parameters
    ----------
    before : Series
        Tier of each customer at the first period end (index = customer id).
    after : Series
        Tier of each customer at the next period end.
    weights : {"linear", "quadratic", None}, default "linear"
        How much a move of several tiers counts.
    tiers : sequence of str, optional
        The tiers, best first (default as in :func:`transition_matrix`).

    Returns
    -------
    float
        1 when nobody moved, about 0 when the tiers after are no better than chance, negative
        when customers tend to swap. NaN when the expected disagreement is 0 (everybody in one tier).

    Raises
    ------
    ValueError
        If ``weights`` is unknown, no customer is tiered both times, or a tier is unknown.

    Examples
    --------
    >>> round(weighted_kappa(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC"), 4)
    0.5
    >>> weighted_kappa(pd.Series(list("ABC")), pd.Series(list("ABC")))
    1.0
    """
    if weights not in ("linear", "quadratic", None):
        raise ValueError(f"weights must be 'linear', 'quadratic' or None; got {weights!r}.")
    observed = stayers_matrix(before, after, tiers=tiers, shares=False).to_numpy(dtype=float)
    n = observed.sum()
    if n == 0:
        raise ValueError("no customer is tiered both times, so the two tierings cannot be compared.")
    k = len(observed)
    i, j = np.indices((k, k))
    if weights is None:
        w = (i != j).astype(float)
    else:
        w = np.abs(i - j) / max(k - 1, 1)
        if weights == "quadratic":
            w = w ** 2
    o = observed / n
    e = np.outer(o.sum(axis=1), o.sum(axis=0))
    expected = (w * e).sum()
    if expected == 0:
        return float("nan")
    return float(1 - (w * o).sum() / expected)


def spearman_rho(before: pd.Series, after: pd.Series, *, tiers: Sequence[str] | None = None) -> float:
    """Spearman's rank correlation between the two tierings of the customers tiered both times.

    The tiers are numbered best first (1, 2, …); tied customers get their average rank, as in
    ``scipy.stats.spearmanr``; ρ is the correlation of those ranks.

    Parameters
    ----------
    before : Series
        Tier of each customer at the first period end (index = customer id).
    after : Series
        Tier of each customer at the next period end.
    tiers : sequence of str, optional
        The tiers, best first (default as in :func:`transition_matrix`).

    Returns
    -------
    float
        From −1 to 1: 1 when customers keep their order; NaN when one tiering puts everybody in
        the same tier (no order to keep).

    Raises
    ------
    ValueError
        If no customer is tiered both times, or a tier is unknown.

    Examples
    --------
    >>> round(spearman_rho(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC"), 4)
    0.5556
    """
    frame, order = _tiers_frame(before, after, tiers)
    both = frame.dropna()
    if both.empty:
        raise ValueError("no customer is tiered both times, so the two tierings cannot be compared.")
    position = {t: i for i, t in enumerate(order)}
    x = both["before"].map(position).astype(float).rank()
    y = both["after"].map(position).astype(float).rank()
    if x.std(ddof=0) == 0 or y.std(ddof=0) == 0:
        return float("nan")
    return float(np.corrcoef(x.to_numpy(), y.to_numpy())[0, 1])


def shorrocks_index(shares: pd.DataFrame | np.ndarray) -> float:
    """Shorrocks' mobility index M = (k − trace P) / (k − 1) of a square matrix of row shares.

    Parameters
    ----------
    shares : DataFrame or array
        A k × k matrix whose rows add up to 1, e.g. :func:`stayers_matrix` (customers tiered
        both times). The full matrix with ``new`` and ``lapsed`` is not square: pass
        ``stayers_matrix(before, after)`` instead.

    Returns
    -------
    float
        0 when nobody changes tier, 1 when the tier after does not depend on the tier before
        (every row the same); above 1 when customers tend to swap.

    Raises
    ------
    ValueError
        If the matrix is not square, has fewer than two tiers, or a row does not add up to 1.

    Examples
    --------
    >>> shorrocks_index(np.eye(3)), shorrocks_index(np.full((3, 3), 1 / 3))
    (0.0, 1.0)
    >>> round(shorrocks_index(stayers_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC")), 4)
    0.5
    """
    p = np.asarray(shares, dtype=float)
    if isinstance(shares, pd.DataFrame) and (NEW in shares.index or LAPSED in shares.columns):
        raise ValueError("shorrocks_index needs the square matrix of the customers tiered both times; "
                         "pass stayers_matrix(before, after), not the matrix with new and lapsed.")
    if p.ndim != 2 or p.shape[0] != p.shape[1] or p.shape[0] < 2:
        raise ValueError(f"shorrocks_index needs a square matrix of at least 2 × 2; got shape {p.shape}.")
    sums = p.sum(axis=1)
    if np.isnan(p).any() or not np.allclose(sums, 1.0, atol=1e-9):
        raise ValueError(f"every row must add up to 1 (row shares); the row sums are {np.round(sums, 4).tolist()}. "
                         "Use shares=True, and tiers that hold at least one customer.")
    k = p.shape[0]
    return float((k - np.trace(p)) / (k - 1))


def stability_summary(before: pd.Series, after: pd.Series, *, tiers: Sequence[str] | None = None) -> pd.Series:
    """The stability of a tiering between two period ends, in one Series (see :data:`MEASURES`).

    Parameters
    ----------
    before : Series
        Tier of each customer at the first period end (index = customer id).
    after : Series
        Tier of each customer at the next period end.
    tiers : sequence of str, optional
        The tiers, best first (default as in :func:`transition_matrix`).

    Returns
    -------
    Series
        ``customers_before``, ``customers_after``, ``new`` (customers), ``stay_share`` (of the
        customers tiered before, the share in the same tier after), ``lapse_rate`` (of them, the
        share not tiered after), ``kappa_linear``, ``kappa_quadratic``, ``spearman`` and
        ``shorrocks`` (the last four on the customers tiered both times). A measure that cannot be
        computed is missing (NaN): the shares when nobody was tiered before, the last four when
        nobody was tiered both times, Shorrocks' M when a tier holds none of those customers.

    Examples
    --------
    >>> stability_summary(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC").round(3).to_dict()
    ... # doctest: +NORMALIZE_WHITESPACE
    {'customers_before': 8.0, 'customers_after': 7.0, 'new': 2.0, 'stay_share': 0.375, 'lapse_rate': 0.375,
     'kappa_linear': 0.5, 'kappa_quadratic': 0.643, 'spearman': 0.556, 'shorrocks': 0.5}
    """
    counts = transition_matrix(before, after, tiers=tiers)
    order = _matrix_tiers(counts)
    tiered_before = float(counts.loc[order].to_numpy().sum())
    stayers = stayers_matrix(before, after, tiers=order)
    compared = bool(counts.loc[order, order].to_numpy().sum() > 0)
    nan = float("nan")
    return pd.Series({
        "customers_before": tiered_before,
        "customers_after": float(counts.loc[:, order].to_numpy().sum()),
        "new": float(counts.loc[NEW, order].sum()),
        "stay_share": float(np.trace(counts.loc[order, order].to_numpy())) / tiered_before if tiered_before else nan,
        "lapse_rate": float(counts.loc[order, LAPSED].sum()) / tiered_before if tiered_before else nan,
        "kappa_linear": weighted_kappa(before, after, weights="linear", tiers=order) if compared else nan,
        "kappa_quadratic": weighted_kappa(before, after, weights="quadratic", tiers=order) if compared else nan,
        "spearman": spearman_rho(before, after, tiers=order) if compared else nan,
        "shorrocks": nan if stayers.isna().any().any() else shorrocks_index(stayers),
    }, name="stability")


def chain_matrix(shares: pd.DataFrame) -> pd.DataFrame:
    """The square Markov chain over the tiers and *lapsed* (absorbing), from a matrix of row shares.

    The *new* row is left out (it is the inflow's split, used by :func:`project_tiers`), and a
    lapsed customer stays lapsed: the chain every customer of today follows.

    Parameters
    ----------
    shares : DataFrame
        Row shares from ``transition_matrix(..., shares=True)``.

    Returns
    -------
    DataFrame
        ``tiers + ["lapsed"]`` × ``tiers + ["lapsed"]``, rows adding up to 1.

    Raises
    ------
    ValueError
        If a tier row is missing (a tier without customers before) or does not add up to 1.

    Examples
    --------
    >>> p = chain_matrix(transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True))
    >>> p.round(3)
    after       A      B    C  lapsed
    before
    A       0.333  0.333  0.0   0.333
    B       0.333  0.333  0.0   0.333
    C       0.000  0.000  0.5   0.500
    lapsed  0.000  0.000  0.0   1.000
    """
    order = _matrix_tiers(shares)
    block = shares.loc[order].astype(float)
    if block.isna().any().any() or not np.allclose(block.sum(axis=1), 1.0, atol=1e-9):
        raise ValueError("every tier row must add up to 1 (row shares, shares=True), and every tier must hold "
                         "customers before; a tier without customers has no transition to project.")
    lapsed_row = pd.DataFrame([[0.0] * len(order) + [1.0]], index=[LAPSED], columns=block.columns)
    out = pd.concat([block, lapsed_row])
    out.index.name, out.columns.name = "before", "after"
    return out


def _check_new_row(shares: pd.DataFrame, order: list[str]) -> np.ndarray:
    row = shares.loc[NEW, order].to_numpy(dtype=float)
    if np.isnan(row).any() or not np.isclose(row.sum(), 1.0, atol=1e-9):
        raise ValueError("the 'new' row must hold row shares adding up to 1: how new customers split over the "
                         "tiers. Compute the matrix with shares=True from data with new customers.")
    return row


def project_tiers(
    sizes: pd.Series,
    shares: pd.DataFrame,
    *,
    inflow: float = 0.0,
    steps: int = 4,
) -> pd.DataFrame:
    """Tier sizes period after period if the matrix stays as it is (a Markov-chain projection).

    Each period, every tier's customers split as the tier's row says (some lapse), and ``inflow``
    new customers join, split as the ``new`` row says:
    ``n(t+1) = n(t) · Q + inflow · p_new``, with Q the tier × tier block.

    Parameters
    ----------
    sizes : Series
        Customers per tier now (index = tiers), e.g. the column sums of the latest count matrix.
    shares : DataFrame
        Row shares from ``transition_matrix(..., shares=True)``.
    inflow : float, default 0.0
        New customers per period. ``0`` is the classic mistake of leaving new customers out:
        every tier then shrinks toward zero.
    steps : int, default 4
        How many periods to project.

    Returns
    -------
    DataFrame
        Indexed by period ``0 … steps`` (``period``, 0 = ``sizes``): one column per tier (best
        first) and ``total``.

    Raises
    ------
    ValueError
        If ``inflow`` is negative, ``steps`` is below 1, a tier of the matrix is missing from
        ``sizes``, or a row of the matrix is not a set of shares.

    Examples
    --------
    >>> shares = transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True)
    >>> now = pd.Series({"A": 2, "B": 3, "C": 2})
    >>> project_tiers(now, shares, steps=2).round(2)["total"].tolist()     # nobody joins: the base melts
    [7.0, 4.33, 2.72]
    >>> project_tiers(now, shares, inflow=2, steps=2).round(2)["total"].tolist()
    [7.0, 6.33, 5.89]
    """
    if inflow < 0:
        raise ValueError(f"inflow is a number of new customers per period, at least 0; got {inflow!r}.")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a whole number of at least 1; got {steps!r}.")
    chain = chain_matrix(shares)
    order = [t for t in chain.index if t != LAPSED]
    missing = [t for t in order if t not in sizes.index]
    if missing:
        raise ValueError(f"sizes has no value for tier(s) {missing}; give the number of customers in every tier.")
    q = chain.loc[order, order].to_numpy()
    entry = _check_new_row(shares, order) * inflow if inflow > 0 else np.zeros(len(order))
    n = sizes.reindex(order).to_numpy(dtype=float)
    rows = [n]
    for _ in range(steps):
        n = n @ q + entry
        rows.append(n)
    out = pd.DataFrame(rows, columns=order, index=pd.RangeIndex(0, steps + 1, name="period"))
    out.columns.name = None
    out["total"] = out[order].sum(axis=1)
    return out


def steady_state(shares: pd.DataFrame, inflow: float) -> pd.Series:
    """The tier sizes a projection with a constant ``inflow`` settles at: ``inflow · p_new (I − Q)⁻¹``.

    Parameters
    ----------
    shares : DataFrame
        Row shares from ``transition_matrix(..., shares=True)``.
    inflow : float
        New customers per period (at least 0).

    Returns
    -------
    Series
        Customers per tier in the long run (index = tiers, best first), named ``"steady_state"``.

    Raises
    ------
    ValueError
        If ``inflow`` is negative, the rows are not shares, or no customer ever lapses (the base
        then grows without limit).

    Examples
    --------
    >>> shares = transition_matrix(TEN_CUSTOMERS["before"], TEN_CUSTOMERS["after"], tiers="ABC", shares=True)
    >>> steady_state(shares, 2).round(2).tolist()
    [1.0, 2.0, 2.0]
    """
    if inflow < 0:
        raise ValueError(f"inflow is a number of new customers per period, at least 0; got {inflow!r}.")
    chain = chain_matrix(shares)
    order = [t for t in chain.index if t != LAPSED]
    q = chain.loc[order, order].to_numpy()
    entry = _check_new_row(shares, order) * inflow
    try:
        level = np.linalg.solve((np.eye(len(order)) - q).T, entry)
    except np.linalg.LinAlgError:
        raise ValueError("no customer ever lapses in this matrix, so with new customers joining the base grows "
                         "without limit: there is no steady state.") from None
    return pd.Series(level, index=order, name="steady_state")


@shared_docs
def tier_summary(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    tiers: pd.Series,
    start: object = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.DataFrame:
    """Per tier: customers and the value they brought in the period from ``start`` to ``as_of``.

    ``average_value`` is what a customer of the tier brings in one period: the reward ``R``
    of :func:`customer_value`.

    Parameters
    ----------
    {transactions}
    {as_of}
    tiers : Series
        Tier of each customer (index = customer id), e.g. from :func:`tiers_at` for the same period.
        Customers with no row in the period count with 0.
    start : date-like, optional
        First day of the period; ``None`` uses every row before ``as_of``.
    {customer}
    {date}
    {amount}

    Returns
    -------
    DataFrame
        Indexed by tier (best first for a categorical): ``customers``, ``customer_share``, ``value``,
        ``value_share`` and ``average_value`` (CONTRIBUTING.md, "Columns of summaries").

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "c", "a"],
    ...                    "date": pd.to_datetime(["2025-01-05", "2025-02-01", "2025-03-01", "2025-07-02"]),
    ...                    "revenue": [90.0, 8.0, 2.0, 10.0]})
    >>> t = tiers_at(tx, "2025-07-01", start="2025-01-01")
    >>> tier_summary(tx, "2025-07-01", tiers=t, start="2025-01-01")[["customers", "average_value"]]
          customers  average_value
    tier
    A             1           90.0
    B             1            8.0
    C             1            2.0
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "tier_summary")
    end = resolve_as_of(transactions, as_of, date=date)
    window = _window(transactions, None if start is None else pd.Timestamp(start), end, date)
    value = window.groupby(customer)[amount].sum().reindex(tiers.index).fillna(0.0).astype(float)
    if isinstance(tiers.dtype, pd.CategoricalDtype):
        order = list(tiers.cat.categories)
    else:
        order = sorted(tiers.dropna().astype(str).unique())
    groups = tiers.astype(object).to_numpy()
    grouped = value.groupby(groups)
    out = pd.DataFrame({"customers": grouped.size(), "value": grouped.sum()}).reindex(order, fill_value=0)
    out["customers"] = out["customers"].astype("int64")
    out["customer_share"] = out["customers"] / out["customers"].sum()
    out["value_share"] = out["value"] / out["value"].sum()
    out["average_value"] = (out["value"] / out["customers"].replace(0, np.nan)).fillna(0.0)
    out.index.name = "tier"
    return out[["customers", "customer_share", "value", "value_share", "average_value"]]


def customer_value(
    P: pd.DataFrame | np.ndarray,  # noqa: N803 - the matrix's name in Pfeifer & Carraway (2000)
    R: pd.Series | np.ndarray | Sequence[float],  # noqa: N803
    discount: float,
) -> pd.Series:
    """Expected discounted value of a customer in each state (Pfeifer & Carraway 2000): ``(I − P/(1+d))⁻¹ R``.

    A customer in state i brings ``R[i]`` this period, then moves as row i of ``P`` says; what
    they bring in period t is worth ``1/(1+d)^t`` today. The value is the sum over all future
    periods, ``V = Σₜ (P/(1+d))ᵗ R``, which is the closed form above.

    Parameters
    ----------
    P : DataFrame or array
        Square matrix of transition shares (rows add up to 1, or less when customers leave the
        model), e.g. :func:`chain_matrix` with lapsed as an absorbing state.
    R : Series, array or sequence of float
        Value a customer brings in one period in each state, in the order of ``P``'s rows (a
        Series is aligned on ``P``'s index; the lapsed state brings 0).
    discount : float
        Discount rate per period (e.g. 0.05 for 5% per half-year), at least 0.

    Returns
    -------
    Series
        Named ``"customer_value"``: one value per state (index = ``P``'s index, or 0 … k−1).

    Raises
    ------
    ValueError
        If ``P`` is not square, a share is negative or a row adds up to more than 1, ``R`` has the
        wrong length or misses a state, ``discount`` is negative, or the sum does not converge
        (``discount`` 0 with customers who never leave).

    Examples
    --------
    >>> # one state kept with probability 0.8, ¥100 a period, 10% discount: 100 · 1.1 / 0.3
    >>> round(float(customer_value([[0.8]], [100.0], 0.10).iloc[0]), 2)
    366.67
    >>> p = pd.DataFrame([[0.7, 0.3], [0.0, 1.0]], index=["A", "lapsed"], columns=["A", "lapsed"])
    >>> customer_value(p, pd.Series({"A": 100.0, "lapsed": 0.0}), 0.1).round(2).to_dict()
    {'A': 275.0, 'lapsed': 0.0}
    """
    p = np.asarray(P, dtype=float)
    if p.ndim != 2 or p.shape[0] != p.shape[1]:
        raise ValueError(f"P must be a square matrix of transition shares; got shape {p.shape}.")
    if np.isnan(p).any() or (p < -1e-12).any() or (p.sum(axis=1) > 1 + 1e-9).any():
        raise ValueError("P must hold shares: none missing or negative, and no row adding up to more than 1.")
    if discount < 0:
        raise ValueError(f"discount is a rate per period such as 0.05; got {discount!r}.")
    index = P.index if isinstance(P, pd.DataFrame) else pd.RangeIndex(len(p))
    if isinstance(R, pd.Series):
        missing = [s for s in index if s not in R.index]
        if missing:
            raise ValueError(f"R has no value for state(s) {missing}; give the value per period of every state "
                             "(0 for lapsed).")
        r = R.reindex(index).to_numpy(dtype=float)
    else:
        r = np.asarray(R, dtype=float).ravel()
    if r.shape[0] != p.shape[0]:
        raise ValueError(f"R has {r.shape[0]} value(s) for {p.shape[0]} state(s); give one per row of P.")
    a = np.eye(len(p)) - p / (1 + discount)
    if abs(np.linalg.det(a)) < 1e-12:
        raise ValueError("the discounted sum does not converge: with discount 0 some customers never leave. "
                         "Use a discount rate above 0.")
    return pd.Series(np.linalg.solve(a, r), index=index, name="customer_value")
