"""Exercise 04/05 checks and widgets: right answers pass, typical mistakes get specific hints."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import rfm
from helpers.checks.rfm import make_checks as make_rfm_checks
from helpers.widgets.rfm import RfmExplorer

# C00084: buys 10 on 1 Jan, returns it on 3 Jan, buys 20 + 5 on 5 Jan; x buys 100 on 8 Jan; y buys 1 on 2 Jan;
# z buys 200 on each of 7, 8 and 9 Jan (kit scores R 4, F 4, M 4: champions). as_of = 10 Jan. Kit: R = 5, F = 2 purchase days, M = 25. R package: 4 rows. Without the return: M = 35.
TX = pd.DataFrame({
    "customer_id": ["C00084", "C00084", "C00084", "C00084", "x", "y", "z", "z", "z"],
    "date": pd.to_datetime(["2025-01-01 09:00", "2025-01-03 09:00", "2025-01-05 10:00", "2025-01-05 16:00", "2025-01-08 09:00",
                            "2025-01-02 09:00", "2025-01-07 09:00", "2025-01-08 09:00", "2025-01-09 09:00"]),
    "revenue": [10.0, -10.0, 20.0, 5.0, 100.0, 1.0, 200.0, 200.0, 200.0],
})


@pytest.fixture(scope="module")
def check():
    return make_rfm_checks(TX)


def test_rfm_right_answers(check):
    scores = rfm.rfm_scores(rfm.rfm_table(TX))
    result = rfm.rfm(TX)
    assert check.task1.evaluate(5, 2, 25.0).passed
    assert check.task2.evaluate(scores).passed
    assert check.task3.evaluate(result.loc["C00084", "segment"].upper()).passed
    assert result.loc["z", "segment"] == "champions"
    assert check.task4.evaluate(600 / 726).passed
    assert check.task5.evaluate(" B").passed


@pytest.mark.parametrize("task, answers, words", [
    ("task1", (4, 2, 25.0), "one day short"),
    ("task1", (5, 4, 25.0), "including the return"),
    ("task1", (5, 2, 35.0), "leaves out the return"),
    ("task1", ("5", 2, 25), "three single numbers"),
    ("task2", (pd.Series([1]),), "DataFrame"),
    ("task3", ("VIP",), "tier"),
    ("task3", ("gold",), "segment names"),
    ("task4", (60000 / 726,), "fraction"),
    ("task5", ("a",), "mass discount"),
    ("task5", ("c",), "Waiting"),
])
def test_rfm_specific_feedback(check, task, answers, words):
    fb = getattr(check, task).evaluate(*answers)
    assert fb.status == "incorrect" and words in fb.message, fb.message


def test_rfm_task2_recognises_the_r_convention(check):
    r_scores = rfm.rfm_scores(rfm.rfm_table(TX, convention="r_rfm"), convention="r_rfm")
    kit = rfm.rfm_scores(rfm.rfm_table(TX))
    fb = check.task2.evaluate(r_scores)
    if not (r_scores[["r_score", "f_score", "m_score"]].to_numpy() == kit[["r_score", "f_score", "m_score"]].to_numpy()).all():
        assert fb.status == "incorrect"


def test_rfm_blanks_say_not_answered(check):
    for t in check.tasks().values():
        n = len(t.task.params)
        assert t.evaluate(*([...] * n)).status == "unanswered"


def test_rfm_explorer_follows_the_controls():
    ex = RfmExplorer(TX, dataset="toy")
    assert int(ex.summary["customers"].sum()) == 4
    ex.segment_table.value = "R rfm"
    assert set(ex.segments) <= {r.name for r in rfm.R_SEGMENTS} | {"Others"}
    ex.convention.value = "pymc"
    assert ex.bins.disabled and ex.image.value[:4] == b"\x89PNG" and "<table" in ex.table.value
    ex.convention.value, ex.segment_table.value, ex.bins.value = "kit", "kit", 3
    assert ex.summary["value"].sum() == pytest.approx(TX["revenue"].sum())


# ---- exercise 05 -----------------------------------------------------------------------------------------
from helpers.checks.lifecycle import make_checks as make_lifecycle_checks  # noqa: E402
from helpers.widgets.lifecycle import LifecycleExplorer  # noqa: E402

# C00002: purchase days 1 Jan, 11 Jan, 31 Jan 2025 (gaps 10, 20); m: 1 Jan and 5 Jan (gap 4); v: one day, 1 Jun 2024.
# Gaps 4, 10, 20: 90% quantile = 10 + 0.8 * 10 = 18; median 10. as_of = 1 Feb 2025.
LTX = pd.DataFrame({"customer_id": ["C00002", "C00002", "C00002", "m", "m", "v"],
                    "date": pd.to_datetime(["2025-01-01", "2025-01-11", "2025-01-31", "2025-01-01", "2025-01-05",
                                            "2024-06-01"]),
                    "revenue": [5.0, 5.0, 5.0, 3.0, 3.0, 9.0]})
LCUST = pd.DataFrame({"customer_id": ["C00002", "m", "v"], "signup_date": pd.to_datetime(["2025-01-01"] * 2 + ["2024-06-01"]),
                      "membership": ["walk-in", "VIP", "member"]})
LLEADS = pd.DataFrame({"lead_id": ["L1"], "created_date": pd.to_datetime(["2025-01-15"])})
# silent_days 18: C00002 (recency 1) active, m (recency 27) silent, v (recency 245) silent; churn 365: v is one_time.


@pytest.fixture(scope="module")
def lcheck():
    return make_lifecycle_checks(LTX, LCUST, LLEADS)


def test_lifecycle_right_answers(lcheck):
    assert lcheck.task1.evaluate(18).passed
    assert lcheck.task2.evaluate(2).passed
    assert lcheck.task3.evaluate(" Regular").passed
    assert lcheck.task4.evaluate(0).passed
    assert lcheck.task5.evaluate("b").passed


@pytest.mark.parametrize("task, answer, words", [
    ("task1", 10, "median"),
    ("task1", 0.9, "quantile itself"),
    ("task2", 3, "Leads (activity \"potential\") never bought"),
    ("task3", "silent", "activity view"),
    ("task3", "gold", "stage names"),
    ("task5", "a", "Acquisition"),
    ("task5", "c", "Win-back"),
])
def test_lifecycle_specific_feedback(lcheck, task, answer, words):
    fb = getattr(lcheck, task).evaluate(answer)
    assert fb.status == "incorrect" and words in fb.message, fb.message


def test_lifecycle_blanks_say_not_answered(lcheck):
    assert all(t.evaluate(...).status == "unanswered" for t in lcheck.tasks().values())


def test_lifecycle_explorer_follows_the_sliders():
    ex = LifecycleExplorer(LTX, customers=LCUST, leads=LLEADS, silent_days=18, churn_days=365, loyal_days=3)
    assert ex.summary["customers"].to_dict() == {"potential": 1, "one_time": 1, "regular": 1, "loyal": 1, "churned": 0}
    ex.churn.value = 100
    assert ex.summary.loc["churned", "customers"] == 1 and ex.image.value[:4] == b"\x89PNG"
    assert "Active <b>1</b>" in ex.sentence.value


def test_rfm_explorer_leaves_out_and_counts_customers_without_a_purchase():
    from helpers.widgets.rfm import RfmExplorer

    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "d", "d"],
                       "date": pd.to_datetime(["2025-01-01", "2025-01-05", "2025-01-02", "2025-01-03", "2025-01-04",
                                               "2025-01-06"]),
                       "revenue": [10.0, 20.0, 0.0, 5.0, 8.0, 9.0]})
    ex = RfmExplorer(tx)
    assert int(ex.summary["customers"].sum()) == 3
    assert "(1 customers with no purchase" in ex.sentence.value
