"""The learner pack: what a graded workshop hands out, without course machinery, solutions or answer keys.

``make student-pack`` (or ``python -m coursekit.pack --out DIR``) writes one pack per
language, ``tiering-kit-learner-pack-en.zip`` and ``tiering-kit-learner-pack-zh.zip``;
``make student-pack LANG=zh`` (``python -m coursekit.pack --lang zh``) writes only the
Chinese one. A pack holds the teaching notebooks, the exercises and the lesson guides of
its language (the Chinese pack: ``notebooks/zh/``, ``exercises/zh/``, ``lessons/zh/``, where
their links point, and ``make lab`` opens ``notebooks/zh/00_start_here.ipynb``), plus the
datasets, the learners' ``helpers`` package and the install files. It leaves out ``coursekit`` (grader, exercise builder, packer,
dataset generator, scaffold), the thin ``helpers/grade.py`` entry point,
``solutions/``, ``tests/`` and CI files; the Makefile goes in without its
course-machinery targets. It refuses to build if solution, hidden-test or
rubric text slipped into a file it would include, or if a learner file
imports the course machinery (it would break once unpacked).
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from helpers.paths import ROOT

#: ``app``: the no-code tiering app (``make app``), which the lesson guides describe.
INCLUDE_DIRS: tuple[str, ...] = ("notebooks", "exercises", "datasets", "helpers", "lessons", "app")
#: Folders with one edition per language: English at the top, Chinese in ``<folder>/zh/``.
EDITION_DIRS: tuple[str, ...] = ("notebooks", "exercises", "lessons")
LANGS: tuple[str, ...] = ("en", "zh")
#: The notebook ``make lab`` opens in each language's pack.
START: dict[str, str] = {"en": "notebooks/00_start_here.ipynb", "zh": "notebooks/zh/00_start_here.ipynb"}
INCLUDE_FILES: tuple[str, ...] = ("README.md", "environment.yml", "pyproject.toml", "Makefile")
#: Files inside the included folders that are course machinery (``python -m helpers.grade`` delegates to coursekit).
EXCLUDE: tuple[str, ...] = ("helpers/grade.py",)
#: Text that must never reach learners.
FORBIDDEN = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|BEGIN MARK SCHEME|\*\*Model answer\.\*\*|\*\*Rubric"
                       r"|\*\*参考答案。\*\*|\*\*评分标准")
#: An import of the course machinery: a learner file holding one would fail in the pack.
MACHINERY_IMPORT = re.compile(r"^\s*(from\s+coursekit\b|import\s+coursekit\b)|[\"']\s*(from|import)\s+coursekit\b", re.M)
#: The Makefile line after which come the targets for course authors and instructors only.
MAKEFILE_CUT = "# ---- course machinery"
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".csv", ".json", ".yml", ".toml", ""}


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang={lang!r}: the learner pack is built in one of {list(LANGS)}.")
    return lang


def in_edition(rel: Path, lang: str) -> bool:
    """Whether the repo-relative file ``rel`` belongs in the ``lang`` pack.

    Notebooks, exercises and lesson guides belong to one language (``<folder>/zh/...`` is
    Chinese, the rest English); everything else (helpers, datasets, install files) to both.

    Parameters
    ----------
    rel : Path
        A path relative to the kit's folder.
    lang : {"en", "zh"}
        The pack's language.

    Returns
    -------
    bool

    Examples
    --------
    >>> [in_edition(Path(p), "zh") for p in ("exercises/zh/01_pareto.ipynb", "exercises/01_pareto.ipynb", "helpers/rfm.py")]
    [True, False, True]
    >>> in_edition(Path("lessons/zh/01_pareto.md"), "en")
    False
    """
    parts = rel.parts
    if len(parts) < 2 or parts[0] not in EDITION_DIRS:
        return True
    edition = parts[1] if len(parts) > 2 and parts[1] in LANGS else "en"
    return edition == _check_lang(lang)


def pack_files(root: Path = ROOT, lang: str = "en") -> list[Path]:
    """The files that go into the ``lang`` learner pack, repo-relative and sorted.

    Parameters
    ----------
    root : Path
        The kit's folder.
    lang : {"en", "zh"}, default "en"
        The pack's language: its notebooks, exercises and lesson guides (see :func:`in_edition`).

    Returns
    -------
    list of Path
        Paths relative to ``root``.

    Examples
    --------
    >>> files = [p.as_posix() for p in pack_files()]
    >>> "exercises/01_pareto.ipynb" in files, any(f.startswith(("solutions/", "coursekit/", "exercises/zh/")) for f in files)
    (True, False)
    >>> zh = [p.as_posix() for p in pack_files(lang="zh")]
    >>> "exercises/zh/01_pareto.ipynb" in zh, "exercises/01_pareto.ipynb" in zh, "helpers/rfm.py" in zh
    (True, False, True)
    """
    _check_lang(lang)
    files = [Path(name) for name in INCLUDE_FILES if (root / name).exists()]
    for folder in INCLUDE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root)
            if not path.is_file() or rel.as_posix() in EXCLUDE or not in_edition(rel, lang):
                continue
            if any(part.startswith(".") or part in ("__pycache__",) for part in rel.parts):
                continue
            if ".backup-" in path.name or path.suffix in (".pyc",):
                continue
            files.append(rel)
    return sorted(set(files))


def learner_makefile(text: str, lang: str = "en") -> str:
    """The Makefile without the targets after the course-machinery line (they need ``coursekit``).

    In the Chinese pack ``make lab`` opens the Chinese start notebook (the English one is not in it).

    Parameters
    ----------
    text : str
        The kit's Makefile.
    lang : {"en", "zh"}, default "en"
        The pack's language.

    Returns
    -------
    str
        The part before ``# ---- course machinery``, unchanged when there is no such line.

    Examples
    --------
    >>> learner_makefile("lab:\\n\\tjupyter lab\\n\\n# ---- course machinery\\ngrade:\\n\\tpython -m coursekit.grade\\n")
    'lab:\\n\\tjupyter lab\\n'
    >>> learner_makefile("START ?= notebooks/00_start_here.ipynb\\n", "zh")
    'START ?= notebooks/zh/00_start_here.ipynb\\n'
    >>> learner_makefile("START ?=\\nLAB_ARGS ?=\\n", "zh"), learner_makefile("START ?=\\n")
    ('START ?= notebooks/zh/00_start_here.ipynb\\nLAB_ARGS ?=\\n', 'START ?=\\n')
    """
    head, cut, _ = text.partition(MAKEFILE_CUT)
    out = head.rstrip("\n") + "\n" if cut else text
    lang = _check_lang(lang)

    def start(m: re.Match) -> str:  # an empty START (make lab picks 00 by --lang) stays empty in English
        return f"{m.group(1)} {START[lang]}" if lang != "en" or m.group(2) else m.group(0)

    return re.sub(r"^(START[ \t]*\?=)[ \t]*(\S*)[ \t]*$", start, out, flags=re.M)


def _content(rel: Path, root: Path, lang: str = "en") -> bytes:
    """What goes into the zip for ``rel`` (the Makefile is cut; everything else as it is)."""
    data = (root / rel).read_bytes()
    if rel.as_posix() == "Makefile":
        return learner_makefile(data.decode("utf-8"), lang).encode("utf-8")
    return data


def problems(files: Sequence[Path], root: Path = ROOT) -> list[str]:
    """Why the pack must not be built: secret markup or course-machinery imports, one line per file.

    Parameters
    ----------
    files : sequence of Path
        Repo-relative files to pack.
    root : Path
        The kit's folder.

    Returns
    -------
    list of str
        Empty when the files are safe to hand out.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.py").write_text("import coursekit.grade\\n")
    >>> _ = (root / "b.md").write_text("Rubric-free notes\\n")
    >>> problems([Path("a.py"), Path("b.md")], root)
    ['a.py: imports coursekit (course machinery), which the learner pack leaves out; move what learners need into helpers.']
    """
    found = []
    for rel in files:
        if rel.suffix not in TEXT_SUFFIXES:
            continue
        text = _content(rel, root).decode("utf-8", errors="replace")
        if FORBIDDEN.search(text):
            found.append(f"{rel}: contains solution or hidden-test markup; it must not go into the learner pack.")
        if MACHINERY_IMPORT.search(text):
            found.append(f"{rel}: imports coursekit (course machinery), which the learner pack leaves out; "
                         "move what learners need into helpers.")
    return found


def pack_name(lang: str) -> str:
    """The zip's file name for the ``lang`` pack.

    Parameters
    ----------
    lang : {"en", "zh"}
        The pack's language.

    Returns
    -------
    str

    Examples
    --------
    >>> pack_name("zh")
    'tiering-kit-learner-pack-zh.zip'
    """
    return f"tiering-kit-learner-pack-{_check_lang(lang)}.zip"


def build_pack(out_dir: Path, root: Path = ROOT, lang: str = "en") -> Path:
    """Write the ``lang`` learner pack zip into ``out_dir`` and return its path.

    Parameters
    ----------
    out_dir : Path
        Folder for the zip, named by :func:`pack_name` (created if needed).
    root : Path
        The kit's folder.
    lang : {"en", "zh"}, default "en"
        The pack's language (its notebooks, exercises and lesson guides; see :func:`in_edition`).

    Returns
    -------
    Path
        The zip file; every entry sits under ``tiering-kit/`` with a fixed date.

    Raises
    ------
    ValueError
        If a file to be packed contains solution, hidden-test or rubric markup
        or imports the course machinery (naming the file), so nothing secret is
        handed out and nothing breaks once unpacked.

    Examples
    --------
    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "helpers").mkdir()
    >>> _ = (root / "helpers" / "pareto.py").write_text("def top_share(): ...\\n")
    >>> _ = (root / "helpers" / "grade.py").write_text("from coursekit.grade import main\\n")
    >>> pack = build_pack(root / "dist", root)
    >>> pack.name, zipfile.ZipFile(pack).namelist()
    ('tiering-kit-learner-pack-en.zip', ['tiering-kit/helpers/pareto.py'])
    """
    files = pack_files(root, lang)
    found = problems(files, root)
    if found:
        raise ValueError(" ".join(found))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / pack_name(lang)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel in files:
            info = zipfile.ZipInfo(f"tiering-kit/{rel.as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, _content(rel, root, lang))
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursekit.pack", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--lang", choices=LANGS, action="append",
                        help="the pack's language (repeat for several); default: one pack per language")
    args = parser.parse_args(argv)
    for lang in args.lang or LANGS:
        try:
            target = build_pack(args.out, lang=lang)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"learner pack ({lang}): {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
