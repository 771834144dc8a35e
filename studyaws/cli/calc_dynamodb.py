"""`studyaws calc rcu | wcu | gsi | burst`: DynamoDB capacity calculators."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import click

from studyaws.cli.calc_output import emit, output_options
from studyaws.cli.params import (
    DURATION,
    ITEM_SIZE,
    POSITIVE,
    OneLineCommand,
    ParamBase,
    rule_errors,
)
from studyaws.core.rules import (
    BurstInputs,
    Consistency,
    GsiChange,
    GsiWriteInputs,
    ReadInputs,
    ReadOp,
    RuleInputError,
    WriteInputs,
    WriteOp,
)
from studyaws.errors import UsageError
from studyaws.service.calc import build

SIZE_HELP = "1 KB = 1,024 B, as DynamoDB counts; B, KB, KiB and MB are accepted."


def _mode(on_demand: bool) -> str:
    return "on-demand" if on_demand else "provisioned"


@click.command("rcu", cls=OneLineCommand)
@click.option(
    "--size",
    "sizes",
    type=ITEM_SIZE,
    multiple=True,
    required=True,
    help=f"Size of an item read, e.g. 3.5KB; repeat for each item a call reads. {SIZE_HELP}",
)
@click.option("--rate", type=POSITIVE, required=True, help="Calls per second, e.g. 80.")
@click.option(
    "--consistency",
    type=click.Choice([c.value for c in Consistency]),
    help="Read consistency [default: transactional for transact-get, else strong].",
)
@click.option(
    "--op",
    type=click.Choice([o.value for o in ReadOp]),
    default=ReadOp.GET.value,
    show_default=True,
    help="The read call: Query and Scan add sizes up before rounding, the others round each item.",
)
@click.option("--on-demand", is_flag=True, help="On-demand table: read request units (RRU), not rounded up.")
@click.option("--single-partition", is_flag=True, help="Warn when one partition key would take it all.")
@output_options
def rcu(
    sizes: tuple[Fraction, ...],
    rate: Fraction,
    consistency: str | None,
    op: str,
    on_demand: bool,
    single_partition: bool,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """DynamoDB read capacity units (RCU) for a read workload."""
    blame = {"transactional": "--consistency", "items per call": "--size"}
    with rule_errors("--size", blame):
        worked = build(
            lambda: ReadInputs.build(sizes, rate, consistency, op, _mode(on_demand), single_partition)
        )
    emit(worked, as_json, check_answer)


@click.command("wcu", cls=OneLineCommand)
@click.option(
    "--size",
    "sizes",
    type=ITEM_SIZE,
    multiple=True,
    required=True,
    help=f"Size of an item written (for a delete, the item deleted); repeat per item. {SIZE_HELP}",
)
@click.option("--rate", type=POSITIVE, required=True, help="Calls per second, e.g. 100.")
@click.option("--transactional", is_flag=True, help="TransactWriteItems: 2 write units per 1 KB.")
@click.option(
    "--op",
    type=click.Choice([o.value for o in WriteOp]),
    help="The write call [default: put, or transact-write with --transactional].",
)
@click.option(
    "--size-before",
    "sizes_before",
    type=ITEM_SIZE,
    multiple=True,
    help="Size of the existing item a write replaces or updates, one per --size in the same order; "
    "DynamoDB charges the larger.",
)
@click.option("--on-demand", is_flag=True, help="On-demand table: write request units (WRU), not rounded.")
@click.option("--single-partition", is_flag=True, help="Warn when one partition key would take it all.")
@output_options
def wcu(
    sizes: tuple[Fraction, ...],
    rate: Fraction,
    transactional: bool,
    op: str | None,
    sizes_before: tuple[Fraction, ...],
    on_demand: bool,
    single_partition: bool,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """DynamoDB write capacity units (WCU) for a write workload."""
    if transactional and op not in (None, WriteOp.TRANSACT_WRITE.value):
        raise UsageError(f"--transactional: goes with --op transact-write, not --op {op}")
    chosen = op or (WriteOp.TRANSACT_WRITE.value if transactional else WriteOp.PUT.value)
    before = sizes_before or None
    blame = {"before": "--size-before", "items per call": "--size"}
    with rule_errors("--size", blame):
        worked = build(
            lambda: WriteInputs.build(sizes, rate, chosen, before, _mode(on_demand), single_partition)
        )
    emit(worked, as_json, check_answer)


class IndexChange(ParamBase):
    """CHANGE:SIZE, e.g. key-changed:600B."""

    name = "index"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "CHANGE:SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        change, _, size = value.partition(":")
        choices = ", ".join(c.value for c in GsiChange)
        try:
            kind = GsiChange(change.strip().lower())
        except ValueError:
            self.fail(f"'{value}' must start with one of {choices}, then ':' and the entry size", param, ctx)
        try:
            return kind, ITEM_SIZE.parse(size.strip())
        except RuleInputError as err:
            self.fail(f"'{value}': entry size {ITEM_SIZE.explain(size.strip(), err)}", param, ctx)


@click.command("gsi", cls=OneLineCommand)
@click.option("--item-size", type=ITEM_SIZE, required=True, help=f"The table item written. {SIZE_HELP}")
@click.option(
    "--index",
    "indexes",
    type=IndexChange(),
    multiple=True,
    required=True,
    help="One per GSI: what the write does to it (added, key-changed, removed, projected-changed, "
    "unaffected), ':' and the index entry size, e.g. key-changed:600B.",
)
@click.option("--rate", type=POSITIVE, default="1", show_default=True, help="Writes per second.")
@click.option("--item-size-before", type=ITEM_SIZE, help="Size of the item before an update.")
@output_options
def gsi(
    item_size: Fraction,
    indexes: tuple[tuple[GsiChange, Fraction], ...],
    rate: Fraction,
    item_size_before: Fraction | None,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Write units a table write consumes in the table and its global secondary indexes."""
    with rule_errors("--index"):
        worked = build(lambda: GsiWriteInputs.build(item_size, indexes, rate, item_size_before))
    emit(worked, as_json, check_answer)


@click.command("burst", cls=OneLineCommand)
@click.option("--provisioned", type=POSITIVE, required=True, help="Provisioned read or write units.")
@click.option("--demand", type=POSITIVE, required=True, help="Units per second the spike demands.")
@click.option(
    "--idle", type=DURATION, default="300s", show_default=True, help="How long the capacity went unused."
)
@output_options
def burst(
    provisioned: Fraction,
    demand: Fraction,
    idle: Fraction,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Seconds DynamoDB burst capacity carries a provisioned table through a spike."""
    with rule_errors("--demand"):
        worked = build(lambda: BurstInputs.build(provisioned, demand, idle))
    emit(worked, as_json, check_answer)


COMMANDS = (rcu, wcu, gsi, burst)
