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
        def __init__(self, correct: bool, chosen: frozenset[str]) -> None:
            super().__init__()
            self.correct = correct
            self.chosen = chosen

    class Changed(Message):
        """The picks changed (exam mode saves every change)."""

        def __init__(self, chosen: frozenset[str]) -> None:
            super().__init__()
            self.chosen = chosen

    def __init__(
        self,
        options: tuple[Option, ...],
        multi: bool,
        need: int | None = None,
        grading: bool = True,
        picked: frozenset[str] = frozenset(),
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = options
        self.multi = multi
        self.need = need  # how many to pick before Enter checks (the exam says "Choose two.")
        self.grading = grading  # False in a mock exam: Enter never reveals the key
        self.picked: set[int] = {letters(len(options)).index(c) for c in picked if c in letters(len(options))}
        self.revealed = False

    @property
    def chosen(self) -> frozenset[str]:
        marks = letters(len(self.options))
        return frozenset(marks[i] for i in self.picked)

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
                why = inert(opt.why)
                # Bank questions' explanations already start "Right." / "Wrong."; cards' do not.
                labelled = why.startswith(("Right.", "Wrong."))
                line += (
                    f"\n      {why}" if labelled else f"\n      {'right' if opt.correct else 'wrong'}: {why}"
                )
            lines.append(line)
        hint = "" if self.revealed or not self.grading else "Letters pick, Enter checks."
        return Content("\n".join(lines + ([hint] if hint else [])))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A letter beyond the last option is not ours: let the screen have it (g opens the exam's grid).
        if action == "pick" and parameters:
            return "abcdefgh".index(str(parameters[0])) < len(self.options)
        # In a mock exam the screen owns Enter (next question): the key is never revealed there.
        return not (action == "submit" and not self.grading)

    def action_pick(self, key: str) -> None:
        index = "abcdefgh".index(key)
        if self.revealed or index >= len(self.options):
            return
        if self.multi:
            self.picked ^= {index}
        else:
            self.picked = {index}
        self.refresh(layout=True)
        self.post_message(self.Changed(self.chosen))

    def action_submit(self) -> None:
        if self.revealed or not self.picked:
            return
        if self.need is not None and len(self.picked) != self.need:
            self.notify(
                f"Choose {self.need} options, not {len(self.picked)}.", severity="warning", markup=False
            )
            return
        self.revealed = True
        right = {i for i, o in enumerate(self.options) if o.correct}
        self.refresh(layout=True)
        self.post_message(self.Submitted(self.picked == right, self.chosen))
