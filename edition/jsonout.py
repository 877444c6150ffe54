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
from collections.abc import Iterable
from typing import Any


class Chunk(str):
    """Items of an array, encoded, indented for an array standing on a line indented by
    ``depth`` spaces, and joined: a run of an array's items made once (one article's)."""

    __slots__ = ()


class Chunks(list[Chunk]):
    """A JSON array given as chunks of its items, all made for the array's depth."""

    def __init__(self, chunks: Iterable[Chunk], depth: int) -> None:
        super().__init__(chunks)
        self.depth = depth


def chunk(values: Iterable[Any], depth: int) -> Chunk:
    pad = " " * (depth + 1)
    encoded = (json.dumps(v, ensure_ascii=False, indent=1) for v in values)
    return Chunk(",\n".join(pad + text.replace("\n", "\n" + pad) for text in encoded))


def dumps(value: Any) -> str:
    """``value`` (dicts, lists, scalars, and Chunks anywhere) as ``json.dumps(..., indent=1)`` text."""
    token = f"splice-{uuid.uuid4().hex}"  # a string no content can contain
    spliced: list[Chunks] = []

    def placeholders(v: Any) -> Any:
        if isinstance(v, Chunks):
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


def _array(chunks: Chunks, indent: str) -> str:
    """The array as it stands on a line indented by ``indent``: its items one level deeper."""
    if chunks.depth != len(indent):
        raise ValueError(f"chunks made for depth {chunks.depth} stand at depth {len(indent)}")
    body = ",\n".join(c for c in chunks if c)
    return f"[\n{body}\n{indent}]" if body else "[]"
