"""DynamoDB limits (400 KB items, partition ceilings, batch sizes), size helpers, and burst capacity."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from studyaws.core.rules.calculation import (
    Calculation,
    Misconception,
    Number,
    RuleInputError,
    ceil_up,
    fmt_num,
    normalize,
    plural,
)
from studyaws.core.rules.units import KB, MB, fmt_kb, fmt_size, parse_size, positive

READ_WRITE_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html"
CONSTRAINTS_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html"
TRANSACTIONS_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html"
GSI_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html"
BURST_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html"
BURST_EXAMPLE_URL = "https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals"

READ_UNIT_BYTES = 4 * KB
WRITE_UNIT_BYTES = 1 * KB
MAX_ITEM_BYTES = 400 * KB
"""400 KB = 409,600 bytes, counting attribute names and values."""
PAGE_BYTES = 1 * MB
"""A single Query or Scan call reads at most 1 MB before it paginates."""
PARTITION_MAX_RCU = 3000
PARTITION_MAX_WCU = 1000
BURST_SECONDS = 300
"""DynamoDB retains up to 5 minutes (300 s) of unused read and write capacity for bursts."""

MAX_ITEMS = {
    "batch-get": 100,
    "transact-get": 100,
    "batch-write": 25,
    "transact-write": 100,
}
"""Items per call. TransactWriteItems and TransactGetItems now take 100 actions (older material says 25)."""


class ItemTooLargeError(RuleInputError):
    """An item is larger than DynamoDB's 400 KB item limit."""


def item_sizes(sizes: Iterable[str | Number], what: str = "item") -> tuple[Fraction, ...]:
    """Parse item sizes to exact bytes, rejecting empty lists and anything over 400 KB."""
    parsed = tuple(parse_size(size) for size in sizes)
    if not parsed:
        raise RuleInputError(f"give at least one {what} size")
    for index, size in enumerate(parsed, start=1):
        if size > MAX_ITEM_BYTES:
            raise ItemTooLargeError(
                f"{what} {index} is {fmt_size(size)} ({fmt_num(size)} bytes), over DynamoDB's 400 KB "
                f"({MAX_ITEM_BYTES:,}-byte) item limit"
            )
    return parsed


def check_count(op: str, count: int) -> None:
    """Reject more items than one batch or transaction call accepts."""
    limit = MAX_ITEMS.get(op)
    if limit is not None and count > limit:
        raise RuleInputError(f"{op} takes at most {limit} items per call, not {count}")


def partition_warnings(read_units: Number = 0, write_units: Number = 0) -> tuple[str, ...]:
    """Warnings when traffic on one partition key exceeds the 3,000 RCU / 1,000 WCU per-partition ceiling.

    A partition serves at most 3,000 read units or 1,000 write units per second, or a linear mix of the two
    (reads/3,000 + writes/1,000 ≤ 1); adaptive and burst capacity cannot lift that ceiling.
    """
    load = Fraction(read_units) / PARTITION_MAX_RCU + Fraction(write_units) / PARTITION_MAX_WCU
    if load <= 1:
        return ()
    return (
        f"One partition key would take {fmt_num(read_units)} read and {fmt_num(write_units)} write units per "
        f"second, over a single partition's ceiling of {PARTITION_MAX_RCU:,} RCU / {PARTITION_MAX_WCU:,} WCU "
        "(burst and adaptive capacity cannot lift it); spread the load over more partition key values.",
    )


def read_units_per_item(size: Fraction) -> int:
    """Whole 4 KB read units for one item (rounded up)."""
    return ceil_up(size / READ_UNIT_BYTES)


def write_units_per_item(size: Fraction) -> int:
    """Whole 1 KB write units for one item (rounded up)."""
    return ceil_up(size / WRITE_UNIT_BYTES)


def describe_sizes(sizes: Sequence[Fraction]) -> str:
    """'3 × 3.5 KB, 1 × 6.5 KB': identical sizes grouped, in order of first appearance."""
    counts: dict[Fraction, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    return ", ".join(fmt_kb(size) if n == 1 else f"{n} × {fmt_kb(size)}" for size, n in counts.items())


def round_items(sizes: Sequence[Fraction], unit: int, kind: str) -> str:
    """Sentence fragment showing each distinct size rounded up to whole units."""
    counts: dict[Fraction, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    parts = []
    for size, n in counts.items():
        units = ceil_up(size / unit)
        each = plural(units, kind)
        parts.append(f"{fmt_kb(size)} → {each}" + (f" × {n}" if n > 1 else ""))
    return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class BurstInputs:
    """How long burst capacity lets a provisioned table run above its provisioned units."""

    provisioned: Fraction
    idle_seconds: Fraction
    demand: Fraction

    def __post_init__(self) -> None:
        if self.demand <= self.provisioned:
            raise RuleInputError(
                f"demand {fmt_num(self.demand)} must exceed the provisioned {fmt_num(self.provisioned)} "
                "units for burst capacity to matter"
            )

    @classmethod
    def build(
        cls, provisioned: str | Number, demand: str | Number, idle_seconds: str | Number = BURST_SECONDS
    ) -> BurstInputs:
        """Parse loose inputs: provisioned units, demand in units per second, seconds of idle time."""
        return cls(
            positive(provisioned, "provisioned units"),
            positive(idle_seconds, "idle time"),
            positive(demand, "demand"),
        )

    def _banked(self, window: Number = BURST_SECONDS) -> Fraction:
        return self.provisioned * min(self.idle_seconds, Fraction(window))

    def calculate(self) -> Calculation:
        seconds_kept = min(self.idle_seconds, Fraction(BURST_SECONDS))
        banked = self._banked()
        excess = self.demand - self.provisioned
        exact = banked / excess
        steps = (
            f"DynamoDB keeps up to {BURST_SECONDS} s of unused capacity; {fmt_num(self.idle_seconds)} s idle "
            f"counts as {fmt_num(seconds_kept)} s.",
            f"Banked burst capacity = {fmt_num(self.provisioned)} units × {fmt_num(seconds_kept)} s = "
            f"{fmt_num(banked)} units.",
            f"Demand above provisioned = {fmt_num(self.demand)} − {fmt_num(self.provisioned)} = "
            f"{fmt_num(excess)} units per second.",
            f"The burst lasts {fmt_num(banked)} ÷ {fmt_num(excess)} = {fmt_num(exact)} s "
            "(best effort: don't count on it when provisioning).",
        )
        return Calculation("dynamodb-burst", normalize(exact), "seconds", exact, steps, BURST_EXAMPLE_URL)

    def misconceptions(self) -> tuple[Misconception, ...]:
        excess = self.demand - self.provisioned
        return (
            Misconception(
                "burst-divided-by-demand",
                f"You divided the banked capacity by the whole demand ({fmt_num(self.demand)}) instead of by "
                f"the excess over provisioned ({fmt_num(excess)}).",
                normalize(self._banked() / self.demand),
            ),
            Misconception(
                "burst-window-60s",
                "You banked only 60 s of unused capacity; DynamoDB keeps up to 300 s (5 minutes).",
                normalize(self._banked(60) / excess),
            ),
            Misconception(
                "burst-ignored-window",
                f"You banked all {fmt_num(self.idle_seconds)} idle seconds; DynamoDB keeps at most 300 s.",
                normalize(self.provisioned * self.idle_seconds / excess),
            ),
        )
