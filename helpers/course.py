"""The course map, the trainer's pre-flight check, and re-running notebooks in place.

The lesson guides are the single source of the course map: each
``lessons/NN_slug.md`` starts with front matter (``module``, ``title``,
``title_zh``, ``helper``, ``teaching``, ``exercises`` minutes), and the
notebook, exercise and solution of module ``NN`` share its ``NN_slug`` name.

Command line::

    python -m helpers.course map         # the course map as a Markdown table
    python -m helpers.course readme      # rewrite the course map in README.md
    python -m helpers.course preflight   # is this machine ready for a workshop?
    python -m helpers.course execute     # re-run notebooks/ and solutions/ in place (authors)
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.paths import EXERCISES_DIR, LESSONS_DIR, NOTEBOOKS_DIR, ROOT, SOLUTIONS_DIR

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(path: Path) -> dict[str, str]:
    """The ``key: value`` lines between the leading ``---`` fences of a lesson guide.

    Comments after ``#`` are dropped. Raises ValueError naming the file if the
    front matter is missing.

    Examples
    --------
    >>> import tempfile, os
    >>> p = Path(tempfile.mkdtemp()) / "01_x.md"
    >>> _ = p.write_text("---\\nmodule: 01\\nteaching: 30  # minutes\\n---\\n# Body\\n")
    >>> front_matter(p)
    {'module': '01', 'teaching': '30'}
    """
    text = path.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    if not match:
        raise ValueError(f"{path.name}: no front matter. Start the file with '---', key: value lines, '---'.")
    meta = {}
    for line in match.group(1).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return meta


def course_map(lessons_dir: Path = LESSONS_DIR) -> pd.DataFrame:
    """One row per module: number, title, Chinese title, the five files, minutes.

    Returns
    -------
    DataFrame
        Columns ``module``, ``title``, ``title_zh``, ``lesson``, ``notebook``,
        ``exercise``, ``solution``, ``helper``, ``minutes`` (teaching + exercises);
        file columns hold repo-relative paths, or "" where the module has none
        (module 00 has no exercise).

    Examples
    --------
    >>> course_map().loc[0, ["module", "notebook"]].tolist()
    ['00', 'notebooks/00_start_here.ipynb']
    """
    rows = []
    for lesson in sorted(lessons_dir.glob("[0-9][0-9]_*.md")):
        meta = front_matter(lesson)
        stem = lesson.stem

        def rel(folder: Path, suffix: str = ".ipynb") -> str:
            p = folder / f"{stem}{suffix}"
            return p.relative_to(ROOT).as_posix() if p.exists() else ""

        rows.append(
            {
                "module": meta.get("module", stem[:2]).zfill(2),
                "title": meta.get("title", ""),
                "title_zh": meta.get("title_zh", ""),
                "lesson": lesson.relative_to(ROOT).as_posix(),
                "notebook": rel(NOTEBOOKS_DIR),
                "exercise": rel(EXERCISES_DIR),
                "solution": rel(SOLUTIONS_DIR),
                "helper": meta.get("helper", ""),
                "minutes": int(meta.get("teaching", 0)) + int(meta.get("exercises", 0)),
            }
        )
    return pd.DataFrame(rows)


def markdown_table(frame: pd.DataFrame | None = None) -> str:
    """The course map as the Markdown table the README shows (links relative to the repo root).

    Examples
    --------
    >>> markdown_table().splitlines()[0]
    '| Module | Lesson | Notebook | Exercise | Solution | Helper module | Minutes |'
    """
    frame = course_map() if frame is None else frame

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


README_START = "<!-- course-map:start"
README_END = "<!-- course-map:end -->"


def readme_with_map(text: str) -> str:
    """``text`` (the README) with the course-map block replaced by the current table.

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
    return text[:body_start] + markdown_table() + "\n" + text[end:]


PREFLIGHT_PACKAGES: tuple[str, ...] = (
    "pandas", "numpy", "matplotlib", "seaborn", "ipywidgets", "jupyterlab", "jupyterlab_widgets",
    "papermill", "nbval", "pyarrow",
)


def preflight() -> pd.DataFrame:
    """Check that this machine is ready for a workshop; one row per check with a fix.

    Checks the Python version, that the course packages import, that every
    module's files exist, that the shipped datasets load and that a Chinese
    font is available (needed only for ``lang="zh"``).

    Returns
    -------
    DataFrame
        Columns ``check``, ``required`` (bool), ``ok`` (bool), ``detail``,
        ``fix``. Only required checks make the pre-flight fail.

    Examples
    --------
    >>> table = preflight()
    >>> table.columns.tolist()
    ['check', 'required', 'ok', 'detail', 'fix']
    >>> bool(table.loc[table["required"], "ok"].all())
    True
    """
    rows: list[dict[str, object]] = []

    def add(check: str, ok: bool, detail: str, fix: str = "", required: bool = True) -> None:
        rows.append({"check": check, "required": required, "ok": ok, "detail": detail, "fix": "" if ok else fix})

    add("Python >= 3.10", sys.version_info >= (3, 10), sys.version.split()[0],
        "Install Python 3.10 or newer, then `make clean-venv lab`.")
    for name in PREFLIGHT_PACKAGES:
        try:
            mod = importlib.import_module(name)
            add(f"package {name}", True, getattr(mod, "__version__", "installed"))
        except ImportError as exc:
            add(f"package {name}", False, str(exc), "Run `make lab` (or `pip install -e .`) in the kit folder.")
    for r in course_map().itertuples():
        missing = [p for p in (r.notebook,) if not p]
        add(f"module {r.module} files", not missing, r.title, "Restore the notebook from the kit (git checkout).")
    try:
        from helpers.data import load_company

        company = load_company()
        add("synthetic company data", True, f"{len(company.customers):,} customers, {len(company.transactions):,} transactions")
    except Exception as exc:  # report, never crash the pre-flight
        add("synthetic company data", False, str(exc), "Run `python -m helpers.datasets generate`.")
    try:
        from helpers.plots.style import CJK_FONT_FIX, available_cjk_font

        font = available_cjk_font()
        add("Chinese font (only for lang='zh')", font is not None, font or "none found", CJK_FONT_FIX,
            required=False)
    except Exception as exc:
        add("Chinese font (only for lang='zh')", False, str(exc), "Run `make lab` to install matplotlib.",
            required=False)
    return pd.DataFrame(rows)


def _execute_in_place(paths: Sequence[Path], timeout: int = 120) -> dict[str, float]:
    """Run notebooks top to bottom in fresh kernels and save their outputs; returns seconds per notebook."""
    import nbclient
    import nbformat

    times = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}}).execute()
        times[path.relative_to(ROOT).as_posix()] = time.perf_counter() - start
        nbformat.write(nb, path)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.course")
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
        table = preflight()
        for r in table.itertuples():
            icon = "✅" if r.ok else ("❌" if r.required else "ℹ️")
            print(f"{icon} {r.check}: {r.detail}" + (f"\n   fix: {r.fix}" if r.fix else ""))
        bad = int((table["required"] & ~table["ok"]).sum())
        print("Ready for the workshop." if not bad else f"{bad} check(s) need attention (see 'fix').")
        return 0 if not bad else 1
    paths = args.paths or sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")) + sorted(SOLUTIONS_DIR.glob("[0-9][0-9]_*.ipynb"))
    for name, seconds in _execute_in_place([p.resolve() for p in paths]).items():
        print(f"{seconds:6.1f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
