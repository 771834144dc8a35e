"""Help: the keys of every screen, as plain text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

# Wrapped by hand to 76 columns, continuation lines under the text: at 80×24 the box has 76 inside its border
# and padding.
HELP = """\
studyaws: keys

Dashboard   r review · z quiz · e mock exam · d drills · s stats
            c settings · t light/dark · q quit
Review      Space/Enter show the answer (then Space/Enter = Good)
            1 Again · 2 Hard · 3 Good · 4 Easy, each with its next interval
            u undo (30 steps, kept across restarts) · s suspend · b bury
            f flag · e open the card's source · Esc back to the dashboard
            Multiple choice: letters pick, Enter checks, then grade 1-4
Quiz        letters pick · Enter checks (every option explained) · n next
            o open the source · Esc back
Mock exam   letters pick (saved at once) · Enter/n next · p previous
            m flag · g review grid (a number jumps back; submit from there)
            Esc pauses (e continues it) · running out of time submits
Results     r go through every question · n/p move · w next wrong answer
Drills      type the answer, Enter checks, Enter again: next · Esc back
            Ctrl+T multiple choice on/off
Settings    Tab moves between fields · Ctrl+S saves · Esc back
Anywhere    Ctrl+P palette (every action) · ? this help · Ctrl+Q quit

Every answer is saved the moment you give it.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help-close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help-body { width: 80; max-width: 100%; height: auto; max-height: 100%; border: round $primary;
                 padding: 0 1; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content(HELP.rstrip()))
