"""Tables, reports and drop-downs made by helpers speak the notebook's language.

English stays what it was (the notebooks' English outputs, checked by nbval, do not move); Chinese
comes from the catalog, and no English sentence is left in it. The notebook runs in
``tests/test_notebooks.py`` check the same on every Chinese notebook's outputs; these tests name the
helper at fault, and run in the quick loop.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from test_notebooks import english_sentences

from helpers import catalog, lifecycle, relationship, rfm
from helpers.course import course_table, preflight, preflight_table
from helpers.data import CleaningReport, CleaningStep, load_cdnow

CJK = re.compile(r"[\u4e00-\u9fff]")


def english_in(*frames: pd.DataFrame) -> list[str]:
    """English sentences in frames as a notebook would show them (HTML and plain text)."""
    outputs = [nbformat.v4.new_output("display_data", data={"text/html": f.to_html(), "text/plain": f.to_string()})
               for f in frames]
    return english_sentences(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("t", outputs=outputs)]))


def test_segment_playbook_in_chinese_and_english_unchanged():
    en, zh = rfm.segment_playbook(), rfm.segment_playbook(lang="zh")
    assert en["goal"].to_dict() == {k: v for k, v in rfm.KIT_GOALS.items() if k in en.index}
    assert en["action"].to_dict() == {k: v for k, v in rfm.KIT_ACTIONS.items() if k in en.index}
    assert (zh.index == en.index).all() and zh[["r_range", "tier"]].equals(en[["r_range", "tier"]])
    for column in ("goal", "action"):
        assert zh[column].map(lambda t: bool(CJK.search(t))).all(), zh[column]
    assert english_in(zh[["goal", "action"]]) == []


def test_attack_defence_plan_in_chinese_keeps_the_counts():
    table = pd.DataFrame({"stage": pd.Categorical(["loyal", "potential", "churned"], categories=lifecycle.STAGES)})
    en, zh = lifecycle.attack_defence_plan(table), lifecycle.attack_defence_plan(table, lang="zh")
    assert en[["goal", "actions", "owner"]].equals(lifecycle.ATTACK_DEFENCE[["goal", "actions", "owner"]])
    assert zh["customers"].equals(en["customers"]) and list(zh.index) == list(lifecycle.STAGES)
    assert all(CJK.search(t) for t in zh[["goal", "actions", "owner"]].to_numpy().ravel())
    assert english_in(catalog.localize(zh, "zh")) == []


@pytest.mark.parametrize("tiering", ["service", "abc"])
def test_playbook_in_chinese_keeps_the_identifiers_code_filters_on(tiering):
    en, zh = relationship.default_playbook(tiering), relationship.default_playbook(tiering, lang="zh")
    same = ["tier", "contact_type", "per_year", "unit_cost"]
    assert zh[same].equals(en[same])
    assert relationship.playbook_cost(zh).equals(relationship.playbook_cost(en))
    assert zh["action"].map(lambda t: bool(CJK.search(t))).all()
    assert (zh["channel"] != en["channel"]).all()  # "App" is what Chinese sales staff say, too
    from helpers.plots.relationship import playbook_table

    assert playbook_table(en).frame.iloc[:, 1].tolist() == en["action"].tolist()  # whole actions, never cut
    assert english_in(playbook_table(zh, "zh").frame) == []


def test_rfm_comparison_names_segments_in_chinese():
    tx = pd.DataFrame({"customer_id": list("aabcdeef"),
                       "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-05", "2025-01-09",
                                               "2025-01-03", "2025-01-04", "2025-01-08"]),
                       "revenue": [10.0, 30.0, 5.0, 20.0, 8.0, 3.0, 50.0, 60.0]})
    en = rfm.compare_conventions({"toy": tx})
    zh = rfm.compare_conventions({"toy": tx}, lang="zh")
    assert en.drop(columns="largest_segment").equals(zh.drop(columns="largest_segment"))
    for (_, convention), name in en["largest_segment"].items():
        segment = name.rsplit(" (", 1)[0]
        known = {"kit": [r.name for r in rfm.KIT_SEGMENTS] + ["Others"], "r_rfm": [r.name for r in rfm.R_SEGMENTS] + ["Others"],
                 "pymc": list(rfm.PYMC_SEGMENTS) + ["Other"]}[convention]
        assert segment in known, name  # English: the name the segment table uses
    assert zh["largest_segment"].map(lambda t: bool(CJK.search(t))).all()
    assert english_in(catalog.translate_columns(zh, "zh")) == []


def test_every_segment_name_of_the_other_tools_has_a_chinese_name():
    names = [r.name for r in rfm.R_SEGMENTS] + list(rfm.PYMC_SEGMENTS) + ["Others", "Other"]
    missing = [n for n in names if f"seg_{n}" not in catalog.LABELS]
    assert missing == []


def test_course_map_and_preflight_in_chinese():
    zh = course_table("zh")
    assert all(CJK.search(str(c)) for c in zh.columns)
    assert zh.iloc[:, 2].str.startswith("notebooks/zh/").all()
    checks = preflight("zh")
    assert checks.columns.tolist() == preflight().columns.tolist()  # the same data, for code and the CLI
    shown = preflight_table(checks, "zh")
    assert english_in(zh, shown.frame) == [] and "<td" in shown.html


def test_cleaning_report_shows_itself_in_its_language():
    _, report = load_cdnow(sample=True, lang="zh")
    report.steps.append(CleaningStep("no customer id", 2, [3, 7], "没有客户编号"))
    report.note("read as UTF-8", "按 UTF-8 读取")
    html = report._repr_html_()
    assert "没有客户编号" in html and "按 UTF-8 读取" in html and CJK.search(report.to_text())
    assert english_sentences(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("r", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": report.to_text()})])])) == []
    english = CleaningReport("f.csv", 3, [CleaningStep("bad date", 1, [2], "日期无效")], 2)
    assert "bad date" in english._repr_html_() and "日期无效" not in str(english)


def test_explorer_drop_downs_in_chinese():
    from helpers.widgets.abc import AbcExplorer
    from helpers.widgets.rfm import RfmExplorer

    tx = pd.DataFrame({"customer_id": list("aabcdeff"),
                       "date": pd.to_datetime(["2025-01-01", "2025-01-09", "2025-01-02", "2025-01-05", "2025-01-09",
                                               "2025-01-03", "2025-01-04", "2025-01-08"]),
                       "revenue": [10.0, 30.0, 5.0, 20.0, 8.0, 3.0, 50.0, 60.0]})
    rfm_en, rfm_zh = RfmExplorer(tx, dataset="toy"), RfmExplorer(tx, dataset="toy", lang="zh")
    assert [o[0] for o in rfm_en.convention.options] == ["kit", "R rfm", "PyMC-Marketing"]
    assert [o[1] for o in rfm_zh.convention.options] == [o[1] for o in rfm_en.convention.options]
    assert rfm_zh.convention.options[0][0] == "工具包" and rfm_zh.segment_table.options[1][0] == "R 语言 rfm 包"
    rfm_zh.segment_table.value = "R rfm"  # the R package's segments, named in Chinese
    assert "Champions" not in rfm_zh.table.value and CJK.search(rfm_zh.sentence.value)
    values = pd.Series([5.0, 3.0, 1.0], index=list("abc"))
    abc_zh = AbcExplorer({"revenue": values, "margin": values}, lang="zh")
    assert [o[0] for o in abc_zh.choice.options] == ["销售额", "毛利"] and abc_zh.choice.value == "revenue"
