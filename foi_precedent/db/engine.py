"""Engines made from a URL, and ``Database``: one store's engine, its transactions and its migrations."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from foi_precedent import migrations as legacy_migrations
from foi_precedent.errors import PrecedentError
from foi_precedent.migrations import Migration

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: each store's PostgreSQL schema (SQLite: each store is its own file)
SCHEMAS = {"index": "precedent_index", "audit": "precedent_audit", "reviews": "precedent_reviews"}

#: the execution option that makes a SQLite transaction take the write lock at BEGIN (``BEGIN IMMEDIATE``)
WRITE = "precedent_write"

EXAMPLE_URL = "postgresql+psycopg://precedent@127.0.0.1:5432/precedent"


def database_url_from_env() -> str | None:
    return os.environ.get("PRECEDENT_DATABASE_URL") or None


def database_url_for(path: Path, database_url: str | None = None) -> str:
    """The URL a store opens: ``database_url``, else PRECEDENT_DATABASE_URL, else the SQLite file at ``path``."""
    return database_url or database_url_from_env() or f"sqlite:///{Path(path).resolve()}"


def parse_url(value: str) -> URL:
    """A SQLite or PostgreSQL URL; ``postgresql://`` and ``postgres://`` mean psycopg 3 (the driver installed)."""
    try:
        url = make_url(value)
    except ArgumentError:
        raise PrecedentError(
            f"PRECEDENT_DATABASE_URL is not a database URL (for example {EXAMPLE_URL})."
        ) from None
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername not in ("sqlite", "postgresql+psycopg"):
        raise PrecedentError(
            f"PRECEDENT_DATABASE_URL: {url.drivername!r} is not supported; use PostgreSQL "
            f"(for example {EXAMPLE_URL}) or leave it unset for the embedded SQLite files."
        )
    return url


def make_engine(url: URL, schema: str) -> Engine:
    """SQLite: WAL, a 30 s busy timeout and foreign keys on every connection, and transactions begun by us
    (deferred for reads, ``BEGIN IMMEDIATE`` for writes, so two writers queue instead of failing half way).
    PostgreSQL: the store's schema as the search path, and a connect timeout."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # pysqlite's own BEGIN handling off: ours below
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
                dbapi_connection.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

        return engine

    engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})

    @event.listens_for(engine, "connect")
    def _pg_connect(dbapi_connection, _record):
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cur:
            cur.execute(f'SET search_path TO "{schema}"')
        dbapi_connection.autocommit = autocommit

    return engine


@cache
def _alembic_config(store: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("path_separator", "os")
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / "versions" / store))
    return config


@cache
def chain(store: str) -> tuple[str, ...]:
    """The store's Alembic revisions, oldest first."""
    from alembic.script import ScriptDirectory

    revisions = [s.revision for s in ScriptDirectory.from_config(_alembic_config(store)).walk_revisions()]
    return tuple(reversed(revisions))


def _run_alembic(store: str, conn: Connection, version_table: str, cmd: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    base = _alembic_config(store)
    config = Config()
    for key in ("path_separator", "script_location", "version_locations"):
        config.set_main_option(key, base.get_main_option(key))
    config.attributes.update(connection=conn, version_table=version_table)
    getattr(command, cmd)(config, revision)


class Database:
    """One store's database: ``read()`` and ``write()`` give a connection in a transaction (a write commits at
    the end of the block, or rolls back on an exception), ``migrate()`` brings the schema to the latest revision.

    ``legacy`` is the store's frozen list of named SQLite migrations and ``baseline`` how many of them its first
    Alembic revision stands for. ``error`` is the ``PrecedentError`` subclass the store's callers expect."""

    def __init__(
        self,
        store: str,
        url: str,
        *,
        what: str,
        legacy: Sequence[Migration],
        baseline: int,
        error: type[PrecedentError] = PrecedentError,
        hint: str = "",
    ):
        self.store, self.what, self.error, self.hint = store, what, error, hint
        self.legacy, self.baseline = tuple(legacy), baseline
        self.url = parse_url(url)
        self.sqlite = self.url.get_backend_name() == "sqlite"
        self.path = Path(self.url.database) if self.sqlite else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.schema = SCHEMAS[store]
        self.version_table = f"alembic_version_{store}"
        self.engine = make_engine(self.url, self.schema)

    @property
    def where(self) -> str:
        return str(self.path) if self.sqlite else self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()

    # -- connections ------------------------------------------------------------------------------------
    def _failed(self, exc: Exception) -> PrecedentError:
        detail = str(getattr(exc, "orig", None) or exc).strip()
        reason = detail.splitlines()[0] if detail else type(exc).__name__
        if self.sqlite:
            return self.error(f"The {self.what} {self.path} cannot be opened ({reason}).{self.hint}")
        return self.error(
            f"Cannot connect to the database for the {self.what} at {self.where} ({reason}). "
            "Check PRECEDENT_DATABASE_URL and that the PostgreSQL server is running."
        )

    def connect(self) -> Connection:
        try:
            return self.engine.connect()
        except DBAPIError as exc:
            raise self._failed(exc) from None

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    def raw_sqlite(self):
        """A plain ``sqlite3`` connection to the file, in autocommit mode (the legacy migrations; tests)."""
        import sqlite3

        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA busy_timeout=30000")
        return conn

    # -- schema -----------------------------------------------------------------------------------------
    def revision(self, conn: Connection) -> str | None:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(
            conn, opts={"version_table": self.version_table}
        ).get_current_revision()

    def schema_version(self) -> int:
        """Legacy migrations and revisions applied, counted as ``PRAGMA user_version`` counts them."""
        with self.read() as conn:
            current = self.revision(conn)
        return self.baseline + chain(self.store).index(current) if current in chain(self.store) else 0

    def _newer(self, found: object) -> PrecedentError:
        known = self.baseline + len(chain(self.store)) - 1
        return self.error(
            f"The {self.what} at {self.where} was written by a newer version of Precedent (schema "
            f"{found}, this version knows {known}); upgrade Precedent."
        )

    def migrate(self) -> list[str]:
        """Bring the store to the latest revision; returns what was applied now (legacy names, revisions)."""
        revisions = chain(self.store)
        with self.read() as conn:  # the common case, without taking a write lock or needing CREATE rights
            if self.revision(conn) == revisions[-1]:
                return []
        done = self._legacy() if self.sqlite else []
        try:
            with self.write() as conn:
                if (
                    not self.sqlite
                ):  # two instances starting at once: one migrates, the other waits and sees it
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": zlib.crc32(self.schema.encode())}
                    )
                    conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                current = self.revision(conn)
                if current is None and self.sqlite and self._is_legacy(conn):
                    current = revisions[
                        len(self.legacy) - self.baseline
                    ]  # the revision the legacy list equals
                    _run_alembic(self.store, conn, self.version_table, "stamp", current)
                    done.append(f"stamp {current}")
                if current is not None and current not in revisions:
                    raise self._newer(current)
                pending = revisions[revisions.index(current) + 1 :] if current else revisions
                if pending:
                    _run_alembic(self.store, conn, self.version_table, "upgrade", "head")
                    done += pending
                if self.sqlite:
                    conn.exec_driver_sql(f"PRAGMA user_version = {self.baseline + len(revisions) - 1}")
        except DBAPIError as exc:
            raise self._failed(exc) from None
        return done

    @staticmethod
    def _is_legacy(conn: Connection) -> bool:
        return bool(conn.exec_driver_sql("PRAGMA user_version").scalar()) or inspect(conn).has_table(
            "_migrations"
        )

    def _legacy(self) -> list[str]:
        """A SQLite file from before Alembic: apply the named migrations it lacks (each in its own transaction,
        as before). A fresh file, or one Alembic already keeps, is left alone."""
        import sqlite3

        try:
            conn = self.raw_sqlite()
        except sqlite3.Error as exc:
            raise self._failed(exc) from None
        try:
            kept = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (self.version_table,)
            ).fetchone()
            if kept or (legacy_migrations.version(conn) == 0 and not legacy_migrations.applied(conn)):
                return []
            return legacy_migrations.migrate(
                conn, self.legacy, what=f"{self.what} at {self.path}", error=self.error
            )
        except sqlite3.DatabaseError as exc:
            raise self._failed(exc) from None
        finally:
            conn.close()
