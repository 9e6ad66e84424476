"""Drive the explorers in a real browser: JupyterLab + a kernel, headless Chromium, playwright.

Used by ``tests/test_browser.py`` (each explorer renders as controls, fits 1280×720,
clips nothing and reacts to a key press) and ``tests/benchmarks/bench_explorers_browser.py``
(median time from a key press to the chart *and* the numbers being redrawn).

Why JupyterLab and not Voila: it is what learners use (``make lab``), it is already a
dependency, and its ``/doc`` single-document view shows one notebook at the size a
projector gives it. Each explorer runs in a small notebook made from its teaching
notebook: the code cells before the explorer (run silently) and the explorer cell.

The browser is Debian's ``chromium`` package (``apt-get install chromium``), started by
playwright with ``executable_path``; no browser is downloaded (``playwright install`` is
never needed).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers.paths import NOTEBOOKS_DIR

__all__ = ["Explorer", "EXPLORERS", "chromium_path", "explorer_notebook", "lab_server", "browser_page",
           "open_explorer", "layout_report", "time_key_presses"]

VIEWPORT = {"width": 1280, "height": 720}


@dataclass(frozen=True)
class Explorer:
    """One explorer as the browser drives it.

    Parameters
    ----------
    name : str
        Its ``helpers.widgets`` module.
    notebook : str
        The teaching notebook that shows it.
    control : str
        ``"slider"`` (arrow keys on the first slider's handle) or ``"dropdown"`` (End / Home on the first
        drop-down: JupyterLab keeps the up and down arrows for moving between cells).
    key : str
        The key pressed.
    """

    name: str
    notebook: str
    control: str
    key: str = "ArrowRight"


EXPLORERS: tuple[Explorer, ...] = (
    Explorer("start", "00_start_here", "slider"),
    Explorer("pareto", "01_pareto", "slider"),
    Explorer("abc", "02_abc", "slider", "ArrowLeft"),
    Explorer("contribution", "03_contribution", "slider"),
    Explorer("rfm", "04_rfm", "slider", "ArrowLeft"),
    Explorer("lifecycle", "05_lifecycle", "slider"),
    Explorer("loyalty", "06_loyalty", "dropdown", "End"),
    Explorer("relationship", "07_relationship", "dropdown", "End"),
    Explorer("migration", "08_migration", "dropdown", "End"),
    Explorer("allocation", "09_allocation", "slider"),
    Explorer("lift", "10_lift", "slider"),
    Explorer("clv", "11_clv", "slider"),
    Explorer("capstone", "12_capstone", "dropdown", "End"),
)


def chromium_path() -> str | None:
    """Debian's Chromium (or ``CHROMIUM`` from the environment), or None when it is not installed.

    Returns
    -------
    str or None

    Examples
    --------
    >>> path = chromium_path()
    >>> path is None or Path(path).exists()
    True
    """
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def explorer_notebook(explorer: Explorer, lang: str = "en") -> nbformat.NotebookNode:
    """A one-cell notebook: the teaching notebook's code before the explorer, run silently, then the explorer.

    Parameters
    ----------
    explorer : Explorer
        Which explorer.
    lang : str, default "en"
        Language of the explorer's labels.

    Returns
    -------
    NotebookNode

    Examples
    --------
    >>> nb = explorer_notebook(EXPLORERS[1])
    >>> nb.cells[0].source.splitlines()[-1]
    'ParetoExplorer(per_customer, measure=measures, lang=chart_lang)'
    """
    nb = nbformat.read(NOTEBOOKS_DIR / f"{explorer.notebook}.ipynb", as_version=4)
    setup = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "Explorer(" in cell.source or "widget_check(" in cell.source:
            break
        setup.append(cell.source)
    else:
        raise ValueError(f"{explorer.notebook}: no explorer cell found")
    if setup and setup[0].lstrip().startswith("lang"):  # the parameters cell: its lang line set, the rest kept
        setup[0] = "\n".join(f'lang = "{lang}"' if line.startswith("lang ") or line.startswith("lang=") else line
                              for line in setup[0].splitlines())
    code = ("from IPython.utils.capture import capture_output\n"
            f"_SETUP = {json.dumps(chr(10).join(setup))}\n"
            "with capture_output():\n"
            "    exec(compile(_SETUP, 'setup', 'exec'), globals())\n"
            "    __import__('matplotlib.pyplot').pyplot.close('all')  # the notebook's charts: not shown here\n"
            + cell.source)
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def lab_server(folder: Path) -> Iterator[str]:
    """A JupyterLab server on ``folder`` (free port, random token); yields its base URL with ``?token=``.

    Parameters
    ----------
    folder : Path
        The server's root (the explorer notebooks).

    Yields
    ------
    str
        ``http://127.0.0.1:PORT/`` and the token as ``token=...``, joined by ``|``.
    """
    port, token = _free_port(), secrets.token_hex(8)
    home = folder / ".home"
    home.mkdir(exist_ok=True)
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)  # no "news?" pop-up over the explorer
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(home / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"))
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--port-retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (folder / ".home" / "lab.log").open("w")
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped: {(folder / '.home' / 'lab.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{base}api/status?token={token}", timeout=5).close()
                break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError("JupyterLab did not answer within 60 s")
        yield f"{base}|token={token}"
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def browser_page(executable: str | None = None) -> Iterator[object]:
    """A headless Chromium page of 1280×720 (playwright, Debian's Chromium).

    Parameters
    ----------
    executable : str, optional
        The browser; default :func:`chromium_path`.

    Yields
    ------
    playwright Page
    """
    from playwright.sync_api import sync_playwright

    executable = executable or chromium_path()
    if executable is None:
        raise RuntimeError("Chromium is not installed: `apt-get install chromium` (Debian/Ubuntu).")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
            yield page
        finally:
            browser.close()


def open_explorer(page: object, server: str, path: str, timeout_s: float = 120) -> object:
    """Open ``path`` in JupyterLab's single-document view, run its cell, wait for the explorer.

    Parameters
    ----------
    page : playwright Page
        From :func:`browser_page`.
    server : str
        From :func:`lab_server`.
    path : str
        The notebook, relative to the server's root.
    timeout_s : float
        How long the kernel may take to start and build the explorer.

    Returns
    -------
    playwright Locator
        The explorer's outermost widget box.
    """
    base, token = server.split("|")
    page.goto(f"{base}doc/tree/{path}?{token}&reset")
    cell = page.locator(".jp-Notebook .jp-CodeCell").first
    cell.wait_for(timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while True:  # the notebook's kernel has started and is idle
        with urllib.request.urlopen(f"{base}api/sessions?{token}", timeout=10) as r:
            sessions = json.load(r)
        if any(s.get("path") == path and s["kernel"].get("execution_state") == "idle" for s in sessions):
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"the kernel of {path} did not start: {sessions}")
        time.sleep(0.25)
    page.wait_for_timeout(500)
    cell.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    box = page.locator(".jp-OutputArea-output .widget-vbox, .jp-OutputArea-output .jupyter-widgets.widget-box").first
    box.wait_for(timeout=timeout_s * 1000)
    page.wait_for_timeout(300)
    return box


_LAYOUT_JS = """
(box) => {
  const r = box.getBoundingClientRect();
  const area = box.closest('.jp-OutputArea-output').getBoundingClientRect();
  const clipped = [];
  for (const el of box.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    if ((el.scrollWidth > el.clientWidth + 1 && ['hidden', 'clip', 'auto', 'scroll'].includes(s.overflowX)) ||
        (el.scrollHeight > el.clientHeight + 1 && ['hidden', 'clip', 'auto', 'scroll'].includes(s.overflowY))) {
      clipped.push(el.className || el.tagName);
    }
  }
  const imgs = [...box.querySelectorAll('img')].map(i => i.getBoundingClientRect());
  const others = [...box.querySelectorAll('table, .widget-html-content')].map(t => t.getBoundingClientRect());
  const overlaps = [];
  for (const a of imgs) for (const b of others) {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) overlaps.push([Math.round(w), Math.round(h)]);
  }
  const imgShown = [...box.querySelectorAll('img')].map(i => [i.naturalWidth, Math.round(i.getBoundingClientRect().width)]);
  return {width: Math.round(r.width), height: Math.round(r.height), areaWidth: Math.round(area.width),
          clipped, overlaps, images: imgShown,
          sliders: box.querySelectorAll('.widget-slider, .widget-hslider').length,
          dropdowns: box.querySelectorAll('select').length};
}
"""


def layout_report(box: object) -> dict:
    """Size of the explorer, what inside it overflows a clipping box, and image/table overlaps.

    Parameters
    ----------
    box : playwright Locator
        From :func:`open_explorer`.

    Returns
    -------
    dict
        ``width``, ``height`` (px), ``areaWidth`` (the output area's width), ``clipped`` (class names of
        elements whose content overflows a box that hides or scrolls it), ``overlaps`` (image × table
        overlaps in px), ``images`` (natural vs shown width), ``sliders``, ``dropdowns``.
    """
    return box.evaluate(_LAYOUT_JS)


_WATCH_JS = """
(box) => {
  window.__kit = {key: null, img: [], text: []};
  document.addEventListener('keydown', e => { window.__kit.key = performance.now(); }, {capture: true});
  for (const img of box.querySelectorAll('img')) {
    img.addEventListener('load', () => window.__kit.img.push(performance.now()));
  }
  const texts = [...box.querySelectorAll('.widget-html-content, .widget-readout')];
  const obs = new MutationObserver(() => window.__kit.text.push(performance.now()));
  for (const t of texts) obs.observe(t, {childList: true, subtree: true, characterData: true});
}
"""


def time_key_presses(page: object, box: object, explorer: Explorer, presses: int = 20,
                     settle_ms: int = 300) -> list[dict]:
    """Press the explorer's key ``presses`` times; per press, when the chart and the numbers were redrawn.

    Parameters
    ----------
    page : playwright Page
    box : playwright Locator
        From :func:`open_explorer`.
    explorer : Explorer
        Which control and key.
    presses : int
        Number of key presses.
    settle_ms : int
        After the first update of a press arrived, wait this long for the rest (chart and numbers).

    Returns
    -------
    list of dict
        Per press: ``chart_ms`` (key down to the new chart image loaded), ``text_ms`` (to the last change of
        a sentence, table or readout), ``ms`` (the later of the two); None where nothing changed.
    """
    if explorer.control == "slider":
        control = box.locator(".noUi-handle").first
    else:
        control = box.locator("select").first
    control.focus()
    box.evaluate(_WATCH_JS)

    def press(key: str) -> dict:
        page.evaluate("() => { window.__kit.img = []; window.__kit.text = []; window.__kit.key = null; }")
        control.press(key)
        waited = 0
        while waited < 10_000:  # until the kernel's answer arrived, then a little longer for the rest of it
            k = page.evaluate("() => window.__kit")
            if k["text"] or k["img"]:
                break
            page.wait_for_timeout(25)
            waited += 25
        page.wait_for_timeout(settle_ms)
        return page.evaluate("() => window.__kit")

    back = {"ArrowDown": "ArrowUp", "ArrowUp": "ArrowDown", "ArrowLeft": "ArrowRight", "ArrowRight": "ArrowLeft",
            "End": "Home", "Home": "End"}
    press(explorer.key)  # warm-up (first comm message, first draw): not counted
    press(back[explorer.key])
    results = []
    for i in range(presses):
        key = explorer.key if i % 2 == 0 else back[explorer.key]  # back and forth: never stuck at an end
        k = press(key)
        chart = max(k["img"]) - k["key"] if k["img"] and k["key"] is not None else None
        text = max(k["text"]) - k["key"] if k["text"] and k["key"] is not None else None
        done = [t for t in (chart, text) if t is not None]
        results.append({"chart_ms": chart, "text_ms": text, "ms": max(done) if done else None})
    return results
