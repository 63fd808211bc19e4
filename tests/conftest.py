"""Shared fixtures. Every test gets its own PRECEDENT_HOME; tests cannot reach the network by accident."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_036325 = SEEDS / "000_f35b7b66f1d9607e.txt"
SEED_025506 = SEEDS / "002_dfffa734e0a62289.txt"
CORPUS = ROOT / "corpus"
# the illustrative letters and the seeds: what the shipped eval suites and their ground truth are written against
# (corpus/real, the real letters `make run` also indexes, has its own tests: tests/integration/test_real_corpus.py)
ILLUSTRATIVE = (CORPUS / "letters", CORPUS / "seeds")

_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (
        host.startswith("127.") or host in ("localhost", "::1") or self.family == socket.AF_UNIX
    ):
        return _real_connect(self, address)
    raise ConnectionRefusedError(f"tests may not reach the network (tried {address!r})")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Stricter than the autouse guard, for offline tests: make every non-loopback connection (and DNS lookup) fail; returns the list of attempts."""
    attempts: list[object] = []
    real_connect, real_connect_ex, real_getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def loopback(host: object) -> bool:
        return host in (None, "localhost", "::1", b"localhost") or str(host).startswith("127.")

    def allowed(sock: socket.socket, address: object) -> bool:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return True
        return loopback(address[0] if isinstance(address, tuple) else address)

    def connect(self: socket.socket, address: object) -> None:
        if not allowed(self, address):
            attempts.append(address)
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not allowed(self, address):
            attempts.append(address)
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect_ex(self, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if not loopback(host):
            attempts.append(host)
            raise socket.gaierror(f"DNS blocked in tests: {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return attempts


@pytest.fixture(autouse=True)
def precedent_home(tmp_path, monkeypatch):
    home = tmp_path / "precedent-home"
    monkeypatch.setenv("PRECEDENT_HOME", str(home))
    for var in (
        "PRECEDENT_LLM_BASE_URL",
        "PRECEDENT_LLM_MODEL",
        "PRECEDENT_LLM_API_KEY",
        "PRECEDENT_CHROMA_URL",
    ):
        monkeypatch.delenv(var, raising=False)
    return home


# -- PostgreSQL (tests/pg_support.py) ------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_database_url(monkeypatch):
    """The stores default to SQLite under the test's PRECEDENT_HOME; a test that wants PostgreSQL says so."""
    monkeypatch.delenv("PRECEDENT_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL cluster for the session (skips, saying why, without PostgreSQL)."""
    from tests.pg_support import start_server

    server = start_server()
    if isinstance(server, str):
        pytest.skip(server)
    yield server
    server.stop()


@pytest.fixture
def pg_url(postgres_server) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    return postgres_server.create_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request) -> str | None:
    """Run a store test on both back ends: None (the SQLite file the test names) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    return request.getfixturevalue("pg_url")
