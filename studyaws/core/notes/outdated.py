"""AWS limits that changed since most study notes were written: what notes say, what is true now, where."""

# Seeded from the research notes on the seed files (seeds-facts.md §3, rows marked OUTDATED, checked against
# the AWS pages below). A row fires when a card's words match `old` and `about` and do not already give the
# new value (`unless`). `needles` is a cheap substring pre-check so most cards cost one regex pass.

from __future__ import annotations

import re
from dataclasses import dataclass

_LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/"


@dataclass(frozen=True, slots=True)
class Outdated:
    said: str  # what older notes state, e.g. "Lambda memory up to 3,008 MB"
    now: str
    since: str  # when it changed ("" if the page does not say)
    url: str
    old: re.Pattern[str]
    about: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    needles: tuple[str, ...] = ()  # lowercase text one of which `old` cannot match without (a fast pre-check)

    def message(self) -> str:
        since = f" since {self.since}" if self.since else ""
        return f"{self.said} — now {self.now}{since}: {self.url}"

    def matches(self, words: str) -> bool:
        if not self.old.search(words) or not self.about.search(words):
            return False
        return self.unless is None or not self.unless.search(words)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_BLOG_1MB = "https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb/"
_BLOG_1MS = "https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/"
_APIGW_2024 = "https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/"
_10240 = r"\b10[,.]?240\b|\b10\s?GB\b"

FACTS: tuple[Outdated, ...] = (
    Outdated(
        said="Lambda memory up to 3,008 MB in 64 MB steps",
        needles=("3008", "3,008", "3.008", "3g", "3 g", "64mb", "64 mb"),
        now="up to 10,240 MB in 1 MB steps",
        since="December 2020",
        url=_LAMBDA + "gettingstarted-limits.html",
        old=_re(r"\b3[,.]?008\s?MB\b|\b3\s?G(?:B)?\b|\b64\s?MB\s+increments?"),
        about=_re(r"\b(?:memory|ram)\b"),
        unless=_re(_10240 + r"|\b(?:ECS|EC2|Fargate|ElastiCache|RDS)\b"),
    ),
    Outdated(
        said="Lambda /tmp fixed at 512 MB",
        needles=("512",),
        now="512 MB by default, configurable up to 10,240 MB",
        since="March 2022",
        url=_LAMBDA + "API_EphemeralStorage.html",
        old=_re(r"\b512\s?MB\b"),
        about=_re(r"/tmp|ephemeral|disk|function container"),
        unless=_re(_10240),
    ),
    Outdated(
        said="Lambda timeout at most 5 minutes",
        needles=("5min", "5 min", "300s", "300 s"),
        now="up to 15 minutes (900 seconds)",
        since="October 2018",
        url=_LAMBDA + "gettingstarted-limits.html",
        old=_re(r"\b(?:5\s?min(?:ute)?s?|300\s?s(?:ec(?:ond)?s?)?)\b"),
        about=_re(
            r"\blambda\b.*\b(?:timeout|execution time|max(?:imum)? duration)\b"
            r"|\b(?:timeout|execution time)\b.*\blambda\b"
        ),
        unless=_re(r"\b15\s?min|\b900\b"),
    ),
    Outdated(
        said="Lambda duration billed in 100 ms steps",
        needles=("100ms", "100 ms"),
        now="billed per 1 ms",
        since="December 2020",
        url=_BLOG_1MS,
        old=_re(r"\b100\s?ms\b"),
        about=_re(r"\bbill|\bround|\bcharg|\bpric|\bduration"),
        unless=_re(r"\b1\s?ms\b"),
    ),
    Outdated(
        said="Lambda burst of 500–3,000 then +500 per minute",
        needles=("500",),
        now="each function scales by 1,000 execution environments every 10 seconds",
        since="November 2023",
        url=_LAMBDA + "scaling-behavior.html",
        old=_re(r"\b500\s*(?:and|to|-|–)\s*3[,.]?000\b|\badditional 500\b|\+\s?500\b"),
        about=_re(r"concurren|burst|scal"),
    ),
    Outdated(
        said="Lambda stream concurrency of one invocation per shard",
        needles=("unit of concurrency", "lambda function invocations", "invocation per"),
        now="up to 10 concurrent batches per shard (ParallelizationFactor)",
        since="November 2019",
        url=_LAMBDA + "services-kinesis-parameters.html",
        old=_re(
            r"shards? is the unit of concurrency|at most \d[\d,]* lambda function invocations"
            r"|one invocation per (?:stream per )?shard"
        ),
        about=_re(r"shard"),
        unless=_re(r"parallel|10 batches"),
    ),
    Outdated(
        said="SQS messages (and async Lambda / EventBridge payloads) up to 256 KB",
        needles=("256",),
        now="up to 1 MiB",
        since="January 2026",
        url=_BLOG_1MB,
        old=_re(r"\b256\s?KB\b"),
        about=_re(r"\bsqs\b|queue|message|payload|async|eventbridge"),
        unless=_re(r"\b1\s?MiB\b|\b1\s?MB\b"),
    ),
    Outdated(
        said="SQS FIFO throughput capped at 300 (3,000 batched) messages per second",
        needles=("300",),
        now="that is the default mode; high-throughput FIFO queues go much higher",
        since="May 2021",
        url="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html",
        old=_re(r"\b300\b[\s\S]{0,60}\b3[,.]?000\b"),
        about=_re(r"\bfifo\b"),
        unless=_re(r"high[- ]throughput"),
    ),
    Outdated(
        said="Kinesis Data Streams retention up to 7 days (168 hours)",
        needles=("7day", "7 day", "168"),
        now="up to 365 days (8,760 hours)",
        since="November 2020",
        url="https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html",
        old=_re(r"\b(?:7\s?days|168\s?hours)\b"),
        about=_re(r"kinesis|shard|data stream"),
        unless=_re(r"\b365\b|8[,.]?760"),
    ),
    Outdated(
        said="Kinesis records (data blobs) up to 1 MB",
        needles=("1mb", "1 mb"),
        now="1 MiB by default, configurable up to 10 MiB per stream",
        since="",
        url="https://docs.aws.amazon.com/streams/latest/dev/large-records.html",
        old=_re(r"(?:data blob|record)[\s\S]{0,40}?\bup to 1\s?MB\b(?!\s?/)"),
        about=_re(r"kinesis|data blob"),
        unless=_re(r"\b10\s?MiB\b"),
    ),
    Outdated(
        said="Kinesis Data Firehose buffers at least 60 s or 1 MB",
        needles=("60",),
        now="buffer interval 0–900 s (default 300 s), size 1–128 MiB",
        since="",
        url="https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html",
        old=_re(
            r"\bmin(?:imum)?\.?\s*60\s?s(?:ec(?:onds?)?)?\b|\b60\s?s(?:ec(?:onds?)?)?\s+(?:latency|buffer)"
        ),
        about=_re(r"firehose"),
    ),
    Outdated(
        said="DynamoDB adaptive capacity takes 5–30 minutes to kick in",
        needles=("30 min", "30min"),
        now="it works instantly",
        since="",
        url="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html",
        old=_re(r"\b5\s?[-–]\s?30\s?min"),
        about=_re(r"adaptive"),
    ),
    Outdated(
        said="API Gateway integration timeout hard-capped at 29 seconds",
        needles=("29",),
        now="29 s is the default; Regional and private REST APIs can raise it",
        since="June 2024",
        url=_APIGW_2024,
        old=_re(r"\b29\s?s(?:ec(?:ond)?s?)?\b"),
        about=_re(r"api gateway|integration"),
        unless=_re(r"regional|raise|increase"),
    ),
)


_NEEDLES = re.compile("|".join(re.escape(n) for fact in FACTS for n in fact.needles))


def check(words: str) -> list[str]:
    """The warning of every outdated fact `words` (a card's text and its heading) still states."""
    hits = set(_NEEDLES.findall(words.lower()))
    if not hits:  # one pass for the common case: none of the old values is even mentioned
        return []
    return [fact.message() for fact in FACTS if hits.intersection(fact.needles) and fact.matches(words)]
