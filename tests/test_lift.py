"""Module 10 (did the program work?): intervals against published values and in seeded simulations,
the synthetic program's true effect recovered, the naive before/after bias, CUPED, sample sizes, charts,
the explorer and the self-checks.

Expected values come from the literature (Newcombe 1998), from hand calculations written out here,
or from an independent computation in the test (numpy / scipy directly), never from the code under test.
"""

from __future__ import annotations

import json
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import optimize, stats

from helpers import abc, lift
from helpers.checks.lift import make_checks
from helpers.data import load_company
from helpers.paths import SYNTHETIC_DIR
from helpers.plots.lift import lift_summary_table, plot_before_after, plot_intervals, plot_power_curve, plot_studies
from helpers.widgets.lift import LiftExplorer

Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), written out


# ----------------------------------------------------------------------------- published worked examples
# Newcombe (1998a), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity correction).
NEWCOMBE_1998A = [((81, 263), (0.2553, 0.3662)), ((15, 148), (0.0624, 0.1605)), ((0, 20), (0.0000, 0.1611)),
                  ((1, 29), (0.0061, 0.1718))]
# Newcombe (1998b), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score, no continuity correction).
NEWCOMBE_1998B = [((56, 70, 48, 80), (0.0524, 0.3339)), ((9, 10, 3, 10), (0.1705, 0.8090)),
                  ((6, 7, 2, 7), (0.0582, 0.8062)), ((5, 56, 0, 29), (-0.0381, 0.1926)),
                  ((0, 10, 0, 20), (-0.1611, 0.2775)), ((0, 10, 0, 10), (-0.2775, 0.2775)),
                  ((10, 10, 0, 20), (0.6791, 1.0000)), ((10, 10, 0, 10), (0.6075, 1.0000))]


@pytest.mark.parametrize("counts, expected", NEWCOMBE_1998A, ids=lambda v: str(v))
def test_wilson_interval_matches_newcombe_1998a(counts, expected):
    est, low, high = lift.wilson_interval(*counts)
    assert est == pytest.approx(counts[0] / counts[1])
    assert (round(low, 4), round(high, 4)) == expected


@pytest.mark.parametrize("counts, expected", NEWCOMBE_1998B, ids=lambda v: str(v))
def test_difference_interval_matches_newcombe_1998b_method_10(counts, expected):
    est, low, high = lift.proportion_difference(*counts)
    assert est == pytest.approx(counts[0] / counts[1] - counts[2] / counts[3])
    assert (round(low, 4), round(high, 4)) == expected


def test_relative_lift_is_the_log_method_worked_by_hand():
    # 60/100 vs 50/100: ratio 1.2, se = sqrt(1/60 - 1/100 + 1/50 - 1/100) = sqrt(1/60)
    se = math.sqrt(1 / 60)
    est, low, high = lift.relative_lift(60, 100, 50, 100)
    assert est == pytest.approx(0.2)
    assert low == pytest.approx(1.2 * math.exp(-Z95 * se) - 1)
    assert high == pytest.approx(1.2 * math.exp(Z95 * se) - 1)
    assert (round(low, 3), round(high, 3)) == (-0.068, 0.546)


# ----------------------------------------------------------------------------- coverage in seeded simulations
REPLICATIONS = 2000
# 95% nominal coverage; a binomial count of 2,000 replications has sd sqrt(.95 * .05 / 2000) = 0.0049.
# Four sd either side: a correct method fails this with probability below 1e-4 (and the seeds are fixed).
TOLERANCE = 4 * math.sqrt(0.95 * 0.05 / REPLICATIONS)


@pytest.mark.parametrize("n_t, n_c, p_t, p_c", [(1074, 1075, 0.63, 0.573), (300, 300, 0.39, 0.30),
                                                (150, 120, 0.20, 0.15)])
def test_relative_lift_interval_covers_the_true_lift_at_its_nominal_rate(n_t, n_c, p_t, p_c):
    rng = np.random.default_rng(20261122)
    x_t = rng.binomial(n_t, p_t, REPLICATIONS)
    x_c = rng.binomial(n_c, p_c, REPLICATIONS)
    _, low, high = lift.relative_lift(x_t, np.full(REPLICATIONS, n_t), x_c, np.full(REPLICATIONS, n_c))
    truth = p_t / p_c - 1
    coverage = np.mean((low <= truth) & (truth <= high))
    assert abs(coverage - 0.95) < TOLERANCE, coverage


@pytest.mark.parametrize("n_t, n_c, p_t, p_c", [(1074, 1075, 0.63, 0.573), (40, 40, 0.9, 0.75)])
def test_difference_interval_covers_the_true_difference_at_its_nominal_rate(n_t, n_c, p_t, p_c):
    rng = np.random.default_rng(7)
    x_t, x_c = rng.binomial(n_t, p_t, REPLICATIONS), rng.binomial(n_c, p_c, REPLICATIONS)
    _, low, high = lift.proportion_difference(x_t, np.full(REPLICATIONS, n_t), x_c, np.full(REPLICATIONS, n_c))
    coverage = np.mean((low <= p_t - p_c) & (p_t - p_c <= high))
    assert abs(coverage - 0.95) < TOLERANCE, coverage


def test_simulated_detection_rate_agrees_with_the_power_formula():
    for n, base, effect in [(200, 0.5, 0.2), (1074, 0.573, 0.10), (350, 0.686, 0.10)]:
        sims = lift.simulate_studies(n, n, base, effect, studies=REPLICATIONS, seed=3)
        power = lift.study_power(n, base, effect)
        assert abs(sims["detected"].mean() - power) < 4 * math.sqrt(power * (1 - power) / REPLICATIONS) + 0.01
        assert abs(sims["covers"].mean() - 0.95) < TOLERANCE
    again = lift.simulate_studies(200, 200, 0.5, 0.2, studies=50, seed=3)
    assert again.equals(lift.simulate_studies(200, 200, 0.5, 0.2, studies=50, seed=3))


# ----------------------------------------------------------------------------- the synthetic company's program
@pytest.fixture(scope="module")
def company():
    return load_company()


@pytest.fixture(scope="module")
def outcomes(company):
    return lift.program_outcomes(company.transactions, program=company.program)


@pytest.fixture(scope="module")
def truth():
    return json.loads((SYNTHETIC_DIR / "truth.json").read_text(encoding="utf-8"))["program"]


def test_program_outcomes_counts_the_generators_outcome(company, outcomes, truth):
    assert len(outcomes) == truth["customers"] and (outcomes["group"] == "treatment").sum() == truth["treated"]
    assert outcomes.attrs["start"] == pd.Timestamp(truth["start"])
    # the outcome, recomputed with plain pandas from the transaction rows
    tx = company.transactions
    window = tx[(tx["date"] >= "2025-07-01") & (tx["date"] < "2026-01-01") & (tx["revenue"] > 0)]
    buyers = set(window["customer_id"])
    assert outcomes["bought_after"].to_dict() == {cid: cid in buyers for cid in outcomes.index}
    # the joining rule: everybody bought in the half-year before the start
    assert outcomes["bought_before"].all()


def test_the_programs_true_effect_lies_inside_its_intervals(outcomes, truth):
    row = lift.lift_table(outcomes).loc["all"]
    true_difference = truth["true_sample_effect_pp"] / 100
    true_lift = truth["repurchase_rate_if_all_treated"] / truth["repurchase_rate_if_all_control"] - 1
    assert row["difference_low"] <= true_difference <= row["difference_high"]
    assert row["lift_low"] <= true_lift <= row["lift_high"]
    assert row["difference_low"] > 0  # the study detects the program


def test_potential_outcomes_rerandomised_coverage():
    """Re-randomise the same 2,149 customers 2,000 times using the generator's two potential outcomes:
    the difference interval covers the sample's true effect at least at the nominal rate (Neyman: conservative)."""
    from coursekit import datasets

    rng = np.random.default_rng(datasets.SEED)
    days = (datasets.END - datasets.START).days + 1
    people = datasets._draw_people(rng, datasets.PARAMS["n_customers"], days)
    bought = datasets._simulate_purchases(rng, people, days)
    ids = bought.program_ids
    y0, y1 = bought.y0[ids].astype(int), bought.y1[ids].astype(int)
    truth = json.loads((SYNTHETIC_DIR / "truth.json").read_text(encoding="utf-8"))["program"]
    assert round(100 * (y1 - y0).mean(), 4) == truth["true_sample_effect_pp"]
    n, n_t = len(ids), len(ids) // 2
    draws = np.random.default_rng(1).random((REPLICATIONS, n)).argsort(axis=1) < n_t
    x_t = (draws * y1).sum(axis=1)
    x_c = (~draws * y0).sum(axis=1)
    _, low, high = lift.proportion_difference(x_t, np.full(REPLICATIONS, n_t), x_c, np.full(REPLICATIONS, n - n_t))
    effect = (y1 - y0).mean()
    coverage = np.mean((low <= effect) & (effect <= high))
    assert coverage >= 0.95 - TOLERANCE, coverage
    _, low, high = lift.relative_lift(x_t, np.full(REPLICATIONS, n_t), x_c, np.full(REPLICATIONS, n - n_t))
    relative = y1.mean() / y0.mean() - 1
    assert np.mean((low <= relative) & (relative <= high)) >= 0.95 - TOLERANCE


def test_naive_before_after_is_biased_when_the_whole_tier_drifts(outcomes, truth):
    t, c = outcomes[outcomes["group"] == "treatment"], outcomes[outcomes["group"] == "control"]
    true_difference = truth["true_sample_effect_pp"] / 100
    naive = lift.before_after(t["bought_before"].astype(float), t["bought_after"].astype(float))
    did = lift.diff_in_diff(t["bought_before"].astype(float), t["bought_after"].astype(float),
                            c["bought_before"].astype(float), c["bought_after"].astype(float))
    assert naive.high < true_difference  # precisely wrong: the interval excludes the truth
    assert did.low <= true_difference <= did.high
    means = lift.before_after_means(outcomes, "purchases")
    assert means.loc["control", "change"] < 0  # the drift: fewer purchases without any program


def test_cuped_narrows_the_revenue_interval_without_moving_it_far(outcomes):
    t, c = outcomes[outcomes["group"] == "treatment"], outcomes[outcomes["group"] == "control"]
    plain = lift.mean_difference(t["value_after"], c["value_after"])
    cuped = lift.cuped_difference(t["value_after"], t["value_before"], c["value_after"], c["value_before"])
    assert cuped.high - cuped.low < plain.high - plain.low
    assert plain.low < cuped.estimate < plain.high


def test_tiers_are_fixed_at_the_start_and_the_lift_table_splits_them(outcomes):
    tiers = abc.abc_classes(outcomes["value_before"]).reindex(outcomes.index)
    table = lift.lift_table(outcomes, tiers)
    assert table.index.tolist() == ["A", "B", "C", "all"]
    assert table.loc[["A", "B", "C"], "customers"].sum() == table.loc["all", "customers"] == len(outcomes)
    b = outcomes[tiers == "B"]
    rate_t = b.loc[b["group"] == "treatment", "bought_after"].mean()
    assert table.loc["B", "rate_t"] == pytest.approx(rate_t)


# ----------------------------------------------------------------------------- CUPED, DiD, bootstrap on small data
def test_cuped_theta_is_the_regression_slope_and_the_variance_falls_by_rho_squared():
    rng = np.random.default_rng(5)
    before = rng.normal(100, 20, 4000)
    after = 0.8 * before + rng.normal(0, 12, 4000)
    slope = np.polyfit(before, after, 1)[0]
    assert lift.cuped_theta(after, before) == pytest.approx(slope)
    adjusted = lift.cuped_adjust(after, before)
    rho = np.corrcoef(after, before)[0, 1]
    assert adjusted.mean() == pytest.approx(after.mean())
    assert adjusted.var() == pytest.approx(after.var() * (1 - rho**2), rel=1e-9)


def test_cuped_keeps_a_randomised_estimate_unbiased():
    rng = np.random.default_rng(11)
    estimates = []
    for _ in range(300):
        before = rng.gamma(2, 50, 400)
        treat = rng.random(400) < 0.5
        after = 0.7 * before + rng.normal(0, 30, 400) + 10 * treat
        estimates.append(lift.cuped_difference(after[treat], before[treat], after[~treat], before[~treat]).estimate)
    assert np.mean(estimates) == pytest.approx(10, abs=1.0)


def test_diff_in_diff_and_before_after_worked_by_hand():
    # treatment changes +1, +1, +2 (mean 4/3); control -1, -1, -1 (mean -1): DiD = 7/3
    est, low, high = lift.diff_in_diff([3, 4, 5], [4, 5, 7], [3, 5, 4], [2, 4, 3])
    assert est == pytest.approx(7 / 3)
    se = math.sqrt(np.var([1, 1, 2], ddof=1) / 3 + 0 / 3)
    assert (low, high) == pytest.approx((7 / 3 - Z95 * se, 7 / 3 + Z95 * se))
    est, low, high = lift.before_after([1, 1, 1, 1], [0, 1, 0, 1])
    se = math.sqrt(np.var([-1, 0, -1, 0], ddof=1) / 4)
    assert (est, low, high) == pytest.approx((-0.5, -0.5 - Z95 * se, -0.5 + Z95 * se))


def test_bootstrap_is_seeded_and_agrees_with_the_normal_interval_on_large_samples():
    rng = np.random.default_rng(2)
    t, c = rng.exponential(120, 1500), rng.exponential(100, 1500)
    first = lift.bootstrap_difference(t, c, seed=4, method="percentile")
    assert first == lift.bootstrap_difference(t, c, seed=4, method="percentile")
    normal = lift.mean_difference(t, c)
    assert first.estimate == pytest.approx(normal.estimate)
    assert first.low == pytest.approx(normal.low, abs=3.0) and first.high == pytest.approx(normal.high, abs=3.0)
    rel = lift.bootstrap_difference(t, c, relative=True, seed=4)
    assert rel.estimate == pytest.approx(t.mean() / c.mean() - 1) and rel.low < rel.estimate < rel.high


# ----------------------------------------------------------------------------- sample size and test size
def test_sample_size_is_fleiss_worked_by_hand():
    # 50% vs 60%, 95% two-sided, 80% power: z = 1.959964 and 0.841621
    p1, p2, pbar = 0.5, 0.6, 0.55
    n = (1.959964 * math.sqrt(2 * pbar * (1 - pbar)) + 0.841621 * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / 0.01
    assert lift.sample_size(0.5, 0.1, relative=False) == math.ceil(n) == 388
    assert lift.sample_size(0.5, 0.2) == 388  # the same test, said as a relative lift


def test_sample_size_gives_the_target_power_and_one_less_falls_short():
    for base, effect, power in [(0.57, 0.10, 0.8), (0.69, 0.30, 0.9), (0.2, -0.25, 0.8)]:
        n = lift.sample_size(base, effect, power=power)
        assert lift.study_power(n, base, effect) >= power > lift.study_power(n - 1, base, effect)


def test_an_impossible_lift_is_refused_with_the_arithmetic():
    with pytest.raises(ValueError, match="110.5%"):
        lift.sample_size(0.85, 0.30)
    with pytest.raises(ValueError, match="zero"):
        lift.sample_size(0.5, 0.0)


def test_profit_test_size_maximises_feit_and_bermans_expected_profit():
    # Feit & Berman (2019), symmetric normal priors: the expected profit of testing n per arm and rolling the
    # better-looking arm out to the other N - 2n customers, written out here and maximised numerically.
    N, s, sigma, mu = 100_000, 0.5, 0.05, 0.6

    def profit(n: float) -> float:
        deploy = (N - 2 * n) * (mu + 2 * sigma**2 / (math.sqrt(2 * math.pi) * math.sqrt(2 * s**2 / n + 2 * sigma**2)))
        return 2 * n * mu + deploy

    best = optimize.minimize_scalar(lambda n: -profit(n), bounds=(1, N / 2), method="bounded").x
    assert lift.profit_test_size(N, s, sigma) == pytest.approx(best, abs=1.0)
    assert lift.profit_test_size(N, s, sigma) < lift.sample_size(0.5, 0.1, relative=False) * 4


# ----------------------------------------------------------------------------- properties
counts = st.integers(min_value=1, max_value=400).flatmap(
    lambda n: st.tuples(st.integers(min_value=0, max_value=n), st.just(n)))
levels = st.sampled_from([0.8, 0.9, 0.95, 0.99])


@given(counts, levels)
def test_wilson_interval_holds_the_rate_inside_zero_and_one(xn, confidence):
    est, low, high = lift.wilson_interval(*xn, confidence=confidence)
    assert 0 <= low <= est <= high <= 1


@given(counts, counts, levels)
def test_newcombe_interval_holds_the_difference_and_is_antisymmetric(a, b, confidence):
    est, low, high = lift.proportion_difference(*a, *b, confidence=confidence)
    assert -1 <= low <= est <= high <= 1
    rev = lift.proportion_difference(*b, *a, confidence=confidence)
    assert (rev.estimate, rev.low, rev.high) == pytest.approx((-est, -high, -low))


@given(counts.filter(lambda xn: xn[0] > 0), counts.filter(lambda xn: xn[0] > 0))
def test_relative_lift_swaps_to_its_reciprocal_and_widens_with_confidence(a, b):
    est, low, high = lift.relative_lift(*a, *b)
    assert low <= est <= high
    rev = lift.relative_lift(*b, *a)
    assert (1 + est) * (1 + rev.estimate) == pytest.approx(1)
    assert (1 + low) * (1 + rev.high) == pytest.approx(1)
    wider = lift.relative_lift(*a, *b, confidence=0.99)
    assert wider.low <= low and wider.high >= high


@given(st.floats(0.05, 0.9), st.floats(0.05, 0.5), st.integers(10, 5000))
def test_power_grows_with_the_group_size(base, effect, n):
    if base * (1 + effect) >= 1:
        return
    smaller, larger = lift.study_power(n, base, effect), lift.study_power(n + 10, base, effect)
    assert larger > smaller or smaller > 1 - 1e-12  # strictly, until the power is 1 to machine precision


# ----------------------------------------------------------------------------- errors speak to a learner
def test_bad_counts_and_levels_are_explained():
    with pytest.raises(ValueError, match="between 0 and the group size"):
        lift.wilson_interval(12, 10)
    with pytest.raises(ValueError, match="whole numbers"):
        lift.proportion_difference(0.6, 100, 50, 100)
    with pytest.raises(ValueError, match="0.95 for 95%"):
        lift.relative_lift(60, 100, 50, 100, confidence=95)
    with pytest.raises(ValueError, match="control group had the outcome"):
        lift.relative_lift(5, 50, 0, 50)
    with pytest.raises(ValueError, match="same customers"):
        lift.before_after([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="predicts nothing"):
        lift.cuped_theta([1, 2, 3], [1, 1, 1])


def test_program_outcomes_refuses_unclear_programs():
    tx = pd.DataFrame({"customer_id": ["a", "b"], "date": pd.to_datetime(["2025-06-01", "2025-07-02"]),
                       "revenue": [10.0, 5.0]})
    with pytest.raises(ValueError, match=r"\['test'\]"):
        lift.program_outcomes(tx, program=pd.DataFrame({"customer_id": ["a"], "group": ["test"]}), start="2025-07-01")
    with pytest.raises(ValueError, match="listed twice"):
        lift.program_outcomes(tx, program=pd.DataFrame({"customer_id": ["a", "a"], "group": ["control", "treatment"]}),
                              start="2025-07-01")
    with pytest.raises(ValueError, match="give start"):
        lift.program_outcomes(tx, program=pd.DataFrame({"customer_id": ["a"], "group": ["control"]}))
    with pytest.raises(ValueError, match="must be before as_of"):
        lift.program_outcomes(tx, "2025-06-01", program=pd.DataFrame({"customer_id": ["a"], "group": ["control"]}),
                              start="2025-07-01")
    with pytest.raises(KeyError, match="customer='...'"):
        lift.program_outcomes(tx, program=pd.DataFrame({"id": ["a"], "group": ["control"]}), start="2025-07-01")


def test_lift_table_needs_both_groups_in_every_tier():
    out = pd.DataFrame({"group": ["treatment", "treatment", "control"], "bought_after": [True, False, True]},
                       index=["a", "b", "c"])
    with pytest.raises(ValueError, match="tier 'x' has 1 treatment and 0 control"):
        lift.lift_table(out, pd.Series(["x", "y", "y"], index=["a", "b", "c"]))
    with pytest.raises(ValueError, match="have no tier"):
        lift.lift_table(out, pd.Series(["x"], index=["a"]))


# ----------------------------------------------------------------------------- charts, explorer, checks
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_are_titled_labelled_and_mark_the_truth(lang, outcomes):
    from helpers.plots import use_language

    use_language(lang)
    iv = pd.DataFrame({"estimate": [0.07, -0.37], "low": [0.03, -0.39], "high": [0.11, -0.34]},
                      index=["lift_randomised", "lift_naive"])
    ax = plot_intervals(iv, truth=0.057, lang=lang)
    assert ax.get_title() and ax.get_xlabel() and len(ax.get_yticklabels()) == 2
    assert any(line.get_linestyle() == "--" and line.get_xdata()[0] == 0.057 for line in ax.get_lines())
    plt.close(ax.figure)
    for ax in (plot_before_after(lift.before_after_means(outcomes), lang=lang),
               plot_power_curve(lift.power_curve(0.57, 0.1), 0.57, 0.1, mark=1000, lang=lang),
               plot_studies(lift.simulate_studies(300, 300, 0.5, 0.2, studies=60), lang=lang)):
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        ax.figure.canvas.draw()
        plt.close(ax.figure)
    table = lift_summary_table(lift.lift_table(outcomes), lang=lang)
    assert table.shape == (1, 9)


def test_explorer_follows_its_sliders():
    ex = LiftExplorer(n_t=300, n_c=300, baseline=0.5, effect=0.2, studies=300)
    first = ex.studies["detected"].mean()
    ex.n_t.value, ex.n_c.value = 2000, 2000
    assert ex.studies["detected"].mean() > first and "2,000" in ex.sentence.value
    assert ex.image.value[:4] == b"\x89PNG"
    ex.baseline.value = 0.9  # +20% on 90% is impossible
    assert ex.studies is None and "100%" in ex.sentence.value


def test_self_checks_accept_the_answers_and_name_typical_mistakes(outcomes):
    check = make_checks()
    tiers = abc.abc_classes(outcomes["value_before"]).reindex(outcomes.index)
    b = outcomes[tiers == "B"]
    t, c = b[b["group"] == "treatment"], b[b["group"] == "control"]
    x_t, n_t, x_c, n_c = int(t["bought_after"].sum()), len(t), int(c["bought_after"].sum()), len(c)
    rate_t, rate_c = x_t / n_t, x_c / n_c
    se = math.sqrt(1 / x_t - 1 / n_t + 1 / x_c - 1 / n_c)
    low, high = rate_t / rate_c * math.exp(-1.96 * se) - 1, rate_t / rate_c * math.exp(1.96 * se) - 1
    did = (t["value_after"] - t["value_before"]).mean() - (c["value_after"] - c["value_before"]).mean()
    assert check.task1.evaluate(rate_t, rate_c).status == "correct"
    assert "swap" in check.task1.evaluate(rate_c, rate_t).message
    assert check.task2.evaluate(rate_t / rate_c - 1).status == "correct"
    assert "difference of the rates" in check.task2.evaluate(rate_t - rate_c).message
    assert check.task3.evaluate(low, high).status == "correct"
    assert "subtract 1" in check.task3.evaluate(low + 1, high).message
    assert check.task4.evaluate(low, high).status == "correct"
    assert "control group first" in check.task4.evaluate(1 / (high + 1) - 1, 1 / (low + 1) - 1).message
    assert check.task5.evaluate("b").status == "correct" and check.task5.evaluate("c").status == "incorrect"
    assert check.task6.evaluate(did).status == "correct"
    assert "colleague" in check.task6.evaluate((t["value_after"] - t["value_before"]).mean()).message
    assert check.task7.evaluate("The control group fell too.").status == "recorded"
    assert all(getattr(check, f"task{k}").evaluate(*([...] * n)).status == "unanswered"
               for k, n in [(1, 2), (2, 1), (3, 2), (4, 2), (5, 1), (6, 1), (7, 1)])
