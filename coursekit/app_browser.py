"""Drive the no-code tiering app in a real browser: Voila as ``make app`` starts it, headless Chromium, playwright.

Used by ``tests/test_app_browser.py`` (upload, change a column, read the summary, download the tier
list, a bad file's plain message, no request leaves the machine) and ``tests/benchmarks/bench_app.py``
(upload-to-summary time).

The browser is Debian's ``chromium`` package (``apt-get install chromium``; ``.ci/system-packages``
installs it), started by playwright with ``executable_path``: no browser is ever downloaded.
"""

from __future__ import annotations

import re
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coursekit.browser import chromium_path
from helpers.app import app_command, app_env
from helpers.paths import ROOT

__all__ = ["VIEWPORT", "chromium_path", "serve_app", "browser_page", "open_app", "upload", "wait_done",
           "run_number", "select_column", "selected", "download", "remote_references"]

#: A small laptop screen: the app must fit it.
VIEWPORT = {"width": 1366, "height": 768}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(lang: str = "en", timeout_s: float = 90) -> Iterator[str]:
    """Voila serving the app with the command and environment ``make app`` uses, on a free port.

    Parameters
    ----------
    lang : str, default "en"
        The language the app opens in.
    timeout_s : float, default 90
        How long Voila may take to answer.

    Yields
    ------
    str
        The app's address, ``http://127.0.0.1:PORT/``.
    """
    port = _free_port()
    cmd = app_command(port=port, browser=False, container=False, extra=["--Voila.port_retries=0"])
    with tempfile.TemporaryDirectory(prefix="tiering-app-voila-") as home:
        log_path = Path(home) / "voila.log"
        env = app_env(lang)
        env["JUPYTER_RUNTIME_DIR"] = str(Path(home) / "runtime")
        with log_path.open("w") as log:
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            base = f"http://127.0.0.1:{port}/"
            try:
                deadline = time.monotonic() + timeout_s
                while True:
                    if proc.poll() is not None:
                        raise RuntimeError(f"Voila stopped: {log_path.read_text()[-3000:]}")
                    try:
                        urllib.request.urlopen(f"{base}voila/static/voila.js", timeout=5).close()
                        break
                    except (urllib.error.URLError, OSError):
                        if time.monotonic() > deadline:
                            raise RuntimeError(f"Voila did not answer within {timeout_s:.0f} s: "
                                               f"{log_path.read_text()[-3000:]}") from None
                        time.sleep(0.25)
                yield base
            finally:
                proc.terminate()
                try:
                    proc.wait(15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(5)


@contextmanager
def browser_page(executable: str | None = None) -> Iterator[object]:
    """A headless Chromium page of 1366×768 (playwright, Debian's Chromium) that accepts downloads.

    Parameters
    ----------
    executable : str, optional
        The browser; default :func:`chromium_path`.

    Yields
    ------
    playwright Page
        ``page.requests`` lists the address of every request the page made.
    """
    from playwright.sync_api import sync_playwright

    executable = executable or chromium_path()
    if executable is None:
        raise RuntimeError("Chromium is not installed: `apt-get install chromium` (Debian/Ubuntu).")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1, accept_downloads=True)
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.requests = requests
            yield page
        finally:
            browser.close()


def open_app(page: object, url: str, timeout_s: float = 120) -> object:
    """Open the app and wait until its widgets are shown.

    Parameters
    ----------
    page : playwright Page
        From :func:`browser_page`.
    url : str
        From :func:`serve_app` (a query such as ``?lang=zh`` may follow).
    timeout_s : float, default 120
        How long the kernel may take to start and build the app.

    Returns
    -------
    playwright Locator
        The app's outermost box.
    """
    page.goto(url, timeout=timeout_s * 1000)
    box = page.locator(".kit-tiering-app").first
    box.wait_for(timeout=timeout_s * 1000)
    return box


def run_number(page: object) -> int:
    """The number of the app's latest read (from the status line's ``kit-run-N`` tag; 0 before any).

    Parameters
    ----------
    page : playwright Page

    Returns
    -------
    int
    """
    classes = page.locator(".kit-app-status").first.get_attribute("class") or ""
    found = re.findall(r"kit-run-(\d+)", classes)
    return int(found[0]) if found else 0


def wait_done(page: object, after: int, timeout_s: float = 120) -> str:
    """Wait until a read newer than ``after`` has ended; say how.

    Parameters
    ----------
    page : playwright Page
    after : int
        :func:`run_number` before the action that starts the read.
    timeout_s : float, default 120

    Returns
    -------
    str
        ``"ready"`` (the summary is shown) or ``"failed"`` (a message is shown).
    """
    deadline = time.monotonic() + timeout_s
    status = page.locator(".kit-app-status").first
    while True:
        classes = status.get_attribute("class") or ""
        found = re.findall(r"kit-run-(\d+)", classes)
        if found and int(found[0]) > after:
            if "kit-ready" in classes.split():
                return "ready"
            if "kit-failed" in classes.split():
                return "failed"
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not finish reading within {timeout_s:.0f} s (status: {classes})")
        page.wait_for_timeout(50)


def upload(page: object, path: Path) -> None:
    """Choose ``path`` in the app's upload button (as a person picking the file would).

    Parameters
    ----------
    page : playwright Page
    path : Path
        The file.
    """
    with page.expect_file_chooser() as chooser:  # the widget's file input lives outside the page's tree
        page.locator(".kit-tiering-app .widget-upload").first.click()
    chooser.value.set_files(str(path))


def select_column(page: object, role_label: str, column: str) -> None:
    """Pick ``column`` in the drop-down labelled ``role_label`` (e.g. "Amount paid").

    Parameters
    ----------
    page : playwright Page
    role_label : str
        The drop-down's label as shown.
    column : str
        The option to choose.
    """
    select = page.locator(".kit-tiering-app .widget-dropdown").filter(
        has=page.get_by_text(role_label, exact=True)).locator("select")
    texts = [t.replace("\xa0", " ") for t in select.locator("option").all_inner_texts()]  # the widget's spaces are nbsp
    select.select_option(index=texts.index(column))


def selected(page: object, role_label: str) -> str:
    """The option shown in the drop-down labelled ``role_label``.

    Parameters
    ----------
    page : playwright Page
    role_label : str

    Returns
    -------
    str
    """
    select = page.locator(".kit-tiering-app .widget-dropdown").filter(
        has=page.get_by_text(role_label, exact=True)).locator("select")
    return select.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")


def download(page: object, kind: str = "csv", timeout_s: float = 60) -> tuple[str, bytes]:
    """Click the app's download link of ``kind`` and return the file's name and bytes.

    Parameters
    ----------
    page : playwright Page
    kind : {"csv", "xlsx"}
    timeout_s : float, default 60

    Returns
    -------
    (str, bytes)
    """
    link = page.locator(f".kit-tiering-app a.kit-download-{kind}").first
    with page.expect_download(timeout=timeout_s * 1000) as info:
        link.click()
    done = info.value
    return done.suggested_filename, Path(done.path()).read_bytes()


_REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']((?:https?:)?//[^"']+)|url\(\s*["']?((?:https?:)?//[^"')]+)""", re.I)


def remote_references(html: str, requests: list[str], base: str) -> list[str]:
    """Addresses in ``html`` (src, href, CSS url()) and ``requests`` that are not on the app's own server.

    XML namespace names (``xmlns="http://www.w3.org/2000/svg"``) are names, not requests, and are not counted;
    ``data:`` and ``blob:`` addresses of the page itself are local.

    Parameters
    ----------
    html : str
        The page's HTML.
    requests : list of str
        Every address the browser requested.
    base : str
        The app's address (``http://127.0.0.1:PORT/``).

    Returns
    -------
    list of str
        The remote addresses, each once, in order of appearance (empty when the app is offline).

    Examples
    --------
    >>> page = '<svg xmlns="http://www.w3.org/2000/svg"></svg><link href="https://cdn.example/x.css">'
    >>> remote_references(page, ["http://127.0.0.1:1/a.js", "blob:http://127.0.0.1:1/b"], "http://127.0.0.1:1/")
    ['https://cdn.example/x.css']
    """
    origin = base.rstrip("/")
    found = [a or b for a, b in _REMOTE.findall(html)]
    found += [u for u in requests if not u.startswith(("data:", f"blob:{origin}"))]
    remote = [u for u in found if not u.startswith(origin)]
    return list(dict.fromkeys(remote))
