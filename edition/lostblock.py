"""A block missing from the Chinese, said once as what it is and where it belongs.

An editor who deletes a paragraph of an article's Chinese leaves its 'blocks:' with a range
too many, its English with a block too many and the paragraph's source lines in no block;
each stage then said what it saw ("'blocks:' lists 11 source ranges but the text has 10
blocks", "this paragraph … has no Chinese counterpart — remove it", an entity "found nowhere
in the text", and in `check` every source line of the article "in no block"), and none named
the paragraph. The page's cut (its witness cut by its layout, edition/cut.py) says which
blocks each article has: the Chinese blocks are matched to them by their text, in order, and
a cut block no Chinese block matches is the one lost. It is said once, where it belongs;
what follows from it is held back (edition/causes.py).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from edition.content import Block, Document
from edition.cut import CutBlock, CutFile
from edition.errors import Diagnostic
from edition.fidelity import common_ends
from edition.ids import local_block_ids
from edition.model import Article

SURE = 0.6  # every Chinese block must read this much like the cut block it is matched with


@dataclass(frozen=True)
class Lost:
    article: str  # the Chinese file
    article_id: str
    english: str | None  # its translation's file
    block: CutBlock  # the block as the cut has it
    lines: frozenset[int]  # every source line of the article's blocks (the account's follow-ons)
    diagnostic: Diagnostic
    what: str = "lost"  # or a block "added" to the Chinese (or split), or of another "kind" (edition/addedblock.py)


def lost_in_page(
    articles: Iterable[Article], cut: Sequence[CutFile], docs: Mapping[str, Document], source: str = "the source text"
) -> list[Lost]:
    """The blocks each article of a page lost from its Chinese, or gained (``source``: the
    page's witness, which the message names)."""
    from edition.addedblock import added_blocks  # which builds on this module's matching

    by_id = {f.id: f for f in cut}
    found: list[Lost] = []
    for article in articles:
        zh, cut_file = docs.get(article.path), by_id.get(article.id)
        if zh is not None and cut_file is not None:
            en = docs.get(article.en_path or "")
            found.extend(lost_blocks(zh, en, cut_file) or added_blocks(zh, en, cut_file, source, cut))
    return found


def lost_blocks(zh: Document, en: Document | None, cut: CutFile) -> list[Lost]:
    """The cut blocks the Chinese has no block for: [] when it has them all, has more (a
    split, an addition: other messages say so), or reads too unlike them to say which."""
    blocks, cuts = zh.blocks, cut.blocks
    if not blocks or len(blocks) >= len(cuts):
        return []
    matched = match([[likeness(b, c) for c in cuts] for b in blocks])
    if matched is None:
        return []
    ids = block_ids(cut.id, cuts)
    lines = source_lines(cuts)
    missing = [j for j in range(len(cuts)) if j not in matched]
    if any(_joined(cuts[j], blocks, matched, j, cuts) for j in missing):
        return []  # two blocks joined in one: not lost
    fewer = "one block" if len(missing) == 1 else f"{len(missing)} blocks"
    claimed, than = compared(zh, en, cuts)  # not claimed: its range went with it, or 'blocks:' is wrong
    found = []
    for j in missing:
        block = cuts[j]
        after = sum(1 for m in matched if m < j)  # the Chinese blocks before it
        at_end = after == len(blocks)
        place, here = ("at the end", "after the last block") if at_end else ("here", "here, before this block")
        loc = blocks[-1].loc if at_end else blocks[after].loc
        english = f" (its English is at {en.blocks[j].loc})" if en is not None and len(en.blocks) == len(cuts) else ""
        previous = f", after {ids[j - 1]}" if j > 0 else ""
        found.append(
            Lost(
                zh.path,
                cut.id,
                en.path if en is not None else None,
                block,
                lines,
                Diagnostic(
                    loc,
                    f"the Chinese has {fewer} fewer than {' and than '.join(than)}: {ids[j]}, the {block.kind} of "
                    f"source lines {block.first}-{block.last} ({quote(block.text)}), is missing {place}{previous}",
                    f"restore it {here}, as source lines {block.first}-{block.last} have it{english}"
                    + ("" if claimed else f", and [{block.first}, {block.last}] to 'blocks:'")
                    + ": every source line stands in a block (one that is not this article's moves in layout.yaml)",
                ),
            )
        )
    return found


def block_ids(article: str, blocks: Sequence[Block | CutBlock]) -> list[str]:
    """The ids of an article's blocks, as their kinds number them (moyu-h1, moyu-p3)."""
    return [f"{article}-{local}" for local in local_block_ids([b.kind for b in blocks])]


def source_lines(cuts: Sequence[CutBlock]) -> frozenset[int]:
    """Every source line of an article's cut blocks."""
    return frozenset(n for c in cuts for n in range(c.first, c.last + 1))


def compared(zh: Document, en: Document | None, cuts: Sequence[CutBlock]) -> tuple[bool, list[str]]:
    """What a Chinese text with a block too few or too many is said to differ from: the source
    lines its 'blocks:' claims (``claimed``: one range a cut block), its English where that has
    the cut's blocks, else the page's layout."""
    claimed = zh.article_front.ranges == len(cuts)
    than = []
    if claimed:
        than.append(f"the source lines it claims ('blocks:' lists {len(cuts)} ranges for {len(zh.blocks)} blocks)")
    if en is not None and len(en.blocks) == len(cuts):
        than.append(f"its English ({len(en.blocks)} blocks)")
    if not claimed:
        than.append(f"its page's layout cuts for it ({len(cuts)})")
    return claimed, than


def match(score: Sequence[Sequence[float]]) -> list[int] | None:
    """For each row (a Chinese block), its column (a cut block; or the other way round, rows
    fewer than columns), in order, the best-reading assignment of ``score[row][column]``; None
    if a row reads too unlike the one it is given (a text changed beyond a repair: no guess)."""
    n, m = len(score), len(score[0]) if score else 0
    worst = -1.0
    best = [[worst * (n + 1)] * (m + 1) for _ in range(n + 1)]
    best[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            best[i][j] = max(best[i][j - 1] if j > i else worst * (n + 1), best[i - 1][j - 1] + score[i - 1][j - 1])
    matched: list[int] = []
    i, j = n, m
    while i:
        if j > i and best[i][j] == best[i][j - 1]:
            j -= 1
            continue
        matched.append(j - 1)
        i, j = i - 1, j - 1
    matched.reverse()
    if any(score[i][j] < SURE for i, j in enumerate(matched)):
        return None
    return matched


def likeness(block: Block, cut: CutBlock) -> float:
    """How much a Chinese block reads like a cut block: 1.0 the same text; an emendation or
    two cost little; another paragraph reads as nearly nothing."""
    a, b = squash(block.text), squash(cut.text)
    if a == b:
        return 1.0 if block.kind == cut.kind else 0.7
    alike = sum(common_ends(a, b)) / max(len(a), len(b), 1)
    if alike < SURE:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.real_quick_ratio() >= SURE and matcher.quick_ratio() >= SURE:
            alike = max(alike, matcher.ratio())
    return alike - (0 if block.kind == cut.kind else 0.3)


def _joined(cut: CutBlock, blocks: Sequence[Block], matched: Sequence[int], j: int, cuts: Sequence[CutBlock]) -> bool:
    """The cut block's text inside the Chinese block matched with a neighbour of it, which is
    the longer by about as much (a deleted subhead's few words inside the next paragraph's own
    sentence are no join: review 11)."""
    text = squash(cut.text)
    # its opening words (a repair further on may change the rest), and the length of both
    return any(
        m in (j - 1, j + 1)
        and text[:12] in squash(blocks[i].text)
        and len(squash(blocks[i].text)) >= len(squash(cuts[m].text)) + 0.8 * len(text)
        for i, m in enumerate(matched)
    )


def squash(text: str) -> str:
    return "".join(text.split())


def quote(text: str, size: int = 16) -> str:
    return f"“{text[:size]}…”" if len(text) > size else f"“{text}”"


def follows_from_lost(problem: Diagnostic, lost: Sequence[Lost], source: str) -> bool:
    """An error of the fidelity account that a lost block explains: one of its article's
    files, or one of the article's source lines in no block."""
    if any(problem.loc.path in (gone.article, gone.english) for gone in lost):
        return True
    return problem.loc.path == source and any(problem.loc.line in gone.lines for gone in lost)
