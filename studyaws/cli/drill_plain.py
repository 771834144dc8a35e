"""The line-mode drill loop: no colour and no escape codes; what the user types is echoed through inert()."""

from __future__ import annotations

import time
from typing import TextIO

from studyaws.core.text import inert
from studyaws.service.drills import (
    ALIASES,
    LETTERS,
    DrillOutcome,
    DrillProblem,
    DrillSession,
    UnreadableAnswerError,
)


class PlainDrill:
    """The line-mode loop: show a problem, read answers until one is readable, record, show the verdict."""

    def __init__(self, session: DrillSession, stdin: TextIO, out: TextIO) -> None:
        self.session = session
        self.stdin = stdin
        self.out = out

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(self, kind: str | None, seed: int | None, count: int, choice: bool) -> None:
        for number in range(count):
            problem = self.session.problem(kind, None if seed is None else seed + number, choice)
            if not self._ask(problem, number + 1, count):
                break
        s = self.session
        self.say(f"Drill over: {s.right} of {s.answered} right.")
        due = [status.kind for status in s.due_kinds()]
        self.say(f"Due now: {', '.join(due)}" if due else "No drill kind is due now.")

    def _ask(self, problem: DrillProblem, number: int, count: int) -> bool:
        """Show one problem until it is answered; False when the user quits or input ends."""
        shown_at = time.monotonic()
        self.say()
        self.say(f"Drill {number}/{count} · {problem.kind} · seed {problem.seed}")
        self.say(problem.text)
        for letter, option in zip(LETTERS, problem.options, strict=False):
            self.say(f"  {letter}) {option}")
        if problem.choice:
            prompt = f"Your answer: a letter, a to {LETTERS[len(problem.options) - 1]} (q quits)"
        else:
            prompt = f"Your answer in {problem.unit} (q quits)"
        while True:
            self.say(prompt)
            line = self.stdin.readline()
            if not line or line.strip().lower() == "q":
                return False
            if not line.strip():
                continue
            try:
                outcome = self.session.answer(problem, line, int((time.monotonic() - shown_at) * 1000))
            except UnreadableAnswerError as err:
                self.say(f"Could not read '{inert(line.strip())}': {inert(str(err))}.")
                continue
            self._verdict(outcome)
            return True

    def _verdict(self, outcome: DrillOutcome) -> None:
        if outcome.correct:
            self.say(f"Right: {outcome.answer}.")
        else:
            self.say(f"Wrong: {outcome.mistake}")
            self.say(f"Answer: {outcome.answer}")
        self.say("Steps:")
        for step_number, step in enumerate(outcome.steps, start=1):
            self.say(f"  {step_number}. {step}")
        if outcome.source:
            self.say(f"Source: {outcome.source}")
        for warning in outcome.warnings:
            self.say(f"Warning: {warning}")
        self.say(f"Saved. {outcome.kind} comes back in {outcome.next_in}.")

    def list_kinds(self) -> None:
        aliases = {kind: name for name, kind in ALIASES.items() if name != kind}
        self.say(f"{'kind':<20} {'alias':<18} {'state':<11} {'due':<6} {'right':>5} {'wrong':>5}")
        for status in self.session.kinds():
            self.say(
                f"{status.kind:<20} {aliases.get(status.kind, ''):<18} {status.phase.value:<11} "
                f"{status.due_in:<6} {status.right:>5} {status.wrong:>5}"
            )
