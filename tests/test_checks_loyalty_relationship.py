"""Exercise 06 and 07 self-checks: right answers pass, typical mistakes get a specific hint, nothing leaks the answer."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.checks.loyalty import make_checks as loyalty_checks


# --------------------------------------------------------------------------- exercise 06
@pytest.fixture(scope="module")
def shop():
    """Eight respondents; everything below is worked out by hand."""
    survey = pd.DataFrame({
        "customer_id": [f"c{i}" for i in range(1, 9)],
        "survey_date": pd.to_datetime(["2025-06-01"] * 8),
        "satisfaction": [5, 5, 4, 4, 3, 2, 5, 1],
        "repurchase_probability": [90, 70, 75, 30, 20, 10, 95, 50],
        "recommend_score": [10, 9, 6, 8, 7, 0, 10, 7],
    })
    customers = pd.DataFrame({"customer_id": [f"c{i}" for i in range(1, 9)],
                              "membership": ["VIP", "VIP", "VIP", "VIP", "VIP", "walk-in", "member", "walk-in"]})
    # bought after the survey: c1, c3, c5 (c7 bought before the survey only)
    tx = pd.DataFrame({
        "customer_id": ["c1", "c3", "c5", "c7", "c8"],
        "order_id": ["1", "2", "3", "4", "5"],
        "revenue": [10.0, 10, 10, 10, 10],
        "date": pd.to_datetime(["2025-07-01", "2025-08-01", "2025-09-01", "2025-05-01", "2025-12-31"]),
    })
    return survey, customers, tx


# satisfaction 4-5: c1 c2 c3 c4 c7 -> top-2 = 5/8; only 5s: 3/8; >=3: 6/8
# repurchase > 70: c1, c3, c7 -> 3/8; >= 70: 4/8
# VIP scores (c1..c5): 10, 9, 6, 8, 7 -> p = 0.4, passives = 0.4, d = 0.2, NPS = 20
# variance = 0.6 - 0.04 = 0.56; margin = 1.96 * 100 * sqrt(0.56 / 5) = 65.59
# all 8 scores 10, 9, 6, 8, 7, 0, 10, 7 -> p = 3/8, d = 2/8, NPS = 12.5
# satisfied & not bought after: c2, c4, c7 (c8 bought on day 213, outside 183 days; c8 is not satisfied) -> 3
VIP_NPS = 20.0
VIP_MOE = 1.96 * 100 * math.sqrt(0.56 / 5)


@pytest.fixture(scope="module")
def check06(shop):
    return loyalty_checks(*shop)


def test_06_correct_answers_pass(check06):
    assert check06.task1.evaluate(5 / 8).passed
    assert check06.task2.evaluate(3 / 8).passed
    assert check06.task3.evaluate(VIP_NPS).passed
    assert check06.task4.evaluate(VIP_MOE).passed
    assert check06.task5.evaluate(3).passed
    assert check06.task6.evaluate(" B ").passed


def test_06_blanks_say_not_answered(check06):
    for name, task in check06.tasks().items():
        assert task.evaluate(...).status == "unanswered", name


@pytest.mark.parametrize("task, answer, words", [
    ("task1", 62.5, "gave a percentage"),
    ("task1", 3 / 8, "only 'very satisfied'"),
    ("task1", 6 / 8, "counted 3 as well"),
    ("task2", 4 / 8, "exactly 70%"),
    ("task3", 0.2, "multiply"),
    ("task3", 40.0, "promoters alone"),
    ("task3", 12.5, "all respondents"),
    ("task3", 60.0, "7 and 8 are passives"),
    ("task4", 100 * math.sqrt(0.56 / 5), "standard error"),
    ("task4", 1.96 * 100 * math.sqrt(0.56), "divide the variance by the number of answers"),
    ("task4", 1.96 * 100 * math.sqrt(0.56 / 4), "n − 1"),
    ("task4", 1.96 * 100 * math.sqrt(0.6 / 5), "(p − d)² term"),
    ("task4", -5.0, "positive number"),
    ("task5", 2, "*did* buy again"),  # satisfied & bought: c1, c3
    ("task5", 5, "every satisfied respondent"),
    ("task5", 0.375, "not a share"),
    ("task6", "a", "lower end of the interval"),
    ("task6", "yes", "one letter"),
])
def test_06_typical_mistakes_get_specific_feedback(check06, task, answer, words):
    fb = getattr(check06, task).evaluate(answer)
    assert words in fb.message, fb


def test_06_feedback_never_reveals_the_expected_value(check06):
    for task, answer in [("task3", 12.0), ("task4", 5.0), ("task5", 7)]:
        fb = getattr(check06, task).evaluate(answer)
        assert fb.status == "incorrect"
        assert "20" not in fb.message and "65" not in fb.message and " 3 " not in fb.message


# --------------------------------------------------------------------------- exercise 07
from helpers.checks.relationship import make_checks as relationship_checks  # noqa: E402


@pytest.fixture(scope="module")
def company07():
    """20 customers: 2 VIP (10% -> medium), 8 regular (40% -> medium), 10 potential (50% -> many).

    Margins in the year to 2026-01-01: VIP 1000 each, regular 100 each, potential 10 each;
    average = (2000 + 800 + 100) / 20 = 145 -> VIP 6.9x high, regular 0.69x medium, potential 0.07x low.
    Kotler: VIP (medium, high) -> proactive; regular (medium, medium) -> accountable; potential (many, low) -> basic.
    """
    ids = [f"c{i:02d}" for i in range(20)]
    membership = ["VIP"] * 2 + ["member"] * 8 + ["walk-in"] * 10
    customers = pd.DataFrame({"customer_id": ids, "membership": membership})
    rows = []
    for i, cid in enumerate(ids):
        if i < 2:
            rows += [(cid, f"o{i}a", 1500.0, 500.0), (cid, f"o{i}b", 10.0, 10.0)]
        elif i < 10:
            rows += [(cid, f"o{i}a", 150.0, 50.0), (cid, f"o{i}b", 10.0, 10.0)]
        else:
            rows += [(cid, f"o{i}a", 20.0, 10.0)]
    tx = pd.DataFrame(rows, columns=["customer_id", "order_id", "revenue", "cost"]).assign(
        date=pd.Timestamp("2025-12-31"))
    # contacts in 2025: c00 joint planning (twice) -> partnership; c01 nothing -> basic (below proactive)
    # regular c02..c05 follow-up -> accountable (at); c06..c09 nothing -> basic (below)
    # potential c10 problem report -> reactive (above); others basic (at); c11 joint planning in 2024 (outside)
    contacts = pd.DataFrame(
        [("c00", "2025-03-01", "joint_planning", 120.0), ("c00", "2025-09-01", "joint_planning", 120.0)]
        + [(f"c{i:02d}", "2025-05-01", "after_sale_followup", 15.0) for i in range(2, 6)]
        + [("c10", "2025-05-01", "problem_report", 25.0), ("c11", "2024-05-01", "joint_planning", 120.0)],
        columns=["customer_id", "date", "contact_type", "cost_to_serve"]).assign(date=lambda f: pd.to_datetime(f["date"]))
    return customers, tx, contacts


# below: c01, c06..c09 = 5 of 20 = 0.25; above: c00 (partnership > proactive), c10 = 2/20 = 0.1; at: 13/20
# regular playbook 67 / regular margin 100 = 0.67; VIP playbook 458


@pytest.fixture(scope="module")
def check07(company07):
    return relationship_checks(*company07)


def test_07_correct_answers_pass(check07):
    assert check07.task1.evaluate(1).passed
    assert check07.task2.evaluate("Accountable ").passed
    assert check07.task3.evaluate(0.25).passed
    assert check07.task4.evaluate(458.0).passed
    assert check07.task5.evaluate(0.67).passed


def test_07_blanks_say_not_answered(check07):
    for name, task in check07.tasks().items():
        assert task.evaluate(...).status == "unanswered", name


@pytest.mark.parametrize("task, answer, words", [
    ("task1", 2, "joint-planning *contacts*"),
    ("task1", 0.05, "not a share"),
    ("task2", "partnership", "*few* customers"),
    ("task2", "friendly", "one of the level names"),
    ("task3", 25, "gave a percentage"),
    ("task3", 0.1, "*above*"),
    ("task3", 0.65, "*at*"),
    ("task3", 0.5, "VIP tier alone"),  # VIP: c01 below of 2
    ("task4", 120 + 15 + 8 + 25 + 60, "unit costs once each"),
    ("task4", 458 + 67 + 28.5, "every tier's rows"),
    ("task5", 100 / 67, "margin by the cost"),
    ("task5", 67.0, "divide by 100"),
    ("task5", 7.5 / 100, "today's cost"),  # regular today: 4 x 15 / 8 customers = 7.5
])
def test_07_typical_mistakes_get_specific_feedback(check07, task, answer, words):
    fb = getattr(check07, task).evaluate(answer)
    assert words in fb.message, fb


def test_07_whole_log_mistake(company07):
    customers, tx, contacts = company07
    # c11's old joint planning makes the whole-log count of customers 2 and of contacts 3
    check = relationship_checks(customers, tx, contacts)
    assert "whole two-year log" in check.task1.evaluate(3).message
