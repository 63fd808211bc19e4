"""Who last saved a version's text, and when (ISO): a drafting version's text is saved as it is edited, so
another officer opening the case sees it. Nullable: a version stored before this names nobody.

Revision ID: reviews_0003
Revises: reviews_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "reviews_0003"
down_revision = "reviews_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name in ("edited_by", "edited_at"):
        op.add_column("versions", sa.Column(name, sa.Text))
