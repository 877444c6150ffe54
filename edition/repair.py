"""Repair rules for text a PDF extractor produced from a newspaper page.

Each rule is general: it knows nothing of this page, only of what extractors do to
CJK newspaper type (see the README's "The cut" section). A rule takes text and returns
the repaired text plus an account of what it removed or changed, so that the fidelity
check can prove that nothing but the documented artifacts was lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# U+1001B0 (supplementary private use area B) is how this extractor writes the
# typesetter's decimal point; other private-use glyphs are left for an editor to see.
PRIVATE_USE_MAP: dict[str, str] = {"\U001001b0": "."}

_TERMINAL = "。！？"
_CLOSERS = "”’」』）)"


@dataclass(frozen=True)
class Artifact:
    """Something a repair dropped or changed, with the source line it came from."""

    rule: str
    line: int
    text: str


@dataclass(frozen=True)
class Repaired:
    text: str
    artifacts: tuple[Artifact, ...] = ()


def is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def display_width(text: str) -> float:
    """Width in ems as set on the page: CJK full, Latin and digits half, spaces a quarter."""
    width = 0.0
    for ch in text:
        if is_cjk(ch):
            width += 1
        elif ch == " ":
            width += 0.25
        else:
            width += 0.5
    return width


def map_private_use(text: str, line: int = 0) -> Repaired:
    """Replace private-use glyphs whose meaning is known (PRIVATE_USE_MAP)."""
    found = [ch for ch in text if ch in PRIVATE_USE_MAP]
    if not found:
        return Repaired(text)
    out = "".join(PRIVATE_USE_MAP.get(ch, ch) for ch in text)
    return Repaired(out, tuple(Artifact("private-use", line, f"U+{ord(ch):04X}") for ch in found))


def undouble(text: str, units: Sequence[str] | None = None, line: int = 0) -> Repaired:
    """Drop the second copy of display type that the extractor read twice.

    With ``units`` given, only ``unit+unit`` is collapsed (safe on lines that mix doubled
    display type with ordinary text such as dates: "2020" must stay). Without, every run
    ``s+s`` with len(s) >= 2 is collapsed, longest first: for lines that are display type
    through and through.
    """
    dropped: list[Artifact] = []
    if units is not None:
        for unit in units:
            if not unit:
                continue
            doubled = unit + unit
            while doubled in text:
                text = text.replace(doubled, unit, 1)
                dropped.append(Artifact("doubled", line, unit))
        return Repaired(text, tuple(dropped))
    out: list[str] = []
    i = 0
    while i < len(text):
        for size in range((len(text) - i) // 2, 1, -1):
            unit = text[i : i + size]
            if unit.strip() and text[i + size : i + 2 * size] == unit:
                out.append(unit)
                dropped.append(Artifact("doubled", line, unit))
                i += 2 * size
                break
        else:
            out.append(text[i])
            i += 1
    return Repaired("".join(out), tuple(dropped))


def join_vertical(lines: Sequence[tuple[int, str]], phrase: int = 0) -> Repaired:
    """Join vertical type (one character a line) into horizontal text.

    ``lines`` are (line number, text) pairs including blank lines. Runs of single
    characters separated by blank lines are columns; where every run is one character
    the blank lines are only the extractor's line spacing and the whole is one column.
    A column identical to the one before it is a doubled extraction and is dropped.
    ``phrase`` > 0 inserts a space every ``phrase`` characters (four-character phrases
    set as one column read as separate phrases).
    """
    runs: list[list[tuple[int, str]]] = [[]]
    for number, text in lines:
        if text.strip():
            runs[-1].append((number, text.strip()))
        elif runs[-1]:
            runs.append([])
    runs = [run for run in runs if run]
    if all(len(run) == 1 for run in runs):
        runs = [[cell for run in runs for cell in run]]
    columns: list[str] = []
    dropped: list[Artifact] = []
    for run in runs:
        column = "".join(ch for _, ch in run)
        if columns and columns[-1] == column:
            dropped.append(Artifact("doubled", run[0][0], column))
            continue
        columns.append(column)
    if phrase > 0:
        columns = [" ".join(col[k : k + phrase] for k in range(0, len(col), phrase)) for col in columns]
    return Repaired(" ".join(columns), tuple(dropped))


def join_wrapped(parts: Sequence[str]) -> str:
    """Join column-wrapped lines of one paragraph.

    CJK text has no spaces between words, so lines join directly; only two Latin
    words meeting at the wrap get a space between them.
    """
    out = ""
    for part in parts:
        part = part.strip()
        if out and part and out[-1].isascii() and out[-1].isalpha() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return out


_NUMBER_SPACE = re.compile(r"(?<=[0-9%])[ \u3000]+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])[ \u3000]+(?=[0-9])")


def normalise_number_spaces(text: str, line: int = 0) -> Repaired:
    """Remove the spaces typesetting put between numbers and CJK text (``金 2.86 亿元``)."""
    removed = sum(len(run) for run in _NUMBER_SPACE.findall(text))  # one artifact per space
    if not removed:
        return Repaired(text)
    return Repaired(_NUMBER_SPACE.sub("", text), tuple(Artifact("number-space", line, " ") for _ in range(removed)))


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


@dataclass(frozen=True)
class Break:
    """The paragraph rule's verdict on the end of one body line."""

    line: int  # source line number
    ends_paragraph: bool
    doubt: str = ""  # why an editor should confirm the verdict ("" when the evidence is clear)


# Characters that may not start a line (they stay with the character before them when a
# line is broken) and that may not end one (they go with the character after them).
_NO_START = "，。、；：！？）》」』”’…%·,.;:!?)"
_NO_END = "（《「『“‘(["
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%]*")

# How far (in ems) a measure may be off: the widths are estimates (digits and punctuation
# are set narrower or wider than display_width says).
_SLACK = 0.75
_CLEAR_END = 3.5
_USUAL_INDENT = 2.0


def lead_width(text: str) -> float:
    """Width of what would have to move up to the line before: the line's first unbreakable
    piece (a run of Latin letters and digits, or one character with an opening quote)."""
    text = text.strip()
    match = _LATIN_RUN.match(text)
    if match:
        return display_width(match.group())
    head = 1
    while head < len(text) and text[head - 1] in _NO_END:
        head += 1
    return display_width(text[:head])


def _measure(text: str) -> float:
    """A line's width with its closing punctuation at half width: typesetters squeeze it
    (or let it hang past the column) to end a line on it."""
    body = text.rstrip(_NO_START)
    return display_width(body) + (display_width(text) - display_width(body)) / 2


def _columns(widths: list[float]) -> list[float]:
    """Each line's column width, estimated from its neighbours: the second widest of the six
    lines either side (the widest may be squeezed past the column; short paragraphs' first
    and last lines pull a median down)."""
    columns = []
    for i in range(len(widths)):
        around = sorted(widths[max(0, i - 6) : i] + widths[i + 1 : i + 7]) or [widths[i]]
        columns.append(around[max(0, len(around) - 2)])
    return columns


class _Run:
    """A run of body lines measured: widths, columns and what each line left unfilled."""

    def __init__(self, lines: Sequence[tuple[int, str]]) -> None:
        self.lines = [(n, t.strip()) for n, t in lines if t.strip()]
        widths = [_measure(t) for _, t in self.lines]
        self.short = [c - w for c, w in zip(_columns(widths), widths, strict=True)]
        self.last = len(self.lines) - 1

    def ends(self, i: int) -> bool:
        return ends_sentence(self.lines[i][1])

    def room(self, i: int) -> float:
        """How much room line i left beyond what the next line's first piece needed."""
        return self.short[i] - lead_width(self.lines[i + 1][1]) if i < self.last else self.short[i]

    def opening_shortfalls(self) -> list[float]:
        """How short the lines are that surely open a paragraph: the run's first, and each
        after a line that ends a sentence with clear room left (not one that ends itself)."""
        # Room for more than any indent: not a paragraph's first line that ends a sentence.
        starts = [0] + [i + 1 for i in range(self.last) if self.ends(i) and self.room(i) >= _CLEAR_END]
        return [self.short[i] for i in starts if i < self.last and not self.ends(i)]


def paragraph_indent(runs: Sequence[Sequence[tuple[int, str]]]) -> float | None:
    """The indent (in ems) that opens a paragraph in these runs of one column's text, 0 when
    they are not indented, None when too few lines surely open a paragraph to tell. Most of
    those lines must be an em short for the text to count as indented."""
    samples = sorted(s for run in runs for s in _Run(run).opening_shortfalls())
    indented = [s for s in samples if s >= 1]
    if len(samples) < 2:
        return None
    if len(indented) < 0.75 * len(samples):
        return 0.0
    return indented[len(indented) // 4]  # a lower quartile: a first line may fall short of its measure too


def judge_breaks(
    lines: Sequence[tuple[int, str]],
    breaks_after: Sequence[int] = (),
    joins_after: Sequence[int] = (),
    indent: float | None = None,
) -> list[Break]:
    """Decide, for each non-blank line of a run of body text, whether a paragraph ends there.

    The extractor keeps no paragraph marks, so the page's geometry is read instead. A
    justified line stops short only when the next line's first piece would not fit; a line
    that left room for it ended its paragraph (if it ends a sentence). Where paragraphs
    open with an ``indent`` (estimated from ``lines`` when not given), a line that starts
    short (and is not itself a paragraph's end) opens one, and a full line does not. Where
    neither says, the verdict is marked doubtful. A line listed in ``breaks_after`` or
    ``joins_after`` is an editor's confirmed verdict.
    """
    run = _Run(lines)
    if indent is None:
        indent = paragraph_indent([lines])
    # Unknown, a paragraph's first line may still be indented, by the usual two characters.
    maybe = _USUAL_INDENT if indent is None else indent
    indent = indent or 0.0

    def full(i: int) -> bool:
        return run.short[i] < indent - _SLACK

    def opens(i: int) -> bool | None:
        """Does line i open a paragraph, by its indent? None: its shape cannot say."""
        if not indent:
            return None
        if full(i):
            return False
        if i == run.last or run.room(i) < _SLACK:
            return None  # short, but a paragraph's end or a pushed piece could explain it
        if run.ends(i) and not full(i + 1):
            return None  # short, and perhaps a one-line paragraph
        return True  # short for no other reason than an indent

    verdicts: list[Break] = []
    for i, (number, _text) in enumerate(run.lines):
        if number in breaks_after or number in joins_after or i == run.last or not run.ends(i):
            verdicts.append(Break(number, number in breaks_after or (i == run.last and number not in joins_after)))
            continue
        # A line that opens a paragraph is set to the column less the indent.
        first = i == 0 or verdicts[-1].ends_paragraph
        left, opened = run.room(i) - (maybe if first else 0), opens(i + 1)
        if opened is not None and (opened or left < 2 * _SLACK):
            verdicts.append(Break(number, opened))  # the next line's indent decides, and nothing contradicts it
        elif opened is False:
            unindented = f"ends a sentence {run.short[i]:g} em short of its column, but the next line is not indented"
            verdicts.append(Break(number, True, unindented))
        elif left >= 2 * _SLACK:
            verdicts.append(Break(number, True))  # a sentence's end well short of its column
        elif left >= _SLACK:
            verdicts.append(Break(number, True, f"ends a sentence only {run.short[i]:g} em short of its column"))
        else:
            verdicts.append(Break(number, False, "ends a sentence and fills its column"))
    return verdicts


def split_paragraphs(
    lines: Sequence[tuple[int, str]],
    breaks_after: Sequence[int] = (),
    joins_after: Sequence[int] = (),
    indent: float | None = None,
) -> list[list[tuple[int, str]]]:
    """Split column-wrapped body lines into paragraphs, by ``judge_breaks``."""
    verdicts = {b.line: b.ends_paragraph for b in judge_breaks(lines, breaks_after, joins_after, indent)}
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for number, text in lines:
        if not text.strip():
            continue
        paragraphs[-1].append((number, text))
        if verdicts[number]:
            paragraphs.append([])
    return [p for p in paragraphs if p]
