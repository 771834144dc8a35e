"""Cards from structure: question + bullets, heading + list, term: definition, numbers and limits → cloze."""

from __future__ import annotations

import re

from studyaws.core.notes.model import BASIC, CLOZE, Draft, Skip
from studyaws.core.notes.prompts import context_label, list_prompt, term_prompt
from studyaws.core.notes.shapes import is_intro, is_question, number_spans, split_definition, statement, words
from studyaws.core.notes.tree import Node

FULL_LINES = 15  # a list up to this long is one card; longer: its labels, then a card per label
MAX_ANSWER = 40  # quality.MAX_ANSWER_LINES: a longer question's answer is split rather than dropped
GROUP_REACH = 30  # lines over which a bare group heading is trusted as the topic of the sections below it
PARAGRAPH_CARD = 350  # a heading over one paragraph at most this long: "What is HEADING?"
_QUIZ = re.compile(r"\b(?:correct answer|is incorrect|in this scenario|in the scenario|hence)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def infer(root: Node) -> tuple[list[Draft], list[Skip]]:
    """Every card the outline suggests, in file order, plus headings that had nothing under them."""
    state = _Infer()
    state.section(root, "")
    state.drafts.sort(key=lambda d: d.line)
    return state.drafts, state.skips


def render(nodes: list[Node], depth: int = 0) -> list[str]:
    """Answer lines: items as `- x` nested two spaces per level, paragraphs as they are."""
    if depth == 0 and len(nodes) == 1 and not nodes[0].children and nodes[0].kind != "code":
        return [nodes[0].text]
    out: list[str] = []
    for node in nodes:
        pad = "  " * depth
        if node.kind == "used":
            continue
        if node.kind == "code":
            out.extend(pad + line for line in node.text.split("\n"))
        else:
            out.append(pad + ("- " if node.kind == "item" else "") + node.text)
        out.extend(render(node.children, depth + 1))
    return out


class _Infer:
    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.skips: list[Skip] = []

    def basic(self, line: int, how: str, front: str, back: list[str], context: str, tags: list[str]) -> None:
        self.drafts.append(
            Draft(
                BASIC,
                line,
                how,
                front=front,
                back="\n".join(back),
                key=front,
                tags=tuple(tags),
                context=context,
            )
        )

    def section(self, node: Node, context: str) -> None:
        body = [c for c in node.children if c.kind != "heading"]
        done: set[int] = set()
        if node.kind == "heading":
            if not node.children:
                self.skips.append(Skip(node.line, f"heading '{_short(node.text)}' has nothing under it"))
            elif body and not node.title:  # a document title is not a topic to be quizzed on
                done = self._section_card(node, body, context)
        own = context
        if node.kind == "heading" and not node.title and not node.question:
            own = context_label(node.text) or context
        for child in body:
            if id(child) not in done:
                self.block(child, own, answer=node.question)
        # A real parent (Markdown heading, "AWS Lambda") names the topic of every section under it. In flat
        # notes a heading right above another is only a guess at a parent: trust it for nearby sections only.
        for child in node.children:
            if child.kind == "heading":
                near = node.topic or child.line - node.line <= GROUP_REACH
                self.section(child, own if near else context)

    def _section_card(self, node: Node, body: list[Node], context: str) -> set[int]:
        """The card a heading makes with what is right under it; returns the nodes it has covered."""
        items = [c for c in body if c.kind == "item"]
        texts = [c for c in body if c.kind == "text"]
        if node.question:
            answer = render(body)
            if len(answer) <= MAX_ANSWER:
                self.basic(node.line, "question", node.text, answer, context, node.tags)
            else:  # too long for one card: the question over the list's labels, then a card per label
                self.list_card(node, [c for c in body if c.kind in ("item", "text")], context, lead=[])
            return {id(c) for c in body}
        if items and not any(t.children for t in texts):
            lead = [t for t in texts if t.line < items[0].line and len(t.text) <= PARAGRAPH_CARD][-1:]
            self.list_card(node, items, context, lead=lead)
            return {id(c) for c in items + lead}
        if len(body) == 1 and texts and texts[0].children and not is_intro(texts[0].text) and not node.title:
            owner = texts[0]
            self.list_card(node, owner.children, context, lead=[owner])
            return {id(owner)}
        first = texts[0] if texts and not items else None
        short = first is not None and len(first.text) <= PARAGRAPH_CARD and not first.children
        if (
            first
            and short
            and not node.title
            and not is_question(first.text)
            and not _QUIZ.search(first.text)
        ):
            more = [t.text for t in texts[1:2] if len(t.text) <= PARAGRAPH_CARD and not t.children]
            back = [first.text] + [t for t in more if not is_intro(t)]
            self.basic(node.line, "paragraph", term_prompt(node.text, context), back, context, [])
        return set()

    def list_card(self, owner: Node, items: list[Node], context: str, lead: list[Node]) -> None:
        """One card for `owner` and the list under it; a long list is split: its labels, then each label."""
        full = [t.text for t in lead] + render(items)
        enumerates = owner.kind == "heading" or owner.text.endswith(":")
        front = list_prompt(owner.text, context, enumerates)
        if lead and owner.kind == "heading" and not statement(owner.text):
            front = term_prompt(owner.text, context)  # a heading, a line saying what it is, then details
        inner = context_label(owner.text) or context
        if owner.question and len(full) <= MAX_ANSWER:
            self.basic(owner.line, "question", owner.text, full, context, owner.tags)
            return
        if owner.question:
            front = owner.text
        elif owner.kind == "item" and len(items) == 1 and not items[0].children and not statement(owner.text):
            front = term_prompt(owner.text, context)  # a label over one line: that line says what it is
        if len(full) <= FULL_LINES and not owner.question:
            self.basic(owner.line, "list", front, full, context, owner.tags)
            for item in items:
                self.leaves(item, inner)
            return
        labels = [t.text for t in lead] + render([_leaf(i) for i in items])
        self.basic(owner.line, "list", front, labels, context, owner.tags)
        for item in items:
            if item.children:
                self.item_card(item, inner)
            else:
                self.leaf(item, inner)

    def item_card(self, item: Node, context: str) -> None:
        if item.question:
            self.basic(item.line, "question", item.text, render(item.children), context, item.tags)
            return
        d = split_definition(item.text)
        if d is not None:
            back = [d[1], *render(item.children, 1)]
            self.basic(item.line, "definition", term_prompt(d[0], context), back, context, [])
            for child in item.children:
                self.leaves(child, context_label(d[0]) or context)
            return
        self.list_card(item, item.children, context, lead=[])

    def block(self, node: Node, context: str, answer: bool) -> None:
        """A unit under a heading: an intro or question with its list, a paragraph, or a lone list."""
        if answer or node.kind in ("used", "code"):
            return
        if node.kind == "text" and node.children:
            if node.question:
                self.list_card(node, node.children, context, lead=[])
            elif split_definition(node.text) and not node.text.endswith(":"):
                self.item_card(node, context)
            else:
                self.list_card(node, node.children, context, lead=[])
            return
        if node.kind == "text":
            self.paragraph(node, context)
            return
        if node.children:
            self.item_card(node, context)
        else:
            self.leaf(node, context)

    def leaves(self, node: Node, context: str) -> None:
        if node.children:
            for child in node.children:
                self.leaves(child, context_label(node.text) or context)
        elif node.kind in ("item", "text"):
            self.leaf(node, context)

    def leaf(self, node: Node, context: str) -> None:
        """A bullet without children: a cloze if it states a number or limit, else maybe a definition."""
        if self.number(node.line, node.text, context):
            return
        d = split_definition(node.text)
        if d is not None and not is_question(node.text) and words(d[1]) >= 1:
            self.basic(node.line, "definition", term_prompt(d[0], context), [d[1]], context, [])

    def paragraph(self, node: Node, context: str) -> None:
        if is_question(node.text):
            return
        if len(node.text) <= 200 and self.leaf_like(node, context):
            return
        for sentence in _SENTENCE.split(node.text):
            if len(sentence) <= 300 and not _QUIZ.search(sentence):
                self.number(node.line, sentence, context)

    def leaf_like(self, node: Node, context: str) -> bool:
        before = len(self.drafts)
        self.leaf(node, context)
        return len(self.drafts) > before

    def number(self, line: int, text: str, context: str) -> bool:
        spans = number_spans(text)
        if not spans or _QUIZ.search(text) or text.lstrip().startswith("="):
            return False
        out, last = [], 0
        for k, (start, end) in enumerate(spans, 1):
            out += [text[last:start], f"{{{{c{k}::{text[start:end]}}}}}"]
            last = end
        body = "".join([*out, text[last:]])
        cloze = f"{context}: {body}" if context and context.lower() not in text.lower() else body
        key = re.sub(r"\{\{c\d+::.{0,500}?\}\}", "[…]", cloze)
        self.drafts.append(Draft(CLOZE, line, "number", text=cloze, key=key, context=context))
        return True


def _leaf(node: Node) -> Node:
    return Node(node.kind, node.text, node.line)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
