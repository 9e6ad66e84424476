"""Benchmark: grade 30 submissions of exercise 01 with `coursekit.grade` (not part of `make test`).

Builds 30 submissions from the real exercise (10 complete, 10 half done,
10 untouched), grades them with 2 parallel jobs, and reports the total time
and the time per submission. The issue's target: under 2 minutes on 2 cores.

    python tests/benchmarks/bench_grade.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from coursekit import grade
from helpers.paths import EXERCISES_DIR, SOLUTIONS_DIR


def main(n: int = 30) -> int:
    solution = nbformat.read(SOLUTIONS_DIR / "01_pareto.ipynb", as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: re.sub(r"[ \t]*### (BEGIN|END) SOLUTION\n?", "", c.source).strip()
               for c in solution.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    with tempfile.TemporaryDirectory() as tmp:
        sub = Path(tmp) / "submissions"
        for i in range(n):
            nb = nbformat.read(EXERCISES_DIR / "01_pareto.ipynb", as_version=4)
            keep = list(answers) if i % 3 == 0 else list(answers)[:3] if i % 3 == 1 else []
            for cell in nb.cells:
                gid = cell.metadata.get("nbgrader", {}).get("grade_id")
                if gid in keep:
                    cell.source = answers[gid]
            (sub / f"learner{i:02d}").mkdir(parents=True)
            nbformat.write(nb, sub / f"learner{i:02d}" / "01_pareto.ipynb")
        start = time.perf_counter()
        rows = grade.grade_folder(sub, Path(tmp) / "out", jobs=2)
        seconds = time.perf_counter() - start
    graded = sum(r["status"] == "graded" for r in rows)
    print(f"{len(rows)} submissions, {graded} graded, {seconds:.1f} s in all, {seconds / len(rows):.2f} s per submission "
          f"({seconds / 120:.2f} of the 2-minute target)")
    return 0 if seconds < 120 and graded == n else 1


if __name__ == "__main__":
    sys.exit(main())
