"""A check run right after a cell that stopped with an error says so instead of judging the stale value.

The cells run in IPython's InteractiveShell in a child process, so the shell (which takes over
display and exception hooks) never leaks into the other tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from helpers.checks.core import last_cell_failed, watch_errors

SCRIPT = textwrap.dedent(r'''
    import contextlib, io, json
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    cells = json.loads(CELLS)
    outputs = []
    for code in cells:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(io.StringIO()):
            shell.run_cell(code, store_history=True)
        outputs.append([line for line in buffer.getvalue().splitlines() if line[:1] in "✅❌⏳⚠💡📝"])
    print("@@" + json.dumps(outputs))
''')

SETUP = ('import pandas as pd\nfrom helpers.checks.pareto import make_checks\n'
         'check = make_checks(pd.DataFrame({"customer_id": list("aabcd"), "revenue": [60.0, 20, 10, 5, 5], '
         '"cost": [1.0] * 5}))')


def run_cells(*cells: str) -> list[list[str]]:
    """The feedback lines each cell printed, cell by cell, in a fresh InteractiveShell."""
    code = f"CELLS = {json.dumps(json.dumps(list(cells)))}\n" + SCRIPT
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("@@"))
    return json.loads(line[2:])


def test_a_check_after_a_failed_cell_says_so_instead_of_judging_the_old_value():
    out = run_cells(
        SETUP,
        "top20 = 0.8",            # 0: a right answer (the top 20% hold 60 + 20 of 100)
        "check.task2(top20)",
        "top20 = 71.1%",          # a syntax error: the old value 0.8 is still there
        "check.task2(top20)",
        "check.task2(top20)",     # run again without fixing: the previous cell did not fail
        "top20 = 1 / 0",          # an error while running
        "check.task2(top20)",
        "check.lang = 'zh'",
        "top20 = [0.8][3]",
        "check.task2(top20)",
    )
    assert out[2][0].startswith("✅ Task 2")
    assert out[4] == ["⚠️ Task 2 — Could not check this answer. Your last cell stopped with an error: fix it and run "
                      "it again, then run this check. (This check did not look at the old value.)"]
    assert out[5][0].startswith("✅ Task 2")
    assert "Your last cell stopped with an error" in out[7][0]
    assert out[10][0].startswith("⚠️ 第 2 题") and "上一个单元格运行时出错" in out[10][0]


def test_an_unrelated_cell_in_between_clears_the_warning_and_evaluate_never_looks():
    out = run_cells(
        SETUP,
        "top20 = 80%",
        "x = 1",
        "check.task2(0.3)",
        "top20 = 80%",
        "print(check.task2.evaluate(0.8))",   # the data API judges, whatever ran before
    )
    assert out[3][0].startswith("❌ Task 2")
    assert out[5][0].startswith("✅ Task 2")


def test_outside_ipython_nothing_is_watched():
    assert watch_errors() is False
    assert last_cell_failed() is False
