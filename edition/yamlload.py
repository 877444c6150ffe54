"""YAML with line numbers: every mapping remembers where each of its keys stood."""

from __future__ import annotations

import re
from typing import Any

import yaml

from edition.errors import BuildError, Diagnostic, Diagnostics, Loc

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows the 1-based line of each key (``lines[key]``)."""

    lines: dict[str, int]
    line: int


class _LineLoader(_Loader):  # type: ignore[valid-type,misc]
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """BaseResolver.resolve without building a list for every scalar (same tags)."""
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


# Dates stay strings: an editor's 2020-02-30 is text to check, not a crash in the parser,
# and every date the project keeps is an ISO string anyway.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.lines = {}
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_INT = "tag:yaml.org,2002:int"
# Scalars whose constructor builds a plain value (never a container, never a reference):
# the fast builder below hands them to the loader one by one.
_SCALAR_TAGS = frozenset("tag:yaml.org,2002:" + name for name in ("null", "bool", "int", "float", "binary"))
# Keys the constructor's flatten_mapping rewrites: a merge '<<' and a value '='.
_FLATTENED = frozenset(("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"))
# Deeper than this, the fast builder leaves the document to PyYAML's constructor, so that
# a document too deep for it fails (or not) exactly as it always did.
_MAX_DEPTH = 64

# The implicit resolvers by first character, each list already followed by the wildcard
# ones: what BaseResolver.resolve looks up (and concatenates) for every plain scalar;
# _LineLoader.resolve uses them.
_WILDCARD: list[tuple[str, re.Pattern[str]]] = list(_LineLoader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: list(resolvers) + _WILDCARD
    for first, resolvers in _LineLoader.yaml_implicit_resolvers.items()
    if first is not None
}


class _Slow(Exception):
    """The node tree holds something the fast builder leaves to PyYAML's constructor."""


def _build(loader: Any, node: Any, offset: int, depth: int = 0) -> Any:
    """Construct a composed node tree as the constructor does, with the line offset applied.

    Only plain trees: mappings, sequences and scalars with their default tags (or a scalar
    tag from ``_SCALAR_TAGS``). Anything else (a merge key ``<<``, a complex key, an
    explicit collection tag, a very deep tree) raises _Slow, and PyYAML builds the whole
    document again. Nodes are built in the constructor's order, so that of two mistakes
    in a document the same one is reported first.
    """
    cls = node.__class__
    tag = node.tag
    if cls is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        if tag == _INT:
            value = node.value
            if value.isdigit() and value.isascii() and value[0] != "0":  # what int() reads as the constructor does
                return int(value)
        if tag in _SCALAR_TAGS:
            return loader.construct_object(node, deep=True)
        raise _Slow
    if depth > _MAX_DEPTH:
        raise _Slow
    if cls is yaml.MappingNode and tag == _MAP:
        pairs = node.value
        for key_node, _ in pairs:
            # The constructor first merges '<<' keys (whose errors come before any other).
            if key_node.tag in _FLATTENED:
                raise _Slow
        result = LineDict()
        lines: dict[str, int] = {}
        result.lines = lines
        result.line = node.start_mark.line + 1 + offset
        for key_node, value_node in pairs:
            if key_node.__class__ is not yaml.ScalarNode:
                raise _Slow
            key_tag = key_node.tag
            if key_tag == _STR:
                key = key_node.value
            elif key_tag in _SCALAR_TAGS:
                key = loader.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
            else:  # an unknown tag
                raise _Slow
            if key in result:
                mark = key_node.start_mark
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", mark)
            if value_node.tag == _STR and value_node.__class__ is yaml.ScalarNode:
                result[key] = value_node.value  # the commonest value, built here
            else:
                result[key] = _build(loader, value_node, offset, depth + 1)
            lines[key] = key_node.start_mark.line + 1 + offset
        return result
    if cls is yaml.SequenceNode and tag == _SEQ:
        return [
            item.value
            if item.tag == _STR and item.__class__ is yaml.ScalarNode
            else _build(loader, item, offset, depth + 1)
            for item in node.value
        ]
    raise _Slow


def _parse(text: str, line_offset: int, fast: bool = True) -> Any:
    """``fast``: build from libyaml's nodes directly where that gives the same (tested against fast=False)."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # Without an anchor ('&') no node is shared (an alias to nothing fails to compose):
        # every node is built once, and the fast builder needs no memory of built nodes.
        if fast and "&" not in text:
            try:
                return _build(loader, node, line_offset)
            except _Slow:
                pass
        data = loader.construct_document(node)
        if line_offset:
            _shift(data, line_offset)
        return data
    finally:
        loader.dispose()


def load_yaml(text: str, path: str, line_offset: int = 0) -> Any:
    """Parse YAML; a syntax error becomes a diagnostic at the right line of the file.

    ``line_offset`` is the number of lines before the YAML in the file (front matter
    starts after its opening ``---``).
    """
    try:
        return _parse(text, line_offset)
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (a control character pasted from elsewhere).
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        col = exc.position - (before.rfind("\n") + 1) + 1
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, line, col),
                    f"invalid YAML: control character U+{exc.character if isinstance(exc.character, int) else ord(exc.character):04X} is not allowed",
                    "delete the invisible character (retype the line)",
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else line_offset + 1
        col = (mark.column + 1) if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, line, col),
                    f"invalid YAML: {problem}",
                    "check the indentation and that text containing ':' or '#' is in quotes",
                )
            ]
        ) from None
    except RecursionError:
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, line_offset + 1, 1),
                    "invalid YAML: an alias refers to itself",
                    "remove the '&anchor' / '*alias' pair",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise BuildError(
            [Diagnostic(Loc(path, line_offset + 1, 1), f"invalid YAML: {exc}", "fix the YAML syntax")]
        ) from None


def _shift(data: Any, offset: int, seen: set[int] | None = None) -> None:
    # Aliases make the same object appear twice (or inside itself): shift each once.
    seen = set() if seen is None else seen
    if id(data) in seen:
        return
    seen.add(id(data))
    if isinstance(data, LineDict):
        data.line += offset
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, offset, seen)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset, seen)


def key_line(data: Any, key: str, default: int = 0) -> int:
    """The file line of ``key`` in a mapping from load_yaml (the offset already applied)."""
    if isinstance(data, LineDict):
        return data.lines.get(key, data.line)
    return default


def check_keys(data: LineDict, known: set[str], path: str, what: str, diags: Diagnostics) -> None:
    """Every key of a mapping must be known: a misspelt key is an error, never ignored."""
    for key in data:
        if key not in known:
            close = [k for k in known if _similar(k, key)]
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(sorted(known))}"
            diags.error(Loc(path, data.lines.get(key, data.line), 1), f"unknown {what} key {key!r}", hint)


def _similar(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2:
        return False
    common = sum(1 for x, y in zip(sorted(a), sorted(b), strict=False) if x == y)
    return a[:2] == b[:2] or common >= max(len(a), len(b)) - 2
