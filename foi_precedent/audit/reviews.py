"""The store of cases, their draft versions and every review step: SQLite under PRECEDENT_HOME.

Named, recorded migrations (``foi_precedent.migrations``), as ``audit/log.py``: a released migration is never
edited. The
transitions themselves are decided in ``foi_precedent.cases.review``; this only keeps their results. A
version's row holds its current state; ``review_events`` holds every step, who took it and when.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from foi_precedent.cases.review import Actor, Event, Version, first_version, new_version, submit, transition
from foi_precedent.migrations import MigratedFile, Migration

MIGRATIONS: list[Migration] = [
    # 1: cases, their versions, and each review step. Not "user": PostgreSQL reserves that word.
    Migration("cases_versions_reviews", """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        title TEXT NOT NULL,
        user_name TEXT
    );
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        number INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        text TEXT NOT NULL,
        state TEXT NOT NULL,
        drafted_by TEXT,
        submitted_by TEXT,
        flags TEXT NOT NULL,
        overrides TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        decided_by TEXT,
        decided_at TEXT,
        self_approved INTEGER NOT NULL DEFAULT 0,
        user_name TEXT,
        UNIQUE (case_id, number)
    );
    CREATE TABLE review_events (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versions(id),
        created_at TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        self_approved INTEGER NOT NULL DEFAULT 0,
        user_name TEXT NOT NULL
    );
    """),
    # 2: the request's dates and regime, for the case list: received and due are ISO dates; regime, nation and
    # extension are as the Draft page names them. All nullable: a case started before this has none.
    Migration("case_dates", """
    ALTER TABLE cases ADD COLUMN received TEXT;
    ALTER TABLE cases ADD COLUMN regime TEXT;
    ALTER TABLE cases ADD COLUMN nation TEXT;
    ALTER TABLE cases ADD COLUMN extension TEXT;
    ALTER TABLE cases ADD COLUMN due TEXT;
    """),
]

CASE_DATES = ("received", "regime", "nation", "extension", "due")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _version(row: sqlite3.Row) -> Version:
    return Version(case_id=row["case_id"], number=row["number"], text=row["text"], state=row["state"],
                   drafted_by=row["drafted_by"] or "", submitted_by=row["submitted_by"],
                   flags=tuple(json.loads(row["flags"])), overrides=tuple(json.loads(row["overrides"])),
                   comment=row["comment"], decided_by=row["decided_by"], decided_at=row["decided_at"],
                   self_approved=bool(row["self_approved"]), id=row["id"])


class ReviewStore(MigratedFile):
    migrations = MIGRATIONS
    what = "case store"

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.migrate()

    # --- reading ---------------------------------------------------------------------------------------

    def version(self, version_id: int) -> Version:
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone()
        if row is None:
            raise KeyError(version_id)
        return _version(row)

    def versions(self, state: str | None = None) -> list[Version]:
        with closing(self._connect()) as conn:
            sql, args = "SELECT * FROM versions", ()
            if state is not None:
                sql, args = sql + " WHERE state = ?", (state,)
            return [_version(r) for r in conn.execute(sql + " ORDER BY id", args)]

    def case_title(self, case_id: int) -> str:
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT title FROM cases WHERE id = ?", (case_id,)).fetchone()
        return row["title"] if row else ""

    _CASES = ("SELECT c.id, c.title, c.created_at, c.user_name, c.received, c.regime, c.nation, c.extension, c.due,"
              " v.id AS version_id, v.number AS version_number, v.state AS version_state FROM cases c"
              " LEFT JOIN versions v ON v.case_id = c.id"
              " AND v.number = (SELECT MAX(number) FROM versions WHERE case_id = c.id)")

    def cases(self) -> list[dict]:
        """Every case with its dates and its latest version's id, number and state, oldest first."""
        with closing(self._connect()) as conn:
            return [dict(r) for r in conn.execute(self._CASES + " ORDER BY c.id")]

    def case(self, case_id: int) -> dict:
        with closing(self._connect()) as conn:
            row = conn.execute(self._CASES + " WHERE c.id = ?", (case_id,)).fetchone()
        if row is None:
            raise KeyError(case_id)
        return dict(row)

    def events(self, version_id: int | None = None) -> list[dict]:
        with closing(self._connect()) as conn:
            sql, args = "SELECT * FROM review_events", ()
            if version_id is not None:
                sql, args = sql + " WHERE version_id = ?", (version_id,)
            return [dict(r) for r in conn.execute(sql + " ORDER BY id", args)]

    # --- writing ---------------------------------------------------------------------------------------

    def _insert_version(self, conn: sqlite3.Connection, v: Version, user: str) -> int:
        cur = conn.execute(
            "INSERT INTO versions (case_id, number, created_at, text, state, drafted_by, flags, overrides, user_name)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (v.case_id, v.number, now(), v.text, v.state, v.drafted_by, json.dumps(list(v.flags)),
             json.dumps(list(v.overrides)), user))
        return cur.lastrowid

    def _save(self, conn: sqlite3.Connection, v: Version, event: Event) -> None:
        conn.execute(
            "UPDATE versions SET text=?, state=?, submitted_by=?, flags=?, overrides=?, comment=?, decided_by=?,"
            " decided_at=?, self_approved=? WHERE id=?",
            (v.text, v.state, v.submitted_by, json.dumps(list(v.flags)), json.dumps(list(v.overrides)), v.comment,
             v.decided_by, v.decided_at, int(v.self_approved), v.id))
        conn.execute(
            "INSERT INTO review_events (version_id, created_at, action, from_state, to_state, comment, self_approved,"
            " user_name) VALUES (?,?,?,?,?,?,?,?)",
            (v.id, event.at, event.action, event.from_state, event.to_state, event.comment, int(event.self_approved),
             event.user_name))

    def start_case(self, title: str, text: str, actor: Actor) -> Version:
        """A new case with its first version, in drafting."""
        first_version(0, text, actor)  # refused before anything is written
        with closing(self._connect()) as conn, conn:
            case_id = conn.execute("INSERT INTO cases (created_at, title, user_name) VALUES (?,?,?)",
                                   (now(), title, actor.name)).lastrowid
            version_id = self._insert_version(conn, first_version(case_id, text, actor), actor.name)
        return self.version(version_id)

    def submit(self, version_id: int, actor: Actor, *, text: str, flags=(), overrides=()) -> Version:
        return self._apply(version_id, lambda v: submit(v, actor, now(), text=text, flags=flags, overrides=overrides))

    def act(self, version_id: int, action: str, actor: Actor, comment: str = "") -> Version:
        """Approve, request changes, revise or send (``cases.review.transition`` decides whether it may)."""
        return self._apply(version_id, lambda v: transition(v, action, actor, now(), comment=comment))

    def _apply(self, version_id: int, step) -> Version:
        with closing(self._connect()) as conn, conn:
            conn.execute("BEGIN IMMEDIATE")  # two reviewers acting at once: the second sees the first's state
            row = conn.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone()
            if row is None:
                raise KeyError(version_id)
            updated, event = step(_version(row))
            self._save(conn, updated, event)
        return self.version(version_id)

    def set_case_dates(self, case_id: int, *, received: str | None, regime: str | None, nation: str | None,
                       extension: str | None, due: str | None) -> None:
        """Record the request's dates and regime (ISO dates for ``received`` and ``due``)."""
        with closing(self._connect()) as conn, conn:
            cur = conn.execute("UPDATE cases SET received=?, regime=?, nation=?, extension=?, due=? WHERE id=?",
                               (received, regime, nation, extension, due, case_id))
            if cur.rowcount == 0:
                raise KeyError(case_id)

    def new_version(self, version_id: int, actor: Actor) -> Version:
        """Edit a frozen version: a copy of it, numbered next, in drafting."""
        with closing(self._connect()) as conn, conn:
            current = _version(conn.execute("SELECT * FROM versions WHERE id = ?", (version_id,)).fetchone())
            latest = conn.execute("SELECT MAX(number) FROM versions WHERE case_id = ?",
                                  (current.case_id,)).fetchone()[0]
            copy = new_version(current, actor)
            copy = Version(copy.case_id, latest + 1, copy.text, drafted_by=copy.drafted_by)
            new_id = self._insert_version(conn, copy, actor.name)
        return self.version(new_id)
