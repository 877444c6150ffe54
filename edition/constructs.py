"""Markdown a content file may not hold, named as what it is.

CommonMark reads a table as a paragraph of pipes, a link reference definition as nothing at
all, an HTML comment (with raw HTML off) as text shown to readers: left to the alignment
check, each would be reported as a missing or extra block without naming its cause, or
published. Each is found here in the block's own source, with a hint saying what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

_COMMENT = re.compile(r"<!--(?:(.*?)-->|([^\n]*))", re.S)  # an unclosed one: to the end of its line
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?")
_REMOTE = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_REFERENCE_LINK = re.compile(r"\][ ]?\[[^\]]*\]")
_DEFINITION = re.compile(r"^ {0,3}\[(\^?)[^\]]+\]:")
_TABLE_RULE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$|^ {0,3}\|\s*:?-+:?\s*\|\s*$")

PLAIN = (
    "use '# ' for the headline, '## ' for subheads, plain paragraphs, and "
    "'{.deck}', '{.caption}' ... above a paragraph to give its kind"
)


@dataclass(frozen=True)
class Construct:
    what: str
    hint: str


COMMENT = Construct(
    "an HTML comment",
    "remove it: a comment would be published; a remark for readers is a note under 'notes:' (kind: editorial)",
)
TABLE = Construct("a table", "write its content as paragraphs: an edition's blocks are the page's own blocks")
SETEXT = Construct(
    "a setext heading (a line underlined with '===' or '---')", "write '# ' or '## ' before the heading instead"
)
THEMATIC = Construct(
    "a thematic break (a line of '---', '***' or '___')", "remove it: blocks are separated by a blank line"
)
FOOTNOTE = Construct("a footnote", "put the remark in a note under 'notes:' with the block it belongs to")
REFERENCE = Construct(
    "a reference link ('[text][name]' or '[name]: URL')", "write the link inline as [text](https://…), or remove it"
)
IMAGE = Construct("an image", "a photograph is a caption block ('{.caption}') with its image declared in front matter")


def remote_image(url: str) -> Construct:
    return Construct(
        f"a remote image ({url})",
        "an edition never loads a file from elsewhere; remove it (a photograph is a '{.caption}' block)",
    )


def unsafe_link(url: str) -> Construct:
    return Construct(
        f"a link the edition refuses ({url[:40]})",
        "link to a web address (https://…) or a page of the edition, or remove the link: a script, a file or another scheme is never linked",
    )


def refused_link(text: str) -> str | None:
    """The first link markdown-it refuses to make (javascript:, vbscript:, file:, data: but
    images: a browser would run or load it), however it is spelt (an entity, an escape, an
    autolink), outside code: it leaves the Markdown as text, which readers would see."""
    _REFUSED.clear()
    _link_checker().parse(text)
    return _REFUSED[0] if _REFUSED else None


_REFUSED: list[str] = []
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEMES = ("http", "https", "mailto")


@lru_cache(maxsize=1)
def _link_checker() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    allowed = md.validateLink

    def validate(url: str) -> bool:
        # besides markdown-it's refusals, a scheme no browser follows as a page (entity:, C:\)
        # would be published as a dead link: only the web's and e-mail's are made
        scheme = _SCHEME.match(url)
        ok = bool(allowed(url)) and (scheme is None or scheme[1].lower() in _SCHEMES)
        if not ok:
            _REFUSED.append(url)
        return ok

    md.validateLink = validate  # type: ignore[method-assign]
    return md


def inline_construct(text: str) -> Construct | None:
    """The first construct not allowed in a block's inline source, if any."""
    image = _IMAGE.search(text)
    if image:
        url = _destination(text, image.end())
        return remote_image(url) if _REMOTE.match(url) else IMAGE
    refused = refused_link(text) if "](" in text or "<" in text or "]:" in text else None
    if refused is not None:
        return unsafe_link(refused)
    if _FOOTNOTE.search(text):
        return FOOTNOTE
    if _REFERENCE_LINK.search(text):
        return REFERENCE
    lines = text.split("\n")
    if len(lines) >= 2 and "|" in lines[0] and _TABLE_RULE.match(lines[1]):
        return TABLE
    return None


def _destination(text: str, start: int) -> str:
    """A link destination from ``start``: up to a space, '>' or the ')' that closes it
    (CommonMark allows balanced parentheses inside)."""
    depth = 0
    for end in range(start, len(text)):
        char = text[end]
        if char.isspace() or char == ">" or (char == ")" and depth == 0):
            return text[start:end]
        depth += {"(": 1, ")": -1}.get(char, 0)
    return text[start:]


def definitions(body: str) -> list[tuple[int, Construct]]:
    """Link reference and footnote definitions (0-based body lines): CommonMark keeps no
    block for them, so they are found in the lines themselves."""
    found = []
    previous_blank = True
    for number, line in enumerate(body.split("\n")):
        match = _DEFINITION.match(line) if previous_blank else None
        if match:
            found.append((number, FOOTNOTE if match[1] else REFERENCE))
        previous_blank = not line.strip()
    return found


def html_comments(body: str) -> list[tuple[int, str]]:
    """Each HTML comment's 0-based line and its name, with its own words (an editor
    recognises their remark): "an HTML comment ('check this')"."""
    found = []
    for match in _COMMENT.finditer(body):
        words = " ".join((match[1] if match[1] is not None else match[2]).split())
        words = words if len(words) <= 40 else words[:39] + "…"
        found.append((body.count("\n", 0, match.start()), f"{COMMENT.what} ('{words}')" if words else COMMENT.what))
    return found


def without_comments(body: str) -> str:
    """The body with each comment's characters removed and its line breaks kept, so that
    every other block keeps its line."""
    return _COMMENT.sub(lambda match: "\n" * match[0].count("\n"), body)
