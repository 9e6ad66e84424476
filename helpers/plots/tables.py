"""Tables for people: shares as "74.6%", money with thousands separators, headers from the catalog.

Two functions, one set of rules:

- :func:`readable_table` returns a plain DataFrame of text (stable output that nbval can compare);
- :func:`show_table` returns the same table as styled HTML for people: text columns left-aligned and
  wrapped (never cut), numbers right-aligned, yes/no columns as words (OK / FIX). Explorers and every
  table a notebook shows (but does not check) use it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import label, translate_columns

__all__ = ["readable_table", "show_table", "Table", "WRAP_WIDTH"]


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
    decimals : dict of str to int or None, optional
        Other numeric columns to round, e.g. ``{"gini": 2}``; ``None`` drops trailing zeros
        (2.0 -> "2", 0.5 -> "0.5").
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
    return translate_columns(_format(frame, percent, money, decimals), lang)


def _format(frame: pd.DataFrame, percent: Sequence[str] = (), money: Sequence[str] = (),
            decimals: Mapping[str, int | None] | None = None) -> pd.DataFrame:
    out = frame.copy()
    for col in percent:
        out[col] = out[col].map(lambda v: "—" if pd.isna(v) else f"{100 * v:.1f}%")
    for col in money:
        out[col] = out[col].map(lambda v: "—" if pd.isna(v) else f"{v:,.0f}")
    for col, d in (decimals or {}).items():
        out[col] = out[col].map(lambda v, d=d: "—" if pd.isna(v) else (f"{v:,.{d}f}" if d is not None else f"{v:,g}"))
    return out


class Table:
    """A table formatted for people: HTML in a notebook or a widget, aligned text elsewhere.

    Made by :func:`show_table`; ``html`` is the markup (for ``ipywidgets.HTML``), ``frame`` the
    formatted cells (a DataFrame of text).

    Parameters
    ----------
    frame : DataFrame
        The formatted cells.
    html : str
        The styled HTML table.

    Examples
    --------
    >>> t = Table(pd.DataFrame({"Share": ["16.4%"]}), "<table></table>")
    >>> t._repr_html_(), repr(t).split()
    ('<table></table>', ['Share', '0', '16.4%'])
    """

    def __init__(self, frame: pd.DataFrame, html: str) -> None:
        self.frame = frame
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.frame.to_string()


#: Widest a wrapped text column gets (in characters) before it wraps.
WRAP_WIDTH = "34ch"


@shared_docs
def show_table(
    frame: pd.DataFrame,
    percent: Sequence[str] = (),
    money: Sequence[str] = (),
    decimals: Mapping[str, int | None] | None = None,
    *,
    status: Sequence[str] = (),
    wrap: Sequence[str] | None = None,
    index: bool = True,
    lang: str = "en",
    font_size: str = "13px",
) -> Table:
    """The one formatter for tables people read: numbers as in :func:`readable_table`, text wrapped.

    Parameters
    ----------
    frame : DataFrame
        The table to show.
    percent, money, decimals
        As in :func:`readable_table` (shares as "74.6%", money as "8,911,408", rounding).
    status : sequence of str, default ()
        Yes/no columns shown as words: True -> "OK", False -> "FIX" (in the chosen language); a cell
        that already holds a word (e.g. "optional") is shown as it is.
    wrap : sequence of str, optional
        Text columns to left-align and wrap; default every column that holds text after formatting
        and is not a number, percent or money column.
    index : bool, default True
        Show the index as the first column.
    {lang}
    font_size : str, default "13px"
        CSS font size (explorers use a smaller one to fit a 1280×720 screen).

    Returns
    -------
    Table
        ``.html`` for widgets, shown as HTML in a notebook.

    Examples
    --------
    >>> t = pd.DataFrame({"action": ["Call after each larger purchase"], "per_year": [2.0],
    ...                   "value_share": [0.164], "ok": [False]})
    >>> table = show_table(t, percent=["value_share"], decimals={"per_year": None}, status=["ok"], index=False)
    >>> table.frame.iloc[0].tolist()
    ['Call after each larger purchase', '2', '16.4%', 'FIX']
    >>> "white-space:normal" in table.html and "text-align:left" in table.html
    True
    """
    numeric = set(percent) | set(money) | set(decimals or {})
    out = _format(frame, percent, money, decimals)  # headers are translated after the styling decisions
    for col in status:
        out[col] = frame[col].map(lambda v: v if isinstance(v, str) else label("status_ok" if bool(v) else "status_fix", lang))
    text_cols = [c for c in out.columns if c not in numeric and c not in status
                 and not pd.api.types.is_numeric_dtype(frame[c])] if wrap is None else list(wrap)
    for col in out.columns:
        if col not in numeric and col not in status and pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: "—" if pd.isna(v) else (f"{v:,}" if float(v).is_integer() else f"{v:,.2f}"))
    out = out.astype(object).where(out.notna(), "—")
    shown = translate_columns(out, lang)
    names = dict(zip(out.columns, shown.columns))
    cell = "padding:2px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top;line-height:1.3;"
    left = f"text-align:left;white-space:normal;overflow-wrap:anywhere;word-break:normal;max-width:{WRAP_WIDTH};"
    right = "text-align:right;white-space:nowrap;"
    rows = ['<table class="kit-table" style="border-collapse:collapse;font-size:' + font_size
            + ';line-height:1.3;margin:2px 0;">',
            "<thead><tr>"]
    if index:
        rows.append(f'<th style="{cell}text-align:left;"></th>')
    status_style = "text-align:left;white-space:nowrap;font-weight:bold;"
    for col in out.columns:
        align = left if col in text_cols else right
        head = "white-space:normal;max-width:11ch;" if col not in text_cols else ""
        rows.append(f'<th style="{cell}{align}{head}font-weight:bold;vertical-align:bottom;">'
                    f'{html.escape(str(names[col]))}</th>')
    rows.append("</tr></thead><tbody>")
    for idx, shown_idx in zip(out.index, shown.index):
        rows.append("<tr>")
        if index:
            rows.append(f'<th style="{cell}text-align:left;white-space:nowrap;">{html.escape(str(shown_idx))}</th>')
        for col in out.columns:
            align = status_style if col in status else (left if col in text_cols else right)
            rows.append(f'<td style="{cell}{align}">{html.escape(str(out.at[idx, col]))}</td>')
        rows.append("</tr>")
    rows.append("</tbody></table>")
    return Table(shown, "".join(rows))
