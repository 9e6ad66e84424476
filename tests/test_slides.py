"""make slides: an offline reveal.js deck per teaching notebook, code hidden, charts and sentences shown."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from coursekit import slides

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "01_pareto.ipynb"
REMOTE = re.compile(r"^\s*(https?:)?//", re.I)


class _Links(HTMLParser):
    """Every URL the page would load: src/href attributes, CSS url() and @import."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "data", "poster") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
            self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", data)


def _urls(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.urls


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    slides.copy_reveal(out)
    return slides.build_deck(NOTEBOOK, out), out


def test_deck_loads_nothing_from_the_network(deck):
    path, out = deck
    html = path.read_text(encoding="utf-8")
    urls = _urls(html)
    remote = [u for u in urls if REMOTE.match(u)]
    assert not remote, remote
    for url in urls:  # every local file the deck loads exists next to it
        if not url.startswith(("data:", "#")):
            assert (path.parent / url).resolve().is_file(), url
    assert "../reveal.js/dist/reveal.js" in urls and "../reveal.js/dist/reveal.css" in urls
    # the vendored stylesheets import nothing remote either
    for css in (out / "reveal.js").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", text) and not re.search(r"url\(\s*['\"]?https?:", text), css


def test_deck_shows_the_charts_and_sentences_but_no_code(deck):
    path, _ = deck
    html = path.read_text(encoding="utf-8")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    charts = sum("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert charts >= 3
    assert len(re.findall(r"<img[^>]+src=\"data:image/png;base64,", html)) == charts
    first_code = next(c.source for c in nb.cells if c.cell_type == "code" and "import" in c.source)
    assert first_code.splitlines()[0] not in html  # code hidden
    assert "VBox(children" not in html  # widgets need a kernel: left out, not shown as text
    sentences = [o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
                 if "text/markdown" in o.get("data", {})]
    assert sentences
    for sentence in sentences:  # every computed sentence is on a slide (its bold numbers, as rendered)
        for number in re.findall(r"\*\*([^*]+)\*\*", sentence):
            assert f"<strong>{number}</strong>" in html, number
    assert html.count('<section') > 10  # one slide per section, sub-slides for charts


def test_deck_carries_its_chinese_font(deck):
    path, _ = deck
    html = path.read_text(encoding="utf-8")
    assert "二八定律" in html and "@font-face { font-family: 'Tiering Kit Sans SC'" in html


def test_slide_types_follow_the_notebook():
    md = nbformat.v4.new_markdown_cell("Just prose.")
    head = nbformat.v4.new_markdown_cell("## 2. A section")
    warn = nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", name="stderr", text="warning")])
    widget = nbformat.v4.new_code_cell("w", outputs=[nbformat.v4.new_output(
        "execute_result", data={"application/vnd.jupyter.widget-view+json": {"model_id": "1"}, "text/plain": "VBox()"})])
    said = nbformat.v4.new_code_cell("s", outputs=[nbformat.v4.new_output("display_data", data={"text/markdown": "**5%**"})])
    nb = slides.slide_notebook(nbformat.v4.new_notebook(cells=[head, md, warn, widget, said]))
    assert [c.metadata.slideshow.slide_type for c in nb.cells] == ["slide", "notes", "-"]


def test_every_teaching_notebook_has_a_deck_source():
    names = [p.name for p in slides.teaching_notebooks()]
    assert names.count("00_start_here.ipynb") == 2  # English and Chinese
    assert len(names) == 2 * len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
