"""A one-line title bar: Textual's Header costs ~60 ms of the first frame; this is a styled Static."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar { height: 1; width: 100%; background: $panel; color: $foreground; text-style: bold;
               content-align: center middle; }
    """

    def __init__(self, title: str = "studyaws") -> None:
        super().__init__(Content(title))
