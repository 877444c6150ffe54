"""Markdown: the parser for content bodies and the safe inline renderer for templates.

Raw HTML is off everywhere (an editor's pasted <script> is shown as text, never run),
and markdown-it's link validator already refuses javascript:, vbscript: and data: URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin

# Kinds a content file may give a paragraph with an attribute line such as "{.deck}".
PARAGRAPH_KINDS = {"deck", "standfirst", "caption", "credit", "masthead", "nameplate", "footer"}
HEADING_KINDS = {1: "headline", 2: "subhead"}
_TOKEN_NAMES = {
    "bullet_list_open": "a bulleted list",
    "ordered_list_open": "a numbered list",
    "blockquote_open": "a block quote",
    "fence": "a code block",
    "code_block": "an indented code block (4 spaces at the start of a line)",
    "hr": "a horizontal rule",
    "html_block": "raw HTML",
    "table_open": "a table",
}


@dataclass(frozen=True)
class RawBlock:
    kind: str
    text: str  # inline Markdown source, soft line breaks kept as "\n"
    line: int  # 0-based line in the body
    problem: str = ""  # set when the block is not something a content file may hold


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin)


@lru_cache(maxsize=1)
def _block_only_parser() -> MarkdownIt:
    # parse_blocks reads the block tokens and their inline *source* only: the inline
    # pass (the tokens' children) is work thrown away.
    return MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin).disable("inline")


@lru_cache(maxsize=1)
def inline_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    return md


def parse_blocks(body: str) -> list[RawBlock]:
    """Split a body into blocks: headings, paragraphs (with an optional kind), problems."""
    tokens = _block_only_parser().parse(body)
    blocks: list[RawBlock] = []
    depth = 0  # inside a container (list, quote) every token belongs to the container
    for index, token in enumerate(tokens):
        line = token.map[0] if token.map else 0
        if token.nesting == 1 and token.type not in ("heading_open", "paragraph_open"):
            if depth == 0:
                blocks.append(RawBlock("", "", line, _TOKEN_NAMES.get(token.type, token.type)))
            depth += 1
            continue
        if token.nesting == -1 and token.type not in ("heading_close", "paragraph_close"):
            depth -= 1
            continue
        if depth:
            continue
        if token.type in _TOKEN_NAMES:
            blocks.append(RawBlock("", "", line, _TOKEN_NAMES[token.type]))
        elif token.type == "heading_open":
            blocks.append(_heading(int(token.tag[1]), tokens[index + 1].content, line))
        elif token.type == "paragraph_open":
            cls = str(token.attrs.get("class", "")) if token.attrs else ""
            blocks.append(_paragraph(cls, tokens[index + 1].content, line))
    return blocks


def _heading(level: int, text: str, line: int) -> RawBlock:
    kind = HEADING_KINDS.get(level, "")
    return RawBlock(kind, text, line, "" if kind else f"a level-{level} heading")


def _paragraph(cls: str, text: str, line: int) -> RawBlock:
    problem = "" if (not cls or cls in PARAGRAPH_KINDS) else f"an unknown block kind '{{.{cls}}}'"
    return RawBlock(cls or "paragraph", text, line, problem)


@lru_cache(maxsize=16384)  # a note is shown on every page that names its entity
def render_inline(text: str) -> str:
    """Inline Markdown to HTML, escaped; the only way content text reaches a page."""
    return str(inline_renderer().renderInline(text))
