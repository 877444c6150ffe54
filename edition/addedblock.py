"""A block added to the Chinese, split in two, or set as another kind: said once as that.

An editor who pastes a paragraph into an article's Chinese leaves its 'blocks:' a range
short, its English a block short and every block after it claiming the next one's source
lines; each stage said what it saw ("'blocks:' lists 11 source ranges but the text has 12
blocks", "the English lacks moyu-p3 — translate it here", and in `check` every block
"claims source lines 0-0" and every source line of the article "in no block"), and none said
that the paragraph is not in the source. A paragraph split in two by a blank line was said
the same way, and a subhead written '##高位统筹' (no space: a paragraph) as the English's
mistake ("block 4 is a subhead but the Chinese block it pairs with is a paragraph"). The
page's cut says which blocks the article has (edition/lostblock.py matches them by their
text, in order): a Chinese block no cut block is matched with is the one added (or the half
of one split), a block matched with a cut block of another kind is set wrongly. Each is
said once, at its line; what follows from it is held back as for a lost block
(edition/causes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from edition.content import Block, Document
from edition.cut import CutBlock, CutFile
from edition.errors import Diagnostic
from edition.lostblock import SURE, Lost, block_ids, compared, likeness, match, quote, source_lines, squash

# The witness is never edited, and an emendation can only change what it has: a paragraph the
# extraction missed comes in with a new extraction of the page, as the README's cut section says.
CORRECT = (
    "; if the printed page has it and the extracted source text lacks it, extract the page again "
    "(a new witness in source/: cut it again and record its SHA-256 in page.toml)"
)
JOIN = (
    "join the two again (delete the blank line above this block): the Chinese is the source text as the page's "
    "layout cuts it; a paragraph break the cut missed is declared in layout.yaml ('breaks_after' in its body block), "
    "and the block's range in 'blocks:' and its English are then split likewise"
)
MARKERS = {"headline": "'# ' before it", "subhead": "'## ' before it", "paragraph": "no '#' before it"}


def added_blocks(
    zh: Document, en: Document | None, cut: CutFile, source: str, page: Sequence[CutFile] = ()
) -> list[Lost]:
    """The Chinese blocks no cut block reads like (added, or half of a block split in two),
    or set as another kind than the cut's: [] when there are none, or when the Chinese reads
    too unlike the cut to say which. ``page``: every article's cut, where a block pasted from
    another article is found."""
    blocks, cuts = zh.blocks, cut.blocks
    if not cuts or len(blocks) < len(cuts):
        return []
    if len(blocks) == len(cuts):
        return _kinds(zh, en, cut)
    matched = match([[likeness(b, c) for b in blocks] for c in cuts])  # each cut block's Chinese block
    if matched is None:
        return []
    owner = {i: j for j, i in enumerate(matched)}  # a Chinese block: its cut block
    added = [i for i in range(len(blocks)) if i not in owner]
    ids, cut_ids = block_ids(cut.id, blocks), block_ids(cut.id, cuts)  # as the text numbers them, as the cut does
    lines = source_lines(cuts)
    more = "one block" if len(added) == 1 else f"{len(added)} blocks"
    _, than = compared(zh, en, cuts)
    found = []
    for i in added:
        block, at = blocks[i], blocks[i].loc
        halves = _split(i, blocks, owner, cuts)
        if halves is not None:  # one block split in two: said at the second half
            whole = cuts[owner[halves]]
            at = blocks[max(i, halves)].loc
            what = (
                f"{cut_ids[owner[halves]]}, the {whole.kind} of source lines {whole.first}-{whole.last} "
                f"({quote(whole.text)}), is split in two here"
            )
            hint = JOIN
        else:
            text = squash(block.text)
            twin = next((k for k in owner if squash(blocks[k].text) == text), None)
            elsewhere = None if twin is not None else _elsewhere(block, cut, page)
            after = f", after {ids[i - 1]}" if i > 0 else ""
            if twin is not None:
                said = f"repeats {ids[twin]}: the source text ({source}) has it once"
            elif elsewhere is not None:  # pasted from another article of the page (walk 12)
                said = f"is {elsewhere} in the source text ({source}), another article's block, not this one's"
            else:
                said = f"is not in the source text ({source}): no block the layout cuts from it reads like it"
            what = f"{ids[i]}, the {block.kind} here ({quote(block.text)}){after}, {said}"
            also = ["its range in 'blocks:'"] if zh.article_front.ranges == len(blocks) else []
            if en is not None and len(en.blocks) == len(blocks):
                also.append(f"its English at {en.blocks[i].loc}")
            english = f", and {' and '.join(also)}" if also else ""
            hint = f"remove it{english}: the Chinese is the source text as the page's layout cuts it"
            hint += CORRECT if twin is None and elsewhere is None else ""
        message = f"the Chinese has {more} more than {' and than '.join(than)}: {what}"
        block_cut = CutBlock(block.kind, block.text, 0, 0)
        found.append(
            Lost(zh.path, cut.id, en.path if en else None, block_cut, lines, Diagnostic(at, message, hint), "added")
        )
    return found


def _elsewhere(block: Block, cut: CutFile, page: Sequence[CutFile]) -> str | None:
    """The block of another article of the page that reads as ``block`` does, named with its
    source lines: "urban-renewal-p1 (source lines 120-131)"; None if none does."""
    for other in page:
        if other.id == cut.id:
            continue
        for named, whole in zip(block_ids(other.id, other.blocks), other.blocks, strict=True):
            if likeness(replace(block, kind=whole.kind), whole) >= SURE:
                return f"{named} (source lines {whole.first}-{whole.last})"
    return None


def _split(i: int, blocks: Sequence[Block], owner: dict[int, int], cuts: Sequence[CutBlock]) -> int | None:
    """The neighbour of the Chinese block whose cut block holds the block's opening words and
    is longer than that neighbour by about as much: one block split in two. None if none."""
    text = squash(blocks[i].text)
    for k in (i - 1, i + 1):
        if k in owner:
            whole = squash(cuts[owner[k]].text)
            if text[:12] in whole and len(whole) >= len(squash(blocks[k].text)) + 0.8 * len(text):
                return k
    return None


def _kinds(zh: Document, en: Document | None, cut: CutFile) -> list[Lost]:
    """A Chinese block of another kind than the cut's and its English's ('##高位统筹', no space
    after the marks: a paragraph), which the English's pairing blamed on the English."""
    if en is None or len(en.blocks) != len(zh.blocks):
        return []
    ids, lines = block_ids(cut.id, cut.blocks), source_lines(cut.blocks)
    found = []
    for i, (block, whole, english) in enumerate(zip(zh.blocks, cut.blocks, en.blocks, strict=True)):
        if block.kind == whole.kind or english.kind != whole.kind:
            continue
        marks = block.text[: len(block.text) - len(block.text.lstrip("#"))]
        if likeness(replace(block, kind=whole.kind, text=block.text[len(marks) :]), whole) < SURE:
            continue
        what = (
            f"{ids[i]}, the {whole.kind} of source lines {whole.first}-{whole.last} ({quote(whole.text)}), is a "
            f"{block.kind} here, and a {whole.kind} in its English and the page's layout"
        )
        if marks:  # '##高位统筹': a paragraph, its marks its text's
            hint = f"put a space after its '{marks}': '{marks} {quote(block.text[len(marks) :].strip(), 12)[1:-1]}'"
        else:
            hint = (
                f"write it as a {whole.kind}, with {MARKERS.get(whole.kind, f'{{.{whole.kind}}} on the line above it')}; "
                "if the printed page sets it otherwise, change the layout (layout.yaml) and the English likewise"
            )
        diagnostic = Diagnostic(block.loc, what, hint)
        found.append(Lost(zh.path, cut.id, en.path, CutBlock(block.kind, block.text, 0, 0), lines, diagnostic, "kind"))
    return found
