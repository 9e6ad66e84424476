"""helpers.rfm: hand-worked tables for every convention, scores, segments, invariants and errors."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import rfm

# customer a: two orders on 1 Jan (10 + 20), one on 5 Jan (40), a return on 6 Jan (-5); b: one order on 8 Jan (5).
TX = pd.DataFrame({
    "customer_id": ["a", "a", "a", "a", "b"],
    "date": pd.to_datetime(["2025-01-01 10:00", "2025-01-01 15:00", "2025-01-05 09:00", "2025-01-06 00:00",
                            "2025-01-08 12:00"]),
    "revenue": [10.0, 20.0, 40.0, -5.0, 5.0],
})
AS_OF = "2025-01-10"


def test_kit_table_by_hand():
    t = rfm.rfm_table(TX, AS_OF)
    # a: purchase days 1 and 5 Jan (the return is not a purchase), net 65, first purchase 9 days before 10 Jan
    assert t.loc["a"].tolist() == [5.0, 2, 65.0, 9.0]
    assert t.loc["b"].tolist() == [2.0, 1, 5.0, 2.0]
    assert t.index.name == "customer_id" and t.columns.tolist() == ["recency", "frequency", "monetary", "tenure"]


def test_r_rfm_table_by_hand():
    t = rfm.rfm_table(TX, AS_OF, convention="r_rfm")
    # every row counts (4 for a); recency from the last order's timestamp, with fractions
    assert t.loc["a", "frequency"] == 4 and t.loc["a", "recency"] == 4.0 and t.loc["a", "monetary"] == 65.0
    assert t.loc["b", "recency"] == 1.5


def test_pymc_and_lifetimes_tables_by_hand():
    p = rfm.rfm_table(TX, AS_OF, convention="pymc")
    # day totals for a: 30, 40, -5 (the tools count the return's day as a period)
    assert p.loc["a", "frequency"] == 3 and p.loc["a", "recency"] == 4.0
    assert p.loc["a", "monetary"] == pytest.approx(65 / 3)
    life = rfm.rfm_table(TX, AS_OF, convention="lifetimes")
    assert life.loc["a"].tolist() == [5.0, 2.0, 17.5, 9.0]   # repeat days 5 and 6 Jan: (40 - 5) / 2
    assert life.loc["b"].tolist() == [0.0, 0.0, 0.0, 2.0]


def test_pymc_convention_ignores_days_after_as_of_and_default_as_of():
    p = rfm.rfm_table(TX, "2025-01-05", convention="pymc")
    assert p.index.tolist() == ["a"] and p.loc["a", "frequency"] == 2
    assert rfm.default_as_of(TX) == pd.Timestamp("2025-01-09")


def test_kit_scores_tie_rule_by_hand():
    # 6 customers, frequencies 1,1,1,1,2,3: four tie at the bottom (share below = 0), 2 has 4/6 below, 3 has 5/6
    f = pd.Series([1, 1, 1, 1, 2, 3])
    assert rfm.kit_scores(f).tolist() == [1, 1, 1, 1, 4, 5]
    assert rfm.kit_scores(pd.Series([10.0, 1.0, 5.0]), bins=3, higher_is_better=False).tolist() == [1, 3, 2]

    # the same amounts summed in another order differ by float noise; they must still tie
    noisy = pd.Series([0.1 + 0.2, 0.3, 0.300001, 1.0])
    assert noisy.iloc[0] != noisy.iloc[1]
    assert rfm.kit_scores(noisy, bins=4).tolist() == [1, 1, 3, 4]


def test_segment_lookup_equals_rule_by_rule_matching():
    # the fast path (one lookup per customer) must give what reading the rules top to bottom gives
    rng = np.random.default_rng(3)
    for high in (5, 9, 25):  # 25: too large for the lookup table, so the rule-by-rule path runs
        s = pd.DataFrame(rng.integers(0, high + 1, size=(400, 3)), columns=["r_score", "f_score", "m_score"])
        for table in (rfm.KIT_SEGMENTS, rfm.R_SEGMENTS):
            fast = rfm.rfm_segments(s, table).tolist()
            slow = [next((rule.name for rule in table if rule.matches(*row)), "Others")
                    for row in s.itertuples(index=False)]
            assert fast == slow


def test_r_rfm_scores_by_hand():
    # 1..10: type-7 quantiles at .2/.4/.6/.8 are 2.8, 4.6, 6.4, 8.2; the cuts add 1
    v = pd.Series(range(1, 11))
    assert rfm.r_rfm_scores(v).tolist() == [1, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert rfm.r_rfm_scores(v, higher_is_better=False).tolist() == [5, 5, 5, 4, 4, 3, 3, 2, 2, 1]


def test_pymc_scores_by_hand():
    assert rfm.pymc_scores(pd.Series(range(1, 9))).tolist() == [1, 1, 2, 2, 3, 3, 4, 4]
    # edges 1, 1, 1, 2.25, 9 -> two bins after dropping duplicates: (.., 1] and (1, 9]... labels shrink to 1-2
    assert rfm.pymc_scores(pd.Series([1, 1, 1, 1, 1, 2, 3, 9]), higher_is_better=False).tolist() == [2] * 6 + [1, 1]
    with pytest.raises(ValueError, match="same value"):
        rfm.pymc_scores(pd.Series([3, 3, 3]))


def test_r_package_reference_rows():
    """Values printed in the R package rfm's README (rfm_table on its example data, analysis date 2006-12-31)."""
    from helpers.paths import DATA_DIR

    tx = pd.read_csv(DATA_DIR / "real" / "rfm_data_orders.csv", parse_dates=["order_date"])
    r = rfm.rfm(tx, "2006-12-31", convention="r_rfm", date="order_date")
    expected = {"Add Senger": (140, 3, 340, 412), "Admiral Senger": (132, 5, 448, 433),
                "Agness O'Keefe": (90, 9, 843, 555), "Aileen Barton": (84, 9, 763, 555),
                "Ailene Hermann": (281, 8, 699, 355), "Alannah Borer": (619, 4, 196, 121)}
    for name, (rec, freq, amount, score) in expected.items():
        assert r.loc[name, ["recency", "frequency", "monetary", "rfm_score"]].tolist() == [rec, freq, amount, score]


def test_kit_segment_table_covers_every_score_and_first_match_wins():
    combos = pd.DataFrame(list(itertools.product(range(1, 6), repeat=3)), columns=["r_score", "f_score", "m_score"])
    seg = rfm.rfm_segments(combos)
    assert "Others" not in set(seg)
    assert seg[(combos == [5, 5, 5]).all(axis=1)].item() == "champions"   # also matches "loyal", but comes first
    assert set(rfm.segment_tiers(seg)) == {"VIP", "regular", "potential"}


def test_r_segments_and_pymc_mapping():
    s = pd.DataFrame({"r_score": [5, 1, 3, 1], "f_score": [5, 5, 1, 1], "m_score": [5, 5, 1, 1]})
    # (1,5,5): Can't Lose Them needs F 3-4, so At Risk (R 1-2, F 2-5, M 4-5); (3,1,1): About To Sleep; (1,1,1): Lost
    assert rfm.rfm_segments(s, rfm.R_SEGMENTS).tolist() == ["Champions", "At Risk", "About To Sleep", "Lost"]
    q = pd.DataFrame({"r_score": [4, 1, 2], "f_score": [4, 1, 2], "m_score": [4, 1, 3]})
    assert rfm.rfm_segments(q, rfm.PYMC_SEGMENTS).tolist() == ["Premium Customer", "Inactive Customer", "At Risk Customer"]
    # a later name overrides an earlier one in a mapping, as in PyMC-Marketing
    assert rfm.rfm_segments(q, {"x": ["444"], "y": ["444"]}).tolist() == ["y", "Other", "Other"]


def test_segment_summary_adds_up():
    r = rfm.rfm(TX.assign(customer_id=["a", "a", "a", "a", "b"]), AS_OF)
    s = rfm.segment_summary(r, r["segment"])
    assert s["customers"].sum() == 2 and s["value"].sum() == 70.0
    assert s["value_share"].sum() == pytest.approx(1)


tx_strategy = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 60), st.floats(0.5, 500, allow_nan=False)), min_size=1, max_size=60
)


def frame(rows):
    return pd.DataFrame({"customer_id": [f"c{c}" for c, _, _ in rows],
                         "date": pd.Timestamp("2025-01-01") + pd.to_timedelta([d for _, d, _ in rows], unit="D"),
                         "revenue": [a for _, _, a in rows]})


@settings(max_examples=60, deadline=None)
@given(tx_strategy)
def test_table_invariants(rows):
    tx = frame(rows)
    kit = rfm.rfm_table(tx)
    r = rfm.rfm_table(tx, convention="r_rfm").loc[kit.index]
    assert kit["monetary"].sum() == pytest.approx(tx["revenue"].sum())
    assert (kit["frequency"] <= r["frequency"]).all() and (kit["frequency"] >= 1).all()
    assert (kit["recency"] >= 1).all() and (kit["tenure"] >= kit["recency"]).all()
    life = rfm.rfm_table(tx, convention="lifetimes").loc[kit.index]
    assert (life["frequency"] == kit["frequency"] - 1).all()
    assert (life["recency"] + kit["recency"] == kit["tenure"]).all()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=80), st.integers(2, 7))
def test_score_invariants(values, bins):
    v = pd.Series(values, dtype=float)
    for scorer in (rfm.kit_scores, rfm.r_rfm_scores):
        s = scorer(v, bins)
        assert s.between(1, bins).all()
        order = np.argsort(v.to_numpy(), kind="stable")
        assert (np.diff(s.to_numpy()[order]) >= 0).all()           # more value never means a lower score
        assert s.groupby(v).nunique().max() == 1                    # ties share a score
    kit = rfm.kit_scores(v, bins)
    # a score k means at least (k - 1) / bins of customers are strictly worse
    worse = np.array([(v < x).mean() for x in v])
    assert (worse >= (kit.to_numpy() - 1) / bins - 1e-12).all()


@pytest.mark.parametrize("kwargs, error, words", [
    ({"convention": "sas"}, ValueError, "convention must be"),
    ({"amount": "sales"}, KeyError, "not found"),
    ({"as_of": "2025-01-06"}, ValueError, "on or after as_of"),
])
def test_errors(kwargs, error, words):
    with pytest.raises(error, match=words):
        rfm.rfm_table(TX, **{"as_of": AS_OF, **kwargs})


def test_more_errors():
    with pytest.raises(ValueError, match="missing or unreadable"):
        rfm.rfm_table(TX.assign(date=[TX["date"][0], None, *TX["date"][2:]]), AS_OF)
    with pytest.raises(ValueError, match="no purchase"):
        rfm.rfm_table(pd.concat([TX, TX.iloc[[3]].assign(customer_id="z")]), AS_OF)
    with pytest.raises(ValueError, match="bins must be"):
        rfm.kit_scores(pd.Series([1, 2]), bins=1)
    with pytest.raises(ValueError, match="written for 5 bins"):
        rfm.rfm(TX, AS_OF, bins=4)
    with pytest.raises(ValueError, match="have no tier"):
        rfm.segment_tiers(pd.Series(["Top Spender"]))


def test_kit_table_at_scale_equals_a_plain_pandas_groupby():
    # 150,000 rows take the radix-sort path; pandas' groupby is the independent reference
    rng = np.random.default_rng(11)
    n = 150_000
    tx = pd.DataFrame({"customer_id": rng.integers(0, 20_000, n).astype(str),
                       "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 600 * 86_400, n), unit="s"),
                       "revenue": np.round(rng.normal(50, 30, n), 2)})
    as_of = pd.Timestamp("2025-09-01")
    tx = tx[tx.groupby("customer_id")["revenue"].transform("max") > 0]
    kit = rfm.rfm_table(tx, as_of)
    buys = tx[tx["revenue"] > 0]
    day = buys["date"].dt.normalize()
    by = day.groupby(buys["customer_id"])
    assert kit.index.tolist() == sorted(tx["customer_id"].unique())
    assert (kit["frequency"] == by.nunique()).all()
    assert (kit["recency"] == (as_of - by.max()).dt.days).all()
    assert (kit["tenure"] == (as_of - by.min()).dt.days).all()
    np.testing.assert_allclose(kit["monetary"], tx.groupby("customer_id")["revenue"].sum(), atol=1e-9)


def test_customers_without_a_purchase_are_refused_or_dropped_and_listed():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"],
                       "date": pd.to_datetime(["2025-01-01", "2025-01-03", "2025-01-02", "2025-01-02"]),
                       "revenue": [10.0, -10.0, 0.0, 5.0]})
    with pytest.raises(ValueError, match=r"1 customer\(s\) have no purchase.*\['b'\].*no_purchase='drop'"):
        rfm.rfm_table(tx, "2025-01-10")
    result = rfm.rfm(tx, "2025-01-10", bins=5, no_purchase="drop")
    assert result.index.tolist() == ["a", "c"]
    assert result.attrs["excluded"]["customers"] == ["b"]
    assert len(result) + len(result.attrs["excluded"]["customers"]) == tx["customer_id"].nunique()
    with pytest.raises(ValueError, match="no_purchase must be"):
        rfm.rfm_table(tx, "2025-01-10", no_purchase="ignore")


def test_integer_ids_give_the_same_table_as_text_ids():
    # integer ids in a short range take a counting path; the result must not depend on the id type
    rng = np.random.default_rng(5)
    ids = rng.integers(12_346, 12_600, 3_000)
    tx = pd.DataFrame({"customer_id": ids, "revenue": np.round(rng.lognormal(3, 1, 3_000), 2),
                       "date": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 300, 3_000), unit="D")})
    as_text = rfm.rfm(tx.assign(customer_id=tx["customer_id"].astype(str)), "2025-12-01")
    as_int = rfm.rfm(tx, "2025-12-01")
    assert as_int.index.dtype == tx["customer_id"].dtype and as_int.index.is_monotonic_increasing
    assert as_int.index.astype(str).tolist() == sorted(as_text.index, key=int)
    pd.testing.assert_frame_equal(as_int.set_axis(as_int.index.astype(str)), as_text.loc[as_int.index.astype(str)],
                                  check_names=False, check_index_type=False)
    far = tx.assign(customer_id=tx["customer_id"] * 10**9)  # a wide range takes the hashing path
    assert (rfm.rfm(far, "2025-12-01")["rfm_score"].to_numpy() == as_int["rfm_score"].to_numpy()).all()


# --------------------------------------------------------------------------- fast table == readable pandas table
_day = st.integers(min_value=0, max_value=40)


@st.composite
def _small_tables(draw):
    n = draw(st.integers(min_value=1, max_value=25))
    ids = draw(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=n, max_size=n))
    days = draw(st.lists(_day, min_size=n, max_size=n))
    hours = draw(st.lists(st.integers(min_value=0, max_value=23), min_size=n, max_size=n))
    amounts = draw(st.lists(st.sampled_from([-7.5, 0.0, 3.25, 10.0, 42.0, 99.99]), min_size=n, max_size=n))
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(days, unit="D") + pd.to_timedelta(hours, unit="h")
    return pd.DataFrame({"customer_id": ids, "date": dates, "revenue": amounts})


@settings(max_examples=150, deadline=None)
@given(_small_tables(), st.sampled_from(rfm.CONVENTIONS))
def test_fast_table_matches_the_readable_pandas_table(tx, convention):
    as_of = pd.Timestamp("2025-02-15")
    try:
        expected = rfm.rfm_table_pandas(tx, as_of, convention=convention)
    except ValueError:
        with pytest.raises(ValueError):
            rfm.rfm_table(tx, as_of, convention=convention)
        return
    got = rfm.rfm_table(tx, as_of, convention=convention)
    assert got.index.astype(str).tolist() == expected.index.astype(str).tolist()
    for col in ("recency", "frequency", "monetary", "tenure"):
        np.testing.assert_allclose(got[col].to_numpy(dtype=float), expected[col].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-9, err_msg=f"{convention}: {col}")
