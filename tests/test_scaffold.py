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
M = Module("08", "migration", "Tier migration", "客户迁移")
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
    assert {Path(rel).stem for rel in written if rel.endswith((".md", ".ipynb"))} == {"08_migration"}


def test_it_never_overwrites_and_writes_nothing_when_refusing(tmp_path):
    root = empty_kit(tmp_path)
    (root / "helpers" / "widgets" / "migration.py").write_text("# mine\n")
    with pytest.raises(ScaffoldError, match="slug 'migration' is taken: helpers/widgets/migration.py"):
        scaffold.scaffold(M, root, run=False)
    (root / "helpers" / "widgets" / "migration.py").unlink()
    (root / "tests" / "test_migration.py").write_text("# mine\n")
    with pytest.raises(ScaffoldError, match="tests/test_migration.py exist.*never overwrites"):
        scaffold.scaffold(M, root, run=False)
    assert (root / "tests" / "test_migration.py").read_text() == "# mine\n"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == ["tests/test_migration.py"]


@pytest.mark.parametrize("module, message", [
    (Module("8", "migration", "T", "中"), "two digits"),
    (Module("08", "Migration", "T", "中"), "lower-case"),
    (Module("08", "class", "T", "中"), "lower-case"),
    (Module("08", "migration", "", "中"), "both titles"),
    (Module("08", "migration", 'Tier "migration"', "中"), "double quotes"),
    (Module("01", "migration", "T", "中"), "module 01 exists already"),
    (Module("08", "pareto", "T", "中"), "slug 'pareto' is taken"),
    (Module("08", "plots", "T", "中"), "slug 'plots' is taken"),
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
    """Scaffold module 08 into a copy of the kit, then run the checks a module must pass there."""
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

    made = run("-m", "coursekit.scaffold", "08", "migration", "Tier migration", "客户迁移")
    assert made.returncode == 0, made.stderr
    assert "exercises/08_migration.ipynb" in made.stdout
    again = run("-m", "coursekit.scaffold", "08", "migration", "Tier migration", "客户迁移")
    assert again.returncode == 1 and "is taken" in again.stderr  # and nothing was overwritten
    new = ["helpers/migration.py", "helpers/plots/migration.py", "helpers/widgets/migration.py",
           "helpers/checks/migration.py", "helpers/catalog/m08_migration.py"]
    # the module's own tests and doctests, nbval on its notebook and solution, its papermill runs
    # (Chinese; the untouched exercise), the suite-wide rules applied to it (architecture, catalog,
    # the checks' table against the solution, hidden values not in helpers) and the kit-wide state
    # it changes (course map, README, exercises up to date, notebook shape and stored outputs)
    checked = run("-m", "pytest", "-n", "0", "-p", "no:cacheprovider", "-v",
                  "-k", "migration or Cell or test_course.py or test_exercises.py or standard_shape or committed_outputs",
                  "tests/test_migration.py", "tests/test_course.py", "tests/test_exercises.py",
                  "tests/test_architecture.py", "tests/test_catalog_and_style.py", "tests/test_notebooks.py",
                  "tests/test_checks_engine.py", "tests/test_checks_answers.py",
                  "notebooks/08_migration.ipynb", "solutions/08_migration.ipynb", *new)
    assert checked.returncode == 0, checked.stdout[-3000:]
    for expected in ("tests/test_migration.py::test_self_check", "TestRun_exercises_08_migration",
                     "test_architecture.py::test_functions_reading_an_event_table_follow_the_calling_convention"
                     "[helpers.migration.window_activity]",
                     "test_checks_engine.py::test_task_tables_match_the_solution_notebooks_graded_cells_and_points"
                     "[08_migration]",
                     "test_checks_answers.py::test_no_expected_value_of_the_hidden_tests_appears_in_shipped_helpers"
                     "[08_migration]",
                     "TestRun_solutions_08_migration", "notebooks/08_migration.ipynb::Cell",
                     "helpers/widgets/migration.py::helpers.widgets.migration.MigrationExplorer"):
        assert expected in checked.stdout, expected  # it ran (-v lists it) and, with returncode 0, passed
