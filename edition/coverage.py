"""What `check` lists for editors: unannotated quoted phrases and English names."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from edition.marks import Marker
from edition.model import Edition

_QUOTED = re.compile(r"“([^“”]+)”|《([^《》]+)》")
# Runs of capitalised words, allowing the small words of English names ("Ministry of ...").
_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:of|and|the|for|in|on|to)\s+)*[A-Z][\w'-]*)*")
_MONTHS = {*calendar.month_name[1:], "Monday"}  # the C locale: English names
_TITLE_KINDS = {"headline", "deck", "subhead", "masthead", "nameplate", "footer"}


@dataclass(frozen=True)
class Gap:
    block: str
    lang: str
    text: str


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def unannotated(edition: Edition) -> list[Gap]:
    """Quoted phrases (“…”, 《…》) and capitalised English names that carry no mention."""
    marker = Marker(edition)
    gaps: list[Gap] = []
    for article in edition.all_articles:
        for block in article.blocks:
            zh_spans = [(s.start, s.end) for s in marker.spans(block, "zh") if s.css.split()[0] == "m"]
            for match in _QUOTED.finditer(block.zh):
                group = 1 if match.group(1) else 2
                # A list of slogans in one pair of quotes may be several mentions; each part must be one.
                parts = re.split(r"[、]", match.group(group)) if group == 1 else [match.group(group)]
                offset = match.start(group)
                for part in parts:
                    start = block.zh.find(part, offset)
                    if not covered(zh_spans, start, start + len(part)) and not covered(
                        zh_spans, match.start(group), match.end(group)
                    ):
                        gaps.append(Gap(block.id, "zh", match.group(0)))
                        break
                    offset = start + len(part)
            if block.kind in _TITLE_KINDS or not block.en:
                continue
            en_spans = [(s.start, s.end) for s in marker.spans(block, "en") if s.css.split()[0] == "m"]
            for match in _NAME.finditer(block.en):
                words = match.group(0).split()
                start = match.start()
                at_sentence_start = start == 0 or block.en[:start].rstrip()[-1:] in '.!?:;"“('
                if at_sentence_start:  # the first word is capitalised as the sentence's, not as a name
                    start += len(words[0]) + 1
                    words = words[1:]
                if not words or all(w in _MONTHS or w in ("to", "and", "of", "the") for w in words):
                    continue
                end = match.end()
                if not any(s < end and start < e for s, e in en_spans):
                    gaps.append(Gap(block.id, "en", " ".join(words)))
    return gaps


def mention_counts(edition: Edition) -> dict[str, int]:
    counts = {a.id: 0 for a in edition.all_articles}
    owner = {b.id: a.id for a in edition.all_articles for b in a.blocks}
    for entity in edition.entities:
        for mention in entity.mentions:
            counts[owner[mention.block]] += 1
    return counts
