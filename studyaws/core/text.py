"""Deck text is data: make it inert before it reaches a terminal, without changing what it says."""

from __future__ import annotations

import re

# C0 and C1 control characters other than newline and tab, plus DEL. ESC is the dangerous one: it starts
# every terminal escape sequence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def inert(text: str) -> str:
    """Return `text` with control characters shown as visible symbols, so nothing can move the cursor,
    clear the screen or change colours. Markup such as `[bold]` is left as literal characters; the display
    layer must not interpret it."""
    return _CONTROL.sub(_picture, text)
