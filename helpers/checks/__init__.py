"""Self-checks for the exercise notebooks; one module per course module (``pareto`` = exercise 01).

Each module holds a reference class and a ``TASKS`` table judged by the engine
in :mod:`helpers.checks.core` (which documents the two grading phases, collect
and judge). Learners only write ``from helpers.checks.pareto import check``.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

from helpers.checks.core import Checks, Feedback, Task, collect, is_blank, judge

#: The checks module of each exercise, in course order.
MODULES: dict[str, str] = {
    "01_pareto": "pareto",
    "02_abc": "abc",
    "03_contribution": "contribution",
    "04_rfm": "rfm",
    "05_lifecycle": "lifecycle",
    "06_loyalty": "loyalty",
    "07_relationship": "relationship",
    "08_migration": "migration",
    "09_allocation": "allocation",
    "10_lift": "lift",
    "11_clv": "clv",
    "12_capstone": "capstone",
}


def checks_module(exercise: str) -> ModuleType:
    """The checks module of an exercise, by its notebook stem (``"04_rfm"``), number (``"04"``) or module name.

    Parameters
    ----------
    exercise : str

    Returns
    -------
    module
        With ``EXERCISE``, ``TASKS``, ``Reference``, ``make_checks`` and ``check``.

    Raises
    ------
    KeyError
        When no exercise matches, listing the ones there are.

    Examples
    --------
    >>> checks_module("04").EXERCISE, checks_module("rfm").EXERCISE
    ('04_rfm', '04_rfm')
    """
    for stem, name in MODULES.items():
        if exercise in (stem, stem[:2], name):
            return importlib.import_module(f"helpers.checks.{name}")
    raise KeyError(f"no checks for exercise {exercise!r}; there are {', '.join(MODULES)}")


def exercise_tasks() -> dict[str, list[dict[str, Any]]]:
    """Every exercise's tasks with their kind and points, in order (for a gradebook).

    Returns
    -------
    dict
        ``{"01_pareto": [{"name": "task1", "kind": "series", "points": 1}, ...], ...}``.

    Examples
    --------
    >>> tasks = exercise_tasks()
    >>> tasks["04_rfm"][0]
    {'name': 'task1', 'kind': 'record', 'points': 3}
    >>> sum(t["points"] for t in tasks["01_pareto"])
    17
    """
    return {stem: [{"name": t.name, "kind": t.kind, "points": t.points} for t in checks_module(stem).TASKS]
            for stem in MODULES}


__all__ = ["MODULES", "Checks", "Feedback", "Task", "checks_module", "collect", "exercise_tasks", "is_blank", "judge"]
