"""Front matter checked against a schema, at each value's own line (issue 14).

Unknown keys are found where each key is read (yamlload.check_keys); here, the type of each
value an editor writes: `order: "4"` is an error, not an article quietly put first; a list
where a string is wanted is an error here, not a crash in an export. YAML's own reading is
kept (a number where text is wanted is fine: `reading: 2020`), what cannot be meant is not.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from edition.constructs import COMMENT, inline_construct
from edition.errors import Diagnostics, Loc
from edition.yamlload import LineDict

if TYPE_CHECKING:  # edition/content.py parses the front matter with this module
    from edition.content import Document

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _string(value: Any) -> bool:
    return isinstance(value, str)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: Any) -> bool:
    return _integer(value) or (isinstance(value, float) and math.isfinite(value))


def _boolean(value: Any) -> bool:
    return isinstance(value, bool)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _forms_by_paper(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and _strings(v) for k, v in value.items())


def _list(value: Any) -> bool:
    return isinstance(value, list)


def _range(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_integer(v) for v in value)


# What each type is called in a message, and how to write it.
WORDS: dict[Check, tuple[str, str]] = {
    _text: ("text", "write the text after the colon, in quotes if it holds ':' or '#'"),
    _string: ("a string", "write it as a word or in quotes"),
    _integer: ("a whole number", "write the number without quotes, e.g. '{key}: 4'"),
    _number: ("a number", "write the number without quotes or commas, e.g. 164000"),
    _boolean: ("true or false", "write true or false, without quotes"),
    _strings: ("a list of strings", "write it as [a, b] or as '- a' lines below the key"),
    _list: ("a list", "write each entry as '- ...' below the key"),
    _forms_by_paper: (
        "newspapers, each with a list of forms",
        "write each newspaper on its own line below the key, indented: '中国改革报: [本报, this newspaper]'",
    ),
    _range: ("a pair of line numbers", "write [first, last]"),
}

ARTICLE: dict[str, Check] = {
    "order": _integer,  # 'id' and 'kind' have their own messages (edition/front.py)
    "title": _text, "source": _string,
    "vertical": _strings, "blocks": _list, "notes": _list, "emendations": _list, "photos": _list,
    "mentions": _list, "figures": _list, "checks": _list, "charts": _list,
}  # fmt: skip
TRANSLATION: dict[str, Check] = {"id": _string, "translator": _text, "translates": _string, "numbers": _list}
ENTRIES: dict[str, dict[str, Check]] = {
    "notes": {"id": _string, "kind": _string, "block": _string, "text": _text, "title": _text},
    "emendations": {"block": _string, "source": _text, "reading": _text, "reason": _text},
    "photos": {"block": _string, "article": _string, "image": _string},
    "mentions": {"entity": _string, "block": _string, "occurrence": _integer, "exclude": _boolean},
    "figures": {"text": _text, "block": _string, "label": _text, "label_zh": _text, "theme": _string},
    "checks": {"id": _string, "label": _text, "expr": _string, "count": _strings, "equals": _string},
    "charts": {"id": _string, "title": _text, "steps": _strings, "total": _text, "description": _text},
    "numbers": {"block": _string, "reason": _text},  # 'value': edition/numbercheck.py says it
}


ENTITY: dict[str, Check] = {
    "id": _string, "type": _string, "zh": _string, "aliases_zh": _strings, "en": _string, "aliases_en": _strings,
    "pinyin": _string, "wikidata": _string, "note": _text, "note_kind": _string, "sources": _strings,
    "ambiguous": _boolean, "aliases_only_in": _forms_by_paper,
}  # fmt: skip


def check_entity(entry: LineDict, path: str, diags: Diagnostics) -> set[str]:
    """A glossary entry's values (``aliases_zh: 墨玉``, a string, would be read as one alias
    per character); the keys whose value is wrong."""
    return _check_mapping(entry, ENTITY, path, diags)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    kind = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list"}.get(
        type(value), "a mapping" if isinstance(value, dict) else type(value).__name__
    )
    shown = repr(value)
    return f"{kind} ({shown if len(shown) <= 40 else shown[:39] + '…'})"


def check_front(
    data: LineDict, lang: str, path: str, kinds: Sequence[str], diags: Diagnostics
) -> dict[tuple[str, int], frozenset[str]]:
    """Report each value of the wrong type (edition/front.py keeps them, for the stage that
    reads the front matter to report); ``kinds``: the file's blocks' kinds, in order. Returns,
    for each entry of a list (by the list's key and the entry's place in it), the keys whose
    value was wrong: the stages then say nothing about what those became."""
    schema = ARTICLE if lang == "zh" else TRANSLATION
    wrong = _check_mapping(data, schema, path, diags)
    entries_wrong: dict[tuple[str, int], frozenset[str]] = {}
    for key, fields in ENTRIES.items():
        entries = data.get(key)
        if key in schema and isinstance(entries, list):
            for n, entry in enumerate(entries):
                if isinstance(entry, LineDict):
                    entries_wrong[key, n] = frozenset(_check_mapping(entry, fields, path, diags, f"{key}: "))
    if lang == "zh" and "vertical" not in wrong and "vertical" in data:
        _check_vertical(data, path, kinds, diags)
    return entries_wrong


def _check_mapping(
    data: LineDict, schema: dict[str, Check], path: str, diags: Diagnostics, within: str = ""
) -> set[str]:
    wrong = set()
    for key, check in schema.items():
        if key not in data or (data[key] is None and key != "order"):
            continue
        value = data[key]
        if check is _text and isinstance(value, str) and ("<!--" in value or "[" in value):
            _check_markup(value, f"{within}{key}", Loc(path, data.lines.get(key, data.line), 1), diags)
        if not check(value):
            name, how = WORDS[check]
            diags.error(
                Loc(path, data.lines.get(key, data.line), 1),
                f"'{within}{key}' must be {name}, not {_describe(value)}",
                how.format(key=key),
            )
            wrong.add(key)
    return wrong


def _check_markup(value: str, key: str, loc: Loc, diags: Diagnostics) -> None:
    """A note's or a label's text is rendered as inline Markdown: a comment would be shown to
    readers, an image or a footnote would not be what the editor meant."""
    found = COMMENT if "<!--" in value else inline_construct(value)
    if found is not None:
        diags.error(loc, f"'{key}' holds {found.what}, which is not allowed there", found.hint)


def _check_vertical(data: LineDict, path: str, kinds: Sequence[str], diags: Diagnostics) -> None:
    from edition.ids import local_block_ids

    known = local_block_ids(list(kinds))
    for value in data["vertical"]:
        if value not in known:
            diags.no_such_block(Loc(path, data.lines.get("vertical", 2), 1), "'vertical:'", value, known)


def duplicate_orders(docs: Sequence[Document], diags: Diagnostics) -> None:
    """Two articles of one page (one folder) with the same ``order``: their reading order is
    then the files' order, which nobody chose. A warning at the second one's line."""
    seen: dict[tuple[str, int], Document] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        front = doc.article_front
        if front.kind != "article" or not front.numbered:
            continue
        first = seen.setdefault((doc.path.rpartition("/")[0], front.order), doc)
        if first is not doc:
            diags.warning(
                Loc(doc.path, front.at("order"), 1),
                f"order {front.order} is also the order of {first.path}: which comes first on the page is then left to chance",
                "give each article of a page its own 'order:'",
            )
