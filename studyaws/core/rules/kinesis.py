"""Kinesis Data Streams shard count from write bandwidth, record rate and read fan-out (provisioned mode).

Per shard: writes up to 1 MB/s or 1,000 records/s; reads up to 2 MB/s shared by all classic (polling)
consumers; each enhanced fan-out consumer gets its own 2 MB/s per shard. The developer guide writes "MB";
the PutRecord API reference writes "1 MiB per second", and the sizing formula divides KiB by 1,024, so this
module counts 1 MB = 1,024 KB = 1,048,576 bytes.
"""

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
from studyaws.core.rules.units import KB, MB, fmt_size, parse_size, positive, whole

LIMITS_URL = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"
EFO_URL = "https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html"

WRITE_BYTES_PER_SHARD = 1 * MB
WRITE_RECORDS_PER_SHARD = 1000
READ_BYTES_PER_SHARD = 2 * MB
MAX_EFO_CONSUMERS = 20
"""Enhanced fan-out consumers per stream (50 with On-demand Advantage)."""
MAX_RECORD_BYTES = 10 * MB
"""Records default to at most 1 MiB; a stream can be configured for up to 10 MiB."""


@dataclass(frozen=True, slots=True)
class ShardInputs:
    """Producers write `records_per_s` records of `record_size` bytes; consumers each read everything."""

    record_size: Fraction
    records_per_s: Fraction
    classic_consumers: int = 1
    efo_consumers: int = 0

    def __post_init__(self) -> None:
        if self.record_size > MAX_RECORD_BYTES:
            raise RuleInputError(f"a record of {fmt_size(self.record_size)} is over Kinesis's 10 MiB maximum")
        if self.efo_consumers > MAX_EFO_CONSUMERS:
            raise RuleInputError(f"a stream takes at most {MAX_EFO_CONSUMERS} enhanced fan-out consumers")

    @classmethod
    def build(
        cls,
        record_size: str | Number,
        records_per_s: str | Number,
        classic_consumers: str | Number = 1,
        efo_consumers: str | Number = 0,
    ) -> ShardInputs:
        """Parse loose inputs: record size ('1.5KB'), records per second, consumer counts."""
        return cls(
            parse_size(record_size),
            positive(records_per_s, "records per second"),
            whole(classic_consumers, "classic consumers", 0),
            whole(efo_consumers, "enhanced fan-out consumers", 0),
        )

    @property
    def write_bytes(self) -> Fraction:
        return self.record_size * self.records_per_s

    def _shards(
        self,
        *,
        read_per_shard: int = READ_BYTES_PER_SHARD,
        mb: Fraction = Fraction(MB),
        readers: int | None = None,
        records: bool = True,
        reads: bool = True,
    ) -> int:
        write_mb = self.write_bytes / mb
        by_bytes = ceil_up(write_mb * MB / WRITE_BYTES_PER_SHARD)
        by_records = ceil_up(self.records_per_s / WRITE_RECORDS_PER_SHARD) if records else 0
        count = self.classic_consumers if readers is None else readers
        by_reads = ceil_up(write_mb * MB * count / read_per_shard) if reads else 0
        return max(1, by_bytes, by_records, by_reads)

    def calculate(self) -> Calculation:
        write_mb = self.write_bytes / MB
        by_bytes = ceil_up(write_mb)
        by_records = ceil_up(self.records_per_s / WRITE_RECORDS_PER_SHARD)
        read_mb = write_mb * self.classic_consumers
        by_reads = ceil_up(read_mb / 2)
        answer = max(1, by_bytes, by_records, by_reads)
        steps = [
            f"Write bandwidth: {fmt_num(self.records_per_s)} records/s × {fmt_size(self.record_size)} = "
            f"{fmt_num(self.write_bytes / KB)} KB/s = {fmt_num(write_mb)} MB/s (1 MB = 1,024 KB).",
            f"Writes by size: {fmt_num(write_mb)} MB/s ÷ 1 MB/s per shard → {plural(by_bytes, 'shard')}.",
            f"Writes by count: {fmt_num(self.records_per_s)} records/s ÷ 1,000 per shard → "
            f"{plural(by_records, 'shard')}.",
        ]
        if self.classic_consumers:
            steps.append(
                f"Classic consumers share 2 MB/s per shard: {self.classic_consumers} × {fmt_num(write_mb)} "
                f"MB/s = {fmt_num(read_mb)} MB/s ÷ 2 → {plural(by_reads, 'shard')}."
            )
        if self.efo_consumers:
            steps.append(
                f"The {plural(self.efo_consumers, 'enhanced fan-out consumer')} each get a "
                "dedicated 2 MB/s per "
                "shard, more than a shard can take in, so they add no shards."
            )
        steps.append(f"The stream needs the largest of these: {plural(answer, 'shard')}.")
        warnings: tuple[str, ...] = ()
        if self.record_size > MB:
            warnings = ("Records above 1 MiB need the stream's maximum record size raised (up to 10 MiB).",)
        return Calculation(
            "kinesis-shards", answer, "shards", Fraction(answer), tuple(steps), LIMITS_URL, warnings
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        found = [
            Misconception(
                "out-1mb-per-shard",
                "You used 1 MB/s out per shard; each shard serves 2 MB/s of reads (1 MB/s is the "
                "write limit).",
                self._shards(read_per_shard=MB),
            ),
            Misconception(
                "ignored-consumers",
                "You sized for writes only; classic consumers share a shard's 2 MB/s, so their combined "
                "reads need shards too.",
                self._shards(reads=False),
            ),
            Misconception(
                "ignored-record-limit",
                "You ignored the 1,000 records per second per shard write limit.",
                self._shards(records=False),
            ),
            Misconception(
                "decimal-megabytes",
                "You counted 1,000 KB per MB; Kinesis limits are binary (1 MB = 1,024 KB).",
                self._shards(mb=Fraction(1000 * KB)),
            ),
        ]
        if self.efo_consumers:
            found.append(
                Misconception(
                    "efo-shares-read",
                    "You made enhanced fan-out consumers share the 2 MB/s; each gets its own 2 "
                    "MB/s per shard.",
                    self._shards(readers=self.classic_consumers + self.efo_consumers),
                )
            )
        return tuple(found)


def kinesis_shards(
    record_size: str | Number,
    records_per_s: str | Number,
    classic_consumers: str | Number = 1,
    efo_consumers: str | Number = 0,
) -> Calculation:
    """Shards needed. Follows https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"""
    return ShardInputs.build(record_size, records_per_s, classic_consumers, efo_consumers).calculate()
