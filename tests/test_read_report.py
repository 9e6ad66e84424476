"""The report (text, Chinese, HTML), the mapping assistant, and the reading options (sheet, header_row, encoding, tz)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from helpers.data import CleaningReport, CleaningStep, DataError, load_online_retail, read_transactions, suggest_mapping

CN = "订单号,会员号,下单时间,商品,实付金额\nSO1,M001,2024-03-05 10:00,茶叶,￥88.00\nSO2,M002,2024-03-06 11:30,茶具,\"1,280.00元\"\n"


@pytest.fixture
def cn_csv(tmp_path) -> Path:
    p = tmp_path / "会员订单.csv"
    p.write_bytes(CN.encode("gbk"))
    return p


def test_report_text_html_and_chinese_say_the_same_counts(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("Customer ID,Order Date,Amount\nC1,2024-01-05,10\n,2024-01-06,3\nC2,2024-01-07,5\nC2,2024-01-07,5\n")
    frame, report = read_transactions(p, customer="Customer ID", date="Order Date", amount="Amount", lang="zh")
    assert (report.raw_rows, report.excluded_rows, report.kept_rows) == (4, 2, 2) and report.reconciles
    text_zh = str(report)
    assert text_zh.startswith("o.csv：读入 4 行，排除 2 行，保留 2 行")
    assert "与前面某行完全相同（重复行）：1 行（例如第 5 行）" in text_zh and "缺少客户编号：1 行（例如第 3 行）" in text_zh
    text_en = report.to_text("en")
    assert "exact duplicate of an earlier row: 1 rows (e.g. rows 5)" in text_en
    assert "row 5 repeats row 4" in text_en
    html_text = report._repr_html_()
    assert "<table>" in html_text and "读入行数" in html_text and "−1" in html_text
    assert "<td style=\"text-align:left;padding:2px 8px\">缺少客户编号</td>" in html_text
    assert report.to_html("en").count("<tr>") == 2 + len(report.steps) + 1
    assert report.to_frame("zh")["行数"].sum() == report.raw_rows - report.excluded_rows + report.kept_rows


def test_loader_reports_keep_their_shape_and_english_text():
    retail, report = load_online_retail()
    assert str(report).splitlines()[0] == "online_retail.csv.gz: 541,909 rows read, 143,985 excluded, 397,924 kept"
    assert "no CustomerID" in report.to_html() and "没有 CustomerID" in report.to_text("zh")
    assert "no CustomerID" not in report.to_html("zh")
    with pytest.raises(ValueError, match="lang='fr' is not supported"):
        report.to_text("fr")


def test_report_without_reconciling_counts_says_so():
    r = CleaningReport("x.csv", 5, [CleaningStep("bad", 1, [2])], kept_rows=3)
    assert not r.reconciles and "do NOT reconcile" in str(r) and "不一致" in r.to_text("zh")


def test_suggest_mapping_reads_chinese_headers_in_gbk(cn_csv):
    s = suggest_mapping(cn_csv)
    assert s.columns == ["订单号", "会员号", "下单时间", "商品", "实付金额"]
    assert s.mapping == {"customer": "会员号", "date": "下单时间", "amount": "实付金额", "order": "订单号"}
    assert s.missing == []
    frame, report = eval(s.call, {"read_transactions": read_transactions})  # the proposed call runs as written
    assert frame["revenue"].tolist() == [88.0, 1280.0] and frame["customer_id"].tolist() == ["M001", "M002"]
    assert report.encoding == "gb18030"


def test_no_mapping_refuses_with_the_call_and_the_columns(cn_csv):
    with pytest.raises(DataError) as err:
        read_transactions(cn_csv)
    message = str(err.value)
    assert "The file has the columns ['订单号', '会员号', '下单时间', '商品', '实付金额']" in message
    assert f"read_transactions({str(cn_csv)!r}, customer='会员号', date='下单时间', amount='实付金额', order='订单号')" in message


def test_no_likely_column_leaves_a_blank_to_fill(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("Kto,Tag,Summe Netto\nA,2024-01-05,1\n")
    with pytest.raises(DataError, match=r"(?s)No column looks like customer=, date=.*customer=\.\.\., date=\.\.\."):
        read_transactions(p)


def test_column_names_match_loosely_when_unique(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text(" Customer ID ,Order Date,Amount\nA,2024-01-05,1\n")
    frame, report = read_transactions(p, customer="customer id", date="order date", amount="AMOUNT")
    assert frame["customer_id"].tolist() == ["A"]
    assert any("customer='customer id' taken to mean the column 'Customer ID'" in n for n in report.notes)


def test_encoding_override_and_wrong_encoding(cn_csv):
    frame, report = read_transactions(cn_csv, customer="会员号", date="下单时间", amount="实付金额", encoding="gbk")
    assert len(frame) == 2 and "encoding= given" in report.notes[0]
    with pytest.raises(DataError, match=r"会员订单.csv: .*encoding"):
        read_transactions(cn_csv, customer="会员号", date="下单时间", amount="实付金额", encoding="utf-8")


def test_header_row_override_in_csv(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("Report for ACME,Q1,2024\nCustomer,Date,Paid\nA,2024-01-05,1.50\n")
    # 'Report for ACME,Q1,2024' fills every column, so it looks like a header: say where the header is
    frame, report = read_transactions(p, customer="Customer", date="Date", amount="Paid", header_row=2)
    assert frame["revenue"].tolist() == [1.5] and report.raw_rows == 1


def _book(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for r in rows:
            ws.append(r)
    book.save(path)
    return path


def test_excel_sheet_choice_and_refusals(tmp_path):
    p = _book(tmp_path / "b.xlsx", {"Notes": [["read me"]], "2024": [["Customer", "Date", "Paid"], ["A", 45356, 3]],
                                   "2025": [["Customer", "Date", "Paid"], ["B", 45700, 4]]})
    frame, report = read_transactions(p, customer="Customer", date="Date", amount="Paid")
    assert frame["customer_id"].tolist() == ["A"] and str(frame["date"][0].date()) == "2024-03-05"
    assert any("read sheet '2024'" in n for n in report.notes) and any("Excel serial" in n for n in report.notes)
    frame, _ = read_transactions(p, customer="Customer", date="Date", amount="Paid", sheet="2025")
    assert frame["customer_id"].tolist() == ["B"]
    frame, _ = read_transactions(p, customer="Customer", date="Date", amount="Paid", sheet=2)
    assert frame["customer_id"].tolist() == ["B"]
    with pytest.raises(DataError, match=r"b.xlsx: there is no sheet called 'Orders'; the workbook has the sheets \['Notes', '2024', '2025'\]"):
        read_transactions(p, customer="Customer", date="Date", amount="Paid", sheet="Orders")
    with pytest.raises(DataError, match=r"b.xlsx: sheet=7 does not exist"):
        read_transactions(p, customer="Customer", date="Date", amount="Paid", sheet=7)
    csv_path = tmp_path / "c.csv"
    csv_path.write_text("Customer,Date,Paid\nA,2024-01-05,1\n")
    with pytest.raises(DataError, match=r"c.csv: sheet= is for Excel workbooks"):
        read_transactions(csv_path, customer="Customer", date="Date", amount="Paid", sheet="x")


def test_excel_numeric_ids_keep_their_text_form(tmp_path):
    p = _book(tmp_path / "ids.xlsx", {"S": [["客户编号", "日期", "金额"], [10023, "2024年3月5日", "¥12.00"],
                                             [10024.0, "2024年3月6日", "(3.00)"]]})
    frame, _ = read_transactions(p, customer="客户编号", date="日期", amount="金额")
    assert frame["customer_id"].tolist() == ["10023", "10024"] and frame["revenue"].tolist() == [12.0, -3.0]


def test_time_zones_convert_to_the_stated_zone(tmp_path):
    p = tmp_path / "tz.csv"
    p.write_text("c,d,a\nA,2024-03-05T23:30:00Z,1\nB,2024-03-05T10:00:00+08:00,2\nC,2024-03-05T12:00:00+08:00,3\n")
    frame, report = read_transactions(p, customer="c", date="d", amount="a")
    assert frame["date"].astype(str).tolist() == ["2024-03-06 07:30:00", "2024-03-05 10:00:00", "2024-03-05 12:00:00"]
    assert any("UTC+08:00" in n for n in report.notes)
    frame, _ = read_transactions(p, customer="c", date="d", amount="a", tz="Europe/London")
    assert frame["date"].astype(str).tolist() == ["2024-03-05 23:30:00", "2024-03-05 02:00:00", "2024-03-05 04:00:00"]
    with pytest.raises(DataError, match="tz='Mars/Olympus' is not a time zone name"):
        read_transactions(p, customer="c", date="d", amount="a", tz="Mars/Olympus")


def test_dates_in_the_future_never_move_the_analysis_date(tmp_path):
    p = tmp_path / "f.csv"
    p.write_text("c,d,a\nA,2024-03-05,1\nB,2099-01-01,2\nC,1900-01-01,3\n")
    frame, report = read_transactions(p, customer="c", date="d", amount="a")
    assert frame["customer_id"].tolist() == ["A"]
    reasons = [s.reason for s in report.steps]
    assert reasons[0] == "dated before 1990-01-01 (date_floor=)" and reasons[1].startswith("dated after today (")
    frame, _ = read_transactions(p, customer="c", date="d", amount="a", date_floor="1800-01-01")
    assert frame["customer_id"].tolist() == ["A", "C"]


def test_decimal_and_thousands_options_settle_what_the_data_cannot(tmp_path):
    p = tmp_path / "amounts.csv"
    p.write_text("Kunde;Datum;Betrag\nA;2024-01-05;1.234\nB;2024-01-06;5.678\n")
    with pytest.raises(DataError, match=r"amounts.csv: column 'Betrag' cannot tell its decimal mark: row 2 has '1.234'"):
        read_transactions(p, customer="Kunde", date="Datum", amount="Betrag")
    frame, _ = read_transactions(p, customer="Kunde", date="Datum", amount="Betrag", decimal=",")
    assert frame["revenue"].tolist() == [1234.0, 5678.0]
    frame, _ = read_transactions(p, customer="Kunde", date="Datum", amount="Betrag", thousands=".")
    assert frame["revenue"].tolist() == [1234.0, 5678.0]
    frame, _ = read_transactions(p, customer="Kunde", date="Datum", amount="Betrag", decimal=".")
    assert frame["revenue"].tolist() == [1.234, 5.678]
    with pytest.raises(DataError, match="decimal= and thousands= are both '.'"):
        read_transactions(p, customer="Kunde", date="Datum", amount="Betrag", decimal=".", thousands=".")


def test_a_forced_convention_excludes_the_rows_that_do_not_fit(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_text("c,d,a\nA,2024-01-05,12.50\nB,2024-01-06,\"1.157,43\"\nC,2024-01-07,3\n")
    frame, report = read_transactions(p, customer="c", date="d", amount="a", decimal=".")
    assert frame["customer_id"].tolist() == ["A", "C"] and frame["revenue"].tolist() == [12.5, 3.0]
    assert [(s.reason, s.example_rows) for s in report.steps] == [("amount is not a number", [3])]


def test_suggest_mapping_reads_a_sheet_below_its_title(tmp_path):
    p = _book(tmp_path / "s.xlsx", {"导出": [["客户订单明细"], [None], ["客户ID", "订单日期", "商品", "实付金额"],
                                            ["C1", "2024-03-05", "茶", 12]]})
    s = suggest_mapping(p)
    assert s.columns == ["客户ID", "订单日期", "商品", "实付金额"]
    assert s.mapping == {"customer": "客户ID", "date": "订单日期", "amount": "实付金额"}
    frame, report = read_transactions(p, **s.mapping)
    assert frame["revenue"].tolist() == [12.0] and report.raw_rows == 1
    assert any("the header is row 3" in n for n in report.notes)
