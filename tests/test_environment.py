"""pyproject.toml and environment.yml name the same packages; the CI entry runs the README's command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


#: conda-forge names that differ from the PyPI names
CONDA_NAMES = {"python-duckdb": "duckdb"}


def names(requirements):
    return {re.split(r"[<>=!~ \[]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_conda_and_pip_environments_do_not_drift():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_side = names(project["dependencies"])
    for extra in ("test", "instructor", "peers", "bench", "app"):
        pip_side |= names(project["optional-dependencies"][extra])
    text = (ROOT / "environment.yml").read_text()
    deps = text.split("dependencies:", 1)[1]
    conda_lines = [
        line.strip()[2:] for line in deps.splitlines()
        if line.startswith("  - ") and not line.strip().startswith("- pip:")
    ]
    conda_side = {CONDA_NAMES.get(n, n) for n in names(conda_lines)} - {"python", "pip"}
    assert pip_side == conda_side, f"only in pyproject: {pip_side - conda_side}; only in environment.yml: {conda_side - pip_side}"


def test_card_packages_are_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    card = {"jupyterlab", "pandas", "matplotlib", "seaborn", "ipywidgets", "nbval", "papermill"}
    assert card <= names(project["dependencies"])


def test_ci_runs_exactly_the_readme_test_command():
    ci = [l for l in (ROOT / ".ci/run").read_text().splitlines() if l and not l.startswith(("#", "set ", "cd "))]
    assert ci == [".ci/system-packages", "make test"]  # apt packages first, then the README's command
    # the packages: the grader's sandbox and the browser the explorer tests drive (from Debian, never downloaded)
    packages = (ROOT / ".ci/system-packages").read_text()
    assert "missing+=(bubblewrap)" in packages and "missing+=(chromium)" in packages
    assert "playwright install" not in packages
    readme = (ROOT / "README.md").read_text()
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.S).group(1)
    assert "make lab" in first_block and "make test" in first_block


def test_quick_loop_is_documented_and_deselects_notebooks_and_grading():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\ntest-quick:", 1)[1].split("\n\n", 1)[0]
    assert '-m "not notebook and not grading"' in recipe and "notebooks" not in recipe and "solutions" not in recipe
    assert "make test-quick" in (ROOT / "README.md").read_text()


def marks(obj) -> set[str]:
    return {m.name for m in getattr(obj, "pytestmark", [])}


def test_every_notebook_run_and_grading_run_is_marked():
    import inspect
    import sys

    sys.path.insert(0, str(ROOT))
    try:
        import conftest
    finally:
        sys.path.remove(str(ROOT))
    from tests import test_grade, test_notebooks, test_scaffold

    # nbval cells and kernel-starting doctests get the mark at collection
    class Item:
        def __init__(self, path: str, name: str) -> None:
            self.path, self.name, self.added = Path(path), name, []

        def add_marker(self, mark) -> None:
            self.added.append(mark.name)

    items = [Item("notebooks/01_pareto.ipynb", "Cell 3"), Item("coursekit/course.py", "coursekit.course.execute_in_place"),
             Item("tests/test_pareto.py", "test_top_share")]
    conftest.pytest_collection_modifyitems(None, items)
    assert [i.added for i in items] == [["notebook"], ["notebook"], []]
    # papermill runs, nbgrader runs and the scaffold's end-to-end run carry their marks
    runs = [obj for name, obj in vars(test_notebooks).items() if name.startswith("TestRun_")]
    assert runs and all("notebook" in marks(cls) for cls in runs)
    uses_batch = [f for name, f in vars(test_grade).items()
                  if name.startswith("test_") and "batch" in inspect.signature(f).parameters]
    assert uses_batch and all("grading" in marks(f) for f in uses_batch)
    assert "notebook" in marks(test_scaffold.test_a_scaffolded_module_passes_the_suite)


def test_hypothesis_profile_never_depends_on_machine_speed():
    from hypothesis import HealthCheck, settings

    assert settings.default.deadline is None and settings.default.derandomize
    assert settings.default.database is None and HealthCheck.too_slow in settings.default.suppress_health_check
