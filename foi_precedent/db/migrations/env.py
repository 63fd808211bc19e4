"""Alembic's environment for the stores' chains, run programmatically (``foi_precedent.db.engine``): the caller
passes the open connection, in its transaction, and the store's version table in ``config.attributes``."""

from alembic import context

config = context.config
context.configure(
    connection=config.attributes["connection"],
    version_table=config.attributes["version_table"],
    target_metadata=None,
)
with context.begin_transaction():
    context.run_migrations()
