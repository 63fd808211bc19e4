"""The request's dates and regime on each case, for the case list: ``received`` and ``due`` are ISO dates;
``regime``, ``nation`` and ``extension`` as the Draft page names them. Nullable: older cases have none.

Revision ID: reviews_0002
Revises: reviews_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0002"
down_revision = "reviews_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("received", "regime", "nation", "extension", "due"):
        op.add_column("cases", sa.Column(name, sa.Text))
