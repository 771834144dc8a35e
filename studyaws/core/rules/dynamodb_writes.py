"""DynamoDB write capacity: WCUs to provision (or on-demand WRUs) for Put, Update, Delete, Batch, Transact."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    READ_UNIT_BYTES,
    READ_WRITE_URL,
    WRITE_UNIT_BYTES,
    check_count,
    describe_sizes,
    item_sizes,
    partition_warnings,
    round_items,
)
from studyaws.core.rules.dynamodb_reads import Mode
from studyaws.core.rules.units import fmt_kb, positive


class WriteOp(StrEnum):
    """The write API call."""

    PUT = "put"
    UPDATE = "update"
    DELETE = "delete"
    BATCH_WRITE = "batch-write"
    TRANSACT_WRITE = "transact-write"


API_NAME = {
    WriteOp.PUT: "PutItem",
    WriteOp.UPDATE: "UpdateItem",
    WriteOp.DELETE: "DeleteItem",
    WriteOp.BATCH_WRITE: "BatchWriteItem",
    WriteOp.TRANSACT_WRITE: "TransactWriteItems",
}


@dataclass(frozen=True, slots=True)
class WriteInputs:
    """One write workload: `rate` calls per second, each writing the items listed.

    `sizes` are the items as written (for a delete, the item deleted). `sizes_before` gives, item by item,
    the size of the item the write replaces or updates (None for a new item); DynamoDB charges the larger
    of the two.
    """

    sizes: tuple[Fraction, ...]
    rate: Fraction
    op: WriteOp
    sizes_before: tuple[Fraction | None, ...] = ()
    mode: Mode = Mode.PROVISIONED
    single_partition: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "op", WriteOp(self.op))
        object.__setattr__(self, "mode", Mode(self.mode))
        check_count(self.op.value, len(self.sizes))
        if self.sizes_before and len(self.sizes_before) != len(self.sizes):
            raise RuleInputError(
                f"give one 'before' size per item: {len(self.sizes)} items but {len(self.sizes_before)} sizes"
            )
        if self.op is WriteOp.DELETE and any(size is not None for size in self.sizes_before):
            raise RuleInputError(
                "a delete is charged for the deleted item only; give its size, not a 'before'"
            )

    @classmethod
    def build(
        cls,
        sizes: Iterable[str | Number],
        rate: str | Number = 1,
        op: str | WriteOp = WriteOp.PUT,
        sizes_before: Sequence[str | Number | None] | str | Number | None = None,
        mode: str | Mode = Mode.PROVISIONED,
        single_partition: bool = False,
    ) -> WriteInputs:
        """Parse loose inputs; `sizes_before` may be one size (for one item) or a list with None gaps."""
        try:
            write_op = WriteOp(op)
            write_mode = Mode(mode)
        except ValueError as err:
            raise RuleInputError(f"unknown option: {err}") from None
        if sizes_before is None:
            before: tuple[Fraction | None, ...] = ()
        else:
            listed = [sizes_before] if isinstance(sizes_before, str | int | Fraction) else list(sizes_before)
            before = tuple(
                None if size is None else item_sizes([size], "existing item")[0] for size in listed
            )
        return cls(
            item_sizes(sizes), positive(rate, "write rate"), write_op, before, write_mode, single_partition
        )

    def charged_sizes(self, *, use_before: bool = True) -> tuple[Fraction, ...]:
        """Per item, the size DynamoDB charges: the larger of before and after."""
        if not use_before or not self.sizes_before:
            return self.sizes
        return tuple(
            max(size, before) if before is not None else size
            for size, before in zip(self.sizes, self.sizes_before, strict=True)
        )

    def _units(
        self,
        *,
        unit: int = WRITE_UNIT_BYTES,
        per_item: bool = True,
        round_up: bool = True,
        use_before: bool = True,
    ) -> Fraction:
        sizes = self.charged_sizes(use_before=use_before)
        if not round_up:
            return sum(sizes, Fraction(0)) / unit
        if per_item:
            return Fraction(sum(ceil_up(size / unit) for size in sizes))
        return Fraction(ceil_up(sum(sizes, Fraction(0)) / unit))

    @property
    def multiplier(self) -> Fraction:
        """2 write units per 1 KB for TransactWriteItems, else 1."""
        return Fraction(2 if self.op is WriteOp.TRANSACT_WRITE else 1)

    def _finish(self, units: Fraction, multiplier: Fraction) -> Number:
        total = units * multiplier * self.rate
        return ceil_up(total) if self.mode is Mode.PROVISIONED else normalize(total)

    def calculate(self) -> Calculation:
        api = API_NAME[self.op]
        charged = self.charged_sizes()
        units = self._units()
        cost = units * self.multiplier
        exact = cost * self.rate
        steps = [f"Writes are charged per 1 KB ({WRITE_UNIT_BYTES:,} bytes), always rounded up."]
        for index, before in enumerate(self.sizes_before):
            if before is not None:
                verb = "updates" if self.op is WriteOp.UPDATE else "replaces"
                steps.append(
                    f"Item {index + 1} {verb} an existing item: DynamoDB charges the larger of before "
                    f"({fmt_kb(before)}) and after ({fmt_kb(self.sizes[index])}), i.e. "
                    f"{fmt_kb(charged[index])}."
                )
        rounded = round_items(charged, WRITE_UNIT_BYTES, "unit")
        if len(charged) == 1:
            steps.append(f"{api} writes one item: {rounded} of 1 KB.")
        else:
            steps.append(
                f"{api} writes {describe_sizes(charged)}; each item is rounded up on its own: {rounded} — "
                f"{plural(units, 'unit')} of 1 KB per call."
            )
        if self.op is WriteOp.TRANSACT_WRITE:
            steps.append(
                f"Transactional writes cost 2 write units per 1 KB: {fmt_num(units)} × 2 = {fmt_num(cost)} "
                "per call (a TransactWriteItems call now takes up to 100 actions; older material says 25)."
            )
        steps.append(
            f"At {plural(self.rate, 'call')} per second: {fmt_num(cost)} × {fmt_num(self.rate)} = "
            f"{fmt_num(exact)} write units per second."
        )
        if self.mode is Mode.PROVISIONED:
            answer: Number = ceil_up(exact)
            steps.append(f"Provisioned capacity is a whole number: {fmt_num(exact)} → {answer:,} WCU.")
        else:
            answer = normalize(exact)
            steps.append(f"On-demand bills write request units as consumed: {fmt_num(exact)} WRU per second.")
        warnings = partition_warnings(write_units=exact) if self.single_partition else ()
        unit_name = "WCU" if self.mode is Mode.PROVISIONED else "WRU"
        return Calculation("dynamodb-write", answer, unit_name, exact, tuple(steps), READ_WRITE_URL, warnings)

    def misconceptions(self) -> tuple[Misconception, ...]:
        api = API_NAME[self.op]
        mult = self.multiplier
        found = [
            Misconception(
                "four-kb-write-units",
                "You used 4 KB units; 4 KB is the read unit, writes are charged per 1 KB.",
                self._finish(self._units(unit=READ_UNIT_BYTES), mult),
            ),
            Misconception(
                "halved-write",
                "You halved the write as if it were an eventually consistent read; writes have no "
                "eventual discount.",
                self._finish(self._units(), mult / 2),
            ),
        ]
        odd = next((size for size in self.charged_sizes() if size % WRITE_UNIT_BYTES), None)
        if odd is not None:
            found.append(
                Misconception(
                    "no-round-up",
                    f"You didn't round {fmt_kb(odd)} up to {fmt_kb(ceil_up(odd / WRITE_UNIT_BYTES) * 1024)}: "
                    "writes are charged in whole 1 KB units.",
                    self._finish(self._units(round_up=False), mult),
                )
            )
        if self.op is WriteOp.TRANSACT_WRITE:
            found.append(
                Misconception(
                    "forgot-transactional-x2",
                    "You forgot the transactional ×2: a transactional write costs 2 units per 1 KB.",
                    self._finish(self._units(), Fraction(1)),
                )
            )
        pairs = zip(self.sizes, self.sizes_before, strict=True) if self.sizes_before else iter(())
        if any(before is not None and before > after for after, before in pairs):
            found.append(
                Misconception(
                    "ignored-size-before",
                    f"You used only the new item size; {api} is charged for the larger of the item before "
                    "and after the write.",
                    self._finish(self._units(use_before=False), mult),
                )
            )
        if len(self.sizes) > 1:
            found.append(
                Misconception(
                    "batch-summed",
                    f"You added the item sizes before rounding; {api} rounds each item up to 1 KB "
                    "separately.",
                    self._finish(self._units(per_item=False), mult),
                )
            )
        return tuple(found)


def write_capacity(
    sizes: Iterable[str | Number],
    rate: str | Number = 1,
    op: str | WriteOp = WriteOp.PUT,
    sizes_before: Sequence[str | Number | None] | str | Number | None = None,
    mode: str | Mode = Mode.PROVISIONED,
    single_partition: bool = False,
) -> Calculation:
    """Write units for `rate` calls per second of `op` writing items of `sizes`.

    Follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
    """
    return WriteInputs.build(sizes, rate, op, sizes_before, mode, single_partition).calculate()
