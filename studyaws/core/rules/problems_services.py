"""Exam-style drills for X-Ray, Lambda, Kinesis, API Gateway, S3, SQS and KMS with fresh numbers."""

from __future__ import annotations

import random
from fractions import Fraction

from studyaws.core.rules.apigateway import BucketInputs, ThrottleInputs
from studyaws.core.rules.calculation import Drill, fmt_num, fmt_pct
from studyaws.core.rules.kinesis import ShardInputs
from studyaws.core.rules.lambda_concurrency import (
    ConcurrencyInputs,
    ReservedInputs,
    ReservedQuestion,
    ScalingInputs,
)
from studyaws.core.rules.lambda_event_sources import SqsScalingInputs, StreamInputs
from studyaws.core.rules.sqs_kms_s3 import KmsInputs, PrefixInputs, SqsBatchInputs
from studyaws.core.rules.units import KB, fmt_seconds, fmt_size
from studyaws.core.rules.xray import RuleSource, SamplingInputs

RATES_PCT = (
    Fraction(1, 20),
    Fraction(1, 10),
    Fraction(1, 5),
    Fraction(1, 4),
    Fraction(1, 2),
    Fraction(1, 100),
)


def xray(rng: random.Random) -> tuple[str, Drill]:
    """Sampled requests per second for a fleet, with rules in X-Ray or in a local file."""
    source = rng.choice((RuleSource.CENTRAL, RuleSource.LOCAL))
    instances = rng.choice((1, 2, 3, 4, 5, 6, 8, 10))
    default = rng.randrange(100) < 40
    reservoir = 1 if default else rng.choice((2, 5, 10, 20, 50, 100, 150))
    rate = Fraction(1, 20) if default else rng.choice(RATES_PCT)
    step = rate.denominator
    shares = 1 if source is RuleSource.CENTRAL else instances
    per_share = reservoir + step * rng.randint(1, 30)
    if reservoir > 2 and rng.randrange(100) < 10:
        per_share = rng.randint(1, reservoir - 1)
    total = per_share * shares
    rule = (
        "the default sampling rule"
        if default
        else f"a sampling rule with a reservoir of {reservoir} per second and a fixed rate of {fmt_pct(rate)}"
    )
    where = (
        "The rule is defined in the X-Ray console and the SDK on each instance reads it from X-Ray."
        if source is RuleSource.CENTRAL
        else "Each instance's X-Ray SDK loads the rule from a local rules file shipped with the code."
    )
    fleet = (
        "one instance"
        if instances == 1
        else f"{instances} instances behind a load balancer that spreads traffic evenly"
    )
    text = (
        f"A web service runs on {fleet} and receives {total:,} requests per second in total. It is "
        "instrumented "
        f"with the X-Ray SDK using {rule}. {where} How many requests per second are traced across the fleet?"
    )
    return text, SamplingInputs(Fraction(total), reservoir, rate, instances, source)


def lambda_concurrency(rng: random.Random) -> tuple[str, Drill]:
    """Concurrency from request rate and duration."""
    rps = rng.choice((20, 40, 50, 80, 100, 150, 200, 250, 400, 500, 800, 1000, 1200, 2000))
    duration = rng.choice(
        (
            Fraction(1, 10),
            Fraction(1, 5),
            Fraction(1, 4),
            Fraction(1, 2),
            Fraction(3, 4),
            Fraction(3, 2),
            Fraction(2),
            Fraction(3),
            Fraction(5),
            Fraction(8, 10),
        )
    )
    text = (
        f"An API invokes a Lambda function {rps:,} times per second, and each invocation runs for "
        f"{fmt_seconds(duration)} on average. How many concurrent executions does the function need?"
    )
    return text, ConcurrencyInputs(Fraction(rps), duration)


def lambda_reserved(rng: random.Random) -> tuple[str, Drill]:
    """Reserved-concurrency headroom in an account."""
    limit = rng.choice((1000, 1000, 1000, 2000, 3000, 5000))
    count = rng.randint(1, 3)
    reserved = tuple(rng.choice((50, 100, 150, 200, 250, 300, 400)) for _ in range(count))
    while sum(reserved) > limit - 100:
        reserved = reserved[:-1]
    question = rng.choice((ReservedQuestion.MAX_RESERVABLE, ReservedQuestion.UNRESERVED_POOL))
    held = " and ".join(f"{r:,}" for r in reserved)
    ask = (
        "What is the most reserved concurrency you can assign to a new function?"
        if question is ReservedQuestion.MAX_RESERVABLE
        else "How much concurrency is left for all functions that have no reserved concurrency?"
    )
    text = (
        f"An account's Lambda concurrency limit in the Region is {limit:,}. Existing functions have reserved "
        f"concurrency of {held}. {ask}"
    )
    return text, ReservedInputs(reserved, limit, question)


def lambda_scaling(rng: random.Random) -> tuple[str, Drill]:
    """Seconds to scale one function from idle to a target concurrency."""
    current = rng.choice((0, 0, 0, 1000))
    target = current + 1000 * rng.randint(2, 12)
    start = "idle" if current == 0 else f"{current:,} warm execution environments"
    text = (
        f"A Lambda function in an account with ample concurrency goes from {start} to a sudden, "
        "sustained load "
        f"needing {target:,} concurrent executions. Under Lambda's current scaling rate, how many "
        "seconds until it "
        "can run all of them?"
    )
    return text, ScalingInputs(target, current)


def lambda_stream(rng: random.Random) -> tuple[str, Drill]:
    """Concurrent invocations from stream shards and the parallelization factor."""
    shards, factor = rng.randint(2, 40), rng.randint(1, 10)
    source = rng.choice(("Kinesis data stream", "DynamoDB stream"))
    text = (
        f"A Lambda function consumes a {source} with {shards} shards through an event source mapping whose "
        f"ParallelizationFactor is {factor}. What is the maximum number of concurrent invocations?"
    )
    return text, StreamInputs(shards, factor)


def lambda_sqs(rng: random.Random) -> tuple[str, Drill]:
    """Minutes for an SQS event source mapping to scale up."""
    target = rng.choice((65, 125, 305, 500, 605, 905, 1000))
    text = (
        "A standard SQS queue suddenly holds millions of messages. Its Lambda event source mapping has no "
        f"maximum concurrency set. How many minutes until it can process {target:,} batches concurrently?"
    )
    return text, SqsScalingInputs(target)


def kinesis(rng: random.Random) -> tuple[str, Drill]:
    """Shards for a stream's writes and reads."""
    size = Fraction(rng.choice(("0.5", "1", "1.5", "2", "3", "4", "5", "10", "20", "50", "100"))) * KB
    rps = rng.choice((200, 500, 800, 1000, 1500, 2000, 2500, 3000, 4000, 5000))
    classic, efo = rng.randint(0, 4), rng.choice((0, 0, 1, 2, 3))
    if classic + efo == 0:
        classic = 1
    groups = []
    if classic:
        groups.append(f"{classic} consumer application{'s' if classic != 1 else ''} polling with GetRecords")
    if efo:
        groups.append(f"{efo} registered enhanced fan-out consumer{'s' if efo != 1 else ''}")
    readers = " and ".join(groups)
    text = (
        f"Producers write {rps:,} records per second of {fmt_size(size)} each to a provisioned "
        "Kinesis data stream. "
        f"It is read by {readers}, each reading every record. What is the minimum number of shards?"
    )
    return text, ShardInputs(size, Fraction(rps), classic, efo)


def apigateway_limit(rng: random.Random) -> tuple[str, Drill]:
    """Which throttle binds a client."""
    client = rng.choice((50, 100, 200, 500, 1000, 2000))
    method = rng.choice((100, 300, 500, 1000, 3000, 5000))
    text = (
        f"A REST API stage throttles one method at {method:,} requests per second. A partner's API "
        "key is in a "
        f"usage plan limiting it to {client:,} requests per second; the account keeps the default "
        "Regional limit. "
        "How many requests per second can the partner sustain on that method without 429 errors?"
    )
    return text, ThrottleInputs(Fraction(client), Fraction(method))


def apigateway_bucket(rng: random.Random) -> tuple[str, Drill]:
    """Token bucket: requests throttled in a spike."""
    rate = rng.choice((100, 200, 500, 1000))
    burst = rng.choice((50, 100, 200, 500, 1000, 2000))
    excess = rng.choice((100, 200, 300, 500, 1000))
    arrival = rate + excess
    seconds = burst // excess + rng.randint(1, 6)
    text = (
        f"A method is throttled at {rate:,} requests per second with a burst of {burst:,}, and its "
        "bucket is full. "
        f"Clients then send {arrival:,} requests per second for {seconds} seconds. Using the token "
        "bucket model, "
        "how many requests are throttled?"
    )
    return text, BucketInputs(Fraction(rate), Fraction(burst), Fraction(arrival), Fraction(seconds))


def s3_prefixes(rng: random.Random) -> tuple[str, Drill]:
    """Prefixes needed for a request rate."""
    reads = rng.choice((2000, 6000, 11000, 16000, 22000, 30000, 45000))
    writes = rng.choice((1000, 3000, 4000, 7500, 10000, 14000))
    text = (
        f"An application will send {reads:,} GET requests and {writes:,} PUT requests per second to one S3 "
        "bucket. Keys can be spread evenly across prefixes. What is the minimum number of prefixes?"
    )
    return text, PrefixInputs(Fraction(reads), Fraction(writes))


def sqs_batches(rng: random.Random) -> tuple[str, Drill]:
    """SendMessageBatch calls for a backlog."""
    size = Fraction(rng.choice((1, 8, 64, 100, 150, 200, 300, 400, 512))) * KB
    messages = rng.choice((30, 50, 100, 250, 500, 1000, 2000))
    text = (
        f"A producer must send {messages:,} messages of {fmt_size(size)} each to an SQS standard queue using "
        "SendMessageBatch. What is the minimum number of calls?"
    )
    return text, SqsBatchInputs(size, messages)


def kms(rng: random.Random) -> tuple[str, Drill]:
    """How far a plaintext is over KMS Encrypt's limit."""
    size = Fraction(rng.choice((1024, 2048, 3900, 4000, 4096, 4100, 5000, 6144, 10240)))
    text = (
        f"A developer wants to protect a {fmt_num(size)}-byte secret by calling KMS Encrypt "
        "directly. By how many "
        "bytes does it exceed Encrypt's plaintext limit (answer 0 if it fits)?"
    )
    return text, KmsInputs(size)
