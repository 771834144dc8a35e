"""A note's fields as the JSON text in its card rows, and back; light enough for the first-frame peek."""

from __future__ import annotations

import json
from typing import Any

from studyaws.core.cards import Note, Option


def note_to_json(note: Note) -> str:
    fields: dict[str, Any] = {
        "front": note.front,
        "back": note.back,
        "text": note.text,
        "options": [{"text": o.text, "why": o.why, "correct": o.correct} for o in note.options],
        "explanation": note.explanation,
        "source": note.source,
        "verified": note.verified,
        "tags": list(note.tags),
        "domain": note.domain,
        "task": note.task,
        "line": note.line,
    }
    # Only when present, so the stored JSON of every other card stays byte-for-byte what it was.
    if note.origin:
        fields["origin"] = note.origin
    if note.warnings:
        fields["warnings"] = list(note.warnings)
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def note_from_json(uid: str, deck_id: str, kind: str, content: str) -> Note:
    d = json.loads(content)
    return Note(
        uid=uid,
        deck_id=deck_id,
        kind=kind,
        front=d["front"],
        back=d["back"],
        text=d["text"],
        options=tuple(Option(o["text"], o["why"], o["correct"]) for o in d["options"]),
        explanation=d["explanation"],
        source=d["source"],
        verified=d["verified"],
        tags=tuple(d["tags"]),
        domain=d["domain"],
        task=d["task"],
        line=d["line"],
        origin=d.get("origin", ""),
        warnings=tuple(d.get("warnings", ())),
    )
