"""Calculator drills for the exam's exact arithmetic: pure rules, exact numbers, worked steps, grading.

Standard library only; no I/O, no clock, no global random (pass a ``random.Random``). Numbers are ints or
``fractions.Fraction``, never floats; sizes are bytes and 1 KB = 1,024 bytes, as DynamoDB counts.

Every calculator returns a :class:`Calculation`::

    Calculation(calculator, answer, unit, exact, steps, source, warnings)

``answer`` is what the exam expects (usually whole units to provision, rounded up once at the end),
``exact`` the unrounded consumption, ``steps`` sentences showing each step with its numbers, ``source`` the
AWS documentation URL the rule follows, ``warnings`` limits the workload hits (e.g. a hot partition).

Calculators (one-call functions; each also has an ``...Inputs`` dataclass with ``build(...)`` that parses
loose input such as ``"3.5KB"`` or ``"250ms"``, and ``calculate()`` / ``misconceptions()``)::

    read_capacity(sizes, rate=1, consistency=None, op="get", mode="provisioned", single_partition=False)
        # ReadInputs; op: get | batch-get | transact-get | query | scan; consistency: strong | eventual |
        # transactional (default: transactional for transact-get, else strong); mode: provisioned | on-demand
    write_capacity(sizes, rate=1, op="put", sizes_before=None, mode="provisioned", single_partition=False)
        # WriteInputs; op: put | update | delete | batch-write | transact-write
    gsi_write_capacity(item_size, indexes, rate=1, item_size_before=None)
        # GsiWriteInputs; indexes: [(change, entry_size)], change: added | key-changed | removed |
        # projected-changed | unaffected
    burst_seconds(provisioned, demand, idle_seconds=300)                    # BurstInputs
    xray_sampled(requests, reservoir=1, rate="5%", instances=1, source="central")   # SamplingInputs
    concurrency_needed(rps, duration, account_limit=1000)                   # ConcurrencyInputs
    lambda_reserved(reserved, account_limit=1000, question="max-reservable")  # ReservedInputs
    lambda_scaling_time(target, current=0)                                  # ScalingInputs
    stream_concurrency(shards, parallelization=1)                           # StreamInputs
    sqs_scaling_minutes(target, maximum_concurrency=None)                   # SqsScalingInputs
    kinesis_shards(record_size, records_per_s, classic_consumers=1, efo_consumers=0)  # ShardInputs
    apigateway_limit(client_rate=None, method_rate=None, account_rate=10000)  # ThrottleInputs
    apigateway_bucket(rate, burst, arrival, seconds)                        # BucketInputs
    s3_prefixes(reads=0, writes=0)                                          # PrefixInputs
    sqs_batches(message_size, messages)                                     # SqsBatchInputs
    kms_encrypt_overage(plaintext)                                          # KmsInputs

Parsing helpers: ``parse_size("3.5KB") -> Fraction`` bytes (B, KB = KiB = 1,024 B, MB = MiB), ``parse_duration
("250ms") -> Fraction`` seconds, ``parse_rate("5%")``, ``parse_number("1,000")``. Bad input raises
:class:`RuleInputError` (a ``ValueError``) with a one-line message; items over 400 KB raise
:class:`ItemTooLargeError`.

Grading: ``check(inputs, user_answer) -> Verdict(correct, mistake, answer, steps, given, misconception,
unit)``. It recognises classic misconceptions by recomputing with the wrong rule (``inputs.misconceptions()``
lists them, each a ``Misconception(code, mistake, answer)``); any other wrong answer reads "Off by D (you said
X, the answer is Y)."

Problems: ``generate(kind, rng) -> Problem(kind, text, inputs, calculation)`` for ``kind`` in ``KINDS``;
``generate_choice(kind, rng, count=4) -> ChoiceProblem(problem, options, correct_index, rationales)`` whose
distractors are misconception answers. The same seed gives the same problem.

Typical CLI wiring::

    calc = read_capacity(["3.5KB"], rate=80, consistency="eventual")
    print(calc.answer, calc.unit); print("\\n".join(calc.steps))
    problem = generate("dynamodb-read", random.Random(seed))
    verdict = check(problem.inputs, input(problem.text))
"""

from __future__ import annotations

from studyaws.core.rules.apigateway import BucketInputs, ThrottleInputs, apigateway_bucket, apigateway_limit
from studyaws.core.rules.calculation import Calculation, Drill, Misconception, Number, RuleInputError
from studyaws.core.rules.dynamodb_gsi import GsiChange, GsiWriteInputs, gsi_write_capacity
from studyaws.core.rules.dynamodb_limits import BurstInputs, ItemTooLargeError
from studyaws.core.rules.dynamodb_reads import Consistency, Mode, ReadInputs, ReadOp, read_capacity
from studyaws.core.rules.dynamodb_writes import WriteInputs, WriteOp, write_capacity
from studyaws.core.rules.grading import Verdict, check
from studyaws.core.rules.kinesis import ShardInputs, kinesis_shards
from studyaws.core.rules.lambda_concurrency import (
    ConcurrencyInputs,
    ReservedInputs,
    ReservedQuestion,
    ScalingInputs,
    concurrency_needed,
    lambda_reserved,
    lambda_scaling_time,
)
from studyaws.core.rules.lambda_event_sources import (
    SqsScalingInputs,
    StreamInputs,
    sqs_scaling_minutes,
    stream_concurrency,
)
from studyaws.core.rules.problems import KINDS, ChoiceProblem, Problem, choices, generate, generate_choice
from studyaws.core.rules.sqs_kms_s3 import (
    KmsInputs,
    PrefixInputs,
    SqsBatchInputs,
    kms_encrypt_overage,
    s3_prefixes,
    sqs_batches,
)
from studyaws.core.rules.units import parse_duration, parse_number, parse_rate, parse_size
from studyaws.core.rules.xray import RuleSource, SamplingInputs, xray_sampled


def burst_seconds(
    provisioned: str | Number, demand: str | Number, idle_seconds: str | Number = 300
) -> Calculation:
    """Seconds burst capacity lasts.

    Follows https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html
    and the worked example at https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals
    """
    return BurstInputs.build(provisioned, demand, idle_seconds).calculate()


__all__ = [
    "KINDS",
    "BucketInputs",
    "BurstInputs",
    "Calculation",
    "ChoiceProblem",
    "ConcurrencyInputs",
    "Consistency",
    "Drill",
    "GsiChange",
    "GsiWriteInputs",
    "ItemTooLargeError",
    "KmsInputs",
    "Misconception",
    "Mode",
    "Number",
    "PrefixInputs",
    "Problem",
    "ReadInputs",
    "ReadOp",
    "ReservedInputs",
    "ReservedQuestion",
    "RuleInputError",
    "RuleSource",
    "SamplingInputs",
    "ScalingInputs",
    "ShardInputs",
    "SqsBatchInputs",
    "SqsScalingInputs",
    "StreamInputs",
    "ThrottleInputs",
    "Verdict",
    "WriteInputs",
    "WriteOp",
    "apigateway_bucket",
    "apigateway_limit",
    "burst_seconds",
    "check",
    "choices",
    "concurrency_needed",
    "generate",
    "generate_choice",
    "gsi_write_capacity",
    "kinesis_shards",
    "kms_encrypt_overage",
    "lambda_reserved",
    "lambda_scaling_time",
    "parse_duration",
    "parse_number",
    "parse_rate",
    "parse_size",
    "read_capacity",
    "s3_prefixes",
    "sqs_batches",
    "sqs_scaling_minutes",
    "stream_concurrency",
    "write_capacity",
    "xray_sampled",
]
