"""Grading recognises each classic misconception by name, and measures any other miss."""

from fractions import Fraction

import pytest

from studyaws.core.rules import (
    BucketInputs,
    ConcurrencyInputs,
    Drill,
    GsiWriteInputs,
    PrefixInputs,
    ReadInputs,
    ReservedInputs,
    SamplingInputs,
    ScalingInputs,
    ShardInputs,
    SqsBatchInputs,
    SqsScalingInputs,
    StreamInputs,
    WriteInputs,
    check,
)
from studyaws.core.rules.calculation import fmt_num

CASES: list[tuple[Drill, int | Fraction, int | Fraction | str, str, str]] = [
    # (inputs, right answer, wrong answer, misconception code, words the mistake must contain)
    (ReadInputs.build(["3.5KB"], 80), 80, 70, "no-round-up", "didn't round 3.5 KB up to 4 KB"),
    (ReadInputs.build(["8KB"], 10, "strong"), 20, 10, "halved-strong", "halved a strongly consistent read"),
    (
        ReadInputs.build(["4KB"], 3, "eventual"),
        2,
        3,
        "eventual-ceil-per-read",
        "rounded each eventually consistent read up separately",
    ),
    (ReadInputs.build(["12KB"], 10, "eventual"), 15, 30, "eventual-not-halved", "eventually consistent"),
    (ReadInputs.build(["3.5KB"], 10), 10, 40, "one-kb-read-units", "1 KB units"),
    (ReadInputs.build(["8KB"], 10, op="transact-get"), 40, 20, "forgot-transactional-x2", "transactional ×2"),
    (
        ReadInputs.build(["1.5KB", "6.5KB"], 1, op="batch-get"),
        3,
        2,
        "batch-summed",
        "BatchGetItem rounds each",
    ),
    (
        ReadInputs.build(["4.08KB"] * 10, op="query"),
        11,
        20,
        "query-rounded-each",
        "rounded each item of the Query",
    ),
    (WriteInputs.build(["3KB"], 10), 30, 10, "four-kb-write-units", "4 KB units"),
    (WriteInputs.build(["3KB"], 1, "transact-write"), 6, 3, "forgot-transactional-x2", "transactional ×2"),
    (WriteInputs.build(["1.5KB"], 10, "update", "6KB"), 60, 20, "ignored-size-before", "larger of the item"),
    (WriteInputs.build([500, "3.5KB"], 1, "batch-write"), 5, 4, "batch-summed", "rounds each item"),
    (WriteInputs.build(["2.5KB"], 10), 30, 25, "no-round-up", "2.5 KB up to 3 KB"),
    (WriteInputs.build(["2KB"], 10), 20, 10, "halved-write", "eventually consistent"),
    (SamplingInputs.build(110, 10, "10%"), 20, 11, "forgot-reservoir", "forgot the reservoir"),
    (SamplingInputs.build(110, 10, "10%"), 20, 21, "reservoir-not-subtracted", "beyond the reservoir"),
    (SamplingInputs.build(30, 50, "10%"), 30, 50, "reservoir-exceeds-traffic", "below it"),
    (
        SamplingInputs.build(400, 10, "10%", 4, "central"),
        49,
        76,
        "central-reservoir-per-instance",
        "applied the reservoir per instance",
    ),
    (
        SamplingInputs.build(400, 10, "10%", 4, "local"),
        76,
        49,
        "local-reservoir-shared",
        "every instance has its own reservoir",
    ),
    (SamplingInputs.build(110, 10, "10%"), 20, "6.45", "used-default-rule", "default rule"),
    (ConcurrencyInputs.build(100, "500ms"), 50, 200, "divided-by-duration", "divided the request rate"),
    (ConcurrencyInputs.build(100, "500ms"), 50, 50000, "duration-in-ms", "milliseconds"),
    (ConcurrencyInputs.build(100, "500ms"), 50, 100, "answered-rps", "requests per second"),
    (
        ReservedInputs.build([200, 100]),
        600,
        700,
        "forgot-100-unreserved",
        "100 units that must stay unreserved",
    ),
    (ReservedInputs.build([200, 100]), 600, 900, "ignored-other-reservations", "already reserved"),
    (ReservedInputs.build([200], question="unreserved-pool"), 800, 700, "subtracted-100-from-pool", "100"),
    (ScalingInputs.build(5000), 40, 50, "first-batch-waits", "first 1,000"),
    (ScalingInputs.build(5000), 40, 240, "old-burst-model", "retired model"),
    (ScalingInputs.build(5000), 40, 4, "thousand-per-second", "per 10 seconds"),
    (StreamInputs.build(10, 5), 50, 10, "ignored-parallelization", "parallelization factor"),
    (StreamInputs.build(10, 5), 50, 15, "added-parallelization", "multiplies"),
    (SqsScalingInputs.build(1000), 4, 17, "old-sqs-60-per-minute", "60"),
    (ShardInputs.build("1KB", 1000, 3), 2, 3, "out-1mb-per-shard", "1 MB/s out per shard"),
    (ShardInputs.build("1KB", 1000, 3), 2, 1, "ignored-consumers", "classic consumers"),
    (ShardInputs.build("0.5KB", 1500, 1), 2, 1, "ignored-record-limit", "1,000 records"),
    (ShardInputs.build("1KB", 900, 1, 3), 1, 2, "efo-shares-read", "enhanced fan-out"),
    (BucketInputs.build(100, 50, 400, 3), 850, 900, "ignored-burst", "ignored the burst"),
    (BucketInputs.build(100, 50, 400, 3), 850, 1150, "forgot-refill", "refills"),
    (PrefixInputs.build(11000, 0), 2, 4, "swapped-s3-limits", "swapped"),
    (SqsBatchInputs.build("300KB", 10), 4, 1, "ignored-batch-bytes", "1 MiB"),
    (SqsBatchInputs.build("100KB", 30), 3, 15, "old-256kb-limit", "256 KB"),
    (GsiWriteInputs.build("1KB", [("key-changed", "1KB")], 10), 30, 10, "forgot-gsi-writes", "every GSI"),
    (GsiWriteInputs.build("1KB", [("key-changed", "1KB")], 10), 30, 20, "key-change-one-write", "two"),
]


@pytest.mark.parametrize(("inputs", "answer", "wrong", "code", "words"), CASES)
def test_misconception_is_named(
    inputs: Drill, answer: int | Fraction, wrong: int | Fraction | str, code: str, words: str
) -> None:
    assert inputs.calculate().answer == answer
    right = check(inputs, answer)
    assert right.correct and right.mistake is None
    verdict = check(inputs, wrong)
    assert not verdict.correct
    assert code in verdict.codes, verdict.mistake
    assert verdict.misconception == verdict.codes[0]
    assert verdict.mistake is not None and words in verdict.mistake
    assert verdict.mistake.endswith(f"The answer is {fmt_num(answer)}.")
    assert verdict.steps == inputs.calculate().steps


def test_other_wrong_answers_say_how_far_off() -> None:
    inputs = ReadInputs.build(["4KB"], 20)
    verdict = check(inputs, 8)
    assert verdict.mistake == "Off by 12 (you said 8, the answer is 20)."
    assert verdict.misconception is None
    assert check(inputs, "25 RCU").mistake == "Off by 5 (you said 25, the answer is 20)."


def test_several_matching_misconceptions_are_all_named() -> None:
    # 3 eventually consistent 4 KB reads/s: answering 3 means rounding each ½ up, or not halving at all
    verdict = check(ReadInputs.build(["4KB"], 3, "eventual"), 3)
    assert verdict.codes == ("eventual-ceil-per-read", "eventual-not-halved")
    assert verdict.mistake is not None
    assert "rounded each eventually consistent read up separately" in verdict.mistake
    assert "Alternatively: You charged an eventually consistent read a full unit" in verdict.mistake


def test_exact_consumption_is_told_to_round_up() -> None:
    verdict = check(ReadInputs.build(["4KB"], 3, "eventual"), "1.5")
    assert verdict.misconception == "not-rounded-up"
    assert verdict.mistake is not None and "round up to 2" in verdict.mistake


@pytest.mark.parametrize("typed", ["20", "20 RCU", " 20 ", "20.0", "40/2", 20, Fraction(20)])
def test_answer_formats_accepted(typed: str | int | Fraction) -> None:
    assert check(ReadInputs.build(["4KB"], 20), typed).correct


@pytest.mark.parametrize("typed", ["twenty", "", "-20", "20 %"])
def test_unreadable_answers(typed: str) -> None:
    verdict = check(ReadInputs.build(["4KB"], 20), typed)
    assert not verdict.correct
    assert verdict.given is None
    assert verdict.mistake is not None and verdict.mistake.startswith("Could not read your answer")


def test_fractional_answers() -> None:
    inputs = SamplingInputs.build(400, 1, "5%", 4, "local")
    assert check(inputs, "23.8").correct
    assert check(inputs, "23").mistake == "Off by 0.8 (you said 23, the answer is 23.8)."
