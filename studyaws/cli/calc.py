"""`studyaws calc KIND …`: the exam's calculators, with worked steps, JSON output and answer checking.

Imports nothing from cli.main (its commands inherit -h and the help width from the `studyaws` group), so
importing this module first does not loop back through main's command registration.
"""

from __future__ import annotations

import click

from studyaws.cli import calc_dynamodb, calc_lambda, calc_services
from studyaws.cli.params import OneLineGroup


@click.group("calc", cls=OneLineGroup, subcommand_metavar="KIND [OPTIONS]...")
def calc() -> None:
    """Work out an exam calculation step by step, or grade your answer with --check.

    Sizes take B, KB (1,024 bytes, as DynamoDB counts), KiB and MB; durations take ms and s.

    \b
    Examples:
      studyaws calc rcu --size 3.5KB --rate 80 --consistency eventual
      studyaws calc wcu --size 2.5KB --rate 100 --transactional --check 300
      studyaws calc lambda --rps 200 --duration 250ms --json
    """


for _command in (*calc_dynamodb.COMMANDS, *calc_lambda.COMMANDS, *calc_services.COMMANDS):
    calc.add_command(_command)
