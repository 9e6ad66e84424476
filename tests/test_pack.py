"""The learner pack holds what a workshop hands out and nothing that gives answers away."""

from __future__ import annotations

import zipfile

import pytest

from coursekit import pack


@pytest.fixture(scope="module")
def names_and_texts(tmp_path_factory):
    target = pack.build_pack(tmp_path_factory.mktemp("pack"))
    with zipfile.ZipFile(target) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_pack_has_what_learners_need(names_and_texts):
    names = set(names_and_texts)
    for needed in ("tiering-kit/README.md", "tiering-kit/exercises/01_pareto.ipynb", "tiering-kit/notebooks/00_start_here.ipynb",
                   "tiering-kit/helpers/pareto.py", "tiering-kit/helpers/checks/pareto.py", "tiering-kit/datasets/README.md",
                   "tiering-kit/lessons/01_pareto.md", "tiering-kit/pyproject.toml", "tiering-kit/Makefile"):
        assert needed in names, needed


def test_pack_has_no_solutions_hidden_tests_or_keys(names_and_texts):
    for name, data in names_and_texts.items():
        assert "/solutions/" not in name and "/tests/" not in name and not name.endswith("grade.py"), name
        text = data.decode("utf-8", errors="ignore")
        for secret in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME", "**Model answer.**", "**Rubric"):
            if name.endswith("helpers/exercises.py"):
                continue  # the builder names the markers it removes; it holds no answers
            assert secret not in text, (name, secret)


def test_pack_refuses_a_leaked_solution(tmp_path):
    for folder in ("notebooks", "exercises", "datasets", "helpers", "lessons"):
        (tmp_path / folder).mkdir()
    (tmp_path / "exercises" / "01_x.ipynb").write_text('{"cells": ["### BEGIN SOLUTION"]}')
    with pytest.raises(ValueError, match="exercises/01_x.ipynb: contains solution"):
        pack.build_pack(tmp_path / "out", root=tmp_path)
