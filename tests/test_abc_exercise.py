"""Exercise 02 checks and the ABC explorer: right answers pass, typical mistakes get specific hints."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.checks.abc import make_checks
from helpers.widgets.abc import AbcExplorer

# Hand-worked shop: revenue a=40, b=30, c=20, d=10 (total 100); margin a=1, b=20, c=15, d=5 (total 41).
# Revenue classes 80/95 (upper): before = 0, 40, 70, 90 -> A A A B. 70/90: A A B C.
# Margin order b(20) c(15) d(5) a(1): before = 0, 48.8, 85.4, 97.6 % -> A A B C, so a is A by revenue, C by margin.
TX = pd.DataFrame({"customer_id": list("abcd"), "revenue": [40.0, 30, 20, 10], "cost": [39.0, 10, 5, 5]})


@pytest.fixture(scope="module")
def check():
    return make_checks(TX)


def test_right_answers(check):
    classes = pd.Series(list("AAAB"), index=list("abcd"))
    assert check.task1.evaluate(classes).passed
    assert check.task2.evaluate(3).passed
    assert check.task3.evaluate(["a"]).passed
    assert check.task4.evaluate(0.9).passed
    assert check.task5.evaluate(2).passed
    assert check.task6.evaluate("A ").passed


@pytest.mark.parametrize("task, answer, words", [
    ("task1", pd.Series(list("AABC"), index=list("abcd")), "70/90"),
    ("task1", pd.DataFrame({"x": [1]}), "table"),
    ("task2", 1, "another class"),
    ("task3", 1, "number"),
    ("task4", 90, "fraction"),
    ("task4", 0.75, "share of the *customers*"),
    ("task5", 3, "80/95"),
    ("task6", "b", "Closeness"),
    ("task6", "z", "one letter"),
])
def test_specific_feedback(check, task, answer, words):
    fb = getattr(check, task).evaluate(answer)
    assert fb.status == "incorrect" and words in fb.message


def test_blanks_say_not_answered(check):
    assert all(t.evaluate(...).status == "unanswered" for t in check.tasks().values())


def test_explorer_keeps_b_above_a_and_follows_the_dropdown():
    rev = pd.Series([40.0, 30, 20, 10], index=list("abcd"))
    mar = pd.Series([1.0, 20, 15, 5], index=list("abcd"))
    ex = AbcExplorer({"revenue": rev, "margin": mar}, dataset="toy")
    ex.slider_a.value = 96
    assert ex.slider_b.value == 97
    ex.slider_a.value, ex.slider_b.value = 80, 95
    ex.choice.value = "margin"
    assert ex.classes.astype(str).to_dict() == {"b": "A", "c": "A", "d": "B", "a": "C"}
    assert "<table" in ex.table.value and ex.image.value[:4] == b"\x89PNG"
