"""Benchmark: how long the kit's flow chart (alluvial / Sankey) takes to draw.

Not part of `make test` (timings on shared machines are noisy). Run with
`make benchmark` or `python tests/benchmarks/bench_migration_flows.py`.

For each matrix (ABC on the synthetic company and on Online Retail, the five-state
lifecycle matrix) it times, many times over, the whole job a notebook cell does:
make a figure, call ``plot_flows`` and render the figure with Agg (``canvas.draw``),
in English and in Chinese; and separately the redraw the explorer does (clear the
axes, draw again, render). Target: under 200 ms per chart. Results are printed as
the ratio median / target (below 1 is inside the target).
"""

from __future__ import annotations

import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from helpers import migration  # noqa: E402
from helpers.data import load_company, load_online_retail  # noqa: E402
from helpers.plots import use_language  # noqa: E402
from helpers.plots.migration import plot_flows  # noqa: E402

TARGET_MS = 200.0


def matrices() -> dict[str, object]:
    company = load_company().transactions
    retail, _ = load_online_retail()
    out = {}
    for name, tx, kwargs in (("synthetic abc", company, {"months": 6}), ("online_retail abc", retail, {"periods": 2}),
                             ("synthetic lifecycle", company, {"months": 6, "rule": "lifecycle"})):
        history = migration.tier_history(tx, **kwargs)
        out[name] = migration.transition_matrix(history.iloc[:, -2], history.iloc[:, -1])
    return out


def time_new_figure(counts, lang: str, runs: int = 30) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fig, ax = plt.subplots(figsize=(7.5, 5), dpi=100)
        plot_flows(counts, before="before", after="after", dataset="synthetic", lang=lang, ax=ax)
        fig.canvas.draw()
        times.append(1000 * (time.perf_counter() - t0))
        plt.close(fig)
    return times


def time_redraw(counts, lang: str, runs: int = 30) -> list[float]:
    fig, ax = plt.subplots(figsize=(7.5, 5), dpi=100)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        ax.clear()
        plot_flows(counts, before="before", after="after", dataset="synthetic", lang=lang, ax=ax)
        fig.canvas.draw()
        times.append(1000 * (time.perf_counter() - t0))
    plt.close(fig)
    return times


def main() -> int:
    worst = 0.0
    print(f"{'matrix':22} {'lang':4} {'new fig median':>15} {'p90':>7} {'redraw median':>14} {'ratio to 200 ms':>16}")
    for name, counts in matrices().items():
        for lang in ("en", "zh"):
            use_language(lang)
            time_new_figure(counts, lang, runs=3)  # warm-up: font loading, caches
            fresh = time_new_figure(counts, lang)
            redraw = time_redraw(counts, lang)
            med = statistics.median(fresh)
            ratio = med / TARGET_MS
            worst = max(worst, ratio)
            print(f"{name:22} {lang:4} {med:12.1f} ms {sorted(fresh)[int(0.9 * len(fresh))]:5.1f} "
                  f"{statistics.median(redraw):11.1f} ms {ratio:16.2f}")
    print(f"worst median / target: {worst:.2f}")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
