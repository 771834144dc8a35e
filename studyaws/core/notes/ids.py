"""Stable card ids from deck id + file name + normalised question: editing an answer keeps the progress."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_CLOZE = re.compile(r"\{\{c\d+::.{0,500}?\}\}")
_PUNCT = re.compile(r"[^\w\s]+")
SLUG_CHARS = 48


def normalise_question(text: str) -> str:
    """Case, accents, punctuation, quotes, cloze answers and spacing folded away."""
    text = _CLOZE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-")[:SLUG_CHARS].strip("-")


def card_id(deck_id: str, file_name: str, question: str, occurrence: int = 1) -> str:
    """`<slug of the question>-<10 hex digits>`; the n-th card with the same question in a file gets n."""
    key = normalise_question(question)
    digest = hashlib.sha256(f"{deck_id}\0{file_name}\0{key}\0{occurrence}".encode()).hexdigest()[:10]
    return f"{slug(key) or 'card'}-{digest}"


class IdMaker:
    """Hands out ids in file order, numbering repeats of the same question."""

    def __init__(self, deck_id: str, file_name: str) -> None:
        self.deck_id = deck_id
        self.file_name = file_name
        self.counts: dict[str, int] = {}

    def __call__(self, question: str) -> str:
        key = normalise_question(question)
        self.counts[key] = self.counts.get(key, 0) + 1
        return card_id(self.deck_id, self.file_name, question, self.counts[key])
