"""Predicted recall: FSRS-6's forgetting curve, for cards with an FSRS memory state or an SM-2 interval.

Pure: study-day numbers in, probabilities out. The curve and its constants are FSRS-6's with the default
decay (the `fsrs` package's `DEFAULT_PARAMETERS[20]`; a unit test holds the two equal), written out here so
that reading a forecast does not need the scheduler package.
"""

from __future__ import annotations

from datetime import UTC

from studyaws.core.types import Phase, SchedState

DECAY = 0.1542  # FSRS-6 default w[20]
# Chosen so that recall is exactly 0.9 when elapsed days == stability: that is what stability means.
FACTOR = 0.9 ** (1 / -DECAY) - 1
_EPOCH_DAY_SECS = 86_400


def retrievability(stability: float, elapsed_days: float) -> float:
    """Probability of recall `elapsed_days` after the last review of a memory with this stability (days)."""
    if stability <= 0:
        raise ValueError(f"stability must be positive, not {stability}")
    return float((1 + FACTOR * max(elapsed_days, 0.0) / stability) ** -DECAY)


def last_review_day(state: SchedState) -> int | None:
    """The study day of the card's last answer, as far as its state tells.

    A review card was last answered `interval` days before it is due (every scheduler here sets
    `due_day = answer day + interval`). A (re)learning card is due minutes after its last answer, so the
    day of `due_at` stands in for it: in UTC days, which can be one off the learner's study day near
    midnight or the rollover hour.
    """
    if state.phase is Phase.REVIEW and state.due_day is not None:
        return state.due_day - state.interval
    if state.due_at is not None:
        return int(state.due_at.astimezone(UTC).timestamp() // _EPOCH_DAY_SECS)
    return None


def stability_of(state: SchedState) -> float | None:
    """The card's FSRS stability, or for a card only SM-2 has scheduled an estimate from its interval.

    The estimate: SM-2 schedules a card for when it is expected to be recalled with ~90 % probability
    (its ease adapts until that holds), and stability is by definition the interval at which recall is
    90 %, so S ≈ interval (at least one day: a card in learning steps graduates to a one-day interval).
    SM-2's intervals are not fitted to the learner, so this is rougher than a real FSRS memory state.
    """
    if state.phase is Phase.NEW:
        return None
    if state.stability is not None and state.stability > 0:
        return state.stability
    return float(max(state.interval, 1))


def predicted_recall(state: SchedState, day: int) -> float | None:
    """Probability of recalling the card on study day `day`; None for a card never seen."""
    stability = stability_of(state)
    last = last_review_day(state)
    if stability is None or last is None:
        return None
    return retrievability(stability, float(day - last))
