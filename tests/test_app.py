"""The no-code tiering app without a browser: the widget's wiring, its messages, its download, its launcher.

The browser path (Voila, Chromium, a person's clicks) is tests/test_app_browser.py; here TieringApp is driven
directly, as the upload button and the drop-downs drive it, and every expected number is worked out from the
fixture rows themselves.
"""

from __future__ import annotations

import io
import os

import numpy as np
import pandas as pd
import pytest

from helpers import app as launcher
from helpers.catalog import label
from helpers.io import DataError, read_transactions
from helpers.widgets import app as app_module
from helpers.widgets.app import TieringApp


def orders_csv(seed: int = 3) -> tuple[bytes, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = 120
    frame = pd.DataFrame({
        "Customer": [f"K{k:02d}" for k in rng.integers(0, 15, size=n)],
        "Order date": (pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, size=n), unit="D"))
        .strftime("%Y-%m-%d"),
        "Net sales": np.round(rng.gamma(2.0, 50.0, size=n), 2),
        "Gross amount": np.round(rng.gamma(2.0, 60.0, size=n), 2),
        "Region": rng.choice(["North", "South", "East"], size=n),
    })
    frame.loc[5, "Customer"] = ""
    return frame.to_csv(index=False).encode("utf-8"), frame


def tier_file(app: TieringApp, lang: str = "en") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(app.download("csv")), encoding="utf-8-sig",
                       dtype={label("cap_col_customer", lang): str})


def test_upload_suggests_the_columns_and_shows_the_tiers_of_every_customer():
    data, rows = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    assert app.error == ""
    assert {r: app.columns[r].value for r in ("customer", "date", "amount")} == \
        {"customer": "Customer", "date": "Order date", "amount": "Net sales"}
    kept = rows[rows["Customer"] != ""]
    assert app.report.raw_rows == len(rows) and app.report.kept_rows == len(kept) and app.report.reconciles
    assert app.summary.customers == kept["Customer"].nunique()
    shown = tier_file(app)
    truth = kept.groupby("Customer")["Net sales"].sum()
    got = shown.set_index(label("cap_col_customer", "en"))[label("cap_col_value", "en")]
    assert np.allclose(got.reindex(truth.index).to_numpy(), truth.to_numpy())
    assert "kit-ready" in app.status._dom_classes and app.steps.selected_index == 2
    assert all(len(image.value) > 1000 for image in app.charts.children)  # two charts drawn
    assert pd.read_excel(io.BytesIO(app.download("xlsx"))).shape[0] == len(truth)


def test_changing_a_drop_down_reads_the_file_again_with_that_column():
    data, rows = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    runs = app.runs
    app.columns["amount"].value = "Gross amount"
    assert app.runs > runs and app.error == ""
    kept = rows[rows["Customer"] != ""]
    assert app.summary.value == pytest.approx(kept["Gross amount"].sum())
    assert app.report.columns.get("amount", "Gross amount") == "Gross amount"


def test_the_customers_of_a_chosen_tier_are_that_tier_only():
    data, _ = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    tiers = app.summary.tier_list
    for tier in tiers["tier"].unique():
        app.tier_choice.value = tier
        expected = (tiers["tier"] == tier).sum()
        assert f"{min(expected, app_module.SHOWN_CUSTOMERS)} of {expected} customers shown" in app.customers_view.value


def test_a_bad_file_shows_the_importers_plain_message_in_the_chosen_language():
    for lang, expected in (("en", "sales.csv: this is a PDF document, not a table."), ("zh", "sales.csv：这是 PDF 文档，不是表格。")):
        app = TieringApp(lang=lang)
        app.load("sales.csv", b"%PDF-1.4 \x00\x01")
        assert app.error.startswith(expected)
        assert expected.split(":")[0] in app.message.value and "Traceback" not in app.message.value
        assert label("app_error_title", lang) in app.message.value
        assert app.summary is None and app.download("csv") == b"" and "kit-failed" in app.status._dom_classes


def test_a_date_order_the_data_cannot_tell_is_asked_and_settled_in_the_app():
    lines = ["客户编号,下单时间,实付金额"] + [f"C{k % 5},{1 + k % 12:02d}/{1 + k % 9:02d}/2024,{20 + k}" for k in range(40)]
    app = TieringApp(lang="zh")
    app.load("订单.csv", ("\n".join(lines) + "\n").encode("gb18030"))
    assert "看不出日期是“日/月/年”还是“月/日/年”" in app.error
    assert label("app_error_fix_dayfirst", "zh") in app.message.value
    app.dayfirst.value = "day"
    assert app.error == "" and app.summary.customers == 5
    assert app.transactions["date"].min() == pd.Timestamp("2024-01-01")  # 01/01 … read as day/month
    assert app.transactions["date"].max() == pd.Timestamp("2024-09-12")
    assert label("cap_col_customer", "zh") in tier_file(app, "zh").columns


def test_a_decimal_mark_the_data_cannot_tell_is_asked_and_settled_in_the_app():
    text = "Customer;Date;Amount\n" + "".join(f"C{k % 4};2024-03-{1 + k:02d};1.{k:03d}\n" for k in range(20))
    app = TieringApp()
    app.load("eu.csv", text.encode())
    assert "cannot tell its decimal mark" in app.error and label("app_error_fix_decimal", "en") in app.message.value
    app.decimal.value = ","
    assert app.error == ""
    assert app.transactions["revenue"].sum() == pytest.approx(sum(1000 + k for k in range(20)))


def test_a_wrong_column_and_a_missing_column_are_plain_messages():
    data, _ = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    app.columns["amount"].value = "Customer"  # one column for two roles
    assert "is given for two roles" in app.error and label("app_error_fix_columns", "en") in app.message.value
    app.columns["amount"].value = "Region"  # words where amounts belong
    assert "is not a column of amounts" in app.error and label("app_error_fix_columns", "en") in app.message.value
    app.columns["amount"].value = "__none__"
    assert app.error == label("app_missing_roles", "en", roles=label("app_role_amount", "en"))
    assert app.steps.selected_index == 0


def test_an_unexpected_failure_is_a_sentence_not_a_traceback(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app_module, "course_summary", broken)
    data, _ = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    assert app.error == label("app_error_unexpected", "en", what="RuntimeError: disk on fire")
    assert "Traceback" not in app.message.value and "File \"" not in app.message.value


def test_too_large_a_file_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(app_module, "MAX_UPLOAD_MB", 0)
    data, _ = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    assert app.error.startswith("orders.csv is 0 MB; the app takes files up to 0 MB")
    assert all(c.options == () or c.disabled for c in app.columns.values()) or app.summary is None


def test_nothing_of_the_file_stays_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    data, _ = orders_csv()
    app = TieringApp()
    app.load("orders.csv", data)
    assert app.download("xlsx")[:2] == b"PK"  # the Excel file, written in a thread, is done
    assert app.error == "" and list(tmp_path.iterdir()) == []


def test_the_refusals_a_salesperson_meets_are_written_in_chinese(tmp_path):
    cases = {"a.csv": b"%PDF-1.4", "b.csv": b"PK\x05\x06" + b"\x00" * 18, "c.csv": b"\xd0\xcf\x11\xe0rest",
             "d.csv": b"<html><body>x</body></html>", "e.csv": b"\x89PNG....", "f.csv": b"",
             "g.csv": bytes(range(256)) * 4}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(DataError) as info:
            read_transactions(path, customer="a", date="b", amount="c")
        assert info.value.zh and info.value.text("zh") == info.value.zh and info.value.zh.startswith(f"{name}：")
        assert info.value.text("en") == str(info.value)


def test_launcher_command_and_environment():
    cmd = launcher.app_command(browser=False, container=True, port=9001)
    assert cmd[:4] == [launcher.sys.executable, "-m", "voila", "app/tiering_app.ipynb"]
    assert "--port=9001" in cmd and "--no-browser" in cmd and "--token" in cmd and "--Voila.ip=0.0.0.0" in cmd
    assert "--VoilaConfiguration.show_tracebacks=False" in cmd
    assert "--no-browser" not in launcher.app_command(browser=True, container=False)
    env = launcher.app_env("zh_CN.UTF-8", base={})
    assert env["JUPYTER_PATH"].split(os.pathsep)[0] == str(launcher.TEMPLATE_ROOT)
    assert (launcher.TEMPLATE_ROOT / "voila" / "templates" / launcher.TEMPLATE / "index.html.j2").exists()
    assert (launcher.ROOT / launcher.FONT_URL_PATH).exists()  # the one file the page may fetch from the kit
    assert launcher.APP_NOTEBOOK.exists()
    assert launcher.main(["--print-command"]) == 0


def test_the_app_notebook_builds_the_app_in_the_language_asked():
    import nbformat

    nb = nbformat.read(launcher.APP_NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) == 1 and [c for c in nb.cells if c.cell_type != "code"] == []  # Voila shows only the app
    namespace: dict = {}
    for query, default, lang in (("lang=zh", "en", "zh"), ("", "zh", "zh"), ("", "en", "en")):
        os.environ["QUERY_STRING"], os.environ["TIERING_APP_LANG"] = query, default
        try:
            exec(compile(code[0].source, "app", "exec"), namespace)
        finally:
            del os.environ["QUERY_STRING"], os.environ["TIERING_APP_LANG"]
        assert namespace["app"].lang == lang


def test_the_learner_pack_can_start_the_app():
    from coursekit import pack

    for lang in ("en", "zh"):
        files = {p.as_posix() for p in pack.pack_files(lang=lang)}
        assert {"app/tiering_app.ipynb", "app/jupyter/voila/templates/tiering/index.html.j2", "helpers/app.py",
                "helpers/widgets/app.py", launcher.FONT_URL_PATH} <= files
    makefile = pack.learner_makefile((launcher.ROOT / "Makefile").read_text(encoding="utf-8"))
    assert "\napp:" in makefile and "\napp-zh:" in makefile


def test_warnings_of_the_loading_report_are_pointed_at_from_the_status_line():
    text = "Customer,Date,Amount\n" + "".join(f"C{k % 3},2024-01-{1 + k:02d},{10 + k}\n" for k in range(10))
    text += "".join(f",2024-02-{1 + k:02d},5\n" for k in range(5))  # a third of the rows have no customer
    app = TieringApp()
    app.load("o.csv", text.encode())
    assert app.error == "" and app.report.warnings
    assert label("app_report_warnings", "en", n=len(app.report.warnings)) in app.status.value
    app.load("o.csv", "Customer,Date,Amount\nA,2024-01-05,3\nB,2024-01-06,4\n".encode())
    assert not app.report.warnings and "⚠" not in app.status.value


def test_an_excel_export_with_chinese_headers_is_read_like_a_csv(tmp_path):
    data, rows = orders_csv()
    frame = pd.read_csv(io.BytesIO(data), keep_default_na=False).rename(
        columns={"Customer": "客户编号", "Order date": "下单时间", "Net sales": "实付金额"})
    path = tmp_path / "订单.xlsx"
    frame.to_excel(path, index=False)
    app = TieringApp(lang="zh")
    app.load(path.name, path.read_bytes())
    assert app.error == ""
    assert (app.columns["customer"].value, app.columns["amount"].value) == ("客户编号", "实付金额")
    kept = rows[rows["Customer"] != ""]
    assert app.summary.customers == kept["Customer"].nunique()
    assert app.summary.value == pytest.approx(kept["Net sales"].sum())
