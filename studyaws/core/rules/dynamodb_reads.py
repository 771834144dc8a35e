"""DynamoDB read capacity: RCUs to provision (or on-demand RRUs consumed) for Get, Batch, Query and Scan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
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
from studyaws.core.rules.dynamodb_limits import (
    PAGE_BYTES,
    READ_UNIT_BYTES,
    READ_WRITE_URL,
    check_count,
    describe_sizes,
    item_sizes,
    partition_warnings,
    round_items,
)
from studyaws.core.rules.units import KB, fmt_kb, positive


class Consistency(StrEnum):
    """How a read is served; it sets the read units per 4 KB."""

    STRONG = "strong"
    EVENTUAL = "eventual"
    TRANSACTIONAL = "transactional"


class ReadOp(StrEnum):
    """The read API call; it decides whether item sizes are rounded one by one or summed first."""

    GET = "get"
    BATCH_GET = "batch-get"
    TRANSACT_GET = "transact-get"
    QUERY = "query"
    SCAN = "scan"


class Mode(StrEnum):
    """Provisioned tables round the per-second total up to whole RCUs; on-demand bills exact RRUs."""

    PROVISIONED = "provisioned"
    ON_DEMAND = "on-demand"


MULTIPLIER = {
    Consistency.STRONG: Fraction(1),
    Consistency.EVENTUAL: Fraction(1, 2),
    Consistency.TRANSACTIONAL: Fraction(2),
}
API_NAME = {
    ReadOp.GET: "GetItem",
    ReadOp.BATCH_GET: "BatchGetItem",
    ReadOp.TRANSACT_GET: "TransactGetItems",
    ReadOp.QUERY: "Query",
    ReadOp.SCAN: "Scan",
}
PER_ITEM_OPS = (ReadOp.GET, ReadOp.BATCH_GET, ReadOp.TRANSACT_GET)


@dataclass(frozen=True, slots=True)
class ReadInputs:
    """One read workload: `rate` calls per second, each reading the items whose sizes (bytes) are listed.

    For Query the sizes are the items returned; for Scan, every item evaluated (a filter expression does
    not reduce the charge).
    """

    sizes: tuple[Fraction, ...]
    rate: Fraction
    consistency: Consistency
    op: ReadOp
    mode: Mode = Mode.PROVISIONED
    single_partition: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "consistency", Consistency(self.consistency))
        object.__setattr__(self, "op", ReadOp(self.op))
        object.__setattr__(self, "mode", Mode(self.mode))
        check_count(self.op.value, len(self.sizes))
        if (self.op is ReadOp.TRANSACT_GET) != (self.consistency is Consistency.TRANSACTIONAL):
            raise RuleInputError(
                "transactional reads go with TransactGetItems (op 'transact-get'), and only it"
            )

    @classmethod
    def build(
        cls,
        sizes: Iterable[str | Number],
        rate: str | Number = 1,
        consistency: str | Consistency | None = None,
        op: str | ReadOp = ReadOp.GET,
        mode: str | Mode = Mode.PROVISIONED,
        single_partition: bool = False,
    ) -> ReadInputs:
        """Parse loose inputs ('3.5KB', '80'); consistency defaults to transactional for transact-get, else
        strong."""
        try:
            read_op = ReadOp(op)
            read_mode = Mode(mode)
            chosen = Consistency(consistency) if consistency is not None else None
        except ValueError as err:
            raise RuleInputError(f"unknown option: {err}") from None
        if chosen is None:
            chosen = Consistency.TRANSACTIONAL if read_op is ReadOp.TRANSACT_GET else Consistency.STRONG
        rate_per_s = positive(rate, "read rate")
        return cls(item_sizes(sizes), rate_per_s, chosen, read_op, read_mode, single_partition)

    def units_per_call(self, *, unit: int = READ_UNIT_BYTES, per_item: bool | None = None) -> Fraction:
        """4 KB units one call consumes before the consistency multiplier."""
        if per_item is None:
            per_item = self.op in PER_ITEM_OPS
        if per_item:
            return Fraction(sum(ceil_up(size / unit) for size in self.sizes))
        return Fraction(ceil_up(sum(self.sizes, Fraction(0)) / unit))

    def _finish(self, per_call: Fraction, multiplier: Fraction, *, ceil_each_call: bool = False) -> Number:
        cost = per_call * multiplier
        if ceil_each_call:
            cost = Fraction(ceil_up(cost))
        total = cost * self.rate
        return ceil_up(total) if self.mode is Mode.PROVISIONED else normalize(total)

    def calculate(self) -> Calculation:
        api = API_NAME[self.op]
        unit_name = "RCU" if self.mode is Mode.PROVISIONED else "RRU"
        per_call = self.units_per_call()
        multiplier = MULTIPLIER[self.consistency]
        cost = per_call * multiplier
        exact = cost * self.rate
        steps = [f"Reads are charged per 4 KB ({READ_UNIT_BYTES:,} bytes), always rounded up."]
        if self.op in PER_ITEM_OPS:
            rule = "each item is rounded up on its own"
            rounded = round_items(self.sizes, READ_UNIT_BYTES, "unit")
            if len(self.sizes) == 1:
                steps.append(f"{api} reads one item: {rounded}.")
            else:
                steps.append(f"{api} reads {describe_sizes(self.sizes)}; {rule}: {rounded}.")
        else:
            total = sum(self.sizes, Fraction(0))
            what = (
                "all items returned"
                if self.op is ReadOp.QUERY
                else "every item evaluated (not only those a filter returns)"
            )
            listed = describe_sizes(self.sizes)
            summed = f"{listed} = {fmt_kb(total)}" if len(self.sizes) > 1 else listed
            steps.append(
                f"{api} adds up the sizes of {what} ({summed}) and rounds once: "
                f"{fmt_kb(total)} → {fmt_kb(per_call * READ_UNIT_BYTES)} = {plural(per_call, 'unit')}."
            )
        steps.append(f"So one call needs {plural(per_call, 'unit')} of 4 KB.")
        label = {
            Consistency.STRONG: "Strongly consistent: 1 read unit per 4 KB",
            Consistency.EVENTUAL: "Eventually consistent: ½ read unit per 4 KB",
            Consistency.TRANSACTIONAL: "Transactional: 2 read units per 4 KB",
        }[self.consistency]
        steps.append(
            f"{label}, so one call costs {fmt_num(per_call)} × {fmt_num(multiplier)} = "
            f"{plural(cost, 'read unit')}."
        )
        steps.append(
            f"At {plural(self.rate, 'call')} per second: {fmt_num(cost)} × {fmt_num(self.rate)} = "
            f"{fmt_num(exact)} read units per second."
        )
        if self.mode is Mode.PROVISIONED:
            answer: Number = ceil_up(exact)
            steps.append(
                "Provisioned capacity is a whole number, so round the total up once at the end: "
                f"{fmt_num(exact)} → {answer:,} RCU."
            )
        else:
            answer = normalize(exact)
            steps.append(f"On-demand bills read request units as consumed: {fmt_num(exact)} RRU per second.")
        warnings: list[str] = []
        if self.op not in PER_ITEM_OPS and sum(self.sizes, Fraction(0)) > PAGE_BYTES:
            warnings.append(
                f"{api} reads at most 1 MB per call; this much data comes back in several pages, each "
                "rounded up separately."
            )
        if self.single_partition:
            warnings.extend(partition_warnings(read_units=exact))
        return Calculation(
            "dynamodb-read", answer, unit_name, exact, tuple(steps), READ_WRITE_URL, tuple(warnings)
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        multiplier = MULTIPLIER[self.consistency]
        per_call = self.units_per_call()
        api = API_NAME[self.op]
        found: list[Misconception] = []
        odd = next((size for size in self.sizes if size % READ_UNIT_BYTES), None)
        if odd is not None:
            rounded = fmt_kb(ceil_up(odd / READ_UNIT_BYTES) * READ_UNIT_BYTES)
            found.append(
                Misconception(
                    "no-round-up",
                    f"You didn't round {fmt_kb(odd)} up to {rounded}: reads are charged in whole 4 KB units.",
                    self._finish(sum(self.sizes, Fraction(0)) / READ_UNIT_BYTES, multiplier),
                )
            )
        if self.consistency is Consistency.STRONG:
            found.append(
                Misconception(
                    "halved-strong",
                    "You halved a strongly consistent read; only eventually consistent reads cost ½ unit "
                    "per 4 KB.",
                    self._finish(per_call, Fraction(1, 2)),
                )
            )
        if self.consistency is Consistency.EVENTUAL:
            found.append(
                Misconception(
                    "eventual-ceil-per-read",
                    "You rounded each eventually consistent read up separately (½ → 1); the halves add up "
                    "across reads and the total is rounded once at the end.",
                    self._finish(per_call, multiplier, ceil_each_call=True),
                )
            )
            found.append(
                Misconception(
                    "eventual-not-halved",
                    "You charged an eventually consistent read a full unit per 4 KB; it costs half that.",
                    self._finish(per_call, Fraction(1)),
                )
            )
        if self.consistency is Consistency.TRANSACTIONAL:
            found.append(
                Misconception(
                    "forgot-transactional-x2",
                    "You forgot the transactional ×2: a transactional read costs 2 units per 4 KB.",
                    self._finish(per_call, Fraction(1)),
                )
            )
        found.append(
            Misconception(
                "one-kb-read-units",
                "You used 1 KB units; 1 KB is the write unit, reads are charged per 4 KB.",
                self._finish(self.units_per_call(unit=KB), multiplier),
            )
        )
        if len(self.sizes) > 1 and self.op in PER_ITEM_OPS:
            found.append(
                Misconception(
                    "batch-summed",
                    f"You added the item sizes before rounding, as Query does; {api} rounds each item up to "
                    "4 KB separately.",
                    self._finish(self.units_per_call(per_item=False), multiplier),
                )
            )
        if len(self.sizes) > 1 and self.op not in PER_ITEM_OPS:
            found.append(
                Misconception(
                    "query-rounded-each",
                    f"You rounded each item of the {api} up separately; {api} adds the sizes of all items "
                    "and rounds once.",
                    self._finish(self.units_per_call(per_item=True), multiplier),
                )
            )
        return tuple(found)


def read_capacity(
    sizes: Iterable[str | Number],
    rate: str | Number = 1,
    consistency: str | Consistency | None = None,
    op: str | ReadOp = ReadOp.GET,
    mode: str | Mode = Mode.PROVISIONED,
    single_partition: bool = False,
) -> Calculation:
    """Read units for `rate` calls per second of `op` over items of `sizes`.

    Follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
    """
    return ReadInputs.build(sizes, rate, consistency, op, mode, single_partition).calculate()
