"""YAML with line numbers: every mapping remembers where each of its keys stood."""

from __future__ import annotations

import re
from typing import Any

import yaml

from edition.errors import BuildError, Diagnostic, Diagnostics, Loc
from edition.hints import did_you_mean

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows the 1-based line of each key (``lines[key]``) and its
    column (``cols[key]``: a list item's key stands after its '- ')."""

    lines: dict[str, int]
    cols: dict[str, int]
    line: int


class _LineLoader(_Loader):  # type: ignore[valid-type,misc]
    pass


# Dates stay strings: an editor's 2020-02-30 is text to check, not a crash in the parser,
# and every date the project keeps is an ISO string anyway.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.lines, result.cols = {}, {}
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
        result.cols[key] = key_node.start_mark.column + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _parse(text: str, line_offset: int) -> Any:
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
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
        hint = "check the indentation and that text containing ':' or '#' is in quotes"
        if exc.problem == "could not find expected ':'" and exc.context_mark is not None:
            # PyYAML finds the missing colon where the next line begins; the key it was
            # reading, which lacks it, is where it began ("translates ee32…")
            line, col = exc.context_mark.line + 1 + line_offset, exc.context_mark.column + 1
            problem = "this line has no ':' after its key"
            hint = "write the key, a colon and a space, then the value ('key: value'); a line that continues the value above is indented deeper than its key"
        if exc.problem in ("mapping values are not allowed here", "mapping values are not allowed in this context"):
            # PyYAML's words for a ': ' it cannot place: a value with ': ' in it, unquoted, or a
            # key indented under a line that already has its value
            problem = "a ': ' where no key can begin"
            hint = "check the indentation (a key stands as deep as the keys beside it), and put a value containing ': ' in quotes"
        lines = text.split("\n")
        source = lines[line - line_offset - 1] if 0 < line - line_offset <= len(lines) else ""
        if "\t" in source[: len(source) - len(source.lstrip())] or source[col - 1 : col] == "\t":
            # a tab, which an editor cannot see: PyYAML says "found character '\t' that cannot
            # start any token", or nothing of tabs at all (usage walk 13)
            col = source.index("\t") + 1
            problem = "a tab character: YAML indents with spaces only"
            hint = "replace the tab with spaces (as many as the lines beside it are indented); an editor's 'show whitespace' shows tabs"
        opened = _unclosed_quote(text, line - line_offset)
        if opened is not None:  # YAML read on past the line, and stumbled far below it
            line, col = opened[0] + line_offset, opened[1]
            problem = "a quote opened here is not closed on its line"
            hint = "close the quote at the end of the value, or remove it"
        raise BuildError([Diagnostic(Loc(path, line, col), f"invalid YAML: {problem}", hint)]) from None
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


# a value that opens with a quote: after "key: " (a key of the project's files: a word) or "- "
# (group 1: up to its key, the key's column; a list item's "- " counts)
_QUOTED = re.compile(r"""^(\s*(?:-\s+)?)(?:[\w.-]+:\s+|-\s+)(["'])""")
_ENTRY = re.compile(r"^(\s*)(?:-\s|[\w.-]+:(?:\s|$))")  # a line that begins a key or a list item


def _closes(quote: str, text: str) -> bool:
    if quote == '"':
        return re.match(r'(?:[^"\\]|\\.)*"', text) is not None  # an escaped quote is not one; an escaped backslash is
    return "'" in text.replace("''", "")


def _unclosed_quote(text: str, last: int) -> tuple[int, int] | None:
    """Where a quote was left open, if YAML's error (at line ``last``, 1-based) comes of one:
    (line, column of the quote). YAML lets a quoted value run over lines, and this project's
    files do so, indented under their key; a quote left open swallows the keys that follow it,
    at its key's indentation or less, and the error is found lines later."""
    lines = text.split("\n")[:last]
    n = 0
    while n < len(lines):
        match = _QUOTED.match(lines[n])
        if match is not None and not _closes(match[2], lines[n][match.end() :]):
            for m in range(n + 1, len(lines)):
                entry = _ENTRY.match(lines[m])
                if entry is not None and len(entry[1]) <= len(match[1]):
                    return n + 1, match.start(2) + 1  # a key swallowed: the quote was left open
                if _closes(match[2], lines[m]):
                    n = m  # a value over lines, closed: valid
                    break
        n += 1
    return None


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
            hint = did_you_mean(key, known) or f"known keys: {', '.join(sorted(known))}"
            where = Loc(path, data.lines.get(key, data.line), data.cols.get(key, 1))
            diags.error(where, f"unknown {what} key {key!r}", hint)
