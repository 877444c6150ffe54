"""Work in a plain fork pool, one process per core: the articles' own work (``map_forked``),
then the pages, each worker rendering runs of them (``render_pages``).

The workers are forked after the pages are planned and the templates compiled, so they
inherit everything and receive only the bounds of their runs. Each page goes to the sink
(the build's staging folder) from the worker that made it: an archive's pages are never
all in memory, nor sent whole between processes. The result is the same bytes in the same
order as rendering them one by one.
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
from typing import Any, TypeVar

from edition.errors import BuildError
from edition.pages import Page

T = TypeVar("T")
R = TypeVar("R")
Render = Callable[[Page], bytes]
Sink = Callable[[str, bytes], bool]  # writes a page, True if its file changed

# Below this many pages a second process costs more than it saves.
PARALLEL_MIN = 400

_WORK: tuple[Sequence[Page], Render, Sink] | None = None
_MAP: tuple[Sequence[Any], Callable[[Any], Any]] | None = None

# Below this many items of work a second process costs more than it saves.
MAP_MIN = 100


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _die_with_parent() -> None:
    """A worker ends with the build (Linux): a build killed outright must not leave workers
    behind, asleep for ever or writing into a staging folder the next build is making anew."""
    with contextlib.suppress(OSError, AttributeError):  # not Linux: it ends at its next task
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _run(bounds: tuple[int, int]) -> list[bool]:
    assert _WORK is not None
    pages, render, sink = _WORK
    return [sink(page.path, render(page)) for page in pages[bounds[0] : bounds[1]]]


def render_pages(
    pages: Sequence[Page],
    render: Render,
    sink: Sink,
    processes: int | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
) -> list[bool]:
    """Render every page into ``sink``; for each page, whether its file changed."""
    global _WORK
    processes = processes or _cores()
    if processes < 2 or len(pages) < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return [sink(page.path, render(page)) for page in pages]
    step = -(-len(pages) // (processes * 4))
    bounds = [(start, min(start + step, len(pages))) for start in range(0, len(pages), step)]
    _WORK = (pages, render, sink)
    # What the parent made lives to the end of the build: frozen, the collector of each worker
    # never walks it, and the workers' copies of its memory stay shared.
    gc.freeze()
    changed: list[bool] = []
    try:
        # An executor, not a Pool: a worker that dies (the OOM killer) fails the build
        # (BrokenProcessPool) instead of leaving it waiting for ever.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_die_with_parent) as pool:
            for part in pool.map(_run, bounds):
                changed.extend(part)
                progress(len(changed), len(pages))
    finally:
        _WORK = None
        gc.unfreeze()
    return changed


def _map_run(bounds: tuple[int, int]) -> list[Any]:
    assert _MAP is not None
    items, fn = _MAP
    try:
        return [fn(item) for item in items[bounds[0] : bounds[1]]]
    except BuildError:
        raise  # the editor's problems: they cross to the parent whole
    except Exception:  # a bug: its traceback crosses as text (not every exception pickles)
        raise RuntimeError(f"in a worker of the articles' work:\n{traceback.format_exc()}") from None


def map_forked(fn: Callable[[T], R], items: Sequence[T], processes: int | None = None) -> list[R]:
    """``fn`` of each item, in order, computed in forked workers that inherit everything and
    send back their results (pickled): for pure work whose results are small beside what it
    reads. One process for little work or where there is no fork."""
    global _MAP
    processes = processes or _cores()
    one = processes < 2 or len(items) < MAP_MIN or "fork" not in multiprocessing.get_all_start_methods()
    if one or _MAP is not None:  # (called again from within the work: in this process)
        return [fn(item) for item in items]
    step = -(-len(items) // (processes * 4))
    bounds = [(start, min(start + step, len(items))) for start in range(0, len(items), step)]
    _MAP = (items, fn)
    gc.freeze()
    out: list[R] = []
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context, initializer=_die_with_parent) as pool:
            for part in pool.map(_map_run, bounds):
                out.extend(part)
    finally:
        _MAP = None
        gc.unfreeze()
    return out
