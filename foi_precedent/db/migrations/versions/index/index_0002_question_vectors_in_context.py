"""Question vectors are embedded in context: a question that only refers back ("the same information for the
two previous years") is embedded after the question it refers to (``foi_precedent.letters.referring``). Drop the
stored vectors; the index recomputes missing ones when a search or a batch re-check needs them.

Revision ID: index_0002
"""

from alembic import op

revision = "index_0002"
down_revision = "index_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM question_vectors")


def downgrade() -> None:
    op.execute("DELETE FROM question_vectors")
