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
    for extra in ("test", "instructor", "peers", "bench"):
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
    assert ci == ["make test"]
    readme = (ROOT / "README.md").read_text()
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.S).group(1)
    assert "make lab" in first_block and "make test" in first_block
