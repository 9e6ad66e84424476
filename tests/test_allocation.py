"""helpers.allocation (module 09): response curves, the optimal split and its rule, heuristics, the company's numbers,
the charts, the explorer and the self-checks.

Expected values are worked out by hand in the comments (closed forms of the equal-marginal-return rule), or come
from independent computations inside the test (a brute-force grid, a planted optimum).
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import allocation as al
from helpers.checks.allocation import NEXT_YEAR_BUDGET, make_checks
from helpers.plots.allocation import (comparison_table, curves_table, economics_table, move_split_marks,
                                      plot_budget_curve, plot_next_return, plot_response_curves,
                                      plot_split_comparison, split_table)
from helpers.widgets.allocation import AllocationExplorer

# Two tiers whose first yuan both return 1: a (K 50, g 0.02) and b (K 20, g 0.05), 100 customers each.
TWO = al.make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.02, "b": 0.05})


def total(curves: pd.DataFrame, split) -> float:
    """The objective written out again, independently of the module: Σ N·K·(1 − exp(−g·x/N)).

    ``split`` may be one split (one amount per tier) or many (one row per split): then one total per row.
    """
    x = np.asarray(split, dtype=float)
    n, k, g = (curves[c].to_numpy(float) for c in ("customers", "ceiling", "rate"))
    out = (n * k * (1 - np.exp(-g * x / n))).sum(axis=-1)
    return out if out.ndim else float(out)


# ----------------------------------------------------------------------------- the curve
def test_response_and_marginal_return_by_hand():
    assert al.response(0, 100, 0.01) == 0
    assert al.response(math.log(2) / 0.01, 100, 0.01) == pytest.approx(50)       # the half spend
    assert al.response(1e9, 100, 0.01) == pytest.approx(100)                      # the ceiling
    assert al.marginal_return(0, 100, 0.01) == pytest.approx(1.0)                 # K·g
    # the marginal return is the slope of the response (central difference)
    h = 1e-4
    slope = (al.response(30 + h, 80, 0.03) - al.response(30 - h, 80, 0.03)) / (2 * h)
    assert al.marginal_return(30, 80, 0.03) == pytest.approx(slope, rel=1e-6)


def test_make_curves_takes_rate_or_half_spend_and_names_bad_tiers():
    by_half = al.make_curves({"x": 10}, {"x": 40.0}, half_spend={"x": 20.0})
    assert by_half.loc["x", "rate"] == pytest.approx(math.log(2) / 20)
    assert by_half.loc["x", "first_return"] == pytest.approx(40 * math.log(2) / 20)
    with pytest.raises(ValueError, match="either as rate"):
        al.make_curves({"x": 10}, {"x": 40.0})
    with pytest.raises(ValueError, match="either as rate"):
        al.make_curves({"x": 10}, {"x": 40.0}, {"x": 0.1}, half_spend={"x": 2.0})
    with pytest.raises(ValueError, match=r"missing \['y'\]"):
        al.make_curves({"x": 10, "y": 5}, {"x": 40.0}, {"x": 0.1, "y": 0.1})
    with pytest.raises(ValueError, match=r"ceiling must be a finite number ≥ 0.*y \(-1.0\)"):
        al.make_curves({"x": 10, "y": 5}, {"x": 40.0, "y": -1.0}, {"x": 0.1, "y": 0.1})
    with pytest.raises(ValueError, match=r"customers must be a finite number > 0.*x \(0.0\)"):
        al.make_curves({"x": 0}, {"x": 40.0}, {"x": 0.1})
    with pytest.raises(KeyError, match="rate"):
        al.evaluate_split(pd.DataFrame({"customers": [1], "ceiling": [1.0]}, index=["x"]), {"x": 1.0})


# ----------------------------------------------------------------------------- the optimum, by hand
def test_two_tier_optimum_by_hand():
    # Equal marginal return λ: a spends ln(1/λ)/0.02 and b ln(1/λ)/0.05 per customer;
    # 100·(50 + 20)·ln(1/λ) = 4000 → ln(1/λ) = 4/7, so a gets 100·50·4/7 = 20000/7 and b 8000/7.
    split = al.optimal_split(TWO, 4000)
    assert split["a"] == pytest.approx(20000 / 7, abs=0.05) and split["b"] == pytest.approx(8000 / 7, abs=0.05)
    rule, level = al.equal_marginal_split(TWO, 4000)
    assert rule["a"] == pytest.approx(20000 / 7, rel=1e-9) and level == pytest.approx(math.exp(-4 / 7), rel=1e-9)
    result = al.evaluate_split(TWO, split)
    assert result["marginal_return"].to_numpy() == pytest.approx([level, level], rel=1e-5)
    assert result["budget"].sum() == pytest.approx(4000)


def test_a_tier_whose_first_yuan_returns_less_gets_nothing():
    # c's first yuan returns 0.1 × 0.5 = 0.05; at a budget of 1000 the others still return more than that
    three = al.make_curves({"a": 100, "b": 100, "c": 100}, {"a": 50.0, "b": 20.0, "c": 0.1},
                           {"a": 0.02, "b": 0.05, "c": 0.5})
    split, level = al.equal_marginal_split(three, 1000)
    assert split["c"] == 0 and level > 0.05
    assert al.optimal_split(three, 1000)["c"] == pytest.approx(0, abs=0.5)
    # all ceilings 0: nothing returns anything, the budget is spread by customers and λ is undefined
    flat = al.make_curves({"a": 1, "b": 3}, {"a": 0.0, "b": 0.0}, {"a": 0.1, "b": 0.1})
    split, level = al.equal_marginal_split(flat, 400)
    assert split.tolist() == [100.0, 300.0] and math.isnan(level)


def test_floors_bind_and_errors_are_explained():
    # without a floor b gets 8000/7 ≈ 11.4 per customer; a floor of 15 binds, a takes the rest
    split = al.optimal_split(TWO, 4000, minimum={"b": 15})
    assert split["b"] == pytest.approx(1500, abs=0.05) and split["a"] == pytest.approx(2500, abs=0.05)
    rule, _ = al.equal_marginal_split(TWO, 4000, minimum={"b": 15})
    assert rule["b"] == pytest.approx(1500, rel=1e-9)
    with pytest.raises(ValueError, match="more than the budget"):
        al.optimal_split(TWO, 1000, minimum={"b": 15})
    with pytest.raises(ValueError, match=r"tier\(s\) \['z'\]"):
        al.optimal_split(TWO, 1000, minimum={"z": 1})
    with pytest.raises(ValueError, match="budget must be a finite amount"):
        al.optimal_split(TWO, -5)
    with pytest.raises(TypeError, match="number of yuan"):
        al.optimal_split(TWO, "lots")
    assert al.optimal_split(TWO, 0).tolist() == [0.0, 0.0]


# ----------------------------------------------------------------------------- the optimum, as properties
CURVE = st.tuples(st.integers(1, 5000), st.floats(0.5, 2000), st.floats(1.0, 2000))  # customers, K, half spend


def curves_of(params):
    names = [f"t{i}" for i in range(len(params))]
    return al.make_curves(dict(zip(names, (p[0] for p in params))), dict(zip(names, (p[1] for p in params))),
                          half_spend=dict(zip(names, (p[2] for p in params))))


@settings(max_examples=60)
@given(st.lists(CURVE, min_size=2, max_size=5), st.floats(-10.0, 3.0))
def test_optimiser_recovers_the_rule_to_one_percent_of_value(params, exponent):
    """SLSQP, started from an equal split, reaches the analytic (KKT) optimum's value within 1%.

    Budgets range from 10⁻¹⁰ to a thousand times what the tiers need to reach half their ceilings:
    from the straight start of every curve to their flat tops (a badly scaled objective once stopped
    SLSQP at the starting point for tiny budgets).
    """
    curves = curves_of(params)
    budget = 10 ** exponent * float((curves["customers"] * curves["half_spend"]).sum())
    rule, level = al.equal_marginal_split(curves, budget)
    # the rule's split is the KKT point: budget spent, equal slopes where funded, lower first slopes elsewhere
    assert rule.sum() == pytest.approx(budget, rel=1e-9)
    result = al.evaluate_split(curves, rule)
    funded = result["budget"] > 1e-9 * budget
    assert result.loc[funded, "marginal_return"].to_numpy() == pytest.approx(level, rel=1e-6)
    assert (curves.loc[~funded, "first_return"] <= level * (1 + 1e-9)).all()
    best = total(curves, rule)
    got = total(curves, al.optimal_split(curves, budget))
    assert got <= best * (1 + 1e-9) + 1e-9
    assert got >= 0.99 * best


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(1, 3000), st.floats(0.001, 0.2), st.floats(1.0, 500.0)), min_size=2,
                max_size=4), st.floats(0.05, 3.0))
def test_optimiser_recovers_a_planted_optimum(params, level):
    """Plant a split x* and a level λ, set K so that every tier's slope at x* is λ: x* is then optimal."""
    names = [f"t{i}" for i in range(len(params))]
    n = np.array([p[0] for p in params], float)
    g = np.array([p[1] for p in params])
    per_customer = np.array([p[2] for p in params])           # the planted spend per customer
    k = level * np.exp(g * per_customer) / g                   # K·g·e^(−g·b*) = λ at b*
    curves = al.make_curves(dict(zip(names, n)), dict(zip(names, k)), dict(zip(names, g)))
    planted = per_customer * n
    split = al.optimal_split(curves, planted.sum())
    assert total(curves, split) == pytest.approx(total(curves, planted), rel=0.01)
    rule, found = al.equal_marginal_split(curves, planted.sum())
    assert rule.to_numpy() == pytest.approx(planted, rel=1e-6) and found == pytest.approx(level, rel=1e-6)


@settings(max_examples=50)
@given(st.lists(CURVE, min_size=2, max_size=3), st.floats(-4.0, 1.0))
def test_no_point_of_a_brute_force_grid_beats_the_optimum(params, exponent):
    curves = curves_of(params)
    budget = 10 ** exponent * float((curves["customers"] * curves["half_spend"]).sum())
    steps = np.linspace(0, 1, 61)
    if len(curves) == 2:
        grid = np.stack([steps, 1 - steps], axis=1)
    else:
        a, b = np.meshgrid(steps, steps)
        keep = a + b <= 1 + 1e-12
        grid = np.stack([a[keep], b[keep], np.clip(1 - a[keep] - b[keep], 0, None)], axis=1)
    best_grid = float(total(curves, grid * budget).max())
    assert total(curves, al.equal_marginal_split(curves, budget)[0]) >= best_grid * (1 - 1e-9)
    assert total(curves, al.optimal_split(curves, budget)) >= best_grid * (1 - 1e-6)


@settings(max_examples=50)
@given(st.lists(CURVE, min_size=2, max_size=4), st.floats(0.05, 2.0), st.floats(0.2, 5.0))
def test_scaling_every_ceiling_alike_leaves_the_split_unchanged(params, scale, factor):
    curves = curves_of(params)
    budget = scale * float((curves["customers"] * curves["half_spend"]).sum())
    scaled = curves.assign(ceiling=curves["ceiling"] * factor)
    a, la = al.equal_marginal_split(curves, budget)
    b, lb = al.equal_marginal_split(scaled, budget)
    assert b.to_numpy() == pytest.approx(a.to_numpy(), rel=1e-6, abs=1e-6 * budget)
    assert lb == pytest.approx(la * factor, rel=1e-6)


# ----------------------------------------------------------------------------- heuristics, comparisons, budget size
def test_heuristic_splits_by_hand_and_today_scaled_to_the_budget():
    c = al.make_curves({"VIP": 100, "regular": 300}, {"VIP": 300.0, "regular": 40.0},
                       half_spend={"VIP": 150.0, "regular": 20.0})
    s = al.heuristic_splits(c, 8000, revenue={"VIP": 6000.0, "regular": 2000.0}, current={"VIP": 50.0, "regular": 150.0})
    assert s["equal_per_customer"].tolist() == [2000.0, 6000.0]          # 100 : 300 customers
    assert s["proportional_to_revenue"].tolist() == [6000.0, 2000.0]     # 6000 : 2000 revenue
    assert s["all_to_top"].tolist() == [8000.0, 0.0]
    assert s["current"].tolist() == [2000.0, 6000.0]                     # 50 : 150, scaled to 8000
    assert s.sum().to_numpy() == pytest.approx([8000.0] * 5)
    assert al.heuristic_splits(c, 8000, revenue={"VIP": 1.0, "regular": 1.0}, top="regular")["all_to_top"].tolist() == [0.0, 8000.0]
    with pytest.raises(ValueError, match="top='gold' is not a tier"):
        al.heuristic_splits(c, 8000, revenue={"VIP": 1.0, "regular": 1.0}, top="gold")
    with pytest.raises(ValueError, match="revenue adds up to 0"):
        al.heuristic_splits(c, 8000, revenue={"VIP": 0.0, "regular": 0.0})


def test_compare_splits_scores_every_split_against_the_optimum_for_its_budget():
    c = TWO
    splits = pd.DataFrame({"even": [2000.0, 2000.0], "optimal": al.optimal_split(c, 4000), "small": [100.0, 0.0]},
                          index=["a", "b"])
    table = al.compare_splits(c, splits)
    assert table.loc["optimal", "vs_optimal"] == pytest.approx(1) and table.loc["optimal", "lost"] == pytest.approx(0, abs=1e-3)
    assert table.loc["even", "return"] == pytest.approx(total(c, [2000, 2000]))
    assert table.loc["even", "lost"] == pytest.approx(table.loc["optimal", "return"] - table.loc["even", "return"], rel=1e-6)
    # a small budget is compared with the optimum for that small budget, not for 4000
    assert table.loc["small", "budget"] == 100 and table.loc["small", "vs_optimal"] <= 1 + 1e-9
    assert table.loc["even", "net_return"] == pytest.approx(table.loc["even", "return"] - 4000)


def test_next_return_is_the_exact_rise_of_the_curve():
    c = al.make_curves({"x": 1, "y": 1}, {"x": 100.0, "y": 10.0}, {"x": 0.01, "y": 0.1})
    table = al.next_return(c, {"x": 0.0, "y": 0.0}, amount=100)
    assert table.loc["x", "next_return"] == pytest.approx(100 * (1 - math.exp(-1)))   # 63.21
    assert table.loc["y", "next_return"] == pytest.approx(10 * (1 - math.exp(-10)))
    assert table["best"].tolist() == [True, False]
    with pytest.raises(ValueError, match="positive number of yuan"):
        al.next_return(c, {"x": 0.0, "y": 0.0}, amount=0)


def test_break_even_budget_is_where_the_next_yuan_returns_one():
    c = al.make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 20.0}, {"a": 0.04, "b": 0.05})
    # only a's first yuan returns more than 1 (50 × 0.04 = 2): 100 × ln 2 / 0.04
    assert al.break_even_budget(c) == pytest.approx(100 * math.log(2) / 0.04)
    assert al.equal_marginal_split(c, al.break_even_budget(c))[1] == pytest.approx(1.0, rel=1e-6)
    assert al.break_even_budget(c, threshold=3.0) == 0.0
    curve = al.budget_curve(c, [0, 1000, 2000, 4000])
    assert curve["return"].is_monotonic_increasing and curve["marginal_return"].is_monotonic_decreasing
    assert curve.loc[1000.0, "net_return"] == pytest.approx(curve.loc[1000.0, "return"] - 1000)


def test_sensitivity_factor_one_changes_nothing_and_errors_are_explained():
    s = al.sensitivity(TWO, 4000, factors=(1.0,), parameters=("ceiling", "half_spend", "rate"))
    assert len(s) == 6 and s["loss"].abs().max() < 1e-9
    assert (s["tier_share"] - s["base_share"]).abs().max() < 1e-6
    halved = al.sensitivity(TWO, 4000, factors=(0.5,), parameters=("ceiling",))
    assert (halved["loss"] >= -1e-12).all() and halved.loc[0, "tier_share"] < halved.loc[0, "base_share"]
    with pytest.raises(ValueError, match="parameters must be among"):
        al.sensitivity(TWO, 4000, parameters=("speed",))
    with pytest.raises(ValueError, match="factors must be > 0"):
        al.sensitivity(TWO, 4000, factors=(0,))


# ----------------------------------------------------------------------------- the company's numbers
TX = pd.DataFrame({
    "customer_id": ["v", "v", "r", "r", "p", "new", "gone"],
    "date": pd.to_datetime(["2024-03-01", "2025-03-01", "2024-05-01", "2025-04-01", "2024-08-01", "2025-09-01",
                            "2024-02-01"]),
    "revenue": [1000.0, 1200.0, 100.0, 150.0, 50.0, 80.0, 60.0],
    "cost": [600.0, 700.0, 60.0, 90.0, 30.0, 50.0, 40.0],
})
LOG = pd.DataFrame({
    "customer_id": ["v", "v", "r", "r", "p", "v"],
    "date": pd.to_datetime(["2025-02-01", "2025-06-01", "2025-03-01", "2025-07-01", "2025-05-01", "2024-03-01"]),
    "initiated_by": ["company", "customer", "company", "customer", "company", "company"],
    "cost_to_serve": [120.0, 25.0, 8.0, 25.0, 8.0, 120.0],
})


def test_tier_economics_by_hand():
    tiers = pd.Series({"v": "VIP", "r": "regular", "p": "potential", "new": "potential", "gone": "potential"})
    e = al.tier_economics(TX, "2025-12-01", tiers=tiers, contacts=LOG)
    # window [2024-12-01, 2025-12-01): v 1200-700, r 150-90, new 80-50; p and gone bought before it
    assert e.index.tolist() == ["VIP", "regular", "potential"]
    assert e["customers"].tolist() == [1, 1, 3]
    assert e["value"].tolist() == [500.0, 60.0, 30.0]
    assert e["average_value"].tolist() == [500.0, 60.0, 10.0]
    assert e["revenue"].tolist() == [1200.0, 150.0, 80.0]
    # company-started contacts in the window: v 120 (the 2024 one is outside), r 8, p 8
    assert e["contact_spend"].tolist() == [120.0, 8.0, 8.0]
    assert e["reactive_cost"].tolist() == [25.0, 25.0, 0.0]
    assert e["customer_share"].sum() == pytest.approx(1) and e["value_share"].sum() == pytest.approx(1)


def test_tier_economics_refuses_unknown_initiators_and_missing_columns():
    everyone = pd.Series("potential", index=["v", "r", "p", "new", "gone"])
    with pytest.raises(ValueError, match=r"1 contact row\(s\) in the window belong to 1 customer\(s\) without a tier"):
        al.tier_economics(TX, "2025-12-01", tiers=everyone.drop("p"), contacts=LOG)
    with pytest.raises(ValueError, match=r"transaction row\(s\).*'new'"):
        al.tier_economics(TX, "2025-12-01", tiers=everyone.drop("new"), contacts=LOG)
    tiers = everyone
    with pytest.raises(ValueError, match=r"holds \['robot'\]"):
        al.tier_economics(TX, tiers=tiers, contacts=LOG.assign(initiated_by="robot"))
    with pytest.raises(KeyError, match="initiated_by"):
        al.tier_economics(TX, tiers=tiers, contacts=LOG.drop(columns="initiated_by"))
    with pytest.raises(ValueError, match="have no tier"):
        al.tier_economics(TX, tiers=pd.Series({"v": None}), contacts=LOG)


def test_retention_by_tier_by_hand():
    # tiers at the start of the window [2024-12-01, 2025-12-01)
    tiers = pd.Series({"v": "VIP", "r": "regular", "p": "potential", "gone": "potential", "new": "potential"})
    r = al.retention_by_tier(TX, "2025-12-01", tiers=tiers, contacts=LOG)
    assert r.loc["VIP", ["customers", "retained", "left_out"]].tolist() == [1, 1, 0]
    assert r.loc["potential", ["customers", "retained", "left_out"]].tolist() == [2, 0, 1]   # "new" was not a customer yet
    assert r.loc["VIP", "retention"] == 1.0 and r.loc["potential", "retention"] == 0.0
    # kept value: margin in the window minus the service they asked for (v: 500 - 25, r: 60 - 25)
    assert r.loc["VIP", "kept_value"] == 475.0 and r.loc["regular", "kept_value"] == 35.0
    assert math.isnan(r.loc["potential", "kept_value"])
    assert (r["customers"] + r["left_out"]).tolist() == [1, 1, 3]
    assert al.retention_by_tier(TX, "2025-12-01", tiers=tiers).loc["VIP", "kept_value"] == 500.0


def test_assumed_curves_by_hand_and_its_errors():
    econ = pd.DataFrame({"customers": [100, 1000]}, index=["VIP", "regular"])
    ret = pd.DataFrame({"retention": [0.9, 0.5], "kept_value": [1000.0, -5.0]}, index=["VIP", "regular"])
    c = al.assumed_curves(econ, ret, pd.Series({"VIP": 400.0, "regular": 60.0}), save_share=0.5, discount=0.1,
                          playbook_reach=0.8)
    # VIP: lifetime 1000 × 1.1 / 0.2 = 5500; K = 0.5 × 0.1 × 5500 = 275; g = ln 5 / 400
    assert c.loc["VIP", "lifetime_value"] == pytest.approx(5500) and c.loc["VIP", "ceiling"] == pytest.approx(275)
    assert c.loc["VIP", "rate"] == pytest.approx(math.log(5) / 400)
    assert c.loc["regular", "ceiling"] == 0.0                       # a kept customer who costs more than they bring
    assert al.response(400, c.loc["VIP", "ceiling"], c.loc["VIP", "rate"]) == pytest.approx(0.8 * 275)
    with pytest.raises(ValueError, match="save_share"):
        al.assumed_curves(econ, ret, pd.Series({"VIP": 1.0, "regular": 1.0}), save_share=1.5)
    with pytest.raises(ValueError, match="playbook_reach"):
        al.assumed_curves(econ, ret, pd.Series({"VIP": 1.0, "regular": 1.0}), playbook_reach=1.0)
    with pytest.raises(ValueError, match=r"playbook_cost has no row for tier\(s\) \['regular'\]"):
        al.assumed_curves(econ, ret, pd.Series({"VIP": 1.0}))
    with pytest.raises(ValueError, match="retention is missing for tier"):
        al.assumed_curves(econ, ret.assign(retention=[0.9, np.nan]), pd.Series({"VIP": 1.0, "regular": 1.0}))


@pytest.fixture(scope="module")
def company_curves():
    from helpers import loyalty, relationship
    from helpers.data import load_company

    company = load_company()
    as_of = pd.Timestamp("2026-01-01")
    tiers = loyalty.service_tiers(company.transactions, customers=company.customers)
    econ = al.tier_economics(company.transactions, as_of, tiers=tiers, contacts=company.contacts)
    then = loyalty.service_tiers(company.transactions, as_of - pd.Timedelta(days=365), customers=company.customers)
    ret = al.retention_by_tier(company.transactions, as_of, tiers=then, contacts=company.contacts)
    return econ, al.assumed_curves(econ, ret, relationship.playbook_cost(relationship.default_playbook()))


def test_on_the_synthetic_company_the_optimum_beats_every_rule(company_curves):
    econ, curves = company_curves
    # the budget reconciles with the contact log: company-started contacts of 2025 (hand-summed in the notebook)
    budget = float(econ["contact_spend"].sum())
    splits = al.heuristic_splits(curves, budget, revenue=econ["revenue"], current=econ["contact_spend"])
    table = al.compare_splits(curves, splits)
    assert table.loc["optimal", "return"] == table["return"].max()
    assert (table["vs_optimal"] <= 1 + 1e-9).all()
    rule, _ = al.equal_marginal_split(curves, budget)
    assert (splits["optimal"] - rule).abs().max() < 1.0   # SLSQP agrees with the rule to within ¥1


# ----------------------------------------------------------------------------- charts and tables
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_are_titled_and_labelled(lang):
    from helpers.plots import use_language

    lang = use_language(lang)
    s = al.heuristic_splits(TWO, 4000, revenue={"a": 3.0, "b": 1.0})
    ax = plot_response_curves(TWO, s["optimal"], current=s["equal_per_customer"], lang=lang)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    dots = [line for line in ax.get_lines() if (line.get_gid() or "").startswith("split-dot")]
    assert [list(d.get_xdata()) for d in dots] == [[s.loc["a", "optimal"]], [s.loc["b", "optimal"]]]
    plt.close(ax.figure)
    fig = plot_split_comparison(s, al.compare_splits(TWO, s), lang=lang)
    assert all(a.get_title() for a in fig.axes) and fig._suptitle.get_text()
    plt.close(fig)
    ax = plot_next_return(pd.DataFrame({"optimal": [500.0, 500.0]}, index=["a", "b"]), lang=lang)
    assert ax.get_title() and ax.get_ylabel() and len(ax.patches) == 2
    plt.close(ax.figure)
    ax = plot_budget_curve(al.budget_curve(TWO, [0, 2000, 4000]), budget=3000, break_even=1000, lang=lang)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    plt.close(ax.figure)


def test_an_unfunded_tier_has_no_slope_line():
    c = al.make_curves({"a": 100, "b": 100}, {"a": 50.0, "b": 1.0}, {"a": 0.02, "b": 0.05})
    ax = plot_response_curves(c, pd.Series({"a": 1000.0, "b": 0.0}), max_budget=2000)
    moved = move_split_marks(ax, al.evaluate_split(c, {"a": 1500.0, "b": 0.0}), 2000)
    slopes = {line.get_gid(): len(line.get_xdata()) for line in moved}
    assert slopes == {"split-dot:a": 1, "split-slope:a": 2, "split-dot:b": 1, "split-slope:b": 0}
    plt.close(ax.figure)


def test_display_tables_translate_and_format():
    s = al.heuristic_splits(TWO, 4000, revenue={"a": 3.0, "b": 1.0})
    shown = split_table(s, al.compare_splits(TWO, s), lang="zh")
    assert "最优分配" in shown.index and shown.loc["最优分配", "达到最优的比例"] == "100.0%"
    assert comparison_table(al.compare_splits(TWO, s)).loc["Optimal split", "Share of the optimum"] == "100.0%"
    assert curves_table(TWO).loc["a", "First ¥ returns (¥)"] == "1.00"
    econ = pd.DataFrame({"customers": [2], "customer_share": [1.0], "average_value": [10.0], "revenue_share": [1.0],
                         "reactive_cost": [0.0], "contact_spend": [8.0], "spend_per_customer": [4.0]}, index=["VIP"])
    assert economics_table(econ, "zh").index.tolist() == ["VIP客户"]


# ----------------------------------------------------------------------------- the explorer
def test_explorer_follows_its_budget_and_curve_sliders():
    c = al.make_curves({"VIP": 100, "regular": 900}, {"VIP": 300.0, "regular": 40.0},
                       half_spend={"VIP": 150.0, "regular": 20.0})
    ex = AllocationExplorer(c, 10000, current=pd.Series({"VIP": 5000.0, "regular": 5000.0}))
    # equal first returns (1.386): the split follows 100/g_VIP : 900/g_regular = 21640 : 25969
    assert ex.split["VIP"] == pytest.approx(10000 * 21640.4 / (21640.4 + 25968.5), abs=1)
    first = ex.image.value
    ex.budget.value = 20000
    assert ex.split.sum() == pytest.approx(20000) and ex.image.value[:4] == b"\x89PNG" and ex.image.value != first
    ex.ceilings["VIP"].value = 10.0            # VIPs' first yuan now returns 0.046: all goes to regular
    assert ex.split["VIP"] == pytest.approx(0, abs=1) and "get nothing" in ex.sentence.value
    ex.halves["regular"].value = 60.0          # a slower regular curve: still everything to regular
    assert ex.curves().loc["regular", "half_spend"] == pytest.approx(60.0)
    assert "Next ¥ returns" in ex.table.value


def test_explorer_speaks_chinese():
    ex = AllocationExplorer(TWO, 4000, lang="zh")
    assert "最优分配" in ex.sentence.value and "预算" in ex.budget.description


# ----------------------------------------------------------------------------- the self-checks
@pytest.fixture(scope="module")
def check():
    return make_checks()


def test_self_checks_accept_the_solution(check, company_curves):
    econ, curves = company_curves
    split = al.optimal_split(curves, NEXT_YEAR_BUDGET)
    assert check.task1.evaluate(float(econ["contact_spend"].sum())).status == "correct"
    assert check.task2.evaluate(split).status == "correct"
    assert check.task3.evaluate(al.evaluate_split(curves, split)["marginal_return"].mean()).status == "correct"
    s = al.heuristic_splits(curves, NEXT_YEAR_BUDGET, revenue=econ["revenue"])
    lost = al.compare_splits(curves, s).loc["proportional_to_revenue", "lost"]
    assert check.task4.evaluate(lost).status == "correct"
    assert check.task6.evaluate("Keep the split; test the save share first.").status == "recorded"
    for task in ("task1", "task2", "task3", "task4", "task5", "task6"):
        assert getattr(check, task).evaluate(...).status == "unanswered"


def test_self_checks_name_the_typical_mistakes(check, company_curves):
    econ, curves = company_curves
    s = al.heuristic_splits(curves, NEXT_YEAR_BUDGET, revenue=econ["revenue"])
    cases = [
        ("task1", float(econ["contact_spend"].sum() + (econ["reactive_cost"] * econ["customers"]).sum()),
         "problem reports"),   # every contact of the year: the two columns add up to the whole log
        ("task2", s["proportional_to_revenue"], "proportion to revenue"),
        ("task2", s["equal_per_customer"], "same spend"),
        ("task2", al.optimal_split(curves, float(econ["contact_spend"].sum())), "last year's budget"),
        ("task2", s["optimal"] / curves["customers"], "per customer"),
        ("task3", al.compare_splits(curves, s).loc["optimal", "return_per_yuan"], "average"),
        ("task3", float(curves.loc["potential", "first_return"]), "first"),
        ("task4", -al.compare_splits(curves, s).loc["proportional_to_revenue", "lost"], "wrong sign"),
        ("task4", al.compare_splits(curves, s).loc["proportional_to_revenue", "return"], "Subtract"),
    ]
    for task, answer, words in cases:
        feedback = getattr(check, task).evaluate(answer)
        assert feedback.status == "incorrect" and words in feedback.message, (task, feedback.message)
    assert check.task2.evaluate(s["optimal"].drop("potential")).message.startswith("Some tiers are missing")
    assert "Series" in check.task2.evaluate(3.0).message
    for letter in ("a", "c"):
        wrong = check.task5.evaluate(letter)
        assert wrong.status == "incorrect" and wrong.message
