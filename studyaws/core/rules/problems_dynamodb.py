"""Exam-style DynamoDB drills with freshly drawn, realistic numbers: reads, writes, GSI writes, burst."""

from __future__ import annotations

import random
from fractions import Fraction

from studyaws.core.rules.calculation import Drill, fmt_num
from studyaws.core.rules.dynamodb_gsi import GsiChange, GsiWriteInputs
from studyaws.core.rules.dynamodb_limits import BurstInputs
from studyaws.core.rules.dynamodb_reads import Consistency, Mode, ReadInputs, ReadOp
from studyaws.core.rules.dynamodb_writes import WriteInputs, WriteOp
from studyaws.core.rules.units import KB, fmt_size

APPS = (
    "An online store",
    "A multiplayer game backend",
    "A ride-sharing app",
    "An IoT telemetry service",
    "A ticketing platform",
    "A social media feed",
    "A banking dashboard",
    "A recipe-sharing site",
)
ENTITIES = ("orders", "player profiles", "trip records", "sensor readings", "tickets", "posts", "accounts")
ITEM_KB = (
    "0.5",
    "1",
    "1.5",
    "2",
    "2.5",
    "3",
    "3.5",
    "4",
    "4.5",
    "5",
    "6",
    "7",
    "7.5",
    "8",
    "9",
    "10",
    "12",
    "13",
)
ITEM_BYTES = (300, 500, 700, 900, 1500, 2200, 3500, 5100, 6500, 9000)
RATES = (5, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500)


def item_size(rng: random.Random) -> Fraction:
    """A realistic item size: half-KB steps mostly, sometimes a round byte count."""
    if rng.randrange(100) < 30:
        return Fraction(rng.choice(ITEM_BYTES))
    return Fraction(rng.choice(ITEM_KB)) * KB


def small_size(rng: random.Random) -> Fraction:
    """A small item (100 bytes to 3 KB, in 100-byte steps) for Query and Scan drills."""
    return Fraction(rng.randrange(100, 3100, 100))


def consistency_words(consistency: Consistency) -> str:
    return {
        Consistency.STRONG: "strongly consistent",
        Consistency.EVENTUAL: "eventually consistent",
        Consistency.TRANSACTIONAL: "transactional",
    }[consistency]


def ask_read(mode: Mode) -> str:
    if mode is Mode.ON_DEMAND:
        return "The table is on-demand. How many read request units (RRUs) does this consume per second?"
    return "How many read capacity units (RCUs) must the table provision?"


def ask_write(mode: Mode) -> str:
    if mode is Mode.ON_DEMAND:
        return "The table is on-demand. How many write request units (WRUs) does this consume per second?"
    return "How many write capacity units (WCUs) must the table provision?"


def dynamodb_read(rng: random.Random) -> tuple[str, Drill]:
    """A read drill: GetItem, BatchGetItem, TransactGetItems, Query or Scan."""
    op = rng.choice(
        (ReadOp.GET, ReadOp.GET, ReadOp.BATCH_GET, ReadOp.TRANSACT_GET, ReadOp.QUERY, ReadOp.SCAN)
    )
    consistency = (
        Consistency.TRANSACTIONAL
        if op is ReadOp.TRANSACT_GET
        else rng.choice((Consistency.STRONG, Consistency.EVENTUAL))
    )
    mode = Mode.ON_DEMAND if rng.randrange(100) < 15 else Mode.PROVISIONED
    app, entity = rng.choice(APPS), rng.choice(ENTITIES)
    words = consistency_words(consistency)
    if op is ReadOp.GET:
        size, rate = item_size(rng), rng.choice(RATES)
        sizes: tuple[Fraction, ...] = (size,)
        text = (
            f"{app} reads {entity} from a DynamoDB table with GetItem. Each item is "
            f"{fmt_size(size)}, and the "
            f"app performs {rate} {words} reads per second."
        )
    elif op in (ReadOp.BATCH_GET, ReadOp.TRANSACT_GET):
        sizes = tuple(item_size(rng) for _ in range(rng.randint(2, 4)))
        rate = rng.choice(RATES[:12])
        api = "BatchGetItem" if op is ReadOp.BATCH_GET else "TransactGetItems"
        named = [fmt_size(s) for s in sizes]
        listed = ", ".join(named[:-1]) + f" and {named[-1]}"
        text = (
            f"{app} calls {api} {rate} times per second. Each call reads {len(sizes)} {entity}, of {listed}"
            + (f", using {words} reads." if op is ReadOp.BATCH_GET else ".")
        )
    elif op is ReadOp.QUERY:
        size, count, rate = small_size(rng), rng.randint(3, 15), rng.choice(RATES[:10])
        sizes = (size,) * count
        text = (
            f"{app} runs a DynamoDB Query {rate} times per second; each Query returns {count} {entity} of "
            f"{fmt_size(size)} each, read with {words} reads."
        )
    else:
        size, count, rate = small_size(rng), rng.randint(10, 40), rng.randint(1, 6)
        returned = rng.randint(1, count // 3)
        sizes = (size,) * count
        text = (
            f"{app} runs a DynamoDB Scan with a filter expression {rate} times per second. Each "
            "Scan evaluates "
            f"{count} {entity} of {fmt_size(size)} each, and the filter returns only {returned} of them. "
            f"The reads are {words}."
        )
    inputs = ReadInputs(sizes, Fraction(rate), consistency, op, mode)
    return f"{text} {ask_read(mode)}", inputs


def dynamodb_write(rng: random.Random) -> tuple[str, Drill]:
    """A write drill: PutItem, UpdateItem, DeleteItem, BatchWriteItem or TransactWriteItems."""
    op = rng.choice(
        (
            WriteOp.PUT,
            WriteOp.PUT,
            WriteOp.UPDATE,
            WriteOp.DELETE,
            WriteOp.BATCH_WRITE,
            WriteOp.TRANSACT_WRITE,
        )
    )
    mode = Mode.ON_DEMAND if rng.randrange(100) < 15 else Mode.PROVISIONED
    app, entity = rng.choice(APPS), rng.choice(ENTITIES)
    rate = rng.choice(RATES)
    before: tuple[Fraction | None, ...] = ()
    if op is WriteOp.PUT:
        sizes: tuple[Fraction, ...] = (item_size(rng),)
        text = (
            f"{app} writes {rate} new {entity} per second to DynamoDB with PutItem; each item is "
            f"{fmt_size(sizes[0])}."
        )
    elif op is WriteOp.UPDATE:
        old, new = item_size(rng), item_size(rng)
        sizes, before = (new,), (old,)
        text = (
            f"{app} calls UpdateItem {rate} times per second. Each update changes an item of {fmt_size(old)} "
            f"so that it is {fmt_size(new)} afterwards."
        )
    elif op is WriteOp.DELETE:
        sizes = (item_size(rng),)
        text = (
            f"{app} deletes {rate} {entity} per second with DeleteItem; each deleted item is "
            f"{fmt_size(sizes[0])}."
        )
    else:
        sizes = tuple(item_size(rng) for _ in range(rng.randint(2, 5)))
        rate = rng.choice(RATES[:12])
        api = "BatchWriteItem" if op is WriteOp.BATCH_WRITE else "TransactWriteItems"
        listed = ", ".join(fmt_size(s) for s in sizes)
        text = (
            f"{app} calls {api} {rate} times per second; each call puts {len(sizes)} new {entity} of "
            f"{listed}."
        )
    inputs = WriteInputs(sizes, Fraction(rate), op, before, mode)
    return f"{text} {ask_write(mode)}", inputs


def dynamodb_gsi(rng: random.Random) -> tuple[str, Drill]:
    """A table write that also updates one to three global secondary indexes."""
    size = Fraction(rng.choice(("2", "3", "4", "5", "6", "8"))) * KB
    rate = rng.choice(RATES[:14])
    changes = (GsiChange.ADDED, GsiChange.KEY_CHANGED, GsiChange.PROJECTED_CHANGED, GsiChange.UNAFFECTED)
    indexes = tuple(
        (rng.choice(changes), Fraction(rng.choice((200, 400, 600, 900, 1200, 1800))))
        for _ in range(rng.randint(1, 3))
    )
    described = {
        GsiChange.ADDED: "the write sets the index's key attribute for the first time",
        GsiChange.KEY_CHANGED: "the write changes the index's key value",
        GsiChange.PROJECTED_CHANGED: "the write changes only a projected non-key attribute",
        GsiChange.UNAFFECTED: "the item is not in the index before or after the write",
    }
    parts = [
        f"GSI {n} (index entry {fmt_size(entry)}): {described[change]}"
        for n, (change, entry) in enumerate(indexes, 1)
    ]
    text = (
        f"A table receives {rate} writes per second of {fmt_size(size)} items. It has "
        f"{len(indexes)} global secondary index{'es' if len(indexes) > 1 else ''}. " + "; ".join(parts) + ". "
        "How many write capacity units do the table and its indexes consume in total per second?"
    )
    return text, GsiWriteInputs(size, Fraction(rate), indexes)


def dynamodb_burst(rng: random.Random) -> tuple[str, Drill]:
    """How long burst capacity carries a provisioned table through a spike."""
    provisioned = rng.choice((50, 100, 150, 200, 250, 300, 400, 500))
    excess = rng.choice((10, 20, 25, 50, 75, 100, 150))
    idle = rng.choice((300, 300, 600, 120, 240))
    text = (
        f"A provisioned table has {provisioned} RCUs and used none of them for the last "
        f"{fmt_num(idle)} seconds. "
        f"A spike now drives {provisioned + excess} read units per second. For how many seconds can burst "
        "capacity absorb the spike before reads are throttled?"
    )
    return text, BurstInputs(Fraction(provisioned), Fraction(idle), Fraction(provisioned + excess))
