"""Charts drawn at build time as HTML and CSS: no chart library in the browser, and no SVG
scaled down to a phone's width (its text once shrank to 6 px there).

Each chart is a list: every row holds its whole label and its value as text, so the chart
reads on a narrow screen and to a screen reader, and the position or length of its mark is
the picture. Colours come from the stylesheet, so the charts follow dark mode and print.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from edition.typography import curly_quotes


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
    """Amounts as dots on a logarithmic axis, largest first: the page's amounts span five
    orders of magnitude. Dots, not bars: a bar's length on a log axis starts at an arbitrary
    floor and would make 8 billion look twice 1 million; a dot's place is read against the
    labelled gridlines (the caption says which scale), and its value is written beside it."""
    low = 10 ** math.floor(math.log10(min(b.value for b in bars)))
    # at least one decade wide: amounts that are all one power of ten (a single bar of
    # 100 million, say) would otherwise give the axis no width at all
    high = max(10 ** math.ceil(math.log10(max(b.value for b in bars))), low * 10)
    decades = round(math.log10(high) - math.log10(low))

    def x(value: float) -> float:
        return 100 * (math.log10(value) - math.log10(low)) / decades

    rows = [
        f'<li><span class="label"><a href="{escape(bar.href)}">{escape(_whole(bar.label))}</a>'
        f' <span class="value">{escape(bar.note + money(bar.value))} yuan</span></span>'
        f'<span class="track" aria-hidden="true"><span class="dot" style="left:{x(bar.value):.1f}%"></span></span></li>'
        for bar in bars
    ]
    # every decade labelled where there are few, every other one where they would crowd a phone
    step = 1 if decades <= 4 else 2
    ticks = [
        f'<span style="left:{100 * k / decades:.1f}%">{escape(_words(low * 10**k))}</span>'
        for k in range(0, decades + 1, step)
    ]
    # The charts are English (the figures' English labels, "yuan") in every view: said so,
    # the Chinese views set them as English, not justified as Chinese.
    return Markup(  # noqa: S704 - every text above is escaped
        f'<div class="chart" id="{chart_id}" lang="en"><ol class="dotplot" style="--decades:{decades}" aria-label="{escape(title)}">'
        + "".join(rows)
        + '</ol><div class="scale" aria-hidden="true">'
        + "".join(ticks)
        + "</div></div>"
    )


def waterfall(title: str, description: str, steps: Sequence[Bar], total_label: str, chart_id: str) -> Markup:
    """Amounts that add up, on a linear scale: each bar starts where the one before ended; the total last."""
    total = sum(s.value for s in steps)

    def pct(value: float) -> float:
        return 100 * value / total

    rows = []
    start = 0.0
    for i, step in enumerate(steps):
        rows.append(
            f'<li><span class="label"><a href="{escape(step.href)}">{escape(_whole(step.label))}</a>'
            f' <span class="value">+{escape(money(step.value))} yuan</span></span>'
            f'<span class="bar-track" aria-hidden="true"><span class="bar step-{i}" '
            f'style="left:{pct(start):.1f}%;width:{pct(step.value):.1f}%"></span></span></li>'
        )
        start += step.value
    rows.append(
        f'<li class="total"><span class="label">{escape(_whole(total_label))}'
        f' <span class="value">{escape(money(total))} yuan</span></span>'
        f'<span class="bar-track" aria-hidden="true"><span class="bar total" style="left:0;width:100%"></span></span></li>'
    )
    return Markup(  # noqa: S704 - every text above is escaped
        f'<div class="chart" id="{chart_id}" lang="en"><ol class="bars" aria-label="{escape(title)}">'
        + "".join(rows)
        + "</ol></div>"
    )


def _words(value: float) -> str:
    """An axis label in words: 10 thousand, 1 million, 100 million, 10 billion."""
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


def _whole(label: str) -> str:
    """A label as written, without its parenthesis of units ("(yuan)"): never cut short."""
    return curly_quotes(label.removesuffix(" (yuan)"))
