"""Claims about source lines in the editors' notes, checked against the source.

An editorial note may say where a block stands in the extracted text ("the last line of the
extracted text", "the last line but one", "line 839"). Such a claim is written by hand, so
the build checks it: the line it names must belong to the note's own block, or to a block of
the same article that the note quotes. Two notes once disagreed about which line held the
page headline; now a wrong claim is an error at the note's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from edition.errors import Diagnostics
from edition.model import Article, Block, Note

# ordinal claims: (pattern, counted from the end?, position)
_ORDINALS = (
    (re.compile(r"\b(?:second-last|second to last|penultimate) line\b|\blast line but one\b", re.I), True, 2),
    (re.compile(r"\blast line\b(?! but)", re.I), True, 1),
    (re.compile(r"\bfirst line\b", re.I), False, 1),
    (re.compile(r"\bsecond line\b", re.I), False, 2),
)
_NUMBERED = re.compile(r"\b(?:source )?lines? (\d+)(?:\s*[–-]\s*(\d+))?", re.I)


def check_line_claims(articles: Sequence[Article], source_lines: Sequence[str], diags: Diagnostics) -> None:
    """Every line claim of every editorial note of one newspaper page's articles, against the
    non-blank lines of that page's witness."""
    text_lines = [n for n, line in enumerate(source_lines, 1) if line.strip()]
    if not text_lines:
        return
    total = len(source_lines)
    for article in articles:
        for note in article.notes:
            # A block whose lines lie beyond the source is not from it (a generated archive
            # reuses this page's notes over a stand-in source): its claims cannot be judged here.
            blocks = _candidates(article, note)
            if note.kind == "editorial" and all(b.source_lines[1] <= total for b in blocks):
                _check_note(blocks, note, text_lines, diags)


def _candidates(article: Article, note: Note) -> list[Block]:
    """The blocks a note may speak of: its own, and those of its article whose Chinese it quotes."""
    blocks = [b for b in article.blocks if b.id == note.block]
    blocks += [b for b in article.blocks if b.id != note.block and b.zh and b.zh in note.text]
    return blocks


def _check_note(blocks: list[Block], note: Note, text_lines: list[int], diags: Diagnostics) -> None:
    where = ", ".join(f"{b.id} (lines {b.source_lines[0]}–{b.source_lines[1]})" for b in blocks) or "no block"
    claims: list[tuple[str, int]] = []
    text = note.text
    for pattern, from_end, position in _ORDINALS:
        for hit in pattern.finditer(text):
            if position <= len(text_lines):
                claims.append((hit.group(0), text_lines[-position] if from_end else text_lines[position - 1]))
        text = pattern.sub(" ", text)  # "last line but one" is not also "last line"
    for hit in _NUMBERED.finditer(note.text):
        claims.append((hit.group(0), int(hit.group(1))))
        if hit.group(2):
            claims.append((hit.group(0), int(hit.group(2))))
    for said, line in claims:
        if not any(b.source_lines[0] <= line <= b.source_lines[1] for b in blocks):
            diags.error(
                note.loc,
                f"editorial note {note.id!r} says “{said}”, that is source line {line}, but it speaks of {where}",
                "correct the claim (the blocks' source lines are in the front matter's 'blocks:'), or quote the block it describes",
            )
