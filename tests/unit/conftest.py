"""Fixtures shared by the unit tests."""

from __future__ import annotations

import io

import pytest

from foi_precedent.cli import main
from retriever.fake_embedding import FakeEmbeddingFunction


@pytest.fixture
def run_cli(monkeypatch, capsys):
    """The `precedent` command on a fresh home with the fake embedding: `run_cli(*args, stdin=None)` returns
    (exit code, stdout, stderr)."""
    from foi_precedent.services import Services

    monkeypatch.setattr(
        "foi_precedent.cli._services", lambda: Services(embedding_function=FakeEmbeddingFunction())
    )

    def run(*args, stdin=None):
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
