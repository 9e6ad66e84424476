"""One throw-away sandbox per submission (bubblewrap), for phase 1 of grading.

The grader (:mod:`coursekit.grade`) never runs a learner's code in its own
process. Each notebook runs in a fresh `bubblewrap <https://github.com/containers/bubblewrap>`_
sandbox that holds:

* read only: the system (``/usr``), the kit's Python and virtual environment,
  the ``helpers`` package and the shipped data. **Not** the kit's
  ``solutions/``, ``coursekit/``, ``locale/``, ``tests/``, the submissions
  folder, the grader's output or its temporary folder (when one of them lies
  inside a folder that is mounted, an empty folder is laid over it);
* writable: a private ``/tmp`` (a size-limited RAM disk, gone with the sandbox);
* no network (``--unshare-net``), its own process tree (``--unshare-pid``,
  ``--die-with-parent``: when the notebook ends, every process it started ends
  with it), its own IPC and host name;
* limits on memory, CPU time, processes, file size and open files (set with
  ``setrlimit`` inside, :class:`Limits`), and a wall-clock limit enforced from
  outside.

When the grader runs as root (a CI container), the kernel runs under an
unprivileged uid of its own (one per parallel job: a process limit per uid
holds, and one learner's processes cannot signal another's) while the small
runner that drives it keeps only the rights to switch uid and to kill. As an
ordinary user, bubblewrap runs in a user namespace (``--unshare-all``).

``Sandbox.detect`` refuses with :data:`INSTALL_HINT` when ``bwrap`` is missing;
``Sandbox(mode="none")`` (``--no-sandbox``) runs the same runner without
isolation, for machines where no sandbox exists (the gradebook then says so).
"""

from __future__ import annotations

import json
import os
import pwd
import queue
import secrets
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: What ``make grade`` says when bubblewrap is missing.
INSTALL_HINT = (
    "The grader runs every notebook in a sandbox made with bubblewrap (bwrap), which is not installed here.\n"
    "Install it: Debian/Ubuntu `sudo apt-get install bubblewrap`, Fedora `sudo dnf install bubblewrap`, "
    "Arch `sudo pacman -S bubblewrap`, openSUSE `sudo zypper install bubblewrap`.\n"
    "On macOS or Windows, grade inside a Linux virtual machine or WSL 2.\n"
    "Only on a throw-away machine you may grade without a sandbox: add --no-sandbox "
    "(make grade SUBMISSIONS=... GRADE_ARGS=--no-sandbox); the gradebook then carries a warning."
)

#: The runner copied into each sandbox.
RUNNER = Path(__file__).with_name("_runner.py")

#: Where the sandbox's unprivileged uids start when the grader runs as root.
UID_BASE = 64000


class SandboxUnavailable(RuntimeError):
    """No working sandbox on this machine (the message says why and how to install one)."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission (all configurable on the grader's command line).

    Parameters
    ----------
    memory_mb : int
        Address space of each process (``RLIMIT_AS``), default 2048 (2 GB).
    cpu_seconds : int
        CPU time of each process (``RLIMIT_CPU``).
    processes : int
        Processes and threads of the sandbox's user (``RLIMIT_NPROC``).
    file_size_mb : int
        Largest file a notebook may write (``RLIMIT_FSIZE``).
    tmp_mb : int
        Size of the sandbox's private ``/tmp`` (a RAM disk).
    open_files : int
        Open files per process (``RLIMIT_NOFILE``).
    cell_timeout : float
        Seconds one cell may run before it is interrupted.
    notebook_timeout : float
        Seconds the whole notebook may run (kernel starts and reruns included).
    interrupt_grace : float
        Seconds an interrupted cell gets to stop before its kernel is killed.

    Examples
    --------
    >>> Limits().memory_mb, Limits(cell_timeout=5).rlimits()["as"] == 2048 * 2**20
    (2048, True)
    """

    memory_mb: int = 2048
    cpu_seconds: int = 600
    processes: int = 256
    file_size_mb: int = 64
    tmp_mb: int = 256
    open_files: int = 1024
    cell_timeout: float = 30
    notebook_timeout: float = 300
    interrupt_grace: float = 3

    def rlimits(self) -> dict[str, int]:
        """The ``setrlimit`` values the runner applies, by name.

        Returns
        -------
        dict
            ``as``, ``cpu``, ``nproc``, ``fsize`` and ``nofile``.
        """
        return {"as": self.memory_mb * 2**20, "cpu": self.cpu_seconds, "nproc": self.processes,
                "fsize": self.file_size_mb * 2**20, "nofile": self.open_files}


def _bwrap_supports(flag: str, bwrap: str) -> bool:
    try:
        text = subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return flag in text


def _free_uids(count: int, start: int = UID_BASE) -> list[int]:
    uids, uid = [], start
    while len(uids) < count and uid < 65534:
        try:
            pwd.getpwuid(uid)
        except KeyError:
            uids.append(uid)
        uid += 1
    return uids


class Sandbox:
    """How phase 1 runs: ``"root"`` or ``"user"`` (bubblewrap), or ``"none"`` (``--no-sandbox``).

    Parameters
    ----------
    mode : {"root", "user", "none"}
        ``root``: bubblewrap started by root, the kernel under a pool uid;
        ``user``: bubblewrap in a user namespace; ``none``: no isolation.
    bwrap : str, optional
        The bubblewrap executable (found on ``PATH`` by :meth:`detect`).
    slots : int
        Parallel sandboxes (one pool uid each in ``root`` mode).
    hide : sequence of Path
        Folders that must never be visible in a sandbox (solutions, the
        submissions, the grader's output and temporary folders …).

    Examples
    --------
    >>> Sandbox("none").isolated
    False
    """

    def __init__(self, mode: str, bwrap: str | None = None, slots: int = 2, hide: tuple[Path, ...] = ()) -> None:
        if mode not in ("root", "user", "none"):
            raise ValueError(f"mode must be root, user or none; got {mode!r}")
        self.mode, self.bwrap, self.hide = mode, bwrap, tuple(Path(p) for p in hide)
        self.kernel_as_root = False  # set by probe() when no pool uid can read the kit
        self._running: set[subprocess.Popen] = set()
        self._stopped = False
        self._uids: queue.Queue[int | None] = queue.Queue()
        for uid in (_free_uids(max(1, slots)) if mode == "root" else [None] * max(1, slots)):
            self._uids.put(uid)
        self._disable_userns = bool(bwrap) and mode == "user" and _bwrap_supports("--disable-userns", bwrap)
        # bubblewrap before 0.8 cannot size a tmpfs: /tmp is then bounded by RAM (each file still by --max-file-mb)
        self._sized_tmpfs = bool(bwrap) and _bwrap_supports("--size", bwrap)

    @property
    def isolated(self) -> bool:
        """True when notebooks run in a sandbox."""
        return self.mode != "none"

    @classmethod
    def detect(cls, use_sandbox: bool = True, slots: int = 2, hide: tuple[Path, ...] = ()) -> "Sandbox":
        """The sandbox this machine offers, or :class:`SandboxUnavailable` with the install hint.

        Parameters
        ----------
        use_sandbox : bool
            False for ``--no-sandbox`` (returns the ``none`` mode).
        slots : int
            Parallel sandboxes.
        hide : sequence of Path
            Folders never to show inside.

        Returns
        -------
        Sandbox

        Raises
        ------
        SandboxUnavailable
            When ``bwrap`` is not installed or not on Linux.
        """
        if not use_sandbox:
            return cls("none", None, slots, hide)
        bwrap = shutil.which("bwrap")
        if bwrap is None or not sys.platform.startswith("linux"):
            raise SandboxUnavailable(INSTALL_HINT)
        return cls("root" if os.geteuid() == 0 else "user", bwrap, slots, hide)

    # ------------------------------------------------------------------ mounts
    @staticmethod
    def _kit_paths() -> dict[str, Path]:
        import helpers
        from helpers import paths

        return {"helpers": Path(helpers.__file__).resolve().parent, "data": paths.DATA_DIR.resolve(),
                "root": paths.ROOT.resolve()}

    def mounts(self) -> list[str]:
        """The bubblewrap arguments that build the sandbox's file system.

        Returns
        -------
        list of str
        """
        args: list[str] = []
        # /tmp, /dev and /proc are made first (see :meth:`command`): a kit that lives under /tmp (a CI clone) is
        # bound on top of the private /tmp, not hidden by it
        dirs: set[str] = {"/", "/tmp", "/dev", "/dev/shm", "/proc"}

        def ensure_parents(path: Path) -> None:
            for parent in reversed(path.parents):
                p = str(parent)
                if p not in dirs:
                    dirs.add(p)
                    args.extend(["--perms", "0755", "--dir", p])

        def ro(path: Path, dest: Path | None = None) -> None:
            dest = dest or path
            ensure_parents(dest)
            dirs.add(str(dest))
            args.extend(["--ro-bind", str(path), str(dest)])

        ro(Path("/usr"))
        for name in ("bin", "lib", "lib32", "lib64", "libx32", "sbin"):
            p = Path("/") / name
            if p.is_symlink():
                args.extend(["--symlink", os.readlink(p), str(p)])
            elif p.is_dir():
                ro(p)
        for name in ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "alternatives", "fonts",
                     "nsswitch.conf", "mime.types", "hosts"):
            p = Path("/etc") / name
            if p.exists():
                ro(p)
        mounted: list[Path] = [Path("/usr")]
        kit = self._kit_paths()
        base = Path(sys.base_prefix).resolve()
        prefix = Path(sys.prefix).resolve()
        for path in (base, prefix, kit["helpers"], kit["data"]):
            if not path.exists() or any(path == m or m in path.parents for m in mounted):
                continue
            ro(path)
            mounted.append(path)
        # whatever must stay out but lies inside a mounted folder gets an empty folder laid over it
        secret = [kit["root"] / name for name in ("solutions", "coursekit", "locale", "tests", "exercises", "lessons")]
        import importlib.util

        spec = importlib.util.find_spec("coursekit")
        if spec and spec.submodule_search_locations:
            secret += [Path(p).resolve() for p in spec.submodule_search_locations]
        for path in [*secret, *self.hide]:
            path = Path(path).resolve()
            if path.is_dir() and any(path == m or m in path.parents for m in mounted):
                args.extend(["--tmpfs", str(path)])
        return args

    def environment(self, python: Path) -> dict[str, str]:
        """The sandbox's whole environment (nothing is inherited from the instructor's).

        Parameters
        ----------
        python : Path
            The kit's Python (its folder goes first on ``PATH``).

        Returns
        -------
        dict
        """
        env = {
            "PATH": f"{python.parent}:/usr/local/bin:/usr/bin:/bin",
            "HOME": "/tmp/work", "TMPDIR": "/tmp", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8",
            "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp/work/.matplotlib", "IPYTHONDIR": "/tmp/work/.ipython",
            "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime", "JUPYTER_DATA_DIR": "/tmp/work/.jupyter-data",
            "JUPYTER_CONFIG_DIR": "/tmp/work/.jupyter", "JUPYTER_PLATFORM_DIRS": "1",
            # one thread per library and no big allocator reservations: the memory limit is an address-space limit
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1",
            "MALLOC_ARENA_MAX": "2", "ARROW_DEFAULT_MEMORY_POOL": "system",
        }
        if "TIERING_DATA_DIR" in os.environ:
            env["TIERING_DATA_DIR"] = str(self._kit_paths()["data"])
        return env

    def command(self, job_file: Path, passwd: Path, group: Path, limits: Limits) -> list[str]:
        """The full ``bwrap`` command line for one job.

        Parameters
        ----------
        job_file : Path
            The job (JSON) the runner reads.
        passwd, group : Path
            The sandbox's ``/etc/passwd`` and ``/etc/group``.
        limits : Limits

        Returns
        -------
        list of str
        """
        python = Path(sys.executable)
        args = [self.bwrap or "bwrap", "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--hostname", "sandbox"]
        if self.mode == "user":
            args += ["--unshare-user", "--cap-drop", "ALL"]
            if self._disable_userns:
                args += ["--disable-userns"]
        else:
            args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                     "--cap-add", "CAP_KILL"]
        size = (lambda mb: ["--size", str(mb * 2**20)]) if self._sized_tmpfs else (lambda mb: [])
        args += ["--dev", "/dev", "--proc", "/proc",
                 "--perms", "1777", *size(limits.tmp_mb), "--tmpfs", "/tmp",
                 "--perms", "1777", *size(64), "--tmpfs", "/dev/shm"]
        args += self.mounts()
        args += ["--perms", "0755", "--dir", "/grader",
                 "--ro-bind", str(RUNNER), "/grader/runner.py",
                 "--ro-bind", str(job_file), "/grader/job.json",
                 "--ro-bind", str(passwd), "/etc/passwd", "--ro-bind", str(group), "/etc/group",
                 "--clearenv"]
        for key, value in self.environment(python).items():
            args += ["--setenv", key, value]
        args += ["--chdir", "/tmp", str(python), "-I", "-B", "/grader/runner.py", "/grader/job.json"]
        return args

    # ------------------------------------------------------------------ running
    def run(self, cells: list[dict], limits: Limits, workdir: Path) -> dict:
        """Run one notebook's cells (phase 1) and return what the runner reports.

        Parameters
        ----------
        cells : list of dict
            ``{"source": ..., "kind": ...}`` in order (see :mod:`coursekit._runner`).
        limits : Limits
        workdir : Path
            A private, empty folder of the grader's (removed by the caller).

        Returns
        -------
        dict
            The runner's report (``cells``, ``collected``, ``restarts``,
            ``deadline``), or ``{"sandbox_failed": reason}`` when the sandbox
            produced no report (killed at the wall-clock limit, crashed).
        """
        uid = self._uids.get()
        try:
            return self._run(cells, limits, workdir, uid)
        finally:
            self._uids.put(uid)

    def _run(self, cells: list[dict], limits: Limits, workdir: Path, uid: int | None) -> dict:
        workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(workdir, 0o700)
        nonce = secrets.token_hex(16)
        run_uid = None if (self.mode != "root" or self.kernel_as_root) else uid
        job = {"cells": cells, "cell_timeout": limits.cell_timeout, "notebook_timeout": limits.notebook_timeout,
               "interrupt_grace": limits.interrupt_grace, "max_restarts": 3, "limits": limits.rlimits(),
               "uid": run_uid, "gid": run_uid, "sandboxed": self.isolated, "nonce": nonce}
        job_file = workdir / "job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        os.chmod(job_file, 0o600)
        out_path, err_path = workdir / "out.txt", workdir / "err.txt"
        if self.isolated:
            passwd, group = workdir / "passwd", workdir / "group"
            users = [("root", 0), ("learner", run_uid)] if run_uid is not None else [("root", 0)]
            passwd.write_text("".join(f"{n}:x:{u}:{u}::/tmp/work:/usr/sbin/nologin\n" for n, u in users)
                              + "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n", encoding="utf-8")
            group.write_text("".join(f"{n}:x:{u}:\n" for n, u in users) + "nogroup:x:65534:\n", encoding="utf-8")
            cmd = self.command(job_file, passwd, group, limits)
            env = None
        else:
            work = workdir / "work"
            work.mkdir()
            env = self.environment(Path(sys.executable))
            env.update({"HOME": str(work), "TMPDIR": str(work), "TIERING_GRADER_WORK": str(work),
                        "MPLCONFIGDIR": str(work / ".matplotlib"), "IPYTHONDIR": str(work / ".ipython"),
                        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
                        "JUPYTER_DATA_DIR": str(work / ".jupyter-data"), "JUPYTER_CONFIG_DIR": str(work / ".jupyter")})
            cmd = [sys.executable, "-I", "-B", str(RUNNER), str(job_file)]
        wall = limits.notebook_timeout + 60
        if self._stopped:
            return {"sandbox_failed": "stopped"}
        with out_path.open("wb") as out, err_path.open("wb") as err:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                    cwd=str(workdir), start_new_session=True)
            self._running.add(proc)
            try:
                proc.wait(timeout=wall)
            except subprocess.TimeoutExpired:
                _kill_group(proc)
                return {"sandbox_failed": "wall"}
            finally:
                _kill_group(proc)
                self._running.discard(proc)
        report = _read_report(out_path, nonce)
        if report is None:
            return {"sandbox_failed": "no report", "stderr": f"exit status {proc.returncode}; {_tail(err_path)}"}
        return report

    def stop_all(self) -> None:
        """Kill every sandbox still running and start no new one (the grader is being stopped).

        Returns
        -------
        None
        """
        self._stopped = True
        for proc in list(self._running):
            _kill_group(proc)

    def probe(self, limits: Limits, workdir: Path) -> None:
        """Start one sandbox with the kit's imports and a kernel; raise :class:`SandboxUnavailable` if it fails.

        In ``root`` mode a kit that the pool uids cannot read falls back to
        running the kernel as root without any capability (the process limit
        then counts root's processes, which the kernel exempts: the gradebook
        notes it).

        Parameters
        ----------
        limits : Limits
        workdir : Path
            A private, empty folder of the grader's.

        Returns
        -------
        None
        """
        cells = [{"source": "import helpers.checks, pandas, matplotlib", "kind": "given"}]
        report = self.run(cells, limits, workdir / "probe")
        if _probe_ok(report):
            return
        if self.mode == "root":
            self.kernel_as_root = True
            second = self.run(cells, limits, workdir / "probe-root")
            if _probe_ok(second):
                return
            report = second
        detail = report.get("stderr") or report.get("kernel_failed") or report.get("sandbox_failed") or json.dumps(report)[:300]
        raise SandboxUnavailable(
            f"bubblewrap is installed but the sandbox does not start here ({self.mode} mode): {detail}\n"
            "If this runs in a container, the container must allow namespaces (e.g. Docker's "
            "--security-opt seccomp=unconfined, or a privileged container).\n" + INSTALL_HINT)


def _probe_ok(report: dict) -> bool:
    cells = report.get("cells") or []
    return bool(cells) and all(c.get("status") == "ok" for c in cells)


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def _tail(path: Path, size: int = 2000) -> str:
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - size))
            return fh.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _read_report(path: Path, nonce: str) -> dict | None:
    """The runner's report: the last line that starts with this job's nonce."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.seek(max(0, size - 64 * 2**20))
            lines = fh.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        if line.startswith(nonce + " "):
            try:
                report = json.loads(line[len(nonce) + 1:])
            except ValueError:
                return None
            return report if isinstance(report, dict) else None
    return None


__all__ = ["INSTALL_HINT", "Limits", "Sandbox", "SandboxUnavailable"]
