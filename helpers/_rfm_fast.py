"""The speed tricks behind :func:`helpers.rfm.rfm_table`, in one place.

:func:`helpers.rfm.rfm_table_pandas` computes the same tables with plain pandas ``groupby``: read it
first, it is the definition. This module gives the same numbers on a million rows in a fraction of the
time (``tests/benchmarks/bench_rfm.py``), and ``tests/test_rfm.py`` checks the two agree on random tables.

The tricks:

* **Customer codes once.** Customer ids are turned into integer codes that follow the sorted ids
  (:func:`prepare`): whole-number ids in a short range are counted (``np.bincount``), no hashing and no
  sort; text ids are factorised (Arrow-backed strings factorise fastest as they are) and only the
  distinct ids are sorted.
* **Group sums by counting.** Per-customer totals, first and last days are ``np.bincount`` and
  ``np.maximum.at`` / ``np.minimum.at`` on the codes: no groupby, no index alignment.
* **Distinct purchase days by a radix sort.** A (customer, day) pair becomes one unsigned 32-bit key;
  :func:`sorted_keys` sorts the keys in two stable passes on their 16-bit halves, which numpy
  radix-sorts; distinct days are then the changes in the sorted keys.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd


class Prepared(NamedTuple):
    """The transaction table as arrays: ``codes`` index into the sorted ``ids``.

    Attributes
    ----------
    codes : ndarray of int
        Per row, the position of its customer in ``ids``.
    ids : Index
        The distinct customer ids, sorted (named after the customer column).
    when : ndarray of datetime64[ns]
        Per row, the transaction time.
    amounts : ndarray of float
        Per row, the amount.
    rows : Index
        The table's row labels, to name rows in error messages.
    """

    codes: np.ndarray
    ids: pd.Index
    when: np.ndarray
    amounts: np.ndarray
    rows: pd.Index


def id_order(uniques: object) -> np.ndarray:
    """Positions that sort the distinct customer ids (first-appearance order if they cannot be compared)."""
    values = np.asarray(uniques) if not isinstance(uniques, pd.Index) else uniques
    if isinstance(values, pd.Index) and values.dtype != object:
        return values.argsort()  # Arrow strings and numbers: vectorised sort
    values = np.asarray(values)
    if values.dtype != object:
        return np.argsort(values, kind="stable")
    try:  # Python's sort of the distinct ids is faster than numpy's on objects
        return np.fromiter(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64, count=len(values))
    except TypeError:  # mixed id types: keep the order of first appearance
        return np.arange(len(values))


def prepare(transactions: pd.DataFrame, customer: str, date: str, amount: str) -> Prepared:
    """Validated arrays: customer codes (into sorted ids), ids, datetimes, amounts (columns already checked).

    Parameters
    ----------
    transactions : DataFrame
        The transaction table; :func:`helpers.rfm.rfm_table` has checked that the columns exist.
    customer, date, amount : str
        The column names.

    Returns
    -------
    Prepared

    Raises
    ------
    ValueError
        If the table is empty, or a date, amount or customer id is missing or unreadable (naming the rows).
    """
    if len(transactions) == 0:
        raise ValueError("no transactions given; RFM needs at least one purchase.")
    dates = transactions[date]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = pd.to_datetime(dates, errors="coerce")
    amounts = transactions[amount]
    if not pd.api.types.is_float_dtype(amounts):
        amounts = pd.to_numeric(amounts, errors="coerce")
    for name, values in ((date, dates), (amount, amounts)):
        bad = values.isna().to_numpy()
        if bad.any():
            where = list(transactions.index[bad][:5])
            raise ValueError(
                f"column {name!r}: {int(bad.sum())} missing or unreadable value(s) at rows {where}"
                f"{' …' if bad.sum() > 5 else ''}. Fix or remove those rows before computing RFM."
            )
    when, values = dates.to_numpy().astype("datetime64[ns]", copy=False), amounts.to_numpy(dtype=float)
    raw = transactions[customer]
    if pd.api.types.is_integer_dtype(raw.dtype) and not isinstance(raw.dtype, pd.api.extensions.ExtensionDtype):
        numbers = raw.to_numpy()
        low, high = int(numbers.min()), int(numbers.max())
        if high - low < 4 * len(numbers) + 1024:
            # whole-number ids in a short range (e.g. 12346–18287): count them, no hashing and no sort
            offset = (numbers - low).astype(np.int64)
            present = np.bincount(offset, minlength=high - low + 1) > 0
            rank = np.cumsum(present) - 1
            ids = pd.Index(np.flatnonzero(present) + low, name=customer).astype(numbers.dtype)
            return Prepared(rank[offset], ids, when, values, transactions.index)
    # Python-object strings hash fastest as a plain object array; Arrow-backed strings
    # (pandas with pyarrow installed) and numbers factorize fastest as they are.
    if getattr(raw.dtype, "storage", None) == "python":
        raw = raw.to_numpy()
    codes, uniques = pd.factorize(raw, sort=False)
    if (codes < 0).any():
        where = list(transactions.index[codes < 0][:5])
        raise ValueError(f"column {customer!r}: {int((codes < 0).sum())} row(s) without a customer at {where}. "
                         "RFM needs to know who bought: remove or fill them first.")
    order = id_order(uniques)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    ids = pd.Index(uniques.take(order) if isinstance(uniques, pd.Index) else np.asarray(uniques)[order], name=customer)
    return Prepared(rank[codes], ids, when, values, transactions.index)


def sorted_keys(keys: np.ndarray) -> np.ndarray:
    """Sorted copy of unsigned 32-bit keys: two stable passes on 16-bit halves (numpy radix-sorts those)."""
    if len(keys) < 100_000:
        return np.sort(keys)
    by_low = keys[np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")]
    return by_low[np.argsort((by_low >> 16).astype(np.uint16), kind="stable")]


def day_numbers(when: np.ndarray, as_of_ts: pd.Timestamp) -> tuple[np.int64, np.ndarray]:
    """The ``as_of`` day and each row's day as whole days since 1970 (floor)."""
    ref = np.datetime64(as_of_ts.normalize().date(), "D").astype(np.int64)
    return ref, when.view(np.int64) // 86_400_000_000_000


def r_rfm_table(data: Prepared, as_of_ts: pd.Timestamp) -> pd.DataFrame:
    """R ``rfm_table_order``: days with fractions, every row an order, amounts summed.

    Parameters
    ----------
    data : Prepared
        From :func:`prepare`.
    as_of_ts : Timestamp
        The analysis date.

    Returns
    -------
    DataFrame
        As :func:`helpers.rfm.rfm_table_pandas` with ``convention="r_rfm"``.
    """
    codes, ids, when, amounts = data.codes, data.ids, data.when, data.amounts
    n = len(ids)
    stamp = when.astype(np.int64)
    last = np.full(n, np.iinfo(np.int64).min)
    first = np.full(n, np.iinfo(np.int64).max)
    np.maximum.at(last, codes, stamp)
    np.minimum.at(first, codes, stamp)
    ref = as_of_ts.as_unit("ns").value
    return pd.DataFrame({
        "recency": (ref - last) / 86_400e9,
        "frequency": np.bincount(codes, minlength=n).astype("int64"),
        "monetary": np.bincount(codes, weights=amounts, minlength=n),
        "tenure": (ref - first) / 86_400e9,
    }, index=ids)


def kit_table(data: Prepared, as_of_ts: pd.Timestamp, *, amount: str, date: str, no_purchase: str) -> pd.DataFrame:
    """The kit's table: whole days, distinct purchase days, net monetary value.

    Parameters
    ----------
    data : Prepared
        From :func:`prepare`.
    as_of_ts : Timestamp
        The analysis date; rows on or after it are an error.
    amount, date : str
        The column names, for the error messages.
    no_purchase : {"raise", "drop"}
        What to do with customers without a purchase (see :func:`helpers.rfm.rfm_table`).

    Returns
    -------
    DataFrame
        As :func:`helpers.rfm.rfm_table_pandas` with ``convention="kit"``; dropped customers are
        listed in ``attrs["excluded"]``.

    Raises
    ------
    ValueError
        If rows are dated on or after ``as_of_ts``, or (``no_purchase="raise"``) customers have no purchase.
    """
    codes, ids, when, amounts = data.codes, data.ids, data.when, data.amounts
    n = len(ids)
    ref, days = day_numbers(when, as_of_ts)
    late = when >= as_of_ts.as_unit("ns").to_datetime64()
    if late.any():
        where = list(data.rows[late][:5])
        raise ValueError(
            f"{int(late.sum())} transaction(s) on or after as_of={as_of_ts.date()} (rows {where}). "
            "RFM looks back from as_of: choose a later as_of or filter the table first, "
            f"e.g. tx[tx[{date!r}] < as_of]."
        )
    buy = amounts > 0
    net = np.bincount(codes, weights=amounts, minlength=n)
    bcodes, bdays = (codes, days) if buy.all() else (codes[buy], days[buy])  # no returns: no copy
    bought = np.bincount(bcodes, minlength=n)
    never = bought == 0
    if never.any() and (no_purchase == "raise" or never.all()):
        who = list(ids[never][:5])
        raise ValueError(
            f"{int(never.sum())} customer(s) have no purchase with {amount!r} > 0, only returns or "
            f"zero rows: {who}{' …' if never.sum() > 5 else ''}. Check the sign of {amount!r}, remove them, "
            "or pass no_purchase='drop' to leave them out (they are then listed in result.attrs['excluded'])."
        )
    day0 = bdays.min()
    span = int(bdays.max() - day0) + 1
    if n * span < 2**32:  # smaller keys sort faster
        pairs = sorted_keys(bcodes.astype(np.uint32) * np.uint32(span) + (bdays - day0).astype(np.uint32))
    else:
        pairs = np.sort(bcodes * span + (bdays - day0))
    distinct = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]
    frequency = np.bincount(distinct // span, minlength=n)
    last = np.full(n, np.iinfo(np.int64).min)
    first = np.full(n, np.iinfo(np.int64).max)
    np.maximum.at(last, bcodes, bdays)
    np.minimum.at(first, bcodes, bdays)
    out = pd.DataFrame({
        "recency": (ref - last).astype(float),
        "frequency": frequency.astype("int64"),
        "monetary": net,
        "tenure": (ref - first).astype(float),
    }, index=ids)
    if never.any():
        out = out[~never]
        out.attrs["excluded"] = {"reason": f"no purchase with {amount} > 0 (only returns or zero rows)",
                                 "customers": ids[never].tolist()}
    return out


def daily_table(data: Prepared, as_of_ts: pd.Timestamp, *, lifetimes: bool) -> pd.DataFrame:
    """PyMC-Marketing ``rfm_segments`` (``lifetimes=False``) or ``rfm_summary`` (``lifetimes=True``) tables.

    Parameters
    ----------
    data : Prepared
        From :func:`prepare`.
    as_of_ts : Timestamp
        The analysis date; days after its day are left out.
    lifetimes : bool
        ``True`` for the lifetimes / ``rfm_summary`` definitions, ``False`` for ``rfm_segments``.

    Returns
    -------
    DataFrame
        As :func:`helpers.rfm.rfm_table_pandas` with ``convention="lifetimes"`` or ``"pymc"``.
    """
    codes, ids, when, amounts = data.codes, data.ids, data.when, data.amounts
    n = len(ids)
    ref, days = day_numbers(when, as_of_ts)
    # pymc / lifetimes: periods are calendar days; amounts summed per customer-day;
    # days after the as_of day are left out, as rfm_summary does.
    keep = days <= ref
    codes, days, amounts = codes[keep], days[keep], amounts[keep]
    present = np.bincount(codes, minlength=n) > 0
    order = np.lexsort((days, codes))
    k, d, a = codes[order], days[order], amounts[order]
    new = np.ones(len(k), dtype=bool)
    new[1:] = (k[1:] != k[:-1]) | (d[1:] != d[:-1])
    starts_rows = np.flatnonzero(new)
    k, d = k[starts_rows], d[starts_rows]
    a = np.add.reduceat(a, starts_rows) if len(a) else a
    count = np.bincount(k, minlength=n)
    firsts = np.concatenate([[0], np.cumsum(count)[:-1]])
    safe = np.minimum(firsts, max(len(k) - 1, 0))
    first = d[safe]
    last = d[np.maximum(firsts + count - 1, 0)]
    total = np.bincount(k, weights=a, minlength=n)
    if not lifetimes:
        out = pd.DataFrame({
            "recency": (ref - last).astype(float),
            "frequency": count.astype(float),
            "monetary": total / np.maximum(count, 1),
            "tenure": (ref - first).astype(float),
        }, index=ids)
        return out[present]
    repeats = count - 1
    repeat_total = total - a[safe]
    mean_repeat = np.where(repeats > 0, repeat_total / np.maximum(repeats, 1), 0.0)
    out = pd.DataFrame({
        "recency": (last - first).astype(float),
        "frequency": repeats.astype(float),
        "monetary": mean_repeat,
        "tenure": (ref - first).astype(float),
    }, index=ids)
    return out[present]
