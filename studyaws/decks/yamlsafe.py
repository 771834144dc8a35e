"""Parse YAML into plain dicts, lists and strings only, remembering where each value came from.

PyYAML's safe_load still turns `no` into False, `1:30` into 90 and dates into date objects, and lets a
duplicate key silently win. Deck text is data, so we compose the node tree ourselves and keep every scalar
as the text the author wrote; tags, anchors/aliases and duplicate keys are errors with a line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:
    _Loader: Any = yaml.CSafeLoader  # libyaml: ~7x faster than the pure-Python loader
except AttributeError:  # pragma: no cover - wheels without libyaml
    _Loader = yaml.SafeLoader

# Tags the resolver gives plain scalars on its own; anything else was written explicitly by the author.
_IMPLICIT = {
    "tag:yaml.org,2002:" + t for t in ("null", "bool", "int", "float", "timestamp", "str", "merge", "value")
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


@dataclass(frozen=True, slots=True)
class Mark:
    line: int
    column: int


class YamlError(ValueError):
    """A problem at a place in the file."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass(frozen=True, slots=True)
class Value:
    """A parsed value with the place it starts: `data` is a str, a list of Value, or a dict of str → Value."""

    data: Any
    mark: Mark
    key_marks: dict[str, Mark] | None = None


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def parse(text: str) -> Value | None:
    """Parse one YAML document; None for an empty one."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        message = f"invalid YAML: {exc.problem or exc.context}"
        ctx = exc.context_mark
        if exc.problem and exc.context and ctx is not None and ctx.line + 1 != where.line:
            message += f" ({exc.context} that started at line {ctx.line + 1}, column {ctx.column + 1})"
        raise YamlError(where, message) from None
    except yaml.YAMLError as exc:
        raise YamlError(Mark(1, 1), f"invalid YAML: {exc}") from None
    if root is None:
        return None
    return _convert(root, set())


def _convert(node: yaml.Node, seen: set[int]) -> Value:
    if id(node) in seen:
        raise YamlError(_mark(node), "anchors and aliases (&name, *name) are not allowed in decks")
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _IMPLICIT:
            raise YamlError(_mark(node), f"YAML tags are not allowed in decks ({node.tag})")
        return Value(node.value, _mark(node))
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise YamlError(_mark(node), f"YAML tags are not allowed in decks ({node.tag})")
        return Value([_convert(child, seen) for child in node.value], _mark(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise YamlError(_mark(node), f"YAML tags are not allowed in decks ({node.tag})")
        out: dict[str, Value] = {}
        keys: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(_mark(key_node), "mapping keys must be plain text")
            key = _convert(key_node, seen).data
            if key in out:
                raise YamlError(_mark(key_node), f"duplicate key '{key}' (first at line {keys[key].line})")
            keys[key] = _mark(key_node)
            out[key] = _convert(value_node, seen)
        return Value(out, _mark(node), keys)
    raise YamlError(_mark(node), "unsupported YAML node")  # pragma: no cover
