"""Load, clean and validate the course's data, and a learner's or client's own file.

Every transaction loader returns the same standard columns, so every module
works on any of them:

==============  ===========  ================================================
column          type         meaning
==============  ===========  ================================================
``customer_id`` string       who bought
``order_id``    string       the order (invoice) the row belongs to
``date``        datetime     when
``revenue``     float        amount paid (negative for a return)
``cost``        float        cost of the goods (only where the source has it)
==============  ===========  ================================================

Cleaning never drops rows silently: loaders return a :class:`CleaningReport`
that counts every excluded row by reason and reconciles with the raw file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.catalog import label
from helpers.paths import DATA_DIR, SYNTHETIC_DIR

REAL_DIR = DATA_DIR / "real"


class DataError(ValueError):
    """A data file cannot be used as it is; the message names the file, the column and the fix."""


@dataclass
class CleaningStep:
    """One cleaning rule and the rows it excluded.

    Parameters
    ----------
    reason : str
        Why the rows were excluded, in English.
    rows_excluded : int
        How many rows.
    example_rows : list of int
        Up to five of them, numbered as in the file.
    reason_zh : str, default ""
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
        lang : {"en", "zh"}, default "en"
            The language.

        Returns
        -------
        str

        Examples
        --------
        >>> CleaningStep("empty row", 1, [4], "空行").text("zh")
        '空行'
        """
        return self.reason_zh if lang == "zh" and self.reason_zh else self.reason


@dataclass
class CleaningReport:
    """What a loader read, what it excluded and why, and what it kept.

    Row numbers are as in the file, counting the header as row 1.

    Parameters
    ----------
    source : str
        The file's name.
    raw_rows : int
        Rows read.
    steps : list of CleaningStep
        The exclusions, in order.
    kept_rows : int
        Rows kept (``raw_rows`` minus the excluded ones when the counts reconcile).
    notes, notes_zh : list of str
        What was decided, in English and in Chinese (see :meth:`note`).
    lang : {"en", "zh"}, default "en"
        The language the report shows itself in (``print``, and the table a notebook displays).

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
    lang: str = "en"

    @property
    def excluded_rows(self) -> int:
        """Rows excluded by all steps together."""
        return sum(s.rows_excluded for s in self.steps)

    @property
    def reconciles(self) -> bool:
        """True when raw rows − excluded rows = kept rows."""
        return self.raw_rows - self.excluded_rows == self.kept_rows

    def to_frame(self) -> pd.DataFrame:
        """One row per step plus the totals, for display or export.

        Returns
        -------
        DataFrame
            Columns ``step``, ``rows`` (excluded rows negative) and ``example rows``.

        Examples
        --------
        >>> CleaningReport("f.csv", 3, [CleaningStep("bad date", 1, [2])], 2).to_frame()["rows"].tolist()
        [3, -1, 2]
        """
        rows = [("rows read", self.raw_rows, "")]
        rows += [(s.reason, -s.rows_excluded, ", ".join(map(str, s.example_rows))) for s in self.steps]
        rows.append(("rows kept", self.kept_rows, ""))
        return pd.DataFrame(rows, columns=["step", "rows", "example rows"])

    def note(self, en: str, zh: str = "") -> None:
        """Add a note in English and (optionally) Chinese.

        Parameters
        ----------
        en, zh : str
            The note in English and in Chinese (the English one is shown when ``zh`` is empty).

        Examples
        --------
        >>> r = CleaningReport("f.csv", 0)
        >>> r.note("read as UTF-8", "按 UTF-8 读取")
        >>> r.to_text("zh").splitlines()[-1]
        '  说明：按 UTF-8 读取'
        """
        self.notes.append(en)
        self.notes_zh.append(zh or en)

    def _notes(self, lang: str) -> list[str]:
        return self.notes_zh if lang == "zh" and len(self.notes_zh) == len(self.notes) else self.notes

    def to_text(self, lang: str | None = None) -> str:
        """The report as plain text in ``lang`` ("en" or "zh"; default: the report's ``lang``).

        Parameters
        ----------
        lang : {"en", "zh"}, optional
            The language; default :attr:`lang`.

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
        lang = lang or self.lang
        if lang == "zh":
            lines = [f"{self.source}：读入 {self.raw_rows:,} 行，排除 {self.excluded_rows:,} 行，保留 {self.kept_rows:,} 行"]
            for s in self.steps:
                eg = f"（例如第 {'、'.join(map(str, s.example_rows))} 行）" if s.example_rows else ""
                lines.append(f"  - {s.text('zh')}：{s.rows_excluded:,} 行{eg}")
            lines += [f"  说明：{n}" for n in self._notes("zh")]
            return "\n".join(lines)
        lines = [f"{self.source}: {self.raw_rows:,} rows read, {self.excluded_rows:,} excluded, {self.kept_rows:,} kept"]
        for s in self.steps:
            eg = f" (e.g. rows {', '.join(map(str, s.example_rows))})" if s.example_rows else ""
            lines.append(f"  - {s.reason}: {s.rows_excluded:,} rows{eg}")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_pretty_(self, printer: object, cycle: bool) -> None:
        """IPython's plain-text view (a console, or a notebook's text/plain): the text in :attr:`lang`."""
        printer.text(self.to_text())

    def _repr_markdown_(self) -> str:
        if self.lang == "zh":
            lines = [f"**{self.source}**：读入 {self.raw_rows:,} 行，排除 {self.excluded_rows:,} 行，"
                     f"**保留 {self.kept_rows:,} 行**" + ("（各项相加与读入行数一致）。" if self.reconciles else "——各项相加与读入行数不一致！"), ""]
            if self.steps:
                lines += ["| 排除原因 | 行数 |", "|---|---:|"]
                lines += [f"| {s.text('zh')} | {s.rows_excluded:,} |" for s in self.steps]
            lines += [f"\n*说明：*{n}" for n in self._notes("zh")]
            return "\n".join(lines)
        lines = [f"**{self.source}**: {self.raw_rows:,} rows read, {self.excluded_rows:,} excluded, "
                 f"**{self.kept_rows:,} kept**" + (" (the counts reconcile)." if self.reconciles else " — counts do NOT reconcile!"), ""]
        if self.steps:
            lines += ["| Excluded because | Rows |", "|---|---:|"]
            lines += [f"| {s.reason} | {s.rows_excluded:,} |" for s in self.steps]
        lines += [f"\n*Note:* {n}" for n in self.notes]
        return "\n".join(lines)


def _exclude(frame: pd.DataFrame, mask: pd.Series, reason: str, report: CleaningReport,
             reason_zh: str = "") -> pd.DataFrame:
    """Drop ``mask`` rows from ``frame`` and record them (row numbers: file rows, header = 1)."""
    n = int(mask.sum())
    report.steps.append(CleaningStep(reason, n, [int(i) + 2 for i in frame.index[mask][:5]], reason_zh))
    return frame.loc[~mask]


def _exclude_as(frame: pd.DataFrame, mask: pd.Series, key: str, report: CleaningReport) -> pd.DataFrame:
    """:func:`_exclude` with the reason from the catalog (``key``), in English and Chinese."""
    return _exclude(frame, mask, label(key, "en"), report, label(key, "zh"))


def _require(frame: pd.DataFrame, columns: list[str], source: str, hint: str = "") -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(
            f"{source}: column {missing[0]!r} is missing. Found columns: {list(frame.columns)}. "
            + (hint or f"Rename your column to {missing[0]!r} or restore the original file.")
        )


# --- the synthetic company ------------------------------------------------------------------

_SYNTHETIC_SCHEMA: dict[str, dict[str, str]] = {
    "customers": {"customer_id": "str", "signup_date": "date", "city": "str", "acquisition_channel": "str", "membership": "str"},
    "transactions": {"order_id": "str", "customer_id": "str", "timestamp": "datetime", "revenue": "float", "cost": "float",
                     "category": "str", "channel": "str", "is_return": "bool", "return_of": "str"},
    "survey": {"customer_id": "str", "survey_date": "date", "satisfaction": "int", "repurchase_probability": "int",
               "recommend_score": "int", "recommend_3": "str"},
    "contacts": {"contact_id": "str", "customer_id": "str", "date": "date", "initiated_by": "str", "contact_type": "str",
                 "cost_to_serve": "float"},
    "leads": {"lead_id": "str", "created_date": "date", "city": "str", "source": "str"},
    "program": {"customer_id": "str", "group": "str", "assigned_date": "date"},
}
TABLES: tuple[str, ...] = tuple(_SYNTHETIC_SCHEMA)


def _typed(frame: pd.DataFrame, schema: dict[str, str], source: str) -> pd.DataFrame:
    _require(frame, list(schema), source, "Restore datasets/ from the kit, or regenerate it with `python -m coursekit.datasets generate`.")
    out = frame[list(schema)].copy()
    for col, kind in schema.items():
        if kind in ("date", "datetime"):
            parsed = pd.to_datetime(out[col], errors="coerce", format="ISO8601")
            bad = parsed.isna() & out[col].notna()
            if bad.any():
                rows = [int(i) + 2 for i in out.index[bad][:5]]
                raise DataError(f"{source}: column {col!r} has {int(bad.sum())} values that are not dates (rows {rows}); "
                                "fix them or regenerate the file.")
            out[col] = parsed
        elif kind == "float":
            out[col] = pd.to_numeric(out[col], errors="raise").astype(float)
        elif kind == "int":
            out[col] = pd.to_numeric(out[col], errors="raise").astype(int)
        elif kind == "bool":
            out[col] = out[col].astype(str).str.lower().map({"true": True, "false": False}).astype(bool)
        else:
            out[col] = out[col].fillna("").astype(str)
    return out


def load_synthetic(table: str, folder: Path = SYNTHETIC_DIR) -> pd.DataFrame:
    """One table of the synthetic company, typed and validated.

    ``transactions`` also gets the standard ``date`` column (a copy of ``timestamp``).

    Parameters
    ----------
    table : {"customers", "transactions", "survey", "contacts", "leads", "program"}
        Which table.
    folder : Path, optional
        Where the CSV files are; default ``datasets/synthetic``.

    Returns
    -------
    DataFrame
        The table with its documented columns and types (``datasets/README.md``).

    Raises
    ------
    DataError
        If the table name is unknown, the file is missing or a column is missing or malformed.

    Examples
    --------
    >>> tx = load_synthetic("transactions")
    >>> pd.api.types.is_datetime64_any_dtype(tx["date"]), tx["revenue"].dtype.kind, tx["is_return"].dtype.kind
    (True, 'f', 'b')
    """
    if table not in _SYNTHETIC_SCHEMA:
        raise DataError(f"no synthetic table {table!r}; choose one of {list(_SYNTHETIC_SCHEMA)}.")
    path = folder / f"{table}.csv"
    if not path.exists():
        raise DataError(f"{path.name}: file not found in {folder}. Restore datasets/ from the kit, or regenerate it with `python -m coursekit.datasets generate`.")
    frame = _typed(pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""]), _SYNTHETIC_SCHEMA[table], path.name)
    if table == "transactions":
        frame.insert(2, "date", frame["timestamp"])
    return frame


@dataclass(frozen=True)
class Company:
    """All six tables of the synthetic company (see ``datasets/README.md``).

    Parameters
    ----------
    customers, transactions, survey, contacts, leads, program : DataFrame
        The tables, as :func:`load_synthetic` reads them.

    Examples
    --------
    >>> company = load_company()
    >>> [len(company.survey), len(company.leads)]
    [1000, 3000]
    """

    customers: pd.DataFrame
    transactions: pd.DataFrame
    survey: pd.DataFrame
    contacts: pd.DataFrame
    leads: pd.DataFrame
    program: pd.DataFrame


def load_company(folder: Path = SYNTHETIC_DIR) -> Company:
    """The synthetic company: customers, transactions, survey, contacts, leads and program.

    Parameters
    ----------
    folder : Path, optional
        Where the CSV files are; default ``datasets/synthetic``.

    Returns
    -------
    Company
        The six tables.

    Examples
    --------
    >>> company = load_company()
    >>> len(company.customers), bool(company.transactions["customer_id"].isin(company.customers["customer_id"]).all())
    (5000, True)
    """
    return Company(**{name: load_synthetic(name, folder) for name in TABLES})


# --- real data ------------------------------------------------------------------------------


def load_online_retail(path: Path | None = None, *, lang: str = "en") -> tuple[pd.DataFrame, CleaningReport]:
    """UCI Online Retail, one row per invoice line, cleaned the usual way and reported.

    Cleaning, in order: drop rows without a CustomerID (the shop could not tell
    who bought), drop cancellation invoices (InvoiceNo starting with "C"),
    drop rows with Quantity <= 0. ``revenue`` = Quantity × UnitPrice (GBP).

    Parameters
    ----------
    path : Path, optional
        The file; default ``datasets/real/online_retail.csv.gz``.
    lang : {"en", "zh"}, default "en"
        The language the cleaning report shows itself in (it holds both).

    Returns
    -------
    (DataFrame, CleaningReport)
        Standard columns plus ``quantity``, ``unit_price``, ``stock_code``,
        ``description`` and ``country``.

    Examples
    --------
    >>> retail, report = load_online_retail()
    >>> report.raw_rows, report.kept_rows, report.reconciles
    (541909, 397924, True)
    >>> report.steps[0].text("zh")
    '没有 CustomerID（无法知道是谁买的）'
    """
    path = path or REAL_DIR / "online_retail.csv.gz"
    raw = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "Description": str, "Country": str},
                      keep_default_na=False, na_values={"CustomerID": [""]})
    _require(raw, ["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"], path.name)
    report = CleaningReport(path.name, len(raw), lang=lang)
    df = _exclude_as(raw, raw["CustomerID"].isna(), "clean_no_customer_id", report)
    df = _exclude_as(df, df["InvoiceNo"].str.startswith("C"), "clean_cancellation", report)
    df = _exclude_as(df, df["Quantity"] <= 0, "clean_quantity", report)
    out = pd.DataFrame({
        "customer_id": df["CustomerID"].astype("int64").astype(str),
        "order_id": df["InvoiceNo"],
        "date": pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S"),
        "revenue": (df["Quantity"] * df["UnitPrice"]).astype(float),
        "quantity": df["Quantity"].astype(int),
        "unit_price": df["UnitPrice"].astype(float),
        "stock_code": df["StockCode"],
        "description": df["Description"],
        "country": df["Country"],
    }).reset_index(drop=True)
    report.kept_rows = len(out)
    zero_price = int((out["unit_price"] <= 0).sum())
    if zero_price:
        report.note(label("clean_free_items", "en", n=zero_price), label("clean_free_items", "zh", n=zero_price))
    return out, report


def load_cdnow(sample: bool = False, path: Path | None = None, *, lang: str = "en") -> tuple[pd.DataFrame, CleaningReport]:
    """The CDNOW cohort (Q1-1997 first-time buyers, followed to mid-1998), one row per purchase record.

    Nothing is excluded; records of $0 are kept and counted in the report's
    notes. ``order_id`` is ``<customer>-<row number>``; ``revenue`` in USD.

    Parameters
    ----------
    sample : bool, default False
        Read the small sample shipped with the kit instead of the full file.
    path : Path, optional
        The file; default ``datasets/real/CDNOW_master.txt`` (or the sample).
    lang : {"en", "zh"}, default "en"
        The language the cleaning report shows itself in (it holds both).

    Returns
    -------
    (DataFrame, CleaningReport)
        Standard columns plus ``cds`` (number of CDs).

    Examples
    --------
    >>> cd, report = load_cdnow()
    >>> report.kept_rows, cd["customer_id"].nunique()
    (69659, 23570)
    """
    if sample:
        path = path or REAL_DIR / "CDNOW_sample.txt"
        raw = pd.read_csv(path, sep=r"\s+", header=None, names=["master_id", "customer_id", "date", "cds", "revenue"],
                          dtype={"master_id": str, "customer_id": str, "date": str})
    else:
        path = path or REAL_DIR / "CDNOW_master.txt"
        raw = pd.read_csv(path, sep=r"\s+", dtype={"customer_id": str, "date": str})
        raw = raw.rename(columns={"number_of_cds": "cds", "dollar_value": "revenue"})
    _require(raw, ["customer_id", "date", "cds", "revenue"], path.name)
    report = CleaningReport(path.name, len(raw), lang=lang)
    out = pd.DataFrame({
        "customer_id": raw["customer_id"].astype(str),
        "order_id": raw["customer_id"].astype(str) + "-" + pd.Series(np.arange(2, len(raw) + 2), index=raw.index).astype(str),
        "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
        "revenue": raw["revenue"].astype(float),
        "cds": raw["cds"].astype(int),
    })
    report.kept_rows = len(out)
    zero = int((out["revenue"] == 0).sum())
    if zero:
        report.note(label("clean_zero_records", "en", n=zero), label("clean_zero_records", "zh", n=zero))
    return out, report


# --- a user's own file ------------------------------------------------------------------------


def _first_long_row(path: Path, sep: str | None) -> int | str:
    """File row number (header = 1) of the first row with more fields than the header."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
        delimiter = sep or max(",;\t|", key=header.count)
        width = len(next(csv.reader([header], delimiter=delimiter)))
        for number, fields in enumerate(csv.reader(fh, delimiter=delimiter), start=2):
            if len(fields) > width:
                return number
    return "?"


def read_transactions(
    path: str | Path,
    customer: str,
    date: str,
    amount: str,
    cost: str | None = None,
    order: str | None = None,
    sep: str | None = None,
) -> tuple[pd.DataFrame, CleaningReport]:
    """Read a trainer's or learner's own transaction file (CSV or Excel) into the standard columns.

    Parameters
    ----------
    path : CSV (any common separator) or ``.xlsx`` (needs openpyxl)
    customer, date, amount : the file's names for customer id, order date and amount paid
    cost : optional column with the cost of goods (enables margin)
    order : optional order/invoice id column (default: one order per row)
    sep : CSV separator; guessed when None

    Returns
    -------
    (DataFrame, CleaningReport)
        Rows with a missing customer id, a date that is not a date, or an amount
        that is not a number are excluded and counted (with example row
        numbers as in the file), never dropped silently.

    Raises
    ------
    DataError
        If the file is missing or unreadable, or a named column does not exist
        (the message lists the columns that do).

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
      - amount is not a number: 0 rows
    """
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: file not found. Check the path (it is relative to the notebook's folder).")
    if path.suffix.lower() in (".xlsx", ".xls"):
        try:
            raw = pd.read_excel(path, dtype=str)
        except ImportError as exc:
            raise DataError(f"{path.name}: reading Excel needs the openpyxl package. Install it "
                            "(`pip install openpyxl`) or save the sheet as CSV.") from exc
    else:
        try:
            raw = pd.read_csv(path, sep=sep, engine="python", dtype=str, keep_default_na=False, na_values=[""],
                              encoding="utf-8-sig")
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise DataError(f"{path.name}: could not read it as CSV ({exc}). Save it as UTF-8 CSV, or pass sep=','.") from exc
    if not isinstance(raw.index, pd.RangeIndex):
        raise DataError(f"{path.name}: row {_first_long_row(path, sep)} has more values than the header has columns "
                        "(often an unquoted comma inside a number such as 1,200). Put such values in quotes, "
                        "remove the thousands separators, or pass the right sep=.")
    if len(raw.columns) == 1 and sep is None and any(s in raw.columns[0] for s in ",;\t|"):
        raise DataError(f"{path.name}: all data landed in one column ({raw.columns[0]!r}); pass the separator, e.g. sep=';'.")
    hint = "Pass the name your file uses, e.g. customer=\"Client ID\"."
    for role, col in (("customer", customer), ("date", date), ("amount", amount), ("cost", cost), ("order", order)):
        if col is not None and col not in raw.columns:
            raise DataError(f"{path.name}: column {col!r} (given as {role}=) is missing. Found columns: {list(raw.columns)}. {hint}")
    report = CleaningReport(path.name, len(raw))
    df = _exclude(raw, raw[customer].isna() | (raw[customer].str.strip() == ""), "missing customer id", report)
    dates = pd.to_datetime(df[date], errors="coerce", format="mixed", dayfirst=False)
    df = _exclude(df, dates.isna(), "date is not a date", report)
    dates = dates.loc[df.index]

    def number(s: pd.Series) -> pd.Series:
        text = s.str.strip().str.replace(r"[¥$£€\s]", "", regex=True)
        comma_decimal = text.str.fullmatch(r"-?\d+,\d{1,2}")
        text = text.where(~comma_decimal.fillna(False), text.str.replace(",", ".", regex=False))
        return pd.to_numeric(text.str.replace(",", "", regex=False), errors="coerce")

    amounts = number(df[amount])
    df = _exclude(df, amounts.isna(), "amount is not a number", report)
    out = pd.DataFrame({
        "customer_id": df[customer].str.strip(),
        "order_id": df[order].astype(str) if order else pd.Series([f"row{i + 2}" for i in df.index], index=df.index),
        "date": dates.loc[df.index],
        "revenue": amounts.loc[df.index].astype(float),
    })
    if cost:
        costs = number(df[cost])
        bad = costs.isna()
        if bad.any():
            rows = [int(i) + 2 for i in df.index[bad][:5]]
            raise DataError(f"{path.name}: column {cost!r} has {int(bad.sum())} values that are not numbers (rows {rows}); "
                            "fix them or leave cost out.")
        out["cost"] = costs.astype(float)
    out = out.reset_index(drop=True)
    report.kept_rows = len(out)
    return out, report
