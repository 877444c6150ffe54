"""Reading help: every block's words with their pinyin, kept beside the model (never in the text).

``read_edition`` segments each block's Chinese once (edition/segment.py), with the block's
annotated mentions and its numbers as fixed tokens, and gives every word its pinyin: the
glossary's for a name or term, the readings file's where it corrects pypinyin, pypinyin's
(per word, with its phrase dictionary) otherwise. ``check_readings`` holds the result to the
page's checked list of polyphonic words. Pure, but for ``load_readings``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from edition.errors import BuildError, Diagnostics, Loc
from edition.lexicon import Lexicon, load_lexicon
from edition.model import Article, Block, Edition, Entity, Figure, Mention
from edition.pinyin_words import word_pinyin
from edition.segment import Fixed, Token, han_number_spans, number_spans, segment
from edition.yamlload import LineDict, load_yaml

READINGS_FILE = "content/reading/readings.yaml"


@dataclass(frozen=True)
class Rule:
    """A reading from the readings file: an override (pypinyin errs) or a check (it must not)."""

    word: str
    pinyin: str
    block: str  # "" = in every block
    loc: Loc
    reason: str = ""
    context: str = ""  # "" = wherever the word stands; else only within this text (为 in 以…为指导)

    def applies(self, token: Token, block: str, text: str) -> bool:
        if token.text != self.word or self.block not in ("", block):
            return False
        if not self.context:
            return True
        start = text.find(self.context)
        while start >= 0:
            if start <= token.start and token.end <= start + len(self.context):
                return True
            start = text.find(self.context, start + 1)
        return False

    @property
    def rank(self) -> int:
        """The most specific rule for a word wins: one in context, then one in a block, then any."""
        return 2 if self.context else 1 if self.block else 0


@dataclass(frozen=True)
class Readings:
    overrides: tuple[Rule, ...] = ()
    checks: tuple[Rule, ...] = ()
    path: str = READINGS_FILE

    @property
    def key(self) -> tuple[tuple[str, str, str, str], ...]:
        """What an article's reading depends on: the overrides' words, readings and places
        (not the checks, the reasons or the lines: the dev server keeps an article's work
        under it, and a comment in the file must not make every article's work again)."""
        return tuple((r.word, r.pinyin, r.block, r.context) for r in self.overrides)

    def by_word(self, kind: str) -> dict[str, list[Rule]]:
        out: dict[str, list[Rule]] = {}
        for rule in self.overrides if kind == "overrides" else self.checks:
            out.setdefault(rule.word, []).append(rule)
        return out


@dataclass(frozen=True)
class Reading:
    """block id -> its tokens, each with its pinyin (punctuation has none)."""

    tokens: Mapping[str, tuple[Token, ...]]
    entities: Mapping[str, Entity] = field(default_factory=dict)
    # CC-CEDICT's entries and the HSK levels of the words above, loaded once, before the
    # rendering workers fork (they share it)
    lexicon: Lexicon | None = None
    # the vocabulary pages' rows, one for each word in each reading, made as first asked
    # (edition/reading_out.py vocabulary(): every vocabulary holding a word holds its one row)
    rows: dict[tuple[str, str, str, str], Any] = field(default_factory=dict, compare=False, repr=False)

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
    ``{word, pinyin, block?, context?, reason?}``."""
    from edition.content import read_text  # the content files' checks (UTF-8, size), not a cycle at import

    path = root / READINGS_FILE
    if not path.is_file():
        return Readings()
    text = read_text(path, READINGS_FILE, diags)
    if text is None:
        return Readings()
    try:
        data = load_yaml(text, READINGS_FILE)
    except BuildError as exc:  # not YAML: said with the build's other problems, not instead of them
        diags.items.extend(exc.diagnostics)
        return Readings()
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
                Rule(
                    item["word"],
                    str(item["pinyin"]),
                    str(item.get("block", "")),
                    loc,
                    str(item.get("reason", "")),
                    str(item.get("context", "")),
                )
            )
        lists[key] = tuple(rules)
    unknown = set(data) - {"overrides", "checks"}
    for key in sorted(unknown):
        diags.error(Loc(READINGS_FILE, data.lines[key], 1), f"unknown key '{key}'", "use 'overrides' or 'checks'")
    return Readings(lists["overrides"], lists["checks"])


def fixed_spans(
    edition: Edition | None, block: Block, entities: Mapping[str, Entity], index: SpanIndex | None = None
) -> list[Fixed]:
    """What jieba may not cut in ``block``: its mentions (names first), then its numbers.
    ``index``: the edition's mentions and figures by block (made once for every block:
    looking through the whole archive's for each block was quadratic)."""
    if index is None:
        assert edition is not None, "the spans of a block need its edition or an index"
        index = SpanIndex.of(edition)
    spans: list[Fixed] = []
    for entity, m in index.mentions.get(block.id, ()):
        if m.start >= 0:
            # The glossary's pinyin is that of its main form; an alias is read by pypinyin.
            pinyin = entity.pinyin if m.zh == entity.zh else ""
            spans.append(Fixed(m.start, m.start + len(m.zh), "name", entity.id, pinyin))
    spans.extend(number_spans(block.zh))
    spans.extend(han_number_spans(block.zh, index.figure_starts.get(block.id, [])))
    return spans


@dataclass(frozen=True)
class SpanIndex:
    """The mentions (with their entity, in glossary order) and figure offsets of each block."""

    mentions: Mapping[str, list[tuple[Entity, Mention]]]
    figure_starts: Mapping[str, list[int]]

    @classmethod
    def of_article(
        cls,
        mentions: Sequence[Mention],
        figures: Sequence[Figure],
        entities: Mapping[str, Entity],
        rank: Mapping[str, int],
    ) -> SpanIndex:
        """One article's, as ``of`` finds them in the edition: a block's names in the order of
        the entities (then as found), its figures in text order."""
        by_block: dict[str, list[tuple[Entity, Mention]]] = {}
        for m in sorted(mentions, key=lambda m: rank[m.entity]):
            by_block.setdefault(m.block, []).append((entities[m.entity], m))
        starts: dict[str, list[int]] = {}
        for f in figures:
            starts.setdefault(f.block, []).append(f.start)
        return cls(by_block, starts)

    @classmethod
    def of(cls, edition: Edition) -> SpanIndex:
        mentions: dict[str, list[tuple[Entity, Mention]]] = {}
        for entity in edition.entities:
            for m in entity.mentions:
                mentions.setdefault(m.block, []).append((entity, m))
        starts: dict[str, list[int]] = {}
        for f in edition.figures:
            starts.setdefault(f.block, []).append(f.start)
        return cls(mentions, starts)


BlockTokens = tuple[tuple[str, tuple[Token, ...]], ...]  # (block id, its tokens) of each block


def read_edition(
    edition: Edition, readings: Readings = Readings(), made: Callable[[Article], BlockTokens] | None = None
) -> Reading:
    """Every block's tokens with their pinyin, and the dictionary of their words. ``made``: an
    article's tokens as its own work made them (edition/article.py), else made here."""
    entities = {e.id: e for e in edition.entities}
    if made is not None:
        tokens = {block: words for a in edition.all_articles for block, words in made(a)}
    else:
        index = SpanIndex.of(edition)
        tokens = dict(read_blocks([b for a in edition.all_articles for b in a.blocks], index, readings, entities))
    words = {t.text for ts in tokens.values() for t in ts if t.kind == "word"}
    return Reading(tokens, entities, load_lexicon(words))


def read_article(
    article: Article,
    mentions: Sequence[Mention],
    figures: Sequence[Figure],
    entities: Mapping[str, Entity],
    rank: Mapping[str, int],
    readings: Readings,
) -> BlockTokens:
    """One article's tokens, as read_edition reads them in the whole edition (``rank``: each
    entity's place in the edition's order, which is the order of a block's names)."""
    return read_blocks(article.blocks, SpanIndex.of_article(mentions, figures, entities, rank), readings, entities)


def read_blocks(
    blocks: Sequence[Block], index: SpanIndex, readings: Readings, entities: Mapping[str, Entity]
) -> BlockTokens:
    """Each block's words with their pinyin, the block's names and numbers kept whole."""
    return tuple(
        (
            b.id,
            tuple(_with_pinyin(t, b, readings, entities) for t in segment(b.zh, fixed_spans(None, b, entities, index))),
        )
        for b in blocks
    )


def _proper(entity: Entity, form: str) -> str:
    """An alias's reading (pypinyin's), capitalised where the glossary names a proper noun."""
    words = [word_pinyin(t.text) for t in segment(form)]  # 北京朝阳区: Běijīng Cháoyángqū
    if entity.type in _PROPER:
        words = [w[:1].upper() + w[1:] for w in words]
    return " ".join(words)


_PROPER = frozenset({"person", "place", "organisation"})


def _rule_for(rules: Mapping[str, Sequence[Rule]], token: Token, block: Block) -> Rule | None:
    matching = [r for r in rules.get(token.text, ()) if r.applies(token, block.id, block.zh)]
    return max(matching, key=lambda r: r.rank) if matching else None


def _with_pinyin(token: Token, block: Block, readings: Readings, entities: Mapping[str, Entity]) -> Token:
    if not token.is_word or (token.kind == "number" and not _has_han(token.text)):
        return token
    rule = _rule_for(readings.by_word("overrides"), token, block)
    if rule is not None:
        return token._replace(pinyin=rule.pinyin)
    if token.pinyin:  # the glossary's
        return token
    if token.entity:  # an alias: the glossary gives the reading of the main form only
        return token._replace(pinyin=_proper(entities[token.entity], token.text))
    if token.kind == "number":  # 117种: the digits as printed, the measure word read
        digits = token.text.rstrip("".join(c for c in token.text if _has_han(c)))
        return token._replace(pinyin=" ".join(filter(None, (digits, word_pinyin(token.text[len(digits) :])))))
    return token._replace(pinyin=word_pinyin(token.text))


def _has_han(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def check_readings(edition: Edition, reading: Reading, readings: Readings, diags: Diagnostics) -> int:
    """Every occurrence of a checked word must read as its most specific check says (one in
    context, then one in its block, then one for the word anywhere); returns how many
    occurrences were checked. A check that applies nowhere is an error too: the list is of this
    page's words, and a check that checks nothing would pass silently."""
    used: set[Rule] = set()
    checked = 0
    checks = readings.by_word("checks")
    for block_id, tokens in reading.tokens.items():
        block = edition.blocks_by_id[block_id]
        for token in tokens:
            rule = _rule_for(checks, token, block)
            if rule is None:
                continue
            used.add(rule)
            checked += 1
            if _plain(token.pinyin) != _plain(rule.pinyin):
                where = f"{{word: {rule.word}, pinyin: {rule.pinyin}, block: {block_id}}}"
                diags.error(
                    rule.loc,
                    f"{block_id}: {rule.word} reads {token.pinyin or '(nothing)'}, the checked reading is {rule.pinyin}",
                    f"if the checked reading is right, add {where} (with a context if it reads two ways "
                    "in the block) under 'overrides'",
                )
    for rule in readings.checks if edition.complete else ():  # a file left out may hold the word
        if rule not in used:
            diags.error(
                rule.loc,
                f"the checked word {rule.word} is not a word of {rule.block or 'the text'}"
                + (f" within '{rule.context}'" if rule.context else ""),
                "correct the word, block or context, or remove the entry",
            )
    return checked


def _plain(pinyin: str) -> str:
    """Readings compared without case, spaces or apostrophes (Cháoyáng Qū = cháoyángqū)."""
    return "".join(c for c in pinyin.lower() if c not in " '-")


def with_reading(
    edition: Edition, readings: Readings, diags: Diagnostics, made: Callable[[Article], BlockTokens] | None = None
) -> Edition:
    """The edition with its reading beside it, checked against the page's list of polyphones
    (``made``: each article's tokens, as its own work made them)."""
    reading = read_edition(edition, readings, made)
    check_readings(edition, reading, readings, diags)
    return replace(edition, reading=reading)


def reading_of(edition: Edition) -> Reading:
    """The edition's reading (made now, without the readings file, for an edition made
    without one, as a test may)."""
    if isinstance(edition.reading, Reading):
        return edition.reading
    return read_edition(edition)


def article_blocks(edition: Edition, article: Article) -> list[Block]:
    """The blocks read with an article: its own, then its photographs' captions."""
    captions = [edition.blocks_by_id[p.block] for p in edition.photos if p.article == article.id]
    return [*article.blocks, *(c for c in captions if c not in article.blocks)]
