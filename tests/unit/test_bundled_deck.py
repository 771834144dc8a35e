"""The bundled decks load through the real loader and every card carries a checked source."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from studyaws.decks.loader import deck_files, load_decks
from studyaws.paths import bundled_deck_dir

AWS_SOURCE = re.compile(r"^https://(docs\.aws\.amazon\.com|aws\.amazon\.com)/")


def test_bundled_decks_load_and_cite_aws() -> None:
    decks = load_decks(deck_files(bundled_deck_dir()))
    notes = [n for d in decks for n in d.notes]
    assert len(notes) >= 40
    topics = Counter(d.meta.id for d in decks)
    for topic in ("lambda", "dynamodb", "apigateway", "messaging", "iam"):
        assert topics[topic] == 1, f"starter topic {topic} missing"
    for n in notes:
        assert AWS_SOURCE.match(n.source), f"{n.uid}: source {n.source}"
        assert date.fromisoformat(n.verified) <= date(2026, 12, 31)
        for version, task in n.task.items():
            assert version in ("dva-c02", "dva-c03")
            assert task.split(".")[0] == n.domain.get(version, task.split(".")[0])
