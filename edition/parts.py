"""Long pages in parts: the figures appendix and the entity pages of an archive.

A page that lists something of every article grows with the archive: at 1,000 articles the
appendix was 6 MB in each view, and the page of a name found in every article 2-4 MB, more
than a browser shows comfortably and more than a reader will scroll. So the appendix lists
the figures of ``APPENDIX_ARTICLES`` articles a part, and an entity page about
``MENTIONS_PER_PART`` passages a part (whole articles' passages); the first part keeps the
page's own address (``figures/``, ``entity/<id>/``), the others follow it (``figures/2/``).
A newspaper page's edition, the real one among them, stays one page each.

A figure's link into the appendix names its part, which follows from its article's position
alone: editing an article never moves another article's figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from edition.model import Edition, Mention

APPENDIX_ARTICLES = 50
MENTIONS_PER_PART = 400


def part_path(first: str, n: int) -> str:
    """The address of part ``n`` (from 0) of the page whose first part is at ``first``."""
    return first if n == 0 else f"{first}{n + 1}/"


def navigation(first: str, count: int) -> list[tuple[int, str]]:
    """(number from 1, address) of each part: what a part's links to the others show."""
    return [(n + 1, part_path(first, n)) for n in range(count)]


def appendix_parts(edition: Edition) -> list[list[str]]:
    """The article ids whose figures each part of the appendix lists (the page's own first)."""
    ids = [a.id for a in edition.all_articles]
    return [ids[start : start + APPENDIX_ARTICLES] for start in range(0, len(ids), APPENDIX_ARTICLES)] or [[]]


def appendix_paths(edition: Edition) -> dict[str, str]:
    """Article id -> the address of the appendix part that lists its figures."""
    return {article: part_path("figures/", n) for n, ids in enumerate(appendix_parts(edition)) for article in ids}


def article_runs(mentions: Iterable[Mention]) -> list[int]:
    """How many of an entity's mentions (in the order of its page's rows) each article has."""
    return [sum(1 for _ in run) for _, run in groupby(mentions, key=lambda m: m.article)]


def row_parts(runs: Sequence[int]) -> list[tuple[int, int, int, int]]:
    """The parts of an entity page: (first row, end row, first run, end run) each, whole
    articles' rows, up to MENTIONS_PER_PART rows a part; an article with more rows than that
    has a part of its own. Always at least one part (a page with no rows has one, empty)."""
    parts: list[tuple[int, int, int, int]] = []
    row = run = 0
    start_row = start_run = 0
    for count in runs:
        if row > start_row and row - start_row + count > MENTIONS_PER_PART:
            parts.append((start_row, row, start_run, run))
            start_row, start_run = row, run
        row += count
        run += 1
    parts.append((start_row, row, start_run, run))
    return parts
