"""Per-article results reused from one build to the next while their inputs are the same objects.

The parse cache hands back the very same Document object for a file that did not change, so
work that depends only on such objects (one article's model, its mentions, its figures, its
number checks) can be kept under a key naming those objects by identity. An edit to one
file gives it a new Document, hence new keys for what depends on it, and only that is done
again. Results are kept with the diagnostics their computation reported, and those are
reported again on reuse, so a warning never disappears because its article was cached.

The dev server keeps one Memo for its life (in its BuildCache); a command-line build starts
with an empty one, so it computes everything, in the same order, with the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from edition.errors import Diagnostic, Diagnostics

T = TypeVar("T")


class Same(int):
    """An object as a key by identity (its contents may be unhashable, e.g. a LineDict).

    It is the object's id as an int (so keys hash and compare at C speed) that holds the
    object, so that no other object can take that id while the key lives.
    """

    obj: object

    def __new__(cls, obj: object) -> Same:
        key = super().__new__(cls, id(obj))
        key.obj = obj
        return key

    def __repr__(self) -> str:
        return f"Same({type(self.obj).__name__}@{int(self):x})"


class Memo:
    """key -> (result, diagnostics). Entries not used by the last two builds are dropped.

    ``keep=False``: a build that no other build follows in its process (the command line)
    computes everything and keeps nothing, so that its peak memory holds no copy of the
    edition's fragments."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self._current: dict[Hashable, tuple[Any, tuple[Diagnostic, ...]]] = {}
        self._previous: dict[Hashable, tuple[Any, tuple[Diagnostic, ...]]] = {}
        self.hits = 0
        self.misses = 0

    def new_build(self) -> None:
        """Start a build: what the last one used stays available, older entries go."""
        self._previous, self._current = self._current, {}
        self.hits = self.misses = 0

    def get(self, key: Hashable, diags: Diagnostics, compute: Callable[..., T], *args: Any) -> T:
        """``compute(*args, diags)``, or what it gave for the same key; its diagnostics go to ``diags`` either way."""
        entry = self._current.get(key) or self._previous.get(key)
        if entry is None:
            local = Diagnostics()
            entry = (compute(*args, local), tuple(local.items))
            self.misses += 1
        else:
            self.hits += 1
        if self.keep:
            self._current[key] = entry
        diags.items.extend(entry[1])
        result: T = entry[0]
        return result

    def value(self, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        """``compute(*args)``, for work that reports nothing (fingerprints, export fragments)."""
        return self.get(key, Diagnostics(), lambda _diags: compute(*args))
