"""Exam questions: the value type, reading a learner's letters, and all-or-nothing scoring."""

from __future__ import annotations

from dataclasses import dataclass, field

from studyaws.core.cards import Option, letters

KINDS = ("single", "multiple")
DIFFICULTIES = ("easy", "medium", "hard")
_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


@dataclass(frozen=True, slots=True)
class Question:
    """One scenario question of a bank file, validated. Text is exactly what the file says."""

    uid: str
    bank: str
    kind: str  # "single": one right of 4 | "multiple": two or more right of 5+
    difficulty: str
    stem: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]
    verified: str = ""
    domain: dict[str, str] = field(default_factory=dict)
    task: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    line: int = 0
    path: str = ""

    @property
    def letters(self) -> str:
        return letters(len(self.options))

    @property
    def right(self) -> frozenset[str]:
        return frozenset(self.letters[i] for i, o in enumerate(self.options) if o.correct)

    @property
    def choose(self) -> int:
        """How many options the learner must pick."""
        return len(self.right)

    def prompt(self) -> str:
        """The stem as shown: a multiple-response stem already ends "(Choose two.)"; a single one gets
        "(Choose one.)" the same way, so every prompt says how many to pick."""
        stem = self.stem.strip()
        return stem if self.kind == "multiple" else f"{stem} (Choose one.)"

    def instruction(self) -> str:
        if self.kind == "single":
            return "Choose one."
        return f"Choose {_COUNT_WORDS.get(self.choose, str(self.choose))}."


def choose_suffix(count: int) -> str:
    """The stem ending the real exam uses for a multiple-response question: '(Choose two.)'."""
    return f"(Choose {_COUNT_WORDS.get(count, str(count))}.)"


class ChoiceError(ValueError):
    """An answer that cannot be taken: not an option, or the wrong number of options."""


def parse_choice(text: str, question: Question) -> frozenset[str]:
    """Letters typed by a learner ("b", "A,C", "a c", "AC") → the set of chosen letters, checked."""
    raw = text.strip().upper()
    if not raw:
        raise ChoiceError(f"type a letter ({_span(question)})")
    picked = [c for c in raw if c not in " ,;/"]
    valid = question.letters
    bad = sorted({c for c in picked if c not in valid})
    if bad:
        shown = ", ".join(repr(b) for b in bad)
        raise ChoiceError(f"{shown} is not an option: answer with {_span(question)}")
    chosen = frozenset(picked)
    if len(chosen) != len(picked):
        raise ChoiceError("a letter is repeated: name each option once")
    need = question.choose
    if len(chosen) != need:
        what = "one option" if need == 1 else f"exactly {need} options"
        raise ChoiceError(f"choose {what}, not {len(chosen)}")
    return chosen


def _span(question: Question) -> str:
    valid = question.letters
    return (
        f"{valid[0]}-{valid[-1]}"
        if question.kind == "single"
        else f"letters {valid[0]}-{valid[-1]}, e.g. A,C"
    )


def is_correct(question: Question, chosen: frozenset[str]) -> bool:
    """All or nothing, as the exam scores multiple response: every right option and no wrong one."""
    return chosen == question.right


def format_choice(chosen: frozenset[str]) -> str:
    return ",".join(sorted(chosen))


def read_choice(stored: str) -> frozenset[str]:
    return frozenset(c for c in stored.split(",") if c)
