"""Markdown: the parser for content bodies and the safe inline renderer for templates.

Raw HTML is off everywhere (an editor's pasted <script> is shown as text, never run),
and markdown-it's link validator already refuses javascript:, vbscript: and data: URLs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin

from edition.constructs import COMMENT, SETEXT, THEMATIC, definitions, html_comments, inline_construct, without_comments
from edition.hints import did_you_mean

# Kinds a content file may give a paragraph with an attribute line such as "{.deck}".
PARAGRAPH_KINDS = {"deck", "standfirst", "caption", "credit", "masthead", "nameplate", "footer"}
HEADING_KINDS = {1: "headline", 2: "subhead"}
_TOKEN_NAMES = {
    "bullet_list_open": "a bulleted list",
    "ordered_list_open": "a numbered list",
    "blockquote_open": "a block quote",
    "fence": "a code block",
    "code_block": "an indented code block (4 spaces at the start of a line)",
    "hr": THEMATIC.what,
    "html_block": "raw HTML",
    "table_open": "a table",
}


_TAB_CODE = "a line that starts with a tab (Markdown reads it as an indented code block)"


@dataclass(frozen=True)
class RawBlock:
    kind: str
    text: str  # inline Markdown source, soft line breaks kept as "\n"
    line: int  # 0-based line in the body
    problem: str = ""  # set when the block is not something a content file may hold
    hint: str = ""  # how to write it instead, where the problem has its own advice


@lru_cache(maxsize=1)
def block_parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin)


@lru_cache(maxsize=1)
def _block_only_parser() -> MarkdownIt:
    # parse_blocks reads the block tokens and their inline *source* only: the inline
    # pass (the tokens' children) is work thrown away.
    return MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin).disable("inline")


# A link that leaves the edition says so: to the eye (the stylesheet's arrow after
# a.external), to a screen reader (this text), and to the browser (rel).
LEAVES = " (external link: leaves the edition)"
_EXTERNAL = re.compile(r"(?i)^(?:https?:)?//")


@lru_cache(maxsize=2)
def inline_renderer(typographer: bool = False) -> MarkdownIt:
    """Inline Markdown, escaped (HTML off), external links marked; with ``typographer`` curly
    quotes (smartquotes only: markdown-it's other replacements, (c) and --, change what editors wrote)."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": typographer})
    if typographer:
        md.enable("smartquotes")
    md.disable("image")  # nothing is ever loaded from elsewhere (a content file's image is an error)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    return md


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    if _EXTERNAL.match(str(token.attrGet("href") or "")):
        token.attrSet("class", "external")
        token.attrSet("rel", "external noopener noreferrer")
        env.setdefault("external", []).append(True)
    else:
        env.setdefault("external", []).append(False)
    return str(self.renderToken(tokens, idx, options, env))


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    stack = env.get("external") or [False]
    note = f'<span class="visually-hidden">{LEAVES}</span>' if stack.pop() else ""
    return note + str(self.renderToken(tokens, idx, options, env))


def parse_blocks(body: str) -> list[RawBlock]:
    """Split a body into blocks: headings, paragraphs (with an optional kind), problems."""
    comments: list[RawBlock] = []
    if "<!--" in body:  # never published: each is named once, and read as if it were not there
        comments = [RawBlock("", "", line, what, COMMENT.hint) for line, what in html_comments(body)]
        body = without_comments(body)
    blocks = _named(body, _markdown_it_blocks(body))
    return sorted(blocks + comments, key=lambda b: b.line) if comments else blocks


def _named(body: str, blocks: list[RawBlock]) -> list[RawBlock]:
    """Constructs CommonMark reads as a paragraph (a table, a comment), inside one (an
    image, a footnote) or as nothing (a link definition), named (edition/constructs.py)."""
    named = []
    for block in blocks:
        text = block.text
        if not block.problem and ("[" in text or "|" in text or "<" in text):  # "<": an autolink
            found = inline_construct(text)
            if found is not None:
                block = RawBlock(block.kind, text, block.line, found.what, found.hint)
        named.append(block)
    if "]:" in body:
        named_at = {b.line for b in named if b.problem}  # a definition CommonMark kept as text
        extra = [RawBlock("", "", line, c.what, c.hint) for line, c in definitions(body) if line not in named_at]
        named = sorted(named + extra, key=lambda b: b.line)
    return named


def _markdown_it_blocks(body: str) -> list[RawBlock]:
    """The blocks markdown-it reads in a body."""
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
        if token.type == "hr":
            blocks.append(RawBlock("", "", line, THEMATIC.what, THEMATIC.hint))
        elif token.type == "code_block" and "\t" in body.split("\n")[line][:4]:
            # a tab, which an editor cannot see, said as one: "4 spaces" named what is not there (usage walk 13)
            blocks.append(RawBlock("", "", line, _TAB_CODE, "remove the tab: a paragraph begins at its line's start"))
        elif token.type in _TOKEN_NAMES:
            blocks.append(RawBlock("", "", line, _TOKEN_NAMES[token.type]))
        elif token.type == "heading_open" and token.markup in ("=", "-"):
            # Kept as the heading it is (the alignment is not shifted), and named.
            level = HEADING_KINDS[int(token.tag[1])]
            blocks.append(RawBlock(level, tokens[index + 1].content, line, SETEXT.what, SETEXT.hint))
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
    if cls and cls not in PARAGRAPH_KINDS:
        kinds = "', '".join(f"{{.{k}}}" for k in sorted(PARAGRAPH_KINDS))
        meant = did_you_mean(cls, PARAGRAPH_KINDS, "'{{.{}}}'")  # {.capton}: usage walk 13
        hint = f"{meant + ' A' if meant else 'a'} paragraph's kind is one of '{kinds}'"
        if cls in ("headline", "subhead", "heading"):  # a heading's kind is its '#' (review 16)
            hint = "a headline is written '# …', a subhead '## …'"
        return RawBlock("", text, line, f"an unknown block kind '{{.{cls}}}'", hint)
    return RawBlock(cls or "paragraph", text, line)


@lru_cache(maxsize=16384)  # a note is shown on every page that names its entity
def render_inline(text: str) -> str:
    """Inline Markdown to HTML, escaped; the only way content text reaches a page."""
    return str(inline_renderer().renderInline(text, {}))
