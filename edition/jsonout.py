"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, from
parts encoded beforehand.

An export of a large archive is mostly long lists (articles, figures, mentions). An item
encoded once can be kept while its article is unchanged (edition/memo.py), so that after an
edit only the edited article's items are encoded again; the lists are then spliced into the
rest, indented as ``json.dumps`` would have indented them. The bytes are the same as
encoding the whole value at once (tested).
"""

from __future__ import annotations

import json
import uuid
from typing import Any


class Encoded(str):
    """One value's JSON text, as ``encode`` writes it at the top level."""

    __slots__ = ()


class Items(list[Encoded]):
    """A JSON array whose items are already encoded."""

    __slots__ = ()


def encode(value: Any) -> Encoded:
    return Encoded(json.dumps(value, ensure_ascii=False, indent=1))


def dumps(value: Any) -> str:
    """``value`` (dicts, lists, scalars, and Items anywhere) as ``json.dumps(..., indent=1)`` text."""
    token = f"splice-{uuid.uuid4().hex}"  # a string no content can contain
    spliced: list[Items] = []

    def placeholders(v: Any) -> Any:
        if isinstance(v, Items):
            spliced.append(v)
            return f"{token}-{len(spliced) - 1}"
        if isinstance(v, dict):
            return {k: placeholders(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [placeholders(x) for x in v]
        return v

    text = json.dumps(placeholders(value), ensure_ascii=False, indent=1)
    out: list[str] = []
    position = 0
    for n, items in enumerate(spliced):  # placeholders stand in the text in the order they were made
        quoted = f'"{token}-{n}"'
        at = text.index(quoted, position)
        line = text.rfind("\n", 0, at) + 1
        indent = len(text[line:at]) - len(text[line:at].lstrip(" "))
        out.append(text[position:at])
        out.append(_array(items, " " * indent))
        position = at + len(quoted)
    out.append(text[position:])
    return "".join(out)


def _array(items: Items, indent: str) -> str:
    """The array as it stands on a line indented by ``indent``: its items one level deeper."""
    if not items:
        return "[]"
    pad = indent + " "
    body = ",\n".join(pad + item.replace("\n", "\n" + pad) for item in items)
    return f"[\n{body}\n{indent}]"
