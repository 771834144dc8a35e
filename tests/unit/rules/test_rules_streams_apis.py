"""Kinesis shards, API Gateway throttling, S3 prefixes, SQS batches and KMS Encrypt against AWS docs."""

import pytest

from studyaws.core.rules import (
    RuleInputError,
    apigateway_bucket,
    apigateway_limit,
    kinesis_shards,
    kms_encrypt_overage,
    s3_prefixes,
    sqs_batches,
)

KINESIS = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"


@pytest.mark.parametrize(
    ("size", "rps", "classic", "efo", "shards"),
    [
        # KINESIS: 1 MB/s and 1,000 records/s in, 2 MB/s out per shard. The developer guide's sizing formula:
        # shards = ceiling(max(incoming_write_KiB/1024, outgoing_read_KiB/2048)), outgoing = in × consumers
        ("1KB", 1000, 2, 0, 1),
        ("1KB", 1024, 1, 0, 2),  # exactly 1 MiB/s, but 1,024 records/s > 1,000
        ("1KB", 1000, 3, 0, 2),  # reads 2.93 MB/s ÷ 2
        ("1.5KB", 2000, 3, 0, 5),
        ("100KB", 50, 1, 0, 5),  # 4.88 MB/s in
        # https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html: each EFO consumer
        # gets its own 2 MB/s per shard, so EFO consumers add no shards
        ("1KB", 1000, 0, 5, 1),
        ("1KB", 900, 1, 3, 1),
    ],
)
def test_kinesis_shards(size: str, rps: int, classic: int, efo: int, shards: int) -> None:
    calc = kinesis_shards(size, rps, classic, efo)
    assert calc.answer == shards
    assert calc.source == KINESIS


def test_kinesis_limits() -> None:
    with pytest.raises(RuleInputError, match="10 MiB"):
        kinesis_shards("11MB", 1)
    with pytest.raises(RuleInputError, match="20 enhanced"):
        kinesis_shards("1KB", 1, efo_consumers=21)
    assert kinesis_shards("2MB", 1).warnings


# https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
@pytest.mark.parametrize(
    ("client", "method", "account", "answer"),
    [
        (100, 3000, 10000, 100),
        (5000, 3000, 10000, 3000),
        (None, 20000, 10000, 10000),  # limits.html: 10,000 RPS per account per Region
        (500, None, 2500, 500),  # 2,500 RPS in some newer Regions
    ],
)
def test_apigateway_binding_limit(client: int | None, method: int | None, account: int, answer: int) -> None:
    assert apigateway_limit(client, method, account).answer == answer


def test_apigateway_needs_a_limit() -> None:
    with pytest.raises(RuleInputError):
        apigateway_limit()


@pytest.mark.parametrize(
    ("rate", "burst", "arrival", "seconds", "throttled"),
    [
        # limits.html: 10,000 RPS with a 5,000-request bucket; 20,000 requests in one second → 5,000 throttled
        (10000, 5000, 20000, 1, 5000),
        (200, 1000, 300, 6, 0),
        (100, 50, 400, 3, 850),
    ],
)
def test_token_bucket(rate: int, burst: int, arrival: int, seconds: int, throttled: int) -> None:
    assert apigateway_bucket(rate, burst, arrival, seconds).answer == throttled


@pytest.mark.parametrize(
    ("reads", "writes", "prefixes"),
    [
        # https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html:
        # 10 prefixes for parallel reads scale to 55,000 GET requests per second
        (55000, 0, 10),
        (55001, 0, 11),
        (0, 3500, 1),
        (0, 3501, 2),
        (6000, 10000, 3),
    ],
)
def test_s3_prefixes(reads: int, writes: int, prefixes: int) -> None:
    assert s3_prefixes(reads, writes).answer == prefixes


@pytest.mark.parametrize(
    ("size", "messages", "calls"),
    [
        # https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html:
        # at most 10 messages per batch; 1 MiB per message and per batch since the 2026 increase
        ("1KB", 100, 10),
        ("100KB", 10, 1),
        ("300KB", 10, 4),  # 3 fit in 1 MiB
        ("1MB", 5, 5),
        ("64KB", 500, 50),
    ],
)
def test_sqs_batches(size: str, messages: int, calls: int) -> None:
    calc = sqs_batches(size, messages)
    assert calc.answer == calls
    assert any("256 KB" in step for step in calc.steps)


def test_sqs_message_over_1mib_needs_extended_client() -> None:
    with pytest.raises(RuleInputError, match="Extended Client"):
        sqs_batches(1_048_577, 1)


@pytest.mark.parametrize(("size", "over"), [(4096, 0), (4097, 1), ("6KB", 2048), ("1KB", 0)])
def test_kms_encrypt(size: int | str, over: int) -> None:
    # https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html: up to 4,096 bytes of plaintext
    calc = kms_encrypt_overage(size)
    assert calc.answer == over
    assert ("GenerateDataKey" in " ".join(calc.steps)) == (over > 0)
