"""API Gateway throttling: which rate limit binds a client, and how many requests a token bucket throttles.

API Gateway applies throttles in this order: per-client (usage plan, API key) and per-method limits set in a
usage plan; per-method limits set on the stage; the account limit per Region (10,000 RPS steady state, with
a burst bucket the service sets; 2,500 RPS in some newer Regions); then AWS Regional throttling. A request
passes only if every applicable limit allows it, so the tightest rate binds. Each limit is a token bucket:
the burst is the bucket size and the rate refills it each second. Limits are best-effort targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from studyaws.core.rules.calculation import (
    Calculation,
    Misconception,
    Number,
    RuleInputError,
    fmt_num,
    normalize,
)
from studyaws.core.rules.units import parse_number, positive

THROTTLING_URL = (
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html"
)
QUOTAS_URL = "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html"
ACCOUNT_RATE = 10000
"""Default steady-state RPS per account per Region (QUOTAS_URL); 2,500 in some newer Regions."""


@dataclass(frozen=True, slots=True)
class ThrottleInputs:
    """The rate limits that apply to one client calling one method; None where no limit is set."""

    client_rate: Fraction | None = None
    method_rate: Fraction | None = None
    account_rate: Fraction = Fraction(ACCOUNT_RATE)

    def __post_init__(self) -> None:
        if self.client_rate is None and self.method_rate is None:
            raise RuleInputError("give a usage-plan (client) rate or a stage method rate to compare")

    @classmethod
    def build(
        cls,
        client_rate: str | Number | None = None,
        method_rate: str | Number | None = None,
        account_rate: str | Number = ACCOUNT_RATE,
    ) -> ThrottleInputs:
        """Parse loose inputs: usage-plan rate per client, stage per-method rate, account rate."""
        return cls(
            None if client_rate is None else positive(client_rate, "usage-plan rate"),
            None if method_rate is None else positive(method_rate, "method rate"),
            positive(account_rate, "account rate"),
        )

    def layers(self) -> list[tuple[str, str, Fraction]]:
        """(code, description, rate) for each limit that applies, in the order API Gateway checks them."""
        found = []
        if self.client_rate is not None:
            found.append(("usage-plan", "the usage plan's per-client limit", self.client_rate))
        if self.method_rate is not None:
            found.append(("stage", "the stage's per-method limit", self.method_rate))
        found.append(("account", "the account limit for the Region", self.account_rate))
        return found

    def calculate(self) -> Calculation:
        layers = self.layers()
        answer = min(rate for _, _, rate in layers)
        steps = [
            "API Gateway checks, in order: usage-plan per-client/per-method limits, stage per-method "
            "limits, the account limit per Region, then AWS Regional throttling."
        ]
        steps.extend(
            f"{name[0].upper()}{name[1:]}: {fmt_num(rate)} requests per second." for _, name, rate in layers
        )
        binding = next(name for _, name, rate in layers if rate == answer)
        steps.append(
            f"A request must pass every limit, so the tightest binds: {binding}, {fmt_num(answer)} RPS "
            "(more gets 429 Too Many Requests)."
        )
        return Calculation(
            "apigateway-limit", normalize(answer), "requests/s", answer, tuple(steps), THROTTLING_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        layers = self.layers()
        found = [
            Misconception(
                f"used-{code}-limit",
                f"You used {name} ({fmt_num(rate)} RPS), but a tighter limit applies as well.",
                normalize(rate),
            )
            for code, name, rate in layers
        ]
        found.append(
            Misconception(
                "summed-limits",
                "You added the limits together; each limit applies on its own, so the smallest wins.",
                normalize(sum((rate for _, _, rate in layers), Fraction(0))),
            )
        )
        return tuple(found)


@dataclass(frozen=True, slots=True)
class BucketInputs:
    """`arrival` requests per second for `seconds` hit a full bucket of `burst` tokens refilled at `rate`."""

    rate: Fraction
    burst: Fraction
    arrival: Fraction
    seconds: Fraction

    @classmethod
    def build(
        cls, rate: str | Number, burst: str | Number, arrival: str | Number, seconds: str | Number
    ) -> BucketInputs:
        """Parse loose inputs: steady-state rate, burst (bucket size), arrival rate, duration in seconds."""
        return cls(
            positive(rate, "rate"),
            parse_number(burst),
            positive(arrival, "arrival rate"),
            positive(seconds, "seconds"),
        )

    def _throttled(self, accepted: Fraction) -> Number:
        return normalize(max(Fraction(0), self.arrival * self.seconds - accepted))

    def calculate(self) -> Calculation:
        offered = self.arrival * self.seconds
        capacity = self.burst + self.rate * self.seconds
        accepted = min(offered, capacity)
        throttled = offered - accepted
        steps = (
            f"Offered: {fmt_num(self.arrival)} requests/s × {fmt_num(self.seconds)} s = {fmt_num(offered)}.",
            f"The bucket starts full with {fmt_num(self.burst)} tokens (the burst) and refills at "
            f"{fmt_num(self.rate)} per second, so it can pass at most {fmt_num(self.burst)} + "
            f"{fmt_num(self.rate)} × {fmt_num(self.seconds)} = {fmt_num(capacity)}.",
            f"Accepted = min({fmt_num(offered)}, {fmt_num(capacity)}) = {fmt_num(accepted)}; "
            "throttled with 429 = "
            f"{fmt_num(offered)} − {fmt_num(accepted)} = {fmt_num(throttled)}.",
        )
        return Calculation(
            "apigateway-bucket", normalize(throttled), "throttled requests", throttled, steps, THROTTLING_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        return (
            Misconception(
                "ignored-burst",
                "You ignored the burst: the bucket starts full, so the first burst of requests passes on top "
                "of the steady rate.",
                self._throttled(min(self.arrival * self.seconds, self.rate * self.seconds)),
            ),
            Misconception(
                "burst-refills-each-second",
                "You granted the whole burst again every second; the bucket refills only at the steady rate.",
                self._throttled(min(self.arrival, self.rate + self.burst) * self.seconds),
            ),
            Misconception(
                "forgot-refill",
                "You let only the burst through; the bucket also refills at the steady rate every second.",
                self._throttled(min(self.arrival * self.seconds, self.burst)),
            ),
        )


def apigateway_limit(
    client_rate: str | Number | None = None,
    method_rate: str | Number | None = None,
    account_rate: str | Number = ACCOUNT_RATE,
) -> Calculation:
    """Binding rate limit.

    Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
    """
    return ThrottleInputs.build(client_rate, method_rate, account_rate).calculate()


def apigateway_bucket(
    rate: str | Number, burst: str | Number, arrival: str | Number, seconds: str | Number
) -> Calculation:
    """Throttled requests.

    Follows https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
    """
    return BucketInputs.build(rate, burst, arrival, seconds).calculate()
