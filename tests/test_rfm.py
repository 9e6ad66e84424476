"""helpers.rfm: the conventions worked by hand (R package rules, the kit's tie rule), invariants, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import rfm

TX = pd.DataFrame({
    "customer_id": ["a", "a", "a", "b", "c", "c", "d"],
    "order_id": ["1", "1", "2", "3", "4", "5", "6"],
    "date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 10:00", "2024-01-20 12:00", "2024-01-25 12:00",
                            "2024-01-10 12:00", "2024-01-30 18:00", "2024-02-05 12:00"]),
    "revenue": [10.0, 5.0, 30.0, 8.0, 20.0, -5.0, 99.0],
})


def test_kit_table_by_hand():
    t = rfm.rfm_table(TX, as_of="2024-01-31")  # d bought after as_of: left out
    # a: last purchase 01-20 -> 11 days; orders {1, 2}; 45; first 01-01 -> 30 days
    # c: the 01-30 row is a return, so the last *purchase* is 01-10 -> 21 days; one order; 15 net
    assert t.to_dict("index") == {
        "a": {"recency": 11, "frequency": 2, "monetary": 45.0, "tenure": 30},
        "b": {"recency": 6, "frequency": 1, "monetary": 8.0, "tenure": 6},
        "c": {"recency": 21, "frequency": 1, "monetary": 15.0, "tenure": 21},
    }


def test_rfm_r_table_by_hand_keeps_every_row():
    t = rfm.rfm_table(TX, as_of="2024-01-31", convention="rfm_r")
    assert t.loc["a"].tolist() == [11.0, 3.0, 45.0]  # order rows, not orders
    assert t.loc["c"].tolist() == [1.0, 2.0, 15.0]  # the return row counts as an order row
    assert t.loc["d", "recency"] == -5  # the R package does not truncate at the analysis date


def test_rfm_r_bins_are_type7_quantiles_plus_one():
    # recency 1..10: type-7 quantiles at 20/40/60/80% = 2.8, 4.6, 6.4, 8.2 -> cuts 3.8, 5.6, 7.4, 9.2
    t = pd.DataFrame({"recency": np.arange(1, 11, dtype=float), "frequency": np.arange(1, 11, dtype=float),
                      "monetary": np.arange(1, 11, dtype=float)}, index=list("abcdefghij"))
    s = rfm.rfm_scores(t, convention="rfm_r")
    # intervals [1,3.8) [3.8,5.6) [5.6,7.4) [7.4,9.2) [9.2,11): values 1-3 | 4-5 | 6-7 | 8-9 | 10
    assert s["f_score"].tolist() == [1, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert s["r_score"].tolist() == [5, 5, 5, 4, 4, 3, 3, 2, 2, 1]
    assert s.loc["a", "rfm_score"] == 511


def test_kit_scores_ties_share_the_lower_score():
    t = pd.DataFrame({"recency": [10] * 10, "frequency": [1, 1, 1, 1, 1, 1, 2, 2, 3, 9],
                      "monetary": np.arange(10.0)}, index=list("abcdefghij"))
    s = rfm.rfm_scores(t)
    assert s["f_score"].tolist() == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
    assert set(s["r_score"]) == {1}
    assert s["m_score"].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


@settings(max_examples=40)
@given(st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30), st.floats(0, 1e4, allow_nan=False)), min_size=1, max_size=60))
def test_scores_in_range_and_monotone(rows):
    t = pd.DataFrame(rows, columns=["recency", "frequency", "monetary"], index=[f"c{i}" for i in range(len(rows))])
    s = rfm.rfm_scores(t)
    for col in ("r_score", "f_score", "m_score"):
        assert s[col].between(1, 5).all()
    # more recent never scores lower on R; more frequent never lower on F
    order = t.sort_values("recency").index
    assert (np.diff(s.loc[order, "r_score"].to_numpy()) <= 0).all()
    order = t.sort_values("frequency").index
    assert (np.diff(s.loc[order, "f_score"].to_numpy()) >= 0).all()
    seg = rfm.rfm_segments(s)
    assert len(seg) == len(t) and set(seg) <= {name for name, *_ in rfm.KIT_SEGMENTS} | {"Others"}
    assert set(seg.map(rfm.KIT_TIERS)) <= {"VIP", "regular", "potential"}


def test_segments_first_match_wins():
    s = pd.DataFrame({"r_score": [5, 5], "f_score": [5, 2], "m_score": [5, 5]}, index=["x", "y"])
    assert rfm.rfm_segments(s, "rfm_r").tolist() == ["Champions", "New Customers"]  # F=2 misses rows 2-4
    assert rfm.rfm_segments(s).tolist() == ["Champions", "Promising"]


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="convention must be one of"):
        rfm.rfm_table(TX, convention="sas")
    with pytest.raises(KeyError, match="'amount' not found"):
        rfm.rfm_table(TX, amount="amount")
    with pytest.raises(ValueError, match="no transactions on or before"):
        rfm.rfm_table(TX, as_of="2020-01-01")
