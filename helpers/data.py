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

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.catalog import label
from helpers.io.reader import MappingSuggestion, read_transactions, suggest_mapping
from helpers.io.report import CleaningReport, CleaningStep, DataError
from helpers.paths import DATA_DIR, SYNTHETIC_DIR

__all__ = ["CleaningReport", "CleaningStep", "Company", "DataError", "MappingSuggestion", "TABLES", "load_cdnow",
           "load_company", "load_online_retail", "load_synthetic", "read_transactions", "suggest_mapping"]

REAL_DIR = DATA_DIR / "real"


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

    Returns
    -------
    DataFrame
        The table with its columns typed (dates as datetime, amounts as float).

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
        The tables, as :func:`load_synthetic` returns them.

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
        Where the six CSV files are (default: ``datasets/synthetic``).

    Returns
    -------
    Company

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


# --- a user's own file: see helpers.io (read_transactions, suggest_mapping) --------------------
