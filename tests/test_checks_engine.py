"""The self-check engine: tasks are data, collect/judge split for grading, both languages, tables match the solutions."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers.checks import MODULES, checks_module, exercise_tasks
from helpers.checks.core import (
    Checks, ChoiceTask, FunctionTask, Mistake, NumberTask, Part, RecordTask, collect, judge, text,
)
from helpers.checks.pareto import make_checks as pareto_checks
from helpers.checks.rfm import make_checks as rfm_checks

SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"
CJK = re.compile(r"[\u4e00-\u9fff]")

# A small shop (the one of tests/test_checks.py): revenue per customer c1=600, c2=300, c3=40, c4=40, c5=30,
# c6=c7=20, c8..c10=10; total 1080; the top 2 customers hold 900.
TX = pd.DataFrame(
    [("c1", 500.0, 400.0), ("c1", 100.0, 80.0), ("c2", 300.0, 100.0), ("c3", 50.0, 20.0), ("c4", 40.0, 10.0),
     ("c5", 30.0, 10.0), ("c6", 20.0, 5.0), ("c7", 20.0, 5.0), ("c8", 10.0, 2.0), ("c9", 10.0, 2.0),
     ("c10", 10.0, 2.0), ("c3", -10.0, -4.0)], columns=["customer_id", "revenue", "cost"])
RTX = pd.DataFrame({
    "customer_id": ["C00084", "C00084", "C00084", "C00084", "x", "y", "z", "z", "z"],
    "date": pd.to_datetime(["2025-01-01 09:00", "2025-01-03 09:00", "2025-01-05 10:00", "2025-01-05 16:00",
                            "2025-01-08 09:00", "2025-01-02 09:00", "2025-01-07 09:00", "2025-01-08 09:00",
                            "2025-01-09 09:00"]),
    "revenue": [10.0, -10.0, 20.0, 5.0, 100.0, 1.0, 200.0, 200.0, 200.0],
})


def _share_of_top(values, fraction):
    ordered = sorted(values, reverse=True)
    k = max(1, math.ceil(round(fraction * len(ordered), 9)))
    return sum(ordered[:k]) / sum(ordered)


PARETO_ANSWERS = [
    ("task1", (TX.groupby("customer_id")["revenue"].sum(),)),
    ("task1", (TX["revenue"],)),
    ("task1", (TX,)),
    ("task2", (900 / 1080,)),
    ("task2", (90.0,)),
    ("task2", ("0.83",)),
    ("task2", (float("nan"),)),
    ("task3", (1.3,)),
    ("task5", (1,)),
    ("task6", ("A",)),
    ("task6", ("d",)),
    ("task7", (_share_of_top,)),
    ("task7", (lambda v, f: sum(sorted(v)[: math.ceil(f * len(v))]) / sum(v),)),
    ("task7", (lambda v, f: 1 / 0,)),
    ("task7", (0.5,)),
    ("task8", ("The top fifth bring most of the margin, but ...",)),
    ("task2", (...,)),
]


@pytest.fixture(scope="module")
def check():
    return pareto_checks(TX)


@pytest.mark.parametrize("task, answers", PARETO_ANSWERS, ids=[f"{t}-{i}" for i, (t, _) in enumerate(PARETO_ANSWERS)])
def test_judging_collected_data_after_a_json_round_trip_gives_the_visible_verdict(check, task, answers):
    bound = getattr(check, task)
    collected = json.loads(json.dumps(bound.collect(*answers), allow_nan=False))
    assert bound.judge(collected) == bound.evaluate(*answers)


def test_two_phases_on_tables_and_several_numbers():
    check = rfm_checks(RTX)
    from helpers import rfm

    scores = rfm.rfm_scores(rfm.rfm_table(RTX))
    for task, answers in [("task1", (5, 2, 25.0)), ("task1", (4, 2, 35.0)), ("task2", (scores,)),
                          ("task2", (scores.drop(columns="m_score"),)), ("task3", ("Loyal",)), ("task5", ("c",))]:
        bound = getattr(check, task)
        collected = json.loads(json.dumps(bound.collect(*answers), allow_nan=False))
        assert bound.judge(collected) == bound.evaluate(*answers), task
    # a DataFrame is collected with only the compared columns
    assert set(check.task2.collect(scores)["answer"]["data"]) == {"r_score", "f_score", "m_score"}


class Untouchable:
    """A reference that fails on any use: collecting must never need one."""

    def __getattr__(self, name):
        raise AssertionError(f"collect read the reference ({name})")


@pytest.mark.parametrize("stem", list(MODULES))
def test_collect_needs_no_reference_and_no_expected_value(stem):
    module = checks_module(stem)
    check = Checks(module.TASKS, Untouchable())
    for name, bound in check.tasks().items():
        answers = [0.5] * len(bound.task.params)
        data = bound.collect(*answers)
        json.dumps(data, allow_nan=False)
        assert "error" not in data, (stem, name, data)


def test_a_learner_function_runs_only_when_collecting_and_its_errors_are_data():
    calls = []

    def learner(a, b):
        calls.append((a, b))
        if a == 0:
            raise ValueError("no zeros")
        return a + b

    task = FunctionTask("task1", inputs=[(1, 2), (0, 5)], reference=lambda a, b: a + b)
    collected = collect(task, learner)
    assert len(calls) == 2
    assert collected["answer"]["calls"][1] == {"type": "error", "error": "ValueError: no zeros"}
    fb = judge(task, collected)
    assert len(calls) == 2  # judging did not call the learner again
    assert fb.status == "error" and "ValueError: no zeros" in fb.message


def test_an_answer_object_that_lies_about_equality_cannot_fool_the_judge():
    class Liar(float):
        def __eq__(self, other):
            return True

        def __sub__(self, other):
            return 0.0

        __rsub__ = __sub__
        __hash__ = float.__hash__

    task = NumberTask("task1", reference=lambda r: 0.25)
    assert judge(task, collect(task, Liar(0.9))).status == "incorrect"
    assert judge(task, collect(task, Liar(0.25))).status == "correct"


def test_record_task_lists_each_wrong_part():
    task = RecordTask("task1", parts={
        "a": Part(lambda r: 1, 0, [Mistake(lambda x, r: x == 0, "a is zero")], "a is off"),
        "b": Part(lambda r: 2, 0, [], "b is off"),
    })
    assert judge(task, collect(task, 0, 3)).message == "A is zero; b is off."
    assert judge(task, collect(task, 0, 3), lang="zh").message == "a is zero；b is off。"
    assert judge(task, collect(task, ..., 3)).status == "unanswered"


def _texts(value, where):
    """Every message of a task declaration (hints, mistakes, why, parts …) with where it sits."""
    if isinstance(value, Mapping) and set(value) <= {"en", "zh"} and value:
        yield where, value
    elif isinstance(value, str) and value:
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(item, f"{where}[{str(key)[:8]}]")
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, f"{where}[{i}]")
    elif isinstance(value, Mistake):
        yield from _texts(value.message, f"{where}.message")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in ("name", "salt", "answer_digest", "options", "columns", "labels", "arg_names", "kind"):
                yield from _texts(getattr(value, f.name), f"{where}.{f.name}")


@pytest.mark.parametrize("stem", list(MODULES))
def test_every_message_and_hint_exists_in_english_and_chinese(stem):
    found = 0
    for task in checks_module(stem).TASKS:
        assert task.hints, f"{stem} {task.name} has no hint"
        for where, message in _texts(task, task.name):
            found += 1
            assert isinstance(message, Mapping), f"{stem} {where} is English only: {message!r}"
            assert message["en"].strip() and message["zh"].strip(), f"{stem} {where}"
            if CJK.search(message["en"] + message["zh"]) or re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", message["en"]):
                assert CJK.search(message["zh"]), f"{stem} {where}: the zh text has no Chinese: {message['zh']!r}"
    assert found > 10


def test_the_language_follows_the_setting():
    check = pareto_checks(TX, lang="zh")
    assert check.task2.evaluate(100 * 900 / 1080).message == "占比是 0 到 1 之间的小数，你填的是百分数：请除以 100。"
    assert str(check.task2.evaluate(...)).startswith("⏳ 第 2 题 — 还没有作答。")
    check.lang = "en"
    assert check.task2.evaluate(100 * 900 / 1080).message.startswith("A share is a fraction")
    with pytest.raises(ValueError, match="lang must be one of"):
        check.lang = "fr"


def test_hints_and_unknown_tasks_in_chinese(capsys):
    check = pareto_checks(TX, lang="zh")
    check.hint(2, 9)
    check.hint(99)
    out = capsys.readouterr().out
    assert "💡 第 2 题，提示 2/2：" in out and "没有第 99 题" in out


def _solution_cells(stem):
    nb = nbformat.read(SOLUTIONS / f"{stem}.ipynb", as_version=4)
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


@pytest.mark.parametrize("stem", list(MODULES))
def test_task_tables_match_the_solution_notebooks_graded_cells_and_points(stem):
    graded = {c.metadata["nbgrader"]["grade_id"]: (c.cell_type, float(c.metadata["nbgrader"]["points"]))
              for c in _solution_cells(stem)}
    tasks = {t["name"]: (t["kind"], float(t["points"])) for t in exercise_tasks()[stem]}
    assert set(tasks) == set(graded), stem
    for name, (cell_type, points) in graded.items():
        kind, declared = tasks[name]
        assert declared == points, (stem, name)
        assert (cell_type == "markdown") == (kind == "written"), (stem, name, kind)


@pytest.mark.parametrize("stem", list(MODULES))
def test_every_graded_code_cell_calls_its_own_check(stem):
    for cell in _solution_cells(stem):
        if cell.cell_type == "code":
            gid = cell.metadata["nbgrader"]["grade_id"]
            assert re.match(rf"check\.{gid}\(", cell.source), (stem, gid)


def test_choice_feedback_for_a_wrong_letter_and_for_a_non_letter():
    from helpers.checks.rfm import TASKS

    task = next(t for t in TASKS if isinstance(t, ChoiceTask))
    ref = None
    verdicts = {letter: judge(task, collect(task, letter), ref) for letter in "abc"}
    assert sum(v.passed for v in verdicts.values()) == 1
    assert all(v.message for v in verdicts.values())
    assert text(judge(task, collect(task, "yes"), ref).message).startswith("Answer with one letter")
