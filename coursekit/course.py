"""Course authors' tools: the README course map and re-running notebooks in place.

The course map itself (read from the lesson guides' front matter) and the
pre-flight check are learner-facing: notebook 00 shows them, so they live in
:mod:`helpers.course`. This module writes them where authors need them.

Command line::

    python -m coursekit.course map         # the course map as a Markdown table
    python -m coursekit.course readme      # rewrite the course map in README.md
    python -m coursekit.course preflight   # the same as `python -m helpers.course preflight`
    python -m coursekit.course execute     # re-run notebooks/ and solutions/ in place (authors)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers import course
from helpers.paths import NOTEBOOKS_DIR, ROOT, SOLUTIONS_DIR

README_START = "<!-- course-map:start"
README_END = "<!-- course-map:end -->"


def markdown_table(frame: pd.DataFrame | None = None) -> str:
    """The course map as the Markdown table the README shows (links relative to the repo root).

    Parameters
    ----------
    frame : DataFrame, optional
        A course map (:func:`helpers.course.course_map`); default: this kit's.

    Returns
    -------
    str
        The table, one line per module.

    Examples
    --------
    >>> markdown_table().splitlines()[0]
    '| Module | Lesson | Notebook | Exercise | Solution | Helper module | Minutes |'
    """
    frame = course.course_map() if frame is None else frame

    def link(path: str) -> str:
        return f"[{Path(path).name}]({path})" if path else "—"

    lines = [
        "| Module | Lesson | Notebook | Exercise | Solution | Helper module | Minutes |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in frame.itertuples():
        lines.append(
            f"| {r.module} {r.title} ({r.title_zh}) | {link(r.lesson)} | {link(r.notebook)} | "
            f"{link(r.exercise)} | {link(r.solution)} | {('`' + r.helper + '`') if r.helper else '—'} | {r.minutes} |"
        )
    return "\n".join(lines)


def readme_with_map(text: str, frame: pd.DataFrame | None = None) -> str:
    """``text`` (the README) with the course-map block replaced by the current table.

    Parameters
    ----------
    text : str
        The README, holding ``<!-- course-map:start ... -->`` and ``<!-- course-map:end -->``.
    frame : DataFrame, optional
        The course map to write; default: this kit's.

    Returns
    -------
    str
        The README with the new table between the markers.

    Examples
    --------
    >>> doc = "intro\\n<!-- course-map:start -->\\nold\\n<!-- course-map:end -->\\nmore"
    >>> new = readme_with_map(doc)
    >>> new.splitlines()[2].startswith("| Module |"), new.endswith("<!-- course-map:end -->\\nmore")
    (True, True)
    """
    start = text.index(README_START)
    body_start = text.index("\n", start) + 1
    end = text.index(README_END)
    return text[:body_start] + markdown_table(frame) + "\n" + text[end:]


def execute_in_place(paths: Sequence[Path], timeout: int = 120) -> dict[str, float]:
    """Run notebooks top to bottom in fresh kernels and save their outputs.

    Parameters
    ----------
    paths : sequence of Path
        Notebooks to run; each is overwritten with its new outputs.
    timeout : int
        Seconds one cell may run.

    Returns
    -------
    dict
        Seconds per notebook, keyed by the path relative to the kit (or the file name outside it).

    Examples
    --------
    >>> import nbformat, tempfile
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")])
    >>> path = Path(tempfile.mkdtemp()) / "demo.ipynb"
    >>> nbformat.write(nb, path)
    >>> list(execute_in_place([path]))
    ['demo.ipynb']
    >>> nbformat.read(path, as_version=4).cells[0].outputs[0]["data"]["text/plain"]
    '42'
    """
    import nbclient
    import nbformat

    times = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}}).execute()
        try:
            name = path.resolve().relative_to(ROOT).as_posix()
        except ValueError:
            name = path.name
        times[name] = time.perf_counter() - start
        nbformat.write(nb, path)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.course")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("map", help="print the course map as Markdown")
    sub.add_parser("readme", help="rewrite the course map in README.md")
    sub.add_parser("preflight", help="check this machine before a workshop")
    ex = sub.add_parser("execute", help="re-run notebooks/ and solutions/ in place")
    ex.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command == "map":
        print(markdown_table())
        return 0
    if args.command == "readme":
        readme = ROOT / "README.md"
        readme.write_text(readme_with_map(readme.read_text(encoding="utf-8")), encoding="utf-8")
        print("README.md course map updated")
        return 0
    if args.command == "preflight":
        return course.main(["preflight"])
    paths = args.paths or sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")) + sorted(SOLUTIONS_DIR.glob("[0-9][0-9]_*.ipynb"))
    for name, seconds in execute_in_place([p.resolve() for p in paths]).items():
        print(f"{seconds:6.1f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
