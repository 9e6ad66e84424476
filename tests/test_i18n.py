"""The Chinese edition is built from one source: English files + gettext catalogs (coursekit.i18n).

Fails while any translation is stale (its English changed) or missing, while a built
Chinese file differs from what English + catalog give, or while Chinese prose is not Chinese.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import polib
import pytest

from coursekit import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCES = i18n.sources()
HOW = ("Run `python -m coursekit.i18n update`, write or review the Chinese in the PO file "
       "(remove the fuzzy flag), then `python -m coursekit.i18n build`.")


def test_every_english_file_has_a_chinese_edition():
    names = {s.rel for s in SOURCES}
    for folder, pattern in (("notebooks", "[0-9][0-9]_*.ipynb"), ("solutions", "[0-9][0-9]_*.ipynb"),
                            ("lessons", "*.md")):
        for path in (ROOT / folder).glob(pattern):
            assert f"{folder}/{path.name}" in names
    assert len(SOURCES) >= 25


def test_no_translation_is_stale_or_missing():
    todo = i18n.problems()
    assert not todo, f"{len(todo)} translation(s) stale or missing:\n" + "\n".join(map(str, todo[:40])) + "\n" + HOW


def test_chinese_files_are_what_english_and_catalog_build():
    stale = i18n.outdated()
    assert not stale, f"out of date: {stale}. Run `python -m coursekit.i18n build` (never edit */zh/* by hand)."


@pytest.mark.parametrize("source", [s for s in SOURCES if s.is_notebook], ids=lambda s: s.rel)
def test_code_cells_are_the_english_ones(source):
    english = nbformat.read(source.path, as_version=4)
    chinese = nbformat.read(source.target, as_version=4)
    assert [c.get("id") for c in chinese.cells] == [c.get("id") for c in english.cells]
    assert [c.cell_type for c in chinese.cells] == [c.cell_type for c in english.cells]
    for en, zh in zip(english.cells, chinese.cells):
        assert zh.metadata.get("nbgrader") == en.metadata.get("nbgrader")
        assert zh.metadata.get("tags") == en.metadata.get("tags")
        if en.cell_type != "code":
            continue
        if "parameters" in en.metadata.get("tags", []):
            assert zh.source == en.source.replace('lang = "en"', 'lang = "zh"', 1) and 'lang = "zh"' in zh.source
        else:
            assert zh.source == en.source
        if not source.rel.startswith("notebooks/"):  # teaching notebooks are run after the build (make notebooks)
            assert zh.outputs == [] and zh.execution_count is None


CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
#: five or more English words in a row outside code: an untranslated sentence
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?:[ ,;:'’-]+[A-Za-z]+){4,}")


def prose(markdown: str) -> str:
    """Markdown without code, HTML comments, link targets, nbgrader markers and URLs."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"^\s*###\s*(BEGIN|END) .*$", " ", text, flags=re.M)
    if text.startswith("---"):
        text = text.split("\n---", 1)[-1]  # front matter: data for the course map
    return text


def markdown_of(path: Path) -> list[str]:
    if path.suffix == ".ipynb":
        return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
    return [path.read_text(encoding="utf-8")]


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.target_rel)
def test_chinese_prose_is_chinese(source):
    texts = [prose(t) for t in markdown_of(source.target)]
    joined = "\n".join(texts)
    cjk, latin = len(CJK.findall(joined)), sum(len(w) for w in LATIN_WORD.findall(joined))
    assert cjk / max(cjk + latin, 1) > 0.6, f"{source.target_rel}: only {cjk} Chinese characters to {latin} Latin letters"
    english = [m.group(0) for t in texts for m in ENGLISH_RUN.finditer(t)]
    assert not english, f"{source.target_rel} has English sentences: {english[:5]}"


def test_links_point_to_the_chinese_twin():
    readme = i18n.Source(ROOT / "lessons" / "README.md")
    assert i18n.translate_markdown("[指南](grading.md)", {}, readme) == "[指南](grading.md)"
    nb = i18n.Source(ROOT / "notebooks" / "01_pareto.ipynb")
    text = "[练习](../exercises/01_pareto.ipynb), [数据](../datasets/README.md), [x](https://a.b/c), [y](#top)"
    assert i18n.translate_markdown(text, {}, nb) == (
        "[练习](../../exercises/zh/01_pareto.ipynb), [数据](../../datasets/README.md), [x](https://a.b/c), [y](#top)")


# ---------------------------------------------------------------- the workflow on a small copy

def small_repo(tmp_path: Path, paragraph: str) -> i18n.Source:
    (tmp_path / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# 01 · Title\n\n{paragraph}\n\nThe last paragraph stays."),
        nbformat.v4.new_code_cell('lang = "en"  # papermill parameter', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                                  metadata={"nbgrader": {"solution": True, "grade_id": "task1_answer"}}),
        nbformat.v4.new_markdown_cell("### BEGIN SOLUTION\n**Model answer.** Yes.\n### END SOLUTION",
                                      metadata={"nbgrader": {"solution": True, "grade": True, "points": 2}}),
    ])
    path = tmp_path / "notebooks" / "01_x.ipynb"
    nbformat.write(nb, path)
    return i18n.Source(path, tmp_path)


def test_a_changed_paragraph_becomes_stale_and_a_new_one_missing(tmp_path):
    source = small_repo(tmp_path, "Customers bring value.")
    assert i18n.update(tmp_path)["locale/zh/notebooks/01_x.po"]["missing"] == 4
    po = polib.pofile(str(source.catalog))
    chinese = {"# 01 · Title": "# 01 · 标题", "Customers bring value.": "客户带来价值。",
               "The last paragraph stays.": "最后一段不变。", "**Model answer.** Yes.": "**参考答案。** 是。"}
    for entry in po:
        entry.msgstr = chinese[entry.msgid]
    po.save()
    assert i18n.problems(tmp_path) == [] and i18n.build(tmp_path) == ["notebooks/zh/01_x.ipynb"]
    built = nbformat.read(source.target, as_version=4)
    assert built.cells[0].source == "# 01 · 标题\n\n客户带来价值。\n\n最后一段不变。"
    assert built.cells[1].source.startswith('lang = "zh"')
    assert built.cells[3].source == "### BEGIN SOLUTION\n**参考答案。** 是。\n### END SOLUTION"
    assert built.cells[2].metadata["nbgrader"]["solution"] is True

    # the author changes one paragraph and adds another
    nb = nbformat.read(source.path, as_version=4)
    nb.cells[0].source = "# 01 · Title\n\nCustomers bring different value.\n\nA new paragraph.\n\nThe last paragraph stays."
    nbformat.write(nb, source.path)
    assert i18n.outdated(tmp_path) == ["notebooks/zh/01_x.ipynb"]
    counts = i18n.update(tmp_path)["locale/zh/notebooks/01_x.po"]
    assert (counts["kept"], counts["fuzzy"], counts["missing"]) == (3, 1, 1)
    entry = polib.pofile(str(source.catalog)).find("Customers bring different value.")
    assert entry.fuzzy and entry.previous_msgid == "Customers bring value." and entry.msgstr == "客户带来价值。"
    kinds = sorted((p.kind, p.msgid) for p in i18n.problems(tmp_path))
    assert kinds == [("missing", "A new paragraph."), ("stale", "Customers bring different value.")]
    i18n.build(tmp_path)  # until reviewed, the changed and the new paragraph show in English
    assert nbformat.read(source.target, as_version=4).cells[0].source == (
        "# 01 · 标题\n\nCustomers bring different value.\n\nA new paragraph.\n\n最后一段不变。")
