"""Reading help: every block's words with their pinyin, kept beside the model (never in the text).

``read_edition`` segments each block's Chinese once (edition/segment.py), with the block's
annotated mentions and its numbers as fixed tokens, and gives every word its pinyin: the
glossary's for a name or term, the readings file's where it corrects pypinyin, pypinyin's
(per word, with its phrase dictionary) otherwise. ``check_readings`` holds the result to the
page's checked list of polyphonic words. Pure, but for ``load_readings``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from edition.errors import Diagnostics, Loc
from edition.model import Article, Block, Edition, Entity
from edition.pinyin_words import word_pinyin
from edition.segment import Fixed, Token, han_number_spans, number_spans, segment
from edition.yamlload import LineDict, load_yaml

READINGS_FILE = "content/reading/readings.yaml"


@dataclass(frozen=True)
class Rule:
    """A reading from the readings file: an override (pypinyin errs) or a check (it must not)."""

    word: str
    pinyin: str
    block: str  # "" = everywhere
    loc: Loc
    reason: str = ""


@dataclass(frozen=True)
class Readings:
    overrides: tuple[Rule, ...] = ()
    checks: tuple[Rule, ...] = ()
    path: str = READINGS_FILE


@dataclass(frozen=True)
class Reading:
    """block id -> its tokens, each with its pinyin (punctuation has none)."""

    tokens: Mapping[str, tuple[Token, ...]]
    entities: Mapping[str, Entity] = field(default_factory=dict)

    def words(self, blocks: Sequence[Block]) -> list[Token]:
        """The words of ``blocks``, each once, in order of first appearance (the same text
        read two ways counts twice: 行 xíng and 行 háng)."""
        seen: set[tuple[str, str]] = set()
        out = []
        for block in blocks:
            for token in self.tokens.get(block.id, ()):
                key = (token.text, token.pinyin)
                if token.is_word and key not in seen:
                    seen.add(key)
                    out.append(token)
        return out


def load_readings(root: Path, diags: Diagnostics) -> Readings:
    """The readings file (optional): ``overrides:`` and ``checks:``, each a list of
    ``{word, pinyin, block?, reason?}``."""
    path = root / READINGS_FILE
    if not path.is_file():
        return Readings()
    data = load_yaml(path.read_text(encoding="utf-8"), READINGS_FILE)
    if not isinstance(data, LineDict):
        diags.error(Loc(READINGS_FILE, 1, 1), "the readings file must be a mapping", "keys: overrides, checks")
        return Readings()
    lists: dict[str, tuple[Rule, ...]] = {}
    for key in ("overrides", "checks"):
        rules = []
        for item in data.get(key) or ():
            line = item.line if isinstance(item, LineDict) else data.lines.get(key, 1)
            loc = Loc(READINGS_FILE, line, 1)
            if not isinstance(item, dict) or not isinstance(item.get("word"), str) or not item.get("pinyin"):
                diags.error(loc, f"a reading under '{key}' needs 'word' and 'pinyin'", "{word: 行, pinyin: háng}")
                continue
            rules.append(
                Rule(item["word"], str(item["pinyin"]), str(item.get("block", "")), loc, item.get("reason", ""))
            )
        lists[key] = tuple(rules)
    unknown = set(data) - {"overrides", "checks"}
    for key in sorted(unknown):
        diags.error(Loc(READINGS_FILE, data.lines[key], 1), f"unknown key '{key}'", "use 'overrides' or 'checks'")
    return Readings(lists["overrides"], lists["checks"])


def fixed_spans(edition: Edition, block: Block, entities: Mapping[str, Entity]) -> list[Fixed]:
    """What jieba may not cut in ``block``: its mentions (names first), then its numbers."""
    spans: list[Fixed] = []
    for entity in entities.values():
        for m in entity.mentions:
            if m.block == block.id and m.start >= 0:
                # The glossary's pinyin is that of its main form; an alias is read by pypinyin.
                pinyin = entity.pinyin if m.zh == entity.zh else ""
                spans.append(Fixed(m.start, m.start + len(m.zh), "name", entity.id, pinyin))
    spans.extend(number_spans(block.zh))
    starts = [f.start for f in edition.figures if f.block == block.id]
    spans.extend(han_number_spans(block.zh, starts))
    return spans


def read_edition(edition: Edition, readings: Readings = Readings()) -> Reading:
    entities = {e.id: e for e in edition.entities}
    tokens: dict[str, tuple[Token, ...]] = {}
    for article in edition.all_articles:
        for block in article.blocks:
            tokens[block.id] = tuple(
                _with_pinyin(t, block.id, readings) for t in segment(block.zh, fixed_spans(edition, block, entities))
            )
    return Reading(tokens, entities)


def _with_pinyin(token: Token, block: str, readings: Readings) -> Token:
    if not token.is_word or (token.kind == "number" and not _has_han(token.text)):
        return token
    for rule in readings.overrides:
        if rule.word == token.text and rule.block in ("", block):
            return replace(token, pinyin=rule.pinyin)
    if token.pinyin:  # the glossary's
        return token
    return replace(token, pinyin=word_pinyin(token.text))


def _has_han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def check_readings(reading: Reading, readings: Readings, diags: Diagnostics) -> int:
    """Every checked word, wherever it stands (in its block, if one is named), must read as the
    list says; returns how many occurrences were checked. A word of the list found nowhere is an
    error too: the list is of this page's words."""
    checked = 0
    for rule in readings.checks:
        found = [
            (block, t)
            for block, tokens in reading.tokens.items()
            if rule.block in ("", block)
            for t in tokens
            if t.text == rule.word
        ]
        if not found:
            diags.error(
                rule.loc,
                f"the checked word {rule.word} is not a word of {rule.block or 'the text'}",
                "correct the word or the block, or remove the entry",
            )
        for block, token in found:
            checked += 1
            if _plain(token.pinyin) != _plain(rule.pinyin):
                diags.error(
                    rule.loc,
                    f"{block}: {rule.word} reads {token.pinyin or '(nothing)'}, the checked reading is {rule.pinyin}",
                    f"add {{word: {rule.word}, pinyin: {rule.pinyin}, block: {block}}} under 'overrides' "
                    "if the checked reading is right",
                )
    return checked


def _plain(pinyin: str) -> str:
    """Readings compared without case, spaces or apostrophes (Cháoyáng Qū = cháoyángqū)."""
    return "".join(c for c in pinyin.lower() if c not in " '-")


def article_blocks(edition: Edition, article: Article) -> list[Block]:
    """The blocks read with an article: its own, then its photographs' captions."""
    captions = [edition.blocks_by_id[p.block] for p in edition.photos if p.article == article.id]
    return [*article.blocks, *(c for c in captions if c not in article.blocks)]
