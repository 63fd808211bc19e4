"""Each correction of how a question was read (``foi_precedent.corrections``; the correction itself is kept in the
index's store): which letter and question, the reading it replaced and the new one (JSON), the reason, and the
store's row id (another store: no foreign key). Who and when are ``user_name`` and ``created_at``, as for every
entry.

Revision ID: audit_0003
Revises: audit_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0003"
down_revision = "audit_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("previous", sa.Text, nullable=False),
        sa.Column("reading", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("correction_id", sa.Integer),
        sa.Column("user_name", sa.Text),
    )
