"""Pinyin of a word in context: pypinyin with its phrase dictionary, word by word; pure.

pypinyin reads a polyphone by the phrase it stands in (银行 yínháng, 进行 jìnxíng), so it is
given one segmented word at a time, never a character alone. Where it still reads a word wrongly
for this text, the edition's readings file (content/readings.yaml) overrides it; the glossary's
pinyin overrides it for names and terms (edition/reading.py).
"""

from __future__ import annotations

from functools import lru_cache

_VOWEL_START = tuple("aeoāáǎàēéěèōóǒò")


@lru_cache(maxsize=1)
def _pypinyin() -> tuple[object, object]:
    from pypinyin import Style, pinyin  # imported late, as its dictionaries are large

    return pinyin, Style.TONE


@lru_cache(maxsize=65536)
def syllables(word: str) -> tuple[str, ...]:
    """The syllables of ``word`` in tone marks; a character pypinyin cannot read comes back as it is."""
    pinyin, tone = _pypinyin()
    rows = pinyin(word, style=tone, errors=lambda chars: list(chars))  # type: ignore[operator]
    return tuple(row[0] for row in rows)


def join(parts: tuple[str, ...]) -> str:
    """Syllables written as one word (Hanyu Pinyin orthography): an apostrophe before a
    syllable starting with a, o or e (Xī'ān, píng'ān)."""
    out = ""
    for part in parts:
        if out and part.lower().startswith(_VOWEL_START):
            out += "'"
        out += part
    return out


def word_pinyin(word: str) -> str:
    return join(syllables(word))
