"""Batch grading of submitted exercise notebooks, built on nbgrader's autograder.

Usage (instructors)::

    make grade SUBMISSIONS=path/to/folder            # writes grading-output/
    python -m coursekit.grade path/to/folder --out OUT [--timeout 30] [--jobs 2]
    python -m helpers.grade path/to/folder --out OUT  # the same (a thin entry point)

What it does
------------
1. **Finds every file** under the submissions folder (hidden files such as
   ``.DS_Store`` are ignored). Each one gets exactly one gradebook row, whatever
   it contains. The folder is only read, never written.
2. **Works out learner and module** for each file (the rule is in
   :func:`identify`): the module from the exercise number in the file name or,
   failing that, from the notebook's own metadata; the learner from the
   sub-folder the file sits in or, for files lying loose, from the file name
   with the exercise name removed.
3. **Checks the file**: valid notebook JSON, an exercise of the module it claims
   to be, and the learner's cells scanned for tampering (redefining the checks
   or Python built-ins, printing imitation results). Tampering is flagged for
   review and can never earn more than the untouched exercise.
4. **Grades with nbgrader** in a private, throw-away course folder: nbgrader
   restores the original test cells (including the hidden tests that learners
   never saw), runs the notebook with a per-cell timeout and records points.
   Submissions are spread over ``--jobs`` parallel nbgrader processes.
5. **Writes** ``OUT/gradebook.csv`` (one row per file), ``OUT/summary.csv``
   (score distribution per question) and ``OUT/feedback/<learner>/<module>.html``
   (per question: passed or not, points and the self-check's hint; hidden tests
   and expected answers never appear).

Grading runs learners' code. Run it under a throw-away account or machine.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from helpers.paths import EXERCISES_DIR, SOLUTIONS_DIR

STATUSES = ("graded", "timeout", "error", "invalid")

#: Patterns in a learner's cells that try to change how answers are judged.
TAMPER_PATTERNS: dict[str, re.Pattern[str]] = {
    "redefines the self-checks": re.compile(
        r"(\bcheck\s*\.\s*\w+\s*=|helpers\s*\.\s*checks|from\s+helpers\.checks\.\w+\s+import\s+(?!check\b)|"
        r"\bFeedback\s*\(|\bTask\s*\()"
    ),
    "patches Python built-ins or loaded modules": re.compile(
        r"(\bimport\s+builtins\b|\bfrom\s+builtins\b|__builtins__|\bsys\s*\.\s*modules\b|\bsetattr\s*\(|"
        r"\bimportlib\s*\.\s*reload\b|\bunittest\s*\.\s*mock\b|\bmonkeypatch\b)"
    ),
    "patches helpers": re.compile(r"\bhelpers(\.\w+)*\s*\.\s*\w+\s*=[^=]|\bpareto\s*\.\s*\w+\s*=[^=]"),
    "prints imitation results": re.compile(r"(print|display|Markdown|HTML)\s*\([^)]*(✅|Correct!|✔)"),
}


@dataclass(frozen=True)
class Assignment:
    """One gradable exercise: its module number, notebook name and graded cells.

    Examples
    --------
    >>> a = Assignment.from_solution(SOLUTIONS_DIR / "01_pareto.ipynb")
    >>> a.module, a.notebook, a.questions[:2]
    ('01', '01_pareto.ipynb', ('task1', 'task2'))
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

    @classmethod
    def from_solution(cls, path: Path) -> "Assignment":
        """Read the graded cells and their points from a solution notebook."""
        nb = nbformat.read(path, as_version=4)
        questions, auto, points, answers = [], [], {}, []
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                questions.append(meta["grade_id"])
                points[meta["grade_id"]] = float(meta.get("points", 0))
                if cell.cell_type == "code":
                    auto.append(meta["grade_id"])
            elif meta.get("solution"):
                answers.append(meta["grade_id"])
        module, slug = path.stem.split("_", 1)
        return cls(module, slug, path, tuple(questions), tuple(auto), points, tuple(answers))


def assignments(solutions_dir: Path = SOLUTIONS_DIR) -> dict[str, Assignment]:
    """Every gradable exercise by module number.

    Examples
    --------
    >>> sorted(assignments())[:1]
    ['01']
    """
    return {a.module: a for a in (Assignment.from_solution(p) for p in sorted(solutions_dir.glob("[0-9][0-9]_*.ipynb")))}


@dataclass
class Submission:
    """One submitted file and everything the grader learns about it.

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
    status: str = ""
    reason: str = ""
    flags: list[str] = field(default_factory=list)
    scores: dict[str, float | None] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)
    notebook: nbformat.NotebookNode | None = None

    def row(self, assignment: Assignment | None, columns: Sequence[str]) -> dict[str, object]:
        """The gradebook row (question columns are ``NN:grade_id``)."""
        row: dict[str, object] = {
            "submission": self.relpath, "learner": self.learner, "module": self.module,
            "status": self.status, "score": "", "max_score": "",
        }
        if assignment is not None:
            auto_max = sum(assignment.points[q] for q in assignment.auto_questions)
            row["max_score"] = _num(auto_max)
            if self.status in ("graded", "timeout", "error"):
                total = sum(self.scores.get(q) or 0.0 for q in assignment.auto_questions)
                row["score"] = _num(total)
        for col in columns:
            module, _, q = col.partition(":")
            value = self.scores.get(q) if module == self.module else None
            row[col] = "" if value is None else _num(value)
        row["flags"] = "; ".join(self.flags)
        row["reason"] = self.reason
        return row


def _num(x: float) -> str:
    return f"{x:g}"


_COPY_SUFFIX = re.compile(r"(\s*\(\d+\)|\s*-\s*copy|\s*copy(\s*\d+)?|_v\d+|-v\d+)$", re.I)


def slugify(text: str) -> str:
    """A safe learner id: lower case letters, digits and single dashes.

    Examples
    --------
    >>> slugify("  Li Wei (Sales-North) "), slugify("Zoë_Müller")
    ('li-wei-sales-north', 'zoë-müller')
    """
    text = re.sub(r"[^\w]+", "-", text.strip().lower(), flags=re.UNICODE).strip("-_")
    return re.sub(r"[-_]+", "-", text)


def identify(path: Path, root: Path, known: dict[str, Assignment], nb: nbformat.NotebookNode | None) -> tuple[str, str, str]:
    """Learner, module and a problem (or "") for one submitted file.

    The rule, in order:

    * **Module**: the first two-digit number in the file name that is a known
      exercise (``01_pareto.ipynb``, ``alice_01.ipynb``, ``01_pareto (2).ipynb``);
      otherwise the module recorded in the notebook's metadata by the exercise
      generator. If the name and the content disagree, the content wins only
      when the name has no number; a real disagreement is a problem ("wrong
      module").
    * **Learner**: the first folder below the submissions folder, when the file
      sits in one (``alice/01_pareto.ipynb``); otherwise the file name without
      the exercise name, module number, copy markers like ``(2)`` and
      separators (``01_pareto - Li Wei.ipynb`` → ``li-wei``). A file that leaves
      nothing is named after itself.

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
    stem = path.stem if path.suffix == ".ipynb" else path.name
    name_module = ""
    for match in re.finditer(r"(?<!\d)(\d{2})(?!\d)", stem):
        if match.group(1) in known:
            name_module = match.group(1)
            break
    content_module = ""
    fits: list[str] = []
    if nb is not None:
        source = str(nb.metadata.get("kit", {}).get("generated_from", ""))
        m = re.search(r"(\d{2})_[^/]*\.ipynb$", source)
        if m:
            content_module = m.group(1)
        else:
            # no kit metadata: fall back to the graded cell ids, but only when exactly one
            # exercise fits best (several exercises may share ids such as "task1")
            ids = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells
                   if c.metadata.get("nbgrader", {}).get("grade")}
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
    if not module:
        problem = "no exercise number in the file name and no exercise metadata inside"
        if nb is not None and len(fits) > 1:
            problem = (f"no exercise number in the file name, and its graded cells fit exercises {', '.join(fits)}: "
                       "add the exercise number to the file name (e.g. 04_rfm - Li Wei.ipynb)")
    if len(rel.parts) > 1:
        learner = slugify(rel.parts[0])
    else:
        base = _COPY_SUFFIX.sub("", stem)
        if module and module in known:
            base = re.sub(rf"{module}[_\- ]?({re.escape(known[module].slug)})?", " ", base, count=1, flags=re.I)
        base = re.sub(r"\b(exercise|submission|assignment)\b", " ", base, flags=re.I)
        learner = slugify(base) or slugify(stem) or "unknown"
    return learner, module, problem


def learner_cells(nb: nbformat.NotebookNode, assignment: Assignment, release: nbformat.NotebookNode) -> list[str]:
    """Sources of the cells a learner wrote: answer cells and any cell not in the release.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> rel = nbformat.read(a.solution.parent.parent / "exercises" / a.notebook, as_version=4)
    >>> learner_cells(rel, a, rel)[0]
    'revenue = ...  # your code here'
    """
    given = {c.source for c in release.cells}
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in assignment.answer_ids or cell.source not in given:
            out.append(cell.source)
    return out


def tamper_flags(sources: Iterable[str]) -> list[str]:
    """Which tampering patterns occur in a learner's cells.

    Examples
    --------
    >>> tamper_flags(["top20 = 0.6", "import builtins\\nbuiltins.abs = lambda x: 0"])
    ['patches Python built-ins or loaded modules']
    >>> tamper_flags(['print("✅ Task 2 — Correct!")'])
    ['prints imitation results']
    >>> tamper_flags(["revenue = pareto.value_by_customer(transactions)"])
    []
    """
    text = "\n".join(sources)
    return [name for name, pattern in TAMPER_PATTERNS.items() if pattern.search(text)]


def structure_flags(nb: nbformat.NotebookNode, release: nbformat.NotebookNode) -> list[str]:
    """Flags for deleted, reordered or added graded cells (nbgrader restores the tests anyway).

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
    def ids(book: nbformat.NotebookNode) -> list[str]:
        return [c.metadata.get("nbgrader", {}).get("grade_id") for c in book.cells
                if c.metadata.get("nbgrader", {}).get("grade_id")]

    expected, got = ids(release), ids(nb)
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


def _release(assignment: Assignment) -> nbformat.NotebookNode:
    from coursekit.exercises import build_text

    return nbformat.reads(build_text(assignment.solution), as_version=4)


class _Releases(dict):
    """The release notebook of each exercise by module, built on first use (building one takes a while)."""

    def __init__(self, known: dict[str, Assignment]) -> None:
        super().__init__()
        self._known = known

    def __missing__(self, module: str) -> nbformat.NotebookNode:
        self[module] = release = _release(self._known[module])
        return release


def _nbgrader_env() -> dict[str, str]:
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")  # nbgrader calls `alembic` from PATH
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _write_config(course: Path, timeout: int) -> None:
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'tiering-kit'\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        f"c.Execute.timeout = {int(timeout)}\n"
        "c.Execute.interrupt_on_timeout = True\n"
        "c.Execute.allow_errors = True\n"
        "c.Execute.raise_on_iopub_timeout = False\n"
        "c.LimitOutput.max_lines = 200\n"
        "c.LimitOutput.max_traceback = 50\n",
        encoding="utf-8",
    )


def _run_nbgrader(args: Sequence[str], course: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=course, env=_nbgrader_env(),
        capture_output=True, text=True, timeout=timeout, check=False,
    )


def _release_in_course(course: Path, a: Assignment) -> bool:
    """Step 1 of a chunk: put the solution into the course's ``source/`` and let nbgrader release it.

    Returns False when ``nbgrader generate_assignment`` failed (the exercise cannot be graded).
    """
    src = course / "source" / a.module
    src.mkdir(parents=True, exist_ok=True)
    shutil.copy(a.solution, src / a.notebook)
    done = _run_nbgrader(["generate_assignment", a.module, "--force", "--CourseDirectory.root=" + str(course)],
                         course, 300)
    return done.returncode == 0 and (course / "release" / a.module / a.notebook).exists()


def _submit_in_course(course: Path, a: Assignment, learners: Sequence[Submission]) -> None:
    """Step 2 of a chunk: write each learner's notebook where nbgrader looks for submissions."""
    for s in learners:
        dest = course / "submitted" / s.learner / a.module
        dest.mkdir(parents=True, exist_ok=True)
        nbformat.write(s.notebook, dest / a.notebook)


def _graded_path(course: Path, a: Assignment, s: Submission) -> Path:
    """Where nbgrader writes the autograded copy of ``s``'s notebook."""
    return course / "autograded" / s.learner / a.module / a.notebook


def _autograde_together(course: Path, a: Assignment, learners: Sequence[Submission], per_notebook: float,
                        on_done: Callable[[Submission], None]) -> tuple[set[int], str]:
    """Step 3 of a chunk: one ``nbgrader autograde`` process for all learners of the exercise.

    One process saves nbgrader's start-up per notebook. Progress is reported as
    each graded copy appears; the process is killed when the chunk's time
    (``per_notebook`` per learner) runs out. Returns the ids of the submissions
    already reported and nbgrader's stderr.
    """
    reported: set[int] = set()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nbgrader", "autograde", a.module, "--create", "--force",
         "--CourseDirectory.root=" + str(course)],
        cwd=course, env=_nbgrader_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + per_notebook * len(learners)
    stderr = ""
    while True:
        try:
            _, stderr = proc.communicate(timeout=0.5)
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                proc.kill()
                _, stderr = proc.communicate()
                break
        for s in learners:  # progress while the batch runs
            if id(s) not in reported and _graded_path(course, a, s).exists():
                reported.add(id(s))
                on_done(s)
    return reported, stderr


def _autograde_alone(course: Path, a: Assignment, s: Submission, per_notebook: float) -> str | None:
    """Step 4 of a chunk: retry one learner the batch could not finish.

    Returns nbgrader's stderr, or None when the notebook ran out of time (``s``
    is then marked ``timeout``).
    """
    try:
        done = _run_nbgrader(["autograde", a.module, "--student", s.learner, "--create", "--force",
                              "--CourseDirectory.root=" + str(course)], course, per_notebook)
    except subprocess.TimeoutExpired:
        s.status, s.reason = "timeout", f"the whole notebook ran longer than {per_notebook} s and was stopped"
        return None
    return done.stderr or ""


def _grade_chunk(subs: list[Submission], known: dict[str, Assignment], work: Path, timeout: int,
                 on_done: Callable[[Submission], None] = lambda s: None) -> None:
    """Grade some submissions in one private nbgrader course folder (runs in a worker thread).

    Per exercise: release it (:func:`_release_in_course`), submit the learners'
    notebooks (:func:`_submit_in_course`), autograde them in one process
    (:func:`_autograde_together`), retry whatever that left ungraded one by one
    (:func:`_autograde_alone`) and read the scores (:func:`_collect`).
    ``on_done`` is called once per submission.
    """
    course = work
    course.mkdir(parents=True, exist_ok=True)
    _write_config(course, timeout)
    for module in sorted({s.module for s in subs}):
        a = known[module]
        learners = [s for s in subs if s.module == module]
        if not _release_in_course(course, a):
            for s in learners:
                s.status, s.reason = "error", "the grader could not prepare this exercise (nbgrader generate_assignment failed)"
                on_done(s)
            continue
        _submit_in_course(course, a, learners)
        per_notebook = timeout * (len(a.questions) + len(a.answer_ids) + 4) + 30
        reported, stderr = _autograde_together(course, a, learners, per_notebook, on_done)
        for s in learners:
            graded = _graded_path(course, a, s)
            if not graded.exists():
                retried = _autograde_alone(course, a, s, per_notebook)
                if retried is None:
                    on_done(s)
                    continue
                stderr = retried
            if not graded.exists():
                tail = (stderr or "").strip().splitlines()[-3:]
                s.status, s.reason = "error", "nbgrader could not grade this notebook: " + " ".join(tail)[-300:]
            else:
                _collect(s, a, graded, course)
            if id(s) not in reported:
                on_done(s)


def _collect(s: Submission, a: Assignment, graded: Path, course: Path) -> None:
    """Read points from the gradebook and the self-check messages from the graded notebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        sub = gb.find_submission_notebook(a.notebook[:-6], a.module, s.learner)
        for grade in sub.grades:
            s.scores[grade.name] = grade.auto_score if grade.name in a.auto_questions else grade.manual_score
    nb = nbformat.read(graded, as_version=4)
    timed_out, errors = False, []
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                if out.get("ename") == "CellTimeoutError" or "Timeout" in str(out.get("ename")):
                    timed_out = True
                elif gid not in a.auto_questions:
                    errors.append(f"{out.get('ename')} in a cell{(' ' + gid) if gid else ''}")
        if gid in a.auto_questions:
            texts = [str(o.get("data", {}).get("text/plain", "")) for o in cell.get("outputs", [])
                     if o.get("output_type") in ("display_data", "execute_result")]
            texts = [t for t in texts if re.match(r"^(✅|❌|⏳|⚠️) Task \d+", t)]
            s.feedback[gid] = texts[-1] if texts else ""
    if timed_out:
        s.status, s.reason = "timeout", "a cell ran longer than the time limit and was stopped; the other cells were graded"
    elif errors:
        s.status, s.reason = "error", "the notebook raised: " + "; ".join(sorted(set(errors)))[:300]
    else:
        s.status = "graded"


def discover(folder: Path) -> list[Path]:
    """Every non-hidden file below ``folder``, sorted.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> for name in ("b.ipynb", ".DS_Store", "a/x.ipynb"):
    ...     (d / name).parent.mkdir(exist_ok=True); _ = (d / name).write_text("")
    >>> [p.relative_to(d).as_posix() for p in discover(d)]
    ['a/x.ipynb', 'b.ipynb']
    """
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _progress(done: int, total: int, label: str, stream=sys.stderr) -> None:
    width = 30
    filled = int(width * done / max(total, 1))
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:40]:40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def _resolve_folders(submissions: Path, out: Path) -> tuple[Path, Path]:
    """Step 1: absolute paths of the submissions and output folders, refusing an ``out`` inside ``submissions``."""
    submissions = submissions.resolve()
    if not submissions.is_dir():
        raise FileNotFoundError(f"{submissions}: not a folder. Pass the folder that holds the submitted notebooks.")
    out = out.resolve()
    if out == submissions or submissions in out.parents:
        raise ValueError(f"--out {out} is inside the submissions folder; choose a folder outside it, so submissions stay untouched.")
    return submissions, out


def _read_notebook(s: Submission) -> nbformat.NotebookNode | None:
    """The submitted file as a notebook, or None (and ``s`` marked ``invalid``) when it is not one."""
    try:
        raw = s.path.read_bytes()
        if not raw.strip():
            s.status, s.reason = "invalid", "empty file"
            return None
        return nbformat.reads(raw.decode("utf-8"), as_version=4)
    except (UnicodeDecodeError, json.JSONDecodeError, nbformat.reader.NotJSONError, ValueError, KeyError) as exc:
        s.status, s.reason = "invalid", f"not a Jupyter notebook ({type(exc).__name__}): re-download or re-save it from Jupyter"
        return None


def holds_exercise_cells(nb: nbformat.NotebookNode, assignment: Assignment) -> bool:
    """True if ``nb`` holds at least one of the exercise's graded or answer cells (by nbgrader id).

    A notebook named like an exercise but holding none of its cells (a new
    notebook, cells pasted without their metadata) cannot be graded: nbgrader
    matches cells by id.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> release = nbformat.read(EXERCISES_DIR / a.notebook, as_version=4)
    >>> holds_exercise_cells(release, a)
    True
    >>> holds_exercise_cells(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("top20 = 0.7")]), a)
    False
    """
    ids = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
    return bool(ids & (set(assignment.questions) | set(assignment.answer_ids)))


def inspect_file(path: Path, submissions: Path, known: dict[str, Assignment],
                 releases: dict[str, nbformat.NotebookNode]) -> Submission:
    """Step 2: read one file, work out learner and module, and check it before grading.

    Returns the :class:`Submission`; its ``status`` is already ``invalid`` (with
    a reason) for a file that cannot be graded, and empty for one to grade,
    with ``flags`` for structure changes and tampering to review.

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
    s = Submission(path, path.relative_to(submissions).as_posix())
    nb = _read_notebook(s)
    s.learner, s.module, problem = identify(path, submissions, known, nb)
    if not s.status and problem:
        s.status, s.reason = "invalid", problem
    if s.status or nb is None:
        return s
    a = known[s.module]
    if not holds_exercise_cells(nb, a):
        s.status, s.reason = "invalid", (f"not an exercise {s.module} notebook: none of its graded cells are there. "
                                         "Submit the exercise notebook itself, with your answers in its cells.")
        return s
    s.notebook = nb
    s.flags += structure_flags(nb, releases[s.module])
    s.flags += [f"review: {t}" for t in tamper_flags(learner_cells(nb, a, releases[s.module]))]
    return s


def _one_row_per_learner(subs: Sequence[Submission]) -> None:
    """Step 3: a second file for the same (learner, module) gets a ``-2`` suffix and a flag."""
    seen: dict[tuple[str, str], int] = {}
    for s in subs:
        key = (s.learner, s.module)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            s.learner = f"{s.learner}-{seen[key]}"
            s.flags.append("several files for this learner and module")


def _grade_with_baseline(todo: list[Submission], known: dict[str, Assignment],
                         releases: dict[str, nbformat.NotebookNode], timeout: int, jobs: int,
                         on_done: Callable[[Submission], None]) -> dict[str, float]:
    """Step 4: grade ``todo`` in ``jobs`` parallel course folders, plus each exercise untouched.

    The untouched exercise of every module involved is graded alongside (in
    the first chunk); its score, returned per module, is the most that
    tampering may earn. ``on_done`` is called for learners' submissions only.
    """
    from concurrent.futures import ThreadPoolExecutor

    jobs = max(1, jobs)
    chunks = [todo[i::jobs] for i in range(jobs)]
    baseline_subs = []
    for module in sorted({s.module for s in todo}):
        b = Submission(Path(known[module].notebook), "(untouched)", learner="untouched-baseline", module=module)
        b.notebook = releases[module]
        baseline_subs.append(b)
    chunks[0] = baseline_subs + chunks[0]

    def report(sub: Submission) -> None:
        if sub not in baseline_subs:
            on_done(sub)

    with tempfile.TemporaryDirectory(prefix="tiering-grade-") as tmp:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_grade_chunk, chunk, known, Path(tmp) / f"course{i}", timeout, report)
                       for i, chunk in enumerate(chunks) if chunk]
            for f in futures:
                f.result()
    return {b.module: sum(b.scores.get(q) or 0.0 for q in known[b.module].auto_questions) for b in baseline_subs}


def _hold_tampered_scores(subs: Sequence[Submission], known: dict[str, Assignment], baseline: dict[str, float]) -> None:
    """Step 5: a submission flagged for review that beat the untouched exercise is held at zero until reviewed."""
    for s in subs:
        if any(f.startswith("review:") for f in s.flags) and s.module in baseline:
            a = known[s.module]
            earned = sum(s.scores.get(q) or 0.0 for q in a.auto_questions)
            if earned > baseline[s.module]:
                s.scores = {q: 0.0 for q in a.auto_questions} | {q: None for q in a.questions if q not in a.auto_questions}
                s.flags.append("score held at the untouched exercise's score until reviewed")


def grade_folder(
    submissions: Path,
    out: Path,
    *,
    timeout: int = 30,
    jobs: int = 2,
    solutions_dir: Path = SOLUTIONS_DIR,
    progress: Callable[[int, int, str], None] | None = _progress,
) -> list[dict[str, object]]:
    """Grade every file in ``submissions``; write the gradebook, summary and feedback to ``out``.

    The steps: resolve the folders (:func:`_resolve_folders`), inspect every
    file (:func:`inspect_file`), keep one row per learner and module
    (:func:`_one_row_per_learner`), grade with nbgrader next to the untouched
    exercise (:func:`_grade_with_baseline`), hold tampered scores
    (:func:`_hold_tampered_scores`) and write the outputs (:func:`_write_outputs`).

    Parameters
    ----------
    submissions : Path
        Folder of submitted files (never modified).
    out : Path
        Folder for ``gradebook.csv``, ``summary.csv`` and ``feedback/``; must not be inside ``submissions``.
    timeout : int
        Seconds one cell may run.
    jobs : int
        Notebooks graded in parallel.
    solutions_dir : Path
        The solution notebooks the exercises were built from.
    progress : callable or None
        Called as ``progress(done, total, label)``; None for silence.

    Returns
    -------
    list of dict
        The gradebook rows (also written to ``out/gradebook.csv``). Grading
        the same folder twice gives the same gradebook.

    Examples
    --------
    >>> import tempfile
    >>> sub, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (sub / "notes.txt").write_text("not a notebook")
    >>> rows = grade_folder(sub, out, progress=None)
    >>> [(r["submission"], r["status"]) for r in rows]
    [('notes.txt', 'invalid')]
    >>> (out / "gradebook.csv").exists()
    True
    """
    submissions, out = _resolve_folders(submissions, out)
    known = assignments(solutions_dir)
    releases = _Releases(known)
    subs = [inspect_file(path, submissions, known, releases) for path in discover(submissions)]
    _one_row_per_learner(subs)
    todo = [s for s in subs if not s.status]
    start = time.perf_counter()
    lock = threading.Lock()
    count = [len(subs) - len(todo)]
    if progress:
        progress(count[0], len(subs), "checking files")

    def on_done(sub: Submission) -> None:
        if progress:
            with lock:
                count[0] += 1
                progress(count[0], len(subs), sub.relpath)

    baseline = _grade_with_baseline(todo, known, releases, timeout, jobs, on_done)
    _hold_tampered_scores(subs, known, baseline)
    rows = _write_outputs(subs, known, out)
    if progress:
        sys.stderr.write(f"graded {len(todo)} notebook(s) in {time.perf_counter() - start:.1f} s\n")
    return rows


def _write_outputs(subs: list[Submission], known: dict[str, Assignment], out: Path) -> list[dict[str, object]]:
    """Step 6: write ``gradebook.csv``, ``summary.csv`` and one feedback page per graded submission."""
    out.mkdir(parents=True, exist_ok=True)
    modules = sorted({s.module for s in subs if s.module in known})
    columns = [f"{m}:{q}" for m in modules for q in known[m].questions]
    rows = [s.row(known.get(s.module), columns) for s in sorted(subs, key=lambda s: s.relpath)]
    fields = ["submission", "learner", "module", "status", "score", "max_score", *columns, "flags", "reason"]
    with (out / "gradebook.csv").open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    summary = summarise(rows, known, columns)
    with (out / "summary.csv").open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(summary[0]) if summary else ["question"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(summary)
    feedback_dir = out / "feedback"
    if feedback_dir.exists():
        shutil.rmtree(feedback_dir)
    for s in subs:
        if s.module in known and s.status in ("graded", "timeout", "error"):
            path = feedback_dir / s.learner / f"{s.module}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(feedback_html(s, known[s.module]), encoding="utf-8")
    return rows


def summarise(rows: list[dict[str, object]], known: dict[str, Assignment], columns: Sequence[str]) -> list[dict[str, object]]:
    """Score distribution per question over the graded rows.

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


def feedback_html(s: Submission, a: Assignment) -> str:
    """A learner's feedback page: per question passed or not, points and the self-check's hint.

    Only the messages of the learner-facing self-checks are shown; hidden
    tests, their code and expected values never appear.

    Examples
    --------
    >>> a = assignments()["01"]
    >>> s = Submission(Path("x.ipynb"), "x.ipynb", learner="li", module="01", status="graded",
    ...                scores={"task1": 1.0, "task2": 0.0},
    ...                feedback={"task2": "❌ Task 2 — Not yet. A share is a fraction."})
    >>> page = feedback_html(s, a)
    >>> "Task 2" in page and "A share is a fraction" in page and "assert" not in page
    True
    """
    rows = []
    for q in a.questions:
        top = a.points[q]
        score = s.scores.get(q)
        if q not in a.auto_questions:
            verdict, note = "✍️ read by your trainer", "This written answer is graded by hand."
        elif score is None:
            verdict, note = "—", "Not graded."
        else:
            verdict = "✅ passed" if score >= top else "❌ not yet"
            message = s.feedback.get(q, "")
            note = re.sub(r"^(✅|❌|⏳|⚠️) Task \d+ — ", "", message) or (
                "Correct." if score >= top else "The answer did not pass the grader's tests.")
        pts = "" if score is None else _num(score)
        title = re.sub(r"^task(\d+)$", r"Task \1", q)
        rows.append(f"<tr><td>{html.escape(title)}</td><td>{verdict}</td><td>{pts} / {_num(top)}</td>"
                    f"<td>{html.escape(note)}</td></tr>")
    auto_max = sum(a.points[q] for q in a.auto_questions)
    total = sum(s.scores.get(q) or 0.0 for q in a.auto_questions)
    status_note = "" if s.status == "graded" else f"<p><b>Note:</b> {html.escape(s.reason)}</p>"
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Exercise {a.module}: feedback for {html.escape(s.learner)}</title>"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
        "td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left}</style></head><body>"
        f"<h1>Exercise {a.module} ({html.escape(a.slug)}): your feedback</h1>"
        f"<p>Learner: <b>{html.escape(s.learner)}</b>. Automatically graded points: "
        f"<b>{_num(total)} / {_num(auto_max)}</b>.</p>{status_note}"
        "<table><tr><th>Question</th><th>Result</th><th>Points</th><th>What to look at</th></tr>"
        + "".join(rows) + "</table></body></html>\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.grade", description="Grade a folder of submitted exercise notebooks.")
    parser.add_argument("submissions", type=Path, help="folder of submitted .ipynb files (never modified)")
    parser.add_argument("--out", type=Path, default=Path("grading-output"), help="where to write the gradebook and feedback")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one cell may run (default 30)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks graded in parallel (default 2)")
    args = parser.parse_args(argv)
    try:
        rows = grade_folder(args.submissions, args.out, timeout=args.timeout, jobs=args.jobs)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts = {st: sum(1 for r in rows if r["status"] == st) for st in STATUSES}
    print(f"{len(rows)} file(s): " + ", ".join(f"{n} {st}" for st, n in counts.items() if n))
    print(f"gradebook: {args.out / 'gradebook.csv'}\nfeedback:  {args.out / 'feedback'}")
    summary = args.out / "summary.csv"
    if summary.exists():
        print("score distribution per question:\n" + summary.read_text(encoding="utf-8-sig"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
