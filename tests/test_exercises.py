"""Exercises are generated from solutions with nbgrader's preprocessors, and never overwrite a learner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from coursekit import exercises
from helpers.paths import EXERCISES_DIR, SOLUTIONS_DIR

SOLUTIONS = sorted(SOLUTIONS_DIR.glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS_ZH = sorted((SOLUTIONS_DIR / "zh").glob("[0-9][0-9]_*.ipynb"))
#: What a solution holds and its exercise must not (the Chinese edition's model answers and rubrics too).
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME", "Model answer", "Rubric",
           "**参考答案。**", "**评分标准")


def test_exercises_are_up_to_date():
    assert exercises.stale() == [], "Run `python -m coursekit.exercises build` and commit exercises/ and exercises/zh/."


def test_every_solution_has_an_exercise_in_both_languages():
    assert [p.name for p in SOLUTIONS_ZH] == [p.name for p in SOLUTIONS] and SOLUTIONS
    built = {e.relative_to(EXERCISES_DIR).as_posix() for _, e in exercises.targets()}
    assert built == {p.name for p in SOLUTIONS} | {f"zh/{p.name}" for p in SOLUTIONS_ZH}


def test_stale_sees_a_chinese_exercise_that_is_out_of_date(tmp_path):
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    (sols / "zh").mkdir(parents=True)
    shutil.copy(SOLUTIONS[0], sols)
    shutil.copy(SOLUTIONS_ZH[0], sols / "zh")
    assert exercises.stale(sols, exs) == [f"{SOLUTIONS[0].name}: missing", f"zh/{SOLUTIONS_ZH[0].name}: missing"]
    exercises.build(sols, exs)
    assert exercises.stale(sols, exs) == []
    nb = nbformat.read(sols / "zh" / SOLUTIONS_ZH[0].name, as_version=4)
    nb.cells[0].source += "\n\n新的一段。"
    nbformat.write(nb, sols / "zh" / SOLUTIONS_ZH[0].name)
    assert exercises.stale(sols, exs) == [f"zh/{SOLUTIONS_ZH[0].name}: differs from what zh/{SOLUTIONS_ZH[0].name} generates"]


@pytest.mark.parametrize("solution", SOLUTIONS + SOLUTIONS_ZH, ids=lambda p: p.relative_to(SOLUTIONS_DIR).as_posix())
def test_exercise_hides_every_solution_and_keeps_the_points(solution):
    lang = "zh" if solution.parent.name == "zh" else "en"
    sol = nbformat.read(solution, as_version=4)
    ex = nbformat.read(EXERCISES_DIR / solution.relative_to(SOLUTIONS_DIR), as_version=4)
    text = json.dumps(ex, ensure_ascii=False)
    for marker in SECRETS:
        assert marker not in text
    assert sol.cells[0].source.startswith(f"# {exercises.TITLES[lang][0]}")
    assert ex.cells[0].source.startswith(f"# {exercises.TITLES[lang][1]}")
    assert exercises.notebook_lang(ex) == lang
    written = [c.source for c in ex.cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution")]
    assert all(w == exercises.TEXT_STUBS[lang] for w in written)
    assert all(not c.get("outputs") for c in ex.cells if c.cell_type == "code")

    def points(nb):
        return {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
                for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}

    assert points(ex) == points(sol) and sum(points(sol).values()) > 0
    # every solution region became a blank the learner fills in, on the same variable names
    for s_cell, e_cell in zip(sol.cells, ex.cells):
        if s_cell.cell_type == "code" and "### BEGIN SOLUTION" in s_cell.source:
            lines = s_cell.source.split("\n")
            b = next(i for i, line in enumerate(lines) if "### BEGIN SOLUTION" in line)
            e = next(i for i, line in enumerate(lines) if "### END SOLUTION" in line)
            indent = lines[b][: len(lines[b]) - len(lines[b].lstrip())]
            blanks = [indent + x for x in exercises.blank_lines(lines[b + 1 : e])]
            expected = "\n".join(lines[:b] + blanks + lines[e + 1 :])
            assert e_cell.source.rstrip("\n") == expected.rstrip("\n")


def test_solution_cells_are_marked_for_nbgrader():
    for solution in SOLUTIONS:
        for cell in nbformat.read(solution, as_version=4).cells:
            if "BEGIN SOLUTION" in cell.source:
                assert cell.metadata["nbgrader"]["solution"], cell.source[:60]


def copy_pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    sols, exs = tmp_path / "solutions", tmp_path / "exercises"
    sols.mkdir()
    shutil.copy(SOLUTIONS[0], sols)
    exercises.build(sols, exs)
    return sols, exs, exs / SOLUTIONS[0].name


def test_running_an_exercise_is_not_an_edit(tmp_path):
    sols, exs, ex = copy_pair(tmp_path)
    nb = nbformat.read(ex, as_version=4)
    nb.cells[2].outputs = [nbformat.v4.new_output("stream", text="ran")]
    nbformat.write(nb, ex)
    assert not exercises.has_learner_edits(ex)
    exercises.build(sols, exs)  # allowed: only outputs differ


def test_learner_work_is_never_overwritten(tmp_path):
    sols, exs, ex = copy_pair(tmp_path)
    nb = nbformat.read(ex, as_version=4)
    answer = next(c for c in nb.cells if "# your code here" in c.source)
    answer.source = answer.source.replace("...", "0.5")
    nbformat.write(nb, ex)
    edited = ex.read_bytes()
    with pytest.raises(exercises.LearnerWorkError, match="Nothing was written"):
        exercises.build(sols, exs)
    assert ex.read_bytes() == edited
    exercises.build(sols, exs, force=True)
    backup = ex.with_name(ex.stem + ".backup-1.ipynb")
    assert backup.read_bytes() == edited
    assert not exercises.has_learner_edits(ex)


def test_a_file_without_our_digest_counts_as_learner_work(tmp_path):
    sols, exs, ex = copy_pair(tmp_path)
    nb = nbformat.read(ex, as_version=4)
    del nb.metadata["kit"]
    nbformat.write(nb, ex)
    assert exercises.has_learner_edits(ex)


def test_blank_lines_keep_indentation_and_names():
    assert exercises.blank_lines(["    x, y = 1, 2", "    z: int = 3"]) == [
        "x = ...  # your code here", "y = ...  # your code here", "z = ...  # your code here"]
