"""Module 12 (capstone): the tier list, the course summary, the export and the comparison of two runs.

Every expected value below is worked out by hand from the six customers of ``_six()`` (the comments
show the working), never taken from the code under test.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import capstone
from helpers.io import read_transactions
from helpers.plots.capstone import plot_service_cost, plot_tier_shares, plot_top_customers
from helpers.widgets.capstone import TierExplorer

AS_OF = pd.Timestamp("2025-07-01")


def _rows(customer: str, days_before: list[int], amounts: list[float]) -> list[tuple]:
    return [(customer, AS_OF - pd.Timedelta(days=d) + pd.Timedelta(hours=10), a) for d, a in zip(days_before, amounts)]


def _six(cost: bool = False) -> pd.DataFrame:
    """Six customers, each built to land in a known place.

    ===  ================  =========  ======  =========================================
    id   purchase days     recency    value   note
    ===  ================  =========  ======  =========================================
    c1   5 (6 orders)      10         1000    two orders on its last day
    c2   3                 30         400
    c3   6                 200        1200    the best customer, silent for 200 days
    c4   2                 60         300
    c5   1                 400        100     over a year ago: churned
    c6   0                 (return)   -50     only a return: no purchase
    ===  ================  =========  ======  =========================================
    """
    rows = (_rows("c1", [10, 10, 40, 70, 100, 130], [100, 100, 200, 200, 200, 200])
            + _rows("c2", [30, 60, 90], [100, 100, 200])
            + _rows("c3", [200, 230, 260, 290, 320, 350], [200] * 6)
            + _rows("c4", [60, 90], [150, 150])
            + _rows("c5", [400], [100])
            + _rows("c6", [20], [-50]))
    tx = pd.DataFrame(rows, columns=["customer_id", "date", "revenue"])
    tx["order_id"] = [f"o{i}" for i in range(len(tx))]
    if cost:
        tx["cost"] = 0.6 * tx["revenue"]
    return tx


# Kit RFM scores among the five buyers (1 + floor(5 x share of buyers strictly worse)):
#   recency c1 10 < c2 30 < c4 60 < c3 200 < c5 400  -> R: c1 5, c2 4, c4 3, c3 2, c5 1
#   days    c3 6 > c1 5 > c2 3 > c4 2 > c5 1         -> F: c3 5, c1 4, c2 3, c4 2, c5 1
#   value   c3 1200 > c1 1000 > c2 400 > c4 300 > c5 100 -> M: c3 5, c1 4, c2 3, c4 2, c5 1
# Segments (first match): c1 544 champions, c3 255 cant_lose, c2 433 loyal, c4 322 promising, c5 111 lost.
# ABC (80/95, upper crossing) on 2950: before-shares c3 0, c1 .407, c2 .746 -> A; c4 .881 -> B; c5 .983, c6 1.017 -> C.
EXPECTED = pd.DataFrame({
    "abc_class": ["A", "A", "A", "B", "C", "C"],
    "segment": ["cant_lose", "champions", "loyal", "promising", "lost", "no_purchase"],
    "tier": ["VIP", "VIP", "regular", "potential", "potential", "potential"],
    "stage": ["loyal", "loyal", "regular", "regular", "churned", "potential"],
    "value": [1200.0, 1000.0, 400.0, 300.0, 100.0, -50.0],
    "purchase_days": [6, 5, 3, 2, 1, 0],
    "recency_days": [200.0, 10.0, 30.0, 60.0, 400.0, np.nan],
    "rfm_score": [255, 544, 433, 322, 111, 0],
}, index=pd.Index(["c3", "c1", "c2", "c4", "c5", "c6"], name="customer_id"))

# The playbook of module 07, per customer per year: VIP 2x120 + 4x15 + 6x8 + 2x25 + 1x60 = 458;
# regular 3x8 + 1x8 + 1x25 + 1x10 = 67; potential 2x8 + 0.5x25 = 28.5.
COSTS = {"VIP": 458.0, "regular": 67.0, "potential": 28.5}


def test_tier_list_places_every_customer_as_worked_out_by_hand():
    t = capstone.tier_list(_six(), AS_OF)
    assert t.index.tolist() == EXPECTED.index.tolist()          # best value first, every customer once
    pd.testing.assert_frame_equal(t[EXPECTED.columns], EXPECTED, check_dtype=False)
    assert t["orders"].tolist() == [6, 6, 3, 2, 1, 0]             # c1: six orders on five days
    assert t["service_cost"].tolist() == [COSTS[x] for x in EXPECTED["tier"]]
    assert t.loc["c1", "last_purchase"] == pd.Timestamp("2025-06-21")
    assert pd.isna(t.loc["c6", "last_purchase"])
    assert "margin" not in t.columns                             # no cost column: no margin
    assert t.attrs["as_of"] == AS_OF


def test_reasons_are_sentences_in_the_language_asked():
    en = capstone.tier_list(_six(), AS_OF)
    assert en.loc["c3", "reasons"] == ("Class A: value 1,200; 6 purchase day(s), the last 200 days ago; "
                                       "RFM segment Can't lose, so tier VIP; lifecycle stage Loyal.")
    assert "no purchase" in en.loc["c6", "reasons"]
    zh = capstone.tier_list(_six(), AS_OF, lang="zh")
    assert zh.loc["c3", "reasons"].startswith("A类客户：价值 1,200；共 6 天有购买，最近一次在 200 天前")
    assert zh.loc["c3", "tier"] == "VIP"                           # identifiers stay for code to filter on
    assert zh.loc["c3", "service"].startswith("重点客户") and zh.loc["c6", "action"].startswith("与客户核实退货")


def test_cost_column_adds_margin_and_a_given_name_must_exist():
    t = capstone.tier_list(_six(cost=True), AS_OF)
    # margin = 40% of the net value
    assert t["margin"].round(6).tolist() == [480.0, 400.0, 160.0, 120.0, 40.0, -20.0]
    with pytest.raises(KeyError, match="cogs"):
        capstone.tier_list(_six(), AS_OF, cost="cogs")
    assert "margin" not in capstone.tier_list(_six(cost=True), AS_OF, cost=None).columns
    assert "orders" not in capstone.tier_list(_six().drop(columns="order_id"), AS_OF).columns


def test_course_summary_figures():
    s = capstone.course_summary(_six(), AS_OF)
    assert (s.customers, s.buyers, s.rows, s.rows_after) == (6, 5, 19, 0)
    assert s.value == pytest.approx(2950.0)
    assert s.top20_share == pytest.approx(2200 / 2950)            # ceil(0.2 x 6) = 2 customers: c3 + c1
    # Gini over the five non-negative values 100, 300, 400, 1000, 1200: sum of |xi - xj| over all
    # ordered pairs = 11600, divided by 2 n^2 mean = 2 x 25 x 600
    assert s.gini == pytest.approx(11600 / 30000)
    assert s.gini_customers == 5 and "gini_negative" in s.skipped
    assert s.classes["customers"].tolist() == [3, 1, 2]
    assert s.classes["value"].tolist() == [2600.0, 300.0, 50.0]
    assert s.tiers["customers"].tolist() == [2, 1, 3]
    assert s.stages.loc[["potential", "one_time", "regular", "loyal", "churned"], "customers"].tolist() == [1, 0, 2, 2, 1]
    assert s.service_cost == pytest.approx(2 * 458 + 67 + 3 * 28.5)
    assert s.slipping == 1                                        # c3: class A and "can't lose"
    assert set(s.skipped) == {"gini_negative", "margin"}
    assert "recommended" not in s.tiers.columns
    assert s.customers == len(s.tier_list)


def test_course_summary_with_cost_recommends_kotler_levels():
    s = capstone.course_summary(_six(cost=True), AS_OF)
    # margin in the last 365 days: c1 400, c3 480, c2 160, c4 120, c5 0 (400 days ago), c6 -20; mean 190
    # VIP 440 (2.3x: high, 2/6 medium) -> proactive; regular 160 (0.84x: medium, 1/6) -> accountable;
    # potential 33.3 (0.18x: low, 3/6 many) -> basic
    assert s.tiers["margin_per_customer"].round(4).tolist() == [440.0, 160.0, round(100 / 3, 4)]
    assert s.tiers["recommended"].tolist() == ["proactive", "accountable", "basic"]
    assert s.tiers.loc["VIP", "cost_share"] == pytest.approx(458 / 440)
    assert "margin" not in s.skipped


def test_migration_compares_with_the_tier_list_six_months_earlier():
    s = capstone.course_summary(_six(), AS_OF)
    # at 2025-01-01 only c3 and c5 had bought: c3 R3 F3 M3 (the better of two) = loyal -> regular; c5 111 lost
    assert s.previous_as_of == pd.Timestamp("2025-01-01")
    assert s.moves["move"].to_dict() == {"c1": "new", "c2": "new", "c3": "up", "c4": "new", "c5": "same", "c6": "new"}
    m = s.migration
    assert m.loc["regular", "VIP"] == 1 and m.loc["potential", "potential"] == 1
    assert m.loc["new"].tolist() == [1, 1, 2, 0]
    assert int(m.to_numpy().sum()) == 6


def test_short_span_skips_migration_and_says_why():
    tx = _six()
    short = tx[tx["date"] >= AS_OF - pd.Timedelta(days=300)]
    s = capstone.course_summary(short, AS_OF)
    assert s.migration is None and s.moves is None
    assert "12 months" in s.skipped["migration"]
    assert "12 个月" in capstone.course_summary(short, AS_OF, lang="zh").skipped["migration"]


def test_bad_input_is_refused_with_the_fix():
    with pytest.raises(KeyError, match="customer='...'"):
        capstone.tier_list(_six().rename(columns={"customer_id": "client"}))
    with pytest.raises(ValueError, match="later as_of"):
        capstone.tier_list(_six(), "2020-01-01")
    refunds = _six().assign(revenue=-1.0)
    with pytest.raises(ValueError, match="positive total"):
        capstone.tier_list(refunds, AS_OF)
    with pytest.raises(ValueError, match="lang"):
        capstone.tier_list(_six(), AS_OF, lang="fr")
    with pytest.raises(ValueError, match="period_months"):
        capstone.course_summary(_six(), AS_OF, period_months=0)


def test_compare_tier_lists_by_hand():
    old = pd.DataFrame({"tier": ["VIP", "regular", "potential", "regular"], "segment": ["champions"] * 4},
                       index=["a", "b", "c", "d"])
    new = pd.DataFrame({"tier": ["regular", "VIP", "potential", "VIP"], "segment": ["loyal"] * 4},
                       index=["a", "b", "c", "e"])
    out = capstone.compare_tier_lists(old, new)
    assert out["move"].to_dict() == {"a": "down", "b": "up", "c": "same", "d": "gone", "e": "new"}
    assert out.loc["a", ["segment_before", "segment_after"]].tolist() == ["champions", "loyal"]
    with pytest.raises(ValueError, match="gold"):
        capstone.compare_tier_lists(old.assign(tier="gold"), new)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_reads_back_and_never_overwrites(tmp_path, lang, suffix):
    t = capstone.tier_list(_six(cost=True), AS_OF, lang=lang)
    path = capstone.export_tier_list(t, tmp_path / f"tiers{suffix}", lang=lang)
    if suffix == ".csv":
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")                    # BOM: Excel opens the Chinese right
        header = raw.decode("utf-8-sig").splitlines()[0].split(",")
        expected = ["客户编号", "ABC类别", "RFM细分", "客户等级"] if lang == "zh" else ["Customer ID", "ABC class",
                                                                          "RFM segment", "Tier"]
        assert header[:4] == expected
        if lang == "zh":
            assert "VIP客户" in raw.decode("utf-8-sig") and "champions" not in raw.decode("utf-8-sig")
    back = capstone.read_tier_list(path)
    assert back.index.tolist() == t.index.tolist()
    cols = ["abc_class", "segment", "tier", "stage"]
    assert back[cols].to_numpy().tolist() == t[cols].to_numpy().tolist()
    assert (capstone.compare_tier_lists(back, t)["move"] == "same").all()
    with pytest.raises(FileExistsError, match="exists already"):
        capstone.export_tier_list(t, path, lang=lang)
    capstone.export_tier_list(t, path, lang=lang, overwrite=True)
    with pytest.raises(ValueError, match=".xlsx or .csv"):
        capstone.export_tier_list(t, tmp_path / "tiers.txt")


def test_gbk_chinese_csv_without_cost_through_the_importer(tmp_path):
    tx = _six()
    names = {"c1": "张伟", "c2": "王芳", "c3": "李娜", "c4": "刘洋", "c5": "陈静", "c6": "杨磊"}
    raw = pd.DataFrame({"客户名称": tx["customer_id"].map(names), "订单编号": tx["order_id"],
                        "下单日期": tx["date"].dt.strftime("%Y-%m-%d"), "实付金额": tx["revenue"].map("{:,.2f}".format)})
    path = tmp_path / "导出.csv"
    path.write_bytes(raw.to_csv(index=False).encode("gbk"))
    frame, report = read_transactions(path, customer="客户名称", date="下单日期", amount="实付金额", order="订单编号",
                                      as_of=AS_OF)
    assert report.reconciles and report.kept_rows == len(tx)
    t = capstone.tier_list(frame, AS_OF, lang="zh")
    assert "margin" not in t.columns
    expected = EXPECTED.rename(index=names)
    assert t.index.tolist() == expected.index.tolist()
    assert t["tier"].tolist() == expected["tier"].tolist()
    assert t["abc_class"].tolist() == expected["abc_class"].tolist()
    assert "margin" in capstone.course_summary(frame, AS_OF, lang="zh").skipped


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts_are_titled_and_labelled(lang):
    s = capstone.course_summary(_six(), AS_OF, lang=lang)
    for ax in (plot_tier_shares(s.tiers, dataset="synthetic", lang=lang), plot_service_cost(s.tiers, lang=lang),
               plot_top_customers(s.tier_list, 5, tier="VIP", lang=lang)):
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(ax.figure)


def test_browser_follows_the_tier_picked():
    t = capstone.tier_list(_six(), AS_OF)
    browser = TierExplorer(t)
    assert "2 customer(s)" in browser.sentence.value                # VIP: c3 and c1
    browser.picker.value = "potential"
    assert "3 customer(s)" in browser.sentence.value and "c4" in browser.reasons.value


def test_the_raw_crm_export_is_the_synthetic_company_with_its_quirks_reported(tmp_path):
    from coursekit import datasets
    from helpers.data import load_synthetic

    rebuilt = datasets.write_crm_export(tmp_path / "again.csv")
    assert rebuilt.read_bytes() == datasets.CRM_EXPORT.read_bytes()          # byte-identical on rebuild
    frame, report = read_transactions(datasets.CRM_EXPORT, customer="客户编号", date="下单时间", amount="实付金额(元)",
                                      cost="成本(元)", order="订单编号")
    quirks = datasets.CRM_QUIRKS
    by_reason = {step.text("en"): step.rows_excluded for step in report.steps}
    assert by_reason == {"empty row": quirks["blank_rows"], "totals row (合计/总计/Total …)": 1,
                         "exact duplicate of an earlier row": quirks["duplicates"],
                         "missing customer id": quirks["no_customer"]}
    assert report.reconciles
    synthetic = load_synthetic("transactions")
    assert len(frame) == len(synthetic)
    assert frame["order_id"].tolist() == synthetic["order_id"].tolist()
    assert np.allclose(frame["revenue"].to_numpy(), synthetic["revenue"].to_numpy())
    assert np.allclose(frame["cost"].to_numpy(), synthetic["cost"].to_numpy())


def test_numeric_ids_read_back_from_a_file_still_match(tmp_path):
    tx = _six().assign(customer_id=lambda f: f["customer_id"].str[1:].astype(int))
    t = capstone.tier_list(tx, AS_OF)
    back = capstone.read_tier_list(capstone.export_tier_list(t, tmp_path / "t.csv"))
    assert (capstone.compare_tier_lists(back, t)["move"] == "same").all()


def test_self_checks_name_the_directors_mistakes(tmp_path):
    from helpers.checks.capstone import make_checks

    path = tmp_path / "export.csv"
    raw = _six(cost=True).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d %H:%M"))
    text = raw.to_csv(index=False)
    lines = text.splitlines()
    # two blank rows, one row exported twice, one sale without a customer id: 4 rows to exclude
    lines[3:3] = [",,,,", lines[2], ",,,,"]
    lines.append(",o99,2025-06-01 10:00,10.0,6.0")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    check = make_checks(path=path, columns={"customer": "customer_id", "date": "date", "amount": "revenue",
                                            "cost": "cost", "order": "order_id"})
    assert check.task1.evaluate(4).status == "correct"
    assert "kept" in check.task1.evaluate(19).message                         # 19 rows kept
    assert "refunds" in check.task1.evaluate(1).message.lower()              # c6's return is kept
    assert check.task2.evaluate(2200 / 2950).status == "correct"
    assert "percentage" in check.task2.evaluate(100 * 2200 / 2950).message
    assert check.task3.evaluate(1).status == "correct"                      # c3
    assert "every key customer" in check.task3.evaluate(3).message           # all of A: c3, c1, c2
    assert check.task4.evaluate(2 * 458 + 67 + 3 * 28.5).status == "correct"
    assert "Multiply" in check.task4.evaluate(458 + 67 + 28.5).message
    zh = make_checks(path=path, columns={"customer": "customer_id", "date": "date", "amount": "revenue"}, lang="zh")
    assert "保留下来的行数" in zh.task1.evaluate(19).message
