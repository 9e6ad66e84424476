"""The explorers in a real browser: JupyterLab + kernel, headless Chromium (Debian's) driven by playwright.

Each explorer renders as controls (not as text), fits a 1280×720 screen, clips nothing, and reacts to a key
press; the committed notebooks show their controls from the saved widget state before any kernel runs.
No timing is asserted here: tests/benchmarks/bench_explorers_browser.py measures the redraw times.

Needs `apt-get install chromium` (CI: .ci/run calls .ci/system-packages). On a laptop without Chromium the tests skip and say
so; in CI (CI=true) a missing Chromium is an error, never a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest

from coursekit import browser
from helpers import lab as lab_helpers

ROOT = Path(__file__).resolve().parent.parent
#: The explorer must fit the notebook area JupyterLab leaves on a 1280×720 screen (menus, toolbar, status bar).
MAX_HEIGHT = 600
#: Committed notebooks whose saved widgets must show as controls before any kernel runs (00's check, a slider
#: explorer of the first modules, and explorers of the later ones: drop-downs in 08, a slider in 11).
SAVED = ("00_start_here", "01_pareto", "08_migration", "11_clv", "zh/00_start_here", "zh/11_clv")

pytestmark = pytest.mark.notebook


def _need_browser() -> None:
    missing = browser.chromium_path() is None
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI must run the browser tests: install Chromium (`apt-get install chromium`) and the "
                        "test extra (playwright) — .ci/run does both.")
        pytest.skip("Chromium or playwright is not installed on this machine (`apt-get install chromium`, "
                    "`make test` installs playwright); CI runs these tests.")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    _need_browser()
    folder = tmp_path_factory.mktemp("explorers")
    for e in browser.EXPLORERS:
        nbformat.write(browser.explorer_notebook(e), folder / f"{e.name}.ipynb")
    for name in SAVED:  # as committed: outputs and widget state, never run here
        shutil.copy(ROOT / "notebooks" / f"{name}.ipynb", folder / f"saved_{name.replace('/', '_')}.ipynb")
    # what `make lab` does first: without trust, JupyterLab shows saved widgets as text
    lab_helpers.trust_notebooks(sorted(folder.glob("saved_*.ipynb")))
    with browser.lab_server(folder) as server, browser.browser_page() as page:
        yield server, page


@pytest.mark.parametrize("explorer", browser.EXPLORERS, ids=lambda e: e.name)
def test_explorer_renders_fits_and_reacts(lab, explorer):
    server, page = lab
    box = browser.open_explorer(page, server, f"{explorer.name}.ipynb")
    report = browser.layout_report(box)
    assert report["sliders"] + report["dropdowns"] >= 1, "no controls: the explorer shows as text"
    assert "VBox(children" not in box.inner_text()
    assert report["height"] <= MAX_HEIGHT, f"{report['height']} px tall: taller than a 1280×720 screen shows"
    assert report["width"] <= report["areaWidth"], report
    assert not report["clipped"], f"content cut off in: {report['clipped']}"
    assert not report["overlaps"], f"the chart and a table overlap: {report['overlaps']}"
    for natural, shown in report["images"]:
        assert 0 < shown <= natural, "a chart is stretched (blurred text) or hidden"
    press = browser.time_key_presses(page, box, explorer, presses=1)[0]
    assert press["text_ms"] is not None or press["chart_ms"] is not None, "a key press changed nothing on screen"
    if explorer.name != "start":
        assert press["text_ms"] is not None, "the numbers did not follow the control"


@pytest.mark.parametrize("name", SAVED)
def test_saved_notebook_shows_controls_before_the_kernel_runs(lab, name):
    server, page = lab
    base, token = server.split("|")
    page.goto(f"{base}doc/tree/saved_{name.replace('/', '_')}.ipynb?{token}&reset")
    control = page.locator(".jp-OutputArea-output .widget-slider, .jp-OutputArea-output .widget-dropdown select").first
    control.wait_for(timeout=120_000)
    text = page.locator(".jp-Notebook").inner_text()
    assert "VBox(children" not in text and "IntSlider(" not in text
    if name.endswith("00_start_here"):  # the check stays silent until someone moves the slider
        assert "you moved the slider" not in text and "滑块当前为" not in text
