"""What a loader read, excluded and kept: :class:`CleaningReport`, and :class:`DataError` for refusals.

The report is the contract with the person who hands us a file: every row read is
either kept or excluded for a stated reason, the counts reconcile, and example rows
are numbered as in the file (the number an editor or Excel shows). It prints as
text (English or Chinese), and shows as a table in a notebook.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

LANGS: tuple[str, ...] = ("en", "zh")


class DataError(ValueError):
    """A data file cannot be used as it is; the message names the file, the column, the row(s) and the fix.

    ``zh`` holds the message in Chinese where one is written (``text("zh")`` falls back to the English
    one), and ``option`` names the reading option that settles the refusal (``"dayfirst"``, ``"decimal"``),
    so an app can point at its own control instead of the keyword argument.
    """

    def __init__(self, message: str, *, zh: str = "", option: str | None = None) -> None:
        super().__init__(message)
        self.zh = zh
        self.option = option

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (Chinese when one was written, else English).

        Parameters
        ----------
        lang : {"en", "zh"}

        Returns
        -------
        str

        Examples
        --------
        >>> DataError("f.csv: the file is empty", zh="f.csv：文件是空的").text("zh")
        'f.csv：文件是空的'
        >>> DataError("f.csv: the file is empty").text("zh")
        'f.csv: the file is empty'
        """
        return self.zh if lang == "zh" and self.zh else str(self)


@dataclass
class CleaningStep:
    """One cleaning rule and the rows it excluded.

    Parameters
    ----------
    reason : str
        Why the rows were excluded.
    rows_excluded : int
    example_rows : list of int
        Row numbers as in the file (at most five).
    reason_zh : str
        The reason in Chinese (the English one is used when it is empty).

    Examples
    --------
    >>> CleaningStep("no customer id", 2, [3, 7]).rows_excluded
    2
    """

    reason: str
    rows_excluded: int
    example_rows: list[int] = field(default_factory=list)
    reason_zh: str = ""

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang``.

        Parameters
        ----------
        lang : {"en", "zh"}

        Returns
        -------
        str

        Examples
        --------
        >>> CleaningStep("empty row", 1, [4], "空行").text("zh")
        '空行'
        """
        return self.reason_zh if lang == "zh" and self.reason_zh else self.reason


_WORDS = {
    "en": {"read": "rows read", "excluded": "excluded", "kept": "kept", "rows": "rows", "eg": "e.g. rows",
           "note": "note", "warning": "warning", "reconcile": "the counts reconcile",
           "no_reconcile": "the counts do NOT reconcile", "because": "Excluded because", "examples": "Example rows",
           "encoding": "encoding", "step": "step"},
    "zh": {"read": "读入行数", "excluded": "排除", "kept": "保留", "rows": "行", "eg": "例如第", "note": "说明",
           "warning": "注意", "reconcile": "各项相加与读入行数一致", "no_reconcile": "各项相加与读入行数不一致",
           "because": "排除原因", "examples": "示例行号", "encoding": "编码", "step": "步骤"},
}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r} is not supported; use one of {list(LANGS)}.")
    return lang


@dataclass
class CleaningReport:
    """What a loader read, what it excluded and why, and what it kept.

    Row numbers are as in the file: for :func:`helpers.io.read_transactions` the
    line (or Excel row) number an editor shows, counting title rows and blank lines;
    for the course loaders, the header is row 1.

    Parameters
    ----------
    source : str
        The file's name.
    raw_rows : int
        Rows read (below the header).
    steps : list of CleaningStep
        Each exclusion rule and its rows.
    kept_rows : int
    notes, notes_zh : list of str
        What was decided (encoding, number and date formats, time zone, sheet and header
        row), in English and in Chinese.
    warnings, warnings_zh : list of str
        Things to look at before trusting the result (a large share excluded, say).
    encoding : str, optional
        The text encoding used.
    columns : dict
        Role → the file's column.
    lang : {"en", "zh"}
        Language of ``str(report)`` and the notebook view.

    Examples
    --------
    >>> r = CleaningReport("orders.csv", raw_rows=10, steps=[CleaningStep("no customer id", 2, [3, 7])], kept_rows=8)
    >>> r.reconciles
    True
    >>> print(r)
    orders.csv: 10 rows read, 2 excluded, 8 kept
      - no customer id: 2 rows (e.g. rows 3, 7)
    """

    source: str
    raw_rows: int
    steps: list[CleaningStep] = field(default_factory=list)
    kept_rows: int = 0
    notes: list[str] = field(default_factory=list)
    notes_zh: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_zh: list[str] = field(default_factory=list)
    encoding: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    lang: str = "en"

    @property
    def excluded_rows(self) -> int:
        """Rows excluded by all steps together."""
        return sum(s.rows_excluded for s in self.steps)

    @property
    def reconciles(self) -> bool:
        """True when raw rows − excluded rows = kept rows."""
        return self.raw_rows - self.excluded_rows == self.kept_rows

    def note(self, en: str, zh: str = "") -> None:
        """Add a note in English and (optionally) Chinese.

        Parameters
        ----------
        en, zh : str
            The note; ``zh`` defaults to the English text.

        Examples
        --------
        >>> r = CleaningReport("f.csv", 0)
        >>> r.note("read as UTF-8", "按 UTF-8 读取")
        >>> r.to_text("zh").splitlines()[-1]
        '  说明：按 UTF-8 读取'
        """
        self.notes.append(en)
        self.notes_zh.append(zh or en)

    def warn(self, en: str, zh: str = "") -> None:
        """Add a warning (something to check before trusting the result) in English and Chinese.

        Parameters
        ----------
        en, zh : str
            The warning; ``zh`` defaults to the English text.

        Examples
        --------
        >>> r = CleaningReport("f.csv", 0)
        >>> r.warn("half the rows were excluded", "一半的行被排除")
        >>> r.warnings
        ['half the rows were excluded']
        """
        self.warnings.append(en)
        self.warnings_zh.append(zh or en)

    def _notes(self, lang: str) -> list[str]:
        if lang == "zh" and len(self.notes_zh) == len(self.notes):
            return self.notes_zh
        return self.notes

    def _warnings(self, lang: str) -> list[str]:
        if lang == "zh" and len(self.warnings_zh) == len(self.warnings):
            return self.warnings_zh
        return self.warnings

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """One row per step plus the totals, for display or export.

        Parameters
        ----------
        lang : {"en", "zh"}

        Returns
        -------
        DataFrame
            ``step``, ``rows`` (negative for exclusions), ``example rows``.

        Examples
        --------
        >>> CleaningReport("f.csv", 3, [CleaningStep("bad date", 1, [2])], 2).to_frame()["rows"].tolist()
        [3, -1, 2]
        """
        w = _WORDS[_check_lang(lang)]
        rows = [(w["read"], self.raw_rows, "")]
        rows += [(s.text(lang), -s.rows_excluded, ", ".join(map(str, s.example_rows))) for s in self.steps]
        rows.append((w["kept"], self.kept_rows, ""))
        columns = ["step", "rows", "example rows"] if lang == "en" else ["步骤", "行数", "示例行号"]
        return pd.DataFrame(rows, columns=columns)

    def to_text(self, lang: str | None = None) -> str:
        """The report as plain text in ``lang`` ("en" or "zh"; default: the report's ``lang``).

        Parameters
        ----------
        lang : {"en", "zh"}, optional

        Returns
        -------
        str

        Examples
        --------
        >>> r = CleaningReport("f.csv", 3, [CleaningStep("missing customer id", 1, [2], "缺少客户编号")], 2)
        >>> print(r.to_text("zh"))
        f.csv：读入 3 行，排除 1 行，保留 2 行
          - 缺少客户编号：1 行（例如第 2 行）
        """
        lang = _check_lang(lang or self.lang)
        if lang == "zh":
            lines = [f"{self.source}：读入 {self.raw_rows:,} 行，排除 {self.excluded_rows:,} 行，保留 {self.kept_rows:,} 行"]
            for s in self.steps:
                eg = f"（例如第 {'、'.join(map(str, s.example_rows))} 行）" if s.example_rows else ""
                lines.append(f"  - {s.text('zh')}：{s.rows_excluded:,} 行{eg}")
            lines += [f"  注意：{n}" for n in self._warnings("zh")]
            lines += [f"  说明：{n}" for n in self._notes("zh")]
            if not self.reconciles:
                lines.append("  各项相加与读入行数不一致！")
            return "\n".join(lines)
        lines = [f"{self.source}: {self.raw_rows:,} rows read, {self.excluded_rows:,} excluded, {self.kept_rows:,} kept"]
        for s in self.steps:
            eg = f" (e.g. rows {', '.join(map(str, s.example_rows))})" if s.example_rows else ""
            lines.append(f"  - {s.reason}: {s.rows_excluded:,} rows{eg}")
        lines += [f"  warning: {n}" for n in self.warnings]
        lines += [f"  note: {n}" for n in self.notes]
        if not self.reconciles:
            lines.append("  the counts do NOT reconcile!")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        """IPython's plain-text view (a console, or a notebook's text/plain): the text in :attr:`lang`."""
        printer.text(self.to_text())

    def to_html(self, lang: str | None = None) -> str:
        """The report as an HTML table (what a notebook shows), in ``lang``.

        Parameters
        ----------
        lang : {"en", "zh"}, optional

        Returns
        -------
        str

        Examples
        --------
        >>> html_text = CleaningReport("f.csv", 3, [CleaningStep("bad date", 1, [2])], 2).to_html()
        >>> "<table" in html_text and "bad date" in html_text
        True
        """
        lang = _check_lang(lang or self.lang)
        w = _WORDS[lang]
        esc = html.escape
        ok = self.reconciles
        if lang == "zh":
            head = (f"<b>{esc(self.source)}</b>：读入 {self.raw_rows:,} 行，排除 {self.excluded_rows:,} 行，"
                    f"<b>保留 {self.kept_rows:,} 行</b>（{w['reconcile'] if ok else w['no_reconcile']}）")
        else:
            head = (f"<b>{esc(self.source)}</b>: {self.raw_rows:,} rows read, {self.excluded_rows:,} excluded, "
                    f"<b>{self.kept_rows:,} kept</b> ({w['reconcile'] if ok else w['no_reconcile']})")
        cell = 'style="text-align:{};padding:2px 8px"'
        rows = [f"<tr><th {cell.format('left')}>{w['because']}</th><th {cell.format('right')}>{w['rows']}</th>"
                f"<th {cell.format('left')}>{w['examples']}</th></tr>"]
        rows.append(f"<tr><td {cell.format('left')}>{w['read']}</td><td {cell.format('right')}>{self.raw_rows:,}</td><td></td></tr>")
        for s in self.steps:
            rows.append(f"<tr><td {cell.format('left')}>{esc(s.text(lang))}</td><td {cell.format('right')}>−{s.rows_excluded:,}</td>"
                        f"<td {cell.format('left')}>{esc(', '.join(map(str, s.example_rows)))}</td></tr>")
        rows.append(f"<tr><td {cell.format('left')}><b>{w['kept']}</b></td><td {cell.format('right')}><b>{self.kept_rows:,}</b></td><td></td></tr>")
        parts = [f"<div>{head}</div>", f"<table>{''.join(rows)}</table>"]
        if self.warnings:
            parts.append("<ul>" + "".join(f"<li><b>⚠ {w['warning']}:</b> {esc(n)}</li>" for n in self._warnings(lang)) + "</ul>")
        if self.notes:
            parts.append("<ul>" + "".join(f"<li>{esc(n)}</li>" for n in self._notes(lang)) + "</ul>")
        return "<div class='cleaning-report'>" + "".join(parts) + "</div>"

    def _repr_html_(self) -> str:
        return self.to_html()
