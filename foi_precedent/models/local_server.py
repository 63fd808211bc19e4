"""The embedded model: a ``llama_cpp.server`` on 127.0.0.1 that Precedent starts, reuses and stops.

The server runs in its own session so it outlives the command that started it; its pid, port and
model are recorded in ``PRECEDENT_HOME/run/llama-server.json`` so the next command (or the app)
reuses it instead of loading the model again. ``stop()`` ends it; ``precedent model status|stop`` shows
or ends it from the shell (it holds about 3 GB of memory with Qwen loaded).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from foi_precedent.errors import ModelError
from foi_precedent.settings import Settings

HOST = "127.0.0.1"
ALIAS = "local"
# llama_cpp.server behind a shim that switches off ggml's AMX/repack buffers (they crash in VMs without AMX state)
SERVER_MODULE = "foi_precedent.models.llama_server_main"


def free_port(host: str = HOST) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child of ours is not alive
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def _serves(pid: int, model_path: Path) -> bool:
    """Whether ``pid`` is alive and is a server of ``model_path``: its command line names the file (a recorded
    pid that died may since belong to another process). Where /proc cannot tell, alive is enough."""
    if not _alive(pid):
        return False
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return True
    return str(model_path) in command


def answers(base_url: str, timeout_s: float = 2.0) -> bool:
    """True when GET {base_url}/models answers 200."""
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=timeout_s) as resp:  # noqa: S310 - loopback
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


class LocalModelServer:
    def __init__(
        self,
        settings: Settings,
        model: str = "smollm2",
        model_path: Path | None = None,
        chat_format: str | None = None,
        port: int | None = None,
        n_ctx: int = 4096,
        n_threads: int = 2,
        startup_timeout_s: float = 180.0,
    ):
        self.settings = settings
        self.model = model
        self._model_path = Path(model_path) if model_path else None
        self._chat_format = chat_format
        self.port = port
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.startup_timeout_s = startup_timeout_s
        self.pid: int | None = None
        self.reused = False
        self._proc: subprocess.Popen | None = None

    # -- paths ---------------------------------------------------------------------------------------
    @property
    def run_dir(self) -> Path:
        return self.settings.home / "run"

    @property
    def state_file(self) -> Path:
        return self.run_dir / "llama-server.json"

    @property
    def log_file(self) -> Path:
        return self.run_dir / "llama-server.log"

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise ModelError("the local model server is not started")
        return f"http://{HOST}:{self.port}/v1"

    def model_path(self) -> Path:
        if self._model_path is None:
            from foi_precedent import assets

            self._model_path = assets.model_path(self.settings, self.model)
        return self._model_path

    def chat_format(self) -> str:
        if self._chat_format is None:
            from foi_precedent import assets

            self._chat_format = (
                assets.MODELS[self.model].chat_format if self.model in assets.MODELS else "chatml"
            )
        return self._chat_format

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            SERVER_MODULE,
            "--model",
            str(self.model_path()),
            "--model_alias",
            ALIAS,
            "--chat_format",
            self.chat_format(),
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            "--n_threads",
            str(self.n_threads),
        ]

    # -- state ---------------------------------------------------------------------------------------
    def _read_state(self) -> dict | None:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_state(self) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "pid": self.pid,
                    "port": self.port,
                    "model": self.model,
                    "model_path": str(self.model_path()),
                    "n_ctx": self.n_ctx,
                    "started_at": time.time(),
                }
            ),
            encoding="utf-8",
        )
        os.replace(tmp, self.state_file)

    @contextlib.contextmanager
    def _lock(self):
        self.run_dir.mkdir(parents=True, exist_ok=True)
        with open(self.run_dir / "llama-server.lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- life cycle ----------------------------------------------------------------------------------
    def start(self) -> LocalModelServer:
        """Reuse the recorded server, or start one and wait until ``GET /v1/models`` answers."""
        with self._lock():
            old = self._read_state()
            if (
                old
                and old.get("pid")
                and old.get("model_path") == str(self.model_path())
                and _serves(int(old["pid"]), self.model_path())
            ):
                # Alive and serving this model: reuse it, waiting while it is busy (an earlier generation, or
                # still loading) rather than start a second copy beside it (each holds the whole model in memory).
                self.pid, self.port = int(old["pid"]), int(old["port"])
                if self._wait_answer():
                    self.reused = True
                    return self
                raise ModelError(
                    f"the local model server (pid {self.pid}) is running but has not answered for "
                    f"{self.startup_timeout_s:.0f} s (busy with an earlier request?); try again, or "
                    "stop it with `precedent model stop`"
                )
            if (
                old
                and old.get("pid")
                and _alive(int(old["pid"]))
                and old.get("model_path") != str(self.model_path())
            ):
                self._terminate(int(old["pid"]))  # a server for another model: one at a time on 2 cores
            self.port = self.port or free_port()
            self.run_dir.mkdir(parents=True, exist_ok=True)
            log = open(self.log_file, "ab")  # noqa: SIM115 - handed to the child
            try:
                # OpenMP threads that spin while waiting starve each other when the 2 cores are shared (other
                # processes, the app): passive waiting measured 4x faster generation on a loaded machine.
                env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
                self._proc = subprocess.Popen(
                    self.command(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                    env=env,
                )
            except OSError as exc:
                raise ModelError(f"cannot start the local model server: {exc}") from None
            finally:
                log.close()
            self.pid = self._proc.pid
            self._wait_ready()
            self._write_state()
            return self

    def _wait_answer(self, timeout_s: float = 2.0) -> bool:
        """Poll ``GET /v1/models`` until the server answers (True), or its process ends or ``startup_timeout_s``
        passes (False). Our own child is watched through Popen, which keeps its exit code."""
        deadline = time.monotonic() + self.startup_timeout_s
        while True:
            if answers(self.base_url, timeout_s=timeout_s):
                return True
            running = self._proc.poll() is None if self._proc is not None else _alive(self.pid)
            if time.monotonic() >= deadline or not running:
                return False
            time.sleep(0.25)

    def _wait_ready(self) -> None:
        if self._wait_answer(timeout_s=1.0):
            return
        if self._proc is not None and self._proc.poll() is not None:
            raise ModelError(
                f"the local model server exited with code {self._proc.returncode} while starting; "
                f"see {self.log_file}: {self._log_tail()}"
            )
        self.stop()
        raise ModelError(
            f"the local model server did not answer within {self.startup_timeout_s:.0f} s; "
            f"see {self.log_file}"
        )

    def _log_tail(self, lines: int = 3) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(text[-lines:])

    def _terminate(self, pid: int, grace_s: float = 10.0) -> None:
        try:
            os.killpg(pid, signal.SIGTERM)  # the server leads its own session
        except (ProcessLookupError, PermissionError):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        if self._proc is not None and self._proc.pid == pid:
            with contextlib.suppress(Exception):
                self._proc.wait(timeout=5)

    def stop(self) -> None:
        """Stop the server this object started or reused, and forget it."""
        pid = self.pid
        if pid is None:
            state = self._read_state()
            pid = int(state["pid"]) if state and state.get("pid") else None
        if pid is not None and _alive(pid):
            self._terminate(pid)
        state = self._read_state()
        if state and (pid is None or state.get("pid") == pid):
            self.state_file.unlink(missing_ok=True)
        self.pid = None

    def __enter__(self) -> LocalModelServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def recorded_server(settings: Settings) -> dict | None:
    """The embedded server recorded under ``settings.home``, whatever its model, if its process is alive:
    the recorded state plus ``answers`` (whether it answers now) and ``base_url``."""
    state = LocalModelServer(settings)._read_state()
    if not state or not state.get("pid") or not _alive(int(state["pid"])):
        return None
    base_url = f"http://{HOST}:{state['port']}/v1"
    return {**state, "base_url": base_url, "answers": answers(base_url)}


def stop_recorded_server(settings: Settings) -> dict | None:
    """Stop the recorded embedded server; returns what was stopped (None when nothing was running)."""
    state = recorded_server(settings)
    LocalModelServer(settings).stop()  # also forgets a stale record
    return state
