"""Each split correction of a stored letter (``foi_precedent.splits``; the correction itself is kept in the index's
store): which letter, the split before and after (JSON lists of {label, text}), whether it was an undo, the reason,
and the store's row id (another store: no foreign key). Who and when are ``user_name`` and ``created_at``, as for
every entry.

Revision ID: audit_0004
Revises: audit_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0004"
down_revision = "audit_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "split_corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("previous", sa.Text, nullable=False),
        sa.Column("questions", sa.Text, nullable=False),
        sa.Column("undo", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("split_id", sa.Integer),
        sa.Column("user_name", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("split_corrections")
