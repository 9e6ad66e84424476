"""Phase 1 of grading, inside the sandbox: run one learner's notebook and collect the answers as data.

This file is copied into each sandbox on its own (``/grader/runner.py``) and run
there with the kit's Python; it imports nothing from ``coursekit`` (which is not
in the sandbox) and holds no expected value. It reads a job (JSON) from the
file named on the command line::

    {"cells": [{"source": "...", "kind": "given|answer|extra|collect|prelude"}, ...],
     "cell_timeout": 30, "notebook_timeout": 300, "interrupt_grace": 3,
     "max_restarts": 3, "limits": {"as": ..., "cpu": ..., "nproc": ..., "fsize": ..., "nofile": ...},
     "uid": 64001 | null, "gid": ..., "sandboxed": true, "nonce": "..."}

and prints one line ``<nonce> <json>`` to standard output at the end::

    {"cells": [{"status": "ok|error|timeout|killed|died|skipped|not_run", "ename": "ZeroDivisionError"}, ...],
     "collected": {"task2": "<json text of helpers.checks.collect(...)>", ...},
     "restarts": 1, "deadline": false}

How it runs the notebook: one IPython kernel (ipykernel) started by this
script, its output thrown away (only the grader's own collection messages and
error names are read). Every cell has ``cell_timeout`` seconds; on time out the
kernel is interrupted (SIGINT), and if it is still busy ``interrupt_grace``
seconds later (the cell ignores interrupts), or if a cell ends Python
(``os._exit``, a crash, the CPU limit), the kernel is killed, the cell is
marked and skipped, and the notebook is run again from the top in a fresh
kernel without it (at most ``max_restarts`` times, within ``notebook_timeout``).

When ``uid`` is given (the grader runs as root), the kernel runs under that
unprivileged uid while this script keeps the right to interrupt and kill it;
the learner's code cannot signal, trace or read this process.
"""

from __future__ import annotations

import json
import os
import queue
import resource
import signal
import subprocess
import sys
import time

#: The display MIME type of the collection messages.
MIME = "application/x-tiering-kit-collected"

#: The kernel's working folder (private to the sandbox; the grader sets it per job without a sandbox).
WORK = os.environ.get("TIERING_GRADER_WORK", "/tmp/work")


def _limit(kind: int, value: int | None) -> None:
    if value is None:
        return
    soft, hard = resource.getrlimit(kind)
    value = int(value)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


def apply_limits(limits: dict) -> None:
    """Lower this process's resource limits (inherited by the kernel and everything it starts)."""
    _limit(resource.RLIMIT_AS, limits.get("as"))
    _limit(resource.RLIMIT_CPU, limits.get("cpu"))
    _limit(resource.RLIMIT_NPROC, limits.get("nproc"))
    _limit(resource.RLIMIT_FSIZE, limits.get("fsize"))
    _limit(resource.RLIMIT_NOFILE, limits.get("nofile"))
    _limit(resource.RLIMIT_CORE, 0)


class Kernel:
    """One ipykernel process and a blocking client talking to it."""

    def __init__(self, job: dict, number: int) -> None:
        from jupyter_client import BlockingKernelClient
        from jupyter_client.connect import write_connection_file

        runtime = os.environ.get("JUPYTER_RUNTIME_DIR", "/tmp/jupyter-runtime")
        os.makedirs(runtime, exist_ok=True)
        os.chmod(runtime, 0o1777)  # the kernel may run under another uid and makes its sockets here
        # Unix sockets, not TCP ports: parallel jobs without a sandbox can never pick the same port
        self.connection_file, info = write_connection_file(
            fname=os.path.join(runtime, f"kernel-{number}.json"), transport="ipc",
            ip=os.path.join(runtime, f"k{number}"), key=os.urandom(32).hex().encode())
        os.chmod(self.connection_file, 0o644)
        cmd = [sys.executable, "-m", "ipykernel_launcher", "-f", self.connection_file,
               "--HistoryManager.enabled=False", "--IPKernelApp.no_stdout=True", "--IPKernelApp.no_stderr=True"]
        kwargs: dict = {}
        if job.get("uid") is not None:
            kwargs.update(user=int(job["uid"]), group=int(job["gid"]), extra_groups=[])
            kwargs["umask"] = 0o000  # its sockets must accept this runner, which keeps no right to override permissions
        # the kernel's own messages, read only when it fails to start (the grader's log, never a learner's page)
        self.log = os.path.join(runtime, f"kernel-{number}.log")
        with open(self.log, "wb") as err:
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=err, cwd=WORK, start_new_session=True, **{"umask": 0o022, **kwargs})
        self.client = BlockingKernelClient()
        self.client.load_connection_info(info)
        self.client.start_channels(hb=False)
        try:
            self._wait_until_ready(120)
        except RuntimeError as exc:
            self.kill(sandboxed=False)
            raise RuntimeError(f"{exc}; kernel said: {_tail(self.log)}") from None

    def _wait_until_ready(self, timeout: float) -> None:
        """Ask for kernel_info until it answers (jupyter_client's own wait trusts a heartbeat that lags under load)."""
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the kernel exited while starting (code {self.proc.returncode})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not answer within {timeout:g} s")
            self.client.kernel_info()
            try:
                reply = self.client.get_shell_msg(timeout=2)
            except queue.Empty:
                continue
            if reply.get("msg_type") == "kernel_info_reply":
                break
        while True:  # forget the start-up messages
            try:
                self.client.get_iopub_msg(timeout=0.2)
            except queue.Empty:
                return

    def alive(self) -> bool:
        return self.proc.poll() is None

    def interrupt(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
        except OSError:
            pass

    def kill(self, sandboxed: bool) -> None:
        """Kill the kernel and (in the sandbox) every other process but this one."""
        try:
            self.client.stop_channels()
        except Exception:
            pass
        if sandboxed and os.getppid() == 1:
            # inside the sandbox's own PID namespace: -1 means "all the processes of the sandbox but me"
            try:
                os.kill(-1, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def _tail(path: str, size: int = 1500) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(0, fh.tell() - size))
            return " | ".join(line for line in fh.read().decode("utf-8", "replace").splitlines()
                              if line.strip() and "without encryption" not in line)[-size:]
    except OSError:
        return ""


def run_cell(kernel: Kernel, source: str, timeout: float, grace: float, collected: dict, task: str = "") -> dict:
    """Execute one cell; return its status (and the error name).

    A collection cell (``task`` given) stores its own task's collection message in
    ``collected``; such messages from any other cell are ignored.
    """
    client = kernel.client
    msg_id = client.execute(source, silent=False, store_history=False, allow_stdin=False, stop_on_error=False)
    deadline = time.monotonic() + timeout
    interrupted_at: float | None = None
    result: dict = {"status": "ok"}
    while True:
        now = time.monotonic()
        if interrupted_at is None and now >= deadline:
            kernel.interrupt()
            interrupted_at = now
            result = {"status": "timeout"}
        if interrupted_at is not None and now >= interrupted_at + grace:
            return {"status": "killed"}
        try:
            msg = client.get_iopub_msg(timeout=0.2)
        except queue.Empty:
            if not kernel.alive():
                return {"status": "died"}
            continue
        except Exception:  # a message the client cannot read
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg.get("msg_type"), msg.get("content", {})
        if kind == "error" and result["status"] == "ok":
            ename = str(content.get("ename", "Error"))[:100]
            result = {"status": "error", "ename": ename}
        elif kind == "display_data" and task and MIME in content.get("data", {}):
            payload = content["data"][MIME]
            if isinstance(payload, str) and len(payload) < 20_000_000:
                try:
                    item = json.loads(payload)
                    if item["task"] == task:
                        collected[task] = json.dumps(item["data"])
                except (ValueError, KeyError, TypeError):
                    pass
        elif kind == "status" and content.get("execution_state") == "idle":
            return result


def run(job: dict) -> dict:
    """Run the job's cells; return the per-cell statuses and the collected answers."""
    cells = job["cells"]
    sandboxed = bool(job.get("sandboxed"))
    start = time.monotonic()
    notebook_deadline = start + float(job["notebook_timeout"])
    statuses: list[dict] = [{"status": "not_run"} for _ in cells]
    skipped: set[int] = set()
    collected: dict[str, str] = {}
    restarts, hit_deadline, number = 0, False, 0
    while True:
        number += 1
        kernel = None
        for attempt in range(2):  # a kernel that fails to start gets one more try
            try:
                kernel = Kernel(job, number * 10 + attempt)
                break
            except Exception as exc:  # limits too low, broken environment
                failure = f"{type(exc).__name__}: {exc}"[:2000]
                time.sleep(1)
        if kernel is None:
            # keep what the last complete pass found; the tasks after the cell that stopped it stay not run
            return {"cells": statuses, "collected": collected, "restarts": restarts, "deadline": hit_deadline,
                    "kernel_failed": failure}
        if number > 1:
            # a fresh kernel runs the notebook again from the top, without the cells that stopped the kernel
            for i in range(len(cells)):
                if i not in skipped:
                    statuses[i] = {"status": "not_run"}
            collected.clear()
        rerun = False
        for i, cell in enumerate(cells):
            if i in skipped:
                continue
            remaining = notebook_deadline - time.monotonic()
            if remaining <= 0:
                hit_deadline = True
                for j in range(i, len(cells)):
                    if j not in skipped:
                        statuses[j] = {"status": "not_run"}
                break
            timeout = min(float(job["cell_timeout"]), remaining)
            outcome = run_cell(kernel, cell["source"], timeout, float(job.get("interrupt_grace", 3)), collected,
                               cell.get("task", "") if cell.get("kind") == "collect" else "")
            if outcome["status"] == "timeout" and timeout < float(job["cell_timeout"]):
                hit_deadline = True
            statuses[i] = outcome
            if outcome["status"] in ("killed", "died"):
                skipped.add(i)
                if timeout < float(job["cell_timeout"]):
                    hit_deadline = True
                rerun = True
                break
        kernel.kill(sandboxed)
        if not rerun or hit_deadline:
            break
        if restarts >= int(job.get("max_restarts", 3)) or time.monotonic() >= notebook_deadline:
            break
        restarts += 1
    return {"cells": statuses, "collected": collected, "restarts": restarts, "deadline": hit_deadline}


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as fh:
        job = json.load(fh)
    apply_limits(job.get("limits", {}))
    os.makedirs(WORK, exist_ok=True)
    os.chmod(WORK, 0o777)
    try:
        result = run(job)
    except Exception as exc:  # report, never hang
        result = {"runner_failed": f"{type(exc).__name__}: {exc}"[:2000]}
    sys.stdout.write(f"{job['nonce']} {json.dumps(result)}\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
