"""Tables for people: shares as "74.6%", money with thousands separators, headers from the catalog."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import translate_columns


@shared_docs
def readable_table(
    frame: pd.DataFrame,
    percent: Sequence[str] = (),
    money: Sequence[str] = (),
    decimals: dict[str, int] | None = None,
    lang: str = "en",
) -> pd.DataFrame:
    """A display copy of ``frame``: percent and money columns as text, labels translated.

    The result is for showing only (its cells are strings); keep computing on
    the original frame. Plain DataFrame output also keeps notebook outputs
    deterministic for nbval, which a Styler's repr is not.

    Parameters
    ----------
    frame : DataFrame
        The table to show, e.g. a summary from a compute module.
    percent : sequence of str, default ()
        Columns holding fractions (0.746 -> "74.6%").
    money : sequence of str, default ()
        Columns holding amounts of money (8911407.9 -> "8,911,408").
    decimals : dict of str to int, optional
        Other numeric columns to round, e.g. ``{"gini": 2}``.
    {lang}

    Returns
    -------
    DataFrame
        A copy with those columns as text (missing values as "—") and the column and index
        labels translated by :func:`helpers.catalog.translate_columns`.

    Examples
    --------
    >>> t = pd.DataFrame({"customers": [4339], "top_20%": [0.7461], "total": [8911407.9],
    ...                   "gini": [0.6312]}, index=["online_retail"])
    >>> readable_table(t, percent=["top_20%"], money=["total"], decimals={"gini": 2})
    ... # doctest: +NORMALIZE_WHITESPACE
                       Customers  Top 20% share      Total  Gini
    UCI Online Retail       4339          74.6%  8,911,408  0.63
    """
    out = frame.copy()
    for col in percent:
        out[col] = out[col].map(lambda v: "—" if pd.isna(v) else f"{100 * v:.1f}%")
    for col in money:
        out[col] = out[col].map(lambda v: "—" if pd.isna(v) else f"{v:,.0f}")
    for col, d in (decimals or {}).items():
        out[col] = out[col].map(lambda v, d=d: "—" if pd.isna(v) else f"{v:.{d}f}")
    return translate_columns(out, lang)
