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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from edition.content import Document, Glossary
from edition.errors import Diagnostics, Loc
from edition.model import Article, Block, Edition, Entity, Mention
from edition.yamlload import LineDict

ENTITY_KEYS = {
    "id", "type", "zh", "aliases_zh", "en", "aliases_en", "pinyin", "wikidata", "note", "note_kind",
    "sources", "ambiguous",
}  # fmt: skip
ENTITY_TYPES = ("person", "place", "organisation", "document", "term", "event")
PIN_KEYS = {"entity", "block", "occurrence", "exclude"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Definition:
    entity: Entity
    forms_zh: tuple[str, ...]
    forms_en: tuple[str, ...]
    ambiguous: bool
    note_kind: str


@dataclass(frozen=True)
class Pin:
    entity: str
    block: str  # local block id
    occurrence: int  # 1-based occurrence of any of the entity's forms in the block; 0 = all
    exclude: bool
    loc: Loc


def read_definitions(glossaries: Sequence[Glossary], diags: Diagnostics) -> dict[str, Definition]:
    definitions: dict[str, Definition] = {}
    for glossary in glossaries:
        for entry in glossary.data["entities"]:
            if not isinstance(entry, LineDict):
                diags.error(Loc(glossary.path, glossary.data.line, 1), "each entity must be a mapping", "start it with '- id: …'")
                continue
            made = _definition(entry, glossary.path, diags)
            if made is None:
                continue
            if made.entity.id in definitions:
                other = definitions[made.entity.id].entity.loc
                diags.error(made.entity.loc, f"duplicate entity id {made.entity.id!r}, already defined at {other}", "give each entity its own id")
                continue
            definitions[made.entity.id] = made
    return definitions


def _definition(entry: LineDict, path: str, diags: Diagnostics) -> Definition | None:
    loc = Loc(path, entry.line, 1)
    for key in entry:
        if key not in ENTITY_KEYS:
            diags.error(Loc(path, entry.lines[key], 1), f"unknown entity key {key!r}", f"known keys: {', '.join(sorted(ENTITY_KEYS))}")
    entity_id = entry.get("id")
    if not isinstance(entity_id, str) or not _ID.match(entity_id):
        diags.error(loc, f"invalid entity id {entity_id!r}", "use lowercase letters, digits and '-' (it becomes a page name)")
        return None
    kind = entry.get("type")
    if kind not in ENTITY_TYPES:
        diags.error(Loc(path, entry.lines.get("type", entry.line), 1), f"entity {entity_id}: unknown type {kind!r}", f"use one of {', '.join(ENTITY_TYPES)}")
        return None
    zh, en = entry.get("zh"), entry.get("en")
    if not isinstance(zh, str) or not zh or not isinstance(en, str) or not en:
        diags.error(loc, f"entity {entity_id}: 'zh' and 'en' are required", "give the Chinese form as printed and its English form")
        return None
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _QID.match(wikidata)):
        diags.error(Loc(path, entry.lines["wikidata"], 1), f"entity {entity_id}: {wikidata!r} is not a Wikidata id", "write it as Q followed by digits, or leave it out")
        wikidata = None
    aliases_zh = tuple(str(a) for a in entry.get("aliases_zh") or ())
    aliases_en = tuple(str(a) for a in entry.get("aliases_en") or ())
    note_kind = str(entry.get("note_kind", "gloss"))
    if note_kind not in ("gloss", "context"):
        diags.error(Loc(path, entry.lines.get("note_kind", entry.line), 1), f"entity {entity_id}: note_kind {note_kind!r}", "use gloss or context")
    entity = Entity(
        id=entity_id,
        type=str(kind),
        zh=zh,
        en=en,
        pinyin=str(entry.get("pinyin") or pinyin_of(zh)),
        note=str(entry.get("note") or "").strip(),
        wikidata=wikidata,
        aliases_zh=aliases_zh,
        aliases_en=aliases_en,
        sources=tuple(str(s) for s in entry.get("sources") or ()),
        mentions=(),
        loc=loc,
        note_kind=note_kind,
    )
    return Definition(entity, (zh, *aliases_zh), (en, *aliases_en), bool(entry.get("ambiguous", False)), note_kind)


def pinyin_of(text: str) -> str:
    """Pinyin with tone marks, syllables of a name run together as names are written."""
    from pypinyin import Style, pinyin

    return " ".join(s[0] for s in pinyin(text, style=Style.TONE))


def read_pins(doc: Document, blocks: dict[str, Block], definitions: dict[str, Definition], diags: Diagnostics) -> list[Pin]:
    pins = []
    for entry in doc.front.get("mentions") or []:
        if not isinstance(entry, LineDict):
            diags.error(Loc(doc.path, doc.front.lines.get("mentions", 1), 1), "each mention pin must be a mapping", "write '- {entity: id, block: p3}'")
            continue
        loc = Loc(doc.path, entry.line, 1)
        for key in entry:
            if key not in PIN_KEYS:
                diags.error(Loc(doc.path, entry.lines[key], 1), f"unknown mention key {key!r}", f"known keys: {', '.join(sorted(PIN_KEYS))}")
        entity, block = entry.get("entity"), entry.get("block")
        if entity not in definitions:
            diags.error(loc, f"mention refers to entity {entity!r}, which no glossary defines", "define it in content/entities.yaml or content/terms.yaml, or correct the id")
            continue
        if block not in blocks:
            diags.error(loc, f"mention refers to block {block!r}, which this article does not have", f"blocks here: {', '.join(blocks)}")
            continue
        pins.append(Pin(str(entity), str(block), int(entry.get("occurrence", 0)), bool(entry.get("exclude", False)), loc))
    return pins


@lru_cache(maxsize=256)
def _en_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


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


def annotate(edition: Edition, docs: Sequence[Document], glossaries: Sequence[Glossary], diags: Diagnostics) -> Edition:
    definitions = read_definitions(glossaries, diags)
    plain = _patterns(d for d in definitions.values() if not d.ambiguous)
    every = _patterns(definitions.values())
    docs_by_path = {d.path: d for d in docs}
    mentions: dict[str, list[Mention]] = {k: [] for k in definitions}
    for article in edition.all_articles:
        doc = docs_by_path[article.path]
        by_local = {b.local: b for b in article.blocks}
        pins = read_pins(doc, by_local, definitions, diags)
        for m in _article_mentions(article, plain, every, pins, definitions, diags):
            mentions[m.entity].append(m)
    entities = tuple(
        dataclasses.replace(d.entity, mentions=tuple(mentions[k]))
        for k, d in sorted(definitions.items(), key=lambda kv: (ENTITY_TYPES.index(kv[1].entity.type), kv[0]))
    )
    return dataclasses.replace(edition, entities=entities)


def _article_mentions(
    article: Article,
    plain: dict[str, list[tuple[str, str]]],
    every: dict[str, list[tuple[str, str]]],
    pins: list[Pin],
    definitions: dict[str, Definition],
    diags: Diagnostics,
) -> list[Mention]:
    out: list[Mention] = []
    seen: dict[str, int] = {}
    for block in article.blocks:
        block_pins = [p for p in pins if p.block == block.local]
        pinned = {p.entity for p in block_pins if not p.exclude}
        excluded = {p.entity for p in block_pins if p.exclude}
        counts: dict[str, int] = {}
        en_used: dict[str, int] = {}
        for start, form, entity_id in find_in_block(block.zh, every if pinned else plain):
            definition = definitions[entity_id]
            counts[entity_id] = counts.get(entity_id, 0) + 1
            if entity_id in excluded:
                continue
            if definition.ambiguous:
                wanted = [p for p in block_pins if p.entity == entity_id and not p.exclude]
                if not any(p.occurrence in (0, counts[entity_id]) for p in wanted):
                    continue
            seen[entity_id] = seen.get(entity_id, 0) + 1
            out.append(Mention(entity_id, article.id, block.id, form, _english(block.en, definition, en_used), start, seen[entity_id]))
        for pin in block_pins:
            if not pin.exclude and pin.entity not in counts:
                forms = " / ".join(definitions[pin.entity].forms_zh)
                diags.error(pin.loc, f"pinned mention of {pin.entity} ({forms}) not found in block {block.id}", "correct the block, or remove the pin if the text changed")
    return out


def _english(text: str, definition: Definition, used: dict[str, int]) -> str:
    """The n-th English occurrence of the entity in the block, for the n-th Chinese one."""
    if not text:
        return ""
    matches = _en_pattern(definition.forms_en).findall(text)
    index = used.get(definition.entity.id, 0)
    used[definition.entity.id] = index + 1
    if not matches:
        return ""
    return str(matches[min(index, len(matches) - 1)])


def mentions_by_block(edition: Edition) -> dict[str, list[Mention]]:
    index: dict[str, list[Mention]] = {}
    for entity in edition.entities:
        for mention in entity.mentions:
            index.setdefault(mention.block, []).append(mention)
    for mentions in index.values():
        mentions.sort(key=lambda m: m.start)
    return index
