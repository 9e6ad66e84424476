"""The learner pack: what a graded workshop hands out, without solutions or answer keys.

``make student-pack`` (or ``python -m helpers.pack --out DIR``) writes
``tiering-kit-learner-pack.zip`` with the teaching notebooks, the exercises,
the datasets, the ``helpers`` package (without the instructor-only grader),
the lesson guides and the install files. It leaves out ``solutions/``,
``tests/``, CI files and anything holding solutions, hidden tests or rubrics,
and refuses to build if such text slipped into a file it would include.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from helpers.paths import ROOT

INCLUDE_DIRS: tuple[str, ...] = ("notebooks", "exercises", "datasets", "helpers", "lessons")
INCLUDE_FILES: tuple[str, ...] = ("README.md", "environment.yml", "pyproject.toml", "Makefile")
EXCLUDE: tuple[str, ...] = ("helpers/grade.py", "helpers/pack.py")
#: Text that must never reach learners.
FORBIDDEN = re.compile(r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|BEGIN MARK SCHEME|\*\*Model answer\.\*\*|\*\*Rubric")
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".csv", ".json", ".yml", ".toml", ""}


def pack_files(root: Path = ROOT) -> list[Path]:
    """The files that go into the learner pack, repo-relative and sorted.

    Examples
    --------
    >>> files = [p.as_posix() for p in pack_files()]
    >>> "exercises/01_pareto.ipynb" in files, any(f.startswith("solutions/") for f in files)
    (True, False)
    """
    files = [Path(name) for name in INCLUDE_FILES if (root / name).exists()]
    for folder in INCLUDE_DIRS:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root)
            if not path.is_file() or rel.as_posix() in EXCLUDE:
                continue
            if any(part.startswith(".") or part in ("__pycache__",) for part in rel.parts):
                continue
            if ".backup-" in path.name or path.suffix in (".pyc",):
                continue
            files.append(rel)
    return sorted(set(files))


def build_pack(out_dir: Path, root: Path = ROOT) -> Path:
    """Write the learner pack zip into ``out_dir`` and return its path.

    Raises
    ------
    ValueError
        If a file to be packed contains solution, hidden-test or rubric markup
        (naming the file), so nothing secret is ever handed out.

    Examples
    --------
    >>> import tempfile
    >>> pack = build_pack(Path(tempfile.mkdtemp()))
    >>> pack.name
    'tiering-kit-learner-pack.zip'
    """
    files = pack_files(root)
    for rel in files:
        if rel.suffix in TEXT_SUFFIXES:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
            if rel.as_posix() != "helpers/exercises.py" and FORBIDDEN.search(text):
                raise ValueError(f"{rel}: contains solution or hidden-test markup; it must not go into the learner pack.")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "tiering-kit-learner-pack.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel in files:
            info = zipfile.ZipInfo(f"tiering-kit/{rel.as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (root / rel).read_bytes())
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.pack", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target = build_pack(args.out)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"learner pack: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
