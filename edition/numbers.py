"""Numbers on the page: every quantity the Chinese prints, every number the English gives, and a check
that the two agree.

Two readers use this. The figures appendix lists what extract_zh finds, so a Quantity keeps the whole
printed figure ("近80亿元", "超3万余家") with its value normalised (万 and 亿 applied). The translation
check, compare(), asks the converse questions: is every Arabic figure of the Chinese rendered somewhere
in the English, and does every English figure stand for some numeral of the Chinese?

All matching is done on a working copy of the text that has the same length as the original: full-width
forms become ASCII one character for one, and digits inside e-mail addresses, URLs and tokens such as
"A380" are blanked out. Offsets found in the copy are therefore offsets in the printed text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from edition.numbers_en import EnNumber, extract_en
from edition.numerals import (
    CN_MAX,
    CN_NUMERAL,
    CN_RUN,
    CN_SMALL,
    DIGITS,
    YEAR,
    Values,
    cn_readings,
    cn_value,
    figure_value,
    prepare,
)

__all__ = [
    "EnNumber", "Mismatch", "Quantity", "compare", "date_parts", "extract_en", "extract_zh", "zh_numeral_values",
]  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    start: int  # span in the text: the whole printed figure, qualifier words included
    end: int
    text: str  # text[start:end], e.g. "近80亿元", "16.4万人", "百余次", "2月~4月", "1/4", "不低于30%"
    value: float  # normalised: 16.4万 -> 164000.0, 1/4 -> 0.25, 30% -> 30.0, 百余 -> 100.0
    unit: str  # measure word after the number ("元", "人", "%", "平方米"); "" if none; never the 万/亿 multiplier
    qualifier: str  # "" | "nearly" | "about" | "more than" | "over" | "at least"
    kind: str  # "quantity" | "date" | "ordinal"
    numeral: str  # "arabic" | "chinese"
    end_value: float | None = None  # the end of a period: "2月~4月" -> value 2, end_value 4


@dataclass(frozen=True)
class Mismatch:
    missing: tuple[Quantity, ...]  # Arabic figures of the Chinese that the English does not give
    unexpected: tuple[EnNumber, ...]  # English numbers that no numeral of the Chinese stands for


# --- Chinese extraction -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """One number a figure asks the English to give: a date has several (year, month, day)."""

    value: float
    role: str  # "number" | "year" | "month" | "day"


@dataclass(frozen=True)
class _Found:
    quantity: Quantity
    parts: tuple[_Part, ...]


@dataclass(frozen=True)
class _Source:
    text: str  # as printed: Quantity.text comes from here
    work: str  # the working copy: all matching happens here
    quoted: bytes  # 1 where the character is inside “…”, 「…」, 『…』 or 《…》

    @classmethod
    def of(cls, text: str) -> _Source:
        work = prepare(text)
        quoted = bytearray(len(work))
        for m in _QUOTED.finditer(work):
            quoted[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        return cls(text, work, bytes(quoted))


# Numerals inside quotation marks are slogans (“四个中心”, “八到位”), and inside 《》 parts of titles:
# names, not counts. Only Chinese numerals are skipped there; Arabic figures in a title are still figures.
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|《[^《》]*》")

_QUALIFIER = {
    "预计约": "about",
    "约": "about",
    "将近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "超过": "more than",
    "超": "more than",
    "逾": "more than",
    "突破": "over",
    "不低于": "at least",
    "不少于": "at least",
}
# 最近/附近 are "recent"/"nearby" and 签约, 合约 ... are words ending in 约, not qualifiers.
_PREFIX = r"(?P<pre>预计约|将近|接近|超过|不低于|不少于|突破|(?<![最附])近|(?<![签合预制履特邀节相违续公条契])约|超|逾)"

_UNITS = (
    "个百分点", "平方公里", "平方米", "立方米", "千瓦时", "周年", "周岁", "人次", "公顷", "公里", "千米", "千克",
    "千瓦", "小时",
    "分钟", "美元", "港元", "欧元", "%", "‰", "元", "人", "名", "家", "个", "次", "笔", "套", "桶",
    "种", "项", "期", "年", "团", "师", "号", "位", "件", "批", "所", "座", "台", "辆", "条", "支",
    "天", "周", "倍", "亩", "处", "间", "栋", "张", "场", "届", "轮", "篇", "部", "本", "只", "头",
    "株", "棵", "吨", "米", "岁", "户", "块", "床", "册", "份", "门", "班", "组", "队", "箱", "盒",
    "瓶", "袋", "斤", "克", "升", "度", "级", "层",
)  # fmt: skip
# Measure words that make a Chinese numeral a count (九项, 两期, 百余次); 批 is left out because
# 一批/一些 are vague, and the rest (十九大, 十四师, 三大攻坚战) are names.
_CN_UNITS = ("次", "家", "项", "期", "名", "人", "笔", "种", "位", "件", "个")


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that 平方米 wins over 米 and 人次 over 人.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MULTIPLIER = {"万": 10**4, "亿": 10**8, "万亿": 10**12, "百万": 10**6, "千万": 10**7, "百亿": 10**10, "千亿": 10**11}
# Spaces the typesetting put inside a figure ("金 2.86 亿元", "1 万个") are allowed between its pieces;
# the digits themselves are never split across a space. A digit after "1." or "1," is inside a number.
_ARABIC = re.compile(
    rf"(?:(?P<ord>第)|{_PREFIX})?\s*"
    r"(?<![0-9])(?<![0-9][.,/])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+)?"
    r"(?:/(?P<den>0*[1-9][0-9]*))?"
    r"(?:\s*(?P<suf1>[余多]))?"
    rf"(?:\s*(?P<mult>{_alternation(_MULTIPLIER)}))?"
    r"(?:\s*(?P<suf2>[余多]))?"
    rf"(?:\s*(?P<unit>{_alternation(_UNITS)}))?"
)
# 数十家, 几百人 are vague ("dozens"); a run that continues a numeral or an Arabic figure is not a start.
_CHINESE = re.compile(
    rf"(?:(?P<ord>第)|{_PREFIX})?\s*"
    rf"(?<![{CN_NUMERAL}0-9数几])(?P<num>[{CN_NUMERAL}]+)"
    r"(?:\s*(?P<suf>[余多]))?"
    rf"\s*(?P<unit>{_alternation(_CN_UNITS)})"
)
# Where a figure can begin: a digit, a numeral, 第, or the first character of a qualifier.
_ZH_START = re.compile(f"[0-9第{''.join(sorted({q[0] for q in _QUALIFIER}))}{CN_NUMERAL}]")

_DOTTED = re.compile(rf"(?P<y>{YEAR})(?P<s>[./-])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_COMPONENT = re.compile(r"\s*(?P<n>[0-9]{1,4})\s*(?P<u>[年月日号])")
_RANGE = re.compile(r"\s*[~\-—–至到]\s*")
_BARE = re.compile(r"[0-9]{1,4}(?=\s*[~\-—–至到])")
_ROLE = {"年": "year", "月": "month", "日": "day", "号": "day"}
_RANK = {"year": 0, "month": 1, "day": 2}
_ROLE_LIMIT = {"month": 12, "day": 31}


def _qualifier(m: re.Match[str]) -> str:
    # A prefix says more than a suffix; "超3万余家" is "more than" once, not twice.
    groups = m.groupdict()
    if groups.get("pre"):
        return _QUALIFIER[groups["pre"]]
    if any(groups.get(name) for name in ("suf", "suf1", "suf2")):
        return "more than"
    return ""


def _found(
    src: _Source,
    span: tuple[int, int],
    parts: tuple[_Part, ...],
    *,
    kind: str,
    numeral: str,
    unit: str = "",
    qualifier: str = "",
    end_value: float | None = None,
) -> _Found:
    """A Quantity whose value is its first part's; its text is the printed one, not the working copy's."""
    start, end = span
    quantity = Quantity(start, end, src.text[start:end], parts[0].value, unit, qualifier, kind, numeral, end_value)
    return _Found(quantity, parts)


def _arabic_at(src: _Source, i: int) -> _Found | None:
    m = _ARABIC.match(src.work, i)
    if m is None:
        return None
    scaled = figure_value(m, _MULTIPLIER.get(m["mult"] or "", 1))
    if scaled is None:
        return None
    kind = "ordinal" if m["ord"] else "quantity"
    unit, qualifier = m["unit"] or "", _qualifier(m)
    return _found(
        src, m.span(), (_Part(scaled, "number"),), unit=unit, qualifier=qualifier, kind=kind, numeral="arabic"
    )


def _chinese_at(src: _Source, i: int) -> _Found | None:
    m = _CHINESE.match(src.work, i)
    if m is None or src.quoted[m.start("num")]:
        return None
    run, ordinal, qualifier = m["num"], bool(m["ord"]), _qualifier(m)
    # A lone 一 is an article (一批, 一家亲), and a bare 百/千/万 an idiom (千家万户, 千人计划),
    # unless a qualifier makes it a round figure (近千家, 百余次) or 第 an ordinal (第一次).
    if not ordinal and (run == "一" or (len(run) == 1 and run in "百千万亿" and not qualifier)):
        return None
    value = cn_value(run)
    if value is None:
        return None
    kind = "ordinal" if ordinal else "quantity"
    return _found(
        src, m.span(), (_Part(value, "number"),), unit=m["unit"], qualifier=qualifier, kind=kind, numeral="chinese"
    )


def _date_point(work: str, pos: int) -> tuple[list[_Part], int]:
    """Year, month and day components in order (2019年8月, 2月18日, 18日); empty if none at pos."""
    parts: list[_Part] = []
    end = pos
    while (m := _COMPONENT.match(work, end)) is not None:
        if not parts and m.start("n") != pos:
            break
        role, digits = _ROLE[m["u"]], m["n"]
        previous = parts[-1].role if parts else None
        if m["u"] == "号" and previous != "month":  # a bare 号 is a house or licence number: 6号, 20180001号
            break
        if previous is not None and _RANK[role] != _RANK[previous] + 1:
            break
        if not _valid_component(digits, role):
            break
        parts.append(_Part(float(digits), role))
        end = m.end()
    return parts, end


def _valid_component(digits: str, role: str) -> bool:
    # Only a four-digit year is a date: "3年" and "连续3年" are durations.
    if role == "year":
        return len(digits) == 4 and 1900 <= int(digits) <= 2100
    return len(digits) <= 2 and 1 <= int(digits) <= _ROLE_LIMIT[role]


def _range_end(work: str, pos: int) -> tuple[list[_Part], int]:
    """The second date of a period ("~4月" in "2月~4月"); empty if none follows pos."""
    sep = _RANGE.match(work, pos)
    if sep is None:
        return [], pos
    parts, end = _date_point(work, sep.end())
    return (parts, end) if parts else ([], pos)


def _date_at(src: _Source, i: int) -> _Found | None:
    work = src.work
    if work[i] not in DIGITS or (i > 0 and work[i - 1] in DIGITS + "."):
        return None
    dotted = _DOTTED.match(work, i)
    if dotted is not None:
        parts = [_Part(float(dotted[g]), r) for g, r in (("y", "year"), ("m", "month"), ("d", "day"))]
        return _found(src, dotted.span(), tuple(parts), kind="date", numeral="arabic")
    parts, end = _date_point(work, i)
    if not parts:
        # A period may print its first unit once only: "2-4月", "2019—2020年".
        bare = _BARE.match(work, i)
        tail, end = _range_end(work, bare.end()) if bare else ([], i)
        if bare is None or not tail or not _valid_component(bare.group(), tail[0].role):
            return None
        parts = [_Part(float(bare.group()), tail[0].role)]
    else:
        tail, end = _range_end(work, end)
    if (tail or parts)[-1].role == "year" and work[end : end + 1] in ("底", "末"):
        end += 1  # 2019年底 is one figure, "the end of 2019"; 年初/年中 are left alone (年中国..., 年初步...)
    end_value = tail[0].value if tail else None
    return _found(src, (i, end), (*parts, *tail), kind="date", numeral="arabic", end_value=end_value)


def _best_at(src: _Source, i: int) -> _Found | None:
    """The longest figure starting at i; on a tie a date beats a plain number (2019年 is a year)."""
    candidates = [f for f in (_date_at(src, i), _arabic_at(src, i), _chinese_at(src, i)) if f is not None]
    return max(candidates, key=lambda f: f.quantity.end) if candidates else None


def _scan_zh(text: str) -> tuple[_Found, ...]:
    src = _Source.of(text)
    found: list[_Found] = []
    pos = 0
    while (hit := _ZH_START.search(src.work, pos)) is not None:
        best = _best_at(src, hit.start())
        if best is None:
            pos = hit.start() + 1
        else:
            found.append(best)
            pos = best.quantity.end
    return tuple(found)


def extract_zh(text: str) -> list[Quantity]:
    """Every quantity, date and counted ordinal printed in Chinese text, in order, without overlaps."""
    return [f.quantity for f in _scan_zh(text)]


def date_parts(text: str) -> tuple[tuple[str, int], ...]:
    """The parts of a date printed as ``text`` (a date figure's text), in order, as (role,
    number): 2019年8月 gives year 2019, month 8; a period gives its first date's and then its
    second's (2月~4月: month 2, month 4). Empty if ``text`` is not one date."""
    found = _scan_zh(text)
    if len(found) != 1 or found[0].quantity.kind != "date" or found[0].quantity.text != text:
        return ()
    return tuple((p.role, int(p.value)) for p in found[0].parts)


_ARABIC_RUN = re.compile(r"[0-9]+")
_ARABIC_FIGURE = re.compile(
    r"(?<![0-9.])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+)?"
    rf"(?:/(?P<den>0*[1-9][0-9]*))?(?:\s*[余多]?\s*(?P<chain>[{''.join(CN_SMALL)}万亿]+))?"
)
_CHAIN_VALUE = {**CN_SMALL, "万": 10**4, "亿": 10**8}


def _arabic_readings(m: re.Match[str]) -> list[float]:
    readings = [figure_value(m, divide=False), figure_value(m)]
    if m["chain"] and len(m["chain"]) <= CN_MAX:
        readings.append(figure_value(m, math.prod(_CHAIN_VALUE[ch] for ch in m["chain"]), divide=False))  # 16.4万
    return [v for v in readings if v is not None]


def zh_numeral_values(text: str) -> set[float]:
    """Every value any numeral run of the text could stand for, counts or not: 十九大 gives 19,
    “四个中心” gives 4, 2020.05.25 gives 2020, 5 and 25, 16.4万 gives 16.4 and 164000."""
    work = prepare(text)
    values: list[float] = [float(m.group()) for m in _ARABIC_RUN.finditer(work)]
    for m in _ARABIC_FIGURE.finditer(work):
        values.extend(_arabic_readings(m))
    for m in CN_RUN.finditer(work):
        values.extend(cn_readings(m.group()))
    return {v for v in values if math.isfinite(v)}


# --- the check --------------------------------------------------------------------------------------


def _rendered(part: _Part, numbers: Values, with_months: Values) -> bool:
    # A month may be rendered as a name ("18 February") or as a figure (2020.05.25); anything else as a figure.
    return part.value in (with_months if part.role == "month" else numbers)


def compare(zh: str, en: str) -> Mismatch:
    """Arabic figures of zh absent from en, and en numbers that no numeral of zh stands for."""
    found = _scan_zh(zh)
    english = extract_en(en)
    numbers = Values.of(n.value for n in english if n.kind == "number")
    with_months = Values.of(n.value for n in english)
    missing = tuple(
        f.quantity
        for f in found
        if f.quantity.numeral == "arabic" and not all(_rendered(p, numbers, with_months) for p in f.parts)
    )
    chinese = Values.of([*zh_numeral_values(zh), *(p.value for f in found for p in f.parts)])
    unexpected = tuple(n for n in english if n.kind == "number" and n.value not in chinese)
    return Mismatch(missing, unexpected)
