"""An override names the case version it was made on and the flag's key. Overrides are append-only rows: the
later override of the same flag on the same version is the one in force, the earlier stay listed.

Revision ID: audit_0002
Revises: audit_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "audit_0002"
down_revision = "audit_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("overrides", sa.Column("version_id", sa.Integer))
    op.add_column("overrides", sa.Column("flag_key", sa.Text))
    op.create_index("overrides_version", "overrides", ["version_id"])
