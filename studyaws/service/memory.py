"""FSRS memory states from the review log: rebuilt when the scheduler switches to FSRS, and lazily.

The log is the truth. SM-2's state (due, interval, ease) stays in the card's columns whatever the setting;
FSRS's memory state (stability, difficulty) is a replay of the log (core.fsrs_sched.memory_from_log), so it
is rebuilt on the switch to FSRS and dropped on the switch back, where it would otherwise go stale while
SM-2 schedules (and predicted recall would read a stale stability). Nothing a user did is lost either way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studyaws.config import Settings
from studyaws.storage import hot_sql as hot
from studyaws.storage import memory_sql
from studyaws.storage.convert import state_from_row

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from studyaws.core.fsrs_sched import Fsrs
    from studyaws.service.context import AppContext


@dataclass(frozen=True, slots=True)
class ReplayReport:
    cards: int
    reviews: int
    seconds: float

    def describe(self) -> str:
        if not self.cards:
            return "No studied cards: FSRS starts with the next answer."
        return (
            f"FSRS memory state rebuilt from the review log: {self.cards} cards, "
            f"{self.reviews} answers, in {self.seconds:.1f} s."
        )


def fsrs_for(settings: Settings) -> Fsrs:
    """The FSRS scheduler these settings ask for (imports the fsrs package: ~30 ms, only when needed)."""
    from studyaws.core.fsrs_sched import Fsrs, FsrsParams

    return Fsrs(
        FsrsParams(
            desired_retention=settings.desired_retention,
            leech_threshold=settings.leech_threshold,
            fuzz=settings.fuzz,
        )
    )


def rebuild(engine: Engine, scheduler: Fsrs, only_missing: bool = False) -> ReplayReport:
    """Replay the log of every seen card (or only of those without a memory state) in one write
    transaction, so an answer given meanwhile by another process waits rather than goes missing."""
    from studyaws.core.fsrs_sched import memory_from_log

    start = time.perf_counter()
    cards = reviews = 0
    with engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
        raw = conn.connection.driver_connection
        assert raw is not None
        targets = memory_sql.seen_without_memory(raw) if only_missing else memory_sql.seen_cards(raw)
        wanted = set(targets)
        values: list[tuple[float | None, float | None, int]] = []
        if wanted:
            for card_id, records in memory_sql.logs_by_card(raw, wanted):
                state = memory_from_log(scheduler, records)
                values.append((state.stability, state.difficulty, card_id))
                reviews += len(records)
                wanted.discard(card_id)
            # Seen cards with no log (progress that came without its history): a memory state from the
            # interval, so they are not looked for again at every start.
            for card_id in wanted:
                row = conn.exec_driver_sql(hot.CARD_BY_ID, {"id": card_id}).one()
                stability, difficulty = scheduler.assumed_memory(state_from_row(row))
                values.append((stability, difficulty, card_id))
            memory_sql.write_memory(raw, values)
        cards = len(values)
    return ReplayReport(cards, reviews, time.perf_counter() - start)


def drop(engine: Engine) -> int:
    """Forget the memory states (switching to SM-2); returns how many cards had one."""
    with engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
        raw = conn.connection.driver_connection
        assert raw is not None
        return memory_sql.clear_memory(raw)


def reconcile(engine: Engine, settings: Settings) -> ReplayReport | None:
    """At open: give seen cards a memory state under FSRS, drop stale ones under SM-2 (e.g. after the
    setting was edited in config.toml). Reads only, unless there is something to do."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        if settings.scheduler == "fsrs":
            todo = bool(memory_sql.seen_without_memory(raw))
        else:
            todo = memory_sql.has_memory(raw)
    if not todo:
        return None
    if settings.scheduler == "fsrs":
        return rebuild(engine, fsrs_for(settings), only_missing=True)
    drop(engine)
    return None


def switch_scheduler(ctx: AppContext, new: Settings) -> str:
    """Apply a change of the `scheduler` setting to the collection, then save the settings.

    The database is changed first: if that fails, the setting stays as it was.
    """
    old = ctx.settings
    message = ""
    if new.scheduler != old.scheduler and ctx.paths.db.is_file():
        from studyaws.storage.db import open_database
        from studyaws.storage.errors import translate_errors

        engine = open_database(ctx.paths.db)
        try:
            with translate_errors(ctx.paths.db):
                if new.scheduler == "fsrs":
                    message = rebuild(engine, fsrs_for(new)).describe()
                else:
                    drop(engine)
                    message = "SM-2 takes over: every card keeps its interval and due date."
        finally:
            engine.dispose()
    ctx.save_settings(new)
    return message
