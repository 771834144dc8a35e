"""Classify each line of notes (heading, bullet with depth, text, table row, code, …), keeping its number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from studyaws.core.notes.normalise import inline, prepare, split_lines


class Kind(Enum):
    BLANK = "blank"
    HEADING = "heading"  # `# Markdown`, setext, or a **bold** line (level 0: not a Markdown heading)
    ITEM = "item"  # a bullet or numbered item
    TEXT = "text"
    TABLE = "table"  # a `| a | b |` row
    CODE = "code"  # inside a ``` fence (text kept as written)
    TAGS = "tags"  # a line of #hashtags only
    SEP = "sep"  # a lone `?` between a question and its answer (Obsidian Spaced Repetition)
    USED = "used"  # already turned into a card by explicit syntax
    DROP = "drop"  # decoration: rules, fences, chrome, image captions — structure-neutral


@dataclass(slots=True)
class Line:
    no: int  # 1-based, as editors count
    kind: Kind
    text: str
    indent: int = 0
    level: int = 0  # Markdown heading level
    numbered: bool = False  # `1.` rather than a glyph
    glyph: str = ""  # the bullet character, for items
    marked: bool = False  # ended with a #flashcard tag: the author says this line is a question


_LATE_BULLETS = frozenset("∘◦○·o▫□•")
FLASHCARD_TAGS = {"flashcard", "flashcards", "card", "cards", "anki", "srs"}
PRIMARY = "-*+•●▪■‣⁃➢➤►▶→✓✔☐☑–—"
SECONDARY = "∘◦○·o▫□"
_ITEM = re.compile(
    r"^(?:(\d{1,3}|[A-Za-z])[.)]|\((?:\d{1,3}|[a-z])\)|([-*+•●▪■‣⁃➢➤►▶→✓✔☐☑–—∘◦○·▫□]))(?:\s+|$)"
)
_NESTED_O = re.compile(r"^o\s+(?=\S)")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^(```+|~~~+)")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TAG_LINE = re.compile(r"^(?:#[A-Za-z][\w/-]*\s*)+$")
_TRAILING_TAGS = re.compile(r"(?:\s+#[A-Za-z][\w/-]*)+$")
_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*:?$")
_ALNUM = re.compile(r"[^\W_]")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_CAPTION = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+){2,}$|^\S+\.(?:png|jpe?g|gif|svg|webp)$", re.I)
_CHROME = re.compile(
    r"^(?:\d+\s+min(?:ute)?s?\s+read|leave\s+a\s+(?:reply|comment)|must[-\s]read|share\s+this:?|like\s+this:?"
    r"|table\s+of\s+contents|posted\s+(?:on|in|by)\b.{0,60}|click\s+to\s+\w+.{0,40}|loading\.\.\.|sources?:?"
    r"|related\s+posts?:?|about\s+[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿćčšžđ]+){0,2}|.{1,60}['’]s\s+(?:picture|photo|avatar)|q\s*&\s*a(?:\s+session)?"
    r"|q\s*&\s*a\s+about\s.{0,60}|(?:tags|categories):\s.{0,200})$",
    re.I,
)


def indent_width(raw: str) -> tuple[int, str]:
    """Leading whitespace as a column count (a tab is 4 columns) and the rest of the line."""
    stripped = raw.lstrip(" \t")
    lead = raw[: len(raw) - len(stripped)]
    return len(lead.expandtabs(4)), stripped


def strip_markers(text: str) -> tuple[str, str, bool]:
    """Remove bullet markers (`- ∘ x` has two) and a checkbox; return (text, first glyph, numbered)."""
    glyph, numbered = "", False
    for depth in range(3):
        m = _ITEM.match(text)
        if m is None and depth and _NESTED_O.match(text):
            text = text[2:].lstrip()
            continue
        if m is None:
            break
        if depth == 0:
            numbered = m.group(2) is None
            glyph = m.group(2) or "1"
        text = text[m.end() :]
    return _CHECKBOX.sub("", text), glyph, numbered


def classify(text: str) -> list[Line]:
    """Every line of `text`, classified. Lines are numbered from 1 whatever the line endings."""
    out: list[Line] = []
    fence = ""
    lines = split_lines(text)
    front_matter = _front_matter(lines)
    for no, raw in enumerate(lines, 1):
        if no <= front_matter:
            out.append(Line(no, Kind.DROP, ""))
            continue
        raw = prepare(raw)
        if fence:
            if raw.strip().startswith(fence):
                fence = ""
                out.append(Line(no, Kind.DROP, ""))
            else:
                out.append(Line(no, Kind.CODE, raw.rstrip()))
            continue
        out.append(_one(no, raw, out[-1] if out else None))
        if out[-1].kind is Kind.DROP and out[-1].text.startswith(("```", "~~~")):
            fence = out[-1].text[:3]
    return out


def _front_matter(lines: list[str]) -> int:
    """How many lines a YAML front matter block (`---` … `---` at the very top) takes, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for i, line in enumerate(lines[1:50], 2):
        if line.strip() in ("---", "..."):
            return i
    return 0


def _one(no: int, raw: str, prev: Line | None) -> Line:
    indent, rest = indent_width(raw)
    rest = rest.rstrip()
    if not rest:
        return Line(no, Kind.BLANK, "")
    first = rest[0]
    if first in "?>`~=-*_#|":  # the rarer line shapes all start with one of these
        special = _special(no, rest, indent, prev)
        if special is not None:
            return special
        rest = rest.lstrip("> ").strip() if first == ">" else rest
    body, glyph, numbered = strip_markers(rest)
    if glyph and not (glyph in "-*+" and body.startswith(glyph * 2)):  # `---x`, `**bold`: not bullets
        return _content(no, Kind.ITEM, body, indent, glyph=glyph, numbered=numbered)
    return _content(no, Kind.TEXT, rest, indent)


def _special(no: int, rest: str, indent: int, prev: Line | None) -> Line | None:
    """Fences, `?` separators, quotes, setext underlines, rules, tag lines, table rows, # headings."""
    if _FENCE.match(rest):
        return Line(no, Kind.DROP, rest)
    if rest in ("?", "??"):
        return Line(no, Kind.SEP, rest, indent)
    if rest.startswith(">"):  # quotes and callouts: the text counts, the marker does not
        quoted = rest.lstrip("> ").strip()
        return Line(no, Kind.DROP, "") if not quoted or quoted.startswith("[!") else None
    if _SETEXT.match(rest) and prev is not None and prev.kind is Kind.TEXT and indent < 4:
        prev.kind, prev.level = Kind.HEADING, 1 if rest[0] == "=" else 2
        return Line(no, Kind.DROP, "")
    if _RULE.match(rest):
        return Line(no, Kind.DROP, "")
    if _TAG_LINE.match(rest):
        return Line(no, Kind.TAGS, rest)
    if _TABLE_ROW.match(rest) and rest.count("|") >= 3:
        return Line(no, Kind.TABLE, inline(rest), indent)
    m = _MD_HEADING.match(rest)
    if m:
        title = m.group(2).rstrip("#").rstrip() if m.group(2).rstrip("#").endswith(" ") else m.group(2)
        return _content(no, Kind.HEADING, title, indent, level=len(m.group(1)))
    bold = _BOLD_LINE.match(rest)
    if bold:
        return _content(no, Kind.HEADING, bold.group(1), indent)
    return None


def _content(
    no: int, kind: Kind, text: str, indent: int, level: int = 0, glyph: str = "", numbered: bool = False
) -> Line:
    clean = inline(text)
    if kind is Kind.TEXT and clean[:1] in _LATE_BULLETS:  # a LaTeX bullet (`$\circ~$ x`) appears late
        body, first, num = strip_markers(clean)
        if first and first in SECONDARY + "•":
            kind, clean, glyph, numbered = Kind.ITEM, body, first, num
    elif kind is Kind.ITEM and len(clean) > 2 and clean[0] in SECONDARY + "•→" and clean[1] == " ":
        clean = clean[2:].lstrip()
    marked = False
    if "#" in clean:
        tags = _TRAILING_TAGS.search(clean, max(0, len(clean) - 200))  # bounded: hashtag soup stays linear
        if tags:
            marked = bool(FLASHCARD_TAGS & set(trailing_tags(tags.group())))
            clean = clean[: tags.start()].rstrip()
    if not _ALNUM.search(clean):
        return Line(no, Kind.DROP, "")
    if kind is not Kind.ITEM and len(clean) <= 120 and (_CHROME.match(clean) or _CAPTION.match(clean)):
        return Line(no, Kind.DROP, "")
    if kind is not Kind.ITEM and _URL_LINE.match(clean):
        return Line(no, Kind.DROP, "")
    return Line(no, kind, clean, indent, level, numbered, glyph, marked)


def trailing_tags(text: str) -> list[str]:
    """The #hashtags of a tag line, lowercased and without the `#`."""
    return [t.lstrip("#").lower() for t in text.split() if t.startswith("#")]
