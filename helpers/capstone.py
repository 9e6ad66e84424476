"""Capstone: tier your own customers (综合实战：为你自己的客户分级): module 12's computations.

Compute layer: pure functions on DataFrames, no plotting, no printing.
"""

from __future__ import annotations

import pandas as pd

from helpers._common import require_columns, resolve_as_of
from helpers._docs import shared_docs


@shared_docs
def window_activity(
    transactions: pd.DataFrame,
    as_of: object = None,
    *,
    customer: str = "customer_id",
    date: str = "date",
    amount: str = "revenue",
    days: int = 365,
) -> pd.DataFrame:
    """Purchases and value per customer in the ``days`` before ``as_of``.

    Parameters
    ----------
    {transactions}
    {as_of}
    {customer}
    {date}
    {amount}
    days : int, default 365
        Length of the window that ends at ``as_of``.

    Returns
    -------
    DataFrame
        Indexed by customer id (only customers with a purchase in the window), columns
        ``purchases`` (rows with ``amount > 0``) and ``value`` (sum of ``amount``, returns
        included); sorted by value, largest first, ties by customer id.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c"],
    ...                    "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-06-01", "2023-01-01"]),
    ...                    "revenue": [100.0, 50.0, -20.0, 999.0]})
    >>> window_activity(tx, "2025-07-01")
                 purchases  value
    customer_id
    a                    1   80.0
    b                    1   50.0
    """
    require_columns(transactions, {"customer": customer, "date": date, "amount": amount}, "window_activity")
    if days <= 0:
        raise ValueError(f"window_activity: days={days}; give a positive number of days, e.g. 365.")
    end = resolve_as_of(transactions, as_of, date=date)
    start = end - pd.Timedelta(days=days)
    window = transactions[(transactions[date] >= start) & (transactions[date] < end)]
    table = window.groupby(customer).agg(purchases=(amount, lambda s: int((s > 0).sum())), value=(amount, "sum"))
    table = table[table["purchases"] > 0].astype({"purchases": int, "value": float})
    return table.sort_index().sort_values("value", ascending=False, kind="mergesort")  # ties: by customer id
