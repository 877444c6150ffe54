"""Charts drawn at build time as HTML and CSS: no chart library in the browser, and no SVG
scaled down to a phone's width (its text once shrank to 6 px there).

Each chart is a list: every row holds its whole label and its value as text, so the chart
reads on a narrow screen and to a screen reader, and the position or length of its mark is
the picture. The value is said once: beside the label, or, where the label (a Chinese view's,
the text's own words) prints it, marked there; a number is not broken from its unit. Colours come from the stylesheet, so the charts follow dark mode and print.

A chart is written in its view's language (``Voice``): English in the parallel and English
views (the figures' English labels, 73.27 million yuan, gridlines of 10 thousand, 1 million);
Chinese in the Chinese views (each figure's Chinese label, or the words of the text around it;
7327万元, gridlines of 1万, 100万, 1亿), in Traditional characters in the zh-Hant view. The
amounts and the marks' places are the same in every view.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from edition.typography import curly_quotes
from edition.views import View, chinese_in_english

if TYPE_CHECKING:
    from edition.model import Chart


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: str  # the figure's row in the table
    note: str = ""  # e.g. the qualifier ("nearly ")
    label_zh: str = ""  # the Chinese views' label (``label_zh``); the English where it is empty
    note_zh: str = ""  # the qualifier in Chinese (近)
    # where ``label_zh`` prints the amount ([start, end): 近80亿元 in 减免三项社保费用近80亿元), if it does
    amount_zh: tuple[int, int] | None = None


@dataclass(frozen=True)
class Voice:
    """How a view writes its charts: ``lang`` of the chart, and in a Chinese view (``chinese``)
    its conversion of Simplified text (to Traditional in the zh-Hant view)."""

    lang: str = "en"
    chinese: bool = False
    convert: Callable[[str], str] = str

    def label(self, bar: Bar) -> str:
        if self.chinese and bar.label_zh:
            return self.convert(bar.label_zh)
        return _whole(bar.label)

    def label_html(self, bar: Bar) -> tuple[str, bool]:
        """The label, escaped, and whether it says the amount: a Chinese view's label made of the
        text's words prints it (投入区级财政资金2.86亿元，年均增长7327万元), and the amount is marked
        there instead of said again beside it."""
        if not (self.chinese and bar.label_zh and bar.amount_zh):
            return _unbroken(escape(self.label(bar)), self.chinese), False
        start, end = bar.amount_zh
        whole = self.convert(bar.label_zh)
        # cut as converted (a phrase across the cut converts as it does in the whole), unless the
        # conversion is of another length (rare: then each piece as it converts alone)
        if len(whole) == len(bar.label_zh):
            pieces = [whole[:start], whole[start:end], whole[end:]]
        else:
            label = bar.label_zh
            pieces = [self.convert(piece) for piece in (label[:start], label[start:end], label[end:])]
        before, after = (_unbroken(escape(piece), True) for piece in (pieces[0], pieces[2]))
        return f'{before}<span class="amount">{escape(pieces[1])}</span>{after}', True

    def amount(self, value: float, note: str = "", note_zh: str = "", sign: str = "") -> str:
        """An amount of yuan: "nearly 8 billion yuan"; 近80亿元."""
        if self.chinese:
            return self.convert(f"{sign}{note_zh}{money_zh(value)}元")
        return f"{sign}{note}{money(value)} yuan"

    def tick(self, value: float) -> str:
        return self.convert(_words_zh(value)) if self.chinese else _words(value)


ENGLISH = Voice()


def money(value: float) -> str:
    """An amount of yuan in English conventions: 1.384 billion, 73.27 million, 60,000."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:.4g} {word}"
    return f"{value:,.0f}"


def money_zh(value: float) -> str:
    """An amount in Chinese conventions, to as many figures as ``money``: four from a million
    (13.84亿, 7327万), every one below (6万, 1.2345万, 2000); rounded before its unit is chosen,
    so that 99,995,000 is 1亿, not 10000万."""
    shown = float(f"{value:.4g}") if value >= 1e6 else value
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if shown >= size:
            return f"{_plain(shown / size)}{word}"
    return _plain(shown)


def _plain(value: float) -> str:
    """A number without an exponent or trailing zeros: 7327, 13.84, 1.2345."""
    return f"{value:.8f}".rstrip("0").rstrip(".")


def log_bars(title: str, bars: Sequence[Bar], chart_id: str, voice: Voice = ENGLISH) -> Markup:
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
        f'<li><span class="label">{_linked(bar, voice, voice.amount(bar.value, bar.note, bar.note_zh))}</span>'
        f'<span class="track" aria-hidden="true"><span class="dot" style="left:{x(bar.value):.1f}%"></span></span></li>'
        for bar in bars
    ]
    # every decade labelled where there are few, every other one where they would crowd a phone
    step = 1 if decades <= 4 else 2
    ticks = [
        f'<span style="left:{100 * k / decades:.1f}%">{escape(voice.tick(low * 10**k))}</span>'
        for k in range(0, decades + 1, step)
    ]
    scale = "".join(ticks) + "</div>"
    # the scale above the dots too, for paper (figures.css): a chart that runs over a page
    # has a scale on each (usage walk 17: its second page was dots without one)
    return Markup(  # noqa: S704 - every text above is escaped
        f'<div class="chart" id="{chart_id}" lang="{voice.lang}"><div class="scale scale-top" aria-hidden="true">{scale}'
        f'<ol class="dotplot" style="--decades:{decades}" aria-label="{escape(title)}">'
        + "".join(rows)
        + f'</ol><div class="scale" aria-hidden="true">{scale}</div>'
    )


def waterfall(title: str, steps: Sequence[Bar], total_label: str, chart_id: str, voice: Voice = ENGLISH) -> Markup:
    """Amounts that add up, on a linear scale: each bar starts where the one before ended; the total last."""
    total = sum(s.value for s in steps)

    def pct(value: float) -> float:
        return 100 * value / total

    rows = []
    start = 0.0
    for i, step in enumerate(steps):
        rows.append(
            f'<li><span class="label">{_linked(step, voice, voice.amount(step.value, sign="+"))}</span>'
            f'<span class="bar-track" aria-hidden="true"><span class="bar step-{i}" '
            f'style="left:{pct(start):.1f}%;width:{pct(step.value):.1f}%"></span></span></li>'
        )
        start += step.value
    rows.append(
        f'<li class="total"><span class="label">{escape(_whole(total_label))}'
        f' <span class="value">{escape(voice.amount(total))}</span></span>'
        f'<span class="bar-track" aria-hidden="true"><span class="bar total" style="left:0;width:100%"></span></span></li>'
    )
    return Markup(  # noqa: S704 - every text above is escaped
        f'<div class="chart" id="{chart_id}" lang="{voice.lang}"><ol class="bars" aria-label="{escape(title)}">'
        + "".join(rows)
        + "</ol></div>"
    )


# A number and what it counts, kept on one line in a label on a phone (the 83 / villages, 4个 /
# 地区): in English the space before the word a no-break space; in Chinese the number with its
# 万 or 亿, an 余 or 多 (15万余家), and the character after it (its measure word or unit) in a span that
# does not break.
_NUMBER_EN = re.compile(r"(?<![\w&#])(\d[\d.,]*) (?=[A-Za-z])")
_NUMBER_ZH = re.compile(r"\d[\d.,]*(?:%|(?:万亿|萬億|[万亿萬億])?[余多餘]?[\u3400-\u9fff])")  # (Traditional too)


def _unbroken(html: str, chinese: bool) -> str:
    if chinese:
        return _NUMBER_ZH.sub(lambda m: f'<span class="nb">{m[0]}</span>', html)
    return _NUMBER_EN.sub("\\1\u00a0", html)


def _linked(bar: Bar, voice: Voice, amount: str) -> str:
    """A row's label, linked to its figure's row in the table, and its amount, said once: in the
    label where the label prints it, else beside it."""
    label, said = voice.label_html(bar)
    value = "" if said else f' <span class="value">{escape(amount)}</span>'
    return f'<a href="{escape(bar.href)}">{label}</a>{value}'


def _words(value: float) -> str:
    """An axis label in words: 10 thousand, 1 million, 100 million, 10 billion."""
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


def _words_zh(value: float) -> str:
    """An axis label as Chinese readers count: 1000, 1万, 10万, 100万, 1000万, 1亿, 10亿, 100亿."""
    for size, word in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if value >= size:
            return f"{value / size:g}{word}"
    return f"{value:g}"


def _whole(label: str) -> str:
    """A label as written, without its parenthesis of units ("(yuan)"): never cut short."""
    return curly_quotes(label.removesuffix(" (yuan)"))


# Where a clause of the Chinese text ends; a clause of fewer characters than this besides its
# figure (共计498万元, 年均增长7327万元) says too little alone and takes the one before it.
_CLAUSE_END = re.compile("[，。；：！？]")
_SHORT = 6
# a report's dateline, which begins its first clause: 本报讯, 本报北京5月24日电, 本报讯（记者 王某）
_DATELINE = re.compile(r"^本报[^\s，。]{0,12}?[讯电](?:（[^）]*）)?\s*")


def clause_zh(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that prints the figure at [start, end): a chart's Chinese label
    where its editor gave none (朝阳区在原计划投入资金2100万元的基础上), in the text's own words."""
    stops = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    stop = after.start() if after else len(text)
    begin = stops[-1] if stops else 0
    if stop - begin - (end - start) < _SHORT and len(stops) > 1:
        begin = stops[-2]
    elif stop - begin - (end - start) < _SHORT and stops:
        begin = 0
    return _DATELINE.sub("", text[begin:stop].strip())


def chart_helpers(view: View, t: Callable[[str], str], zh: Callable[[str], str]) -> dict[str, Callable[..., Markup]]:
    """What the figures page calls to draw its charts in its view's language:
    ``money_chart(bars)`` and ``waterfall_chart(chart, bars)``."""
    voice = Voice(view.zh_lang, True, zh) if not view.show_en else ENGLISH

    def marked(html: Markup) -> Markup:
        # an English chart's Chinese (a label's 上解) marked as Chinese, as the view writes it
        return html if voice.chinese else Markup(chinese_in_english(str(html), view))  # noqa: S704 - escaped

    def money_chart(bars: Sequence[Bar]) -> Markup:
        return marked(log_bars(t("money_chart_title"), bars, "chart-money", voice)) if bars else Markup("")

    def waterfall_chart(chart: Chart, bars: Sequence[Bar]) -> Markup:
        # a Chinese view's chart says its title and total in the interface's words (the editor's are English)
        title, total = (t("waterfall_title"), t("waterfall_total")) if voice.chinese else (chart.title, chart.total)
        return marked(waterfall(title, bars, total, f"chart-{chart.id}", voice))

    return {"money_chart": money_chart, "waterfall_chart": waterfall_chart}
