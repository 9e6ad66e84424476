"""Benchmark (a script, not a test): the kit's RFM table + scores + segments on 1,000,000 transactions.

Times ``helpers.rfm.rfm`` (kit convention: table, quintile scores, segments and tiers)
against PyMC-Marketing's ``rfm_segments`` on the same generated data, and against the
**same kit computation** written directly in DuckDB and in polars when they are
installed (``pip install -e ".[bench]"``; ``make benchmark`` does it). The DuckDB and
polars versions are checked against the kit's result before they are timed, so the
ratios compare equal work. Reports medians and ratios; nothing here asserts a time.

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


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _sql_case(column: str) -> str:
    """The kit's first-match segment table as a SQL CASE expression."""
    whens = " ".join(
        f"when r between {s.r[0]} and {s.r[1]} and f between {s.f[0]} and {s.f[1]} "
        f"and m between {s.m[0]} and {s.m[1]} then '{s.name}'" for s in rfm.KIT_SEGMENTS)
    return f"case {whens} else 'Others' end as {column}"


def duckdb_rfm(con, as_of: pd.Timestamp) -> pd.DataFrame:
    """The kit convention in DuckDB SQL: table, quintile scores (ties share), segments, tiers; sorted by id."""
    tiers = " ".join(f"when '{seg}' then '{tier}'" for seg, tier in rfm.KIT_TIERS.items())
    sql = f"""
    with per as (
        select customer_id,
               date_diff('day', max(cast(date as date)) filter (where revenue > 0), date '{as_of.date()}') as recency,
               count(distinct cast(date as date)) filter (where revenue > 0) as frequency,
               sum(revenue) as monetary,
               date_diff('day', min(cast(date as date)) filter (where revenue > 0), date '{as_of.date()}') as tenure
        from tx group by customer_id),
    scored as (
        select *, 1 + (5 * (rank() over (order by recency desc) - 1)) // count(*) over () as r,
                  1 + (5 * (rank() over (order by frequency) - 1)) // count(*) over () as f,
                  1 + (5 * (rank() over (order by round(monetary, 6)) - 1)) // count(*) over () as m
        from per),
    named as (select *, {_sql_case('segment')} from scored)
    select customer_id, recency, frequency, monetary, tenure, r as r_score, f as f_score, m as m_score,
           100 * r + 10 * f + m as rfm_score, segment, case segment {tiers} end as tier
    from named order by customer_id"""
    return con.execute(sql).df().set_index("customer_id")


def polars_rfm(ptx, as_of: pd.Timestamp):
    """The kit convention in polars expressions (same output columns as ``rfm.rfm``), sorted by id."""
    import polars as pl

    day = pl.col("date").dt.date()
    bought = pl.col("revenue") > 0
    ref = pl.lit(as_of.date())
    per = ptx.group_by("customer_id").agg(
        recency=(ref - day.filter(bought).max()).dt.total_days(),
        frequency=day.filter(bought).n_unique(),
        monetary=pl.col("revenue").sum(),
        tenure=(ref - day.filter(bought).min()).dt.total_days(),
    )
    n = pl.len()

    def score(col: str, descending: bool) -> pl.Expr:
        value = pl.col(col).cast(pl.Float64).round(6)  # as the kit: float noise must not split a tie
        return 1 + (5 * (value.rank("min", descending=descending) - 1)) // n

    scored = per.with_columns(r_score=score("recency", True), f_score=score("frequency", False),
                              m_score=score("monetary", False))
    segment = pl.lit("Others")
    for s in reversed(rfm.KIT_SEGMENTS):  # built inside out so the first rule wins
        segment = pl.when(pl.col("r_score").is_between(*s.r) & pl.col("f_score").is_between(*s.f)
                          & pl.col("m_score").is_between(*s.m)).then(pl.lit(s.name)).otherwise(segment)
    return (scored.with_columns(rfm_score=100 * pl.col("r_score") + 10 * pl.col("f_score") + pl.col("m_score"),
                                segment=segment)
            .with_columns(tier=pl.col("segment").replace_strict(rfm.KIT_TIERS))
            .sort("customer_id"))


def _same(kit: pd.DataFrame, other: pd.DataFrame, who: str) -> None:
    """Refuse to time a peer that does not compute the same table as the kit."""
    other = other.reindex(kit.index)
    for column in ("recency", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_score", "segment", "tier"):
        mine, theirs = kit[column].to_numpy(), other[column].to_numpy()
        if column in ("segment", "tier"):
            same = (mine.astype(str) == theirs.astype(str)).all()
        else:
            same = np.allclose(mine.astype(float), theirs.astype(float), atol=1e-6)
        if not same:
            raise AssertionError(f"{who} disagrees with the kit on {column!r}; fix the benchmark before timing it")


def run(tx: pd.DataFrame, n: int) -> dict[str, float]:
    as_of = rfm.default_as_of(tx)
    end = tx["date"].max()
    kit_result = rfm.rfm(tx, as_of)
    print(f"{n:,} transactions, {len(kit_result):,} customers, ids stored as {tx['customer_id'].dtype}")
    results = {"kit rfm() (kit convention)": timed(lambda: rfm.rfm(tx, as_of)),
               "kit rfm() (pymc convention)": timed(lambda: rfm.rfm(tx, end, convention="pymc"))}
    try:
        from pymc_marketing.clv.utils import rfm_segments

        warnings.filterwarnings("ignore")
        results["pymc-marketing rfm_segments"] = timed(
            lambda: rfm_segments(tx, "customer_id", "date", "revenue", observation_period_end=end), repeat=3)
    except ImportError:
        print("pymc-marketing not installed: no rfm_segments comparison (pip install -e '.[peers]')")
    try:
        import duckdb
    except ImportError:
        print("duckdb not installed: no DuckDB comparison (pip install -e '.[bench]')")
    else:
        con = duckdb.connect()
        con.register("tx", tx)
        _same(kit_result, duckdb_rfm(con, as_of), "DuckDB")
        results["DuckDB SQL, same computation"] = timed(lambda: duckdb_rfm(con, as_of))
    try:
        import polars as pl
    except ImportError:
        print("polars not installed: no polars comparison (pip install -e '.[bench]')")
    else:
        ptx = pl.DataFrame({"customer_id": tx["customer_id"].to_numpy(), "date": tx["date"].to_numpy(),
                            "revenue": tx["revenue"].to_numpy()})
        _same(kit_result, pd.DataFrame(polars_rfm(ptx, as_of).to_dict(as_series=False)).set_index("customer_id"), "polars")
        results["polars, same computation"] = timed(lambda: polars_rfm(ptx, as_of))
    kit = results["kit rfm() (kit convention)"]
    print(f"{'':34s} {'median':>9s}   {'÷ kit':>7s}")
    for name, seconds in results.items():
        print(f"{name:34s} {seconds:8.3f} s   {seconds / kit:6.2f}")
    return results


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for text_ids in (True, False):
        print(f"\n== customer ids as {'text' if text_ids else 'integers'} ==")
        run(generate(n, text_ids=text_ids), n)
    print("\nTargets (issue 5): rfm_segments ÷ kit >= 8; kit ÷ fastest of DuckDB/polars <= 2.")


if __name__ == "__main__":
    main()
