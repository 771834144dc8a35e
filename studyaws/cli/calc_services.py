"""`studyaws calc xray | kinesis | apigateway | apigateway-bucket | s3 | sqs | kms`: the other calculators."""

from __future__ import annotations

from fractions import Fraction

import click

from studyaws.cli.calc_output import emit, output_options
from studyaws.cli.params import (
    COUNT,
    COUNT_OR_ZERO,
    NON_NEGATIVE,
    POSITIVE,
    RATE,
    SIZE,
    OneLineCommand,
    rule_errors,
)
from studyaws.core.rules import (
    BucketInputs,
    KmsInputs,
    PrefixInputs,
    SamplingInputs,
    ShardInputs,
    SqsBatchInputs,
    ThrottleInputs,
)
from studyaws.service.calc import build


@click.command("xray", cls=OneLineCommand)
@click.option("--rps", type=NON_NEGATIVE, required=True, help="Requests per second across the fleet.")
@click.option("--reservoir", type=COUNT_OR_ZERO, default="1", show_default=True, help="Traced first, per s.")
@click.option("--rate", type=RATE, default="5%", show_default=True, help="Fixed rate beyond the reservoir.")
@click.option("--instances", type=COUNT, default="1", show_default=True, help="Instances sharing the load.")
@click.option(
    "--local-rules",
    is_flag=True,
    help="Rules from a local file: each instance has its own reservoir (default: rules in X-Ray, one "
    "reservoir shared by the fleet).",
)
@output_options
def xray(
    rps: Fraction,
    reservoir: int,
    rate: Fraction,
    instances: int,
    local_rules: bool,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Requests per second X-Ray traces with a sampling rule."""
    source = "local" if local_rules else "central"
    with rule_errors("--rps", {"reservoir": "--reservoir"}):
        worked = build(lambda: SamplingInputs.build(rps, reservoir, rate, instances, source))
    emit(worked, as_json, check_answer)


@click.command("kinesis", cls=OneLineCommand)
@click.option("--records-per-second", type=POSITIVE, required=True, help="Records written per second.")
@click.option(
    "--record-size", type=SIZE, required=True, help="Size of one record, e.g. 1.5KB (1 KB = 1,024 B)."
)
@click.option(
    "--consumers", type=COUNT_OR_ZERO, default="1", show_default=True, help="Consumers reading every record."
)
@click.option("--efo", is_flag=True, help="The consumers use enhanced fan-out (2 MB/s each per shard).")
@output_options
def kinesis(
    records_per_second: Fraction,
    record_size: Fraction,
    consumers: int,
    efo: bool,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Shards a provisioned Kinesis data stream needs for its writes and reads."""
    classic, fan_out = (0, consumers) if efo else (consumers, 0)
    with rule_errors("--records-per-second", {"record of": "--record-size", "fan-out": "--consumers"}):
        worked = build(lambda: ShardInputs.build(record_size, records_per_second, classic, fan_out))
    emit(worked, as_json, check_answer)


@click.command("apigateway", cls=OneLineCommand)
@click.option("--client-rate", type=POSITIVE, help="Usage-plan (API key) rate limit, requests per second.")
@click.option("--method-rate", type=POSITIVE, help="Stage per-method rate limit, requests per second.")
@click.option(
    "--account-rate", type=POSITIVE, default="10000", show_default=True, help="Account limit in the Region."
)
@output_options
def apigateway(
    client_rate: Fraction | None,
    method_rate: Fraction | None,
    account_rate: Fraction,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """The API Gateway rate limit that binds a client (the tightest of the layers)."""
    with rule_errors("--client-rate"):
        worked = build(lambda: ThrottleInputs.build(client_rate, method_rate, account_rate))
    emit(worked, as_json, check_answer)


@click.command("apigateway-bucket", cls=OneLineCommand)
@click.option("--rate", type=POSITIVE, required=True, help="Steady-state rate: tokens added per second.")
@click.option("--burst", type=NON_NEGATIVE, required=True, help="Burst: the bucket size, full at the start.")
@click.option("--arrival", type=POSITIVE, required=True, help="Requests arriving per second.")
@click.option("--seconds", type=POSITIVE, required=True, help="How long they keep arriving.")
@output_options
def apigateway_bucket(
    rate: Fraction,
    burst: Fraction,
    arrival: Fraction,
    seconds: Fraction,
    as_json: bool,
    check_answer: str | None,
) -> None:
    """Requests API Gateway's token bucket throttles (429) in a spike."""
    with rule_errors("--rate"):
        worked = build(lambda: BucketInputs.build(rate, burst, arrival, seconds))
    emit(worked, as_json, check_answer)


@click.command("s3", cls=OneLineCommand)
@click.option("--reads", type=NON_NEGATIVE, default="0", help="GET/HEAD requests per second.")
@click.option("--writes", type=NON_NEGATIVE, default="0", help="PUT/COPY/POST/DELETE requests per second.")
@output_options
def s3(reads: Fraction, writes: Fraction, as_json: bool, check_answer: str | None) -> None:
    """S3 prefixes needed for a request rate (5,500 reads and 3,500 writes per second per prefix)."""
    with rule_errors("--reads"):
        worked = build(lambda: PrefixInputs.build(reads, writes))
    emit(worked, as_json, check_answer)


@click.command("sqs", cls=OneLineCommand)
@click.option("--message-size", type=SIZE, required=True, help="Size of one message, e.g. 100KB.")
@click.option("--messages", type=COUNT, required=True, help="Messages to send.")
@output_options
def sqs(message_size: Fraction, messages: int, as_json: bool, check_answer: str | None) -> None:
    """SendMessageBatch calls needed (10 messages and 1 MiB per call)."""
    with rule_errors("--message-size"):
        worked = build(lambda: SqsBatchInputs.build(message_size, messages))
    emit(worked, as_json, check_answer)


@click.command("kms", cls=OneLineCommand)
@click.option("--plaintext", type=SIZE, required=True, help="Plaintext size, e.g. 6KB.")
@output_options
def kms(plaintext: Fraction, as_json: bool, check_answer: str | None) -> None:
    """Bytes a plaintext is over KMS Encrypt's 4 KB limit (0 when it fits)."""
    with rule_errors("--plaintext"):
        worked = build(lambda: KmsInputs.build(plaintext))
    emit(worked, as_json, check_answer)


COMMANDS = (xray, kinesis, apigateway, apigateway_bucket, s3, sqs, kms)
