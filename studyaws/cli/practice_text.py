"""Plain-text rendering of questions, verdicts and explanations for the line-mode quiz and exam."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from studyaws.core.questions import Question, format_choice
from studyaws.core.text import inert


def question_lines(q: Question, version: str, header: str) -> Iterator[str]:
    tags = f"domain {q.domain.get(version, '?')} · task {q.task.get(version, '?')} · {q.difficulty}"
    yield ""
    yield f"{header} · {tags}"
    yield inert(q.prompt())
    for letter, opt in zip(q.letters, q.options, strict=True):
        yield f"  {letter}. {inert(opt.text)}"


def verdict_lines(q: Question, chosen: frozenset[str], correct: bool) -> Iterator[str]:
    right = format_choice(q.right)
    mine = format_choice(chosen) or "(no answer)"
    yield f"Right: {right}." if correct else f"Wrong: you chose {mine}; the answer is {right}."
    for letter, opt in zip(q.letters, q.options, strict=True):
        picked = " (your choice)" if letter in chosen else ""
        yield f"  {letter}{picked}: {inert(opt.why)}"  # every `why` starts with Right. or Wrong.
    for url in q.sources:
        yield f"  Source: {inert(url)}"


class LineReader:
    """Answers come one per line; `None` at end of input. Counts lines so errors can name them."""

    def __init__(self, stream: TextIO, out: TextIO) -> None:
        self.stream = stream
        self.out = out
        self.line = 0
        self.tty = stream.isatty()
        self.invalid = 0

    def ask(self, prompt: str) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        text = self.stream.readline()
        if text == "":
            self.out.write("\n")
            return None
        self.line += 1
        if not self.tty:
            self.out.write(
                text if text.endswith("\n") else text + "\n"
            )  # echo piped input into the transcript
        return text.strip()

    def error(self, err: TextIO, message: str) -> None:
        """One line on stderr; from a pipe it names the input line, and the run will exit non-zero."""
        where = "" if self.tty else f"stdin line {self.line}: "
        if not self.tty:
            self.invalid += 1
        err.write(f"studyaws: error: {where}{message}\n")
        err.flush()
