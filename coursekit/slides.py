"""Offline slide decks of the teaching notebooks: what a trainer projects instead of code.

One reveal.js deck per teaching notebook and language (``make slides`` writes
``slides/en/NN_slug.html`` and ``slides/zh/NN_slug.html``). A deck shows the
notebook's headed sections, its charts, its tables and the sentences it computes;
code cells are hidden, widgets (which need a kernel) and printed warnings are left
out, and prose paragraphs without a heading become speaker notes (press ``S``).

Everything loads from disk: reveal.js is vendored in ``coursekit/reveal`` (from
the npm package, MIT licence, see its README) and copied next to the decks;
charts are embedded as PNG data. nbconvert's own reveal template loads
reveal.js, RequireJS, jQuery, MathJax and Mermaid from CDNs, so a projector PC
without internet would show blank slides: ``slides_template/kit_slides.html.j2``
removes those loads.

The English notebooks carry their outputs; the Chinese edition is built without
outputs, so its notebooks are run first (in memory, a few seconds each).

Command line::

    python -m coursekit.slides                      # every teaching notebook, both languages
    python -m coursekit.slides notebooks/01_pareto.ipynb --out /tmp/decks
"""

from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat

from helpers.paths import NOTEBOOKS_DIR, ROOT

__all__ = ["REVEAL_DIR", "TEMPLATE_DIR", "slide_notebook", "build_deck", "build_all", "main"]

#: The vendored reveal.js (dist/reveal.js, dist/reveal.css, dist/theme/white.css, plugin/notes/notes.js).
REVEAL_DIR: Path = Path(__file__).resolve().parent / "reveal"
TEMPLATE_DIR: Path = Path(__file__).resolve().parent / "slides_template"
OUT_DIR: Path = ROOT / "slides"
#: Output types a deck shows (in this order of preference); widgets and text reprs are left out.
SHOWN = ("image/png", "image/svg+xml", "text/html", "text/markdown")
_HEADING = re.compile(r"^\s*#{1,3} ")


def _visible(output: dict) -> dict | None:
    """The output reduced to what a slide shows, or None."""
    if output.get("output_type") not in ("display_data", "execute_result"):
        return None  # stream (warnings, prints) and errors
    data = output.get("data", {})
    if "application/vnd.jupyter.widget-view+json" in data:
        return None
    for mime in SHOWN:
        if mime in data:
            kept = copy.deepcopy(output)
            kept["data"] = {mime: data[mime]}
            kept.setdefault("metadata", {})
            kept["metadata"] = {k: v for k, v in kept["metadata"].items() if k == mime}
            return kept
    return None


def slide_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as slides: headed markdown opens a slide, charts and tables get their own sub-slide.

    Parameters
    ----------
    nb : NotebookNode
        A teaching notebook with outputs.

    Returns
    -------
    NotebookNode
        A copy with ``metadata.slideshow.slide_type`` on every cell: markdown with a heading ->
        ``slide``, other markdown -> ``notes``; a code cell keeps only charts, tables and Markdown
        (``subslide`` when it shows a chart or table, else it continues the slide); cells with nothing
        to show are dropped.

    Examples
    --------
    >>> md = nbformat.v4.new_markdown_cell("## 1. Idea\\nText")
    >>> code = nbformat.v4.new_code_cell("plot()", outputs=[nbformat.v4.new_output(
    ...     "display_data", data={"image/png": "iVBO", "text/plain": "<Figure>"})])
    >>> quiet = nbformat.v4.new_code_cell("import x")
    >>> deck = slide_notebook(nbformat.v4.new_notebook(cells=[md, code, quiet]))
    >>> [c.metadata.slideshow.slide_type for c in deck.cells], list(deck.cells[1].outputs[0].data)
    (['slide', 'subslide'], ['image/png'])
    """
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        if cell.cell_type == "markdown":
            kind = "slide" if _HEADING.match(cell.source) else "notes"
        elif cell.cell_type == "code":
            cell.outputs = [o for o in (_visible(o) for o in cell.get("outputs", [])) if o is not None]
            if not cell.outputs:
                continue
            big = any(m in o["data"] for o in cell.outputs for m in ("image/png", "image/svg+xml", "text/html"))
            kind = "subslide" if big else "-"
        else:
            continue
        cell.metadata["slideshow"] = {"slide_type": kind}
        cells.append(cell)
    out.cells = cells
    out.metadata.pop("widgets", None)
    return out


def font_face(html: str) -> str:
    """A ``<style>`` with the kit's Chinese font, cut down to the characters ``html`` uses, as inline data.

    A deck opened from disk cannot load a font file next to it (browsers refuse fonts from ``file://``
    pages), and a projector PC may have no Chinese font; a subset of the kit's own font (a few
    kilobytes) travels inside the deck instead.

    Parameters
    ----------
    html : str
        The deck.

    Returns
    -------
    str
        ``<style>@font-face {...}</style>``, or ``""`` when the deck has no Chinese text.

    Examples
    --------
    >>> font_face("<p>hello</p>")
    ''
    >>> css = font_face("<p>二八定律</p>")
    >>> css.startswith("<style>@font-face") and "data:font/otf;base64," in css
    True
    """
    import base64
    import io

    from fontTools import subset

    from helpers.plots.fonts import FONT_FILE

    chars = {c for c in html if ord(c) > 0x2E7F}
    if not chars:
        return ""
    options = subset.Options()
    options.name_IDs, options.notdef_outline, options.layout_features = ["*"], True, ["*"]
    font = subset.load_font(str(FONT_FILE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return ("<style>@font-face { font-family: 'Tiering Kit Sans SC'; "
            f"src: url(data:font/otf;base64,{data}) format('opentype'); }}</style>")


def _has_outputs(nb: nbformat.NotebookNode) -> bool:
    return any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def _execute(nb: nbformat.NotebookNode, path: Path) -> nbformat.NotebookNode:
    import nbclient

    nb = copy.deepcopy(nb)
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def copy_reveal(out_dir: Path) -> Path:
    """Copy the vendored reveal.js into ``out_dir/reveal.js`` (the decks load it from there).

    Parameters
    ----------
    out_dir : Path
        The folder that holds ``en/`` and ``zh/``.

    Returns
    -------
    Path
        The copied folder.
    """
    target = out_dir / "reveal.js"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REVEAL_DIR, target, ignore=shutil.ignore_patterns("README.md"))
    return target


def build_deck(notebook: Path, out_dir: Path = OUT_DIR, *, execute: bool | None = None) -> Path:
    """Write the slide deck of one notebook.

    Parameters
    ----------
    notebook : Path
        A teaching notebook (``notebooks/NN_slug.ipynb`` or ``notebooks/zh/NN_slug.ipynb``).
    out_dir : Path
        Where decks go: ``out_dir/en/NN_slug.html`` or ``out_dir/zh/NN_slug.html``, with reveal.js in
        ``out_dir/reveal.js``.
    execute : bool, optional
        Run the notebook first; default: only when it has no outputs (the Chinese edition).

    Returns
    -------
    Path
        The deck.
    """
    from nbconvert import SlidesExporter

    notebook = Path(notebook).resolve()
    lang = "zh" if notebook.parent.name == "zh" else "en"
    nb = nbformat.read(notebook, as_version=4)
    if execute or (execute is None and not _has_outputs(nb)):
        nb = _execute(nb, notebook)
    exporter = SlidesExporter(
        extra_template_basedirs=[str(TEMPLATE_DIR)], template_file="kit_slides.html.j2",
        reveal_url_prefix="../reveal.js", reveal_theme="white", reveal_width="1280", reveal_height="720",
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    exporter.template_paths = [str(TEMPLATE_DIR)] + exporter.template_paths
    title = nb.cells[0].source.splitlines()[0].lstrip("# ").strip() if nb.cells else notebook.stem
    body, _ = exporter.from_notebook_node(slide_notebook(nb), resources={"metadata": {"name": title}})
    body = body.replace("</head>", font_face(body) + "\n</head>", 1)
    target = Path(out_dir) / lang / f"{notebook.stem}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    if not (Path(out_dir) / "reveal.js" / "dist" / "reveal.js").exists():
        copy_reveal(Path(out_dir))
    return target


def teaching_notebooks(langs: Iterable[str] = ("en", "zh")) -> list[Path]:
    """The teaching notebooks of each language, in module order.

    Parameters
    ----------
    langs : iterable of str
        ``"en"`` and/or ``"zh"``.

    Returns
    -------
    list of Path

    Examples
    --------
    >>> [p.name for p in teaching_notebooks(["en"])][:2]
    ['00_start_here.ipynb', '01_pareto.ipynb']
    """
    found = []
    for lang in langs:
        folder = NOTEBOOKS_DIR if lang == "en" else NOTEBOOKS_DIR / lang
        found += sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    return found


def build_all(out_dir: Path = OUT_DIR, langs: Iterable[str] = ("en", "zh")) -> list[Path]:
    """Every deck (``make slides``), with a fresh copy of reveal.js.

    Parameters
    ----------
    out_dir : Path
        Output folder (default ``slides/``).
    langs : iterable of str
        Languages to build.

    Returns
    -------
    list of Path
        The decks written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_reveal(out_dir)
    decks = []
    for nb in teaching_notebooks(langs):
        decks.append(build_deck(nb, out_dir))
        print(f"wrote {decks[-1]}", flush=True)
    return decks


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.slides")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every teaching notebook, both languages")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    parser.add_argument("--lang", action="append", choices=["en", "zh"], help="only this language (repeatable)")
    args = parser.parse_args(argv)
    if args.notebooks:
        copy_reveal(args.out)
        for nb in args.notebooks:
            print(f"wrote {build_deck(nb, args.out)}")
    else:
        build_all(args.out, args.lang or ("en", "zh"))
    print(f"Open {args.out / 'en' / '00_start_here.html'} (or zh/) in a browser; S opens the speaker notes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
