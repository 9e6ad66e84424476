"""``read_transactions``: a client's own CSV or Excel export, read right or refused with the fix.

The steps, in order: recognise the file (refuse PDFs, zips, folders, binary junk),
find its encoding, separator, sheet and header row, read it with pyarrow's C++
reader (all columns as text, numbered by file row), map the columns (or refuse
with the exact call to make), then read dates and amounts one convention per
column and exclude, with a reason and example rows, empty rows, totals rows,
exact duplicates, rows without a customer, date or amount, and implausible dates.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from helpers.io import _arrow as A
from helpers.io._words import WORDS
from helpers.io.dates import parse_dates
from helpers.io.mapping import REQUIRED, ROLES, normalise, propose
from helpers.io.numbers import parse_amounts
from helpers.io.report import CleaningReport, CleaningStep, DataError
from helpers.io.sniff import (Layout, detect_encoding, encoding_label, file_kind, find_layout, find_sheet_layout,
                              read_sample)

#: Dates before this are taken as placeholders (1900-01-01, 1970-01-01) unless ``date_floor=`` says otherwise.
DATE_FLOOR = "1990-01-01"
_TOTALS = (r"(?i)^\s*(?:合计|总计|小计|总和|共计|合计金额|" + "|".join(WORDS["totals"]) + r"|total|totals|grand\s*total|sub\s*-?\s*total|sum|"
           r"summe|gesamt|gesamtsumme|totaal|totale|somme)\s*[:：]?\s*(?:\(.*\)|（.*）)?\s*$")
_EXCLUDE_WARN = 0.05


@dataclass
class _Col:
    text: pa.ChunkedArray
    numbers: np.ndarray | None = None
    datetimes: np.ndarray | None = None

    def empty(self) -> np.ndarray:
        out = ~A.valid(self.text)
        if self.numbers is not None:
            out &= np.isnan(self.numbers)
        if self.datetimes is not None:
            out &= np.isnat(self.datetimes)
        return out


@dataclass
class _Table:
    names: list[str]
    columns: dict[str, _Col]
    lines: np.ndarray
    notes: list[tuple[str, str]] = field(default_factory=list)
    encoding: str | None = None
    header_line: int = 1
    sheet: str | None = None
    loader: Callable[[list[str]], dict[str, _Col]] | None = None

    @property
    def n(self) -> int:
        return len(self.lines)

    def load(self, names: list[str]) -> None:
        """Read these columns now (a CSV is read column by column as needed; a sheet is read whole)."""
        wanted = [n for n in dict.fromkeys(names) if n not in self.columns and n in self.names]
        if wanted and self.loader is not None:
            self.columns.update(self.loader(wanted))

    def column(self, name: str) -> _Col:
        """One column; reading every column not read yet when it is not (they share one pass over the file)."""
        if name not in self.columns:
            self.load(self.names)
        return self.columns[name]

    @property
    def complete(self) -> bool:
        return all(n in self.columns for n in self.names)


# --- loading ---------------------------------------------------------------------------------

#: What reading a damaged or strange file can raise below us (pyarrow, zlib, zipfile, csv, codecs, the OS).
_READ_ERRORS = (pa.ArrowException, OSError, EOFError, zlib.error, zipfile.BadZipFile, csv.Error, UnicodeError,
                LookupError)


def _unreadable(path: Path, exc: BaseException) -> DataError:
    first = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return DataError(f"{path.name}: cannot be read as a table ({type(exc).__name__}: {first}). The file may be "
                     "damaged or not a CSV/Excel export: export it again, or save it as CSV UTF-8 and pass that file.")


def _stream(path: Path, kind: str) -> pa.NativeFile:
    return pa.input_stream(str(path), compression="gzip" if kind == "gzip" else None)


def _read_arrow(path: Path, kind: str, layout: Layout, encoding: str, include: list[str], threads: bool,
                newlines: bool) -> tuple[pa.Table, list[tuple[int | None, int, int, str]]]:
    invalid: list[tuple[int | None, int, int, str]] = []

    def handler(row: pcsv.InvalidRow) -> str:
        invalid.append((row.number, row.expected_columns, row.actual_columns, row.text))
        return "skip"

    enc = "utf8" if encoding in ("utf-8", "utf-8-sig") else encoding
    table = pcsv.read_csv(
        _stream(path, kind),
        read_options=pcsv.ReadOptions(skip_rows=layout.records_before_data, column_names=layout.names,
                                      encoding=enc, use_threads=threads, block_size=1 << 22),
        parse_options=pcsv.ParseOptions(delimiter=layout.sep, newlines_in_values=newlines, ignore_empty_lines=False,
                                        invalid_row_handler=handler),
        convert_options=pcsv.ConvertOptions(column_types={n: pa.string() for n in layout.names}, null_values=[""],
                                            strings_can_be_null=True, quoted_strings_can_be_null=True,
                                            include_columns=list(dict.fromkeys(include))),
    )
    return table, invalid


def _load_text(path: Path, kind: str, *, sep: str | None, encoding: str | None, header_row: int | None,
               hints: tuple[str, ...], choose: Callable[[list[str]], list[str]]) -> _Table:
    sample = read_sample(path, kind)
    codec, enc_en, enc_zh = detect_encoding(path, kind, sample, encoding, hints, whole_file=False)
    try:
        text = sample.decode(codec, errors="strict")
    except UnicodeDecodeError:
        text = sample[: max(0, len(sample) - 8)].decode(codec, errors="replace")
    except LookupError as exc:
        raise DataError(f"{path.name}: encoding {codec!r} cannot be used ({exc}).") from exc
    if len(sample) >= 1 << 16:  # keep whole lines only
        cut = max(text.rfind("\n"), 0)
        text = text[: cut + 1]
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1):
        raise DataError(f"{path.name}: sep={sep!r} must be one character, e.g. sep=',' or sep=';' or sep='\\t'.")
    layout = find_layout(text, source=path.name, sep=sep, header_row=header_row)
    data_line = _data_line(text, layout)
    source = path.name
    state = {"codec": codec, "enc": (enc_en, enc_zh), "newlines": '"' in text, "short": 0, "first_short": 0}

    def read(include: list[str]) -> tuple[pa.Table, np.ndarray]:
        """The named columns (all rows, numbered by file row); every call numbers the rows the same way."""
        if state["newlines"]:  # a line break inside a value anywhere shifts the rows: count them in every column
            include = list(layout.names)
        try:
            try:
                table, invalid = _read_arrow(path, kind, layout, state["codec"], include, True, state["newlines"])
            except pa.ArrowInvalid as exc:
                if "UTF8" not in str(exc) or encoding is not None:
                    raise
                # not UTF-8 after the sample: find the first such row and the encoding, then read again
                codec_, en, zh = detect_encoding(path, kind, sample, None, hints, whole_file=True)
                state["codec"], state["enc"] = codec_, (en, zh)
                table, invalid = _read_arrow(path, kind, layout, codec_, include, True, state["newlines"])
            if invalid and not state["newlines"] and any(t.count('"') % 2 for _, _, _, t in invalid):
                state["newlines"] = True
                include = list(layout.names)
                table, invalid = _read_arrow(path, kind, layout, state["codec"], include, True, True)
            if invalid:
                table, invalid = _read_arrow(path, kind, layout, state["codec"], include, False, state["newlines"])
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            raise DataError(f"{source}: cannot be read as a table with separator {layout.sep!r} and encoding "
                            f"{encoding_label(state['codec'])} ({str(exc).splitlines()[0][:200]}). Pass sep= or "
                            "encoding= if either is wrong, or save the file again as CSV UTF-8.") from exc
        n = table.num_rows
        lines = data_line + np.arange(n, dtype=np.int64)
        if state["newlines"] and n:  # a value holding line breaks pushes the rows after it down
            extra = np.zeros(n, dtype=np.int64)
            for name in table.column_names:
                if pc.any(pc.match_substring(table[name], "\n")).as_py():
                    extra += np.asarray(pc.fill_null(pc.count_substring(table[name], "\n"), 0).to_numpy(zero_copy_only=False))
            lines += np.concatenate([[0], np.cumsum(extra)[:-1]])
        short_rows: list[tuple[int, list[str]]] = []
        for number, expected, actual, row_text in sorted(invalid, key=lambda r: r[0] or 0):
            if actual > expected:
                raise DataError(
                    f"{source}: row {number} has more values than the header has columns ({actual} instead of "
                    f"{expected}): {row_text[:120]!r}. This is often an unquoted separator inside a value, such as "
                    "1,200 in a comma-separated file. Put such values in quotes, remove the thousands separators, "
                    "or pass the right sep=.")
            try:
                fields = next(csv.reader([row_text], delimiter=layout.sep), [])
            except csv.Error:  # e.g. a field longer than the csv module allows
                fields = [row_text]
            short_rows.append((int(number or 0), fields))
        for number, _ in short_rows:  # a skipped row shifts the rows after it by one line
            lines[lines >= number] += 1
        if short_rows:
            position = {name: i for i, name in enumerate(layout.names)}
            padded = pa.table({name: pa.array([(f[position[name]] if position[name] < len(f) and f[position[name]] != ""
                                                else None) for _, f in short_rows], type=pa.string())
                               for name in table.column_names})
            table = pa.concat_tables([table, padded])
            lines = np.concatenate([lines, np.array([r[0] for r in short_rows], dtype=np.int64)])
            order = np.argsort(lines, kind="stable")
            table = table.take(pa.array(order))
            lines = lines[order]
            state["short"], state["first_short"] = len(short_rows), short_rows[0][0]
        return table, lines

    def loader(names: list[str]) -> dict[str, _Col]:
        table, _ = read(names)
        return {name: _Col(table[name]) for name in table.column_names}

    wanted = choose([n for n in layout.names if n not in layout.padded])
    table, lines = read([layout.names[0], *wanted, *layout.padded])
    enc_en, enc_zh = state["enc"]
    notes = [(enc_en, enc_zh)]
    if layout.sep != ",":
        shown = {"\t": "TAB", ";": "';'", "|": "'|'"}.get(layout.sep, repr(layout.sep))
        notes.append((f"columns are separated by {shown}", f"列之间以 {shown} 分隔"))
    if layout.header_line > 1:
        notes.append((f"the header is row {layout.header_line}; rows above it (titles, blank rows) are not data",
                      f"表头在第 {layout.header_line} 行；其上方的标题行、空行不是数据"))
    notes += layout.notes
    if state["short"]:
        notes.append((f"{state['short']:,} rows have fewer values than the header (e.g. row {state['first_short']}); "
                      "their missing values are taken as empty",
                      f"有 {state['short']:,} 行的值比表头少（例如第 {state['first_short']} 行），缺少的值按空值处理"))
    columns = {name: _Col(table[name]) for name in table.column_names}
    out = _Table(list(layout.names), columns, lines, notes, state["codec"], layout.header_line, loader=loader)
    _drop_padding(out, layout, source)
    return out


def _data_line(text: str, layout: Layout) -> int:
    """The file row of the first data row (the header may span several rows when a name holds a line break)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=layout.sep or ",")
    for k, _ in enumerate(reader, start=1):
        if k == layout.records_before_data:
            return reader.line_num + 1
    return layout.header_line + 1


def _drop_padding(table: _Table, layout: Layout, source: str) -> None:
    """Columns with no name (trailing separators) must be empty; drop them, or refuse naming the row."""
    for name in layout.padded:
        col = table.columns[name]
        filled = ~col.empty()
        if filled.any():
            first = np.flatnonzero(filled)[0]
            row = int(table.lines[first])
            position = table.names.index(name) + 1
            if position > layout.header_fields:
                value = col.text[int(first)].as_py()
                raise DataError(
                    f"{source}: row {row} has more values than the header has columns ({value!r} is in column "
                    f"{position}; the header names {layout.header_fields}). This is often an unquoted separator inside "
                    "a value, such as 1,200 in a comma-separated file. Put such values in quotes, remove the thousands "
                    "separators, or pass the right sep=.")
            table.notes.append((f"column {table.names.index(name) + 1} has no name in the header; it is called {name!r} "
                                f"(first value on row {row})",
                                f"第 {table.names.index(name) + 1} 列在表头中没有名称，称为“{name}”（第一个值在第 {row} 行）"))
            continue
        del table.columns[name]
        table.names.remove(name)


def _excel_rows(path: Path, sheet: str | int | None) -> tuple[list[tuple], str, list[str]]:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency of the kit
        raise DataError(f"{path.name}: reading Excel needs the openpyxl package. Run `make lab` again (it installs "
                        "it) or save the sheet as CSV.") from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors for damaged workbooks
        raise DataError(f"{path.name}: the Excel workbook cannot be opened ({type(exc).__name__}: {exc}). Open it in "
                        "Excel or WPS and save it again as .xlsx, or export the sheet as CSV.") from exc
    try:
        names = list(book.sheetnames)
        if sheet is None:
            chosen = None
            for name in names:
                rows = _sheet_rows(book[name])
                if any(sum(c is not None and str(c).strip() != "" for c in r) >= 2 for r in rows[:60]):
                    chosen = name
                    break
            if chosen is None:
                raise DataError(f"{path.name}: no sheet holds a table (sheets: {names}). Pass sheet= with the sheet "
                                "that holds the transactions.")
            return rows, chosen, names
        if isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise DataError(f"{path.name}: sheet={sheet} does not exist; the workbook has {len(names)} sheets "
                                f"{names} (sheet=0 is the first).")
            chosen = names[sheet]
        else:
            matches = [n for n in names if n == sheet] or [n for n in names if n.strip().lower() == str(sheet).strip().lower()]
            if not matches:
                raise DataError(f"{path.name}: there is no sheet called {sheet!r}; the workbook has the sheets {names}. "
                                f"Pass one of them, e.g. sheet={names[0]!r}.")
            chosen = matches[0]
        return _sheet_rows(book[chosen]), chosen, names
    finally:
        book.close()


def _sheet_rows(ws: object) -> list[tuple]:
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    while rows and all(c is None or (isinstance(c, str) and not c.strip()) for c in rows[-1]):
        rows.pop()
    return rows


def _load_excel(path: Path, *, sheet: str | int | None, header_row: int | None,
                choose: Callable[[list[str]], list[str]]) -> _Table:
    rows, chosen, names = _excel_rows(path, sheet)
    note = f" (sheet {chosen!r})"
    layout = find_sheet_layout(rows[:60] if header_row is None else rows[:max(60, header_row)], source=path.name,
                               header_row=header_row, sheet_note=note)
    data = rows[layout.header_line:]
    lines = np.arange(layout.header_line + 1, layout.header_line + 1 + len(data), dtype=np.int64)
    columns: dict[str, _Col] = {}
    width = len(layout.names)
    extra = [r for r in data if len(r) > width and any(c is not None and str(c).strip() for c in r[width:])]
    for j, name in enumerate(layout.names):
        cells = [r[j] if j < len(r) else None for r in data]
        text: list[str | None] = []
        numbers = np.full(len(cells), np.nan)
        stamps = np.full(len(cells), np.datetime64("NaT"), dtype="datetime64[us]")
        for i, c in enumerate(cells):
            if c is None:
                text.append(None)
            elif isinstance(c, bool):
                text.append(str(c))
            elif isinstance(c, (int, float)):
                numbers[i] = float(c)
                text.append(None)
            elif isinstance(c, (_dt.datetime, _dt.date)):
                stamps[i] = np.datetime64(c if isinstance(c, _dt.datetime) else _dt.datetime(c.year, c.month, c.day), "us")
                text.append(None)
            else:
                text.append(str(c))
        columns[name] = _Col(pa.chunked_array([pa.array(text, type=pa.string())]), numbers, stamps)
    notes = []
    if len(names) > 1 or sheet is not None:
        notes.append((f"read sheet {chosen!r} of {names}" + ("" if sheet is not None else "; pass sheet= to read another"),
                      f"读取工作表“{chosen}”（共 {len(names)} 个：{names}）" + ("" if sheet is not None else "；可用 sheet= 指定其他工作表")))
    if layout.header_line > 1:
        notes.append((f"the header is row {layout.header_line}; rows above it (titles, blank rows) are not data",
                      f"表头在第 {layout.header_line} 行；其上方的标题行、空行不是数据"))
    notes += layout.notes
    if extra:
        notes.append((f"{len(extra):,} rows have values right of the last named column; those values are not read",
                      f"有 {len(extra):,} 行在最后一个有名称的列右侧还有值，这些值未读取"))
    out = _Table(layout.names, columns, lines, notes, None, layout.header_line, chosen)
    _drop_padding(out, layout, path.name)
    choose(out.names)
    return out


def _load(path: Path, *, sep: str | None, encoding: str | None, sheet: str | int | None, header_row: int | None,
          hints: tuple[str, ...], choose: Callable[[list[str]], list[str]]) -> tuple[_Table, str]:
    """The table, reading first the columns ``choose(header names)`` asks for (it may refuse the mapping)."""
    if not path.exists():
        raise DataError(f"{path}: file not found. Check the path (it is relative to the notebook's folder).")
    kind = file_kind(path)
    if header_row is not None and (isinstance(header_row, bool) or not isinstance(header_row, (int, np.integer))
                                   or header_row < 1):
        raise DataError(f"{path.name}: header_row={header_row!r} must be a row number, 1 or more (the number an "
                        "editor or Excel shows).")
    if kind == "xlsx":
        return _load_excel(path, sheet=sheet, header_row=header_row, choose=choose), kind
    if sheet is not None:
        raise DataError(f"{path.name}: sheet= is for Excel workbooks; this is a text (CSV) file. Leave sheet= out.")
    return _load_text(path, kind, sep=sep, encoding=encoding, header_row=header_row, hints=hints, choose=choose), kind


# --- mapping -----------------------------------------------------------------------------------


@dataclass
class MappingSuggestion:
    """The columns of a file and the mapping the kit proposes for them.

    Parameters
    ----------
    path : str
        The file, as the call should name it.
    columns : list of str
        The header.
    mapping : dict
        Role (customer, date, amount, order, cost) → column.
    options : dict
        Reading options the call must repeat (sep, encoding, sheet, header_row).

    Examples
    --------
    >>> s = MappingSuggestion("x.csv", ["Kunde", "Datum", "Betrag"], {"customer": "Kunde", "date": "Datum", "amount": "Betrag"})
    >>> s.missing, s.call
    ([], "read_transactions('x.csv', customer='Kunde', date='Datum', amount='Betrag')")
    """

    path: str
    columns: list[str]
    mapping: dict[str, str]
    options: dict[str, object] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        """Required roles (customer, date, amount) with no likely column."""
        return [r for r in REQUIRED if r not in self.mapping]

    @property
    def call(self) -> str:
        """The ``read_transactions`` call that uses the proposed mapping (``...`` where a column is unknown)."""
        parts = [repr(self.path)]
        for role in ROLES:
            if role in self.mapping:
                parts.append(f"{role}={self.mapping[role]!r}")
            elif role in REQUIRED:
                parts.append(f"{role}=...")
        parts += [f"{k}={v!r}" for k, v in self.options.items()]
        return f"read_transactions({', '.join(parts)})"


def suggest_mapping(path: str | Path, *, sep: str | None = None, encoding: str | None = None,
                    sheet: str | int | None = None, header_row: int | None = None) -> MappingSuggestion:
    """Read a file's header and propose which column is the customer, the date, the amount (and order, cost).

    Parameters
    ----------
    path : str or Path
        A CSV (any common separator, any common encoding, gzip too) or ``.xlsx`` file.
    sep, encoding, sheet, header_row
        As for :func:`read_transactions`.

    Returns
    -------
    MappingSuggestion
        ``columns`` (the header), ``mapping`` (role → column), ``missing`` (required
        roles without a column) and ``call`` (the call to make).

    Raises
    ------
    DataError
        If the file cannot be read as a table.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "cn.csv"
    >>> _ = p.write_text("客户编号,下单时间,实付金额\\nC1,2024-03-05,12\\n", encoding="utf-8")
    >>> suggest_mapping(p).mapping
    {'customer': '客户编号', 'date': '下单时间', 'amount': '实付金额'}
    """
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: file not found. Check the path (it is relative to the notebook's folder).")
    try:
        return _suggest(path, sep=sep, encoding=encoding, sheet=sheet, header_row=header_row)
    except _READ_ERRORS as exc:
        raise _unreadable(path, exc) from exc


def _suggest(path: Path, *, sep: str | None, encoding: str | None, sheet: str | int | None,
             header_row: int | None) -> MappingSuggestion:
    kind = file_kind(path)
    options = {k: v for k, v in (("sep", sep), ("encoding", encoding), ("sheet", sheet), ("header_row", header_row))
               if v is not None}
    if kind == "xlsx":
        rows, chosen, _ = _excel_rows(path, sheet)
        layout = find_sheet_layout(rows[:60] if header_row is None else rows[:max(60, header_row)], source=path.name,
                                   header_row=header_row, sheet_note=f" (sheet {chosen!r})")
        names = [n for n in layout.names if n not in layout.padded]
    else:
        sample = read_sample(path, kind)
        codec, _, _ = detect_encoding(path, kind, sample, encoding)
        text = sample.decode(codec, errors="replace")
        layout = find_layout(text, source=path.name, sep=sep, header_row=header_row)
        names = [n for n in layout.names if n not in layout.padded]
    return MappingSuggestion(str(path), names, propose(names), options)


def _resolve(names: list[str], given: dict[str, str | None], source: str, path_text: str,
             options: dict[str, object]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    notes: list[tuple[str, str]] = []
    if any(given[r] is None for r in REQUIRED):
        proposal = propose(names)
        for role, column in given.items():
            if column is not None:
                proposal[role] = column
        suggestion = MappingSuggestion(path_text, names, proposal, options)
        unknown = ", ".join(f"{r}=" for r in suggestion.missing)
        found = ("From the column names, the call is probably:\n    " + suggestion.call + "\nCheck that each name "
                 "is the right column, then run it." if not suggestion.missing else
                 f"No column looks like {unknown}; pick them from the list. A start:\n    {suggestion.call}")
        raise DataError(f"{source}: say which columns hold the customer, the date and the amount. The file has the "
                        f"columns {names}.\n{found}")
    mapping: dict[str, str] = {}
    loose: dict[str, list[str]] = {}
    for name in names:
        loose.setdefault(normalise(name), []).append(name)
    for role in ROLES:
        column = given[role]
        if column is None:
            continue
        if not isinstance(column, str):
            raise DataError(f"{source}: {role}= must be a column name (text), not {column!r}. The file has the columns "
                            f"{names}.")
        if column in names:
            mapping[role] = column
            continue
        matches = loose.get(normalise(column), [])
        if len(matches) == 1:
            mapping[role] = matches[0]
            notes.append((f"{role}={column!r} taken to mean the column {matches[0]!r}",
                          f"{role}={column!r} 理解为列“{matches[0]}”"))
            continue
        proposal = propose(names).get(role)
        hint = f" Did you mean {role}={proposal!r}?" if proposal else f" Pass the name your file uses, e.g. {role}={names[0]!r}."
        if any("\ufffd" in n for n in names):
            hint = (" The names look garbled, so the file is in another encoding than the one used: leave encoding= "
                    "out to have it detected, or pass the right one (e.g. encoding='gb18030' or encoding='big5').")
        raise DataError(f"{source}: column {column!r} (given as {role}=) is missing. Found columns: {names}.{hint}")
    used = [c for c in mapping.values()]
    twice = sorted({c for c in used if used.count(c) > 1})
    if twice:
        raise DataError(f"{source}: column {twice[0]!r} is given for two roles "
                        f"({', '.join(r + '=' for r, c in mapping.items() if c == twice[0])}); each role needs its own column.",
                        zh=f"{source}：列“{twice[0]}”被同时指定给了两项"
                           f"（{'、'.join(r + '=' for r, c in mapping.items() if c == twice[0])}）；每一项需要各自的列。",
                        option="columns")
    return mapping, notes


# --- cleaning ---------------------------------------------------------------------------------


def _ids(col: _Col) -> tuple[pa.ChunkedArray, bool]:
    """Identifiers as text: trimmed; Excel numbers 12345.0 -> '12345'; CSV '12345.0' everywhere -> '12345'."""
    text = A.trimmed(col.text, ascii_only=bool(pc.all(pc.string_is_ascii(col.text)).as_py() is not False))
    stripped = False
    if col.numbers is not None and (~np.isnan(col.numbers)).any():
        values = A.strings(text)
        nums = col.numbers
        for i in np.flatnonzero(~np.isnan(nums)):
            v = nums[i]
            values[i] = str(int(v)) if float(v).is_integer() else repr(float(v))
        if col.datetimes is not None:
            for i in np.flatnonzero(~np.isnat(col.datetimes)):
                values[i] = str(col.datetimes[i])
        text = pa.chunked_array([pa.array(values.tolist(), type=pa.string())])
    head = pc.drop_null(text.slice(0, 2000))
    if len(head) and A.mask(pc.match_substring_regex(head, r"^\d+\.0$")).all():
        whole = A.mask(pc.match_substring_regex(text, r"^\d+\.0$")) | ~A.valid(text)
        if whole.all():
            text = pc.replace_substring_regex(text, r"\.0$", "")
            stripped = True
    return text, stripped


def _examples(lines: np.ndarray, where: np.ndarray, k: int = 5) -> list[int]:
    return [int(x) for x in lines[np.flatnonzero(where)[:k]]]


def _duplicates(table: _Table, dates: np.ndarray, amounts: np.ndarray, alive: np.ndarray) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Rows identical in every column to an earlier row; (row, earlier row) examples.

    Identical rows share their date and amount, then every column read so far: only rows that
    pass both filters are compared in full (reading the file's other columns only then).
    """
    n = table.n
    nothing: tuple[np.ndarray, list[tuple[int, int]]] = (np.zeros(n, dtype=bool), [])
    key = dates.astype("int64").view("uint64") * np.uint64(0x9E3779B97F4A7C15) ^ np.where(
        np.isnan(amounts), np.float64(-0.12345), amounts).view("uint64")
    ordered = np.sort(key)
    repeated = ordered[1:] == ordered[:-1]
    if not repeated.any():
        return nothing
    idx = np.flatnonzero(np.isin(key, np.unique(ordered[1:][repeated])) & alive)
    if len(idx) < 2:
        return nothing
    loaded = pd.DataFrame({name: _cell_text(col, idx) for name, col in table.columns.items()})
    idx = idx[loaded.duplicated(keep=False).to_numpy()]
    if len(idx) < 2:
        return nothing
    frame = pd.DataFrame({name: _cell_text(table.column(name), idx) for name in table.names})
    flags = frame.duplicated(keep="first").to_numpy()
    dup = np.zeros(n, dtype=bool)
    dup[idx[flags]] = True
    pairs: list[tuple[int, int]] = []
    if flags.any():
        group = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
        first_pos: dict[int, int] = {}
        for pos, g in enumerate(group):
            first_pos.setdefault(int(g), pos)
        for pos in np.flatnonzero(flags)[:5]:
            pairs.append((int(table.lines[idx[pos]]), int(table.lines[idx[first_pos[int(group[pos])]]])))
    return dup, pairs


def _cell_text(col: _Col, idx: np.ndarray) -> np.ndarray:
    values = A.strings(A.take_rows(col.text, idx))
    if col.numbers is not None:
        nums = col.numbers[idx]
        values = np.where(np.isnan(nums), values, nums.astype(str))
    if col.datetimes is not None:
        stamps = col.datetimes[idx]
        values = np.where(np.isnat(stamps), values, stamps.astype(str))
    return values


def _totals(table: _Table, roles: dict[str, str], suspects: np.ndarray) -> np.ndarray:
    """Rows labelled as totals (合计, 总计, 小计, Total, Sum, Grand total …) in the customer column, or, among
    ``suspects`` (rows without a customer, date or amount, as totals rows are), in the first or a mapped column."""
    ids = table.columns[roles["customer"]].text
    out = np.zeros(table.n, dtype=bool)
    words = ~A.mask(pc.utf8_is_digit(ids))  # numeric ids cannot be a label: skip them
    if words.any():
        idx = np.flatnonzero(words)
        out[idx] = A.mask(pc.match_substring_regex(ids if len(idx) == table.n else A.take_rows(ids, idx), _TOTALS))
    rest = suspects & ~out
    if rest.any():
        idx = np.flatnonzero(rest)
        for name in dict.fromkeys([roles[r] for r in ("order", "date", "amount") if r in roles] + table.names[:1]):
            sub = A.take_rows(table.columns[name].text, idx)
            out[idx[A.mask(pc.match_substring_regex(sub, _TOTALS))]] = True
    return out


def _refuse_mostly_bad(source: str, column: str, role: str, what: str, bad: np.ndarray, among: np.ndarray,
                       table: _Table, fix: str, what_zh: str = "") -> None:
    n_bad, n_all = int((bad & among).sum()), int(among.sum())
    if n_all and n_bad > n_all / 2:
        idx = np.flatnonzero(bad & among)[:3]
        cells = [(int(table.lines[i]), _cell_text(table.columns[column], np.array([i]))[0]) for i in idx]
        shown = ", ".join(f"row {line}: {text!r}" for line, text in cells)
        shown_zh = "，".join(f"第 {line} 行：{text!r}" for line, text in cells)
        raise DataError(f"{source}: column {column!r} (given as {role}=) is not a column of {what}: {n_bad:,} of "
                        f"{n_all:,} values cannot be read ({shown}). {fix} The file has the columns {table.names}.",
                        zh=f"{source}：列“{column}”（指定为 {role}=）不是{what_zh or what}列：{n_all:,} 个值中有 {n_bad:,} 个"
                           f"无法读取（{shown_zh}）。请检查列的选择。文件中的列有：{table.names}。",
                        option="columns")


def read_transactions(
    path: str | Path,
    customer: str | None = None,
    date: str | None = None,
    amount: str | None = None,
    cost: str | None = None,
    order: str | None = None,
    sep: str | None = None,
    *,
    encoding: str | None = None,
    dayfirst: bool | None = None,
    decimal: str | None = None,
    thousands: str | None = None,
    sheet: str | int | None = None,
    header_row: int | None = None,
    keep_duplicates: bool = False,
    as_of: object = None,
    date_floor: object = DATE_FLOOR,
    tz: str | None = None,
    lang: str = "en",
) -> tuple[pd.DataFrame, CleaningReport]:
    """Read a trainer's or learner's own transaction file (CSV or Excel) into the standard columns.

    Parameters
    ----------
    path : str or Path
        A CSV/TSV/TXT (separator ``, ; TAB |``, gzip too) or ``.xlsx`` file.
    customer, date, amount : str
        The file's names for the customer id, the transaction date and the amount paid.
        Leave them out to get the proposed call (see :func:`suggest_mapping`).
    cost : str, optional
        Column with the cost of goods (enables margin).
    order : str, optional
        Order/invoice id column (default: one order per row, ``row<N>``).
    sep : str, optional
        CSV separator; found from the file when None.
    encoding : str, optional
        Text encoding (``"utf-8"``, ``"gb18030"``, ``"big5"``, ``"cp1252"`` …); detected when None.
    dayfirst : bool, optional
        ``True``: 05/03/2024 is 5 March; ``False``: May 3. Decided from the data when None
        (and refused when the data cannot tell).
    decimal : {".", ","}, optional
        Decimal mark of amount and cost; decided per column from the data when None.
    thousands : str, optional
        Thousands separator (``","``, ``"."``, ``" "``, ``"'"`` or ``""``); default: the other mark.
    sheet : str or int, optional
        Excel sheet name or 0-based position; default: the first sheet with a table.
    header_row : int, optional
        Row number (as an editor or Excel shows it) of the column names; found when None.
    keep_duplicates : bool
        Keep rows identical in every column to an earlier row (default: exclude and report them).
    as_of : date-like, optional
        The analysis date: rows dated on or after it are excluded and reported. Default:
        rows dated after today are excluded (a purchase cannot be in the future).
    date_floor : date-like
        Rows dated before it are excluded and reported (placeholders such as 1900-01-01).
    tz : str, optional
        Time zone that times with a zone are converted to (e.g. ``"Asia/Shanghai"``); times
        without one are taken to be in it. Default: the column's most common offset.
    lang : {"en", "zh"}
        Language of the report's text.

    Returns
    -------
    (DataFrame, CleaningReport)
        ``customer_id`` (text), ``order_id`` (text), ``date`` (datetime, no zone),
        ``revenue`` (float; negative for a return) and ``cost`` when given, in file order;
        and the report: rows read = rows excluded (by reason, with example file rows) +
        rows kept, plus what was decided (encoding, formats, zone).

    Raises
    ------
    DataError
        When the file cannot be read right: not a table, no header, a column missing or
        not given, a column that mixes or hides its convention (decimal mark, date order,
        time zones), or mostly unreadable values. The message names the file, the column,
        the row(s) and the fix.

    Examples
    --------
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "orders.csv"
    >>> _ = p.write_text("Client;Day;Paid\\nA;2024-01-05;10,5\\n;2024-01-06;3\\nB;not a date;4\\nB;2024-02-01;7\\n")
    >>> frame, report = read_transactions(p, customer="Client", date="Day", amount="Paid")
    >>> frame[["customer_id", "revenue"]].values.tolist()
    [['A', 10.5], ['B', 7.0]]
    >>> print(report)
    orders.csv: 4 rows read, 2 excluded, 2 kept
      - missing customer id: 1 rows (e.g. rows 3)
      - date is not a date: 1 rows (e.g. rows 4)
      warning: 50% of the rows were excluded; check the reasons before trusting the results
      warning: the excluded rows carry 29% of the amounts that could be read
      note: the file is UTF-8
      note: columns are separated by ';'
      note: amounts in 'Paid' use a decimal comma (1.234,50 = one thousand two hundred and thirty-four and a half)
    """
    if lang not in ("en", "zh"):
        raise DataError(f"lang={lang!r} is not supported; use lang='en' or lang='zh'.")
    if dayfirst not in (None, True, False):
        raise DataError(f"dayfirst={dayfirst!r} must be True (day/month/year), False (month/day/year) or None.")
    path = Path(path)
    source = path.name
    given = {"customer": customer, "date": date, "amount": amount, "order": order, "cost": cost}
    hints = tuple(v for v in given.values() if isinstance(v, str))
    options = {k: v for k, v in (("sep", sep), ("encoding", encoding), ("sheet", sheet), ("header_row", header_row))
               if v is not None}
    resolved: dict[str, object] = {}

    def choose(names: list[str]) -> list[str]:
        resolved["roles"], resolved["notes"] = _resolve(names, given, source, str(path), options)
        return list(resolved["roles"].values())

    try:
        table, kind = _load(path, sep=sep, encoding=encoding, sheet=sheet, header_row=header_row, hints=hints,
                            choose=choose)
    except _READ_ERRORS as exc:
        raise _unreadable(path, exc) from exc
    roles, map_notes = resolved["roles"], resolved["notes"]
    try:
        floor = pd.Timestamp(date_floor) if date_floor is not None else None
        limit = pd.Timestamp(as_of) if as_of is not None else None
    except (ValueError, TypeError) as exc:
        raise DataError(f"{source}: as_of= and date_floor= must be dates such as '2024-12-31' ({exc}).") from exc
    report = CleaningReport(source, table.n, encoding=table.encoding, columns=dict(roles), lang=lang)
    for en, zh in table.notes + map_notes:
        report.note(en, zh)
    n = table.n
    lines = table.lines

    # values, one convention per column
    dcol, acol = table.columns[roles["date"]], table.columns[roles["amount"]]
    dates = parse_dates(dcol.text, column=roles["date"], source=source, lines=lines, dayfirst=dayfirst, tz=tz,
                        datetimes=dcol.datetimes, numbers=dcol.numbers)
    amounts = parse_amounts(acol.text, column=roles["amount"], source=source, lines=lines, decimal=decimal,
                            thousands=thousands, numbers=acol.numbers)
    ids, stripped = _ids(table.columns[roles["customer"]])
    orders = _ids(table.columns[roles["order"]])[0] if "order" in roles else None
    no_customer = ~A.valid(ids)

    # exclusions, in order; each row is counted once, under the first reason that applies
    alive = np.ones(n, dtype=bool)

    def exclude(where: np.ndarray, en: str, zh: str) -> None:
        hit = where & alive
        if hit.any():
            report.steps.append(CleaningStep(en, int(hit.sum()), _examples(lines, hit), zh))
            alive[hit] = False

    empty = np.ones(n, dtype=bool)
    for col in table.columns.values():
        empty &= col.empty()
    if empty.any() and not table.complete:  # blank in the columns read so far: check the others too
        table.load(table.names)
        for name in table.names:
            empty &= table.columns[name].empty()
    exclude(empty, "empty row", "空行")
    suspects = alive & (no_customer | dates.bad | dates.missing | amounts.bad | amounts.missing)
    exclude(_totals(table, roles, suspects), "totals row (合计/总计/Total …)", "合计行（合计/总计/Total 等）")
    if not keep_duplicates:
        dup, pairs = _duplicates(table, dates.values, amounts.values, alive)
        exclude(dup, "exact duplicate of an earlier row", "与前面某行完全相同（重复行）")
        if pairs:
            shown = ", ".join(f"row {a} repeats row {b}" for a, b in pairs[:3])
            shown_zh = "，".join(f"第 {a} 行重复第 {b} 行" for a, b in pairs[:3])
            report.note(f"duplicates: {shown}; pass keep_duplicates=True if such rows are real repeat purchases",
                        f"重复行：{shown_zh}；如这些确是重复购买，请用 keep_duplicates=True 保留")
    exclude(no_customer, "missing customer id", "缺少客户编号")
    _refuse_mostly_bad(source, roles["date"], "date", "dates", dates.bad, alive & ~dates.missing, table,
                       "Check that date= names the date column; dates such as 2024-03-05, 05/03/2024, 2024年3月5日, "
                       "5 Mar 2024 and Excel serial numbers are understood.", "日期")
    exclude(dates.missing, "missing date", "缺少日期")
    exclude(dates.bad, "date is not a date", "日期无法识别")
    stamps = dates.values
    if floor is not None:
        exclude(stamps < floor.to_datetime64(), f"dated before {floor.date()} (date_floor=)",
                f"日期早于 {floor.date()}（date_floor=）")
    if limit is not None:
        exclude(stamps >= limit.to_datetime64(), f"dated on or after the analysis date {limit.date()} (as_of=)",
                f"日期不早于分析日 {limit.date()}（as_of=）")
    else:
        today = pd.Timestamp.now().normalize()
        exclude(stamps >= (today + pd.Timedelta(days=1)).to_datetime64(), f"dated after today ({today.date()})",
                f"日期晚于今天（{today.date()}）")
    _refuse_mostly_bad(source, roles["amount"], "amount", "amounts", amounts.bad, alive & ~amounts.missing, table,
                       "Check that amount= names the column with the money paid.", "金额")
    exclude(amounts.missing, "missing amount", "缺少金额")
    exclude(amounts.bad, "amount is not a number", "金额不是数字")

    kept = np.flatnonzero(alive)
    report.kept_rows = len(kept)
    if len(kept) == 0:
        raise DataError(f"{source}: no row is left to analyse.\n{report.to_text('en')}\nCheck the column names and "
                        "the options (dayfirst=, decimal=, as_of=, date_floor=).")
    everything = len(kept) == n

    def pick(arr: pa.ChunkedArray) -> pd.Series:
        return (arr if everything else A.take_rows(arr, kept)).to_pandas()

    out = pd.DataFrame({
        "customer_id": pick(ids),
        "order_id": (pick(orders) if orders is not None
                     else pd.Series([f"row{int(x)}" for x in lines[kept]], dtype="str")),
        "date": pd.Series(stamps if everything else stamps[kept]),
        "revenue": pd.Series(amounts.values if everything else amounts.values[kept], dtype="float64"),
    }, copy=False)
    if "cost" in roles:
        ccol = table.columns[roles["cost"]]
        costs = parse_amounts(ccol.text, column=roles["cost"], source=source, lines=lines, decimal=decimal,
                              thousands=thousands, numbers=ccol.numbers)
        bad = (costs.bad | costs.missing) & alive
        if bad.any():
            rows = _examples(lines, bad)
            raise DataError(f"{source}: column {roles['cost']!r} (given as cost=) has {int(bad.sum())} values that are "
                            f"not numbers (rows {rows}); fix them or leave cost out.")
        out["cost"] = costs.values[kept]
        for en, zh in costs.notes:
            report.note(en, zh)
    if orders is not None and orders.null_count:
        missing_orders = int((~A.valid(orders) & alive).sum())
        if missing_orders:
            report.note(f"{missing_orders:,} kept rows have no order id; each is its own order ('' as order_id)",
                        f"有 {missing_orders:,} 个保留的行没有订单号（order_id 为空）")
            out["order_id"] = out["order_id"].fillna("")
    for en, zh in dates.notes + amounts.notes:
        report.note(en, zh)
    if stripped:
        report.note("customer ids written as 12345.0 are read as 12345", "写成 12345.0 的客户编号按 12345 读取")
    if n and report.excluded_rows > _EXCLUDE_WARN * n:
        share = report.excluded_rows / n
        report.warn(f"{share:.0%} of the rows were excluded; check the reasons before trusting the results",
                    f"{share:.0%} 的行被排除；请先核对原因，再使用结果")
        lost = np.nansum(np.abs(amounts.values[~alive & ~empty]))
        total = np.nansum(np.abs(amounts.values))
        if total > 0 and lost / total > _EXCLUDE_WARN:
            report.warn(f"the excluded rows carry {lost / total:.0%} of the amounts that could be read",
                        f"被排除的行占可读金额的 {lost / total:.0%}")
    return out, report
