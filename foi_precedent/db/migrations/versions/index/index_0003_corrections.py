"""Reading corrections: an officer's word on how one question of a stored letter was answered
(``foi_precedent.corrections``). Append-only rows keyed by the letter's reference and the question's label, not
by the letter's row, so they survive re-ingesting the letter; the latest per (reference, label) is in force.
Treatments, exemptions, NCND provisions and pointers are JSON lists (pointers NULL: the reading's stand).

Revision ID: index_0003
Revises: index_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "index_0003"
down_revision = "index_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("treatments", sa.Text, nullable=False),
        sa.Column("exemptions", sa.Text, nullable=False),
        sa.Column("ncnd", sa.Text, nullable=False),
        sa.Column("pointers", sa.Text),
        sa.Column("officer", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("corrections_reference", "corrections", ["reference"])


def downgrade() -> None:
    op.drop_index("corrections_reference", table_name="corrections")
    op.drop_table("corrections")
