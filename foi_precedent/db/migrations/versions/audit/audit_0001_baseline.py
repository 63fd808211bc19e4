"""The audit log as its first four named SQLite migrations left it: checks, drafts, overrides and
supersessions, each naming its user (``user_name``: PostgreSQL reserves ``user``).

Revision ID: audit_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("reference", sa.Text),
        sa.Column("draft_hash", sa.Text, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
        sa.Column("precedents", sa.Text, nullable=False),
        sa.Column("user_name", sa.Text),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("request_hash", sa.Text, nullable=False),
        sa.Column("mode", sa.Text, nullable=False),
        sa.Column("model", sa.Text),
        sa.Column("prompt_version", sa.Text),
        sa.Column("precedents", sa.Text, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
        sa.Column("tokens", sa.Text),
        sa.Column("fallback_reason", sa.Text),
        sa.Column("user_name", sa.Text),
    )
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id")),
        sa.Column("check_id", sa.Integer, sa.ForeignKey("checks.id")),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("message", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("reviewer", sa.Text),
        sa.Column("user_name", sa.Text),
    )
    op.create_table(
        "supersessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("superseded_by", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("previous", sa.Text),
        sa.Column("user_name", sa.Text),
    )
