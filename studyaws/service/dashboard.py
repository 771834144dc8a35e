"""Dashboard and stats numbers, read with the stdlib driver so the first frame never waits for SQLAlchemy."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from studyaws import config
from studyaws.config import Settings
from studyaws.core.days import day_number, day_start
from studyaws.dueview import DueReport, due_report
from studyaws.storage import statsql
from studyaws.storage.schema_version import HEAD, revision_of

T = TypeVar("T")
FORECAST_DAYS = 30
HEATMAP_DAYS = 84  # twelve weeks


@dataclass(frozen=True, slots=True)
class DomainProgress:
    number: str
    name: str
    weight: int
    cards: int
    seen: int
    mature: int
    recall: float | None  # share of reviews passed; None before any review


@dataclass(frozen=True, slots=True)
class DashboardData:
    due: DueReport
    version: str
    version_name: str
    exam_date: date | None
    days_to_exam: int | None
    forecast: list[int]
    history: list[int]
    domains: list[DomainProgress]
    buttons: dict[str, list[int]]
    retention: dict[str, tuple[int, int, int, int]]
    minutes_today: float
    minutes_week: float


def exam_version(settings: Settings) -> str:
    from studyaws.decks import blueprint  # YAML: kept out of the dashboard's first frame

    exam_day = date.fromisoformat(settings.exam_date) if settings.exam_date else None
    return settings.exam_version or blueprint.default_version(exam_day)


def load(db_path: str, settings: Settings, now: datetime, domains: bool = True) -> DashboardData | None:
    """Everything the dashboard and stats screens show; None while the database does not exist yet.

    With `domains=False` the blueprint (YAML) is not read and the per-domain fields stay empty: that is the
    dashboard's first frame, the rest follows a frame later.
    """
    return read_current(db_path, lambda conn: _load(conn, settings, now, domains))


def read_current(db_path: str, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """`read` over a read-only stdlib connection; None while the database is missing or not yet migrated."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    except sqlite3.OperationalError:
        return None
    try:
        return read(conn) if revision_of(conn) == HEAD else None
    finally:
        conn.close()


def _load(conn: sqlite3.Connection, settings: Settings, now: datetime, with_domains: bool) -> DashboardData:
    today = day_number(now, settings.rollover_hour)
    version, version_name = "", ""
    domains: list[DomainProgress] = []
    retention: dict[str, tuple[int, int, int, int]] = {}
    if with_domains:
        from studyaws.decks import blueprint

        version = exam_version(settings)
        bp = blueprint.load(version)
        version_name = bp.name
        progress = statsql.progress_by_domain(conn, version)
        retention = statsql.retention_by_domain(conn, version)
        for d in bp.domains:
            cards, seen, mature = progress.get(d.number, (0, 0, 0))
            yp, yt, mp, mt = retention.get(d.number, (0, 0, 0, 0))
            recall = (yp + mp) / (yt + mt) if yt + mt else None
            domains.append(DomainProgress(d.number, d.name, d.weight, cards, seen, mature, recall))
    exam_day = date.fromisoformat(settings.exam_date) if settings.exam_date else None
    local_today = day_start(today, settings.rollover_hour, now).date()
    return DashboardData(
        due=due_report(conn, now, **config.due_args(settings)),
        version=version,
        version_name=version_name,
        exam_date=exam_day,
        days_to_exam=(exam_day - local_today).days if exam_day else None,
        forecast=statsql.forecast(conn, today, FORECAST_DAYS),
        history=statsql.reviews_per_day(conn, today, HEATMAP_DAYS),
        domains=domains,
        buttons=statsql.buttons(conn),
        retention=retention,
        minutes_today=statsql.time_spent_ms(conn, today, 1) / 60_000,
        minutes_week=statsql.time_spent_ms(conn, today, 7) / 60_000,
    )
