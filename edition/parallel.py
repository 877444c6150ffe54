"""Work in a plain fork pool, one process per core: the articles' own work (``map_forked``),
then the pages, each worker rendering runs of them (``render_pages``; in the dev server
``each_page``, which fingerprints them and renders those that changed).

The workers are forked after the pages are planned and the templates compiled, so they
inherit everything and receive only the bounds of their runs. Each page goes to the sink
(the build's staging folder; the dev server's output/, in place) from the worker that made
it: an archive's pages are never all in memory, nor sent whole between processes. The
result is the same bytes in the same order as rendering them one by one.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from edition.errors import BuildError, Diagnostic, Loc
from edition.pages import Page

T = TypeVar("T")
R = TypeVar("R")
Render = Callable[[Page], bytes]
Sink = Callable[[str, bytes], bool]  # writes a page, True if its file changed

# Below this many pages a second process costs more than it saves.
PARALLEL_MIN = 400

_WORK: tuple[Sequence[Any], Callable[[Any], Any]] | None = None  # what the forked workers do

# Below this many articles a second process costs more than it saves.
MAP_MIN = 100
# A newspaper page's work (its witness cut by its layout) takes about 15 ms at 15 articles a page
# (1 s for 1,000 articles' 69 pages): below this many pages a fork costs more than it saves.
PAGES_MIN = 20


def _cores() -> int:
    """The processes to work in: one per core, or EDITION_WORKERS (1: no pool at all, for a
    machine whose memory two copies of a large archive's build would not fit)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    asked = os.environ.get("EDITION_WORKERS", "").strip()
    if not asked:
        return cores
    # more processes than cores only add copies of the build to the memory
    if not (asked.isascii() and asked.isdigit()) or not 1 <= int(asked) <= cores:
        hint = (
            f"set it to a number of processes from 1 (none beside the build's own) to {cores} (the cores), or unset it"
        )
        raise BuildError([Diagnostic(Loc("EDITION_WORKERS"), f"not a number of processes: {asked!r}", hint)])
    return int(asked)


def _die_with_parent() -> None:
    """A worker ends with the build (Linux): a build killed outright must not leave workers
    behind, asleep for ever or writing into a staging folder the next build is making anew."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: it ends at its next task
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def render_pages(
    pages: Sequence[Page],
    render: Render,
    sink: Sink,
    processes: int | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> list[bool]:
    """Render every page into ``sink``; for each page, whether its file changed."""
    return _forked(lambda page: sink(page.path, render(page)), pages, PARALLEL_MIN, processes, progress)


def each_page(fn: Callable[[Page], R], pages: Sequence[Page], processes: int | None = None) -> list[R]:
    """``fn`` of each page, in order, in forked workers: the dev server's fingerprints, and
    the renders of the pages whose fingerprint changed (edition/incremental.py)."""
    return _forked(fn, pages, PARALLEL_MIN, processes)


def map_forked(fn: Callable[[T], R], items: Sequence[T], processes: int | None = None) -> list[R]:
    """``fn`` of each item, in order, computed in forked workers that inherit everything and
    send back their results (pickled): for pure work whose results are small beside what it
    reads."""
    return _forked(fn, items, MAP_MIN, processes)


def map_pages(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """map_forked for work done a newspaper page at a time: a few pages are worth a fork."""
    return _forked(fn, items, PAGES_MIN)


def _forked(
    fn: Callable[[T], R],
    items: Sequence[T],
    minimum: int,
    processes: int | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> list[R]:
    """``fn`` of each item, in order, in runs of items a forked worker each. One process for
    fewer than ``minimum`` items, where there is no fork, or when called from within the work."""
    global _WORK
    processes = processes or _cores()
    one = processes < 2 or len(items) < minimum or "fork" not in multiprocessing.get_all_start_methods()
    if one or _WORK is not None:
        return [fn(item) for item in items]
    step = -(-len(items) // (processes * 4))
    bounds = [(start, min(start + step, len(items))) for start in range(0, len(items), step)]
    _WORK = (items, fn)
    # What the parent made lives to the end of the build: frozen, the collector of each worker
    # never walks it, and the workers' copies of its memory stay shared.
    gc.freeze()
    out: list[R] = []
    try:
        # An executor, not a Pool: a worker that dies (the OOM killer) fails the build
        # (BrokenProcessPool) instead of leaving it waiting for ever.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_die_with_parent) as pool:
            for part in pool.map(_run, bounds):
                out.extend(part)
                progress(len(out), len(items))
    except BrokenProcessPool:
        raise BuildError([_KILLED]) from None
    finally:
        _WORK = None
        gc.unfreeze()
    return out


# A worker gone without a word: killed, most often by the system for lack of memory.
_KILLED = Diagnostic(
    Loc("(the build)"),
    "a worker process of the build was killed (most often by the system, for lack of memory)",
    "build in one process with EDITION_WORKERS=1 (slower, about half the memory), or close other programs",
)


def _run(bounds: tuple[int, int]) -> list[Any]:
    assert _WORK is not None
    items, fn = _WORK
    try:
        return [fn(item) for item in items[bounds[0] : bounds[1]]]
    except (BuildError, OSError):
        # the editor's problems (a template's mistake) and the machine's (a full disk): they
        # cross to the parent whole, to be said as such
        raise
    except Exception:  # a bug: its traceback crosses as text (not every exception pickles)
        raise RuntimeError(f"in a worker of the build:\n{traceback.format_exc()}") from None
