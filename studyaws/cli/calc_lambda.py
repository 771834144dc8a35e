"""`studyaws calc lambda | lambda-reserved | lambda-scaling | streams | sqs-scaling`: Lambda concurrency."""

from __future__ import annotations

from fractions import Fraction

import click

from studyaws.cli.calc_output import emit, output_options
from studyaws.cli.params import COUNT, COUNT_OR_ZERO, DURATION, POSITIVE, OneLineCommand, rule_errors
from studyaws.core.rules import (
    ConcurrencyInputs,
    ReservedInputs,
    ReservedQuestion,
    ScalingInputs,
    SqsScalingInputs,
    StreamInputs,
)
from studyaws.service.calc import build, lambda_with_reservation

LIMIT_HELP = "The account's concurrency limit in the Region."


@click.command("lambda", cls=OneLineCommand)
@click.option("--rps", type=POSITIVE, required=True, help="Average invocations per second.")
@click.option("--duration", type=DURATION, required=True, help="Average run time, e.g. 250ms or 2s.")
@click.option("--reserved", type=COUNT_OR_ZERO, help="The function's reserved concurrency, if it has one.")
@click.option("--account-limit", type=COUNT, default="1000", show_default=True, help=LIMIT_HELP)
@output_options
def lambda_(
    rps: Fraction,
    duration: Fraction,
    reserved: int | None,
    account_limit: int,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Concurrent executions a Lambda function needs (requests per second × duration)."""
    with rule_errors("--rps"):
        worked = build(lambda: ConcurrencyInputs.build(rps, duration, account_limit))
    if reserved is not None:
        with rule_errors("--reserved"):
            ReservedInputs.build([reserved], account_limit)
        worked = lambda_with_reservation(worked, reserved)
    emit(worked, as_json, check_answer)


@click.command("lambda-reserved", cls=OneLineCommand)
@click.option(
    "--reserved",
    type=COUNT_OR_ZERO,
    multiple=True,
    help="Reserved concurrency another function already holds; repeat for each.",
)
@click.option("--account-limit", type=COUNT, default="1000", show_default=True, help=LIMIT_HELP)
@click.option(
    "--question",
    type=click.Choice([q.value for q in ReservedQuestion]),
    default=ReservedQuestion.MAX_RESERVABLE.value,
    show_default=True,
    help="The most a new function can reserve, or what is left for functions without a reservation.",
)
@output_options
def lambda_reserved(
    reserved: tuple[int, ...], account_limit: int, question: str, as_json: bool, check_answer: str | None
) -> None:
    """Reserved-concurrency headroom in an account."""
    with rule_errors("--reserved"):
        worked = build(lambda: ReservedInputs.build(reserved, account_limit, question))
    emit(worked, as_json, check_answer)


@click.command("lambda-scaling", cls=OneLineCommand)
@click.option("--target", type=COUNT, required=True, help="Concurrent executions the load needs.")
@click.option("--current", type=COUNT_OR_ZERO, default="0", show_default=True, help="Environments warm now.")
@output_options
def lambda_scaling(target: int, current: int, as_json: bool, check_answer: str | None) -> None:
    """Seconds for one function to scale up (1,000 environments every 10 s)."""
    with rule_errors("--target"):
        worked = build(lambda: ScalingInputs.build(target, current))
    emit(worked, as_json, check_answer)


@click.command("streams", cls=OneLineCommand)
@click.option("--shards", type=COUNT, required=True, help="Shards in the Kinesis or DynamoDB stream.")
@click.option(
    "--parallelization", type=COUNT, default="1", show_default=True, help="ParallelizationFactor, 1 to 10."
)
@output_options
def streams(shards: int, parallelization: int, as_json: bool, check_answer: str | None) -> None:
    """Concurrent Lambda invocations reading a stream (shards × parallelization factor)."""
    with rule_errors("--parallelization"):
        worked = build(lambda: StreamInputs.build(shards, parallelization))
    emit(worked, as_json, check_answer)


@click.command("sqs-scaling", cls=OneLineCommand)
@click.option("--target", type=COUNT, required=True, help="Concurrent batches to reach.")
@click.option("--max-concurrency", type=COUNT, help="The mapping's MaximumConcurrency (2 to 1,000).")
@output_options
def sqs_scaling(target: int, max_concurrency: int | None, as_json: bool, check_answer: str | None) -> None:
    """Minutes for an SQS event source mapping (standard queue) to scale up."""
    with rule_errors("--target", {"MaximumConcurrency": "--max-concurrency"}):
        worked = build(lambda: SqsScalingInputs.build(target, max_concurrency))
    emit(worked, as_json, check_answer)


COMMANDS = (lambda_, lambda_reserved, lambda_scaling, streams, sqs_scaling)
