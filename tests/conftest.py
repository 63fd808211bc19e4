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

_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or self.family == socket.AF_UNIX):
        return _real_connect(self, address)
    raise ConnectionRefusedError(f"tests may not reach the network (tried {address!r})")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(autouse=True)
def precedent_home(tmp_path, monkeypatch):
    home = tmp_path / "precedent-home"
    monkeypatch.setenv("PRECEDENT_HOME", str(home))
    for var in ("PRECEDENT_LLM_BASE_URL", "PRECEDENT_LLM_MODEL", "PRECEDENT_LLM_API_KEY", "PRECEDENT_CHROMA_URL"):
        monkeypatch.delenv(var, raising=False)
    return home
