"""The named, recorded SQLite migrations the stores used before Alembic (``foi_precedent.db``), kept to open
the files they wrote: each migration has a name and its SQL, applied in order, each in its own transaction;
the names applied, and when, are recorded in the database's ``_migrations`` table, and ``PRAGMA user_version``
counts them. The lists (``MIGRATIONS`` in each store's module) are frozen, SQLite only: a file missing some
gets them here, then ``foi_precedent.db`` stamps it at the Alembic revision the whole list equals. A schema
change is a new Alembic revision, never an entry in those lists.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from foi_precedent.errors import PrecedentError

#: what a store migrated before migrations were recorded says for the ones it had already applied
BEFORE_RECORDING = "before names were recorded"


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


def statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def applied(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, applied_at) of every migration recorded, in the order applied."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_migrations'").fetchone():
        return []
    return conn.execute("SELECT name, applied_at FROM _migrations ORDER BY rowid").fetchall()


def migrate(
    conn: sqlite3.Connection,
    migrations: Sequence[Migration],
    what: str = "store",
    error: type[Exception] = PrecedentError,
) -> list[str]:
    """Apply the pending migrations; returns the names applied now. ``conn`` must be in autocommit mode
    (``isolation_level=None``): each migration is one ``BEGIN IMMEDIATE`` ... ``COMMIT``."""
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise ValueError(f"migration names must be unique: {names}")
    current = version(conn)
    if current > len(migrations):
        raise error(
            f"The {what} was written by a newer version of Precedent (schema {current}, this "
            f"version knows {len(migrations)}); upgrade Precedent."
        )
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    recorded = {name for name, _ in applied(conn)}
    for m in migrations[
        :current
    ]:  # a store from before names were recorded: its first `current` were applied
        if m.name not in recorded:
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (m.name, BEFORE_RECORDING)
            )
    done = []
    for number, m in enumerate(migrations[current:], start=current + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(m.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (m.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(m.name)
    return done
