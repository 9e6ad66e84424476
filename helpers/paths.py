"""Where the kit's files live, independent of the current working directory.

Notebooks can be opened from anywhere (JupyterLab's root, ``notebooks/``, a
copied folder), so every loader resolves files from here rather than from
``os.getcwd()``.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the folder that holds ``helpers/``).
ROOT: Path = Path(__file__).resolve().parent.parent

#: Shipped data. ``TIERING_DATA_DIR`` overrides it (e.g. for a trainer's copy).
DATA_DIR: Path = Path(os.environ.get("TIERING_DATA_DIR", ROOT / "datasets"))

#: The seeded synthetic company (one CSV per table).
SYNTHETIC_DIR: Path = DATA_DIR / "synthetic"

NOTEBOOKS_DIR: Path = ROOT / "notebooks"
EXERCISES_DIR: Path = ROOT / "exercises"
SOLUTIONS_DIR: Path = ROOT / "solutions"
LESSONS_DIR: Path = ROOT / "lessons"
