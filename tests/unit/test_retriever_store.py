"""The index's store: migrations (legacy SQLite and Alembic), WAL, round trip of letters and chunks; the round
trips on both back ends (SQLite and a real PostgreSQL: the ``database_url`` fixture)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from foi_precedent.db.engine import chain
from foi_precedent.errors import IndexError_
from foi_precedent.letters.model import Letter, Question, Regime, Treatment
from foi_precedent.migrations import statements as _statements
from retriever.chunking import chunks_for_letter
from retriever.store import MIGRATIONS, SCHEMA_VERSION, Store


def _letter(reference="FOI-1", answer="412 discharges.") -> Letter:
    return Letter(
        reference=reference,
        authority="Exampleshire Police",
        date=date(2023, 5, 4),
        regime=Regime.FOIA,
        questions=(Question("Q1", "How many Taser discharges?", answer, (Treatment.DISCLOSED,)),),
        text=f"Q1 - How many Taser discharges?\n{answer}",
        meta={"when": date(2023, 5, 4)},
    )


def test_fresh_store_is_at_latest_schema_in_wal_mode(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS) + len(chain("index")) - 1
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
    conn.execute(
        "INSERT INTO letters VALUES ('R', 'h', NULL, '{\"reference\": \"R\", \"questions\": []}', 'now')"
    )
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


def test_save_replace_and_delete(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
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


def test_a_failed_transaction_leaves_nothing(tmp_path, database_url):
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    letter = _letter()
    chunks = chunks_for_letter(letter)
    with pytest.raises(IntegrityError):
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
    conn.execute(
        "INSERT INTO question_vectors VALUES ('R', 'Q1', ?)", (np.ones(4, dtype=np.float32).tobytes(),)
    )
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    assert store.question_vectors([("R", "Q1")]) == {}
    store.close()


def test_migrations_are_named_and_recorded_and_an_older_store_is_recorded_too(tmp_path):
    """A fresh store is kept by Alembic alone; a store from before Alembic migrated to version 2 before names
    were recorded gets those two recorded as such and the rest applied (the legacy way), then is stamped."""
    from foi_precedent.migrations import BEFORE_RECORDING, applied

    fresh = Store(tmp_path / "fresh.sqlite3")
    assert applied(fresh.conn) == []  # no legacy table: Alembic's version table instead
    assert (
        fresh.conn.execute("SELECT version_num FROM alembic_version_index").fetchone()[0]
        == chain("index")[-1]
    )
    assert fresh.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        for number, migration in enumerate(MIGRATIONS[:2], start=1):
            conn.executescript(f"{migration.sql}\nPRAGMA user_version = {number};")
    old = Store(path)  # opening a store migrates it
    assert old.schema_version == SCHEMA_VERSION and old.migrate() == 0
    got = applied(old.conn)
    assert [n for n, _ in got] == [m.name for m in MIGRATIONS]
    assert [a for _, a in got[:2]] == [BEFORE_RECORDING] * 2 and BEFORE_RECORDING not in [
        a for _, a in got[2:]
    ]
    assert (
        old.conn.execute("SELECT version_num FROM alembic_version_index").fetchone()[0] == chain("index")[-1]
    )


def test_a_store_written_by_the_code_before_alembic_opens_with_everything_kept(tmp_path):
    """The legacy format exactly: the named migrations applied by the old code path (``_migrations``,
    ``PRAGMA user_version`` 5), then rows in every table written with the old raw SQL."""
    import numpy as np

    from foi_precedent.migrations import migrate

    path = tmp_path / "legacy.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS, what="index")
    letter = _letter("FOI-OLD")
    conn.execute(
        "INSERT INTO letters(reference, content_hash, source_path, data, ingested_at, written_reference) "
        "VALUES (?,?,?,?,?,?)",
        (
            "FOI-OLD",
            "h-old",
            "/x/old.md",
            '{"reference": "FOI-OLD", "questions": [], "text": "old"}',
            "2025-01-01",
            "FOI-OLD",
        ),
    )
    conn.execute(
        "INSERT INTO chunks VALUES ('FOI-OLD::Q1::0', 'FOI-OLD', 'Q1', 0, 'text', '{\"pointers\": [\"a\"]}')"
    )
    conn.execute(
        "INSERT INTO question_vectors VALUES ('FOI-OLD', 'Q1', ?)", (np.ones(4, dtype=np.float32).tobytes(),)
    )
    conn.execute(
        "INSERT INTO letter_history(reference, content_hash, source_path, data, ingested_at, removed_at, why) "
        "VALUES ('FOI-OLD', 'h0', NULL, '{\"text\": \"older\"}', '2024-01-01', '2025-01-01', 'replaced')"
    )
    conn.execute("INSERT INTO supersessions VALUES ('FOI-OLDER', 'FOI-OLD', 'reissued', '2025-01-02')")
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'generation'")
    store_id = conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()[0]
    conn.close()

    store = Store(path)
    assert store.migrate() == 0 and store.schema_version == SCHEMA_VERSION
    assert (store.generation, store.store_id) == (7, store_id)
    assert store.letter_info("FOI-OLD").source_path == "/x/old.md" and store.chunk_ids() == ["FOI-OLD::Q1::0"]
    assert store.pointer_names() == {"a"} and store.history("FOI-OLD")[0]["data"] == {"text": "older"}
    # kept by the legacy path, then dropped by index_0002 (questions are embedded in context now); an index
    # recomputes missing question vectors when it needs them
    assert store.question_vectors([("FOI-OLD", "Q1")]) == {}
    assert store.supersessions()["FOI-OLDER"].reason == "reissued"
    store.save_letters([(letter, "/x/new.md", chunks_for_letter(letter))])  # and it takes writes
    assert store.generation == 8 and store.history_count() == 2
    store.close()


def test_a_store_at_a_revision_this_version_does_not_know_is_refused(tmp_path, database_url):
    from sqlalchemy import text

    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    with store.db.write() as conn:
        conn.execute(text("UPDATE alembic_version_index SET version_num = 'index_9999'"))
    store.close()
    with pytest.raises(IndexError_, match="newer version of Precedent"):
        Store(tmp_path / "s.sqlite3", database_url=database_url)


def test_a_store_from_before_period_questions_were_embedded_in_context_drops_its_question_vectors(
    tmp_path, database_url
):
    """index_0005: a question that is only a period ("c) 2019/20") is embedded after the question before it now,
    so vectors stored before are dropped, on both back ends; the index recomputes missing ones when it needs them."""
    import numpy as np
    from sqlalchemy import text

    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    store.save_question_vectors({("FOI-A", "c)"): np.ones(4)})
    with store.db.write() as conn:  # as a store the version before left it
        conn.execute(text("UPDATE alembic_version_index SET version_num = 'index_0004'"))
    store.close()
    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    assert store.schema_version == SCHEMA_VERSION and chain("index")[-1] == "index_0005"
    assert store.question_vectors([("FOI-A", "c)")]) == {}
    store.close()


def test_questions_vectors_supersessions_and_history_on_both_back_ends(tmp_path, database_url):
    import numpy as np

    store = Store(tmp_path / "s.sqlite3", database_url=database_url)
    a, b = _letter("FOI-A"), _letter("FOI-B", answer="3 discharges.")
    store.save_letters(
        [(a, None, chunks_for_letter(a)), (b, None, chunks_for_letter(b))],
        {("FOI-A", "Q1"): np.arange(4, dtype=np.float32)},
    )
    store.save_question_vectors({("FOI-A", "Q1"): np.ones(4), ("FOI-B", "Q1"): np.zeros(4)})
    got = store.question_vectors([("FOI-A", "Q1"), ("FOI-B", "Q1"), ("FOI-C", "Q1")])
    assert (
        got[("FOI-A", "Q1")].tolist() == [1.0] * 4
        and got[("FOI-B", "Q1")].tolist() == [0.0] * 4
        and len(got) == 2
    )
    assert store.supersede("FOI-A", "FOI-B", "reissued") is None
    assert store.supersede("FOI-A", "FOI-B", "again").reason == "reissued"
    assert store.letter("FOI-A").meta["superseded_by"] == "FOI-B"
    assert [(r[0], r[2]) for r in store.version_rows(["FOI-A"])] == [("FOI-A", "Exampleshire Police")]
    assert store.unsupersede("FOI-A").reason == "again" and store.supersessions() == {}
    changed = _letter("FOI-A", answer="9 discharges.")
    store.save_letters([(changed, "/x/a.md", chunks_for_letter(changed))])
    assert [h["why"] for h in store.history("FOI-A")] == ["replaced"] and store.question_vectors(
        [("FOI-A", "Q1")]
    ) == {}
    store.set_source_path("FOI-A", "/y/a.md")
    assert store.letter_info("FOI-A").source_path == "/y/a.md"
    assert [v.reference for v in store.versions("FOI-A")] == ["FOI-A"] and store.chunk_count() == 2
    assert [letter.reference for letter in store.letters()] == ["FOI-A", "FOI-B"]
    assert set(store.letters_data(["FOI-B", "nope"])) == {"FOI-B"}
    store.delete_letter("FOI-A")
    assert store.history_count() == 2 and store.counts()["letters"] == 1
    store.close()


def test_the_texts_generation_moves_with_chunk_texts_only(tmp_path, database_url):
    """The bm25 index follows the texts generation: an ingest or a delete moves it, a correction or a
    supersession moves the generation alone; two stores on one database agree; a store without the row (made
    before it) reads its generation, and so does one whose generation moved under code that does not keep it."""
    from sqlalchemy import Integer, Text, cast, update

    from foi_precedent.corrections import make_correction
    from foi_precedent.db.tables import meta
    from foi_precedent.identity import DRAFTER

    path = tmp_path / "s.sqlite3"
    store, other = Store(path, database_url=database_url), Store(path, database_url=database_url)
    assert store.generations() == (0, 0)  # a fresh store has no row yet
    a, b = _letter("FOI-A"), _letter("FOI-B", answer="3 discharges.")
    store.save_letters([(a, None, chunks_for_letter(a)), (b, None, chunks_for_letter(b))])
    assert store.generations() == (1, 1)
    correction = make_correction(
        "FOI-A",
        "Q1",
        treatments="withheld",
        officer="alice",
        at="2026-12-06T09:00:00+00:00",
        reason="misread",
    )
    other.add_correction(correction, {DRAFTER})
    store.supersede("FOI-A", "FOI-B")
    other.unsupersede("FOI-A")
    assert store.generations() == other.generations() == (4, 1)
    changed = _letter("FOI-A", answer="9 discharges.")
    other.save_letters([(changed, None, chunks_for_letter(changed))])
    assert store.generations() == (5, 5)
    store.supersede("FOI-A", "FOI-B")
    store.delete_letter("FOI-B")
    assert store.generations() == (7, 7)

    # a write by code from before the row bumps the generation alone: it counts as a change of texts
    with store.transaction() as cur:
        cur.execute(
            update(meta)
            .where(meta.c.key == "generation")
            .values(value=cast(cast(meta.c.value, Integer) + 1, Text))
        )
    assert store.generations() == (8, 8)
    other.add_correction(correction, {DRAFTER})
    assert store.generations() == (9, 8)
    store.close()
    other.close()
