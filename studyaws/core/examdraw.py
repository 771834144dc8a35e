"""Drawing an exam's questions: counts per domain from the blueprint weights, fresh questions first."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

from studyaws.core.questions import Question


def allocate(weights: dict[str, int], count: int) -> dict[str, int]:
    """Split `count` questions over domains in proportion to their weights (largest remainder)."""
    total = sum(weights.values())
    if total <= 0 or count <= 0:
        return dict.fromkeys(weights, 0)
    exact = {d: count * w / total for d, w in weights.items()}
    out = {d: int(x) for d, x in exact.items()}
    by_remainder = sorted(weights, key=lambda d: (-(exact[d] - out[d]), d))
    for d in by_remainder[: count - sum(out.values())]:
        out[d] += 1
    return out


def draw(
    questions: Sequence[Question],
    version: str,
    weights: dict[str, int],
    count: int,
    rng: random.Random,
    seen: dict[str, int] | None = None,
) -> list[Question]:
    """`count` questions tagged for `version`, spread over domains by weight and over each domain's tasks.

    `seen` counts how often each question was already answered: the least-seen come first, so three mock
    exams in a row repeat nothing while the bank has enough questions. When a domain runs short, the other
    domains fill the gap (the result says so by its per-domain counts). Order is shuffled, as on the exam.
    """
    seen = seen or {}
    pools: dict[str, list[Question]] = defaultdict(list)
    for q in questions:
        if version in q.domain and q.domain[version] in weights:
            pools[q.domain[version]].append(q)
    wanted = allocate(weights, min(count, sum(len(p) for p in pools.values())))
    picked: list[Question] = []
    spare: list[Question] = []
    for domain, n in wanted.items():
        ordered = _spread(pools.get(domain, []), version, rng, seen)
        picked += ordered[:n]
        spare += ordered[n:]
    short = min(count, len(picked) + len(spare)) - len(picked)
    if short > 0:
        spare.sort(key=lambda q: seen.get(q.uid, 0))
        picked += spare[:short]
    rng.shuffle(picked)
    return picked


def _spread(pool: list[Question], version: str, rng: random.Random, seen: dict[str, int]) -> list[Question]:
    """Least-seen first; within that, round-robin over tasks so a short draw still covers the domain."""
    shuffled = list(pool)
    rng.shuffle(shuffled)
    shuffled.sort(key=lambda q: seen.get(q.uid, 0))
    by_task: dict[tuple[int, str], list[Question]] = defaultdict(list)
    for q in shuffled:
        by_task[(seen.get(q.uid, 0), q.task[version])].append(q)
    out: list[Question] = []
    for level in sorted({k[0] for k in by_task}):
        queues = [v for k, v in by_task.items() if k[0] == level]
        rng.shuffle(queues)
        while any(queues):
            for queue in queues:
                if queue:
                    out.append(queue.pop(0))
    return out
