"""Deck quality report: coverage per exam task against the blueprint, missing sources, stale facts, copies.

Pure: takes validated notes, blueprint task lists and today's date; returns plain values.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from studyaws.core.cards import Note

MIN_CARDS_PER_TASK = 10
STALE_AFTER = timedelta(days=365)
NEAR_DUPLICATE = 0.8  # Jaccard similarity of word sets, for fronts long enough to compare


@dataclass(frozen=True, slots=True)
class VersionCoverage:
    version: str
    domains: dict[str, tuple[int, int]]  # domain → (cards, blueprint weight %)
    tasks: dict[str, int]  # task id → cards
    thin_tasks: list[str]  # tasks under MIN_CARDS_PER_TASK
    unknown_tasks: list[str]  # tags naming a task the blueprint does not have


@dataclass(frozen=True, slots=True)
class DeckReport:
    notes: int
    coverage: list[VersionCoverage]
    missing_source: list[str]
    missing_verified: list[str]
    stale: list[str]
    duplicates: list[tuple[str, str]]
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def problems(self) -> int:
        thin = sum(len(c.thin_tasks) + len(c.unknown_tasks) for c in self.coverage)
        copies = len(self.duplicates) + len(self.near_duplicates)
        return thin + len(self.missing_source) + len(self.missing_verified) + len(self.stale) + copies


def front_text(note: Note) -> str:
    return note.text if note.kind == "cloze" else note.front


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def coverage(
    notes: Sequence[Note], version: str, domains: dict[str, tuple[int, list[str]]]
) -> VersionCoverage:
    """`domains`: domain number → (weight, task ids) from the blueprint."""
    per_task = Counter(n.task[version] for n in notes if version in n.task)
    known = {t for _, tasks in domains.values() for t in tasks}
    tasks = {t: per_task.get(t, 0) for _, ts in domains.values() for t in ts}
    per_domain = {d: (sum(tasks[t] for t in ts), w) for d, (w, ts) in domains.items()}
    return VersionCoverage(
        version=version,
        domains=per_domain,
        tasks=tasks,
        thin_tasks=[t for t, n in tasks.items() if n < MIN_CARDS_PER_TASK],
        unknown_tasks=sorted(t for t in per_task if t not in known),
    )


def report(
    notes: Sequence[Note], blueprints: dict[str, dict[str, tuple[int, list[str]]]], today: date
) -> DeckReport:
    missing_source = [n.uid for n in notes if not n.source]
    missing_verified = [n.uid for n in notes if not n.verified]
    stale = [n.uid for n in notes if n.verified and today - date.fromisoformat(n.verified) > STALE_AFTER]
    by_front: dict[str, list[str]] = defaultdict(list)
    for n in notes:
        by_front[" ".join(sorted(_words(front_text(n))))].append(n.uid)
    duplicates = [(ids[0], other) for ids in by_front.values() if len(ids) > 1 for other in ids[1:]]
    return DeckReport(
        notes=len(notes),
        coverage=[coverage(notes, v, d) for v, d in blueprints.items()],
        missing_source=missing_source,
        missing_verified=missing_verified,
        stale=stale,
        duplicates=duplicates,
        near_duplicates=near_duplicates(notes),
    )


def near_duplicates(notes: Sequence[Note]) -> list[tuple[str, str, float]]:
    """Pairs of cards whose fronts share most of their words (an inverted index keeps this near-linear)."""
    words = {n.uid: _words(front_text(n)) for n in notes}
    counts = Counter(w for ws in words.values() for w in ws)
    rare: dict[str, list[str]] = defaultdict(list)
    for uid, ws in words.items():
        for w in ws:
            if counts[w] <= 12:  # only distinctive words pick candidate pairs
                rare[w].append(uid)
    seen: set[tuple[str, str]] = set()
    out = []
    for uids in rare.values():
        for i, a in enumerate(uids):
            for b in uids[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                wa, wb = words[a], words[b]
                if min(len(wa), len(wb)) < 5:
                    continue
                score = len(wa & wb) / len(wa | wb)
                if score >= NEAR_DUPLICATE and wa != wb:
                    out.append((pair[0], pair[1], round(score, 2)))
    return sorted(out)
