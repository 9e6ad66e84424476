"""Module 00's helper: the course map and the trainer's pre-flight check.

The lesson guides are the single source of the course map: each
``lessons/NN_slug.md`` starts with front matter (``module``, ``title``,
``title_zh``, ``helper``, ``teaching``, ``exercises`` minutes), and the
notebook, exercise and solution of module ``NN`` share its ``NN_slug`` name.
Notebook 00 shows both tables, so they belong to the learners' library; the
authors' tools (the README's map, re-running notebooks) are in
``coursekit.course``.

Command line::

    python -m helpers.course preflight   # is this machine ready for a workshop? (`make preflight`)
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.paths import EXERCISES_DIR, LESSONS_DIR, NOTEBOOKS_DIR, ROOT, SOLUTIONS_DIR

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def front_matter(path: Path) -> dict[str, str]:
    """The ``key: value`` lines between the leading ``---`` fences of a lesson guide.

    Comments after ``#`` are dropped.

    Parameters
    ----------
    path : Path
        A lesson guide (``lessons/NN_slug.md``).

    Returns
    -------
    dict
        Key to value, both text.

    Raises
    ------
    ValueError
        Naming the file, if the front matter is missing.

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

    Parameters
    ----------
    lessons_dir : Path
        Folder of the lesson guides (default: the kit's ``lessons/``).

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
        add("synthetic company data", False, str(exc), "Restore the datasets/ folder from the kit (re-extract the pack, or `git checkout datasets`).")
    try:
        from helpers.plots.style import CJK_FONT_FIX, available_cjk_font

        font = available_cjk_font()
        add("Chinese font (only for lang='zh')", font is not None, font or "none found", CJK_FONT_FIX,
            required=False)
    except Exception as exc:
        add("Chinese font (only for lang='zh')", False, str(exc), "Run `make lab` to install matplotlib.",
            required=False)
    return pd.DataFrame(rows)


#: Chinese wording of the pre-flight's check names and fixes (the details are versions and counts).
_PREFLIGHT_ZH: dict[str, str] = {
    "synthetic company data": "模拟公司数据",
    "Chinese font (only for lang='zh')": "中文字体（仅中文版需要）",
    "Install Python 3.10 or newer, then `make clean-venv lab`.": "安装 Python 3.10 或更新版本，然后运行 `make clean-venv lab`。",
    "Run `make lab` (or `pip install -e .`) in the kit folder.": "在工具包文件夹中运行 `make lab`（或 `pip install -e .`）。",
    "Restore the notebook from the kit (git checkout).": "从工具包中恢复该笔记本（git checkout）。",
    "Restore the datasets/ folder from the kit (re-extract the pack, or `git checkout datasets`).":
        "从工具包中恢复 datasets/ 文件夹（重新解压，或运行 `git checkout datasets`）。",
    "Run `make lab` to install matplotlib.": "运行 `make lab` 安装 matplotlib。",
}


def _zh(text: str) -> str:
    text = _PREFLIGHT_ZH.get(text, text)
    text = re.sub(r"^package (\S+)$", r"软件包 \1", text)
    return re.sub(r"^module (\d\d) files$", r"模块 \1 的文件", text)


def preflight_table(checks: pd.DataFrame | None = None, lang: str = "en") -> "object":
    """The pre-flight check as people read it: OK / FIX in words, the fix text wrapped, never cut.

    Parameters
    ----------
    checks : DataFrame, optional
        From :func:`preflight`; default: run it now.
    lang : str, default "en"
        ``"en"`` or ``"zh"``: headers, OK / FIX and the check names and fixes.

    Returns
    -------
    helpers.plots.tables.Table
        Shown as HTML in a notebook (``.frame`` holds the cells as text).

    Examples
    --------
    >>> t = pd.DataFrame({"check": ["package pandas"], "required": [True], "ok": [False],
    ...                   "detail": ["No module named pandas"], "fix": ["Run `make lab` (or `pip install -e .`) in the kit folder."]})
    >>> preflight_table(t).frame.iloc[0, :2].tolist()
    ['package pandas', 'FIX']
    >>> preflight_table(t, "zh").frame.iloc[0, :2].tolist()
    ['软件包 pandas', '需修复']
    """
    from helpers.plots.tables import show_table

    checks = preflight() if checks is None else checks
    shown = checks[["check", "ok", "detail", "fix"]].copy()
    if str(lang).startswith("zh"):
        for col in ("check", "fix"):
            shown[col] = shown[col].map(_zh)
    shown = shown.rename(columns=lambda c: f"pf_{c}")
    return show_table(shown, status=["pf_ok"], wrap=["pf_check", "pf_detail", "pf_fix"], index=False, lang=lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.course")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("preflight", help="check this machine before a workshop")
    parser.parse_args(argv)
    table = preflight()
    for r in table.itertuples():
        icon = "✅" if r.ok else ("❌" if r.required else "ℹ️")
        print(f"{icon} {r.check}: {r.detail}" + (f"\n   fix: {r.fix}" if r.fix else ""))
    bad = int((table["required"] & ~table["ok"]).sum())
    print("Ready for the workshop." if not bad else f"{bad} check(s) need attention (see 'fix').")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
