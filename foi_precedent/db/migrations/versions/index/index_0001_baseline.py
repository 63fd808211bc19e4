"""The index store as the five named SQLite migrations left it: letters (with their written reference),
chunks, the generation and store id, question vectors, the history of replaced letters, supersessions.

Revision ID: index_0001
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "index_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letters",
        sa.Column("reference", sa.Text, primary_key=True),
        sa.Column("content_hash", sa.Text, nullable=False, unique=True),
        sa.Column("source_path", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
        sa.Column("written_reference", sa.Text),
    )
    op.create_index("letters_written_reference", "letters", ["written_reference"])
    op.create_table(
        "chunks",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column(
            "reference", sa.Text, sa.ForeignKey("letters.reference", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("metadata", sa.Text, nullable=False),
    )
    op.create_index("chunks_reference", "chunks", ["reference"])
    meta = op.create_table(
        "meta",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(
        meta, [{"key": "generation", "value": "0"}, {"key": "store_id", "value": secrets.token_hex(8)}]
    )
    op.create_table(
        "question_vectors",
        sa.Column("reference", sa.Text, primary_key=True),
        sa.Column("label", sa.Text, primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "letter_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("content_hash", sa.Text, nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.Text, nullable=False),
        sa.Column("removed_at", sa.Text, nullable=False),
        sa.Column("why", sa.Text, nullable=False),
    )
    op.create_index("letter_history_reference", "letter_history", ["reference"])
    op.create_table(
        "supersessions",
        sa.Column("reference", sa.Text, primary_key=True),
        sa.Column("superseded_by", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", sa.Text, nullable=False),
    )
