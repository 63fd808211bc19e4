"""The SQLite store: the index's source of truth (letters and their chunks).

Chroma (vectors) and the bm25 index (``lexical.py``) are derived from it and can be rebuilt from it.
Schema changes are named migrations applied in order and recorded (``foi_precedent.migrations``); the version
is ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from foi_precedent.errors import IndexError_
from foi_precedent.letters.model import Letter, letter_from_dict
from foi_precedent.letters.versions import SUPERSEDED_BY, SUPERSEDED_REASON, SUPERSEDES, WRITTEN_REFERENCE
from foi_precedent.migrations import Migration, migrate
from retriever.chunking import Chunk

STORE_FILE = "store.sqlite3"

# Each entry upgrades the schema from version i to i + 1. Never edit an entry once released: append one.
MIGRATIONS: list[Migration] = [
    # 1: letters and chunks
    Migration("letters_and_chunks", """
    CREATE TABLE letters (
        reference    TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source_path  TEXT,
        data         TEXT NOT NULL,
        ingested_at  TEXT NOT NULL
    );
    CREATE TABLE chunks (
        id        TEXT PRIMARY KEY,
        reference TEXT NOT NULL REFERENCES letters(reference) ON DELETE CASCADE,
        label     TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        text      TEXT NOT NULL,
        metadata  TEXT NOT NULL
    );
    CREATE INDEX chunks_reference ON chunks(reference);
    """),
    # 2: a generation counter, bumped by every change (the lexical index's staleness stamp uses it)
    Migration("meta_generation", """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta(key, value) VALUES ('generation', '0');
    INSERT INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(8))));
    """),
    # 3: one embedding of each question's own words: "same kind of question" is judged on these
    Migration("question_vectors", """
    CREATE TABLE question_vectors (
        reference TEXT NOT NULL,
        label     TEXT NOT NULL,
        vector    BLOB NOT NULL,
        PRIMARY KEY (reference, label)
    );
    """),
    # 4: question vectors are now embedded with the authority named neutrally ("How many drones does the
    # authority have?"): drop the old ones; the index recomputes missing vectors at the first search
    Migration("neutral_question_vectors", """
    DELETE FROM question_vectors;
    """),
    # 5: a letter is its file and content, not its reference alone. ``reference`` stays the stored key (chunk
    # ids, question vectors, Chroma); a second letter carrying a reference already indexed is kept under the
    # reference plus a short content hash, and ``written_reference`` holds the reference as the letter wrote it.
    # A version an ingest replaces is kept in ``letter_history``; ``supersessions`` records that one letter
    # supersedes another (a re-issue, an internal review's outcome).
    Migration("letter_versions", """
    ALTER TABLE letters ADD COLUMN written_reference TEXT;
    UPDATE letters SET written_reference = reference;
    CREATE INDEX letters_written_reference ON letters(written_reference);
    CREATE TABLE letter_history (
        id           INTEGER PRIMARY KEY,
        reference    TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_path  TEXT,
        data         TEXT NOT NULL,
        ingested_at  TEXT NOT NULL,
        removed_at   TEXT NOT NULL,
        why          TEXT NOT NULL
    );
    CREATE INDEX letter_history_reference ON letter_history(reference);
    CREATE TABLE supersessions (
        reference     TEXT PRIMARY KEY,
        superseded_by TEXT NOT NULL,
        reason        TEXT,
        created_at    TEXT NOT NULL
    );
    """),
]
SCHEMA_VERSION = len(MIGRATIONS)


#: keys the store adds to a letter's ``meta`` as it reads it (never stored in the letter's data)
_READ_NOTES = (SUPERSEDED_BY, SUPERSEDED_REASON, SUPERSEDES)


@dataclass(frozen=True)
class StoredLetter:
    reference: str  # the key: the written reference, or for a second letter with it the reference + a hash
    content_hash: str
    source_path: str | None
    written_reference: str | None = None
    ingested_at: str | None = None


@dataclass(frozen=True)
class Supersession:
    reference: str
    superseded_by: str
    reason: str | None
    created_at: str


@dataclass(frozen=True)
class StoredChunk:
    id: str
    reference: str
    label: str
    seq: int
    text: str
    metadata: dict


def letter_record(letter: Letter) -> dict:
    data = letter.to_dict()
    data["text"] = letter.text
    data["meta"] = jsonable(letter.meta)
    return data


def jsonable(value):
    """Front matter may hold dates and other YAML types: keep what JSON can hold, stringify the rest."""
    return json.loads(json.dumps(value, default=str))


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.DatabaseError as exc:
            raise IndexError_(f"The index store {self.path} cannot be opened ({exc}); delete the folder and re-ingest.") from None
        self.migrate()

    # -- schema ---------------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply pending migrations (named and recorded: ``foi_precedent.migrations``). Returns the number applied."""
        return len(migrate(self.conn, MIGRATIONS, what=f"index at {self.path}", error=IndexError_))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Cursor]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -- reads ----------------------------------------------------------------------------------------
    @property
    def store_id(self) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key='store_id'").fetchone()
        return row[0] if row else ""

    @property
    def generation(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    _INFO = "SELECT reference, content_hash, source_path, written_reference, ingested_at FROM letters"

    def letter_by_hash(self, content_hash: str) -> StoredLetter | None:
        row = self.conn.execute(self._INFO + " WHERE content_hash=?", (content_hash,)).fetchone()
        return StoredLetter(*row) if row else None

    def letter_info(self, reference: str) -> StoredLetter | None:
        row = self.conn.execute(self._INFO + " WHERE reference=?", (reference,)).fetchone()
        return StoredLetter(*row) if row else None

    def versions(self, written_reference: str) -> list[StoredLetter]:
        """Every stored letter written with this reference (the first one's key is the reference itself)."""
        rows = self.conn.execute(self._INFO + " WHERE written_reference=? ORDER BY length(reference), reference",
                                 (written_reference,)).fetchall()
        return [StoredLetter(*row) for row in rows]

    def version_rows(self, references: Iterable[str]) -> list[tuple[str, str, str | None]]:
        """(key, written reference, authority) of every letter written with one of ``references`` or with the
        written reference of a letter keyed by one of them."""
        refs = list(dict.fromkeys(references))
        rows: dict[str, tuple[str, str, str | None]] = {}
        for i in range(0, len(refs), 250):
            part = refs[i: i + 250]
            marks = ",".join("?" * len(part))
            sql = ("SELECT reference, written_reference, json_extract(data, '$.authority') FROM letters WHERE "
                   f"written_reference IN ({marks}) OR written_reference IN "
                   f"(SELECT written_reference FROM letters WHERE reference IN ({marks}))")
            for key, written, authority in self.conn.execute(sql, [*part, *part]):
                rows[key] = (key, written or key, authority)
        return list(rows.values())

    def stored_data(self, reference: str) -> dict | None:
        """The letter's data as ingest stored it (without the notes added on reading)."""
        row = self.conn.execute("SELECT data FROM letters WHERE reference=?", (reference,)).fetchone()
        return json.loads(row[0]) if row else None

    def letter_data(self, reference: str) -> dict | None:
        data = self.stored_data(reference)
        return self._annotate({reference: data}, self._supersessions_of([reference]))[reference] if data else None

    def letter(self, reference: str) -> Letter | None:
        data = self.letter_data(reference)
        return letter_from_dict(data) if data else None

    def letters(self) -> list[Letter]:
        rows = self.conn.execute("SELECT reference, data FROM letters ORDER BY reference").fetchall()
        data = self._annotate({ref: json.loads(d) for ref, d in rows}, self.supersessions())
        return [letter_from_dict(d) for d in data.values()]

    def letters_data(self, references: Iterable[str]) -> dict[str, dict]:
        refs = list(dict.fromkeys(references))
        out: dict[str, dict] = {}
        for i in range(0, len(refs), 500):
            part = refs[i: i + 500]
            marks = ",".join("?" * len(part))
            for ref, data in self.conn.execute(f"SELECT reference, data FROM letters WHERE reference IN ({marks})", part):
                out[ref] = json.loads(data)
        return self._annotate(out, self._supersessions_of(out))

    # -- supersession and history ------------------------------------------------------------------------
    def supersessions(self) -> dict[str, Supersession]:
        """Superseded letter -> the record of what supersedes it."""
        rows = self.conn.execute("SELECT reference, superseded_by, reason, created_at FROM supersessions")
        return {r[0]: Supersession(*r) for r in rows}

    def _supersessions_of(self, references: Iterable[str]) -> dict[str, Supersession]:
        refs = set(references)
        if not refs:
            return {}
        if len(refs) > 500:
            return self.supersessions()
        marks = ",".join("?" * len(refs))
        rows = self.conn.execute(
            "SELECT reference, superseded_by, reason, created_at FROM supersessions "
            f"WHERE reference IN ({marks}) OR superseded_by IN ({marks})", [*refs, *refs])
        return {r[0]: Supersession(*r) for r in rows}

    @staticmethod
    def _annotate(data: dict[str, dict], supersessions: dict[str, Supersession]) -> dict[str, dict]:
        """Add to each letter's ``meta`` what supersedes it and what it supersedes (the store's record, so it
        survives a re-ingest of either letter)."""
        supersedes: dict[str, list[str]] = {}
        for s in supersessions.values():
            supersedes.setdefault(s.superseded_by, []).append(s.reference)
        for ref, d in data.items():
            meta = d.get("meta") or {}
            if not supersessions and not any(k in meta for k in _READ_NOTES):
                continue  # the common case: nothing to add or remove
            meta = {k: v for k, v in meta.items() if k not in _READ_NOTES}  # front matter does not decide this
            if ref in supersessions:
                meta[SUPERSEDED_BY] = supersessions[ref].superseded_by
                if supersessions[ref].reason:
                    meta[SUPERSEDED_REASON] = supersessions[ref].reason
            if ref in supersedes:
                meta[SUPERSEDES] = sorted(supersedes[ref])
            d["meta"] = meta
        return data

    def supersede(self, reference: str, superseded_by: str, reason: str | None = None) -> Supersession | None:
        """Record that ``superseded_by`` supersedes ``reference``; returns the record it replaced, if any."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as cur:
            row = cur.execute("SELECT reference, superseded_by, reason, created_at FROM supersessions WHERE reference=?",
                              (reference,)).fetchone()
            cur.execute("INSERT OR REPLACE INTO supersessions(reference, superseded_by, reason, created_at) "
                        "VALUES (?,?,?,?)", (reference, superseded_by, reason, now))
            self._bump(cur)
        return Supersession(*row) if row else None

    def unsupersede(self, reference: str) -> Supersession | None:
        """Remove the record that ``reference`` is superseded; returns it (None when there was none)."""
        with self.transaction() as cur:
            row = cur.execute("SELECT reference, superseded_by, reason, created_at FROM supersessions WHERE reference=?",
                              (reference,)).fetchone()
            if row:
                cur.execute("DELETE FROM supersessions WHERE reference=?", (reference,))
                self._bump(cur)
        return Supersession(*row) if row else None

    def history(self, reference: str) -> list[dict]:
        """Earlier versions of a letter (replaced by a re-ingest of its changed file), oldest first."""
        rows = self.conn.execute(
            "SELECT content_hash, source_path, data, ingested_at, removed_at, why FROM letter_history "
            "WHERE reference=? ORDER BY id", (reference,)).fetchall()
        return [{"reference": reference, "content_hash": h, "source_path": src, "data": json.loads(d),
                 "ingested_at": ing, "removed_at": rem, "why": why} for h, src, d, ing, rem, why in rows]

    def history_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM letter_history").fetchone()[0]

    def chunk_ids(self, reference: str | None = None) -> list[str]:
        if reference is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM chunks ORDER BY id")]
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE reference=? ORDER BY id", (reference,))]

    def chunks(self, ids: Iterable[str] | None = None) -> list[StoredChunk]:
        sql = "SELECT id, reference, label, seq, text, metadata FROM chunks"
        if ids is None:
            rows = self.conn.execute(sql + " ORDER BY id").fetchall()
        else:
            wanted = list(dict.fromkeys(ids))
            rows = []
            for i in range(0, len(wanted), 500):
                part = wanted[i: i + 500]
                rows += self.conn.execute(sql + f" WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
        return [StoredChunk(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    def pointer_names(self) -> set[str]:
        """Every resource name any stored question points to (from chunk metadata, in SQLite's JSON functions)."""
        rows = self.conn.execute(
            "SELECT DISTINCT value FROM chunks, json_each(json_extract(chunks.metadata, '$.pointers'))")
        return {r[0] for r in rows if r[0]}

    def chunk_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]

    def counts(self) -> dict:
        letters = self.conn.execute("SELECT count(*) FROM letters").fetchone()[0]
        chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        authorities: dict[str, int] = {}
        for (data,) in self.conn.execute("SELECT data FROM letters"):
            name = json.loads(data).get("authority") or "(unknown)"
            authorities[name] = authorities.get(name, 0) + 1
        authorities = dict(sorted(authorities.items()))
        return {"letters": letters, "chunks": chunks, "authorities": authorities}

    # -- writes ---------------------------------------------------------------------------------------
    def question_vectors(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], np.ndarray]:
        wanted = list(dict.fromkeys(keys))
        out: dict[tuple[str, str], np.ndarray] = {}
        refs = list(dict.fromkeys(ref for ref, _ in wanted))
        want = set(wanted)
        for i in range(0, len(refs), 500):
            part = refs[i: i + 500]
            rows = self.conn.execute(
                f"SELECT reference, label, vector FROM question_vectors WHERE reference IN ({','.join('?' * len(part))})",
                part)
            for ref, label, blob in rows:
                if (ref, label) in want:
                    out[(ref, label)] = np.frombuffer(blob, dtype=np.float32)
        return out

    def save_question_vectors(self, vectors: dict[tuple[str, str], np.ndarray]) -> None:
        with self.transaction() as cur:
            self._insert_question_vectors(cur, vectors)

    @staticmethod
    def _insert_question_vectors(cur, vectors: dict[tuple[str, str], np.ndarray]) -> None:
        cur.executemany(
            "INSERT OR REPLACE INTO question_vectors(reference, label, vector) VALUES (?,?,?)",
            [(ref, label, np.asarray(v, dtype=np.float32).tobytes()) for (ref, label), v in vectors.items()],
        )

    def save_letters(self, items: list[tuple[Letter, str | None, list[Chunk]]],
                     question_vectors: dict[tuple[str, str], np.ndarray] | None = None) -> None:
        """Insert or replace letters, all their chunks and their question vectors, in one transaction."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as cur:
            for letter, source_path, chunks in items:
                # a version with other text is kept as history, never lost (a re-read of the same text is not)
                self._archive(cur, letter.reference, now, "replaced", unless_hash=letter.content_hash)
                cur.execute("DELETE FROM question_vectors WHERE reference=?", (letter.reference,))
                cur.execute("DELETE FROM chunks WHERE reference=?", (letter.reference,))
                cur.execute("DELETE FROM letters WHERE reference=?", (letter.reference,))
                written = (letter.meta or {}).get(WRITTEN_REFERENCE) or letter.reference
                cur.execute(
                    "INSERT INTO letters(reference, content_hash, source_path, data, ingested_at, written_reference) "
                    "VALUES (?,?,?,?,?,?)",
                    (letter.reference, letter.content_hash, source_path, json.dumps(letter_record(letter)), now,
                     written),
                )
                cur.executemany(
                    "INSERT INTO chunks(id, reference, label, seq, text, metadata) VALUES (?,?,?,?,?,?)",
                    [(c.id, c.reference, c.label, c.seq, c.text, json.dumps(c.metadata)) for c in chunks],
                )
            if question_vectors:
                self._insert_question_vectors(cur, question_vectors)
            self._bump(cur)

    @staticmethod
    def _bump(cur) -> None:
        cur.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")

    @staticmethod
    def _archive(cur, reference: str, now: str, why: str, unless_hash: str | None = None) -> None:
        cur.execute(
            "INSERT INTO letter_history(reference, content_hash, source_path, data, ingested_at, removed_at, why) "
            "SELECT reference, content_hash, source_path, data, ingested_at, ?, ? FROM letters "
            "WHERE reference=? AND content_hash IS NOT ?", (now, why, reference, unless_hash))

    def set_source_path(self, reference: str, source_path: str) -> None:
        with self.transaction() as cur:
            cur.execute("UPDATE letters SET source_path=? WHERE reference=?", (source_path, reference))

    def delete_letter(self, reference: str) -> list[str]:
        """Remove a letter and its chunks (its text is kept in the history); returns the removed chunk ids."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as cur:
            ids = [r[0] for r in cur.execute("SELECT id FROM chunks WHERE reference=?", (reference,))]
            self._archive(cur, reference, now, "deleted")
            cur.execute("DELETE FROM chunks WHERE reference=?", (reference,))
            cur.execute("DELETE FROM question_vectors WHERE reference=?", (reference,))
            cur.execute("DELETE FROM letters WHERE reference=?", (reference,))
            cur.execute("DELETE FROM supersessions WHERE reference=? OR superseded_by=?", (reference, reference))
            self._bump(cur)
        return ids
