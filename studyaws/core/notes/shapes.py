"""Recognise the shape of a line of notes: a question, an intro, a heading, a definition, a number."""

from __future__ import annotations

import re
from functools import lru_cache

_ASKS = r"what|how|why|when|where|which|who|whom|whose"
_AUX = r"is|are|can|could|does|do|did|should|would|will|has|have|was|were|may|must"
_PROMPTS = r"list|describe|explain|define|compare|name|give|state|outline|identify|summari[sz]e|contrast"
_ASK_START = re.compile(rf"^(?:{_ASKS})\b", re.I)
_PROMPT_START = re.compile(rf"^(?:{_PROMPTS})\b", re.I)
_AUX_START = re.compile(rf"^(?:{_AUX})\b", re.I)
# A line ending on one of these words announces what follows ("Use environment variables for").
_DANGLING = frozenset({
    "is", "are", "was", "were", "be", "can", "could", "will", "to", "for", "of", "and", "or", "with", "like",
    "include", "includes", "including", "on", "in", "as", "by", "the", "a", "an", "following", "e.g.", "i.e.",
    "via", "using",
})  # fmt: skip
# `Term - definition`, `Term – definition`, `Term — definition`, `Term: definition`, `Term = definition`,
# `Term → definition`. The term is short and starts with a letter, a digit-led term is a calculation.
_DEFINITION = re.compile(
    r"^(?P<term>[^\W\d_][^:=→]{0,58}?)\s*(?P<sep>\s[-–—=→]\s|:\s|\s→|\s=\s)\s*(?P<rest>\S.*)$"
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_NOT_TERMS = re.compile(
    r"^(?:note|notes|nb|e\.g|eg|i\.e|ie|example|examples|for example|tip|todo|warning|important|hint|see"
    r"|source|sources|link|links|ref|reference|references|https?|www)$",
    re.I,
)
_SENTENCE_END = (".", "!", ";", ",")  # str.endswith: a `$` regex would scan the whole line
# Words that make a line a statement rather than a heading ("Used to modify …", "X can be …").
_VERBY = re.compile(
    r"\b(?:can|is|are|was|were|be|been|will|would|should|must|need|needs|has|have|had|does|did|used|allows?"
    r"|provides?|lets?|makes?|gets?|supports?|means|requires?|returns?|contains?|gives?)\b",
    re.I,
)

_STRONG_UNIT = (
    r"%|[kKMGTP]i?B(?:/s(?:ec)?|ps)?|bytes?|[kKMG]b|ms|milliseconds?|µs|microseconds?|s|secs?|seconds?|mins?"
    r"|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|(?<=\d)x|RCUs?|WCUs?|TPS|rps|GHz|MHz|USD|dollars?"
)
_COUNT_UNIT = (
    r"requests?|(?:concurrent\s+)?executions?|items?|messages?|records?|shards?|nodes?|layers?|LSIs?|GSIs?"
    r"|partitions?|consumers?|subscriptions?|topics?|datasets?|annotations?|containers?|calls?|transactions?"
    r"|retries|attempts|instances?|characters?|chars?|tables?|versions?|keys?|attributes?|environments?"
    r"|functions?|accounts?|regions?|AZs?|vCPUs?"
)
_NUMBER = r"\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?|\$?\d+(?:[.,]\d+)?"
_RANGE = rf"(?:~|<|>|≤|≥)?(?:{_NUMBER})(?:\s?(?:-|–|to)\s?(?:{_NUMBER}))?"
# A number with a unit ("10 GB", "3s", "5-30 minutes"); counts ("25 items") only matter above 1.
STRONG_NUMBER = re.compile(rf"(?<![\w.$/-]){_RANGE}\s?(?:{_STRONG_UNIT})(?![\w])")
COUNT_NUMBER = re.compile(rf"(?<![\w.$/-])(?:{_RANGE})\s(?:{_COUNT_UNIT})(?![\w])", re.I)
LIMIT_NUMBER = re.compile(
    rf"\b(?:up to|max(?:imum)?|min(?:imum)?|default(?: is| of)?|limit(?:ed)? (?:of|to)|at most|at least|"
    rf"port|HTTP|status|error code|code)\s?(?::\s?)?(?P<n>{_NUMBER})(?![\w.,]\d)",
    re.I,
)


_DIGIT = re.compile(r"\d")
_DEFINES = re.compile(r"\s*=")  # "1 WCU = …" defines the unit; the 1 is not the fact


def number_spans(text: str, limit: int = 3) -> list[tuple[int, int]]:
    """Where the numbers worth hiding in a cloze are: sizes, durations, limits, counts above 1."""
    if not _DIGIT.search(text):
        return []
    spans = [m.span() for m in STRONG_NUMBER.finditer(text) if not _DEFINES.match(text, m.end())]
    spans += [m.span("n") for m in LIMIT_NUMBER.finditer(text)]
    spans += [m.span() for m in COUNT_NUMBER.finditer(text) if not re.match(r"[~<>≤≥]?1\s", m.group())]
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if all(end <= a or start >= b for a, b in chosen):
            chosen.append((start, end))
    return chosen[:limit]


def words(text: str) -> int:
    return len(text.split())


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


@lru_cache(maxsize=8192)
def is_question(text: str) -> bool:
    """A question or an exam-style prompt ("List the …", "Describe …")."""
    text = text.strip()
    if len(text) < 4 or len(text) > 400:
        return False
    if text.endswith("?"):
        return any(c.isalpha() for c in text)
    if text.endswith(_SENTENCE_END) or text.endswith(":") or ". " in text:
        return False
    if _ASK_START.match(text):  # "How it works" is a heading; "What are X and give examples" a question
        return 4 <= words(text) <= 20
    return bool(_PROMPT_START.match(text)) and 2 <= words(text) <= 10  # "Describe DynamoDB tables"


@lru_cache(maxsize=8192)
def is_intro(text: str) -> bool:
    """A line that announces what follows: ends with a colon or with a dangling word ("… such as")."""
    text = text.strip()
    last = text.rsplit(None, 1)[-1].lower() if text else ""
    return text.endswith(":") or last in _DANGLING


@lru_cache(maxsize=8192)
def heading_like(text: str) -> bool:
    """Short, no sentence punctuation, not a definition: the shape of a bare heading line."""
    if len(text) > 90 or words(text) > 8 or is_url(text) or not (text[0].isalnum() or text[0] in "$/.@(\"'“"):
        return False
    if text.endswith(_SENTENCE_END) or text.endswith(":") or _VERBY.search(text):
        return False
    d = split_definition(text)
    return d is None or words(d[1]) < 3


@lru_cache(maxsize=8192)
def split_definition(text: str) -> tuple[str, str] | None:
    """(term, definition) for `term: definition`, `term - definition` and friends, else None."""
    m = _DEFINITION.match(text)
    if m is None:
        return None
    term, rest = m.group("term").strip(), m.group("rest").strip()
    if words(term) > (6 if term[0].isupper() else 3) or _NOT_TERMS.match(term.split()[0].rstrip(".")):
        return None
    if is_url(rest) or is_url(term) or "," in term or _VERBY.search(term):
        return None
    if term.endswith(("(", "/")) or term.count("(") != term.count(")") or term.endswith(_SENTENCE_END):
        return None
    if not any(c.isalnum() for c in rest):
        return None
    return term, rest


@lru_cache(maxsize=8192)
def statement(text: str) -> bool:
    """Reads as a sentence (has a verb like "is", "can", "used") rather than a label."""
    return bool(_VERBY.search(text)) or words(text) >= 8


def has_number(text: str) -> bool:
    return bool(number_spans(text, 1))


def aux_question(text: str) -> bool:
    """Starts like a yes/no question ("Is …", "Can …") — a question only when it ends with `?`."""
    return bool(_AUX_START.match(text))
