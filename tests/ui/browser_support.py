"""Running the real app for the browser test and the benchmark: a built index, `streamlit run`, chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_index(home: Path) -> None:
    """The embedding model and the illustrative corpus with the seeds, indexed under ``home`` (about a minute on 2
    cores; ``make run`` also indexes corpus/real, which the browser tests leave out for time)."""
    env = {**os.environ, "PRECEDENT_HOME": str(home)}
    code = (
        "from foi_precedent import assets; from foi_precedent.settings import Settings; "
        "assets.build_embedding_model(Settings.from_env())"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=ROOT)
    done = subprocess.run(
        [str(BIN / "precedent"), "ingest", "corpus/letters", "corpus/seeds"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 2):  # 2: some files skipped, the rest indexed
        raise RuntimeError(f"precedent ingest failed ({done.returncode}): {done.stderr[-2000:]}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def running_app(
    home: Path, port: int | None = None, timeout: float = 60, app: Path | None = None
) -> Iterator[tuple[str, float]]:
    """``streamlit run app.py`` (or ``app``) on 127.0.0.1; yields (url, seconds until healthy)."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PRECEDENT_HOME": str(home)}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            str(BIN / "streamlit"),
            "run",
            str(app or ROOT / "app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            # a source edit elsewhere in the repo would otherwise put a "Source file changed" prompt on the page
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        while not _healthy(url):
            if proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + proc.stdout.read().decode(errors="replace")[-2000:])
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"streamlit not healthy after {timeout} s")
            time.sleep(0.05)
        yield url, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def chromium(width: int = 1440, height: int = 1000):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            yield page
        finally:
            browser.close()
