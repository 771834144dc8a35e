"""A review session: today's queue, the card on screen, and the actions a user can take on it."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from studyaws import config
from studyaws.core.cards import render
from studyaws.core.days import day_number
from studyaws.core.fmt import short_interval
from studyaws.core.queue import Counts, interleave
from studyaws.core.types import Answered, Phase, Rating, SchedState
from studyaws.service import plan
from studyaws.storage import duecounts
from studyaws.storage.convert_light import to_ms
from studyaws.storage.errors import translate_errors

if TYPE_CHECKING:
    from studyaws.service.collection import Collection
    from studyaws.storage.repo import StoredCard, UndoneOp

LEARN_AHEAD = timedelta(minutes=20)  # Anki's default: show learning cards early rather than wait idle
ANSWER_TIME_CAP_MS = 60_000  # Anki caps the recorded answer time at 60 s


@dataclass(frozen=True, slots=True)
class StudyCard:
    """A card ready to show: its text and what each answer button would do."""

    id: int
    uid: str
    deck_id: str
    kind: str
    front: str
    back: str
    explanation: str
    source: str
    state: SchedState
    flag: int
    previews: dict[Rating, str]
    origin: str = ""  # FILE:LINE of the note an imported card came from
    warnings: tuple[str, ...] = ()  # e.g. an AWS limit in the note that has changed since


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    uid: str
    rating: Rating
    next_in: str
    leech: bool
    suspended: bool


class ReviewSession:
    def __init__(self, coll: Collection) -> None:
        self.coll = coll
        self.ctx = coll.ctx
        self.current: StudyCard | None = None
        self._draw = 0.0
        self._queue: deque[int] = deque()
        self._day = -1
        self.answered = 0
        self.again = 0
        self.build()

    # -- queue ------------------------------------------------------------------------------------------

    def build(self) -> None:
        """Gather today's reviews and new cards (within the daily limits) and mix them."""
        with translate_errors(self.ctx.paths.db):
            snap = self.snapshot()
            today = self.ctx.today()
            repo = self.coll.repo
            exam_order = plan.queue_candidates(self.coll, today, snap.counts.review, snap.counts.new)
            reviews, news = exam_order or repo.queue_candidates(today, snap.counts.review, snap.counts.new)
            s = self.ctx.settings
            if s.bury_new_siblings or s.bury_review_siblings:
                # A card whose sibling (same deck entry, e.g. another cloze) was studied today waits a day.
                studied = repo.notes_studied_today(today)
                notes = repo.notes_of(reviews + news)
                if s.bury_review_siblings:
                    reviews = [i for i in reviews if i in studied.get(notes[i], {i})]
                if s.bury_new_siblings:
                    news = [i for i in news if i in studied.get(notes[i], {i})]
        self._queue = deque(interleave(reviews, news))
        self._day = today

    def snapshot(self) -> duecounts.DueSnapshot:
        now = self.ctx.now()
        limits = config.due_args(self.ctx.settings)  # with an exam date ahead, the plan's limits apply
        del limits["rollover_hour"]
        result = self.coll.repo.raw_counts(
            duecounts.snapshot,
            now_ms=to_ms(now),
            today=day_number(now, self.ctx.settings.rollover_hour),
            day_end_ms=to_ms(self.ctx.day_end()),
            **limits,
        )
        assert isinstance(result, duecounts.DueSnapshot)
        return result

    def counts(self) -> Counts:
        with translate_errors(self.ctx.paths.db):
            return self.snapshot().counts

    def next_card(self) -> StudyCard | None:
        """The card to show now: due learning cards first, then the mixed queue, then learning ahead."""
        with translate_errors(self.ctx.paths.db):
            now = self.ctx.now()
            today = self.ctx.today()
            if today != self._day:
                self.build()
            repo = self.coll.repo
            found = repo.learning_due(to_ms(now), today, limit=1)
            while not found and self._queue:
                card = repo.card(self._queue.popleft())
                if _still_due(card, today):
                    return self._show(card, now)
            if not found:
                found = repo.learning_due(to_ms(now + LEARN_AHEAD), today, limit=1)
            self.current = self._show(repo.card(found[0]), now) if found else None
            return self.current

    def _show(self, card: StoredCard, now: datetime) -> StudyCard:
        self._draw = self.ctx.rng.random()
        today = self.ctx.today()
        states = self.coll.scheduler.preview(card.state, now, today, self._draw)
        front, back = render(card.note, card.ordinal)
        self.current = StudyCard(
            id=card.id,
            uid=card.uid,
            deck_id=card.note.deck_id,
            kind=card.note.kind,
            front=front,
            back=back,
            explanation=card.note.explanation,
            source=card.note.source,
            state=card.state,
            flag=card.flags.flag,
            previews={r: _until(s, now, today) for r, s in states.items()},
            origin=card.note.origin,
            warnings=card.note.warnings,
        )
        return self.current

    # -- actions on the current card ------------------------------------------------------------------

    def _require(self) -> StudyCard:
        if self.current is None:
            raise RuntimeError("no card is on screen")
        return self.current

    def answer(self, rating: Rating, duration_ms: int = 0) -> AnswerOutcome:
        card = self._require()
        now = self.ctx.now()
        today = self.ctx.today()
        draw = self._draw

        def compute(state: SchedState) -> Answered:
            return self.coll.scheduler.answer(state, rating, now, today, draw)

        with translate_errors(self.ctx.paths.db):
            stored, result = self.coll.repo.answer(
                card.id,
                compute,
                min(duration_ms, ANSWER_TIME_CAP_MS),
                self.ctx.settings.leech_action == "suspend",
            )
        self.answered += 1
        self.again += rating is Rating.AGAIN
        self._bury_siblings_in_queue(stored)
        self.current = None
        return AnswerOutcome(
            card.uid, rating, _until(result.state, now, today), result.leech, stored.flags.suspended
        )

    def _bury_siblings_in_queue(self, card: StoredCard) -> None:
        s = self.ctx.settings
        if not (s.bury_new_siblings or s.bury_review_siblings):
            return
        repo = self.coll.repo
        notes = repo.notes_of(list(self._queue))
        keep: deque[int] = deque()
        for cid in self._queue:
            if notes.get(cid) == card.note_uid and cid != card.id:
                phase = repo.card(cid).state.phase
                if (phase is Phase.NEW and s.bury_new_siblings) or (
                    phase is Phase.REVIEW and s.bury_review_siblings
                ):
                    continue
            keep.append(cid)
        self._queue = keep

    def suspend(self) -> StudyCard:
        card = self._require()
        with translate_errors(self.ctx.paths.db):
            self.coll.repo.set_flags(card.id, "suspend", to_ms(self.ctx.now()), suspended=True)
        self.current = None
        return card

    def bury(self) -> StudyCard:
        card = self._require()
        with translate_errors(self.ctx.paths.db):
            self.coll.repo.set_flags(card.id, "bury", to_ms(self.ctx.now()), buried_until=self.ctx.today())
        self.current = None
        return card

    def toggle_flag(self) -> int:
        """Flag the card on screen (flag 1, Anki's red), or clear its flag. Returns the new flag."""
        card = self._require()
        flag = 0 if card.flag else 1
        with translate_errors(self.ctx.paths.db):
            self.coll.repo.set_flags(card.id, "flag", to_ms(self.ctx.now()), flag=flag)
        self.current = replace(card, flag=flag)
        return flag

    def undo(self) -> UndoneOp | None:
        """Undo the last operation; the card it touched comes back next."""
        with translate_errors(self.ctx.paths.db):
            done = self.coll.repo.undo()
        if done is not None:
            self._queue.appendleft(done.card_id)
            if done.op == "answer":
                self.answered = max(self.answered - 1, 0)
            self.current = None
        return done


def _still_due(card: StoredCard, today: int) -> bool:
    if card.flags.suspended or card.flags.buried_until >= today:
        return False
    if card.state.phase is Phase.NEW:
        return True
    return card.state.phase is Phase.REVIEW and card.state.due_day is not None and card.state.due_day <= today


def _until(state: SchedState, now: datetime, today: int) -> str:
    if state.due_at is not None:
        return short_interval((state.due_at - now).total_seconds())
    if state.due_day is not None:
        return short_interval((state.due_day - today) * 86_400)
    return "new"
