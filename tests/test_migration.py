"""Module 08 (tier migration): the compute layer, its charts, its explorer and its self-checks.

Expected values are worked out by hand (in the comments), taken from an independent
implementation (scikit-learn's κ, SciPy's ρ, a brute-force discounted sum, plain pandas),
or from the measurements on Online Retail recorded in the domain brief (with a tolerance).
"""

from __future__ import annotations

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import migration as mg
from helpers.abc import abc_classes
from helpers.checks.migration import TEN, make_checks
from helpers.data import load_company, load_online_retail
from helpers.plots.migration import plot_flows, plot_matrix, plot_projection, state_label
from helpers.widgets.migration import MigrationExplorer

TIERS = ["A", "B", "C"]


@pytest.fixture(scope="module")
def company_tx() -> pd.DataFrame:
    return load_company().transactions


@pytest.fixture(scope="module")
def company_history(company_tx) -> pd.DataFrame:
    return mg.tier_history(company_tx, rule="abc", months=6)


# --------------------------------------------------------------------------- the matrix
def test_ten_customers_matrix_by_hand():
    # K01 A→A, K02 A→B, K03 A→lapsed, K04 B→A, K05 B→B, K06 B→lapsed, K07 C→C, K08 C→lapsed, K09 new→B, K10 new→C
    counts = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS)
    assert counts.index.tolist() == ["A", "B", "C", "new"] and counts.columns.tolist() == ["A", "B", "C", "lapsed"]
    assert counts.to_numpy().tolist() == [[1, 1, 0, 1], [1, 1, 0, 1], [0, 0, 1, 1], [0, 1, 1, 0]]
    shares = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS, shares=True)
    assert shares.loc["C"].tolist() == [0.0, 0.0, 0.5, 0.5]
    assert shares.loc["new"].tolist() == [0.0, 0.5, 0.5, 0.0]


def test_absent_customers_may_be_missing_or_nan_and_give_the_same_matrix():
    before = pd.Series({"a": "A", "b": "B"})
    after = pd.Series({"b": "A", "c": "C"})
    with_nan = mg.transition_matrix(before.reindex(["a", "b", "c"]), after.reindex(["a", "b", "c"]), tiers=TIERS)
    assert with_nan.equals(mg.transition_matrix(before, after, tiers=TIERS))
    assert with_nan.loc["A", "lapsed"] == 1 and with_nan.loc["B", "A"] == 1 and with_nan.loc["new", "C"] == 1


def test_tier_order_comes_from_an_ordered_categorical():
    cat = pd.CategoricalDtype(["VIP", "regular", "potential"], ordered=True)
    before = pd.Series(["potential", "VIP"], index=["a", "b"]).astype(cat)
    counts = mg.transition_matrix(before, before)
    assert counts.index.tolist() == ["VIP", "regular", "potential", "new"]


def test_matrix_errors_name_the_problem():
    with pytest.raises(ValueError, match="not among the tiers"):
        mg.transition_matrix(pd.Series({"a": "D"}), pd.Series({"a": "A"}), tiers=TIERS)
    with pytest.raises(ValueError, match="more than once"):
        mg.transition_matrix(pd.Series(["A", "B"], index=["a", "a"]), pd.Series({"a": "A"}))
    with pytest.raises(ValueError, match="cannot be a tier"):
        mg.transition_matrix(pd.Series({"a": "new"}), pd.Series({"a": "A"}))
    with pytest.raises(TypeError, match="Series of tiers"):
        mg.transition_matrix(["A"], pd.Series({"a": "A"}))


def test_row_shares_leave_an_empty_row_missing_and_refuse_negative_counts():
    shares = mg.row_shares(pd.DataFrame({"A": [2, 0], "lapsed": [2, 0]}, index=["A", "new"]))
    assert shares.loc["A"].tolist() == [0.5, 0.5] and shares.loc["new"].isna().all()
    with pytest.raises(ValueError, match="negative"):
        mg.row_shares(pd.DataFrame({"A": [-1]}))


def test_counts_reconcile_with_the_tier_sizes_on_the_synthetic_company(company_history):
    before, after = company_history.iloc[:, -2], company_history.iloc[:, -1]
    counts = mg.transition_matrix(before, after)
    assert counts.loc[TIERS].sum(axis=1).tolist() == before.value_counts().reindex(TIERS).tolist()
    assert counts[TIERS].sum(axis=0).tolist() == after.value_counts().reindex(TIERS).tolist()
    assert counts.loc["new", "lapsed"] == 0
    assert counts.to_numpy().sum() == (before.notna() | after.notna()).sum()


tiers_or_absent = st.sampled_from(["A", "B", "C", None])


@settings(max_examples=50)  # each example builds a crosstab; 50 cover the shapes (empty rows, all new, all lapsed)
@given(st.lists(st.tuples(tiers_or_absent, tiers_or_absent), min_size=1, max_size=60))
def test_matrix_properties(pairs):
    index = [f"c{i}" for i in range(len(pairs))]
    before = pd.Series([p[0] for p in pairs], index=index, dtype=object)
    after = pd.Series([p[1] for p in pairs], index=index, dtype=object)
    counts = mg.transition_matrix(before, after, tiers=TIERS)
    # every customer seen at least once sits in exactly one cell
    assert counts.to_numpy().sum() == sum(1 for b, a in pairs if b is not None or a is not None)
    assert counts.loc[TIERS].sum(axis=1).tolist() == [sum(1 for b, _ in pairs if b == t) for t in TIERS]
    assert counts[TIERS].sum(axis=0).tolist() == [sum(1 for _, a in pairs if a == t) for t in TIERS]
    assert counts.loc["new", "lapsed"] == 0
    shares = mg.row_shares(counts)
    filled = counts.sum(axis=1) > 0
    assert np.allclose(shares[filled].sum(axis=1), 1.0) and shares[~filled].isna().all().all()
    by_tier = mg.stability_by_tier(counts)
    present = by_tier["customers"] > 0
    parts = by_tier.loc[present, ["stay_share", "up_share", "down_share", "lapse_rate"]].sum(axis=1)
    assert np.allclose(parts, 1.0)


# --------------------------------------------------------------------------- stability
def test_stability_by_tier_worked_by_hand():
    # A: 3 customers, 1 stays, 1 down (to B), 1 lapses; B: 1 up (to A), 1 stays, 1 lapses; C: 1 stays, 1 lapses
    table = mg.stability_by_tier(mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS))
    assert table["customers"].tolist() == [3, 3, 2]
    assert table.loc["A", ["stay_share", "up_share", "down_share", "lapse_rate"]].tolist() == pytest.approx([1 / 3, 0, 1 / 3, 1 / 3])
    assert table.loc["B", ["up_share", "down_share"]].tolist() == pytest.approx([1 / 3, 0])


def test_weighted_kappa_worked_by_hand():
    # Stayers of TEN_CUSTOMERS: (A,A) (A,B) (B,A) (B,B) (C,C); marginals 0.4/0.4/0.2 both times.
    # Linear weights 0, 0.5, 1: observed disagreement 0.5·0.4 = 0.2, chance 0.4 → κ = 1 − 0.2/0.4 = 0.5.
    # Quadratic weights 0, 0.25, 1: observed 0.25·0.4 = 0.1, chance 0.28 → κ = 1 − 0.1/0.28 = 9/14.
    # Unweighted: observed agreement 0.6, chance 0.16 + 0.16 + 0.04 = 0.36 → κ = (0.6 − 0.36)/0.64 = 0.375.
    b, a = mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"]
    assert mg.weighted_kappa(b, a, tiers=TIERS) == pytest.approx(0.5)
    assert mg.weighted_kappa(b, a, weights="quadratic", tiers=TIERS) == pytest.approx(9 / 14)
    assert mg.weighted_kappa(b, a, weights=None, tiers=TIERS) == pytest.approx(0.375)
    with pytest.raises(ValueError, match="weights"):
        mg.weighted_kappa(b, a, weights="cubic")


@settings(max_examples=50)
@given(st.lists(st.tuples(st.sampled_from(TIERS), st.sampled_from(TIERS)), min_size=2, max_size=80),
       st.sampled_from(["linear", "quadratic", None]))
def test_weighted_kappa_agrees_with_scikit_learn(pairs, weights):
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    before = pd.Series([p[0] for p in pairs])
    after = pd.Series([p[1] for p in pairs])
    ours = mg.weighted_kappa(before, after, weights=weights, tiers=TIERS)
    with warnings.catch_warnings():  # scikit-learn warns (and returns NaN) when κ is undefined
        warnings.simplefilter("ignore")
        theirs = sklearn_metrics.cohen_kappa_score(before, after, weights=weights, labels=TIERS)
    assert (math.isnan(ours) and math.isnan(theirs)) or ours == pytest.approx(theirs, abs=1e-12)


def test_kappa_is_one_when_nobody_moves_and_symmetric():
    b = pd.Series(list("AABBC"))
    assert mg.weighted_kappa(b, b) == 1.0
    a = pd.Series(list("ABBCC"))
    assert mg.weighted_kappa(b, a) == pytest.approx(mg.weighted_kappa(a, b))


def test_spearman_worked_by_hand_and_against_scipy():
    # positions before 0,0,1,1,2 and after 0,1,0,1,2: ranks 1.5,1.5,3.5,3.5,5 and 1.5,3.5,1.5,3.5,5;
    # deviations from 3 multiply to 5, each sums of squares to 9: ρ = 5/9
    b, a = mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"]
    assert mg.spearman_rho(b, a, tiers=TIERS) == pytest.approx(5 / 9)
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(8)
    x, y = rng.integers(0, 3, 200), rng.integers(0, 3, 200)
    ours = mg.spearman_rho(pd.Series(np.array(TIERS)[x]), pd.Series(np.array(TIERS)[y]), tiers=TIERS)
    assert ours == pytest.approx(stats.spearmanr(x, y).statistic, abs=1e-12)


def test_spearman_is_missing_when_there_is_no_order_to_keep():
    assert math.isnan(mg.spearman_rho(pd.Series(list("AAA")), pd.Series(list("ABC"))))


def test_shorrocks_index():
    assert mg.shorrocks_index(np.eye(4)) == 0.0
    assert mg.shorrocks_index(np.full((3, 3), 1 / 3)) == pytest.approx(1.0)
    assert mg.shorrocks_index([[0.8, 0.2], [0.3, 0.7]]) == pytest.approx(0.5)  # (2 − 1.5) / 1
    assert mg.shorrocks_index([[0.0, 1.0], [1.0, 0.0]]) == 2.0  # everybody swaps
    full = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS, shares=True)
    with pytest.raises(ValueError, match="stayers_matrix"):
        mg.shorrocks_index(full)
    with pytest.raises(ValueError, match="add up to 1"):
        mg.shorrocks_index([[0.5, 0.2], [0.3, 0.7]])


def test_stability_summary_is_missing_what_cannot_be_measured():
    summary = mg.stability_summary(pd.Series({"a": "A"}), pd.Series({"b": "B"}), tiers=TIERS)
    assert summary["lapse_rate"] == 1.0 and summary["new"] == 1.0
    assert summary[["kappa_linear", "kappa_quadratic", "spearman", "shorrocks"]].isna().all()


# --------------------------------------------------------------------------- projection and value
def test_projecting_one_period_from_the_before_sizes_gives_the_after_sizes(company_history):
    before, after = company_history.iloc[:, -2], company_history.iloc[:, -1]
    counts = mg.transition_matrix(before, after)
    shares = mg.row_shares(counts)
    projected = mg.project_tiers(counts.loc[TIERS].sum(axis=1), shares, inflow=counts.loc["new"].sum(), steps=1)
    assert projected.loc[1, TIERS].to_numpy() == pytest.approx(after.value_counts().reindex(TIERS).to_numpy())


def test_without_new_customers_the_projection_decays_to_zero_and_with_them_it_settles(company_history):
    before, after = company_history.iloc[:, -2], company_history.iloc[:, -1]
    counts = mg.transition_matrix(before, after)
    shares = mg.row_shares(counts)
    sizes = counts[TIERS].sum(axis=0)
    closed = mg.project_tiers(sizes, shares, steps=40)
    assert (np.diff(closed["total"]) < 0).all() and closed["total"].iloc[-1] < 1e-3 * sizes.sum()
    inflow = float(counts.loc["new"].sum())
    open_ = mg.project_tiers(sizes, shares, inflow=inflow, steps=200)
    assert open_.loc[200, TIERS].to_numpy() == pytest.approx(mg.steady_state(shares, inflow).to_numpy(), rel=1e-9)


def test_projection_errors():
    shares = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS, shares=True)
    with pytest.raises(ValueError, match="no value for tier"):
        mg.project_tiers(pd.Series({"A": 1}), shares)
    with pytest.raises(ValueError, match="at least 0"):
        mg.project_tiers(pd.Series({"A": 1, "B": 1, "C": 1}), shares, inflow=-1)
    no_new = mg.transition_matrix(pd.Series({"a": "A", "b": "B", "c": "C"}), pd.Series({"a": "A"}), tiers=TIERS,
                                  shares=True)
    with pytest.raises(ValueError, match="'new' row"):
        mg.project_tiers(pd.Series({"A": 1, "B": 1, "C": 1}), no_new, inflow=5)


def test_customer_value_matches_the_retention_formula():
    # one state kept with probability r, margin m each period, discount d: V = m (1 + d) / (1 + d − r)
    for r, m, d in [(0.8, 100.0, 0.1), (0.5, 40.0, 0.05), (0.0, 10.0, 0.2)]:
        assert mg.customer_value([[r]], [m], d).iloc[0] == pytest.approx(m * (1 + d) / (1 + d - r))


def _brute_force(p: np.ndarray, r: np.ndarray, d: float, periods: int = 3000) -> np.ndarray:
    """Σ_t (P/(1+d))^t R, period by period (no closed form)."""
    total, step = np.zeros_like(r), r.copy()
    for _ in range(periods):
        total += step
        step = p @ step / (1 + d)
    return total


@given(st.integers(2, 5), st.floats(0.02, 0.5), st.integers(0, 10_000))
def test_customer_value_equals_the_brute_force_discounted_sum(k, d, seed):
    rng = np.random.default_rng(seed)
    p = rng.random((k, k))
    p = p / p.sum(axis=1, keepdims=True)
    r = rng.random(k) * 100
    assert mg.customer_value(p, r, d).to_numpy() == pytest.approx(_brute_force(p, r, d), rel=1e-8)


def test_customer_value_aligns_a_series_and_refuses_bad_input():
    p = mg.chain_matrix(mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS,
                                             shares=True))
    r = pd.Series({"lapsed": 0.0, "C": 10.0, "B": 50.0, "A": 200.0})  # any order
    value = mg.customer_value(p, r, 0.05)
    assert value.index.tolist() == ["A", "B", "C", "lapsed"] and value["lapsed"] == 0.0
    assert value["A"] > value["B"] > value["C"] > 0
    with pytest.raises(ValueError, match="no value for state"):
        mg.customer_value(p, r.drop("C"), 0.05)
    with pytest.raises(ValueError, match="square"):
        mg.customer_value(np.ones((2, 3)) / 3, [1, 1], 0.1)
    with pytest.raises(ValueError, match="does not converge"):
        mg.customer_value(np.eye(2), [1, 1], 0.0)


# --------------------------------------------------------------------------- periods and tiers from transactions
def test_period_bounds_months_and_periods(company_tx):
    halves = mg.period_bounds(company_tx, months=6)
    assert halves["start"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01"]
    assert halves["end"].iloc[-1] == pd.Timestamp("2026-01-01") and halves.attrs["uncovered_rows"] == 0
    assert len(mg.period_bounds(company_tx, months=3)) == 8 and len(mg.period_bounds(company_tx, months=12)) == 2
    with pytest.raises(ValueError, match="exactly one"):
        mg.period_bounds(company_tx)
    with pytest.raises(ValueError, match="fewer than two"):
        mg.period_bounds(company_tx, months=18)


def test_abc_tiers_of_a_period_are_the_abc_classes_of_its_buyers(company_tx):
    # plain pandas: buyers of the second half of 2025 and their net revenue in it
    window = company_tx[(company_tx["date"] >= "2025-07-01") & (company_tx["date"] < "2026-01-01")]
    buyers = window.loc[window["revenue"] > 0, "customer_id"].unique()
    net = window.groupby("customer_id")["revenue"].sum().loc[buyers]
    tiers = mg.tiers_at(company_tx, "2026-01-01", start="2025-07-01")
    expected = abc_classes(net).astype(str).sort_index()
    assert tiers.astype(str).equals(expected.rename("tier").rename_axis("customer_id"))


def test_a_customer_with_only_returns_in_the_period_is_not_tiered():
    tx = pd.DataFrame({"customer_id": ["a", "b", "b"],
                       "date": pd.to_datetime(["2025-02-01", "2025-01-10", "2025-03-01"]),
                       "revenue": [10.0, 20.0, -5.0]})
    assert mg.tiers_at(tx, "2025-07-01", start="2025-02-15").empty  # b's row in the window is a return
    assert mg.tiers_at(tx, "2025-07-01", start="2025-01-01").index.tolist() == ["a", "b"]


def test_rules_and_their_tiers(company_tx):
    rfm = mg.tiers_at(company_tx, "2026-01-01", rule="rfm", start="2025-07-01")
    assert list(rfm.cat.categories) == ["VIP", "regular", "potential"] and rfm.notna().all()
    stages = mg.tiers_at(company_tx, "2026-01-01", rule="lifecycle")
    assert list(stages.cat.categories) == ["loyal", "regular", "one_time", "churned"]
    assert len(stages) == company_tx.loc[company_tx["revenue"] > 0, "customer_id"].nunique()
    with pytest.raises(ValueError, match="whole history"):
        mg.tiers_at(company_tx, "2026-01-01", rule="lifecycle", start="2025-07-01")
    with pytest.raises(ValueError, match="rule must be"):
        mg.tiers_at(company_tx, rule="clv")
    with pytest.raises(KeyError, match="amount="):
        mg.tiers_at(company_tx, amount="sales")


def test_tier_history(company_history):
    assert company_history.columns.tolist() == ["2024-01-01 – 2024-06-30", "2024-07-01 – 2024-12-31",
                                                "2025-01-01 – 2025-06-30", "2025-07-01 – 2025-12-31"]
    assert company_history.attrs["rule"] == "abc" and len(company_history.attrs["bounds"]) == 4
    assert company_history.attrs["bounds"]["2025-07-01 – 2025-12-31"][1] == pd.Timestamp("2026-01-01")
    assert company_history.notna().any(axis=1).all()  # everyone in the history was tiered at least once


def test_tier_summary_gives_the_value_per_period(company_tx):
    tiers = mg.tiers_at(company_tx, "2026-01-01", start="2025-07-01")
    summary = mg.tier_summary(company_tx, "2026-01-01", tiers=tiers, start="2025-07-01")
    window = company_tx[company_tx["date"] >= "2025-07-01"]
    assert summary["value"].sum() == pytest.approx(window[window["customer_id"].isin(tiers.index)]["revenue"].sum())
    assert summary["customers"].sum() == len(tiers)
    assert summary["average_value"].is_monotonic_decreasing  # A customers bring the most


# --------------------------------------------------------------------------- an independent cross-check
def test_online_retail_halves_match_the_measurements_in_the_domain_brief():
    """DOMAIN.md: ABC 80/95 on two ~6-month halves: A stays A ≈ 64.5%, lapse A/B/C ≈ 12/31/47%, κ ≈ 0.45."""
    retail, _ = load_online_retail()
    history = mg.tier_history(retail, periods=2)
    before, after = history.iloc[:, 0], history.iloc[:, 1]
    by_tier = mg.stability_by_tier(mg.transition_matrix(before, after))
    assert by_tier.loc["A", "stay_share"] == pytest.approx(0.645, abs=0.02)
    assert by_tier["lapse_rate"].tolist() == pytest.approx([0.12, 0.31, 0.47], abs=0.02)
    assert mg.weighted_kappa(before, after) == pytest.approx(0.45, abs=0.03)


# --------------------------------------------------------------------------- charts, explorer, checks
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_flow_chart(lang):
    counts = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS)
    ax = plot_flows(counts, before="H1", after="H2", dataset="synthetic", lang=lang)
    ax.figure.canvas.draw()  # a missing glyph would raise here (warnings are errors in the suite)
    bands = ax.collections[0].get_paths()
    assert len(bands) == int((counts.to_numpy() > 0).sum())
    # a band's thickness at its left end is proportional to its count: every count here is 1
    thickness = [p.vertices[0, 1] - p.vertices[-1, 1] for p in bands]
    assert np.allclose(thickness, thickness[0])
    labels = [t.get_text() for t in ax.texts]
    assert f"{state_label('new', lang)}  2" in labels and f"{state_label('lapsed', lang)}  3" in labels
    assert ax.get_title() and ax.get_ylabel()
    plt.close(ax.figure)


def test_flow_chart_refuses_shares():
    shares = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS, shares=True)
    with pytest.raises(ValueError, match="counts"):
        plot_flows(shares)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_heat_map_and_projection(lang):
    counts = mg.transition_matrix(mg.TEN_CUSTOMERS["before"], mg.TEN_CUSTOMERS["after"], tiers=TIERS)
    shares = mg.row_shares(counts)
    ax = plot_matrix(shares, counts, lang=lang)
    ax.figure.canvas.draw()
    assert len(ax.texts) == 16 and ax.texts[0].get_text() == "33%\n1" and ax.get_xlabel() and ax.get_ylabel()
    plt.close(ax.figure)
    sizes = counts[TIERS].sum(axis=0)
    ax = plot_projection(mg.project_tiers(sizes, shares, inflow=2), mg.project_tiers(sizes, shares), lang=lang)
    ax.figure.canvas.draw()
    assert len(ax.lines) == 6 and ax.get_title() and ax.get_ylabel()
    plt.close(ax.figure)


def test_explorer_follows_its_controls(company_tx):
    ex = MigrationExplorer(company_tx, dataset="synthetic")
    assert ex.transition.value == "2025-01-01 – 2025-06-30" and "κ" in ex.sentence.value
    assert ex.image.value[:4] == b"\x89PNG"
    first = ex.counts.copy()
    ex.transition.value = "2024-01-01 – 2024-06-30"
    assert not ex.counts.equals(first)
    ex.months.value = 12
    assert ex.transition.options == ("2024-01-01 – 2024-12-31",)
    ex.rule.value = "lifecycle"
    assert ex.counts.index.tolist() == ["loyal", "regular", "one_time", "churned", "new"]
    assert (ex.counts["lapsed"] == 0).all()  # nobody leaves the lifecycle tiering: churned is a stage


def test_explorer_in_chinese(company_tx):
    ex = MigrationExplorer(company_tx, rule="rfm", months=3, lang="zh")
    assert "保持原级" in ex.sentence.value and "保级率" in ex.table.value


def test_self_checks_of_the_exercise():
    check = make_checks()
    right = mg.transition_matrix(TEN["before"], TEN["after"], tiers=TIERS)
    assert check.task1.evaluate(right).status == "correct"
    assert check.task1.evaluate(right.astype(float)).status == "correct"
    transposed = check.task1.evaluate(right.T)
    assert transposed.status == "incorrect" and "swap" in transposed.message
    no_new = right.copy()
    no_new.loc["new"] = 0
    assert "classic mistake" in check.task1.evaluate(no_new).message
    assert "shares" in check.task1.evaluate(mg.row_shares(right)).message
    assert "row is missing" in check.task1.evaluate(right.drop("new")).message
    assert check.task4.evaluate("b").status == "correct"
    assert check.task4.evaluate("a").status == check.task4.evaluate("c").status == "incorrect"
    assert check.task5.evaluate("Call A first, because ...").status == "recorded"


def test_self_checks_on_the_synthetic_company(company_history):
    check = make_checks()
    before, after = company_history.iloc[:, -2], company_history.iloc[:, -1]
    # plain pandas: A customers of 2025 H1 with no class in 2025 H2
    a_before = before[before == "A"].index
    lapse_a = after.reindex(a_before).isna().mean()
    assert check.task2.evaluate(lapse_a).status == "correct"
    assert "percentage" in check.task2.evaluate(100 * lapse_a).message
    lapsed = before.notna() & after.isna()
    assert "row share" in check.task2.evaluate((before[lapsed] == "A").mean()).message  # share of the lapsed who were A
    kappa = mg.weighted_kappa(before, after)
    assert check.task3.evaluate(kappa).status == "correct"
    assert "unweighted" in check.task3.evaluate(mg.weighted_kappa(before, after, weights=None)).message
