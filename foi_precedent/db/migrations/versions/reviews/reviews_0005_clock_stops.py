"""What stops or varies a case's clock (``cases.clock.due_date``): ``fees_notice`` and ``fee_received`` (the
clock stands still between them), ``clarification_sought`` and ``clarification_received`` (it restarts from the
answer), all ISO dates; ``compliance`` the Time for Compliance Regulations' category (standard, school, archive,
armed_forces). Nullable: a case started before this has none, and reads as standard with no stops.

Revision ID: reviews_0005
Revises: reviews_0004
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0005"
down_revision = "reviews_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in (
        "fees_notice",
        "fee_received",
        "clarification_sought",
        "clarification_received",
        "compliance",
    ):
        op.add_column("cases", sa.Column(name, sa.Text))
