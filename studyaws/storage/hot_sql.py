"""Plain SQL for the study loop's hot statements.

Measured at 100,000 cards: building a select() and its cache key cost ~0.4 ms per statement, several times
the statement itself, and fetching 10,000 queue rows through Result objects took ~35 ms. These statements
are constant strings run with `exec_driver_sql`, still inside SQLAlchemy's connections and transactions.
"""

from __future__ import annotations

# What undo restores about a card (its snapshot is written before each answer).
SNAPSHOT_FIELDS = (
    "phase", "due", "interval", "ease", "reps", "lapses", "remaining_steps",
    "suspended", "buried_until", "flag", "leech", "stability", "difficulty",
)  # fmt: skip

CARD_COLUMNS = (
    "id, uid, note_uid, deck_id, ordinal, kind, content, position, retired, phase, due, interval, ease, "
    "reps, lapses, remaining_steps, suspended, buried_until, flag, leech, modified_at, stability, difficulty"
)
ACTIVE = "retired = 0 AND suspended = 0 AND buried_until < :today"

CARD_BY_ID = f"SELECT {CARD_COLUMNS} FROM cards WHERE id = :id"

LEARNING_DUE = (
    f"SELECT id FROM cards WHERE phase IN ('learning', 'relearning') AND due <= :until AND {ACTIVE} "
    "ORDER BY due LIMIT :limit"
)
REVIEWS_DUE = (
    f"SELECT id FROM cards WHERE phase = 'review' AND due <= :today AND {ACTIVE} "
    "ORDER BY due, id LIMIT :limit"
)
NEW_CARDS = f"SELECT id FROM cards WHERE phase = 'new' AND {ACTIVE} ORDER BY due, id LIMIT :limit"
NOTES_OF = "SELECT id, note_uid FROM cards WHERE id IN ({ids})"

UPDATE_STATE = (
    "UPDATE cards SET phase = :phase, due = :due, interval = :interval, ease = :ease, reps = :reps, "
    "lapses = :lapses, remaining_steps = :remaining_steps, leech = :leech, suspended = :suspended, "
    "modified_at = :modified_at, stability = :stability, difficulty = :difficulty WHERE id = :id"
)
INSERT_REVIEW = (
    "INSERT INTO review_log (card_id, reviewed_at, day, rating, phase_before, interval_before, "
    "interval_after, ease_after, fuzz, leech, duration_ms) VALUES (:card_id, :reviewed_at, :day, :rating, "
    ":phase_before, :interval_before, :interval_after, :ease_after, :fuzz, :leech, :duration_ms)"
)
INSERT_UNDO = (
    "INSERT INTO undo (op, card_id, review_id, prev, created_at) "
    "VALUES (:op, :card_id, :review_id, :prev, :now)"
)
# Undo ids stay contiguous (undo removes the newest row, and SQLite reuses the freed rowid), so this keeps
# exactly the newest UNDO_LIMIT entries.
TRIM_UNDO = "DELETE FROM undo WHERE id <= :newest - :limit"
NEWEST_UNDO = "SELECT id, op, card_id, review_id, prev FROM undo ORDER BY id DESC LIMIT 1"
RESTORE = "UPDATE cards SET " + ", ".join(f"{f} = :{f}" for f in SNAPSHOT_FIELDS) + " WHERE id = :id"
