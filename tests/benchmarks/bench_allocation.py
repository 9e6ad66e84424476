"""Benchmark: module 09's optimiser and explorer, reported as ratios (timings on shared machines are noisy).

Not part of `make test`. Run with `make benchmark` or `python tests/benchmarks/bench_allocation.py`.

* SLSQP (``allocation.optimal_split``) against the rule solved directly (``equal_marginal_split``, a
  one-dimensional root search) and a brute-force grid of budget shares, on the synthetic company's three
  tiers; each reaches the same value (the value gaps are printed too).
* The explorer: a budget move (only the split's marks are redrawn, by blitting) against a curve move
  (everything is redrawn).
"""

from __future__ import annotations

import statistics
import time

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from helpers import allocation, loyalty, relationship  # noqa: E402
from helpers.data import load_company  # noqa: E402
from helpers.widgets.allocation import AllocationExplorer  # noqa: E402


def timed(func, repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def company_curves() -> tuple[pd.DataFrame, float, pd.Series]:
    company = load_company()
    tx = company.transactions
    as_of = pd.Timestamp("2026-01-01")
    tiers = loyalty.service_tiers(tx, customers=company.customers)
    econ = allocation.tier_economics(tx, as_of, tiers=tiers, contacts=company.contacts)
    then = loyalty.service_tiers(tx, as_of - pd.Timedelta(days=365), customers=company.customers)
    ret = allocation.retention_by_tier(tx, as_of, tiers=then, contacts=company.contacts)
    curves = allocation.assumed_curves(econ, ret, relationship.playbook_cost(relationship.default_playbook()))
    return curves, float(econ["contact_spend"].sum()), econ["contact_spend"]


def grid_best(curves: pd.DataFrame, budget: float, steps: int = 401) -> float:
    n, k, g = (curves[c].to_numpy(float) for c in ("customers", "ceiling", "rate"))
    a, b = np.meshgrid(np.linspace(0, 1, steps), np.linspace(0, 1, steps))
    keep = a + b <= 1
    w = np.stack([a[keep], b[keep], 1 - a[keep] - b[keep]], axis=1)
    return float((n * k * -np.expm1(-g * w * budget / n)).sum(axis=1).max())


def main() -> int:
    curves, budget, today = company_curves()
    value = lambda split: float(allocation.evaluate_split(curves, split)["return"].sum())  # noqa: E731
    slsqp = timed(lambda: allocation.optimal_split(curves, budget))
    rule = timed(lambda: allocation.equal_marginal_split(curves, budget))
    grid = timed(lambda: grid_best(curves, budget), repeat=5)
    v_slsqp = value(allocation.optimal_split(curves, budget))
    v_rule = value(allocation.equal_marginal_split(curves, budget)[0])
    v_grid = grid_best(curves, budget)
    print(f"optimiser, 3 tiers, budget ¥{budget:,.0f}")
    print(f"  SLSQP / rule (root search)   time ratio {slsqp / rule:6.2f}   value gap {v_rule - v_slsqp:+.2e} ¥")
    print(f"  grid (401 steps) / SLSQP     time ratio {grid / slsqp:6.1f}   value gap {v_rule - v_grid:+.2e} ¥")

    ex = AllocationExplorer(curves, budget, current=today)
    budgets = iter(np.linspace(0.5, 2.5, 200) * budget)
    budget_move = timed(lambda: setattr(ex.budget, "value", float(next(budgets))), repeat=30)
    ceilings = iter(np.linspace(0.5, 1.5, 200) * float(curves.loc["VIP", "ceiling"]))
    curve_move = timed(lambda: setattr(ex.ceilings["VIP"], "value", float(next(ceilings))), repeat=15)
    print("explorer")
    print(f"  budget move / curve move     time ratio {budget_move / curve_move:6.2f}   "
          f"(optimiser share of a budget move {slsqp / budget_move:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
