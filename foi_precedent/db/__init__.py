"""The stores' database layer: SQLAlchemy 2 Core and Alembic, one code path for SQLite and PostgreSQL.

Three stores keep what is not vectors: the index's store (``retriever/store.py``), the audit log
(``audit/log.py``) and the case store (``audit/reviews.py``). Each is a ``Database``: an engine made from a URL
(``engine.py``: SQLite gets WAL, ``busy_timeout`` and ``foreign_keys`` on every connection, and a write begins
with ``BEGIN IMMEDIATE``; PostgreSQL gets the store's own schema as its ``search_path``), the store's tables
(``tables.py``) and its Alembic revisions (``migrations/versions/<store>/``), run programmatically on open with
no ``alembic.ini``.

Where each store lives: without ``PRECEDENT_DATABASE_URL``, embedded SQLite files under PRECEDENT_HOME, as
before (``index/store.sqlite3``, ``audit.sqlite3``, ``cases.sqlite3``). With it, all three in that one
PostgreSQL database, each in its own schema (``precedent_index``, ``precedent_audit``, ``precedent_reviews``):
the index and the audit log both have a ``supersessions`` table, and a schema per store keeps their names and
SQL identical on both back ends.

Migrations: one Alembic chain per store, each with its own version table (``alembic_version_index``,
``alembic_version_audit``, ``alembic_version_reviews``), so a store is upgraded, stamped or refused on its own
(three SQLite files cannot share one chain, and one PostgreSQL database holds the same three). The first
revision of each chain is the schema the named SQLite migrations (``foi_precedent/migrations.py``, frozen,
SQLite only) had built. A SQLite file written before Alembic has a ``_migrations`` table and a
``PRAGMA user_version``: its missing legacy migrations are applied first, then it is stamped at the revision
equal to the whole legacy list, then upgraded. ``PRAGMA user_version`` keeps counting (legacy migrations, then
revisions), so an older Precedent refuses a newer file, and a revision this version does not know is refused
here with the same message. To change a schema, add a revision file to the store's folder (``down_revision``
the current head) and the new columns to ``tables.py``; never edit a released one.
"""

from foi_precedent.db.engine import SCHEMAS, Database, database_url_for

__all__ = ["SCHEMAS", "Database", "database_url_for"]
