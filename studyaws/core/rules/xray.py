"""AWS X-Ray sampling: requests traced per second from a rule's reservoir and fixed rate, fleet-wide.

Semantics (X-Ray console sampling page): the default rule records the first request each second (the
reservoir, 1/s) and 5% of any additional requests (the fixed rate). With rules defined in X-Ray (console or
API), X-Ray manages one reservoir per rule and gives each running instance a quota, so the reservoir is
shared by the fleet. With local rules (a JSON rules file shipped with the code), each instance samples on
its own, so the instances' reservoirs effectively add up. Traffic below the reservoir is traced in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from studyaws.core.rules.calculation import (
    Calculation,
    Misconception,
    Number,
    RuleInputError,
    fmt_num,
    fmt_pct,
    normalize,
    plural,
)
from studyaws.core.rules.units import parse_number, parse_rate, whole

SAMPLING_URL = "https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html"
DEFAULT_RESERVOIR = 1
DEFAULT_RATE = Fraction(1, 20)


class RuleSource(StrEnum):
    """Where the sampling rules live: in X-Ray (shared reservoir) or in a local file (per instance)."""

    CENTRAL = "central"
    LOCAL = "local"


def sampled(requests: Fraction, reservoir: Fraction, rate: Fraction) -> Fraction:
    """Requests traced per second by one reservoir: all up to the reservoir, then the fixed rate."""
    return min(requests, reservoir) + rate * max(Fraction(0), requests - reservoir)


@dataclass(frozen=True, slots=True)
class SamplingInputs:
    """`requests` per second across `instances`, sampled by one rule with `reservoir` and fixed `rate`."""

    requests: Fraction
    reservoir: int = DEFAULT_RESERVOIR
    rate: Fraction = DEFAULT_RATE
    instances: int = 1
    source: RuleSource = RuleSource.CENTRAL

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", RuleSource(self.source))
        if self.requests < 0:
            raise RuleInputError("requests per second cannot be negative")
        if self.reservoir < 0:
            raise RuleInputError("the reservoir cannot be negative")

    @classmethod
    def build(
        cls,
        requests: str | Number,
        reservoir: str | Number = DEFAULT_RESERVOIR,
        rate: str | Number = DEFAULT_RATE,
        instances: str | Number = 1,
        source: str | RuleSource = RuleSource.CENTRAL,
    ) -> SamplingInputs:
        """Parse loose inputs; `rate` may be '5%' or '0.05'; `source` is 'central' or 'local'."""
        try:
            rule_source = RuleSource(source)
        except ValueError:
            raise RuleInputError(f"unknown rule source '{source}'; use 'central' or 'local'") from None
        return cls(
            parse_number(requests),
            whole(reservoir, "reservoir", minimum=0),
            parse_rate(rate),
            whole(instances, "instances"),
            rule_source,
        )

    def fleet(
        self, source: RuleSource, reservoir: Number | None = None, rate: Fraction | None = None
    ) -> Fraction:
        """Traced requests per second for the whole fleet under `source` rules."""
        res = Fraction(self.reservoir if reservoir is None else reservoir)
        fixed = self.rate if rate is None else rate
        if source is RuleSource.CENTRAL:
            return sampled(self.requests, res, fixed)
        per_instance = self.requests / self.instances
        return self.instances * sampled(per_instance, res, fixed)

    def calculate(self) -> Calculation:
        res = Fraction(self.reservoir)
        exact = self.fleet(self.source)
        steps: list[str] = []
        if self.source is RuleSource.CENTRAL:
            steps.append(
                f"Rules defined in X-Ray: one reservoir of {plural(res, 'request')} per second is shared by "
                f"all {plural(self.instances, 'instance')} (X-Ray gives each a quota)."
            )
            traffic, scale, who = self.requests, 1, "The fleet"
        else:
            per = self.requests / self.instances
            steps.append(
                f"Local rules: each of the {plural(self.instances, 'instance')} samples on its own with its "
                f"own reservoir of {fmt_num(res)} per second, so the reservoirs add up."
            )
            steps.append(
                f"Each instance sees {fmt_num(self.requests)} ÷ {self.instances} = {fmt_num(per)} requests "
                "per second."
            )
            traffic, scale, who = per, self.instances, "Each instance"
        if traffic <= res:
            steps.append(
                f"{who} gets {fmt_num(traffic)} requests per second, not more than the reservoir of "
                f"{fmt_num(res)}, so every request is traced: {fmt_num(traffic)}."
            )
        else:
            extra = traffic - res
            steps.append(
                f"{who} traces the first {fmt_num(res)} requests each second from the reservoir, then "
                f"{fmt_pct(self.rate)} of the other {fmt_num(extra)}: {fmt_num(res)} + "
                f"{fmt_pct(self.rate)} × "
                f"{fmt_num(extra)} = {fmt_num(sampled(traffic, res, self.rate))}."
            )
        if scale != 1:
            steps.append(
                f"Across {plural(scale, 'instance')}: {scale} × "
                f"{fmt_num(sampled(traffic, res, self.rate))} = "
                f"{fmt_num(exact)} traced requests per second."
            )
        else:
            steps.append(f"In total: {fmt_num(exact)} traced requests per second.")
        return Calculation(
            "xray-sampling", normalize(exact), "traced requests/s", exact, tuple(steps), SAMPLING_URL
        )

    def misconceptions(self) -> tuple[Misconception, ...]:
        res = Fraction(self.reservoir)
        found = [
            Misconception(
                "forgot-reservoir",
                f"You forgot the reservoir: the first {fmt_num(res)} requests each second are traced before "
                f"the {fmt_pct(self.rate)} rate applies.",
                normalize(self.fleet(self.source, reservoir=0)),
            ),
        ]
        shares = 1 if self.source is RuleSource.CENTRAL else self.instances
        per = self.requests / shares
        if per > res:
            found.append(
                Misconception(
                    "reservoir-not-subtracted",
                    f"You applied the {fmt_pct(self.rate)} rate to all requests; it applies only to the "
                    "requests beyond the reservoir.",
                    normalize(shares * (res + self.rate * per)),
                )
            )
        else:
            found.append(
                Misconception(
                    "reservoir-exceeds-traffic",
                    "You counted the whole reservoir, but traffic is below it: every request is traced and "
                    "no more.",
                    normalize(shares * res),
                )
            )
        if self.instances > 1 and self.source is RuleSource.CENTRAL:
            found.append(
                Misconception(
                    "central-reservoir-per-instance",
                    "You applied the reservoir per instance, but with rules defined in X-Ray the reservoir "
                    "is shared by the whole fleet.",
                    normalize(self.fleet(RuleSource.LOCAL)),
                )
            )
        if self.instances > 1 and self.source is RuleSource.LOCAL:
            found.append(
                Misconception(
                    "local-reservoir-shared",
                    "You shared one reservoir across the fleet, but with local rules every instance has its "
                    "own reservoir.",
                    normalize(self.fleet(RuleSource.CENTRAL)),
                )
            )
        if (self.reservoir, self.rate) != (DEFAULT_RESERVOIR, DEFAULT_RATE):
            found.append(
                Misconception(
                    "used-default-rule",
                    "You used the default rule (1 per second + 5%) instead of this rule's "
                    "reservoir and rate.",
                    normalize(self.fleet(self.source, DEFAULT_RESERVOIR, DEFAULT_RATE)),
                )
            )
        return tuple(found)


def xray_sampled(
    requests: str | Number,
    reservoir: str | Number = DEFAULT_RESERVOIR,
    rate: str | Number = DEFAULT_RATE,
    instances: str | Number = 1,
    source: str | RuleSource = RuleSource.CENTRAL,
) -> Calculation:
    """Traced requests per second.

    Follows https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html
    """
    return SamplingInputs.build(requests, reservoir, rate, instances, source).calculate()
