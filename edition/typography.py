"""English typography at render time: curly quotes and apostrophes. The Chinese is never touched.

Notes and other free English text go through markdown-it's own typographer (smartquotes).
A block's English is different: its names and figures are standoff marks at character
offsets, so its quotes are curled here one character for one, by the rule markdown-it's
smartquotes follows (a quote opens after a space or punctuation and closes after a letter;
a single quote between two letters is an apostrophe), and every offset stays valid.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markdown_it import MarkdownIt

from edition.markup import inline_renderer

_ADDRESS = re.compile(r"""https?://\S*?(?=[.,;:!?'")\]”’]*(?:\s|$))""")
_OPEN = {'"': "“", "'": "‘"}
_CLOSE = {'"': "”", "'": "’"}


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_punct(ch: str) -> bool:
    return ch != "" and unicodedata.category(ch)[0] in "PS"


def _is_word(ch: str) -> bool:
    return ch != "" and (ch.isalnum() or ch == "_")


def _is_wide(ch: str) -> bool:
    """A Chinese character (or another written full width)."""
    return ch != "" and unicodedata.east_asian_width(ch) in "WF"


# what may stand before an opening quote with no space between: brackets, dashes, a slash, quotes
_OPENERS = "([{<“‘\"'—–-/"


def curly_quotes(text: str) -> str:
    """``text`` with straight quotes made curly, the same length (offsets stay valid).
    Quotes inside code spans (`...`), link targets ](...) and web addresses (a citation's
    URL: a curled apostrophe there is another address) are left as they are."""
    return _curled(text)[0]


def unpaired_quote(text: str) -> int:
    """Where ``text`` has a double quote that neither opens nor closes a pair (it stays straight
    for readers: a quote the editor forgot to close), or -1."""
    return _curled(text)[1]


@lru_cache(maxsize=16384)
def _curled(text: str) -> tuple[str, int]:
    if '"' not in text and "'" not in text:
        return text, -1
    unpaired: list[int] = []
    out = list(text)
    stack: list[tuple[int, str]] = []  # open quotes waiting for their close: (index, char)
    code = 0  # inside a code span: the length of the backtick run that opened it (`` a`b ``)
    target = 0  # depth inside a link's (...) target
    address = -1  # where the web address being passed over ends
    for i, ch in enumerate(text):
        if i < address:
            continue
        if ch == "`":
            if i == 0 or text[i - 1] != "`":  # a run of backticks, counted once from its start
                run = len(text) - i - len(text[i:].lstrip("`"))
                code = 0 if code == run else code or run
            continue
        if code:
            continue
        if i > 0 and text[i - 1] == "\\":  # \" in Markdown: the editor's straight quote, kept
            continue
        if ch == "(" and i > 0 and text[i - 1] == "]":
            target = 1
            continue
        if target:
            target += (ch == "(") - (ch == ")")
            continue
        if text.startswith(("http://", "https://"), i):
            # to its end: what punctuation or quotes close it are the sentence's, not its own
            address = _ADDRESS.match(text, i).end()  # type: ignore[union-attr]  # it matches at "http"
            continue
        if ch not in _OPEN:
            continue
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == "'" and _is_word(after) and before and not _is_space(before) and before not in _OPENERS:
            # an apostrophe: it's, China's, and after a sign as CC-CEDICT writes "~'s" (review 14:
            # it was taken for an opening quote, and curled with a later closing one)
            out[i] = "’"
            continue
        # (a quote at the text's start opens: "" is in every string, and ``before not in ")]"``
        # kept a paragraph's first quote straight, and so its closing one)
        # (and after Chinese: 称为"疏解整治促提升"专项, a phrase quoted inside Chinese)
        can_open = (
            not _is_space(after)
            and (_is_space(before) or _is_punct(before) or _is_wide(before))
            and before not in (")", "]")
        )
        # a quote closes before a space or punctuation, or, when one is open, before Chinese
        # (Printed in full as "疏解整治促提升"专项行动总指挥部: no space after a quoted phrase in
        # Chinese, and the quote was left straight)
        can_close = not _is_space(before) and (
            _is_space(after) or _is_punct(after) or (bool(stack) and _is_wide(after))
        )
        if can_close and ch == '"' and stack and stack[-1][1] == "'" and any(c == '"' for _, c in stack):
            # single quotes left open inside a closing double quote ("back in the '90s"): each an
            # apostrophe before a word, and none of them keeps the double quote from closing (review 16)
            while stack[-1][1] == "'":
                j = stack.pop()[0]
                if _is_word(text[j + 1 : j + 2]):
                    out[j] = "’"
        if can_close and stack and stack[-1][1] == ch:
            out[stack.pop()[0]] = _OPEN[ch]
            out[i] = _CLOSE[ch]
        elif can_open:
            stack.append((i, ch))
        elif ch == "'":
            out[i] = "’"  # a closing apostrophe: the farmers' land, '90s
        elif not before.isdigit():  # (after a digit an inch mark, 27": neither quote nor mistake)
            unpaired.append(i)
    for i, ch in stack:  # a single quote opened and never closed, before a word: an apostrophe ('90s, 'Tis)
        if ch == "'" and i + 1 < len(text) and _is_word(text[i + 1]):
            out[i] = "’"
        elif ch == '"' and i == 0:
            # a quotation over several paragraphs opens each and closes only the last (review 16)
            out[i] = "“"
        elif ch == '"':
            unpaired.append(i)
    return "".join(out), min(unpaired, default=-1)


@lru_cache(maxsize=1)
def _english() -> MarkdownIt:
    return inline_renderer(typographer=True)  # the same rules as every inline text, quotes curled


@lru_cache(maxsize=16384)
def render_english(text: str) -> str:
    """Inline Markdown in English to HTML, escaped, with curly quotes: curled first by this
    module's rule, which closes a quote before Chinese (a note's "疏解整治促提升"专项…, which
    markdown-it's typographer left straight), then by the typographer."""
    return str(_english().renderInline(curly_quotes(text)))


def render_prose(text: str) -> str:
    """An editor's prose (content/about.md) to HTML: paragraphs, lists and headings, escaped,
    with the inline text's rules (curly quotes, external links marked, no images)."""
    return str(_english().render(curly_quotes(text)))  # curled by the rule the slips are found by, as render_english


def prose_titles(text: str) -> list[int]:
    """The lines (1-based) where an editor's prose begins a first-level heading, however written
    ('# ', ' # ', 'Title' over '==='), as markdown-it reads it: never a '#' in code."""
    return [t.map[0] + 1 for t in _english().parse(text) if t.type == "heading_open" and t.tag == "h1" and t.map]
