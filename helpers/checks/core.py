"""The self-check engine: an exercise's tasks are data, one engine judges them (after Kaggle learntools).

A check never raises and never prints the expected value. It says one of:

* ⏳ ``unanswered``: the blank ``...`` is still there;
* ✅ ``correct``;
* ❌ ``incorrect``: what looks wrong and how to move forward;
* ⚠️ ``error``: the answer (or the learner's last cell) raised, in plain words;
* 📝 ``recorded``: a written answer, graded later by the trainer.

Declaring an exercise
---------------------
Each module in :mod:`helpers.checks` (``pareto`` = exercise 01 …) is a *reference*
class (what the answers are compared with, computed lazily from the shipped data
or from tables given in tests) plus a ``TASKS`` table::

    TASKS = (
        NumberTask("task2", points=2, reference=lambda r: r.top_share(0.2),
                   mistakes=[percent_mistake(), Mistake(lambda x, r: close(x, 0.2, 1e-9), {"en": ..., "zh": ...})],
                   hints=[{"en": ..., "zh": ...}, ...]),
        ChoiceTask("task5", points=2, salt=SALT, answer_digest="…"),   # the letter never ships in clear
    )

The task kinds: :class:`NumberTask` (with :func:`CountTask` for whole numbers),
:class:`SeriesTask`, :class:`FrameTask`, :class:`IdListTask`, :class:`LabelTask`
(one name from a list, the right one computed from data), :class:`ChoiceTask`
(multiple choice judged by a salted SHA-256 digest), :class:`RecordTask` (several
numbers in one check), :class:`FunctionTask` (a learner-written function called
on declared inputs) and :class:`WrittenTask` (prose for the trainer). Every task
has a ``name`` (``task1`` …), ``points``, ``hints`` (a ladder, gentle first),
``mistakes`` (:class:`Mistake`: a predicate on the answer and the reference, and
the message naming that known wrong answer) and its messages. Every message is
``{"en": ..., "zh": ...}`` (or a plain string, used for both); :class:`Checks`
picks the language from its ``lang`` (``make_checks(lang="zh")`` or
``check.lang = "zh"``).

Two phases: collect, then judge
-------------------------------
Judging is split so that a grader can run the learner's notebook in a sandbox
holding no expected value and judge outside it:

1. :func:`collect` ``(task, *answers) -> dict`` turns the learner's answer into
   plain JSON data: a number becomes ``{"type": "number", "value": 0.71}``, a
   Series ``{"type": "Series", "index": [...], "values": [...]}``, a DataFrame
   its index and the task's columns, a learner function its results on the
   task's declared inputs (an exception in the learner's code is recorded as
   ``{"type": "error", "error": "ZeroDivisionError: ..."}``), a blank
   ``{"blank": true}``. Collecting needs no reference, no expected value and no
   salt: it only reads the answer.
2. :func:`judge` ``(task, collected, reference, lang) -> Feedback`` compares the
   collected data with the reference. It never calls learner code (it sees only
   plain data), so an answer object cannot fool it.

The visible check in a notebook is ``judge(collect(answer))``:
``check.task2(top20)`` displays it, ``check.task2.evaluate(top20)`` returns it.
:func:`helpers.checks.exercise_tasks` lists every exercise's tasks with their
points (for a gradebook).

"Your last cell stopped with an error"
--------------------------------------
Importing this module inside IPython registers ``pre_run_cell`` and
``post_run_cell`` callbacks (:func:`watch_errors`) that remember whether the
cell run just before the current one raised (``error_before_exec``, e.g. a
syntax error, or ``error_in_exec``). A check shown
right after a cell that stopped with an error says so instead of judging the
stale value (a learner who typed ``top20 = 71.1%`` is not told about their
previous answer). Outside IPython (plain Python, grading) it does nothing.

Examples
--------
>>> task = NumberTask("task1", points=1, reference=lambda r: 0.5,
...                   mistakes=[percent_mistake()], hints=["Divide the part by the whole."])
>>> collect(task, 50)
{'answer': {'type': 'number', 'value': 50}}
>>> judge(task, collect(task, 50)).message
'A share is a fraction between 0 and 1: you gave a percentage. Divide by 100.'
>>> print(judge(task, collect(task, 0.5), lang="zh"))
✅ 第 1 题 — 正确！
"""

from __future__ import annotations

import hashlib
import html
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

Status = Literal["correct", "incorrect", "unanswered", "error", "recorded"]
#: A message in both languages (``{"en": ..., "zh": ...}``), or one string used for both.
Text = Union[str, Mapping[str, str]]
#: The languages every message exists in.
LANGUAGES: tuple[str, ...] = ("en", "zh")

_ICON = {"correct": "✅", "incorrect": "❌", "unanswered": "⏳", "error": "⚠️", "recorded": "📝"}
_COLOR = {"correct": "#1a7f37", "incorrect": "#b35900", "unanswered": "#57606a", "error": "#b35900",
          "recorded": "#57606a"}

#: The engine's own words, in both languages.
UI: dict[str, dict[str, str]] = {
    "head_correct": {"en": "Correct!", "zh": "正确！"},
    "head_incorrect": {"en": "Not yet.", "zh": "还不对。"},
    "head_unanswered": {"en": "Not answered yet.", "zh": "还没有作答。"},
    "head_error": {"en": "Could not check this answer.", "zh": "无法检查这个答案。"},
    "head_recorded": {"en": "Recorded.", "zh": "已记录。"},
    "task": {"en": "Task {n}", "zh": "第 {n} 题"},
    "blank": {"en": "Replace the `...` with your answer and run the cell again.",
              "zh": "把 `...` 换成你的答案，然后重新运行这个单元格。"},
    "raised": {"en": "Your answer raised {error}. Look at the type of what you stored (run "
                     "`type(your_variable)`) and try again.",
               "zh": "你的答案引发了错误 {error}。先看看你存的是什么类型（运行 `type(你的变量)`），再试一次。"},
    "last_cell": {"en": "Your last cell stopped with an error: fix it and run it again, then run this check. "
                        "(This check did not look at the old value.)",
                  "zh": "你上一个单元格运行时出错停下了：先改正它并重新运行，再运行这个检查。（本次检查没有判断旧的值。）"},
    "hint": {"en": "💡 {task}, hint {level} of {count}: {text}", "zh": "💡 {task}，提示 {level}/{count}：{text}"},
    "no_hint": {"en": "💡 {task}: no hint for this task; re-read the task text.",
                "zh": "💡 {task}：这道题没有提示，请再读一遍题目。"},
    "no_task": {"en": "💡 There is no task {n}; this exercise has tasks 1–{count}.",
                "zh": "💡 没有第 {n} 题；这个练习共有第 1–{count} 题。"},
    "correct": {"en": "", "zh": ""},
    "otherwise": {"en": "Compare your steps with the task text and the hints (check.hint).",
                  "zh": "对照题目和提示（check.hint）再检查一下你的步骤。"},
    "want_number": {"en": "Expected one number; you stored a {type}.", "zh": "这里需要一个数字，你存的是 {type}。"},
    "want_series": {"en": "Expected a pandas Series, one value per customer; you stored a {type}.",
                    "zh": "这里需要一个 pandas Series（每位客户一个值），你存的是 {type}。"},
    "want_frame": {"en": "Expected a table (DataFrame); you stored a {type}.",
                   "zh": "这里需要一张表（DataFrame），你存的是 {type}。"},
    "want_ids": {"en": "Expected a list (or Index) of customer ids; you stored a {type}.",
                 "zh": "这里需要一个客户编号的列表（或 Index），你存的是 {type}。"},
    "want_text": {"en": "Answer with text in quotes.", "zh": "请用引号里的文字作答。"},
    "want_letter": {"en": "Answer with one letter in quotes: {listed}.", "zh": "请用引号里的一个字母作答：{listed}。"},
    "want_function": {"en": "Pass the function itself, without brackets after its name.",
                      "zh": "请传入函数本身，函数名后面不要加括号。"},
    "missing_customers": {"en": "Some customers are missing.", "zh": "有些客户不见了。"},
    "missing_columns": {"en": "The table has no column(s) {missing}.", "zh": "表里缺少这些列：{missing}。"},
    "recorded": {"en": "Your written answer is recorded; your trainer grades it with the rubric.",
                 "zh": "你的书面回答已记录，培训师会按评分标准批改。"},
    "function_blank": {"en": "Fill in the `...` lines inside the function, then run its cell and this one again.",
                       "zh": "先把函数里的 `...` 补全，运行函数所在的单元格，再运行这个检查。"},
    "function_not_number": {"en": "The function should return one number; it returned a {type}.",
                            "zh": "函数应当返回一个数字，它返回的是 {type}。"},
}


def text(message: Text, lang: str = "en", **fields: Any) -> str:
    """One message in ``lang``, with ``{fields}`` filled in when given.

    Parameters
    ----------
    message : str or mapping
        A plain string (used for every language) or ``{"en": ..., "zh": ...}``.
    lang : {"en", "zh"}
        The language; a message missing in ``lang`` falls back to English.
    **fields
        Values for ``{name}`` placeholders; without fields the text is returned as written.

    Returns
    -------
    str

    Examples
    --------
    >>> text({"en": "Task {n}", "zh": "第 {n} 题"}, "zh", n=2)
    '第 2 题'
    >>> text("Use {braces} freely")
    'Use {braces} freely'
    """
    if isinstance(message, Mapping):
        message = message.get(lang) or message.get("en", "")
    return message.format(**fields) if fields else message


def msg(en: str, zh: str) -> dict[str, str]:
    """A message in both languages: ``msg("Correct.", "正确。")`` is ``{"en": ..., "zh": ...}``.

    Parameters
    ----------
    en : str
    zh : str

    Returns
    -------
    dict

    Examples
    --------
    >>> text(msg("Divide by 100.", "请除以 100。"), "zh")
    '请除以 100。'
    """
    return {"en": en, "zh": zh}


def task_label(name: str, lang: str = "en") -> str:
    """The learner-facing title of a task name: ``task2`` → "Task 2" (or "第 2 题").

    Parameters
    ----------
    name : str
        A task name such as ``"task2"``.
    lang : {"en", "zh"}

    Returns
    -------
    str

    Examples
    --------
    >>> task_label("task2"), task_label("task2", "zh"), task_label("Task 7")
    ('Task 2', '第 2 题', 'Task 7')
    """
    if name.startswith("task") and name[4:].isdigit():
        return text(UI["task"], lang, n=int(name[4:]))
    return name


@dataclass(frozen=True, repr=False)
class Feedback:
    """The verdict on one task, as data (status + a message for the learner).

    Parameters
    ----------
    task : str
        The title shown (``"Task 1"``).
    status : {"correct", "incorrect", "unanswered", "error", "recorded"}
    message : str
        What is wrong and how to move forward; never the expected value.
    lang : {"en", "zh"}
        The language of the heading.

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
    lang: str = "en"

    @property
    def passed(self) -> bool:
        """True when the answer is correct."""
        return self.status == "correct"

    def __str__(self) -> str:
        head = text(UI[f"head_{self.status}"], self.lang)
        return f"{_ICON[self.status]} {self.task} — {head} {self.message}".rstrip()

    __repr__ = __str__

    def _repr_html_(self) -> str:
        head = text(UI[f"head_{self.status}"], self.lang)
        return (
            f'<div style="color:{_COLOR[self.status]};font-size:1.05em">'
            f"{_ICON[self.status]} <b>{html.escape(self.task)}</b> — {head} "
            f"{html.escape(self.message)}</div>"
        )


def is_blank(value: Any) -> bool:
    """True for the exercise blank ``...`` (and None): the learner has not answered.

    Parameters
    ----------
    value : object

    Returns
    -------
    bool

    Examples
    --------
    >>> is_blank(...), is_blank(None), is_blank(0)
    (True, True, False)
    """
    return value is Ellipsis or value is None


def as_number(value: Any) -> float | None:
    """The answer as a float, or None when it is not a single number.

    Parameters
    ----------
    value : object

    Returns
    -------
    float or None
        None for text, booleans, collections and NaN.

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
        if isinstance(value, np.bool_):
            return None
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

    Parameters
    ----------
    a, b : float
    tol : float
        The largest difference still called equal.

    Returns
    -------
    bool

    Examples
    --------
    >>> close(0.1 + 0.2, 0.3)
    True
    """
    return abs(a - b) <= tol


# ----------------------------------------------------------------------------- phase 1: answers as plain data
def _scalar(value: Any) -> Any:
    """One cell's value as a JSON scalar (numbers, text, booleans; NaN and missing as None)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return bool(value)
    number = as_number(value)
    if number is not None:
        if math.isinf(number):
            return str(number)
        return int(number) if isinstance(value, int) or (type(value).__name__.startswith(("int", "uint"))) else number
    try:
        if value != value:  # NaN, NaT, pd.NA
            return None
    except (TypeError, ValueError):
        return None
    return str(value)


def encode(value: Any, columns: Sequence[str] | None = None) -> dict[str, Any]:
    """A learner's answer as JSON-serialisable data (the sandbox side of grading).

    Parameters
    ----------
    value : object
        The answer: a number, text, a pandas Series or DataFrame, a list of ids …
    columns : sequence of str, optional
        For a DataFrame, the columns to keep (default: all).

    Returns
    -------
    dict
        ``{"type": ..., ...}``; types are ``blank``, ``number``, ``bool``, ``str``,
        ``Series``, ``DataFrame``, ``list`` and ``other`` (only the type's name).

    Examples
    --------
    >>> import pandas as pd
    >>> encode(pd.Series([1.5, 2.0], index=["a", "b"]))
    {'type': 'Series', 'dtype': 'float64', 'index': ['a', 'b'], 'values': [1.5, 2.0], 'range_index': False}
    >>> encode(float("nan")), encode({"a": 1})
    ({'type': 'number', 'value': None}, {'type': 'other', 'name': 'dict'})
    """
    import numpy as np
    import pandas as pd

    if is_blank(value):
        return {"type": "blank"}
    if isinstance(value, (bool, np.bool_)):
        return {"type": "bool", "value": bool(value)}
    if isinstance(value, str):
        return {"type": "str", "value": str(value)}
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "iuf":
        value = value.item()
    if isinstance(value, (int, float, np.number)):
        return {"type": "number", "value": None if as_number(value) is None else _scalar(value)}
    if isinstance(value, pd.Series):
        return {"type": "Series", "dtype": str(value.dtype), "index": [_scalar(i) for i in value.index],
                "values": [_scalar(v) for v in value.tolist()],
                "range_index": isinstance(value.index, pd.RangeIndex)}
    if isinstance(value, pd.DataFrame):
        keep = [c for c in (columns if columns is not None else value.columns) if c in value.columns]
        return {"type": "DataFrame", "columns": [str(c) for c in value.columns], "n_rows": int(len(value)),
                "index": [_scalar(i) for i in value.index],
                "data": {str(c): [_scalar(v) for v in value[c].tolist()] for c in keep}}
    if isinstance(value, (list, tuple, set, frozenset, pd.Index, np.ndarray)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        return {"type": "list", "values": [_scalar(v) for v in items]}
    return {"type": "other", "name": type(value).__name__}


def decode(data: Mapping[str, Any]) -> Any:
    """The Python value of :func:`encode`'s data (pandas objects for Series and DataFrame).

    Parameters
    ----------
    data : dict
        What :func:`encode` returned (or the same after a JSON round trip).

    Returns
    -------
    object
        A float, str, bool, list, ``pandas.Series`` or ``pandas.DataFrame``; for
        ``other`` the :class:`Other` placeholder naming the type.

    Examples
    --------
    >>> import pandas as pd
    >>> decode(encode(pd.Series([1.5], index=["a"]))).to_dict()
    {'a': 1.5}
    >>> decode({"type": "number", "value": None})
    nan
    """
    import pandas as pd

    kind = data.get("type")
    if kind == "number":
        value = data.get("value")
        return float("nan") if value is None else (float(value) if isinstance(value, str) else value)
    if kind in ("str", "bool"):
        return data["value"]
    if kind == "list":
        return list(data["values"])
    if kind == "Series":
        values = data["values"]
        series = pd.Series(values, index=pd.Index(data["index"], dtype=object), dtype=_dtype(data.get("dtype"), values))
        series.attrs["range_index"] = bool(data.get("range_index"))
        return series
    if kind == "DataFrame":
        frame = pd.DataFrame(index=pd.Index(data["index"], dtype=object))
        for c in data["columns"]:
            values = data["data"].get(c)
            frame[c] = None if values is None else pd.Series(values, index=frame.index, dtype=_dtype(None, values))
        return frame
    if kind == "blank":
        return Ellipsis
    return Other(str(data.get("name", "object")))


def _dtype(declared: str | None, values: list[Any]) -> Any:
    if declared == "bool" or (values and all(isinstance(v, bool) for v in values)):
        return bool
    if values and all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values):
        return float
    return object


@dataclass(frozen=True)
class Other:
    """Stands for an answer of a type the checks do not read (only its type's name is kept).

    Parameters
    ----------
    name : str
        The type's name, for messages such as "you stored a dict".

    Examples
    --------
    >>> decode(encode({"a": 1}))
    Other(name='dict')
    """

    name: str


def type_name(value: Any) -> str:
    """The type's name as a learner would see it (``Other`` gives the original type's name).

    Parameters
    ----------
    value : object

    Returns
    -------
    str

    Examples
    --------
    >>> type_name(Other("dict")), type_name(3.0), type_name([1])
    ('dict', 'float', 'list')
    """
    return value.name if isinstance(value, Other) else type(value).__name__


# ----------------------------------------------------------------------------- declarations
@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: a predicate on the answer and the reference, and the message naming it.

    Parameters
    ----------
    when : callable
        ``when(answer, ref) -> bool``; ``ref`` is a :class:`Context`: the exercise's
        reference (its attributes pass through) plus ``ref.expected`` (the task's
        reference value) and ``ref.tol``.
    message : str or {"en": ..., "zh": ...}
        What the learner did and how to fix it; never the expected value.
    status : {"incorrect", "error"}
        The verdict when it matches.

    Examples
    --------
    >>> m = Mistake(lambda x, r: x > 1, "A share is at most 1.")
    >>> m.when(80, None), text(m.message)
    (True, 'A share is at most 1.')
    """

    when: Callable[[Any, Any], bool]
    message: Text
    status: Status = "incorrect"


def near(value_of: Callable[[Any], float], message: Text, tol: float | None = None) -> Mistake:
    """A mistake that matches answers close to ``value_of(ref)`` (a wrong number someone typically gets).

    Parameters
    ----------
    value_of : callable
        ``value_of(ref) -> float``: the wrong value.
    message : str or mapping
    tol : float, optional
        The closeness; default the task's tolerance.

    Returns
    -------
    Mistake

    Examples
    --------
    >>> m = near(lambda r: 0.2, "0.2 is the share of customers.", tol=1e-9)
    >>> m.when(0.2, None)
    True
    """
    def when(x: Any, ref: Any) -> bool:
        return close(x, value_of(ref), tol if tol is not None else ref.tol)

    return Mistake(when, message)


def percent_mistake(message: Text | None = None) -> Mistake:
    """The answer is the expected share written as a percentage (80 instead of 0.8).

    Parameters
    ----------
    message : str or mapping, optional
        Default: "A share is a fraction between 0 and 1: you gave a percentage. Divide by 100."

    Returns
    -------
    Mistake

    Examples
    --------
    >>> task = NumberTask("task1", reference=lambda r: 0.5, mistakes=[percent_mistake()])
    >>> judge(task, collect(task, 50)).message[:30]
    'A share is a fraction between '
    """
    return Mistake(lambda x, r: 1 < x <= 100 and close(x / 100, r.expected, r.tol), message or SHARE_PERCENT)


#: The message of :func:`percent_mistake`.
SHARE_PERCENT: dict[str, str] = {
    "en": "A share is a fraction between 0 and 1: you gave a percentage. Divide by 100.",
    "zh": "占比是 0 到 1 之间的小数，你填的是百分数：请除以 100。",
}


class Context:
    """What a mistake's predicate sees as ``ref``: the reference's attributes plus ``expected`` and ``tol``.

    Parameters
    ----------
    reference : object
        The exercise's reference (e.g. a :class:`helpers.checks._reference.CompanyReference`).
    task : Task
        The task being judged.

    Examples
    --------
    >>> class Ref:
    ...     total = 10
    >>> ctx = Context(Ref(), NumberTask("task1", reference=lambda r: r.total / 2))
    >>> ctx.expected, ctx.total, ctx.tol
    (5.0, 10, 0.0005)
    """

    def __init__(self, reference: Any, task: "Task") -> None:
        self.reference = reference
        self.task = task
        self.tol = getattr(task, "tolerance", 0.0)
        self._expected: Any = _UNSET

    @property
    def expected(self) -> Any:
        """The task's reference value (computed once)."""
        if self._expected is _UNSET:
            self._expected = self.task.expected(self.reference)
        return self._expected

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["reference"], name)


_UNSET = object()
Verdict = tuple[Status, Text]


@dataclass(eq=False)
class Task:
    """One exercise task declared as data; the kinds below say how answers are compared.

    Parameters
    ----------
    name : str
        ``task1`` … ``taskN``: the attribute of ``check`` and the nbgrader grade id.
    points : float
        Points in the gradebook.
    hints : sequence of messages
        A ladder: gentle first, the last nearly the method (never the value).
    mistakes : sequence of Mistake
        Known wrong answers, tried in order after the comparison fails.
    guards : sequence of Mistake
        Checks on the answer's shape, tried in order before the comparison.
    correct : message
        Shown with ✅.
    otherwise : message
        Shown when the answer is wrong and no mistake matches.
    wrong_type : message, optional
        Shown when the answer has the wrong type (``{type}`` is filled in).

    Examples
    --------
    >>> t = NumberTask("task1", points=2, reference=lambda r: 2, tolerance=0)
    >>> t.points, judge(t, collect(t, 2)).status, judge(t, collect(t, ...)).status
    (2, 'correct', 'unanswered')
    """

    name: str
    points: float = 0
    hints: Sequence[Text] = ()
    mistakes: Sequence[Mistake] = ()
    guards: Sequence[Mistake] = ()
    correct: Text = ""
    otherwise: Text = field(default_factory=lambda: UI["otherwise"])
    wrong_type: Text | None = None

    kind: ClassVar[str] = "task"
    #: The answers ``check.taskN(...)`` takes.
    params: ClassVar[tuple[str, ...]] = ("answer",)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Document the common fields (name, points, hints …) in every task kind's Parameters, written once here."""
        super().__init_subclass__(**kwargs)
        doc = cls.__doc__ or ""
        if "Parameters\n    ----------" in doc and "\n    name : str" not in doc and "\n    Examples\n" in doc:
            common = Task.__doc__.split("----------\n", 1)[1].split("\n\n    Examples", 1)[0]
            cls.__doc__ = doc.replace("\n\n    Examples\n", "\n" + common + "\n\n    Examples\n", 1)

    # ---- phase 1
    def collect(self, *answers: Any) -> dict[str, Any]:
        """The learner's answer(s) as JSON data (see :func:`collect`)."""
        self._arity(answers)
        if any(is_blank(a) for a in answers):
            return {"blank": True}
        return {"answer": encode(answers[0], getattr(self, "columns", None))}

    def _arity(self, answers: tuple[Any, ...]) -> None:
        if len(answers) != len(self.params):
            raise TypeError(f"{self.name} takes {len(self.params)} answer(s) ({', '.join(self.params)}); "
                            f"you passed {len(answers)}")

    # ---- phase 2
    def expected(self, reference: Any) -> Any:
        """The reference value this task compares with (never shown to the learner)."""
        return self.reference(reference) if callable(getattr(self, "reference", None)) else None

    def judge(self, collected: Mapping[str, Any], reference: Any = None, lang: str = "en") -> Feedback:
        """The verdict on collected data (see :func:`judge`)."""
        label = task_label(self.name, lang)
        if collected.get("blank"):
            return Feedback(label, "unanswered", text(UI["blank"], lang), lang)
        if "error" in collected:
            return Feedback(label, "error", text(UI["raised"], lang, error=collected["error"]), lang)
        try:
            status, message = self._verdict(collected, Context(reference, self), lang)
        except Exception as exc:  # a check must never crash the learner's notebook
            return Feedback(label, "error", text(UI["raised"], lang, error=f"{type(exc).__name__}: {exc}"), lang)
        return Feedback(label, status, message if isinstance(message, str) else text(message, lang), lang)

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        answer = decode(collected["answer"])
        problem = self.check_type(answer, lang)
        if problem is not None:
            return "incorrect", problem
        answer = self.prepare(answer)
        for mistake in self.guards:
            if mistake.when(answer, ctx):
                return mistake.status, text(mistake.message, lang, **self.fields(answer, ctx))
        problem = self.shape_problem(answer, ctx)
        if problem is not None:
            return "incorrect", problem
        if self.compare(answer, ctx):
            return "correct", self.correct
        for mistake in self.mistakes:
            if mistake.when(answer, ctx):
                return mistake.status, mistake.message
        return "incorrect", self.otherwise

    # ---- what the kinds override
    def check_type(self, answer: Any, lang: str) -> str | None:
        """The wrong-type message (in ``lang``), or None when the answer has a type this task reads."""
        return None

    def prepare(self, answer: Any) -> Any:
        """The answer in the form the guards, the comparison and the mistakes see."""
        return answer

    def fields(self, answer: Any, ctx: Context) -> dict[str, Any]:
        """Values for ``{placeholders}`` in guard messages."""
        return {}

    def shape_problem(self, answer: Any, ctx: Context) -> Text | None:
        """A problem found after the guards and before the comparison (e.g. missing customers)."""
        return None

    def _wrong_type(self, default: Text, answer: Any, lang: str) -> str:
        return text(self.wrong_type or default, lang, type=type_name(answer))

    def compare(self, answer: Any, ctx: Context) -> bool:
        """True when the answer matches the reference."""
        raise NotImplementedError


@dataclass(eq=False)
class NumberTask(Task):
    """One number compared with a reference value within a tolerance.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> float``.
    tolerance : float
        Largest accepted difference (absolute, or relative to the reference when ``relative``).
    relative : bool

    Examples
    --------
    >>> t = NumberTask("task2", reference=lambda r: 0.71, tolerance=5e-4)
    >>> judge(t, collect(t, 0.7104)).status, judge(t, collect(t, "0.71")).message
    ('correct', 'Expected one number; you stored a str.')
    """

    reference: Callable[[Any], float] | None = None
    tolerance: float = 5e-4
    relative: bool = False
    kind: ClassVar[str] = "number"

    def check_type(self, answer: Any, lang: str) -> str | None:
        return None if as_number(answer) is not None else self._wrong_type(UI["want_number"], answer, lang)

    def prepare(self, answer: Any) -> float:
        return float(answer)

    def compare(self, answer: float, ctx: Context) -> bool:
        expected = float(ctx.expected)
        tol = self.tolerance * abs(expected) if self.relative else self.tolerance
        return close(answer, expected, tol)


def CountTask(name: str, **kwargs: Any) -> NumberTask:  # noqa: N802 - a task kind, named like the others
    """A whole number compared exactly (a count of customers, a day count …).

    Parameters
    ----------
    name : str
    **kwargs
        As for :class:`NumberTask` (``tolerance`` is 0).

    Returns
    -------
    NumberTask

    Examples
    --------
    >>> t = CountTask("task2", reference=lambda r: 3)
    >>> judge(t, collect(t, 3)).status, judge(t, collect(t, 3.2)).status
    ('correct', 'incorrect')
    """
    return NumberTask(name, tolerance=0.0, **kwargs)


#: Another name for :func:`CountTask`.
IntegerTask = CountTask


@dataclass(eq=False)
class SeriesTask(Task):
    """One value per customer (a Series), compared by index and values.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> pandas.Series`` indexed by customer id.
    tolerance : float
        For numbers; text values (classes) must be equal.
    frame_message : message
        Shown when the learner stored a whole table.
    missing : message
        Shown when some customers of the reference are missing from the answer.

    Examples
    --------
    >>> import pandas as pd
    >>> t = SeriesTask("task1", reference=lambda r: pd.Series([2.0, 1.0], index=["a", "b"]))
    >>> judge(t, collect(t, pd.Series([1.0, 2.0], index=["b", "a"]))).status
    'correct'
    """

    reference: Callable[[Any], Any] | None = None
    tolerance: float = 1e-6
    frame_message: Text | None = None
    missing: Text = field(default_factory=lambda: UI["missing_customers"])
    kind: ClassVar[str] = "series"

    def check_type(self, answer: Any, lang: str) -> str | None:
        import pandas as pd

        if isinstance(answer, pd.DataFrame) and self.frame_message:
            return text(self.frame_message, lang)
        return None if isinstance(answer, pd.Series) else self._wrong_type(UI["want_series"], answer, lang)

    def prepare(self, answer: Any) -> Any:
        return answer.set_axis(answer.index.astype(str))

    def fields(self, answer: Any, ctx: Context) -> dict[str, Any]:
        return {"got": len(answer), "n": len(ctx.expected)}

    def shape_problem(self, answer: Any, ctx: Context) -> Text | None:
        return self.missing if answer.reindex(ctx.expected.index.astype(str)).isna().any() else None

    def compare(self, answer: Any, ctx: Context) -> bool:
        expected = ctx.expected
        got = answer.reindex(expected.index.astype(str))
        return _same(got.to_numpy(), expected.to_numpy(), self.tolerance)


def _same(got: Any, expected: Any, tol: float) -> bool:
    import numpy as np

    try:
        return bool(np.allclose(got.astype(float), expected.astype(float), rtol=0, atol=tol))
    except (TypeError, ValueError):
        return bool((got.astype(str) == expected.astype(str)).all())


@dataclass(eq=False)
class FrameTask(Task):
    """A table with one row per customer: the task's columns compared by index and values.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> pandas.DataFrame`` holding at least ``columns``.
    columns : sequence of str
        The columns compared (and the only ones collected).
    tolerance : float
        Largest accepted difference per value (0: equal).
    missing_columns : message
        ``{missing}`` lists the absent columns.
    missing : message
        Some customers of the reference are missing.

    Examples
    --------
    >>> import pandas as pd
    >>> t = FrameTask("task1", reference=lambda r: pd.DataFrame({"x": [1.0]}, index=["a"]), columns=("x",))
    >>> judge(t, collect(t, pd.DataFrame({"y": [1.0]}, index=["a"]))).message
    "The table has no column(s) ['x']."
    """

    reference: Callable[[Any], Any] | None = None
    columns: Sequence[str] = ()
    tolerance: float = 1e-6
    missing_columns: Text = field(default_factory=lambda: UI["missing_columns"])
    missing: Text = field(default_factory=lambda: UI["missing_customers"])
    kind: ClassVar[str] = "frame"

    def check_type(self, answer: Any, lang: str) -> str | None:
        import pandas as pd

        if not isinstance(answer, pd.DataFrame):
            return self._wrong_type(UI["want_frame"], answer, lang)
        absent = [c for c in self.columns if c not in answer.columns]
        return text(self.missing_columns, lang, missing=absent) if absent else None

    def prepare(self, answer: Any) -> Any:
        return answer.set_axis(answer.index.astype(str))

    def fields(self, answer: Any, ctx: Context) -> dict[str, Any]:
        return {"got": len(answer), "n": len(ctx.expected)}

    def got(self, answer: Any, ctx: Context) -> Any:
        """The answer's compared columns, in the reference's customer order."""
        return answer.reindex(ctx.expected.index.astype(str))[list(self.columns)]

    def shape_problem(self, answer: Any, ctx: Context) -> Text | None:
        return self.missing if self.got(answer, ctx).isna().any().any() else None

    def compare(self, answer: Any, ctx: Context) -> bool:
        return _same(self.got(answer, ctx).to_numpy(), ctx.expected[list(self.columns)].to_numpy(), self.tolerance)


@dataclass(eq=False)
class IdListTask(Task):
    """A list of customer ids, compared as a set (or as a list when ``ordered``).

    A DataFrame gives its index, a boolean Series the ids where it is True, a
    Series with a default 0, 1, 2 … index its values, any other Series its index.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> list of ids``.
    ordered : bool
        True when the order matters (a top-10 list).
    number_message : message, optional
        Shown when the learner stored a single number instead of ids.

    Examples
    --------
    >>> t = IdListTask("task3", reference=lambda r: ["a", "c"])
    >>> judge(t, collect(t, ["c", "a"])).status, judge(t, collect(t, "ac")).status
    ('correct', 'incorrect')
    """

    reference: Callable[[Any], Sequence[str]] | None = None
    ordered: bool = False
    number_message: Text | None = None
    kind: ClassVar[str] = "ids"

    def collect(self, *answers: Any) -> dict[str, Any]:
        import pandas as pd

        self._arity(answers)
        (answer,) = answers
        if is_blank(answer):
            return {"blank": True}
        if isinstance(answer, pd.DataFrame):
            ids: Any = answer.index
        elif isinstance(answer, pd.Series) and answer.dtype == bool:
            ids = answer.index[answer.to_numpy()]
        elif isinstance(answer, pd.Series):
            ids = answer.to_numpy() if isinstance(answer.index, pd.RangeIndex) else answer.index
        else:
            return {"answer": encode(answer)}
        return {"answer": {"type": "list", "values": [str(i) for i in ids]}}

    def check_type(self, answer: Any, lang: str) -> str | None:
        if isinstance(answer, (int, float)) and not isinstance(answer, bool) and self.number_message:
            return text(self.number_message, lang)
        return None if isinstance(answer, list) else self._wrong_type(UI["want_ids"], answer, lang)

    def prepare(self, answer: list[Any]) -> list[str]:
        return [str(i) for i in answer]

    def fields(self, answer: Any, ctx: Context) -> dict[str, Any]:
        return {"got": len(answer)}

    def compare(self, answer: list[str], ctx: Context) -> bool:
        expected = [str(i) for i in ctx.expected]
        return answer == expected if self.ordered else set(answer) == set(expected)


#: Another name for :class:`IdListTask` (ids compared as a set).
SetTask = IdListTask


def normalise_label(value: str) -> str:
    """A typed name in the form the checks compare: trimmed, lower case, spaces and dashes as ``_``.

    Parameters
    ----------
    value : str

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_label(" Can't Lose "), normalise_label("one-time")
    ('cant_lose', 'one_time')
    """
    return value.strip().lower().replace("'", "").replace("-", "_").replace(" ", "_")


@dataclass(eq=False)
class LabelTask(Task):
    """One name from a known list (a segment, a stage, a level), the right one computed from the data.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> str``: the right name.
    labels : sequence of str or callable
        The names a learner may give (or ``labels(ref)``); others get ``unknown``.
    unknown : message
        ``{labels}`` lists the allowed names.

    Examples
    --------
    >>> t = LabelTask("task3", reference=lambda r: "loyal", labels=("new", "loyal"),
    ...               unknown="Use one of: {labels}.")
    >>> judge(t, collect(t, " Loyal")).status, judge(t, collect(t, "gold")).message
    ('correct', 'Use one of: new, loyal.')
    """

    reference: Callable[[Any], str] | None = None
    labels: Sequence[str] | Callable[[Any], Sequence[str]] = ()
    unknown: Text = ""
    kind: ClassVar[str] = "label"

    def check_type(self, answer: Any, lang: str) -> str | None:
        if not isinstance(answer, str):
            return self._wrong_type(UI["want_text"], answer, lang)
        return None

    def prepare(self, answer: str) -> str:
        return normalise_label(answer)

    def allowed(self, ctx: Context) -> list[str]:
        """The names a learner may give."""
        labels = self.labels(ctx.reference) if callable(self.labels) else self.labels
        return [str(x) for x in labels]

    def compare(self, answer: str, ctx: Context) -> bool:
        return answer == normalise_label(str(ctx.expected))

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        status, message = super()._verdict(collected, ctx, lang)
        answer = decode(collected["answer"])
        if status == "incorrect" and isinstance(answer, str) and self.unknown:
            if normalise_label(answer) not in self.allowed(ctx) and not any(m.when(normalise_label(answer), ctx)
                                                                          for m in self.mistakes):
                return "incorrect", text(self.unknown, lang, labels=", ".join(self.allowed(ctx)))
        return status, message


def choice_digest(salt: str, task: str, letter: str) -> str:
    """The salted SHA-256 digest that stands for a multiple-choice letter in the shipped checks.

    ``sha256(salt + ":" + task + ":" + letter)`` with the letter trimmed and in lower
    case. The salt (the exercise's, e.g. ``"tiering-kit/04_rfm"``) ships with the
    checks: it keeps the letter out of plain sight and makes digests differ between
    tasks and exercises; it is not a secret. Authors compute digests with
    ``python -m helpers.checks digest MODULE TASK LETTER``.

    Parameters
    ----------
    salt : str
    task : str
        The task name (``"task5"``).
    letter : str

    Returns
    -------
    str
        64 hexadecimal digits.

    Examples
    --------
    >>> choice_digest("demo", "task1", " B") == choice_digest("demo", "task1", "b")
    True
    >>> len(choice_digest("demo", "task1", "b"))
    64
    """
    return hashlib.sha256(f"{salt}:{task}:{letter.strip().lower()}".encode()).hexdigest()


@dataclass(eq=False)
class ChoiceTask(Task):
    """Multiple choice judged by a salted digest: the right letter never ships in clear.

    Parameters
    ----------
    salt : str
        The exercise's salt (see :func:`choice_digest`).
    answer_digest : str
        ``choice_digest(salt, name, right_letter)``.
    options : str
        The letters offered (``"abc"``).
    why : mapping
        Per wrong letter, keyed by that letter's digest: why that option does not hold.

    Examples
    --------
    >>> t = ChoiceTask("task1", salt="demo", answer_digest=choice_digest("demo", "task1", "b"),
    ...                correct="Yes.", why={choice_digest("demo", "task1", "a"): "No: a."})
    >>> judge(t, collect(t, " B")).status, judge(t, collect(t, "a")).message, judge(t, collect(t, 2)).message
    ('correct', 'No: a.', 'Answer with one letter in quotes: "a", "b" or "c".')
    """

    salt: str = ""
    answer_digest: str = ""
    options: str = "abc"
    why: Mapping[str, Text] = field(default_factory=dict)
    kind: ClassVar[str] = "choice"

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        answer = decode(collected["answer"])
        letters = tuple(self.options)
        if not isinstance(answer, str) or answer.strip().lower() not in letters:
            listed = ", ".join(f'"{x}"' for x in letters[:-1]) + (f' or "{letters[-1]}"' if lang == "en" else f' 或 "{letters[-1]}"')
            return "incorrect", text(UI["want_letter"], lang, listed=listed)
        digest = choice_digest(self.salt, self.name, answer)
        if digest == self.answer_digest:
            return "correct", self.correct
        return "incorrect", self.why.get(digest, self.otherwise)


@dataclass(eq=False)
class Part:
    """One number of a :class:`RecordTask`: its reference, tolerance, mistakes and fallback message.

    Parameters
    ----------
    reference : callable
        ``reference(ref) -> float``.
    tolerance : float
    mistakes : sequence of Mistake
        Their messages are phrases joined with "; " (start them in lower case).
    otherwise : message

    Examples
    --------
    >>> Part(lambda r: 5, 0, (), "recency is off").tolerance
    0
    """

    reference: Callable[[Any], float]
    tolerance: float = 0.0
    mistakes: Sequence[Mistake] = ()
    otherwise: Text = ""


@dataclass(eq=False)
class RecordTask(Task):
    """Several numbers checked together (``check.task1(recency, frequency, monetary)``).

    Every wrong part gets its own phrase; the phrases are joined in one message.

    Parameters
    ----------
    parts : mapping of str to Part
        In the order the learner passes them.

    Examples
    --------
    >>> t = RecordTask("task1", parts={"a": Part(lambda r: 1, 0, (), "a is off"),
    ...                                "b": Part(lambda r: 2, 0, (), "b is off")})
    >>> judge(t, collect(t, 1, 3)).message, judge(t, collect(t, 1, 2)).status
    ('B is off.', 'correct')
    """

    parts: Mapping[str, Part] = field(default_factory=dict)
    kind: ClassVar[str] = "record"

    @property
    def params(self) -> tuple[str, ...]:  # type: ignore[override]
        """The answers, in order."""
        return tuple(self.parts)

    def collect(self, *answers: Any) -> dict[str, Any]:
        self._arity(answers)
        if any(is_blank(a) for a in answers):
            return {"blank": True}
        return {"answer": {"type": "record", "parts": {k: encode(a) for k, a in zip(self.parts, answers)}}}

    def expected(self, reference: Any) -> dict[str, float]:
        return {k: p.reference(reference) for k, p in self.parts.items()}

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        values = {k: as_number(decode(v)) for k, v in collected["answer"]["parts"].items()}
        if any(v is None for v in values.values()):
            return "incorrect", self.wrong_type or UI["want_number"]
        problems = []
        for key, part in self.parts.items():
            x = values[key]
            if close(x, float(part.reference(ctx.reference)), part.tolerance):
                continue
            found = next((m.message for m in part.mistakes if m.when(x, ctx)), part.otherwise)
            problems.append(text(found, lang))
        if not problems:
            return "correct", self.correct
        if lang == "zh":
            return "incorrect", "；".join(problems) + "。"
        joined = "; ".join(problems)
        return "incorrect", joined[:1].upper() + joined[1:] + "."


@dataclass(eq=False)
class FunctionTask(Task):
    """A learner-written function, called on declared inputs and compared with a reference function.

    Collecting calls the learner's function on every input and keeps the results
    (or the exception): the learner's code runs only in phase 1.

    Parameters
    ----------
    inputs : sequence of tuple
        The positional arguments of each call.
    reference : callable
        The right function, called on the same inputs when judging.
    tolerance : float
    mistakes : sequence of Mistake
        Predicates ``when(result, ref)``, where ``ref.args`` is the current input.
    arg_names : sequence of str
        Names of the arguments, usable as ``{name}`` in ``otherwise``.
    otherwise : message
        ``{args}`` is the input for which the result is wrong.
    not_callable : message
        Shown when the answer is not a function (e.g. a number was stored instead of ``def``).

    Examples
    --------
    >>> t = FunctionTask("task7", inputs=[(2, 3), (0, 1)], reference=lambda a, b: a + b,
    ...                  otherwise="Wrong for {args}.")
    >>> judge(t, collect(t, lambda a, b: a * b)).message
    'Wrong for (2, 3).'
    >>> judge(t, collect(t, lambda a, b: a + b)).status
    'correct'
    """

    inputs: Sequence[tuple[Any, ...]] = ()
    reference: Callable[..., Any] | None = None
    tolerance: float = 1e-9
    arg_names: Sequence[str] = ()
    not_callable: Text = field(default_factory=lambda: UI["want_function"])
    kind: ClassVar[str] = "function"

    def collect(self, *answers: Any, inputs: Sequence[tuple[Any, ...]] | None = None) -> dict[str, Any]:
        self._arity(answers)
        (func,) = answers
        if is_blank(func):
            return {"blank": True}
        if not callable(func):
            return {"answer": {"type": "not_callable", "name": type(func).__name__}}
        calls = []
        for args in (inputs if inputs is not None else self.inputs):
            try:
                calls.append(encode(func(*[list(a) if isinstance(a, list) else a for a in args])))
            except Exception as exc:  # the learner's function raised: keep it as data
                calls.append({"type": "error", "error": f"{type(exc).__name__}: {exc}"})
        return {"answer": {"type": "function", "calls": calls}}

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        answer = collected["answer"]
        if answer.get("type") != "function":
            return "incorrect", self.not_callable
        for args, result in zip(self.inputs, answer["calls"]):
            if result.get("type") == "error":
                return "error", text(UI["raised"], lang, error=result["error"])
            if result.get("type") == "blank":
                return "unanswered", UI["function_blank"]
            x = as_number(decode(result))
            if x is None:
                return "incorrect", text(UI["function_not_number"], lang, type=type_name(decode(result)))
            if close(x, float(self.reference(*args)), self.tolerance):
                continue
            case = _Case(ctx.reference, args)
            found = next((m for m in self.mistakes if m.when(x, case)), None)
            if found is not None:
                return found.status, found.message
            shown = ", ".join(repr(a) for a in args)
            return "incorrect", text(self.otherwise, lang, args=f"({shown})", **dict(zip(self.arg_names, args)))
        return "correct", self.correct


class _Case:
    """The ``ref`` a FunctionTask mistake sees: the current input as ``args``."""

    def __init__(self, reference: Any, args: tuple[Any, ...]) -> None:
        self.reference, self.args = reference, args


@dataclass(eq=False)
class WrittenTask(Task):
    """Prose graded by the trainer with the rubric; the check only says that it was recorded.

    Parameters
    ----------
    name, points, hints
        As for :class:`Task`. The verdict is ``recorded`` for any non-empty text,
        ``unanswered`` for a blank; the points are the trainer's to give.

    Examples
    --------
    >>> t = WrittenTask("task8", points=3)
    >>> judge(t, collect(t, "Most margin comes from ...")).status, judge(t, collect(t, ...)).status
    ('recorded', 'unanswered')
    """

    kind: ClassVar[str] = "written"

    def _verdict(self, collected: Mapping[str, Any], ctx: Context, lang: str) -> tuple[Status, Text]:
        answer = decode(collected["answer"])
        if not isinstance(answer, str) or not answer.strip():
            return "unanswered", UI["blank"]
        return "recorded", UI["recorded"]


# ----------------------------------------------------------------------------- the two phases as functions
def collect(task: Task, *answers: Any) -> dict[str, Any]:
    """Phase 1: the learner's answer(s) as JSON-serialisable data (no reference needed).

    Parameters
    ----------
    task : Task
    *answers
        What the learner passes to ``check.taskN(...)``.

    Returns
    -------
    dict
        ``{"blank": True}``, ``{"answer": <encoded>}`` or ``{"error": "..."}`` when
        reading the answer raised.

    Examples
    --------
    >>> collect(NumberTask("task1"), 0.25), collect(NumberTask("task1"), ...)
    ({'answer': {'type': 'number', 'value': 0.25}}, {'blank': True})
    """
    try:
        return task.collect(*answers)
    except Exception as exc:  # a broken answer object is data too
        return {"error": f"{type(exc).__name__}: {exc}"}


def judge(task: Task, collected: Mapping[str, Any], reference: Any = None, lang: str = "en") -> Feedback:
    """Phase 2: the verdict on collected data, compared with the reference (learner code is not called).

    Parameters
    ----------
    task : Task
    collected : dict
        What :func:`collect` returned (possibly after a JSON round trip).
    reference : object, optional
        The exercise's reference (e.g. ``helpers.checks.pareto.Reference()``).
    lang : {"en", "zh"}

    Returns
    -------
    Feedback

    Examples
    --------
    >>> import json
    >>> task = NumberTask("task1", reference=lambda r: 0.25)
    >>> judge(task, json.loads(json.dumps(collect(task, 0.25)))).status
    'correct'
    """
    return task.judge(collected, reference, lang)


# ----------------------------------------------------------------------------- "your last cell stopped with an error"
class _ErrorWatch:
    """Remembers whether the cell run before the current one raised (IPython ``pre_run_cell``/``post_run_cell``).

    Execution counters differ between IPython versions (9 counts the running cell
    before it runs, 8 after), so the watch follows the events instead: when a cell
    starts, the state of the cell that finished last becomes "the previous cell".
    """

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.last_failed = False       # the cell that finished last
        self.previous_failed = False   # the cell before the one running now

    def pre_run_cell(self, info: Any = None) -> None:
        self.previous_failed = self.last_failed

    def post_run_cell(self, result: Any = None) -> None:
        self.last_failed = (getattr(result, "error_in_exec", None) is not None
                            or getattr(result, "error_before_exec", None) is not None)


_WATCHES: dict[int, _ErrorWatch] = {}


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return None
    return get_ipython()


def watch_errors(shell: Any = None) -> bool:
    """Start remembering, in an IPython shell, whether each cell stopped with an error (once per shell).

    Importing :mod:`helpers.checks.core` calls it; outside IPython it does nothing.

    Parameters
    ----------
    shell : IPython InteractiveShell, optional
        Default: the running one (``get_ipython()``).

    Returns
    -------
    bool
        True when a shell is watched.

    Examples
    --------
    >>> watch_errors()   # plain Python: no shell, nothing to watch
    False
    """
    shell = shell if shell is not None else _shell()
    if shell is None or not hasattr(shell, "events"):
        return False
    if id(shell) not in _WATCHES or _WATCHES[id(shell)].shell is not shell:
        watch = _ErrorWatch(shell)
        shell.events.register("pre_run_cell", watch.pre_run_cell)
        shell.events.register("post_run_cell", watch.post_run_cell)
        _WATCHES[id(shell)] = watch
    return True


def last_cell_failed(shell: Any = None) -> bool:
    """True when the cell run just before the current one stopped with an error (IPython only).

    Parameters
    ----------
    shell : IPython InteractiveShell, optional
        Default: the running one.

    Returns
    -------
    bool
        Always False outside IPython.

    Examples
    --------
    >>> last_cell_failed()
    False
    """
    shell = shell if shell is not None else _shell()
    watch = _WATCHES.get(id(shell)) if shell is not None else None
    return bool(watch is not None and watch.shell is shell and watch.previous_failed)


watch_errors()


# ----------------------------------------------------------------------------- the notebook-facing objects
def show(feedback: Feedback) -> None:
    """Display feedback as HTML in Jupyter, or print it elsewhere.

    Parameters
    ----------
    feedback : Feedback

    Returns
    -------
    None

    Examples
    --------
    >>> show(Feedback("Task 1", "unanswered", "Replace the `...`."))
    ⏳ Task 1 — Not answered yet. Replace the `...`.
    """
    if _shell() is not None:
        from IPython.display import display

        display(feedback)
        return
    print(feedback)


class BoundTask:
    """A declared task bound to an exercise's reference and language: what ``check.task2`` is.

    Calling it shows the feedback and returns None, so the verdict never appears
    twice in a cell's output; :meth:`evaluate` returns it as data.

    Parameters
    ----------
    task : Task
    checks : Checks
        Gives the reference and the language.

    Examples
    --------
    >>> check = Checks([NumberTask("task1", reference=lambda r: 2, tolerance=0)])
    >>> check.task1.evaluate(2).status, check.task1.points
    ('correct', 0)
    """

    def __init__(self, task: Task, checks: "Checks") -> None:
        self.task = task
        self._checks = checks

    @property
    def name(self) -> str:
        """The title shown (``"Task 2"``)."""
        return task_label(self.task.name, self._checks.lang)

    @property
    def points(self) -> float:
        """The task's points."""
        return self.task.points

    @property
    def hints(self) -> list[str]:
        """The hint ladder in the current language."""
        return [text(h, self._checks.lang) for h in self.task.hints]

    def collect(self, *answers: Any) -> dict[str, Any]:
        """Phase 1 for this task (see :func:`collect`)."""
        return collect(self.task, *answers)

    def judge(self, collected: Mapping[str, Any]) -> Feedback:
        """Phase 2 for this task, against the exercise's reference (see :func:`judge`)."""
        return judge(self.task, collected, self._checks.reference, self._checks.lang)

    def evaluate(self, *answers: Any) -> Feedback:
        """The verdict for ``answers`` (``judge(collect(answers))``); never raises."""
        return self.judge(self.collect(*answers))

    def __call__(self, *answers: Any) -> None:
        if last_cell_failed():
            show(Feedback(self.name, "error", text(UI["last_cell"], self._checks.lang), self._checks.lang))
            return
        show(self.evaluate(*answers))

    def hint(self, level: int = 1) -> None:
        """Show hint number ``level`` (1 = gentle … last = nearly the method, never the value)."""
        lang, hints = self._checks.lang, self.hints
        if not hints:
            print(text(UI["no_hint"], lang, task=self.name))
            return
        level = min(max(level, 1), len(hints))
        print(text(UI["hint"], lang, task=self.name, level=level, count=len(hints), text=hints[level - 1]))

    def __repr__(self) -> str:
        return f"<check {self.task.name}: {type(self.task).__name__}, {self.task.points:g} points>"


class Checks:
    """The checks of one exercise notebook: ``check.task1(answer)``, ``check.hint(1)``.

    Parameters
    ----------
    tasks : sequence of Task
        The exercise's task table (names unique).
    reference : object, optional
        What the tasks compare with (see :mod:`helpers.checks._reference`).
    lang : {"en", "zh"}
        The language of the feedback and hints; change it later with ``check.lang = "zh"``.

    Examples
    --------
    >>> check = Checks([NumberTask("task1", reference=lambda r: 2, tolerance=0,
    ...                            otherwise={"en": "Try adding.", "zh": "试试加法。"}, hints=["1 + 1"])])
    >>> check.task1(...)
    ⏳ Task 1 — Not answered yet. Replace the `...` with your answer and run the cell again.
    >>> check.task1(3)
    ❌ Task 1 — Not yet. Try adding.
    >>> check.lang = "zh"
    >>> check.task1(3)
    ❌ 第 1 题 — 还不对。 试试加法。
    >>> check.hint(1)
    💡 第 1 题，提示 1/1：1 + 1
    """

    def __init__(self, tasks: Sequence[Task], reference: Any = None, lang: str = "en") -> None:
        names = [t.name for t in tasks]
        if len(set(names)) != len(names):
            raise ValueError(f"task names must be unique; got {names}")
        self.__dict__["_tasks"] = {t.name: BoundTask(t, self) for t in tasks}
        self.__dict__["reference"] = reference
        self.lang = lang

    @property
    def lang(self) -> str:
        """The language of feedback and hints (``"en"`` or ``"zh"``)."""
        return self.__dict__["_lang"]

    @lang.setter
    def lang(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}; got {value!r}")
        self.__dict__["_lang"] = value

    def __getattr__(self, name: str) -> BoundTask:
        try:
            return self.__dict__["_tasks"][name]
        except KeyError:
            raise AttributeError(
                f"no check called {name!r}; this exercise has {', '.join(self.__dict__['_tasks'])}"
            ) from None

    def hint(self, task: int, level: int = 1) -> None:
        """Show a hint for task number ``task`` (level 1 = gentle)."""
        key = f"task{task}"
        if key not in self._tasks:
            print(text(UI["no_task"], self.lang, n=task, count=len(self._tasks)))
            return
        self._tasks[key].hint(level)

    def tasks(self) -> dict[str, BoundTask]:
        """All tasks by name (``task1`` …)."""
        return dict(self._tasks)

    def table(self) -> list[dict[str, Any]]:
        """The tasks as rows: name, kind and points (for a gradebook).

        Returns
        -------
        list of dict
            One ``{"name", "kind", "points"}`` row per task, in task order.

        Examples
        --------
        >>> Checks([WrittenTask("task1", points=3)]).table()
        [{'name': 'task1', 'kind': 'written', 'points': 3}]
        """
        return [{"name": t.task.name, "kind": t.task.kind, "points": t.task.points} for t in self._tasks.values()]
