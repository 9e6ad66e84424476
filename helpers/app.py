"""Serve the no-code tiering app with Voila: ``make app`` (English) or ``make app LANG=zh`` (中文版).

A trainer starts it once; salespeople open the address in a browser, upload their export and
download the tier list, without seeing any code. Voila runs ``app/tiering_app.ipynb`` in a fresh
kernel for every visitor (one visitor never sees another's file) and shows only its widgets.

Like ``make lab`` (and with :mod:`helpers.lab`'s tests of the machine), one command has to work on a laptop,
in a container and on a VM reached over SSH:

- **no desktop browser** (no display, or none registered): Voila is told not to open one, and the
  address to open is printed in a box;
- **inside a container**: the server listens on every interface (publish the port, e.g.
  ``docker run -p 8866:8866``) and asks for a random token, printed with the address;
- **root** needs nothing special: Voila, unlike JupyterLab, does not refuse it.

Offline: the page is rendered with the kit's Voila template (``app/jupyter/voila/templates/tiering``),
which leaves out the stylesheet links Voila's own template takes from a CDN; everything else (the
widget manager, requirejs, fonts) is served by Voila itself. Code cells and tracebacks are never shown.

Command line::

    python -m helpers.app                 # English
    python -m helpers.app --lang zh       # 中文版
    python -m helpers.app -- --port 9000  # after --: passed to Voila
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import urllib.parse
from collections.abc import Mapping, Sequence
from pathlib import Path

from helpers.lab import has_desktop_browser, in_container, split_passthrough
from helpers.paths import ROOT

__all__ = ["APP_NOTEBOOK", "TEMPLATE", "TEMPLATE_ROOT", "DEFAULT_PORT", "app_language", "app_command", "app_env", "main"]

#: The notebook Voila serves.
APP_NOTEBOOK: Path = ROOT / "app" / "tiering_app.ipynb"
#: The kit's Voila template (Voila's lab template without its CDN links) and the folder Jupyter finds it in.
TEMPLATE: str = "tiering"
TEMPLATE_ROOT: Path = ROOT / "app" / "jupyter"
#: The kit's Chinese font as the page fetches it (/voila/files/ + this path): the template's @font-face.
FONT_URL_PATH: str = "helpers/fonts/TieringKitSansSC-Regular.otf"
#: Voila's usual port; the next free one is taken when it is busy.
DEFAULT_PORT: int = 8866
#: Uploads travel over the kernel's websocket: allow the app's largest file (helpers.widgets.app.MAX_UPLOAD_MB).
_WEBSOCKET_BYTES = 256 * 1024 * 1024

_URL = re.compile(r"https?://\S+")


def app_language(query: str = "", default: str = "en") -> str:
    """The app's language from the page address (``?lang=zh``), else ``default``.

    Parameters
    ----------
    query : str, default ""
        The address's query string (Voila gives it to the kernel as ``QUERY_STRING``).
    default : str, default "en"
        The language the app was started in (``make app LANG=zh``); a ``zh_*`` locale counts as Chinese.

    Returns
    -------
    str
        ``"en"`` or ``"zh"``.

    Examples
    --------
    >>> app_language("lang=zh"), app_language("", "zh_CN.UTF-8"), app_language("lang=fr")
    ('zh', 'zh', 'en')
    """
    asked = urllib.parse.parse_qs(query or "").get("lang", [default])[0]
    return "zh" if str(asked).lower().startswith("zh") else "en"


def app_command(
    *,
    port: int = DEFAULT_PORT,
    browser: bool | None = None,
    container: bool | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The ``voila`` command line that serves the app on this machine.

    Parameters
    ----------
    port : int, default 8866
        The port to listen on (Voila takes the next free one when it is busy).
    browser : bool, optional
        A desktop browser can open; default :func:`helpers.lab.has_desktop_browser` (as ``make lab`` decides).
        Without one: ``--no-browser``.
    container : bool, optional
        Inside a container; default :func:`helpers.lab.in_container`. Then Voila listens on every interface
        and asks for a token.
    extra : sequence of str, default ()
        More Voila options, added last (they win), e.g. ``["--port=9000"]``.

    Returns
    -------
    list of str
        The command, starting with this Python (``python -m voila``).

    Examples
    --------
    >>> cmd = app_command(browser=False, container=False)
    >>> cmd[1:4], "--no-browser" in cmd, "--template=tiering" in cmd
    (['-m', 'voila', 'app/tiering_app.ipynb'], True, True)
    >>> "--Voila.ip=0.0.0.0" in app_command(browser=False, container=True)
    True
    >>> [a for a in app_command(browser=False, container=False, extra=["--port=9000"]) if "port=" in a]
    ['--port=9000']
    """
    browser = has_desktop_browser() if browser is None else browser
    container = in_container() if container is None else container
    cmd = [
        sys.executable, "-m", "voila", APP_NOTEBOOK.relative_to(ROOT).as_posix(),
        f"--template={TEMPLATE}",
        "--theme=light",
        "--VoilaConfiguration.show_tracebacks=False",
        "--strip_sources=True",
        # the one file of the kit the page may fetch besides Voila's own: its Chinese font (the template's @font-face)
        f"--Voila.root_dir={ROOT}",
        f"--VoilaConfiguration.file_allowlist={re.escape(FONT_URL_PATH)}",
        f"--Voila.tornado_settings={{'websocket_max_message_size': {_WEBSOCKET_BYTES}}}",
    ]
    if not any(a.startswith(("--port", "--Voila.port=")) for a in extra):  # a port given to Voila wins
        cmd.append(f"--port={port}")
    if not browser:
        cmd.append("--no-browser")
    if container:
        cmd += ["--Voila.ip=0.0.0.0", "--token"]
    return cmd + list(extra)


def app_env(lang: str = "en", base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment Voila runs in: the kit's template found first, and the app's default language.

    Parameters
    ----------
    lang : str, default "en"
        The language the app opens in (a visitor can switch with the link at its top).
    base : mapping, optional
        The environment to start from; default ``os.environ``.

    Returns
    -------
    dict
        ``JUPYTER_PATH`` with :data:`TEMPLATE_ROOT` in front, ``TIERING_APP_LANG`` and the rest of ``base``.

    Examples
    --------
    >>> env = app_env("zh", base={"JUPYTER_PATH": "/x"})
    >>> env["TIERING_APP_LANG"], env["JUPYTER_PATH"].split(os.pathsep)[1]
    ('zh', '/x')
    """
    env = dict(os.environ if base is None else base)
    paths = [str(TEMPLATE_ROOT)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env["TIERING_APP_LANG"] = app_language("", lang)
    # traitlets' note that dict options on the command line are an old syntax: not for a trainer's terminal
    env["PYTHONWARNINGS"] = ",".join(w for w in (env.get("PYTHONWARNINGS", ""),
                                                 "ignore::DeprecationWarning:traitlets.traitlets") if w)
    return env


def _banner(url: str, lang: str) -> str:
    zh = lang == "zh"
    head = "在浏览器中打开这个地址（销售同事用同一个地址）：" if zh else "Open this address in a browser (salespeople use the same one):"
    stop = "停止：在这个终端按 Ctrl+C。" if zh else "To stop: press Ctrl+C in this terminal."
    urls = [url]
    host = urllib.parse.urlsplit(url).hostname or ""
    if host not in ("localhost", "127.0.0.1"):  # a container's or VM's name: from this machine, localhost works
        urls.append(url.replace(f"//{host}", "//localhost", 1) + ("（本机）" if zh else "   (on this machine)"))
    line = "=" * max(max(len(u) for u in urls), 40)
    return f"\n{line}\n{head}\n" + "\n".join(urls) + f"\n{stop}\n{line}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Serve the app (what ``make app`` runs) until Ctrl+C.

    Parameters
    ----------
    argv : sequence of str, optional
        Command-line arguments; default ``sys.argv[1:]``. Everything after ``--`` goes to Voila.

    Returns
    -------
    int
        Voila's exit status.
    """
    argv, extra = split_passthrough(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m helpers.app", description="Serve the no-code tiering app.")
    parser.add_argument("--lang", default="en", help='"en" or "zh" (a zh_* locale also means Chinese)')
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on (default 8866)")
    parser.add_argument("--print-command", action="store_true", help="print the Voila command and stop")
    args = parser.parse_args(argv)
    lang = app_language("", args.lang)
    cmd = app_command(port=args.port, extra=extra)
    if args.print_command:
        print(" ".join(cmd))
        return 0
    try:
        import voila  # noqa: F401
    except ImportError:
        print("Voila is not installed in this Python: run `make app` (it installs it) or `pip install -e '.[app]'`.",
              file=sys.stderr)
        return 2
    if "--no-browser" in cmd:
        print("[make app] no desktop browser here: the address to open is printed below", flush=True)
    if "--Voila.ip=0.0.0.0" in cmd:
        port = next((a.split("=", 1)[1] for a in cmd if a.startswith(("--port=", "--Voila.port="))), args.port)
        print("[make app] inside a container: listening on all interfaces with a token "
              f"(publish the port, e.g. docker run -p {port}:{port})", flush=True)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=app_env(lang), stderr=subprocess.PIPE, text=True, bufsize=1)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches Voila, which stops

    def stop(signum: int, frame: object) -> None:  # terminated (e.g. a container stopping): stop Voila too
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    shown, announced = False, False
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            sys.stderr.write(line)
            announced = announced or "running at" in line.lower()  # Voila prints the address on the next line
            match = _URL.search(line)
            if match and not shown and announced:
                shown = True
                url = match.group(0).replace("0.0.0.0", "127.0.0.1")
                if lang == "zh":
                    url += ("&" if "?" in url else "?") + "lang=zh"
                print(_banner(url, lang), flush=True)
        return proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    sys.exit(main())
