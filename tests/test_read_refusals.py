"""No file makes read_transactions or suggest_mapping fail with anything but a DataError that names the file."""

from __future__ import annotations

import csv
import io
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.data import DataError, read_transactions, suggest_mapping

MAPPING = {"customer": "Customer ID", "date": "Order Date", "amount": "Amount"}
GOOD = "Customer ID,Order Date,Amount\nC1,2024-01-05,10.00\nC2,2024-02-06,3.50\n"


def odd_files() -> dict[str, bytes]:
    """A fuzz-ish set: damaged, truncated, mislabelled and strange files a trainer may be handed."""
    rng = np.random.default_rng(11)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr(zipfile.ZipInfo("xl/workbook.xml", date_time=(2024, 1, 1, 0, 0, 0)), "<not really/>")
    good = GOOD.encode()
    files = {
        "empty.csv": b"",
        "spaces.csv": b"   \n\n  \n",
        "newlines.csv": b"\n\n\n",
        "bom_only.csv": b"\xef\xbb\xbf",
        "header_only.csv": b"Customer ID,Order Date,Amount\n",
        "half_header.csv": b"Customer ID,Order",
        "truncated_quote.csv": b'Customer ID,Order Date,Amount\nC1,"2024-01-05,10\n',
        "fake_xlsx.xlsx": zbuf.getvalue(),
        "truncated_xlsx.xlsx": b"PK\x03\x04" + bytes(rng.integers(0, 256, 300, dtype=np.uint8)),
        "random.csv": bytes(rng.integers(0, 256, 2000, dtype=np.uint8)),
        "random_text.csv": "".join(chr(int(c)) for c in rng.integers(32, 0x3000, 500)).encode("utf-8"),
        "gzip_junk.csv.gz": b"\x1f\x8b\x08\x00" + bytes(rng.integers(0, 256, 200, dtype=np.uint8)),
        "utf16_no_bom.csv": GOOD.encode("utf-16-le"),
        "one_column_semicolons.csv": b"a;b;c\n1;2;3\n",
        "only_numbers.csv": b"1,2,3\n4,5,6\n",
        "long_line.csv": b"Customer ID,Order Date,Amount\n" + b"x" * 200_000 + b"\n",
        "many_columns.csv": (",".join(f"c{i}" for i in range(3000)) + "\n" + ",".join("1" for _ in range(3000)) + "\n").encode(),
        "nul_inside.csv": good.replace(b"C2", b"C\x002"),
        "mac_line_endings.csv": good.replace(b"\n", b"\r"),
        "latin1_header.csv": "Kundennummer,Bestelldatum,Betrag\nM\xfcller,2024-01-05,10\n".encode("latin-1"),
        "dates_all_bad.csv": b"Customer ID,Order Date,Amount\nC1,soon,1\nC2,later,2\n",
        "amounts_all_bad.csv": b"Customer ID,Order Date,Amount\nC1,2024-01-05,free\nC2,2024-01-06,gift\n",
        "all_future.csv": b"Customer ID,Order Date,Amount\nC1,2199-01-05,1\n",
        "sheet.xml": b"<?xml version='1.0'?><root/>",
        "image.csv": b"\xff\xd8\xff\xe0" + bytes(rng.integers(0, 256, 100, dtype=np.uint8)),
    }
    return files


@pytest.mark.parametrize("name, data", odd_files().items(), ids=list(odd_files()))
def test_odd_files_read_or_refuse_with_a_data_error_naming_the_file(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    for call in (lambda: read_transactions(path, **MAPPING), lambda: (suggest_mapping(path), None),
                 lambda: read_transactions(path)):
        try:
            _, report = call()
        except DataError as exc:
            assert name in str(exc), str(exc)
        else:
            if report is not None:
                assert report.reconciles


def test_a_folder_is_refused_and_its_tables_listed(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "orders.csv").write_text(GOOD)
    with pytest.raises(DataError, match=r"exports: is a folder, not a file. It holds \['orders.csv'\]; pass one of them"):
        read_transactions(tmp_path / "exports", **MAPPING)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        read_transactions(tmp_path / "nope.csv", **MAPPING)
    with pytest.raises(DataError, match="file not found"):
        suggest_mapping(tmp_path / "nope.csv")


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=600))
def test_any_bytes_read_or_refuse_cleanly(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        _, report = read_transactions(path, **MAPPING)
    except DataError as exc:
        assert "fuzz.csv" in str(exc)
    else:
        assert report.reconciles


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
                               min_size=0, max_size=5), min_size=0, max_size=8),
       sep=st.sampled_from([",", ";", "\t", "|"]))
def test_any_table_of_text_reads_or_refuses_cleanly(tmp_path, cells, sep):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\n")
    writer.writerow(["Customer ID", "Order Date", "Amount"])
    writer.writerows(cells)
    path = tmp_path / "cells.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        frame, report = read_transactions(path, **MAPPING)
    except DataError as exc:
        assert "cells.csv" in str(exc)
    else:
        assert report.reconciles and len(frame) == report.kept_rows
