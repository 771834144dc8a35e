"""Review: the card front, reveal, grade 1–4 with each button's next interval, undo/suspend/bury/flag."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from studyaws.core.cards import render
from studyaws.core.text import inert
from studyaws.tui.widgets.keybar import KeyBar
from studyaws.tui.widgets.titlebar import TitleBar

if TYPE_CHECKING:
    # Imported where first used: the session's modules and the option picker are not needed for the first
    # card's frame, which is drawn from a stdlib read of the database (service.peek).
    from studyaws.service.session import AnswerOutcome, ReviewSession, StudyCard
    from studyaws.tui.app import StudyawsApp
    from studyaws.tui.widgets.options import OptionPicker

# Keyed by the ratings' numbers (Rating is an IntEnum, so Rating.GOOD finds 3): core.types is not needed
# before the first card is on screen.
NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


class ReviewScreen(Screen[None]):
    # Nothing focused at mount: a focus change re-renders the footer before the first frame (~100 ms of
    # launch → first card). Keys go to the screen; the screen scrolls the card body itself.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("space,enter", "reveal_or_good", "Show answer", id="reveal"),
        Binding("1", "grade(1)", "Again", show=False, id="again"),
        Binding("2", "grade(2)", "Hard", show=False, id="hard"),
        Binding("3", "grade(3)", "Good", show=False, id="good"),
        Binding("4", "grade(4)", "Easy", show=False, id="easy"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("s", "suspend", "Suspend", id="suspend"),
        Binding("b", "bury", "Bury", id="bury"),
        Binding("f", "flag", "Flag", id="flag"),
        # Back before Source: at 80 columns the key bar drops keys from the end, and `e` is also named under
        # every revealed answer.
        Binding("escape", "leave", "Back", id="back"),
        Binding("e", "open_source", "Source", id="source"),
        Binding("up", "scroll_body(-1)", show=False),
        Binding("down", "scroll_body(1)", show=False),
        Binding("pageup", "scroll_body(-10)", show=False),
        Binding("pagedown", "scroll_body(10)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.session: ReviewSession | None = None
        self.card: StudyCard | None = None
        self.revealed = False
        self.shown_at = time.monotonic()
        self.started = time.monotonic()
        self.last: AnswerOutcome | None = None
        self.buttons: dict[int, Button] = {}

    @property
    def studyaws(self) -> StudyawsApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        # Before the collection is open, the card the session will start with, read with sqlite3, is put in
        # the widgets as they are made: the first frame shows it, with no second layout pass for an update.
        meta, front = self._peek() if self.studyaws.collection is None else ("", "")
        yield TitleBar()
        yield Static(id="review-status")
        with VerticalScroll(id="review-body"):
            yield Static(Content(meta), id="card-meta", classes="muted")
            yield Static(Content(front), id="card-front")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.studyaws.collection is not None:
            self.collection_ready()
        self.set_timer(0.25, self._answer_parts)

    def _answer_parts(self) -> dict[int, Button]:
        """The answer's panes and the four answer buttons, mounted just after the first frame (by the timer
        set at mount) or on first use, whichever comes first: they are hidden until an answer is shown, and
        four Buttons cost ~50 ms of the first frame."""
        if not self.buttons:
            self.query_one("#review-body").mount(
                Static(id="card-back", classes="hidden"), Static(id="card-extra", classes="hidden")
            )
            self.buttons = {r: Button(Content(NAMES[r]), id=f"grade-{r}", compact=True) for r in NAMES}
            # Hidden with `visibility`, not `display`: showing them then needs no new layout pass.
            row = Horizontal(*self.buttons.values(), id="answer-buttons", classes="invisible")
            self.mount(row, after="#review-body")
        return self.buttons

    def _peek(self) -> tuple[str, str]:
        """The first card's meta line and front, or a wait message when there is none to peek at."""
        from studyaws.service.peek import peek_first_card

        peeked = peek_first_card(self.studyaws.ctx)
        if peeked is None:
            return "", "Opening your collection…"
        note, ordinal, uid = peeked
        front, _ = render(note, ordinal)
        return inert(f"{uid} · {note.deck_id}"), inert(front)

    def collection_ready(self) -> None:
        coll = self.studyaws.collection
        assert coll is not None
        from studyaws.service.session import ReviewSession

        self.session = ReviewSession(coll)
        self.started = time.monotonic()
        self.next_card()

    # -- display -----------------------------------------------------------------------------------------

    def next_card(self) -> None:
        from studyaws.tui.widgets.options import OptionPicker

        assert self.session is not None
        self._answer_parts()
        self.card = self.session.next_card()
        self.revealed = False
        for picker in self.query(OptionPicker):
            picker.remove()
        if self.card is None:
            self._finish()
            return
        card = self.card
        self.shown_at = time.monotonic()
        flag = " · flagged" if card.flag else ""
        meta = f"{card.uid} · {card.deck_id} · {card.state.phase.value}{flag}"
        self.query_one("#card-meta", Static).update(Content(inert(meta)))
        front = card.front.split("\nChoose")[0] if card.kind in ("mcq", "multi") else card.front
        if card.kind in ("mcq", "multi"):
            front = front.split("\nA. ")[0]
        self.query_one("#card-front", Static).update(Content(inert(front)))
        # Inline styles, not classes: a class change re-matches the stylesheet for the widget and its
        # children (~4 ms a keypress for the four buttons).
        self.query_one("#card-back", Static).styles.display = "none"
        self.query_one("#card-extra", Static).styles.display = "none"
        self.query_one("#answer-buttons").styles.visibility = "hidden"
        if card.kind in ("mcq", "multi"):
            coll = self.studyaws.collection
            assert coll is not None
            note = coll.repo.card(card.id).note
            picker = OptionPicker(note.options, multi=card.kind == "multi")
            self.query_one("#review-body").mount(picker, after="#card-front")
            picker.focus()
        # The counts take a few queries; paint the card first and the status line a frame later.
        self.call_after_refresh(self._update_status)

    def _update_status(self) -> None:
        assert self.session is not None
        c = self.session.counts()
        answered = self.session.answered
        text = f"new {c.new} · learning {c.learning} · review {c.review}   answered {answered}"
        if self.last is not None:
            text += f"   last: {NAMES[self.last.rating]} → {self.last.next_in}"
        self.query_one("#review-status", Static).update(Content(text))

    def _reveal(self) -> None:
        card = self.card
        if card is None or self.revealed:
            return
        self.revealed = True
        back = self.query_one("#card-back", Static)
        answer = card.back if card.kind not in ("mcq", "multi") else card.back.split("\n")[0]
        back.update(Content(inert(answer)))
        back.styles.display = "block"
        extra = []
        if card.explanation:
            extra.append(f"Why: {card.explanation}")
        if card.source:
            extra.append(f"Source: {card.source}  (e opens it)")
        if card.origin:
            extra.append(f"From: {card.origin}")
        extra += [f"Warning: {w}" for w in card.warnings]
        if extra:
            self.query_one("#card-extra", Static).update(Content(inert("\n".join(extra))))
            self.query_one("#card-extra", Static).styles.display = "block"
        from studyaws.core.types import Rating

        for rating, button in self._answer_parts().items():
            button.label = Content(f"{rating} {NAMES[rating]} {card.previews[Rating(rating)]}")
        self.query_one("#answer-buttons").styles.visibility = "visible"

    def _finish(self) -> None:
        from studyaws.tui.screens.summary import SummaryScreen

        assert self.session is not None
        minutes = (time.monotonic() - self.started) / 60
        self.studyaws.show_instead(SummaryScreen(self.session.answered, self.session.again, minutes))

    # -- actions -----------------------------------------------------------------------------------------

    def _ready(self) -> bool:
        if self.session is None or self.card is None:
            self.notify("One moment: opening your collection.", markup=False)
            return False
        return True

    def on_option_picker_submitted(self, message: OptionPicker.Submitted) -> None:
        self._reveal()
        hint = "Right: press 3 (Good) or 4 (Easy)." if message.correct else "Not quite: press 1 (Again)."
        self.notify(hint, markup=False)

    def action_reveal_or_good(self) -> None:
        if not self._ready():
            return
        if not self.revealed:
            from studyaws.tui.widgets.options import OptionPicker

            pickers = list(self.query(OptionPicker))
            if pickers and not pickers[0].revealed:
                pickers[0].focus()
                return
            self._reveal()
        else:
            self.action_grade(3)  # Good

    def action_grade(self, value: int) -> None:
        if not self._ready() or not self.revealed:
            return
        assert self.session is not None
        duration = int((time.monotonic() - self.shown_at) * 1000)
        from studyaws.core.types import Rating

        self.last = self.session.answer(Rating(value), duration)
        if self.last.leech:
            note = " and suspended" if self.last.suspended else ""
            self.notify(f"Leech: this card has lapsed often{note}. Consider rewriting it.", markup=False)
        self.next_card()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("grade-"):
            self.action_grade(int(event.button.id.removeprefix("grade-")))

    def action_undo(self) -> None:
        if self.session is None:
            return
        done = self.session.undo()
        self.notify(f"Undid {done.op} on {done.card_uid}." if done else "Nothing to undo.", markup=False)
        self.last = None
        self.next_card()

    def action_suspend(self) -> None:
        if self._ready():
            assert self.session is not None
            card = self.session.suspend()
            self.notify(f"Suspended {card.uid}.", markup=False)
            self.next_card()

    def action_bury(self) -> None:
        if self._ready():
            assert self.session is not None
            card = self.session.bury()
            self.notify(f"Buried {card.uid} until tomorrow.", markup=False)
            self.next_card()

    def action_flag(self) -> None:
        if self._ready():
            assert self.session is not None
            flag = self.session.toggle_flag()
            self.card = self.session.current
            self.notify("Flagged." if flag else "Flag removed.", markup=False)
            meta = self.query_one("#card-meta", Static)
            if self.card is not None:
                mark = " · flagged" if flag else ""
                meta.update(
                    Content(
                        inert(f"{self.card.uid} · {self.card.deck_id} · {self.card.state.phase.value}{mark}")
                    )
                )

    def action_open_source(self) -> None:
        if self.card is None or not self.card.source:
            return
        url = self.card.source
        self.app.open_url(url)
        self.notify(f"Source: {url}", markup=False, timeout=8)

    def action_scroll_body(self, lines: int) -> None:
        body = self.query_one("#review-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_leave(self) -> None:
        # A review the app started in stays at the base of the stack, under the dashboard: let go of the
        # session's queue.
        self.session, self.card = None, None
        self.studyaws.leave_to_dashboard()
