"""Batch grading you can trust: learners' code runs in a sandbox, answers are judged outside it.

Usage (instructors)::

    make grade SUBMISSIONS=path/to/folder                      # writes grading-output/
    python -m coursekit.grade path/to/folder --out OUT [--timeout 30] [--jobs 2] [--memory-mb 2048] ...
    python -m helpers.grade path/to/folder --out OUT            # the same (a thin entry point)

Grading is split in two phases, so that a learner's code never meets an answer:

1. **Collect, in a sandbox** (:mod:`coursekit.sandbox`, one bubblewrap sandbox
   per submission). The notebook that runs is rebuilt from the *released*
   exercise: the learner's answer cells (and cells they added) go in, every
   other cell (set-up, widgets, checks) comes from the release, and each
   check cell is replaced by a call that turns the answer into plain data with
   the task table's ``collect`` (a learner's function is called on the task's
   inputs, including inputs taken from the solution's hidden tests; their
   expected values stay out). The sandbox holds the system, the kit's Python,
   ``helpers`` and the data, read only, and nothing else: no solution, no
   hidden test, no gradebook, no other learner, no network; it has limits on
   memory, CPU, processes, file size and time, and everything it started ends
   with it.
2. **Judge, in the grader's process**: the collected data is compared with the
   reference by the same task table the self-checks use
   (:func:`helpers.checks.judge`); points are the task table's (declared once,
   in ``helpers/checks/<module>.py``; a test keeps the solution's nbgrader
   metadata in step).

nbgrader is used only to *build* the release (``coursekit.exercises``); its
autograder is not used: it restores hidden tests (expected values) into the
learner's working folder and runs them in the learner's kernel, which is what
this design avoids.

What the batch guarantees
-------------------------
* Every file below the submissions folder gets exactly one gradebook row with a
  status (:data:`STATUSES`) and a plain reason, whatever its name, size,
  encoding or behaviour: hidden files and folders and symbolic links are
  reported (never followed), special files are not opened, files over the size
  limit are not read.
* Learner ids are derived safely (:func:`learner_id`, :func:`assign_ids`):
  at most 48 bytes, never empty, unique per file for the same exercise, and
  never equal to a reserved name.
* The grader's temporary folder is always removed; the submissions folder is
  only read.

Outputs (``--out``): ``gradebook.csv`` (one row per file), ``summary.csv``
(score distribution per task), ``canvas.csv`` and ``moodle.csv`` (one row per
learner, one column per exercise, for the LMS's grade import; see
``lessons/grading.md``) and ``feedback/<learner>/<module>.html`` (the
self-check verdicts and the grader's own plain reasons, in the notebook's
language; no learner output, no paths, no tracebacks).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import csv
import dataclasses
import hashlib
import html
import json
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from coursekit.exercises import TEXT_STUBS
from coursekit.sandbox import INSTALL_HINT, Limits, Sandbox, SandboxUnavailable
from helpers.checks import MODULES, checks_module
from helpers.checks.core import UI, Feedback, FunctionTask, WrittenTask, collect, judge, task_label, text
from helpers.paths import EXERCISES_DIR, SOLUTIONS_DIR

#: Every status a gradebook row can have.
STATUSES = ("graded", "timeout", "error", "invalid")

#: Names a learner id may never take (the grader's own words; names Windows refuses for folders).
RESERVED_IDS = frozenset({"untouched-baseline", "untouched", "feedback", "summary", "gradebook", "canvas", "moodle",
                          "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})

#: Longest learner id, in UTF-8 bytes (a folder name under ``feedback/``).
MAX_ID_BYTES = 48

#: Largest submitted file the grader reads (MB); larger ones are reported, not opened.
MAX_SUBMISSION_MB = 20

#: The display MIME type the collection cells use (see :mod:`coursekit._runner`).
MIME = "application/x-tiering-kit-collected"

#: Patterns in a learner's cells that try to change how answers are judged (flagged for review).
TAMPER_PATTERNS: dict[str, re.Pattern[str]] = {
    "redefines the self-checks": re.compile(
        r"(\bcheck\s*\.\s*\w+\s*=|helpers\s*\.\s*checks|from\s+helpers\.checks\.\w+\s+import\s+(?!check\b)|"
        r"\bFeedback\s*\(|\bTask\s*\(|_kit_collect|tiering-kit-collected)"
    ),
    "patches Python built-ins or loaded modules": re.compile(
        r"(\bimport\s+builtins\b|\bfrom\s+builtins\b|__builtins__|\bsys\s*\.\s*modules\b|\bsetattr\s*\(|"
        r"\bimportlib\s*\.\s*reload\b|\bunittest\s*\.\s*mock\b|\bmonkeypatch\b)"
    ),
    "patches helpers": re.compile(r"\bhelpers(\.\w+)*\s*\.\s*\w+\s*=[^=]|\bpareto\s*\.\s*\w+\s*=[^=]"),
    "prints imitation results": re.compile(r"(print|display|Markdown|HTML)\s*\([^)]*(✅|Correct!|✔|正确)"),
}

#: The grader's own words on a learner's feedback page and in the gradebook, in both languages.
REASONS: dict[str, dict[str, str]] = {
    "answer_error": {"en": "Your answer cell stopped with an error ({ename}). Fix it so that the notebook runs "
                           "from top to bottom, then submit again.",
                     "zh": "你的答题单元格运行时出错（{ename}）。请改正，让笔记本能从头到尾运行，然后重新提交。"},
    "answer_timeout": {"en": "Your answer cell ran longer than {seconds} s and was stopped.",
                       "zh": "你的答题单元格运行超过 {seconds} 秒，被停止了。"},
    "answer_killed": {"en": "Your answer cell ran longer than {seconds} s and did not stop when asked, so it was "
                            "ended; the rest of the notebook was run again without it.",
                      "zh": "你的答题单元格运行超过 {seconds} 秒，而且在要求停止时没有停下，因此被强制结束；"
                            "笔记本的其余部分在没有它的情况下重新运行。"},
    "answer_died": {"en": "Your answer cell ended Python (for example os._exit() or a crash); the rest of the "
                          "notebook was run again without it.",
                    "zh": "你的答题单元格让 Python 退出了（例如 os._exit() 或崩溃）；笔记本的其余部分在没有它的情况下重新运行。"},
    "not_run": {"en": "Not graded: the notebook stopped before this task ({why}).",
                "zh": "未评分：笔记本在这道题之前就停止了（{why}）。"},
    "undefined": {"en": "Your answer is not defined when this task is checked: run your answer cell without "
                        "errors and keep the variable name of the task.",
                  "zh": "检查这道题时你的答案还没有定义：请让答题单元格无错误地运行，并保留题目里的变量名。"},
    "collect_timeout": {"en": "Reading your answer took longer than {seconds} s (a function that never returns?) "
                              "and was stopped.",
                        "zh": "读取你的答案用了超过 {seconds} 秒（函数是否一直不返回？），被停止了。"},
    "unreadable": {"en": "The grader could not read this answer; your trainer will look at it.",
                   "zh": "评分程序无法读取这个答案；培训师会查看。"},
    "no_run": {"en": "Not graded: the grader could not run this notebook; your trainer will look at it.",
               "zh": "未评分：评分程序无法运行这个笔记本；培训师会查看。"},
    "written": {"en": "This written answer is graded by your trainer with the rubric.",
                "zh": "这道书面题由培训师按评分标准批改。"},
    "written_blank": {"en": "This written answer is still empty.", "zh": "这道书面题还没有作答。"},
    "why_deadline": {"en": "the time limit of {seconds} s for the whole notebook", "zh": "整个笔记本 {seconds} 秒的时间限制"},
    "why_restarts": {"en": "too many cells stopped Python", "zh": "太多单元格让 Python 停止"},
    "why_kernel": {"en": "Python could not start again", "zh": "Python 无法重新启动"},
}

#: The feedback page's own words.
PAGE: dict[str, dict[str, str]] = {
    "title": {"en": "Exercise {module}: feedback for {learner}", "zh": "练习 {module}：{learner} 的反馈"},
    "heading": {"en": "Exercise {module} ({slug}): your feedback", "zh": "练习 {module}（{slug}）：你的反馈"},
    "learner": {"en": "Learner", "zh": "学员"},
    "points": {"en": "Automatically graded points", "zh": "自动评分得分"},
    "note": {"en": "Note", "zh": "说明"},
    "task": {"en": "Task", "zh": "题目"},
    "result": {"en": "Result", "zh": "结果"},
    "pts": {"en": "Points", "zh": "得分"},
    "look": {"en": "What to look at", "zh": "需要注意什么"},
    "passed": {"en": "✅ passed", "zh": "✅ 通过"},
    "not_yet": {"en": "❌ not yet", "zh": "❌ 还不对"},
    "by_hand": {"en": "✍️ read by your trainer", "zh": "✍️ 由培训师批阅"},
    "not_graded": {"en": "— not graded", "zh": "— 未评分"},
    "correct": {"en": "Correct.", "zh": "正确。"},
    "timeout": {"en": "Your notebook ran into a time limit; the tasks it reached were graded.",
                "zh": "你的笔记本超出了时间限制；已运行到的题目都评了分。"},
    "error": {"en": "Part of your notebook stopped with an error; the tasks that did not depend on it were graded.",
              "zh": "你的笔记本有一部分运行出错；不依赖它的题目都评了分。"},
}


# ============================================================================ exercises
@dataclass(frozen=True)
class Assignment:
    """One gradable exercise: module number, notebook name, tasks and points (from its task table).

    Parameters
    ----------
    module : str
        The two-digit module number (``"01"``).
    slug : str
        The exercise's name after the number (``"pareto"``).
    solution : Path
        The solution notebook the release is built from.
    questions : tuple of str
        Every task, in order (``task1`` …).
    auto_questions : tuple of str
        The tasks graded automatically (all but written ones).
    points : dict
        Points per task, from the task table (``helpers.checks.<module>.TASKS``).
    answer_ids : tuple of str
        The nbgrader ids of the cells learners write in.

    Examples
    --------
    >>> a = Assignment.from_solution(SOLUTIONS_DIR / "01_pareto.ipynb")
    >>> a.module, a.notebook, a.questions[:2], a.points["task2"]
    ('01', '01_pareto.ipynb', ('task1', 'task2'), 2.0)
    """

    module: str
    slug: str
    solution: Path
    questions: tuple[str, ...]
    auto_questions: tuple[str, ...]
    points: dict[str, float] = field(hash=False, compare=False)
    answer_ids: tuple[str, ...] = ()

    @property
    def notebook(self) -> str:
        """The notebook file name learners receive (``NN_slug.ipynb``)."""
        return f"{self.module}_{self.slug}.ipynb"

    @property
    def stem(self) -> str:
        """The exercise's name without ``.ipynb`` (``01_pareto``), as in :data:`helpers.checks.MODULES`."""
        return f"{self.module}_{self.slug}"

    @property
    def max_auto(self) -> float:
        """The automatically graded points."""
        return sum(self.points[q] for q in self.auto_questions)

    @classmethod
    def from_solution(cls, path: Path) -> "Assignment":
        """The exercise of one solution notebook (tasks and points from its task table).

        Parameters
        ----------
        path : Path
            ``solutions/NN_slug.ipynb``.

        Returns
        -------
        Assignment
        """
        module, slug = path.stem.split("_", 1)
        tasks = checks_module(path.stem).TASKS
        nb = nbformat.read(path, as_version=4)
        answers = tuple(c.metadata["nbgrader"]["grade_id"] for c in nb.cells
                        if c.metadata.get("nbgrader", {}).get("solution") and not c.metadata["nbgrader"].get("grade"))
        return cls(module, slug, path, tuple(t.name for t in tasks),
                   tuple(t.name for t in tasks if not isinstance(t, WrittenTask)),
                   {t.name: float(t.points) for t in tasks}, answers)


def assignments(solutions_dir: Path = SOLUTIONS_DIR) -> dict[str, Assignment]:
    """Every gradable exercise (a solution with a task table) by module number.

    Parameters
    ----------
    solutions_dir : Path
        Folder of the solution notebooks.

    Returns
    -------
    dict
        ``{"01": Assignment, ...}``.

    Examples
    --------
    >>> sorted(assignments())[:2]
    ['01', '02']
    """
    return {a.module: a for a in (Assignment.from_solution(p) for p in sorted(solutions_dir.glob("[0-9][0-9]_*.ipynb"))
                                  if p.stem in MODULES)}


def release_notebook(assignment: Assignment, lang: str = "en", exercises_dir: Path = EXERCISES_DIR) -> nbformat.NotebookNode:
    """The exercise as learners received it, in ``lang`` when that edition exists.

    That is the generated ``exercises/[zh/]NN_slug.ipynb`` (what the learner pack
    holds) when it is there and unedited (its cells match the digest the
    generator recorded); otherwise it is built from the solution
    (``solutions/[zh/]NN_slug.ipynb``) the same way.

    Parameters
    ----------
    assignment : Assignment
    lang : {"en", "zh"}
        ``zh`` uses the Chinese edition, when it has this exercise.
    exercises_dir : Path
        Where the generated exercises are.

    Returns
    -------
    NotebookNode

    Examples
    --------
    >>> rel = release_notebook(assignments()["01"])
    >>> [c.source for c in rel.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "task2"]
    ['check.task2(top20)']
    """
    from coursekit.exercises import build_text, sources_digest

    sub = Path("zh") if lang == "zh" else Path()
    built = exercises_dir / sub / assignment.notebook
    if built.is_file():
        nb = nbformat.read(built, as_version=4)
        if nb.metadata.get("kit", {}).get("sources_sha256") == sources_digest(nb):
            return nb
    source = assignment.solution.parent / sub / assignment.notebook
    if not source.is_file():
        source = assignment.solution
    return nbformat.reads(build_text(source), as_version=4)


class _Releases(dict):
    """The release of each (module, language), built on first use (building one takes a while)."""

    def __init__(self, known: dict[str, Assignment]) -> None:
        super().__init__()
        self._known = known

    def __missing__(self, key: tuple[str, str] | str) -> nbformat.NotebookNode:
        module, lang = key if isinstance(key, tuple) else (key, "en")
        self[key] = release = release_notebook(self._known[module], lang)
        return release


def hidden_inputs(assignment: Assignment) -> dict[str, list[tuple]]:
    """Extra inputs for function tasks, taken from the calls in the solution's hidden tests.

    Only the *inputs* are taken (literal arguments of calls to the learner's
    function); the expected results come from the task table's reference
    function when judging. They are added to the task's declared inputs.

    Parameters
    ----------
    assignment : Assignment

    Returns
    -------
    dict
        ``{"task7": [([5, 1, ...], 0.1), ...]}``; tasks without hidden calls are absent.

    Examples
    --------
    >>> ins = hidden_inputs(assignments()["01"])["task7"]
    >>> len(ins) >= 5, ins[0]
    (True, ([5, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0.1))
    """
    tasks = {t.name: t for t in checks_module(assignment.stem).TASKS}
    out: dict[str, list[tuple]] = {}
    for cell in nbformat.read(assignment.solution, as_version=4).cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if not isinstance(tasks.get(gid), FunctionTask) or "BEGIN HIDDEN TESTS" not in cell.source:
            continue
        visible, hidden = cell.source.split("### BEGIN HIDDEN TESTS", 1)
        hidden = hidden.split("### END HIDDEN TESTS", 1)[0]
        names = {a.id for node in ast.walk(ast.parse(visible)) if isinstance(node, ast.Call)
                 for a in node.args if isinstance(a, ast.Name)}
        found = []
        for node in ast.walk(ast.parse(hidden)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and not node.keywords:
                try:
                    found.append(tuple(_plain_value(a) for a in node.args))
                except ValueError:
                    continue
        if found:
            out[gid] = found
    return out


_PLAIN_NODES = (ast.Expression, ast.Constant, ast.List, ast.Tuple, ast.BinOp, ast.UnaryOp, ast.Mult, ast.Add,
                ast.Sub, ast.Div, ast.USub, ast.UAdd, ast.Call, ast.Name, ast.Load)


def _plain_value(node: ast.AST) -> Any:
    """The value of an argument written with literals, ``+ - * /``, ``range`` and ``list`` only (else ValueError)."""
    tree = ast.Expression(body=node)
    for sub in ast.walk(tree):
        if not isinstance(sub, _PLAIN_NODES):
            raise ValueError(f"not a plain value: {type(sub).__name__}")
        if isinstance(sub, ast.Name) and sub.id not in ("range", "list"):
            raise ValueError(f"not a plain value: {sub.id}")
        if isinstance(sub, ast.Call) and (sub.keywords or not isinstance(sub.func, ast.Name)):
            raise ValueError("not a plain call")
    value = eval(compile(tree, "<hidden test>", "eval"), {"__builtins__": {}}, {"range": range, "list": list})  # noqa: S307
    if isinstance(value, range):
        value = list(value)
    json.dumps(value)  # inputs travel as JSON
    return value


def task_inputs(assignment: Assignment, hidden: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The inputs each function task is called on: declared ones first, then the hidden tests' (no duplicates).

    Parameters
    ----------
    assignment : Assignment
    hidden : dict
        What :func:`hidden_inputs` returned.

    Returns
    -------
    dict
        ``{task: [args, ...]}`` for every function task.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> n = len(task_inputs(a, {})["task7"])
    >>> len(task_inputs(a, hidden_inputs(a))["task7"]) > n
    True
    """
    out = {}
    for task in checks_module(assignment.stem).TASKS:
        if isinstance(task, FunctionTask):
            seen, inputs = set(), []
            for args in [*task.inputs, *hidden.get(task.name, [])]:
                key = json.dumps(args)
                if key not in seen:
                    seen.add(key)
                    inputs.append(tuple(args))
            out[task.name] = inputs
    return out


# ============================================================================ submissions
@dataclass
class Submission:
    """One submitted file and everything the grader learns about it.

    Parameters
    ----------
    path : Path
        The file (never opened when it is a link, a special file or too large).
    relpath : str
        Its path below the submissions folder, printable (undecodable bytes as ``\\xNN``).
    learner, module, lang : str
        Who, which exercise, which language edition (``en``/``zh``).
    status, reason : str
        One of :data:`STATUSES` and the plain reason (empty when ``graded``).
    flags : list of str
        Things for the instructor to review.
    scores : dict
        Points per task (None: not graded automatically).
    feedback : dict
        Per task: ``(verdict, message)`` for the feedback page.
    lms_id : str
        A Canvas user id read from a Canvas download's file name, when there is one.
    primary : bool
        False for a second file of the same learner and exercise (left out of the LMS exports).
    log : list of str
        Technical details for the instructor's ``grader-log.txt`` (why a notebook could not run).

    Examples
    --------
    >>> s = Submission(Path("alice/01_pareto.ipynb"), "alice/01_pareto.ipynb", learner="alice", module="01",
    ...                status="graded", scores={"task1": 1.0})
    >>> row = s.row(assignments()["01"], ["01:task1"])
    >>> row["learner"], row["01:task1"], row["max_score"]
    ('alice', '1', '14')
    """

    path: Path
    relpath: str
    learner: str = ""
    module: str = ""
    lang: str = "en"
    status: str = ""
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    scores: dict[str, float | None] = field(default_factory=dict)
    feedback: dict[str, tuple[str, str]] = field(default_factory=dict)
    notebook: nbformat.NotebookNode | None = None
    lms_id: str = ""
    primary: bool = True
    raw_learner: str = ""
    log: list[str] = field(default_factory=list)

    def total(self, assignment: Assignment) -> float:
        """Automatically graded points earned.

        Parameters
        ----------
        assignment : Assignment

        Returns
        -------
        float
        """
        return sum(self.scores.get(q) or 0.0 for q in assignment.auto_questions)

    def row(self, assignment: Assignment | None, columns: Sequence[str]) -> dict[str, object]:
        """The gradebook row (task columns are ``NN:taskK``).

        Parameters
        ----------
        assignment : Assignment or None
            None when the file is not an exercise.
        columns : sequence of str
            The task columns of the whole gradebook.

        Returns
        -------
        dict
        """
        row: dict[str, object] = {
            "submission": self.relpath, "learner": self.learner, "module": self.module,
            "lang": self.lang if self.status in ("graded", "timeout", "error") else "", "status": self.status,
            "score": "", "max_score": "",
        }
        if assignment is not None:
            row["max_score"] = _num(assignment.max_auto)
            if self.status in ("graded", "timeout", "error"):
                row["score"] = _num(self.total(assignment))
        for col in columns:
            module, _, q = col.partition(":")
            value = self.scores.get(q) if module == self.module else None
            row[col] = "" if value is None else _num(value)
        row["flags"] = "; ".join(self.flags)
        row["reason"] = self.reason
        return row


def _num(x: float) -> str:
    return f"{x:g}"


def printable(path: Path) -> str:
    """A path as text that always prints and encodes (bytes that are not UTF-8 shown as ``\\xNN``).

    Parameters
    ----------
    path : Path

    Returns
    -------
    str

    Examples
    --------
    >>> printable(Path(os.fsdecode(b"caf\\xe9/01.ipynb")))
    'caf\\\\xe9/01.ipynb'
    """
    raw = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                   for ch in raw)


def slugify(text: str) -> str:
    """Lower-case letters, digits and single dashes (any script), nothing else.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Possibly empty (see :func:`learner_id`, which never is).

    Examples
    --------
    >>> slugify("  Li Wei (Sales-North) "), slugify("Zoë_Müller"), slugify("李雷")
    ('li-wei-sales-north', 'zoë-müller', '李雷')
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text.strip(), flags=re.UNICODE).strip("-_")
    return re.sub(r"[-_]+", "-", text)


def learner_id(raw: str) -> str:
    """A safe learner id from a folder or file name: a slug of at most :data:`MAX_ID_BYTES` bytes, never empty.

    Long names are cut at a character boundary and get a short hash of the full
    name, so two long names that share a beginning stay apart; a name without
    letters or digits becomes ``learner-<hash>``; a reserved name
    (:data:`RESERVED_IDS`) gets ``-learner`` appended.

    Parameters
    ----------
    raw : str
        The name as found (any script, any length; undecodable bytes allowed).

    Returns
    -------
    str

    Examples
    --------
    >>> learner_id("Alice"), learner_id("___"), learner_id("untouched-baseline")
    ('alice', 'learner-bda25155', 'untouched-baseline-learner')
    >>> long = learner_id("İ" * 200)
    >>> len(long.encode()) <= MAX_ID_BYTES, long == learner_id("İ" * 201)
    (True, False)
    """
    digest = hashlib.sha256(os.fsencode(raw) if isinstance(raw, str) else raw).hexdigest()[:8]
    slug = slugify(os.fsencode(raw).decode("utf-8", "replace"))
    if not slug or not any(ch.isalnum() for ch in slug):
        return f"learner-{digest}"
    if len(slug.encode()) > MAX_ID_BYTES:
        keep = MAX_ID_BYTES - 9
        cut = slug.encode()[:keep].decode("utf-8", "ignore").rstrip("-")
        slug = f"{cut}-{digest}"
    if slug in RESERVED_IDS:
        slug = f"{slug}-learner"
    return slug


_COPY_SUFFIX = re.compile(r"(\s*\(\d+\)|\s*\(copy(\s*\d+)?\)|\s*-\s*copy|\s*copy(\s*\d+)?|_v\d+|-v\d+)$", re.I)
#: Canvas's "Download Submissions" names files ``<name>[_LATE]_<user id>_<submission id>_<original name>``.
_CANVAS_NAME = re.compile(r"^(?P<name>[a-z]+)(?:_late)?_(?P<uid>\d+)_(?P<sid>\d+)_(?P<rest>.+)$", re.I)


def identify(path: Path, root: Path, known: dict[str, Assignment], nb: nbformat.NotebookNode | None) -> tuple[str, str, str]:
    """Learner (raw name), module and a problem (or "") for one submitted file.

    The rule, in order:

    * **Module**: the first two-digit number in the file name that is a known
      exercise (``01_pareto.ipynb``, ``alice_01.ipynb``, ``01_pareto (2).ipynb``);
      otherwise the module recorded in the notebook's metadata by the exercise
      generator, or the one exercise whose graded cells it holds. If the name
      and the content disagree, that is a problem ("wrong module").
    * **Learner**: the first folder below the submissions folder, when the file
      sits in one (``alice/01_pareto.ipynb``); for a Canvas download
      (``lilei_12345_678_01_pareto.ipynb``) the name and Canvas user id; otherwise
      the file name without the exercise name, module number, copy markers like
      ``(2)`` and separators (``01_pareto - Li Wei.ipynb`` → ``li-wei``). A file
      that leaves nothing is named after itself. :func:`learner_id` makes the
      id safe.

    Parameters
    ----------
    path, root : Path
        The file and the submissions folder.
    known : dict
        :func:`assignments`.
    nb : NotebookNode or None
        The notebook, when the file is one.

    Returns
    -------
    tuple of str
        ``(learner, module, problem)``.

    Examples
    --------
    >>> known = assignments()
    >>> identify(Path("/s/alice/01_pareto.ipynb"), Path("/s"), known, None)
    ('alice', '01', '')
    >>> identify(Path("/s/01_pareto - Li Wei (2).ipynb"), Path("/s"), known, None)
    ('li-wei', '01', '')
    >>> identify(Path("/s/notes.txt"), Path("/s"), known, None)[1:]
    ('', 'no exercise number in the file name and no exercise metadata inside')
    """
    rel = path.relative_to(root)
    name = os.fsencode(path.name).decode("utf-8", "replace")
    stem = name[:-6] if name.endswith(".ipynb") else name
    canvas = _CANVAS_NAME.match(stem) if len(rel.parts) == 1 else None
    scan = canvas.group("rest") if canvas else stem
    name_module = ""
    for match in re.finditer(r"(?<!\d)(\d{2})(?!\d)", scan):
        if match.group(1) in known:
            name_module = match.group(1)
            break
    content_module = ""
    fits: list[str] = []
    if nb is not None:
        source = str(nb.metadata.get("kit", {}).get("generated_from", ""))
        m = re.search(r"(\d{2})_[^/]*\.ipynb$", source)
        if m:
            content_module = m.group(1)  # an exercise this kit does not grade is reported below
        else:
            # no kit metadata: fall back to the graded cell ids, but only when exactly one
            # exercise fits best (several exercises share ids such as "task1")
            ids = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells
                   if isinstance(c.metadata.get("nbgrader"), dict) and c.metadata["nbgrader"].get("grade")}
            fits = [module for module, a in known.items() if set(a.questions) <= ids]
            exact = [module for module in fits if set(known[module].questions) == ids]
            if len(exact) == 1:
                content_module = exact[0]
            elif not exact and len(fits) == 1:
                content_module = fits[0]
    problem = ""
    module = name_module or content_module
    if name_module and content_module and name_module != content_module:
        problem = (f"wrong module: the file name says exercise {name_module}, but the notebook is exercise "
                   f"{content_module}. Ask the learner to submit the right file.")
    if module and module not in known:
        problem, module = f"exercise {module} is not one this kit grades", ""
    if not module:
        problem = problem or "no exercise number in the file name and no exercise metadata inside"
        if nb is not None and len(fits) > 1:
            problem = (f"no exercise number in the file name, and its graded cells fit exercises {', '.join(fits)}: "
                       "add the exercise number to the file name (e.g. 04_rfm - Li Wei.ipynb)")
    if len(rel.parts) > 1:
        learner = slugify(os.fsencode(rel.parts[0]).decode("utf-8", "replace")) or rel.parts[0]
    elif canvas:
        learner = f"{canvas.group('name').lower()}-{canvas.group('uid')}"
    else:
        base = _COPY_SUFFIX.sub("", stem)
        if module:
            base = re.sub(rf"{module}[_\- ]?({re.escape(known[module].slug)})?", " ", base, count=1, flags=re.I)
        base = re.sub(r"\b(exercise|submission|assignment)\b", " ", base, flags=re.I)
        learner = slugify(base) or slugify(stem) or stem
    return learner, module, problem


def detect_language(nb: nbformat.NotebookNode) -> str:
    """The edition a notebook belongs to: ``"zh"`` for the Chinese edition, else ``"en"``.

    Chinese when the kit's metadata says so (``kit.lang``, or built from a
    ``/zh/`` file), or the papermill parameters cell sets ``lang = "zh"``.

    Parameters
    ----------
    nb : NotebookNode

    Returns
    -------
    str

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(metadata={"kit": {"generated_from": "solutions/zh/01_pareto.ipynb"}})
    >>> detect_language(nb), detect_language(nbformat.v4.new_notebook())
    ('zh', 'en')
    """
    kit = nb.metadata.get("kit", {})
    if isinstance(kit, dict) and (kit.get("lang") == "zh" or "/zh/" in str(kit.get("generated_from", ""))):
        return "zh"
    for cell in nb.cells[:5]:
        if cell.cell_type == "code" and re.match(r"""\s*lang\s*=\s*["']zh["']""", str(cell.source)):
            return "zh"
    return "en"


def _grade_id(cell: Any) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader") if isinstance(cell, dict) else None
    if isinstance(meta, dict) and isinstance(meta.get("grade_id"), str):
        return meta["grade_id"]
    return None


def learner_cells(nb: nbformat.NotebookNode, assignment: Assignment, release: nbformat.NotebookNode) -> list[str]:
    """Sources of the code cells a learner wrote: answer cells and any cell not in the release.

    Parameters
    ----------
    nb, release : NotebookNode
        The submission and the exercise as released.
    assignment : Assignment

    Returns
    -------
    list of str

    Examples
    --------
    >>> a = assignments()["01"]
    >>> rel = release_notebook(a)
    >>> learner_cells(rel, a, rel)[0]
    'revenue = ...  # your code here'
    """
    given = {c.source for c in release.cells}
    return [cell.source for cell in nb.cells if cell.cell_type == "code"
            and (_grade_id(cell) in assignment.answer_ids or cell.source not in given)]


def tamper_flags(sources: Iterable[str]) -> list[str]:
    """Which tampering patterns occur in a learner's cells.

    Parameters
    ----------
    sources : iterable of str

    Returns
    -------
    list of str
        Names from :data:`TAMPER_PATTERNS`.

    Examples
    --------
    >>> tamper_flags(["top20 = 0.6", "import builtins\\nbuiltins.abs = lambda x: 0"])
    ['patches Python built-ins or loaded modules']
    >>> tamper_flags(['print("✅ Task 2 — Correct!")'])
    ['prints imitation results']
    >>> tamper_flags(["revenue = pareto.value_by_customer(transactions)"])
    []
    """
    joined = "\n".join(sources)
    return [name for name, pattern in TAMPER_PATTERNS.items() if pattern.search(joined)]


def structure_flags(nb: nbformat.NotebookNode, release: nbformat.NotebookNode) -> list[str]:
    """Flags for deleted, reordered or duplicated graded cells (the grader puts the release's back anyway).

    Parameters
    ----------
    nb, release : NotebookNode

    Returns
    -------
    list of str

    Examples
    --------
    >>> rel = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("a", metadata={"nbgrader": {"grade_id": "t1"}}),
    ...     nbformat.v4.new_code_cell("b", metadata={"nbgrader": {"grade_id": "t2"}})])
    >>> sub = nbformat.v4.new_notebook(cells=list(reversed(rel.cells)))
    >>> structure_flags(sub, rel)
    ['graded cells reordered']
    >>> structure_flags(nbformat.v4.new_notebook(cells=rel.cells[:1]), rel)
    ['graded cells deleted: t2']
    """
    expected = [g for g in (_grade_id(c) for c in release.cells) if g]
    got = [g for g in (_grade_id(c) for c in nb.cells) if g]
    flags = []
    missing = [g for g in expected if g not in got]
    if missing:
        flags.append("graded cells deleted: " + ", ".join(missing))
    common = [g for g in got if g in expected]
    if common != [g for g in expected if g in common]:
        flags.append("graded cells reordered")
    if len(got) != len(set(got)):
        flags.append("graded cells duplicated")
    return flags


def holds_exercise_cells(nb: nbformat.NotebookNode, assignment: Assignment) -> bool:
    """True if ``nb`` holds at least one of the exercise's graded or answer cells (by nbgrader id).

    A notebook named like an exercise but holding none of its cells (a new
    notebook, cells pasted without their metadata) cannot be graded: answers
    are found by cell id.

    Parameters
    ----------
    nb : NotebookNode
    assignment : Assignment

    Returns
    -------
    bool

    Examples
    --------
    >>> a = assignments()["01"]
    >>> holds_exercise_cells(release_notebook(a), a)
    True
    >>> holds_exercise_cells(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("top20 = 0.7")]), a)
    False
    """
    ids = {_grade_id(c) for c in nb.cells}
    return bool(ids & (set(assignment.questions) | set(assignment.answer_ids)))


# ============================================================================ finding files
@dataclass(frozen=True)
class Found:
    """One entry below the submissions folder: a file to read, or something reported without opening it.

    Parameters
    ----------
    path : Path
    problem : str
        Empty for a regular file to read; otherwise why it is not read.
    """

    path: Path
    problem: str = ""


def discover(folder: Path, max_bytes: int = MAX_SUBMISSION_MB * 2**20) -> list[Found]:
    """Everything below ``folder``, sorted: regular files to read, and the rest with the reason it is not read.

    Nothing is followed or skipped silently: a symbolic link (to a file or a
    folder) is one entry, reported; a hidden file is reported; a hidden folder
    is reported once, with the number of files it holds; pipes, sockets and
    devices are reported without being opened; files over ``max_bytes`` are
    reported without being read; an unreadable folder is reported.

    Parameters
    ----------
    folder : Path
    max_bytes : int
        The largest file read.

    Returns
    -------
    list of Found

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("b.ipynb", ".DS_Store", "a/x.ipynb", ".git/config"):
    ...     (d / name).parent.mkdir(exist_ok=True); _ = (d / name).write_text("")
    >>> [(f.path.relative_to(d).as_posix(), bool(f.problem)) for f in discover(d)]
    [('.DS_Store', True), ('.git', True), ('a/x.ipynb', False), ('b.ipynb', False)]
    """
    out: list[Found] = []

    def walk(directory: Path) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            out.append(Found(directory, f"folder cannot be read ({type(exc).__name__}): check its permissions"))
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                out.append(Found(path, f"cannot be read ({type(exc).__name__})"))
                continue
            hidden = entry.name.startswith(".")
            if stat.S_ISLNK(st.st_mode):
                out.append(Found(path, "a symbolic link: the grader does not follow links (they can point anywhere). "
                                       "Put the notebook itself in the folder."))
            elif stat.S_ISDIR(st.st_mode):
                if hidden:
                    count = _count_files(path)
                    out.append(Found(path, f"a hidden folder (its name starts with '.') holding {count} file(s): not "
                                           "graded. If a learner's work is in it, move it out and grade again."))
                else:
                    walk(path)
            elif not stat.S_ISREG(st.st_mode):
                out.append(Found(path, "not a regular file (a pipe, socket or device): not opened"))
            elif hidden:
                out.append(Found(path, "a hidden file (its name starts with '.'): not graded. If it is a learner's "
                                       "work, rename it without the dot and grade again."))
            elif st.st_size > max_bytes:
                out.append(Found(path, f"too large ({st.st_size / 2**20:.0f} MB; the limit is {max_bytes / 2**20:.0f} MB):"
                                       " not read. Clear the outputs (Edit → Clear Outputs of All Cells) and save again."))
            else:
                out.append(Found(path))

    walk(folder)
    return sorted(out, key=lambda f: os.fsencode(str(f.path)))


def _count_files(folder: Path) -> int:
    count = 0
    for _, _, files in os.walk(folder, followlinks=False):
        count += len(files)
        if count > 100_000:
            break
    return count


def _read_notebook(s: Submission) -> nbformat.NotebookNode | None:
    """The submitted file as a notebook, or None (and ``s`` marked ``invalid``) when it is not one."""
    try:
        fd = os.open(s.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                s.status, s.reason = "invalid", "not a regular file: not opened"
                return None
            raw = fh.read(MAX_SUBMISSION_MB * 2**20 + 1)
    except OSError as exc:
        s.status, s.reason = "invalid", f"cannot be read ({type(exc).__name__}): check the file's permissions"
        return None
    if not raw.strip():
        s.status, s.reason = "invalid", "empty file"
        return None
    try:
        textual = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        s.status, s.reason = "invalid", ("not a Jupyter notebook: the file is not UTF-8 text. Re-download it or "
                                         "save it again from Jupyter")
        return None
    try:
        nb = nbformat.reads(textual, as_version=4, capture_validation_error={})
        if not isinstance(nb.get("cells"), list):
            raise ValueError("no cells")
        for cell in nb.cells:
            if not isinstance(cell, dict) or not isinstance(cell.get("source", ""), str):
                raise ValueError("malformed cell")
            cell.setdefault("metadata", nbformat.NotebookNode())
            if not isinstance(cell.metadata, dict):
                cell.metadata = nbformat.NotebookNode()
        if not isinstance(nb.get("metadata"), dict):
            nb.metadata = nbformat.NotebookNode()
        return nb
    except Exception as exc:  # JSON errors, unknown nbformat versions, deep nesting: never fatal for the batch
        s.status, s.reason = "invalid", (f"not a Jupyter notebook ({type(exc).__name__}): re-download it or save it "
                                         "again from Jupyter")
        return None


def inspect_file(path: Path, submissions: Path, known: dict[str, Assignment],
                 releases: dict, problem: str = "") -> Submission:
    """Read one file, work out learner, module and language, and check it before grading.

    Parameters
    ----------
    path : Path
        The file.
    submissions : Path
        The submissions folder.
    known : dict
        :func:`assignments`.
    releases : dict
        The release of each ``(module, lang)`` (built on demand).
    problem : str
        Why the file is not read at all (from :func:`discover`); it is then ``invalid``.

    Returns
    -------
    Submission
        ``status`` is already ``invalid`` (with a reason) for a file that cannot
        be graded, and empty for one to grade, with ``flags`` for structure
        changes and tampering to review.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("top20 = 0.7")]),
    ...                d / "01_pareto - Li.ipynb")
    >>> s = inspect_file(d / "01_pareto - Li.ipynb", d, assignments(), {})
    >>> s.learner, s.module, s.status, s.reason
    ('li', '01', 'invalid', 'not an exercise 01 notebook: none of its graded cells are there. Submit the exercise notebook itself, with your answers in its cells.')
    """
    s = Submission(path, printable(path.relative_to(submissions)))
    if problem:
        s.status, s.reason = "invalid", problem
    nb = None if problem else _read_notebook(s)
    s.raw_learner, s.module, found = identify(path, submissions, known, nb)
    s.learner = learner_id(s.raw_learner)
    name = os.fsencode(path.name).decode("utf-8", "replace")
    canvas = _CANVAS_NAME.match(name) if len(path.relative_to(submissions).parts) == 1 else None
    s.lms_id = canvas.group("uid") if canvas else ""
    if not s.status and found:
        s.status, s.reason = "invalid", found
    if s.status or nb is None:
        return s
    a = known[s.module]
    if not holds_exercise_cells(nb, a):
        s.status, s.reason = "invalid", (f"not an exercise {s.module} notebook: none of its graded cells are there. "
                                         "Submit the exercise notebook itself, with your answers in its cells.")
        return s
    s.lang = detect_language(nb)
    s.notebook = nb
    release = releases[(s.module, s.lang)]
    s.flags += structure_flags(nb, release)
    s.flags += [f"review: {t}" for t in tamper_flags(learner_cells(nb, a, release))]
    return s


def assign_ids(subs: Sequence[Submission]) -> None:
    """Make learner ids unique per exercise: a second file of the same learner gets the next free ``-K`` id.

    The suffix never produces an id another learner already has (in any
    exercise) or a reserved one; the second file is flagged and left out of
    the LMS exports.

    Parameters
    ----------
    subs : sequence of Submission
        Changed in place. Of several files of one learner and exercise, the
        plain id goes to a readable one before a broken one, to the plain
        file name before a copy (``01_pareto (2).ipynb``), then by path.

    Returns
    -------
    None

    Examples
    --------
    >>> subs = [Submission(Path(p), p, learner=l, module="01") for p, l in
    ...         [("a/1.ipynb", "alice"), ("a/2.ipynb", "alice"), ("b/1.ipynb", "alice-2")]]
    >>> assign_ids(subs); [s.learner for s in subs]
    ['alice', 'alice-3', 'alice-2']
    """
    taken = {s.learner for s in subs} | set(RESERVED_IDS)
    seen: set[tuple[str, str]] = set()

    def first_choice(s: Submission) -> tuple:
        # a readable file before a broken one, the plain name before a copy ("(2)", "copy"), then by path
        stem = s.path.name[:-6] if s.path.name.endswith(".ipynb") else s.path.name
        return (s.status == "invalid", bool(_COPY_SUFFIX.search(stem)), len(stem), s.relpath)

    for s in sorted(subs, key=first_choice):
        if not s.module:
            continue
        key = (s.learner, s.module)
        if key not in seen:
            seen.add(key)
            continue
        k = 2
        while True:
            suffix = f"-{k}"
            base = s.learner.encode()[:MAX_ID_BYTES - len(suffix)].decode("utf-8", "ignore").rstrip("-")
            candidate = base + suffix
            if candidate not in taken:
                break
            k += 1
        s.flags.append(f"several files for learner {s.learner} and exercise {s.module}: this one is graded as "
                       f"{candidate} and left out of the LMS exports")
        s.learner, s.primary = candidate, False
        taken.add(candidate)
        seen.add((candidate, s.module))


# ============================================================================ phase 1: the notebook that runs
_PRELUDE = '''\
def _kit_collect(exercise, name, inputs, answers):
    """The grader's collection call: the answer as plain data (helpers.checks.collect), shown as a message."""
    import json as _json
    from IPython.display import display as _display
    try:
        values = answers()
    except NameError:
        data = {"undefined": True}
    except BaseException as exc:
        data = {"error": type(exc).__name__}
    else:
        try:
            import dataclasses
            from helpers.checks import checks_module
            from helpers.checks.core import collect
            task = next(t for t in checks_module(exercise).TASKS if t.name == name)
            if inputs is not None:
                task = dataclasses.replace(task, inputs=[tuple(a) for a in inputs])
            data = collect(task, *values)
        except BaseException as exc:
            data = {"error": type(exc).__name__}
    try:
        message = _json.dumps({"task": name, "data": data}, allow_nan=False)
    except (TypeError, ValueError):
        message = _json.dumps({"task": name, "data": {"error": "unreadable"}})
    _display({"%s": message}, raw=True)
''' % MIME


def collection_code(check_source: str, exercise: str, task: str, inputs: list[tuple] | None = None) -> str:
    """The cell that replaces a check cell: the same answers, handed to the grader's collection call.

    Parameters
    ----------
    check_source : str
        The released check cell (``check.task2(top20)``).
    exercise : str
        The exercise stem (``01_pareto``).
    task : str
        The task name.
    inputs : list of tuple, optional
        A function task's inputs (declared and hidden).

    Returns
    -------
    str

    Examples
    --------
    >>> collection_code("check.task1(recency, frequency, monetary)", "04_rfm", "task1")
    "_kit_collect('04_rfm', 'task1', None, lambda: (recency, frequency, monetary,))"
    """
    tree = ast.parse(check_source)
    call = next(node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == task)
    args = "".join(ast.get_source_segment(check_source, a) + ", " for a in call.args).rstrip(" ")
    shown = "None" if inputs is None else repr([list(i) for i in inputs])
    return f"_kit_collect({exercise!r}, {task!r}, {shown}, lambda: ({args}))"


def build_cells(nb: nbformat.NotebookNode, release: nbformat.NotebookNode, assignment: Assignment,
                inputs: dict[str, list[tuple]]) -> list[dict]:
    """The cells phase 1 runs: the release's cells with the learner's answers (and added cells) put in.

    Answer cells are found by nbgrader id (the first one wins); every other
    release cell (set-up, widgets) runs as released; check cells become
    :func:`collection_code`; a learner's cells that are not in the release run
    after the release cell they followed. Markdown cells do not run.

    Parameters
    ----------
    nb, release : NotebookNode
        The submission and the exercise as released (same language).
    assignment : Assignment
    inputs : dict
        :func:`task_inputs`.

    Returns
    -------
    list of dict
        ``{"source", "kind", "task", "where"}``; ``kind`` is ``prelude``, ``given``,
        ``answer``, ``collect`` or ``extra``; ``where`` names the cell for a reason.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> rel = release_notebook(a)
    >>> cells = build_cells(rel, rel, a, {})
    >>> [c["kind"] for c in cells][:5]
    ['prelude', 'given', 'given', 'answer', 'collect']
    """
    answers: dict[str, str] = {}
    for cell in nb.cells:
        gid = _grade_id(cell)
        if cell.cell_type == "code" and gid in assignment.answer_ids and gid not in answers:
            answers[gid] = cell.source
    # learner cells not in the release, attached to the release cell they follow
    release_ids = {g for g in (_grade_id(c) for c in release.cells) if g}
    release_sources = {c.source for c in release.cells if c.cell_type == "code"}
    extras: dict[int, list[str]] = {}
    anchor = -1
    index_of_id = {_grade_id(c): i for i, c in enumerate(release.cells) if _grade_id(c)}
    index_of_source: dict[str, int] = {}
    for i, c in enumerate(release.cells):
        if c.cell_type == "code":
            index_of_source.setdefault(c.source, i)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = _grade_id(cell)
        if gid in release_ids:
            anchor = index_of_id[gid]
        elif cell.source in release_sources:
            anchor = index_of_source[cell.source]
        elif cell.source.strip():
            extras.setdefault(anchor, []).append(cell.source)
    cells = [{"source": _PRELUDE, "kind": "prelude", "task": "", "where": "grader"}]
    cells += [{"source": s, "kind": "extra", "task": "", "where": "start"} for s in extras.get(-1, [])]
    pending_task = "task1"
    last_task = ""
    for i, cell in enumerate(release.cells):
        gid = _grade_id(cell)
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code":
            if meta.get("grade") and gid in assignment.points:
                cells.append({"source": collection_code(cell.source, assignment.stem, gid, inputs.get(gid)),
                              "kind": "collect", "task": gid, "where": gid})
                last_task = gid
                pending_task = _next_task(assignment, gid)
            elif gid in assignment.answer_ids:
                cells.append({"source": answers.get(gid, cell.source), "kind": "answer", "task": pending_task,
                              "where": gid})
            else:
                cells.append({"source": cell.source, "kind": "given", "task": "", "where": last_task})
        elif meta.get("grade") and gid in assignment.points:
            last_task = gid
            pending_task = _next_task(assignment, gid)
        cells += [{"source": s, "kind": "extra", "task": "", "where": last_task} for s in extras.get(i, [])]
    return cells


def _next_task(assignment: Assignment, task: str) -> str:
    order = list(assignment.questions)
    i = order.index(task)
    return order[i + 1] if i + 1 < len(order) else ""


def written_answers(nb: nbformat.NotebookNode, assignment: Assignment) -> dict[str, str]:
    """The learner's text for each written task (markdown cells with the task's id).

    Parameters
    ----------
    nb : NotebookNode
    assignment : Assignment

    Returns
    -------
    dict
        ``{task: text}`` (empty text when the cell is missing).
    """
    out = {q: "" for q in assignment.questions if q not in assignment.auto_questions}
    for cell in nb.cells:
        gid = _grade_id(cell)
        if gid in out and cell.cell_type == "markdown" and not out[gid]:
            out[gid] = cell.source
    return out


# ============================================================================ phase 2: judging
_SAFE_TYPES = frozenset({
    "int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset", "NoneType", "function", "method",
    "builtin_function_or_method", "type", "module", "ellipsis", "bytes", "complex", "range", "generator",
    "DataFrame", "Series", "Index", "RangeIndex", "MultiIndex", "ndarray", "Timestamp", "Timedelta", "Period",
    "DatetimeIndex", "Categorical", "GroupBy", "DataFrameGroupBy", "SeriesGroupBy", "Figure", "Axes", "Decimal",
    "int64", "float64", "int32", "float32", "bool_", "str_", "datetime", "date", "timedelta", "NAType", "NaTType",
})
_BUILTIN_ERRORS = frozenset(n for n in dir(builtins) if isinstance(getattr(builtins, n), type)
                            and issubclass(getattr(builtins, n), BaseException))


def safe_error_name(name: object) -> str:
    """An exception's name as the grader may show it: a built-in exception's name, or ``an error``.

    Parameters
    ----------
    name : object
        What the sandbox reported (learner-controlled).

    Returns
    -------
    str

    Examples
    --------
    >>> safe_error_name("ZeroDivisionError: division by zero"), safe_error_name("AnswerIs0_71Error")
    ('ZeroDivisionError', 'an error')
    """
    head = str(name).split(":", 1)[0].strip()
    return head if head in _BUILTIN_ERRORS else "an error"


def sanitise(data: Any, depth: int = 0) -> Any:
    """Collected data with everything a learner controls that could reach a message made harmless.

    Type names outside a known list become ``object``; error texts become the
    built-in exception's name (:func:`safe_error_name`). Values themselves are
    kept (they are compared, never shown).

    Parameters
    ----------
    data : object
        JSON data from the sandbox.
    depth : int
        Recursion depth (deeper data is cut).

    Returns
    -------
    object

    Examples
    --------
    >>> sanitise({"answer": {"type": "other", "name": "Secret_0.71"}})
    {'answer': {'type': 'other', 'name': 'object'}}
    >>> sanitise({"error": "ValueError: could not convert 'x'"})
    {'error': 'ValueError'}
    """
    if depth > 20:
        return None
    if isinstance(data, dict):
        out = {str(k): sanitise(v, depth + 1) for k, v in data.items()}
        if out.get("type") in ("other", "not_callable") or ("name" in out and "type" in out and out["type"] != "str"):
            out["name"] = out["name"] if str(out.get("name")) in _SAFE_TYPES else "object"
        if "error" in out:
            out["error"] = safe_error_name(out["error"])
        return out
    if isinstance(data, list):
        return [sanitise(v, depth + 1) for v in data]
    return data


def _reason(key: str, lang: str, **fields: Any) -> str:
    return text(REASONS[key], lang, **fields)


def _raised_prefix(lang: str) -> str:
    return text(UI["raised"], lang, error="\0").split("\0")[0]


def judge_task(task: Any, collected: dict, reference: Any, lang: str) -> Feedback:
    """The verdict on one task's collected data, with any message that could carry learner text replaced.

    Parameters
    ----------
    task : helpers.checks.core.Task
    collected : dict
        Sanitised data (:func:`sanitise`).
    reference : object
        The exercise's reference.
    lang : {"en", "zh"}

    Returns
    -------
    Feedback

    Examples
    --------
    >>> from helpers.checks.core import NumberTask
    >>> judge_task(NumberTask("task1", reference=lambda r: 0.5), {"answer": {"type": "number", "value": 0.5}},
    ...            None, "en").status
    'correct'
    """
    fb = judge(task, collected, reference, lang)
    if fb.status == "error" and fb.message.startswith(_raised_prefix(lang)):
        names = [collected.get("error")] if "error" in collected else [
            c.get("error") for c in (collected.get("answer") or {}).get("calls", []) if isinstance(c, dict)]
        names = [n for n in names if n]
        if names:
            return Feedback(fb.task, "error", text(UI["raised"], lang, error=safe_error_name(names[0])), lang)
        return Feedback(fb.task, "error", _reason("unreadable", lang), lang)
    return fb


class _References(dict):
    def __missing__(self, stem: str) -> Any:
        self[stem] = ref = checks_module(stem).Reference()
        return ref


def judge_submission(s: Submission, a: Assignment, cells: list[dict], report: dict, reference: Any,
                     inputs: dict[str, list[tuple]], limits: Limits) -> None:
    """Phase 2 for one submission: scores, feedback, status and reason from the sandbox's report.

    Parameters
    ----------
    s : Submission
        Filled in place.
    a : Assignment
    cells : list of dict
        What ran (:func:`build_cells`), in the order of ``report["cells"]``.
    report : dict
        The runner's report (or ``{"sandbox_failed": ...}``).
    reference : object
        The exercise's reference values.
    inputs : dict
        :func:`task_inputs`.
    limits : Limits

    Returns
    -------
    None
    """
    lang = s.lang
    tasks = {t.name: t for t in checks_module(a.stem).TASKS}
    seconds = _num(limits.cell_timeout)
    statuses = report.get("cells") or [{"status": "not_run"} for _ in cells]
    if len(statuses) != len(cells):
        statuses = [{"status": "not_run"} for _ in cells]
    collected = report.get("collected") or {}
    failed = "sandbox_failed" in report or "runner_failed" in report or (
        "kernel_failed" in report and not any(st.get("status") != "not_run" for st in statuses))
    why = _reason("why_deadline", lang, seconds=_num(limits.notebook_timeout)) if report.get("deadline") else (
        _reason("why_kernel", lang) if "kernel_failed" in report else _reason("why_restarts", lang))
    # per task: how its answer cells and its collection cell went
    answer_state: dict[str, dict] = {}
    collect_state: dict[str, dict] = {}
    problems: list[str] = []
    for cell, st in zip(cells, statuses):
        status = st.get("status", "not_run")
        if cell["kind"] == "answer" and cell["task"] and status != "ok" and cell["task"] not in answer_state:
            answer_state[cell["task"]] = st
        if cell["kind"] == "collect":
            collect_state[cell["task"]] = st
        if status in ("error", "timeout", "killed", "died"):
            problems.append(_cell_problem(cell, st, limits))
    for q in a.questions:
        task = tasks[q]
        if isinstance(task, WrittenTask):
            answer = written_answers(s.notebook, a).get(q, "") if s.notebook is not None else ""
            answer = "" if answer.strip() in TEXT_STUBS.values() else answer.strip()
            fb = judge(task, collect(task, answer or ...), None, lang)
            s.scores[q] = None
            s.feedback[q] = ("written", _reason("written" if fb.status == "recorded" else "written_blank", lang))
            continue
        s.scores[q] = 0.0
        if failed:
            s.feedback[q] = ("not_graded", _reason("no_run", lang))
            continue
        ans = answer_state.get(q)
        col = collect_state.get(q, {"status": "not_run"})
        if ans is not None and ans.get("status") == "error":
            s.feedback[q] = ("not_yet", _reason("answer_error", lang, ename=safe_error_name(ans.get("ename"))))
        elif ans is not None and ans.get("status") == "timeout":
            s.feedback[q] = ("not_yet", _reason("answer_timeout", lang, seconds=seconds))
        elif ans is not None and ans.get("status") == "killed":
            s.feedback[q] = ("not_yet", _reason("answer_killed", lang, seconds=seconds))
        elif ans is not None and ans.get("status") == "died":
            s.feedback[q] = ("not_yet", _reason("answer_died", lang))
        elif ans is not None and ans.get("status") == "not_run" or col.get("status") == "not_run" and q not in collected:
            s.feedback[q] = ("not_graded", _reason("not_run", lang, why=why))
        elif col.get("status") in ("timeout", "killed", "died"):
            s.feedback[q] = ("not_yet", _reason("collect_timeout", lang, seconds=seconds))
        elif q not in collected:
            s.feedback[q] = ("not_yet", _reason("unreadable", lang))
        else:
            try:
                data = sanitise(json.loads(collected[q]))
                if not isinstance(data, dict):
                    raise ValueError("not a mapping")
                if data.get("undefined"):
                    s.feedback[q] = ("not_yet", _reason("undefined", lang))
                    continue
                judged = dataclasses.replace(task, inputs=inputs[q]) if q in inputs else task
                fb = judge_task(judged, data, reference, lang)
            except Exception:  # the grader cannot judge this data: never fatal, and never a pass
                s.flags.append(f"review: the grader could not judge {q}")
                s.feedback[q] = ("not_yet", _reason("unreadable", lang))
                continue
            if fb.status == "correct":
                s.scores[q] = a.points[q]
            s.feedback[q] = ("passed" if fb.status == "correct" else "not_yet", fb.message)
    # the submission's status and the instructor's reason (English: the gradebook is the instructor's)
    for key in ("first_try", "sandbox_failed", "runner_failed", "kernel_failed", "stderr"):
        if report.get(key):
            s.log.append(f"{key}: {str(report[key])[:2000]}")
    if failed:
        kind = report.get("sandbox_failed") or report.get("runner_failed") or report.get("kernel_failed") or ""
        s.status = "timeout" if kind == "wall" else "error"
        s.reason = ("the whole notebook ran past the time limit and its sandbox was stopped; no task was graded"
                    if kind == "wall" else "the grader could not run this notebook (Python did not start in the "
                    "sandbox); no task was graded: grade it again, or review it by hand")
        return
    states = {st.get("status") for st in statuses}
    if report.get("deadline"):
        not_graded = [q for q in a.auto_questions if s.feedback.get(q, ("",))[0] == "not_graded"]
        problems.append(f"the notebook ran past its {_num(limits.notebook_timeout)} s limit and was stopped"
                        + (f"; not graded: {', '.join(not_graded)}" if not_graded else ""))
    if report.get("restarts") and "kernel_failed" in report:
        problems.append("Python could not be started again after a cell stopped it; the tasks after it were not graded")
    s.status = ("timeout" if report.get("deadline") or states & {"timeout", "killed"} else
                "error" if states & {"error", "died"} or "kernel_failed" in report else "graded")
    if s.status != "graded":
        graded = [q for q in a.auto_questions if s.feedback.get(q, ("",))[0] != "not_graded"]
        tail = ("the other tasks were graded" if len(graded) == len(a.auto_questions)
                else f"graded: {', '.join(graded) or 'none'}")
        s.reason = "; ".join(dict.fromkeys(problems)) + f" ({tail})"


def _cell_problem(cell: dict, st: dict, limits: Limits) -> str:
    status = st.get("status")
    if cell["kind"] == "answer":
        where = f"{task_label(cell['task'])}'s answer cell" if cell["task"] else "an answer cell"
    elif cell["kind"] == "collect":
        where = f"reading the answer of {task_label(cell['task'])}"
    elif cell["kind"] == "extra":
        where = f"a cell the learner added after {task_label(cell['where'])}" if cell["where"] not in ("", "start") \
            else "a cell the learner added at the start"
    else:
        where = f"the exercise's own cell after {task_label(cell['where'])}" if cell["where"] else "the exercise's set-up cell"
    seconds = _num(limits.cell_timeout)
    return {
        "error": f"{where} raised {safe_error_name(st.get('ename'))}",
        "timeout": f"{where} ran longer than {seconds} s and was interrupted",
        "killed": f"{where} ignored the interrupt after {seconds} s and was killed; the notebook was run again without it",
        "died": f"{where} ended Python; the notebook was run again without it",
    }.get(status, f"{where}: {status}")


def _hold_tampered_scores(subs: Sequence[Submission], known: dict[str, Assignment], baseline: dict[tuple[str, str], float]) -> None:
    """A submission flagged for review that beat the untouched exercise is held at zero until reviewed."""
    for s in subs:
        key = (s.module, s.lang)
        if any(f.startswith("review:") for f in s.flags) and key in baseline:
            a = known[s.module]
            if s.total(a) > baseline[key]:
                s.scores = {q: 0.0 for q in a.auto_questions} | {q: None for q in a.questions if q not in a.auto_questions}
                s.flags.append("score held at the untouched exercise's score until reviewed")


# ============================================================================ the batch
def _progress(done: int, total: int, label: str, stream=sys.stderr) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    label = "".join(ch if ch.isprintable() else "?" for ch in label)[:40]
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def _resolve_folders(submissions: Path, out: Path) -> tuple[Path, Path]:
    """Absolute paths of the submissions and output folders, refusing overlaps (submissions stay untouched)."""
    submissions = Path(os.path.abspath(submissions))
    if submissions.is_symlink():
        submissions = submissions.resolve()
    if not submissions.is_dir():
        raise FileNotFoundError(f"{submissions}: not a folder. Pass the folder that holds the submitted notebooks.")
    submissions = submissions.resolve()
    out = out.resolve()
    if out == submissions or submissions in out.parents:
        raise ValueError(f"--out {out} is inside the submissions folder; choose a folder outside it, so submissions stay untouched.")
    if out in submissions.parents:
        raise ValueError(f"the submissions folder is inside --out {out}; choose an output folder that does not contain it.")
    return submissions, out


def _remove_tree(path: Path) -> None:
    """Remove the grader's temporary folder whatever is in it (read-only files, odd names)."""
    def onerror(func, p, exc_info):  # noqa: ANN001 - shutil's callback
        try:
            os.chmod(p, 0o700)
            parent = os.path.dirname(p)
            os.chmod(parent, 0o700)
            func(p)
        except OSError:
            pass

    for _ in range(3):
        if not os.path.lexists(path):
            return
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=onerror)
        else:
            shutil.rmtree(path, onerror=onerror)


def grade_folder(
    submissions: Path,
    out: Path,
    *,
    timeout: float = 30,
    jobs: int = 2,
    solutions_dir: Path = SOLUTIONS_DIR,
    progress: Callable[[int, int, str], None] | None = _progress,
    sandbox: bool = True,
    limits: Limits | None = None,
    max_submission_mb: float = MAX_SUBMISSION_MB,
) -> list[dict[str, object]]:
    """Grade every file in ``submissions``; write the gradebook, summary, LMS exports and feedback to ``out``.

    The steps: find every file (:func:`discover`), inspect each
    (:func:`inspect_file`), make ids unique (:func:`assign_ids`), run each
    notebook to gradable in its own sandbox next to each untouched exercise
    (phase 1, :meth:`coursekit.sandbox.Sandbox.run`), judge in this process
    (phase 2, :func:`judge_submission`), hold tampered scores and write the
    outputs (:func:`write_outputs`).

    Parameters
    ----------
    submissions : Path
        Folder of submitted files (only read).
    out : Path
        Folder for the outputs; must not overlap ``submissions``.
    timeout : float
        Seconds one cell may run (``limits.cell_timeout`` when ``limits`` is given).
    jobs : int
        Notebooks graded in parallel.
    solutions_dir : Path
        The solution notebooks the exercises were built from.
    progress : callable or None
        Called as ``progress(done, total, label)``; None for silence.
    sandbox : bool
        False only for ``--no-sandbox`` (every row is then flagged).
    limits : Limits, optional
        Resource limits per submission (default :class:`Limits` with ``timeout``).
    max_submission_mb : float
        Larger files are reported, not read.

    Returns
    -------
    list of dict
        The gradebook rows (also written to ``out/gradebook.csv``). Grading
        the same folder twice gives the same gradebook.

    Raises
    ------
    SandboxUnavailable
        When a notebook must run and no sandbox works (and ``sandbox`` is True).

    Examples
    --------
    >>> import tempfile
    >>> sub, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (sub / "notes.txt").write_text("not a notebook")
    >>> rows = grade_folder(sub, out, progress=None)
    >>> [(r["submission"], r["status"]) for r in rows]
    [('notes.txt', 'invalid')]
    >>> sorted(p.name for p in out.iterdir())
    ['canvas.csv', 'feedback', 'gradebook.csv', 'moodle.csv', 'summary.csv']
    """
    limits = limits or Limits(cell_timeout=timeout)
    submissions, out = _resolve_folders(submissions, out)
    out.mkdir(parents=True, exist_ok=True)  # exists before any sandbox starts, so that none can ever see it
    known = assignments(solutions_dir)
    releases = _Releases(known)
    max_bytes = int(max_submission_mb * 2**20)
    subs: list[Submission] = []
    for found in discover(submissions, max_bytes):
        try:
            subs.append(inspect_file(found.path, submissions, known, releases, found.problem))
        except Exception as exc:  # never fatal: the file gets its row
            s = Submission(found.path, printable(found.path.relative_to(submissions)), learner=learner_id(found.path.name))
            s.status, s.reason = "error", f"the grader could not read this file ({type(exc).__name__}); review it by hand"
            subs.append(s)
    subs.sort(key=lambda s: s.relpath)
    assign_ids(subs)
    todo = [s for s in subs if not s.status]
    start = time.perf_counter()
    count = len(subs) - len(todo)
    if progress:
        progress(count, len(subs), "checking files")
    warning = ""
    tmp = Path(tempfile.mkdtemp(prefix="tiering-grade-"))
    try:
        if todo:
            box = Sandbox.detect(sandbox, slots=jobs, hide=(solutions_dir, submissions, out, tmp))
            if box.isolated:
                box.probe(limits, tmp)
                if box.kernel_as_root:
                    warning = "sandbox without a separate user: the process limit is not enforced"
            else:
                warning = "graded WITHOUT a sandbox (--no-sandbox): learner code ran with your rights"
            baseline = _grade_all(todo, known, releases, box, limits, tmp, jobs, progress, count, len(subs))
            _hold_tampered_scores(subs, known, baseline)
    finally:
        _remove_tree(tmp)
    if warning:
        for s in todo:
            s.flags.append(warning)
    rows = write_outputs(subs, known, out, warning)
    if progress and todo:
        sys.stderr.write(f"graded {len(todo)} notebook(s) in {time.perf_counter() - start:.1f} s\n")
    return rows


def _run_once_more_if_python_did_not_start(box: Sandbox, cells: list[dict], limits: Limits, workdir: Path) -> dict:
    """Phase 1 for one notebook; when Python did not even start (a busy machine), one more try in a new sandbox."""
    report = box.run(cells, limits, workdir / "1")
    nothing_ran = not any(c.get("status") != "not_run" for c in report.get("cells") or [])
    if nothing_ran and ("kernel_failed" in report or report.get("sandbox_failed") == "no report"):
        time.sleep(2)
        second = box.run(cells, limits, workdir / "2")
        second.setdefault("first_try", {k: v for k, v in report.items() if k in ("kernel_failed", "sandbox_failed", "stderr")})
        return second
    return report


def _grade_all(todo: list[Submission], known: dict[str, Assignment], releases: dict, box: Sandbox, limits: Limits,
               tmp: Path, jobs: int, progress: Callable | None, done: int, total: int) -> dict[tuple[str, str], float]:
    """Phase 1 for every submission (in parallel sandboxes) and for each untouched exercise; phase 2 as each ends."""
    references = _References()
    inputs = {m: task_inputs(a, hidden_inputs(a)) for m, a in known.items() if any(s.module == m for s in todo)}
    jobs_list: list[tuple[Submission, list[dict]]] = []
    for s in todo:
        a = known[s.module]
        try:
            cells = build_cells(s.notebook, releases[(s.module, s.lang)], a, inputs[s.module])
        except Exception as exc:  # a notebook the grader cannot assemble: its row says so
            s.status, s.reason = "error", f"the grader could not assemble this notebook ({type(exc).__name__}); review it by hand"
            continue
        jobs_list.append((s, cells))
    baselines = []
    for module, lang in sorted({(s.module, s.lang) for s, _ in jobs_list}):
        release = releases[(module, lang)]
        b = Submission(Path(known[module].notebook), "(untouched)", learner="(untouched)", module=module, lang=lang,
                       notebook=release)
        baselines.append((b, build_cells(release, release, known[module], inputs[module])))
    work = baselines + jobs_list
    results: dict[int, dict] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        futures = {pool.submit(_run_once_more_if_python_did_not_start, box, cells, limits, tmp / f"job{i}"): i
                   for i, (_, cells) in enumerate(work)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                report = future.result()
            except Exception as exc:  # the sandbox itself failed for this one: its row says so
                report = {"sandbox_failed": type(exc).__name__}
            s, cells = work[i]
            a = known[s.module]
            try:
                judge_submission(s, a, cells, report, references[a.stem], inputs[s.module], limits)
            except Exception as exc:
                s.status, s.reason = "error", f"the grader could not judge this notebook ({type(exc).__name__}); review it by hand"
            _remove_tree(tmp / f"job{i}")
            results[i] = report
            if i >= len(baselines):
                done += 1
                if progress:
                    progress(done, total, s.relpath)
    except BaseException:  # Ctrl-C, SIGTERM: stop the sandboxes now (they run in sessions of their own)
        box.stop_all()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return {(b.module, b.lang): b.total(known[b.module]) for b, _ in baselines}


# ============================================================================ outputs
def write_outputs(subs: list[Submission], known: dict[str, Assignment], out: Path, warning: str = "") -> list[dict[str, object]]:
    """Write ``gradebook.csv``, ``summary.csv``, ``canvas.csv``, ``moodle.csv`` and the feedback pages.

    Parameters
    ----------
    subs : list of Submission
    known : dict
        :func:`assignments`.
    out : Path
    warning : str
        A warning for the whole run (``--no-sandbox``), also written to ``out/WARNING.txt``.

    Returns
    -------
    list of dict
        The gradebook rows.
    """
    out.mkdir(parents=True, exist_ok=True)
    modules = sorted({s.module for s in subs if s.module in known})
    columns = [f"{m}:{q}" for m in modules for q in known[m].questions]
    rows = [s.row(known.get(s.module), columns) for s in sorted(subs, key=lambda s: s.relpath)]
    fields = ["submission", "learner", "module", "lang", "status", "score", "max_score", *columns, "flags", "reason"]
    _write_csv(out / "gradebook.csv", fields, rows)
    summary = summarise(rows, known, columns)
    _write_csv(out / "summary.csv", list(summary[0]) if summary else ["task"], summary)
    header, canvas = canvas_rows(subs, known)
    _write_csv(out / "canvas.csv", header, canvas, quote_all=True)
    header, moodle = moodle_rows(subs, known)
    _write_csv(out / "moodle.csv", header, moodle, quote_all=True)
    log_lines = [f"{s.relpath}: {line}" for s in sorted(subs, key=lambda s: s.relpath) for line in s.log]
    log_file = out / "grader-log.txt"
    if log_lines:
        log_file.write_text("\n".join(log_lines) + "\n", encoding="utf-8")
    elif log_file.exists():
        log_file.unlink()
    warning_file = out / "WARNING.txt"
    if warning:
        warning_file.write_text(f"{warning}\n", encoding="utf-8")
    elif warning_file.exists():
        warning_file.unlink()
    feedback_dir = out / "feedback"
    if feedback_dir.exists():
        shutil.rmtree(feedback_dir)
    feedback_dir.mkdir()
    for s in subs:
        if s.module in known and s.status in ("graded", "timeout", "error") and s.feedback:
            path = feedback_dir / s.learner / f"{s.module}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(feedback_html(s, known[s.module]), encoding="utf-8")
    return rows


def _write_csv(path: Path, fields: Sequence[str], rows: Iterable[dict], quote_all: bool = False) -> None:
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(fields), lineterminator="\r\n" if quote_all else "\n",
                                quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def exercise_title(assignment: Assignment) -> str:
    """The LMS column (assignment) name of an exercise: ``Exercise 01 pareto``.

    Parameters
    ----------
    assignment : Assignment

    Returns
    -------
    str

    Examples
    --------
    >>> exercise_title(assignments()["04"])
    'Exercise 04 rfm'
    """
    return f"Exercise {assignment.module} {assignment.slug}"


def _lms_scores(subs: Sequence[Submission], known: dict[str, Assignment]) -> dict[str, dict[str, object]]:
    """Per learner (first file only): the automatically graded points of each exercise, and the Canvas id."""
    table: dict[str, dict[str, object]] = {}
    for s in sorted(subs, key=lambda s: s.relpath):
        if s.module not in known or not s.primary or s.status not in ("graded", "timeout", "error"):
            continue
        row = table.setdefault(s.learner, {"lms_id": ""})
        row["lms_id"] = row["lms_id"] or s.lms_id
        row[s.module] = _num(s.total(known[s.module]))
    return table


def canvas_rows(subs: Sequence[Submission], known: dict[str, Assignment]) -> tuple[list[str], list[dict[str, object]]]:
    """The Canvas gradebook import: ``Student, ID, SIS User ID, SIS Login ID, Section``, one column per exercise.

    Canvas reads the first row as the header (it must start with ``Student`` and
    ``ID`` and end its student columns with ``Section``), a row whose first cell
    contains ``Points Possible`` as the points of new assignments, and matches
    each learner by ``ID`` (Canvas user id, known when the files came from
    Canvas's "Download Submissions"), then ``SIS User ID`` / ``SIS Login ID``,
    then by name. The learner id goes to ``Student`` and ``SIS Login ID``. A
    column whose title matches an existing assignment updates it; any other
    creates one. Empty cells change nothing.

    Parameters
    ----------
    subs : sequence of Submission
    known : dict

    Returns
    -------
    tuple
        The header and the rows (the first row is ``Points Possible``).

    Examples
    --------
    >>> s = Submission(Path("x"), "x", learner="alice", module="01", status="graded", scores={"task1": 1.0})
    >>> header, rows = canvas_rows([s], {"01": assignments()["01"]})
    >>> header, rows[0]["Student"], rows[1]["Exercise 01 pareto"]
    (['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'Exercise 01 pareto'], '    Points Possible', '1')
    """
    modules = sorted({s.module for s in subs if s.module in known})
    titles = {m: exercise_title(known[m]) for m in modules}
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *titles.values()]
    points = {"Student": "    Points Possible", "ID": "", "SIS User ID": "", "SIS Login ID": "", "Section": ""}
    points |= {titles[m]: _num(known[m].max_auto) for m in modules}
    rows = [points]
    for learner, scores in sorted(_lms_scores(subs, known).items()):
        row = {"Student": learner, "ID": scores["lms_id"], "SIS User ID": "", "SIS Login ID": learner, "Section": ""}
        rows.append(row | {titles[m]: scores.get(m, "") for m in modules})
    return header, rows


def moodle_rows(subs: Sequence[Submission], known: dict[str, Assignment]) -> tuple[list[str], list[dict[str, object]]]:
    """The Moodle grade import (Grades → Import → CSV file): ``Username``, then ``<exercise> (Real)`` columns.

    Moodle's import form pre-selects the user mapping when a header equals one
    of its identity fields (``Username``) and maps a column named
    ``<grade item> (Real)`` to the grade item of that name (choose "New grade
    item" for the others). Empty cells are no grade. Pick "UTF-8" and "comma"
    on the import page.

    Parameters
    ----------
    subs : sequence of Submission
    known : dict

    Returns
    -------
    tuple
        The header and the rows.

    Examples
    --------
    >>> s = Submission(Path("x"), "x", learner="alice", module="01", status="graded", scores={"task1": 1.0})
    >>> moodle_rows([s], {"01": assignments()["01"]})
    (['Username', 'Exercise 01 pareto (Real)'], [{'Username': 'alice', 'Exercise 01 pareto (Real)': '1'}])
    """
    modules = sorted({s.module for s in subs if s.module in known})
    titles = {m: f"{exercise_title(known[m])} (Real)" for m in modules}
    header = ["Username", *titles.values()]
    rows = [{"Username": learner} | {titles[m]: scores.get(m, "") for m in modules}
            for learner, scores in sorted(_lms_scores(subs, known).items())]
    return header, rows


def summarise(rows: list[dict[str, object]], known: dict[str, Assignment], columns: Sequence[str]) -> list[dict[str, object]]:
    """Score distribution per task over the graded rows.

    Parameters
    ----------
    rows : list of dict
        Gradebook rows.
    known : dict
    columns : sequence of str
        The task columns (``NN:taskK``).

    Returns
    -------
    list of dict
        ``task``/``question``, ``points``, ``graded``, ``mean``, ``full_marks``, ``zero``.

    Examples
    --------
    >>> known = assignments()
    >>> rows = [{"module": "01", "status": "graded", "01:task2": "2"}, {"module": "01", "status": "graded", "01:task2": "0"}]
    >>> summarise(rows, known, ["01:task2"])[0]["full_marks"]
    '50%'
    """
    out = []
    for col in columns:
        module, _, q = col.partition(":")
        if q not in known[module].auto_questions:
            continue
        scores = [float(r[col]) for r in rows if r.get("module") == module and r.get(col) not in ("", None)]
        if not scores:
            continue
        top = known[module].points[q]
        out.append({
            "question": col, "points": _num(top), "graded": len(scores),
            "mean": f"{sum(scores) / len(scores):.2f}",
            "full_marks": f"{sum(1 for x in scores if x >= top) / len(scores):.0%}",
            "zero": f"{sum(1 for x in scores if x == 0) / len(scores):.0%}",
        })
    return out


def _clean(message: str) -> str:
    message = "".join(ch for ch in str(message) if ch.isprintable() or ch == " ")
    return message[:600]


def feedback_html(s: Submission, a: Assignment) -> str:
    """A learner's feedback page, in the notebook's language: per task the verdict, points and what to look at.

    Only the self-checks' verdicts and the grader's own plain reasons appear:
    no learner output, no path, no traceback, no expected value, nobody else.

    Parameters
    ----------
    s : Submission
    a : Assignment

    Returns
    -------
    str
        A self-contained HTML page.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> s = Submission(Path("x.ipynb"), "x.ipynb", learner="li", module="01", lang="zh", status="graded",
    ...                scores={"task1": 1.0, "task2": 0.0}, feedback={"task2": ("not_yet", "占比是 0 到 1 之间的小数。")})
    >>> page = feedback_html(s, a)
    >>> "第 2 题" in page and "占比" in page and "x.ipynb" not in page
    True
    """
    lang = s.lang

    def w(key: str, **fields: Any) -> str:
        return html.escape(text(PAGE[key], lang, **fields))

    rows = []
    for q in a.questions:
        top = a.points[q]
        score = s.scores.get(q)
        verdict, note = s.feedback.get(q, ("not_graded", ""))
        if q not in a.auto_questions:
            shown = w("by_hand")
        elif verdict == "passed":
            shown, note = w("passed"), note or text(PAGE["correct"], lang)
        elif verdict == "not_yet":
            shown = w("not_yet")
        else:
            shown = w("not_graded")
        pts = "" if score is None else _num(score)
        rows.append(f"<tr><td>{html.escape(task_label(q, lang))}</td><td>{shown}</td><td>{pts} / {_num(top)}</td>"
                    f"<td>{html.escape(_clean(note))}</td></tr>")
    status_note = "" if s.status == "graded" else f"<p><b>{w('note')}:</b> {w(s.status if s.status in PAGE else 'error')}</p>"
    return (
        f"<!doctype html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
        f"<title>{w('title', module=a.module, learner=s.learner)}</title>"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
        "td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}</style></head><body>"
        f"<h1>{w('heading', module=a.module, slug=a.slug)}</h1>"
        f"<p>{w('learner')}: <b>{html.escape(s.learner)}</b>. {w('points')}: "
        f"<b>{_num(s.total(a))} / {_num(a.max_auto)}</b>.</p>{status_note}"
        f"<table><tr><th>{w('task')}</th><th>{w('result')}</th><th>{w('pts')}</th><th>{w('look')}</th></tr>"
        + "".join(rows) + "</table></body></html>\n"
    )


# ============================================================================ command line
def main(argv: Sequence[str] | None = None) -> int:
    """The ``python -m coursekit.grade`` command (see the module docstring and ``--help``).

    Parameters
    ----------
    argv : sequence of str, optional
        Default: ``sys.argv[1:]``.

    Returns
    -------
    int
        0 when the batch was graded; 2 when it could not start (no such folder,
        overlapping folders, no sandbox: the message says how to install one).
    """
    parser = argparse.ArgumentParser(prog="python -m coursekit.grade",
                                     description="Grade a folder of submitted exercise notebooks, each in its own sandbox.")
    parser.add_argument("submissions", type=Path, help="folder of submitted .ipynb files (only read)")
    parser.add_argument("--out", type=Path, default=Path("grading-output"), help="where to write the gradebook and feedback")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks graded in parallel (default 2)")
    d = Limits()
    parser.add_argument("--timeout", type=float, default=d.cell_timeout, help=f"seconds one cell may run (default {d.cell_timeout:g})")
    parser.add_argument("--notebook-timeout", type=float, default=d.notebook_timeout,
                        help=f"seconds a whole notebook may run (default {d.notebook_timeout:g})")
    parser.add_argument("--memory-mb", type=int, default=d.memory_mb, help=f"memory per process in MB (default {d.memory_mb})")
    parser.add_argument("--cpu-seconds", type=int, default=d.cpu_seconds, help=f"CPU seconds per process (default {d.cpu_seconds})")
    parser.add_argument("--max-processes", type=int, default=d.processes,
                        help=f"processes and threads per sandbox (default {d.processes})")
    parser.add_argument("--max-file-mb", type=int, default=d.file_size_mb,
                        help=f"largest file a notebook may write, in MB (default {d.file_size_mb})")
    parser.add_argument("--tmp-mb", type=int, default=d.tmp_mb, help=f"size of the sandbox's /tmp in MB (default {d.tmp_mb})")
    parser.add_argument("--max-submission-mb", type=float, default=MAX_SUBMISSION_MB,
                        help=f"larger submitted files are reported, not read (default {MAX_SUBMISSION_MB})")
    parser.add_argument("--no-sandbox", action="store_true",
                        help="run notebooks WITHOUT a sandbox (only on a throw-away machine; the gradebook says so)")
    args = parser.parse_args(argv)
    limits = Limits(memory_mb=args.memory_mb, cpu_seconds=args.cpu_seconds, processes=args.max_processes,
                    file_size_mb=args.max_file_mb, tmp_mb=args.tmp_mb, cell_timeout=args.timeout,
                    notebook_timeout=args.notebook_timeout)

    def stop(signum, frame):  # noqa: ANN001 - signal handler: clean up (temporary folder, sandboxes) and leave
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        rows = grade_folder(args.submissions, args.out, jobs=args.jobs, sandbox=not args.no_sandbox, limits=limits,
                            max_submission_mb=args.max_submission_mb)
    except SandboxUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
    counts = {st: sum(1 for r in rows if r["status"] == st) for st in STATUSES}
    print(f"{len(rows)} file(s): " + ", ".join(f"{n} {st}" for st, n in counts.items() if n))
    print(f"gradebook: {args.out / 'gradebook.csv'}\nLMS:       {args.out / 'canvas.csv'}, {args.out / 'moodle.csv'}\n"
          f"feedback:  {args.out / 'feedback'}")
    if args.no_sandbox:
        print("WARNING: graded without a sandbox (--no-sandbox); see WARNING.txt", file=sys.stderr)
    summary = args.out / "summary.csv"
    if summary.exists():
        print("score distribution per task:\n" + summary.read_text(encoding="utf-8-sig"))
    return 0


__all__ = ["INSTALL_HINT", "Assignment", "Found", "Limits", "REASONS", "STATUSES", "Submission", "assign_ids",
           "assignments", "build_cells", "canvas_rows", "collection_code", "detect_language", "discover",
           "exercise_title", "feedback_html", "grade_folder", "hidden_inputs", "holds_exercise_cells", "identify",
           "inspect_file", "judge_submission", "judge_task", "learner_cells", "learner_id", "main", "moodle_rows",
           "printable", "release_notebook", "safe_error_name", "sanitise", "slugify", "structure_flags",
           "summarise", "tamper_flags", "task_inputs", "write_outputs", "written_answers"]

if __name__ == "__main__":
    sys.exit(main())
