"""Realistic client exports (tests/fixtures/make_exports.py) read back: exactly the true rows, or a clear refusal."""

from __future__ import annotations

import pytest

from fixtures import make_exports
from helpers.data import DataError, read_transactions

CASES = make_exports.cases()
READABLE = [c.name for c in CASES if c.error is None]
REFUSED = [c.name for c in CASES if c.error is not None]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return {c.name: c for c in make_exports.make_all(tmp_path_factory.mktemp("exports"))}


def rows_of(frame):
    return list(zip(frame["customer_id"], frame["date"].dt.strftime("%Y-%m-%d %H:%M"), frame["revenue"].round(2)))


@pytest.mark.parametrize("name", READABLE)
def test_export_loads_exactly_the_true_rows(made, name):
    case = made[name]
    frame, report = read_transactions(case.path, **case.kwargs)
    assert rows_of(frame) == case.truth
    excluded = {reason: rows for reason, rows in case.excluded.items() if rows}
    assert {s.reason: s.rows_excluded for s in report.steps} == {r: len(v) for r, v in excluded.items()}
    assert {s.reason: s.example_rows for s in report.steps} == {r: v[:5] for r, v in excluded.items()}
    assert report.raw_rows == len(case.truth) + sum(len(v) for v in excluded.values())
    assert report.reconciles and report.kept_rows == len(frame)
    for expected in case.expect_notes:
        assert any(expected in note for note in report.notes), (expected, report.notes)
    if "order" in case.kwargs:
        assert frame["order_id"].notna().all()


@pytest.mark.parametrize("name", REFUSED)
def test_export_is_refused_naming_file_column_row_and_fix(made, name):
    case = made[name]
    with pytest.raises(DataError, match=case.error):
        read_transactions(case.path, **case.kwargs)


def test_cases_cover_every_class_the_issue_names():
    names = set(READABLE) | set(REFUSED)
    for needed in ("gbk_chinese", "big5_taiwan", "cp1252_german", "utf8_bom_excel", "utf16_tab_unicode_text",
                   "uk_dayfirst", "us_monthfirst_ampm", "ambiguous_dayfirst", "mixed_date_orders", "excel_serial_in_csv",
                   "zone_offsets", "mixed_zones", "euro_decimal_comma", "ambiguous_amounts", "mixed_decimals",
                   "negatives_unicode_rmb", "title_and_blank_rows", "totals_rows", "duplicates", "implausible_dates",
                   "excel_title_rows", "excel_second_sheet", "empty_file", "pdf_renamed", "zip_renamed", "no_mapping"):
        assert needed in names
    assert len(CASES) >= 50


def test_the_generator_is_deterministic():
    again = make_exports.cases()
    assert [(c.name, c.data) for c in again if not c.filename.endswith(".xlsx")] == \
           [(c.name, c.data) for c in CASES if not c.filename.endswith(".xlsx")]
