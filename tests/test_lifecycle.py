"""helpers.lifecycle: hand-worked stages, gaps and thresholds, invariants and errors."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import lifecycle

# as_of = 2025-07-01 (the day after the last transaction, 30 June).
# a: purchase days 1 Jan, 1 Feb, 1 Mar, 1 May, 30 Jun (5 days) -> loyal, active
# b: 1 Jun and 10 Jun, plus a same-day second order on 10 Jun -> 2 days -> regular, recency 21 -> active
# c: 1 Jan 2025 only -> recency 181 -> one_time with churn 365, silent with silent 90
# d: 1 Jan 2024 and 1 Feb 2024 -> recency 366 + 150 = 516 -> churned, silent
# e: bought 1 Jun and returned on 5 Jun -> one purchase day (the return is not a purchase) -> one_time
TX = pd.DataFrame({
    "customer_id": ["a"] * 5 + ["b"] * 3 + ["c", "d", "d", "e", "e"],
    "date": pd.to_datetime(format="mixed", arg=["2025-01-01", "2025-02-01", "2025-03-01", "2025-05-01", "2025-06-30",
                            "2025-06-01", "2025-06-10 09:00", "2025-06-10 18:00",
                            "2025-01-01", "2024-01-01", "2024-02-01", "2025-06-01", "2025-06-05"]),
    "revenue": [10.0] * 11 + [50.0, -50.0],
})
CUSTOMERS = pd.DataFrame({"customer_id": list("abcdef"),
                          "signup_date": pd.to_datetime(["2025-01-01"] * 2 + ["2024-01-01"] * 3 + ["2025-06-20"]),
                          "membership": ["VIP", "member", "walk-in", "walk-in", "member", "walk-in"]})
LEADS = pd.DataFrame({"lead_id": ["L1", "L2"], "created_date": pd.to_datetime(["2025-03-01", "2025-08-01"])})


def test_stages_by_hand():
    t = lifecycle.lifecycle_table(TX, customers=CUSTOMERS, leads=LEADS, churn_days=365, silent_days=90, loyal_days=5)
    assert t["stage"].astype(str).to_dict() == {"a": "loyal", "b": "regular", "c": "one_time", "d": "churned",
                                                "e": "one_time", "f": "potential", "L1": "potential"}
    assert t["activity"].astype(str).to_dict() == {"a": "active", "b": "active", "c": "silent", "d": "silent",
                                                   "e": "active", "f": "potential", "L1": "potential"}
    assert t.loc["b", "frequency"] == 2 and t.loc["b", "recency"] == 21 and t.loc["d", "recency"] == 516
    assert t.loc["a", "membership"] == "VIP" and t.loc["L1", "membership"] == "lead"
    assert "L2" not in t.index   # created after as_of


def test_gaps_and_threshold_by_hand():
    gaps = lifecycle.purchase_gaps(TX)
    # a: 31, 28, 61, 60; b: 9; d: 31 -> sorted 9, 28, 31, 31, 60, 61
    assert sorted(gaps.tolist()) == [9, 28, 31, 31, 60, 61]
    # 90% quantile (linear): position 0.9 * 5 = 4.5 -> 60 + 0.5 * 1 = 60.5 -> 61 days
    assert lifecycle.silence_threshold(gaps) == 61
    assert lifecycle.silence_threshold(gaps, 0.5) == 31


def test_summary_and_plan():
    t = lifecycle.lifecycle_table(TX, customers=CUSTOMERS, leads=LEADS, churn_days=365, silent_days=90, loyal_days=5)
    s = lifecycle.stage_summary(t, values=TX.groupby("customer_id")["revenue"].sum())
    assert s["customers"].tolist() == [2, 2, 1, 1, 1]
    assert s.loc["loyal", "value"] == 50.0 and s["value_share"].sum() == pytest.approx(1)
    plan = lifecycle.attack_defence_plan(t)
    assert plan.index.tolist() == list(lifecycle.STAGES) and plan["customers"].sum() == len(t)
    assert plan.loc["churned", "goal"] == "win back"


days_strategy = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 400)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(days_strategy, st.integers(1, 400), st.integers(1, 400), st.integers(2, 8))
def test_invariants(rows, churn, silent, loyal):
    tx = pd.DataFrame({"customer_id": [f"c{c}" for c, _ in rows],
                       "date": pd.Timestamp("2024-01-01") + pd.to_timedelta([d for _, d in rows], unit="D"),
                       "revenue": 1.0})
    t = lifecycle.lifecycle_table(tx, churn_days=churn, silent_days=silent, loyal_days=loyal)
    assert sorted(t.index) == sorted(tx["customer_id"].unique())          # every buyer exactly once
    assert set(t["stage"].astype(str)) <= set(lifecycle.STAGES) - {"potential"}
    assert ((t["stage"] == "churned") == (t["recency"] > churn)).all()
    assert ((t["activity"] == "silent") == (t["recency"] > silent)).all()
    kept = t[t["stage"] != "churned"]
    assert ((kept["stage"] == "loyal") == (kept["frequency"] >= loyal)).all()
    gaps = lifecycle.purchase_gaps(tx)
    assert len(gaps) == (t["frequency"] - 1).sum() and (gaps >= 1).all()


def test_errors():
    with pytest.raises(ValueError, match="churn_days must be"):
        lifecycle.lifecycle_table(TX, churn_days=0)
    with pytest.raises(KeyError, match="not found"):
        lifecycle.lifecycle_table(TX, leads=LEADS.rename(columns={"created_date": "day"}))
    with pytest.raises(ValueError, match="nobody bought twice"):
        lifecycle.silence_threshold(pd.Series([], dtype=float))
    with pytest.raises(ValueError, match="quantile must be"):
        lifecycle.silence_threshold(pd.Series([1, 2]), 90)


def test_customers_with_rows_but_no_purchase_are_potential_not_dropped():
    tx = pd.DataFrame({"customer_id": ["a", "b", "b"],
                       "date": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03"]),
                       "revenue": [10.0, 0.0, -4.0]})
    table = lifecycle.lifecycle_table(tx, as_of="2025-02-01")
    assert sorted(table.index) == ["a", "b"]
    assert table.loc["b", "stage"] == "potential" and table.loc["b", "frequency"] == 0
