"""Benchmark: time from a key press to the explorer's chart and numbers redrawn, in a real browser.

Not part of `make test` (timings on shared machines are noisy). Run with `make benchmark` or
`python tests/benchmarks/bench_explorers_browser.py [--presses 20] [--lang en]`.

Each explorer runs in JupyterLab with a kernel, in Debian's headless Chromium (`apt-get install chromium`)
driven by playwright (no browser download). Per explorer: one warm-up press back and forth, then
`--presses` key presses (arrow keys on a slider, End/Home on a drop-down), alternating directions.
For each press: key down -> last change of the numbers (sentence, table) and -> new chart image loaded.
Target: median under 100 ms for chart and numbers together. The kernel side alone (CPU time of one
control change, no browser) is printed too, to tell the kit's cost from the machine's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from coursekit import browser

TARGET_MS = 100.0


def kernel_side_ms(explorer: browser.Explorer, lang: str, changes: int = 10) -> tuple[float, float]:
    """CPU milliseconds of one control change in this process (compute + chart + table), no browser.

    Returns the first change (a setting never shown before: nothing kept yet) and the median of the
    next ``changes`` (back and forth between two settings, as the browser benchmark presses).
    """
    import contextlib
    import io

    import ipywidgets as widgets
    import matplotlib

    matplotlib.use("Agg")
    src = browser.explorer_notebook(explorer, lang).cells[0].source
    scope: dict = {}
    exec(src[:src.index("with capture_output():")], scope)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(scope["_SETUP"], "setup", "exec"), scope)
    body = src.split("# the notebook's charts: not shown here\n", 1)[1].strip()
    *pre, last = body.split("\n\n")
    if pre:
        exec("\n\n".join(pre), scope)
    made = eval(compile(last, "explorer", "eval"), scope)
    root = made if isinstance(made, widgets.Widget) else made.widget

    def walk(w):
        yield w
        for child in getattr(w, "children", ()):
            yield from walk(child)

    kind = (widgets.IntSlider, widgets.FloatSlider) if explorer.control == "slider" else (widgets.Dropdown,)
    control = next(w for w in walk(root) if isinstance(w, kind))
    if explorer.control == "slider":
        step = -control.step if explorer.key == "ArrowLeft" else control.step
        values = [control.value + step, control.value]
    else:
        values = [control.options[-1][1] if isinstance(control.options[-1], tuple) else control.options[-1], control.value]
    times = []
    for i in range(changes + 1):
        t0 = time.process_time()
        control.value = values[i % 2]
        times.append(1000 * (time.process_time() - t0))
    return times[0], statistics.median(times[1:])


def p90(values: list[float]) -> float:
    """The 90th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, -(-9 * len(ordered) // 10) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--only", default="", help="comma-separated explorer names")
    parser.add_argument("--screenshots", type=Path, default=None, help="folder for a 1280×720 screenshot of each")
    args = parser.parse_args()
    if browser.chromium_path() is None:
        print("Chromium is not installed: `apt-get install chromium`.")
        return 2
    explorers = [e for e in browser.EXPLORERS if not args.only or e.name in args.only.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="explorers-"))
    for e in explorers:
        nbformat.write(browser.explorer_notebook(e, args.lang), folder / f"{e.name}.ipynb")
    rows = []
    with browser.lab_server(folder) as server, browser.browser_page() as page:
        for e in explorers:
            box = browser.open_explorer(page, server, f"{e.name}.ipynb")
            box.scroll_into_view_if_needed()
            if args.screenshots:
                args.screenshots.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(args.screenshots / f"{e.name}_{args.lang}.png"))
            presses = browser.time_key_presses(page, box, e, presses=args.presses)
            got = lambda k: [p[k] for p in presses if p[k] is not None]  # noqa: E731
            med = lambda k: statistics.median(got(k)) if got(k) else float("nan")  # noqa: E731
            missed = sum(p["ms"] is None for p in presses)
            rows.append((e.name, med("ms"), p90(got("ms")) if got("ms") else float("nan"), med("chart_ms"),
                         med("text_ms"), max(got("ms") or [0]), missed))
            print(f"{e.name:13s} median {rows[-1][1]:6.1f} ms, p90 {rows[-1][2]:6.1f} (chart {rows[-1][3]:6.1f}, "
                  f"numbers {rows[-1][4]:6.1f}, worst {rows[-1][5]:6.1f}; presses with no redraw: {missed})", flush=True)
    print("\nKernel side alone (CPU ms per control change, this process): first visit of a setting, then median")
    kernel = {}
    for e in explorers:
        kernel[e.name] = kernel_side_ms(e, args.lang)
        print(f"{e.name:13s} first {kernel[e.name][0]:6.1f} ms, then {kernel[e.name][1]:6.1f} ms", flush=True)
    print("\n| Explorer | Notebook | Control (key) | Median ms | p90 ms | Chart median | Numbers median | Worst | "
          "Kernel CPU ms (first / then) |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for e, r in zip(explorers, rows):
        print(f"| {e.name} | {e.notebook} | {e.control} ({e.key}) | {r[1]:.0f} | {r[2]:.0f} | {r[3]:.0f} | {r[4]:.0f} | "
              f"{r[5]:.0f} | {kernel[e.name][0]:.0f} / {kernel[e.name][1]:.0f} |")
    slow = [r[0] for r in rows if not r[1] < TARGET_MS]
    print(f"\nTarget: median under {TARGET_MS:.0f} ms. " + ("All explorers meet it." if not slow else f"Over target: {', '.join(slow)}."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
