"""Running a build as a child process: wall time, its peak RSS, and the peak of the memory
summed over it and every process it starts (PSS, sampled).

RSS counts a page shared by a forked worker and its parent once in each; PSS divides it
among them, so the PSS of a process tree adds up to the memory the tree really holds. Linux
gives no peak of a tree's PSS, so a thread reads /proc/<pid>/smaps_rollup of the child and
all its descendants every ``interval`` seconds and keeps the largest sum: a peak shorter
than the interval can be missed, so the figure is a lower bound, close for builds that
last many intervals.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.1


@dataclass(frozen=True)
class Child:
    seconds: float
    rss_mb: float  # the child's own peak resident set (ru_maxrss of wait4)
    pss_mb: float  # peak of the PSS summed over the child and its descendants, sampled
    returncode: int
    stdout: str
    stderr: str


def _parents() -> dict[int, int]:
    """{pid: parent pid} of every process (read from /proc/<pid>/stat)."""
    parents = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:  # gone meanwhile
            continue
        # The command name (field 2) may hold spaces and parentheses: split after its last ")".
        fields = stat[stat.rfind(b")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def tree(root: int) -> list[int]:
    """``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def pss_kb(pid: int) -> int:
    """A process's proportional set size in kB; 0 if it is gone (or not ours to read)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class PssPeak:
    """Samples the summed PSS of a process tree in a thread until stopped."""

    def __init__(self, pid: int, interval: float = INTERVAL) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PssPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        # Every 10 ms at first, slowing to ``interval``: a short build (Hugo's plain site takes
        # 0.1 s) is still seen, and a long one is not slowed by the sampling (2 ms a sample).
        wait = min(0.01, self.interval)
        while not self._stop.is_set():
            total = sum(pss_kb(pid) for pid in tree(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self.samples += 1
            self._stop.wait(wait)
            wait = min(self.interval, wait * 1.3)


def run_child(command: Sequence[str | Path], scratch: Path, env: dict[str, str] | None = None) -> Child:
    """Run ``command`` to completion: wall time, the child's own peak RSS, the tree's peak PSS."""
    scratch.mkdir(parents=True, exist_ok=True)
    out_path, err_path = scratch / "child.stdout", scratch / "child.stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in command], stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        try:
            with PssPeak(proc.pid) as pss:
                # wait4 reaps the child, after which its /proc entry is gone: the sampler's
                # last reading is of the running tree.
                _pid, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C or SIGTERM: end this child before the work folder goes
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    err_path.unlink()
    return Child(seconds, usage.ru_maxrss / 1024, pss.peak_kb / 1024, proc.returncode, stdout, stderr)


def failure(what: str, child: Child) -> str:
    lines = [line for line in child.stderr.strip().splitlines() if line.strip()]
    shown = lines[:1] + (["…", lines[-1]] if len(lines) > 2 else lines[1:])
    return f"{what} exited with status {child.returncode}: " + (" | ".join(shown) or "(no message)")


def folder_size(folder: Path) -> tuple[int, int]:
    """(files, bytes) under ``folder``: what a host such as GitHub Pages would publish."""
    files = size = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size
