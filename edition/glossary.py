"""The glossaries (content/*.yaml): each entity defined once, checked at its own lines.

What the build then finds in the text is edition/annotate.py's concern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from edition.content import Glossary
from edition.errors import Diagnostics, Loc, show_invisible
from edition.frontschema import check_entity
from edition.hints import did_you_mean
from edition.model import Entity
from edition.yamlload import LineDict, check_keys

ENTITY_KEYS = {
    "id", "type", "zh", "aliases_zh", "en", "aliases_en", "pinyin", "wikidata", "note", "note_kind",
    "sources", "ambiguous", "aliases_only_in",
}  # fmt: skip
ENTITY_TYPES = ("person", "place", "organisation", "document", "term", "event")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # fullmatch: no trailing newline
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class Definition:
    entity: Entity
    forms_zh: tuple[str, ...]
    forms_en: tuple[str, ...]
    ambiguous: bool
    note_kind: str
    limits_line: int = 0  # where 'aliases_only_in' is (its problems are said there)


def read_definitions(glossaries: Sequence[Glossary], diags: Diagnostics) -> dict[str, Definition]:
    definitions: dict[str, Definition] = {}
    for glossary in glossaries:
        for entry in glossary.data["entities"]:
            if not isinstance(entry, LineDict):
                diags.error(
                    Loc(glossary.path, glossary.data.line, 1),
                    "each entity must be a mapping",
                    "start it with '- id: …'",
                )
                continue
            made = _definition(entry, glossary.path, diags)
            if made is None:
                continue
            if made.entity.id in definitions:
                other = definitions[made.entity.id].entity.loc
                diags.error(
                    made.entity.loc,
                    f"duplicate entity id {made.entity.id!r}, already defined at {other}",
                    "give each entity its own id",
                )
                continue
            definitions[made.entity.id] = made
    return definitions


def _definition(entry: LineDict, path: str, diags: Diagnostics) -> Definition | None:
    loc = Loc(path, entry.line, 1)
    check_keys(entry, ENTITY_KEYS, path, "entity", diags)
    if check_entity(entry, path, diags):  # a value of the wrong type: said at its line
        return None
    entity_id = entry.get("id")
    if not isinstance(entity_id, str) or not _ID.fullmatch(entity_id):
        diags.error(
            loc, f"invalid entity id {entity_id!r}", "use lowercase letters, digits and '-' (it becomes a page name)"
        )
        return None
    kind = entry.get("type")
    if kind not in ENTITY_TYPES:
        diags.error(
            Loc(path, entry.lines.get("type", entry.line), 1),
            f"entity {entity_id}: unknown type {kind!r}",
            f"use one of {', '.join(ENTITY_TYPES)}",
        )
        return None
    zh, en = entry.get("zh"), entry.get("en")
    if not isinstance(zh, str) or not zh or not isinstance(en, str) or not en:
        diags.error(
            loc,
            f"entity {entity_id}: 'zh' and 'en' are required",
            "give the Chinese form as printed and its English form",
        )
        return None
    wikidata = entry.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and _QID.fullmatch(wikidata)):
        diags.error(
            Loc(path, entry.lines["wikidata"], 1),
            f"entity {entity_id}: {wikidata!r} is not a Wikidata id",
            "write it as Q followed by digits, or leave it out",
        )
        wikidata = None
    sources = tuple(str(s) for s in entry.get("sources") or ())
    for source in sources:
        if not source.startswith(("https://", "http://")):
            diags.error(
                Loc(path, entry.lines.get("sources", entry.line), 1),
                f"entity {entity_id}: source {source!r} is not a URL",
                "write each source as a quoted URL on its own line ('- \"https://…\"'): in [a, b] a comma inside a URL splits it",
            )
    aliases_zh = tuple(str(a) for a in entry.get("aliases_zh") or ())
    aliases_en = tuple(str(a) for a in entry.get("aliases_en") or ())
    for key, forms in (("aliases_zh", aliases_zh), ("aliases_en", aliases_en)):
        if any(not form.strip() for form in forms):
            diags.error(
                Loc(path, entry.lines.get(key, entry.line), 1),
                f"entity {entity_id}: an empty form in '{key}'",
                "remove the empty string from the list",
            )
            return None
    note_kind = str(entry.get("note_kind", "gloss"))
    if note_kind not in ("gloss", "context"):
        diags.error(
            Loc(path, entry.lines.get("note_kind", entry.line), 1),
            f"entity {entity_id}: note_kind {note_kind!r}",
            "use gloss or context",
        )
    limited = entry.get("aliases_only_in") or {}
    only_in = tuple(sorted((str(paper), tuple(str(f) for f in forms)) for paper, forms in limited.items()))
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
        sources=sources,
        mentions=(),
        loc=loc,
        note_kind=note_kind,
        aliases_only_in=only_in,
    )
    forms_zh, forms_en = (zh, *aliases_zh), (en, *aliases_en)
    ambiguous = bool(entry.get("ambiguous", False))
    return Definition(entity, forms_zh, forms_en, ambiguous, note_kind, entry.lines.get("aliases_only_in", entry.line))


def limits(entity: Entity) -> dict[str, frozenset[str]]:
    """Each alias given to some newspapers' pages alone (aliases_only_in), with those newspapers."""
    out: dict[str, set[str]] = {}
    for paper, forms in entity.aliases_only_in:
        for form in forms:
            out.setdefault(form, set()).add(paper)
    return {form: frozenset(papers) for form, papers in out.items()}


def named_on(form: str, limited: dict[str, frozenset[str]], paper: str | None) -> bool:
    """Whether ``form`` names its entity on ``paper``'s pages (``limited``: limits())."""
    return form not in limited or paper in limited[form]


def on_paper(definition: Definition, paper: str | None) -> Definition:
    """A definition as it is matched on the pages of ``paper`` (a newspaper_zh; None: a page of
    no newspaper in particular): without the aliases given to other newspapers' pages alone.
    Its other forms stay, in both languages (an alias of every page, 改革报, with 本报 of one)."""
    limited = limits(definition.entity)
    if not limited:
        return definition
    zh, en = definition.forms_zh, definition.forms_en
    kept = [f for f in zh[1:] if named_on(f, limited, paper)], [f for f in en[1:] if named_on(f, limited, paper)]
    return replace(definition, forms_zh=(zh[0], *kept[0]), forms_en=(en[0], *kept[1]))


def check_papers(definitions: dict[str, Definition], papers: set[str], diags: Diagnostics) -> None:
    """An entity's aliases_only_in names the newspaper of some page, and forms among its
    aliases: a misspelt name would leave an alias matched nowhere, without a word."""
    for key, definition in definitions.items():
        entity = definition.entity
        where = Loc(entity.loc.path, definition.limits_line, 1)
        aliases = {*entity.aliases_zh, *entity.aliases_en}
        for paper, forms in entity.aliases_only_in:
            if paper not in papers:
                listed = ", ".join(sorted(papers)) or "none"
                diags.error(
                    where,
                    f"entity {key}: aliases_only_in names {show_invisible(paper)}, the newspaper of no page",
                    did_you_mean(paper, papers)
                    or f"write a newspaper as its pages' page.toml gives it (newspaper_zh): {listed}",
                )
            for form in forms:
                if form not in aliases:
                    diags.error(
                        where,
                        f"entity {key}: aliases_only_in gives {show_invisible(form)}, which is not one of its aliases",
                        "list it under 'aliases_zh' or 'aliases_en' too (its 'zh' and 'en' name it on every page)",
                    )


def pinyin_of(text: str) -> str:
    """Pinyin with tone marks, syllables of a name run together as names are written."""
    from pypinyin import Style, pinyin

    return " ".join(s[0] for s in pinyin(text, style=Style.TONE))


def same_forms(definitions: dict[str, Definition], diags: Diagnostics) -> set[str]:
    """Two entities with one Chinese form: the text's mentions would all go to one of them
    (and the other be "found nowhere"). An error at the second definition, unless one of
    them is ambiguous (matched only where pinned). Returns the entities concerned."""
    owners: dict[str, list[tuple[str, frozenset[str] | None]]] = {}  # a form's entities, each with its scope
    twinned: set[str] = set()
    for key, definition in definitions.items():
        for n, form in enumerate(definition.forms_zh):
            # an alias of some newspapers' pages (本报) clashes with a form matched everywhere
            # or on one of the same newspapers' pages, not with another newspaper's alias
            scope = limits(definition.entity).get(form) if n else None
            known = owners.setdefault(form, [])
            other = next(
                (
                    k
                    for k, s in known
                    if k != key and not definitions[k].ambiguous and (s is None or scope is None or s & scope)
                ),
                None,
            )
            known.append((key, scope))
            if other is None or definition.ambiguous:
                continue
            twinned.update((key, other))
            diags.error(
                definition.entity.loc,
                f"entities {other} ({definitions[other].entity.loc}) and {key} have the same Chinese form "
                f"{show_invisible(form)}: the text's mentions would all go to one of them",
                "merge the two, or mark one 'ambiguous: true' and pin its mentions under 'mentions:'",
            )
    return twinned
