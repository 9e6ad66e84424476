"""Reference values the self-checks compare with, computed lazily from the shipped data."""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import pareto


class CompanyReference:
    """Per-customer revenue and margin of the synthetic company (or of ``transactions`` given in tests).

    The data is read on the first check only, so importing a checks module is instant.

    Examples
    --------
    >>> ref = CompanyReference(pd.DataFrame({"customer_id": ["a", "b", "a"], "revenue": [3.0, 2.0, 1.0],
    ...                                      "cost": [1.0, 1.0, 1.0]}))
    >>> ref.revenue.to_dict(), ref.margin.to_dict()
    ({'a': 4.0, 'b': 2.0}, {'a': 2.0, 'b': 1.0})
    """

    def __init__(self, transactions: pd.DataFrame | None = None) -> None:
        self._tx = transactions

    @cached_property
    def tx(self) -> pd.DataFrame:
        """The transactions (the synthetic company's unless given)."""
        if self._tx is not None:
            return self._tx
        from helpers.data import load_synthetic

        return load_synthetic("transactions")

    @cached_property
    def revenue(self) -> pd.Series:
        """Revenue per customer, largest first."""
        return pareto.value_by_customer(self.tx, "revenue")

    @cached_property
    def margin(self) -> pd.Series:
        """Margin (revenue − cost) per customer, largest first."""
        return pareto.value_by_customer(self.tx.assign(margin=self.tx["revenue"] - self.tx["cost"]), "margin")
