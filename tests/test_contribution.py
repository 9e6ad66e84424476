"""helpers.contribution: hand-worked definitions, score invariants, weights rules, sensitivity, widget, checks."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import contribution
from helpers.checks.contribution import make_checks
from helpers.widgets.contribution import WeightExplorer, rebalance

TX = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c"], "revenue": [100.0, -20, 60, 30, 10],
                   "cost": [60.0, -12, 20, 25, 5]})
CONTACTS = pd.DataFrame({"customer_id": ["c", "c", "b", "z"], "cost_to_serve": [25.0, 15, 8, 120]})


def test_hand_worked_contribution():
    t = contribution.contribution_table(TX, contacts=CONTACTS)
    # a: revenue 80, cost 48, margin 32, serve 0; b: 60/20/40, serve 8 -> 32; c: 40/30/10, serve 40 -> -30
    assert t.loc["a", ["revenue", "margin", "cost_to_serve", "marginal_contribution"]].tolist() == [80, 32, 0, 32]
    assert t.loc["b", "marginal_contribution"] == 32 and t.loc["c", "marginal_contribution"] == -30
    assert t.index.tolist() == ["a", "b", "c"]  # sorted by marginal contribution, tie a/b by id; z bought nothing
    assert t["revenue_share"].sum() == pytest.approx(1) and t["margin_share"].sum() == pytest.approx(1)
    without = contribution.contribution_table(TX)
    assert (without["marginal_contribution"] == without["margin"]).all()


def test_weights_must_add_up_to_one_and_name_columns():
    t = contribution.contribution_table(TX, contacts=CONTACTS)
    with pytest.raises(ValueError, match="add up to 1 \\(100%\\); yours add up to 0.9"):
        contribution.weighted_score(t, {"revenue": 0.5, "margin": 0.4})
    with pytest.raises(ValueError, match="between 0 and 1"):
        contribution.weighted_score(t, {"revenue": 1.5, "margin": -0.5})
    with pytest.raises(KeyError, match="profit"):
        contribution.weighted_score(t, {"profit": 1.0})
    with pytest.raises(ValueError, match="percentile' or 'minmax"):
        contribution.normalise(t["revenue"], "zscore")


table_strategy = st.lists(
    st.tuples(st.floats(0, 1e4, allow_nan=False), st.floats(-1e3, 1e4, allow_nan=False)), min_size=2, max_size=40)


@settings(max_examples=60)
@given(table_strategy, st.floats(0, 1), st.sampled_from(["percentile", "minmax"]))
def test_score_in_range_ranked_and_complete(rows, w, method):
    t = pd.DataFrame(rows, columns=["revenue", "margin"], index=[f"c{i:02d}" for i in range(len(rows))])
    s = contribution.weighted_score(t, {"revenue": w, "margin": 1 - w}, method)
    assert s["score"].between(0, 1).all()
    assert sorted(s.index) == sorted(t.index)
    assert s["rank"].tolist() == list(range(1, len(t) + 1))
    assert (s["score"].diff().dropna() <= 1e-12).all()
    tiers = contribution.score_tiers(s)
    assert set(tiers) <= {"A", "B", "C"} and len(tiers) == len(t)


def test_single_metric_score_follows_that_metric():
    t = pd.DataFrame({"revenue": [5.0, 50, 20], "margin": [9.0, 1, 5]}, index=list("xyz"))
    assert contribution.weighted_score(t, {"revenue": 1.0}).index.tolist() == ["y", "z", "x"]
    assert contribution.weighted_score(t, {"margin": 1.0}).index.tolist() == ["x", "z", "y"]


def test_overlap_and_spearman_by_hand():
    a = pd.DataFrame({"rank": [1, 2, 3, 4, 5]}, index=list("vwxyz"))
    b = pd.DataFrame({"rank": [5, 4, 3, 2, 1]}, index=list("vwxyz"))
    out = contribution.top_n_overlap(a, b, n=2)
    assert out["overlap"] == 0 and out["spearman"] == -1.0
    assert contribution.top_n_overlap(a, a, n=3)["spearman"] == 1.0


def test_rebalance_keeps_100_percent():
    for w in ({"a": 40, "b": 30, "c": 30}, {"a": 0, "b": 0, "c": 100}, {"a": 33, "b": 33, "c": 34}):
        for changed in w:
            assert sum(rebalance(w, changed).values()) == 100


def test_weight_explorer_sliders_add_up_and_rescore():
    t = contribution.contribution_table(TX, contacts=CONTACTS)
    ex = WeightExplorer(t, {"revenue": 40, "margin": 30, "marginal_contribution": 30}, top_n=2)
    ex.sliders["marginal_contribution"].value = 100
    assert [s.value for s in ex.sliders.values()] == [0, 0, 100]
    assert ex.scored.index[0] in ("a", "b") and "c" not in ex.scored.index[:2]
    assert "<table" in ex.top.value and ex.image.value[:4] == b"\x89PNG"


def test_exercise_checks_on_hand_worked_data():
    check = make_checks(TX, CONTACTS)
    t = contribution.contribution_table(TX, contacts=CONTACTS)
    assert check.task1.evaluate(t).passed
    assert "cost to serve is missing" in check.task1.evaluate(contribution.contribution_table(TX)).message
    assert check.task2.evaluate(1).passed
    assert "share" in check.task2.evaluate(0.5).message
    scored = contribution.weighted_score(t, {"revenue": 0.4, "margin": 0.3, "marginal_contribution": 0.3})
    assert check.task3.evaluate(scored).passed
    assert "min–max" in check.task3.evaluate(
        contribution.weighted_score(t, {"revenue": 0.4, "margin": 0.3, "marginal_contribution": 0.3}, "minmax")).message
    assert check.task4.evaluate(["a"] * 10).status == "incorrect"
    assert all(task.evaluate(...).status == "unanswered" for task in check.tasks().values())
