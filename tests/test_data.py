"""Datasets: seeded regeneration, invariants of the synthetic company, real-data cleaning that reconciles."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pandas as pd
import pytest

from coursekit import datasets
from helpers import data
from helpers.paths import DATA_DIR, SYNTHETIC_DIR

# From ../shared/data/SOURCE.md (independent of our code).
SHA256 = {
    "online_retail.csv.gz": "22a3f4623cf487a48881c10bc8a02033df6f81c8dd2783100b62c35854a6b62e",
    "CDNOW_master.txt": "eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef",
    "CDNOW_sample.txt": "6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a",
    "rfm_data_orders.csv": "9ed5816692a5440a59e72a01005fc9d3bd12b109d90d8a40a9ee61c2eda8ca9c",
}


def test_regeneration_is_byte_identical_and_seed_matters(tmp_path):
    datasets.generate(datasets.SEED, tmp_path / "same", card=None)
    for path in sorted(SYNTHETIC_DIR.iterdir()):
        assert (tmp_path / "same" / path.name).read_bytes() == path.read_bytes(), path.name
    datasets.generate(datasets.SEED + 1, tmp_path / "other", card=None)
    assert (tmp_path / "other" / "transactions.csv").read_bytes() != (SYNTHETIC_DIR / "transactions.csv").read_bytes()


def test_data_card_truth_section_matches_truth_json():
    truth = json.loads((SYNTHETIC_DIR / "truth.json").read_text())
    card = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert datasets.card_with_truth(card, truth) == card
    assert f"{truth['program']['true_sample_effect_pp']:+.2f} pp" in card


@pytest.fixture(scope="module")
def company():
    return data.load_company()


def test_synthetic_invariants(company):
    tx, cust = company.transactions, company.customers
    assert cust["customer_id"].is_unique and len(cust) == 5000
    assert set(tx["customer_id"]) <= set(cust["customer_id"])
    assert tx["order_id"].is_unique
    net = tx.groupby("customer_id")["revenue"].sum()
    assert (net >= -1e-9).all(), "no customer has negative net revenue"
    returns = tx[tx["is_return"]]
    originals = tx.set_index("order_id")
    assert returns["return_of"].isin(originals.index).all()
    assert (returns["revenue"] < 0).all() and (-returns["revenue"].to_numpy() <= originals.loc[returns["return_of"], "revenue"].to_numpy() + 1e-9).all()
    assert (returns["customer_id"].to_numpy() == originals.loc[returns["return_of"], "customer_id"].to_numpy()).all()
    assert tx["date"].between("2024-01-01", "2026-01-01").all()
    first = tx[~tx["is_return"]].groupby("customer_id")["date"].min().dt.normalize()
    assert (first == cust.set_index("customer_id").loc[first.index, "signup_date"]).all(), "first purchase on signup day"
    assert set(cust["membership"]) == {"walk-in", "member", "VIP"}
    assert (tx.loc[~tx["is_return"], "revenue"] > tx.loc[~tx["is_return"], "cost"]).mean() > 0.95


def test_concentration_is_realistic_not_designed(company):
    """Heterogeneous customers give concentration, but the process is not tuned to exactly 80/20."""
    net = company.transactions.groupby("customer_id")["revenue"].sum().sort_values(ascending=False)
    share = net.iloc[: int(np.ceil(0.2 * len(net)))].sum() / net.sum()
    assert 0.5 < share < 0.9
    one_time = (company.transactions[~company.transactions["is_return"]].groupby("customer_id").size() == 1).mean()
    assert 0.15 < one_time < 0.6


def test_survey_answers_in_range_and_consistent(company):
    s = company.survey
    assert s["satisfaction"].between(1, 5).all() and s["recommend_score"].between(0, 10).all()
    assert s["repurchase_probability"].between(0, 100).all()
    expected = np.select([s["recommend_score"] >= 9, s["recommend_score"] >= 7], ["very likely", "likely"], "unlikely")
    assert (s["recommend_3"] == expected).all()
    assert s["customer_id"].is_unique


def test_contacts_and_leads(company):
    c = company.contacts
    assert set(c["contact_type"]) == {"problem_report", "after_sale_followup", "proactive_offer", "joint_planning"}
    assert ((c["contact_type"] == "problem_report") == (c["initiated_by"] == "customer")).all()
    assert not set(company.leads["lead_id"]) & set(company.customers["customer_id"])


def test_program_is_randomised_among_recent_buyers(company):
    p, tx = company.program, company.transactions
    counts = p["group"].value_counts()
    assert abs(counts["treatment"] - counts["control"]) <= 1
    before = tx[(tx["date"] < "2025-07-01") & (tx["date"] >= pd.Timestamp("2025-07-01") - pd.Timedelta(days=182)) & ~tx["is_return"]]
    assert set(p["customer_id"]) == set(before["customer_id"])


@pytest.mark.parametrize("name, digest", SHA256.items())
def test_real_files_are_unchanged_copies(name, digest):
    assert hashlib.sha256((DATA_DIR / "real" / name).read_bytes()).hexdigest() == digest


def test_online_retail_cleaning_matches_the_published_figures():
    retail, report = data.load_online_retail()
    assert report.raw_rows == 541_909 and report.reconciles
    assert len(retail) == 397_924
    assert retail["customer_id"].nunique() == 4_339 and retail["order_id"].nunique() == 18_536
    assert round(retail["revenue"].sum(), 2) == 8_911_407.90
    assert [s.rows_excluded for s in report.steps][0] == 135_080


def test_cdnow_counts():
    master, report = data.load_cdnow()
    assert (len(master), master["customer_id"].nunique(), report.reconciles) == (69_659, 23_570, True)
    sample, report = data.load_cdnow(sample=True)
    assert (len(sample), sample["customer_id"].nunique()) == (6_919, 2_357)
    assert round(sample["revenue"].sum(), 2) == 244_091.94
    assert "8 purchase records are $0" in report.notes[0]


def test_read_transactions_counts_every_exclusion(tmp_path):
    p = tmp_path / "mine.csv"
    p.write_text('id,when,amount\nA,2024-01-01,10\n,2024-01-02,5\nB,yesterday,3\nC,2024-01-04,abc\nD,2024-01-05,"¥1,200.50"\n')
    frame, report = data.read_transactions(p, customer="id", date="when", amount="amount")
    assert frame["customer_id"].tolist() == ["A", "D"] and frame["revenue"].tolist() == [10.0, 1200.5]
    assert (report.raw_rows, report.excluded_rows, report.kept_rows) == (5, 3, 2) and report.reconciles
    broken = tmp_path / "broken.csv"
    broken.write_text("id,when,amount\nA,2024-01-01,1,200\n")
    with pytest.raises(data.DataError, match="broken.csv: row 2 has more values than the header"):
        data.read_transactions(broken, customer="id", date="when", amount="amount")


def test_read_transactions_errors_name_file_and_column(tmp_path):
    p = tmp_path / "orders.csv"
    p.write_text("Client,Day,Paid\nA,2024-01-05,10\n")
    with pytest.raises(data.DataError, match=r"orders.csv: column 'Amount' \(given as amount=\) is missing. Found columns: \['Client', 'Day', 'Paid'\]"):
        data.read_transactions(p, customer="Client", date="Day", amount="Amount")
    semi = tmp_path / "semi.csv"
    semi.write_text("Client;Day;Paid\nA;2024-01-05;10\n")
    frame, _ = data.read_transactions(semi, customer="Client", date="Day", amount="Paid")
    assert frame["revenue"].tolist() == [10.0]
    with pytest.raises(data.DataError, match="file not found"):
        data.read_transactions(tmp_path / "nope.csv", customer="a", date="b", amount="c")


def test_read_transactions_reports_bad_rows_by_file_row(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("c,d,a\nA,2024-01-01,1\nB,2024-13-45,2\n,2024-01-03,3\nC,2024-01-04,x\n")
    frame, report = data.read_transactions(p, customer="c", date="d", amount="a")
    steps = {s.reason: (s.rows_excluded, s.example_rows) for s in report.steps}
    assert steps == {"missing customer id": (1, [4]), "date is not a date": (1, [3]), "amount is not a number": (1, [5])}
    assert len(frame) == 1 and report.reconciles


def test_synthetic_loader_errors(tmp_path):
    with pytest.raises(data.DataError, match="no synthetic table 'orders'"):
        data.load_synthetic("orders")
    (tmp_path / "leads.csv").write_text("lead_id,city\nL1,Harbin\n")
    with pytest.raises(data.DataError, match="leads.csv: column 'created_date' is missing"):
        data.load_synthetic("leads", tmp_path)
