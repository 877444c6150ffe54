"""Slips (edition/slips.py) in the English an editor writes outside the articles' text: the
glossaries' notes (content/terms.yaml, content/entities.yaml), the articles' own notes (their
front matter's ``notes:``, each one's ``text``) and content/about.md, which are rendered as
Markdown as the articles' English is (edition/typography.py). Each is a warning at the file's
own line and column. The Chinese (zh, aliases_zh) is not Markdown and is not checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt

from edition.errors import Diagnostics, Loc
from edition.slips import in_markdown, in_yaml, slips
from edition.yamlload import LineDict


def note_slips(listing: LineDict, name: str, lines: Callable[[], Sequence[str]], diags: Diagnostics) -> None:
    """Each glossary entity's note (its only Markdown); ``lines``: the file's lines, read only
    if a note has a slip."""
    entry_slips(listing.get("entities"), "note", "entity {}'s note: ", name, lines, diags)


def entry_slips(
    entries: object, key: str, who: str, name: str, lines: Callable[[], Sequence[str]], diags: Diagnostics
) -> None:
    """The English under ``key`` of each entry of a YAML list (``who``: how a message names the
    entry, given its id)."""
    for entry in entries if isinstance(entries, list) else []:
        text = entry.get(key) if isinstance(entry, LineDict) else None
        if not isinstance(text, str) or key not in entry.lines:
            continue
        found = slips(text)
        if not found:
            continue
        named = entry.get("id")
        said = who.format(named) if isinstance(named, str) else "a note: "
        key_line, key_column = entry.lines[key] - 1, entry.cols.get(key, 1) - 1 + len(key)
        for slip in found:
            row, column = in_yaml(lines(), key_line, key_column, text, slip.at)
            diags.warning(Loc(name, row + 1, column + 1), f"{said}{slip.what}", slip.hint)


def prose_slips(text: str, name: str, diags: Diagnostics) -> None:
    """An editor's Markdown prose (content/about.md): each paragraph's, item's and heading's."""
    if "<" not in text and "*" not in text and "_" not in text and '"' not in text:  # ('"': review 16)
        return
    lines = text.split("\n")
    for token in _blocks().parse(text):
        if token.type == "inline" and token.map:
            for slip in slips(token.content):
                row, column = in_markdown(lines, token.map[0], token.content, slip.at)
                diags.warning(Loc(name, row + 1, column + 1), slip.what, slip.hint)


@lru_cache(maxsize=1)
def _blocks() -> MarkdownIt:
    """The blocks of prose as the About page renders them (HTML off), without their inline pass."""
    return MarkdownIt("commonmark", {"html": False}).disable("inline")
