"""The fidelity account: every non-blank source line stands in exactly one block of the
edition (after the documented repairs) or is a named artifact, and every departure of
the Chinese text from the repaired source is a declared emendation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from edition.cut import CutBlock, CutFile
from edition.errors import Diagnostics, Loc, show_invisible
from edition.model import Article, Block


@dataclass(frozen=True)
class Account:
    total: int  # non-blank source lines
    accounted: int
    missing: tuple[int, ...]  # line numbers not accounted for
    artifacts: tuple[str, ...]  # "line 18: doubled 主动担当积极作为"


def _expected(block: Block, cut_blocks: dict[tuple[int, int], CutBlock], article: Article) -> str | None:
    cut = cut_blocks.get(block.source_lines)
    if cut is None:
        return None
    text = cut.text
    for em in article.emendations:
        if em.block == block.id:
            text = text.replace(em.source, em.reading, 1)
    return text


def account(
    source_lines: Sequence[str],
    cut: Sequence[CutFile],
    articles: Sequence[Article],
    source_path: str,
    diags: Diagnostics,
) -> Account:
    """Compare the edition's Chinese with the cut of the source; report every departure."""
    cut_blocks = {(b.first, b.last): b for f in cut for b in f.blocks}
    owner: dict[int, str] = {}
    bad: set[int] = set()
    artifacts: list[str] = []
    for article in articles:
        for block in article.blocks:
            first, last = block.source_lines
            span = [n for n in range(first, last + 1) if 0 < n <= len(source_lines) and source_lines[n - 1].strip()]
            for n in span:
                if n in owner:
                    diags.error(
                        block.loc,
                        f"source line {n} is claimed by {owner[n]} and by {block.id}",
                        "each source line belongs to one block; correct the ranges in 'blocks:'",
                    )
                    bad.add(n)
                owner[n] = block.id
            expected = _expected(block, cut_blocks, article)
            if expected is None:
                diags.error(
                    block.loc,
                    f"block {block.id} claims source lines {first}-{last}, which the layout does not cut as one block",
                    "keep the [first, last] pairs that 'python build.py cut' wrote, or change the page's layout.yaml",
                )
                bad.update(span)
                continue
            if block.zh != expected:
                lost = [n for n in span if _squash(source_lines[n - 1]) not in _squash(block.zh)]
                detail = f"; source line(s) {', '.join(map(str, lost))} not found in it" if lost else ""
                diags.error(
                    block.loc,
                    f"the Chinese of {block.id} departs from the source{detail}: expected {_diff(expected, block.zh)}",
                    "restore the source text, or declare the change under 'emendations:' with block, source, reading and reason",
                )
                bad.update(lost or span)
            cut_block = cut_blocks[(first, last)]
            artifacts.extend(f"line {a.line}: {a.rule} {a.text!r}" for a in cut_block.artifacts if a.rule == "doubled")
    nonblank = [n for n, text in enumerate(source_lines, start=1) if text.strip()]
    missing = tuple(n for n in nonblank if n not in owner or n in bad)
    for n in missing:
        if n not in owner:
            diags.error(
                Loc(source_path, n, 1),
                f"source line {n} is in no block: {source_lines[n - 1].strip()[:30]}",
                "add it to a block's range, or to the layout",
            )
    return Account(len(nonblank), len(nonblank) - len(missing), missing, tuple(artifacts))


def _squash(text: str) -> str:
    """Compare modulo the spaces and glyphs the repairs change."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "\U001001b0").replace(".", "")


def common_ends(a: str, b: str) -> tuple[int, int]:
    """How many characters two texts share at their start, and then at their end."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, end


def _diff(expected: str, actual: str) -> str:
    start, end = common_ends(expected, actual)
    a = expected[max(0, start - 6) : len(expected) - end + 6]
    b = actual[max(0, start - 6) : len(actual) - end + 6]
    return f"“{show_invisible(a, '')}”, found “{show_invisible(b, '')}”"
