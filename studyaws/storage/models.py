"""The schema: decks, cards (content + scheduling state), the review log and the undo stack."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: Alembic's batch mode can only drop constraints it can name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DeckRow(Base):
    __tablename__ = "decks"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(String)
    path: Mapped[str] = mapped_column(String)
    content_hash: Mapped[str] = mapped_column(String)
    synced_at: Mapped[int] = mapped_column(Integer)


class CardRow(Base):
    """One studyable card. `due`: new → position; learning/relearning → epoch ms; review → day number."""

    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    note_uid: Mapped[str] = mapped_column(String, index=True)
    deck_id: Mapped[str] = mapped_column(ForeignKey("decks.id"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String)
    content: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    phase: Mapped[str] = mapped_column(String, default="new")
    due: Mapped[int] = mapped_column(Integer)
    interval: Mapped[int] = mapped_column(Integer, default=0)
    ease: Mapped[int] = mapped_column(Integer, default=0)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    remaining_steps: Mapped[int] = mapped_column(Integer, default=0)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    buried_until: Mapped[int] = mapped_column(Integer, default=-1)
    flag: Mapped[int] = mapped_column(Integer, default=0)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)
    modified_at: Mapped[int] = mapped_column(Integer, default=0)
    # FSRS memory state (migration 0004); None until the FSRS scheduler has seen the card.
    stability: Mapped[float | None] = mapped_column(Float, nullable=True)
    difficulty: Mapped[float | None] = mapped_column(Float, nullable=True)

    # Covers the queue's filters, so due cards are counted and listed from the index alone (migration 0002),
    # and the final week's recall order (interval, stability) too (migration 0004).
    __table_args__ = (
        Index(
            "ix_cards_queue", "phase", "due", "suspended", "retired", "buried_until", "interval", "stability"
        ),
    )


class ReviewRow(Base):
    """One answer. Never deleted by deck changes; only `undo` removes the row it added."""

    __tablename__ = "review_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"))
    reviewed_at: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    rating: Mapped[int] = mapped_column(Integer)
    phase_before: Mapped[str] = mapped_column(String)
    interval_before: Mapped[int] = mapped_column(Integer)
    interval_after: Mapped[int] = mapped_column(Integer)
    ease_after: Mapped[int] = mapped_column(Integer)
    fuzz: Mapped[float] = mapped_column(Float)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_review_log_card_id_id", "card_id", "id"),
        Index("ix_review_log_day_phase", "day", "phase_before"),
    )


class UndoRow(Base):
    """The undo stack (last 30 operations), kept in the database so it survives a restart."""

    __tablename__ = "undo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op: Mapped[str] = mapped_column(String)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"))
    review_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    prev: Mapped[str] = mapped_column(Text)
    created_at: Mapped[int] = mapped_column(Integer)


class DrillKindRow(Base):
    """Scheduling state of one calculator drill kind, scheduled like a card (right → Good, wrong → Again).

    `due_at` (epoch ms) is set in the learning phases, `due_day` (a study-day number) in review, as in
    SchedState. A kind without a row has never been drilled (phase new).
    """

    __tablename__ = "drill_kinds"

    kind: Mapped[str] = mapped_column(String, primary_key=True)
    phase: Mapped[str] = mapped_column(String, default="new")
    due_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    interval: Mapped[int] = mapped_column(Integer, default=0)
    ease: Mapped[int] = mapped_column(Integer, default=0)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    remaining_steps: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[int] = mapped_column(Integer)


class DrillLogRow(Base):
    """One drill answer: the problem (seed and inputs as JSON), what was given, the verdict, and the
    rating and fuzz draw that replay the kind's scheduling state."""

    __tablename__ = "drill_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(ForeignKey("drill_kinds.kind"))
    seed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    inputs: Mapped[str] = mapped_column(Text)
    choice: Mapped[bool] = mapped_column(Boolean, default=False)
    given: Mapped[str] = mapped_column(Text)
    given_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    expected: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    mistake: Mapped[str | None] = mapped_column(String, nullable=True)
    answered_at: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    rating: Mapped[int] = mapped_column(Integer)
    fuzz: Mapped[float] = mapped_column(Float)

    __table_args__ = (Index("ix_drill_log_kind_id", "kind", "id"),)


class ExamAttemptRow(Base):
    """One mock exam or section practice. Saved after every answer so a killed app can resume it.

    `question_ids`, `answers` ({id: "A,C"}) and `flags` are JSON; `remaining_ms` is the countdown left at the
    last save (time while the app was not running does not count, as with a paused exam).
    """

    __tablename__ = "exam_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[str] = mapped_column(String)
    mode: Mapped[str] = mapped_column(String)  # "mock" | "section"
    domain: Mapped[str | None] = mapped_column(String, nullable=True)
    question_ids: Mapped[str] = mapped_column(Text)
    answers: Mapped[str] = mapped_column(Text)
    flags: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    time_limit_ms: Mapped[int] = mapped_column(Integer)
    remaining_ms: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String, index=True)  # "active" | "submitted"
    timed_out: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[int | None] = mapped_column(Integer, nullable=True)
    correct: Mapped[int | None] = mapped_column(Integer, nullable=True)
    total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scaled: Mapped[int | None] = mapped_column(Integer, nullable=True)


class QuestionAnswerRow(Base):
    """One answer to a bank question, from a quiz (attempt_id NULL) or a submitted exam attempt."""

    __tablename__ = "question_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question_id: Mapped[str] = mapped_column(String)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("exam_attempts.id"), nullable=True)
    mode: Mapped[str] = mapped_column(String)  # "quiz" | "mock" | "section"
    chosen: Mapped[str] = mapped_column(String)  # letters, "A,C"; "" when left unanswered
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        Index("ix_question_answers_question_id_id", "question_id", "id"),
        Index("ix_question_answers_answered_at", "answered_at"),
    )


def table(model: type[Base]) -> Table:
    """The Core table of a model, for select()/insert()/update() in the hot paths."""
    return cast(Table, model.__table__)
