"""Word the front of an inferred card from the note's own words: a label, a term, a heading."""

from __future__ import annotations

import re

from studyaws.core.notes.shapes import is_intro, is_question, statement, words

_GENERIC = {
    "advantages", "apis", "benefits", "best", "characteristics", "common", "components", "cons",
    "differences", "disadvantages", "examples", "features", "important", "key", "kinds", "limitations",
    "limits", "main", "methods", "modes", "operations", "options", "parameters", "properties", "pros",
    "reasons", "requirements", "rules", "solutions", "stages", "states", "steps", "strategies", "tips",
    "types", "use", "ways",
}  # fmt: skip
_CODE_LIKE = re.compile(r"[A-Z].*[A-Z]|[_:/.@$\d]|^[a-z]+[A-Z]")  # PutItem, KEYS_ONLY, s3:PutObject, $LATEST
_PLURAL_END = re.compile(r"[^su]s$|ies$|ches$|shes$|xes$")
MAX_CONTEXT = 48
# Section names too vague to stand alone on a card: "Security" needs to say whose.
_VAGUE = {
    "security", "tips", "index", "indexes", "indices", "query", "scan", "timeout", "pricing",
    "integration", "concurrency", "throttling", "caching", "cache", "limits", "overview", "configuration",
    "deployment", "deployments", "monitoring", "logging", "encryption", "permissions", "versioning",
    "streams", "transactions", "batch", "invoke", "layer", "layers", "runtime", "keys", "tables", "items",
    "capacity", "storage", "components", "features", "benefits", "limitations", "authentication",
    "authorization", "access", "metrics", "retention", "scaling", "performance", "costs", "cost", "quotas",
    "events", "errors", "retries", "consumers", "producers", "api", "apis", "types", "options", "summary",
    "notes", "basics", "introduction", "setup", "use cases", "best practices", "main features",
    "other features", "pricing model",
}  # fmt: skip


def plural(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return bool(_PLURAL_END.search(last)) and not _CODE_LIKE.search(last[1:])


def context_label(text: str) -> str:
    """A heading or intro short enough to name what a card is about, or ""."""
    text = text.rstrip(": …").strip()
    if not 0 < len(text) <= MAX_CONTEXT or is_question(text) or "," in text or statement(text):
        return ""
    return text


_FILLER = {"aws", "amazon", "the", "and", "for", "with"}
_CATEGORY = {
    "limits", "features", "practices", "cases", "types", "options", "stages", "templates",
    "specifications", "permissions", "components", "strategies", "apis", "benefits", "methods", "modes",
    "operations", "steps", "requirements", "characteristics", "properties", "parameters", "rules",
    "states", "tips", "dependencies", "metrics", "quotas", "errors", "exceptions", "headers", "commands",
    "actions", "events", "policies",
}  # fmt: skip


def _with_context(text: str, context: str) -> bool:
    """Add `context` to `text` unless it would repeat it."""
    if not context:
        return False
    mine = {w for w in re.findall(r"\w{3,}", text.lower())} - _FILLER
    theirs = {w for w in re.findall(r"\w{3,}", context.lower())} - _FILLER
    return not mine & theirs


_COMMON_NOUNS = {
    "cases", "practices", "features", "points", "types", "components", "limits", "options", "strategies",
    "services", "rates", "models", "steps", "modes", "rules", "requirements", "considerations", "concepts",
}  # fmt: skip


def _lower(word: str, first: bool) -> str:
    plain = word[:1].isupper() and word[1:].islower()
    return word.lower() if plain and (first or word.lower() in _COMMON_NOUNS) else word


_ADJECTIVES = {"key", "main", "important", "common", "best", "use"}
_ASKING = re.compile(r"^(?:how|what|why|when|where|which|who)\b", re.I)
_LINK = re.compile(r"\s*(?:→\s*)?(?:https?://|www\.)\S+")


def list_prompt(label: str, context: str, enumerates: bool = True) -> str:
    """The front of a card whose answer is the list under `label` (a heading, an intro, a parent item).
    `enumerates`: a plural label names what its list holds ("Lambda Limits"), as headings usually do."""
    label = _LINK.sub("", label).strip() or label
    base = label.strip().rstrip(":").strip()
    if is_question(base):
        return base
    if label.rstrip().endswith(":") and words(base) >= 4:
        return _last_sentence(base) + ":"
    if is_intro(base):
        return base + " …"
    if _ASKING.match(base):  # "How it works", "Where to start": a question without its question mark
        return base + (f" ({context})" if context and _with_context(base, context) else "") + "?"
    if statement(base):
        return _last_sentence(base) + ":"
    head = base.split()[0] if base.split() else ""
    if head.lower() in _GENERIC and not head.isupper():
        rest = base.split()[1:]
        if len(rest) == 1 and head.lower() not in _ADJECTIVES and rest[0].lower() not in _COMMON_NOUNS:
            return f"What are the {head.lower()} of {rest[0]}?"  # "Tips Lambda": the tips of Lambda
        of = f" of {context}" if _with_context(base, context) and words(base) <= 2 else ""
        return f"What are the {' '.join(_lower(w, k == 0) for k, w in enumerate(base.split()))}{of}?"
    where = f" ({context})" if _with_context(base, context) and base.lower() in _VAGUE else ""
    if enumerates and base.split()[-1].lower() in _CATEGORY and words(base) <= 4:
        return f"What are the {base}{where}?"
    return f"What are the key points of {base}{where}?"


def _last_sentence(text: str) -> str:
    """The sentence that introduces a list, without the paragraph before it."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    return parts[-1] if len(text) > 160 and len(parts) > 1 else text


def term_prompt(term: str, context: str) -> str:
    """The front of a definition card: `What is TERM?`, with the heading when the term alone is vague."""
    term = _LINK.sub("", term).strip() or term.strip()
    context = _LINK.sub("", context).strip()
    verb = "are" if plural(term) else "is"
    where = ""
    if _with_context(term, context) and not _CODE_LIKE.search(term) and words(term) <= 4:
        where = f" ({context})"
    return f"What {verb} {term}{where}?"
