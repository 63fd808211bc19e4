"""The index's store: its source of truth (letters and their chunks, question vectors, history, supersessions,
and officers' corrections of how a question was read, applied to every letter and chunk it returns).

Chroma (vectors) and the bm25 index (``lexical.py``) are derived from it and can be rebuilt from it. A SQLite
file in the index folder, or PostgreSQL with PRECEDENT_DATABASE_URL (``foi_precedent.db``: SQLAlchemy Core,
Alembic revisions in ``foi_precedent/db/migrations/versions/index/``). ``MIGRATIONS`` are the named SQLite
migrations from before Alembic, frozen: an older store file gets those it lacks, then joins the Alembic chain.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import Connection, Integer, Text, cast, delete, func, insert, or_, select, update

from foi_precedent.corrections import (
    CORRECTED,
    ORPHANED,
    Correction,
    apply_corrections,
    in_force,
    may_correct,
)
from foi_precedent.db import Database, database_url_for
from foi_precedent.db.engine import chain
from foi_precedent.db.tables import (
    chunks,
    letter_corrections,
    letter_history,
    letter_supersessions,
    letters,
    meta,
    question_vectors,
    split_corrections,
)
from foi_precedent.errors import IndexError_
from foi_precedent.letters.model import Letter, letter_from_dict
from foi_precedent.letters.versions import SUPERSEDED_BY, SUPERSEDED_REASON, SUPERSEDES, WRITTEN_REFERENCE
from foi_precedent.migrations import Migration
from foi_precedent.splits import RESPLIT, SplitCorrection
from foi_precedent.splits import in_force as splits_in_force
from retriever.chunking import Chunk, with_reading

STORE_FILE = "store.sqlite3"

# The named SQLite migrations from before Alembic, frozen: the first Alembic revision is all five. A schema
# change is a new Alembic revision, never an entry here.
MIGRATIONS: list[Migration] = [
    # 1: letters and chunks
    Migration(
        "letters_and_chunks",
        """
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
    """,
    ),
    # 2: a generation counter, bumped by every change (the lexical index's staleness stamp uses it)
    Migration(
        "meta_generation",
        """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta(key, value) VALUES ('generation', '0');
    INSERT INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(8))));
    """,
    ),
    # 3: one embedding of each question's own words: "same kind of question" is judged on these
    Migration(
        "question_vectors",
        """
    CREATE TABLE question_vectors (
        reference TEXT NOT NULL,
        label     TEXT NOT NULL,
        vector    BLOB NOT NULL,
        PRIMARY KEY (reference, label)
    );
    """,
    ),
    # 4: question vectors are now embedded with the authority named neutrally ("How many drones does the
    # authority have?"): drop the old ones; the index recomputes missing vectors at the first search
    Migration(
        "neutral_question_vectors",
        """
    DELETE FROM question_vectors;
    """,
    ),
    # 5: a letter is its file and content, not its reference alone. ``reference`` stays the stored key (chunk
    # ids, question vectors, Chroma); a second letter carrying a reference already indexed is kept under the
    # reference plus a short content hash, and ``written_reference`` holds the reference as the letter wrote it.
    # A version an ingest replaces is kept in ``letter_history``; ``supersessions`` records that one letter
    # supersedes another (a re-issue, an internal review's outcome).
    Migration(
        "letter_versions",
        """
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
    """,
    ),
]
#: legacy migrations and Alembic revisions, counted as ``PRAGMA user_version`` counts them (the first revision
#: is the state the legacy migrations leave)
SCHEMA_VERSION = len(MIGRATIONS) + len(chain("index")) - 1


#: the ``meta`` row saying when chunk texts last changed, as JSON ``{"texts": T, "at": G}``: T is the generation
#: after the last write that changed chunk texts (an ingest, a delete), G the generation after the last write made
#: by this code. The bm25 index follows T, so a correction or a supersession does not rebuild it. A write by code
#: from before this row bumps the generation alone, leaving G behind it: it counts as a change of texts. No
#: migration: a store without the row reads T as its generation until its next write.
TEXTS_KEY = "texts_generation"


def texts_generation(value: str | None, generation: int) -> int:
    """T from the ``TEXTS_KEY`` row's value, or ``generation`` when the row is missing, unreadable or behind."""
    try:
        recorded = json.loads(value)
        texts, at = int(recorded["texts"]), int(recorded["at"])
    except (TypeError, ValueError, KeyError):
        return generation
    return texts if at == generation else generation


_GENERATION_KEYS = ("generation", TEXTS_KEY)

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


def _correction(row) -> Correction:
    r = row._mapping
    pointers = json.loads(r["pointers"]) if r["pointers"] is not None else None
    return Correction.from_dict(
        {
            "id": r["id"],
            "reference": r["reference"],
            "label": r["label"],
            "treatments": json.loads(r["treatments"]),
            "exemptions": json.loads(r["exemptions"]),
            "ncnd": json.loads(r["ncnd"]),
            "pointers": pointers,
            "officer": r["officer"],
            "at": r["created_at"],
            "reason": r["reason"],
        }
    )


def _split(row) -> SplitCorrection:
    r = row._mapping
    questions = json.loads(r["questions"]) if r["questions"] is not None else None
    return SplitCorrection.from_dict(
        {
            "id": r["id"],
            "reference": r["reference"],
            "questions": questions,
            "officer": r["officer"],
            "at": r["created_at"],
            "reason": r["reason"],
        }
    )


def letter_record(letter: Letter) -> dict:
    data = letter.to_dict()
    data["text"] = letter.text
    data["meta"] = jsonable(letter.meta)
    return data


def jsonable(value):
    """Front matter may hold dates and other YAML types: keep what JSON can hold, stringify the rest."""
    return json.loads(json.dumps(value, default=str))


class Store:
    """``path`` is the SQLite file; ``database_url`` (else PRECEDENT_DATABASE_URL, so the index follows the
    settings without being told) puts the store in that database instead. Each write is one transaction."""

    def __init__(self, path: Path, database_url: str | None = None):
        self.path = Path(path)
        self.db = Database(
            "index",
            database_url_for(self.path, database_url),
            what="index store",
            legacy=MIGRATIONS,
            baseline=len(MIGRATIONS),
            error=IndexError_,
            hint=" Delete the folder and re-ingest.",
        )
        self._raw = None
        self.migrate()

    # -- schema ---------------------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.schema_version()

    def migrate(self) -> int:
        """Apply pending migrations (``foi_precedent.db``). Returns the number applied."""
        return len([m for m in self.db.migrate() if not m.startswith("stamp ")])

    @property
    def conn(self):
        """A plain ``sqlite3`` connection to a SQLite store, in autocommit mode: for tests and benchmarks that
        reach under the store. Not on PostgreSQL."""
        if not self.db.sqlite:
            raise AttributeError("conn: the store is not a SQLite file")
        if self._raw is None:
            self._raw = self.db.raw_sqlite()
        return self._raw

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction (SQLite: ``BEGIN IMMEDIATE``): committed at the end, rolled back on any error."""
        with self.db.write() as conn:
            yield conn

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        self.db.dispose()

    def _rows(self, query) -> list:
        with self.db.read() as conn:
            return conn.execute(query).all()

    def _scalar(self, query):
        with self.db.read() as conn:
            return conn.execute(query).scalar()

    # -- reads ----------------------------------------------------------------------------------------
    @property
    def store_id(self) -> str:
        return self._scalar(select(meta.c.value).where(meta.c.key == "store_id")) or ""

    @property
    def generation(self) -> int:
        value = self._scalar(select(meta.c.value).where(meta.c.key == "generation"))
        return int(value) if value is not None else 0

    def meta_value(self, key: str) -> str | None:
        """A value the store keeps about itself (``meta``), or None."""
        return self._scalar(select(meta.c.value).where(meta.c.key == key))

    def set_meta_value(self, key: str, value: str) -> None:
        """Keep ``value`` under ``key`` in ``meta`` (not the generation's keys: those move with the data)."""
        if key in ("store_id", *_GENERATION_KEYS):
            raise ValueError(f"{key} is the store's own")
        with self.db.write() as conn:
            if not conn.execute(update(meta).where(meta.c.key == key).values(value=value)).rowcount:
                conn.execute(insert(meta).values(key=key, value=value))

    def generations(self) -> tuple[int, int]:
        """The generation (bumped by every change) and the texts generation (moved only by a change of chunk
        texts: see ``TEXTS_KEY``), read in one statement."""
        rows = dict(self._rows(select(meta.c.key, meta.c.value).where(meta.c.key.in_(_GENERATION_KEYS))))
        generation = int(rows.get("generation") or 0)
        return generation, texts_generation(rows.get(TEXTS_KEY), generation)

    _INFO = select(
        letters.c.reference,
        letters.c.content_hash,
        letters.c.source_path,
        letters.c.written_reference,
        letters.c.ingested_at,
    )

    def letter_by_hash(self, content_hash: str) -> StoredLetter | None:
        rows = self._rows(self._INFO.where(letters.c.content_hash == content_hash))
        return StoredLetter(*rows[0]) if rows else None

    def stored_letters(self) -> list[StoredLetter]:
        """Every stored letter (its key, text hash and file), by key."""
        return sorted((StoredLetter(*row) for row in self._rows(self._INFO)), key=lambda s: s.reference)

    def letter_info(self, reference: str) -> StoredLetter | None:
        rows = self._rows(self._INFO.where(letters.c.reference == reference))
        return StoredLetter(*rows[0]) if rows else None

    def versions(self, written_reference: str) -> list[StoredLetter]:
        """Every stored letter written with this reference (the first one's key is the reference itself)."""
        rows = self._rows(self._INFO.where(letters.c.written_reference == written_reference))
        return sorted((StoredLetter(*row) for row in rows), key=lambda s: (len(s.reference), s.reference))

    def version_rows(self, references: Iterable[str]) -> list[tuple[str, str, str | None]]:
        """(key, written reference, authority) of every letter written with one of ``references`` or with the
        written reference of a letter keyed by one of them."""
        refs = list(dict.fromkeys(references))
        rows: dict[str, tuple[str, str, str | None]] = {}
        for i in range(0, len(refs), 250):
            part = refs[i : i + 250]
            written_of = select(letters.c.written_reference).where(letters.c.reference.in_(part))
            query = select(letters.c.reference, letters.c.written_reference, letters.c.data).where(
                or_(letters.c.written_reference.in_(part), letters.c.written_reference.in_(written_of))
            )
            for key, written, data in self._rows(query):
                rows[key] = (key, written or key, json.loads(data).get("authority"))
        return list(rows.values())

    def stored_data(self, reference: str) -> dict | None:
        """The letter's data as ingest stored it (without the notes added on reading)."""
        data = self._scalar(select(letters.c.data).where(letters.c.reference == reference))
        return json.loads(data) if data else None

    def letter_data(self, reference: str) -> dict | None:
        """The letter as precedent: its reading, corrected by its officers, with what supersedes it."""
        data = self.stored_data(reference)
        if not data:
            return None
        data = self._annotate({reference: data}, self._supersessions_of([reference]))
        return self._corrected(data, self.corrections_of([reference]))[reference]

    def letter(self, reference: str) -> Letter | None:
        data = self.letter_data(reference)
        return letter_from_dict(data) if data else None

    def letters(self) -> list[Letter]:
        rows = sorted(
            self._rows(select(letters.c.reference, letters.c.data))
        )  # by reference, as Python orders
        data = self._annotate({ref: json.loads(d) for ref, d in rows}, self.supersessions())
        data = self._corrected(data, self.corrections())
        return [letter_from_dict(d) for d in data.values()]

    def letters_data(
        self, references: Iterable[str], corrections: list[Correction] | None = None
    ) -> dict[str, dict]:
        """The letters as precedent (``letter_data``), several at once. ``corrections``: every correction of these
        letters when the caller has read them already (None: read here)."""
        refs = list(dict.fromkeys(references))
        out: dict[str, dict] = {}
        for i in range(0, len(refs), 500):
            part = refs[i : i + 500]
            for ref, data in self._rows(
                select(letters.c.reference, letters.c.data).where(letters.c.reference.in_(part))
            ):
                out[ref] = json.loads(data)
        if corrections is None:
            corrections = self.corrections_of(out)
        return self._corrected(self._annotate(out, self._supersessions_of(out)), corrections)

    # -- reading corrections (foi_precedent.corrections) ------------------------------------------------
    def corrections(self, reference: str | None = None) -> list[Correction]:
        """Every correction (of one letter), in the order made: append-only, the latest per question in force."""
        query = select(letter_corrections).order_by(letter_corrections.c.id)
        if reference is not None:
            query = query.where(letter_corrections.c.reference == reference)
        return [_correction(r) for r in self._rows(query)]

    def corrections_of(self, references: Iterable[str]) -> list[Correction]:
        refs = list(dict.fromkeys(references))
        if not refs:
            return []
        if len(refs) > 500:
            return self.corrections()
        c = letter_corrections.c
        return [
            _correction(r)
            for r in self._rows(select(letter_corrections).where(c.reference.in_(refs)).order_by(c.id))
        ]

    @staticmethod
    def _corrected(data: dict[str, dict], corrections: list[Correction]) -> dict[str, dict]:
        """Each letter with corrections as ``apply_corrections`` reads it (the rest untouched)."""
        refs = {c.reference for c in corrections}
        for ref, d in data.items():
            if ref in refs or {CORRECTED, ORPHANED} & set(
                d.get("meta") or {}
            ):  # front matter decides nothing
                data[ref] = letter_record(apply_corrections(letter_from_dict(d), corrections))
        return data

    def add_correction(self, correction: Correction, roles: Iterable[str]) -> Correction:
        """Record a correction (a new row every time; the latest of a question is in force). Refused unless
        ``roles`` include drafter or reviewer. Returns it as stored, with its id."""
        may_correct(correction.officer, roles)
        with self.transaction() as cur:
            correction = self._insert_correction(cur, correction)
            self._bump(cur, texts=False)  # cached letters are read again; bm25 refreshes its filters only
        return correction

    @staticmethod
    def _insert_correction(cur: Connection, correction: Correction) -> Correction:
        """Record ``correction`` (a new row), in the caller's transaction; returned with its id."""
        d = correction.to_dict()  # the one serialised form, read back by _correction
        new_id = cur.execute(
            insert(letter_corrections).values(
                reference=d["reference"],
                label=d["label"],
                treatments=json.dumps(d["treatments"]),
                exemptions=json.dumps(d["exemptions"]),
                ncnd=json.dumps(d["ncnd"]),
                pointers=None if d["pointers"] is None else json.dumps(d["pointers"]),
                officer=d["officer"],
                created_at=d["at"],
                reason=d["reason"],
            )
        ).inserted_primary_key[0]
        return dataclasses.replace(correction, id=new_id)

    # -- split corrections (foi_precedent.splits) -----------------------------------------------------------
    def splits(self, reference: str | None = None) -> list[SplitCorrection]:
        """Every split correction (of one letter), in the order made: append-only, the latest per letter in force."""
        query = select(split_corrections).order_by(split_corrections.c.id)
        if reference is not None:
            query = query.where(split_corrections.c.reference == reference)
        return [_split(r) for r in self._rows(query)]

    def splits_in_force(self) -> dict[str, SplitCorrection]:
        """Letter -> the split correction it is read with (none for a letter whose latest is an undo)."""
        return splits_in_force(self.splits())

    def split_in_force(self, reference: str) -> SplitCorrection | None:
        return splits_in_force(self.splits(reference)).get(reference)

    def save_split(
        self,
        split: SplitCorrection,
        roles: Iterable[str],
        letter: Letter,
        letter_chunks: list[Chunk],
        question_vectors: dict[tuple[str, str], np.ndarray] | None = None,
    ) -> SplitCorrection:
        """Record a split correction (a new row every time) and, in the same transaction, the letter as read with it
        (its chunks and question vectors made again; its file and text as they were). Refused unless ``roles``
        include drafter or reviewer. Returns the correction as stored, with its id, which the letter's note names."""
        may_correct(split.officer, roles)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction() as cur:
            info = cur.execute(
                select(letters.c.source_path, letters.c.content_hash).where(
                    letters.c.reference == letter.reference
                )
            ).first()
            if info is None or info.content_hash != letter.content_hash:
                raise IndexError_(f"{letter.reference} changed in the index meanwhile: try again.")
            split, letter = self._insert_split(cur, split, letter)
            self._save_letter(cur, letter, info.source_path, letter_chunks, now)
            if question_vectors:
                self._insert_question_vectors(cur, question_vectors)
            self._bump(cur, texts=True)
        return split

    @staticmethod
    def _insert_split(
        cur: Connection, split: SplitCorrection, letter: Letter
    ) -> tuple[SplitCorrection, Letter]:
        """Record ``split`` (a new row), in the caller's transaction: the correction with its id, and ``letter`` (read
        with it) with that id in its note."""
        d = split.to_dict()
        new_id = cur.execute(
            insert(split_corrections).values(
                reference=d["reference"],
                questions=None if d["questions"] is None else json.dumps(d["questions"]),
                officer=d["officer"],
                created_at=d["at"],
                reason=d["reason"],
            )
        ).inserted_primary_key[0]
        note = (letter.meta or {}).get(RESPLIT)
        if note is not None:
            letter = dataclasses.replace(letter, meta={**letter.meta, RESPLIT: {**note, "id": new_id}})
        return dataclasses.replace(split, id=new_id), letter

    # -- supersession and history ------------------------------------------------------------------------
    _SUPERSESSION = select(
        letter_supersessions.c.reference,
        letter_supersessions.c.superseded_by,
        letter_supersessions.c.reason,
        letter_supersessions.c.created_at,
    )

    def supersessions(self) -> dict[str, Supersession]:
        """Superseded letter -> the record of what supersedes it."""
        return {r[0]: Supersession(*r) for r in self._rows(self._SUPERSESSION)}

    def _supersessions_of(self, references: Iterable[str]) -> dict[str, Supersession]:
        refs = set(references)
        if not refs:
            return {}
        if len(refs) > 500:
            return self.supersessions()
        s = letter_supersessions.c
        rows = self._rows(self._SUPERSESSION.where(or_(s.reference.in_(refs), s.superseded_by.in_(refs))))
        return {r[0]: Supersession(*r) for r in rows}

    @staticmethod
    def _annotate(data: dict[str, dict], supersessions: dict[str, Supersession]) -> dict[str, dict]:
        """Add to each letter's ``meta`` what supersedes it and what it supersedes (the store's record, so it
        survives a re-ingest of either letter)."""
        supersedes: dict[str, list[str]] = {}
        for s in supersessions.values():
            supersedes.setdefault(s.superseded_by, []).append(s.reference)
        for ref, d in data.items():
            meta_ = d.get("meta") or {}
            if not supersessions and not any(k in meta_ for k in _READ_NOTES):
                continue  # the common case: nothing to add or remove
            meta_ = {
                k: v for k, v in meta_.items() if k not in _READ_NOTES
            }  # front matter does not decide this
            if ref in supersessions:
                meta_[SUPERSEDED_BY] = supersessions[ref].superseded_by
                if supersessions[ref].reason:
                    meta_[SUPERSEDED_REASON] = supersessions[ref].reason
            if ref in supersedes:
                meta_[SUPERSEDES] = sorted(supersedes[ref])
            d["meta"] = meta_
        return data

    def supersede(self, reference: str, superseded_by: str, reason: str | None = None) -> Supersession | None:
        """Record that ``superseded_by`` supersedes ``reference``; returns the record it replaced, if any."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        s = letter_supersessions
        with self.transaction() as cur:
            row = cur.execute(self._SUPERSESSION.where(s.c.reference == reference).with_for_update()).first()
            cur.execute(delete(s).where(s.c.reference == reference))
            cur.execute(
                insert(s).values(
                    reference=reference, superseded_by=superseded_by, reason=reason, created_at=now
                )
            )
            self._bump(cur, texts=False)
        return Supersession(*row) if row else None

    def unsupersede(self, reference: str) -> Supersession | None:
        """Remove the record that ``reference`` is superseded; returns it (None when there was none)."""
        s = letter_supersessions
        with self.transaction() as cur:
            row = cur.execute(self._SUPERSESSION.where(s.c.reference == reference).with_for_update()).first()
            if row:
                cur.execute(delete(s).where(s.c.reference == reference))
                self._bump(cur, texts=False)
        return Supersession(*row) if row else None

    def history(self, reference: str) -> list[dict]:
        """Earlier versions of a letter (replaced by a re-ingest of its changed file), oldest first."""
        h = letter_history.c
        rows = self._rows(
            select(h.content_hash, h.source_path, h.data, h.ingested_at, h.removed_at, h.why)
            .where(h.reference == reference)
            .order_by(h.id)
        )
        return [
            {
                "reference": reference,
                "content_hash": hash_,
                "source_path": src,
                "data": json.loads(d),
                "ingested_at": ing,
                "removed_at": rem,
                "why": why,
            }
            for hash_, src, d, ing, rem, why in rows
        ]

    def history_count(self) -> int:
        return self._scalar(select(func.count()).select_from(letter_history))

    def chunk_ids(self, reference: str | None = None) -> list[str]:
        query = select(chunks.c.id)
        if reference is not None:
            query = query.where(chunks.c.reference == reference)
        return sorted(r[0] for r in self._rows(query))

    def chunks(self, ids: Iterable[str] | None = None) -> list[StoredChunk]:
        c = chunks.c
        query = select(c.id, c.reference, c.label, c.seq, c.text, c["metadata"])
        if ids is None:
            rows = sorted(self._rows(query), key=lambda r: r[0])
        else:
            wanted = list(dict.fromkeys(ids))
            rows = []
            for i in range(0, len(wanted), 500):
                rows += self._rows(query.where(c.id.in_(wanted[i : i + 500])))
        found = [StoredChunk(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
        return self._corrected_chunks(found)

    def _corrected_chunks(self, found: list[StoredChunk]) -> list[StoredChunk]:
        """Chunks of corrected questions with the corrected reading in their metadata, so search filters
        (``--treatment``, ``--exemption``) follow corrections; the text and its vector are unchanged."""
        corrections = self.corrections_of({c.reference for c in found})
        made = in_force(corrections)
        if not made:
            return found
        # the corrections read here are all those of these letters: letters_data need not read them again
        letters_ = {
            ref: letter_from_dict(d)
            for ref, d in self.letters_data({ref for ref, _ in made}, corrections).items()
        }
        out = []
        for c in found:
            letter = letters_.get(c.reference) if (c.reference, c.label) in made else None
            q = next((q for q in letter.questions if q.label == c.label), None) if letter else None
            out.append(dataclasses.replace(c, metadata=with_reading(c.metadata, q)) if q else c)
        return out

    def pointer_names(self) -> set[str]:
        """Every resource name any stored question points to (from the chunks' metadata), as its reading in force
        has it: an officer's correction (a reviewed reading) may name a resource the reader did not find, as where a
        stored copy lost the link ("can be found on our website at: ."), or drop one."""
        made = {key: c for key, c in in_force(self.corrections()).items() if c.pointers is not None}
        names: set[str] = set()
        questions: set[tuple[str, str]] = set()
        for reference, label, metadata in self._rows(
            select(chunks.c.reference, chunks.c.label, chunks.c["metadata"])
        ):
            questions.add((reference, label))
            if (reference, label) in made:
                continue  # what it points to is its correction's (below)
            pointers = json.loads(metadata).get("pointers") or []
            names.update(p for p in (pointers if isinstance(pointers, list) else [pointers]) if p)
        # (a correction of a question no stored letter has any more is orphaned, and points nowhere)
        names.update(p.name for key, c in made.items() if key in questions for p in c.pointers if p.name)
        return names

    def chunk_count(self) -> int:
        return self._scalar(select(func.count()).select_from(chunks))

    def letter_count(self) -> int:
        return self._scalar(select(func.count()).select_from(letters))

    def counts(self) -> dict:
        with self.db.read() as conn:
            n_letters = conn.execute(select(func.count()).select_from(letters)).scalar()
            n_chunks = conn.execute(select(func.count()).select_from(chunks)).scalar()
            authorities: dict[str, int] = {}
            for (data,) in conn.execute(select(letters.c.data)):
                name = json.loads(data).get("authority") or "(unknown)"
                authorities[name] = authorities.get(name, 0) + 1
        authorities = dict(sorted(authorities.items()))
        return {"letters": n_letters, "chunks": n_chunks, "authorities": authorities}

    # -- writes ---------------------------------------------------------------------------------------
    def question_vectors(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], np.ndarray]:
        wanted = list(dict.fromkeys(keys))
        out: dict[tuple[str, str], np.ndarray] = {}
        refs = list(dict.fromkeys(ref for ref, _ in wanted))
        want = set(wanted)
        q = question_vectors.c
        for i in range(0, len(refs), 500):
            rows = self._rows(
                select(q.reference, q.label, q.vector).where(q.reference.in_(refs[i : i + 500]))
            )
            for ref, label, blob in rows:
                if (ref, label) in want:
                    out[(ref, label)] = np.frombuffer(bytes(blob), dtype=np.float32)
        return out

    def save_question_vectors(self, vectors: dict[tuple[str, str], np.ndarray]) -> None:
        with self.transaction() as cur:
            self._insert_question_vectors(cur, vectors)

    @staticmethod
    def _insert_question_vectors(cur: Connection, vectors: dict[tuple[str, str], np.ndarray]) -> None:
        """Insert or replace (a delete, then an insert: the same on both back ends), in the caller's transaction."""
        if not vectors:
            return
        q = question_vectors.c
        keys = list(vectors)
        for ref in dict.fromkeys(ref for ref, _ in keys):
            labels = [label for r, label in keys if r == ref]
            cur.execute(delete(question_vectors).where(q.reference == ref, q.label.in_(labels)))
        cur.execute(
            insert(question_vectors),
            [
                {"reference": ref, "label": label, "vector": np.asarray(v, dtype=np.float32).tobytes()}
                for (ref, label), v in vectors.items()
            ],
        )

    def save_letters(
        self,
        items: list[tuple[Letter, str | None, list[Chunk]]],
        question_vectors: dict[tuple[str, str], np.ndarray] | None = None,
        splits: Mapping[str, SplitCorrection] | None = None,
        corrections: Sequence[Correction] = (),
        roles: Iterable[str] = (),
    ) -> tuple[list[SplitCorrection], list[Correction]]:
        """Insert or replace letters, all their chunks and their question vectors, in one transaction. ``splits``
        (by reference) and ``corrections``: officers' corrections of these letters made as they are stored (the
        split corrections they are read with, the readings corrected), recorded in the same transaction as
        ``save_split`` and ``add_correction`` record them (refused unless ``roles`` include drafter or reviewer);
        returned as stored, with their ids (which the letters' split notes name)."""
        splits = splits or {}
        for officer in {s.officer for s in splits.values()} | {c.officer for c in corrections}:
            may_correct(officer, roles)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        made, corrected = [], []
        with self.transaction() as cur:
            for letter, source_path, letter_chunks in items:
                split = splits.get(letter.reference)
                if split is not None:
                    split, letter = self._insert_split(cur, split, letter)
                    made.append(split)
                self._save_letter(cur, letter, source_path, letter_chunks, now)
            corrected = [self._insert_correction(cur, c) for c in corrections]
            if question_vectors:
                self._insert_question_vectors(cur, question_vectors)
            self._bump(cur, texts=True)
        return made, corrected

    def _save_letter(
        self, cur: Connection, letter: Letter, source_path: str | None, letter_chunks: list[Chunk], now: str
    ) -> None:
        """Insert or replace one letter and all its chunks, in the caller's transaction."""
        # a version with other text is kept as history, never lost (a re-read of the same text is not)
        self._archive(cur, letter.reference, now, "replaced", unless_hash=letter.content_hash)
        self._delete(cur, letter.reference)
        written = (letter.meta or {}).get(WRITTEN_REFERENCE) or letter.reference
        cur.execute(
            insert(letters).values(
                reference=letter.reference,
                content_hash=letter.content_hash,
                source_path=source_path,
                data=json.dumps(letter_record(letter)),
                ingested_at=now,
                written_reference=written,
            )
        )
        if letter_chunks:
            cur.execute(
                insert(chunks),
                [
                    {
                        "id": c.id,
                        "reference": c.reference,
                        "label": c.label,
                        "seq": c.seq,
                        "text": c.text,
                        "metadata": json.dumps(c.metadata),
                    }
                    for c in letter_chunks
                ],
            )

    @staticmethod
    def _delete(cur: Connection, reference: str) -> None:
        cur.execute(delete(question_vectors).where(question_vectors.c.reference == reference))
        cur.execute(delete(chunks).where(chunks.c.reference == reference))
        cur.execute(delete(letters).where(letters.c.reference == reference))

    @staticmethod
    def _bump(cur: Connection, *, texts: bool) -> None:
        """Bump the generation, and record whether chunk texts changed (``TEXTS_KEY``), in the caller's transaction.
        The update of the generation row takes its lock first, so two writers on PostgreSQL queue here as they do
        at SQLite's ``BEGIN IMMEDIATE``, and each reads the row the other wrote."""
        cur.execute(
            update(meta)
            .where(meta.c.key == "generation")
            .values(value=cast(cast(meta.c.value, Integer) + 1, Text))
        )
        rows = dict(
            cur.execute(select(meta.c.key, meta.c.value).where(meta.c.key.in_(_GENERATION_KEYS))).all()
        )
        generation = int(rows["generation"])
        changed = generation if texts else texts_generation(rows.get(TEXTS_KEY), generation - 1)
        value = json.dumps({"texts": changed, "at": generation})
        if TEXTS_KEY in rows:
            cur.execute(update(meta).where(meta.c.key == TEXTS_KEY).values(value=value))
        else:
            cur.execute(insert(meta).values(key=TEXTS_KEY, value=value))

    @staticmethod
    def _archive(cur: Connection, reference: str, now: str, why: str, unless_hash: str | None = None) -> None:
        l_ = letters.c
        kept = select(l_.reference, l_.content_hash, l_.source_path, l_.data, l_.ingested_at).where(
            l_.reference == reference, l_.content_hash.is_distinct_from(unless_hash)
        )
        for row in cur.execute(kept).all():
            cur.execute(
                insert(letter_history).values(
                    reference=row.reference,
                    content_hash=row.content_hash,
                    source_path=row.source_path,
                    data=row.data,
                    ingested_at=row.ingested_at,
                    removed_at=now,
                    why=why,
                )
            )

    def set_source_path(self, reference: str, source_path: str) -> None:
        with self.transaction() as cur:
            cur.execute(
                update(letters).where(letters.c.reference == reference).values(source_path=source_path)
            )

    def delete_letter(self, reference: str) -> list[str]:
        """Remove a letter and its chunks (its text is kept in the history); returns the removed chunk ids."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        s = letter_supersessions.c
        with self.transaction() as cur:
            ids = sorted(
                r[0] for r in cur.execute(select(chunks.c.id).where(chunks.c.reference == reference))
            )
            self._archive(cur, reference, now, "deleted")
            self._delete(cur, reference)
            cur.execute(
                delete(letter_supersessions).where(
                    or_(s.reference == reference, s.superseded_by == reference)
                )
            )
            self._bump(cur, texts=True)
        return ids
