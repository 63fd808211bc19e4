"""The questions a drafter set for a case's request, where the reader split it otherwise than they would (the
Draft page's "Not split right? Edit the questions"): ``request_questions`` is JSON, the list of ``{label, text}``
in order, each text with the requester's identity removed as ``request_text`` has it. Nullable: NULL for a case
whose questions are the reader's split of ``request_text``, and for a case started before this.

Revision ID: reviews_0006
Revises: reviews_0005
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0006"
down_revision = "reviews_0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("request_questions", sa.Text))
