"""Charts drawn at build time as inline SVG: no chart library in the browser.

Colours come from the stylesheet (classes, currentColor), so the charts follow dark mode
and print; every chart has a title, a description and the table beside it as its text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str  # the figure's row in the table
    note: str = ""  # e.g. the qualifier ("nearly")


def money(value: float) -> str:
    """An amount of yuan in English conventions: 1.384 billion, 73.27 million, 60,000."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.4g} {word}"
    return f"{value:,.0f}"


def log_bars(title: str, description: str, bars: Sequence[Bar], chart_id: str) -> Markup:
    """Horizontal bars on a logarithmic axis: the page's amounts span five orders of magnitude."""
    row, left, width = 26, 330, 300
    low = 10 ** math.floor(math.log10(min(b.value for b in bars)))
    # at least one decade wide: amounts that are all one power of ten (a single bar of
    # 100 million, say) would otherwise give the axis no width at all
    high = max(10 ** math.ceil(math.log10(max(b.value for b in bars))), low * 10)
    span = math.log10(high) - math.log10(low)
    height = row * len(bars) + 40

    def x(value: float) -> float:
        return left + width * (math.log10(value) - math.log10(low)) / span

    parts = _open(chart_id, left + width + 120, height, title, description)
    exponent = int(math.log10(low))
    while 10**exponent <= high:
        gx = x(10**exponent)
        parts.append(f'<line class="grid" x1="{gx:.1f}" x2="{gx:.1f}" y1="0" y2="{height - 24}"/>')
        parts.append(
            f'<text class="axis" x="{gx:.1f}" y="{height - 8}" text-anchor="middle">{_compact(10**exponent)}</text>'
        )
        exponent += 1
    for i, bar in enumerate(bars):
        y = i * row + 4
        parts.append(
            f'<a href="{escape(bar.href)}"><text class="label" x="{left - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(_short(bar.label))}</text>"
            f'<rect class="bar" x="{left}" y="{y + 3}" width="{max(1.0, x(bar.value) - left):.1f}" height="{row - 8}"/>'
            f'<text class="value" x="{x(bar.value) + 4:.1f}" y="{y + 15}">{escape(bar.note + money(bar.value))}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above is escaped


def waterfall(title: str, description: str, steps: Sequence[Bar], total_label: str, chart_id: str) -> Markup:
    """Amounts that add up, each bar starting where the one before ended; the total last."""
    row, left, width = 34, 300, 330
    total = sum(s.value for s in steps)
    height = row * (len(steps) + 1) + 10

    def w(value: float) -> float:
        return width * value / total

    parts = _open(chart_id, left + width + 130, height, title, description)
    start = 0.0
    for i, step in enumerate(steps):
        y = i * row + 4
        parts.append(
            f'<a href="{escape(step.href)}"><text class="label" x="{left - 8}" y="{y + 19}" text-anchor="end">{escape(_short(step.label, 40))}</text>'
            f'<rect class="bar step-{i}" x="{left + w(start):.1f}" y="{y + 4}" width="{w(step.value):.1f}" height="{row - 10}"/>'
            f'<text class="value" x="{left + w(start + step.value) + 4:.1f}" y="{y + 19}">+{escape(money(step.value))}</text></a>'
        )
        start += step.value
    y = len(steps) * row + 4
    parts.append(
        f'<text class="label total" x="{left - 8}" y="{y + 19}" text-anchor="end">{escape(_short(total_label, 40))}</text>'
        f'<rect class="bar total" x="{left}" y="{y + 4}" width="{width}" height="{row - 10}"/>'
        f'<text class="value" x="{left + width + 4}" y="{y + 19}">{escape(money(total))}</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text above is escaped


def _open(chart_id: str, width: float, height: float, title: str, description: str) -> list[str]:
    """The start of a chart: its box, and its title and description (its text alternative)."""
    return [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(description)}</desc>',
    ]


def _compact(value: float) -> str:
    """Axis labels short enough not to collide: 10k, 1M, 100M, 10B."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def _short(label: str, limit: int = 46) -> str:
    label = label.split(" (")[0]
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
