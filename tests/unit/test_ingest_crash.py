"""kill -9 during a large ingest (issue 16): a real ``precedent ingest`` process (real SQLite store, real embedded
Chroma, the fake embedding) is killed with SIGKILL at three points of one of its flushes:

* ``chroma-upsert``: half of the flush's vectors written to Chroma, nothing of it in SQLite;
* ``sqlite-transaction``: letters, chunks and question vectors written inside the open SQLite transaction,
  not committed;
* ``after-sqlite-commit``: the flush committed, its stale vectors not yet deleted, the dirty marker still there.

After each kill the store opens, search works and returns only letters SQLite holds, and the next ingest
completes with the right count of letters; first for a fresh ingest, then for a re-ingest that replaces letters
(whose old texts must reach the history exactly once)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.index import PrecedentIndex
from retriever.store import STORE_FILE
from tests.conftest import ROOT
from tests.unit.test_retriever_index import write_letter

pytestmark = pytest.mark.slow

LETTERS = 90  # 3 questions each, 45 chunks a flush: 6 flushes (15 letters each)
SHARED = "FOI-SHARED-1"  # two different files carry this reference: both are kept

CHILD = r"""
import json, sys, time
from pathlib import Path

import retriever.index as rindex
from foi_precedent.settings import Settings
from retriever.fake_embedding import FakeEmbeddingFunction
from retriever.store import Store

folder, point, marker = sys.argv[1], sys.argv[2], Path(sys.argv[3])
rindex.FLUSH_CHUNKS = 45
KILL_FLUSH = int(sys.argv[4])
flushes = {"n": 0}


def here():
    return flushes["n"] == KILL_FLUSH


def halt():
    marker.write_text(point)
    time.sleep(600)  # the test kills us here


real_flush = rindex.PrecedentIndex._flush
def _flush(self, *a, **k):
    flushes["n"] += 1
    return real_flush(self, *a, **k)
rindex.PrecedentIndex._flush = _flush

if point == "chroma-upsert":
    real_upsert = rindex.PrecedentIndex._upsert
    def _upsert(self, ids, vectors, metadatas):
        if here():
            half = len(ids) // 2
            real_upsert(self, ids[:half], vectors[:half], metadatas[:half])
            halt()
        real_upsert(self, ids, vectors, metadatas)
    rindex.PrecedentIndex._upsert = _upsert
elif point == "sqlite-transaction":
    real_insert = Store._insert_question_vectors
    def _insert(cur, vectors):
        real_insert(cur, vectors)
        if here():
            halt()
    Store._insert_question_vectors = staticmethod(_insert)
elif point == "after-sqlite-commit":
    real_commit = rindex.PrecedentIndex._commit
    def _commit(self, *a, **k):
        real_commit(self, *a, **k)
        if here():
            halt()
    rindex.PrecedentIndex._commit = _commit

index = rindex.PrecedentIndex.open(Settings.from_env(), embedding_function=FakeEmbeddingFunction())
report = index.ingest_paths([folder])
index.close()
print(json.dumps(report.to_dict()))
"""


def make_corpus(folder: Path) -> None:
    for i in range(LETTERS):
        ref = SHARED if i in (10, 70) else f"FOI-{i:03d}"  # the pair falls in different flushes
        qas = [
            (
                f"How many {thing} did station {i} record in {2019 + j}?",
                f"Station {i} recorded {i * 7 + j} {thing} in {2019 + j}.",
            )
            for j, thing in enumerate(("burglaries", "thefts", "arrests"))
        ]
        write_letter(
            folder, f"{i:03d}.md", ref, qas, authority="Exampleshire Police", when=f"2023-{1 + i % 12:02d}-01"
        )


def change_corpus(folder: Path) -> int:
    """Every third letter is re-issued with one question fewer and a new figure (its file changes)."""
    changed = 0
    for i in range(0, LETTERS, 3):
        ref = SHARED if i in (10, 70) else f"FOI-{i:03d}"
        write_letter(
            folder,
            f"{i:03d}.md",
            ref,
            [
                (f"How many burglaries did station {i} record in 2019?", f"Station {i} recorded {i + 1000}."),
                (f"How many thefts did station {i} record in 2020?", f"Station {i} recorded {i + 2000}."),
            ],
            authority="Exampleshire Police",
            when=f"2023-{1 + i % 12:02d}-01",
        )
        changed += 1
    return changed


def run_child(folder: Path, point: str, tmp_path: Path, flush: int = 0) -> dict | None:
    """Run an ingest in its own process; with a kill point, SIGKILL it there (in its ``flush``-th flush) and
    return None."""
    marker = tmp_path / f"reached-{point}-{time.monotonic_ns()}"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), point, str(marker), str(flush)],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if point == "none":
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        return json.loads(out.splitlines()[-1])
    deadline = time.monotonic() + 300
    while not marker.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the ingest ended before reaching {point}: {proc.stderr.read()}")
        assert time.monotonic() < deadline, f"the ingest never reached {point}"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return None


def store_counts(settings: Settings) -> tuple[int, int]:
    """(letters, history rows), read with plain sqlite3: the store file opens and is intact after the kill."""
    conn = sqlite3.connect(settings.index_dir / STORE_FILE)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return (
            conn.execute("SELECT count(*) FROM letters").fetchone()[0],
            conn.execute("SELECT count(*) FROM letter_history").fetchone()[0],
        )
    finally:
        conn.close()


def chroma_vectors(settings: Settings) -> int:
    """Vectors in the Chroma collection, read before the index reconciles it."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(
        path=str(settings.chroma_dir), settings=ChromaSettings(anonymized_telemetry=False)
    )
    return client.get_collection("precedents").count()


def open_and_search(settings: Settings, letters: int) -> None:
    """The index opens (reconciling Chroma with SQLite), is consistent, and search finds only stored letters."""
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    try:
        assert not index.dirty
        assert index.consistency() == {"chroma_only": [], "store_only": [], "mismatched": []}
        stats = index.stats()
        assert stats["letters"] == letters and stats["chunks"] == stats["vectors"]
        hits = index.search("How many burglaries did station 5 record?", k=10)
        assert hits and all(index.store.letter_info(h.reference) is not None for h in hits)
    finally:
        index.close()


@pytest.mark.parametrize("point", ["chroma-upsert", "sqlite-transaction", "after-sqlite-commit"])
def test_kill_9_during_a_large_ingest_then_the_next_ingest_completes(tmp_path, point):
    settings = Settings.from_env()
    folder = tmp_path / "letters"
    make_corpus(folder)

    # a fresh ingest, killed during its third flush
    assert run_child(folder, point, tmp_path, flush=3) is None
    committed, _ = store_counts(settings)
    flushed = 2 if point != "after-sqlite-commit" else 3  # flushes SQLite holds (15 letters each)
    assert committed == flushed * 15
    assert (settings.index_dir / "dirty").exists()  # killed half way, as intended
    extra = {"chroma-upsert": 22, "sqlite-transaction": 45, "after-sqlite-commit": 0}[point]
    assert chroma_vectors(settings) == committed * 3 + extra  # vectors SQLite does not know, until reconciled
    open_and_search(settings, committed)
    report = run_child(folder, "none", tmp_path)
    assert (report["letters"], report["unchanged"], report["skipped"]) == (LETTERS - committed, committed, [])
    assert store_counts(settings) == (LETTERS, 0)
    open_and_search(settings, LETTERS)
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    assert len(index.store.versions(SHARED)) == 2  # kept both, and only once each across the crash
    index.close()

    # a re-ingest that replaces every third letter (30 letters, 2 chunks each: 23 in its first flush, 7 in its
    # second and last), killed at the same point of its second flush
    changed = change_corpus(folder)
    assert run_child(folder, point, tmp_path, flush=2) is None
    letters, replaced_before = store_counts(settings)
    assert letters == LETTERS and replaced_before == (23 if point != "after-sqlite-commit" else changed)
    open_and_search(settings, LETTERS)
    report = run_child(folder, "none", tmp_path)
    assert (report["letters"], report["replaced"], report["skipped"]) == (0, changed - replaced_before, [])
    assert report["unchanged"] == LETTERS - report["replaced"]
    assert store_counts(settings) == (LETTERS, changed)  # each old text in the history exactly once
    open_and_search(settings, LETTERS)
    index = PrecedentIndex.open(settings, embedding_function=FakeEmbeddingFunction())
    assert (
        index.stats()["chunks"] == LETTERS * 3 - changed
    )  # the dropped questions' chunks and vectors are gone
    assert "1000" in index.letter("FOI-000").text
    index.close()
