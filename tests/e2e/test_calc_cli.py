"""`studyaws calc` as a user runs it: worked examples, JSON, --check naming misconceptions, bad input."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from fractions import Fraction

import click
import pytest

from studyaws.cli.calc import calc
from studyaws.cli.drill import drill

Run = Callable[..., subprocess.CompletedProcess[str]]
ESC = re.compile(r"\x1b|\x9b")
READS_URL = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html"


def ok_json(run_cli: Run, *args: str) -> dict[str, object]:
    result = run_cli("calc", *args, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_rcu_worked_example_text(run_cli: Run) -> None:
    # read-write-operations.html: "reading a 3.5 KB item rounds up to 4 KB"; an eventually consistent read
    # of up to 4 KB needs one-half read unit, so 80 reads/s need 80 × ½ = 40 RCU.
    result = run_cli("calc", "rcu", "--size", "3.5KB", "--rate", "80", "--consistency", "eventual")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "40 RCU"
    assert lines[1].startswith("  1. Reads are charged per 4 KB")
    assert "  2. GetItem reads one item: 3.5 KB → 1 unit." in lines
    assert f"Source: {READS_URL}" in lines
    assert not ESC.search(result.stdout) and result.stderr == ""


def test_rcu_json_matches_the_aws_examples(run_cli: Run) -> None:
    data = ok_json(run_cli, "rcu", "--size", "3.5KB", "--rate", "80", "--consistency", "eventual")
    assert set(data) == {"calculator", "answer", "unit", "exact", "steps", "source", "warnings"}
    assert (data["calculator"], data["answer"], data["unit"], data["exact"]) == (
        "dynamodb-read",
        40,
        "RCU",
        "40",
    )
    assert data["source"] == READS_URL and data["warnings"] == []
    assert isinstance(data["steps"], list) and len(data["steps"]) >= 4
    # read-write-operations.html: an 8 KB item needs 2 read units strongly consistent, 1 eventually
    # consistent, 4 transactional.
    for extra, units in (
        (["--consistency", "strong"], 2),
        (["--consistency", "eventual"], 1),
        (["--op", "transact-get"], 4),
    ):
        assert ok_json(run_cli, "rcu", "--size", "8KB", "--rate", "1", *extra)["answer"] == units
    # Same page: BatchGetItem of 1.5 KB and 6.5 KB items counts 4 KB + 8 KB = 12 KB, i.e. 3 read units.
    batch = ok_json(run_cli, "rcu", "--op", "batch-get", "--size", "1.5KB", "--size", "6.5KB", "--rate", "1")
    assert batch["answer"] == 3


def test_exact_is_a_string_and_on_demand_answers_can_be_fractions(run_cli: Run) -> None:
    data = ok_json(
        run_cli, "rcu", "--size", "4KB", "--rate", "75", "--consistency", "eventual", "--on-demand"
    )
    assert (data["answer"], data["unit"], data["exact"]) == ("37.5", "RRU", "37.5")
    # 100 RCU × 300 s banked, drained by 90 RCU/s above provisioned: 30,000 ÷ 90 = 1000/3 s, not a decimal.
    thirds = ok_json(run_cli, "burst", "--provisioned", "100", "--demand", "190")
    assert thirds["exact"] == thirds["answer"] == "1000/3"
    assert Fraction(str(thirds["exact"])) == Fraction(1000, 3)


def test_other_calculators_worked_examples(run_cli: Run) -> None:
    # lambda-concurrency.html: 100 requests per second × 0.5 s average duration = 50 concurrent executions.
    assert ok_json(run_cli, "lambda", "--rps", "100", "--duration", "500ms")["answer"] == 50
    # xray-console-sampling.html default rule: 1 request per second, then 5% of the rest: 1 + 5% × 200.
    assert ok_json(run_cli, "xray", "--rps", "201")["answer"] == 11
    # read-write-operations.html: a transactional write of up to 1 KB needs 2 write units; 2.5 KB → 3 × 2.
    assert ok_json(run_cli, "wcu", "--size", "2.5KB", "--rate", "100", "--transactional")["answer"] == 600
    # service-sizes-and-limits.html: 1 MB/s or 1,000 records/s in per shard; 2 MB/s out shared by consumers.
    assert ok_json(run_cli, "kinesis", "--records-per-second", "2000", "--record-size", "1KB")["answer"] == 2
    assert ok_json(run_cli, "streams", "--shards", "4", "--parallelization", "3")["answer"] == 12
    assert ok_json(run_cli, "s3", "--reads", "11000", "--writes", "3000")["answer"] == 2
    assert ok_json(run_cli, "sqs", "--message-size", "300KB", "--messages", "30")["answer"] == 10
    assert ok_json(run_cli, "kms", "--plaintext", "6KB")["answer"] == 2048
    assert ok_json(run_cli, "apigateway", "--client-rate", "500", "--method-rate", "300")["answer"] == 300


def test_lambda_reserved_concurrency_warns_when_too_small(run_cli: Run) -> None:
    data = ok_json(run_cli, "lambda", "--rps", "100", "--duration", "2s", "--reserved", "150")
    assert data["answer"] == 200
    assert any("reserved concurrency of 150" in str(w) for w in data["warnings"])  # type: ignore[attr-defined]
    text = run_cli("calc", "lambda", "--rps", "100", "--duration", "2s", "--reserved", "150").stdout
    assert text.splitlines()[0] == "200 concurrent executions"
    assert "Warning: The function's reserved concurrency of 150 caps it" in text


MISCONCEPTIONS = [
    (["rcu", "--size", "3.5KB", "--rate", "80", "--consistency", "eventual"], "35", "no-round-up",
     "didn't round 3.5 KB up to 4 KB"),
    (["rcu", "--size", "3.5KB", "--rate", "80", "--consistency", "eventual"], "160", "one-kb-read-units",
     "1 KB is the write unit"),
    (["rcu", "--size", "8KB", "--rate", "10", "--consistency", "strong"], "10", "halved-strong",
     "halved a strongly consistent read"),
    (["rcu", "--size", "8KB", "--rate", "10", "--op", "transact-get"], "20", "forgot-transactional-x2",
     "forgot the transactional ×2"),
    (["lambda", "--rps", "100", "--duration", "500ms"], "50000", "duration-in-ms",
     "duration in milliseconds"),
    (["lambda", "--rps", "100", "--duration", "500ms"], "200", "divided-by-duration",
     "divided the request rate by the duration"),
    (["xray", "--rps", "201"], "10.05", "forgot-reservoir", "forgot the reservoir"),
    (["kinesis", "--records-per-second", "1000", "--record-size", "1KB", "--consumers", "3"], "1",
     "ignored-consumers", "sized for writes only"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "given", "code", "words"), MISCONCEPTIONS, ids=[m[2] for m in MISCONCEPTIONS]
)
def test_check_names_the_misconception(
    run_cli: Run, args: list[str], given: str, code: str, words: str
) -> None:
    data = ok_json(run_cli, *args, "--check", given)
    assert set(data) >= {"correct", "mistake", "answer", "steps"}
    assert data["correct"] is False and data["misconception"] == code
    assert words in str(data["mistake"])


def test_check_right_and_off_by(run_cli: Run) -> None:
    base = ["rcu", "--size", "3.5KB", "--rate", "80", "--consistency", "eventual"]
    right = ok_json(run_cli, *base, "--check", "40 RCU")
    assert right == {**right, "correct": True, "mistake": None, "answer": 40, "misconception": None}
    assert run_cli("calc", *base, "--check", "40").stdout.startswith("Right: 40 RCU.")
    wrong = run_cli("calc", *base, "--check", "35").stdout.splitlines()
    assert wrong[0].startswith("Wrong: You didn't round 3.5 KB up to 4 KB") and wrong[1] == "Answer: 40 RCU"
    assert wrong[2].startswith("  1. Reads are charged per 4 KB")
    off = ok_json(run_cli, *base, "--check", "43")
    assert off["correct"] is False and off["misconception"] is None
    assert off["mistake"] == "Off by 3 (you said 43, the answer is 40)."


BAD = [
    (["rcu", "--size", "-3KB", "--rate", "80"], "--size: '-3KB' must be more than 0 bytes"),
    (["rcu", "--size", "0B", "--rate", "80"], "--size: '0B' must be more than 0 bytes"),
    (["rcu", "--size", "401KB", "--rate", "80"], "--size: '401KB' (410,624 bytes) is over DynamoDB's 400 KB"),
    (["wcu", "--size", "3KB", "--rate", "5", "--size-before", "1GB"], "--size-before: '1GB'"),
    (["rcu", "--size", "3QB", "--rate", "80"], "--size: '3QB' has an unknown unit 'qb'"),
    (["rcu", "--size", "3", "--rate", "80"], "--size: '3' has no unit"),
    (["rcu", "--size", "3KB", "--rate", "fast"], "--rate: 'fast' is not a number"),
    (["rcu", "--size", "3KB", "--rate", "0"], "--rate: '0' must be more than 0"),
    (["rcu", "--size", "3KB"], "--rate: is required"),
    (["rcu", "--size", "3KB", "--rate", "1", "--consistency", "firm"], "--consistency: 'firm' is not one of"),
    (["rcu", "--size", "3KB", "--rate", "1", "--op", "transact-get", "--consistency", "strong"],
     "--consistency: transactional reads go with TransactGetItems"),
    (["rcu", "--size", "3KB", "--rate", "1", "--check", "lots"], "--check: 'lots' is not a number"),
    (["lambda", "--rps", "10", "--duration", "5"], "--duration: '5' has no unit"),
    (["lambda", "--rps", "10", "--duration", "5 weeks"], "--duration: '5 weeks' has an unknown unit"),
    (["lambda", "--rps", "1", "--duration", "1s", "--reserved", "950"], "--reserved: reservations of 950"),
    (["xray", "--rps", "10", "--rate", "120%"], "--rate: '120%' must be between 0 and 1"),
    (["xray", "--rps", "ten"], "--rps: 'ten' is not a number"),
    (["kinesis", "--records-per-second", "1", "--record-size", "11MB"], "--record-size: a record of 11 MB"),
    (["streams", "--shards", "2", "--parallelization", "12"], "--parallelization: the parallelization"),
    (["gsi", "--item-size", "1KB", "--index", "moved:1KB"], "--index: 'moved:1KB' must start with one of"),
    (["dynamo"], "KIND: unknown calculator 'dynamo'; choose one of apigateway,"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(b[0][:3]) for b in BAD])
def test_bad_input_is_one_line_and_exit_2(run_cli: Run, args: list[str], message: str) -> None:
    result = run_cli("calc", *args)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"studyaws: error: {message}"), lines[0]
    assert "Traceback" not in result.stderr


def _walk(command: click.Command, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found.extend(_walk(sub, (*path, name)))
    return found


def test_every_calc_and_drill_command_and_option_has_help() -> None:
    commands = [*_walk(calc, ("calc",)), (("drill",), drill)]
    assert len(commands) > 10
    for path, command in commands:
        assert command.help and command.help.strip(), f"{' '.join(path)} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help and param.help.strip(), f"{' '.join(path)} {param.opts[0]} has no help"


def test_help_runs_for_a_calculator(run_cli: Run) -> None:
    result = run_cli("calc", "wcu", "--help")
    assert result.returncode == 0 and "Usage: studyaws calc wcu" in result.stdout
    assert "--size-before SIZE" in result.stdout
