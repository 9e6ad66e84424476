"""Benchmark (a script, not a test): ``read_transactions`` against ``pandas.read_csv`` on a 1.5M-row CSV.

Writes seeded exports of 1,500,000 rows (an Online-Retail-like file: invoice, stock code,
quantity, ISO date-time, unit price, numeric customer id, amount, country) and, for
information, the same rows as a European export (``;``, ``05.03.2024 14:22``,
``1.234,50 €``). Each reader runs in a fresh process (so one run's memory cannot help
the next); the script reports the median time and the peak resident memory the call
added (the peak resident size, reset just before the call, minus the size before it), and their ratios to
``pandas.read_csv(path)`` on the same file. The target (issue 12): within 2× the time and
under 1.5× the peak memory of ``pandas.read_csv`` on the plain file. Nothing is asserted:
machine load changes timings (the machine this was written on is shared).

Run: ``.venv/bin/python tests/benchmarks/bench_read.py [rows] [repeats]``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
import numpy, pandas, pyarrow, pyarrow.csv, pyarrow.compute
from helpers.data import read_transactions
def status(key):
    with open("/proc/self/status") as fh:
        return int(fh.read().split(key + ":")[1].split()[0])
try:  # reset the peak (VmHWM) to the current size, so imports' own peak does not count
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    peak = lambda: status("VmHWM")
except OSError:
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
before = status("VmRSS")
start = time.perf_counter()
{call}
elapsed = time.perf_counter() - start
print(elapsed, (peak() - before) / 1024)
"""


def write_files(folder: Path, n: int, seed: int = 7) -> dict[str, Path]:
    """The plain (ISO, point decimal) and European versions of one seeded table."""
    rng = np.random.default_rng(seed)
    when = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700 * 86_400, n), unit="s")
    amount = np.round(rng.gamma(2.0, 30.0, n), 2)
    frame = pd.DataFrame({
        "InvoiceNo": (np.arange(n) // 3 + 500_000).astype(str),
        "StockCode": rng.integers(10_000, 99_999, n).astype(str),
        "Quantity": rng.integers(1, 20, n),
        "InvoiceDate": when.strftime("%Y-%m-%d %H:%M:%S"),
        "UnitPrice": np.round(rng.gamma(2.0, 3.0, n), 2),
        "CustomerID": rng.integers(10_000, 60_000, n).astype(str),
        "Amount": amount,
        "Country": rng.choice(["United Kingdom", "France", "Germany", "EIRE"], n),
    })
    plain = folder / "plain.csv"
    frame.to_csv(plain, index=False)
    euro = folder / "european.csv"
    frame.assign(
        InvoiceDate=when.strftime("%d.%m.%Y %H:%M"),
        UnitPrice=frame["UnitPrice"].map(lambda v: f"{v:.2f}".replace(".", ",")),
        Amount=[f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") + " €" for v in amount],
    ).to_csv(euro, index=False, sep=";")
    return {"plain": plain, "european": euro}


def run(call: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), call=call)], capture_output=True,
                         text=True, check=True)
    seconds, mib = map(float, out.stdout.split())
    return seconds, mib


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_500_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(Path(tmp), n)
        kit_call = ("read_transactions({path!r}, customer='CustomerID', date='InvoiceDate', amount='Amount', "
                    "order='InvoiceNo')")
        base_calls = {"plain": "pandas.read_csv({path!r})", "european": "pandas.read_csv({path!r}, sep=';')"}
        print(f"{n:,} rows, {repeats} runs each in fresh processes (median); memory = peak RSS added by the call")
        for name, path in files.items():
            size = path.stat().st_size / 2**20
            base_call, kit = base_calls[name].format(path=str(path)), kit_call.format(path=str(path))
            base, ours = [], []
            for _ in range(repeats):  # interleaved, so a busy moment hits both
                base.append(run(base_call))
                ours.append(run(kit))
            tb, mb = statistics.median(t for t, _ in base), statistics.median(m for _, m in base)
            tk, mk = statistics.median(t for t, _ in ours), statistics.median(m for _, m in ours)
            print(f"{name:9s} ({size:5.0f} MiB)  pandas.read_csv {tb:5.2f} s {mb:6.0f} MiB | read_transactions "
                  f"{tk:5.2f} s {mk:6.0f} MiB | time ratio {tk / tb:4.2f}  memory ratio {mk / mb:4.2f}")
        print("targets (plain file): time ratio < 2, memory ratio < 1.5")


if __name__ == "__main__":
    main()
