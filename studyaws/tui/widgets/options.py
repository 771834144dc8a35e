"""Pick a multiple-choice card's options by letter; while focused, its letters win over other keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from studyaws.core.cards import Option, letters
from studyaws.core.text import inert


class OptionPicker(Widget, can_focus=True):
    """Options A–H; `multi` allows several. After `reveal()` it marks right and wrong and explains each."""

    DEFAULT_CSS = """
    OptionPicker { height: auto; margin: 1 0 0 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(k, f"pick('{k}')", show=False) for k in "abcdefgh"),
        Binding("enter,space", "submit", "Check answer", id="submit-options"),
    ]

    class Submitted(Message):
        def __init__(self, correct: bool) -> None:
            super().__init__()
            self.correct = correct

    def __init__(self, options: tuple[Option, ...], multi: bool, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = options
        self.multi = multi
        self.picked: set[int] = set()
        self.revealed = False

    def render(self) -> Content:
        marks = letters(len(self.options))
        lines = []
        for i, opt in enumerate(self.options):
            box = (
                ("[x]" if i in self.picked else "[ ]")
                if self.multi
                else ("(•)" if i in self.picked else "( )")
            )
            line = f"{box} {marks[i]}. {inert(opt.text)}"
            if self.revealed:
                verdict = "right" if opt.correct else "wrong"
                line += f"\n      {verdict}: {inert(opt.why)}"
            lines.append(line)
        hint = "Letters pick, Enter checks." if not self.revealed else ""
        return Content("\n".join(lines + ([hint] if hint else [])))

    def action_pick(self, key: str) -> None:
        index = "abcdefgh".index(key)
        if self.revealed or index >= len(self.options):
            return
        if self.multi:
            self.picked ^= {index}
        else:
            self.picked = {index}
        self.refresh(layout=True)

    def action_submit(self) -> None:
        if self.revealed or not self.picked:
            return
        self.revealed = True
        right = {i for i, o in enumerate(self.options) if o.correct}
        self.refresh(layout=True)
        self.post_message(self.Submitted(self.picked == right))
