"""The SQLite store: migrations, WAL, round trip of letters and chunks."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from foi_precedent.errors import IndexError_
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from foi_precedent.migrations import statements as _statements
from retriever.chunking import chunks_for_letter
from retriever.store import MIGRATIONS, SCHEMA_VERSION, Store


def _letter(reference="FOI-1", answer="412 discharges.") -> Letter:
    return Letter(
        reference=reference, authority="Exampleshire Police", date=date(2023, 5, 4), regime=Regime.FOIA,
        questions=(Question("Q1", "How many Taser discharges?", answer, (Treatment.DISCLOSED,)),),
        text=f"Q1 - How many Taser discharges?\n{answer}", meta={"when": date(2023, 5, 4)},
    )


def test_fresh_store_is_at_latest_schema_in_wal_mode(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"letters", "chunks", "meta"} <= tables
    assert store.migrate() == 0  # idempotent
    store.close()


def test_migrations_upgrade_an_old_store_and_keep_data(tmp_path):
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0].sql):
        conn.execute(statement)
    conn.execute("INSERT INTO letters VALUES ('R', 'h', NULL, '{\"reference\": \"R\", \"questions\": []}', 'now')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.generation == 0 and store.store_id
    assert store.letter_info("R").content_hash == "h"
    store.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(IndexError_, match="newer version"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(IndexError_, match="cannot be opened"):
        Store(path)


def test_save_replace_and_delete(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    letter = _letter()
    store.save_letters([(letter, "/x/a.txt", chunks_for_letter(letter))])
    assert store.generation == 1
    assert store.letter_by_hash(letter.content_hash).reference == "FOI-1"
    got = store.letter("FOI-1")
    assert got == letter and got.text == letter.text and got.meta == {"when": "2023-05-04"}
    assert store.chunk_ids() == ["FOI-1::Q1::0"]
    (chunk,) = store.chunks()
    assert chunk.metadata["tr_disclosed"] is True

    new = _letter(answer="500 discharges.")
    store.save_letters([(new, "/x/a.txt", chunks_for_letter(new))])
    assert store.generation == 2
    assert store.letter_by_hash(letter.content_hash) is None
    assert store.letter("FOI-1").questions[0].answer == "500 discharges."
    assert store.counts() == {"letters": 1, "chunks": 1, "authorities": {"Exampleshire Police": 1}}

    assert store.delete_letter("FOI-1") == ["FOI-1::Q1::0"]
    assert store.counts()["letters"] == 0 and store.chunk_ids() == []
    store.close()


def test_a_failed_transaction_leaves_nothing(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    letter = _letter()
    chunks = chunks_for_letter(letter)
    with pytest.raises(sqlite3.IntegrityError):
        store.save_letters([(letter, None, chunks + chunks)])  # duplicate chunk id
    assert store.counts()["letters"] == 0 and store.generation == 0
    store.close()


def test_question_vectors_from_before_neutral_authority_names_are_dropped_on_upgrade(tmp_path):
    """Schema 4: question vectors embedded with the authority's name in the text are stale; the index
    recomputes missing ones at the first search."""
    import numpy as np

    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    for version in range(3):
        for statement in _statements(MIGRATIONS[version].sql):
            conn.execute(statement)
    conn.execute("INSERT INTO question_vectors VALUES ('R', 'Q1', ?)", (np.ones(4, dtype=np.float32).tobytes(),))
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.question_vectors([("R", "Q1")]) == {}
    store.close()


def test_migrations_are_named_and_recorded_and_an_older_store_is_recorded_too(tmp_path):
    import sqlite3

    from foi_precedent.migrations import BEFORE_RECORDING, applied

    fresh = Store(tmp_path / "fresh.sqlite3")
    names = [name for name, _ in applied(fresh.conn)]
    assert names == [m.name for m in MIGRATIONS] and len(set(names)) == SCHEMA_VERSION
    # a store migrated to version 2 before names were recorded: those two are recorded as such, the rest applied
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        for number, migration in enumerate(MIGRATIONS[:2], start=1):
            conn.executescript(f"{migration.sql}\nPRAGMA user_version = {number};")
    old = Store(path)  # opening a store migrates it
    assert old.schema_version == SCHEMA_VERSION and old.migrate() == 0
    got = applied(old.conn)
    assert [n for n, _ in got] == [m.name for m in MIGRATIONS]
    assert [a for _, a in got[:2]] == [BEFORE_RECORDING] * 2 and BEFORE_RECORDING not in [a for _, a in got[2:]]
