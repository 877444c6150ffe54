"""The working copy of a text that number matching reads (same length, digits of codes and
addresses blanked), the values of Arabic figures, and the values of Chinese numerals."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

# --- the working copy -------------------------------------------------------------------------------

DIGITS = "0123456789"
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
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + DIGITS)
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


def prepare(text: str) -> str:
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
class Values:
    """A set of floats searched with relative tolerance: sorted, so only two neighbours need a look."""

    ordered: tuple[float, ...]

    @classmethod
    def of(cls, values: Iterable[float]) -> Values:
        return cls(tuple(sorted({v for v in values if math.isfinite(v)})))

    def __contains__(self, value: float) -> bool:
        index = bisect.bisect_left(self.ordered, value)
        return any(math.isclose(value, v, rel_tol=1e-9) for v in self.ordered[max(0, index - 1) : index + 1])


# More digits than any float can hold: such a "figure" is noise, and Decimal arithmetic on it could overflow.
_MAX_DIGITS = 300


def figure_value(m: re.Match[str], scale: int = 1, divide: bool = True) -> float | None:
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
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = (("亿", 1e8), ("万", 1e4))
CN_NUMERAL = "".join(_CN_DIGIT) + "十百千万亿"
CN_RUN = re.compile(f"[{CN_NUMERAL}]+")
# Longer runs are not numbers anyone prints; the cap also bounds the recursion in cn_value.
CN_MAX = 16
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
            size = CN_SMALL.get(ch, 0)
            if not size or size >= last:
                return None
            total += max(digit, 1) * size  # a bare 十/百/千 counts one of it: 十四 = 14, 百余 = 100
            digit, last = -1, size
    return float(total + max(digit, 0))


def cn_value(run: str) -> float | None:
    """Positional value of a Chinese numeral (三千万 = 3e7, 三万亿 = 3e12); None if malformed."""
    if not run or len(run) > CN_MAX:
        return None
    for char, size in _CN_BIG:
        head, sep, tail = run.partition(char)
        if sep:
            high = cn_value(head) if head else 1.0
            low = cn_value(tail) if tail else 0.0
            if high is None or low is None or low >= size:
                return None
            return high * size + low
    return _cn_section(run)


def _cn_digit_string(run: str) -> float | None:
    """A run of digit characters read digit by digit: 二〇一九 = 2019."""
    if not run or len(run) > CN_MAX or any(ch not in _CN_DIGIT for ch in run):
        return None
    return float("".join(str(_CN_DIGIT[ch]) for ch in run))


def cn_readings(run: str) -> set[float]:
    """Every value a run of Chinese numerals, or a piece of it, could stand for."""
    values: set[float] = set()
    for i in range(len(run)):
        for j in range(i + 1, min(len(run), i + _CN_PIECE) + 1):
            values.update(v for v in (cn_value(run[i:j]), _cn_digit_string(run[i:j])) if v is not None)
    whole = cn_value(run)
    if whole is not None:
        values.add(whole)
    return values


# The years a figure may name (dates, and years in English text).
YEAR = r"19[0-9]{2}|20[0-9]{2}|2100"
