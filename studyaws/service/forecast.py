"""`studyaws stats` and the stats screen: today, the last 30 days, retention, and the forecast to exam day
(expected reviews and minutes per day, predicted recall per blueprint domain on the day)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from studyaws.config import Settings, due_args
from studyaws.core.days import day_number
from studyaws.core.projection import project
from studyaws.core.types import Scheduler
from studyaws.dueview import due_report
from studyaws.service.dashboard import read_current
from studyaws.storage import forecast_sql, statsql

if TYPE_CHECKING:
    from studyaws.decks.blueprint import Domain

HISTORY_DAYS = 30
DEFAULT_DAYS = 30  # forecast horizon without an exam date ahead
DEFAULT_SECONDS = 8.0  # per answer, until the learner has answer times of their own
_EPOCH = date(1970, 1, 1)


def day_date(day: int) -> date:
    """The calendar date of a study day (study days are numbered from 1970-01-01; see core.days)."""
    return _EPOCH + timedelta(days=day)


@dataclass(frozen=True, slots=True)
class DayForecast:
    date: date
    reviews: float  # expected answers to cards already studied, relearning included
    new: int  # new cards introduced that day
    learning: float  # answers to those new cards
    minutes: float

    @property
    def answers(self) -> float:
        return self.reviews + self.learning


@dataclass(frozen=True, slots=True)
class DomainRecall:
    number: str
    name: str
    weight: int
    cards: int
    seen: int  # studied by the target day (already, or introduced as new cards before it)
    recall: float | None  # mean predicted recall over all its cards, never-seen ones counting 0
    recall_seen: float | None  # the same over the cards seen by then


@dataclass(frozen=True, slots=True)
class StatsReport:
    today: date
    due_new: int
    due_learning: int
    due_review: int
    answered_today: int
    minutes_today: float
    history: list[int]  # answers per day, oldest first, today last
    retention_passed: int
    retention_total: int
    target: date  # the forecast's last day: the exam date, or today + N days
    target_is_exam: bool
    seconds_per_answer: float
    seconds_measured: bool  # False: the default, the learner has no answer times yet
    days: list[DayForecast]
    version: str
    version_name: str
    domains: list[DomainRecall]
    recall: float | None  # over every card of the version's domains

    @property
    def retention(self) -> float | None:
        return self.retention_passed / self.retention_total if self.retention_total else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "today": {
                "date": self.today.isoformat(),
                "due": {"new": self.due_new, "learning": self.due_learning, "review": self.due_review},
                "answered": self.answered_today,
                "minutes": round(self.minutes_today, 1),
            },
            "history": [
                {"date": (self.today - timedelta(days=len(self.history) - 1 - i)).isoformat(), "answers": n}
                for i, n in enumerate(self.history)
            ],
            "retention": {
                "days": HISTORY_DAYS,
                "passed": self.retention_passed,
                "total": self.retention_total,
                "rate": _round(self.retention),
            },
            "forecast": {
                "until": self.target.isoformat(),
                "until_exam": self.target_is_exam,
                "seconds_per_answer": self.seconds_per_answer,
                "seconds_measured": self.seconds_measured,
                "total_answers": round(sum(d.answers for d in self.days), 1),
                "total_minutes": round(sum(d.minutes for d in self.days), 1),
                "days": [
                    {
                        "date": d.date.isoformat(),
                        "reviews": round(d.reviews, 1),
                        "new": d.new,
                        "learning": round(d.learning, 1),
                        "answers": round(d.answers, 1),
                        "minutes": round(d.minutes, 1),
                    }
                    for d in self.days
                ],
            },
            "recall": {
                "date": self.target.isoformat(),
                "version": self.version,
                "overall": _round(self.recall),
                "domains": [
                    {
                        "number": d.number,
                        "name": d.name,
                        "weight": d.weight,
                        "cards": d.cards,
                        "seen": d.seen,
                        "recall": _round(d.recall),
                        "recall_seen": _round(d.recall_seen),
                    }
                    for d in self.domains
                ],
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def target_day(settings: Settings, today: int, days: int | None) -> tuple[int, bool]:
    """The forecast's last study day: `days` ahead when asked, else the exam day if it is still ahead,
    else DEFAULT_DAYS ahead."""
    if days is None and settings.exam_date:
        exam = (date.fromisoformat(settings.exam_date) - _EPOCH).days
        if exam > today:
            return exam, True
    return today + (DEFAULT_DAYS if days is None else days), False


def compute(
    conn: sqlite3.Connection,
    settings: Settings,
    now: datetime,
    scheduler: Scheduler,
    days: int | None = None,
    new_per_day: int | None = None,
) -> StatsReport:
    """Everything `studyaws stats` shows, read from an open stdlib connection.

    New cards enter at `new_per_day` (default: the setting; an exam plan passes its own pace).
    """
    from studyaws.decks import blueprint  # YAML: only when the numbers are wanted
    from studyaws.service.dashboard import exam_version

    today = day_number(now, settings.rollover_hour)
    # The same limits as the review and `studyaws due`: with an exam date ahead, the plan's.
    due = due_report(conn, now, **due_args(settings))
    answered, spent_ms = forecast_sql.answered_on(conn, today)
    passed, total = forecast_sql.retention(conn, today, HISTORY_DAYS)
    median_ms = forecast_sql.median_answer_ms(conn)
    seconds = median_ms / 1000 if median_ms else DEFAULT_SECONDS
    end, is_exam = target_day(settings, today, days)

    version = exam_version(settings)
    bp = blueprint.load(version)
    cards = forecast_sql.cards(conn, version)
    planned = due.exam is not None and due.exam.day > today
    if new_per_day is not None:
        per_day = new_per_day
    else:
        per_day = due.exam.new_limit if planned and due.exam is not None else settings.new_per_day
    new_today = due.new_available_today if new_per_day is None else min(due.new_available_today, per_day)
    # An exam plan introduces no new cards on the exam day itself.
    last_new = end - 1 if is_exam else None
    proj = project(
        scheduler, now, today, end, cards.seen, cards.new_ids, new_today, per_day, last_new_day=last_new
    )
    forecast_days = [
        DayForecast(
            date=day_date(today + i),
            reviews=proj.reviews[i],
            new=proj.new[i],
            learning=proj.learning[i],
            minutes=(proj.reviews[i] + proj.learning[i]) * seconds / 60,
        )
        for i in range(end - today + 1)
    ]
    domains = _domains(bp.domains, cards.domain, proj.recall)
    all_cards = sum(d.cards for d in domains)
    weighted = sum((d.recall or 0.0) * d.cards for d in domains)
    return StatsReport(
        today=day_date(today),
        due_new=due.new,
        due_learning=due.learning,
        due_review=due.review,
        answered_today=answered,
        minutes_today=spent_ms / 60_000,
        history=statsql.reviews_per_day(conn, today, HISTORY_DAYS),
        retention_passed=passed,
        retention_total=total,
        target=day_date(end),
        target_is_exam=is_exam,
        seconds_per_answer=round(seconds, 1),
        seconds_measured=median_ms is not None,
        days=forecast_days,
        version=version,
        version_name=bp.name,
        domains=domains,
        recall=weighted / all_cards if all_cards else None,
    )


def _domains(
    blueprint_domains: Iterable[Domain], domain_of: dict[int, str], recall: dict[int, float]
) -> list[DomainRecall]:
    members: dict[str, list[int]] = {}
    for card_id, number in domain_of.items():
        members.setdefault(number, []).append(card_id)
    out = []
    for d in blueprint_domains:
        ids = members.get(d.number, [])
        values = [recall[i] for i in ids if i in recall]
        out.append(
            DomainRecall(
                number=d.number,
                name=d.name,
                weight=d.weight,
                cards=len(ids),
                seen=len(values),
                recall=sum(values) / len(ids) if ids else None,
                recall_seen=sum(values) / len(values) if values else None,
            )
        )
    return out


def load(
    db_path: str,
    settings: Settings,
    now: datetime,
    scheduler: Scheduler,
    days: int | None = None,
    new_per_day: int | None = None,
) -> StatsReport | None:
    """`compute` over a read-only connection; None while the database does not exist or is not migrated."""
    return read_current(db_path, lambda conn: compute(conn, settings, now, scheduler, days, new_per_day))
