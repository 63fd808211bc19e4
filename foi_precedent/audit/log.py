"""The audit log: every draft and check, the precedents used, the flags raised, each override and why, each
letter a user marked superseded, each correction of how a question was read and each split correction of a
letter (the split before and after); every entry names the user it was made for (``user_name``).

SQLite under PRECEDENT_HOME, or PostgreSQL with PRECEDENT_DATABASE_URL (``foi_precedent.db``): SQLAlchemy Core
and Alembic revisions (``foi_precedent/db/migrations/versions/audit/``). ``MIGRATIONS`` below are the named SQLite
migrations from before Alembic, frozen: an older log file gets those it lacks, then joins the Alembic chain.
A released migration or revision is never edited: a change is a new revision.
"""

from __future__ import annotations

import hashlib
import json
from copy import copy
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select

from foi_precedent.corrections import Correction, corrected, reading
from foi_precedent.db import Database, database_url_for
from foi_precedent.db.tables import (
    audit_corrections,
    audit_splits,
    audit_supersessions,
    checks,
    drafts,
    overrides,
)
from foi_precedent.errors import PrecedentError
from foi_precedent.letters.model import Letter, Question
from foi_precedent.migrations import Migration

#: the named SQLite migrations from before Alembic: frozen (the first Alembic revision is the first four)
MIGRATIONS: list[Migration] = [
    # 1: checks and drafts
    Migration(
        "checks_and_drafts",
        """
    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        source TEXT,
        reference TEXT,
        draft_hash TEXT NOT NULL,
        flags TEXT NOT NULL,
        precedents TEXT NOT NULL
    );
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        mode TEXT NOT NULL,
        model TEXT,
        prompt_version TEXT,
        precedents TEXT NOT NULL,
        flags TEXT NOT NULL,
        tokens TEXT,
        fallback_reason TEXT
    );
    """,
    ),
    # 2: reviewer overrides of flags
    Migration(
        "overrides",
        """
    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        draft_id INTEGER REFERENCES drafts(id),
        check_id INTEGER REFERENCES checks(id),
        label TEXT NOT NULL,
        kind TEXT NOT NULL,
        message TEXT,
        reason TEXT NOT NULL,
        reviewer TEXT
    );
    """,
    ),
    # 3: a user's word that one indexed letter supersedes another (or the undoing of it)
    Migration(
        "supersessions",
        """
    CREATE TABLE supersessions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        action TEXT NOT NULL,
        reference TEXT NOT NULL,
        superseded_by TEXT,
        reason TEXT,
        previous TEXT
    );
    """,
    ),
    # 4: who each entry was made for (the signed-in user; the OS user for the CLI and the embedded app).
    # Rows written before this say NULL: nobody was recorded then. Not "user": PostgreSQL reserves that word.
    Migration(
        "user_names",
        """
    ALTER TABLE checks ADD COLUMN user_name TEXT;
    ALTER TABLE drafts ADD COLUMN user_name TEXT;
    ALTER TABLE overrides ADD COLUMN user_name TEXT;
    ALTER TABLE supersessions ADD COLUMN user_name TEXT;
    """,
    ),
    # 5: an override names the case version it was made on and the flag's key: overrides are append-only, so
    # the later override of the same flag on the same version is the one in force and the earlier stay listed
    Migration(
        "override_versions",
        """
    ALTER TABLE overrides ADD COLUMN version_id INTEGER;
    ALTER TABLE overrides ADD COLUMN flag_key TEXT;
    CREATE INDEX overrides_version ON overrides(version_id);
    """,
    ),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _precedents(consensus_list) -> list[dict]:
    return [
        {"label": c.label, "precedents": [f"{p.reference} {p.label}" for p in c.precedents]}
        for c in consensus_list
    ]


_TABLES = {
    "checks": checks,
    "drafts": drafts,
    "overrides": overrides,
    "supersessions": audit_supersessions,
    "corrections": audit_corrections,
    "split_corrections": audit_splits,
}


class AuditLog:
    """Entries are written in ``user``'s name: the OS user running the process unless another is given. The app
    is one process serving many people, so each page records through ``as_user(signed_in_name)``.

    ``path`` is the SQLite file; ``database_url`` (else PRECEDENT_DATABASE_URL) puts the log in that database
    instead. Every entry is one short transaction: app sessions and CLI jobs write to the same log at once."""

    what = "audit log"

    def __init__(self, path: Path, user: str | None = None, database_url: str | None = None):
        from foi_precedent.identity import os_user

        self.path = Path(path)
        self.user = user or os_user()
        self.db = Database(
            "audit", database_url_for(self.path, database_url), what=self.what, legacy=MIGRATIONS, baseline=4
        )
        self.migrate()

    def as_user(self, user: str) -> AuditLog:
        """This log, writing in ``user``'s name (the same database; no migration re-run)."""
        bound = copy(self)
        bound.user = user
        return bound

    def migrate(self) -> int:
        """Apply pending migrations; returns the schema version."""
        self.db.migrate()
        return self.db.schema_version()

    def close(self) -> None:
        self.db.dispose()

    def _insert(self, table, **values) -> int:
        with self.db.write() as conn:
            return conn.execute(
                insert(table).values(created_at=_now(), user_name=self.user, **values)
            ).inserted_primary_key[0]

    def record_check(self, result, source: str | None = None) -> int:
        return self._insert(
            checks,
            source=source,
            reference=result.letter.reference,
            draft_hash=sha256(result.letter.text),
            flags=json.dumps([f.to_dict() for f in result.flags]),
            precedents=json.dumps(_precedents(result.questions)),
        )

    def record_draft(
        self,
        *,
        request_text: str,
        mode: str,
        model: str | None,
        prompt_version: str | None,
        consensus,
        flags,
        tokens: dict | None,
        fallback_reason: str | None = None,
    ) -> int:
        return self._insert(
            drafts,
            request_hash=sha256(request_text),
            mode=mode,
            model=model,
            prompt_version=prompt_version,
            precedents=json.dumps(_precedents(consensus)),
            flags=json.dumps([f.to_dict() for f in flags]),
            tokens=json.dumps(tokens or {}),
            fallback_reason=fallback_reason,
        )

    def record_override(
        self,
        *,
        label: str,
        kind: str,
        reason: str,
        message: str = "",
        draft_id: int | None = None,
        check_id: int | None = None,
        reviewer: str | None = None,
        version_id: int | None = None,
        flag_key: str | None = None,
    ) -> int:
        """``reviewer`` is who overrode the flag: the log's user unless said otherwise. ``version_id`` is the case
        version (``audit.reviews``) it was made on, ``flag_key`` the flag's stable key. A new row every time:
        two reviewers overriding the same flag both keep their reason, and the later is in force."""
        if not reason.strip():
            raise PrecedentError("an override needs a written reason")
        return self._insert(
            overrides,
            draft_id=draft_id,
            check_id=check_id,
            label=label,
            kind=kind,
            message=message,
            reason=reason.strip(),
            reviewer=reviewer or self.user,
            version_id=version_id,
            flag_key=flag_key,
        )

    def record_supersession(
        self,
        *,
        reference: str,
        superseded_by: str | None,
        reason: str | None = None,
        action: str = "supersede",
        previous: dict | None = None,
    ) -> int:
        """``action`` is 'supersede' or 'undo'; ``previous`` is the record it replaced or removed."""
        return self._insert(
            audit_supersessions,
            action=action,
            reference=reference,
            superseded_by=superseded_by,
            reason=reason,
            previous=json.dumps(previous) if previous else None,
        )

    def record_correction(self, correction: Correction, *, previous: Question) -> int:
        """An officer's correction of how a question was read (``foi_precedent.corrections``; the correction itself
        is kept in the index's store): ``correction`` as the store returned it (with its id), ``previous`` the
        question as it was read just before (by the reader, or by an earlier correction)."""
        return self._insert(
            audit_corrections,
            reference=correction.reference,
            label=correction.label,
            previous=json.dumps(reading(previous)),
            reading=json.dumps(reading(corrected(previous, correction))),
            reason=correction.reason,
            correction_id=correction.id,
        )

    def record_split(self, split, *, previous: Letter, now: Letter) -> int:
        """An officer's split correction of a stored letter (``foi_precedent.splits``; the correction itself is kept in
        the index's store): ``split`` as the store returned it (with its id), ``previous`` the letter as it was read
        just before and ``now`` as it is read with the split; the questions of each (label, text) are kept."""
        return self._insert(
            audit_splits,
            reference=split.reference,
            previous=json.dumps(_split_of(previous)),
            questions=json.dumps(_split_of(now)),
            undo=int(split.undo),
            reason=split.reason,
            split_id=split.id,
        )

    def overrides_for_version(self, version_id: int) -> list[dict]:
        """Every override made on a case version, in the order made; for one flag the last is in force."""
        o = overrides.c
        query = (
            select(
                o.id,
                o.created_at,
                o.user_name,
                o.reviewer,
                o.label,
                o.kind,
                o.message,
                o.reason,
                o.flag_key,
                o.version_id,
            )
            .where(o.version_id == version_id)
            .order_by(o.id)
        )
        with self.db.read() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def rows(self, table: str) -> list[dict]:
        if table not in _TABLES:
            raise ValueError(table)
        with self.db.read() as conn:
            return [
                dict(r._mapping) for r in conn.execute(select(_TABLES[table]).order_by(_TABLES[table].c.id))
            ]


def _split_of(letter: Letter) -> list[dict]:
    return [{"label": q.label, "text": q.text} for q in letter.questions]
