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


def split_paragraphs(
    lines: Sequence[tuple[int, str]],
    breaks_after: Sequence[int] = (),
    joins_after: Sequence[int] = (),
) -> list[list[tuple[int, str]]]:
    """Split column-wrapped body lines into paragraphs.

    The extractor keeps no paragraph marks. A paragraph ends on a line that ends a
    sentence and stops visibly short of the column's width (estimated from its
    neighbours, so narrow and wide columns both work). ``breaks_after`` and
    ``joins_after`` are a layout's corrections where the rule cannot see (a paragraph
    whose last line happens to fill the column).
    """
    text_lines = [(n, t) for n, t in lines if t.strip()]
    widths = [display_width(t.strip()) for _, t in text_lines]
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for i, (number, text) in enumerate(text_lines):
        paragraphs[-1].append((number, text))
        neighbours = sorted(widths[max(0, i - 3) : i] + widths[i + 1 : i + 4])
        column = neighbours[len(neighbours) // 2] if neighbours else widths[i]
        short = widths[i] < column - 1.5
        if number in breaks_after or (number not in joins_after and ends_sentence(text) and short):
            paragraphs.append([])
    return [p for p in paragraphs if p]
