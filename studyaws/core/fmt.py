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
