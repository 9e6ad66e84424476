"""The scaffold starts a module from files that pass the suite, and never overwrites a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit import scaffold
from coursekit.scaffold import Module, ScaffoldError

ROOT = Path(__file__).resolve().parent.parent
# A number and slug no real module will take (module 08 is tier migration, module 09 follows it).
M = Module("99", "sample", "Sample module", "示例模块")
KIT_PARTS = ("helpers", "coursekit", "lessons", "notebooks", "solutions", "exercises", "tests",
             "README.md", "pyproject.toml", "conftest.py")


def empty_kit(root: Path) -> Path:
    for folder in ("helpers/plots", "helpers/widgets", "helpers/checks", "helpers/catalog", "lessons", "notebooks",
                   "solutions", "exercises", "tests"):
        (root / folder).mkdir(parents=True)
    return root


def test_files_follow_the_module_name(tmp_path):
    written = scaffold.scaffold(M, empty_kit(tmp_path), run=False)
    assert written == scaffold.module_files(M)
    assert all((tmp_path / rel).is_file() for rel in written)
    assert {Path(rel).stem for rel in written if rel.endswith((".md", ".ipynb"))} == {"99_sample"}


def test_it_never_overwrites_and_writes_nothing_when_refusing(tmp_path):
    root = empty_kit(tmp_path)
    (root / "helpers" / "widgets" / "sample.py").write_text("# mine\n")
    with pytest.raises(ScaffoldError, match="slug 'sample' is taken: helpers/widgets/sample.py"):
        scaffold.scaffold(M, root, run=False)
    (root / "helpers" / "widgets" / "sample.py").unlink()
    (root / "tests" / "test_sample.py").write_text("# mine\n")
    with pytest.raises(ScaffoldError, match="tests/test_sample.py exist.*never overwrites"):
        scaffold.scaffold(M, root, run=False)
    assert (root / "tests" / "test_sample.py").read_text() == "# mine\n"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == ["tests/test_sample.py"]


@pytest.mark.parametrize("module, message", [
    (Module("9", "sample", "T", "中"), "two digits"),
    (Module("99", "Sample", "T", "中"), "lower-case"),
    (Module("99", "class", "T", "中"), "lower-case"),
    (Module("99", "sample", "", "中"), "both titles"),
    (Module("99", "sample", 'Tier "sample"', "中"), "double quotes"),
    (Module("01", "sample", "T", "中"), "module 01 exists already"),
    (Module("99", "pareto", "T", "中"), "slug 'pareto' is taken"),
    (Module("99", "plots", "T", "中"), "slug 'plots' is taken"),
])
def test_bad_names_are_refused_with_the_fix(module, message):
    with pytest.raises(ScaffoldError, match=message):
        scaffold.validate(module, ROOT)


def test_a_second_module_reuses_the_shared_column_label():
    first = scaffold._catalog_text(M, known=[])
    second = scaffold._catalog_text(Module("09", "allocation", "Allocation", "资源分配"), known=["purchases"])
    assert '"purchases"' in first and '"purchases"' not in second and '"allocation_sentence"' in second


@pytest.mark.notebook
def test_a_scaffolded_module_passes_the_suite(tmp_path):
    """Scaffold module 99 into a copy of the kit, then run the checks a module must pass there."""
    kit = tmp_path / "kit"
    kit.mkdir()
    for part in KIT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, kit / part, ignore=shutil.ignore_patterns("__pycache__", "benchmarks"))
        else:
            shutil.copy2(src, kit / part)
    (kit / "datasets").symlink_to(ROOT / "datasets", target_is_directory=True)
    env = {**os.environ, "PYTHONPATH": str(kit)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=kit, env=env, capture_output=True, text=True, check=False)

    made = run("-m", "coursekit.scaffold", "99", "sample", "Sample module", "示例模块")
    assert made.returncode == 0, made.stderr
    assert "exercises/99_sample.ipynb" in made.stdout
    again = run("-m", "coursekit.scaffold", "99", "sample", "Sample module", "示例模块")
    assert again.returncode == 1 and "is taken" in again.stderr  # and nothing was overwritten
    new = ["helpers/sample.py", "helpers/plots/sample.py", "helpers/widgets/sample.py",
           "helpers/checks/sample.py", "helpers/catalog/m99_sample.py"]
    # the module's own tests and doctests, nbval on its notebook and solution, its papermill runs
    # (Chinese; the untouched exercise), the suite-wide rules applied to it (architecture, catalog,
    # the checks' table against the solution, hidden values not in helpers) and the kit-wide state
    # it changes (course map, README, exercises up to date, notebook shape and stored outputs)
    # The Chinese edition of a new module is built once its author has written the translations
    # (`python -m coursekit.i18n update`, translate, `build`); until then it has English files only.
    checked = run("-m", "pytest", "-n", "0", "-p", "no:cacheprovider", "-v",
                  "--deselect", "tests/test_exercises.py::test_every_solution_has_an_exercise_in_both_languages",
                  "-k", "sample or Cell or test_course.py or test_exercises.py or standard_shape or committed_outputs",
                  "tests/test_sample.py", "tests/test_course.py", "tests/test_exercises.py",
                  "tests/test_architecture.py", "tests/test_catalog_and_style.py", "tests/test_notebooks.py",
                  "tests/test_checks_engine.py", "tests/test_checks_answers.py",
                  "notebooks/99_sample.ipynb", "solutions/99_sample.ipynb", *new)
    assert checked.returncode == 0, checked.stdout[-3000:]
    for expected in ("tests/test_sample.py::test_self_check", "TestRun_exercises_99_sample",
                     "test_architecture.py::test_functions_reading_an_event_table_follow_the_calling_convention"
                     "[helpers.sample.window_activity]",
                     "test_checks_engine.py::test_task_tables_match_the_solution_notebooks_graded_cells_and_points"
                     "[99_sample]",
                     "test_checks_answers.py::test_no_expected_value_of_the_hidden_tests_appears_in_shipped_helpers"
                     "[99_sample]",
                     "solutions/99_sample.ipynb::Cell", "notebooks/99_sample.ipynb::Cell",
                     "helpers/widgets/sample.py::helpers.widgets.sample.SampleExplorer"):
        assert expected in checked.stdout, expected  # it ran (-v lists it) and, with returncode 0, passed
