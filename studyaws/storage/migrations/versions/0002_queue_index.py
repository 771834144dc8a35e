"""Covering index for the study queue.

Counting and listing due cards filtered on suspended/retired/buried_until through the (phase, due) index
needed a table lookup per due card (~25 ms for 10,000 due reviews); with those columns in the index the
queue is read from the index alone.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_cards_phase_due", table_name="cards")
    op.create_index("ix_cards_queue", "cards", ["phase", "due", "suspended", "retired", "buried_until"])


def downgrade() -> None:
    raise NotImplementedError("studyaws migrations are forward-only")
