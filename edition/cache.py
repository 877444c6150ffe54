"""What one build can reuse from the last: parsed files, and pages whose inputs did not change.

The dev server keeps one BuildCache for its whole life; `python build.py` keeps the parse
cache and the page fingerprints under .cache/ (git-ignored). A cache only ever saves
work: a build with an empty cache, or a stale one, gives the same bytes (tested).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edition.errors import Diagnostic
from edition.memo import Memo

if TYPE_CHECKING:
    from edition.quick import Snapshot

VERSION = 1  # bump when the parsed Document or the fingerprint recipe changes


@dataclass
class BuildCache:
    # path -> ((mtime_ns, size), parsed object or None, the file's diagnostics)
    parsed: dict[str, tuple[tuple[int, int], Any, list[Diagnostic]]] = field(default_factory=dict)
    # output path -> fingerprint of the inputs it was last rendered from
    fingerprints: dict[str, str] = field(default_factory=dict)
    # fingerprints seen in this build, promoted to `fingerprints` only when the build succeeds
    pending: dict[str, str] = field(default_factory=dict)
    hits: int = 0
    scope: str = ""  # the output folder the fingerprints describe
    # per-article results of the last builds, by identity of their inputs (memory only, never saved)
    memo: Memo = field(default_factory=Memo)
    # what the last good build leaves for the dev server's quick look (edition/quick.py)
    snapshot: Snapshot | None = None

    def lookup(self, path: Path, name: str) -> tuple[tuple[int, int], Any, list[Diagnostic]] | None:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        entry = self.parsed.get(name)
        return entry if entry is not None and entry[0] == key else None

    def store(self, path: Path, name: str, value: Any, diagnostics: list[Diagnostic]) -> None:
        stat = path.stat()
        self.parsed[name] = ((stat.st_mtime_ns, stat.st_size), value, diagnostics)

    def commit(self) -> None:
        self.fingerprints = dict(self.pending)

    # -- on disk, for separate processes ---------------------------------------------------

    @classmethod
    def load(cls, folder: Path, scope: str = "") -> BuildCache:
        """The cache kept under ``folder``; fingerprints belong to one output folder (``scope``)."""
        cache = cls(scope=scope, memo=Memo(keep=False))  # one build per process: nothing to reuse in memory
        try:
            with (folder / "parsed.pickle").open("rb") as handle:
                version, parsed = pickle.load(handle)  # noqa: S301 - our own file, in our own folder
            if version == VERSION:
                cache.parsed = parsed
            data = json.loads((folder / cache.fingerprint_file).read_text(encoding="utf-8"))
            if data.get("version") == VERSION:
                cache.fingerprints = data["pages"]
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, KeyError):
            pass  # no cache, or one from another version: build from scratch
        return cache

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "parsed.pickle.tmp").open("wb") as handle:
            pickle.dump((VERSION, self.parsed), handle, protocol=pickle.HIGHEST_PROTOCOL)
        (folder / "parsed.pickle.tmp").replace(folder / "parsed.pickle")
        text = json.dumps({"version": VERSION, "pages": self.fingerprints}, sort_keys=True)
        temp = folder / (self.fingerprint_file + ".tmp")
        temp.write_text(text, encoding="utf-8")
        temp.replace(folder / self.fingerprint_file)

    @property
    def fingerprint_file(self) -> str:
        return f"pages-{hashlib.blake2b(self.scope.encode(), digest_size=6).hexdigest()}.json"


def digest(*parts: object) -> str:
    """A stable fingerprint of model objects (frozen dataclasses have deterministic reprs)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()
