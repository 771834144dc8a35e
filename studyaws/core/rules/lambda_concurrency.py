"""AWS Lambda concurrency: environments needed, reserved-concurrency headroom, and time to scale up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from studyaws.core.rules.calculation import (
    Calculation,
    Misconception,
    Number,
    RuleInputError,
    ceil_up,
    fmt_num,
    normalize,
)
from studyaws.core.rules.units import fmt_seconds, parse_duration, positive, whole

CONCURRENCY_URL = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html"
RESERVED_URL = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"
SCALING_URL = "https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html"

ACCOUNT_LIMIT = 1000
"""Default concurrent executions per account per Region (new accounts may start lower)."""
UNRESERVED_MINIMUM = 100
"""At least 100 units must stay unreserved for functions without reserved concurrency."""
RPS_PER_CONCURRENCY = 10
"""Lambda also limits requests per second to 10 × concurrency."""
SCALE_STEP = 1000
SCALE_PERIOD = 10
"""Each function can add 1,000 execution environments every 10 s (10,000 RPS every 10 s)."""


@dataclass(frozen=True, slots=True)
class ConcurrencyInputs:
    """Concurrency = average requests per second × average duration in seconds."""

    rps: Fraction
    duration: Fraction
    account_limit: int = ACCOUNT_LIMIT

    @classmethod
    def build(
        cls, rps: str | Number, duration: str | Number, account_limit: str | Number = ACCOUNT_LIMIT
    ) -> ConcurrencyInputs:
        """Parse loose inputs; `duration` may be '250ms', '2s' or a number of seconds."""
        return cls(
            positive(rps, "requests per second"),
            parse_duration(duration),
            whole(account_limit, "account limit"),
        )

    def calculate(self) -> Calculation:
        exact = self.rps * self.duration
        answer = ceil_up(exact)
        converted = (
            f"{fmt_seconds(self.duration)} is {fmt_num(self.duration)} s, so " if self.duration < 1 else ""
        )
        steps = [
            "Concurrency = average requests per second × average duration in seconds.",
            f"{converted}{fmt_num(self.rps)} × {fmt_num(self.duration)} s = {fmt_num(exact)} requests in "
            "flight.",
        ]
        if exact != answer:
            steps.append(f"Environments come whole: round up to {answer:,}.")
        warnings: list[str] = []
        if answer > self.account_limit:
            warnings.append(
                f"{answer:,} exceeds the account concurrency limit of {self.account_limit:,}; "
                "request a quota "
                "increase or requests will be throttled (429)."
            )
        if self.rps > RPS_PER_CONCURRENCY * answer:
            needed = ceil_up(self.rps / RPS_PER_CONCURRENCY)
            warnings.append(
                f"Lambda also caps requests per second at 10 × concurrency: {fmt_num(self.rps)} RPS needs at "
                f"least {needed:,} concurrency available, more than the {answer:,} the duration implies."
            )
        return Calculation(
            "lambda-concurrency",
            answer,
            "concurrent executions",
            exact,
            tuple(steps),
            CONCURRENCY_URL,
            tuple(warnings),
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        return (
            Misconception(
                "divided-by-duration",
                "You divided the request rate by the duration; concurrency is rate × duration.",
                ceil_up(self.rps / self.duration),
            ),
            Misconception(
                "duration-in-ms",
                "You multiplied by the duration in milliseconds; convert it to seconds first.",
                ceil_up(self.rps * self.duration * 1000),
            ),
            Misconception(
                "answered-rps",
                "You gave the requests per second; concurrency also depends on how long each request runs.",
                ceil_up(self.rps),
            ),
        )


class ReservedQuestion(StrEnum):
    """What the reserved-concurrency drill asks for."""

    MAX_RESERVABLE = "max-reservable"
    UNRESERVED_POOL = "unreserved-pool"


@dataclass(frozen=True, slots=True)
class ReservedInputs:
    """Functions already holding `reserved` concurrency in an account with `account_limit`."""

    reserved: tuple[int, ...]
    account_limit: int = ACCOUNT_LIMIT
    question: ReservedQuestion = ReservedQuestion.MAX_RESERVABLE

    def __post_init__(self) -> None:
        object.__setattr__(self, "question", ReservedQuestion(self.question))
        if sum(self.reserved) > self.account_limit - UNRESERVED_MINIMUM:
            raise RuleInputError(
                f"reservations of {sum(self.reserved):,} leave less than the {UNRESERVED_MINIMUM} units that "
                f"must stay unreserved out of {self.account_limit:,}"
            )

    @classmethod
    def build(
        cls,
        reserved: Iterable[str | Number],
        account_limit: str | Number = ACCOUNT_LIMIT,
        question: str | ReservedQuestion = ReservedQuestion.MAX_RESERVABLE,
    ) -> ReservedInputs:
        """Parse loose inputs: existing reservations and the account concurrency limit."""
        try:
            asked = ReservedQuestion(question)
        except ValueError:
            raise RuleInputError(
                f"unknown question '{question}'; use 'max-reservable' or 'unreserved-pool'"
            ) from None
        return cls(
            tuple(whole(r, "reserved concurrency", 0) for r in reserved),
            whole(account_limit, "account limit"),
            asked,
        )

    def calculate(self) -> Calculation:
        taken = sum(self.reserved)
        listed = " + ".join(f"{r:,}" for r in self.reserved) or "0"
        steps = [f"Already reserved: {listed} = {taken:,} of the account's {self.account_limit:,}."]
        if self.question is ReservedQuestion.MAX_RESERVABLE:
            answer = self.account_limit - UNRESERVED_MINIMUM - taken
            steps.append(
                f"Lambda keeps at least {UNRESERVED_MINIMUM} unreserved for functions without a reservation, "
                f"so a new reservation can be at most {self.account_limit:,} − {UNRESERVED_MINIMUM} − "
                f"{taken:,} = {answer:,}."
            )
        else:
            answer = self.account_limit - taken
            steps.append(
                f"Functions without reserved concurrency share what is left: {self.account_limit:,} − "
                f"{taken:,} = {answer:,} (this pool may never drop below {UNRESERVED_MINIMUM})."
            )
        steps.append(
            "Reserved concurrency is both a guarantee and a cap for its function, and costs nothing; "
            "provisioned concurrency (pre-initialised, billed) comes out of it when both are set."
        )
        return Calculation(
            "lambda-reserved", answer, "concurrent executions", Fraction(answer), tuple(steps), RESERVED_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        taken = sum(self.reserved)
        if self.question is ReservedQuestion.MAX_RESERVABLE:
            return (
                Misconception(
                    "forgot-100-unreserved",
                    f"You forgot the {UNRESERVED_MINIMUM} units that must stay unreserved.",
                    self.account_limit - taken,
                ),
                Misconception(
                    "ignored-other-reservations",
                    "You ignored the concurrency other functions have already reserved.",
                    self.account_limit - UNRESERVED_MINIMUM,
                ),
            )
        return (
            Misconception(
                "subtracted-100-from-pool",
                f"You subtracted the {UNRESERVED_MINIMUM} as well; those {UNRESERVED_MINIMUM} are "
                "part of the "
                "unreserved pool, not taken from it.",
                self.account_limit - taken - UNRESERVED_MINIMUM,
            ),
            Misconception(
                "ignored-reservations",
                "You ignored the reservations; reserved concurrency is removed from the shared pool.",
                self.account_limit,
            ),
        )


@dataclass(frozen=True, slots=True)
class ScalingInputs:
    """Seconds for one function to grow from `current` to `target` concurrent environments."""

    target: int
    current: int = 0

    def __post_init__(self) -> None:
        if self.target <= self.current:
            raise RuleInputError(
                f"target {self.target:,} must exceed the current {self.current:,} environments"
            )

    @classmethod
    def build(cls, target: str | Number, current: str | Number = 0) -> ScalingInputs:
        """Parse loose inputs: target and current concurrency of one function."""
        return cls(whole(target, "target concurrency"), whole(current, "current concurrency", 0))

    def _seconds(self, immediate: int, per_second: Fraction) -> Number:
        return normalize(max(Fraction(0), Fraction(self.target - self.current - immediate)) / per_second)

    def calculate(self) -> Calculation:
        needed = self.target - self.current
        exact = Fraction(self._seconds(SCALE_STEP, Fraction(SCALE_STEP, SCALE_PERIOD)))
        steps = [
            f"Each function can add {SCALE_STEP:,} execution environments every {SCALE_PERIOD} s "
            "(current docs; older material says an initial burst of 500–3,000 then +500 per minute).",
            f"It needs {needed:,} more: the first {SCALE_STEP:,} can start at once, and the rate refills "
            f"continuously at {SCALE_STEP // SCALE_PERIOD} per second.",
            f"Time = max(0, {needed:,} − {SCALE_STEP:,}) ÷ {SCALE_STEP // SCALE_PERIOD} = "
            f"{fmt_num(exact)} s.",
        ]
        return Calculation("lambda-scaling", normalize(exact), "seconds", exact, tuple(steps), SCALING_URL)

    def misconceptions(self) -> tuple[Misconception, ...]:
        needed = self.target - self.current
        return (
            Misconception(
                "first-batch-waits",
                "You made the first 1,000 wait 10 s; the first 1,000 environments can start at once.",
                normalize(Fraction(needed * SCALE_PERIOD, SCALE_STEP)),
            ),
            Misconception(
                "old-burst-model",
                "You used the retired model (burst of 3,000, then +500 per minute); each function now adds "
                "1,000 environments every 10 s.",
                normalize(max(Fraction(0), Fraction(needed - 3000)) / 500 * 60),
            ),
            Misconception(
                "thousand-per-second",
                "You added 1,000 environments per second; it is 1,000 per 10 seconds.",
                self._seconds(SCALE_STEP, Fraction(SCALE_STEP)),
            ),
        )


def concurrency_needed(
    rps: str | Number, duration: str | Number, account_limit: str | Number = ACCOUNT_LIMIT
) -> Calculation:
    """Concurrent executions. Follows https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html"""
    return ConcurrencyInputs.build(rps, duration, account_limit).calculate()


def lambda_reserved(
    reserved: Iterable[str | Number],
    account_limit: str | Number = ACCOUNT_LIMIT,
    question: str | ReservedQuestion = ReservedQuestion.MAX_RESERVABLE,
) -> Calculation:
    """Reserved-concurrency headroom.

    Follows https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
    """
    return ReservedInputs.build(reserved, account_limit, question).calculate()


def lambda_scaling_time(target: str | Number, current: str | Number = 0) -> Calculation:
    """Seconds to scale one function. Follows https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html"""
    return ScalingInputs.build(target, current).calculate()
