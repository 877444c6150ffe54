"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, from
parts encoded beforehand.

An export of a large archive is mostly long lists (articles, figures, mentions). An item
encoded once can be kept while its article is unchanged (edition/memo.py), so that after an
edit only the edited article's items are encoded again; the lists are then spliced into the
rest, indented as ``json.dumps`` would have indented them. The bytes are the same as
encoding the whole value at once (tested).

The encoding itself is orjson's (in Rust, about ten times the standard library's pure-Python
indenting encoder, which was most of an archive's export time), brought to the standard
library's exact text: orjson indents by two spaces, so the indentation is halved, and a
number orjson writes differently (the standard library writes 1e-05 and 1e+16 where orjson
writes 0.00001 and 1e16) sends that value to the standard library (``encode``, tested
against ``json.dumps`` with hypothesis).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import orjson


class Chunk(str):
    """Items of an array, encoded, indented for an array standing on a line indented by
    ``depth`` spaces, and joined: a run of an array's items made once (one article's)."""

    __slots__ = ()


class Chunks:
    """A JSON array given as chunks of its items, all made for the array's depth. The chunks
    may come from a generator, read once, as the text is written (``pieces``): an archive's
    export then never stands whole in memory."""

    def __init__(self, chunks: Iterable[Chunk], depth: int) -> None:
        self.chunks = chunks
        self.depth = depth

    def __iter__(self) -> Iterator[Chunk]:
        return iter(self.chunks)


def chunk(values: Iterable[Any], depth: int) -> Chunk:
    # The items of the list as encode() lays them out at depth 0 (one space in), then
    # moved to the array's depth: one encoding for the whole run, not one per item.
    text = encode(list(values))
    if text == "[]":
        return Chunk("")
    body = text[2:-2]  # "[\n" ... "\n]"
    if depth:
        pad = " " * depth
        body = pad + body.replace("\n", "\n" + pad)
    return Chunk(body)


# A number as orjson writes it where the standard library would write another text: an
# exponent (either side), or a magnitude below 1e-4 or of 17 digits and more, for which
# the standard library writes an exponent. A value (never a key or a string, which start
# with a quote) stands first, after ": ", or after its line's indentation; each pattern
# starts with a literal, which Python's regex engine scans for fast.
_NUMBER = r"-?(?:\d+\.?\d*[eE]|0\.0000|\d{17})"
_OTHER_NUMBERS = (re.compile(": " + _NUMBER), re.compile("\n *" + _NUMBER))
_OTHER_FIRST = re.compile(_NUMBER)


def _other_number(text: str) -> bool:
    return _OTHER_FIRST.match(text) is not None or any(p.search(text) for p in _OTHER_NUMBERS)


def encode(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``, the same text, made faster.

    Values are what the exports hold (dicts with string keys, lists, tuples, strings,
    ints, floats, booleans, None); NaN and infinities, which no figure can be, would come
    out as null. Anything orjson refuses (an int beyond 64 bits, a lone surrogate, a
    non-string key) is left to the standard library.
    """
    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(value, ensure_ascii=False, indent=1)
    if _other_number(text):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return _halve_indent(text)


def _halve_indent(text: str) -> str:
    """Each line's 2k spaces of indentation made k. No raw newline or control character
    stands inside JSON text, so "\\n" starts a line and "\\x01" can mark its indentation:
    pair by pair, one replacement over the whole text per level of depth."""
    marked = text.replace("\n  ", "\n\x01")
    while "\x01  " in marked:
        marked = marked.replace("\x01  ", "\x01\x01")
    return marked.replace("\x01", " ")


def dumps(value: Any) -> str:
    """``value`` (dicts, lists, scalars, and Chunks anywhere) as ``json.dumps(..., indent=1)`` text."""
    return "".join(pieces(value))


def pieces(value: Any) -> Iterator[str]:
    """The text of ``dumps(value)``, in pieces: the rest, and each array of Chunks chunk by
    chunk, made only as it is asked for."""
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

    text = encode(placeholders(value))
    position = 0
    for n, items in enumerate(spliced):  # placeholders stand in the text in the order they were made
        quoted = f'"{token}-{n}"'
        at = text.index(quoted, position)
        line = text.rfind("\n", 0, at) + 1
        indent = len(text[line:at]) - len(text[line:at].lstrip(" "))
        yield text[position:at]
        yield from _array(items, " " * indent)
        position = at + len(quoted)
    yield text[position:]


def _array(chunks: Chunks, indent: str) -> Iterator[str]:
    """The array as it stands on a line indented by ``indent``: its items one level deeper."""
    if chunks.depth != len(indent):
        raise ValueError(f"chunks made for depth {chunks.depth} stand at depth {len(indent)}")
    opened = False
    for text in chunks:
        if text:
            yield ",\n" if opened else "[\n"
            yield text
            opened = True
    yield f"\n{indent}]" if opened else "[]"
