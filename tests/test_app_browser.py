"""The no-code tiering app in a real browser: Voila as ``make app`` starts it, Debian's Chromium, playwright.

A salesperson's path through the app: upload a CSV, change a suggested column, see the tier summary,
download the tier list (its numbers reconcile with the file, worked out here from the fixture itself),
upload a bad file and see the importer's plain message (no traceback), and, in Chinese, a file whose date
order only the person can tell. The page and every request it makes stay on the Voila server (offline).

Marked ``notebook`` (Voila runs the app notebook in a kernel): ``make test-quick`` leaves it out,
``make test`` runs it. Needs Chromium (`apt-get install chromium`; .ci/system-packages installs it): on a
machine without it the tests skip and say so; in CI (CI=true) a missing browser is an error, never a skip.
No timing is asserted: tests/benchmarks/bench_app.py measures the upload-to-summary time.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coursekit import app_browser as ab
from helpers._common import SERVICE_TIERS
from helpers.capstone import tier_name
from helpers.catalog import label

pytestmark = pytest.mark.notebook

#: The tiers as people read them (the catalog's names, as the exported tier list writes them).
TIER_NAMES = {tier_name(t, "en") for t in SERVICE_TIERS}


def _need_browser() -> None:
    missing = ab.chromium_path() is None
    try:
        import playwright  # noqa: F401
        import voila  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI must run the browser tests: install Chromium (`apt-get install chromium`, done by "
                        ".ci/system-packages) and the test and app extras (playwright, voila: `make test`).")
        pytest.skip("Chromium, playwright or voila is not installed here (`apt-get install chromium`; `make test` "
                    "installs the rest); CI runs these tests.")


def write_orders(path: Path, seed: int = 12) -> pd.DataFrame:
    """A CRM-like export with two amount columns and one row without a customer; returns its true rows."""
    rng = np.random.default_rng(seed)
    n = 240
    customers = [f"K{k:03d}" for k in rng.choice(30, size=n, p=np.arange(30, 0, -1) / 465)]
    days = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 360, size=n), unit="D")
    gross = np.round(rng.gamma(2.0, 60.0, size=n), 2)
    net = np.round(gross * 0.9, 2)
    frame = pd.DataFrame({"Order no": [f"SO{k:05d}" for k in range(n)], "Customer": customers,
                          "Order date": days.strftime("%Y-%m-%d"), "Net sales": net, "Gross amount": gross})
    frame.loc[17, "Customer"] = ""  # the importer excludes and reports it
    frame.to_csv(path, index=False)
    return frame


@pytest.fixture(scope="module")
def app_url():
    _need_browser()
    with ab.serve_app("en") as url:
        yield url


def test_upload_change_a_column_see_tiers_download_and_a_bad_file(app_url, tmp_path):
    orders = write_orders(tmp_path / "orders.csv")
    bad = tmp_path / "sales.csv"
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    with ab.browser_page() as page:
        ab.open_app(page, app_url)
        before = ab.run_number(page)
        ab.upload(page, tmp_path / "orders.csv")
        assert ab.wait_done(page, before) == "ready"
        assert ab.selected(page, label("app_role_amount", "en")) == "Net sales"  # the suggestion

        # the person goes back to the columns and says the amount is the gross one
        page.get_by_role("tab", name=label("app_step_file", "en")).click()
        before = ab.run_number(page)
        ab.select_column(page, label("app_role_amount", "en"), "Gross amount")
        assert ab.wait_done(page, before) == "ready"
        page.get_by_role("tab", name=label("app_step_report", "en")).click()
        report = page.locator(".kit-tiering-app .cleaning-report").first.inner_text()
        assert "240 rows read, 1 excluded, 239 kept" in report
        page.get_by_role("tab", name=label("app_step_tiers", "en")).click()
        tiers = page.locator(".kit-tiering-app").first.inner_text()
        for tier in TIER_NAMES:
            assert tier in tiers
        charts = page.locator(".kit-tiering-app img")
        assert charts.count() >= 2 and all(charts.nth(i).evaluate("i => i.naturalWidth > 0")
                                            for i in range(charts.count()))

        # the downloaded tier list reconciles with the file: every customer once, the gross amounts per customer
        page.get_by_role("tab", name=label("app_step_customers", "en")).click()
        name, data = ab.download(page, "csv")
        assert name == "orders_tiers.csv" and data[:3] == b"\xef\xbb\xbf"
        tiers_file = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={label("cap_col_customer", "en"): str})
        kept = orders[orders["Customer"] != ""]
        truth = kept.groupby("Customer")["Gross amount"].sum()
        got = tiers_file.set_index(label("cap_col_customer", "en"))[label("cap_col_value", "en")]
        assert sorted(got.index) == sorted(truth.index)
        assert np.allclose(got.reindex(truth.index).to_numpy(), truth.to_numpy(), atol=0.005)
        assert set(tiers_file[label("cap_col_tier", "en")]) <= TIER_NAMES
        _, xlsx = ab.download(page, "xlsx")
        assert len(pd.read_excel(io.BytesIO(xlsx))) == len(truth)

        # a PDF saved under a table's name: the importer's plain message, no traceback, nothing else shown
        before = ab.run_number(page)
        ab.upload(page, bad)
        assert ab.wait_done(page, before) == "failed"
        message = page.locator(".kit-tiering-app .kit-app-error").first.inner_text()
        assert "sales.csv: this is a PDF document, not a table." in message
        text = page.locator("body").inner_text()
        assert "Traceback" not in text and "Error" not in text.replace(label("app_error_title", "en"), "")

        # the good file again (the same file can be chosen twice): the message goes, the summary comes back
        for _ in range(2):
            before = ab.run_number(page)
            ab.upload(page, tmp_path / "orders.csv")
            assert ab.wait_done(page, before) == "ready"
        assert page.locator(".kit-tiering-app .kit-app-error").count() == 0

        # offline: neither the page nor any request it made left the Voila server
        assert ab.remote_references(page.content(), page.requests, app_url) == []


def test_chinese_app_asks_the_date_order_the_file_cannot_tell(app_url, tmp_path):
    path = tmp_path / "订单.csv"
    rows = ["客户编号,下单时间,实付金额"] + [f"C{k % 7},{1 + k % 12:02d}/{1 + k % 11:02d}/2024,{10 + k}.5" for k in range(60)]
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")
    with ab.browser_page() as page:
        ab.open_app(page, app_url + "?lang=zh")
        assert label("app_title", "zh") in page.locator(".kit-tiering-app").first.inner_text()
        before = ab.run_number(page)
        ab.upload(page, path)
        assert ab.wait_done(page, before) == "failed"
        message = page.locator(".kit-tiering-app").first.inner_text()
        assert "看不出日期是“日/月/年”还是“月/日/年”" in message  # the importer's refusal, in Chinese
        assert label("app_error_fix_dayfirst", "zh") in message  # and where to settle it in the app
        page.get_by_role("tab", name=label("app_step_file", "zh")).click()
        before = ab.run_number(page)
        ab.select_column(page, label("app_dayfirst", "zh"), label("app_dayfirst_true", "zh"))
        assert ab.wait_done(page, before) == "ready"
        page.get_by_role("tab", name=label("app_step_customers", "zh")).click()
        _, data = ab.download(page, "csv")
        tiers_file = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
        assert label("cap_col_customer", "zh") in tiers_file.columns and len(tiers_file) == 7
        assert "Traceback" not in page.locator("body").inner_text()


def test_the_app_fits_a_laptop_screen(app_url, tmp_path):
    write_orders(tmp_path / "orders.csv")
    with ab.browser_page() as page:
        page.set_viewport_size({"width": 1280, "height": 720})
        box = ab.open_app(page, app_url)
        before = ab.run_number(page)
        ab.upload(page, tmp_path / "orders.csv")
        assert ab.wait_done(page, before) == "ready"
        for step in ("app_step_file", "app_step_report", "app_step_tiers", "app_step_customers"):
            page.get_by_role("tab", name=label(step, "en")).click()
            page.wait_for_timeout(200)
            size = box.evaluate("b => ({w: b.scrollWidth, right: b.getBoundingClientRect().right})")
            assert size["right"] <= 1280 and size["w"] <= 1280, (step, size)
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280, step
