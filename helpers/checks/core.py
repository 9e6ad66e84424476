"""Friendly self-checks for exercise notebooks (after Kaggle learntools' ``check()`` / ``hint()``).

A check never raises and never prints the answer. It says one of:

* ⏳ not answered yet (the blank ``...`` is still there),
* ✅ correct,
* ❌ not yet, with what looks wrong and how to move forward,
* ⚠️ could not check, with the error in plain words.

Exercise modules (``helpers.checks.pareto`` ...) build a :class:`Checks` object
from *evaluators*: functions that take the learner's answer(s) and return a
:class:`Feedback`. Tests call :meth:`Task.evaluate` to get the verdict as data.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["correct", "incorrect", "unanswered", "error"]

_ICON = {"correct": "✅", "incorrect": "❌", "unanswered": "⏳", "error": "⚠️"}
_HEAD = {
    "correct": "Correct!",
    "incorrect": "Not yet.",
    "unanswered": "Not answered yet.",
    "error": "Could not check this answer.",
}
_COLOR = {"correct": "#1a7f37", "incorrect": "#b35900", "unanswered": "#57606a", "error": "#b35900"}


@dataclass(frozen=True, repr=False)
class Feedback:
    """The verdict on one task, as data (status + a message for the learner).

    Examples
    --------
    >>> print(Feedback("Task 1", "incorrect", "A share is between 0 and 1."))
    ❌ Task 1 — Not yet. A share is between 0 and 1.
    >>> Feedback("Task 1", "correct").passed
    True
    """

    task: str
    status: Status
    message: str = ""

    @property
    def passed(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __str__(self) -> str:
        text = f"{_ICON[self.status]} {self.task} — {_HEAD[self.status]}"
        return f"{text} {self.message}".rstrip()

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return (
            f'<div style="color:{_COLOR[self.status]};font-size:1.05em">'
            f"{_ICON[self.status]} <b>{html.escape(self.task)}</b> — {_HEAD[self.status]} "
            f"{html.escape(self.message)}</div>"
        )


def is_blank(value: Any) -> bool:
    """True for the exercise blank ``...`` (and None): the learner has not answered.

    Examples
    --------
    >>> is_blank(...), is_blank(None), is_blank(0)
    (True, True, False)
    """
    return value is Ellipsis or value is None


def as_number(value: Any) -> float | None:
    """The answer as a float, or None when it is not a single number.

    Examples
    --------
    >>> as_number(0.5), as_number("0.5"), as_number([1, 2])
    (0.5, None, None)
    """
    if isinstance(value, bool):
        return None
    try:
        import numpy as np

        if isinstance(value, np.ndarray) and value.size == 1:
            value = value.item()
    except ImportError:  # pragma: no cover - numpy is a dependency
        pass
    if isinstance(value, (int, float)) or type(value).__module__ == "numpy":
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return None if math.isnan(number) else number
    return None


def close(a: float, b: float, tol: float = 1e-6) -> bool:
    """Absolute closeness used by the checks.

    Examples
    --------
    >>> close(0.1 + 0.2, 0.3)
    True
    """
    return abs(a - b) <= tol


def choice(name: str, answer: Any, correct: str, right: str, wrong: dict[str, str],
           letters: tuple[str, ...] = ("a", "b", "c")) -> Feedback:
    """Feedback on a multiple-choice answer: one letter as text, case and spaces ignored.

    ``right`` is the message for the correct letter; ``wrong`` maps every other letter to
    a hint that says why that choice does not hold (no letter gives the answer away).

    Examples
    --------
    >>> choice("Task 6", " B", "b", "Yes.", {"a": "No: a.", "c": "No: c."}).status
    'correct'
    >>> choice("Task 6", "c", "b", "Yes.", {"a": "No: a.", "c": "No: c."}).message
    'No: c.'
    >>> choice("Task 6", 2, "b", "Yes.", {"a": "No: a.", "c": "No: c."}).message
    'Answer with one letter in quotes: "a", "b" or "c".'
    """
    if not isinstance(answer, str) or answer.strip().lower() not in letters:
        listed = ", ".join(f'"{x}"' for x in letters[:-1]) + f' or "{letters[-1]}"'
        return Feedback(name, "incorrect", f"Answer with one letter in quotes: {listed}.")
    letter = answer.strip().lower()
    if letter == correct:
        return Feedback(name, "correct", right)
    return Feedback(name, "incorrect", wrong[letter])


def show(feedback: Feedback) -> None:
    """Display feedback as HTML in Jupyter, or print it elsewhere.

    Examples
    --------
    >>> show(Feedback("Task 1", "unanswered", "Replace the `...`."))
    ⏳ Task 1 — Not answered yet. Replace the `...`.
    """
    try:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is not None:
            display(feedback)
            return
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        pass
    print(feedback)


@dataclass
class Task:
    """One exercise task: an evaluator plus hints, callable from a notebook.

    Calling it shows the feedback and returns None, so the verdict never
    appears twice in a cell's output; :meth:`evaluate` returns it as data.

    Examples
    --------
    >>> t = Task("Task 1", lambda x: Feedback("Task 1", "correct" if x == 2 else "incorrect"))
    >>> t.evaluate(2).status, t.evaluate(...).status, t.evaluate(None).status
    ('correct', 'unanswered', 'unanswered')
    >>> Task("Task 1", lambda x: 1 / 0).evaluate(5).status   # a broken check never raises
    'error'
    """

    name: str
    evaluator: Callable[..., Feedback]
    hints: Sequence[str] = field(default_factory=tuple)

    def evaluate(self, *answers: Any) -> Feedback:
        """The verdict for ``answers``; any error inside the check becomes an ``error`` verdict."""
        if any(is_blank(a) for a in answers):
            return Feedback(self.name, "unanswered", "Replace the `...` with your answer and run the cell again.")
        try:
            return self.evaluator(*answers)
        except Exception as exc:  # a check must never crash the learner's notebook
            return Feedback(
                self.name, "error",
                f"Your answer raised {type(exc).__name__}: {exc}. Look at the type of what you "
                "stored (run `type(your_variable)`) and try again.",
            )

    def __call__(self, *answers: Any) -> None:
        show(self.evaluate(*answers))

    def hint(self, level: int = 1) -> None:
        """Show hint number ``level`` (1 = gentle ... last = nearly the method, never the value)."""
        if not self.hints:
            print(f"💡 {self.name}: no hint for this task; re-read the task text.")
            return
        level = min(max(level, 1), len(self.hints))
        print(f"💡 {self.name}, hint {level} of {len(self.hints)}: {self.hints[level - 1]}")


class Checks:
    """The checks of one exercise notebook: ``check.task1(answer)``, ``check.hint(1)``.

    Examples
    --------
    >>> def is_two(x):
    ...     return Feedback("Task 1", "correct" if x == 2 else "incorrect", "" if x == 2 else "Try adding.")
    >>> check = Checks([Task("Task 1", is_two, ["1 + 1"])])
    >>> check.task1(...)
    ⏳ Task 1 — Not answered yet. Replace the `...` with your answer and run the cell again.
    >>> check.task1(3)
    ❌ Task 1 — Not yet. Try adding.
    >>> check.hint(1)
    💡 Task 1, hint 1 of 1: 1 + 1
    """

    def __init__(self, tasks: Sequence[Task]) -> None:
        self._tasks = {f"task{i}": t for i, t in enumerate(tasks, start=1)}

    def __getattr__(self, name: str) -> Task:
        try:
            return self.__dict__["_tasks"][name]
        except KeyError:
            raise AttributeError(
                f"no check called {name!r}; this exercise has {', '.join(self._tasks)}"
            ) from None

    def hint(self, task: int, level: int = 1) -> None:
        """Show a hint for task number ``task``."""
        key = f"task{task}"
        if key not in self._tasks:
            print(f"💡 There is no task {task}; this exercise has tasks 1–{len(self._tasks)}.")
            return
        self._tasks[key].hint(level)

    def tasks(self) -> dict[str, Task]:
        """All tasks by name (``task1`` ...)."""
        return dict(self._tasks)
