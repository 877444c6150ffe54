"""Numbers in English text: every figure a translation gives (digits, simple fractions in
words, month names), with its offsets, for the check in edition/numbers.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.numerals import (
    YEAR,
    figure_value,
    prepare,
)


@dataclass(frozen=True)
class EnNumber:
    start: int
    end: int
    text: str
    value: float
    kind: str  # "number" | "month"


# --- English ----------------------------------------------------------------------------------------

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_MULTIPLIER = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}
_EN = re.compile(
    # 2020.05.25: three numbers, and not 2020.05 followed by 25.
    rf"(?<![0-9A-Za-z.])(?P<y>{YEAR})(?P<s>[./-])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
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
    scaled = figure_value(m, _EN_MULTIPLIER[word.lower()] if word else 1)
    if scaled is None:
        return []
    return [EnNumber(m.start(), m.end(), text[m.start() : m.end()], scaled, "number")]


def extract_en(text: str) -> list[EnNumber]:
    """Digit numbers (164,000; 1.384 billion; 47th; 1/4; 30%), simple fractions in words (a quarter,
    two thirds) and month names of English text, in order. Other number words (nine, hundred) are
    not read: the check is about figures."""
    work = prepare(text)
    return [n for m in _EN.finditer(work) for n in _en_numbers(text, m)]
