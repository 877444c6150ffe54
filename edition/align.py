"""A misalignment between the Chinese and the English, said once as what happened to which
block: "the English lacks moyu-p2", "an extra block", "subheads 1 and 2 look swapped".

The pairing in edition/assemble.py pairs blocks by position and stops at the first pair
whose kinds differ; a dropped paragraph then also breaks the number check of every pair
after it. Here the two files' blocks are aligned by what they share (kind, figures, the
glossaries' names, length), so that the message names the block that moved.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from edition.content import Block, Document
from edition.errors import Diagnostic, Loc
from edition.ids import local_block_ids
from edition.numbers import compare

GAP = -2.5  # a block on one side only
ORDER = "keep the English blocks in the Chinese order, one English block for each Chinese block"


@dataclass(frozen=True)
class Lexicon:
    """Name pairs from the glossaries: a Chinese form and its English forms (lowercase)."""

    pairs: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @cached_property
    def by_first(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """The pairs by the first character of their Chinese form: a block is compared with
        the names it can contain, not with every name of an archive's glossaries."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for z, forms in self.pairs:
            index.setdefault(z[:1], []).append((z, forms))
        return index

    def named(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """The pairs whose Chinese form is in ``text``, each as often as it is listed, in no
        particular order (they are counted, not listed)."""
        return [(z, forms) for ch in {*text, ""} for z, forms in self.by_first.get(ch, ()) if z in text]


def _score(zh: Block, en: Block, lexicon: Lexicon) -> float:
    """How much a Chinese and an English block look like each other's pair (higher: more)."""
    score = 1.0 if zh.kind == en.kind else -3.0
    result = compare(zh.text, en.text)
    wrong = len(result.missing) + len(result.unexpected)
    score -= 0.7 * wrong
    english = en.text.lower()
    score += sum(1.0 for _, forms in lexicon.named(zh.text) if any(f in english for f in forms))
    # English runs about 2-4 characters to a Chinese one.
    ratio = max(len(en.text), 1) / (3.0 * max(len(zh.text), 1))
    score -= 1.2 * abs(math.log(ratio))
    return score


def _align(zh: Sequence[Block], en: Sequence[Block], lexicon: Lexicon) -> list[tuple[int | None, int | None]]:
    """Needleman-Wunsch over the two block lists: pairs (i, j), (i, None), (None, j)."""
    n, m = len(zh), len(en)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        best[i][0], move[i][0] = best[i - 1][0] + GAP, "z"
    for j in range(1, m + 1):
        best[0][j], move[0][j] = best[0][j - 1] + GAP, "e"
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = (
                (best[i - 1][j - 1] + _score(zh[i - 1], en[j - 1], lexicon), "d"),
                (best[i - 1][j] + GAP, "z"),
                (best[i][j - 1] + GAP, "e"),
            )
            best[i][j], move[i][j] = max(options)
    path: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "d":
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == "z":
            path.append((i - 1, None))
            i -= 1
        else:
            path.append((None, j - 1))
            j -= 1
    return path[::-1]


def _quote(text: str, size: int = 24) -> str:
    return f"“{text[:size]}…”" if len(text) > size else f"“{text}”"


def block_diff(article_id: str, zh: Document, en: Document, lexicon: Lexicon) -> list[Diagnostic]:
    """What is missing, extra or swapped in the English, one diagnostic each; [] when the
    blocks pair one to one in order."""
    ids = [f"{article_id}-{local}" for local in local_block_ids([b.kind for b in zh.blocks])]
    if len(zh.blocks) == len(en.blocks):
        swapped = _swaps(ids, zh.blocks, en.blocks, lexicon)
        if swapped:
            return swapped
    found: list[Diagnostic] = []
    path = _align(zh.blocks, en.blocks, lexicon)
    for position, (i, j) in enumerate(path):
        joined = _joined_or_split(ids, zh, en, path, position, lexicon)
        if joined is not None:
            if joined not in found:
                found.append(joined)
            continue
        if i is not None and j is None:
            after = next((en.blocks[b] for _, b in path[position + 1 :] if b is not None), None)
            loc = after.loc if after is not None else Loc(en.path, en.blocks[-1].loc.line if en.blocks else 1, 1)
            found.append(
                Diagnostic(
                    loc,
                    f"the English lacks {ids[i]} (the Chinese at {zh.blocks[i].loc}: {_quote(zh.blocks[i].text)})",
                    f"translate it {'here, before this block' if after is not None else 'after the last block'}; {ORDER}",
                )
            )
        elif j is not None and i is None:
            before = next((ids[a] for a, _ in reversed(path[:position]) if a is not None), None)
            copy = next(
                (
                    ids[a]
                    for a, b in path
                    if a is not None and b is not None and b != j and en.blocks[b].text == en.blocks[j].text
                ),
                None,
            )
            if copy is not None:
                found.append(
                    Diagnostic(
                        en.blocks[j].loc, f"this {en.blocks[j].kind} repeats the English of {copy}", "remove the copy"
                    )
                )
                continue
            where = f"after the English of {before}" if before else "before the first block"
            found.append(
                Diagnostic(
                    en.blocks[j].loc,
                    f"this {en.blocks[j].kind} ({_quote(en.blocks[j].text)}), {where}, has no Chinese counterpart",
                    f"remove it if it is a copy, or join it with the block it belongs to; {ORDER}",
                )
            )
    return found


def _swaps(
    ids: Sequence[str], zh: Sequence[Block], en: Sequence[Block], lexicon: Lexicon, kinds: Sequence[str] = ()
) -> list[Diagnostic]:
    """Two blocks of a kind whose English reads clearly better crossed over."""
    found = []
    for i in range(len(zh) - 1):
        if kinds and zh[i].kind not in kinds:
            continue
        k = next((k for k in range(i + 1, min(len(zh), i + 6)) if zh[k].kind == zh[i].kind), None)
        if k is None or en[i].kind != zh[i].kind or en[k].kind != zh[k].kind:
            continue
        straight = _score(zh[i], en[i], lexicon) + _score(zh[k], en[k], lexicon)
        crossed = _score(zh[i], en[k], lexicon) + _score(zh[k], en[i], lexicon)
        if crossed - straight >= 0.9:
            kind = zh[i].kind
            number = sum(1 for b in zh[: i + 1] if b.kind == kind), sum(1 for b in zh[: k + 1] if b.kind == kind)
            found.append(
                Diagnostic(
                    en[i].loc,
                    f"{kind}s {number[0]} and {number[1]} look swapped: the English of {ids[i]} "
                    f"({_quote(en[i].text)}) reads like {ids[k]}, and the English of {ids[k]} like {ids[i]}",
                    ORDER,
                )
            )
    return found


def subhead_swaps(article_id: str, zh: Document, en: Document, lexicon: Lexicon) -> list[Diagnostic]:
    """The swap check alone, on subheads only (few, short, and without figures to go by):
    cheap enough for every article of every build."""
    if len(zh.blocks) != len(en.blocks) or sum(b.kind == "subhead" for b in zh.blocks) < 2:
        return []
    ids = [f"{article_id}-{local}" for local in local_block_ids([b.kind for b in zh.blocks])]
    return [d for d in _swaps(ids, zh.blocks, en.blocks, lexicon, kinds=("subhead",))]


def _merged(a: Block, b: Block) -> Block:
    return Block(a.kind, f"{a.text} {b.text}", a.loc)


def _joined_or_split(
    ids: Sequence[str],
    zh: Document,
    en: Document,
    path: Sequence[tuple[int | None, int | None]],
    position: int,
    lexicon: Lexicon,
) -> Diagnostic | None:
    """A gap next to a pair that reads much better with the gap's block joined to it: two
    Chinese blocks translated as one English block, or one translated as two."""
    i, j = path[position]
    for near in (position - 1, position + 1):
        if not 0 <= near < len(path):
            continue
        a, b = path[near]
        if a is None or b is None:
            continue
        if i is not None and j is None and zh.blocks[i].kind == zh.blocks[a].kind:  # the English joined two
            first, second = sorted((i, a))
            both = _merged(zh.blocks[first], zh.blocks[second])
            if _score(both, en.blocks[b], lexicon) > _score(zh.blocks[a], en.blocks[b], lexicon) + 1:
                return Diagnostic(
                    en.blocks[b].loc,
                    f"this {en.blocks[b].kind} translates both {ids[first]} and {ids[second]}",
                    "split it where the Chinese splits it: one English block for each Chinese block",
                )
        if j is not None and i is None and en.blocks[j].kind == en.blocks[b].kind:  # the English split one
            first, second = sorted((j, b))
            both = _merged(en.blocks[first], en.blocks[second])
            if _score(zh.blocks[a], both, lexicon) > _score(zh.blocks[a], en.blocks[b], lexicon) + 1:
                return Diagnostic(
                    en.blocks[first].loc,
                    f"the English of {ids[a]} is split into two {en.blocks[b].kind}s here",
                    "join them into one: one English block for each Chinese block",
                )
    return None
