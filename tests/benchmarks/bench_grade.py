"""Benchmark: grade 30 submissions of exercise 01 with `coursekit.grade` (not part of `make test`).

Builds 30 submissions from the real exercise (10 complete, 10 half done,
10 untouched) and grades them with 2 parallel jobs in sandboxes and with
``--no-sandbox``, alternating which goes first over ``--rounds`` rounds (a
shared machine's load drifts); prints the mean time per submission of each and
their difference. With ``--before REF`` it also times the grader as it was at
git revision REF (e.g. the nbgrader-based one), on the same submissions.

    python tests/benchmarks/bench_grade.py [--n 30] [--rounds 2] [--before fa0312f]

The issue's targets: the batch under 2 minutes on 2 cores; the sandbox costs at
most 1 s per submission more than the grader without it (and than before).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from coursekit import grade
from helpers.paths import EXERCISES_DIR, ROOT, SOLUTIONS_DIR


def make_batch(folder: Path, n: int) -> None:
    solution = nbformat.read(SOLUTIONS_DIR / "01_pareto.ipynb", as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: re.sub(r"[ \t]*### (BEGIN|END) SOLUTION\n?", "", c.source).strip()
               for c in solution.cells if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"}
    for i in range(n):
        nb = nbformat.read(EXERCISES_DIR / "01_pareto.ipynb", as_version=4)
        keep = list(answers) if i % 3 == 0 else list(answers)[:3] if i % 3 == 1 else []
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id")
            if gid in keep:
                cell.source = answers[gid]
        (folder / f"learner{i:02d}").mkdir(parents=True)
        nbformat.write(nb, folder / f"learner{i:02d}" / "01_pareto.ipynb")


def old_grader(ref: str, tmp: Path):
    """The grader module as it was at git revision ``ref``."""
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:coursekit/grade.py"], capture_output=True,
                            text=True, check=True).stdout
    path = tmp / "grade_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("grade_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["grade_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def timed(label: str, fn, n: int, out: Path | None = None) -> float:
    start = time.perf_counter()
    rows = fn()
    seconds = time.perf_counter() - start
    statuses = {st: sum(r["status"] == st for r in rows) for st in sorted({r["status"] for r in rows})}
    print(f"{label:>22}: {len(rows)} submissions ({', '.join(f'{v} {k}' for k, v in statuses.items())}), "
          f"{seconds:6.1f} s in all, {seconds / n:5.2f} s per submission", flush=True)
    for r in rows:
        if r["status"] != "graded":
            print(f"{'':>24}{r['submission']}: {r['reason']}")
    if out is not None and (out / "grader-log.txt").exists():
        print((out / "grader-log.txt").read_text(encoding="utf-8"))
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2, help="rounds of (sandboxed, no sandbox), order alternating")
    parser.add_argument("--before", help="also time the grader at this git revision")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        sub = tmp / "submissions"
        make_batch(sub, args.n)
        runs: dict[str, list[float]] = {"sandbox": [], "none": [], "before": []}
        variants = {
            "sandbox": lambda out: grade.grade_folder(sub, out, jobs=2, progress=None),
            "none": lambda out: grade.grade_folder(sub, out, jobs=2, progress=None, sandbox=False),
        }
        labels = {"sandbox": "sandboxed", "none": "--no-sandbox"}
        for r in range(args.rounds):
            for key in (("sandbox", "none") if r % 2 == 0 else ("none", "sandbox")):
                out = tmp / f"out-{key}-{r}"
                runs[key].append(timed(labels[key], lambda: variants[key](out), args.n, out))
        if args.before:
            before = old_grader(args.before, tmp)
            runs["before"].append(timed(f"before ({args.before})",
                                        lambda: before.grade_folder(sub, tmp / "out-before", jobs=2, progress=None),
                                        args.n))
    results = {k: sum(v) / len(v) for k, v in runs.items() if v}
    per = {k: v / args.n for k, v in results.items()}
    print("mean per submission: " + ", ".join(f"{k} {v:.2f} s" for k, v in per.items()))
    print(f"sandbox cost: {per['sandbox'] - per['none']:+.2f} s per submission "
          f"(ratio sandboxed / no sandbox = {per['sandbox'] / per['none']:.2f})")
    if "before" in per:
        print(f"against before: {per['sandbox'] - per['before']:+.2f} s per submission "
              f"(ratio sandboxed / before = {per['sandbox'] / per['before']:.2f})")
    ok = results["sandbox"] < 120 and per["sandbox"] - per["none"] <= 1 and (
        "before" not in per or per["sandbox"] - per["before"] <= 1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
