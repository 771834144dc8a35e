"""Today's study order: learning cards that are due first, then reviews with new cards spread among them."""

from __future__ import annotations

from collections.abc import Sequence

TYPE_CHECKING = False  # typing itself stays unimported on the `studyaws due` fast path
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


class Counts:
    """Anki's three numbers: new cards left today, learning cards due, reviews left today."""

    __slots__ = ("learning", "new", "review")

    def __init__(self, new: int, learning: int, review: int) -> None:
        self.new = new
        self.learning = learning
        self.review = review

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Counts) and (self.new, self.learning, self.review) == (
            other.new,
            other.learning,
            other.review,
        )

    def __hash__(self) -> int:
        return hash((self.new, self.learning, self.review))

    def __repr__(self) -> str:
        return f"Counts(new={self.new}, learning={self.learning}, review={self.review})"


def remaining(limit: int, done_today: int, available: int) -> int:
    """How many more cards a daily limit lets through today."""
    return max(0, min(limit - done_today, available))


def interleave(reviews: Sequence[T], news: Sequence[T]) -> list[T]:
    """Spread new cards evenly through the reviews, as Anki's default 'mix with reviews' order does."""
    if not news:
        return list(reviews)
    if not reviews:
        return list(news)
    out: list[T] = []
    gap = (len(reviews) + len(news)) / len(news)
    next_new_at = gap / 2
    ri = ni = 0
    for pos in range(len(reviews) + len(news)):
        if ni < len(news) and (pos >= next_new_at or ri >= len(reviews)):
            out.append(news[ni])
            ni += 1
            next_new_at += gap
        else:
            out.append(reviews[ri])
            ri += 1
    return out
