"""helpers.relationship: the served-level rule, Kotler's matrix, the gap, playbook costs, invariants and errors."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import relationship as rel


def log(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "contact_type"]).assign(
        date=lambda f: pd.to_datetime(f["date"]))


def test_served_level_rule_order_and_window():
    contacts = log([
        ("p", "2025-06-01", "joint_planning"), ("p", "2025-06-01", "problem_report"),
        ("o", "2025-02-01", "proactive_offer"), ("o", "2025-03-01", "proactive_offer"),
        ("o1", "2025-03-01", "proactive_offer"),                     # one offer only -> basic
        ("a", "2025-04-01", "after_sale_followup"), ("a", "2025-04-02", "proactive_offer"),
        ("r", "2025-05-01", "problem_report"),
        ("old", "2024-06-01", "joint_planning"),                     # outside the 365 days
    ])
    got = rel.served_level(contacts, "2026-01-01", ids=["p", "o", "o1", "a", "r", "old", "none"])
    assert got.astype(str).to_dict() == {"p": "partnership", "o": "proactive", "o1": "basic", "a": "accountable",
                                         "r": "reactive", "old": "basic", "none": "basic"}
    # a looser proactive rule makes the single offer count
    assert rel.served_level(contacts, "2026-01-01", ids=["o1"], proactive_min=1).astype(str).tolist() == ["proactive"]
    with pytest.raises(ValueError, match="unknown contact type"):
        rel.served_level(log([("x", "2025-01-01", "email")]), ids=["x"])


def test_kotler_bands_and_matrix():
    assert [rel.size_band(s) for s in (0.0999, 0.10, 0.40, 0.4001)] == ["few", "medium", "medium", "many"]
    assert [rel.margin_band(m, 100) for m in (49.9, 50, 199.9, 200)] == ["low", "medium", "medium", "high"]
    assert rel.recommended_level("few", "high") == "partnership"
    assert rel.recommended_level("many", "medium") == "reactive"
    assert rel.recommended_level("medium", "medium") == "accountable"
    with pytest.raises(ValueError, match="few/medium/many"):
        rel.recommended_level("lots", "high")


@given(st.sampled_from(["few", "medium", "many"]), st.sampled_from(["low", "medium", "high"]))
def test_matrix_is_monotone(size, margin):
    # fewer customers or a higher margin never lowers the recommended level
    rank = {lvl: i for i, lvl in enumerate(rel.LEVELS)}
    sizes, margins = ["many", "medium", "few"], ["low", "medium", "high"]
    here = rank[rel.recommended_level(size, margin)]
    if sizes.index(size) < 2:
        assert rank[rel.recommended_level(sizes[sizes.index(size) + 1], margin)] >= here
    if margins.index(margin) < 2:
        assert rank[rel.recommended_level(size, margins[margins.index(margin) + 1])] >= here


def test_tier_profile_and_gap_hand_worked():
    # 20 customers: 1 VIP (5%, few) margin 1000; 6 regular (30%, medium) margin 50; 13 potential (65%, many) margin 5
    # average = (1000 + 300 + 65) / 20 = 68.25 -> VIP 14.65x high, regular 0.73x medium, potential 0.07x low
    idx = [f"c{i:02d}" for i in range(20)]
    tiers = pd.Series(["VIP"] + ["regular"] * 6 + ["potential"] * 13, index=idx)
    margin = pd.Series([1000.0] + [50.0] * 6 + [5.0] * 13, index=idx)
    prof = rel.tier_profile(tiers, margin)
    assert prof["recommended"].to_dict() == {"VIP": "partnership", "regular": "accountable", "potential": "basic"}
    assert prof.loc["regular", "margin_ratio"] == pytest.approx(50 / 68.25)
    served = pd.Series(["proactive"] + ["accountable"] * 3 + ["basic"] * 3 + ["basic"] * 10 + ["reactive"] * 3,
                       index=idx)
    gap = rel.level_gap(served, tiers.map(prof["recommended"]))
    table = rel.gap_table(gap, tiers)
    # VIP below; regular 3 at + 3 below; potential 10 at + 3 above -> all: below 4, at 13, above 3
    assert table.loc["VIP", "below"] == 1.0
    assert table.loc["regular", ["below", "at", "above"]].tolist() == [0.5, 0.5, 0.0]
    assert table.loc["potential", "above"] == pytest.approx(3 / 13)
    assert table.loc["all", ["below", "at", "above"]].tolist() == pytest.approx([4 / 20, 13 / 20, 3 / 20])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(rel.LEVELS), st.sampled_from(rel.LEVELS), st.sampled_from("xyz")),
                min_size=1, max_size=40))
def test_gap_shares_add_up_and_mix_rows_sum_to_one(rows):
    served = pd.Series([r[0] for r in rows])
    recommended = pd.Series([r[1] for r in rows])
    tiers = pd.Series([r[2] for r in rows])
    table = rel.gap_table(rel.level_gap(served, recommended), tiers)
    assert table[["below", "at", "above"]].sum(axis=1).to_numpy() == pytest.approx(1.0)
    assert table.loc["all", "customers"] == len(rows)
    assert rel.level_mix(served, tiers).sum(axis=1).to_numpy() == pytest.approx(1.0)


def test_abc_playbook_costs_hand_worked_and_use_the_logs_contact_costs():
    pb = rel.default_playbook("abc")
    # A: 1×120 + 4×15 + 4×8 + 2×25 = 262; B: 1×15 + 3×8 + 1×25 = 64; C: 1×8 + 0.5×25 = 20.5
    assert rel.playbook_cost(pb).to_dict() == {"A": 262.0, "B": 64.0, "C": 20.5}
    for playbook in (pb, rel.default_playbook()):
        contacts = playbook[playbook["contact_type"] != "perk"]
        assert (contacts["unit_cost"] == contacts["contact_type"].map(rel.CONTACT_COSTS)).all()
    with pytest.raises(ValueError, match="tiering must be"):
        rel.default_playbook("rfm")


def test_playbook_costs_hand_worked():
    pb = rel.default_playbook()
    # VIP: 2*120 + 4*15 + 6*8 + 2*25 + 1*60 = 240 + 60 + 48 + 50 + 60 = 458
    # regular: 3*8 + 1*8 + 1*25 + 1*10 = 67; potential: 2*8 + 0.5*25 = 28.5
    assert rel.playbook_cost(pb).to_dict() == {"VIP": 458.0, "regular": 67.0, "potential": 28.5}
    prof = pd.DataFrame({"margin_per_customer": [1000.0, 134.0, 19.0]}, index=["VIP", "regular", "potential"])
    out = rel.playbook_vs_margin(pb, prof)
    assert out["cost_share"].tolist() == pytest.approx([0.458, 0.5, 1.5])
    with pytest.raises(ValueError, match="no rows for tier"):
        rel.playbook_vs_margin(pb[pb["tier"] != "VIP"], prof)
    with pytest.raises(ValueError, match=">= 0"):
        rel.playbook_cost(pb.assign(unit_cost=-1.0))


def test_margin_and_current_cost_windows():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, 50.0, 30.0], "cost": [60.0, 20.0, 10.0],
                       "date": pd.to_datetime(["2024-06-01", "2025-06-01", "2025-12-31"])})
    assert rel.margin_per_year(tx, "2026-01-01", ids=["a", "b", "c"]).to_dict() == {"a": 30.0, "b": 20.0, "c": 0.0}
    contacts = pd.DataFrame({"customer_id": ["a", "a", "b"], "cost_to_serve": [25.0, 120.0, 8.0],
                             "date": pd.to_datetime(["2024-01-01", "2025-03-01", "2025-03-01"])})
    tiers = pd.Series({"a": "VIP", "b": "regular", "c": "regular"})
    assert rel.current_cost(contacts, "2026-01-01", tiers=tiers).to_dict() == {"VIP": 120.0, "regular": 4.0}


def test_plots_and_widget_small_company():
    from helpers.plots.relationship import gap_summary_table, plot_cost_vs_margin, plot_gap, plot_level_mix, profile_table
    from helpers.widgets.relationship import RelationshipExplorer

    idx = [f"c{i:02d}" for i in range(20)]
    tiers = pd.Series(["VIP"] + ["regular"] * 6 + ["potential"] * 13, index=idx)
    prof = rel.tier_profile(tiers, pd.Series([1000.0] + [50.0] * 6 + [5.0] * 13, index=idx))
    served = pd.Series(["partnership"] + ["reactive"] * 6 + ["basic"] * 13, index=idx)
    gaps = rel.gap_table(rel.level_gap(served, tiers.map(prof["recommended"])), tiers)
    costs = rel.playbook_vs_margin(rel.default_playbook(), prof)
    for ax in (plot_level_mix(rel.level_mix(served, tiers), prof["recommended"], lang="zh"), plot_gap(gaps),
               plot_cost_vs_margin(costs)):
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(ax.figure)
    assert list(profile_table(prof, "zh").columns)[-1] == "建议关系水平"
    assert gap_summary_table(gaps).shape == (4, 4)
    ex = RelationshipExplorer(served, tiers, prof, rel.default_playbook(), lang="zh")
    ex.choice.value = "regular"
    assert float(ex.gap["below"]) == 1.0 and ex.image.value[:4] == b"\x89PNG"
