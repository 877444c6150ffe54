"""A block added to the Chinese, said once as what it is: a block the source text lacks.

An editor who pastes a paragraph into an article's Chinese leaves its 'blocks:' a range
short, its English a block short and every block after it claiming the next one's source
lines; each stage said what it saw ("'blocks:' lists 11 source ranges but the text has 12
blocks", "the English lacks moyu-p3 — translate it here", and in `check` every block
"claims source lines 0-0" and every source line of the article "in no block"), and none said
that the paragraph is not in the source. The page's cut says which blocks the article has
(edition/lostblock.py matches them by their text, in order): a Chinese block no cut block is
matched with is the one added. It is said once, at its line; what follows from it is held
back as for a lost block (edition/causes.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from edition.content import Block, Document
from edition.cut import CutBlock, CutFile
from edition.errors import Diagnostic
from edition.ids import local_block_ids
from edition.lostblock import Lost, likeness, match, quote, squash


def added_blocks(zh: Document, en: Document | None, cut: CutFile, source: str) -> list[Lost]:
    """The Chinese blocks no cut block reads like: [] when the Chinese has no more blocks
    than the cut, has one split in two (the count message says so), or reads too unlike the
    cut to say which block is new."""
    blocks, cuts = zh.blocks, cut.blocks
    if not cuts or len(blocks) <= len(cuts):
        return []
    matched = match([[likeness(b, c) for b in blocks] for c in cuts])  # each cut block's Chinese block
    if matched is None:
        return []
    owner = {i: j for j, i in enumerate(matched)}  # a Chinese block: its cut block
    added = [i for i in range(len(blocks)) if i not in owner]
    if any(_split(i, blocks, owner, cuts) for i in added):
        return []  # a block split in two: not added
    ids = [f"{cut.id}-{local}" for local in local_block_ids([b.kind for b in blocks])]  # as the text numbers them
    lines = frozenset(n for c in cuts for n in range(c.first, c.last + 1))
    more = "one block" if len(added) == 1 else f"{len(added)} blocks"
    than = []
    claimed = zh.article_front.ranges == len(cuts)
    if claimed:
        than.append(f"the source lines it claims ('blocks:' lists {len(cuts)} ranges for {len(blocks)} blocks)")
    if en is not None and len(en.blocks) == len(cuts):
        than.append(f"its English ({len(en.blocks)} blocks)")
    if not claimed:
        than.append(f"its page's layout cuts for it ({len(cuts)})")
    found = []
    for i in added:
        block = blocks[i]
        text = squash(block.text)
        twin = next((k for k in owner if squash(blocks[k].text) == text), None)
        if twin is None:
            what = f"is not in the source text ({source}): no block the layout cuts from it reads like it"
        else:
            what = f"repeats {ids[twin]}: the source text ({source}) has it once"
        after = f", after {ids[i - 1]}" if i > 0 else ""
        also = ["its range in 'blocks:'"] if zh.article_front.ranges == len(blocks) else []
        if en is not None and len(en.blocks) == len(blocks):
            also.append(f"its English at {en.blocks[i].loc}")
        english = f", and {' and '.join(also)}" if also else ""
        hint = f"remove it{english}: the Chinese is the source text as the page's layout cuts it"
        if twin is None:
            hint += (
                "; if the printed page has it and the source text lacks it, correct the source text (record its new "
                "SHA-256 in page.toml, give its lines a block in layout.yaml and their [first, last] in 'blocks:') "
                "and declare the change under 'emendations:' with its reason"
            )
        found.append(
            Lost(
                zh.path,
                cut.id,
                en.path if en is not None else None,
                CutBlock(block.kind, block.text, 0, 0),
                lines,
                Diagnostic(
                    block.loc,
                    f"the Chinese has {more} more than {' and than '.join(than)}: {ids[i]}, the {block.kind} here "
                    f"({quote(block.text)}){after}, {what}",
                    hint,
                ),
                added=True,
            )
        )
    return found


def _split(i: int, blocks: Sequence[Block], owner: dict[int, int], cuts: Sequence[CutBlock]) -> bool:
    """The Chinese block's opening words inside the cut block matched with a neighbour of it,
    which is the longer than that neighbour by about as much: one block split in two."""
    text = squash(blocks[i].text)
    for k in (i - 1, i + 1):
        if k in owner:
            whole = squash(cuts[owner[k]].text)
            if text[:12] in whole and len(whole) >= len(squash(blocks[k].text)) + 0.8 * len(text):
                return True
    return False
