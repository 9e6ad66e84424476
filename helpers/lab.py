"""Start JupyterLab on the course: ``make lab`` (English) or ``make lab LANG=zh`` (中文版).

One command has to work for a trainer on a laptop, in a Docker container (where
one is root and there is no desktop), and on a cloud training VM reached over
SSH. So the launcher looks at the machine instead of asking:

- run as **root** (containers, VMs): Jupyter refuses without ``--allow-root``,
  so it is added;
- **no desktop browser** (no display, or none registered): Jupyter is told not
  to try one, and the address to open is printed in a box;
- **inside a container**: the server listens on every interface (the token
  still protects it), so the host's published port reaches it;
- the address opens the course's first notebook (``notebooks/00_start_here.ipynb``,
  or ``notebooks/zh/00_start_here.ipynb``), not the Launcher;
- the kit's own notebooks are marked trusted (``jupyter trust``), so their saved widgets show as
  controls before anything runs (JupyterLab shows an untrusted notebook's widgets as text);
- the file browser shows the course folders only: build leftovers
  (``*.egg-info``) and the course machinery (``coursekit``, ``tests``,
  ``locale``, the install files) are hidden.

Command line::

    python -m helpers.lab                 # English edition
    python -m helpers.lab --lang zh       # 中文版
    python -m helpers.lab --start notebooks/04_rfm.ipynb -- --port 9999   # after --: passed to Jupyter
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from helpers.paths import NOTEBOOKS_DIR, ROOT

__all__ = ["HIDDEN", "start_notebook", "has_desktop_browser", "in_container", "lab_command", "trust_notebooks", "split_passthrough", "main"]

#: Names JupyterLab's file browser hides (at any depth): Jupyter's own defaults, build leftovers (the
#: packs, the grader's output, the slide decks: open ``slides/en/*.html`` in a browser, not in the lab) and
#: the course machinery. What stays: README.md and the course folders (notebooks, exercises, solutions,
#: lessons, datasets, helpers), and output/ once the capstone (module 12) has exported a tier list there.
HIDDEN: tuple[str, ...] = (
    "__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*.so", "*.dylib", "*~",
    "*.egg-info", "build", "dist", "grading-output", "slides", "coursekit", "tests", "locale", "conftest.py",
    "Makefile", "pyproject.toml", "environment.yml", "CONTRIBUTING.md",
    "app",  # the no-code app's page and Voila template: served by `make app`, not a notebook to work in
)

# The address Jupyter prints; 0.0.0.0 (all interfaces) cannot be opened, so the 127.0.0.1 line is used then.
_URL = re.compile(r"https?://(?!0\.0\.0\.0)\S+/lab/tree/\S+")


def start_notebook(lang: str = "en", start: str | None = None) -> str:
    """The notebook the lab opens, relative to the kit's folder.

    Parameters
    ----------
    lang : str, default "en"
        ``"en"`` or ``"zh"`` (any value starting with ``zh``, such as a ``zh_CN.UTF-8`` locale, means Chinese).
    start : str, optional
        A notebook chosen by the user (``make lab START=...``); wins over ``lang``.

    Returns
    -------
    str
        A path relative to the kit's folder, with forward slashes.

    Raises
    ------
    FileNotFoundError
        If ``start`` does not exist, naming it.

    Examples
    --------
    >>> start_notebook()
    'notebooks/00_start_here.ipynb'
    >>> start_notebook("zh_CN.UTF-8")
    'notebooks/zh/00_start_here.ipynb'
    """
    if start:
        path = Path(start)
        full = path if path.is_absolute() else ROOT / path
        if not full.exists():
            raise FileNotFoundError(f"START={start}: no such notebook in {ROOT}. "
                                    "Give a path like notebooks/04_rfm.ipynb, or leave START out.")
        return full.resolve().relative_to(ROOT.resolve()).as_posix()
    folder = NOTEBOOKS_DIR / "zh" if str(lang).lower().startswith("zh") else NOTEBOOKS_DIR
    return (folder / "00_start_here.ipynb").relative_to(ROOT).as_posix()


def has_desktop_browser() -> bool:
    """Whether a web browser can open on this machine's screen.

    Linux needs a display (``DISPLAY`` or ``WAYLAND_DISPLAY``) and a registered browser;
    an SSH session or a container has neither. ``BROWSER`` set by the user always counts.

    Returns
    -------
    bool

    Examples
    --------
    >>> isinstance(has_desktop_browser(), bool)
    True
    """
    if os.environ.get("BROWSER"):
        return True
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    import webbrowser

    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def in_container() -> bool:
    """Whether this process runs inside a container (Docker, Podman, Kubernetes).

    Returns
    -------
    bool

    Examples
    --------
    >>> isinstance(in_container(), bool)
    True
    """
    if Path("/.dockerenv").exists() or Path("/run/.containerenv").exists() or os.environ.get("KUBERNETES_SERVICE_HOST"):
        return True
    try:
        cgroup = Path("/proc/1/cgroup").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(word in cgroup for word in ("docker", "kubepods", "containerd", "libpod"))


def lab_command(
    start: str,
    *,
    is_root: bool | None = None,
    browser: bool | None = None,
    container: bool | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The ``jupyter lab`` command line for this machine.

    Parameters
    ----------
    start : str
        The notebook to open, relative to the kit's folder (:func:`start_notebook`).
    is_root : bool, optional
        Running as root; default: asked of the system. Adds ``--allow-root``.
    browser : bool, optional
        A desktop browser can open; default :func:`has_desktop_browser`. Without one: ``--no-browser``.
    container : bool, optional
        Inside a container; default :func:`in_container`. Then the server listens on every interface.
    extra : sequence of str, default ()
        More Jupyter options, added last (they win), e.g. ``["--port", "9999"]``.

    Returns
    -------
    list of str
        The command, starting with this Python's ``jupyter`` (``python -m jupyter lab``).

    Examples
    --------
    >>> cmd = lab_command("notebooks/00_start_here.ipynb", is_root=True, browser=False, container=False)
    >>> "--allow-root" in cmd, "--no-browser" in cmd
    (True, True)
    >>> [a for a in cmd if a.startswith("--LabApp.default_url")]
    ['--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb']
    """
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    browser = has_desktop_browser() if browser is None else browser
    container = in_container() if container is None else container
    hidden = "[" + ", ".join(repr(g) for g in HIDDEN) + "]"
    cmd = [
        sys.executable, "-m", "jupyter", "lab",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.default_url=/lab/tree/{start}",
        f"--ContentsManager.hide_globs={hidden}",
    ]
    if is_root:
        cmd.append("--allow-root")
    if not browser:
        cmd.append("--no-browser")
    if container:
        cmd.append("--ip=0.0.0.0")
    return cmd + list(extra)


def trust_notebooks(paths: Sequence[Path] | None = None) -> int:
    """Mark notebooks as trusted for this user, as ``jupyter trust`` does (the kit's own notebooks by default).

    JupyterLab renders saved widget state (the explorers' controls, before the kernel runs) only in
    trusted notebooks; a notebook from a fresh clone or an unpacked zip is not trusted yet. Trust is
    per user and per notebook content: a notebook changed later is untrusted until it is saved again.

    Parameters
    ----------
    paths : sequence of Path, optional
        Notebooks to trust; default every notebook in ``notebooks/``, ``exercises/`` and ``solutions/``.

    Returns
    -------
    int
        How many notebooks were newly trusted.

    Examples
    --------
    >>> import nbformat, tempfile, uuid
    >>> nb = Path(tempfile.mkdtemp()) / "x.ipynb"
    >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(str(uuid.uuid4()))]), nb)
    >>> trust_notebooks([nb]), trust_notebooks([nb])
    (1, 0)
    """
    import nbformat
    from nbformat.sign import NotebookNotary

    if paths is None:
        paths = [p for folder in ("notebooks", "exercises", "solutions") for p in sorted((ROOT / folder).rglob("*.ipynb"))
                 if ".ipynb_checkpoints" not in p.parts]
    notary = NotebookNotary()
    done = 0
    for path in paths:
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:  # a broken notebook stays untrusted; Jupyter will say why when it is opened
            continue
        if not notary.check_signature(nb):
            notary.sign(nb)
            done += 1
    return done


def split_passthrough(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split a launcher's arguments at ``--``: its own ones, and those passed on to Jupyter or Voila.

    Parameters
    ----------
    argv : sequence of str
        The command-line arguments.

    Returns
    -------
    tuple of list
        The launcher's arguments and the ones after ``--``.

    Examples
    --------
    >>> split_passthrough(["--lang", "zh", "--", "--port=9000"])
    (['--lang', 'zh'], ['--port=9000'])
    """
    argv = list(argv)
    if "--" not in argv:
        return argv, []
    i = argv.index("--")
    return argv[:i], argv[i + 1:]


def _banner(url: str, lang: str) -> str:
    zh = str(lang).startswith("zh")
    head = "在浏览器中打开这个地址：" if zh else "Open this address in your browser:"
    stop = "停止：在这个终端按两次 Ctrl+C。" if zh else "To stop: press Ctrl+C twice in this terminal."
    line = "=" * max(len(url), 40)
    return f"\n{line}\n{head}\n{url}\n{stop}\n{line}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Start JupyterLab on the course (what ``make lab`` runs).

    Parameters
    ----------
    argv : sequence of str, optional
        Command-line arguments; default ``sys.argv[1:]``. Everything after ``--`` goes to Jupyter.

    Returns
    -------
    int
        Jupyter's exit status.
    """
    argv, extra = split_passthrough(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m helpers.lab", description="Start JupyterLab on the course.")
    parser.add_argument("--lang", default="en", help='"en" or "zh" (a zh_* locale also means Chinese)')
    parser.add_argument("--start", default="", help="a notebook to open instead of 00_start_here")
    parser.add_argument("--print-command", action="store_true", help="print the Jupyter command and stop")
    args = parser.parse_args(argv)
    try:
        start = start_notebook(args.lang, args.start or None)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    cmd = lab_command(start, extra=extra)
    if args.print_command:
        print(" ".join(cmd))
        return 0
    if shutil.which("jupyter") is None and not Path(sys.executable).with_name("jupyter").exists():
        print("JupyterLab is not installed in this Python: run `make lab` (it installs it) or `pip install -e .`.",
              file=sys.stderr)
        return 2
    try:
        trust_notebooks()
    except Exception as exc:  # never block the lab: the widgets then show as text until a notebook is run
        print(f"[make lab] could not mark the notebooks as trusted ({exc}); widgets show once a notebook runs")
    notes = []
    if "--allow-root" in cmd:
        notes.append("running as root (a container or VM): --allow-root")
    if "--no-browser" in cmd:
        notes.append("no desktop browser here: --no-browser; the address to open is printed below")
    if "--ip=0.0.0.0" in cmd:
        notes.append("inside a container: listening on all interfaces (publish the port, e.g. docker run -p 8888:8888)")
    for note in notes:
        print(f"[make lab] {note}", flush=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True, bufsize=1)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches Jupyter, which asks to confirm

    def stop(signum: int, frame: object) -> None:  # terminated (e.g. a container stopping): stop Jupyter too
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    shown = False
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            sys.stderr.write(line)
            match = _URL.search(line)
            if match and not shown and "token=" in match.group(0):
                shown = True
                print(_banner(match.group(0), args.lang), flush=True)
        return proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    sys.exit(main())
