"""Benchmark (a script, not a test): the capstone's tier list and course summary on Online Retail and 1M rows.

Times :func:`helpers.capstone.tier_list` and :func:`helpers.capstone.course_summary` (which runs the
tier list twice when the data spans two periods: today's and the one six months earlier, for the
migration) and, as the yardstick, :func:`helpers.rfm.rfm` (kit convention) on the same data, so the
note can give the capstone's time as a ratio to the RFM step the course already benchmarks
(``bench_rfm.py``). Reports medians and ratios; nothing here asserts a time.

Run: ``.venv/bin/python tests/benchmarks/bench_capstone.py [n_transactions]``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))

from bench_rfm import generate  # noqa: E402  (the same seeded 1M-row table as the RFM benchmark)

from helpers import capstone, rfm  # noqa: E402
from helpers.data import load_online_retail  # noqa: E402


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(name: str, tx: pd.DataFrame, repeat: int = 5) -> dict[str, float]:
    order = "order_id" if "order_id" in tx.columns else None
    summary = capstone.course_summary(tx, order=order)
    print(f"\n== {name}: {len(tx):,} rows, {summary.customers:,} customers, "
          f"migration {'computed' if summary.migration is not None else 'skipped'} ==")
    results = {
        "rfm.rfm (kit)": timed(lambda: rfm.rfm(tx, no_purchase="drop"), repeat),
        "capstone.tier_list": timed(lambda: capstone.tier_list(tx, order=order), repeat),
        "capstone.course_summary": timed(lambda: capstone.course_summary(tx, order=order), repeat),
        "capstone.course_summary zh": timed(lambda: capstone.course_summary(tx, order=order, lang="zh"), repeat),
    }
    base = results["rfm.rfm (kit)"]
    print(f"{'':30s} {'median':>9s}   {'÷ rfm':>7s}")
    for label, seconds in results.items():
        print(f"{label:30s} {seconds:8.3f} s   {seconds / base:6.2f}")
    return results


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    retail, _ = load_online_retail()
    run("UCI Online Retail", retail[["customer_id", "order_id", "date", "revenue"]])
    run(f"generated, {n:,} rows (bench_rfm.generate)", generate(n))


if __name__ == "__main__":
    main()
