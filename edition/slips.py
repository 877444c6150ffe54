"""Markdown in an English block that a reader would see otherwise than the editor meant.

Raw HTML is off everywhere (edition/markup.py): a pasted ``<b>`` or ``<script>`` is published
as the characters typed, escaped, never as HTML, so it is safe; but readers see the tag. An
emphasis left open (``*word`` with no closing star, ``**word``) is published as a star. Both
were published without a word; each is now a warning at its line and column (``--strict``
makes it an error). The Chinese needs no such check: any such character there departs from
the source, which the fidelity account reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from edition.typography import unpaired_quote

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
    written: str  # as the text has it (escapes and all), what the message quotes
    what: str
    hint: str
    at: int = 0  # where ``written`` begins in the text: its offset


RAW_HTML_HINT = (
    "remove the tag: a content file's HTML is never published as HTML (for emphasis write *…*, for strong **…**)"
)
EMPHASIS_HINT = "close it (*…* for emphasis, **…** for strong), or write \\{marker} for a {name} that is meant"


QUOTE_HINT = 'close the quotation (“…”: write "…" with both quotes), or write \\" for a straight quote that is meant'


def slips(text: str) -> list[Slip]:
    """The first raw HTML tag, the first unmatched emphasis marker and the first unpaired
    double quote of an English text's inline source, if any (one of each: one mistake is said
    once), each with its offset."""
    found = _quote(text)
    if "<" not in text and "*" not in text and "_" not in text:
        return found
    env: dict[str, Any] = {}
    _checker().parseInline(text, env)
    if "tag" in env:
        at, written = env["tag"]
        tag = " ".join(written.split())  # a tag over two lines, said on one
        tag = tag if len(tag) <= 40 else tag[:39] + "…"
        found.append(Slip(written, f"raw HTML ‘{tag}’ is shown to readers as text, not as HTML", RAW_HTML_HINT, at))
    if "unmatched" in env:
        marker, at, written = env["unmatched"]
        name = "star" if marker[0] == "*" else "underscore"
        seen = ("an " if name[0] in "aeiou" else "a ") + name if len(marker) == 1 else name + "s"
        found.append(
            Slip(
                written,
                f"an unmatched ‘{marker}’ (“{written}”) is shown to readers as {seen}, not as emphasis",
                EMPHASIS_HINT.format(marker=marker[0], name=name),
                at,
            )
        )
    return found


def _quote(text: str) -> list[Slip]:
    """A double quote left open (or closing none): readers see it straight, and the rest of
    the sentence is not the quotation the editor meant (usage walk 13: a headline's)."""
    at = unpaired_quote(text)
    if at < 0:
        return []
    return [
        Slip('"', "a quotation mark that is never closed (or closes none) is shown to readers straight", QUOTE_HINT, at)
    ]


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
    found no partner kept: markdown-it leaves them in the text as the characters typed. Each
    token's offset in the source is noted as it is made (tokens carry none)."""
    md = MarkdownIt("commonmark", {"html": True})
    md.inline.ruler.before("text", "offsets", _offsets)
    md.inline.ruler2.after("balance_pairs", "slips", _slips)
    return md


def _offsets(state: StateInline, silent: bool) -> bool:
    """Tried first at each offset the inline parser stops at: the token a rule makes there is
    the next one (after the pending text's). Makes none itself."""
    if not silent:
        state.env.setdefault("offsets", {})[len(state.tokens) + bool(state.pending)] = state.pos
    return False


def _slips(state: StateInline) -> None:
    """After the pairing: the first tag of HTML's elements, and the first delimiter run of '*'
    or '_' that could open or close emphasis and found no partner, with the words beside it
    in the source (the word it was to emphasise)."""
    offsets: dict[int, int] = state.env.get("offsets", {})
    for index, token in enumerate(state.tokens):
        if token.type == "html_inline" and _tag_name(token.content) in HTML_ELEMENTS and index in offsets:
            state.env["tag"] = (offsets[index], token.content)
            break
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
    start = offsets.get(first)
    if start is None:  # every delimiter run is a rule's token: never so
        return
    src = state.src
    marker = "".join(state.tokens[i].content for i in range(first, last + 1))
    end = start + len(marker)
    if opens:  # the marker and the words after it, as typed (within a link's text)
        written, at = marker + _words(src[end:].split("\n")[0].split("]")[0]), start
    else:  # the words before it and the marker
        before = _words(src[:start].split("\n")[-1].split("[")[-1][::-1])[::-1]
        written, at = before + marker, start - len(before)
    state.env["unmatched"] = (marker, at, written)


def _words(text: str, size: int = 16) -> str:
    """The first words of ``text``, about ``size`` characters (a whole word more than that)."""
    if len(text) <= size:
        return text
    cut = text.find(" ", size)
    return text if cut < 0 else text[:cut]


_PREFIX = frozenset(" \t#>*+-.)0123456789")  # what stands before a line's inline text: indentation, markers


def in_markdown(lines: Sequence[str], first: int, text: str, at: int) -> tuple[int, int]:
    """Where offset ``at`` of an inline text stands in a Markdown file's ``lines``: its 0-based
    line and column. The text begins at line ``first`` (or just after: an attribute line
    above), and each of its lines ends a line of the file (after indentation, a heading's
    '#', a list's marker), so an escape before the offset counts as the characters typed."""
    own = text.split("\n")
    number = text.count("\n", 0, at)
    column = at - (text.rfind("\n", 0, at) + 1)
    start = next((n for n in range(first, min(first + 3, len(lines))) if _begins(lines[n], own[0]) >= 0), first)
    line = min(start + number, len(lines) - 1)
    begins = _begins(lines[line], own[number])
    return line, column + (begins if begins >= 0 else len(lines[line]) - len(lines[line].lstrip()))


def _begins(line: str, text: str) -> int:
    """Where ``text`` begins ``line``'s inline text, after its markers; -1 if it does not."""
    for at in range(len(line) - len(text) + 1):
        if line.startswith(text, at):
            return at
        if line[at] not in _PREFIX:
            break
    return -1


def in_yaml(lines: Sequence[str], line: int, column: int, text: str, at: int) -> tuple[int, int]:
    """Where offset ``at`` of a YAML string stands in its file's ``lines`` (0-based line and
    column), the string's key at (``line``, ``column``), 0-based: a folded or quoted string
    joins its lines, so the slip's first characters are counted, as often before it in the
    string as in the file after the key."""
    needle = (text[at:].split() or [text[at:]])[0][:8] or " "
    seen = sum(1 for n in range(at) if text.startswith(needle, n))
    for number in range(line, len(lines)):
        here, start = lines[number], column if number == line else 0
        for col in range(start, len(here)):
            if here.startswith(needle, col):
                if not seen:
                    return number, col
                seen -= 1
    return line, column


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
