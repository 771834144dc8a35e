"""Cards the author marked: Q:/A:, `q :: a`, `q? a`, a lone `?` line, ==cloze==, {{c1::…}}, Q/A tables."""

from __future__ import annotations

import re

from studyaws.core.notes.model import BASIC, CLOZE, Draft, Skip
from studyaws.core.notes.outline import Kind, Line

_CONTENT = (Kind.TEXT, Kind.ITEM, Kind.HEADING)
MAX_LINE = 6_000
_Q = re.compile(r"^(?:Q|Question)\s*[:.)]\s*(?P<q>.*)$", re.I)
_A = re.compile(r"^(?:A|Answer)\s*:\s*(?P<a>.*)$", re.I)
_QA_ONE_LINE = re.compile(r"^(?:Q|Question)\s*[:.)]\s*(?P<q>.+?)\s+(?:A|Answer)\s*:\s*(?P<a>\S.*)$", re.I)
_STARTS = (
    r"what|how|why|when|where|which|who|whom|whose|is|are|can|could|does|do|did|should|would|will|has|have"
)
_Q_THEN_A = re.compile(rf"^(?P<q>(?:{_STARTS})\b[^?]{{2,300}}\?)\s+(?P<a>[^\s?].*)$", re.I)
_SEPARATOR = re.compile(r":{2,3}")
# Bounded (.{0,500}), unlike a plain `.*?`: a line of 20,000 `{{c1::` must not take minutes.
_CLOZE = re.compile(r"\{\{c(\d+)::(.{0,500}?)(?:::(.{0,200}?))?\}\}")
_HIGHLIGHT = re.compile(r"(?<!=)==(?=[^\s=])([^=\n]+?)(?<=[^\s=])==(?!=)")
_CELL_RULE = re.compile(r"^:?-{1,}:?$")
_Q_HEADS = {"q", "question", "questions", "front", "prompt", "term", "concept", "word"}
_A_HEADS = {
    "a",
    "answer",
    "answers",
    "back",
    "definition",
    "meaning",
    "response",
    "explanation",
    "description",
}


def extract(lines: list[Line]) -> tuple[list[Draft], list[Skip]]:
    """Find every explicitly marked card; the lines they use become Kind.USED."""
    drafts: list[Draft] = []
    skips: list[Skip] = []
    _tables(lines, drafts)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind in _CONTENT:
            start, i = i, _qa_block(lines, i, drafts, skips)
            if i == start:  # not a Q:/A: block: try the one-line forms
                _one_line(line, drafts, skips)
                i += 1
        else:
            i += 1
    _separators(lines, drafts, skips)
    return drafts, skips


def _use(lines: list[Line]) -> None:
    for line in lines:
        line.kind = Kind.USED


def render(lines: list[Line]) -> str:
    """Answer lines as text: items as `- x`, nested by their indentation; code kept as written."""
    indents = sorted({line.indent for line in lines if line.kind is Kind.ITEM})
    out = []
    for line in lines:
        if line.kind is Kind.ITEM:
            out.append("  " * indents.index(line.indent) + "- " + line.text)
        else:
            out.append(line.text)
    return "\n".join(out)


def _qa_block(lines: list[Line], i: int, drafts: list[Draft], skips: list[Skip]) -> int:
    """`Q: …` (maybe over several lines) then `A: …` (until a blank line or the next Q:)."""
    first = lines[i]
    m = _Q.match(first.text)
    if m is None or _QA_ONE_LINE.match(first.text):
        return i
    question = [m.group("q")] if m.group("q") else []
    j = i + 1
    while j < len(lines) and lines[j].kind in _CONTENT and not _A.match(lines[j].text):
        if _Q.match(lines[j].text) or lines[j].kind is Kind.HEADING:
            break
        question.append(lines[j].text)
        j += 1
    a = _A.match(lines[j].text) if j < len(lines) and lines[j].kind in _CONTENT else None
    if a is None or not question:
        skips.append(Skip(first.no, "Q: with no A: after it" if question else "empty Q:"))
        _use(lines[i:j])
        return j
    answer_lines = lines[j + 1 : _block_end(lines, j + 1)]
    parts = ([a.group("a")] if a.group("a") else []) + ([render(answer_lines)] if answer_lines else [])
    front = " ".join(question)
    drafts.append(Draft(BASIC, first.no, "qa", front=front, back="\n".join(parts), key=front))
    end = j + 1 + len(answer_lines)
    _use(lines[i:end])
    return end


def _block_end(lines: list[Line], j: int) -> int:
    while j < len(lines) and lines[j].kind in (*_CONTENT, Kind.CODE):
        if _Q.match(lines[j].text) or lines[j].kind is Kind.HEADING:
            break
        j += 1
    return j


def _one_line(line: Line, drafts: list[Draft], skips: list[Skip]) -> None:
    text = line.text
    if len(text) > MAX_LINE:  # no card is this long; and it keeps every pattern below linear
        return
    m = _QA_ONE_LINE.match(text)
    if m:
        _basic(line, m.group("q"), m.group("a"), "qa", drafts)
        return
    if "::" in text:
        split = _split_double_colon(text)
        if split:
            _basic(line, split[0], split[1], "inline", drafts)
            return
    if "==" in text or "{{c" in text:
        cloze = _cloze(text)
        if cloze is not None:
            if cloze:
                drafts.append(Draft(CLOZE, line.no, "cloze", text=cloze, key=blank_clozes(cloze)))
            else:
                skips.append(Skip(line.no, "cloze with an empty deletion"))
            line.kind = Kind.USED
            return
    if "?" in text and line.kind is not Kind.HEADING:
        m = _Q_THEN_A.match(text)
        if m and not m.group("a").rstrip().endswith("?"):
            _basic(line, m.group("q"), m.group("a"), "inline", drafts)


def _basic(line: Line, front: str, back: str, how: str, drafts: list[Draft]) -> None:
    drafts.append(Draft(BASIC, line.no, how, front=front.strip(), back=back.strip(), key=front.strip()))
    line.kind = Kind.USED


def _split_double_colon(text: str) -> tuple[str, str] | None:
    """`question :: answer` (or `:::`); `AWS::S3::Bucket` and {{c1::x}} are not separators."""
    outside = _CLOZE.sub(lambda m: "x" * len(m.group()), text)
    found = []
    for m in _SEPARATOR.finditer(outside):
        before = outside[m.start() - 1] if m.start() else " "
        after = outside[m.end()] if m.end() < len(outside) else " "
        if before.isspace() or before == "?" or after.isspace():
            found.append(m)
    if len(found) != 1:
        return None
    q, a = text[: found[0].start()].strip(), text[found[0].end() :].strip()
    return (q, a) if q and a and any(c.isalnum() for c in q) else None


def _cloze(text: str) -> str | None:
    """The line as cloze text (==x== becomes {{cN::x}}), "" if a deletion is empty, None if no cloze."""
    existing = [int(m.group(1)) for m in _CLOZE.finditer(text)]
    if not existing and not _HIGHLIGHT.search(text):
        return None
    if any(not m.group(2).strip() for m in _CLOZE.finditer(text)):
        return ""
    counter = iter(range(max(existing, default=0) + 1, 10_000))
    return _HIGHLIGHT.sub(lambda m: f"{{{{c{next(counter)}::{m.group(1)}}}}}", text)


def blank_clozes(text: str) -> str:
    """The cloze text with its answers blanked: what a cloze card's id is derived from."""
    return _CLOZE.sub("[…]", text)


def _separators(lines: list[Line], drafts: list[Draft], skips: list[Skip]) -> None:
    """A lone `?` line: the lines just above are the question, the lines just below the answer."""
    for i, line in enumerate(lines):
        if line.kind is not Kind.SEP:
            continue
        start = i
        while start > 0 and lines[start - 1].kind in _CONTENT:
            start -= 1
        end = _block_end(lines, i + 1)
        question, answer = lines[start:i], lines[i + 1 : end]
        if question and answer:
            front = render(question)
            drafts.append(
                Draft(BASIC, question[0].no, "multiline", front=front, back=render(answer), key=front)
            )
        else:
            skips.append(Skip(line.no, "a `?` line needs question lines above and answer lines below"))
        _use(lines[start:end])


def _tables(lines: list[Line], drafts: list[Draft]) -> None:
    i = 0
    while i < len(lines):
        if lines[i].kind is not Kind.TABLE:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind is Kind.TABLE:
            j += 1
        rows = [_cells(line.text) for line in lines[i:j]]
        if len(rows) >= 3 and all(_CELL_RULE.match(c) for c in rows[1] if c):
            _table_cards(rows[0], lines[i + 2 : j], drafts)
            _use(lines[i:j])
        else:
            for line in lines[i:j]:
                line.kind = Kind.TEXT
        i = j


def _cells(row: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]


def _table_cards(head: list[str], body: list[Line], drafts: list[Draft]) -> None:
    low = [h.lower() for h in head]
    q = next((k for k, h in enumerate(low) if h in _Q_HEADS), None)
    a = next((k for k, h in enumerate(low) if h in _A_HEADS), None)
    for line in body:
        cells = _cells(line.text)
        if len(cells) < len(head):
            cells += [""] * (len(head) - len(cells))
        if q is not None and a is not None:
            if cells[q] and cells[a]:
                drafts.append(Draft(BASIC, line.no, "table", front=cells[q], back=cells[a], key=cells[q]))
            continue
        for k in range(1, len(head)):
            if cells[0] and cells[k] and head[k]:
                front = f"What is the {_lower_first(head[k])} of {cells[0]}?"
                drafts.append(Draft(BASIC, line.no, "table", front=front, back=cells[k], key=front))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
