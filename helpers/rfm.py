"""RFM: recency, frequency and monetary value per customer, their scores and segments.

Compute layer: pure functions on DataFrames. No plotting, no printing.

RFM (最近一次消费 Recency, 消费频率 Frequency, 消费金额 Monetary) means different
things in different tools. The kit can reproduce each of them exactly, chosen by
name, and has its own default for teaching:

==================  ===================================  ==============================  ============================
convention          recency                              frequency                       monetary
==================  ===================================  ==============================  ============================
``"kit"``           whole days from the last purchase    distinct purchase days          net total (returns netted)
                    day to ``as_of``                     (rows with amount > 0)
``"r_rfm"``         days (with fractions) from the last  all order rows                  sum
                    order to ``as_of`` (R ``rfm``)
``"pymc"``          days from the last purchase day to   distinct purchase days          mean of the day totals
                    ``as_of`` (``rfm_segments``)
``"lifetimes"``     days from the first to the last      distinct purchase days − 1      mean of the repeat-day
                    purchase day (``rfm_summary``,       (repeat purchases)              totals, 0 without repeats
                    ``summary_data_from_transaction_
                    data``)
==================  ===================================  ==============================  ============================

``tenure`` is always the days from the first purchase to ``as_of`` (``T`` in
lifetimes / PyMC-Marketing).

Scores (:func:`rfm_scores`):

* ``"kit"``: quintiles by rank. A customer's score is ``1 + floor(bins × share of
  customers with a strictly worse value)``, so **tied customers always share a
  score** and a score can be skipped when many customers tie (if 60% bought once,
  all of them get F = 1 and the next score is 4). Recency is reversed: fewer
  days, higher score.
* ``"r_rfm"``: R package ``rfm`` (``rfm_table_order``): cut points are the type-7
  quantiles at 1/bins … (bins−1)/bins **plus 1**; bins are ``[lower, upper)``
  from the minimum to the maximum + 1; recency scores are reversed.
* ``"pymc"``: PyMC-Marketing ``rfm_segments``: ``pd.qcut`` into quartiles with
  duplicate edges dropped (fewer labels when edges coincide); recency reversed.

The combined score is ``100 R + 10 F + M`` (an integer) for ``"kit"`` and
``"r_rfm"``, and the string ``"RFM"`` for ``"pymc"``, as in each tool.

Segments (:func:`rfm_segments`): an ordered table of score ranges where the
**first** match wins and everybody else is "Others" (R ``rfm_segment``), or a
mapping of score strings to segment names where a **later** entry overrides an
earlier one and the rest is "Other" (PyMC-Marketing).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import _rfm_fast as _fast
from helpers._common import default_as_of, require_columns, resolve_as_of
from helpers._docs import shared_docs
from helpers.catalog import LABELS, label, sentence

__all__ = [
    "CONVENTIONS",
    "SegmentRule",
    "KIT_SEGMENTS",
    "R_SEGMENTS",
    "PYMC_SEGMENTS",
    "KIT_TIERS",
    "KIT_GOALS",
    "KIT_ACTIONS",
    "segment_playbook",
    "convention_tables",
    "compare_conventions",
    "default_as_of",
    "rfm_table",
    "rfm_table_pandas",
    "kit_scores",
    "r_rfm_scores",
    "pymc_scores",
    "rfm_scores",
    "rfm_segments",
    "segment_tiers",
    "segment_summary",
    "rfm",
]

#: The table conventions :func:`rfm_table` can reproduce.
CONVENTIONS: tuple[str, ...] = ("kit", "r_rfm", "pymc", "lifetimes")

DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class SegmentRule:
    """One row of an ordered segment table: a name and inclusive score ranges.

    Parameters
    ----------
    name : str
        The segment's name, e.g. ``"champions"``.
    r, f, m : (int, int)
        The lowest and highest recency, frequency and monetary score (both ends included)
        a customer needs to be in the segment; ``(1, 5)`` accepts any score with 5 bins.

    Examples
    --------
    >>> rule = SegmentRule("champions", r=(4, 5), f=(4, 5), m=(4, 5))
    >>> rule.matches(5, 4, 4), rule.matches(3, 5, 5)
    (True, False)
    """

    name: str
    r: tuple[int, int]
    f: tuple[int, int]
    m: tuple[int, int]

    def matches(self, r: int, f: int, m: int) -> bool:
        """True when the three scores fall inside the rule's ranges (both ends included).

        Parameters
        ----------
        r, f, m : int
            A customer's recency, frequency and monetary score.

        Returns
        -------
        bool
            Whether the customer belongs to this segment (ignoring the rules before it).
        """
        return self.r[0] <= r <= self.r[1] and self.f[0] <= f <= self.f[1] and self.m[0] <= m <= self.m[1]


#: The kit's segments (first match wins). Every score combination matches one rule.
KIT_SEGMENTS: tuple[SegmentRule, ...] = (
    SegmentRule("champions", (4, 5), (4, 5), (4, 5)),
    SegmentRule("cant_lose", (1, 2), (4, 5), (4, 5)),
    SegmentRule("loyal", (3, 5), (3, 5), (1, 5)),
    SegmentRule("at_risk", (1, 2), (3, 5), (1, 5)),
    SegmentRule("new", (4, 5), (1, 2), (1, 5)),
    SegmentRule("promising", (3, 3), (1, 2), (1, 5)),
    SegmentRule("lost", (1, 2), (1, 2), (1, 5)),
)

#: The segment table of the R package ``rfm`` documentation (``rfm_segment`` example), in its order.
R_SEGMENTS: tuple[SegmentRule, ...] = tuple(
    SegmentRule(name, (rl, ru), (fl, fu), (ml, mu))
    for name, rl, ru, fl, fu, ml, mu in zip(
        ["Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers",
         "Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost"],
        [5, 3, 2, 3, 4, 1, 1, 1, 2, 1], [5, 5, 4, 4, 5, 2, 2, 3, 3, 1],
        [5, 3, 2, 1, 1, 3, 2, 3, 1, 1], [5, 5, 4, 3, 3, 4, 5, 5, 3, 5],
        [5, 2, 2, 3, 1, 4, 4, 3, 1, 1], [5, 5, 4, 5, 5, 5, 5, 5, 4, 5],
    )
)

#: PyMC-Marketing's default ``segment_config`` of ``rfm_segments`` (score strings "RFM").
PYMC_SEGMENTS: dict[str, list[str]] = {
    "Premium Customer": ["334", "443", "444", "344", "434", "433", "343", "333"],
    "Repeat Customer": ["244", "234", "232", "332", "143", "233", "243"],
    "Top Spender": ["424", "414", "144", "314", "324", "124", "224", "423", "413", "133", "323", "313", "134"],
    "At Risk Customer": ["422", "223", "212", "122", "222", "132", "322", "312", "412", "123", "214"],
    "Inactive Customer": ["411", "111", "113", "114", "112", "211", "311"],
}

#: The three business tiers of the source material (VIP / regular / potential) for the kit's segments.
KIT_TIERS: dict[str, str] = {
    "champions": "VIP",
    "cant_lose": "VIP",
    "loyal": "regular",
    "at_risk": "regular",
    "new": "potential",
    "promising": "potential",
    "lost": "potential",
    "Others": "potential",
}

#: The segments the kit's playbook speaks about: its own, and "Others" for what no rule matched.
_PLAYBOOK_SEGMENTS: tuple[str, ...] = tuple(rule.name for rule in KIT_SEGMENTS) + ("Others",)

#: The goal per kit segment (what the first action is for), in English; the texts, in both
#: languages, live in the catalog (``rfm_goal_<segment>``; :func:`segment_playbook` with ``lang``).
KIT_GOALS: dict[str, str] = {name: label(f"rfm_goal_{name}") for name in _PLAYBOOK_SEGMENTS}

#: A suggested first action per kit segment (the notebook and exercise discuss them), in English;
#: the catalog has both languages (``rfm_action_<segment>``).
KIT_ACTIONS: dict[str, str] = {name: label(f"rfm_action_{name}") for name in _PLAYBOOK_SEGMENTS}


def _segment_name(name: str, lang: str) -> str:
    """A segment's name for a table in ``lang``: in English the name itself (what the code uses),
    in another language the catalog's (``seg_<name>``) when it has one."""
    key = f"seg_{name}"
    return label(key, lang) if lang != "en" and key in LABELS else name


@shared_docs
def rfm_table(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    convention: str = "kit",
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    no_purchase: str = "raise",
) -> pd.DataFrame:
    """One row per customer: ``recency``, ``frequency``, ``monetary`` and ``tenure`` (days).

    Parameters
    ----------
    transactions : DataFrame
        One row per order or order line; returns as negative rows are fine.
    as_of : date-like, optional
        The analysis date. Default: the day after the last transaction.
    convention : {"kit", "r_rfm", "pymc", "lifetimes"}, default "kit"
        Whose definitions to use (see the module notes). ``"kit"`` raises an error
        for transactions on or after ``as_of``; ``"pymc"`` and ``"lifetimes"``
        ignore transactions after the ``as_of`` day, as those tools do; ``"r_rfm"``
        keeps every row, as R's ``rfm`` does.
    {customer}
    {date}
    {amount}
    no_purchase : {"raise", "drop"}, default "raise"
        Kit convention only: what to do with customers who have rows but no
        purchase (only returns or zero amounts), so no recency. ``"raise"`` stops
        with their ids; ``"drop"`` leaves them out and lists them in
        ``result.attrs["excluded"]`` so the caller can report them.

    Returns
    -------
    DataFrame
        Indexed by customer (sorted), columns ``recency``, ``frequency``,
        ``monetary``, ``tenure``.

    Raises
    ------
    KeyError
        A column is missing (the message lists the columns).
    ValueError
        Unknown convention, missing values, or (kit) transactions after ``as_of``.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-05", "2025-01-08"]),
    ...                    "revenue": [10.0, 20.0, 40.0, 5.0]})
    >>> rfm_table(tx, "2025-01-10")
                 recency  frequency  monetary  tenure
    customer_id
    a                5.0          2      70.0     9.0
    b                2.0          1       5.0     2.0
    >>> rfm_table(tx, "2025-01-10", convention="r_rfm")["frequency"].tolist()
    [3, 1]
    >>> rfm_table(tx, "2025-01-10", convention="lifetimes").loc["a"].tolist()
    [4.0, 1.0, 40.0, 9.0]
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}.")
    if no_purchase not in ("raise", "drop"):
        raise ValueError(f"no_purchase must be 'raise' or 'drop'; got {no_purchase!r}.")
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "rfm_table")
    data = _fast.prepare(transactions, customer, date, amount)
    as_of_ts = resolve_as_of(transactions, as_of, date=date)
    if convention == "kit":
        return _fast.kit_table(data, as_of_ts, amount=amount, date=date, no_purchase=no_purchase)
    if convention == "r_rfm":
        return _fast.r_rfm_table(data, as_of_ts)
    return _fast.daily_table(data, as_of_ts, lifetimes=convention == "lifetimes")


@shared_docs
def rfm_table_pandas(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    convention: str = "kit",
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> pd.DataFrame:
    """The same table as :func:`rfm_table`, written with plain pandas: read this one to see the definitions.

    :func:`rfm_table` gives the same numbers many times faster (its tricks are in
    ``helpers/_rfm_fast.py``); the tests check that the two agree. This version
    raises where the data cannot be used but does not offer ``no_purchase="drop"``.

    Parameters
    ----------
    {transactions}
    {as_of}
    convention : {"kit", "r_rfm", "pymc", "lifetimes"}, default "kit"
        Whose definitions to use (see the module notes).
    {customer}
    {date}
    {amount}

    Returns
    -------
    DataFrame
        Indexed by customer (sorted), columns ``recency``, ``frequency``, ``monetary``, ``tenure``.

    Raises
    ------
    KeyError
        If a column is missing.
    ValueError
        If the convention is unknown, or (kit) there are transactions on or after ``as_of`` or
        customers without a purchase.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-05", "2025-01-08"]),
    ...                    "revenue": [10.0, 20.0, 40.0, 5.0]})
    >>> rfm_table_pandas(tx, "2025-01-10").equals(rfm_table(tx, "2025-01-10"))
    True
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}; got {convention!r}.")
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "rfm_table_pandas")
    end = resolve_as_of(transactions, as_of, date=date)
    tx = pd.DataFrame({"customer": transactions[customer].to_numpy(),
                       "when": pd.to_datetime(transactions[date]).to_numpy(),
                       "amount": transactions[amount].to_numpy(dtype=float)})
    tx["day"] = tx["when"].dt.floor("D")
    day_end = end.normalize()
    if convention == "r_rfm":  # every row is an order; days with fractions
        g = tx.groupby("customer")
        out = pd.DataFrame({"recency": (end - g["when"].max()).dt.total_seconds() / 86_400,
                            "frequency": g.size().astype("int64"),
                            "monetary": g["amount"].sum(),
                            "tenure": (end - g["when"].min()).dt.total_seconds() / 86_400})
    elif convention == "kit":  # purchase days (amount > 0), net money, whole days
        if (tx["when"] >= end).any():
            raise ValueError(f"transactions on or after as_of={end.date()}; filter the table first.")
        buys = tx[tx["amount"] > 0].groupby("customer")["day"]
        net = tx.groupby("customer")["amount"].sum()
        if not net.index.isin(buys.size().index).all():
            raise ValueError("some customers have no purchase with amount > 0; remove them first.")
        out = pd.DataFrame({"recency": (day_end - buys.max()).dt.days.astype(float),
                            "frequency": buys.nunique().astype("int64"),
                            "monetary": net,
                            "tenure": (day_end - buys.min()).dt.days.astype(float)})
    else:  # pymc / lifetimes: calendar days up to the as_of day, amounts summed per customer-day
        daily = tx[tx["day"] <= day_end].groupby(["customer", "day"])["amount"].sum().reset_index()
        g = daily.groupby("customer")
        first, last, count = g["day"].min(), g["day"].max(), g.size()
        if convention == "pymc":
            out = pd.DataFrame({"recency": (day_end - last).dt.days.astype(float),
                                "frequency": count.astype(float),
                                "monetary": g["amount"].sum() / count,
                                "tenure": (day_end - first).dt.days.astype(float)})
        else:
            repeats = count - 1
            first_amount = daily.loc[g["day"].idxmin(), ["customer", "amount"]].set_index("customer")["amount"]
            repeat_total = g["amount"].sum() - first_amount
            out = pd.DataFrame({"recency": (last - first).dt.days.astype(float),
                                "frequency": repeats.astype(float),
                                "monetary": (repeat_total / repeats.where(repeats > 0)).fillna(0.0),
                                "tenure": (day_end - first).dt.days.astype(float)})
    out.index.name = customer
    return out.sort_index()


def _check_bins(bins: int) -> int:
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 2:
        raise ValueError(f"bins must be a whole number of at least 2 (e.g. 5 for quintiles); got {bins!r}.")
    return int(bins)


def _strictly_below(x: np.ndarray) -> np.ndarray:
    """For each value, how many values are strictly smaller (ties get the same count)."""
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    low, high = x.min(), x.max()
    if high - low < 4 * n + 1024 and np.array_equal(x, np.floor(x)):
        # whole numbers in a short range (days, purchase counts): count them, no sort
        offset = (x - low).astype(np.int64)
        counts = np.bincount(offset)
        return (np.cumsum(counts) - counts)[offset]
    # otherwise: the sorted position of the first of each run of equal values
    order = np.argsort(x, kind="stable")
    xs = x[order]
    start = np.ones(n, dtype=bool)
    start[1:] = xs[1:] != xs[:-1]
    worse = np.empty(n, dtype=np.int64)
    worse[order] = np.maximum.accumulate(np.where(start, np.arange(n), 0))
    return worse


def kit_scores(values: pd.Series, bins: int = 5, higher_is_better: bool = True) -> pd.Series:
    """The kit's score: ``1 + floor(bins × share of customers with a strictly worse value)``.

    Tied customers always share a score; scores run from 1 to ``bins``. Values are
    compared after rounding to 6 decimals, so two totals of the same amounts that
    differ only by floating-point noise (e.g. 1251.12 and 1251.1200000000001) tie.

    Parameters
    ----------
    values : Series
        One value per customer (index = customer id), e.g. the ``frequency`` column of an
        :func:`rfm_table`.
    bins : int, default 5
        Number of score levels (5 = quintiles); at least 2.
    higher_is_better : bool, default True
        ``False`` for recency, where fewer days deserve the higher score.

    Returns
    -------
    Series
        Integer scores 1 … ``bins``, same index and name as ``values``.

    Raises
    ------
    ValueError
        If ``bins`` is not a whole number of at least 2 or a value is missing.

    Examples
    --------
    >>> kit_scores(pd.Series([1, 1, 1, 2, 5], index=list("abcde"))).tolist()
    [1, 1, 1, 4, 5]
    >>> kit_scores(pd.Series([3.0, 40.0, 10.0]), bins=3, higher_is_better=False).tolist()
    [3, 1, 2]
    """
    bins = _check_bins(bins)
    x = pd.to_numeric(values, errors="raise").to_numpy(dtype=float)
    if np.isnan(x).any():
        raise ValueError("values contain NaN; every customer needs a value before scoring.")
    # sums of the same amounts added in another order differ by ~1e-12: round so they tie
    x = np.round(x, 6)
    x = x if higher_is_better else -x
    n = len(x)
    worse = _strictly_below(x)
    # integer arithmetic: no float noise at the quintile edges
    score = 1 + (bins * worse) // n
    return pd.Series(score.astype("int64"), index=values.index, name=values.name)


def _r_quantile7(x: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """R's ``quantile(x, probs)`` (type 7), written as R computes it."""
    xs = np.sort(x)
    n = len(xs)
    index = 1 + max(n - 1, 0) * probs
    lo = np.floor(index).astype(int)
    hi = np.ceil(index).astype(int)
    qs = xs[lo - 1].astype(float)
    xhi = xs[hi - 1]
    i = (index > lo) & (xhi != qs)
    h = (index - lo)[i]
    qs[i] = (1 - h) * qs[i] + h * xhi[i]
    return qs


def r_rfm_scores(values: pd.Series, bins: int = 5, higher_is_better: bool = True) -> pd.Series:
    """Scores as R's ``rfm_table_order``: type-7 quantile cut points + 1, bins ``[lower, upper)``.

    The interior cut points are ``quantile(x, k / bins) + 1`` for k = 1 … bins − 1; the
    first bin starts at the minimum and the last ends at the maximum + 1. A value
    ``v`` is in bin i when ``lower_i <= v < upper_i`` (when cut points coincide, the
    last matching bin wins, as R's loop overwrites). For recency
    (``higher_is_better=False``) bin i scores ``bins + 1 - i``.

    Parameters
    ----------
    values : Series
        One value per customer (index = customer id), e.g. the ``monetary`` column of an
        ``rfm_table(..., convention="r_rfm")``.
    bins : int, default 5
        Number of score levels; at least 2.
    higher_is_better : bool, default True
        ``False`` for recency, where fewer days deserve the higher score.

    Returns
    -------
    Series
        Integer scores 1 … ``bins``, same index and name as ``values``.

    Raises
    ------
    ValueError
        If ``bins`` is not a whole number of at least 2 or a value is missing.

    Examples
    --------
    >>> v = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    >>> r_rfm_scores(v).tolist()   # cuts 2.8+1, 4.6+1, 6.4+1, 8.2+1 = 3.8, 5.6, 7.4, 9.2
    [1, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    """
    bins = _check_bins(bins)
    x = pd.to_numeric(values, errors="raise").to_numpy(dtype=float)
    if np.isnan(x).any():
        raise ValueError("values contain NaN; every customer needs a value before scoring.")
    by = (1.0 - 0.0) / bins
    probs = np.array([k * by for k in range(1, bins)])
    cuts = _r_quantile7(x, probs) + 1
    lower = np.concatenate([[x.min()], cuts])
    upper = np.concatenate([cuts, [x.max() + 1]])
    score = np.full(len(x), -1, dtype=np.int64)
    labels = np.arange(1, bins + 1)[::-1] if not higher_is_better else np.arange(1, bins + 1)
    for i in range(bins):
        score[(x >= lower[i]) & (x < upper[i])] = labels[i]
    return pd.Series(score, index=values.index, name=values.name)


def pymc_scores(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Quartile labels as PyMC-Marketing's ``rfm_segments``: ``pd.qcut(q=4, duplicates="drop")``.

    When edges coincide there are fewer bins and the labels shrink with them
    (1–3 or 1–2), exactly as ``rfm_segments`` retries; recency labels are reversed.

    Parameters
    ----------
    values : Series
        One value per customer (index = customer id), e.g. a column of an
        ``rfm_table(..., convention="pymc")``.
    higher_is_better : bool, default True
        ``False`` for recency, where fewer days deserve the higher label.

    Returns
    -------
    Series
        Integer labels 1 … 4 (fewer when quartile edges coincide), same index and name as ``values``.

    Raises
    ------
    ValueError
        If every customer has the same value, so no quartiles can be cut.

    Examples
    --------
    >>> pymc_scores(pd.Series([1, 2, 3, 4, 5, 6, 7, 8])).tolist()
    [1, 1, 2, 2, 3, 3, 4, 4]
    >>> pymc_scores(pd.Series([1, 1, 1, 1, 1, 2, 3, 9])).tolist()   # edges 1, 1, 1, 2.25, 9
    [1, 1, 1, 1, 1, 1, 2, 2]
    """
    x = pd.to_numeric(values, errors="raise").astype(float)
    edges = np.unique(x.quantile([0, 0.25, 0.5, 0.75, 1]).to_numpy())
    nbins = len(edges) - 1
    if nbins < 2:
        raise ValueError(
            f"{values.name or 'values'}: all customers have the same value, so quartiles cannot be cut "
            "(rfm_segments fails here too). Use another measure or a longer period."
        )
    codes = np.searchsorted(edges, x.to_numpy(), side="left")
    codes[x.to_numpy() == edges[0]] = 1
    labels = np.arange(1, nbins + 1)
    if not higher_is_better:
        labels = labels[::-1]
    return pd.Series(labels[codes - 1].astype("int64"), index=values.index, name=values.name)


def rfm_scores(table: pd.DataFrame, convention: str = "kit", bins: int = 5) -> pd.DataFrame:
    """Add ``r_score``, ``f_score``, ``m_score`` and ``rfm_score`` to an :func:`rfm_table`.

    Parameters
    ----------
    table : DataFrame
        An :func:`rfm_table`: ``recency``, ``frequency`` and ``monetary`` per customer.
    convention : {"kit", "r_rfm", "pymc"}, default "kit"
        Whose scores: ``"pymc"`` always uses quartiles (``bins`` is ignored) and gives the score
        as the string ``"RFM"``; the others give ``100 R + 10 F + M``.
    bins : int, default 5
        Number of score levels (5 = quintiles).

    Returns
    -------
    DataFrame
        A copy of ``table`` with ``r_score``, ``f_score``, ``m_score`` and ``rfm_score`` added.

    Raises
    ------
    KeyError
        If ``table`` lacks ``recency``, ``frequency`` or ``monetary``.
    ValueError
        If ``convention`` or ``bins`` is not one of the allowed values.

    Examples
    --------
    >>> t = pd.DataFrame({"recency": [5.0, 1.0, 30.0], "frequency": [2, 6, 1], "monetary": [50.0, 900.0, 10.0]},
    ...                  index=["a", "b", "c"])
    >>> rfm_scores(t, bins=3)[["r_score", "f_score", "m_score", "rfm_score"]]
       r_score  f_score  m_score  rfm_score
    a        2        2        2        222
    b        3        3        3        333
    c        1        1        1        111
    """
    require_columns(table, ["recency", "frequency", "monetary"], "rfm_scores")
    out = table.copy()
    if convention == "kit":
        score = lambda col, hib: kit_scores(table[col], bins, hib)  # noqa: E731
    elif convention == "r_rfm":
        score = lambda col, hib: r_rfm_scores(table[col], bins, hib)  # noqa: E731
    elif convention == "pymc":
        score = lambda col, hib: pymc_scores(table[col], hib)  # noqa: E731
    else:
        raise ValueError(f"convention must be 'kit', 'r_rfm' or 'pymc' for scores; got {convention!r}.")
    # the lifetimes table's "recency" is an age (bigger = bought later), not days since
    out["r_score"] = score("recency", False)
    out["f_score"] = score("frequency", True)
    out["m_score"] = score("monetary", True)
    if convention == "pymc":
        out["rfm_score"] = out["r_score"].astype(str) + out["f_score"].astype(str) + out["m_score"].astype(str)
    else:
        out["rfm_score"] = 100 * out["r_score"] + 10 * out["f_score"] + out["m_score"]
    return out


def rfm_segments(
    scores: pd.DataFrame,
    segments: Sequence[SegmentRule] | Mapping[str, Sequence[str]] = KIT_SEGMENTS,
) -> pd.Series:
    """The segment of each customer, from an ordered rule table or a score-string mapping.

    Parameters
    ----------
    scores : DataFrame
        One row per customer with ``r_score``, ``f_score`` and ``m_score``, e.g. from :func:`rfm_scores`.
    segments : sequence of :class:`SegmentRule` or mapping, default :data:`KIT_SEGMENTS`
        Rules: the **first** matching rule wins, the rest are ``"Others"`` (R ``rfm``).
        Mapping ``{name: ["334", ...]}``: a later name overrides an earlier one and
        the rest are ``"Other"`` (PyMC-Marketing).

    Returns
    -------
    Series
        Named ``"segment"``: the segment name of each customer, same index as ``scores``.

    Raises
    ------
    KeyError
        If a score column is missing.

    Examples
    --------
    >>> s = pd.DataFrame({"r_score": [5, 1, 3], "f_score": [5, 5, 1], "m_score": [5, 5, 1]}, index=list("abc"))
    >>> rfm_segments(s).tolist()
    ['champions', 'cant_lose', 'promising']
    >>> rfm_segments(s, R_SEGMENTS).tolist()
    ['Champions', 'At Risk', 'About To Sleep']
    """
    require_columns(scores, ["r_score", "f_score", "m_score"], "rfm_segments")
    if isinstance(segments, Mapping):
        key = scores["r_score"].astype(str) + scores["f_score"].astype(str) + scores["m_score"].astype(str)
        out = np.full(len(scores), "Other", dtype=object)
        for name, codes in segments.items():
            out[key.isin([str(c) for c in codes]).to_numpy()] = name
        return pd.Series(out, index=scores.index, name="segment", dtype=object)
    r, f, m = (scores[c].to_numpy() for c in ("r_score", "f_score", "m_score"))
    if len(scores) and all(np.issubdtype(v.dtype, np.integer) for v in (r, f, m)):
        low, high = min(v.min() for v in (r, f, m)), max(v.max() for v in (r, f, m))
        if low >= 0 and high <= 20:
            # every score combination once (at most 21³), then one lookup per customer
            size = int(high) + 1
            grid = np.indices((size, size, size)).reshape(3, -1)
            names = _first_match(grid[0], grid[1], grid[2], segments)
            out = names[(r * size + f) * size + m]
            return pd.Series(out, index=scores.index, name="segment", dtype=object)
    return pd.Series(_first_match(r, f, m, segments), index=scores.index, name="segment", dtype=object)


def _first_match(r: np.ndarray, f: np.ndarray, m: np.ndarray, segments: Sequence[SegmentRule]) -> np.ndarray:
    """Name of the first rule each (r, f, m) matches, "Others" when none does."""
    out = np.full(len(r), "Others", dtype=object)
    done = np.zeros(len(r), dtype=bool)
    for rule in segments:
        hit = (~done & (r >= rule.r[0]) & (r <= rule.r[1]) & (f >= rule.f[0]) & (f <= rule.f[1])
               & (m >= rule.m[0]) & (m <= rule.m[1]))
        out[hit] = rule.name
        done |= hit
    return out


def segment_tiers(segments: pd.Series, mapping: Mapping[str, str] = KIT_TIERS) -> pd.Series:
    """Map segments to the three business tiers (VIP / regular / potential).

    Parameters
    ----------
    segments : Series
        The segment of each customer (index = customer id), e.g. from :func:`rfm_segments`.
    mapping : mapping of str to str, default :data:`KIT_TIERS`
        Segment name -> tier.

    Returns
    -------
    Series
        Named ``"tier"``: the tier of each customer, same index as ``segments``.

    Raises
    ------
    ValueError
        If a segment has no tier in ``mapping``, naming it, or a customer has no segment.

    Examples
    --------
    >>> segment_tiers(pd.Series(["champions", "new"], index=["a", "b"])).tolist()
    ['VIP', 'potential']
    """
    codes, names = pd.factorize(segments)
    unknown = sorted(set(names) - set(mapping))
    if unknown:
        raise ValueError(f"segments {unknown} have no tier; add them to the mapping, e.g. {{'{unknown[0]}': 'regular'}}.")
    if (codes < 0).any():
        raise ValueError(f"{int((codes < 0).sum())} customer(s) have no segment; compute the segments first.")
    tiers = np.array([mapping[name] for name in names], dtype=object)
    return pd.Series(tiers[codes], index=segments.index, name="tier", dtype=object)


def segment_summary(table: pd.DataFrame, segments: pd.Series, value: str = "monetary") -> pd.DataFrame:
    """Per segment: customers, share of customers, value, share of value and average value; largest value first.

    Parameters
    ----------
    table : DataFrame
        One row per customer, with the ``value`` column (e.g. an :func:`rfm_table`).
    segments : Series
        The segment of each customer, indexed like ``table``.
    value : str, default "monetary"
        The per-customer measure to add up (for the kit and R conventions ``monetary``
        is the customer's total revenue).

    Returns
    -------
    DataFrame
        Indexed by ``segment``: ``customers``, ``customer_share``, ``value``, ``value_share``,
        ``average_value`` (the summary columns of CONTRIBUTING.md).

    Examples
    --------
    >>> t = pd.DataFrame({"monetary": [60.0, 30.0, 10.0]}, index=list("abc"))
    >>> segment_summary(t, pd.Series(["x", "y", "y"], index=list("abc")))
             customers  customer_share  value  value_share  average_value
    segment
    x                1        0.333333   60.0          0.6           60.0
    y                2        0.666667   40.0          0.4           20.0
    """
    if not segments.index.equals(table.index):
        segments = segments.reindex(table.index)
        if segments.isna().any():
            raise ValueError(f"{int(segments.isna().sum())} customer(s) have no segment; compute the segments on the same table.")
    require_columns(table, {"value": value}, "segment_summary")
    grouped = table[value].groupby(segments.rename("segment").to_numpy())
    out = pd.DataFrame({"customers": grouped.size(), "value": grouped.sum()})
    out.index.name = "segment"
    out.insert(1, "customer_share", out["customers"] / out["customers"].sum())
    total = out["value"].sum()
    out["value_share"] = out["value"] / total if total else math.nan
    out["average_value"] = out["value"] / out["customers"]
    return out.sort_values(["value", "customers"], ascending=False)


@shared_docs
def rfm(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    convention: str = "kit",
    bins: int = 5,
    segments: Sequence[SegmentRule] | Mapping[str, Sequence[str]] | None = None,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    no_purchase: str = "raise",
) -> pd.DataFrame:
    """Table, scores and segment in one call, matching a tool end to end.

    ``convention="kit"`` (kit table, kit scores, :data:`KIT_SEGMENTS`, plus ``tier``),
    ``"r_rfm"`` (``rfm_table_order`` + ``rfm_segment`` with :data:`R_SEGMENTS`) or
    ``"pymc"`` (``rfm_segments`` with :data:`PYMC_SEGMENTS`). ``no_purchase`` is
    passed to :func:`rfm_table`; customers it drops are listed in ``result.attrs["excluded"]``.

    Parameters
    ----------
    {transactions}
    {as_of}
    convention : {"kit", "r_rfm", "pymc"}, default "kit"
        Whose table, scores and segments to use, end to end.
    bins : int, default 5
        Number of score levels (ignored by ``"pymc"``, which uses quartiles). The default
        segment tables are written for 5; with other values pass ``segments``.
    segments : sequence of SegmentRule or mapping, optional
        The segment table (see :func:`rfm_segments`). Default: the convention's own
        (:data:`KIT_SEGMENTS`, :data:`R_SEGMENTS` or :data:`PYMC_SEGMENTS`).
    {customer}
    {date}
    {amount}
    no_purchase : {"raise", "drop"}, default "raise"
        Kit convention: what to do with customers who have no purchase (see :func:`rfm_table`).

    Returns
    -------
    DataFrame
        Indexed by customer: the :func:`rfm_table` columns, the :func:`rfm_scores` columns and
        ``segment``; with the kit convention and its default segments also ``tier``.

    Raises
    ------
    ValueError
        If ``convention`` is not ``"kit"``, ``"r_rfm"`` or ``"pymc"``, or ``bins`` is not 5
        with a default segment table; and for the reasons of :func:`rfm_table`.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabcd"),
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-05", "2025-01-09"]),
    ...                    "revenue": [10.0, 30.0, 5.0, 20.0, 8.0]})
    >>> rfm(tx)[["rfm_score", "segment", "tier"]]
                 rfm_score    segment       tier
    customer_id
    a                  344      loyal    regular
    b                  111       lost  potential
    c                  213       lost  potential
    d                  312  promising  potential
    """
    if convention not in ("kit", "r_rfm", "pymc"):
        raise ValueError(f"convention must be 'kit', 'r_rfm' or 'pymc' for scoring; got {convention!r}.")
    if segments is None and convention != "pymc" and bins != 5:
        raise ValueError(f"the default {convention!r} segment table is written for 5 bins; with bins={bins} "
                         "pass your own segments=[SegmentRule(...), ...].")
    table = rfm_table(transactions, as_of, convention=convention, customer=customer, date=date, amount=amount,
                      no_purchase=no_purchase)
    scored = rfm_scores(table, convention=convention, bins=bins)
    default = {"kit": KIT_SEGMENTS, "r_rfm": R_SEGMENTS, "pymc": PYMC_SEGMENTS}[convention]
    scored["segment"] = rfm_segments(scored, default if segments is None else segments)
    if convention == "kit" and segments is None:
        scored["tier"] = segment_tiers(scored["segment"])
    return scored


def _score_range(low: int, high: int, bins: int = 5) -> str:
    """"4–5", "3" or "any" for a rule's inclusive score range."""
    if (low, high) == (1, bins):
        return "any"
    return str(low) if low == high else f"{low}–{high}"


@shared_docs
def segment_playbook(
    segments: Sequence[SegmentRule] = KIT_SEGMENTS,
    tiers: Mapping[str, str] = KIT_TIERS,
    goals: Mapping[str, str] | None = None,
    actions: Mapping[str, str] | None = None,
    *,
    lang: str = "en",
) -> pd.DataFrame:
    """The segment table as people read it: score ranges, tier, goal and first action per segment, in rule order.

    Notebooks show this table instead of typing it, so the text and the rules never drift apart.

    Parameters
    ----------
    segments : sequence of SegmentRule, default :data:`KIT_SEGMENTS`
        The ordered rule table (first match wins).
    tiers : mapping, default :data:`KIT_TIERS`
        Segment name -> business tier.
    goals : mapping, optional
        Segment name -> goal. Default: the kit's goals from the catalog, in ``lang``
        (:data:`KIT_GOALS` in English).
    actions : mapping, optional
        Segment name -> first action. Default: the kit's actions from the catalog, in ``lang``
        (:data:`KIT_ACTIONS` in English).
    {lang}

    Returns
    -------
    DataFrame
        Indexed by ``segment``: ``r_range``, ``f_range``, ``m_range`` ("4–5", "3" or "any"),
        ``tier``, ``goal``, ``action``.

    Examples
    --------
    >>> segment_playbook().loc["champions", ["r_range", "m_range", "tier"]].tolist()
    ['4–5', '4–5', 'VIP']
    >>> segment_playbook().loc["loyal", "m_range"]
    'any'
    >>> segment_playbook(lang="zh").loc["new", ["goal", "action"]].tolist()
    ['促成第二次购买', '一组欢迎消息，加上第二次购买的优惠']
    """
    if goals is None:
        goals = {name: label(f"rfm_goal_{name}", lang) for name in _PLAYBOOK_SEGMENTS}
    if actions is None:
        actions = {name: label(f"rfm_action_{name}", lang) for name in _PLAYBOOK_SEGMENTS}
    rows = {rule.name: {"r_range": _score_range(*rule.r), "f_range": _score_range(*rule.f),
                        "m_range": _score_range(*rule.m), "tier": tiers.get(rule.name, ""),
                        "goal": goals.get(rule.name, ""), "action": actions.get(rule.name, "")}
            for rule in segments}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "segment"
    return out


@shared_docs
def convention_tables(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    conventions: Sequence[str] = ("kit", "r_rfm", "pymc"),
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
) -> dict[str, pd.DataFrame]:
    """One :func:`rfm_table` per convention, each with that tool's own analysis-date rule.

    The kit and R look back from ``as_of``; PyMC-Marketing's ``rfm_segments`` measures
    from the last transaction day, so its table uses the earlier of ``as_of`` and that day.
    Kit customers with no purchase (only returns or zero rows) are left out and listed in
    the table's ``attrs["excluded"]``.

    Parameters
    ----------
    {transactions}
    {as_of}
    conventions : sequence of str, default ("kit", "r_rfm", "pymc")
        The scoring conventions to compute.
    {customer}
    {date}
    {amount}

    Returns
    -------
    dict of str to DataFrame
        Convention name -> its RFM table.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-03", "2025-01-02"]),
    ...                    "revenue": [10.0, 5.0, 7.0]})
    >>> {k: len(v) for k, v in convention_tables(tx).items()}
    {'kit': 2, 'r_rfm': 2, 'pymc': 2}
    """
    end = resolve_as_of(transactions, as_of, date=date)
    last_day = pd.Timestamp(pd.to_datetime(transactions[date]).max()).normalize()
    columns = {"customer": customer, "date": date, "amount": amount}
    tables = {}
    for convention in conventions:
        if convention == "kit":
            tables[convention] = rfm_table(transactions, end, convention="kit", no_purchase="drop", **columns)
        elif convention == "pymc":
            tables[convention] = rfm_table(transactions, min(end, last_day), convention="pymc", **columns)
        else:
            tables[convention] = rfm_table(transactions, end, convention=convention, **columns)
    return tables


@shared_docs
def compare_conventions(
    datasets: Mapping[str, pd.DataFrame],
    as_of: object = None,
    *,
    conventions: Sequence[str] = ("kit", "r_rfm", "pymc"),
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    lang: str = "en",
) -> pd.DataFrame:
    """Same customers, several segmentations: per dataset and convention, how many segments and the largest.

    Parameters
    ----------
    datasets : mapping of name to DataFrame
        Transaction tables to compare, e.g. ``{"synthetic": tx, "online_retail": retail}``.
    as_of : date-like, optional
        The analysis date for every dataset; default: each dataset's own (see :func:`convention_tables`).
    conventions : sequence of str, default ("kit", "r_rfm", "pymc")
        The conventions to run end to end with :func:`rfm`.
    {customer}
    {date}
    {amount}
    lang : {"en", "zh"}, default "en"
        Language of ``largest_segment``, the segment's name and its share: English shows the name
        the segment table uses (``"loyal"``, ``"Potential Loyalist"``), Chinese the catalog's.

    Returns
    -------
    DataFrame
        Indexed by (``dataset``, ``convention``): ``customers``, ``n_segments``, ``largest_segment``
        (name and share of customers) and ``others_count`` (customers no rule matched).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": list("aabcd"),
    ...                    "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-05", "2025-01-09"]),
    ...                    "revenue": [10.0, 30.0, 5.0, 20.0, 8.0]})
    >>> compare_conventions({"toy": tx}, conventions=("kit",))[["customers", "n_segments"]].to_dict("records")
    [{'customers': 4, 'n_segments': 3}]
    >>> compare_conventions({"toy": tx}, conventions=("r_rfm",), lang="zh")["largest_segment"].tolist()
    ['潜在忠诚客户（25%）']
    """
    rows = []
    for name, data in datasets.items():
        tables = convention_tables(data, as_of, conventions=conventions, customer=customer, date=date, amount=amount)
        for convention, table in tables.items():
            scored = rfm_scores(table, convention=convention)
            default = {"kit": KIT_SEGMENTS, "r_rfm": R_SEGMENTS, "pymc": PYMC_SEGMENTS}[convention]
            counts = rfm_segments(scored, default).value_counts()
            rows.append({"dataset": name, "convention": convention, "customers": len(scored),
                         "n_segments": len(counts),
                         "largest_segment": sentence("name_share", lang, name=_segment_name(counts.index[0], lang),
                                                     share=counts.iloc[0] / len(scored)),
                         "others_count": int(counts.get("Others", 0) + counts.get("Other", 0))})
    return pd.DataFrame(rows).set_index(["dataset", "convention"])
