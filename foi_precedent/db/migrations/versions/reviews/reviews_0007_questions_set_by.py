"""Who set a case's questions by hand, and when (``questions_set_by``, ``questions_set_at``, ISO UTC): the Draft and
Review pages name the officer instead of "another officer" / "the drafter". Nullable: NULL where the questions are
the reader's split, and for questions set before this (who set those was not kept).

Revision ID: reviews_0007
Revises: reviews_0006
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0007"
down_revision = "reviews_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("questions_set_by", sa.Text))
    op.add_column("cases", sa.Column("questions_set_at", sa.Text))
