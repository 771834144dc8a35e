"""The last days before an exam: reviews with the lowest predicted recall first, and mock exams suggested."""

from __future__ import annotations

from collections.abc import Iterable

from studyaws.core.recall import predicted_recall
from studyaws.core.types import SchedState

FINAL_DAYS = 7  # the last week before the exam


def in_final_days(today: int, exam_day: int) -> bool:
    """From a week before the exam up to the exam day itself."""
    return exam_day - FINAL_DAYS <= today <= exam_day


def suggest_mock_exam(today: int, exam_day: int) -> bool:
    """Mock exams are suggested in the final days (and on an exam day, a short warm-up)."""
    return in_final_days(today, exam_day)


def lowest_recall_first(cards: Iterable[tuple[int, SchedState]], day: int) -> list[int]:
    """Card ids ordered by predicted recall on `day`, lowest first; ties keep their given order."""
    scored = []
    for index, (card_id, state) in enumerate(cards):
        recall = predicted_recall(state, day)
        scored.append((1.0 if recall is None else recall, index, card_id))
    scored.sort()
    return [card_id for _, _, card_id in scored]
