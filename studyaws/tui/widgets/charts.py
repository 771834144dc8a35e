"""Terminal charts as plain Content: a bar chart and a GitHub-style review heatmap."""

from __future__ import annotations

from textual.content import Content

BLOCKS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"


def bar_chart(values: list[int], height: int = 4, label_every: int = 7) -> Content:
    """Columns of block characters, one per value, `height` rows tall, with a day axis below."""
    peak = max(values, default=0)
    top = peak or 1
    rows = []
    for level in range(height, 0, -1):
        line = []
        for v in values:
            filled = v / top * height
            if filled >= level:
                line.append(BLOCKS[-1])
            elif filled > level - 1:
                line.append(BLOCKS[max(1, round((filled - (level - 1)) * 8))])
            else:
                line.append(" ")
        rows.append("".join(line))
    axis = "".join("|" if i % label_every == 0 else " " for i in range(len(values)))
    rows.append(axis)
    label = f"max {peak} a day" if peak else "nothing yet"
    return Content(f"{label}\n" + "\n".join(rows))


def heatmap(history: list[int], weeks: int = 12) -> Content:
    """Seven rows (days of the week), one column per week, darker for more reviews; today bottom right."""
    days = weeks * 7
    cells = ([0] * days + history)[-days:]
    top = max(cells) if max(cells, default=0) > 0 else 1
    rows = []
    for weekday in range(7):
        row = []
        for week in range(weeks):
            v = cells[week * 7 + weekday]
            row.append(SHADES[0] if v == 0 else SHADES[min(len(SHADES) - 1, 1 + int(v / top * 3.999))])
        rows.append(" ".join(row))
    return Content("\n".join(rows))
