"""Benchmark: how long the 80/20 widget takes to recompute and redraw after a slider move.

Not part of `make test` (timings on shared machines are noisy). Run with
`make benchmark` or `python tests/benchmarks/bench_pareto_widget.py`.

For each dataset it builds the widget once (the one-off sort), then moves the
slider through many positions and times each move end to end: the observer
fires, the share is looked up, the markers are redrawn and the figure is
rendered to the PNG the widget shows. Target: under 100 ms per move.
"""

from __future__ import annotations

import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

from helpers import pareto  # noqa: E402
from helpers.data import load_cdnow, load_company, load_online_retail  # noqa: E402
from helpers.widgets import ParetoExplorer  # noqa: E402

TARGET_MS = 100.0


def bench(name: str, values, moves: int = 40) -> dict[str, float]:
    start = time.perf_counter()
    ex = ParetoExplorer(values, dataset=name)
    build_ms = 1000 * (time.perf_counter() - start)
    times = []
    for i in range(moves):
        pct = 1 + (i * 37) % 100  # jump around, never the same position twice in a row
        t0 = time.perf_counter()
        ex.slider.value = pct
        times.append(1000 * (time.perf_counter() - t0))
    # a top_share() from scratch, to show what the precomputed curve saves
    t0 = time.perf_counter()
    for _ in range(10):
        pareto.top_share(values, 0.2)
    full_ms = 100 * (time.perf_counter() - t0)
    return {"customers": len(values), "build_ms": build_ms, "median_ms": statistics.median(times),
            "p90_ms": sorted(times)[int(0.9 * len(times))], "max_ms": max(times), "top_share_ms": full_ms}


def main() -> int:
    company = load_company()
    retail, _ = load_online_retail()
    cdnow, _ = load_cdnow()
    data = {
        "synthetic": pareto.value_by_customer(company.transactions, amount="revenue"),
        "online_retail": pareto.value_by_customer(retail, amount="revenue"),
        "cdnow": pareto.value_by_customer(cdnow, amount="revenue"),
    }
    print(f"{'dataset':15} {'customers':>9} {'build':>8} {'median':>8} {'p90':>8} {'max':>8} {'vs target':>10}")
    worst = 0.0
    for name, values in data.items():
        r = bench(name, values)
        worst = max(worst, r["median_ms"])
        print(f"{name:15} {r['customers']:9,} {r['build_ms']:7.0f}ms {r['median_ms']:7.1f}ms "
              f"{r['p90_ms']:7.1f}ms {r['max_ms']:7.1f}ms {r['median_ms'] / TARGET_MS:9.2f}x")
    print(f"slowest median move: {worst:.1f} ms = {worst / TARGET_MS:.2f} of the {TARGET_MS:.0f} ms target")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
