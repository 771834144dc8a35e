"""The footer: the screen's keys drawn as one line of text, whole items only, with Help always shown."""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

HELP_ACTION = "help"  # the app's `?` binding


class Item(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    action: str = ""


def fit(items: list[Item], width: int, palette: Item | None) -> tuple[list[Item], bool]:
    """The items to show in `width` cells and whether to space them compactly.

    Roomy spacing when everything fits, compact spacing next, then whole items dropped from the end; the
    Help item (it lists every key) and the palette item (it lists every action) are never dropped, so a
    narrow terminal loses keys the user can still find, never half a word."""
    for compact in (False, True):
        if _width(items, palette, compact) <= width:
            return items, compact
    kept = list(items)
    for item in reversed(items):
        if _width(kept, palette, True) <= width:
            break
        if item.action != HELP_ACTION:
            kept.remove(item)
    return kept, True


def _pieces(item: Item, compact: bool) -> tuple[str, str]:
    if compact:
        return item.display, f" {item.description} " if item.description else " "
    return f" {item.display} ", f"{item.description} " if item.description else ""


def _width(items: list[Item], palette: Item | None, compact: bool) -> int:
    lead = 1 if compact else 0
    total = lead + sum(len(k) + len(d) for k, d in (_pieces(i, compact) for i in items))
    if palette is not None:
        key, desc = _pieces(palette, compact)
        total += 1 + len(key) + len(desc)  # the separator bar
    return total


class KeyBar(Widget, can_focus=False):
    """Textual's Footer mounts a widget per key (~35 ms of the first frame); this draws them as text."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--separator"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; width: 100%;
        color: $footer-foreground; background: $footer-background;
        .keybar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .keybar--description { color: $footer-description-foreground;
                               background: $footer-description-background; }
        .keybar--separator { color: $foreground 20%; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[int, int, Item]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def items(self) -> tuple[list[Item], Item | None]:
        """The active bindings to show, one per action, and the command palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        items: list[Item] = []
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if not binding.show or binding.action in seen or key == self.app.COMMAND_PALETTE_BINDING:
                continue
            seen.add(binding.action)
            display = self.app.get_key_display(binding)
            items.append(Item(binding.key, display, binding.description, enabled, binding.action))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = Item(binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return items, palette

    def render(self) -> Content:
        items, palette = self.items()
        width = self.size.width
        shown, compact = fit(items, width, palette)
        key_style = self.get_visual_style("keybar--key")
        desc_style = self.get_visual_style("keybar--description")
        parts: list[tuple[str, Style]] = [(" ", desc_style)] if compact else []
        self.spans = []
        x = 1 if compact else 0
        for item in shown:
            key, desc = _pieces(item, compact)
            dim = Style() if item.enabled else Style(dim=True)
            parts += [(key, key_style + dim), (desc, desc_style + dim)]
            self.spans.append((x, x + len(key) + len(desc), item))
            x += len(key) + len(desc)
        if palette is not None:
            key, desc = _pieces(palette, compact)
            start = width - len(key) - len(desc)
            parts.append((" " * max(0, start - 1 - x), desc_style))
            parts += [("▏", self.get_visual_style("keybar--separator")), (key, key_style), (desc, desc_style)]
            self.spans.append((start, width, palette))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, item in self.spans:
            if start <= event.x < end:
                if item.enabled:
                    self.app.simulate_key(item.key)
                else:
                    self.app.bell()
                return
