"""Module 11 (predicted value and clusters): BG/NBD, Gamma-Gamma, CLV, k-means relabelled by value, charts, explorer.

Expected values come from the literature (Fader, Hardie & Lee 2005; Hardie's Gamma-Gamma note), from
hand calculation, or from an independent route: the model's integrals done numerically
(``scipy.integrate.quad`` over the dropout probability, the purchase rate integrated by hand),
never from the code under test.
"""

from __future__ import annotations

import ast
import math
import subprocess
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, optimize, stats

from helpers import clv, rfm
from helpers.data import load_cdnow

ROOT = Path(__file__).resolve().parents[1]

# Fader, Hardie & Lee (2005), Marketing Science 24(2), table/section 4: CDNOW sample, 39-week calibration.
PUBLISHED_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_LL = -9582.4
# Hardie (2013), "The Gamma-Gamma model of monetary value": the same calibration data, 946 repeat customers.
PUBLISHED_GG = {"p": 6.25, "q": 3.74, "v": 15.44}
CDNOW_CUSTOMERS, CDNOW_REPEATERS, CDNOW_REPEATS = 2357, 946, 2457


@lru_cache(maxsize=1)
def cdnow_table() -> pd.DataFrame:
    cd, _ = load_cdnow(sample=True)
    return clv.holdout_table(cd, "1997-10-01", end="1998-07-01")


@lru_cache(maxsize=1)
def cdnow_fit() -> clv.BGNBDParams:
    t = cdnow_table()
    return clv.bgnbd_fit(t["frequency"], t["recency"], t["T"])


# ----------------------------------------------------------------------------------- independent integrals


def integrated(params, x, tx, T, t=0.0):
    """P(alive) and E[Y(t) | x, t_x, T] by numerical integration over p (the rate λ integrated by hand).

    Given λ and p, alive after x purchases: (1−p)^x λ^x e^{−λT}; gone after the last one:
    p (1−p)^(x−1) λ^x e^{−λ t_x}; an alive customer buys (1 − e^{−λ p t}) / p in the next t.
    The gamma(r, α) integral of λ^x e^{−λ s} is Γ(r+x) α^r / (Γ(r) (α+s)^(r+x)).
    """
    r, alpha, a, b = params
    beta = stats.beta(a, b).pdf
    lam = lambda s: (alpha + s) ** (-(r + x))  # noqa: E731  (common constant left out)
    alive = integrate.quad(lambda p: beta(p) * (1 - p) ** x, 0, 1, epsabs=0, epsrel=1e-12, limit=200)[0] * lam(T)
    gone = integrate.quad(lambda p: beta(p) * p * (1 - p) ** (x - 1), 0, 1, epsabs=0, epsrel=1e-12, limit=200)[0] * lam(tx) if x else 0.0
    future = integrate.quad(lambda p: beta(p) * (1 - p) ** x / p * (lam(T) - (alpha + T + p * t) ** (-(r + x))),
                            0, 1, epsabs=0, epsrel=1e-12, limit=200)[0]
    return alive / (alive + gone), future / (alive + gone)


def integrated_log_likelihood(params, x, tx, T):
    r, alpha, a, b = params
    const = math.lgamma(r + x) - math.lgamma(r) + r * math.log(alpha)
    beta = stats.beta(a, b).pdf
    alive = integrate.quad(lambda p: beta(p) * (1 - p) ** x, 0, 1, epsabs=0, epsrel=1e-12, limit=200)[0] * (alpha + T) ** (-(r + x))
    gone = integrate.quad(lambda p: beta(p) * p * (1 - p) ** (x - 1), 0, 1, epsabs=0, epsrel=1e-12, limit=200)[0] * (alpha + tx) ** (-(r + x)) if x else 0.0
    return const + math.log(alive + gone)


HISTORIES = [(0, 0.0, 38.0), (1, 12.0, 30.0), (2, 30.0, 38.0), (2, 5.0, 38.0), (7, 35.0, 36.0)]


@pytest.mark.parametrize("x, tx, T", HISTORIES)
def test_likelihood_alive_and_prediction_match_the_integrals(x, tx, T):
    params = clv.BGNBDParams(0.243, 4.414, 0.793, 2.426)
    alive, future = integrated(params, x, tx, T, t=39.0)
    assert clv.bgnbd_log_likelihood(params, [x], [tx], [T]) == pytest.approx(integrated_log_likelihood(params, x, tx, T),
                                                                             rel=1e-9)
    assert float(clv.probability_alive(params, [x], [tx], [T])[0]) == pytest.approx(alive, rel=1e-8)
    assert float(clv.predicted_purchases(params, [x], [tx], [T], 39.0)[0]) == pytest.approx(future, rel=1e-7)


def test_expected_purchases_of_a_new_customer_matches_the_integral():
    r, alpha, a, b = params = (0.243, 4.414, 0.793, 2.426)
    beta = stats.beta(a, b).pdf
    for t in (1.0, 39.0, 78.0):
        # E[X(t)] = E_p[(1 − E_λ e^{−λpt}) / p] and E_λ e^{−λpt} = (α / (α + pt))^r
        expected = integrate.quad(lambda p: beta(p) * (1 - (alpha / (alpha + p * t)) ** r) / p, 0, 1, epsabs=0, epsrel=1e-12, limit=200)[0]
        assert clv.expected_purchases(params, t) == pytest.approx(expected, rel=1e-8)
    assert clv.expected_purchases(params, 0.0) == 0


def test_hand_worked_likelihood():
    # all parameters 1, x = 1, t_x = 1, T = 2: B(1,2)/B(1,1)·1/3² + B(2,1)/B(1,1)·1/2² = 1/18 + 1/8
    assert clv.bgnbd_log_likelihood((1, 1, 1, 1), [1], [1.0], [2.0]) == pytest.approx(math.log(1 / 18 + 1 / 8))


# ----------------------------------------------------------------------------------- the CDNOW publication


def test_cdnow_calibration_table_has_the_published_counts():
    t = cdnow_table()
    assert len(t) == CDNOW_CUSTOMERS
    assert int((t["frequency"] > 0).sum()) == CDNOW_REPEATERS
    assert int(t["frequency"].sum()) == CDNOW_REPEATS
    assert t["T"].max() == pytest.approx(272 / 7)  # a customer who first bought on 1 January: 38.86 weeks
    assert t.attrs["holdout_length"] == 39.0


def test_bgnbd_reproduces_the_published_cdnow_estimates_to_three_decimals():
    params = cdnow_fit()
    assert {k: round(v, 3) for k, v in params._asdict().items()} == PUBLISHED_BGNBD
    t = cdnow_table()
    assert round(clv.bgnbd_log_likelihood(params, t["frequency"], t["recency"], t["T"]), 1) == PUBLISHED_LL


def test_gradient_is_zero_at_the_optimum_and_not_elsewhere():
    t = cdnow_table()
    args = (t["frequency"], t["recency"], t["T"])
    grad = clv.bgnbd_gradient(cdnow_fit(), *args)
    assert np.abs(grad).max() < 1e-4  # a sum over 2,357 customers
    published = clv.bgnbd_gradient(tuple(PUBLISHED_BGNBD.values()), *args)
    assert np.abs(published).max() > 10 * np.abs(grad).max()  # rounding to 3 decimals moves off the top


@settings(max_examples=25)
@given(r=st.floats(0.1, 3), alpha=st.floats(0.5, 20), a=st.floats(0.2, 5), b=st.floats(0.2, 10))
def test_gradient_matches_finite_differences(r, alpha, a, b):
    x = [0, 1, 2, 5, 0, 3]
    tx = [0.0, 3.0, 10.0, 20.0, 0.0, 7.5]
    big_t = [12.0, 25.0, 30.0, 22.0, 5.0, 8.0]
    params = np.array([r, alpha, a, b])
    numeric = optimize.approx_fprime(params, lambda p: clv.bgnbd_log_likelihood(p, x, tx, big_t), 1e-7 * params)
    assert np.allclose(clv.bgnbd_gradient(params, x, tx, big_t), numeric, rtol=1e-4, atol=1e-4)


def test_gamma_gamma_reproduces_hardies_estimates():
    t = cdnow_table()
    p, q, v = clv.gamma_gamma_fit(t["frequency"], t["monetary"])
    assert (round(p, 2), round(q, 2), round(v, 2)) == tuple(PUBLISHED_GG.values())


def test_gamma_gamma_recovers_simulated_parameters():
    rng = np.random.default_rng(11)
    p, q, v = 5.0, 4.0, 20.0
    n = 4000
    x = rng.integers(1, 8, n)
    nu = rng.gamma(q, 1 / v, n)  # each customer's rate of spend
    mean_spend = np.array([rng.gamma(p, 1 / nu_i, k).mean() for nu_i, k in zip(nu, x)])
    fitted = clv.gamma_gamma_fit(x, mean_spend)
    assert fitted.p == pytest.approx(p, rel=0.15)
    assert fitted.q == pytest.approx(q, rel=0.15)
    assert fitted.v == pytest.approx(v, rel=0.2)


def test_expected_spend_by_hand():
    # (p v + p x m) / (p x + q − 1): x = 2, m = 30, p = 2, q = 3, v = 10 -> (20 + 120) / 6
    assert float(clv.expected_spend((2, 3, 10), [2], [30.0])[0]) == pytest.approx(140 / 6)
    assert float(clv.expected_spend((2, 3, 10), [0], [0.0])[0]) == pytest.approx(10.0)  # p v / (q − 1)
    with pytest.raises(ValueError, match="q="):
        clv.expected_spend((2, 0.9, 10), [1], [5.0])


def holdout_days_by_pandas() -> pd.Series:
    """Purchase days per customer in weeks 40-78 (1 Oct 1997 - 30 Jun 1998), counted with plain pandas."""
    cd, _ = load_cdnow(sample=True)
    later = cd[(cd["date"] >= "1997-10-01") & (cd["date"] <= "1998-06-30")]
    return later.groupby("customer_id")["date"].nunique()


def test_holdout_prediction_is_close_to_what_cdnow_customers_did():
    t = cdnow_table()
    by_hand = holdout_days_by_pandas()
    assert t["holdout_purchases"].sum() == by_hand.sum()
    assert (t["holdout_purchases"][by_hand.index] == by_hand).all()
    totals = clv.holdout_totals(t, cdnow_fit())
    assert totals["actual"] == by_hand.sum()
    assert -0.2 < totals["error"] < 0  # the model under-predicts weeks 40-78 a little
    by = clv.holdout_by_frequency(t, cdnow_fit())
    assert by["customers"].sum() == CDNOW_CUSTOMERS and by.index.tolist() == ["0", "1", "2", "3", "4", "5", "6", "7+"]
    actual_zero = t.loc[t["frequency"] == 0, "holdout_purchases"].mean()
    assert by.loc["0", "actual"] == pytest.approx(actual_zero)
    assert by["predicted"].is_monotonic_increasing  # more calibration purchases, more predicted


def test_weekly_tracking_counts_the_calibration_repeats():
    cd, _ = load_cdnow(sample=True)
    weekly = clv.weekly_tracking(cd, "1997-10-01", params=cdnow_fit(), end="1998-07-01")
    assert len(weekly) == 78 and weekly.attrs["calibration_periods"] == 39
    assert weekly.loc[39, "actual_cumulative"] == CDNOW_REPEATS
    assert weekly["actual"].sum() == CDNOW_REPEATS + holdout_days_by_pandas().sum()
    assert weekly["expected_cumulative"].is_monotonic_increasing
    # the model's expectation at the end of calibration is close to the 2,457 repeats it was fitted on
    assert weekly.loc[39, "expected_cumulative"] == pytest.approx(CDNOW_REPEATS, rel=0.05)


def test_the_default_path_does_not_import_pymc_marketing():
    code = ("import sys; from helpers import clv; from helpers.data import load_cdnow; "
            "cd, _ = load_cdnow(sample=True); t = clv.clv_summary(cd, '1997-10-01'); "
            "clv.bgnbd_fit(t.frequency, t.recency, t['T']); clv.gamma_gamma_fit(t.frequency, t.monetary); "
            "assert not any(m.startswith(('pymc', 'pytensor')) for m in sys.modules), 'pymc imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_scipy_and_scikit_learn_are_core_dependencies_in_both_files():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {d.split(">")[0].split("=")[0].strip() for d in project}
    assert {"scipy", "scikit-learn"} <= names
    env = (ROOT / "environment.yml").read_text()
    assert "  - scipy>=" in env and "  - scikit-learn>=" in env
    imported = {n.names[0].name.split(".")[0] if isinstance(n, ast.Import) else n.module.split(".")[0]
                for n in ast.walk(ast.parse((ROOT / "helpers/clv.py").read_text())) if isinstance(n, (ast.Import, ast.ImportFrom))
                and (not isinstance(n, ast.ImportFrom) or n.module)}
    assert {"scipy", "sklearn"} <= imported


# ----------------------------------------------------------------------------------- probability alive


@settings(max_examples=60)
@given(x=st.integers(1, 40), tx=st.floats(0, 50), gap=st.floats(0.01, 50), more=st.floats(0.01, 30))
def test_probability_alive_falls_with_silence_and_rises_with_a_later_last_purchase(x, tx, gap, more):
    params = (0.243, 4.414, 0.793, 2.426)
    big_t = tx + gap
    base = float(clv.probability_alive(params, [x], [tx], [big_t])[0])
    assert 0 < base <= 1
    longer_silence = float(clv.probability_alive(params, [x], [tx], [big_t + more])[0])
    assert longer_silence <= base
    later_last = float(clv.probability_alive(params, [x], [min(tx + more, big_t)], [big_t])[0])
    assert later_last >= base


@settings(max_examples=30)
@given(T=st.floats(0, 100))
def test_probability_alive_is_one_without_repeat_purchases_and_when_just_bought(T):  # noqa: N803
    params = (0.5, 3.0, 1.2, 2.0)
    assert float(clv.probability_alive(params, [0], [0.0], [T])[0]) == 1.0
    just_bought = float(clv.probability_alive(params, [3], [T], [T])[0])
    assert just_bought == pytest.approx(1 / (1 + 1.2 / (2.0 + 3 - 1)))  # 1 / (1 + a / (b + x − 1))


@settings(max_examples=30)
@given(h1=st.floats(0, 50), h2=st.floats(0, 50))
def test_predicted_purchases_grow_with_the_horizon(h1, h2):
    params = (0.243, 4.414, 0.793, 2.426)
    short, long_ = sorted([h1, h2])
    a = clv.predicted_purchases(params, [0, 3], [0.0, 20.0], [30.0, 30.0], short)
    b = clv.predicted_purchases(params, [0, 3], [0.0, 20.0], [30.0, 30.0], long_)
    assert (a >= 0).all() and (b >= a - 1e-12).all()


def test_series_in_series_out():
    t = cdnow_table().head(3)
    alive = clv.probability_alive(cdnow_fit(), t["frequency"], t["recency"], t["T"])
    assert isinstance(alive, pd.Series) and alive.index.equals(t.index) and alive.name == "p_alive"


def test_bad_inputs_are_explained():
    with pytest.raises(ValueError, match="recency is larger than T"):
        clv.bgnbd_fit([1, 2], [10.0, 5.0], [5.0, 9.0])
    with pytest.raises(ValueError, match="whole numbers"):
        clv.bgnbd_fit([1.5, 2], [1.0, 5.0], [5.0, 9.0])
    with pytest.raises(ValueError, match="nobody made a repeat purchase"):
        clv.bgnbd_fit([0, 0], [0.0, 0.0], [5.0, 9.0])
    with pytest.raises(ValueError, match="different lengths"):
        clv.bgnbd_fit([0, 1], [0.0], [5.0, 9.0])
    with pytest.raises(ValueError, match="positive numbers"):
        clv.probability_alive((0.2, -1, 1, 1), [0], [0.0], [1.0])
    with pytest.raises(ValueError, match="positive spend"):
        clv.gamma_gamma_fit([1, 2], [0.0, 5.0])
    with pytest.raises(ValueError, match="needs as_of"):
        clv.holdout_table(TX)
    with pytest.raises(KeyError, match="amount="):
        clv.clv_summary(TX, amount="sales")


# ----------------------------------------------------------------------------------- tables from transactions

TX = pd.DataFrame({
    "customer_id": ["a", "a", "a", "a", "b", "b", "c", "a"],
    "date": pd.to_datetime(["2025-01-01 09:00", "2025-01-01 17:00", "2025-01-15 10:00", "2025-02-03 10:00", "2025-01-08 10:00",
                            "2025-02-10 10:00", "2025-02-05 10:00", "2025-01-20 10:00"]),
    "revenue": [10.0, 5.0, 30.0, 40.0, 8.0, 12.0, 20.0, -30.0],
})


def test_summary_counts_purchase_days_and_leaves_returns_out():
    s = clv.clv_summary(TX, "2025-02-01", unit_days=1)
    # a: days 1 Jan (10 + 5), 15 Jan (30); the return on 20 Jan is not a visit. b: 8 Jan. c: after as_of.
    assert s.index.tolist() == ["a", "b"]
    assert s.loc["a"].tolist()[:4] == [1, 14.0, 30.0, 30.0]  # T: 1 Jan -> 31 Jan, the period's last day
    assert s.loc["b"].tolist()[:4] == [0, 0.0, 23.0, 0.0]
    assert s.attrs["excluded_returns"] == 1 and s.attrs["period_end"] == pd.Timestamp("2025-01-31")


def test_summary_is_the_lifetimes_rfm_table_in_weeks():
    cd, _ = load_cdnow(sample=True)
    s = clv.clv_summary(cd, "1997-10-01")
    table = rfm.rfm_table(cd[cd["date"] < "1997-10-01"], "1997-09-30", convention="lifetimes")
    assert (s["frequency"] == table["frequency"]).all()
    assert np.allclose(s["recency"] * 7, table["recency"]) and np.allclose(s["T"] * 7, table["tenure"])


def test_holdout_table_by_hand():
    t = clv.holdout_table(TX, "2025-02-01", end="2025-02-11", unit_days=1)
    assert t["holdout_purchases"].to_dict() == {"a": 1, "b": 1}
    assert t["holdout_value"].to_dict() == {"a": 40.0, "b": 12.0}
    assert t.attrs["holdout_length"] == 10 and t.attrs["new_in_holdout"] == 1  # c first bought in the holdout


def test_customer_value_without_discount_is_purchases_times_spend():
    s = pd.DataFrame({"frequency": [0, 4], "recency": [0.0, 20.0], "T": [30.0, 30.0], "monetary": [0.0, 50.0]},
                     index=["x", "y"])
    bg, gg = (0.5, 3.0, 1.2, 2.0), (3.0, 4.0, 20.0)
    flat = clv.customer_value(s, bg, gg, horizon=26, steps=1, discount_rate=0.0, unit_days=7)
    assert np.allclose(flat["clv"], flat["expected_purchases"] * flat["expected_spend"])
    assert np.allclose(flat["expected_purchases"], clv.predicted_purchases(bg, s["frequency"], s["recency"], s["T"], 26))
    discounted = clv.customer_value(s, bg, gg, horizon=26, steps=6, discount_rate=0.2, margin=0.3, unit_days=7)
    assert (discounted["clv"] < 0.3 * flat["clv"]).all()
    with pytest.raises(ValueError, match="discount_rate"):
        clv.customer_value(s, bg, gg, discount_rate=1.5)


# ----------------------------------------------------------------------------------- clusters

BLOBS = pd.DataFrame(
    np.r_[np.random.default_rng(3).normal([0, 0], 0.3, (40, 2)), np.random.default_rng(4).normal([4, 0], 0.3, (40, 2)),
          np.random.default_rng(5).normal([0, 4], 0.3, (40, 2))], columns=["f", "g"],
    index=[f"c{i:03d}" for i in range(120)])
BLOB_VALUE = pd.Series(np.r_[np.full(40, 10.0), np.full(40, 100.0), np.full(40, 50.0)], index=BLOBS.index)


def test_relabelled_clusters_are_the_same_for_every_seed():
    runs = [clv.kmeans_clusters(BLOBS, 3, BLOB_VALUE, seed=s) for s in range(6)]
    for run in runs[1:]:
        assert run.equals(runs[0])
    # 1 = highest value: the blob worth 100, then 50, then 10
    assert runs[0].iloc[[0, 40, 80]].tolist() == [3, 1, 2]


@settings(max_examples=50)
@given(labels=st.lists(st.integers(0, 4), min_size=5, max_size=40), perm=st.permutations(range(5)))
def test_ranking_by_value_ignores_how_k_means_numbered_the_clusters(labels, perm):
    raw = np.array(labels)
    value = np.arange(len(raw), dtype=float) % 7
    renumbered = np.array(perm)[raw]
    assert np.array_equal(clv._by_value(raw, value, 5), clv._by_value(renumbered, value, 5))


def test_rank_one_has_the_highest_average_value():
    clusters = clv.kmeans_clusters(BLOBS, 3, BLOB_VALUE)
    means = BLOB_VALUE.groupby(clusters).mean()
    assert means.index.tolist() == [1, 2, 3] and means.is_monotonic_decreasing


def test_seed_agreement_separates_raw_numbers_from_groupings():
    table = clv.seed_agreement(BLOBS, 3, BLOB_VALUE, seeds=range(6))
    assert (table["ari"] == 1.0).all() and (table["ranked_agreement"] == 1.0).all()
    assert (table["raw_agreement"] < 1).any()  # k-means' own numbers do move with the seed


def test_choose_k_finds_three_blobs():
    table = clv.choose_k(BLOBS, BLOB_VALUE, ks=range(2, 6), seeds=range(3))
    assert int(table["silhouette"].idxmax()) == 3
    assert table.loc[3, "ari_min"] == 1.0 and table.loc[3, "smallest_share"] == pytest.approx(1 / 3)
    assert table["inertia"].is_monotonic_decreasing


def test_silhouette_by_hand():
    # two points at 0 and two at 3: a = 0, b = 3 for everyone
    z = pd.DataFrame({"f": [0.0, 0.0, 3.0, 3.0]})
    assert clv.silhouette(z, pd.Series([1, 1, 2, 2])) == 1.0
    with pytest.raises(ValueError, match="only one cluster"):
        clv.silhouette(z, pd.Series([1, 1, 1, 1]))


def test_cluster_features_are_log_standardised_and_refuse_bad_values():
    t = pd.DataFrame({"recency": [0.0, np.e - 1, np.e**2 - 1], "frequency": [1, 1, 2]})
    z = clv.cluster_features(t, ["recency", "frequency"])
    assert np.allclose(z["recency"], [-np.sqrt(1.5), 0, np.sqrt(1.5)])  # log1p gives 0, 1, 2
    with pytest.raises(ValueError, match="below 0"):
        clv.cluster_features(t.assign(recency=[-1.0, 0, 1]), ["recency", "frequency"])
    with pytest.raises(ValueError, match="same value"):
        clv.cluster_features(t.assign(frequency=[3, 3, 3]), ["recency", "frequency"])
    with pytest.raises(ValueError, match="n_init"):
        clv.kmeans_clusters(BLOBS, 3, BLOB_VALUE, n_init=1)


def test_profile_traits_and_tier_map():
    clusters = clv.kmeans_clusters(BLOBS, 3, BLOB_VALUE)
    table = pd.DataFrame({"f": BLOBS["f"] + 10, "g": BLOBS["g"] + 10, "monetary": BLOB_VALUE})
    profile = clv.cluster_profile(table, clusters, features=["f", "g"])
    assert profile["customers"].tolist() == [40, 40, 40]
    assert profile["value_share"].tolist() == pytest.approx([100 / 160, 50 / 160, 10 / 160])
    traits = clv.cluster_traits((BLOBS - BLOBS.mean()) / BLOBS.std(ddof=0), clusters)
    assert traits.loc[1, "f"] == "high" and traits.loc[2, "g"] == "high" and traits.loc[3, "f"] == "low"
    tiers = pd.Series(np.where(BLOB_VALUE > 60, "VIP", "potential"), index=BLOBS.index)
    shares = clv.cluster_tier_map(clusters, tiers)
    assert shares.index.tolist() == ["VIP", "potential"] and shares.loc["VIP", 1] == 1.0
    assert np.allclose(shares.sum(axis=0), 1.0)


# ----------------------------------------------------------------------------------- prediction against tiers


@settings(max_examples=25)
@given(st.lists(st.sampled_from(["VIP", "regular", "potential"]), min_size=1, max_size=30), st.data())
def test_predicted_tiers_keep_the_tier_sizes(tier_list, data):
    index = [f"c{i}" for i in range(len(tier_list))]
    tiers = pd.Series(tier_list, index=index)
    values = pd.Series(data.draw(st.lists(st.floats(0, 1e4), min_size=len(index), max_size=len(index))), index=index)
    predicted = clv.predicted_tiers(values, tiers)
    assert predicted.value_counts().to_dict() == tiers.value_counts().to_dict()
    if (predicted == "VIP").any() and (predicted != "VIP").any():
        assert values[predicted == "VIP"].min() >= values[predicted != "VIP"].max()
    agreement = clv.tier_agreement(tiers, predicted)
    off_diagonal = agreement.to_numpy().sum() - np.trace(agreement.to_numpy())
    assert off_diagonal == len(clv.disagreements(tiers, predicted, values.to_frame("clv")))


def test_disagreement_directions():
    tiers = pd.Series(["VIP", "potential", "regular"], index=list("abc"))
    predicted = pd.Series(["potential", "VIP", "regular"], index=list("abc"))
    d = clv.disagreements(tiers, predicted, pd.DataFrame({"clv": [1.0, 900.0, 50.0]}, index=list("abc")))
    assert d["direction"].to_dict() == {"b": "prediction_higher", "a": "rules_higher"}


# ----------------------------------------------------------------------------------- charts and explorer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_are_titled_and_labelled(lang):
    from helpers.plots import clv as charts

    t = cdnow_table()
    axes = [charts.plot_holdout_by_frequency(clv.holdout_by_frequency(t, cdnow_fit()), dataset="cdnow", lang=lang)]
    clusters = clv.kmeans_clusters(BLOBS, 3, BLOB_VALUE)
    traits = clv.cluster_traits(BLOBS, clusters)
    table = pd.DataFrame({"f": BLOBS["f"] + 10, "g": BLOBS["g"] + 10, "monetary": BLOB_VALUE})
    axes.append(charts.plot_cluster_profiles(traits, clv.cluster_profile(table, clusters, features=["f", "g"]),
                                             lang=lang))
    tiers = pd.Series(np.where(BLOB_VALUE > 60, "VIP", "potential"), index=BLOBS.index)
    axes.append(charts.plot_tier_cluster_map(clv.cluster_tier_map(clusters, tiers), traits, lang=lang))
    axes.append(charts.plot_k_choice(clv.choose_k(BLOBS, BLOB_VALUE, ks=[2, 3], seeds=[0, 1]), 3, lang=lang))
    axes.append(charts.plot_tier_agreement(clv.tier_agreement(tiers, clv.predicted_tiers(BLOB_VALUE, tiers)),
                                           lang=lang))
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        ax.figure.canvas.draw()  # a missing glyph would raise here (the suite turns the warning into an error)
        plt.close(ax.figure)


def test_cluster_names_never_say_cluster_two():
    from helpers.plots.clv import cluster_names

    traits = pd.DataFrame({"recency": ["low", "", "high"], "monetary": ["high", "", "low"]}, index=[1, 2, 3])
    assert cluster_names(traits).tolist() == ["1 · recent, big spenders", "2 · average on every feature",
                                              "3 · lapsed, small spenders"]


def test_explorer_follows_k_and_features_and_caches_fits():
    from helpers.widgets.clv import ClusterExplorer

    table = pd.DataFrame({"recency": BLOBS["f"] * 20 + 100, "frequency": (BLOBS["g"] * 2 + 10).round(),
                          "monetary": BLOB_VALUE * 3}, index=BLOBS.index)
    tiers = pd.Series(np.where(BLOB_VALUE > 60, "VIP", "potential"), index=BLOBS.index)
    ex = ClusterExplorer(table, tiers, features=("recency", "frequency", "monetary"), k=3)
    assert ex.clusters.nunique() == 3 and "k = 3" in ex.sentence.value
    first = ex.image.value
    ex.k_slider.value = 2
    assert ex.clusters.nunique() == 2 and ex.image.value != first
    ex.boxes["monetary"].value = False
    assert ex.chosen() == ("recency", "frequency") and len(ex._cache) == 3
    ex.boxes["frequency"].value = False
    assert "at least two" in ex.sentence.value
    ex.boxes["frequency"].value = True
    ex.boxes["monetary"].value = True
    assert len(ex._cache) == 3  # back to (2, R, F, M): taken from the cache
