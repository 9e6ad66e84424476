"""What every compute module shares: the constants, the column check and the analysis date.

The names and their meaning are listed in CONTRIBUTING.md ("One vocabulary"). Each constant is
defined here once; the modules re-export the ones their learners use (``helpers.abc.CLASSES`` …).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

__all__ = ["CLASSES", "SERVICE_TIERS", "CONTACT_COSTS", "require_columns", "default_as_of", "resolve_as_of",
           "before", "ids_index"]

#: ABC classes and contribution tiers, best first (A = key customers 关键客户).
CLASSES: tuple[str, ...] = ("A", "B", "C")

#: The service tiers of modules 06–07, best first.
SERVICE_TIERS: tuple[str, ...] = ("VIP", "regular", "potential")

#: What one contact of each type costs the synthetic company (¥), as its contact log charges it.
CONTACT_COSTS: dict[str, float] = {"problem_report": 25.0, "after_sale_followup": 15.0,
                                   "proactive_offer": 8.0, "joint_planning": 120.0}


def require_columns(frame: pd.DataFrame, columns: Mapping[str, str] | Sequence[str], what: str = "") -> None:
    """Raise a ``KeyError`` naming each missing column, the argument that names it, and the columns there are.

    This is the one wording for a missing column in the kit.

    Parameters
    ----------
    frame : DataFrame
        The table to check.
    columns : mapping of argument name to column name, or a sequence of column names
        With a mapping (``{"customer": customer, "date": date}``) the message says which
        argument to pass (``customer='...'``); with a sequence it names the columns only.
    what : str, optional
        The function or table the check is for, put in front of the message.

    Returns
    -------
    None
        Returns nothing when every column is there.

    Raises
    ------
    KeyError
        If any column is missing.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"])
    >>> require_columns(pd.DataFrame({"cust": [1]}), {"customer": "customer_id"}, "rfm_table")
    Traceback (most recent call last):
    ...
    KeyError: "rfm_table: column 'customer_id' not found; the table has ['cust']. Pass the column's name as customer='...'."
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "survey")
    Traceback (most recent call last):
    ...
    KeyError: "survey: column 'b' not found; the table has ['a']. Check the column's name in your table."
    """
    pairs = list(columns.items()) if isinstance(columns, Mapping) else [(None, c) for c in columns]
    missing = [(arg, col) for arg, col in pairs if col not in frame.columns]
    if not missing:
        return
    prefix = f"{what}: " if what else ""
    cols = ", ".join(repr(col) for _, col in missing)
    noun = "column" if len(missing) == 1 else "columns"
    args = [arg for arg, _ in missing if arg]
    fix = ("Pass the column's name as " + ", ".join(f"{a}='...'" for a in args) + "."
           if args else "Check the column's name in your table.")
    raise KeyError(f"{prefix}{noun} {cols} not found; the table has {list(frame.columns)}. {fix}")


def default_as_of(transactions: pd.DataFrame, *, date: str = "date") -> pd.Timestamp:
    """The kit's default analysis date: midnight after the last date in ``transactions[date]``.

    Parameters
    ----------
    transactions : DataFrame
        Any table with a date column.
    date : str, default "date"
        The date column.

    Returns
    -------
    Timestamp
        The day after the last date, at midnight.

    Examples
    --------
    >>> default_as_of(pd.DataFrame({"date": pd.to_datetime(["2025-01-01 10:00", "2025-01-03 18:30"])}))
    Timestamp('2025-01-04 00:00:00')
    """
    require_columns(transactions, {"date": date}, "default_as_of")
    return pd.Timestamp(pd.to_datetime(transactions[date]).max()).normalize() + pd.Timedelta(days=1)


def resolve_as_of(transactions: pd.DataFrame, as_of: object = None, *, date: str = "date") -> pd.Timestamp:
    """``as_of`` as a Timestamp, or :func:`default_as_of` when it is ``None``.

    Parameters
    ----------
    transactions : DataFrame
        The table whose last date gives the default.
    as_of : date-like, optional
        The analysis date.
    date : str, default "date"
        The date column.

    Returns
    -------
    Timestamp

    Examples
    --------
    >>> tx = pd.DataFrame({"date": pd.to_datetime(["2025-01-03 18:30"])})
    >>> resolve_as_of(tx), resolve_as_of(tx, "2025-02-01")
    (Timestamp('2025-01-04 00:00:00'), Timestamp('2025-02-01 00:00:00'))
    """
    return default_as_of(transactions, date=date) if as_of is None else _as_date(transactions, as_of)


def _as_date(transactions: pd.DataFrame, as_of: object) -> pd.Timestamp:
    """``as_of`` as a Timestamp; a column name passed in its place gets the fix, not a parsing error."""
    if isinstance(as_of, str) and as_of in transactions.columns:
        raise TypeError(f"as_of got {as_of!r}, which is a column of the table, not a date. Column names are passed "
                        f"by name, e.g. amount={as_of!r} or customer={as_of!r}.")
    try:
        return pd.Timestamp(as_of)
    except (TypeError, ValueError):
        raise ValueError(f"as_of must be a date such as '2025-01-01'; got {as_of!r}.") from None


def before(transactions: pd.DataFrame, as_of: object = None, *, date: str = "date") -> pd.DataFrame:
    """The rows dated before ``as_of`` (all rows when ``as_of`` is ``None``).

    Parameters
    ----------
    transactions : DataFrame
        An event table (transactions, contacts).
    as_of : date-like, optional
        Rows on or after this date are left out. ``None`` keeps every row and does not need ``date``.
    date : str, default "date"
        The date column (needed only with ``as_of``).

    Returns
    -------
    DataFrame
        The same table, or a filtered view of it.

    Examples
    --------
    >>> tx = pd.DataFrame({"date": pd.to_datetime(["2025-01-01", "2025-02-01"]), "revenue": [1.0, 2.0]})
    >>> before(tx, "2025-01-15")["revenue"].tolist(), len(before(tx))
    ([1.0], 2)
    >>> before(tx, "revenue")
    Traceback (most recent call last):
    ...
    TypeError: as_of got 'revenue', which is a column of the table, not a date. Column names are passed by name, e.g. amount='revenue' or customer='revenue'.
    """
    if as_of is None:
        return transactions
    end = _as_date(transactions, as_of)
    require_columns(transactions, {"date": date}, "as_of")
    return transactions[pd.to_datetime(transactions[date]) < end]


def ids_index(ids: object) -> pd.Index:
    """A set of customer ids as an Index: from a list, an Index, or a Series (its index, when it is per customer).

    Parameters
    ----------
    ids : list, Index or Series
        Customer ids; a Series contributes its index (a per-customer Series such as tiers).

    Returns
    -------
    Index

    Examples
    --------
    >>> ids_index(["a", "b"]).tolist(), ids_index(pd.Series([1, 2], index=["x", "y"])).tolist()
    (['a', 'b'], ['x', 'y'])
    """
    return pd.Index(ids.index if isinstance(ids, pd.Series) else ids)
