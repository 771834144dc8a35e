"""Nest classified lines: headings own sections, questions and intros own the list under them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studyaws.core.notes.outline import PRIMARY, SECONDARY, Kind, Line
from studyaws.core.notes.shapes import heading_like, is_intro, is_question, split_definition, words

_GAP = (Kind.BLANK, Kind.DROP, Kind.TAGS)
MAX_DEPTH = 24  # list nesting kept; every walk of the tree recurses at most this deep (plus 9 heading levels)
_TAG_WORD = re.compile(r"^[A-Z][a-z]{2,19}$")  # a stray category line ("Deployments") between Q and A
_FUSED = re.compile(r"^(?P<a>.*?[a-z0-9)])\s+(?P<q>(?:What|How|Why|When|Where|Which|Who)\b[^?]{8,}\?)$")
_INLINE_LIST = re.compile(r"\s\*\s")
_TOPIC = re.compile(
    r"^(?:AWS|Amazon)\s+[A-Za-z][\w@./-]*(?:\s+[A-Za-z][\w@./-]*)?$"
)  # "AWS Lambda", "Amazon API Gateway": a top section
_SENTENCE = (".", "!", ";")  # for str.endswith


@dataclass(slots=True)
class Node:
    kind: str  # root | heading | item | text | code | used
    text: str
    line: int
    level: int = 0
    indent: float = 0.0
    numbered: bool = False
    glyph: str = ""
    question: bool = False
    title: bool = False
    topic: bool = False  # a heading that names what the sections under it are about
    tags: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


def build(lines: list[Line]) -> Node:
    """The outline of a file; the first line becomes a `title` heading when it looks like one."""
    _mark_title(lines)
    _pseudo_items(lines)
    if not any(line.kind is Kind.HEADING and line.level and not line.numbered for line in lines):
        _bare_headings(lines)
    root = Node("root", "", 0)
    stack = [root]
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind is Kind.HEADING:
            node = Node("heading", line.text, line.no, level=line.level or 7, title=line.numbered)
            node.question = is_question(line.text) or line.marked
            node.topic = line.level <= 6 or bool(_TOPIC.match(line.text))
            while len(stack) > 1 and stack[-1].level >= node.level:
                stack.pop()
            stack[-1].children.append(node)
            stack.append(node)
            i += 1
        elif line.kind is Kind.USED:
            stack[-1].children.append(Node("used", "", line.no))
            i += 1
        elif line.kind in (Kind.TEXT, Kind.ITEM, Kind.CODE):
            nodes, i = _unit(lines, i)
            stack[-1].children.extend(nodes)
        else:
            i += 1
    _unfuse(root)
    return root


def _next(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].kind in _GAP:
        i += 1
    return i


def _mark_title(lines: list[Line]) -> None:
    first = _next(lines, 0)
    if first >= len(lines) or lines[first].kind not in (Kind.TEXT, Kind.HEADING):
        return
    line, after = lines[first], _next(lines, first + 1)
    if line.kind is Kind.HEADING:  # a Markdown title is also the topic of what follows: keep it a heading
        return
    follows = after < len(lines) and (lines[after].kind is Kind.HEADING or is_question(lines[after].text))
    blank_after = first + 1 < len(lines) and lines[first + 1].kind in _GAP
    # "Lambda Limits" over a list is the topic of that list, not a document title: only a long first
    # line, or one followed by a paragraph, a heading or a question, names the document.
    listed = after < len(lines) and lines[after].kind is Kind.ITEM and words(line.text) < 5
    shaped = not line.text.endswith(_SENTENCE) and not is_question(line.text) and not is_intro(line.text)
    shaped = shaped and not _TOPIC.match(line.text)  # "AWS Lambda" is a topic heading
    if words(line.text) <= 14 and shaped and (follows or blank_after) and not listed:
        line.kind, line.level, line.numbered = Kind.HEADING, 1, True  # `numbered` marks a bare title


def _pseudo_items(lines: list[Line]) -> None:
    """`… one of the following:` then short lines or `TERM – what it is` lines: a list without bullets."""
    for i, line in enumerate(lines):
        if line.kind is not Kind.TEXT or not line.text.endswith(":"):
            continue
        k = _next(lines, i + 1)
        shape = _item_shape(lines[k].text) if k < len(lines) and lines[k].kind is Kind.TEXT else ""
        while k < len(lines) and lines[k].kind is Kind.TEXT and shape and _item_shape(lines[k].text) == shape:
            after = _next(lines, k + 1)
            if after < len(lines) and lines[after].kind is Kind.ITEM:
                break  # a line with its own list under it starts the next section
            lines[k].kind, lines[k].indent = Kind.ITEM, line.indent + 1
            k = after


def _item_shape(text: str) -> str:
    """ "term" for `TERM – what it is`, "short" for a short label, "" for anything else."""
    if _INLINE_LIST.search(text):
        return ""
    d = split_definition(text)
    if d is not None and words(d[0]) <= 5:
        return "term"
    short = (
        words(text) <= 6 and not text.endswith(_SENTENCE) and not is_question(text) and not text.endswith(":")
    )
    return "short" if short else ""


def _bare_headings(lines: list[Line]) -> None:
    """Short lines alone between blank lines are headings; one right above another heading is a group.
    (Two blank lines before a heading looked like a level signal in some notes, but it is not reliable.)"""
    found: list[int] = []
    for i, line in enumerate(lines):
        if line.kind is Kind.HEADING:
            found.append(i)
        elif line.kind is Kind.TEXT and (heading_like(line.text) or is_question(line.text)):
            before = i == 0 or lines[i - 1].kind in _GAP
            after = i + 1 >= len(lines) or lines[i + 1].kind in _GAP
            if before and after and _next(lines, i + 1) < len(lines):
                found.append(i)
    heads = {i for i in found if not is_question(lines[i].text)}
    for i in found:
        line = lines[i]
        if line.level:
            continue
        line.kind = Kind.HEADING
        if is_question(line.text):
            line.level = 9
        elif _TOPIC.match(line.text):
            line.level = 6  # "AWS Lambda": the topic of everything up to the next such heading
        elif _next(lines, i + 1) in heads:
            line.level = 7
        else:
            line.level = 8


def _unit(lines: list[Line], i: int) -> tuple[list[Node], int]:
    line = lines[i]
    if line.kind is Kind.CODE:
        j = i
        while j < len(lines) and lines[j].kind is Kind.CODE:
            j += 1
        return [Node("code", "\n".join(x.text for x in lines[i:j]), line.no)], j
    if line.kind is Kind.ITEM:
        return _list(lines, i)
    node = Node("text", line.text, line.no, indent=line.indent)
    if is_question(line.text) or line.marked:
        node.question = True
        return [node], _answer(lines, i + 1, node)
    if _INLINE_LIST.search(line.text) and ":" in line.text.split(" * ")[0]:
        head, *items = line.text.split(" * ")
        node.text = head.strip()
        node.children = [Node("item", t.strip(), line.no, indent=line.indent + 1) for t in items if t.strip()]
        return [node], i + 1
    k = _next(lines, i + 1)
    owns = is_intro(line.text) or (words(line.text) <= 15 and not line.text.endswith(_SENTENCE))
    if owns and k < len(lines) and lines[k].kind is Kind.ITEM and k - i <= 3:
        node.children, j = _list(lines, k)
        return [node], j
    j = i + 1
    while j < len(lines) and lines[j].kind is Kind.TEXT and _wraps(node.text, lines[j].text):
        node.text += " " + lines[j].text
        j += 1
    return [node], j


def _wraps(prev: str, nxt: str) -> bool:
    """A hard-wrapped paragraph: the line before stops mid-sentence and this one carries on in lowercase."""
    stops = prev.endswith((".", "!", "?", ":"))
    return len(prev) >= 40 and not stops and nxt[:1].islower() and not is_question(nxt)


def _answer(lines: list[Line], j: int, node: Node) -> int:
    """What follows a question: bare answer lines, then a list; or one paragraph after a blank line."""
    while j < len(lines) and lines[j].kind is Kind.TEXT and _TAG_WORD.match(lines[j].text):
        if _next(lines, j + 1) < len(lines) and lines[_next(lines, j + 1)].kind is Kind.ITEM:
            node.tags.append(lines[j].text.lower())
            j += 1
        else:
            break
    while j < len(lines) and lines[j].kind is Kind.TEXT and not is_question(lines[j].text):
        if lines[j].marked:
            break
        node.children.append(Node("text", lines[j].text, lines[j].no))
        j += 1
    k = _next(lines, j)
    if k < len(lines) and lines[k].kind is Kind.ITEM and k - j <= 2:
        items, j = _list(lines, k)
        node.children.extend(items)
    elif (
        not node.children
        and k < len(lines)
        and k > j
        and lines[k].kind is Kind.TEXT
        and _plain(lines[k].text)
    ):
        node.children.append(Node("text", lines[k].text, lines[k].no))
        j = k + 1
    return j


def _plain(text: str) -> bool:
    return not is_question(text) and not is_intro(text)


def _list(lines: list[Line], i: int) -> tuple[list[Node], int]:
    """Items nested by indentation. `1. x` then `• y` at the same indent: y belongs to x (lost nesting)."""
    roots: list[Node] = []
    stack: list[tuple[float, Node]] = []
    j = i
    while j < len(lines):
        line = lines[j]
        if line.kind is Kind.ITEM:
            node = Node(
                "item", line.text, line.no, indent=line.indent, numbered=line.numbered, glyph=line.glyph
            )
            node.question = is_question(line.text)
            depth = float(line.indent)
            while stack and stack[-1][0] > depth:
                stack.pop()
            if stack and stack[-1][0] == depth:
                top = stack[-1][1]
                lost = top.numbered and not node.numbered and top.glyph.isdigit() and not node.glyph.isdigit()
                glyphs = top.glyph and node.glyph and top.glyph in PRIMARY and node.glyph in SECONDARY
                if lost or glyphs:
                    depth += 0.5
                else:
                    stack.pop()
            while len(stack) >= MAX_DEPTH:  # deeper than any real outline: keep it flat from here on
                stack.pop()
            (stack[-1][1].children if stack else roots).append(node)
            stack.append((depth, node))
            j += 1
        elif line.kind in _GAP:
            k = _next(lines, j)
            more = k < len(lines) and lines[k].kind is Kind.ITEM
            inside = k < len(lines) and lines[k].kind is Kind.TEXT and bool(stack)
            if not (more or (inside and lines[k].indent > stack[0][0] + 1)):
                break
            j = k
        elif line.kind is Kind.TEXT and stack and line.indent > stack[0][0]:
            owner = next((n for d, n in reversed(stack) if d < line.indent), stack[0][1])
            if lines[j - 1].kind is Kind.ITEM and owner is stack[-1][1]:
                owner.text += " " + line.text
            else:
                owner.children.append(Node("text", line.text, line.no, indent=line.indent))
            j += 1
        elif line.kind is Kind.CODE and stack:
            nodes, j = _unit(lines, j)
            stack[-1][1].children.extend(nodes)
        else:
            break
    return roots, j


def _unfuse(node: Node) -> None:
    """`• Batch operations What to do when …?`: an answer and the next question lost their line break."""
    out: list[Node] = []
    for child in node.children:
        out.append(child)
        for k, grandchild in enumerate(child.children):
            fusable = grandchild.kind == "item" and child.question and len(grandchild.text) <= 300
            m = _FUSED.match(grandchild.text) if fusable else None
            if m and k + 1 < len(child.children):
                grandchild.text = m.group("a")
                rest = child.children[k + 1 :]
                child.children = child.children[: k + 1]
                out.append(Node("text", m.group("q"), grandchild.line, question=True, children=rest))
                break
        _unfuse(child)
    node.children = out
