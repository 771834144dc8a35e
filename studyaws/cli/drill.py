"""`studyaws drill`: calculator drills with fresh numbers, scheduled per kind (the loop is in drill_plain).

cli.main is imported inside the command, not at the top, so this module can be imported first without
looping back through main's command registration; -h and the help width come from the `studyaws` group.
"""

from __future__ import annotations

import sys

import click

from studyaws.cli.params import OneLineCommand

MAX_SEED = 2**62  # the same as service.drills.MAX_SEED (a test checks), kept here to import nothing heavy


@click.command("drill", cls=OneLineCommand)
@click.argument("kind", required=False, metavar="[KIND]")
@click.option("--plain", is_flag=True, help="Line mode (the only mode until the full-screen app lands).")
@click.option(
    "--seed",
    type=click.IntRange(0, MAX_SEED),
    help="Draw problem i (from 0) with random.Random(SEED + i); the same seed replays the same numbers.",
)
@click.option(
    "--count", type=click.IntRange(1, 1000), default=10, show_default=True, help="Problems in the session."
)
@click.option("--choice", is_flag=True, help="Multiple choice: the wrong options are classic mistakes.")
@click.option("--list", "list_kinds", is_flag=True, help="List every kind with when it is due, then exit.")
@click.pass_context
def drill(
    click_ctx: click.Context,
    kind: str | None,
    plain: bool,
    seed: int | None,
    count: int,
    choice: bool,
    list_kinds: bool,
) -> None:
    """Drill exam calculations with fresh numbers: type the answer, see the mistake and the steps.

    KIND is one of the drill kinds (or a `calc` name such as rcu, wcu, xray, lambda, kinesis); without
    it, each problem is of the kind most due. Kinds answered wrongly come back sooner. Type q or end the
    input to stop.
    """
    from studyaws.cli.drill_plain import PlainDrill
    from studyaws.cli.main import Holder
    from studyaws.service.collection import open_collection
    from studyaws.service.drills import DrillSession, resolve_kind

    chosen = None if kind is None else resolve_kind(kind)
    coll = open_collection(click_ctx.ensure_object(Holder).get(), sync=False)
    try:
        session = DrillSession(coll)
        if list_kinds:
            PlainDrill(session, sys.stdin, sys.stdout).list_kinds()
        else:
            PlainDrill(session, sys.stdin, sys.stdout).run(chosen, seed, count, choice)
    finally:
        coll.close()
