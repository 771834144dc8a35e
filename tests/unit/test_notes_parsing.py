"""Notes → cards, stage by stage: cleaning, explicit syntax, inference, junk, ids, outdated facts."""

from __future__ import annotations

import pytest

from studyaws.core.notes.compile import compile_notes
from studyaws.core.notes.ids import card_id
from studyaws.core.notes.model import CLOZE, Card, Compiled
from studyaws.core.notes.normalise import inline, prepare, split_lines
from studyaws.core.notes.outdated import FACTS, check
from studyaws.decks.schema import ID_RE


def run(text: str, name: str = "n.md") -> Compiled:
    return compile_notes(name, text, "notes-t")


def cards(text: str) -> dict[str, Card]:
    """Cards by front (or cloze text)."""
    return {(c.text if c.kind == CLOZE else c.front): c for c in run(text).cards}


def clean(line: str) -> str:
    return inline(prepare(line))


# -- cleaning ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("\u2022 \u00a0A\u00a0token-based authorizer", "• A token-based authorizer"),
        ("activates within 5\u201130 minutes", "activates within 5-30 minutes"),
        ("\u2013page-size option makes more calls", "--page-size option makes more calls"),
        ("Python, use pip \u2013target options", "Python, use pip --target options"),
        ("what does \u2014projection-expression flag do?", "what does --projection-expression flag do?"),
        ("the writes of others \u2014 and vice-versa", "the writes of others \u2014 and vice-versa"),
        ("use `aws s3 ls \u2013\u2013recursive` and \u201cq\u201d", 'use `aws s3 ls --recursive` and “q”'),
        ("$\\circ~$ no infra $\\rightarrow~$ only code", "∘ no infra → only code"),
        ("batch \\rightarrow <u>https://x.example/a</u>", "batch → https://x.example/a"),
        ("<u>NEW</u> EFS &amp; &anchor <b>bold</b>", "NEW EFS & &anchor bold"),
        ("see ![diagram](a.png) and [the docs](https://docs.aws.amazon.com/x)", "see and the docs (https://docs.aws.amazon.com/x)"),
        ("\x1b[31mred\x1b[0m text\x07 \x1b]0;title\x07done", "red text done"),
        ("**Bold** ~~old~~ [[Wiki|alias]] end ^block-1", "Bold old alias end"),
        ("$0.20 per million and $LATEST stay", "$0.20 per million and $LATEST stay"),
        ("C:\\notes\\lambda.txt keeps backslashes", "C:\\notes\\lambda.txt keeps backslashes"),
    ],
)  # fmt: skip
def test_cleaning(raw: str, want: str) -> None:
    assert clean(raw) == want


def test_line_endings_keep_line_numbers() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    for sep in ("\n", "\r\n", "\r"):
        text = sep.join(["# Lambda", "", "Q: What is the max timeout?", "A: 15 minutes"])
        (card,) = run(text).cards
        assert card.origin == "n.md:3" and card.back == "15 minutes"


# -- explicit syntax -----------------------------------------------------------------------------------------


def test_explicit_forms() -> None:
    got = cards(
        "Q: What is the max timeout?\nA: 15 minutes\n- or 900 s\n\n"
        "Q: A question on\ntwo lines\nA: its answer\n\n"
        "Q: One line? A: works too\n"
        "Capital of France :: Paris\n"
        "Reversed ::: both ways\n"
        "AWS::S3::Bucket is a resource type, not a card\n"
        "What is the default visibility timeout? 30 seconds\n"
        "Memory goes up to ==10,240 MB== in ==1 MB== steps\n"
        "Already {{c1::a cloze}} here and ==there==\n\n"
        "A multi-line\nquestion\n?\nand its\n- answer\n"
    )
    assert got["What is the max timeout?"].back == "15 minutes\n- or 900 s"
    assert got["A question on two lines"].back == "its answer"
    assert got["One line?"].back == "works too"
    assert got["Capital of France"].back == "Paris"
    assert got["Reversed"].back == "both ways"
    assert got["What is the default visibility timeout?"].back == "30 seconds"
    assert "Memory goes up to {{c1::10,240 MB}} in {{c2::1 MB}} steps" in got
    assert "Already {{c1::a cloze}} here and {{c2::there}}" in got
    assert got["A multi-line\nquestion"].back == "and its\n- answer"
    assert not any("AWS::S3" in front for front in got)


def test_markdown_tables() -> None:
    got = cards(
        "| Question | Answer |\n|---|:---:|\n| What is SQS? | A queue |\n| Max message size? | 1 MiB |\n\n"
        "| Service | Max size | Retention |\n|---|---|---|\n| SQS | 1 MiB | 14 days |\n"
    )
    assert got["What is SQS?"].back == "A queue"
    assert got["Max message size?"].back == "1 MiB"
    assert got["What is the max size of SQS?"].back == "1 MiB"
    assert got["What is the retention of SQS?"].back == "14 days"


def test_broken_explicit_cards_are_reported() -> None:
    result = run("Q: a question with no answer\n\nText {{c1::}} empty\n\n?\n")
    reasons = [s.reason for s in result.skipped]
    assert any("Q: with no A:" in r for r in reasons)
    assert any("empty deletion" in r for r in reasons)
    assert any("`?` line" in r for r in reasons)
    assert result.cards == ()


# -- inference from structure --------------------------------------------------------------------------------


def test_question_then_bullets_with_a_stray_tag_line() -> None:
    got = cards(
        "Flashcards\nHow does rolling with batches work?\nDeployments\n"
        "- New instances first\n- Then rolling\n"
        "What is DAX?\nA managed in-memory cache for DynamoDB\n"
        "List the X-Ray write APIs\n- PutTraceSegments\n"
    )
    rolling = got["How does rolling with batches work?"]
    assert rolling.back == "- New instances first\n- Then rolling" and rolling.tags == ("deployments",)
    assert got["What is DAX?"].back == "A managed in-memory cache for DynamoDB"
    assert got["List the X-Ray write APIs"].back == "PutTraceSegments"


def test_heading_lists_definitions_and_numbers() -> None:
    got = cards(
        "AWS Lambda\n\nBenefits of Lambda\n\n  • pay per request\n    • cheap\n  • scales\n\n"
        "Use cases\n\n  • web apps\n  • data processing\n\n"
        "APIs\n\n  • PutItem - full replace / write new item\n  • Query: items by partition key\n\n"
        "Caching\n\n  • Default TTL 300 seconds\n"
    )
    assert got["What are the benefits of Lambda?"].back == "- pay per request\n  - cheap\n- scales"
    assert got["What are the use cases of AWS Lambda?"].back == "- web apps\n- data processing"
    assert got["What is PutItem?"].back == "full replace / write new item"
    assert got["What is Query (APIs)?"].back == "items by partition key"
    assert "Caching: Default TTL {{c1::300 seconds}}" in got


def test_lost_numbering_is_nested_again() -> None:
    got = cards(
        "Lambda Limits\n\n  1. Memory Allocation\n  • up to 10,240 MB\n  1. Timeout\n  • 15 minutes\n"
    )
    assert (
        got["What are the Lambda Limits?"].back
        == "- Memory Allocation\n  - up to 10,240 MB\n- Timeout\n  - 15 minutes"
    )
    assert "Memory Allocation: up to {{c1::10,240 MB}}" in got


def test_intro_lines_and_pseudo_lists() -> None:
    got = cards(
        "Valid values for StreamViewType are:\n\nKEYS_ONLY – only the keys\n\nNEW_IMAGE – the new item\n\n"
        "Placement strategies: * Random * Binpack * Spread\n"
    )
    assert (
        got["Valid values for StreamViewType are:"].back
        == "- KEYS_ONLY – only the keys\n- NEW_IMAGE – the new item"
    )
    assert got["What is KEYS_ONLY?"].back == "only the keys"
    assert got["What are the Placement strategies?"].back == "- Random\n- Binpack\n- Spread"


def test_fused_question_is_split() -> None:
    got = cards(
        "What to do when transactions are slow?\n\n  • Batch operations What to do when writes collide?\n"
        "  • Use optimistic locking\n"
    )
    assert got["What to do when transactions are slow?"].back == "Batch operations"
    assert got["What to do when writes collide?"].back == "Use optimistic locking"


def test_long_lists_are_split_not_dropped() -> None:
    items = "".join(f"  • Option {k}\n    • detail {k}a\n    • detail {k}b\n" for k in range(12))
    got = cards(f"Deployment options\n\n{items}\nHow are they chosen?\n\n{items}")
    labels = got["What are the Deployment options?"].back.split("\n")
    assert labels[:2] == ["- Option 0", "- Option 1"] and len(labels) == 12
    assert got["What are the key points of Option 3?"].back == "- detail 3a\n- detail 3b"
    assert got["How are they chosen?"].back == labels_text(12)  # a 36-line answer fits: kept whole


def labels_text(n: int) -> str:
    return "\n".join(f"- Option {k}\n  - detail {k}a\n  - detail {k}b" for k in range(n))


def test_markdown_headings_give_context() -> None:
    got = cards("# DynamoDB\n\n## Security\n\n- IAM policies\n- encryption at rest\n")
    assert (
        got["What are the key points of Security (DynamoDB)?"].back == "- IAM policies\n- encryption at rest"
    )


def test_junk_is_skipped_and_reported() -> None:
    long_answer = "".join(f"- step {k}\n" for k in range(45))
    result = run(
        "My notes on many things\n\nVMs vs containers\n\nServerless\n\nLambda\n\n- runs code\n\n"
        f"How many steps are there?\n\n"
        f"{long_answer}\nQ: Same?\nA: Same\n\nQ: Where are the docs?\nA: https://docs.aws.amazon.com/x\n"
    )
    reasons = " | ".join(s.reason for s in result.skipped)
    assert "heading 'VMs vs containers' has nothing under it" in reasons
    assert "answer has 45 lines (over 40): 'How many steps are there?'" in reasons
    assert "answer repeats the question: 'Same?'" in reasons
    assert "answer is only a link: 'Where are the docs?'" in reasons
    assert {c.front for c in result.cards} == {"What are the key points of Lambda?"}


def test_card_text_is_kept_literally() -> None:
    text = "Q: [bold red]x[/] and !!python/object:os.system\nA: &anchor *alias --- key: value: x\n"
    (card,) = run(text).cards
    assert card.front == "[bold red]x[/] and !!python/object:os.system"
    assert card.back == "&anchor *alias --- key: value: x"


# -- ids -----------------------------------------------------------------------------------------------------


def test_ids_follow_the_question_not_the_answer_or_line() -> None:
    first = run("# Lambda\n\nQ: What is the max timeout?\nA: 5 minutes\n").cards[0]
    edited = run("# Lambda\n\nIntro line.\n\nQ: What is the max timeout ?\nA: 15 minutes\n").cards[-1]
    assert first.uid == edited.uid and first.origin != edited.origin
    assert run("Q: What is the MAX timeout\nA: x\n").cards[0].uid == first.uid  # case and punctuation
    assert run("Q: What is the minimum timeout?\nA: x\n").cards[0].uid != first.uid
    assert compile_notes("other.md", "Q: What is the max timeout?\nA: x", "notes-t").cards[0].uid != first.uid
    assert compile_notes("n.md", "Q: What is the max timeout?\nA: x", "notes-u").cards[0].uid != first.uid


def test_repeated_questions_get_distinct_stable_ids() -> None:
    result = run("Q: Same question?\nA: one\n\nQ: Same question?\nA: two\n")
    assert len({c.uid for c in result.cards}) == 2
    assert result == run("Q: Same question?\nA: one\n\nQ: Same question?\nA: two\n")


@pytest.mark.parametrize("question", ["", "???", "日本語の質問", "x" * 500, "Ünïcödé — ‘quotes’ & more"])
def test_ids_are_valid_deck_ids(question: str) -> None:
    uid = card_id("notes-t", "n.md", question)
    assert ID_RE.match(uid) and len(uid) <= 80


def test_cloze_id_ignores_the_hidden_answer() -> None:
    a = run("Lambda memory goes up to ==3,008 MB==\n").cards[0]
    b = run("Lambda memory goes up to ==10,240 MB==\n").cards[0]
    assert a.uid == b.uid and a.text != b.text


# -- outdated facts ------------------------------------------------------------------------------------------

OLD = [
    "Lambda memory: 128 MB to 3008 MB (64 MB increments)",
    "Lambda /tmp max size is 512 MB",
    "Lambda max timeout is 5 minutes",
    "Lambda duration is rounded to nearest 100ms when billing",
    "Lambda concurrency bursts between 500 and 3000, then an additional 500 each minute",
    "For streams the number of shards is the unit of concurrency",
    "SQS messages up to 256 KB",
    "FIFO queues: 300 messages per second, 3000 with batching",
    "Kinesis retention: 24 hours by default, up to 7 days",
    "Kinesis data blob: up to 1MB",
    "Firehose: min 60s latency for non-full batches",
    "Adaptive capacity activates within 5-30 minutes",
    "API Gateway integration timeout: 50 ms to 29 seconds",
]
CURRENT = [
    "Lambda memory: 128 MB to 10,240 MB (1 MB increments)",
    "Lambda /tmp: 512 MB by default, up to 10 GB",
    "Lambda max timeout is 15 minutes (900 seconds), previously 5 minutes",
    "Lambda bills duration per 1 ms, no longer 100 ms",
    "SQS messages up to 1 MiB (was 256 KB)",
    "Kinesis retention up to 365 days (7 days is old)",
    "DAX item cache TTL is 5 minutes by default",
    "API Gateway cache TTL is 300 seconds",
]


@pytest.mark.parametrize("text", OLD)
def test_outdated_fact_is_flagged(text: str) -> None:
    (warning,) = check(text)
    assert " — now " in warning and "https://" in warning


@pytest.mark.parametrize("text", CURRENT)
def test_current_fact_is_not_flagged(text: str) -> None:
    assert check(text) == []


def test_every_outdated_fact_has_a_doc_url_and_a_test() -> None:
    assert len(FACTS) == len(OLD)
    for fact in FACTS:
        assert fact.url.startswith(("https://docs.aws.amazon.com/", "https://aws.amazon.com/"))
        assert any(fact.matches(text) for text in OLD), fact.said


def test_warning_is_stored_on_the_card() -> None:
    (card,) = [c for c in run("Lambda Limits\n\n  • Memory: up to 3008 MB\n").cards if c.kind == CLOZE]
    assert card.text == "Lambda Limits: Memory: up to {{c1::3008 MB}}"
    assert card.warnings[0].startswith("Lambda memory up to 3,008 MB in 64 MB steps — now up to 10,240 MB")


def test_same_question_in_two_sections_says_which() -> None:
    text = "# SQS\n\nThings to know for the exam:\n\n- visibility timeout\n\n# SNS\n\n"
    text += "Things to know for the exam:\n\n- fan-out\n"
    got = cards(text)
    assert got["SQS — Things to know for the exam:"].back == "visibility timeout"
    assert got["SNS — Things to know for the exam:"].back == "fan-out"
    assert len({c.uid for c in run(text).cards}) == 2


def test_a_link_label_is_not_an_answer() -> None:
    result = run("Use cases\n\n- web apps → https://example.com/a\n- event ingestion → Sample Code\n")
    assert any("only a link label" in s.reason for s in result.skipped)
