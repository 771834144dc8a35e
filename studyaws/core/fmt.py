"""Human-readable intervals for the answer buttons and the due summary, in Anki's short style."""

from __future__ import annotations


def short_interval(seconds: float) -> str:
    """`<1m`, `10m`, `1.5h`, `4d`, `1.2mo`, `2.1y`."""
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{hours:.1f}h".replace(".0h", "h")
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def clock_time(ms: int) -> str:
    """A countdown as `2:09:59` or `4:05` (rounded up, so `0:00` only when time is really out)."""
    seconds = max(0, -(-ms // 1000))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
