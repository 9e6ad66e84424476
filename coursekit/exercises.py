"""Generate learner exercises from the worked solutions (one source of truth).

``solutions/NN_slug.ipynb`` is the only hand-kept notebook. It uses nbgrader's
markup: ``### BEGIN SOLUTION`` / ``### END SOLUTION`` around the lines a learner
writes, test cells with ``nbgrader`` metadata (``grade``, ``grade_id``,
``points``), ``### BEGIN HIDDEN TESTS`` for tests learners do not see and
``### BEGIN MARK SCHEME`` for rubrics. This module runs nbgrader's own
preprocessors over it to produce ``exercises/NN_slug.ipynb``, which a learner
opens without nbgrader installed::

    python -m coursekit.exercises build      # write exercises/ and exercises/zh/ (never over a learner's edits)
    python -m coursekit.exercises check      # exit 1 if exercises/ or exercises/zh/ is out of date

The Chinese edition is built the same way: ``solutions/zh/NN_slug.ipynb`` (itself built
by ``python -m coursekit.i18n build``) gives ``exercises/zh/NN_slug.ipynb``, titled
"📝 练习" instead of "📃 参考答案", with a Chinese prompt in written-answer cells.

Blanks replace only what a learner must write: a solution region that assigns
``top20 = ...`` becomes ``top20 = ...  # your code here``, so the untouched
exercise still runs top to bottom and its self-checks say "not answered yet".
"""

from __future__ import annotations

import argparse
import ast
import copy
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from helpers.paths import EXERCISES_DIR, ROOT, SOLUTIONS_DIR

STUB_COMMENT = "# your code here"
#: What replaces a written answer, per language.
TEXT_STUBS: dict[str, str] = {
    "en": "✍️ *Your answer here: double-click this cell to write it.*",
    "zh": "✍️ *在这里写下你的答案：双击这个单元格即可输入。*",
}
#: The notebook title's "Solution" and "Exercise", per language (the first cell's ``# 📃 Solution 01 ...``).
TITLES: dict[str, tuple[str, str]] = {"en": ("📃 Solution", "📝 Exercise"), "zh": ("📃 参考答案", "📝 练习")}
#: Language editions: English in ``solutions/`` and ``exercises/``, the others in a ``<lang>/`` subfolder of each.
EDITIONS: tuple[str, ...] = ("en", "zh")
SOLUTION_ONLY_TAG = "solution-only"
_LANG_PARAMETER = re.compile(r'^\s*lang\s*=\s*"(\w+)"', re.M)


class LearnerWorkError(RuntimeError):
    """An exercise notebook holds edits made after it was generated (a learner's work)."""


def blank_lines(solution_lines: Sequence[str]) -> list[str]:
    """The blanks that replace a solution region: one ``name = ...`` per assigned name.

    Names are kept in the order first assigned. A region that assigns nothing
    (e.g. a loop or a call) becomes a single comment line, so the cell still runs.

    Examples
    --------
    >>> blank_lines(["top20 = pareto.top_share(revenue, 0.2)"])
    ['top20 = ...  # your code here']
    >>> blank_lines(["tx = tx.assign(margin=tx.revenue - tx.cost)", "margin = f(tx)", "tx = g(tx)"])
    ['tx = ...  # your code here', 'margin = ...  # your code here']
    >>> blank_lines(["print('hi')"])
    ['# your code here']
    """
    import textwrap

    code = textwrap.dedent("\n".join(solution_lines))
    names: list[str] = []
    for node in ast.parse(code).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Name) and sub.id not in names:
                    names.append(sub.id)
    if not names:
        return [STUB_COMMENT]
    return [f"{name} = ...  {STUB_COMMENT}" for name in names]


def _clear_solutions_class() -> type:
    from nbgrader.preprocessors import ClearSolutions

    class BlankSolutions(ClearSolutions):
        """nbgrader's ClearSolutions, with blanks instead of ``raise NotImplementedError()``."""

        def _replace_solution_region(self, cell: NotebookNode, language: str) -> bool:
            if cell.cell_type != "code":
                return super()._replace_solution_region(cell, language)
            lines = cell.source.split("\n")
            out: list[str] = []
            region: list[str] | None = None
            indent = ""
            replaced = False
            for line in lines:
                if self.begin_solution_delimeter in line:
                    if region is not None:
                        raise RuntimeError("encountered nested begin solution statements")
                    region, indent, replaced = [], re.match(r"\s*", line).group(0), True
                elif self.end_solution_delimeter in line:
                    if region is None:
                        raise RuntimeError("END SOLUTION without BEGIN SOLUTION")
                    out.extend(indent + stub for stub in blank_lines(region))
                    region = None
                elif region is not None:
                    region.append(line)
                else:
                    out.append(line)
            if region is not None:
                raise RuntimeError("no end solution statement found")
            cell.source = "\n".join(out)
            return replaced

    return BlankSolutions


def sources_digest(nb: NotebookNode) -> str:
    """SHA-256 of the cell types and sources (outputs and metadata ignored).

    Running a notebook changes its outputs, not this digest; editing a cell does.

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    >>> before = sources_digest(nb)
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="ran")]
    >>> sources_digest(nb) == before
    True
    >>> nb.cells[0].source = "x = 2"
    >>> sources_digest(nb) == before
    False
    """
    h = hashlib.sha256()
    for cell in nb.cells:
        h.update(cell.cell_type.encode())
        h.update(b"\0")
        h.update(cell.source.encode())
        h.update(b"\1")
    return h.hexdigest()


def notebook_lang(nb: NotebookNode) -> str:
    """The language a notebook is written in: the ``lang = "..."`` of its ``parameters`` cell ("en" if none).

    Examples
    --------
    >>> cell = nbformat.v4.new_code_cell('lang = "zh"  # papermill parameter', metadata={"tags": ["parameters"]})
    >>> notebook_lang(nbformat.v4.new_notebook(cells=[cell]))
    'zh'
    >>> notebook_lang(nbformat.v4.new_notebook())
    'en'
    """
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            match = _LANG_PARAMETER.search(cell.source)
            if match and match.group(1) in TITLES:
                return match.group(1)
    return "en"


def exercise_from_solution(solution: NotebookNode, source_name: str) -> NotebookNode:
    """Turn a solution notebook into the learner's exercise notebook (in memory).

    Steps: drop cells tagged ``solution-only``; retitle "📃 Solution" as
    "📝 Exercise" ("📃 参考答案" as "📝 练习" in a Chinese solution, whose
    ``parameters`` cell says ``lang = "zh"``); nbgrader's ClearSolutions (with
    blanks, and the written-answer prompt in the notebook's language),
    ClearHiddenTests, ClearMarkScheme, ClearOutput, LockCells and
    ComputeChecksums; drop execution metadata; record the source and a digest
    of the cell sources.

    Examples
    --------
    >>> meta = {"nbgrader": {"solution": True, "grade": False, "locked": False,
    ...                      "grade_id": "t1", "schema_version": 3}}
    >>> cell = nbformat.v4.new_code_cell(
    ...     "### BEGIN SOLUTION\\ntop20 = pareto.top_share(revenue)\\n### END SOLUTION", metadata=meta)
    >>> title = nbformat.v4.new_markdown_cell("# 📃 Solution 01")
    >>> ex = exercise_from_solution(nbformat.v4.new_notebook(cells=[title, cell]), "demo")
    >>> ex.cells[0].source, ex.cells[1].source
    ('# 📝 Exercise 01', 'top20 = ...  # your code here')
    >>> lang = nbformat.v4.new_code_cell('lang = "zh"', metadata={"tags": ["parameters"]})
    >>> zh = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 📃 参考答案 01"), lang, cell])
    >>> exercise_from_solution(zh, "demo").cells[0].source
    '# 📝 练习 01'
    """
    from nbgrader.preprocessors import (
        ClearHiddenTests,
        ClearMarkScheme,
        ClearOutput,
        ComputeChecksums,
        LockCells,
    )

    nb = copy.deepcopy(solution)
    lang = notebook_lang(nb)
    nb.cells = [c for c in nb.cells if SOLUTION_ONLY_TAG not in c.get("metadata", {}).get("tags", [])]
    if nb.cells and nb.cells[0].cell_type == "markdown":
        nb.cells[0].source = nb.cells[0].source.replace(*TITLES[lang])
    resources: dict = {}
    blank = _clear_solutions_class()(text_stub=TEXT_STUBS[lang])
    for pre in (blank, ClearHiddenTests(), ClearMarkScheme(), ClearOutput(), LockCells(lock_grade_cells=True), ComputeChecksums()):
        nb, resources = pre.preprocess(nb, resources)
    for cell in nb.cells:
        for key in ("execution", "papermill", "collapsed", "scrolled"):
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.execution_count = None
    for key in ("papermill", "widgets", "celltoolbar"):
        nb.metadata.pop(key, None)
    nb.metadata["kit"] = {"generated_from": source_name, "do_not_edit": (
        "Generated by `python -m coursekit.exercises build` from the solution notebook; "
        "edit the solution and rebuild.")}
    nb.metadata["kit"]["sources_sha256"] = sources_digest(nb)
    return nb


def _dumps(nb: NotebookNode) -> str:
    return nbformat.writes(nb, version=4) + "\n"


def targets(solutions_dir: Path = SOLUTIONS_DIR, exercises_dir: Path = EXERCISES_DIR) -> list[tuple[Path, Path]]:
    """Pairs (solution, exercise) for every ``NN_*.ipynb`` solution, English first, then the Chinese edition.

    ``solutions_dir/zh/NN_slug.ipynb`` gives ``exercises_dir/zh/NN_slug.ipynb``.

    Examples
    --------
    >>> pairs = [(s.relative_to(SOLUTIONS_DIR).as_posix(), e.relative_to(EXERCISES_DIR).as_posix()) for s, e in targets()]
    >>> pairs[0], ("zh/01_pareto.ipynb", "zh/01_pareto.ipynb") in pairs
    (('01_pareto.ipynb', '01_pareto.ipynb'), True)
    """
    pairs = []
    for lang in EDITIONS:
        sols = solutions_dir if lang == "en" else solutions_dir / lang
        exs = exercises_dir if lang == "en" else exercises_dir / lang
        pairs += [(s, exs / s.name) for s in sorted(sols.glob("[0-9][0-9]_*.ipynb"))]
    return pairs


def build_text(solution_path: Path) -> str:
    """The exercise notebook's file content for one solution file.

    Examples
    --------
    >>> text = build_text(SOLUTIONS_DIR / "01_pareto.ipynb")
    >>> "BEGIN SOLUTION" in text, "📝 Exercise" in text
    (False, True)
    """
    nb = nbformat.read(solution_path, as_version=4)
    try:
        name = solution_path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        name = solution_path.name
    return _dumps(exercise_from_solution(nb, name))


def has_learner_edits(exercise_path: Path) -> bool:
    """True if the exercise's cells were edited after generation (outputs do not count).

    A notebook without the generator's digest counts as edited: it is not ours to overwrite.

    Examples
    --------
    >>> has_learner_edits(EXERCISES_DIR / "01_pareto.ipynb")
    False
    """
    nb = nbformat.read(exercise_path, as_version=4)
    recorded = nb.metadata.get("kit", {}).get("sources_sha256")
    return recorded != sources_digest(nb)


def build(solutions_dir: Path = SOLUTIONS_DIR, exercises_dir: Path = EXERCISES_DIR, force: bool = False) -> list[Path]:
    """Write every exercise from its solution; refuse to overwrite a learner's edits.

    With ``force=True`` an edited exercise is first copied to
    ``NN_slug.backup-K.ipynb`` beside it, then rebuilt. Returns the paths written.

    Raises
    ------
    LearnerWorkError
        If an exercise holds edits and ``force`` is False (nothing is written).

    Examples
    --------
    >>> import shutil, tempfile
    >>> sols, exs = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = shutil.copy(SOLUTIONS_DIR / "01_pareto.ipynb", sols)
    >>> [p.name for p in build(sols, exs)]
    ['01_pareto.ipynb']
    >>> build(sols, exs)          # nothing changed, nothing written
    []
    >>> nb = nbformat.read(exs / "01_pareto.ipynb", as_version=4)
    >>> nb.cells[3].source += "\\n# my answer"
    >>> nbformat.write(nb, exs / "01_pareto.ipynb")
    >>> build(sols, exs)
    Traceback (most recent call last):
    ...
    coursekit.exercises.LearnerWorkError: ...changed after it was generated...
    """
    pairs = targets(solutions_dir, exercises_dir)
    edited = [ex for _, ex in pairs if ex.exists() and has_learner_edits(ex)]
    if edited and not force:
        names = ", ".join(str(p) for p in edited)
        raise LearnerWorkError(
            f"{names}: changed after it was generated (probably someone's answers). Nothing was written. "
            "Move the file somewhere safe, or run `python -m coursekit.exercises build --force`, "
            "which keeps a backup copy beside it before rebuilding."
        )
    written = []
    for sol, ex in pairs:
        ex.parent.mkdir(parents=True, exist_ok=True)
        text = build_text(sol)
        if ex in edited:
            k = 1
            while (backup := ex.with_name(f"{ex.stem}.backup-{k}.ipynb")).exists():
                k += 1
            backup.write_bytes(ex.read_bytes())
        if not ex.exists() or ex.read_text(encoding="utf-8") != text:
            ex.write_text(text, encoding="utf-8")
            written.append(ex)
    return written


def stale(solutions_dir: Path = SOLUTIONS_DIR, exercises_dir: Path = EXERCISES_DIR) -> list[str]:
    """Exercises that are missing or differ from what their solution generates.

    ``tests/test_exercises.py`` checks the committed ``exercises/``.

    Parameters
    ----------
    solutions_dir, exercises_dir : Path
        The solutions and the exercises built from them.

    Returns
    -------
    list of str
        One line per exercise that is missing or out of date; empty when all are current.

    Examples
    --------
    >>> import shutil, tempfile
    >>> sols, exs = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = shutil.copy(SOLUTIONS_DIR / "01_pareto.ipynb", sols)
    >>> stale(sols, exs)
    ['01_pareto.ipynb: missing']
    """
    problems = []
    for sol, ex in targets(solutions_dir, exercises_dir):
        name, source = ex.relative_to(exercises_dir).as_posix(), sol.relative_to(solutions_dir).as_posix()
        if not ex.exists():
            problems.append(f"{name}: missing")
        elif json.loads(ex.read_text(encoding="utf-8")) != json.loads(build_text(sol)):
            problems.append(f"{name}: differs from what {source} generates")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.exercises", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write exercises/ from solutions/ (and exercises/zh/ from solutions/zh/)")
    b.add_argument("--force", action="store_true", help="rebuild edited exercises after backing them up")
    sub.add_parser("check", help="exit 1 if exercises/ or exercises/zh/ is out of date")
    args = parser.parse_args(argv)
    if args.command == "build":
        try:
            written = build(force=args.force)
        except LearnerWorkError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{len(written)} exercise notebook(s) written" + "".join(f"\n  {p.relative_to(ROOT)}" for p in written))
        return 0
    problems = stale()
    for p in problems:
        print(f"out of date: exercises/{p}. Run `python -m coursekit.exercises build`.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
