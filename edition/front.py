"""Front matter, typed: the one reader of a content file's line-tracked front matter (yamlload).

A content file's front matter is parsed once, when the file is loaded, into the frozen
dataclasses of edition/frontmodel.py; the stages read only their fields. Parsing reports
nothing itself: the problems it finds (unknown keys, a value of the wrong type, a list that is
not one) are kept with the part they concern and reported by the stage that uses that part,
where they always were, so that every message keeps its place and an article that cannot be
made does not report on its notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from edition.errors import Diagnostics, Loc
from edition.frontmodel import (
    ArticleFront,
    ChartEntry,
    CheckEntry,
    EmendationEntry,
    Entry,
    FigureLabel,
    Listed,
    MentionPin,
    NoteEntry,
    NumbersEntry,
    PhotoEntry,
    TranslationFront,
)
from edition.frontschema import ENTRIES, check_front
from edition.yamlload import LineDict, check_keys

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # used with fullmatch: no trailing newline
ZH_KEYS = {
    "id", "kind", "order", "title", "source", "blocks", "notes", "emendations", "photos",
    "mentions", "figures", "checks", "charts", "vertical",
}  # fmt: skip
EN_KEYS = {"id", "translator", "translates", "numbers"}
NOTE_KINDS = {"gloss", "context", "editorial"}
E = TypeVar("E", bound=Entry)


def parse_front(data: LineDict, path: str, lang: str, kinds: Sequence[str]) -> ArticleFront | TranslationFront:
    """A file's front matter, typed; ``kinds``: its blocks' kinds, in order."""
    unknown, schema, zh = Diagnostics(), Diagnostics(), lang == "zh"
    check_keys(data, ZH_KEYS if zh else EN_KEYS, path, "front-matter" if zh else "translation front-matter", unknown)
    wrong = check_front(data, lang, path, kinds, schema)  # by (list, place in it)
    head: dict[str, Any] = {"line": data.line, "lines": dict(data.lines)}
    head.update(unknown=tuple(unknown.items), schema=tuple(schema.items))
    if not zh:
        raw_id = data.get("id")
        return TranslationFront(
            **head,
            id=raw_id if isinstance(raw_id, str) else None,
            id_shown=repr(raw_id),
            translator=str(data.get("translator", "")),
            translates=_string(data, "translates"),
            numbers=_listed(data, "numbers", "numbers", path, wrong, _number),
        )

    def loc(key: str) -> Loc:
        return Loc(path, data.lines.get(key, data.line), 1)

    raw_id, raw_kind, order = data.get("id"), data.get("kind", "article"), data.get("order", 0)
    vertical = data.get("vertical") or ()
    valid = isinstance(raw_id, str) and bool(ID.fullmatch(raw_id))
    id_problems = Diagnostics()
    if not valid:
        id_problems.error(
            loc("id"),
            f"invalid or missing id {raw_id!r}",
            "give 'id:' in lowercase letters, digits and '-' (it becomes a folder name of the site)",
        )
    problems = Diagnostics()
    if raw_kind not in ("article", "page"):
        problems.error(loc("kind"), f"unknown kind {raw_kind!r}", "use 'article' or 'page'")
        raw_kind = "article"  # placed as one, so that nothing else is reported as missing
    lines = _source_lines(data, len(kinds), loc, problems)
    return ArticleFront(
        **head,
        id=raw_id if valid else None,
        id_problems=tuple(id_problems.items),
        kind=str(raw_kind),
        order=int(order) if isinstance(order, int) else 0,
        numbered=isinstance(order, int) and not isinstance(order, bool),
        title=str(data.get("title") or ""),
        vertical=frozenset(str(v) for v in vertical) if isinstance(vertical, list | str) else frozenset(),
        source_lines=lines,
        problems=tuple(problems.items),
        notes=_listed(data, "notes", "note", path, wrong, _note),
        emendations=_listed(data, "emendations", "emendation", path, wrong, _emendation),
        photos=_listed(data, "photos", "photo", path, wrong, _photo),
        mentions=_listed(data, "mentions", "mention", path, wrong, _pin),
        figures=_listed(data, "figures", "figure", path, wrong, _label),
        checks=_listed(data, "checks", "check", path, wrong, _check),
        charts=_listed(data, "charts", "chart", path, wrong, _chart),
        ranges=len(data["blocks"]) if isinstance(data.get("blocks"), list) else -1,
    )


def _source_lines(
    data: LineDict, count: int, loc: Callable[[str], Loc], problems: Diagnostics
) -> tuple[tuple[int, int], ...]:
    """'blocks:': the source lines of each block, one [first, last] per block."""
    raw = data.get("blocks")
    if raw is None:
        problems.error(
            loc("id"), "no 'blocks:' list of source lines", "add 'blocks:' with one [first, last] per block of the text"
        )
    elif not isinstance(raw, list) or not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(n, int) for n in r) for r in raw
    ):
        problems.error(
            loc("blocks"), "'blocks:' must be a list of [first, last] line pairs", "write each as '- [63, 71]'"
        )
    elif len(raw) != count:
        problems.error(
            loc("blocks"),
            f"'blocks:' lists {len(raw)} source ranges but the text has {count} blocks",
            "give one [first, last] per block, in order; a block you split or joined needs its range split or joined too",
        )
    else:
        return tuple((r[0], r[1]) for r in raw)
    return ((0, 0),) * count


# Each list's keys, and how an entry of it is made (KEYS[key] is its schema's keys).
KEYS = {key: set(fields) for key, fields in ENTRIES.items()}
KEYS["numbers"] = {"block", "value", "reason"}


def _listed(
    data: LineDict,
    key: str,
    what: str,
    path: str,
    wrong: Mapping[tuple[str, int], frozenset[str]],
    make: Callable[[LineDict, dict[str, Any]], E],
) -> Listed[E]:
    """The mappings listed under a key, each checked for unknown keys. Anything else there (a
    bare string, a list item that is not a mapping) is an error at the key's line."""
    value = data.get(key)
    if value is None:
        return Listed()
    problems = Diagnostics()
    where = Loc(path, data.lines.get(key, data.line), 1)
    if not isinstance(value, list):
        problems.error(where, f"'{key}:' must be a list", f"write each {what} as '- key: value' under '{key}:'")
        return Listed((), tuple(problems.items))
    entries = []
    for n, entry in enumerate(value):
        if not isinstance(entry, LineDict):
            problems.error(
                where, f"each {what} under '{key}:' must be a mapping", f"write '- {sorted(KEYS[key])[0]}: …'"
            )
            continue
        check_keys(entry, KEYS[key], path, what, problems)
        rejected = wrong.get((key, n), frozenset())  # the schema said so (check_front)
        common = {"line": entry.line, "lines": dict(entry.lines), "wrong": rejected}
        common["written"] = {k: repr(entry[k]) for k in sorted(rejected)}
        entries.append(make(entry, common))
    return Listed(tuple(entries), tuple(problems.items))


def _string(entry: LineDict, key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) else None


def _text(entry: LineDict, key: str, default: str = "") -> str:
    """A text value; a key written with nothing after it is the default, not "None"."""
    value = entry.get(key)
    return default if value is None else str(value)


def _strings(entry: LineDict, key: str) -> tuple[str, ...]:
    value = entry.get(key)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _note(e: LineDict, common: dict[str, Any]) -> NoteEntry:
    id_, text = e.get("id"), e.get("text")
    return NoteEntry(
        **common,
        id=str(id_) if id_ else "",
        kind=_string(e, "kind"),
        block=_string(e, "block"),
        text=str(text) if text else "",
        title=_text(e, "title"),
    )


def _emendation(e: LineDict, common: dict[str, Any]) -> EmendationEntry:
    reason = e.get("reason")
    return EmendationEntry(
        **common,
        block=_string(e, "block"),
        source=_text(e, "source"),
        reading=_text(e, "reading"),
        reason=str(reason) if reason else "",
    )


def _photo(e: LineDict, common: dict[str, Any]) -> PhotoEntry:
    return PhotoEntry(**common, block=_string(e, "block"), article=_string(e, "article"), image=_string(e, "image"))


def _pin(e: LineDict, common: dict[str, Any]) -> MentionPin:
    occurrence, exclude = e.get("occurrence", 0), e.get("exclude", False)
    usable = isinstance(occurrence, int) and isinstance(exclude, bool)
    return MentionPin(
        **common,
        entity=_string(e, "entity"),
        block=_string(e, "block"),
        occurrence=int(occurrence) if usable else 0,
        exclude=bool(exclude) if usable else False,
        usable=usable,
    )


def _label(e: LineDict, common: dict[str, Any]) -> FigureLabel:
    return FigureLabel(
        **common,
        block=_string(e, "block"),
        text=_text(e, "text"),
        label=_text(e, "label"),
        label_zh=_text(e, "label_zh"),
        theme=_text(e, "theme"),  # none given (or left empty): listed after the themed figures
    )


def _check(e: LineDict, common: dict[str, Any]) -> CheckEntry:
    return CheckEntry(
        **common,
        id=_text(e, "id"),
        label=_text(e, "label"),
        expr=_text(e, "expr"),
        count=_strings(e, "count") if "count" in e else None,
        equals=_text(e, "equals"),
    )


def _chart(e: LineDict, common: dict[str, Any]) -> ChartEntry:
    return ChartEntry(
        **common,
        id=str(e.get("id")),
        title=_text(e, "title"),
        steps=_strings(e, "steps"),
        total=_text(e, "total", "total"),
        description=_text(e, "description").strip(),
    )


def _number(e: LineDict, common: dict[str, Any]) -> NumbersEntry:
    raw = e.get("value")
    try:
        value: float | None = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = None
    reason = e.get("reason")
    return NumbersEntry(
        **common, block=_string(e, "block"), value=value, shown=repr(raw), reason=str(reason or "").strip()
    )
