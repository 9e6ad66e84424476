"""The batch grader survives every kind of broken submission (fixture folder built from the real exercise)."""

from __future__ import annotations

import copy
import csv
import hashlib
import re
from pathlib import Path

import nbformat
import pytest

from coursekit import grade
from helpers.paths import EXERCISES_DIR, SOLUTIONS_DIR

SOLUTION = SOLUTIONS_DIR / "01_pareto.ipynb"
EXERCISE = EXERCISES_DIR / "01_pareto.ipynb"


def answers_from_solution() -> dict[str, str]:
    """Answer-cell sources (by grade id) with the solution filled in, hidden tests excluded."""
    out = {}
    for cell in nbformat.read(SOLUTION, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = re.sub(r"[ \t]*### (BEGIN|END) SOLUTION\n?", "", cell.source).strip()
    return out


def exercise_with(answers: dict[str, str], extra: list[str] = ()) -> nbformat.NotebookNode:
    nb = nbformat.read(EXERCISE, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    for src in extra:
        nb.cells.append(nbformat.v4.new_code_cell(src))
    return nb


def write(folder: Path, name: str, nb_or_text) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(nb_or_text, str):
        path.write_text(nb_or_text, encoding="utf-8")
    else:
        nbformat.write(nb_or_text, path)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    sub = tmp_path_factory.mktemp("submissions")
    right = answers_from_solution()
    partial = {k: v for k, v in right.items() if k in ("task1_answer", "task2_answer", "task3_answer")}
    write(sub, "alice/01_pareto.ipynb", exercise_with(right))
    write(sub, "01_pareto - Bob Partial.ipynb", exercise_with(partial))
    write(sub, "carol_01_pareto.ipynb", exercise_with({}))
    write(sub, "dave/01_pareto.ipynb", exercise_with({**right, "task2_answer": "top20 = (pareto.top_share(revenue, 0.2)"}))
    write(sub, "erin/01_pareto.ipynb", exercise_with({**right, "task3_answer": "g = 1 / 0"}))
    write(sub, "frank/01_pareto.ipynb", exercise_with({**right, "task2_answer": "while True:\n    pass"}))
    write(sub, "gina/01_pareto.ipynb", exercise_with({**right, "task3_answer": right["task3_answer"] + "\nprint('x' * 3_000_000)"}))
    write(sub, "hank/01_pareto.ipynb", "{ this is not JSON")
    write(sub, "ivan/01_pareto.ipynb", "")
    wrong = exercise_with(right)
    wrong.metadata["kit"]["generated_from"] = "solutions/02_abc.ipynb"
    write(sub, "jane/01_pareto.ipynb", wrong)
    # deleted and reordered cells: drop task 3's check, swap the task 1 and task 2 blocks
    moved = exercise_with(right)
    cells = [c for c in moved.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "task3"]
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells]
    i2, i4 = ids.index("task2_answer"), ids.index("task4_answer")
    cells[i2], cells[i4] = cells[i4], cells[i2]
    moved.cells = cells
    write(sub, "kate/01_pareto.ipynb", moved)
    tamper = exercise_with({}, extra=[
        "import builtins\nbuiltins.abs = lambda x: 0",
        "import helpers.checks.pareto as hc\nhc.check.task2 = lambda *a: print('✅ Task 2 — Correct!')",
        "print('✅ Task 1 — Correct!')",
    ])
    write(sub, "leo/01_pareto.ipynb", tamper)
    write(sub, "notes.txt", "see attached")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sub.rglob("*") if p.is_file()}
    out = tmp_path_factory.mktemp("out")
    rows = grade.grade_folder(sub, out, timeout=20, jobs=2, progress=None)  # generous: CI machines are shared and noisy
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sub.rglob("*") if p.is_file()}
    return {"rows": {r["submission"]: r for r in rows}, "out": out, "unchanged": before == after, "sub": sub}


EXPECTED_STATUS = {
    "alice/01_pareto.ipynb": "graded",
    "01_pareto - Bob Partial.ipynb": "graded",
    "carol_01_pareto.ipynb": "graded",
    "dave/01_pareto.ipynb": "error",
    "erin/01_pareto.ipynb": "error",
    "frank/01_pareto.ipynb": "timeout",
    "gina/01_pareto.ipynb": "graded",
    "hank/01_pareto.ipynb": "invalid",
    "ivan/01_pareto.ipynb": "invalid",
    "jane/01_pareto.ipynb": "invalid",
    "kate/01_pareto.ipynb": "graded",
    "leo/01_pareto.ipynb": "graded",
    "notes.txt": "invalid",
}


@pytest.mark.grading
def test_every_file_gets_exactly_one_row_with_the_right_status(batch):
    statuses = {k: r["status"] for k, r in batch["rows"].items()}
    assert statuses == EXPECTED_STATUS
    for r in batch["rows"].values():
        assert (r["reason"] == "") == (r["status"] == "graded"), r


@pytest.mark.grading
def test_learners_and_scores(batch):
    rows = batch["rows"]
    a = grade.assignments()["01"]
    full = sum(a.points[q] for q in a.auto_questions)
    assert rows["alice/01_pareto.ipynb"]["learner"] == "alice"
    assert float(rows["alice/01_pareto.ipynb"]["score"]) == full
    bob = rows["01_pareto - Bob Partial.ipynb"]
    assert bob["learner"] == "bob-partial"
    assert float(bob["score"]) == a.points["task1"] + a.points["task2"] + a.points["task3"]
    assert float(rows["carol_01_pareto.ipynb"]["score"]) == 0
    assert rows["carol_01_pareto.ipynb"]["learner"] == "carol"
    # a broken cell costs only its own task
    assert float(rows["erin/01_pareto.ipynb"]["score"]) == full - a.points["task3"]
    assert float(rows["frank/01_pareto.ipynb"]["score"]) <= full - a.points["task2"]
    assert float(rows["gina/01_pareto.ipynb"]["score"]) == full
    assert "wrong module" in rows["jane/01_pareto.ipynb"]["reason"]
    kate = rows["kate/01_pareto.ipynb"]
    assert "deleted" in kate["flags"] and "reordered" in kate["flags"]


@pytest.mark.grading
def test_tampering_never_beats_the_untouched_exercise_and_is_flagged(batch):
    leo = batch["rows"]["leo/01_pareto.ipynb"]
    untouched = batch["rows"]["carol_01_pareto.ipynb"]
    assert float(leo["score"]) <= float(untouched["score"])
    assert "review:" in leo["flags"]
    assert "prints imitation results" in leo["flags"] and "built-ins" in leo["flags"]


@pytest.mark.grading
def test_submissions_folder_is_never_modified(batch):
    assert batch["unchanged"]


@pytest.mark.grading
def test_gradebook_csv_opens_as_a_plain_table(batch):
    with (batch["out"] / "gradebook.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(EXPECTED_STATUS)
    assert {"submission", "learner", "module", "status", "score", "max_score", "flags", "reason"} <= set(rows[0])
    assert any(col.startswith("01:task") for col in rows[0])
    summary = (batch["out"] / "summary.csv").read_text(encoding="utf-8-sig")
    assert "01:task2" in summary and "full_marks" in summary


@pytest.mark.grading
def test_feedback_has_hints_but_no_hidden_tests_or_answers(batch):
    page = (batch["out"] / "feedback" / "bob-partial" / "01.html").read_text(encoding="utf-8")
    assert "Not answered yet" in page or "not yet" in page
    solution_text = nbformat.read(SOLUTION, as_version=4)
    hidden = [c.source.split("### BEGIN HIDDEN TESTS")[1] for c in solution_text.cells if "BEGIN HIDDEN TESTS" in c.source]
    numbers = {n for block in hidden for n in re.findall(r"\d+\.\d{3,}", block)}
    for path in (batch["out"] / "feedback").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "assert" not in text and "HIDDEN" not in text and "Traceback" not in text
        assert not any(n in text for n in numbers), path
    assert not (batch["out"] / "feedback" / "hank").exists()  # invalid files get no feedback page


@pytest.mark.grading
def test_grading_twice_gives_the_same_rows(batch, tmp_path):
    subset = tmp_path / "subset"
    for name in ("alice/01_pareto.ipynb", "carol_01_pareto.ipynb", "hank/01_pareto.ipynb"):
        (subset / name).parent.mkdir(parents=True, exist_ok=True)
        (subset / name).write_bytes((batch["sub"] / name).read_bytes())
    again = {r["submission"]: r for r in grade.grade_folder(subset, tmp_path / "out", timeout=20, jobs=1, progress=None)}
    for name, row in again.items():
        first = dict(batch["rows"][name])
        assert {k: v for k, v in row.items()} == {k: first.get(k, "") for k in row}, name


def test_a_notebook_named_like_an_exercise_but_without_its_cells_is_refused(tmp_path):
    """The guard once never fired (``not ids & questions | answers`` is ``not ((ids & questions) | answers)``)."""
    sub = tmp_path / "sub"
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("top20 = 0.7"),
                                            nbformat.v4.new_markdown_cell("my answers")])
    write(sub, "ann/01_pareto.ipynb", plain)
    # cells pasted into a copy that kept the exercise's notebook metadata (but none of its cells)
    pasted = nbformat.read(EXERCISE, as_version=4)
    pasted.cells = [nbformat.v4.new_code_cell(c.source) for c in pasted.cells if c.cell_type == "code"]
    write(sub, "bo/01_pareto.ipynb", pasted)
    rows = {r["submission"]: r for r in grade.grade_folder(sub, tmp_path / "out", progress=None)}
    for name in ("ann/01_pareto.ipynb", "bo/01_pareto.ipynb"):
        assert rows[name]["status"] == "invalid", rows[name]
        assert "none of its graded cells" in rows[name]["reason"] and rows[name]["score"] == ""
    assert not (tmp_path / "out" / "feedback").exists() or not any((tmp_path / "out" / "feedback").iterdir())


def test_holds_exercise_cells_needs_one_graded_or_answer_cell():
    a = grade.assignments()["01"]
    cell = nbformat.v4.new_code_cell("top20 = 0.7")
    assert not grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)
    cell.metadata["nbgrader"] = {"grade_id": a.answer_ids[0], "solution": True}
    assert grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)
    cell.metadata["nbgrader"] = {"grade_id": a.questions[0], "grade": True}
    assert grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)


@pytest.mark.grading
@pytest.mark.parametrize("module", ["helpers.grade", "coursekit.grade"])
def test_grade_command_answers_at_both_addresses(module, tmp_path):
    import subprocess
    import sys

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("not a notebook")
    done = subprocess.run([sys.executable, "-m", module, str(tmp_path / "sub"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 file(s): 1 invalid" in done.stdout
    assert (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig").count("\n") == 2


def test_out_inside_submissions_is_refused(tmp_path):
    (tmp_path / "sub").mkdir()
    with pytest.raises(ValueError, match="inside the submissions folder"):
        grade.grade_folder(tmp_path / "sub", tmp_path / "sub" / "out", progress=None)


def test_module_from_cells_only_when_one_exercise_fits():
    # every exercise's graded cells are called task1, task2, ...: without the kit's metadata and
    # without a number in the file name, the grader must not guess (it once said "exercise 03")
    import nbformat

    from coursekit.grade import assignments, identify

    known = assignments()
    nb = nbformat.read(EXERCISES_DIR / "04_rfm.ipynb", as_version=4)
    assert identify(Path("/s/ann_04_rfm.ipynb"), Path("/s"), known, nb) == ("ann", "04", "")
    nb.metadata.pop("kit")
    assert identify(Path("/s/ann_04_rfm.ipynb"), Path("/s"), known, nb) == ("ann", "04", "")
    learner, module, problem = identify(Path("/s/homework.ipynb"), Path("/s"), known, nb)
    assert module == "" and "fit exercises" in problem and "04" in problem
