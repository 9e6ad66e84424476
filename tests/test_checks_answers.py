"""No answer ships in clear: multiple choice only as salted digests, no expected value typed into helpers/.

The right letters and the expected values are read from the solution notebooks' hidden tests,
never from the code under test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import helpers
from helpers.checks import MODULES, checks_module
from helpers.checks.core import ChoiceTask, choice_digest

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
HELPERS = Path(helpers.__file__).resolve().parent
SHIPPED = sorted(p for p in HELPERS.rglob("*.py") if "__pycache__" not in p.parts)
HEX64 = re.compile(r"^[0-9a-f]{64}$")


def hidden_tests(stem: str) -> dict[str, str]:
    """grade id -> the hidden-test lines of that graded cell, from the solution notebook."""
    nb = nbformat.read(SOLUTIONS / f"{stem}.ipynb", as_version=4)
    found = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and cell.cell_type == "code":
            m = re.search(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", cell.source, re.S)
            found[meta["grade_id"]] = m.group(1) if m else ""
    return found


def solution_letter(stem: str, task: str) -> str:
    """The right letter of a multiple-choice task, as the solution's hidden test asserts it."""
    m = re.search(r'\.lower\(\)\s*==\s*"([a-z])"', hidden_tests(stem)[task])
    assert m, f"{stem} {task}: no letter in the hidden test"
    return m.group(1)


CHOICES = [(stem, t) for stem in MODULES for t in checks_module(stem).TASKS if isinstance(t, ChoiceTask)]


def test_there_are_multiple_choice_tasks_to_check():
    assert len(CHOICES) >= 4


@pytest.mark.parametrize("stem, task", CHOICES, ids=[f"{s}-{t.name}" for s, t in CHOICES])
def test_choice_tasks_hold_a_digest_and_no_letter(stem, task):
    assert HEX64.match(task.answer_digest), task.answer_digest
    assert task.salt and stem in task.salt
    assert not hasattr(task, "answer") and not hasattr(task, "letter")
    assert all(HEX64.match(key) for key in task.why), "why is keyed by letters' digests, not by letters"
    assert task.answer_digest not in task.why


@pytest.mark.parametrize("stem, task", CHOICES, ids=[f"{s}-{t.name}" for s, t in CHOICES])
def test_the_digest_matches_the_solution_notebooks_answer(stem, task):
    letter = solution_letter(stem, task.name)
    assert choice_digest(task.salt, task.name, letter) == task.answer_digest
    others = [x for x in task.options if x != letter]
    assert {choice_digest(task.salt, task.name, x) for x in others} == set(task.why), "one reason per wrong letter"


ANSWER_ASSIGNMENT = re.compile(r"""^\s*\w*ANSWER\w*\s*(:[^=]*)?=\s*["'][A-Za-z]["']""", re.M)
LETTER_FIELD = re.compile(r"""\b(answer|correct_letter|right)\s*=\s*["'][a-e]["']""")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(HELPERS).as_posix())
def test_no_answer_letter_is_assigned_in_a_shipped_file(path):
    source = path.read_text(encoding="utf-8")
    assert not ANSWER_ASSIGNMENT.search(source), f"{path.name} assigns an answer letter"
    assert not LETTER_FIELD.search(source), f"{path.name} passes an answer letter"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "ChoiceTask":
            names = {k.arg for k in node.keywords}
            assert "answer_digest" in names and "answer" not in names, f"{path.name}:{node.lineno}"


def _expected_numbers(stem: str) -> set[str]:
    """Distinctive expected values in a solution's hidden tests: decimals, integers above 100.

    Tolerances (``< 0.01``) are left out, and so are the hidden tests of learner-written
    functions (their numbers are inputs, judged by calling the reference function).
    """
    kinds = {t.name: t.kind for t in checks_module(stem).TASKS}
    found = set()
    for task, source in hidden_tests(stem).items():
        if kinds.get(task) == "function":
            continue
        source = re.sub(r"<\s*[\d.e-]+", "", source)
        for token in re.findall(r"(?<![\w.])\d+\.\d{2,}|(?<![\w.])\d{3,}(?![\d.])", source):
            if "." in token or int(token) > 100 and token not in ("1000", "5000"):  # 5000 customers: the data size
                found.add(token)
    return found


@pytest.mark.parametrize("stem", list(MODULES))
def test_no_expected_value_of_the_hidden_tests_appears_in_shipped_helpers(stem):
    numbers = _expected_numbers(stem)
    assert numbers, f"{stem}: no expected value found in the hidden tests"
    for path in SHIPPED:
        source = path.read_text(encoding="utf-8")
        for number in numbers:
            assert not re.search(rf"(?<![\w.]){re.escape(number)}(?![\d])", source), (
                f"{path.relative_to(HELPERS)} contains {number}, an expected value of {stem}")
