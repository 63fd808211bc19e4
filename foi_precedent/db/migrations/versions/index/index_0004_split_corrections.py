"""Split corrections: an officer's word on which questions a stored letter asks (``foi_precedent.splits``).
Append-only rows keyed by the letter's reference, not by the letter's row, so they survive re-ingesting the letter;
the latest per reference is in force. ``questions`` is a JSON list of {label, text} in order; NULL is an undo (the
letter read as the reader splits it).

Revision ID: index_0004
Revises: index_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "index_0004"
down_revision = "index_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "splits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("questions", sa.Text),
        sa.Column("officer", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("splits_reference", "splits", ["reference"])


def downgrade() -> None:
    op.drop_index("splits_reference", table_name="splits")
    op.drop_table("splits")
