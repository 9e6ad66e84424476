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

import html
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


# ---------------------------------------------------------------- English that reaches a Chinese notebook's output

#: Names that stay English in Chinese outputs, and why (everything else in three or more English
#: words in a row is an untranslated sentence).
ALLOWED_ENGLISH: dict[str, str] = {
    "Tiering Kit Sans SC": "the family name of the kit's bundled Chinese font, shown by the pre-flight check",
}
_WORD = r"[A-Za-z][A-Za-z’'-]*"
#: Three or more English words in a row (one space or a light punctuation mark between them; table
#: columns, which are two or more spaces apart, do not run together).
ENGLISH_RUN = re.compile(rf"{_WORD}(?:(?: |, |; |: | / | – ){_WORD}){{2,}}")
#: Code, not prose: identifiers (``customer_id``, ``KIT_SEGMENTS``, ``CustomerID``, ``float64``), code spans,
#: URLs and file names, and pandas' Series footer.
_CODE = [re.compile(p, re.M) for p in (
    r"`[^`]*`", r"<code>.*?</code>", r"https?://\S+", r"\b[\w.-]+\.(?:ipynb|md|py|csv|gz|txt|otf)\b",
    r"^Name: .*, dtype: \w+$", r"^dtype: \w+$",
    r"\b\w*[_\d]\w*\b", r"\b[A-Za-z][a-z]+[A-Z]\w*\b", r"\b[A-Z]{2,}[a-z]\w*\b",
)]


def _prose(mime: str, text: str) -> str:
    if mime == "text/html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
        text = re.sub(r"<code>.*?</code>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " | ", text))
    for name in ALLOWED_ENGLISH:
        text = text.replace(name, " | ")
    for pattern in _CODE:
        text = pattern.sub(" | ", text)
    return text


def shown_texts(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    """``(where, mime, text)`` of everything a notebook shows: stream, text/plain, text/html and
    text/markdown outputs, and the text of its widgets (descriptions, options, HTML values)."""
    found = []
    for number, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                found.append((f"cell {number}", "stream", out["text"]))
            data = out.get("data", {})
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in data and not (mime == "text/plain" and "application/vnd.jupyter.widget-view+json" in data):
                    found.append((f"cell {number}", mime, data[mime]))  # a widget's text/plain is its Python repr
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model in state.values():
        values = model.get("state", {})
        texts = [values.get("description"), values.get("tooltip"), values.get("placeholder"),
                 *values.get("_options_labels", [])]
        if model.get("model_name") in ("HTMLModel", "LabelModel", "HTMLMathModel"):
            texts.append(values.get("value"))
        found += [("widget", "text/html", t) for t in texts if isinstance(t, str) and t]
    return found


def english_sentences(nb: nbformat.NotebookNode) -> list[str]:
    """Runs of three or more English words in what the notebook shows, outside code and :data:`ALLOWED_ENGLISH`."""
    return [f"{where} ({mime}): {m.group(0)!r}" for where, mime, text in shown_texts(nb)
            for m in ENGLISH_RUN.finditer(_prose(mime, text))]


def test_english_sentences_are_found_and_code_is_not():
    def nb_showing(mime, text, widget=None):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
            "x", outputs=[nbformat.v4.new_output("display_data", data={mime: text})])])
        if widget:
            nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"m": widget}}}
        return nb

    assert english_sentences(nb_showing("text/html", "<td>Standard service line for problems</td>"))
    assert english_sentences(nb_showing("text/markdown", "客户 **no CustomerID**: rows read, excluded"))
    assert english_sentences(nb_showing("text/plain", "x", {"model_name": "DropdownModel",
                                                            "state": {"_options_labels": ["keep and reward"]}}))
    for code in ("<th>customer_id</th><th>客户数</th>", "客户数  Potential  VIP\n  loyal  at_risk",
                 "运行 `python -m coursekit.i18n build` 即可", "Name: revenue, dtype: float64",
                 "中文字体: Tiering Kit Sans SC", "notebooks/zh/01_pareto.ipynb", "<td>UCI 在线零售</td><td>VIP客户</td>"):
        assert english_sentences(nb_showing("text/html" if code.startswith("<") else "text/plain", code)) == [], code


def task_count(nb: nbformat.NotebookNode) -> int:
    return sum(1 for c in nb.cells if re.search(r"^check\.task\d+\(", c.source, re.M))


def check_chinese_run(path: Path, tmp_path: Path) -> None:
    nb, _ = run(path, tmp_path, "zh")
    text = "\n".join(outputs_text(nb))
    assert "Traceback" not in text
    assert "missing from font" not in text and "findfont" not in text, "a Chinese chart would draw boxes"
    english = english_sentences(nb)
    assert not english, (f"{path.relative_to(ROOT)} shows English to a Chinese learner (give it a Chinese version "
                         f"in helpers/catalog, chosen by lang): {english[:8]}")
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
        assert not english_sentences(nb), english_sentences(nb)[:8]


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
    for path in TEACHING + SOLUTIONS + TEACHING_ZH:
        nb = nbformat.read(path, as_version=4)
        assert all(c.get("outputs") is not None for c in nb.cells if c.cell_type == "code")
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{path.name} has no outputs"
        text = "\n".join(outputs_text(nb))
        assert "Traceback" not in text and str(ROOT) not in json.dumps(nb), path.name


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.mark.parametrize("path", TEACHING + TEACHING_ZH, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_committed_widgets_have_their_state_saved(path):
    """A widget output shows as controls before the kernel runs only when its model's state is in the notebook."""
    nb = nbformat.read(path, as_version=4)
    views = [out["data"][WIDGET_VIEW]["model_id"] for c in nb.cells if c.cell_type == "code"
             for out in c.get("outputs", []) if WIDGET_VIEW in out.get("data", {})]
    assert views, f"{path.name}: no widget output (run it: make notebooks)"
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    missing = [m for m in views if m not in state]
    assert not missing, f"{path.name}: widget views without saved state: {missing}"
