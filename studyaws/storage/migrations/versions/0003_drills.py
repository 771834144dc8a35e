"""Calculator drills: drill_kinds (per-kind SM-2 state) and drill_log (one row per answer).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "drill_kinds",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("phase", sa.String(), nullable=False),
        sa.Column("due_at", sa.Integer(), nullable=True),
        sa.Column("due_day", sa.Integer(), nullable=True),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("ease", sa.Integer(), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("remaining_steps", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name="pk_drill_kinds"),
    )
    op.create_table(
        "drill_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=True),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("choice", sa.Boolean(), nullable=False),
        sa.Column("given", sa.Text(), nullable=False),
        sa.Column("given_value", sa.Text(), nullable=True),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("mistake", sa.String(), nullable=True),
        sa.Column("answered_at", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("fuzz", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["kind"], ["drill_kinds.kind"], name="fk_drill_log_kind_drill_kinds"),
        sa.PrimaryKeyConstraint("id", name="pk_drill_log"),
    )
    op.create_index("ix_drill_log_kind_id", "drill_log", ["kind", "id"])


def downgrade() -> None:
    raise NotImplementedError("studyaws migrations are forward-only")
