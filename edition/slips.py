"""Markdown in an English block that a reader would see otherwise than the editor meant.

Raw HTML is off everywhere (edition/markup.py): a pasted ``<b>`` or ``<script>`` is published
as the characters typed, escaped, never as HTML, so it is safe; but readers see the tag. An
emphasis left open (``*word`` with no closing star, ``**word``) is published as a star. Both
were published without a word; each is now a warning at its line and column (``--strict``
makes it an error). The Chinese needs no such check: any such character there departs from
the source, which the fidelity account reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

# HTML's elements (and a few obsolete ones still pasted from old pages): a tag of one of these
# is raw HTML; "<y and y>" in a sentence, which CommonMark would also read as a tag, is text.
_ELEMENTS = """a abbr address area article aside audio b base bdi bdo big blink blockquote body br button
    canvas caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt
    em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head
    header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee
    math menu meta meter nav nobr noscript object ol optgroup option output p param picture pre
    progress q rp rt ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time title
    tr track tt u ul var video wbr"""
HTML_ELEMENTS = frozenset(_ELEMENTS.split())
_MARKERS = "*_"


@dataclass(frozen=True)
class Slip:
    written: str  # as the block has it, to find its line and column
    what: str
    hint: str


RAW_HTML_HINT = (
    "remove the tag: a content file's HTML is never published as HTML (for emphasis write *…*, for strong **…**)"
)
EMPHASIS_HINT = "close it (*…* for emphasis, **…** for strong), or write \\{marker} for a {name} that is meant"


def slips(text: str) -> list[Slip]:
    """The first raw HTML tag and the first unmatched emphasis marker of an English block's
    inline source, if any (one of each: one mistake is said once)."""
    if "<" not in text and "*" not in text and "_" not in text:
        return []
    env: dict[str, Any] = {}
    found: list[Slip] = []
    for token in _checker().parseInline(text, env)[0].children or []:
        if token.type == "html_inline" and _tag_name(token.content) in HTML_ELEMENTS:
            tag = token.content if len(token.content) <= 40 else token.content[:39] + "…"
            found.append(
                Slip(token.content, f"raw HTML ‘{tag}’ is shown to readers as text, not as HTML", RAW_HTML_HINT)
            )
            break
    unmatched = env.get("unmatched")
    if unmatched:
        marker, written = unmatched
        name = "star" if marker[0] == "*" else "underscore"
        found.append(
            Slip(
                written,
                f"an unmatched ‘{marker}’ (“{written}”) is shown to readers as {('an ' if name[0] in 'aeiou' else 'a ') + name if len(marker) == 1 else name + 's'}, not as emphasis",
                EMPHASIS_HINT.format(marker=marker[0], name=name),
            )
        )
    return found


def _tag_name(tag: str) -> str:
    """'<b>' -> 'b', '</SCRIPT >' -> 'script'; a comment, a declaration: ''."""
    name = tag[2:] if tag.startswith("</") else tag[1:]
    end = next((i for i, ch in enumerate(name) if not (ch.isalnum() or ch == "-")), len(name))
    # a title in angle brackets ('<Time>', '<Search for Truth>', as English may render 《》) is
    # capitalised as a title, never as a tag: '<b>' and '<SCRIPT>' are tags (review 11), and a
    # tag typed in mixed case ('<Br>') goes unwarned (it is escaped all the same)
    word = name[:end]
    return word.lower() if word.islower() or word.isupper() else ""


@lru_cache(maxsize=1)
def _checker() -> MarkdownIt:
    """CommonMark with raw HTML read as HTML (to name it), and the emphasis delimiters that
    found no partner kept: markdown-it leaves them in the text as the characters typed."""
    md = MarkdownIt("commonmark", {"html": True})
    md.inline.ruler2.after("balance_pairs", "unmatched_emphasis", _unmatched)
    return md


def _unmatched(state: StateInline) -> None:
    """After the pairing: the first delimiter run of '*' or '_' that could open or close
    emphasis and found no partner, with the text beside it (the word it was to emphasise)."""
    if "unmatched" in state.env:
        return
    lists = [state.delimiters, *(m["delimiters"] for m in state.tokens_meta if m and "delimiters" in m)]
    runs: list[tuple[int, int, bool]] = []  # (first token, last token, opens)
    for delimiters in lists:
        closers = {d.end for d in delimiters if d.end >= 0}
        for index, d in enumerate(delimiters):
            if chr(d.marker) not in _MARKERS or not (d.open or d.close) or d.end >= 0 or index in closers:
                continue
            if runs and runs[-1][1] == d.token - 1 and state.tokens[runs[-1][0]].content == chr(d.marker):
                runs[-1] = (runs[-1][0], d.token, runs[-1][2])
            else:
                runs.append((d.token, d.token, d.open))
    if not runs:
        return
    first, last, opens = min(runs)
    tokens = state.tokens
    marker = "".join(tokens[i].content for i in range(first, last + 1))
    if opens:  # the marker and the words after it
        after = "".join(t.content for t in tokens[last + 1 : last + 6] if t.type == "text").split("\n")[0]
        written = marker + _words(after)
    else:  # the words before it and the marker
        before = "".join(t.content for t in tokens[max(first - 5, 0) : first] if t.type == "text").split("\n")[-1]
        written = _words(before[::-1])[::-1] + marker
    state.env["unmatched"] = (marker, written)


def _words(text: str, size: int = 16) -> str:
    """The first words of ``text``, about ``size`` characters (a whole word more than that)."""
    if len(text) <= size:
        return text
    cut = text.find(" ", size)
    return text if cut < 0 else text[:cut]


@lru_cache(maxsize=16384)
def words_read(text: str) -> str:
    """An English block's words as readers read them: without the emphasis markers, matched or
    not, and without raw HTML tags. The termbase compares the English so: 'secretary of the
    <b>district</b> Party committee' has its approved rendering (and its tag is said once,
    by slips())."""
    if not any(ch in text for ch in "*_<`\\&["):
        return text
    out: list[str] = []
    for token in _checker().parseInline(text, {})[0].children or []:
        if token.type == "text":
            out.append(token.content.replace("*", "").replace("_", ""))
        elif token.type in ("text_special", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif token.type == "image":
            out.append(token.content)
    return "".join(out)
