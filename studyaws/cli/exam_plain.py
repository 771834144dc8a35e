"""The line-mode exam: one command per line, so a whole exam can be driven from a pipe."""

from __future__ import annotations

from typing import TextIO

from studyaws.cli.practice_text import LineReader, question_lines
from studyaws.core.fmt import clock_time
from studyaws.core.mockexam import ExamResult
from studyaws.core.questions import ChoiceError, format_choice, parse_choice
from studyaws.service.exam import ExamSession

HELP = (
    "letters to answer (B or A,C) · n next · p previous · m flag · g N go to N · r review grid · s submit · "
    "q quit"
)


def grid_lines(session: ExamSession) -> list[str]:
    """The review grid: every question's number, answer (– for none) and flag (*)."""
    a = session.attempt
    cells = []
    for i, qid in enumerate(a.question_ids):
        chosen = format_choice(a.answers.get(qid, frozenset())) or "–"
        cells.append(f"{i + 1:>3} {chosen:<5}{'*' if qid in a.flags else ' '}")
    rows = [" ".join(cells[i : i + 8]) for i in range(0, len(cells), 8)]
    summary = f"{len(a.answers)} answered, {len(a.unanswered())} unanswered, {len(a.flagged())} flagged (*)"
    return [*rows, summary]


class PlainExam:
    def __init__(
        self, session: ExamSession, stdin: TextIO, out: TextIO, err: TextIO, quiet: bool = False
    ) -> None:
        self.session = session
        self.out = out
        self.err = err
        self.reader = LineReader(stdin, out)
        self.quiet = quiet  # --json: keep stdout for the JSON result; the transcript goes to stderr

    def say(self, text: str = "") -> None:
        (self.err if self.quiet else self.out).write(text + "\n")

    def run(self) -> ExamResult | None:
        s = self.session
        if self.quiet:
            self.reader.out = self.err
        total = len(s.attempt.question_ids)
        self.say(
            f"{s.attempt.version} {s.attempt.mode}: {total} questions, {clock_time(s.time_left_ms())} left."
        )
        self.say(HELP)
        while True:
            if s.check_time():
                self.say("Time is up: the exam has been submitted.")
                return s.result
            a = s.attempt
            flagged = " · flagged" if a.current in a.flags else ""
            header = f"Question {a.position + 1} of {total} · {clock_time(s.time_left_ms())} left{flagged}"
            for line in question_lines(s.question, a.version, header):
                self.say(line)
            if a.current in a.answers:
                self.say(f"Your answer: {format_choice(a.answers[a.current])}")
            command = self.reader.ask("> ")
            if command is None or command.lower() in ("q", "quit"):
                s.save()
                self.say(
                    f"Saved: {len(a.answers)} of {total} answered, {clock_time(s.time_left_ms())} left. "
                    "Continue with `studyaws exam --resume`."
                )
                return None
            result = self._do(command)
            if result is not None:
                return result

    def _do(self, command: str) -> ExamResult | None:
        s = self.session
        a = s.attempt
        low = command.lower()
        if low in ("n", "next", ""):
            s.goto(a.position + 1)
        elif low in ("p", "prev", "previous"):
            s.goto(a.position - 1)
        elif low in ("m", "flag"):  # not "f": that is an answer on a six-option question
            self.say("Flagged for review." if s.toggle_flag() else "Flag removed.")
        elif low.startswith("g ") and low[2:].strip().isdigit():
            number = int(low[2:].strip())
            if not 1 <= number <= len(a.question_ids):
                self.reader.error(self.err, f"no question {number}: choose 1-{len(a.question_ids)}")
            else:
                s.goto(number - 1)
        elif low == "r":
            for line in grid_lines(s):
                self.say(line)
        elif low == "s":
            for line in grid_lines(s):
                self.say(line)
            sure = self.reader.ask("Submit now? (y/n) ")
            if sure is not None and sure.lower() in ("y", "yes"):
                return s.submit()
        else:
            try:
                chosen = parse_choice(command, s.question)
            except ChoiceError as exc:
                self.reader.error(self.err, f"{exc} (or: {HELP})")
                return None
            s.answer(chosen)
            if s.finished:  # time ran out while answering
                self.say("Time is up: the exam has been submitted.")
                return s.result
            if a.position + 1 < len(a.question_ids):
                s.goto(a.position + 1)
            else:
                self.say("That was the last question. Review grid (s submits, g N goes back):")
                for line in grid_lines(s):
                    self.say(line)
        return None
