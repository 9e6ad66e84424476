"""The learner pack holds what a workshop hands out, and no course machinery, solution or answer."""

from __future__ import annotations

import ast
import re
import zipfile

import pytest

from coursekit import pack

#: Definitions that only the course machinery has (grader, exercise builder, packer, generator, scaffold).
MACHINERY_DEFS = re.compile(r"^\s*def (grade_folder|build_pack|exercise_from_solution|generate_tables|scaffold)\b", re.M)
SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME", "**Model answer.**", "**Rubric",
           "**参考答案。**", "**评分标准")


def _read(target):
    with zipfile.ZipFile(target) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    """Both packs as ``make student-pack`` writes them: language -> {name in the zip: bytes}."""
    out = tmp_path_factory.mktemp("pack")
    assert pack.main(["--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [pack.pack_name("en"), pack.pack_name("zh")]
    return {lang: _read(out / pack.pack_name(lang)) for lang in pack.LANGS}


@pytest.fixture(scope="module", params=pack.LANGS)
def names_and_texts(request, packs):
    """Each language's pack (every test taking it runs on both)."""
    return packs[request.param]


@pytest.fixture(scope="module")
def zh_pack(packs):
    return packs["zh"]


def test_pack_has_what_learners_need(names_and_texts):
    names = set(names_and_texts)
    for needed in ("tiering-kit/README.md", "tiering-kit/helpers/pareto.py", "tiering-kit/helpers/checks/pareto.py",
                   "tiering-kit/helpers/course.py", "tiering-kit/helpers/fonts/TieringKitSansSC-Regular.otf",
                   "tiering-kit/datasets/README.md", "tiering-kit/pyproject.toml", "tiering-kit/Makefile"):
        assert needed in names, needed
    zh = "tiering-kit/notebooks/zh/00_start_here.ipynb" in names
    edition = "zh/" if zh else ""
    for needed in (f"exercises/{edition}01_pareto.ipynb", f"notebooks/{edition}00_start_here.ipynb",
                   f"lessons/{edition}01_pareto.md"):
        assert f"tiering-kit/{needed}" in names, needed


def test_each_pack_has_its_own_language_only(packs):
    from helpers.paths import EXERCISES_DIR, NOTEBOOKS_DIR

    en, zh = set(packs["en"]), set(packs["zh"])
    for lang, names in (("en", en), ("zh", zh)):
        for folder, source in (("exercises", EXERCISES_DIR), ("notebooks", NOTEBOOKS_DIR)):
            edition = source / "zh" if lang == "zh" else source
            expected = {f"tiering-kit/{p.relative_to(source.parent).as_posix()}" for p in edition.glob("[0-9][0-9]_*.ipynb")}
            shipped = {n for n in names if n.startswith(f"tiering-kit/{folder}/") and n.endswith(".ipynb")}
            assert shipped == expected and len(expected) >= 7, (lang, folder)
    assert not any("/zh/" in n for n in en)
    assert {n for n in zh if n.startswith("tiering-kit/helpers/")} == {n for n in en if n.startswith("tiering-kit/helpers/")}


def test_chinese_pack_has_chinese_exercises_that_open_in_chinese(zh_pack):
    import json

    exercises = [n for n in zh_pack if n.startswith("tiering-kit/exercises/")]
    assert exercises and all(n.startswith("tiering-kit/exercises/zh/") for n in exercises)
    for name in exercises:
        nb = json.loads(zh_pack[name])
        assert "".join(nb["cells"][0]["source"]).startswith("# 📝 练习"), name
        params = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        assert 'lang = "zh"' in "".join(params[0]["source"]), name
    makefile = zh_pack["tiering-kit/Makefile"].decode("utf-8")
    assert re.search(r"^START \?= notebooks/zh/00_start_here\.ipynb$", makefile, re.M)


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


def test_pack_refuses_a_leaked_chinese_model_answer(tmp_path):
    for folder in ("notebooks", "exercises", "datasets", "helpers", "lessons"):
        (tmp_path / folder).mkdir()
    (tmp_path / "exercises" / "zh").mkdir()
    (tmp_path / "exercises" / "zh" / "01_x.ipynb").write_text('{"cells": ["**参考答案。**前五分之一"]}', encoding="utf-8")
    pack.build_pack(tmp_path / "out", root=tmp_path, lang="en")  # not in the English pack
    with pytest.raises(ValueError, match="exercises/zh/01_x.ipynb: contains solution"):
        pack.build_pack(tmp_path / "out", root=tmp_path, lang="zh")


def test_command_builds_the_one_pack_asked_for(tmp_path, monkeypatch):
    built = []

    def fake_build(out, lang):
        built.append(lang)
        (out / pack.pack_name(lang)).write_bytes(b"")
        return out / pack.pack_name(lang)

    monkeypatch.setattr(pack, "build_pack", fake_build)
    assert pack.main(["--out", str(tmp_path), "--lang", "zh"]) == 0 and built == ["zh"]


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
