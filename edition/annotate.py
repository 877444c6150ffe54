"""Standoff annotation: entities defined once in content/*.yaml, found in the text by the build.

The Chinese text is never marked up by hand. A mention is found by matching the entity's
Chinese forms (longest first, so 北京朝阳中学 wins over 朝阳 inside it); its English
counterpart is the entity's English form found in the paired English block. A string that
is ambiguous on the page (文献 is the district head's name here, elsewhere "documents") is
declared ``ambiguous: true`` and matched only where an article pins it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from edition.content import Document, Glossary
from edition.errors import Diagnostics, Loc, show_invisible
from edition.glossary import ENTITY_TYPES, Definition, limits, on_paper, read_definitions, same_forms
from edition.hints import did_you_mean
from edition.model import Article, Block, Edition, Entity, Mention


@dataclass(frozen=True)
class Pin:
    entity: str
    block: str  # local block id
    occurrence: int  # 1-based occurrence of any of the entity's forms in the block; 0 = all
    exclude: bool
    loc: Loc


def read_pins(
    doc: Document, blocks: dict[str, Block], definitions: dict[str, Definition], diags: Diagnostics
) -> list[Pin]:
    pins = []
    for entry in doc.article_front.mentions.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        entity, block = entry.entity, entry.block
        if entity is None or entity not in definitions:
            define = "define it in content/entities.yaml or content/terms.yaml, or correct the id"
            # a misspelt id is named as a misspelt key is ('wen-xain': 'wen-xian'); a new one is defined
            close = did_you_mean(str(entity), set(definitions)) if entity is not None else None
            diags.error(
                loc,
                f"mention refers to entity {entry.as_written('entity', entity)}, which no glossary defines",
                f"{close} Or {define}" if close else define,
            )
            continue
        if block is None or block not in blocks:
            if "block" not in entry.wrong:  # else the schema said so
                diags.no_such_block(loc, "mention", block, blocks)
            continue
        if not entry.usable:
            continue  # reported by the front matter's schema (edition/frontschema.py)
        pins.append(Pin(entity, block, entry.occurrence, entry.exclude, loc))
    return pins


# Where a sentence begins: the text's start, or after a stop and a space (a quotation's too).
_SENTENCE_START = r"(?:(?<![\s\S])|(?<=[.!?:;] )|(?<=[.!?]” )|(?<=[\n“‘(]))"


# Each entity's English forms as one pattern, made once (an archive's glossaries have
# thousands of entities: a bounded cache compiled them again for every block).
@cache
def _en_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A form as written, or capitalised where it begins a sentence ("This newspaper reports",
    for "this newspaper": the translation could not otherwise begin a sentence with it)."""
    alternatives = "|".join(
        re.escape(f) + (f"|{_SENTENCE_START}{re.escape(f[0].upper())}{re.escape(f[1:])}" if f[0].islower() else "")
        for f in sorted(forms, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@dataclass(frozen=True)
class EnglishIndex:
    """English forms by how they start (their first word, or their first character where that
    is not a word's), longest first, and where in a text a form may start."""

    forms: dict[str, list[str]]
    starts: re.Pattern[str]  # a first character of a form, not inside a word


_WORD = re.compile(r"\w+")


def _head(text: str, i: int = 0) -> str:
    """How a form starts, or what a text has at ``i``: the word there, or its one character."""
    word = _WORD.match(text, i)
    return word.group(0) if word else text[i]


def english_index(forms: Iterable[str]) -> EnglishIndex:
    by_head: dict[str, list[str]] = {}
    for form in sorted((f for f in forms if f), key=len, reverse=True):
        by_head.setdefault(_head(form), []).append(form)
    # a form in lowercase may start with its capital where it begins a sentence (_en_pattern)
    chars = {c for forms in by_head.values() for form in forms for c in (form[0], _capital(form)[0])}
    firsts = "".join(re.escape(ch) for ch in sorted(chars))
    return EnglishIndex(by_head, re.compile(rf"(?<!\w)[{firsts}]" if firsts else r"(?!)"))


def _capital(form: str) -> str:
    """The form as it begins a sentence: its first letter capitalised, if it is lowercase."""
    return form[0].upper() + form[1:] if form[0].islower() else form


_AT_SENTENCE_START = re.compile(_SENTENCE_START)


def find_english(text: str, index: EnglishIndex) -> Iterator[tuple[int, int, str]]:
    """The forms in ``text`` as ``_en_pattern(forms).finditer`` finds them: whole words, the
    longest at each place, left to right, never overlapping; (start, end, form). Only the
    places where a form may start are tried, each with the forms starting with the word
    there: one pattern of every English name of an archive's glossaries tried thousands of
    alternatives at every character of every block. (A form matches only where it starts
    with the text's whole word: it must end where a word ends.)"""
    size, end = len(text), 0
    for place in index.starts.finditer(text):
        i = place.start()
        if i < end:
            continue
        head = _head(text, i)
        forms = index.forms.get(head, [])
        if head[0].isupper() and _AT_SENTENCE_START.match(text, i):  # "Paired assistance has…"
            lowered = index.forms.get(head[0].lower() + head[1:], [])
            forms = sorted([*forms, *lowered], key=len, reverse=True) if forms and lowered else forms or lowered
        for form in forms:
            stop = i + len(form)
            written = text.startswith(form, i) or text.startswith(_capital(form), i)
            if written and (stop == size or not _is_word(text[stop])):
                yield i, stop, form
                end = stop
                break


def _is_word(ch: str) -> bool:
    """What the regular expression ``\\w`` matches in a str."""
    return ch.isalnum() or ch == "_"


def find_in_block(text: str, patterns: dict[str, list[tuple[str, str]]]) -> list[tuple[int, str, str]]:
    """Longest-first, left-to-right, non-overlapping matches: (start, form, entity id)."""
    found = []
    i = 0
    while i < len(text):
        for form, entity_id in patterns.get(text[i], ()):
            if text.startswith(form, i):
                found.append((i, form, entity_id))
                i += len(form)
                break
        else:
            i += 1
    return found


def _patterns(definitions: Iterable[Definition]) -> dict[str, list[tuple[str, str]]]:
    by_first: dict[str, list[tuple[str, str]]] = {}
    for d in definitions:
        for form in d.forms_zh:
            by_first.setdefault(form[0], []).append((form, d.entity.id))
    for forms in by_first.values():
        forms.sort(key=lambda f: -len(f[0]))
    return by_first


def annotate(
    edition: Edition,
    docs: Sequence[Document],
    lexicon: Lexicon,
    diags: Diagnostics,
    find: Callable[[Article, Document, Lexicon, Diagnostics], list[Mention]] | None = None,
) -> tuple[Edition, dict[str, list[Mention]]]:
    """The entities of the glossaries (``lexicon``) with their mentions in the text
    (standoff); also each article's mentions, in text order (article id -> mentions), for the
    stages that follow. ``find``: one article's mentions (article_mentions by default)."""
    complete = edition.complete
    find = find or article_mentions
    definitions = lexicon.declared  # each with every alias (an article's were matched on its newspaper's pages)
    docs_by_path = {d.path: d for d in docs}
    # translated blocks only: one awaiting its translation names nothing yet (found by a usage walk)
    english = {b.id: b.en_loc for a in edition.all_articles for b in a.blocks if b.en_loc is not None and b.en}
    chinese = {a.id: a.path for a in edition.all_articles}  # where a match is declined
    paper = {a.id: edition.page_of(a).info.newspaper_zh for a in edition.all_articles}  # which forms name what
    mentions: dict[str, list[Mention]] = {k: [] for k in definitions}
    by_article: dict[str, list[Mention]] = {}
    for article in edition.all_articles:
        by_article[article.id] = find(article, docs_by_path[article.path], lexicon, diags)
        for m in by_article[article.id]:
            mentions[m.entity].append(m)
    twinned = same_forms(definitions, diags)
    for key, definition in definitions.items():
        if key in twinned:
            continue
        # With a file that did not load, an entity may be named only there: no verdict.
        if complete and not any(m.start >= 0 for m in mentions[key]) and not definition.ambiguous:
            forms = " / ".join(show_invisible(f, "") for f in definition.forms_zh)
            diags.error(
                definition.entity.loc,
                f"entity {key}: its Chinese form ({forms}) is found nowhere in the text",
                "write 'zh' exactly as printed on the page (or add the printed form to 'aliases_zh'), or remove the entity",
            )
        # Fewer English mentions than Chinese is normal (a translation may name a place once
        # for two Chinese mentions); a block whose English never names the entity is worth a look.
        named = {m.block for m in mentions[key] if m.en}
        unnamed = {m.block: m for m in mentions[key] if m.start >= 0 and m.block not in named}
        for block_id, m in sorted(unnamed.items()):
            if block_id in english:
                # (or the Chinese is another word written alike: 朝阳 "facing the sun" on another
                # page; a usage walk followed the hint and would have made the English name the
                # wrong thing)
                local = block_id.removeprefix(m.article + "-")
                forms_en = on_paper(definition, paper[m.article]).forms_en  # this newspaper's
                diags.warning(
                    english[block_id],
                    f"{key} is mentioned in the Chinese of {block_id} ({m.zh}) but none of its English forms is in the translation",
                    f"use one of {' / '.join(forms_en)} in the English, or add the form used to 'aliases_en'; "
                    f"if {m.zh} is not {forms_en[0]} here, decline the match in {chinese[m.article]}'s front matter: "
                    f"'mentions:' with {{entity: {key}, block: {local}, exclude: true}}",
                )
    entities = tuple(dataclasses.replace(e, mentions=tuple(mentions[k])) for k, e in lexicon.ranked.items())
    return dataclasses.replace(edition, entities=entities), by_article


@dataclass(frozen=True)
class Lexicon:
    """What finding mentions needs from the glossaries, made once per glossary version and
    newspaper (``paper``: an alias ``aliases_only_in`` gives one newspaper is matched on its
    pages alone, edition/glossary.py)."""

    definitions: dict[str, Definition]  # as matched on this lexicon's newspaper's pages
    plain: dict[str, list[tuple[str, str]]]  # unambiguous names only
    every: dict[str, list[tuple[str, str]]]
    english_only: tuple[EnglishIndex, dict[str, str]] | None
    # the entities in the edition's order: by type, then id (a block's names are read in it),
    # each one's place in it, and each one's type (made once, not again for each article)
    ranked: dict[str, Entity]
    rank: dict[str, int]
    types: dict[str, str]
    declared: dict[str, Definition]  # as the glossaries give them, every alias
    paper: str | None = None

    @classmethod
    def of(cls, glossaries: Sequence[Glossary], diags: Diagnostics) -> Lexicon:
        """The lexicon of a page of no newspaper in particular: no alias given to one newspaper."""
        return cls.made(read_definitions(glossaries, diags), None)

    @classmethod
    def made(cls, declared: dict[str, Definition], paper: str | None) -> Lexicon:
        definitions = {key: on_paper(d, paper) for key, d in declared.items()}
        english_forms = {form: d.entity.id for d in definitions.values() for form in d.forms_en}
        order = sorted(definitions.items(), key=lambda kv: (ENTITY_TYPES.index(kv[1].entity.type), kv[0]))
        return cls(
            definitions,
            _patterns(d for d in definitions.values() if not d.ambiguous),
            _patterns(definitions.values()),
            (english_index(english_forms), english_forms) if english_forms else None,
            {key: d.entity for key, d in order},
            {key: n for n, (key, _) in enumerate(order)},
            {key: d.entity.type for key, d in definitions.items()},
            declared,
            paper,
        )

    def for_paper(self, paper: str) -> Lexicon:
        """The lexicon of ``paper``'s pages: this one, unless an alias is given to it."""
        if not any(given == paper for d in self.declared.values() for given, _ in d.entity.aliases_only_in):
            return self if self.paper is None else Lexicon.made(self.declared, None)
        return Lexicon.made(self.declared, paper)


def article_mentions(article: Article, doc: Document, lexicon: Lexicon, diags: Diagnostics) -> list[Mention]:
    """One article's mentions, in text order."""
    by_local = {b.local: b for b in article.blocks}
    pins = read_pins(doc, by_local, lexicon.definitions, diags)
    return _article_mentions(
        article, lexicon.plain, lexicon.every, pins, lexicon.definitions, diags, lexicon.english_only
    )


def _article_mentions(
    article: Article,
    plain: dict[str, list[tuple[str, str]]],
    every: dict[str, list[tuple[str, str]]],
    pins: list[Pin],
    definitions: dict[str, Definition],
    diags: Diagnostics,
    english_only: tuple[EnglishIndex, dict[str, str]] | None = None,
) -> list[Mention]:
    out: list[Mention] = []
    seen: dict[str, int] = {}
    for block in article.blocks:
        block_pins = [p for p in pins if p.block == block.local]
        found, counts = _zh_mentions(block, plain, every, block_pins, definitions)
        english, taken = _pair_english(block.en, found, definitions)
        for index, (start, form, entity_id) in enumerate(found):
            match = english.get(index)
            seen[entity_id] = seen.get(entity_id, 0) + 1
            en, en_start = (match.group(0), match.start()) if match else ("", -1)
            out.append(Mention(entity_id, article.id, block.id, form, en, start, seen[entity_id], en_start))
        # Names the translation spells out where the Chinese has no separate word for them
        # (在京 -> "in Beijing"): marked in the English only.
        excluded = {p.entity for p in block_pins if p.exclude}
        if block.en and english_only is not None:
            for start, end, form in find_english(block.en, english_only[0]):
                entity_id = english_only[1][form]
                if _overlaps((start, end), taken) or entity_id in excluded:
                    continue
                seen[entity_id] = seen.get(entity_id, 0) + 1
                # as written: capitalised where it begins a sentence
                out.append(
                    Mention(entity_id, article.id, block.id, "", block.en[start:end], -1, seen[entity_id], start)
                )
        for pin in block_pins:
            if not pin.exclude and pin.entity not in counts:
                forms = " / ".join(show_invisible(f, "") for f in definitions[pin.entity].forms_zh)
                # a form in the text that names it on another newspaper's pages only (本报)
                elsewhere = [(f, ps) for f, ps in limits(definitions[pin.entity].entity).items() if f in block.zh]
                diags.error(
                    pin.loc,
                    f"pinned mention of {pin.entity} ({forms}) not found in block {block.id}",
                    f"{elsewhere[0][0]} names it on the pages of {', '.join(sorted(elsewhere[0][1]))} only (its "
                    "aliases_only_in): remove the pin, or pin the entity this newspaper's form names"
                    if elsewhere
                    else "correct the block, or remove the pin if the text changed",
                )
    return out


def _zh_mentions(
    block: Block,
    plain: dict[str, list[tuple[str, str]]],
    every: dict[str, list[tuple[str, str]]],
    block_pins: list[Pin],
    definitions: dict[str, Definition],
) -> tuple[list[tuple[int, str, str]], dict[str, int]]:
    """Mentions in the Chinese of one block, honouring pins and exclusions."""
    pinned = {p.entity for p in block_pins if not p.exclude}
    excluded = {p.entity for p in block_pins if p.exclude}
    counts: dict[str, int] = {}
    found = []
    for start, form, entity_id in find_in_block(block.zh, every if pinned else plain):
        counts[entity_id] = counts.get(entity_id, 0) + 1
        if entity_id in excluded:
            continue
        if definitions[entity_id].ambiguous:
            wanted = [p for p in block_pins if p.entity == entity_id and not p.exclude]
            if not any(p.occurrence in (0, counts[entity_id]) for p in wanted):
                continue
        found.append((start, form, entity_id))
    return found, counts


def _pair_english(
    text: str, found: list[tuple[int, str, str]], definitions: dict[str, Definition]
) -> tuple[dict[int, re.Match[str]], list[tuple[int, int]]]:
    """Pair each Chinese mention with an occurrence of the entity's English forms.

    Longer English forms are placed first, so a document title claims its whole title
    before a place named inside it can; then the n-th Chinese mention of an entity takes
    the n-th free English occurrence.
    """
    taken: list[tuple[int, int]] = []
    paired: dict[int, re.Match[str]] = {}
    if not text:
        return paired, taken
    order = sorted(range(len(found)), key=lambda i: (-max(map(len, definitions[found[i][2]].forms_en)), i))
    for index in order:
        entity_id = found[index][2]
        for match in _en_pattern(definitions[entity_id].forms_en).finditer(text):
            if not _overlaps(match.span(), taken):
                paired[index] = match
                taken.append(match.span())
                break
    return paired, taken


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)
