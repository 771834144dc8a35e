"""Question bank report: questions per task and domain against the blueprint; mix of types and letters."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from studyaws.core.questions import Question

MIN_PER_TASK = 5
MIN_TOTAL = 195  # three full 65-question mock exams without a repeat


@dataclass(frozen=True, slots=True)
class BankCoverage:
    version: str
    total: int
    domains: dict[str, tuple[int, int]]  # domain → (questions, blueprint weight %)
    tasks: dict[str, int]
    thin_tasks: list[str]
    unknown_tasks: list[str]
    mocks: int  # full mock exams drawable without a repeat, at the blueprint weights


@dataclass(frozen=True, slots=True)
class BankReport:
    questions: int
    kinds: dict[str, int]
    difficulties: dict[str, int]
    right_letters: dict[str, int]
    coverage: list[BankCoverage]

    @property
    def problems(self) -> list[str]:
        out = []
        if self.questions < MIN_TOTAL:
            out.append(f"{self.questions} questions; at least {MIN_TOTAL} are needed for three mock exams")
        for c in self.coverage:
            out += [
                f"{c.version} task {t}: {c.tasks.get(t, 0)} questions (< {MIN_PER_TASK})"
                for t in c.thin_tasks
            ]
            out += [f"{c.version}: task {t} is not in the blueprint" for t in c.unknown_tasks]
        return out


def coverage(
    questions: Sequence[Question],
    version: str,
    weights: dict[str, int],
    tasks: Sequence[str],
    exam_size: int,
) -> BankCoverage:
    tagged = [q for q in questions if version in q.task]
    per_task = Counter(q.task[version] for q in tagged)
    per_domain = Counter(q.domain[version] for q in tagged)
    # A domain with weight w needs round(exam_size * w / 100) questions per exam; the scarcest domain limits.
    need = {d: max(round(exam_size * w / 100), 1) for d, w in weights.items()}
    mocks = min((per_domain.get(d, 0) // n for d, n in need.items()), default=0)
    return BankCoverage(
        version=version,
        total=len(tagged),
        domains={d: (per_domain.get(d, 0), w) for d, w in weights.items()},
        tasks={t: per_task.get(t, 0) for t in tasks},
        thin_tasks=[t for t in tasks if per_task.get(t, 0) < MIN_PER_TASK],
        unknown_tasks=sorted(set(per_task) - set(tasks)),
        mocks=mocks,
    )


def report(questions: Sequence[Question], coverages: list[BankCoverage]) -> BankReport:
    letters: Counter[str] = Counter()
    for q in questions:
        letters.update(q.right)
    return BankReport(
        questions=len(questions),
        kinds=dict(Counter(q.kind for q in questions)),
        difficulties=dict(Counter(q.difficulty for q in questions)),
        right_letters=dict(sorted(letters.items())),
        coverage=coverages,
    )
