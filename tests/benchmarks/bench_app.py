"""Benchmark (a script, not a test): the app's upload-to-summary time in a real browser, as a ratio.

For each file, Voila serves the app as ``make app`` does, headless Chromium (Debian's, via playwright)
uploads the file with the app's button, and the clock runs from the file being handed to the button to
the summary being shown (the status line tagged ``kit-ready`` and both charts loaded). The stable yardstick
is ``helpers.io.read_transactions`` reading the same file in this process (its median over a few runs);
the script also times the widget's own work without a browser (``TieringApp.load`` and the Excel file its thread
writes after the summary is shown), so the ratio splits into the analysis and the browser's part (upload over the
websocket, drawing). Nothing is asserted: the machine
is shared, and only ratios are comparable between machines.

Files: the synthetic company's transactions (32k rows, as shipped) and UCI Online Retail written as a
CRM export (541,909 rows: invoice, customer, date-time, amount = quantity × unit price; rows without a
customer are excluded and reported by the importer).

Run: ``.venv/bin/python tests/benchmarks/bench_app.py [rounds]``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from coursekit import app_browser as ab  # noqa: E402
from helpers.io import read_transactions, suggest_mapping  # noqa: E402
from helpers.widgets.app import TieringApp  # noqa: E402


def files(folder: Path) -> list[tuple[str, Path]]:
    synthetic = ROOT / "datasets" / "synthetic" / "transactions.csv"
    retail = pd.read_csv(ROOT / "datasets" / "real" / "online_retail.csv.gz", dtype={"CustomerID": "string"})
    export = pd.DataFrame({"Invoice": retail["InvoiceNo"], "Customer ID": retail["CustomerID"],
                           "Invoice date": retail["InvoiceDate"],
                           "Amount": (retail["Quantity"] * retail["UnitPrice"]).round(2)})
    path = folder / "online_retail_export.csv"
    export.to_csv(path, index=False)
    return [("synthetic transactions", synthetic), ("Online Retail export", path)]


def median_time(func, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def browser_times(url: str, path: Path, rounds: int) -> list[float]:
    times = []
    with ab.browser_page() as page:
        for _ in range(rounds):
            ab.open_app(page, url)  # a fresh page: a fresh kernel, as a new visitor gets
            before = ab.run_number(page)
            with page.expect_file_chooser() as chooser:
                page.locator(".kit-tiering-app .widget-upload").first.click()
            started = time.perf_counter()
            chooser.value.set_files(str(path))
            state = ab.wait_done(page, before, timeout_s=600)
            page.wait_for_function("() => [...document.querySelectorAll('.kit-tiering-app img')]"
                                   ".filter(i => i.naturalWidth > 0).length >= 2", timeout=600_000)
            times.append(time.perf_counter() - started)
            if state != "ready":
                raise RuntimeError(f"{path.name}: the app did not show the summary")
    return times


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as folder:
        cases = files(Path(folder))
        with ab.serve_app("en") as url:
            for name, path in cases:
                mapping = suggest_mapping(path).mapping  # the columns the app reads (its suggestion)
                read = median_time(lambda: read_transactions(path, **mapping), rounds)
                content = path.read_bytes()
                app = TieringApp()
                widget = median_time(lambda: (app.load(path.name, content), app.download("xlsx")), rounds)
                if app.error:
                    raise RuntimeError(f"{name}: {app.error}")
                split = {k: round(v, 2) for k, v in app.seconds.items()}
                browser = statistics.median(browser_times(url, path, rounds))
                print(f"{name}: {len(content) / 1e6:.1f} MB, {app.report.raw_rows:,} rows, "
                      f"{app.summary.customers:,} customers")
                print(f"  read_transactions            {read:7.2f} s   (1.0×)")
                print(f"  TieringApp.load + Excel file {widget:7.2f} s   ({widget / read:.1f}× read)   parts: {split}")
                print(f"  upload to summary in Chromium {browser:6.2f} s   ({browser / read:.1f}× read)")


if __name__ == "__main__":
    main()
