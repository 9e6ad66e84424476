"""Module 00's helper: the course map and the trainer's pre-flight check.

The lesson guides are the single source of the course map: each
``lessons/NN_slug.md`` starts with front matter (``module``, ``title``,
``title_zh``, ``helper``, ``teaching``, ``exercises`` minutes), and the
notebook, exercise and solution of module ``NN`` share its ``NN_slug`` name.
Notebook 00 shows both tables, so they belong to the learners' library; the
authors' tools (the README's map, re-running notebooks) are in
``coursekit.course``.

Both tables speak the notebook's language: ``course_table(lang)`` and
``preflight_table(preflight(lang), lang)`` (headers, texts and, in Chinese, the
Chinese edition's files and titles from the catalog).

Command line::

    python -m helpers.course preflight             # is this machine ready for a workshop? (`make preflight`)
    python -m helpers.course preflight --lang zh   # the same, in Chinese
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers._docs import shared_docs
from helpers.catalog import label
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


@shared_docs
def course_map(lessons_dir: Path = LESSONS_DIR, lang: str = "en") -> pd.DataFrame:
    """One row per module: number, title, Chinese title, the five files, minutes.

    Parameters
    ----------
    lessons_dir : Path
        Folder of the lesson guides (default: the kit's ``lessons/``).
    lang : {"en", "zh"}, default "en"
        Which edition the file columns point to: ``"zh"`` gives the Chinese files
        (``lessons/zh/``, ``notebooks/zh/``, ``exercises/zh/``, ``solutions/zh/``).

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
    >>> course_map(lang="zh").loc[1, ["lesson", "exercise"]].tolist()
    ['lessons/zh/01_pareto.md', 'exercises/zh/01_pareto.ipynb']
    """
    if lang not in ("en", "zh"):
        raise ValueError(f"lang must be 'en' or 'zh'; got {lang!r}.")
    rows = []
    for lesson in sorted(lessons_dir.glob("[0-9][0-9]_*.md")):
        meta = front_matter(lesson)
        stem = lesson.stem

        def rel(folder: Path, suffix: str = ".ipynb") -> str:
            p = (folder if lang == "en" else folder / lang) / f"{stem}{suffix}"
            return p.relative_to(ROOT).as_posix() if p.exists() else ""

        rows.append(
            {
                "module": meta.get("module", stem[:2]).zfill(2),
                "title": meta.get("title", ""),
                "title_zh": meta.get("title_zh", ""),
                "lesson": rel(lessons_dir, ".md") if lang != "en" else lesson.relative_to(ROOT).as_posix(),
                "notebook": rel(NOTEBOOKS_DIR),
                "exercise": rel(EXERCISES_DIR),
                "solution": rel(SOLUTIONS_DIR),
                "helper": meta.get("helper", ""),
                "minutes": int(meta.get("teaching", 0)) + int(meta.get("exercises", 0)),
            }
        )
    return pd.DataFrame(rows)


@shared_docs
def course_table(lang: str = "en") -> pd.DataFrame:
    """The course map as notebook 00 shows it: module, title, notebook, exercise, minutes, in ``lang``.

    English shows the map's columns as they are, with both titles; Chinese shows the Chinese
    title and the Chinese edition's notebook and exercise under Chinese headers.

    Parameters
    ----------
    {lang}

    Returns
    -------
    DataFrame
        One row per module, for showing.

    Examples
    --------
    >>> course_table().columns.tolist()
    ['module', 'title', 'title_zh', 'notebook', 'exercise', 'minutes']
    >>> course_table("zh").loc[1].tolist()[:4]
    ['01', '二八定律', 'notebooks/zh/01_pareto.ipynb', 'exercises/zh/01_pareto.ipynb']
    """
    if lang == "en":
        return course_map()[["module", "title", "title_zh", "notebook", "exercise", "minutes"]]
    table = course_map(lang=lang)[["module", "title_zh", "notebook", "exercise", "minutes"]]
    return table.rename(columns={"title_zh": label("course_title", lang),
                                 **{c: label(f"course_{c}", lang) for c in ("module", "notebook", "exercise", "minutes")}})


PREFLIGHT_PACKAGES: tuple[str, ...] = (
    "pandas", "numpy", "matplotlib", "seaborn", "ipywidgets", "jupyterlab", "jupyterlab_widgets",
    "papermill", "nbval", "pyarrow",
)


@shared_docs
def preflight(lang: str = "en") -> pd.DataFrame:
    """Check that this machine is ready for a workshop; one row per check with a fix.

    Checks the Python version, that the course packages import, that every
    module's files exist (the Chinese edition's, for ``lang="zh"``), that the
    shipped datasets load and that a Chinese font is available (needed only for
    ``lang="zh"``).

    Parameters
    ----------
    lang : {"en", "zh"}, default "en"
        Language of the checks, details and fixes, and which edition's files are checked.

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
    >>> preflight("zh").loc[0, "check"]
    'Python 版本 ≥ 3.10'
    """
    rows: list[dict[str, object]] = []

    def add(check: str, ok: bool, detail: str, fix: str = "", required: bool = True) -> None:
        rows.append({"check": check, "required": required, "ok": ok, "detail": detail, "fix": "" if ok else fix})

    add(label("pf_python", lang, version="3.10"), sys.version_info >= (3, 10), sys.version.split()[0],
        label("pf_python_fix", lang, version="3.10"))
    for name in PREFLIGHT_PACKAGES:
        try:
            mod = importlib.import_module(name)
            add(label("pf_package", lang, name=name), True, getattr(mod, "__version__", label("pf_installed", lang)))
        except ImportError as exc:
            add(label("pf_package", lang, name=name), False, label("pf_not_importable", lang, error=exc),
                label("pf_package_fix", lang))
    for r in course_map(lang=lang).itertuples():
        missing = [p for p in (r.notebook,) if not p]
        add(label("pf_module", lang, module=r.module), not missing, r.title if lang == "en" else r.title_zh,
            label("pf_module_fix", lang))
    try:
        from helpers.data import load_company

        company = load_company()
        add(label("pf_data", lang), True,
            label("pf_data_detail", lang, customers=len(company.customers), transactions=len(company.transactions)))
    except Exception as exc:  # report, never crash the pre-flight
        add(label("pf_data", lang), False, str(exc), label("pf_data_fix", lang))
    try:
        from helpers.plots.style import available_cjk_font

        font = available_cjk_font()
        add(label("pf_font", lang), font is not None, font or label("pf_font_none", lang), label("cjk_font_fix", lang),
            required=False)
    except Exception as exc:
        add(label("pf_font", lang), False, str(exc), label("pf_font_matplotlib", lang), required=False)
    return pd.DataFrame(rows)


@shared_docs
def preflight_table(checks: pd.DataFrame | None = None, lang: str = "en") -> "object":
    """The pre-flight check as people read it: OK / FIX in words, the fix text wrapped, never cut.

    A failed check that is not required (the Chinese font, for an English workshop) says
    "optional" instead of FIX.

    Parameters
    ----------
    checks : DataFrame, optional
        From :func:`preflight` (in the same ``lang``, so that its texts match); default: run it now.
    {lang}

    Returns
    -------
    helpers.plots.tables.Table
        Shown as HTML in a notebook (``.frame`` holds the cells as text, under the catalog's headers).

    Examples
    --------
    >>> t = pd.DataFrame({"check": ["package pandas", "font"], "required": [True, False], "ok": [False, False],
    ...                   "detail": ["No module named pandas", "none"], "fix": ["Run `make lab`.", "Install one."]})
    >>> preflight_table(t).frame.iloc[:, 1].tolist()
    ['FIX', 'optional']
    >>> preflight_table(t, "zh").frame.columns.tolist()
    ['检查项', '状态', '检查结果', '修复方法']
    """
    from helpers.plots.tables import show_table

    checks = preflight(lang) if checks is None else checks
    shown = checks[["check", "ok", "detail", "fix"]].copy()
    shown["ok"] = [bool(ok) if ok or required else label("status_optional", lang)
                   for ok, required in zip(checks["ok"], checks["required"])]
    shown = shown.rename(columns=lambda c: f"pf_{c}")
    return show_table(shown, status=["pf_ok"], wrap=["pf_check", "pf_detail", "pf_fix"], index=False, lang=lang)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.course")
    sub = parser.add_subparsers(dest="command", required=True)
    pre = sub.add_parser("preflight", help="check this machine before a workshop")
    pre.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the report")
    args = parser.parse_args(argv)
    lang = args.lang
    table = preflight(lang)
    for r in table.itertuples():
        word = label("status_ok" if r.ok else ("status_fix" if r.required else "status_optional"), lang)
        fix, sep = label("pf_fix", lang), (": " if lang == "en" else "：")
        print(f"{word:<8} {r.check}{sep}{r.detail}" + (f"\n         {fix}{sep}{r.fix}" if r.fix else ""))
    bad = int((table["required"] & ~table["ok"]).sum())
    print(label("pf_ready", lang) if not bad else label("pf_attention", lang, bad=bad))
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
