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
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def safe_relative(path: str) -> bool:
    """True if ``path`` stays inside the output folder (no "..", no absolute path)."""
    return bool(path) and not path.startswith("/") and "\\" not in path and ".." not in path.split("/")


def write_output(files: Mapping[str, bytes | None], out_dir: Path, in_place: bool = False) -> WriteStats:
    """Make out_dir hold exactly ``files`` (None: keep the file the previous build wrote)."""
    for name in files:
        if not safe_relative(name):
            raise ValueError(f"refusing to write outside the output folder: {name!r}")
    out_dir = out_dir.resolve()
    if in_place and out_dir.is_dir():
        return _sync(files, out_dir)
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f".{out_dir.name}.next"
    retired = parent / f".{out_dir.name}.old"
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    if out_dir.is_dir():
        shutil.copytree(out_dir, staging, copy_function=os.link, symlinks=True)
    else:
        staging.mkdir()
    stats = _sync(files, staging)
    _swap(staging, out_dir, retired)
    return stats


def write_some(files: Mapping[str, bytes], out_dir: Path) -> int:
    """Replace these files of out_dir (each whole, through a rename), leaving every other
    file as it is: the dev server's quick look. Returns how many changed."""
    written = 0
    for name, data in files.items():
        if not safe_relative(name):
            raise ValueError(f"refusing to write outside the output folder: {name!r}")
        target = os.path.join(out_dir, name)
        if os.path.isfile(target) and os.stat(target).st_size == len(data) and _read(target) == data:
            continue
        _replace(target, data)
        written += 1
    return written


def _replace(target: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    temp = target + ".tmp"
    with open(temp, "wb") as handle:
        handle.write(data)
    # Replacing the link (not writing through it) leaves the old output's file intact.
    os.replace(temp, target)


def _sync(files: Mapping[str, bytes | None], folder: Path) -> WriteStats:
    """Write what changed (each file through a temporary file and a rename), remove the rest.

    The folder is listed once (os.walk), so a site of tens of thousands of files where one
    page changed costs one listing, not a stat of every file."""
    written = unchanged = removed = 0
    root = os.fspath(folder)
    present: set[str] = set()
    folders: list[tuple[str, list[str], list[str]]] = list(os.walk(root, topdown=False))
    for dirpath, _dirs, names in folders:
        prefix = dirpath[len(root) + 1 :].replace(os.sep, "/")
        present.update(f"{prefix}/{n}" if prefix else n for n in names)
    for name, data in files.items():
        target = os.path.join(root, name)
        if data is None:
            if name not in present:
                raise FileNotFoundError(f"a kept page is missing from the output: {name}")
            unchanged += 1
            continue
        if name in present and os.stat(target).st_size == len(data) and _read(target) == data:
            unchanged += 1
            continue
        _replace(target, data)
        written += 1
    # Folders that may now be empty: those that were, and those a removed file stood in.
    maybe_empty = {dirpath for dirpath, dirs, names in folders if not dirs and not names}
    for name in sorted(present - files.keys()):
        path = os.path.join(root, name)
        os.unlink(path)
        maybe_empty.add(os.path.dirname(path))
        removed += 1
    for dirpath, _dirs, _names in folders:  # deepest first, so that a parent emptied here goes too
        if dirpath != root and dirpath in maybe_empty and not os.listdir(dirpath):
            os.rmdir(dirpath)
            maybe_empty.add(os.path.dirname(dirpath))
    return WriteStats(written, unchanged, removed)


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
        shutil.rmtree(staging)  # now the previous site
    else:
        os.rename(out_dir, retired)
        os.rename(staging, out_dir)
        shutil.rmtree(retired)
