"""DynamoDB read, write, GSI and burst calculators against the AWS documentation's worked examples."""

from fractions import Fraction

import pytest

from studyaws.core.rules import (
    ItemTooLargeError,
    ReadInputs,
    RuleInputError,
    WriteInputs,
    burst_seconds,
    gsi_write_capacity,
    read_capacity,
    write_capacity,
)

RW = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html"
PRICING = "https://aws.amazon.com/dynamodb/pricing/provisioned/"
ARCHIVE = "https://github.com/awsdocs/amazon-dynamodb-developer-guide/blob/master/doc_source/ProvisionedThroughput.md"


@pytest.mark.parametrize(
    ("sizes", "rate", "consistency", "op", "answer", "exact"),
    [
        # RW: "reading a 3,500-byte item consumes the same throughput as reading a 4 KB item"
        (["3500B"], 1, "strong", "get", 1, 1),
        # RW and PRICING: an 8 KB item needs 2 units strong, 1 eventual, 4 transactional
        (["8KB"], 1, "strong", "get", 2, 2),
        (["8KB"], 1, "eventual", "get", 1, 1),
        (["8KB"], 1, "transactional", "transact-get", 4, 4),
        # RW GetItem: 3.5 KB rounds to 4 KB; 10 KB rounds to 12 KB
        (["3.5KB"], 1, "strong", "get", 1, 1),
        (["10KB"], 1, "strong", "get", 3, 3),
        # RW BatchGetItem: 1.5 KB + 6.5 KB counts as 12 KB (4 KB + 8 KB), not 8 KB
        (["1.5KB", "6.5KB"], 1, "strong", "batch-get", 3, 3),
        # RW Query: 10 items whose combined size is 40.8 KB round to 44 KB
        (["4.08KB"] * 10, 1, "strong", "query", 11, 11),
        # RW Query: 1,500 items of 64 bytes are 96 KB in total
        ([64] * 1500, 1, "strong", "query", 24, 24),
        # ARCHIVE (Read Operations and Read Consistency): eventually consistent, 80 KB total → 10 units
        (["80KB"], 1, "eventual", "query", 10, 10),
        # ARCHIVE (Choosing Initial Throughput Settings): 80 strongly consistent reads/s of 3 KB → 80 RCU
        (["3KB"], 80, "strong", "get", 80, 80),
        # Eventually consistent halves add up and round once: 3 reads/s of 4 KB = 1.5 → 2 RCU
        (["4KB"], 3, "eventual", "get", 2, Fraction(3, 2)),
        # Scan charges every item evaluated, summed then rounded once: 25 × 2 KB = 50 KB → 13 units
        (["2KB"] * 25, 1, "strong", "scan", 13, 13),
    ],
)
def test_read_doc_examples(
    sizes: list[str | int], rate: int, consistency: str, op: str, answer: int, exact: int | Fraction
) -> None:
    calc = read_capacity(sizes, rate, consistency, op)
    assert (calc.answer, calc.exact, calc.unit) == (answer, exact, "RCU")
    assert calc.source == RW
    assert calc.steps and all(step.strip() for step in calc.steps)


@pytest.mark.parametrize(
    ("sizes", "rate", "op", "before", "answer"),
    [
        # RW: a put or delete of 1.6 KB rounds up to 2 KB
        (["1.6KB"], 1, "put", None, 2),
        (["1.6KB"], 1, "delete", None, 2),
        # RW: BatchWriteItem with 500 bytes and 3.5 KB counts 5 KB (1 KB + 4 KB), not 4 KB
        ([500, "3.5KB"], 1, "batch-write", None, 5),
        # ARCHIVE: 100 writes/s of 512 bytes → 100 WCU
        ([512], 100, "put", None, 100),
        # RW: PutItem replacing an item, and UpdateItem, are charged for the larger of before and after
        (["1KB"], 1, "put", "2.5KB", 3),
        (["6KB"], 10, "update", "1.5KB", 60),
        (["1.5KB"], 10, "update", "6KB", 60),
        # PRICING: transactional writes need 2 WCUs per 1 KB
        (["3KB"], 1, "transact-write", None, 6),
        (["1KB", "2.5KB"], 4, "transact-write", None, 32),
    ],
)
def test_write_doc_examples(
    sizes: list[str | int], rate: int, op: str, before: str | None, answer: int
) -> None:
    calc = write_capacity(sizes, rate, op, before)
    assert calc.answer == answer
    assert calc.unit == "WCU"


def test_on_demand_request_units_are_not_rounded() -> None:
    calc = read_capacity(["4KB"], 3, "eventual", mode="on-demand")
    assert (calc.answer, calc.unit) == (Fraction(3, 2), "RRU")
    assert write_capacity(["3KB"], 2, mode="on-demand").unit == "WRU"


@pytest.mark.parametrize(
    ("size", "read_units", "write_units"),
    [
        ("4KB", 1, 4),
        (4096 + 1, 2, 5),
        ("1KB", 1, 1),
        (1024 + 1, 1, 2),
        (1, 1, 1),
        ("400KB", 100, 400),
    ],
)
def test_boundaries(size: str | int, read_units: int, write_units: int) -> None:
    assert read_capacity([size]).answer == read_units
    assert write_capacity([size]).answer == write_units


def test_400kb_plus_one_byte_is_rejected() -> None:
    with pytest.raises(ItemTooLargeError, match="400 KB") as info:
        read_capacity([409_601])
    assert isinstance(info.value, ValueError)
    with pytest.raises(ItemTooLargeError):
        write_capacity(["401KB"])
    with pytest.raises(ItemTooLargeError):
        write_capacity(["1KB"], sizes_before="400.5KB")


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: read_capacity(["1KB"] * 101, op="batch-get"), "at most 100"),
        (lambda: read_capacity(["1KB"] * 101, op="transact-get"), "at most 100"),
        (lambda: write_capacity(["1KB"] * 26, op="batch-write"), "at most 25"),
        (lambda: write_capacity(["1KB"] * 101, op="transact-write"), "at most 100"),
        (lambda: read_capacity(["1KB"], consistency="transactional", op="get"), "TransactGetItems"),
        (lambda: read_capacity(["1KB"], consistency="eventual", op="transact-get"), "TransactGetItems"),
        (lambda: read_capacity([]), "at least one"),
        (lambda: read_capacity(["1KB"], op="lookup"), "unknown option"),
        (lambda: read_capacity(["1KB"], rate=0), "greater than zero"),
        (lambda: write_capacity(["1KB", "2KB"], sizes_before=["1KB"]), "one 'before' size"),
        (lambda: write_capacity(["1KB"], op="delete", sizes_before="2KB"), "deleted item"),
    ],
)
def test_input_errors(call: object, fragment: str) -> None:
    with pytest.raises(RuleInputError, match=fragment):
        call()  # type: ignore[operator]


def test_transact_write_100_items_is_allowed_now() -> None:
    # TransactWriteItems now takes up to 100 actions (older material says 25); the steps say so
    calc = write_capacity(["1KB"] * 100, op="transact-write")
    assert calc.answer == 200
    assert any("older material says 25" in step for step in calc.steps)


def test_transact_get_defaults_to_transactional() -> None:
    inputs = ReadInputs.build(["8KB"], op="transact-get")
    assert inputs.calculate().answer == 4


def test_large_query_warns_about_pages() -> None:
    calc = read_capacity(["400KB"] * 3, op="query")
    assert any("1 MB" in warning for warning in calc.warnings)


def test_partition_ceiling_warnings() -> None:
    # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html
    assert read_capacity(["4KB"], 3000, single_partition=True).warnings == ()
    hot = read_capacity(["4KB"], 3001, single_partition=True)
    assert any("3,000 RCU / 1,000 WCU" in warning for warning in hot.warnings)
    assert write_capacity(["1KB"], 1000, single_partition=True).warnings == ()
    assert write_capacity(["1KB"], 1001, single_partition=True).warnings
    assert read_capacity(["4KB"], 5000).warnings == ()


def test_write_inputs_charge_larger_size() -> None:
    inputs = WriteInputs.build(["1KB", "2KB"], op="batch-write", sizes_before=["3KB", None])
    assert inputs.charged_sizes() == (Fraction(3072), Fraction(2048))
    assert inputs.calculate().answer == 5


# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html (throughput considerations)
@pytest.mark.parametrize(
    ("indexes", "answer"),
    [
        ([("added", "600B")], 2),  # table 1 + put entry 1
        ([("key-changed", "600B")], 3),  # table 1 + delete + put
        ([("removed", "600B")], 2),
        ([("projected-changed", "1.5KB")], 3),  # entry rounds to 2 units
        ([("unaffected", "600B")], 1),
        ([("key-changed", "2KB"), ("unaffected", "1KB"), ("added", "300B")], 1 + 4 + 0 + 1),
    ],
)
def test_gsi_writes(indexes: list[tuple[str, str]], answer: int) -> None:
    assert gsi_write_capacity("1KB", indexes).answer == answer


def test_gsi_writes_scale_with_rate_and_warn_per_index() -> None:
    calc = gsi_write_capacity("3KB", [("key-changed", "1KB")], rate=50)
    assert calc.answer == (3 + 2) * 50
    assert calc.warnings == (
        "GSI 1 needs at least 100 WCU of its own, or writes to the table are throttled.",
    )


def test_gsi_unknown_change() -> None:
    with pytest.raises(RuleInputError, match="unknown GSI change"):
        gsi_write_capacity("1KB", [("moved", "1KB")])


def test_burst_capacity_repost_example() -> None:
    # https://repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals
    # 150 RCU idle for 5 minutes banks 45,000 units; at 200 RCU they last 45,000 / (200 - 150) = 900 s
    calc = burst_seconds(150, 200)
    assert calc.answer == 900
    assert any("45,000" in step for step in calc.steps)
    assert burst_seconds(150, 200, idle_seconds=600).answer == 900  # only 300 s are kept
    assert burst_seconds(150, 200, idle_seconds=60).answer == 180


def test_burst_needs_demand_above_provisioned() -> None:
    with pytest.raises(RuleInputError, match="exceed"):
        burst_seconds(150, 150)
