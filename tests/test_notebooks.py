"""Execute every notebook with papermill, in parallel (one kernel each).

nbval (configured in pyproject.toml) already runs notebooks/ and solutions/ in
English and compares the cells tagged ``nbval-check-output``; here the Chinese
edition (notebooks/zh/, solutions/zh/, built by ``python -m coursekit.i18n build``)
runs, with no missing-glyph warning and an HTML export that shows Chinese charts,
and exercises of both languages run as a learner first opens them (untouched), the
Chinese ones answering in Chinese. Outputs go to a temporary folder: nothing in the
repository is modified.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat
import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parent.parent
TEACHING = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
EXERCISES_ZH = sorted((ROOT / "exercises" / "zh").glob("[0-9][0-9]_*.ipynb"))
TEACHING_ZH = sorted((ROOT / "notebooks" / "zh").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS_ZH = sorted((ROOT / "solutions" / "zh").glob("[0-9][0-9]_*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(path: Path, tmp_path: Path, lang: str) -> tuple[nbformat.NotebookNode, float]:
    out = tmp_path / path.name
    start = time.perf_counter()
    pm.execute_notebook(str(path), str(out), parameters={"lang": lang}, kernel_name="python3",
                        cwd=str(path.parent), progress_bar=False, request_save_on_cell_execute=False)
    seconds = time.perf_counter() - start
    return nbformat.read(out, as_version=4), seconds


def outputs_text(nb: nbformat.NotebookNode) -> list[str]:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out["text"])
            elif out.get("output_type") == "error":
                texts.append("Traceback " + out["ename"])
            else:
                texts.append(str(out.get("data", {}).get("text/plain", "")))
    return texts


def task_count(nb: nbformat.NotebookNode) -> int:
    return sum(1 for c in nb.cells if re.search(r"^check\.task\d+\(", c.source, re.M))


def check_chinese_run(path: Path, tmp_path: Path) -> None:
    nb, _ = run(path, tmp_path, "zh")
    text = "\n".join(outputs_text(nb))
    assert "Traceback" not in text
    assert "missing from font" not in text and "findfont" not in text, "a Chinese chart would draw boxes"
    if path in SOLUTIONS_ZH:
        n = task_count(nb)
        assert n > 0 and text.count("✅") == n, "every self-check in a solution must pass"
        assert "❌" not in text and "⏳" not in text and "⚠️" not in text
    elif not path.name.startswith("00"):
        from nbconvert import HTMLExporter

        html, _ = HTMLExporter().from_notebook_node(nb)
        assert "data:image/png;base64" in html and len(CJK.findall(html)) > 200, "the HTML export shows Chinese charts"


def check_untouched_exercise(path: Path, tmp_path: Path) -> None:
    """Run as a learner first opens it (its own ``lang``): every check says "not answered yet", in that language."""
    from helpers.checks.core import UI

    lang = "zh" if path in EXERCISES_ZH else "en"
    nb, _ = run(path, tmp_path, lang)
    text = "\n".join(outputs_text(nb))
    assert "Traceback" not in text
    n = task_count(nb)
    assert n > 0 and text.count("⏳") == n and text.count(UI["head_unanswered"][lang]) >= n
    assert "✅" not in text and "❌" not in text
    if lang == "zh":
        assert UI["head_unanswered"]["en"] not in text and "missing from font" not in text


# One class per notebook run: with --dist loadscope each class is its own scope, so the
# kernels spread over the xdist workers instead of queueing on one.
for _path in TEACHING_ZH + SOLUTIONS_ZH + EXERCISES + EXERCISES_ZH:
    _exercise = _path in EXERCISES or _path in EXERCISES_ZH
    _check = check_untouched_exercise if _exercise else check_chinese_run
    _name = "TestRun_" + "_".join(_path.relative_to(ROOT).with_suffix("").parts)

    def _test(self, tmp_path, _path=_path, _check=_check):
        _check(_path, tmp_path)

    _test.__name__ = "test_untouched_exercise_says_not_answered" if _exercise else "test_runs_in_chinese"
    globals()[_name] = pytest.mark.notebook(type(_name, (), {_test.__name__: _test}))


def test_every_teaching_notebook_has_the_standard_shape():
    for path in TEACHING + SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1 and 'lang = "en"' in params[0].source, path.name
        src = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "!pip" not in src and "/work/" not in src and "C:\\\\" not in src
    for path in TEACHING:
        nb = nbformat.read(path, as_version=4)
        if path.name.startswith("00"):
            continue
        headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
        assert any("## What you learned" in h for h in headings), path.name
        assert any("Try it" in h for h in headings), path.name
        assert any("nbval-check-output" in c.metadata.get("tags", []) for c in nb.cells), path.name


def test_committed_outputs_have_no_errors_or_local_paths():
    for path in TEACHING + SOLUTIONS:
        nb = nbformat.read(path, as_version=4)
        assert all(c.get("outputs") is not None for c in nb.cells if c.cell_type == "code")
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{path.name} has no outputs"
        text = "\n".join(outputs_text(nb))
        assert "Traceback" not in text and str(ROOT) not in json.dumps(nb), path.name
