"""Benchmark (a script, not a test): the kit's RFM table + scores + segments on 1,000,000 transactions.

Compares ``helpers.rfm.rfm`` (kit convention and pymc convention) with PyMC-Marketing's
``rfm_segments`` on the same generated data, and with the same kit computation written
directly in DuckDB or polars when either is installed. Reports medians and ratios.

Run: ``.venv/bin/python tests/benchmarks/bench_rfm.py [n_transactions]``
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd

from helpers import rfm


def generate(n: int = 1_000_000, customers: int = 100_000, seed: int = 7, text_ids: bool = True) -> pd.DataFrame:
    """Seeded transactions: skewed customers, two years of dates with times, lognormal amounts.

    ``text_ids``: customer ids as text ("C000123", like the synthetic company) or integers (like Online Retail).
    """
    rng = np.random.default_rng(seed)
    weights = rng.gamma(0.6, 1.0, customers)
    who = rng.choice(customers, size=n, p=weights / weights.sum())
    seconds = rng.integers(0, 730 * 86_400, size=n)
    return pd.DataFrame({
        "customer_id": pd.Series([f"C{i:06d}" for i in range(customers)]).to_numpy()[who] if text_ids else who,
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(seconds, unit="s"),
        "revenue": np.round(rng.lognormal(4.5, 0.8, size=n), 2),
    })


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for text_ids in (True, False):
        print(f"\n== customer ids as {'text' if text_ids else 'integers'} ==")
        run(generate(n, text_ids=text_ids), n)


def run(tx: pd.DataFrame, n: int) -> None:
    as_of = rfm.default_as_of(tx)
    end = tx["date"].max()
    print(f"{n:,} transactions, {tx['customer_id'].nunique():,} customers")
    results = {"kit (kit convention)": timed(lambda: rfm.rfm(tx, as_of)),
               "kit (pymc convention)": timed(lambda: rfm.rfm(tx, end, convention="pymc"))}
    try:
        from pymc_marketing.clv.utils import rfm_segments

        warnings.filterwarnings("ignore")
        results["pymc-marketing rfm_segments"] = timed(
            lambda: rfm_segments(tx, "customer_id", "date", "revenue", observation_period_end=end), repeat=1)
    except ImportError:
        print("pymc-marketing not installed: no rfm_segments comparison")
    try:
        import duckdb

        con = duckdb.connect()
        con.register("tx", tx)
        sql = f"""
        with per as (select customer_id, max(cast(date as date)) as last, count(distinct cast(date as date)) filter (where revenue > 0) as f,
                     sum(revenue) as m from tx group by customer_id)
        select customer_id, date_diff('day', last, date '{as_of.date()}') as r, f, m from per"""
        results["duckdb (kit table only)"] = timed(lambda: con.execute(sql).df())
    except ImportError:
        print("duckdb not installed: no DuckDB comparison")
    try:
        import polars as pl

        ptx = pl.from_pandas(tx)
        results["polars (kit table only)"] = timed(lambda: ptx.group_by("customer_id").agg(
            pl.col("date").dt.date().max().alias("last"),
            pl.col("date").dt.date().filter(pl.col("revenue") > 0).n_unique().alias("f"),
            pl.col("revenue").sum().alias("m")))
    except ImportError:
        print("polars not installed: no polars comparison")
    kit = results["kit (kit convention)"]
    for name, seconds in results.items():
        print(f"{name:32s} {seconds:8.3f} s   {seconds / kit:6.2f} × the kit")


if __name__ == "__main__":
    main()
