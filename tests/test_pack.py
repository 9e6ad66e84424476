"""The learner pack holds what a workshop hands out, and no course machinery, solution or answer."""

from __future__ import annotations

import ast
import re
import zipfile

import pytest

from coursekit import pack

#: Definitions that only the course machinery has (grader, exercise builder, packer, generator, scaffold).
MACHINERY_DEFS = re.compile(r"^\s*def (grade_folder|build_pack|exercise_from_solution|generate_tables|scaffold)\b", re.M)
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME", "**Model answer.**", "**Rubric")


@pytest.fixture(scope="module")
def names_and_texts(tmp_path_factory):
    target = pack.build_pack(tmp_path_factory.mktemp("pack"))
    with zipfile.ZipFile(target) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_pack_has_what_learners_need(names_and_texts):
    names = set(names_and_texts)
    for needed in ("tiering-kit/README.md", "tiering-kit/exercises/01_pareto.ipynb", "tiering-kit/notebooks/00_start_here.ipynb",
                   "tiering-kit/helpers/pareto.py", "tiering-kit/helpers/checks/pareto.py", "tiering-kit/helpers/course.py",
                   "tiering-kit/datasets/README.md", "tiering-kit/lessons/01_pareto.md", "tiering-kit/pyproject.toml",
                   "tiering-kit/Makefile"):
        assert needed in names, needed


def test_pack_has_no_course_machinery(names_and_texts):
    for name, data in names_and_texts.items():
        assert not name.startswith("tiering-kit/coursekit/"), name
        assert name != "tiering-kit/helpers/grade.py", name
        text = data.decode("utf-8", errors="ignore")
        if name.endswith((".py", ".ipynb")):
            assert not MACHINERY_DEFS.search(text), name
            assert not re.search(r"^\s*(from|import)\s+(coursekit|nbgrader)\b", text, re.M), name
    makefile = names_and_texts["tiering-kit/Makefile"].decode("utf-8")
    assert "coursekit" not in makefile and "pytest" not in makefile
    assert re.search(r"^lab:", makefile, re.M) and re.search(r"^preflight:", makefile, re.M)


def test_pack_has_no_solutions_hidden_tests_or_rubrics(names_and_texts):
    for name, data in names_and_texts.items():
        assert "/solutions/" not in name and "/tests/" not in name and "/.ci/" not in name, name
        text = data.decode("utf-8", errors="ignore")
        for secret in SECRETS:
            assert secret not in text, (name, secret)


def answer_constants(source: str) -> list[str]:
    """Module-level names like ``TASK5_ANSWER = "b"``: an answer key a learner can read."""
    found = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Constant):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name) and re.search(r"ANSWER|SOLUTION|CORRECT", t.id, re.I):
                    found.append(t.id)
    return found


def test_answer_constants_are_recognised():
    assert answer_constants('TASK5_ANSWER = "b"\nX = 1\ncorrect_letter: str = "a"\n') == ["TASK5_ANSWER", "correct_letter"]
    assert answer_constants('DIGEST = "3f5a..."\n') == []


def test_pack_has_no_answer_in_clear(names_and_texts):
    leaks = {name: answer_constants(data.decode("utf-8")) for name, data in names_and_texts.items() if name.endswith(".py")}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_pack_refuses_a_leaked_solution(tmp_path):
    for folder in ("notebooks", "exercises", "datasets", "helpers", "lessons"):
        (tmp_path / folder).mkdir()
    (tmp_path / "exercises" / "01_x.ipynb").write_text('{"cells": ["### BEGIN SOLUTION"]}')
    with pytest.raises(ValueError, match="exercises/01_x.ipynb: contains solution"):
        pack.build_pack(tmp_path / "out", root=tmp_path)


def test_pack_refuses_a_learner_file_that_needs_the_machinery(tmp_path):
    for folder in ("notebooks", "exercises", "datasets", "helpers", "lessons"):
        (tmp_path / folder).mkdir()
    (tmp_path / "helpers" / "x.py").write_text("from coursekit.grade import assignments\n")
    (tmp_path / "notebooks" / "00_x.ipynb").write_text('{"cells": [{"source": ["import coursekit\\n"]}]}')
    with pytest.raises(ValueError, match=r"helpers/x.py: imports coursekit.*notebooks/00_x.ipynb: imports coursekit"):
        pack.build_pack(tmp_path / "out", root=tmp_path)


def test_learner_makefile_keeps_the_learner_targets_only():
    from helpers.paths import ROOT

    full = (ROOT / "Makefile").read_text(encoding="utf-8")
    cut = pack.learner_makefile(full)
    assert full.startswith(cut.rstrip("\n")) and len(cut) < len(full)
    assert "coursekit" in full and "coursekit" not in cut


def test_unpacked_library_imports_without_the_machinery(names_and_texts, tmp_path):
    """Every helpers module imports from the unpacked pack with coursekit and nbgrader made unimportable."""
    import subprocess
    import sys

    for name, data in names_and_texts.items():
        if name.startswith("tiering-kit/helpers/"):
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    script = (
        "import importlib, pkgutil, sys\n"
        "sys.modules['coursekit'] = None; sys.modules['nbgrader'] = None\n"
        "import helpers\n"
        f"assert helpers.__file__.startswith({str(tmp_path)!r}), helpers.__file__\n"
        "names = [m.name for m in pkgutil.walk_packages(helpers.__path__, 'helpers.')]\n"
        "for n in names: importlib.import_module(n)\n"
        "print(len(names))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(tmp_path / "tiering-kit"), "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 30
