"""`studyaws review --plain`: a line-mode review for scripts, screen readers and dumb terminals.

No colour and no escape codes, ever: card text is printed with control characters made visible.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

import click

from studyaws.cli.keys import ENTER, SPACE, KeyReader
from studyaws.cli.main import CONTEXT, pass_ctx
from studyaws.core.text import inert
from studyaws.core.types import Rating
from studyaws.launch import interactive, run_tui
from studyaws.service.context import AppContext
from studyaws.service.session import ReviewSession, StudyCard

RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}
NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good", Rating.EASY: "Easy"}
FRONT_HELP = "Enter or Space: show answer · u undo · s suspend · b bury · f flag · q quit"
BACK_HELP = "1 Again · 2 Hard · 3 Good · 4 Easy · u undo · s suspend · b bury · f flag · q quit"


@click.command(context_settings=CONTEXT)
@click.option(
    "--plain",
    is_flag=True,
    help="Line mode: no colour, no escape codes, one key (or one line from a pipe) per action. "
    "Chosen automatically when input or output is not a terminal, or TERM=dumb.",
)
@pass_ctx
def review(ctx: AppContext, plain: bool) -> None:
    """Review due cards: Enter/Space shows the answer, 1-4 grades it (Again, Hard, Good, Easy)."""
    if not plain and interactive():
        run_tui(ctx, "review")
        return
    from studyaws.service.collection import open_collection  # after the TUI branch: it loads SQLAlchemy

    coll = open_collection(ctx)
    try:
        PlainReview(ReviewSession(coll), KeyReader(sys.stdin), sys.stdout).run()
    finally:
        coll.close()


class PlainReview:
    def __init__(self, session: ReviewSession, keys: KeyReader, out: TextIO) -> None:
        self.session = session
        self.keys = keys
        self.out = out

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(self) -> None:
        started = time.monotonic()
        while True:
            card = self.session.next_card()
            if card is None:
                break
            if not self._study(card):
                break
        minutes = (time.monotonic() - started) / 60
        s = self.session
        self.say(f"Session over: {s.answered} answered, {s.again} again, {minutes:.1f} min.")
        self.say(self._counts_line())

    def _counts_line(self) -> str:
        c = self.session.counts()
        return f"new {c.new} · learning {c.learning} · review {c.review}"

    def _show_front(self, card: StudyCard) -> None:
        self.say()
        self.say(self._counts_line())
        flag = " · flagged" if card.flag else ""
        self.say(f"Card: {card.uid} ({inert(card.deck_id)} · {card.state.phase.value}{flag})")
        self.say("Q: " + inert(card.front))

    def _study(self, card: StudyCard) -> bool:
        """Show one card until it is answered or set aside; False when the user quits or input ends."""
        shown_at = time.monotonic()
        self._show_front(card)
        revealed = False
        while True:
            self.say(BACK_HELP if revealed else FRONT_HELP)
            key = self.keys.read()
            if key is None or key == "q":
                return False
            if not revealed and key in (ENTER, SPACE):
                revealed = True
                self._show_back(card)
            elif revealed and key in RATING_KEYS:
                rating = RATING_KEYS[key]
                outcome = self.session.answer(rating, int((time.monotonic() - shown_at) * 1000))
                note = " · leech: 8 lapses, card suspended" if outcome.suspended and outcome.leech else ""
                note = note or (" · leech: consider rewriting this card" if outcome.leech else "")
                self.say(f"Answered {NAMES[rating]}: next in {outcome.next_in}{note}")
                return True
            elif key == "u":
                done = self.session.undo()
                self.say(f"Undid {done.op} on {done.card_uid}." if done else "Nothing to undo.")
                return True
            elif key == "s":
                self.session.suspend()
                self.say(f"Suspended {card.uid}.")
                return True
            elif key == "b":
                self.session.bury()
                self.say(f"Buried {card.uid} until tomorrow.")
                return True
            elif key == "f":
                flag = self.session.toggle_flag()
                self.say("Flagged." if flag else "Flag removed.")
            elif key in RATING_KEYS and not revealed:
                self.say("Show the answer first (Enter or Space).")
            else:
                self.say(f"Unknown key '{inert(key)}'.")

    def _show_back(self, card: StudyCard) -> None:
        self.say("A: " + inert(card.back))
        if card.explanation:
            self.say("Why: " + inert(card.explanation))
        if card.source:
            self.say("Source: " + inert(card.source))
        if card.origin:
            self.say("From: " + inert(card.origin))
        for warning in card.warnings:
            self.say("Warning: " + inert(warning))
        p = card.previews
        self.say(" · ".join(f"{int(r)} {NAMES[r]} ({p[r]})" for r in Rating))
