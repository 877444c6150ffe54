"""Stable ids for blocks: the article id plus the block's kind and its place among its kind.

A block's id changes only when a block of the same kind is inserted or removed before
it in the same article, never through an edit elsewhere on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

KIND_PREFIX = {
    "headline": "h",
    "deck": "d",
    "subhead": "s",
    "paragraph": "p",
    "standfirst": "f",
    "caption": "c",
    "credit": "r",
    "masthead": "m",
    "nameplate": "n",
    "footer": "o",
}


def local_block_ids(kinds: Sequence[str]) -> list[str]:
    """``["headline", "paragraph", "paragraph"]`` -> ``["h1", "p1", "p2"]``."""
    seen: dict[str, int] = {}
    out = []
    for kind in kinds:
        seen[kind] = seen.get(kind, 0) + 1
        out.append(f"{KIND_PREFIX.get(kind, 'x')}{seen[kind]}")
    return out


def block_id(article_id: str, local: str) -> str:
    return f"{article_id}-{local}"
