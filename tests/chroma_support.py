"""A throwaway `chroma run` server on 127.0.0.1, for the integration tests and the team benchmark."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMA = Path(sys.executable).parent / "chroma"


def find_chroma() -> str | None:
    """The `chroma` executable next to this Python, else on PATH."""
    return str(CHROMA) if CHROMA.exists() else shutil.which("chroma")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def chroma_server(folder: Path, timeout: float = 60) -> Iterator[str]:
    """`chroma run` with its data and log under ``folder``; yields its URL once it answers its heartbeat.
    ``RuntimeError`` (with the end of the server's log) when it exits or does not answer in ``timeout`` s."""
    exe = find_chroma()
    if not exe:
        raise RuntimeError(
            "the `chroma` executable is not installed next to this Python (pip install chromadb)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log_path = folder / "server.log"
    log = open(log_path, "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [exe, "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"chroma run exited with {proc.returncode}: {log_path.read_text()[-2000:]}"
                )
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"chroma run did not answer its heartbeat within {timeout:.0f} s")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
