"""The translation's terminology: the terminology twin of edition/numbercheck.py.

The termbase (content/termbase/termbase.yaml) gives every policy term, slogan, office and
document-title phrase of the page its approved English, where that English comes from
(``official`` or ``established``, with a source; or the ``edition``'s own, with the reason)
and the variants that are banned. The build then holds the translation to it:

- a block whose Chinese contains a term must have the approved English, or a declared
  alias, in its English (a term rendered two ways across articles is an error);
- a banned variant anywhere in the English is an error at its block's line, naming the
  approved form;
- a glossary entity tied to a term must carry the approved English as its own form, and its
  note may not use a banned variant (a headword that contradicts its own note);
- every glossary entity of type term or document must have a termbase entry (provenance).

Checking is pure: ``check_terms`` reads the edition and the parsed termbase only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from edition.content import load_listing
from edition.errors import Diagnostics, Loc, rel
from edition.glossary import limits, named_on
from edition.hints import did_you_mean
from edition.model import Block, Edition, Entity
from edition.slips import words_read
from edition.yamlload import LineDict, check_keys

TERMBASE = Path("content/termbase/termbase.yaml")
TERM_KEYS = {"entity", "zh", "en", "aliases", "provenance", "source", "why", "banned", "note"}
PROVENANCE = ("official", "established", "edition")
# Entities whose English the termbase must vouch for (people and places follow the names policy).
GOVERNED_TYPES = ("term", "document")


@dataclass(frozen=True)
class Term:
    zh: tuple[str, ...]  # the Chinese forms, longest first
    en: str  # the approved English
    aliases: tuple[str, ...]  # other approved forms (inflections, heading case is free)
    provenance: str  # official | established | edition
    banned: tuple[str, ...]
    entity: str | None  # the glossary entity whose English this term governs
    loc: Loc
    # its entity's aliases given to some newspapers' pages alone (本报): not the term elsewhere
    limited: dict[str, frozenset[str]] = field(default_factory=dict)

    def zh_on(self, paper: str) -> tuple[str, ...]:
        """The Chinese forms that are this term on ``paper``'s pages."""
        return tuple(f for f in self.zh if named_on(f, self.limited, paper))


def load_termbase(root: Path, diags: Diagnostics) -> LineDict | None:
    """The termbase file, parsed with line numbers; None (and no error) where a project has none."""
    path = root / TERMBASE
    if not path.is_file():
        return None
    return _parse_termbase(path, rel(path, root), diags)


def _parse_termbase(path: Path, name: str, diags: Diagnostics) -> LineDict | None:
    return load_listing(path, name, "terms", "the termbase", diags)


def _strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if str(v).strip())
    return (str(value),)


def read_terms(data: LineDict, path: str, entities: dict[str, Entity], diags: Diagnostics) -> list[Term]:
    """The termbase's entries as Terms; an entry naming a glossary entity takes its Chinese
    forms and approved English from the entity unless it gives its own."""
    terms: list[Term] = []
    for entry in data["terms"]:
        if not isinstance(entry, LineDict):
            diags.error(
                Loc(path, data.line, 1), "each term must be a mapping", "start it with '- zh: …' or '- entity: …'"
            )
            continue
        loc = Loc(path, entry.line, 1)
        check_keys(entry, TERM_KEYS, path, "term", diags)
        entity_id = entry.get("entity")
        entity = entities.get(str(entity_id)) if entity_id else None
        if entity_id and entity is None:
            diags.error(
                loc,
                f"term names entity {entity_id!r}, which no glossary defines",
                f"{close} Or give the id of an entity in content/*.yaml"
                if (close := did_you_mean(str(entity_id), set(entities)))
                else "give the id of an entity in content/*.yaml",
            )
            continue
        zh = _strings(entry.get("zh")) or ((entity.zh, *entity.aliases_zh) if entity else ())
        en = str(entry.get("en") or (entity.en if entity else "")).strip()
        aliases = _strings(entry.get("aliases")) or (entity.aliases_en if entity else ())
        if not zh or not en:
            diags.error(
                loc,
                "a term needs its Chinese ('zh') and its approved English ('en')",
                "or name a glossary entity with 'entity:'",
            )
            continue
        provenance = str(entry.get("provenance") or "")
        if provenance not in PROVENANCE:
            diags.error(
                loc,
                f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}",
                "official and established need a 'source:', edition a 'why:'",
            )
        elif provenance in ("official", "established") and not _strings(entry.get("source")):
            diags.error(
                loc,
                f"an {provenance} rendering needs its 'source:'",
                "give the public source of record where the English is used",
            )
        elif provenance == "edition" and not str(entry.get("why") or "").strip():
            diags.error(
                loc, "the edition's own rendering needs a 'why:'", "say why no official or established English is used"
            )
        banned = _strings(entry.get("banned"))
        for bad in banned:
            if _contains(en, bad) or any(_contains(a, bad) for a in aliases):
                diags.error(
                    loc,
                    f"banned variant {bad!r} is part of an approved form",
                    "ban only forms the approved English does not contain",
                )
        terms.append(
            Term(
                tuple(sorted(zh, key=len, reverse=True)),
                en,
                aliases,
                provenance,
                banned,
                entity.id if entity else None,
                loc,
                limits(entity) if entity else {},
            )
        )
    return terms


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()


@lru_cache(maxsize=1024)
def _phrase(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words, compiled once (a build checks each against every block)."""
    return re.compile(r"(?<![\w-])" + re.escape(_norm(phrase)) + r"(?![\w-])")


def _contains(text: str, phrase: str) -> bool:
    """The phrase as words of the text (case-insensitive: heading case is free)."""
    return _phrase(phrase).search(_norm(text)) is not None


_LITERAL = re.compile(r"literal(?:ly)?\W{1,3}(?:(?:a|an|the)\W{1,3})?$")


def _contradicts(note: str, phrase: str) -> bool:
    """A banned rendering offered by the note as the term's English. A literal gloss
    (literally "sense of gain") explains the Chinese and contradicts nothing."""
    text = _norm(note)
    for hit in _phrase(phrase).finditer(text):
        if not _LITERAL.search(text[max(0, hit.start() - 24) : hit.start()]):
            return True
    return False


class _Banned:
    """Every banned variant of the termbase in one pattern: a text is searched once, not once
    per variant (a build checks every block, note and figure label)."""

    def __init__(self, terms: list[Term]) -> None:
        self.terms = {_norm(bad): (bad, term) for term in terms for bad in term.banned}
        forms = sorted(self.terms, key=len, reverse=True)
        alternation = "|".join(re.escape(f) for f in forms) or r"(?!)"
        self.pattern = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")

    def hits(self, text: str, glosses: bool = False) -> list[tuple[str, Term]]:
        """(variant, term) for each banned variant in the text; with ``glosses``, one offered
        as a literal gloss (literally "sense of gain") does not count."""
        norm = _norm(text)
        return [
            self.terms[hit.group(0)]
            for hit in self.pattern.finditer(norm)
            if not (glosses and _LITERAL.search(norm[max(0, hit.start() - 24) : hit.start()]))
        ]


def check_terms(edition: Edition, data: LineDict | None, path: str, diags: Diagnostics) -> None:
    """Every block pair, and every governed glossary entity, against the termbase."""
    if data is None:
        return
    entities = {e.id: e for e in edition.entities}
    terms = read_terms(data, path, entities, diags)
    banned = _Banned(terms)
    for article in edition.all_articles:
        paper = edition.page_of(article).info.newspaper_zh
        for block in article.blocks:
            if block.en and block.en_loc is not None:
                _check_block(block, paper, terms, banned, diags)
        # the editors' own English shown beside the text: notes and figure labels
        shown = [(f"note {n.id}", n.text, n.loc) for n in article.notes]
        shown += [(f"figure {f.id}", f.label_en, Loc(article.path)) for f in edition.figures if f.article == article.id]
        for what, text, loc in shown:
            for bad, term in banned.hits(text, glosses=True):
                diags.error(
                    loc,
                    f"{what}: banned rendering “{bad}” (termbase: {term.zh[0]} is “{term.en}”)",
                    f"write “{term.en}”",
                )
    _check_entities(edition.entities, terms, path, diags)


def _check_block(block: Block, paper: str, terms: list[Term], banned: _Banned, diags: Diagnostics) -> None:
    assert block.en_loc is not None
    english = words_read(block.en)  # a tag or a star inside a rendering is not another rendering
    for bad, term in banned.hits(english):
        diags.error(
            block.en_loc,
            f"{block.id}: banned rendering “{bad}” (termbase: {term.zh[0]} is “{term.en}”)",
            f"write “{term.en}”" + (f" or a declared alias ({', '.join(term.aliases)})" if term.aliases else ""),
        )
    for term in terms:
        found = next((form for form in term.zh_on(paper) if form in block.zh), None)
        if found and not any(_contains(english, form) for form in (term.en, *term.aliases)):
            diags.error(
                block.en_loc,
                f"{block.id}: the Chinese has {found} but the English has not its approved rendering “{term.en}”",
                f"use “{term.en}”"
                + (f" or an alias ({', '.join(term.aliases)})" if term.aliases else "")
                + f", or add an alias at {term.loc}",
            )


def _check_entities(entities: tuple[Entity, ...], terms: list[Term], path: str, diags: Diagnostics) -> None:
    governed = {t.entity: t for t in terms if t.entity}
    for entity in entities:
        term = governed.get(entity.id)
        if term is None:
            if entity.type in GOVERNED_TYPES:
                diags.error(
                    entity.loc,
                    f"{entity.type} {entity.id!r} ({entity.zh}) has no entry in the termbase",
                    f"add '- entity: {entity.id}' with its provenance to {path}",
                )
            continue
        if not any(_norm(entity.en) == _norm(form) for form in (term.en, *term.aliases)):
            diags.error(
                entity.loc,
                f"{entity.id}: its English “{entity.en}” is not the termbase's “{term.en}”",
                f"write en: {term.en}",
            )
        for bad in term.banned:
            if _contradicts(entity.note, bad) or any(_contains(a, bad) for a in (entity.en, *entity.aliases_en)):
                diags.error(
                    entity.loc,
                    f"{entity.id}: its note or English forms use the banned rendering “{bad}”, contradicting its approved English “{term.en}”",
                    "make the note use the approved form",
                )
