"""Open the study collection: database (migrated), decks synced, scheduler configured from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from studyaws.core.sm2 import Sm2, Sm2Params
from studyaws.decks.loader import deck_files, load_decks
from studyaws.service.context import AppContext
from studyaws.storage import sync as deck_sync
from studyaws.storage.convert import to_ms
from studyaws.storage.db import open_database, translate_errors
from studyaws.storage.repo import Repository


@dataclass
class Collection:
    ctx: AppContext
    engine: Engine
    repo: Repository
    scheduler: Sm2
    sync_report: deck_sync.SyncReport

    def close(self) -> None:
        self.engine.dispose()


def deck_paths(ctx: AppContext) -> list[Path]:
    """Every deck that belongs in the collection: the bundled ones, then the user's own."""
    return [path for folder in ctx.deck_dirs for path in deck_files(folder)]


def scheduler_for(ctx: AppContext) -> Sm2:
    s = ctx.settings
    return Sm2(Sm2Params(leech_threshold=s.leech_threshold, fuzz=s.fuzz))


def open_collection(ctx: AppContext, sync: bool = True) -> Collection:
    """Open the database and bring the decks in. Deck errors stop here, before anything is written."""
    db_path = ctx.paths.db
    decks = load_decks(deck_paths(ctx)) if sync else []
    engine = open_database(db_path)
    report = deck_sync.SyncReport()
    with translate_errors(db_path):
        if sync and not deck_sync.is_current(engine, decks):
            report = deck_sync.sync(engine, decks, to_ms(ctx.now()))
    return Collection(ctx, engine, Repository(engine), scheduler_for(ctx), report)
