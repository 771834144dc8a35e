"""Screen drafts: probable junk (empty, echoing, 40-line, link-only, huge) and duplicates are skipped."""

from __future__ import annotations

import re
from functools import lru_cache

from studyaws.core.cards import cloze_ordinals
from studyaws.core.notes.model import CLOZE, Draft, Skip

MAX_ANSWER_LINES = 40
MAX_FRONT_CHARS = 1_000
MAX_TEXT_CHARS = 6_000
_URL = re.compile(r"(?:https?://|www\.)\S+")
_FOLD = re.compile(r"[\W_]+")
_LINK_LABELS = {
    "sample code",
    "link",
    "here",
    "click here",
    "docs",
    "documentation",
    "video",
    "see video",
    "source",
}


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case, punctuation and spacing removed: how two texts are compared for sameness."""
    return _FOLD.sub(" ", text.casefold()).strip()


def problem(d: Draft) -> str:
    """Why `d` is probably junk, or "" if it looks like a card."""
    if d.kind == CLOZE:  # length first: cards.CLOZE is quadratic on a huge line of unclosed `{{c1::`
        if len(d.text) > MAX_TEXT_CHARS:
            return f"text too long ({len(d.text):,} characters)"
        return "" if cloze_ordinals(d.text) else "cloze without a deletion"
    front, back = d.front.strip(), d.back.strip()
    if not any(c.isalnum() for c in front):
        return "empty question"
    if not any(c.isalnum() for c in back):
        return "empty answer"
    if fold(front) == fold(back) or fold(back) in (fold(front), fold(front).removesuffix(" what")):
        return "answer repeats the question"
    lines = back.count("\n") + 1
    if lines > MAX_ANSWER_LINES:
        return f"answer has {lines} lines (over {MAX_ANSWER_LINES})"
    if len(front) > MAX_FRONT_CHARS:
        return f"question too long ({len(front):,} characters)"
    if len(back) > MAX_TEXT_CHARS:
        return f"answer too long ({len(back):,} characters)"
    if ("http" in back or "www." in back) and not fold(_URL.sub("", back.replace("- ", ""))):
        return "answer is only a link"
    if fold(back) in _LINK_LABELS:
        return f"answer is only a link label ({back})"
    return ""


def screen(drafts: list[Draft]) -> tuple[list[Draft], list[Skip]]:
    """Keep the drafts that look like cards, in order; say why each other one was dropped."""
    kept, skips = _screen(drafts)
    return _disambiguate(kept), skips


def _disambiguate(drafts: list[Draft]) -> list[Draft]:
    """Two cards asking the same question with different answers: say which section each is about.
    The id still comes from the question as written (`key`), so it does not move when a twin appears."""
    fronts: dict[str, set[str]] = {}
    for d in drafts:
        if d.kind != CLOZE:
            fronts.setdefault(fold(d.front), set()).add(d.context)
    out = []
    for d in drafts:
        contexts = fronts.get(fold(d.front), set()) if d.kind != CLOZE else set()
        if len(contexts) > 1 and d.context and fold(d.context) not in fold(d.front):
            front = f"{d.front[:-1]} ({d.context})?" if d.front.endswith("?") else f"{d.context} — {d.front}"
            d = Draft(d.kind, d.line, d.how, front, d.back, d.text, d.key, d.tags, d.context)
        out.append(d)
    return out


def _screen(drafts: list[Draft]) -> tuple[list[Draft], list[Skip]]:
    kept: list[Draft] = []
    skips: list[Skip] = []
    seen: dict[tuple[str, str, str], int] = {}
    for d in drafts:
        d = _dedupe_lines(d)
        why = problem(d)
        if why:
            skips.append(Skip(d.line, f"{why}: {_quote(d.front or d.text)}"))
            continue
        same = (d.kind, fold(d.front or d.text), fold(d.back))
        if same in seen:
            skips.append(Skip(d.line, f"same card as line {seen[same]}: {_quote(d.front or d.text)}"))
            continue
        seen[same] = d.line
        kept.append(d)
    return kept, skips


def _dedupe_lines(d: Draft) -> Draft:
    """Drop a bullet that repeats the one right above it (a copy-paste slip). Repeats further apart stay:
    in a flattened list "- Zero downtime" under two different options is two facts, not one."""
    if d.kind == CLOZE or "\n" not in d.back:
        return d
    out: list[str] = []
    for line in d.back.split("\n"):
        if out and line == out[-1] and line.lstrip().startswith("- "):
            continue
        out.append(line)
    back = "\n".join(out)
    if back == d.back:
        return d
    return Draft(d.kind, d.line, d.how, d.front, back, d.text, d.key, d.tags, d.context)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= 60 else text[:57] + '...'}'"
