"""Writing output/: the only stage that writes, and it never leaves a half-written site.

The next site is made as a sibling folder of hard links to the current one (new
directory entries, no new file data), only changed files are replaced in it, and then
the two folders are swapped by renames. A build that fails before this stage writes
nothing; one killed during it leaves output/ as it was.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int
    files: int = 0  # in the output folder after the build
    bytes: int = 0  # their size: what a host publishes (GitHub Pages: at most 1 GB)


def safe_relative(path: str) -> bool:
    """True if ``path`` stays inside the output folder (no "..", no absolute path)."""
    return bool(path) and not path.startswith("/") and "\\" not in path and ".." not in path.split("/")


class Files(Mapping[str, bytes]):
    """The files of a build by path: bytes held in memory, and (None) files that are in
    ``folder`` already (a page kept from the last build, or written as it was made), read
    when asked for."""

    def __init__(self, files: Mapping[str, bytes | None], folder: Path | None) -> None:
        self._files = files
        self._folder = folder

    def __getitem__(self, name: str) -> bytes:
        data = self._files[name]
        if data is None:
            assert self._folder is not None, f"{name} is in no folder"
            return (self._folder / name).read_bytes()
        return data

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class Folder:
    """The folder a build writes into: a staging folder, made of hard links to the current
    output/ (new directory entries, no new file data) and swapped in by ``finish`` (the
    command line), or output/ itself (``in_place``: the dev server). Listed once, so that a
    site of tens of thousands of files where one page changed costs one listing.

    ``put`` may be called from forked rendering workers: it only writes files; the counts are
    kept by ``count`` in the building process."""

    def __init__(self, out_dir: Path, in_place: bool = False) -> None:
        self.out_dir = out_dir.resolve()
        self.in_place = in_place and self.out_dir.is_dir()
        parent = self.out_dir.parent
        self.staging = parent / f".{self.out_dir.name}.next"
        self.retired = parent / f".{self.out_dir.name}.old"
        if self.in_place:
            self.path = self.out_dir
        else:
            parent.mkdir(parents=True, exist_ok=True)
            for leftover in (self.staging, self.retired):
                if leftover.exists():
                    shutil.rmtree(leftover)
            if self.out_dir.is_dir():
                shutil.copytree(self.out_dir, self.staging, copy_function=os.link, symlinks=True)
            else:
                self.staging.mkdir()
            self.path = self.staging
        self.root = os.fspath(self.path)
        self.folders: list[tuple[str, list[str], list[str]]] = list(os.walk(self.root, topdown=False))
        self.present: set[str] = set()
        for dirpath, _dirs, names in self.folders:
            prefix = dirpath[len(self.root) + 1 :].replace(os.sep, "/")
            self.present.update(f"{prefix}/{n}" if prefix else n for n in names)
        self.written = self.unchanged = 0

    def has(self, name: str) -> bool:
        return name in self.present

    def put(self, name: str, data: bytes) -> bool:
        """Write ``name`` unless it already holds ``data``; True if written."""
        if not safe_relative(name):
            raise ValueError(f"refusing to write outside the output folder: {name!r}")
        return _write_changed(os.path.join(self.root, name), data, name in self.present)

    def count(self, written: bool) -> None:
        if written:
            self.written += 1
        else:
            self.unchanged += 1

    def finish(self, names: Collection[str]) -> WriteStats:
        """Remove what is not among ``names`` (and folders left empty), then, for a staging
        folder, swap it in: output/ is the old site or the new one, never a mix."""
        for name in names:
            if not safe_relative(name):
                raise ValueError(f"refusing to write outside the output folder: {name!r}")
        removed = 0
        # Folders that may now be empty: those that were, and those a removed file stood in.
        maybe_empty = {dirpath for dirpath, dirs, files in self.folders if not dirs and not files}
        for name in sorted(self.present - set(names)):
            path = os.path.join(self.root, name)
            os.unlink(path)
            maybe_empty.add(os.path.dirname(path))
            removed += 1
        for dirpath, _dirs, _names in self.folders:  # deepest first, so that a parent emptied here goes too
            if dirpath != self.root and dirpath in maybe_empty and not os.listdir(dirpath):
                os.rmdir(dirpath)
                maybe_empty.add(os.path.dirname(dirpath))
        size = sum(os.path.getsize(os.path.join(self.root, name)) for name in names)
        if not self.in_place:
            _swap(self.staging, self.out_dir, self.retired)
        return WriteStats(self.written, self.unchanged, removed, len(names), size)

    def abort(self) -> None:
        """A build that failed: the staging folder goes, output/ stays as it was."""
        if not self.in_place and self.staging.exists():
            shutil.rmtree(self.staging)


def write_output(files: Mapping[str, bytes | None], out_dir: Path, in_place: bool = False) -> WriteStats:
    """Make out_dir hold exactly ``files`` (None: a file already there, kept as it is)."""
    for name in files:
        if not safe_relative(name):
            raise ValueError(f"refusing to write outside the output folder: {name!r}")
    folder = Folder(out_dir, in_place)
    try:
        write_into(folder, files)
        return folder.finish(files.keys())
    except BaseException:
        folder.abort()
        raise


def write_into(folder: Folder, files: Mapping[str, bytes | None]) -> None:
    for name, data in files.items():
        if data is None:
            if not folder.has(name):
                raise FileNotFoundError(f"a kept page is missing from the output: {name}")
            folder.count(False)
        else:
            folder.count(folder.put(name, data))


def _write_changed(target: str, data: bytes, present: bool) -> bool:
    """Write ``target`` unless it (``present``) already holds ``data``; True if written."""
    if present and os.stat(target).st_size == len(data) and _read(target) == data:
        return False
    _replace(target, data)
    return True


def _replace(target: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temp = target + ".tmp"
    with open(temp, "wb") as handle:
        handle.write(data)
    # Replacing the link (not writing through it) leaves the old output's file intact.
    os.replace(temp, target)


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _swap(staging: Path, out_dir: Path, retired: Path) -> None:
    """Put the new site in place. With an atomic exchange there is no moment without a
    complete output/; elsewhere two renames leave one, briefly, and the next build heals it."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
    elif _exchange(staging, out_dir):
        # now the previous site: the new one is in place, so removing it is no reason to fail
        # the build (the next build removes what is left)
        shutil.rmtree(staging, ignore_errors=True)
    else:
        os.rename(out_dir, retired)
        try:
            os.rename(staging, out_dir)
        except OSError:
            os.rename(retired, out_dir)  # the previous site back: output/ as it was
            raise
        shutil.rmtree(retired, ignore_errors=True)
