"""Write units a table write consumes in its global secondary indexes, added to the table's own units.

Implemented rule (GSI page, "Provisioned throughput considerations for writes"): each GSI the write affects
consumes write units of its own, sized by the index entry (the projected attributes), not the table item:

* the item gains the indexed attribute (new item, or attribute newly set): 1 write (put the entry);
* the index key value changes (A to B): 2 writes (delete the old entry, put the new one; both are sized
  with the given entry size);
* the indexed attribute is removed: 1 write (delete the entry);
* only projected non-key attributes change: 1 write (update the entry);
* the item is in the index neither before nor after: 0 writes.

Each write is rounded up to whole 1 KB units. GSIs need their own write capacity: if one falls short, writes
to the base table are throttled.
"""

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
    plural,
)
from studyaws.core.rules.dynamodb_limits import GSI_URL, WRITE_UNIT_BYTES, item_sizes
from studyaws.core.rules.units import fmt_kb, positive


class GsiChange(StrEnum):
    """What a table write does to one global secondary index."""

    ADDED = "added"
    KEY_CHANGED = "key-changed"
    REMOVED = "removed"
    PROJECTED_CHANGED = "projected-changed"
    UNAFFECTED = "unaffected"


INDEX_WRITES = {
    GsiChange.ADDED: 1,
    GsiChange.KEY_CHANGED: 2,
    GsiChange.REMOVED: 1,
    GsiChange.PROJECTED_CHANGED: 1,
    GsiChange.UNAFFECTED: 0,
}
WHY = {
    GsiChange.ADDED: "the item gains the indexed attribute, so 1 write puts the entry",
    GsiChange.KEY_CHANGED: "the index key changes, so 2 writes: delete the old entry and put the new one",
    GsiChange.REMOVED: "the indexed attribute is removed, so 1 write deletes the entry",
    GsiChange.PROJECTED_CHANGED: "only projected attributes change, so 1 write updates the entry",
    GsiChange.UNAFFECTED: "the item is not in this index before or after, so no write",
}


@dataclass(frozen=True, slots=True)
class GsiWriteInputs:
    """`rate` writes per second of one table item; `indexes` pairs each GSI's change with its entry size."""

    item_size: Fraction
    rate: Fraction
    indexes: tuple[tuple[GsiChange, Fraction], ...]
    item_size_before: Fraction | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "indexes", tuple((GsiChange(c), size) for c, size in self.indexes))
        if not self.indexes:
            raise RuleInputError("give at least one global secondary index")

    @classmethod
    def build(
        cls,
        item_size: str | Number,
        indexes: Iterable[tuple[str | GsiChange, str | Number]],
        rate: str | Number = 1,
        item_size_before: str | Number | None = None,
    ) -> GsiWriteInputs:
        """Parse loose inputs: indexes as (change, entry size) pairs, e.g. ("key-changed", "600B")."""
        parsed: list[tuple[GsiChange, Fraction]] = []
        for change, size in indexes:
            try:
                kind = GsiChange(change)
            except ValueError:
                raise RuleInputError(
                    f"unknown GSI change '{change}'; use {', '.join(c.value for c in GsiChange)}"
                ) from None
            parsed.append((kind, item_sizes([size], "index entry")[0]))
        before = None if item_size_before is None else item_sizes([item_size_before], "existing item")[0]
        return cls(item_sizes([item_size])[0], positive(rate, "write rate"), tuple(parsed), before)

    def table_units(self) -> int:
        size = self.item_size if self.item_size_before is None else max(self.item_size, self.item_size_before)
        return ceil_up(size / WRITE_UNIT_BYTES)

    def _index_units(
        self, *, key_change_writes: int = 2, entry_is_item: bool = False, count_unaffected: bool = False
    ) -> list[int]:
        units = []
        for change, entry in self.indexes:
            writes = INDEX_WRITES[change]
            if change is GsiChange.KEY_CHANGED:
                writes = key_change_writes
            if change is GsiChange.UNAFFECTED and count_unaffected:
                writes = 1
            size = self.item_size if entry_is_item else entry
            units.append(writes * ceil_up(size / WRITE_UNIT_BYTES))
        return units

    def _finish(self, per_write: Number) -> int:
        return ceil_up(Fraction(per_write) * self.rate)

    def calculate(self) -> Calculation:
        table = self.table_units()
        index_units = self._index_units()
        per_write = table + sum(index_units)
        exact = per_write * self.rate
        steps = [
            f"The table write itself: {fmt_kb(self.item_size)} rounds up to {plural(table, 'write unit')}."
        ]
        for number, ((change, entry), units) in enumerate(
            zip(self.indexes, index_units, strict=True), start=1
        ):
            per_entry = ceil_up(entry / WRITE_UNIT_BYTES)
            steps.append(
                f"GSI {number}: {WHY[change]}; each index write is {fmt_kb(entry)} → "
                f"{plural(per_entry, 'unit')}, so {plural(units, 'write unit')}."
            )
        steps.append(
            f"One table write consumes {table} + {' + '.join(str(u) for u in index_units)} = "
            f"{plural(per_write, 'write unit')} in total."
        )
        steps.append(
            f"At {plural(self.rate, 'write')} per second: {per_write} × {fmt_num(self.rate)} = "
            f"{fmt_num(exact)} → {ceil_up(exact):,} WCU across the table and its indexes."
        )
        warnings = tuple(
            f"GSI {number} needs at least {ceil_up(units * self.rate):,} WCU of its own, or writes to the "
            "table are throttled."
            for number, units in enumerate(index_units, start=1)
            if units
        )
        return Calculation(
            "dynamodb-gsi-write", ceil_up(exact), "WCU", Fraction(exact), tuple(steps), GSI_URL, warnings
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        table = self.table_units()
        found = [
            Misconception(
                "forgot-gsi-writes",
                "You counted only the table write; every GSI the write affects consumes write units too.",
                self._finish(table),
            ),
            Misconception(
                "gsi-full-item-size",
                "You sized the index writes with the whole table item; an index write is sized by the "
                "projected entry.",
                self._finish(table + sum(self._index_units(entry_is_item=True))),
            ),
        ]
        if any(change is GsiChange.KEY_CHANGED for change, _ in self.indexes):
            found.append(
                Misconception(
                    "key-change-one-write",
                    "You counted an index key change as one write; it takes two (delete the old entry, put "
                    "the new one).",
                    self._finish(table + sum(self._index_units(key_change_writes=1))),
                )
            )
        if any(change is GsiChange.UNAFFECTED for change, _ in self.indexes):
            found.append(
                Misconception(
                    "counted-unaffected-gsi",
                    "You charged a GSI the item is not in; an index the write does not touch costs nothing.",
                    self._finish(table + sum(self._index_units(count_unaffected=True))),
                )
            )
        return tuple(found)


def gsi_write_capacity(
    item_size: str | Number,
    indexes: Iterable[tuple[str | GsiChange, str | Number]],
    rate: str | Number = 1,
    item_size_before: str | Number | None = None,
) -> Calculation:
    """WCUs for a table write plus its GSI writes.

    Follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html
    """
    return GsiWriteInputs.build(item_size, indexes, rate, item_size_before).calculate()
