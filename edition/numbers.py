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

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

__all__ = ["EnNumber", "Mismatch", "Quantity", "compare", "extract_en", "extract_zh", "zh_numeral_values"]


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
class EnNumber:
    start: int
    end: int
    text: str
    value: float
    kind: str  # "number" | "month"


@dataclass(frozen=True)
class Mismatch:
    missing: tuple[Quantity, ...]  # Arabic figures of the Chinese that the English does not give
    unexpected: tuple[EnNumber, ...]  # English numbers that no numeral of the Chinese stands for


# --- the working copy -------------------------------------------------------------------------------

_DIGITS = "0123456789"
# Full-width digits and signs, and the private-use glyph the page's PDF extraction prints as a decimal
# point ("2\U001001b000元"), become ASCII. One character maps to one, so offsets survive.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "％": "%",
        "．": ".",
        "／": "/",
        "～": "~",
        "〜": "~",
        "－": "-",
        "\U001001b0": ".",
    }
)
# What masked characters become: matches no pattern below, so digits under it are invisible.
_BLANK = "\x00"
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + _DIGITS)
_EMAIL_LOCAL = _ASCII_ALNUM | frozenset("._%+-")
_EMAIL_DOMAIN = _ASCII_ALNUM | frozenset(".-")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>()（）“”，。；、]*", re.IGNORECASE)
# A number with an English suffix ("47th", "1990s", "5km", "1.384bn") is a number, not a code.
_NUMBER_WITH_SUFFIX = re.compile(r"[0-9]+(?:st|nd|rd|th|s|bn|m|km|kg|cm|mm|ha)", re.IGNORECASE)


def _email_spans(work: str) -> list[tuple[int, int]]:
    """Spans of things shaped like local@domain; expanded by hand from each "@" to stay linear."""
    spans = []
    at = work.find("@")
    while at != -1:
        start, end = at, at + 1
        while start > 0 and work[start - 1] in _EMAIL_LOCAL:
            start -= 1
        while end < len(work) and work[end] in _EMAIL_DOMAIN:
            end += 1
        if start < at < end - 1:
            spans.append((start, end))
        at = work.find("@", at + 1)
    return spans


# An ASCII run (whole: not preceded by a letter or digit) holding both a digit and a letter.
_MIXED_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+")


def _code_spans(work: str) -> list[tuple[int, int]]:
    """ASCII tokens mixing letters and digits ("ggjjlw2018", "A380", "5G"): codes, not quantities."""
    return [m.span() for m in _MIXED_TOKEN.finditer(work) if not _NUMBER_WITH_SUFFIX.fullmatch(m.group())]


@lru_cache(maxsize=8192)  # a block's text is read by the figures and by the number check
def _prepare(text: str) -> str:
    """The working copy: normalised, with the digits of addresses and codes blanked out."""
    work = text.translate(_NORMALISE)
    spans = [*_email_spans(work), *(m.span() for m in _URL.finditer(work)), *_code_spans(work)]
    if not spans:
        return work
    chars = list(work)
    for start, end in spans:
        chars[start:end] = _BLANK * (end - start)
    return "".join(chars)


# --- values -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Values:
    """A set of floats searched with relative tolerance: sorted, so only two neighbours need a look."""

    ordered: tuple[float, ...]

    @classmethod
    def of(cls, values: Iterable[float]) -> _Values:
        return cls(tuple(sorted({v for v in values if math.isfinite(v)})))

    def __contains__(self, value: float) -> bool:
        index = bisect.bisect_left(self.ordered, value)
        return any(math.isclose(value, v, rel_tol=1e-9) for v in self.ordered[max(0, index - 1) : index + 1])


# More digits than any float can hold: such a "figure" is noise, and Decimal arithmetic on it could overflow.
_MAX_DIGITS = 300


def _figure_value(m: re.Match[str], scale: int = 1, divide: bool = True) -> float | None:
    """The value of a matched figure (groups num, dec, den) times scale, or None if it is absurd.

    Decimal arithmetic keeps 8.2亿 at 820000000.0 exactly; floats would give 819999999.9999999.
    """
    digits = m["num"].replace(",", "") + (m["dec"] or "")
    if len(digits) > _MAX_DIGITS:
        return None
    value = Decimal(digits) * scale
    if divide and m["den"]:
        value /= Decimal(m["den"])
    result = float(value)
    return result if math.isfinite(result) else None


# --- Chinese numerals -------------------------------------------------------------------------------

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = (("亿", 1e8), ("万", 1e4))
_CN_NUMERAL = "".join(_CN_DIGIT) + "十百千万亿"
_CN_RUN = re.compile(f"[{_CN_NUMERAL}]+")
# Longer runs are not numbers anyone prints; the cap also bounds the recursion in _cn_value.
_CN_MAX = 16
# Substrings of a run up to this length are read too, for slogans such as “四千四万”.
_CN_PIECE = 8


def _cn_section(run: str) -> float | None:
    """A numeral below 万 read positionally (十四 = 14, 一百零五 = 105); None if malformed."""
    total, digit, last = 0, -1, 10_000
    for ch in run:
        if ch in "零〇":
            if digit >= 0:  # "二〇" is a digit string (a year), not a positional numeral
                return None
        elif ch in _CN_DIGIT:
            if digit >= 0:  # "三五" means "three or five"
                return None
            digit = _CN_DIGIT[ch]
        else:
            size = _CN_SMALL.get(ch, 0)
            if not size or size >= last:
                return None
            total += max(digit, 1) * size  # a bare 十/百/千 counts one of it: 十四 = 14, 百余 = 100
            digit, last = -1, size
    return float(total + max(digit, 0))


def _cn_value(run: str) -> float | None:
    """Positional value of a Chinese numeral (三千万 = 3e7, 三万亿 = 3e12); None if malformed."""
    if not run or len(run) > _CN_MAX:
        return None
    for char, size in _CN_BIG:
        head, sep, tail = run.partition(char)
        if sep:
            high = _cn_value(head) if head else 1.0
            low = _cn_value(tail) if tail else 0.0
            if high is None or low is None or low >= size:
                return None
            return high * size + low
    return _cn_section(run)


def _cn_digit_string(run: str) -> float | None:
    """A run of digit characters read digit by digit: 二〇一九 = 2019."""
    if not run or len(run) > _CN_MAX or any(ch not in _CN_DIGIT for ch in run):
        return None
    return float("".join(str(_CN_DIGIT[ch]) for ch in run))


def _cn_readings(run: str) -> set[float]:
    """Every value a run of Chinese numerals, or a piece of it, could stand for."""
    values: set[float] = set()
    for i in range(len(run)):
        for j in range(i + 1, min(len(run), i + _CN_PIECE) + 1):
            values.update(v for v in (_cn_value(run[i:j]), _cn_digit_string(run[i:j])) if v is not None)
    whole = _cn_value(run)
    if whole is not None:
        values.add(whole)
    return values


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
        work = _prepare(text)
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
    "个百分点", "平方公里", "平方米", "立方米", "周年", "人次", "公顷", "公里", "千米", "千克", "千瓦", "小时",
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
    rf"(?<![{_CN_NUMERAL}0-9数几])(?P<num>[{_CN_NUMERAL}]+)"
    r"(?:\s*(?P<suf>[余多]))?"
    rf"\s*(?P<unit>{_alternation(_CN_UNITS)})"
)
# Where a figure can begin: a digit, a numeral, 第, or the first character of a qualifier.
_ZH_START = re.compile(f"[0-9第{''.join(sorted({q[0] for q in _QUALIFIER}))}{_CN_NUMERAL}]")

_YEAR = r"19[0-9]{2}|20[0-9]{2}|2100"
_DOTTED = re.compile(rf"(?P<y>{_YEAR})(?P<s>[./-])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])")
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
    scaled = _figure_value(m, _MULTIPLIER.get(m["mult"] or "", 1))
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
    value = _cn_value(run)
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
    if work[i] not in _DIGITS or (i > 0 and work[i - 1] in _DIGITS + "."):
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


@lru_cache(maxsize=8192)  # read by the figures and by the number check
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


_ARABIC_RUN = re.compile(r"[0-9]+")
_ARABIC_FIGURE = re.compile(
    r"(?<![0-9.])(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+)?"
    rf"(?:/(?P<den>0*[1-9][0-9]*))?(?:\s*[余多]?\s*(?P<chain>[{''.join(_CN_SMALL)}万亿]+))?"
)
_CHAIN_VALUE = {**_CN_SMALL, "万": 10**4, "亿": 10**8}


def _arabic_readings(m: re.Match[str]) -> list[float]:
    readings = [_figure_value(m, divide=False), _figure_value(m)]
    if m["chain"] and len(m["chain"]) <= _CN_MAX:
        readings.append(_figure_value(m, math.prod(_CHAIN_VALUE[ch] for ch in m["chain"]), divide=False))  # 16.4万
    return [v for v in readings if v is not None]


def zh_numeral_values(text: str) -> set[float]:
    """Every value any numeral run of the text could stand for, counts or not: 十九大 gives 19,
    “四个中心” gives 4, 2020.05.25 gives 2020, 5 and 25, 16.4万 gives 16.4 and 164000."""
    work = _prepare(text)
    values: list[float] = [float(m.group()) for m in _ARABIC_RUN.finditer(work)]
    for m in _ARABIC_FIGURE.finditer(work):
        values.extend(_arabic_readings(m))
    for m in _CN_RUN.finditer(work):
        values.extend(_cn_readings(m.group()))
    return {v for v in values if math.isfinite(v)}


# --- English ----------------------------------------------------------------------------------------

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_MULTIPLIER = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}
_EN = re.compile(
    # 2020.05.25: three numbers, and not 2020.05 followed by 25.
    rf"(?<![0-9A-Za-z.])(?P<y>{_YEAR})(?P<s>[./-])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
    r"|(?<![0-9A-Za-z])(?<![0-9]\.)"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?P<dec>\.[0-9]+)?"
    r"(?:/(?P<den>0*[1-9][0-9]*)(?![0-9.]))?"
    r"(?:\s?%|(?:st|nd|rd|th)\b)?"
    r"(?:\s+(?P<mult>(?i:thousand|million|billion|trillion))\b|(?P<bn>bn)\b)?"
    rf"|\b(?P<month>{'|'.join(_MONTHS)})\b"
    # House style writes a simple fraction in words ("a quarter of the total" for 1/4).
    r"|\b(?P<frac>(?i:a|one|two|three)[ -](?i:half|thirds?|quarters?))\b"
)
_FRACTION_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "half": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
}


def _en_numbers(text: str, m: re.Match[str]) -> list[EnNumber]:
    if m["y"]:
        return [EnNumber(m.start(g), m.end(g), text[m.start(g) : m.end(g)], float(m[g]), "number") for g in "ymd"]
    if m["month"]:
        return [EnNumber(m.start(), m.end(), text[m.start() : m.end()], float(_MONTHS.index(m["month"]) + 1), "month")]
    if m["frac"]:
        top, bottom = re.split(r"[ -]", m["frac"].lower())
        value = _FRACTION_WORDS[top] / _FRACTION_WORDS[bottom]
        return [EnNumber(m.start(), m.end(), text[m.start() : m.end()], value, "number")]
    word = m["mult"] or m["bn"]
    scaled = _figure_value(m, _EN_MULTIPLIER[word.lower()] if word else 1)
    if scaled is None:
        return []
    return [EnNumber(m.start(), m.end(), text[m.start() : m.end()], scaled, "number")]


def extract_en(text: str) -> list[EnNumber]:
    """Digit numbers (164,000; 1.384 billion; 47th; 1/4; 30%), simple fractions in words (a quarter,
    two thirds) and month names of English text, in order. Other number words (nine, hundred) are
    not read: the check is about figures."""
    work = _prepare(text)
    return [n for m in _EN.finditer(work) for n in _en_numbers(text, m)]


# --- the check --------------------------------------------------------------------------------------


def _rendered(part: _Part, numbers: _Values, with_months: _Values) -> bool:
    # A month may be rendered as a name ("18 February") or as a figure (2020.05.25); anything else as a figure.
    return part.value in (with_months if part.role == "month" else numbers)


def compare(zh: str, en: str) -> Mismatch:
    """Arabic figures of zh absent from en, and en numbers that no numeral of zh stands for."""
    found = _scan_zh(zh)
    english = extract_en(en)
    numbers = _Values.of(n.value for n in english if n.kind == "number")
    with_months = _Values.of(n.value for n in english)
    missing = tuple(
        f.quantity
        for f in found
        if f.quantity.numeral == "arabic" and not all(_rendered(p, numbers, with_months) for p in f.parts)
    )
    chinese = _Values.of([*zh_numeral_values(zh), *(p.value for f in found for p in f.parts)])
    unexpected = tuple(n for n in english if n.kind == "number" and n.value not in chinese)
    return Mismatch(missing, unexpected)
