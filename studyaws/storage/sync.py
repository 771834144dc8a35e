"""Bring the database in line with the deck files, keeping every card's progress.

New ids become new cards, edited text keeps its card's history, vanished ids are retired (hidden, history
kept) and come back with their progress if they reappear. All in one transaction: a failed sync changes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, insert, select, update

from studyaws.core.cards import card_uid, ordinals
from studyaws.decks.loader import Deck
from studyaws.storage.models import CardRow, DeckRow, table
from studyaws.storage.notes_json import note_to_json

cards_t = table(CardRow)
decks_t = table(DeckRow)


@dataclass(frozen=True, slots=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    retired: int = 0
    restored: int = 0

    @property
    def changed(self) -> bool:
        return any((self.added, self.updated, self.retired, self.restored))


def sync(engine: Engine, decks: list[Deck], now_ms: int) -> SyncReport:
    added = updated = retired = restored = 0
    with engine.connect().execution_options(sqlite_immediate=True) as conn, conn.begin():
        existing = {
            r.uid: r
            for r in conn.execute(
                select(cards_t.c.id, cards_t.c.uid, cards_t.c.content, cards_t.c.deck_id, cards_t.c.retired,
                       cards_t.c.note_uid, cards_t.c.kind)
            )
        }  # fmt: skip
        position = conn.execute(select(func.coalesce(func.max(cards_t.c.position), 0))).scalar_one()
        stored_decks = {r.id for r in conn.execute(select(decks_t.c.id))}
        seen: set[str] = set()
        for deck in decks:
            values = {
                "title": deck.meta.title,
                "path": str(deck.path),
                "content_hash": deck.content_hash,
                "synced_at": now_ms,
            }
            if deck.meta.id in stored_decks:
                conn.execute(update(decks_t).where(decks_t.c.id == deck.meta.id).values(**values))
            else:
                conn.execute(insert(decks_t).values(id=deck.meta.id, **values))
            new_rows = []
            for note in deck.notes:
                content = note_to_json(note)
                for ordinal in ordinals(note):
                    uid = card_uid(note.uid, ordinal, note.kind)
                    seen.add(uid)
                    row = existing.get(uid)
                    if row is None:
                        position += 1
                        new_rows.append(_new_card(uid, note.uid, deck.meta.id, ordinal, note.kind, content,
                                                  position, now_ms))  # fmt: skip
                        continue
                    fresh = (content, deck.meta.id, note.uid, note.kind)
                    if (row.content, row.deck_id, row.note_uid, row.kind) != fresh or row.retired:
                        restored += bool(row.retired)
                        updated += not row.retired
                        conn.execute(
                            update(cards_t)
                            .where(cards_t.c.id == row.id)
                            .values(content=content, deck_id=deck.meta.id, note_uid=note.uid, kind=note.kind,
                                    retired=False, modified_at=now_ms)
                        )  # fmt: skip
            if new_rows:
                conn.execute(insert(cards_t), new_rows)
                added += len(new_rows)
        gone = [r.id for uid, r in existing.items() if uid not in seen and not r.retired]
        for start in range(0, len(gone), 500):
            chunk = gone[start : start + 500]
            conn.execute(
                update(cards_t).where(cards_t.c.id.in_(chunk)).values(retired=True, modified_at=now_ms)
            )
        retired = len(gone)
        vanished = stored_decks - {d.meta.id for d in decks}
        if vanished:  # keep the row (retired cards still point at it), mark it gone
            conn.execute(update(decks_t).where(decks_t.c.id.in_(vanished)).values(content_hash=""))
    return SyncReport(added, updated, retired, restored)


def _new_card(
    uid: str, note_uid: str, deck_id: str, ordinal: int, kind: str, content: str, position: int, now_ms: int
) -> dict[str, object]:
    return {
        "uid": uid,
        "note_uid": note_uid,
        "deck_id": deck_id,
        "ordinal": ordinal,
        "kind": kind,
        "content": content,
        "position": position,
        "retired": False,
        "phase": "new",
        "due": position,
        "interval": 0,
        "ease": 0,
        "reps": 0,
        "lapses": 0,
        "remaining_steps": 0,
        "suspended": False,
        "buried_until": -1,
        "flag": 0,
        "leech": False,
        "modified_at": now_ms,
    }
