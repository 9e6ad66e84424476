"""helpers.loyalty: hand-worked metrics, the NPS margin of error, the loyalty rule, invariants and errors."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import loyalty


def test_nps_and_margin_hand_worked():
    # 5 promoters (10, 10, 9, 9, 9), 3 passives (8, 8, 7), 2 detractors (3, 0):
    # p = 0.5, d = 0.2, NPS = 30; variance = 0.5 + 0.2 - 0.09 = 0.61;
    # SE = sqrt(0.61 / 10) = 0.246982; margin = 1.96 * 100 * 0.246982 = 48.408 points.
    r = loyalty.nps([10, 10, 9, 9, 9, 8, 8, 7, 3, 0], z=1.96)
    assert r["respondents"] == 10
    assert r["promoters"] == pytest.approx(0.5) and r["passives"] == pytest.approx(0.3)
    assert r["detractors"] == pytest.approx(0.2)
    assert r["nps"] == pytest.approx(30.0)
    assert r["nps_margin"] == pytest.approx(48.408, abs=1e-3)
    assert r["nps_low"] == pytest.approx(30 - 48.408, abs=1e-3) and r["nps_high"] == pytest.approx(78.408, abs=1e-3)


def test_nps_margin_equals_standard_error_of_the_plus_minus_score():
    # independent route: the population standard deviation of the +1/0/-1 scores
    answers = [10, 9, 9, 7, 6, 5, 2, 8]
    scores = [1, 1, 1, 0, -1, -1, -1, 0]
    mean = sum(scores) / len(scores)
    var = sum((s - mean) ** 2 for s in scores) / len(scores)
    expected = 1.96 * 100 * math.sqrt(var / len(scores))
    assert loyalty.nps(answers, z=1.96)["nps_margin"] == pytest.approx(expected)


def test_all_promoters_have_no_margin_and_interval_is_clipped():
    r = loyalty.nps([10, 9, 10])
    assert r["nps"] == 100 and r["nps_margin"] == 0 and r["nps_high"] == 100
    r = loyalty.nps([10, 0])  # p = d = 0.5: variance 1, margin 1.96*100*sqrt(1/2) = 138.6
    assert r["nps_low"] == -100 and r["nps_high"] == 100


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_invariants(answers):
    r = loyalty.nps(answers)
    assert -100 <= r["nps"] <= 100
    assert r["nps_margin"] >= 0
    assert r["nps_low"] <= r["nps"] <= r["nps_high"]
    assert r["promoters"] + r["passives"] + r["detractors"] == pytest.approx(1.0)
    # four times the answers (same mix) halve the margin
    assert loyalty.nps(answers * 4)["nps_margin"] == pytest.approx(r["nps_margin"] / 2)


def test_bands_groups_and_top2_boundaries():
    assert loyalty.repurchase_band([100, 71, 70, 30, 29, 0]).astype(str).tolist() == [
        ">70%", ">70%", "30–70%", "30–70%", "<30%", "<30%"]
    assert loyalty.nps_group([9, 8, 7, 6]).astype(str).tolist() == ["promoter", "passive", "passive", "detractor"]
    assert loyalty.top2_box([1, 2, 3, 4, 5]) == pytest.approx(0.4)


def test_loyalty_rule_points_hand_worked():
    s = pd.DataFrame({
        "satisfaction": [5, 5, 4, 3, 4],
        "repurchase_probability": [75, 70, 30, 29, 80],
        "recommend_score": [10, 8, 7, 6, 6],
    })
    # points: 2+2+2=6, 2+1+1=4, 1+1+1=3, 0+0+0=0, 1+2+0=3
    out = loyalty.loyalty_tier(s)
    assert out["points"].tolist() == [6, 4, 3, 0, 3]
    assert out["loyalty"].astype(str).tolist() == ["high", "medium", "medium", "low", "medium"]
    strict = loyalty.loyalty_tier(s, loyalty.LoyaltyRule(high_at=6, medium_at=4))
    assert strict["loyalty"].astype(str).tolist() == ["high", "medium", "low", "low", "low"]
    with pytest.raises(ValueError, match="medium_at <= high_at"):
        loyalty.LoyaltyRule(high_at=2, medium_at=4)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(0, 100), st.integers(0, 10)), min_size=1, max_size=60))
def test_stricter_rule_never_adds_high_loyalty(rows):
    s = pd.DataFrame(rows, columns=["satisfaction", "repurchase_probability", "recommend_score"])
    base = loyalty.loyalty_tier(s)
    strict = loyalty.loyalty_tier(s, loyalty.LoyaltyRule(high_at=6, medium_at=3))
    assert base["points"].between(0, 6).all()
    assert (strict["loyalty"] == "high").sum() <= (base["loyalty"] == "high").sum()
    mix = loyalty.loyalty_mix(base["loyalty"], pd.Series(["x"] * len(s)))
    assert mix[["high", "medium", "low"]].sum(axis=1).iloc[0] == pytest.approx(1.0)


def test_service_tiers_rule_and_as_of():
    cust = pd.DataFrame({"customer_id": ["v", "m2", "w2", "w1", "m0"],
                         "membership": ["VIP", "member", "walk-in", "walk-in", "member"]})
    tx = pd.DataFrame({
        "customer_id": ["v", "m2", "m2", "w2", "w2", "w2", "w1", "w1"],
        "order_id": ["1", "2", "3", "4", "5", "R1", "6", "R2"],
        "revenue": [5.0, 5, 5, 5, 5, -5, 5, -5],
        "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-01", "2025-01-01", "2025-03-01",
                                "2025-03-05", "2025-01-01", "2025-01-05"]),
    })
    assert loyalty.service_tiers(tx, customers=cust).astype(str).to_dict() == {
        "m0": "potential", "m2": "regular", "v": "VIP", "w1": "potential", "w2": "regular"}
    early = loyalty.service_tiers(tx, "2025-02-15", customers=cust).astype(str).to_dict()
    assert early["w2"] == "potential" and early["m2"] == "regular"
    assert loyalty.repurchase_rate(tx) == pytest.approx(2 / 4)  # m2, w2 of the 4 buyers


def test_bought_after_survey_window_and_returns():
    s = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "survey_date": pd.to_datetime(["2025-06-10"] * 4)})
    tx = pd.DataFrame({
        "customer_id": ["a", "b", "c", "d", "z"],
        "revenue": [5.0, 5.0, -5.0, 5.0, 1.0],
        "date": pd.to_datetime(["2025-06-10 15:00", "2025-12-10 00:00", "2025-07-01 00:00", "2025-12-11 00:00", "2026-01-31 00:00"]),
    })
    # a: same day (not after); b: day 183 (inside); c: a return; d: day 184 (outside)
    assert loyalty.bought_after_survey(tx, survey=s).to_dict() == {"a": False, "b": True, "c": False, "d": False}
    with pytest.raises(ValueError, match="shorter window_days"):
        loyalty.bought_after_survey(tx.iloc[:1], survey=s)


def test_distribution_stated_vs_observed_and_satisfied_not_loyal():
    s = pd.DataFrame({"customer_id": list("abcd"), "satisfaction": [5, 4, 4, 1],
                      "repurchase_probability": [90, 50, 40, 10], "tier": ["x", "x", "y", "y"]})
    dist = loyalty.satisfaction_distribution(s, by="tier")
    assert dist.loc["x", 5] == 0.5 and dist.loc["y", 1] == 0.5 and dist.loc["y", "respondents"] == 2
    bought = pd.Series({"a": True, "b": False, "c": True, "d": False})
    t = loyalty.stated_vs_observed(s, bought)
    assert t.loc["30–70%", "stated"] == pytest.approx(0.45) and t.loc["30–70%", "observed"] == 0.5
    assert loyalty.satisfied_not_loyal(s, bought).tolist() == [False, True, False, False]


def test_errors_speak_to_the_learner():
    with pytest.raises(ValueError, match="outside 0–10"):
        loyalty.nps([5, 11])
    with pytest.raises(ValueError, match="missing answer"):
        loyalty.nps([5, None])
    with pytest.raises(ValueError, match="outside 0–100.*percent"):
        loyalty.repurchase_band([50, 150])
    with pytest.raises(KeyError, match="'recommend_score'.*not found"):
        loyalty.nps_table(pd.DataFrame({"score": [1]}))
    with pytest.raises(ValueError, match="appears twice"):
        loyalty.service_tiers(pd.DataFrame({"customer_id": ["a"], "order_id": ["1"], "revenue": [1.0]}),
                              customers=pd.DataFrame({"customer_id": ["a", "a"], "membership": ["VIP", "VIP"]}))


def test_plots_and_widget_on_a_small_survey():
    from helpers.plots.loyalty import plot_likert, plot_loyalty_mix, plot_nps, plot_stated_vs_observed
    from helpers.widgets.loyalty import LoyaltyExplorer

    s = pd.DataFrame({"customer_id": list("abcdef"), "satisfaction": [5, 4, 3, 2, 1, 5],
                      "repurchase_probability": [90, 50, 40, 10, 0, 100], "recommend_score": [10, 9, 7, 3, 0, 8],
                      "tier": ["VIP", "VIP", "regular", "regular", "potential", "potential"]})
    for ax in (plot_likert(loyalty.satisfaction_distribution(s, by="tier"), lang="zh"),
               plot_nps(loyalty.nps_table(s, by="tier")),
               plot_stated_vs_observed(loyalty.stated_vs_observed(s, pd.Series(True, index=list("abcdef")))),
               plot_loyalty_mix(loyalty.loyalty_mix(loyalty.loyalty_tier(s)["loyalty"], s["tier"]))):
        assert ax.get_title() and ax.get_xlabel()
        plt.close(ax.figure)
    ex = LoyaltyExplorer(s, lang="zh")
    ex.choice.value = "regular"
    assert ex.result["nps"] == pytest.approx(-50.0) and ex.image.value[:4] == b"\x89PNG"
