"""Exercise 01 self-checks: right answers pass, typical mistakes get a specific hint, nothing raises."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.checks.core import Checks, Feedback, NumberTask
from helpers.checks.pareto import make_checks


@pytest.fixture(scope="module")
def tx() -> pd.DataFrame:
    """A small shop whose answers are worked out by hand below (independent of helpers.pareto)."""
    rows = [("c1", 500.0, 400.0), ("c1", 100.0, 80.0), ("c2", 300.0, 100.0), ("c3", 50.0, 20.0),
            ("c4", 40.0, 10.0), ("c5", 30.0, 10.0), ("c6", 20.0, 5.0), ("c7", 20.0, 5.0),
            ("c8", 10.0, 2.0), ("c9", 10.0, 2.0), ("c10", 10.0, 2.0), ("c3", -10.0, -4.0)]
    return pd.DataFrame(rows, columns=["customer_id", "revenue", "cost"])


@pytest.fixture(scope="module")
def check(tx):
    return make_checks(tx)


# Hand-worked reference: revenue per customer c1=600, c2=300, c3=50-10=40, c4=40, c5=30, c6..c7=20, c8..c10=10;
# total 1080; top 20% = 2 customers = 900; margin: c1=120, c2=200, c4=30, c5=20,
# c6=c7=15, c8..c10=8; c3 = 30 - 6 = 24 -> total 448, top 2 = 320.
TOP20 = 900 / 1080
TOP20_MARGIN = 320 / 448


def status(check, task, *answers):
    return getattr(check, task).evaluate(*answers)


def test_correct_answers_pass(check, tx):
    revenue = tx.groupby("customer_id")["revenue"].sum()
    assert status(check, "task1", revenue).passed
    assert status(check, "task2", TOP20).passed
    assert status(check, "task2", np.float64(TOP20)).passed
    assert status(check, "task4", TOP20_MARGIN).passed


def test_every_task_says_not_answered_for_the_blank(check):
    for name, task in check.tasks().items():
        fb = task.evaluate(...)
        assert fb.status == "unanswered" and "..." in fb.message, name


@pytest.mark.parametrize(
    "task, answer, expected_words",
    [
        ("task2", 100 * TOP20, "gave a percentage"),
        ("task2", 0.2, "share of *customers*"),
        ("task2", 20 / 1080, "smallest customers"),  # bottom 2: c8 + c9
        ("task2", "0.83", "Expected one number"),
        ("task4", TOP20, "revenue share again"),
        ("task3", 1.3, "between 0 (all equal) and 1"),
        ("task3", TOP20, "top-20% share"),
        ("task5", 0.1, "in percent"),
        ("task6", "d", "one letter"),
    ],
)
def test_typical_mistakes_get_specific_feedback(check, task, answer, expected_words):
    fb = status(check, task, answer)
    assert fb.status == "incorrect"
    assert expected_words in fb.message


def test_task1_mistakes(check, tx):
    assert "one value per order line" in status(check, "task1", tx["revenue"]).message
    assert "whole table" in status(check, "task1", tx).message
    no_returns = tx[tx["revenue"] > 0].groupby("customer_id")["revenue"].sum()
    assert "leave out the returns" in status(check, "task1", no_returns).message


def test_task5_direction_hints(check):
    # 1 customer of 10 = 10% holds 600/1080 >= 50%, and 1% -> ceil = 1 customer too: the answer is 1.
    assert status(check, "task5", 1).passed
    assert "smaller slice" in status(check, "task5", 30).message


def test_feedback_never_contains_the_answer(check):
    for answer in (0.5, 0.9, 80, 0.2):
        for task in ("task2", "task3", "task4"):
            msg = status(check, task, answer).message
            for secret in (f"{TOP20:.2f}", f"{TOP20:.1%}", f"{TOP20_MARGIN:.2f}"):
                assert secret not in msg


def test_a_crashing_evaluator_is_reported_not_raised(capsys):
    check = Checks([NumberTask("task1", reference=lambda ref: ref["missing"])], reference={"a": 1})
    check.task1(0.5)
    out = capsys.readouterr().out
    assert "⚠️ Task 1" in out and "KeyError" in out


def test_unknown_task_and_hint_are_friendly(check, capsys):
    with pytest.raises(AttributeError, match="this exercise has task1"):
        check.task99
    check.hint(99)
    check.hint(2, 5)  # level past the last hint shows the last one
    out = capsys.readouterr().out
    assert "There is no task 99" in out and "hint 2 of 2" in out


def test_feedback_renders_as_html_and_text():
    fb = Feedback("Task 2", "incorrect", "Use <b>per customer</b> totals")
    assert "&lt;b&gt;" in fb._repr_html_() and repr(fb) == str(fb)


def test_task7_function_writing(check):
    import math

    def right(values, fraction):
        ordered = sorted(values, reverse=True)
        k = max(1, math.ceil(round(fraction * len(ordered), 9)))
        return sum(ordered[:k]) / sum(ordered)

    def ascending(values, fraction):
        return right([-v for v in values], fraction) if False else sum(sorted(values)[: math.ceil(fraction * len(values))]) / sum(values)

    def floor_k(values, fraction):
        k = max(1, int(fraction * len(values)))
        return sum(sorted(values, reverse=True)[:k]) / sum(values)

    def float_noise(values, fraction):
        k = math.ceil(fraction * len(values))
        return sum(sorted(values, reverse=True)[:k]) / sum(values)

    def blank(values, fraction):
        result = ...
        return result

    assert status(check, "task7", right).passed
    assert "smallest values" in status(check, "task7", ascending).message
    assert "rounded the number of customers down" in status(check, "task7", floor_k).message
    assert "9 decimals" in status(check, "task7", float_noise).message
    assert status(check, "task7", blank).status == "unanswered"
    assert "without brackets" in status(check, "task7", 0.5).message
    assert status(check, "task7", lambda v, f: 1 / 0).status == "error"
