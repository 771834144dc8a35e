"""Readiness for the chosen exam: the evidence from storage, the estimate from core.readiness."""

from __future__ import annotations

from dataclasses import dataclass

from studyaws.core.readiness import AnswerEvidence, CardEvidence, Readiness, estimate
from studyaws.core.recall import predicted_recall
from studyaws.core.types import Phase, SchedState
from studyaws.decks import blueprint
from studyaws.service.bank import by_id, load_questions
from studyaws.service.collection import Collection
from studyaws.service.quiz import exam_version
from studyaws.storage import practice_repo
from studyaws.storage.convert_light import from_ms, to_ms
from studyaws.storage.errors import translate_errors

WINDOW_DAYS = 90  # answers older than this barely count (14-day half-life) and are not read
_DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class ReadinessView:
    version: str
    domain_names: dict[str, str]
    task_names: dict[str, str]
    passing_score: int
    readiness: Readiness


def _state(row: practice_repo.CardTagRow) -> SchedState:
    phase = Phase(row.phase)
    if phase is Phase.REVIEW:
        return SchedState(phase=phase, due_day=row.due, interval=row.interval, stability=row.stability)
    if phase is Phase.NEW:
        return SchedState()
    return SchedState(phase=phase, due_at=from_ms(row.due), interval=row.interval, stability=row.stability)


def readiness(coll: Collection) -> ReadinessView:
    ctx = coll.ctx
    version = exam_version(coll)
    bp = blueprint.load(version)
    weights = {d.number: d.weight for d in bp.domains}
    tasks = {t.id: d.number for d in bp.domains for t in d.tasks}
    today = ctx.today()
    now_ms = to_ms(ctx.now())
    with translate_errors(ctx.paths.db):
        rows = practice_repo.card_tags(coll.engine, version)
        answers = practice_repo.answers_since(coll.engine, now_ms - WINDOW_DAYS * _DAY_MS)
    cards = [
        CardEvidence(r.domain, r.task, predicted_recall(_state(r), today))
        for r in rows
        if r.domain is not None and r.task is not None
    ]
    bank = by_id(load_questions(ctx))
    evidence = []
    for a in answers:
        q = bank.get(a.question_id)
        if q is None or version not in q.task:
            continue
        age = max(0.0, (now_ms - a.answered_at) / _DAY_MS)
        evidence.append(AnswerEvidence(q.domain[version], q.task[version], a.correct, age))
    pass_fraction = (bp.passing_score - 100) / 900  # the same linear map the mock exam's scaled score uses
    return ReadinessView(
        version=version,
        domain_names={d.number: d.name for d in bp.domains},
        task_names={t.id: t.name for d in bp.domains for t in d.tasks},
        passing_score=bp.passing_score,
        readiness=estimate(weights, tasks, cards, evidence, pass_fraction),
    )


def summary_line(view: ReadinessView) -> str:
    """One dashboard line (fits 80 columns): per-domain estimates, pass likelihood, tasks to study next."""
    r = view.readiness
    parts = " ".join(f"D{e.key} {'?' if e.value is None else f'{e.value:.0%}'}" for e in r.domains)
    chance = "not enough data" if r.pass_chance is None else f"{r.pass_chance:.0%}"
    nxt = " ".join(e.key for e in r.study_next)
    return f"Readiness {parts} · pass {chance} · next {nxt}"
