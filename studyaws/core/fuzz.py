"""Interval fuzz by Anki's table: spreads cards learned together so they do not stay together forever.

The random draw is a parameter (a float in [0, 1)), so the scheduler stays pure and a replay of the review
log, which stores the draw, reproduces every interval exactly.
"""

from __future__ import annotations

import math

# (start, end, factor): 15 % of the days between 2.5 and 7, 10 % of 7–20, 5 % beyond 20, on top of 1 day.
_FUZZ_RANGES: tuple[tuple[float, float, float], ...] = (
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.10),
    (20.0, math.inf, 0.05),
)

# Learning steps get up to a quarter of the step more, at most five minutes.
_LEARN_FUZZ_SHARE = 0.25
_LEARN_FUZZ_MAX_SECS = 300


def round_half_up(value: float) -> int:
    """Round like Rust's f32::round for positive numbers (half away from zero), not banker's rounding."""
    return math.floor(value + 0.5)


def fuzz_delta(interval: float) -> float:
    if interval < 2.5:
        return 0.0
    delta = 1.0
    for start, end, factor in _FUZZ_RANGES:
        delta += factor * max(0.0, min(interval, end) - start)
    return delta


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The inclusive range of days the fuzzed interval is drawn from, within [minimum, maximum]."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, float(minimum)), float(maximum))
    delta = fuzz_delta(interval)
    lower = min(max(round_half_up(interval - delta), minimum), maximum)
    upper = min(max(round_half_up(interval + delta), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def review_fuzz(interval: float, minimum: int, maximum: int, draw: float | None) -> int:
    """Return the interval in whole days: fuzzed by `draw` in [0, 1), or just rounded when `draw` is None."""
    if draw is None:
        return min(max(round_half_up(interval), minimum), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return math.floor(lower + draw * (1 + upper - lower))


def learning_fuzz(secs: int, draw: float | None) -> int:
    """Return a learning-step delay in seconds with up to 25 % (at most 5 minutes) added."""
    if draw is None:
        return secs
    extra = int(min(secs * _LEARN_FUZZ_SHARE, _LEARN_FUZZ_MAX_SECS))
    return secs + math.floor(draw * extra)
