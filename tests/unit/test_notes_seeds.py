"""The five real seed notes (tests/fixtures/seeds) import into the cards a learner would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyaws.core.notes.compile import compile_notes
from studyaws.core.notes.model import CLOZE, Card, Compiled
from studyaws.core.notes.quality import MAX_ANSWER_LINES, fold
from studyaws.decks.loader import load_deck
from studyaws.service.notes_import import plan_import
from tests.conftest import FIXTURES

SEEDS = FIXTURES / "seeds"
DECK = "notes-seed"

COUNTS = {
    "000_d6135e441c4a6e21.txt": 85,
    "001_0796e08db86bde01.txt": 204,
    "002_c113ed0bc32e4e97.txt": 157,
    "003_33d24e01b3491665.txt": 172,
    "004_43c78c50ec92bea4.txt": 26,
}

# (front or cloze text, start of the expected answer; "" for a cloze). Chosen by reading the notes.
SAMPLES: dict[str, list[tuple[str, str]]] = {
    "000_d6135e441c4a6e21.txt": [
        ("What are the benefits of Lambda?", "- pay per request and compute time\n  - usually very cheap"),
        ("What is PutItem?", "full replace / write new item"),
        (
            "What is BatchWriteItem?",
            "up to 25 PutItem / DeleteItem in one call (up to 16MB data).\n  - Improves",
        ),
        (
            "What is DynamoDB TTL?",
            "Automatically delete an item after expiry time (TTL, in epoch time)\n- background",
        ),
        ("What are the use cases of Lambda@Edge?", "- website security and privacy\n- dynamic web app"),
        ("Caching: Default TTL {{c1::300 seconds}}", ""),
        ("Lambda local /tmp directory: max size of /tmp is {{c1::512 MB}}", ""),
        ("What is Scan (APIs)?", "filter the entire table, consumes a lot of RCU\n  - not encouraged"),
    ],
    "001_0796e08db86bde01.txt": [
        ("What is DryRun?", "Validate parameter values and verify that the user or role has permission"),
        ("What is CodeBuild?", "compile, run tests and package code"),
        ("What is KEYS_ONLY?", "Only the key attributes of the modified item are written to the stream."),
        ("What is Bluee/Green?", "Deploy the new version to a separate environment, and then swap CNAMEs"),
        ("What is streaming data?", "Is data that is created continuously by thousands of sources."),
        (
            "There are two types of Lambda authorizers:",
            "- A token-based Lambda authorizer (also called a TOKEN",
        ),
        (
            "You can use Lambda functions to change CloudFront requests and responses at the following "
            "points:",
            "- After CloudFront receives a request from a viewer (viewer request)\n- Before CloudFront",
        ),
        ("SQS: Messages up to {{c1::256 KB}} in size", ""),
    ],
    "002_c113ed0bc32e4e97.txt": [
        ("How many times does Lambda retries?", "- Twice\n  - It’s possible to configure dead letter queue"),
        ("What to do when DynamoDB transactions are slow?", "Batch operations"),
        ("What to do when DynamoDB data by one user overwritten by another?", "Implement optimistic locking"),
        ("What are the Placement strategies?", "- Random\n- Binpack\n"),
        (
            "Task vs service?",
            "- Task is for on-demand workloads, batch jobs or one-time jobs\n- Service is for",
        ),
        ("What is Host OS?", "given by cloud provided"),
        ("What is KEYS_ONLY?", "only the key attributes of the modified item"),
    ],
    "003_33d24e01b3491665.txt": [
        (
            "What is DynamoDB Accelerator (DAX)?",
            "Fully managed, highly available, in-memory cache for DynamoDB",
        ),
        ("In DynamoDB CLI, what does --projection-expression flag do?", "One or more attributes to retrieve"),
        ("How does rolling deployments with additional batches work?", "- App running at capacity with set"),
        ("List the X-Ray write APIs and their function", "- PutTraceSegments: upload segments to X-Ray\n"),
        ("Describe DynamoDB tables", "- Each table has a primary key\n- Must be decided at creation time"),
        ("What are key features of SQS?", "- Unlimited throughput\n- Unlimited no. of messages in the queue"),
    ],
    "004_43c78c50ec92bea4.txt": [
        ("What are the key points of Serverless computing?", "- no infrastructure management → only manage"),
        ("What are the main features of Lambda?", "- pay per request + execution time → fast and efficient"),
        ("What are the key points of runtimes?", "- node\n- python\n- java"),
        ("What are the use cases of API Gateway?", "- exposing any(?) AWS service or backend as an https"),
        ("What are the main features of DynamoDB?", "- consists of tables that have primary keys\n"),
        ("Main features: item max size is {{c1::400kb}}", ""),
    ],
}


def compiled(name: str) -> Compiled:
    return compile_notes(name, (SEEDS / name).read_text(encoding="utf-8"), DECK)


def find(cards: tuple[Card, ...], front: str) -> Card:
    for card in cards:
        if (card.text if card.kind == CLOZE else card.front) == front:
            return card
    raise AssertionError(f"no card {front!r}")


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_seed_card_count_and_samples(name: str) -> None:
    result = compiled(name)
    assert len(result.cards) == COUNTS[name]
    assert len(SAMPLES[name]) >= 5
    for front, answer in SAMPLES[name]:
        card = find(result.cards, front)
        assert card.back.startswith(answer), (front, card.back[:200])
        assert card.origin.startswith(f"{name}:")
        if card.kind != CLOZE:  # no junk among the samples: a real answer, not an echo, not a wall
            assert card.back.strip() and fold(card.back) != fold(card.front)
            assert card.back.count("\n") < MAX_ANSWER_LINES


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_card_is_junk(name: str) -> None:
    for card in compiled(name).cards:
        assert card.uid and card.origin
        if card.kind == CLOZE:
            assert "{{c1::" in card.text
        else:
            assert card.front.strip() and card.back.strip(), card
            assert fold(card.front) != fold(card.back)
            assert card.back.count("\n") + 1 <= MAX_ANSWER_LINES


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_reimport_is_idempotent(name: str) -> None:
    assert compiled(name) == compiled(name)


def test_ids_are_unique_across_all_seeds_in_one_deck() -> None:
    plan = plan_import(sorted(SEEDS.glob("*.txt")), DECK)
    assert len(plan.cards) == sum(COUNTS.values())
    assert len({c.uid for c in plan.cards}) == len(plan.cards)


def test_every_card_reads_back_byte_for_byte(tmp_path: Path) -> None:
    """Through the real loader, from the file as written: every text comes back exactly."""
    plan = plan_import(sorted(SEEDS.glob("*.txt")), DECK)
    path = tmp_path / f"{DECK}.yaml"
    path.write_text(plan.text, encoding="utf-8")
    notes = {n.uid: n for n in load_deck(path).notes}
    assert len(notes) == len(plan.cards)
    for card in plan.cards:
        note = notes[card.uid]
        assert (note.front, note.back, note.text) == (card.front, card.back, card.text)
        assert (note.origin, note.warnings, note.tags) == (card.origin, card.warnings, card.tags)
        assert note.source == "" and note.verified == ""


def test_outdated_facts_are_flagged_on_the_seeds() -> None:
    warned = {
        w.split(" — ")[0] for name in COUNTS for card in compiled(name).cards for w in card.warnings
    }  # fmt: skip
    for said in (
        "Lambda memory up to 3,008 MB in 64 MB steps",
        "Lambda /tmp fixed at 512 MB",
        "Lambda duration billed in 100 ms steps",
        "SQS messages (and async Lambda / EventBridge payloads) up to 256 KB",
        "Kinesis Data Streams retention up to 7 days (168 hours)",
        "DynamoDB adaptive capacity takes 5–30 minutes to kick in",
    ):
        assert said in warned
    lambda_limits = find(compiled("003_33d24e01b3491665.txt").cards, "What are the execution and deployment "
                         "limitations for Lambda?")  # fmt: skip
    assert lambda_limits.warnings == ()  # it already says 10GB: nothing to flag


def test_decorations_are_gone_from_the_seeds() -> None:
    for name in COUNTS:
        for card in compiled(name).cards:
            for text in (card.front, card.back, card.text):
                assert "\u00a0" not in text and "<u>" not in text and "\\rightarrow" not in text
                assert "$\\circ" not in text and "–page-size" not in text and "—projection" not in text
