"""X-Ray sampling and Lambda concurrency calculators against the AWS documentation."""

from fractions import Fraction

import pytest

from studyaws.core.rules import (
    RuleInputError,
    concurrency_needed,
    lambda_reserved,
    lambda_scaling_time,
    sqs_scaling_minutes,
    stream_concurrency,
    xray_sampled,
)

XRAY = "https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html"


@pytest.mark.parametrize(
    ("requests", "reservoir", "rate", "instances", "source", "traced"),
    [
        # XRAY: default rule records the first request each second and 5% of any additional requests
        (101, 1, "5%", 1, "central", 6),
        (1, 1, "5%", 1, "central", 1),
        # XRAY example "Default rule with no reservoir and a low rate": reservoir 0, rate 0.5%
        (1000, 0, "0.5%", 1, "central", 5),
        # XRAY example "Debugging rule": reservoir 1, rate 1 (100%) traces everything
        (37, 1, 1, 1, "central", 37),
        # XRAY example "Higher minimum rate for POSTs": reservoir 10, rate 10%
        (110, 10, "10%", 1, "central", 20),
        # Worked figures from the seed notes (reservoir 150, rate 20%, 200 requests/s): 150 + 20% × 50
        (200, 150, "20%", 1, "central", 160),
        # Traffic below the reservoir is traced in full
        (30, 50, "10%", 1, "central", 30),
        # XRAY: rules in X-Ray share one reservoir across instances (X-Ray gives each a quota)
        (400, 1, "5%", 4, "central", Fraction(419, 20)),
        # XRAY: with local rules each instance samples on its own; the reservoirs add up
        (400, 1, "5%", 4, "local", Fraction(119, 5)),
        (400, 10, "10%", 4, "central", 49),
        (400, 10, "10%", 4, "local", 76),
        (100, 50, "10%", 4, "local", 100),
    ],
)
def test_xray_sampling(
    requests: int, reservoir: int, rate: str | int, instances: int, source: str, traced: int | Fraction
) -> None:
    calc = xray_sampled(requests, reservoir, rate, instances, source)
    assert calc.answer == traced
    assert calc.source == XRAY


def test_xray_errors() -> None:
    with pytest.raises(RuleInputError, match="rule source"):
        xray_sampled(100, source="daemon")
    with pytest.raises(RuleInputError, match="instances"):
        xray_sampled(100, instances=0)
    with pytest.raises(RuleInputError, match="between 0 and 1"):
        xray_sampled(100, rate="120%")


LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html"


@pytest.mark.parametrize(
    ("rps", "duration", "answer"),
    [
        # LAMBDA: 100 requests/s × 0.5 s = 50
        (100, "500ms", 50),
        # awsdocs/aws-lambda-developer-guide scaling.md: S3 publishes 10 events/s, 3 s each → 30
        (10, "3s", 30),
        (50, "800ms", 40),
        (3, "250ms", 1),  # 0.75 rounds up to one environment
    ],
)
def test_lambda_concurrency(rps: int, duration: str, answer: int) -> None:
    calc = concurrency_needed(rps, duration)
    assert calc.answer == answer
    assert calc.source == LAMBDA


def test_lambda_concurrency_warnings() -> None:
    over = concurrency_needed(2000, "1s")
    assert any("account concurrency limit" in w for w in over.warnings)
    short = concurrency_needed(1000, "20ms")  # 20 in flight, but 1,000 RPS needs 100 (RPS ≤ 10 × concurrency)
    assert short.answer == 20
    assert any("10 × concurrency" in w for w in short.warnings)


@pytest.mark.parametrize(
    ("reserved", "limit", "question", "answer"),
    [
        # https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html:
        # you can reserve up to the unreserved concurrency minus 100
        ([], 1000, "max-reservable", 900),
        ([200, 100], 1000, "max-reservable", 600),
        ([200, 100], 1000, "unreserved-pool", 700),
        ([400, 400], 1000, "max-reservable", 100),
        ([], 3000, "max-reservable", 2900),
    ],
)
def test_lambda_reserved(reserved: list[int], limit: int, question: str, answer: int) -> None:
    assert lambda_reserved(reserved, limit, question).answer == answer


def test_lambda_reserved_rejects_taking_the_last_100() -> None:
    with pytest.raises(RuleInputError, match="unreserved"):
        lambda_reserved([500, 401])


@pytest.mark.parametrize(
    ("target", "current", "seconds"),
    [
        # https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html: 1,000 environments every 10 s
        (1000, 0, 0),
        (2000, 0, 10),
        (5000, 0, 40),
        (5000, 1000, 30),
        (2500, 0, 15),  # refilled continuously, 100 per second
    ],
)
def test_lambda_scaling(target: int, current: int, seconds: int) -> None:
    calc = lambda_scaling_time(target, current)
    assert calc.answer == seconds
    assert any("older material" in step for step in calc.steps)


def test_stream_concurrency() -> None:
    # https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html: ParallelizationFactor
    # is 1 to 10
    assert stream_concurrency(100, 10).answer == 1000
    assert stream_concurrency(4).answer == 4
    with pytest.raises(RuleInputError, match="1 to 10"):
        stream_concurrency(4, 11)


def test_sqs_scaling() -> None:
    # https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html:
    # five concurrent batches at first, up to 300 more per minute, at most 1,000
    assert sqs_scaling_minutes(5).answer == 0
    assert sqs_scaling_minutes(305).answer == 1
    assert sqs_scaling_minutes(1000).answer == 4
    with pytest.raises(RuleInputError, match="stops at 200"):
        sqs_scaling_minutes(500, maximum_concurrency=200)
    with pytest.raises(RuleInputError, match="stops at 1,000"):
        sqs_scaling_minutes(1001)
