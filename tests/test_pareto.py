"""helpers.pareto: known values, invariants (property tests) and the error rules."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import pareto

money = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
positive_lists = st.lists(money, min_size=1, max_size=60).filter(lambda v: sum(v) > 1e-6)
fractions = st.floats(min_value=0.001, max_value=1.0)


def gini_by_pairs(values):
    """Independent definition: mean absolute difference over all pairs / (2 * mean)."""
    x = np.asarray(values, dtype=float)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())


@given(positive_lists, fractions, fractions)
def test_top_share_is_monotone_in_fraction(values, f1, f2):
    lo, hi = sorted((f1, f2))
    assert pareto.top_share(values, lo) <= pareto.top_share(values, hi) + 1e-12


@given(positive_lists, fractions)
def test_top_share_is_a_share_at_least_the_fair_share(values, f):
    share = pareto.top_share(values, f)
    k = math.ceil(round(f * len(values), 9))
    assert 0 <= share <= 1 + 1e-12
    assert share >= k / len(values) - 1e-9  # the top k hold at least their head count's share


@given(positive_lists)
def test_everyone_holds_everything(values):
    assert pareto.top_share(values, 1.0) == pytest.approx(1.0)


@given(positive_lists, st.randoms(use_true_random=False), st.floats(0.01, 1000))
def test_order_and_scale_do_not_matter(values, rnd, scale):
    shuffled = values[:]
    rnd.shuffle(shuffled)
    assert pareto.top_share(shuffled, 0.2) == pytest.approx(pareto.top_share(values, 0.2))
    assert pareto.gini([v * scale for v in values]) == pytest.approx(pareto.gini(values), abs=1e-9)


@given(positive_lists)
def test_gini_bounds_and_pairwise_definition(values):
    g = pareto.gini(values)
    n = len(values)
    assert 0 <= g < 1
    assert g <= (n - 1) / n + 1e-12
    assert g == pytest.approx(gini_by_pairs(values), abs=1e-9)


@given(positive_lists)
def test_gini_is_one_minus_twice_the_area_under_the_lorenz_curve(values):
    curve = pareto.lorenz_curve(values)
    x, y = curve["customer_share"].to_numpy(), curve["value_share"].to_numpy()
    area = float(np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))
    assert pareto.gini(values) == pytest.approx(1 - 2 * area, abs=1e-9)


@given(positive_lists)
def test_curves_are_monotone_and_end_at_one(values):
    for curve in (pareto.lorenz_curve(values), pareto.concentration_curve(values)):
        assert curve["value_share"].iloc[0] == 0 and curve["value_share"].iloc[-1] == pytest.approx(1)
        assert (np.diff(curve["value_share"]) >= -1e-12).all()
    # Pareto curve is concave (largest first), the Lorenz curve convex.
    pc = pareto.concentration_curve(values)["value_share"].to_numpy()
    assert (np.diff(pc, 2) <= 1e-9).all()


@settings(max_examples=50)
@given(positive_lists, fractions)
def test_share_at_agrees_with_top_share(values, f):
    k, share = pareto.share_at(pareto.concentration_curve(values), f)
    assert k == pareto.top_count(len(values), f)
    assert share == pytest.approx(pareto.top_share(values, f))


def test_known_values_by_hand():
    # 10 customers: one holds 91 of 100, nine hold 1 each.
    v = [91] + [1] * 9
    assert pareto.top_share(v, 0.1) == pytest.approx(0.91)
    assert pareto.top_share(v, 0.2) == pytest.approx(0.92)
    assert pareto.customers_for_share(v, 0.8) == pytest.approx(0.1)
    assert pareto.customers_for_share(v, 0.95) == pytest.approx(0.5)


def test_ceil_rule_and_float_noise():
    assert 0.07 * 100 != 7 and pareto.top_count(100, 0.07) == 7  # float noise does not add a customer
    assert pareto.top_count(7, 0.2) == 2  # ceil(1.4)
    assert pareto.top_count(3, 0.01) == 1  # never zero customers


def test_zeros_count_as_customers():
    assert pareto.top_share([10, 0, 0, 0, 0], 0.2) == 1.0
    assert pareto.top_share([10], 0.2) == 1.0
    assert pareto.gini([10, 0, 0, 0, 0]) == pytest.approx(0.8)


def test_ties_do_not_change_the_share():
    assert pareto.top_share([5, 5, 5, 5, 1], 0.2) == pytest.approx(5 / 21)


def test_negative_values_allowed_in_shares_but_not_gini():
    margins = [120, 30, 10, -20, -40]
    assert pareto.top_share(margins, 0.2) == pytest.approx(120 / 100)  # above 100%
    with pytest.raises(ValueError, match="2 negative value"):
        pareto.gini(margins)


@pytest.mark.parametrize(
    "values, fraction, message",
    [
        ([], 0.2, "no values"),
        ([1, float("nan"), 3], 0.2, "1 missing value"),
        ([-5, 2], 0.2, "total is -3.00"),
        ([0, 0], 0.2, "total is 0.00"),
        ([1, 2], 0, "fraction must be a number in \\(0, 1\\]"),
        ([1, 2], 1.5, "fraction must be"),
        (["a", "b"], 0.2, "expected numbers"),
    ],
)
def test_errors_speak_to_the_learner(values, fraction, message):
    with pytest.raises((ValueError, TypeError), match=message):
        pareto.top_share(values, fraction)


def test_missing_values_are_located():
    s = pd.Series([1.0, None, 2.0], index=["c1", "c2", "c3"])
    with pytest.raises(ValueError, match=r"\['c2'\]"):
        pareto.gini(s)


def test_table_instead_of_column_is_explained():
    with pytest.raises(TypeError, match="pass one column"):
        pareto.top_share(pd.DataFrame({"revenue": [1, 2]}))


def test_value_by_customer_nets_returns_and_sorts():
    tx = pd.DataFrame({"customer_id": ["b", "a", "a", "c"], "revenue": [5.0, 30.0, -10.0, 20.0]})
    out = pareto.value_by_customer(tx)
    assert out.index.tolist() == ["a", "c", "b"]  # tie a/c (20) broken by customer id
    assert out.tolist() == [20.0, 20.0, 5.0]
    with pytest.raises(KeyError, match="'amount' not found"):
        pareto.value_by_customer(tx, amount="amount")


def test_summary_columns_and_undefined_gini_for_losses():
    s = pareto.concentration_summary({"ok": [3, 1], "losses": [5, -1]}, fractions=[0.5])
    assert list(s.columns) == ["customers", "total", "top_50%", "customers_for_80%", "gini"]
    assert np.isnan(s.loc["losses", "gini"]) and s.loc["ok", "gini"] == pytest.approx(0.25)
