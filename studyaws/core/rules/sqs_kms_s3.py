"""Small exact rules: S3 request rate per prefix, SQS batch and message size, KMS Encrypt's 4 KB limit."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from studyaws.core.rules.calculation import (
    Calculation,
    Misconception,
    Number,
    RuleInputError,
    ceil_up,
    fmt_num,
    normalize,
    plural,
)
from studyaws.core.rules.units import KB, MB, fmt_size, parse_number, parse_size, whole

S3_URL = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html"
SQS_QUOTAS_URL = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html"
)
SQS_1MB_URL = "https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb"
KMS_URL = "https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html"

S3_WRITES_PER_PREFIX = 3500
"""PUT/COPY/POST/DELETE requests per second per partitioned prefix (at least)."""
S3_READS_PER_PREFIX = 5500
"""GET/HEAD requests per second per partitioned prefix (at least)."""
SQS_MAX_MESSAGE = 1 * MB
"""1 MiB (1,048,576 bytes) per message since 2026; older material says 256 KB."""
SQS_OLD_MAX_MESSAGE = 256 * KB
SQS_BATCH_MESSAGES = 10
SQS_BATCH_BYTES = 1 * MB
"""A SendMessageBatch call carries at most 10 messages and 1 MiB in total."""
KMS_ENCRYPT_MAX = 4096
"""Encrypt takes at most 4,096 bytes of plaintext; larger data needs envelope encryption."""


@dataclass(frozen=True, slots=True)
class PrefixInputs:
    """Peak GET/HEAD and PUT/COPY/POST/DELETE requests per second against one bucket."""

    reads: Fraction
    writes: Fraction

    def __post_init__(self) -> None:
        if self.reads < 0 or self.writes < 0 or self.reads + self.writes == 0:
            raise RuleInputError("give a positive read or write request rate")

    @classmethod
    def build(cls, reads: str | Number = 0, writes: str | Number = 0) -> PrefixInputs:
        """Parse loose inputs: GET/HEAD per second, PUT/COPY/POST/DELETE per second."""
        return cls(parse_number(reads), parse_number(writes))

    def _prefixes(self, read_limit: int, write_limit: int) -> int:
        return max(1, ceil_up(self.reads / read_limit), ceil_up(self.writes / write_limit))

    def calculate(self) -> Calculation:
        by_reads = ceil_up(self.reads / S3_READS_PER_PREFIX)
        by_writes = ceil_up(self.writes / S3_WRITES_PER_PREFIX)
        answer = max(1, by_reads, by_writes)
        steps = (
            "Each partitioned prefix supports at least 5,500 GET/HEAD and 3,500 "
            "PUT/COPY/POST/DELETE requests "
            "per second, and prefixes scale independently.",
            f"Reads: {fmt_num(self.reads)} ÷ 5,500 → {plural(by_reads, 'prefix', 'prefixes')}.",
            f"Writes: {fmt_num(self.writes)} ÷ 3,500 → {plural(by_writes, 'prefix', 'prefixes')}.",
            f"Spread keys over the larger of the two: {plural(answer, 'prefix', 'prefixes')}.",
        )
        return Calculation("s3-prefixes", answer, "prefixes", Fraction(answer), steps, S3_URL)

    def misconceptions(self) -> tuple[Misconception, ...]:
        total = self.reads + self.writes
        return (
            Misconception(
                "swapped-s3-limits",
                "You swapped the limits: GET/HEAD get 5,500 per second per prefix, writes 3,500.",
                self._prefixes(S3_WRITES_PER_PREFIX, S3_READS_PER_PREFIX),
            ),
            Misconception(
                "one-s3-limit-for-all",
                "You put reads and writes under the 3,500 write limit; reads have their own 5,500 limit.",
                max(1, ceil_up(total / S3_WRITES_PER_PREFIX)),
            ),
            Misconception(
                "summed-s3-requests",
                "You added reads and writes under one 5,500 limit; each kind has its own limit per prefix.",
                max(1, ceil_up(total / S3_READS_PER_PREFIX)),
            ),
        )


@dataclass(frozen=True, slots=True)
class SqsBatchInputs:
    """Send `messages` messages of `message_size` bytes with as few SendMessageBatch calls as possible."""

    message_size: Fraction
    messages: int

    def __post_init__(self) -> None:
        if self.message_size > SQS_MAX_MESSAGE:
            raise RuleInputError(
                f"a {fmt_size(self.message_size)} message is over SQS's 1 MiB maximum; store the "
                "payload in S3 "
                "with the Extended Client Library (up to 2 GB)"
            )

    @classmethod
    def build(cls, message_size: str | Number, messages: str | Number) -> SqsBatchInputs:
        """Parse loose inputs: message size ('100KB') and message count."""
        return cls(parse_size(message_size), whole(messages, "messages"))

    def _calls(
        self, batch_bytes: int = SQS_BATCH_BYTES, batch_messages: int | None = SQS_BATCH_MESSAGES
    ) -> int:
        fit = int(batch_bytes // self.message_size)
        per_call = fit if batch_messages is None else min(batch_messages, fit)
        return ceil_up(Fraction(self.messages, per_call))

    def calculate(self) -> Calculation:
        fit = int(SQS_BATCH_BYTES // self.message_size)
        per_call = min(SQS_BATCH_MESSAGES, fit)
        answer = ceil_up(Fraction(self.messages, per_call))
        steps = (
            "A SendMessageBatch call takes at most 10 messages and 1 MiB (1,048,576 bytes) in "
            "total; a single "
            "message may be up to 1 MiB (raised from 256 KB in 2026).",
            f"By size, {fmt_size(self.message_size)} messages fit {fit:,} to 1 MiB; by count, 10. So "
            f"{plural(per_call, 'message')} per call.",
            f"{self.messages:,} ÷ {per_call} → {plural(answer, 'call')}.",
        )
        return Calculation(
            "sqs-batches", answer, "SendMessageBatch calls", Fraction(answer), steps, SQS_QUOTAS_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        found = [
            Misconception(
                "ignored-batch-bytes",
                "You packed 10 messages into every call; a batch is also capped at 1 MiB in total.",
                ceil_up(Fraction(self.messages, SQS_BATCH_MESSAGES)),
            ),
            Misconception(
                "ignored-batch-count",
                "You filled each call up to 1 MiB; a batch also holds at most 10 messages.",
                self._calls(batch_messages=None),
            ),
        ]
        if self.message_size <= SQS_OLD_MAX_MESSAGE:
            found.append(
                Misconception(
                    "old-256kb-limit",
                    "You used the old 256 KB batch limit; batches and messages now go up to 1 MiB.",
                    self._calls(batch_bytes=SQS_OLD_MAX_MESSAGE),
                )
            )
        return tuple(found)


@dataclass(frozen=True, slots=True)
class KmsInputs:
    """Plaintext a client wants to encrypt with one KMS Encrypt call."""

    plaintext: Fraction

    @classmethod
    def build(cls, plaintext: str | Number) -> KmsInputs:
        """Parse loose inputs: plaintext size ('6KB')."""
        return cls(parse_size(plaintext))

    def calculate(self) -> Calculation:
        over = max(Fraction(0), self.plaintext - KMS_ENCRYPT_MAX)
        if over:
            verdict = (
                f"{fmt_size(self.plaintext)} is {fmt_num(over)} bytes over the limit: call GenerateDataKey, "
                "encrypt locally with the plaintext data key, and store the encrypted data key with the data "
                "(envelope encryption)."
            )
        else:
            verdict = f"{fmt_size(self.plaintext)} fits: Encrypt can take it directly."
        steps = (f"KMS Encrypt accepts at most {KMS_ENCRYPT_MAX:,} bytes (4 KB) of plaintext.", verdict)
        return Calculation("kms-encrypt", normalize(over), "bytes over the limit", over, steps, KMS_URL)

    def misconceptions(self) -> tuple[Misconception, ...]:
        over = max(Fraction(0), self.plaintext - 4000)
        return (
            Misconception(
                "kms-decimal-kb",
                "You took 4 KB as 4,000 bytes; KMS's limit is 4,096 bytes.",
                normalize(over),
            ),
        )


def s3_prefixes(reads: str | Number = 0, writes: str | Number = 0) -> Calculation:
    """Prefixes needed. Follows https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html"""
    return PrefixInputs.build(reads, writes).calculate()


def sqs_batches(message_size: str | Number, messages: str | Number) -> Calculation:
    """SendMessageBatch calls.

    Follows https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
    and the 2026 1 MiB increase: https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb
    """
    return SqsBatchInputs.build(message_size, messages).calculate()


def kms_encrypt_overage(plaintext: str | Number) -> Calculation:
    """Bytes over Encrypt's limit. Follows https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html"""
    return KmsInputs.build(plaintext).calculate()
