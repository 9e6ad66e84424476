"""helpers.abc: hand-worked classes, the boundary rule, invariants and errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import abc

values_strategy = st.lists(st.floats(0, 1e5, allow_nan=False), min_size=1, max_size=50).filter(lambda v: sum(v) > 1e-6)


def series(values):
    return pd.Series(values, index=[f"c{i:03d}" for i in range(len(values))])


def test_hand_worked_example_and_boundary_rule():
    # shares 40/30/20/10 %: cumulative before each = 0, 40, 70, 90; after = 40, 70, 90, 100
    v = pd.Series([10, 40, 20, 30], index=["d", "a", "c", "b"])
    assert abc.abc_classes(v).astype(str).to_dict() == {"a": "A", "b": "A", "c": "A", "d": "B"}
    assert abc.abc_classes(v, crossing="lower").astype(str).to_dict() == {"a": "A", "b": "A", "c": "B", "d": "C"}
    assert abc.abc_classes(v, (0.7, 0.9)).astype(str).to_dict() == {"a": "A", "b": "A", "c": "B", "d": "C"}


def test_ties_are_broken_by_customer_id_not_row_order():
    v1 = pd.Series([5, 5, 5, 5, 5], index=["d", "b", "e", "a", "c"])  # before shares 0, 20, 40, 60, 80 %
    v2 = v1.iloc[::-1]
    assert abc.abc_classes(v1).astype(str).to_dict() == abc.abc_classes(v2).astype(str).to_dict()
    assert abc.abc_classes(v1).astype(str).to_dict() == {"a": "A", "b": "A", "c": "A", "d": "A", "e": "B"}


@settings(max_examples=60)
@given(values_strategy, st.sampled_from([(0.8, 0.95), (0.7, 0.9), (0.5, 0.99)]), st.sampled_from(["upper", "lower"]))
def test_invariants(values, thresholds, crossing):
    v = series(values)
    classes = abc.abc_classes(v, thresholds, crossing)
    assert sorted(classes.index) == sorted(v.index)  # every customer exactly once
    assert set(classes.astype(str)) <= {"A", "B", "C"}
    summary = abc.abc_summary(v, classes)
    assert summary["customers"].sum() == len(v)
    assert summary["customer_share"].sum() == pytest.approx(1) and summary["value_share"].sum() == pytest.approx(1)
    # classes are monotone in value: no A customer has less value than a B customer, etc.
    order = {"A": 0, "B": 1, "C": 2}
    ranked = v.loc[classes.index].to_numpy()
    codes = np.array([order[c] for c in classes.astype(str)])
    assert (np.diff(codes) >= 0).all() and (np.diff(ranked) <= 1e-9).all()
    a_share = summary.loc["A", "value_share"]
    if crossing == "upper":
        assert a_share >= thresholds[0] - 1e-9 or summary.loc["A", "customers"] == len(v)
    else:
        assert a_share <= thresholds[0] + 1e-9


@given(values_strategy)
def test_upper_rule_a_class_is_the_smallest_reaching_the_threshold(values):
    v = series(values)
    n_a = int((abc.abc_classes(v) == "A").sum())
    top = np.sort(np.asarray(values))[::-1]
    assert top[:n_a].sum() / top.sum() >= 0.8 - 1e-9
    if n_a > 1:
        assert top[: n_a - 1].sum() / top.sum() < 0.8


def test_matrix_and_changes():
    r = pd.Series(list("AABBC"), index=list("vwxyz"))
    m = pd.Series(list("CABAC"), index=list("vwxyz"))
    mat = abc.abc_matrix(r, m)
    assert mat.to_numpy().sum() == 5 and mat.loc["A", "C"] == 1 and mat.loc["B", "A"] == 1
    assert abc.class_changes(r, m).index.tolist() == ["v", "y"]


@pytest.mark.parametrize("thresholds, message", [((80, 95), "fractions, not percentages"), ((0.9, 0.8), "0 < A threshold < B"), ((0.8,), "two shares")])
def test_threshold_errors(thresholds, message):
    with pytest.raises(ValueError, match=message):
        abc.abc_classes(series([1, 2, 3]), thresholds)


def test_other_errors():
    with pytest.raises(ValueError, match="crossing must be"):
        abc.abc_classes(series([1, 2]), crossing="middle")
    with pytest.raises(ValueError, match="total is"):
        abc.abc_classes(series([0, 0]))
    with pytest.raises(ValueError, match="customers without a class"):
        abc.abc_summary(series([1, 2, 3]), series([1, 2]).map(lambda _: "A"))


def test_margin_losses_are_classified_last():
    v = pd.Series([100, 50, -20], index=list("abc"))
    assert abc.abc_classes(v).astype(str).tolist() == ["A", "A", "C"]
