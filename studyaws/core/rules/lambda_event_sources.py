"""Lambda event source mappings: concurrency from Kinesis/DynamoDB stream shards, and SQS poller scale-up."""

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
    plural,
)
from studyaws.core.rules.units import whole

STREAM_URL = "https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html"
SQS_SCALING_URL = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html"

MAX_PARALLELIZATION = 10
SQS_START = 5
"""A standard-queue mapping starts with five concurrent batches (five invocations)."""
SQS_STEP_PER_MINUTE = 300
"""Then adds up to 300 more concurrent invocations per minute (older material: 60 per minute)."""
SQS_MAX_BATCHES = 1000
"""An SQS event source mapping processes at most 1,000 batches at once; MaximumConcurrency is 2–1,000."""


@dataclass(frozen=True, slots=True)
class StreamInputs:
    """Kinesis or DynamoDB stream with `shards`, read by one mapping with a parallelization factor."""

    shards: int
    parallelization: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.parallelization <= MAX_PARALLELIZATION:
            raise RuleInputError(f"the parallelization factor must be 1 to 10, not {self.parallelization}")

    @classmethod
    def build(cls, shards: str | Number, parallelization: str | Number = 1) -> StreamInputs:
        """Parse loose inputs: shard count and ParallelizationFactor (1–10)."""
        return cls(whole(shards, "shards"), whole(parallelization, "parallelization factor"))

    def calculate(self) -> Calculation:
        answer = self.shards * self.parallelization
        steps = (
            "Lambda processes each shard with up to ParallelizationFactor concurrent batches (1–10, "
            "default 1), keeping order per partition key.",
            f"Maximum concurrent invocations = {plural(self.shards, 'shard')} × {self.parallelization} = "
            f"{answer:,}.",
        )
        return Calculation(
            "lambda-stream", answer, "concurrent invocations", Fraction(answer), steps, STREAM_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        return (
            Misconception(
                "ignored-parallelization",
                "You allowed one invocation per shard; the parallelization factor multiplies it (up to 10).",
                self.shards,
            ),
            Misconception(
                "added-parallelization",
                "You added the parallelization factor to the shard count; it multiplies it.",
                self.shards + self.parallelization,
            ),
        )


@dataclass(frozen=True, slots=True)
class SqsScalingInputs:
    """Minutes for an SQS event source mapping (standard queue) to reach `target` concurrent batches."""

    target: int
    maximum_concurrency: int | None = None

    def __post_init__(self) -> None:
        cap = min(SQS_MAX_BATCHES, self.maximum_concurrency or SQS_MAX_BATCHES)
        if self.maximum_concurrency is not None and not 2 <= self.maximum_concurrency <= SQS_MAX_BATCHES:
            raise RuleInputError(f"MaximumConcurrency must be 2 to 1,000, not {self.maximum_concurrency}")
        if self.target > cap:
            raise RuleInputError(
                f"the mapping stops at {cap:,} concurrent batches, below the target {self.target:,}"
            )

    @classmethod
    def build(cls, target: str | Number, maximum_concurrency: str | Number | None = None) -> SqsScalingInputs:
        """Parse loose inputs: target concurrent batches and optional MaximumConcurrency."""
        cap = None if maximum_concurrency is None else whole(maximum_concurrency, "maximum concurrency", 2)
        return cls(whole(target, "target concurrency"), cap)

    def _minutes(self, start: int, step: int) -> int:
        return max(0, ceil_up(Fraction(self.target - start, step)))

    def calculate(self) -> Calculation:
        answer = self._minutes(SQS_START, SQS_STEP_PER_MINUTE)
        steps = (
            f"A standard-queue mapping starts with {SQS_START} concurrent batches and adds up to "
            f"{SQS_STEP_PER_MINUTE} per minute while messages remain (older material says 60 per minute), "
            f"up to {SQS_MAX_BATCHES:,} (or MaximumConcurrency, 2–1,000).",
            f"To reach {self.target:,}: ({self.target:,} − {SQS_START}) ÷ {SQS_STEP_PER_MINUTE} = "
            f"{fmt_num(Fraction(self.target - SQS_START, SQS_STEP_PER_MINUTE))} → "
            f"{plural(answer, 'minute')}.",
        )
        return Calculation("lambda-sqs-scaling", answer, "minutes", Fraction(answer), steps, SQS_SCALING_URL)

    def misconceptions(self) -> tuple[Misconception, ...]:
        return (
            Misconception(
                "old-sqs-60-per-minute",
                "You used the old rate of 60 more per minute; Lambda now adds up to 300 per minute.",
                self._minutes(SQS_START, 60),
            ),
            Misconception(
                "sqs-started-from-zero",
                f"You started from zero; the mapping begins with {SQS_START} concurrent batches.",
                self._minutes(0, SQS_STEP_PER_MINUTE),
            ),
        )


def stream_concurrency(shards: str | Number, parallelization: str | Number = 1) -> Calculation:
    """Concurrent invocations. Follows https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html"""
    return StreamInputs.build(shards, parallelization).calculate()


def sqs_scaling_minutes(target: str | Number, maximum_concurrency: str | Number | None = None) -> Calculation:
    """Minutes to scale. Follows https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html"""
    return SqsScalingInputs.build(target, maximum_concurrency).calculate()
