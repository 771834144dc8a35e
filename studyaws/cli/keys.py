"""Read one command at a time: single keypresses on a terminal, one line per command from a pipe."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TextIO

ENTER = "enter"
SPACE = "space"


class KeyReader:
    """`read()` returns a key name or None at end of input. A pipe gives one command per line: an empty line
    is Enter, a line holding one space is Space, otherwise the line's first character counts."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()

    def read(self) -> str | None:
        if self.tty:
            return self._read_key()
        line = self.stream.readline()
        if line == "":
            return None
        line = line.rstrip("\r\n")
        if line == "":
            return ENTER
        if line.strip() == "":
            return SPACE
        return line.strip()[0].lower()

    def _read_key(self) -> str | None:
        fd = self.stream.fileno()
        with _cbreak(fd):
            ch = os.read(fd, 1)
        if ch in (b"", b"\x04"):
            return None
        if ch == b"\x03":
            raise KeyboardInterrupt
        if ch in (b"\r", b"\n"):
            return ENTER
        if ch == b" ":
            return SPACE
        return ch.decode("utf-8", "replace").lower()


@contextlib.contextmanager
def _cbreak(fd: int) -> Iterator[None]:
    if sys.platform == "win32":  # pragma: no cover
        yield
        return
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
