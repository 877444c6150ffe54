"""One build at a time per project: a lock shared by `build` and `serve`.

Two builds at once would write the same staging folder and the same .cache/, and a build
swapping output/ under the dev server would lose the server's next write. The lock is an
advisory ``fcntl`` lock on ``.cache/build.lock``: the operating system releases it when its
process ends, however it ends (even ``kill -9``), so a stale lock file never blocks anyone.
The file says which process holds it, for the message of the one that waits.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from edition.errors import BuildError, Diagnostic, Loc

# How long a second build waits for the first before giving up (seconds): a build of the
# real edition takes about a second, a large archive's a few minutes.
DEFAULT_WAIT = 60.0


def lock_path(root: Path) -> Path:
    return root / ".cache" / "build.lock"


def _wait_seconds() -> float:
    try:
        return float(os.environ.get("EDITION_LOCK_WAIT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


def holder(root: Path) -> str:
    """Who holds the lock, as its file says: 'process 1234 (build)'."""
    try:
        text = lock_path(root).read_text(encoding="utf-8").split()
    except OSError:
        text = []
    if len(text) >= 2 and text[0].isdigit():
        return f"process {text[0]} ({' '.join(text[1:])})"
    return "another process"


@contextmanager
def project_lock(root: Path, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold the project's build lock for the body; wait up to ``wait`` seconds for it, then
    fail with one diagnostic naming the process that holds it (never a traceback)."""
    path = lock_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BuildError(
            [
                Diagnostic(
                    Loc(".cache/build.lock"),
                    f"cannot create the build lock: {exc.strerror}",
                    "the project folder must be writable by the build",
                )
            ]
        ) from None
    try:
        _acquire(fd, root, what, _wait_seconds() if wait is None else wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {what}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, root: Path, what: str, wait: float) -> None:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        who = holder(root)
        if time.monotonic() >= deadline:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(".cache/build.lock"),
                        f"another build of this project is running: {who}",
                        f"wait for it to finish and run the {what} again (a dev server holds the lock only while it rebuilds)",
                    )
                ]
            )
        if not told:
            print(f"waiting for {who} to finish its build of this project…", file=sys.stderr)
            told = True
        time.sleep(0.05)
