"""The request on each case, so any instance opening it finds its questions and precedents again:
``request_text`` is the request as sent to the index and the model, with the requester's identity removed
(never the text as pasted); ``authority`` the authority answering; ``request_source`` where it came from ("the
pasted request", or the uploaded file's name). Nullable: a case started before this has none.

Revision ID: reviews_0004
Revises: reviews_0003
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0004"
down_revision = "reviews_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("request_text", "authority", "request_source"):
        op.add_column("cases", sa.Column(name, sa.Text))
