"""Reference values the self-checks compare with, computed lazily from the shipped data."""

from __future__ import annotations

from functools import cached_property

import pandas as pd

from helpers import pareto


class CompanyReference:
    """The tables the self-checks compare with: the synthetic company's, or the ones given in tests.

    The data is read on the first check only, so importing a checks module is
    instant. When any table is given, the reference is in "given" mode: it uses
    exactly the given tables and never loads the shipped ones (a table not given
    is ``None``). Module checks subclass it to add their own reference values.

    Parameters
    ----------
    transactions : DataFrame, optional
        The transactions; default the synthetic company's.
    **tables : DataFrame, optional
        Other tables by name (``customers``, ``survey``, ``contacts``, ``leads``).

    Examples
    --------
    >>> ref = CompanyReference(pd.DataFrame({"customer_id": ["a", "b", "a"], "revenue": [3.0, 2.0, 1.0],
    ...                                      "cost": [1.0, 1.0, 1.0]}))
    >>> ref.revenue.to_dict(), ref.margin.to_dict()
    ({'a': 4.0, 'b': 2.0}, {'a': 2.0, 'b': 1.0})
    >>> ref.frame("survey") is None
    True
    """

    def __init__(self, transactions: pd.DataFrame | None = None, **tables: pd.DataFrame | None) -> None:
        self._given = {"transactions": transactions, **tables}
        self._loaded: dict[str, pd.DataFrame] = {}

    def frame(self, name: str) -> pd.DataFrame | None:
        """One table by name (``"transactions"``, ``"customers"``, ``"survey"``, ``"contacts"``, ``"leads"`` …).

        In "given" mode a table that was not given is ``None``; otherwise the
        shipped table is loaded on first use and kept.
        """
        if any(frame is not None for frame in self._given.values()):
            return self._given.get(name)
        if name not in self._loaded:
            from helpers.data import load_synthetic

            self._loaded[name] = load_synthetic(name)
        return self._loaded[name]

    @cached_property
    def tx(self) -> pd.DataFrame:
        """The transactions (the synthetic company's unless given)."""
        return self.frame("transactions")

    @cached_property
    def revenue(self) -> pd.Series:
        """Revenue per customer, largest first."""
        return pareto.value_by_customer(self.tx, amount="revenue")

    @cached_property
    def margin(self) -> pd.Series:
        """Margin (revenue − cost) per customer, largest first."""
        return pareto.value_by_customer(self.tx.assign(margin=self.tx["revenue"] - self.tx["cost"]), amount="margin")
