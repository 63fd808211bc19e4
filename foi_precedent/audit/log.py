"""The audit log: every draft and check, the precedents used, the flags raised, each override and why, and
each letter a user marked superseded; every entry names the user it was made for (``user_name``).

SQLite under PRECEDENT_HOME with named, recorded migrations (``foi_precedent.migrations``), in the manner of
simonw/llm.
A released migration is never edited: a change is a new one at the end.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import closing
from copy import copy
from datetime import UTC, datetime
from pathlib import Path

from foi_precedent.migrations import MigratedFile, Migration

MIGRATIONS: list[Migration] = [
    # 1: checks and drafts
    Migration("checks_and_drafts", """
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
    """),
    # 2: reviewer overrides of flags
    Migration("overrides", """
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
    """),
    # 3: a user's word that one indexed letter supersedes another (or the undoing of it)
    Migration("supersessions", """
    CREATE TABLE supersessions (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        action TEXT NOT NULL,
        reference TEXT NOT NULL,
        superseded_by TEXT,
        reason TEXT,
        previous TEXT
    );
    """),
    # 4: who each entry was made for (the signed-in user; the OS user for the CLI and the embedded app).
    # Rows written before this say NULL: nobody was recorded then. Not "user": PostgreSQL reserves that word.
    Migration("user_names", """
    ALTER TABLE checks ADD COLUMN user_name TEXT;
    ALTER TABLE drafts ADD COLUMN user_name TEXT;
    ALTER TABLE overrides ADD COLUMN user_name TEXT;
    ALTER TABLE supersessions ADD COLUMN user_name TEXT;
    """),
    # 5: an override names the case version it was made on and the flag's key: overrides are append-only, so
    # the later override of the same flag on the same version is the one in force and the earlier stay listed
    Migration("override_versions", """
    ALTER TABLE overrides ADD COLUMN version_id INTEGER;
    ALTER TABLE overrides ADD COLUMN flag_key TEXT;
    CREATE INDEX overrides_version ON overrides(version_id);
    """),
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


class AuditLog(MigratedFile):
    """Entries are written in ``user``'s name: the OS user running the process unless another is given. The app
    is one process serving many people, so each page records through ``as_user(signed_in_name)``."""

    migrations = MIGRATIONS
    what = "audit log"

    def __init__(self, path: Path, user: str | None = None):
        from foi_precedent.identity import os_user

        self.path = Path(path)
        self.user = user or os_user()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.migrate()

    def as_user(self, user: str) -> AuditLog:
        """This log, writing in ``user``'s name (the same database; no migration re-run)."""
        bound = copy(self)
        bound.user = user
        return bound

    def record_check(self, result, source: str | None = None) -> int:
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO checks (created_at, source, reference, draft_hash, flags, precedents, user_name)"
                " VALUES (?,?,?,?,?,?,?)",
                (_now(), source, result.letter.reference, sha256(result.letter.text),
                 json.dumps([f.to_dict() for f in result.flags]), json.dumps(_precedents(result.questions)),
                 self.user),
            )
            return cur.lastrowid

    def record_draft(self, *, request_text: str, mode: str, model: str | None, prompt_version: str | None,
                     consensus, flags, tokens: dict | None, fallback_reason: str | None = None) -> int:
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO drafts (created_at, request_hash, mode, model, prompt_version, precedents, flags, tokens,"
                " fallback_reason, user_name) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (_now(), sha256(request_text), mode, model, prompt_version, json.dumps(_precedents(consensus)),
                 json.dumps([f.to_dict() for f in flags]), json.dumps(tokens or {}), fallback_reason, self.user),
            )
            return cur.lastrowid

    def record_override(self, *, label: str, kind: str, reason: str, message: str = "", draft_id: int | None = None,
                        check_id: int | None = None, reviewer: str | None = None, version_id: int | None = None,
                        flag_key: str | None = None) -> int:
        """``reviewer`` is who overrode the flag: the log's user unless said otherwise. ``version_id`` is the case
        version (``audit.reviews``) it was made on, ``flag_key`` the flag's stable key. A new row every time:
        two reviewers overriding the same flag both keep their reason, and the later is in force."""
        if not reason.strip():
            from foi_precedent.errors import PrecedentError

            raise PrecedentError("an override needs a written reason")
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO overrides (created_at, draft_id, check_id, label, kind, message, reason, reviewer, user_name,"
                " version_id, flag_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (_now(), draft_id, check_id, label, kind, message, reason.strip(), reviewer or self.user, self.user,
                 version_id, flag_key),
            )
            return cur.lastrowid

    def record_supersession(self, *, reference: str, superseded_by: str | None, reason: str | None = None,
                            action: str = "supersede", previous: dict | None = None) -> int:
        """``action`` is 'supersede' or 'undo'; ``previous`` is the record it replaced or removed."""
        with closing(self._connect()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO supersessions (created_at, action, reference, superseded_by, reason, previous, user_name) "
                "VALUES (?,?,?,?,?,?,?)",
                (_now(), action, reference, superseded_by, reason, json.dumps(previous) if previous else None,
                 self.user),
            )
            return cur.lastrowid

    def overrides_for_version(self, version_id: int) -> list[dict]:
        """Every override made on a case version, in the order made; for one flag the last is in force."""
        with closing(self._connect()) as conn:
            return [dict(r) for r in conn.execute(
                "SELECT id, created_at, user_name, reviewer, label, kind, message, reason, flag_key, version_id"
                " FROM overrides WHERE version_id = ? ORDER BY id", (version_id,))]

    def rows(self, table: str) -> list[dict]:
        if table not in ("checks", "drafts", "overrides", "supersessions"):
            raise ValueError(table)
        with closing(self._connect()) as conn:
            return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY id")]
