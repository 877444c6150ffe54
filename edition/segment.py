"""Word segmentation of a block's Chinese, at build time. Pure: text and fixed spans in, tokens out.

The text itself is never changed: a token is a (start, end) span over the block's Chinese as
transcribed, kept beside it (edition/reading.py), so that every export and page still prints the
Chinese exactly as the source has it.

The segmenter is rjieba (jieba-rs, the Rust port of jieba, with jieba's own dictionary); the
README says why. Two things it must not decide alone:

- the glossary's names and terms (an annotated mention) are one token each, never split
  (文献 is a person here; 北京朝阳中学 one organisation);
- a number with its magnitude and unit (16.4万人, 3827万平方米, 48.6%) is one token.

So the fixed spans are cut out first and jieba segments only the text between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

# A number as printed (Arabic digits, decimals, fractions like 1/4), its magnitude (万, 亿),
# "more than" (余, 多) and the unit or measure word after it: one token. The unit list is of
# units and classifiers; a character that is not one stays outside the token (2019年底 -> 2019年 底).
_UNITS = (
    "平方米|平方公里|公顷|公里|千米|万元|亿元|元|%|％|个|家|人|名|年|月|日|号|种|笔|次|套|桶|项|期|户|条|所|"
    "批|处|间|吨|岁|天|小时|亩|米|部|位|类|件|台|辆|张|份|场|团|师|届|辈|倍|分|秒|点|周|层|座|栋|村|元钱"
)
NUMBER = re.compile(r"[0-9０-９]+(?:[.．/][0-9０-９]+)?(?:余|多)?(?:[万亿千百]+)?(?:余|多)?(?:" + _UNITS + r")?")
# A Chinese numeral with its measure word (九项, 两期, 百余次), where the figures stage found a
# quantity there; the qualifier before it (近, 超过, 约) is a word of its own.
HAN_NUMBER = re.compile(r"[一二三四五六七八九十两百千万亿零]+(?:余|多)?(?:" + _UNITS + r")")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uffef\u2010-\u206f!-/:-@\[-`{-~]")


@dataclass(frozen=True, slots=True)
class Fixed:
    """A span jieba may not cut: an annotated name (``entity`` set) or a number with its unit."""

    start: int
    end: int
    kind: str  # name | number
    entity: str = ""
    pinyin: str = ""  # the glossary's reading of a name, if it gives one


class Token(NamedTuple):
    """A piece of a block's Chinese. A named tuple, not a dataclass: an archive has hundreds of
    thousands, and the articles' work sends them from its worker processes (a tuple pickles
    ten times faster than a slotted dataclass)."""

    text: str
    start: int
    kind: str  # word | name | number | punct | latin
    entity: str = ""
    pinyin: str = ""  # the glossary's reading where it fixes one (see edition/pinyin_words.py)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        """Whether a reader can look it up (punctuation and spaces cannot)."""
        return self.kind in ("word", "name", "number")


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import rjieba  # imported late: a build that shows no reading help need not load it

    return rjieba.Jieba()


def number_spans(text: str) -> list[Fixed]:
    """Every Arabic number with its magnitude and unit (one token each)."""
    return [Fixed(m.start(), m.end(), "number") for m in NUMBER.finditer(text)]


def han_number_spans(text: str, starts: Iterable[int]) -> list[Fixed]:
    """A Chinese-numeral quantity (九项) at each of ``starts`` (where the figures stage found one)."""
    out = []
    for start in starts:
        m = HAN_NUMBER.match(text, start)
        if m:
            out.append(Fixed(m.start(), m.end(), "number"))
    return out


def choose(spans: Iterable[Fixed]) -> list[Fixed]:
    """Non-overlapping spans in text order; of two that overlap, the one given first wins
    (so names, given before numbers, keep the numbers they contain: 十四师47团)."""
    chosen: list[Fixed] = []
    for span in spans:
        if span.start < span.end and not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def segment(text: str, fixed: Sequence[Fixed] = ()) -> tuple[Token, ...]:
    """The tokens of ``text``: the ``fixed`` spans as they are (see choose()), jieba between them.
    Their texts joined give ``text`` back exactly."""
    tokens: list[Token] = []
    position = 0
    for span in choose(fixed):
        tokens.extend(_free(text[position : span.start], position))
        tokens.append(Token(text[span.start : span.end], span.start, span.kind, span.entity, span.pinyin))
        position = span.end
    tokens.extend(_free(text[position:], position))
    return tuple(tokens)


def _free(text: str, offset: int) -> list[Token]:
    if not text:
        return []
    out: list[Token] = []
    position = offset
    for piece in _cut(text):
        out.append(Token(piece, position, _kind(piece)))
        position += len(piece)
    return out


@lru_cache(maxsize=8192)
def _cut(  # numbers jieba would cut from their units are kept whole here too (a caller may not have)
    text: str,
) -> tuple[str, ...]:
    pieces: list[str] = []
    position = 0
    for m in NUMBER.finditer(text):
        pieces.extend(_jieba_cut(text[position : m.start()]))
        pieces.append(m.group())
        position = m.end()
    pieces.extend(_jieba_cut(text[position:]))
    return tuple(pieces)


def _jieba_cut(text: str) -> list[str]:
    if not text:
        return []
    words: list[str] = _jieba().cut(text, True)
    # jieba leaves runs of spaces or punctuation together; a reader looks up neither.
    out: list[str] = []
    for word in words:
        if len(word) > 1 and all(_PUNCT.match(c) for c in word):
            out.extend(word)
        else:
            out.append(word)
    return out


def _kind(piece: str) -> str:
    if NUMBER.fullmatch(piece):
        return "number"
    if _HAN.search(piece):
        return "word"
    if all(_PUNCT.match(c) for c in piece):
        return "punct"
    return "latin"


def boundaries(words: Sequence[str]) -> set[int]:
    """The offsets between words (not 0, not the end): what two segmentations are compared by."""
    out: set[int] = set()
    position = 0
    for word in words[:-1]:
        position += len(word)
        out.add(position)
    return out
