"""Small validations shared by the compute modules (private: the public API lives in each module)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: Cost to serve of one contact of each type (¥): the synthetic company's contact log and
#: ``helpers.relationship`` use the same figures.
CONTACT_COSTS: dict[str, float] = {"problem_report": 25.0, "after_sale_followup": 15.0,
                                   "proactive_offer": 8.0, "joint_planning": 120.0}


def require_columns(frame: pd.DataFrame, columns: Sequence[str], what: str = "",
                    hint: str = "Pass the right names, e.g. customer='customer_id', date='date', amount='revenue'.") -> None:
    """Raise a ``KeyError`` naming the missing columns, the columns the table has, and how to fix it.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a"])
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "survey")
    Traceback (most recent call last):
    ...
    KeyError: "survey: column(s) ['b'] not found; the table has ['a']. Pass the right names, e.g. customer='customer_id', date='date', amount='revenue'."
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        prefix = f"{what}: " if what else ""
        raise KeyError(f"{prefix}column(s) {missing} not found; the table has {list(frame.columns)}. {hint}")


def day_after_last(frame: pd.DataFrame, date: str = "date") -> pd.Timestamp:
    """The kit's default analysis date: midnight after the last date in ``frame[date]``.

    Examples
    --------
    >>> day_after_last(pd.DataFrame({"date": pd.to_datetime(["2025-01-01 10:00", "2025-01-03 18:30"])}))
    Timestamp('2025-01-04 00:00:00')
    """
    return pd.Timestamp(frame[date].max()).normalize() + pd.Timedelta(days=1)


def resolve_as_of(frame: pd.DataFrame, as_of: object = None, date: str = "date") -> pd.Timestamp:
    """``as_of`` as a Timestamp, or the default (:func:`day_after_last`) when it is ``None``.

    Examples
    --------
    >>> tx = pd.DataFrame({"date": pd.to_datetime(["2025-01-03 18:30"])})
    >>> resolve_as_of(tx), resolve_as_of(tx, "2025-02-01")
    (Timestamp('2025-01-04 00:00:00'), Timestamp('2025-02-01 00:00:00'))
    """
    return day_after_last(frame, date) if as_of is None else pd.Timestamp(as_of)
