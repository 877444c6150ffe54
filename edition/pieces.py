"""What the four views of a page show alike, made once a build and shared by them.

An article is rendered four times (parallel, Chinese, English, Traditional), and most of
what the four pages hold is the same: the block's marked text in Simplified characters is
in two of them, its English in two, its citation in all four, and a name's note in every
article that names it. Each such piece is made the first time a page asks for it and
handed to the pages that ask again. The pages of an article's four views come one after
another (edition/pages.py), so only the last few articles' pieces of text are kept, however
large the archive; the names' notes are all kept (a few hundred bytes a name and view: about
4 MB at 5,000 articles). The fronts of the newspaper pages, rendered view by view, share
only the notes.

A piece is kept under everything it is made from, so the pages that share it would have
made the same one. Pieces live as long as their build's SiteIndex: the dev server's next
build starts with none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

# Pieces kept: a few articles' blocks, marked in each language, and their citations.
KEPT = 2048


class Pieces:
    """Pieces made once: the text's (a few articles' worth, the oldest let go first) and
    the names' notes (every one, a few hundred bytes each per view)."""

    def __init__(self, kept: int = KEPT) -> None:
        self.kept = kept
        self._recent: dict[Hashable, object] = {}
        self._notes: dict[Hashable, str] = {}

    def recent(self, key: Hashable, make: Callable[[], T]) -> T:
        """A piece of the text (a block marked in one language, a passage's citation)."""
        if key in self._recent:
            return self._recent[key]  # type: ignore[return-value]
        piece = make()
        if len(self._recent) >= self.kept:
            del self._recent[next(iter(self._recent))]  # dicts keep their order: the oldest
        self._recent[key] = piece
        return piece

    def note(self, key: Hashable, make: Callable[[], str]) -> str:
        """A name's note as a view shows it."""
        piece = self._notes.get(key)
        if piece is None:
            piece = self._notes[key] = make()
        return piece
