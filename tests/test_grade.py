"""The batch grader can be trusted: a hostile batch, built here from the real exercise, is graded as it should be.

One module-scoped batch (``batch``) holds ordinary learners, broken notebooks and
hostile ones: answer readers (working folder, parents, gradebook, course source,
the kit's solutions through ``helpers.__file__`` and ``PATH``, ``/tmp``, the
environment, the network, other learners' files), processes that outlive the
kernel and tamper afterwards, writes to the kit and to other submissions,
memory, disk and process hogs, a cell that ignores interrupts, ``os._exit``,
long, Unicode, dot, reserved and colliding names, duplicates, symbolic links,
special files, encodings and nbformat 3, and a Chinese submission. Each gets
the score a trustworthy grader gives; the kit and the submissions stay
byte-identical; nothing is left running or in ``/tmp``.

The batch needs bubblewrap (``.ci/run`` installs it with ``.ci/system-packages``; elsewhere the
sandboxed tests are skipped without it, or fail with ``TIERING_REQUIRE_SANDBOX=1``).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import grade
from coursekit.sandbox import Limits, Sandbox, SandboxUnavailable
from helpers.paths import DATA_DIR, EXERCISES_DIR, ROOT, SOLUTIONS_DIR

SOLUTION = SOLUTIONS_DIR / "01_pareto.ipynb"
EXERCISE = EXERCISES_DIR / "01_pareto.ipynb"
MARKER = "HOSTILE-MARKER-7f3a"
# generous: CI machines are shared and noisy (only the loops below ever reach these limits)
LIMITS = Limits(cell_timeout=30, notebook_timeout=300, interrupt_grace=3)

needs_sandbox = pytest.mark.skipif(
    shutil.which("bwrap") is None and not os.environ.get("TIERING_REQUIRE_SANDBOX"),
    reason="bubblewrap is not installed (apt-get install bubblewrap; CI installs it in .ci/run)")


def answers_from_solution(path: Path = SOLUTION) -> dict[str, str]:
    """Answer-cell sources (by grade id) with the solution filled in, hidden tests excluded."""
    out = {}
    for cell in nbformat.read(path, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "code":
            out[meta["grade_id"]] = re.sub(r"[ \t]*### (BEGIN|END) SOLUTION\n?", "", cell.source).strip()
    return out


def exercise_with(answers: dict[str, str], extra: list[str] = (), base: nbformat.NotebookNode | None = None,
                  after: str | None = None) -> nbformat.NotebookNode:
    """The released exercise with some answers filled in and extra cells (at the end, or after a grade id)."""
    nb = nbformat.read(EXERCISE, as_version=4) if base is None else nbformat.from_dict(json.loads(json.dumps(base)))
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    new = [nbformat.v4.new_code_cell(src) for src in extra]
    if after is None:
        nb.cells.extend(new)
    else:
        i = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == after)
        nb.cells[i + 1:i + 1] = new
    return nb


def write(folder: Path, name: str | bytes, nb_or_text, encoding: str = "utf-8") -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(nb_or_text, (str, bytes)):
        data = nb_or_text.encode(encoding) if isinstance(nb_or_text, str) else nb_or_text
        path.write_bytes(data)
    else:
        path.write_text(nbformat.writes(nb_or_text), encoding=encoding)
    return path


def tree_digest(*roots: Path) -> dict[str, str]:
    out = {}
    for root in roots:
        for dirpath, dirnames, files in os.walk(root, followlinks=False):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            for name in files:
                p = os.path.join(dirpath, name)
                if os.path.islink(p) or not os.path.isfile(p):
                    out[p] = "link-or-special:" + (os.readlink(p) if os.path.islink(p) else "")
                    continue
                with open(p, "rb") as fh:
                    out[p] = hashlib.sha256(fh.read()).hexdigest()
    return out


def hostile_processes() -> list[str]:
    """Processes that carry the hostile marker or run under a sandbox uid (none may outlive grading)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            uid = int(Path(f"/proc/{pid}/status").read_text().split("Uid:")[1].split()[0])
        except (OSError, IndexError, ValueError):
            continue
        if MARKER in cmdline or 64000 <= uid < 65000:
            found.append(f"{pid} uid={uid} {cmdline[:120]}")
    return found




# ---------------------------------------------------------------- the hostile cells
# Each reader looks for what a hidden test holds ("abs(float(top20) - 0.71...)") and, if it finds it,
# answers with it; a trustworthy grader leaves nothing to find, so they stay unanswered.
READ = '''
import os, re, glob
def _scan(path, pattern):
    try:
        if os.path.getsize(path) > 5_000_000:
            return None
        with open(path, errors="ignore") as fh:
            m = re.search(pattern, fh.read())
        return m.group(1) if m else None
    except Exception:
        return None
'''
READERS = {
    # task 2: the working folder and everything below it, and /tmp (nbgrader once put the hidden tests there)
    "task2_answer": READ + '''
top20 = ...
for f in glob.glob("**/*", recursive=True) + glob.glob("/tmp/**/*", recursive=True) + glob.glob("/tmp/.*/**/*", recursive=True):
    v = _scan(f, r"abs\\(float\\(top20\\) - ([0-9.]+)\\)")
    if v:
        top20 = float(v); break
''',
    # task 3: every parent folder (course folder, gradebook.db, source/, release/, autograded/)
    "task3_answer": READ + '''
g = ...
d = os.path.abspath(".")
while True:
    for root, dirs, files in os.walk(d):
        dirs[:] = [x for x in dirs if x not in ("proc", "sys", "usr", "dev", "site-packages")]
        for name in files:
            if name.endswith((".ipynb", ".db", ".csv", ".json", ".html")):
                v = _scan(os.path.join(root, name), r"abs\\(float\\(g\\) - ([0-9.]+)\\)")
                if v:
                    g = float(v)
    if d == "/":
        break
    d = os.path.dirname(d)
''',
    # task 4: the kit's solutions, found through helpers.__file__, sys.prefix and PATH
    "task4_answer": READ + '''
import sys, helpers
from pathlib import Path
top20_margin = ...
places = [Path(helpers.__file__).resolve().parents[1], Path(sys.prefix).parent, Path(sys.executable).parent.parent.parent]
places += [Path(p).parent for p in os.environ.get("PATH", "").split(":") if p] + [Path(p).parent.parent for p in os.environ.get("PATH", "").split(":") if p]
for place in places:
    for f in list(place.glob("solutions/**/*.ipynb")) + list(place.glob("source/**/*.ipynb")) + list(place.glob("*/solutions/*.ipynb")):
        v = _scan(str(f), r"abs\\(float\\(top20_margin\\) - ([0-9.]+)\\)")
        if v:
            top20_margin = float(v)
''',
    # task 5: the environment (variables pointing at folders) and other processes' environments and folders
    "task5_answer": READ + '''
pct_for_half = ...
paths = [v for v in os.environ.values() if v.startswith("/")]
for pid in os.listdir("/proc"):
    if pid.isdigit():
        for what in ("cwd", "root"):
            try:
                paths.append(os.readlink(f"/proc/{pid}/{what}"))
            except OSError:
                pass
        try:
            paths += [x for x in open(f"/proc/{pid}/environ", "rb").read().decode(errors="ignore").split("\\0") if "/" in x]
        except OSError:
            pass
for p in set(paths):
    p = p.split("=", 1)[-1].split(":")[0]
    if p in ("", "/") or p.startswith(("/usr", "/proc", "/sys", "/dev")) or not os.path.isdir(p):
        continue
    for f in glob.glob(os.path.join(p, "**", "*.ipynb"), recursive=True)[:2000]:
        v = _scan(f, r"pct_for_half == ([0-9]+)")
        if v:
            pct_for_half = int(v)
''',
    # task 6: the whole file system (other learners' notebooks, any gradebook, the solutions wherever they are)
    "task6_answer": READ + '''
answer6 = ...
for root, dirs, files in os.walk("/"):
    dirs[:] = [x for x in dirs if x not in ("proc", "sys", "dev", "usr", "site-packages")]
    for name in files:
        if name.endswith((".ipynb", ".db", ".csv", ".html", ".json")):
            v = _scan(os.path.join(root, name), r'answer6\\.strip\\(\\)\\.lower\\(\\) == "([a-c])"')
            if v:
                answer6 = v
''',
    # task 1: the network (an answer key could come from anywhere): answered only if the network works
    "task1_answer": '''
import urllib.request
revenue = ...
try:
    urllib.request.urlopen("https://pypi.org/simple/", timeout=3)
    revenue = pareto.value_by_customer(transactions, amount="revenue")
except Exception:
    pass
''',
    # task 7: another learner's function (alice's notebook holds the right one)
    "task7_answer": READ + '''
import json
def share_of_top(values, fraction):
    return ...
for root, dirs, files in os.walk("/"):
    dirs[:] = [x for x in dirs if x not in ("proc", "sys", "dev", "usr", "site-packages")]
    for name in files:
        if name.endswith(".ipynb"):
            try:
                nb = json.load(open(os.path.join(root, name)))
                src = ["".join(c["source"]) for c in nb["cells"] if "def share_of_top" in "".join(c["source"])]
                if src and "ordered = sorted(values, reverse=True)" in src[0]:
                    exec(src[0])
            except Exception:
                pass
''',
}

# writes to the kit, the data, the submissions and the grader's output (pytest keeps both under /tmp/pytest-of-*),
# /tmp and the grader's folders. (A real attacker would walk "/"; the test keeps to the kit and pytest's folders so
# that a broken sandbox could never damage anything else on the machine running the suite.)
WRITER = '''
import os, glob, helpers
from pathlib import Path
kit = Path(helpers.__file__).resolve().parents[1]
targets = [Path(helpers.__file__), Path(helpers.__file__).with_name("pareto.py"), kit / "gradebook.csv",
           kit / "solutions" / "01_pareto.ipynb", kit / "datasets" / "README.md"]
for root in [kit, *glob.glob("/tmp/pytest-of-*")]:
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in (".venv", ".git")]
        targets += [Path(dirpath) / f for f in files if f.endswith((".ipynb", ".csv", ".html", ".db", ".py"))]
for t in targets:
    try:
        with open(t, "a") as fh:
            fh.write("\\n# tampered")
    except Exception:
        pass
for t in ("/tmp/grader-note.txt", str(kit / "note.txt")):
    try:
        Path(t).write_text("x")
    except Exception:
        pass
'''

# a process that leaves the kernel's session, waits until the kernel is gone, then tampers for a while
DETACH = '''
import os, subprocess, sys
code = r"""
import os, time, pathlib
# {marker}
kernel = int(os.environ["KERNEL_PID"])
for _ in range(300):
    try:
        os.kill(kernel, 0)
    except OSError:
        break
    time.sleep(0.1)
import glob, helpers
kit = os.path.dirname(os.path.dirname(os.path.abspath(helpers.__file__)))
end = time.time() + 20
while time.time() < end:
    for top in [kit, *glob.glob("/tmp/pytest-of-*")]:
        for root, dirs, files in os.walk(top):
            dirs[:] = [x for x in dirs if x not in (".venv", ".git")]
            for f in files:
                if f.endswith((".ipynb", ".csv", ".py", ".html")):
                    try:
                        open(os.path.join(root, f), "a").write("# tampered after the kernel ended")
                    except Exception:
                        pass
    time.sleep(0.5)
""".replace("{marker}", "MARKER")
env = dict(os.environ, KERNEL_PID=str(os.getpid()))
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        subprocess.Popen([sys.executable, "-c", code], env=env, start_new_session=True)
    os._exit(0)
'''.replace("MARKER", MARKER)

# over the limits (2 GB of memory, 64 MB per file, 256 MB of /tmp, 256 processes) yet small enough that a broken
# limit could not take down the machine running the suite
HOGS = [
    "hog = bytearray(4 * 2**30)  # 4 GB",
    "import numpy as np\nhog = np.ones(5 * 10**8)  # 4 GB",
    "with open('big.bin', 'wb') as fh:\n    for _ in range(400):\n        fh.write(b'0' * 2**20)  # 400 MB",
    "import subprocess\nkids = [subprocess.Popen(['sh', '-c', 'sleep 300 # " + MARKER + "']) for _ in range(600)]",
]

IGNORE_SIGINT = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"


def zh_exercise() -> nbformat.NotebookNode:
    """The Chinese release of exercise 01 (built here when exercises/zh/ does not exist yet)."""
    built = EXERCISES_DIR / "zh" / "01_pareto.ipynb"
    if built.exists():
        return nbformat.read(built, as_version=4)
    from coursekit.exercises import build_text

    nb = nbformat.reads(build_text(SOLUTIONS_DIR / "zh" / "01_pareto.ipynb"), as_version=4)
    nb.metadata.setdefault("kit", {})["lang"] = "zh"
    return nb


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    sub = tmp_path_factory.mktemp("submissions")
    right = answers_from_solution()
    partial = {k: v for k, v in right.items() if k in ("task1_answer", "task2_answer", "task3_answer")}
    # ordinary learners and broken notebooks
    write(sub, "alice/01_pareto.ipynb", exercise_with(right))
    write(sub, "01_pareto - Bob Partial.ipynb", exercise_with(partial))
    write(sub, "carol_01_pareto.ipynb", exercise_with({}))
    write(sub, "dave/01_pareto.ipynb", exercise_with({**right, "task2_answer": "top20 = (pareto.top_share(revenue, 0.2)"}))
    write(sub, "erin/01_pareto.ipynb", exercise_with({**right, "task3_answer": "g = 1 / 0"}))
    write(sub, "frank/01_pareto.ipynb", exercise_with({**right, "task2_answer": "while True:\n    pass"}))
    write(sub, "gina/01_pareto.ipynb", exercise_with({**right, "task3_answer": right["task3_answer"] + "\nprint('x' * 3_000_000)"}))
    write(sub, "hank/01_pareto.ipynb", "{ this is not JSON")
    write(sub, "ivan/01_pareto.ipynb", "")
    wrong = exercise_with(right)
    wrong.metadata["kit"]["generated_from"] = "solutions/02_abc.ipynb"
    write(sub, "jane/01_pareto.ipynb", wrong)
    moved = exercise_with(right)  # task 3's check deleted, the task 2 and task 4 answer cells swapped
    cells = [c for c in moved.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "task3"]
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells]
    i2, i4 = ids.index("task2_answer"), ids.index("task4_answer")
    cells[i2], cells[i4] = cells[i4], cells[i2]
    moved.cells = cells
    write(sub, "kate/01_pareto.ipynb", moved)
    write(sub, "leo/01_pareto.ipynb", exercise_with({}, extra=[
        "import builtins\nbuiltins.abs = lambda x: 0",
        "import helpers.checks.pareto as hc\nhc.check.task2 = lambda *a: print('✅ Task 2 — Correct!')",
        "print('✅ Task 1 — Correct!')",
        # forge the grader's collection message with a made-up answer
        "from IPython.display import display\ndisplay({'application/x-tiering-kit-collected': "
        "'{\"task\": \"task2\", \"data\": {\"answer\": {\"type\": \"number\", \"value\": 0.711}}}'}, raw=True)",
    ]))
    write(sub, "notes.txt", "see attached")
    # hostile learners
    write(sub, "reader/01_pareto.ipynb", exercise_with(READERS))
    write(sub, "writer/01_pareto.ipynb", exercise_with(right, extra=[WRITER], after="task1"))
    write(sub, "detacher/01_pareto.ipynb", exercise_with(right, extra=[DETACH], after="task1"))
    write(sub, "hogger/01_pareto.ipynb", exercise_with(right, extra=HOGS))
    write(sub, "ignorer/01_pareto.ipynb", exercise_with({**right, "task2_answer": IGNORE_SIGINT,
                                                         "task6_answer": 'answer6 = "b"'}))
    write(sub, "exiter/01_pareto.ipynb", exercise_with({**right, "task3_answer": "import os\nos._exit(3)"}))
    # names
    long_name = "L" * 255
    write(sub, f"{long_name}/01_pareto.ipynb", exercise_with({}))
    write(sub, f"{long_name}/01_pareto (2).ipynb", "{}")
    write(sub, "İ" * 127 + "/01_pareto.ipynb", "{}")  # 254 bytes, longer once lower-cased
    write(sub, "Zoë Müller/01_pareto.ipynb", exercise_with(partial))
    write(sub, "ALICE/01_pareto.ipynb", "{}")
    write(sub, "alice-2/01_pareto.ipynb", "{}")
    write(sub, "alice/01_pareto (copy).ipynb", exercise_with({}))
    write(sub, "untouched-baseline/01_pareto.ipynb", exercise_with(right))
    write(sub, "___/01_pareto.ipynb", "{}")
    write(sub, b"caf\xe9_01_pareto.ipynb", "{}")
    write(sub, ".hidden/01_pareto.ipynb", exercise_with(right))
    write(sub, "alice/.ipynb_checkpoints/01_pareto-checkpoint.ipynb", exercise_with(right))
    write(sub, ".DS_Store", "junk")
    (sub / "mallory").mkdir()
    (sub / "mallory" / "01_pareto.ipynb").symlink_to(SOLUTION)
    (sub / "linked").symlink_to(sub / "alice")
    # formats
    v3 = nbformat.convert(exercise_with(right), 3)
    write(sub, "nina/01_pareto.ipynb", "\ufeff" + nbformat.writes(v3, version=3))  # nbformat 3, with a BOM
    write(sub, "olga/01_pareto.ipynb", nbformat.writes(exercise_with(right)), encoding="utf-16")
    write(sub, "pete/01_pareto.ipynb", "[" * 200_000)
    big = write(sub, "quinn/01_pareto.ipynb", "")
    with big.open("wb") as fh:
        fh.truncate(21 * 2**20)
    os.mkfifo(sub / "rita_01_pareto.ipynb")
    # the Chinese edition
    zh_right = answers_from_solution(SOLUTIONS_DIR / "zh" / "01_pareto.ipynb")
    write(sub, "李雷/01_pareto.ipynb", exercise_with(zh_right, base=zh_exercise()))

    kit_roots = [ROOT / "helpers", DATA_DIR, ROOT / "solutions", ROOT / "exercises", ROOT / "coursekit"]
    kit_before, sub_before = tree_digest(*kit_roots), tree_digest(sub)
    out = tmp_path_factory.mktemp("out")
    # the grader's temporary folders go to a folder of this test's own (other programs use /tmp too)
    private_tmp = tmp_path_factory.mktemp("grader-tmp")
    saved, tempfile.tempdir = tempfile.tempdir, str(private_tmp)
    try:
        start = time.monotonic()
        rows = grade.grade_folder(sub, out, jobs=2, limits=LIMITS, progress=None)
        seconds = time.monotonic() - start
    finally:
        tempfile.tempdir = saved
    time.sleep(3)  # a detached process would tamper now
    return {"rows": {r["submission"]: r for r in rows}, "list": rows, "out": out, "sub": sub, "seconds": seconds,
            "kit_unchanged": tree_digest(*kit_roots) == kit_before, "sub_unchanged": tree_digest(sub) == sub_before,
            "left_running": hostile_processes(), "temp_left": set(os.listdir(private_tmp)),
            "gradebook_unchanged": (out / "gradebook.csv").read_bytes()}


def full() -> float:
    return grade.assignments()["01"].max_auto


def points(task: str) -> float:
    return grade.assignments()["01"].points[task]


def row(batch, name: str) -> dict:
    return batch["rows"][name]


EXPECTED_STATUS = {
    "alice/01_pareto.ipynb": "graded",
    "01_pareto - Bob Partial.ipynb": "graded",
    "carol_01_pareto.ipynb": "graded",
    "dave/01_pareto.ipynb": "error",
    "erin/01_pareto.ipynb": "error",
    "frank/01_pareto.ipynb": "timeout",
    "gina/01_pareto.ipynb": "graded",
    "hank/01_pareto.ipynb": "invalid",
    "ivan/01_pareto.ipynb": "invalid",
    "jane/01_pareto.ipynb": "invalid",
    "kate/01_pareto.ipynb": "graded",
    "leo/01_pareto.ipynb": "graded",
    "notes.txt": "invalid",
    "reader/01_pareto.ipynb": "graded",
    "writer/01_pareto.ipynb": "graded",
    "detacher/01_pareto.ipynb": "graded",
    "hogger/01_pareto.ipynb": "error",
    "ignorer/01_pareto.ipynb": "timeout",
    "exiter/01_pareto.ipynb": "error",
    f"{'L' * 255}/01_pareto.ipynb": "graded",
    f"{'L' * 255}/01_pareto (2).ipynb": "invalid",
    "İ" * 127 + "/01_pareto.ipynb": "invalid",
    "Zoë Müller/01_pareto.ipynb": "graded",
    "ALICE/01_pareto.ipynb": "invalid",
    "alice-2/01_pareto.ipynb": "invalid",
    "alice/01_pareto (copy).ipynb": "graded",
    "untouched-baseline/01_pareto.ipynb": "graded",
    "___/01_pareto.ipynb": "invalid",
    "caf\\xe9_01_pareto.ipynb": "invalid",
    ".hidden": "invalid",
    "alice/.ipynb_checkpoints": "invalid",
    ".DS_Store": "invalid",
    "mallory/01_pareto.ipynb": "invalid",
    "linked": "invalid",
    "nina/01_pareto.ipynb": "graded",
    "olga/01_pareto.ipynb": "invalid",
    "pete/01_pareto.ipynb": "invalid",
    "quinn/01_pareto.ipynb": "invalid",
    "rita_01_pareto.ipynb": "invalid",
    "李雷/01_pareto.ipynb": "graded",
}


@needs_sandbox
@pytest.mark.grading
def test_every_file_gets_exactly_one_row_with_a_status_and_a_plain_reason(batch):
    rows = batch["list"]
    assert len(rows) == len({r["submission"] for r in rows})
    assert {k: r["status"] for k, r in batch["rows"].items()} == EXPECTED_STATUS
    for r in rows:
        assert (r["reason"] == "") == (r["status"] == "graded"), r
        assert "/tmp" not in r["reason"] and "Traceback" not in r["reason"], r


@needs_sandbox
@pytest.mark.grading
def test_ordinary_learners_get_their_scores(batch):
    assert float(row(batch, "alice/01_pareto.ipynb")["score"]) == full()
    assert float(row(batch, "01_pareto - Bob Partial.ipynb")["score"]) == points("task1") + points("task2") + points("task3")
    assert float(row(batch, "carol_01_pareto.ipynb")["score"]) == 0
    assert float(row(batch, "erin/01_pareto.ipynb")["score"]) == full() - points("task3")  # a broken cell costs its task
    assert float(row(batch, "frank/01_pareto.ipynb")["score"]) == full() - points("task2") - points("task6")
    assert float(row(batch, "gina/01_pareto.ipynb")["score"]) == full()
    assert float(row(batch, "nina/01_pareto.ipynb")["score"]) == full()  # nbformat 3 with a byte-order mark
    assert float(row(batch, "kate/01_pareto.ipynb")["score"]) == full()
    kate = row(batch, "kate/01_pareto.ipynb")
    assert "deleted" in kate["flags"] and "reordered" in kate["flags"]
    assert "wrong module" in row(batch, "jane/01_pareto.ipynb")["reason"]
    assert "ZeroDivisionError" in row(batch, "erin/01_pareto.ipynb")["reason"]


@needs_sandbox
@pytest.mark.grading
def test_answer_readers_find_nothing_and_score_no_more_than_the_untouched_exercise(batch):
    reader = row(batch, "reader/01_pareto.ipynb")
    untouched = row(batch, "carol_01_pareto.ipynb")
    assert float(reader["score"]) <= float(untouched["score"]) == 0
    assert all(reader[f"01:{q}"] == "0" for q in grade.assignments()["01"].auto_questions), reader


@needs_sandbox
@pytest.mark.grading
def test_tampering_processes_hogs_and_stoppers_cost_only_their_own_tasks(batch):
    # writes to the kit, to other submissions and after the kernel ended all failed; their own answers count
    assert float(row(batch, "writer/01_pareto.ipynb")["score"]) == full()
    assert float(row(batch, "detacher/01_pareto.ipynb")["score"]) == full()
    hogger = row(batch, "hogger/01_pareto.ipynb")
    assert float(hogger["score"]) == full() and "MemoryError" in hogger["reason"]
    ignorer = row(batch, "ignorer/01_pareto.ipynb")
    assert float(ignorer["score"]) == full() - points("task2")
    assert "killed" in ignorer["reason"] and "run again without it" in ignorer["reason"]
    exiter = row(batch, "exiter/01_pareto.ipynb")
    assert float(exiter["score"]) == full() - points("task3") and "ended Python" in exiter["reason"]
    page = (batch["out"] / "feedback" / "ignorer" / "01.html").read_text(encoding="utf-8")
    assert "did not stop when asked" in page


@needs_sandbox
@pytest.mark.grading
def test_kit_and_submissions_are_byte_identical_and_nothing_is_left_running_or_in_tmp(batch):
    assert batch["kit_unchanged"]
    assert batch["sub_unchanged"]
    assert batch["left_running"] == []
    assert batch["temp_left"] == set()
    assert not Path("/tmp/grader-note.txt").exists() and not (ROOT / "note.txt").exists()  # the writer's files
    assert (batch["out"] / "gradebook.csv").read_bytes() == batch["gradebook_unchanged"]  # nothing rewrote it later


@needs_sandbox
@pytest.mark.grading
def test_tampering_never_beats_the_untouched_exercise_and_is_flagged(batch):
    leo = row(batch, "leo/01_pareto.ipynb")
    assert float(leo["score"]) <= float(row(batch, "carol_01_pareto.ipynb")["score"])
    assert "review:" in leo["flags"]
    assert "prints imitation results" in leo["flags"] and "built-ins" in leo["flags"]
    # a learner named like the grader's own baseline is just a learner, and does not move the cap
    named = row(batch, "untouched-baseline/01_pareto.ipynb")
    assert named["learner"] == "untouched-baseline-learner" and float(named["score"]) == full()


@needs_sandbox
@pytest.mark.grading
def test_learner_ids_are_safe_unique_and_never_collide(batch):
    rows = batch["list"]
    ids = [(r["learner"], r["module"]) for r in rows if r["module"]]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["learner"] and len(r["learner"].encode()) <= grade.MAX_ID_BYTES, r
        assert r["learner"] not in grade.RESERVED_IDS
    by_name = batch["rows"]
    assert by_name["alice/01_pareto.ipynb"]["learner"] == "alice"
    assert by_name["alice-2/01_pareto.ipynb"]["learner"] == "alice-2"       # a real learner keeps the id
    dupes = {by_name["ALICE/01_pareto.ipynb"]["learner"], by_name["alice/01_pareto (copy).ipynb"]["learner"]}
    assert dupes.isdisjoint({"alice", "alice-2"}) and len(dupes) == 2
    assert "several files" in by_name["alice/01_pareto (copy).ipynb"]["flags"]
    assert by_name["___/01_pareto.ipynb"]["learner"].startswith("learner-")
    assert by_name["Zoë Müller/01_pareto.ipynb"]["learner"] == "zoë-müller"
    assert by_name["李雷/01_pareto.ipynb"]["learner"] == "李雷"
    long_ids = {by_name[f"{'L' * 255}/01_pareto.ipynb"]["learner"], by_name[f"{'L' * 255}/01_pareto (2).ipynb"]["learner"]}
    assert len(long_ids) == 2
    for name in (f"{'L' * 255}/01_pareto.ipynb", "Zoë Müller/01_pareto.ipynb", "李雷/01_pareto.ipynb"):
        assert (batch["out"] / "feedback" / by_name[name]["learner"] / "01.html").exists(), name


@needs_sandbox
@pytest.mark.grading
def test_hidden_files_symlinks_and_special_files_are_reported_not_followed(batch):
    rows = batch["rows"]
    assert "symbolic link" in rows["mallory/01_pareto.ipynb"]["reason"]
    assert rows["mallory/01_pareto.ipynb"]["score"] == ""  # the answer key behind the link is never graded
    assert "symbolic link" in rows["linked"]["reason"]
    assert not any(k.startswith("linked/") for k in rows)
    assert "hidden folder" in rows[".hidden"]["reason"] and "1 file" in rows[".hidden"]["reason"]
    assert "hidden folder" in rows["alice/.ipynb_checkpoints"]["reason"]
    assert "hidden file" in rows[".DS_Store"]["reason"]
    assert "not a regular file" in rows["rita_01_pareto.ipynb"]["reason"]
    assert "too large" in rows["quinn/01_pareto.ipynb"]["reason"]
    assert "UTF-8" in rows["olga/01_pareto.ipynb"]["reason"]


@needs_sandbox
@pytest.mark.grading
def test_chinese_submissions_are_graded_with_chinese_feedback(batch):
    li = batch["rows"]["李雷/01_pareto.ipynb"]
    assert li["lang"] == "zh" and float(li["score"]) == full()
    page = (batch["out"] / "feedback" / "李雷" / "01.html").read_text(encoding="utf-8")
    assert "第 1 题" in page and "第 7 题" in page and "练习 01" in page and "Task 1" not in page
    zoe = (batch["out"] / "feedback" / "zoë-müller" / "01.html").read_text(encoding="utf-8")
    assert "Task 1" in zoe and "第 1 题" not in zoe


@needs_sandbox
@pytest.mark.grading
def test_feedback_holds_only_verdicts_and_plain_reasons(batch):
    solution = nbformat.read(SOLUTION, as_version=4)
    hidden = [c.source.split("### BEGIN HIDDEN TESTS")[1] for c in solution.cells if "BEGIN HIDDEN TESTS" in c.source]
    numbers = {n for block in hidden for n in re.findall(r"\d+\.\d{3,}", block)}
    learners = {r["learner"] for r in batch["list"]}
    pages = list((batch["out"] / "feedback").rglob("*.html"))
    assert len(pages) == sum(1 for r in batch["list"] if r["status"] in ("graded", "timeout", "error"))
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert "assert" not in page and "HIDDEN" not in page and "Traceback" not in page, path
        assert "/tmp" not in page and str(batch["sub"]) not in page and "tampered" not in page, path
        assert "xxxxxxxxxx" not in page and MARKER not in page, path            # no learner output
        assert not any(n in page for n in numbers), path
        own = path.parent.name
        assert not any(f"<b>{other}</b>" in page for other in learners - {own}), path
    bob = (batch["out"] / "feedback" / "bob-partial" / "01.html").read_text(encoding="utf-8")
    assert "not answered" in bob.lower() or "not yet" in bob


@needs_sandbox
@pytest.mark.grading
def test_gradebook_and_lms_exports_open_as_documented(batch):
    out = batch["out"]
    with (out / "gradebook.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(EXPECTED_STATUS)
    assert {"submission", "learner", "module", "lang", "status", "score", "max_score", "flags", "reason"} <= set(rows[0])
    summary = (out / "summary.csv").read_text(encoding="utf-8-sig")
    assert "01:task2" in summary and "full_marks" in summary
    canvas = canvas_import(out / "canvas.csv")
    assert canvas["points"] == {"Exercise 01 pareto": str(int(full()))}
    assert canvas["students"]["alice"] == {"Exercise 01 pareto": str(int(full()))}
    assert canvas["students"]["carol"] == {"Exercise 01 pareto": "0"}
    assert "alice-3" not in canvas["students"] and "alice-2" not in canvas["students"]  # duplicates / invalid left out
    moodle = moodle_import(out / "moodle.csv")
    assert moodle["alice"] == {"Exercise 01 pareto": str(int(full()))}
    assert set(moodle) == set(canvas["students"])


def canvas_import(path: Path) -> dict:
    """Read a file the way Canvas's gradebook importer does (app/models/gradebook_importer.rb)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert all(line == "" or (line.startswith('"') and line.endswith('"')) for line in lines), "every field quoted"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = table[0]
    # header?: more than 3 columns, "Student" then "ID"; SIS User ID + SIS Login ID; the student columns end with Section
    assert len(header) > 3 and "Student" in header[0] and "ID" in header[1]
    assert re.match(r"SIS\s+User\s+ID", header[2]) and re.match(r"SIS\s+Login\s+ID", header[3]) and "Section" in header[4]
    assignments = header[5:]
    assert not any(re.search("Current Score|Final Score|Override|Points|Grade", a) for a in assignments)
    out = {"points": {}, "students": {}}
    for r in table[1:]:
        if not r:
            continue
        if "Points Possible" in r[0]:
            out["points"] = dict(zip(assignments, r[5:]))
            continue
        key = r[1] or r[3]  # Canvas user id, else SIS Login ID
        out["students"][key] = {a: v for a, v in zip(assignments, r[5:])}
    return out


def moodle_import(path: Path) -> dict:
    """Read a file the way Moodle's CSV grade import maps it (grade/import/csv: identity column, "(Real)" items)."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = table[0]
    assert header[0] == "Username"  # the form pre-selects "map to username" for this header
    items = [re.fullmatch(r"(.+) \(Real\)", h).group(1) for h in header[1:]]
    return {r[0]: dict(zip(items, r[1:])) for r in table[1:] if r}


@needs_sandbox
@pytest.mark.grading
def test_grading_twice_gives_the_same_rows_and_other_learners_do_not_change_a_score(batch, tmp_path):
    subset = tmp_path / "subset"
    for name in ("alice/01_pareto.ipynb", "carol_01_pareto.ipynb", "hank/01_pareto.ipynb", "01_pareto - Bob Partial.ipynb"):
        (subset / name).parent.mkdir(parents=True, exist_ok=True)
        (subset / name).write_bytes((batch["sub"] / name).read_bytes())
    again = {r["submission"]: r for r in grade.grade_folder(subset, tmp_path / "out", jobs=2, limits=LIMITS, progress=None)}
    for name, r in again.items():
        first = dict(batch["rows"][name])
        assert {k: v for k, v in r.items()} == {k: first.get(k, "") for k in r}, name


# ---------------------------------------------------------------- without a sandbox
def test_make_grade_refuses_without_bubblewrap_and_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    import coursekit.sandbox

    write(tmp_path / "sub", "carol/01_pareto.ipynb", exercise_with({}))
    monkeypatch.setattr(coursekit.sandbox.shutil, "which", lambda name: None)
    code = grade.main([str(tmp_path / "sub"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and "apt-get install bubblewrap" in err and "--no-sandbox" in err
    assert not (tmp_path / "out" / "gradebook.csv").exists()
    with pytest.raises(SandboxUnavailable):
        Sandbox.detect(True)


@pytest.mark.grading
def test_no_sandbox_grades_and_the_gradebook_carries_a_warning(tmp_path):
    write(tmp_path / "sub", "carol/01_pareto.ipynb", exercise_with({}))
    rows = grade.grade_folder(tmp_path / "sub", tmp_path / "out", sandbox=False, limits=LIMITS, progress=None)
    assert rows[0]["status"] == "graded" and "WITHOUT a sandbox" in rows[0]["flags"]
    assert "WITHOUT a sandbox" in (tmp_path / "out" / "WARNING.txt").read_text(encoding="utf-8")


@pytest.mark.grading
@pytest.mark.parametrize("module", ["helpers.grade", "coursekit.grade"])
def test_grade_command_answers_at_both_addresses(module, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("not a notebook")
    done = subprocess.run([sys.executable, "-m", module, str(tmp_path / "sub"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 file(s): 1 invalid" in done.stdout
    assert (tmp_path / "out" / "gradebook.csv").read_text(encoding="utf-8-sig").count("\n") == 2


# ---------------------------------------------------------------- fast unit tests (no kernel)
def test_a_notebook_named_like_an_exercise_but_without_its_cells_is_refused(tmp_path):
    """The guard once never fired (``not ids & questions | answers`` is ``not ((ids & questions) | answers)``)."""
    sub = tmp_path / "sub"
    plain = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("top20 = 0.7"),
                                            nbformat.v4.new_markdown_cell("my answers")])
    write(sub, "ann/01_pareto.ipynb", plain)
    pasted = nbformat.read(EXERCISE, as_version=4)
    pasted.cells = [nbformat.v4.new_code_cell(c.source) for c in pasted.cells if c.cell_type == "code"]
    write(sub, "bo/01_pareto.ipynb", pasted)
    rows = {r["submission"]: r for r in grade.grade_folder(sub, tmp_path / "out", progress=None)}
    for name in ("ann/01_pareto.ipynb", "bo/01_pareto.ipynb"):
        assert rows[name]["status"] == "invalid", rows[name]
        assert "none of its graded cells" in rows[name]["reason"] and rows[name]["score"] == ""
    assert not any((tmp_path / "out" / "feedback").iterdir())


def test_holds_exercise_cells_needs_one_graded_or_answer_cell():
    a = grade.assignments()["01"]
    cell = nbformat.v4.new_code_cell("top20 = 0.7")
    assert not grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)
    cell.metadata["nbgrader"] = {"grade_id": a.answer_ids[0], "solution": True}
    assert grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)
    cell.metadata["nbgrader"] = {"grade_id": a.questions[0], "grade": True}
    assert grade.holds_exercise_cells(nbformat.v4.new_notebook(cells=[cell]), a)


def test_out_inside_submissions_and_submissions_inside_out_are_refused(tmp_path):
    (tmp_path / "sub").mkdir()
    with pytest.raises(ValueError, match="inside the submissions folder"):
        grade.grade_folder(tmp_path / "sub", tmp_path / "sub" / "out", progress=None)
    with pytest.raises(ValueError, match="submissions folder is inside"):
        grade.grade_folder(tmp_path / "sub", tmp_path, progress=None)


def test_module_from_cells_only_when_one_exercise_fits():
    # every exercise's graded cells are called task1, task2, ...: without the kit's metadata and
    # without a number in the file name, the grader must not guess (it once said "exercise 03")
    known = grade.assignments()
    nb = nbformat.read(EXERCISES_DIR / "04_rfm.ipynb", as_version=4)
    assert grade.identify(Path("/s/ann_04_rfm.ipynb"), Path("/s"), known, nb) == ("ann", "04", "")
    nb.metadata.pop("kit")
    assert grade.identify(Path("/s/ann_04_rfm.ipynb"), Path("/s"), known, nb) == ("ann", "04", "")
    learner, module, problem = grade.identify(Path("/s/homework.ipynb"), Path("/s"), known, nb)
    assert module == "" and "fit exercises" in problem and "04" in problem


def test_a_canvas_download_name_gives_learner_and_canvas_id(tmp_path):
    write(tmp_path, "lilei_late_12345_6789_01_pareto.ipynb", nbformat.writes(exercise_with({})))
    s = grade.inspect_file(tmp_path / "lilei_late_12345_6789_01_pareto.ipynb", tmp_path, grade.assignments(), grade._Releases(grade.assignments()))
    assert (s.learner, s.module, s.lms_id, s.status) == ("lilei-12345", "01", "12345", "")


@settings(max_examples=60)
@given(st.text(min_size=0, max_size=300))
def test_learner_ids_are_never_empty_never_reserved_and_short(raw):
    lid = grade.learner_id(raw)
    assert lid and len(lid.encode()) <= grade.MAX_ID_BYTES and lid not in grade.RESERVED_IDS
    assert "/" not in lid and lid not in (".", "..") and not lid.startswith(".")
    assert lid == grade.learner_id(raw)


def test_long_names_that_share_a_beginning_get_different_ids():
    assert grade.learner_id("x" * 100 + "a") != grade.learner_id("x" * 100 + "b")
    assert len(grade.learner_id("İ" * 127).encode()) <= grade.MAX_ID_BYTES


def test_duplicate_ids_skip_every_id_in_use_and_reserved_names():
    subs = [grade.Submission(Path(f"{i}"), f"{i}", learner=l, module=m) for i, (l, m) in enumerate(
        [("alice", "01"), ("alice", "01"), ("alice-2", "02"), ("alice", "01"), ("alice-3", "01")])]
    grade.assign_ids(subs)
    assert [s.learner for s in subs] == ["alice", "alice-4", "alice-2", "alice-5", "alice-3"]
    assert [s.primary for s in subs] == [True, False, True, False, True]


def test_discover_reports_links_special_and_hidden_entries_without_following(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.ipynb").write_text("{}")
    (tmp_path / "link.ipynb").symlink_to(SOLUTION)
    (tmp_path / "dirlink").symlink_to(tmp_path / "a")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("")
    os.mkfifo(tmp_path / "pipe")
    found = {f.path.name: f.problem for f in grade.discover(tmp_path)}
    assert found["x.ipynb"] == ""
    assert "symbolic link" in found["link.ipynb"] and "symbolic link" in found["dirlink"]
    assert "hidden folder" in found[".git"] and "not a regular file" in found["pipe"]
    assert len(found) == 5


def test_build_cells_puts_answers_in_the_release_and_replaces_every_check():
    a = grade.assignments()["01"]
    release = grade.release_notebook(a)
    nb = exercise_with({"task2_answer": "top20 = 0.5"}, extra=["scratch = 1"], after="task2")
    # a learner who rewrote a locked check and the set-up cell gets the release's back
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "task3":
            cell.source = "print('✅')"
    cells = grade.build_cells(nb, release, a, grade.task_inputs(a, grade.hidden_inputs(a)))
    kinds = [(c["kind"], c["task"]) for c in cells if c["kind"] in ("answer", "collect", "extra")]
    assert ("answer", "task2") in kinds and ("collect", "task3") in kinds
    sources = [c["source"] for c in cells]
    assert "top20 = 0.5" in sources and "scratch = 1" in sources and "print('✅')" not in sources
    assert sources.index("scratch = 1") > sources.index("top20 = 0.5")
    collects = [c for c in cells if c["kind"] == "collect"]
    assert [c["task"] for c in collects] == list(a.questions[:-1])  # task8 is written
    assert all("check." not in c["source"] for c in collects)
    joined = "\n".join(sources)
    assert "HIDDEN" not in joined and "0.710988" not in joined and "assert" not in joined
    task7 = next(c for c in collects if c["task"] == "task7")["source"]
    assert "[5, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0.1" in task7  # the hidden tests' inputs, not their results
    assert "5 / 14" not in task7


def test_sanitised_data_and_judged_messages_carry_no_learner_text():
    from helpers.checks.pareto import TASKS, Reference

    task7 = next(t for t in TASKS if t.name == "task7")
    data = grade.sanitise({"answer": {"type": "function", "calls": [
        {"type": "error", "error": "ValueError: secret /home/teacher/answers.txt"}]}})
    fb = grade.judge_task(task7, data, Reference(), "en")
    assert fb.status == "error" and "ValueError" in fb.message and "secret" not in fb.message
    task2 = next(t for t in TASKS if t.name == "task2")
    fb = grade.judge_task(task2, grade.sanitise({"answer": {"type": "other", "name": "Leak_of_0.71"}}), Reference(), "en")
    assert "Leak" not in fb.message and "object" in fb.message


def test_a_judge_that_fails_on_odd_data_never_passes_nor_stops_the_batch():
    a = grade.assignments()["01"]
    s = grade.Submission(Path("x"), "x", learner="x", module="01")
    s.notebook = grade.release_notebook(a)
    cells = grade.build_cells(s.notebook, s.notebook, a, {})
    statuses = [{"status": "ok"} for _ in cells]
    collected = {q: json.dumps({"answer": {"type": "Series", "index": [[1]], "values": "bad"}}) for q in a.auto_questions}
    grade.judge_submission(s, a, cells, {"cells": statuses, "collected": collected}, None, {}, LIMITS)
    assert s.total(a) == 0 and s.status == "graded"


def test_canvas_and_moodle_files_follow_their_import_rules(tmp_path):
    known = grade.assignments()
    subs = [grade.Submission(Path("a"), "a", learner="alice", module="01", status="graded", scores={"task1": 1.0}),
            grade.Submission(Path("b"), "b", learner="bo", module="02", status="error", scores={"task2": 1.0},
                             lms_id="4711"),
            grade.Submission(Path("c"), "c", learner="alice-2", module="01", status="graded", primary=False),
            grade.Submission(Path("d"), "d", learner="cy", module="01", status="invalid")]
    grade.write_outputs(subs, known, tmp_path)
    canvas = canvas_import(tmp_path / "canvas.csv")
    assert canvas["points"] == {"Exercise 01 pareto": "14", "Exercise 02 abc": _num(known["02"].max_auto)}
    assert canvas["students"] == {"alice": {"Exercise 01 pareto": "1", "Exercise 02 abc": ""},
                                  "4711": {"Exercise 01 pareto": "", "Exercise 02 abc": "1"}}
    moodle = moodle_import(tmp_path / "moodle.csv")
    assert moodle == {"alice": {"Exercise 01 pareto": "1", "Exercise 02 abc": ""},
                      "bo": {"Exercise 01 pareto": "", "Exercise 02 abc": "1"}}


def _num(x: float) -> str:
    return f"{x:g}"


def test_detect_language_and_the_chinese_release():
    assert grade.detect_language(zh_exercise()) == "zh"
    assert grade.detect_language(nbformat.read(EXERCISE, as_version=4)) == "en"
    release = grade.release_notebook(grade.assignments()["01"], "zh")
    assert 'lang = "zh"' in release.cells[1].source and "BEGIN SOLUTION" not in nbformat.writes(release)


def test_every_public_function_documents_parameters_and_returns():
    import inspect

    for name in grade.__all__:
        obj = getattr(grade, name)
        if not (inspect.isfunction(obj) or inspect.isclass(obj)) or obj.__module__ not in ("coursekit.grade", "coursekit.sandbox"):
            continue
        doc = inspect.getdoc(obj) or ""
        assert "Parameters\n----------" in doc, name
        if inspect.isfunction(obj):
            assert "Returns\n-------" in doc, name
        for meth_name, meth in vars(obj).items() if inspect.isclass(obj) else ():
            if inspect.isfunction(meth) and not meth_name.startswith("_"):
                mdoc = inspect.getdoc(meth) or ""
                assert "Returns\n-------" in mdoc, f"{name}.{meth_name}"


def test_a_notebook_whose_sandbox_failed_gets_a_plain_reason_and_the_details_go_to_the_log(tmp_path):
    a = grade.assignments()["01"]
    s = grade.Submission(Path("x"), "x.ipynb", learner="x", module="01")
    s.notebook = grade.release_notebook(a)
    cells = grade.build_cells(s.notebook, s.notebook, a, {})
    report = {"cells": [{"status": "not_run"} for _ in cells], "collected": {},
              "kernel_failed": "RuntimeError: the kernel exited while starting; kernel said: /tmp/secret/path"}
    grade.judge_submission(s, a, cells, report, None, {}, LIMITS)
    assert s.status == "error" and "could not run this notebook" in s.reason and "/tmp" not in s.reason
    assert s.total(a) == 0 and all(s.feedback[q][0] == "not_graded" for q in a.auto_questions)
    grade.write_outputs([s], {"01": a}, tmp_path)
    assert "kernel exited" in (tmp_path / "grader-log.txt").read_text(encoding="utf-8")
    page = (tmp_path / "feedback" / "x" / "01.html").read_text(encoding="utf-8")
    assert "/tmp" not in page and "kernel" not in page


def test_a_kit_under_tmp_is_bound_over_the_private_tmp_not_hidden_by_it(monkeypatch, tmp_path):
    # CI clones the kit under /tmp; the sandbox's private /tmp must be laid first, the kit's folders on top of it
    kit = Path("/tmp") / "kit-clone" / "customer-tiering-kit"
    paths = {"helpers": kit / "helpers", "data": kit / "datasets", "root": kit}
    monkeypatch.setattr(Sandbox, "_kit_paths", staticmethod(lambda: paths))
    monkeypatch.setattr(Path, "exists", lambda self: True)
    box = Sandbox("user", "/usr/bin/bwrap")
    args = box.command(tmp_path / "job.json", tmp_path / "passwd", tmp_path / "group", Limits())
    tmpfs_tmp = next(i for i in range(len(args) - 1) if args[i:i + 2] == ["--tmpfs", "/tmp"])
    bind_helpers = next(i for i in range(len(args) - 2) if args[i] == "--ro-bind" and args[i + 2] == str(paths["helpers"]))
    assert tmpfs_tmp < bind_helpers
    assert ["--dir", "/tmp"] not in [args[i:i + 2] for i in range(len(args) - 1)]
