"""Question vectors are embedded in context, now also a question that is only a period ("c) 2019/20", the value of
a breakdown its reply answered on its own): it is embedded after the question before it
(``foi_precedent.letters.referring``), so two unrelated questions are no longer each other's precedent on "2019/20"
alone. Drop the stored vectors; the index recomputes missing ones when a search or a batch re-check needs them (as
index_0002 did for questions that refer back).

Revision ID: index_0005
Revises: index_0004
"""

from alembic import op

revision = "index_0005"
down_revision = "index_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM question_vectors")


def downgrade() -> None:
    op.execute("DELETE FROM question_vectors")
