"""Exam practice (exam_attempts, question_answers), FSRS memory state on cards, a wider queue index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (nullable, no default): no batch-mode table copy, so no risk to history.
    op.add_column("cards", sa.Column("stability", sa.Float(), nullable=True))
    op.add_column("cards", sa.Column("difficulty", sa.Float(), nullable=True))
    # The queue index also covers interval and stability: exam-date mode orders the final week's reviews by
    # predicted recall (elapsed days over stability), which then needs no table lookup per due card.
    op.drop_index("ix_cards_queue", table_name="cards")
    op.create_index(
        "ix_cards_queue",
        "cards",
        ["phase", "due", "suspended", "retired", "buried_until", "interval", "stability"],
    )
    op.create_table(
        "exam_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version", sa.String(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("domain", sa.String(), nullable=True),
        sa.Column("question_ids", sa.Text(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("flags", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("time_limit_ms", sa.Integer(), nullable=False),
        sa.Column("remaining_ms", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("timed_out", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.Integer(), nullable=True),
        sa.Column("correct", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=True),
        sa.Column("scaled", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exam_attempts"),
    )
    op.create_index("ix_exam_attempts_status", "exam_attempts", ["status"])
    op.create_table(
        "question_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("question_id", sa.String(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("chosen", sa.String(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["exam_attempts.id"], name="fk_question_answers_attempt_id_exam_attempts"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_question_answers"),
    )
    op.create_index("ix_question_answers_question_id_id", "question_answers", ["question_id", "id"])
    op.create_index("ix_question_answers_answered_at", "question_answers", ["answered_at"])


def downgrade() -> None:
    raise NotImplementedError("studyaws migrations are forward-only")
