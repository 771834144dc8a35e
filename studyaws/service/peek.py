"""The first card of a review, for the TUI's first frame: stdlib sqlite3 only, no SQLAlchemy, no deck sync."""

from __future__ import annotations

import sqlite3

from studyaws.core.cards import Note
from studyaws.core.examplan import exam_and_goal
from studyaws.service.context import AppContext
from studyaws.storage.convert_light import to_ms
from studyaws.storage.notes_json import note_from_json
from studyaws.storage.peek import first_card
from studyaws.storage.schema_version import HEAD, revision_of

LEARN_AHEAD_MS = 20 * 60 * 1000


def peek_first_card(ctx: AppContext) -> tuple[Note, int, str] | None:
    """(note, ordinal, card uid) of the card a session would show first, or None if unknown yet."""
    if not ctx.paths.db.is_file():
        return None
    exam = exam_and_goal(ctx.settings.exam_date, ctx.settings.exam_plan_start)
    if exam is not None and ctx.today() <= exam[0]:
        return None  # exam-date mode orders the queue by domain weight and recall: let the session say
    try:
        conn = sqlite3.connect(f"file:{ctx.paths.db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        if revision_of(conn) != HEAD:
            return None
        s = ctx.settings
        row = first_card(
            conn,
            now_ms=to_ms(ctx.now()),
            learn_ahead_ms=LEARN_AHEAD_MS,
            today=ctx.today(),
            day_end_ms=to_ms(ctx.day_end()),
            new_per_day=s.new_per_day,
            reviews_per_day=s.reviews_per_day,
        )
        if row is None:
            return None
        note = note_from_json(str(row.note_uid), str(row.deck_id), str(row.kind), str(row.content))
        return note, int(str(row.ordinal)), str(row.uid)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
