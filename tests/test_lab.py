"""`make lab`: the server starts as root and as a plain user, opens 00 and shows only the course folders."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import lab

ROOT = Path(__file__).resolve().parent.parent
#: What a learner should see at the top of JupyterLab's file browser (that exists in this checkout); output/
#: holds the tier lists the capstone (module 12) exports, which learners download from there.
COURSE_ENTRIES = {"README.md", "notebooks", "exercises", "solutions", "lessons", "datasets", "helpers", "output"}

pytestmark = pytest.mark.notebook  # starts a Jupyter server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path: Path, *, user: str | None = None, lang: str = "en") -> tuple[str, list[str], str]:
    """Start `python -m helpers.lab` (as `user` when given), return (banner URL, top-level listing, log)."""
    port, token = _free_port(), secrets.token_hex(8)
    home = tmp_path / f"home-{user or 'me'}"
    home.mkdir()
    home.chmod(0o777)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env.update(HOME=str(home), JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_DATA_DIR=str(home / "data"),
               IPYTHONDIR=str(home / "ipython"), PYTHONDONTWRITEBYTECODE="1")
    cmd = [sys.executable, "-m", "helpers.lab", "--lang", lang, "--",
           "--port", str(port), "--port-retries=0", f"--IdentityProvider.token={token}", "--no-browser"]
    if user:
        cmd = ["runuser", "-u", user, "--", "env", *[f"{k}={v}" for k, v in env.items()], *cmd]
    log = tmp_path / f"lab-{user or 'me'}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        listing = None
        for _ in range(240):  # up to 60 s for a cold start on a busy machine
            if proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents?token={token}", timeout=5) as r:
                    listing = [c["name"] for c in json.load(r)["content"]]
                break
            except OSError:
                time.sleep(0.25)
        text = log.read_text()
        for _ in range(40):  # the banner follows the "running at" lines
            match = re.search(r"^(https?://\S+/lab/tree/\S+)$", text, re.M)
            if match or proc.poll() is not None:
                break
            time.sleep(0.25)
            text = log.read_text()
        assert listing is not None, f"the server did not answer; its log:\n{text}"
        assert match, f"no address printed; the log:\n{text}"
        return match.group(1), listing, text
    finally:
        proc.terminate()  # the launcher stops its Jupyter server when it is terminated
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        try:  # nothing of the session may outlive the test (a server left running would hold its port)
            os.killpg(proc.pid, 15)
        except ProcessLookupError:
            pass


def test_lab_serves_the_course_and_opens_00(tmp_path):
    url, listing, log = _serve(tmp_path)
    assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in url
    assert "://0.0.0.0" not in url  # an address a browser can open
    # output/ appears when a capstone run (possibly a parallel test) exports its tier list: allowed, never required
    assert set(listing) - {"output"} == {e for e in COURSE_ENTRIES - {"output"} if (ROOT / e).exists()}, listing
    assert not any(name.endswith(".egg-info") for name in listing)
    is_root = os.geteuid() == 0
    assert ("--allow-root" in log) == is_root


def test_lab_opens_the_chinese_start_page(tmp_path):
    url, _, _ = _serve(tmp_path, lang="zh")
    assert "/lab/tree/notebooks/zh/00_start_here.ipynb?token=" in url


def _runs_as_nobody() -> str:
    """Why the lab cannot be started as `nobody` here ("" when it can)."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        return "needs root and runuser to start the lab as an unprivileged user"
    probe = subprocess.run(["runuser", "-u", "nobody", "--", sys.executable, "-c", "import helpers.lab"],
                           cwd="/", capture_output=True, text=True)
    if probe.returncode:
        return f"user nobody cannot run this Python ({sys.executable}): {probe.stderr.strip()[-200:]}"
    return ""


def test_lab_runs_as_an_unprivileged_user(tmp_path):
    reason = _runs_as_nobody()
    if reason:
        pytest.skip(reason)
    tmp_path.chmod(0o777)
    url, listing, log = _serve(tmp_path, user="nobody")
    assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in url
    assert "--allow-root" not in log
    assert "notebooks" in listing


def test_lab_command_adapts_to_the_machine():
    start = lab.start_notebook("en")
    root_box = lab.lab_command(start, is_root=True, browser=False, container=True)
    laptop = lab.lab_command(start, is_root=False, browser=True, container=False)
    assert {"--allow-root", "--no-browser", "--ip=0.0.0.0"} <= set(root_box)
    assert not {"--allow-root", "--no-browser", "--ip=0.0.0.0"} & set(laptop)
    assert lab.lab_command(start, is_root=False, browser=True, container=False, extra=["--port", "9"])[-2:] == ["--port", "9"]


def test_start_notebook_keeps_start_and_refuses_a_missing_one():
    assert lab.start_notebook("zh", "notebooks/04_rfm.ipynb") == "notebooks/04_rfm.ipynb"
    with pytest.raises(FileNotFoundError, match="START=notebooks/nope.ipynb"):
        lab.start_notebook("en", "notebooks/nope.ipynb")


def test_makefile_passes_the_language_to_the_launcher():
    out = subprocess.run(["make", "-n", "-o", ".venv/.installed-lab", "lab", "LANG=zh"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "helpers.lab --lang zh" in out
    out = subprocess.run(["make", "-n", "-o", ".venv/.installed-lab", "lab", "LANG=en_US.UTF-8", "START=notebooks/01_pareto.ipynb"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--lang en" in out and '--start "notebooks/01_pareto.ipynb"' in out


def test_pyproject_license_is_an_spdx_string():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"  # a table makes setuptools print a deprecation banner on every install
