"""Property tests: a table written with any supported convention reads back as the same rows."""

from __future__ import annotations

import csv
import os
import io
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fixtures.make_exports import TIME_STYLES, fmt_amount, fmt_date
from helpers.data import DataError, read_transactions
from helpers.io.dates import parse_dates
from helpers.io.numbers import parse_amounts

UNAMBIGUOUS = ["iso", "iso_time", "isoT", "iso_loose", "ymd_slash", "ymd_slash_time", "cn", "cn_time", "mon",
               "mon_long", "compact", "serial"]
DAY_FIRST = ["dmy_slash", "dmy_dot", "dmy_dot_short", "dmy_dash", "dmy_time"]
MONTH_FIRST = ["mdy_slash", "mdy_ampm"]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "cp1252", "utf-16"]
CURRENCY = [("", ""), ("¥", ""), ("￥", ""), ("$", ""), ("€", ""), ("£", ""), ("RMB ", ""), ("", "元"), ("", " EUR"),
            ("US$", "")]
NEGATIVE = ["minus", "paren", "trailing", "unicode", "inner"]
CUSTOMERS = ["C001", "C002", "00123", "A-17", "张三", "李四", "王五", "Müller", "Zoë", "7"]
SETTINGS = settings(max_examples=int(os.environ.get("READ_EXAMPLES", 120)), deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def conventions(draw, styles=tuple(UNAMBIGUOUS + DAY_FIRST + MONTH_FIRST)):
    decimal = draw(st.sampled_from([".", ","]))
    thousands = draw(st.sampled_from(["", " ", "'", "," if decimal == "." else "."]))
    return {
        "decimal": decimal,
        "thousands": thousands,
        "currency": draw(st.sampled_from(CURRENCY)),
        "negative": draw(st.sampled_from(NEGATIVE)),
        "date_style": draw(st.sampled_from(styles)),
        "encoding": draw(st.sampled_from(ENCODINGS)),
        "sep": draw(st.sampled_from([",", ";", "\t", "|"])),
        "quoting": draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
        "chinese_header": draw(st.booleans()),
    }


@st.composite
def tables(draw):
    n = draw(st.integers(1, 25))
    rows = []
    for k in range(n):
        when = datetime(2000, 1, 1) + timedelta(days=draw(st.integers(0, 9000)), minutes=draw(st.integers(0, 1439)))
        cents = draw(st.integers(-5_000_000, 500_000_000))
        rows.append((f"SO{k:05d}", draw(st.sampled_from(CUSTOMERS)), when, cents))
    return rows


def fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def write(rows, conv) -> tuple[bytes, dict, list]:
    """The file's bytes, the read_transactions arguments and the true rows.

    Names, headers and currency signs the encoding cannot hold (Chinese in cp1252, € in Big5)
    are replaced by ones it can, as a system exporting in that encoding would.
    """
    enc = conv["encoding"]
    header = ["订单号", "客户编号", "订单日期", "实付金额"] if conv["chinese_header"] else ["Order", "Customer", "Date", "Amount"]
    if not fits("".join(header), enc):
        header = ["Order", "Customer", "Date", "Amount"]
    prefix, suffix = conv["currency"] if fits("".join(conv["currency"]), enc) else ("", "")
    rows = [(o, c if fits(c, enc) else f"X{CUSTOMERS.index(c)}", w, v) for o, c, w, v in rows]
    negative = conv["negative"] if fits("−", enc) or conv["negative"] != "unicode" else "minus"
    style = conv["date_style"] if fits("年月日上午下午", enc) or not conv["date_style"].startswith("cn") else "iso"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=conv["sep"], quoting=conv["quoting"], lineterminator="\n")
    w.writerow(header)
    truth = []
    for order, customer, when, cents in rows:
        w.writerow([order, customer, fmt_date(when, style),
                    fmt_amount(cents, decimal=conv["decimal"], thousands=conv["thousands"], prefix=prefix,
                               suffix=suffix, negative=negative)])
        shown = when if style in TIME_STYLES else datetime(when.year, when.month, when.day)
        truth.append((customer, shown.strftime("%Y-%m-%d %H:%M"), cents / 100))
    data = buf.getvalue().encode(enc)
    kwargs = dict(zip(("order", "customer", "date", "amount"), header))
    return data, kwargs, truth


def rows_of(frame):
    return list(zip(frame["customer_id"], frame["date"].dt.strftime("%Y-%m-%d %H:%M"), frame["revenue"].round(2)))


@SETTINGS
@given(rows=tables(), conv=conventions())
def test_any_supported_convention_reads_back_the_same_rows(tmp_path, rows, conv):
    data, kwargs, truth = write(rows, conv)
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    if conv["date_style"] in DAY_FIRST + MONTH_FIRST:
        kwargs["dayfirst"] = conv["date_style"] in DAY_FIRST
    frame, report = read_transactions(path, **kwargs)
    assert rows_of(frame) == truth
    assert report.reconciles and report.excluded_rows == 0


@SETTINGS
@given(rows=tables(), conv=conventions(styles=tuple(DAY_FIRST + MONTH_FIRST)))
def test_without_dayfirst_the_reader_is_right_or_asks(tmp_path, rows, conv):
    data, kwargs, truth = write(rows, conv)
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    try:
        frame, _ = read_transactions(path, **kwargs)
    except DataError as exc:
        assert "dayfirst=True" in str(exc) and repr(kwargs["date"]) in str(exc)
    else:
        assert rows_of(frame) == truth


@settings(max_examples=300, deadline=None, derandomize=True)
@given(cents=st.lists(st.integers(-10**11, 10**11), min_size=1, max_size=30),
       decimal=st.sampled_from([".", ","]), thousands=st.sampled_from(["", " ", "'", "\u00a0", "sep"]),
       currency=st.sampled_from(CURRENCY), negative=st.sampled_from(NEGATIVE))
def test_amounts_read_back_exactly(cents, decimal, thousands, currency, negative):
    thousands = ("," if decimal == "." else ".") if thousands == "sep" else thousands
    text = [fmt_amount(c, decimal=decimal, thousands=thousands, prefix=currency[0], suffix=currency[1],
                       negative=negative) for c in cents]
    got = parse_amounts(text, column="Amount", source="x.csv")
    assert got.values.round(2).tolist() == [c / 100 for c in cents]
    assert not got.bad.any() and not got.missing.any()


@settings(max_examples=200, deadline=None, derandomize=True)
@given(days=st.lists(st.integers(0, 12000), min_size=1, max_size=30), style=st.sampled_from(UNAMBIGUOUS + DAY_FIRST + MONTH_FIRST),
       minutes=st.integers(0, 1439))
def test_dates_read_back_exactly_when_the_order_is_given(days, style, minutes):
    whens = [datetime(1995, 1, 1) + timedelta(days=d, minutes=minutes) for d in days]
    dayfirst = True if style in DAY_FIRST else False if style in MONTH_FIRST else None
    got = parse_dates([fmt_date(w, style) for w in whens], column="Date", source="x.csv", dayfirst=dayfirst)
    expected = [w if style in TIME_STYLES else datetime(w.year, w.month, w.day) for w in whens]
    assert got.values.astype("datetime64[m]").astype(str).tolist() == [e.strftime("%Y-%m-%dT%H:%M") for e in expected]


@pytest.mark.parametrize("style", DAY_FIRST + MONTH_FIRST)
def test_one_unambiguous_row_decides_the_whole_column(style):
    whens = [datetime(2024, 2, 1), datetime(2024, 3, 4), datetime(2024, 11, 10), datetime(2024, 1, 25)]
    got = parse_dates([fmt_date(w, style) for w in whens], column="Date", source="x.csv")
    assert got.dayfirst is (style in DAY_FIRST)
    assert got.values.astype("datetime64[D]").astype(str).tolist() == ["2024-02-01", "2024-03-04", "2024-11-10", "2024-01-25"]
