"""`python build.py serve`: live preview that rebuilds on save and survives bad input.

A small WSGI app serves output/ (and nothing outside it); livereload watches the
sources (never output/), rebuilds through the same build(), and reloads the browser.
While the last build failed, every page shows its errors instead of stale content.
"""

from __future__ import annotations

import gc
import html
import mimetypes
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from edition.buildlock import project_lock
from edition.cache import BuildCache
from edition.errors import BuildError, Diagnostic, Loc
from edition.pipeline import build
from edition.quick import quick_pages
from edition.write import write_some

WATCHED = ("content", "templates", "static", "source", "site.toml")
StartResponse = Callable[..., Any]


class Preview:
    """The dev server's builds. An edit to one article's file is shown first by the quick
    look (edition/quick.py: that article's pages, at once), then the full incremental build
    brings the rest of output/ up to date: in a background thread when ``background`` (the
    server, which reloads the browser again if that build changed anything), else before
    rebuild() returns (tests, the benchmark). One build at a time."""

    def __init__(
        self, root: Path, out_dir: Path, search: bool = False, background: bool = False, index_at_start: bool = False
    ) -> None:
        self.root = root
        self.out_dir = out_dir.resolve()
        self.errors: list[str] = []
        # Kept for the server's life: an edit re-parses one file and re-renders the pages it touches.
        self.cache = BuildCache()
        self.search = search
        self.background = background
        self.lock = threading.Lock()
        # Whether output/ has a search index: with ``index_at_start`` (the server) the first
        # full build makes one even without --search, which later builds keep (stale for the
        # text edited since, never missing); the index is then kept, never deleted.
        self.indexed = not index_at_start
        # Seconds the last quick look (None: there was none) and the last full build took.
        self.quick_seconds: float | None = None
        self.full_seconds = 0.0

    def rebuild(self, changed: Sequence[str] = (), reload: Callable[[], None] | None = None) -> None:
        """Bring output/ up to date after a change to ``changed`` (paths, as the watcher saw
        them; empty: unknown). ``reload``: called after a background build that changed output/."""
        with self.lock, self._project_locked() as locked:
            if not locked:
                return
            self.quick_seconds = None
            shown = len(changed) == 1 and self._quick(Path(changed[0]))
            if not (shown and self.background):
                self._full()
                return
        threading.Thread(target=self._full_in_background, args=(reload,), daemon=True).start()

    def _quick(self, path: Path) -> bool:
        """The quick look at the edited article; False where it does not apply."""
        snapshot = self.cache.snapshot
        if snapshot is None:
            return False
        start = time.perf_counter()
        collecting = gc.isenabled()
        gc.disable()  # a few milliseconds of work: no collection of the whole heap in the middle
        try:
            pages = quick_pages(snapshot, path.resolve(), self.cache)
            if pages is None:
                return False
            write_some(pages, self.out_dir)
            # These pages are no longer those the last full build vouched for: the next one renders them.
            for page in pages:
                self.cache.fingerprints.pop(page, None)
        except BuildError as exc:
            self._failed(exc)
            return True  # its errors are shown; the full build gives the whole list
        except Exception as exc:  # a shortcut that fails must not stop the server
            print(f"quick look skipped ({type(exc).__name__}: {exc}); the full build follows", file=sys.stderr)
            return False
        finally:
            if collecting:
                gc.enable()
        self.errors = []
        self.quick_seconds = time.perf_counter() - start
        print(
            f"quick      {1000 * self.quick_seconds:7.1f} ms  {len(pages)} pages of the edited article", file=sys.stderr
        )
        return True

    @contextmanager
    def _project_locked(self) -> Iterator[bool]:
        """The project's build lock (edition/buildlock.py), held while this server writes
        output/: a command-line build then waits for it, and never swaps the folder mid-write.
        False (the failure shown like a build's) when another build holds it too long."""
        with ExitStack() as stack:
            try:
                stack.enter_context(project_lock(self.root, "serve"))
            except BuildError as exc:
                self._failed(exc)
                yield False
                return
            yield True

    def _full_in_background(self, reload: Callable[[], None] | None) -> None:
        with self.lock, self._project_locked() as locked:
            changed = self._full() if locked else False
        if changed and reload is not None:
            reload()

    def _full(self) -> bool:
        """The whole incremental build; True if output/ changed (or its errors did)."""
        start = time.perf_counter()
        before = list(self.errors)
        try:
            result = build(
                self.root,
                self.out_dir,
                log=lambda m: print(m, file=sys.stderr),
                search=self.search or not self.indexed,
                cache=self.cache,
                in_place=True,
            )
        except BuildError as exc:
            self._failed(exc)
            return self.errors != before
        except Exception as exc:  # a bug of the build: the preview says so instead of going stale
            traceback.print_exc()
            self.cache = BuildCache()  # what it kept may be half made
            self._failed(
                BuildError(
                    [
                        Diagnostic(
                            Loc("(the build)"),
                            f"the build stopped on an internal error ({type(exc).__name__}: {exc})",
                            "this is a bug of the generator, not of your files (the traceback is in the terminal); "
                            "save again to retry, and please report it",
                        )
                    ]
                )
            )
            return True
        finally:
            self.full_seconds = time.perf_counter() - start
        self.errors = []
        self.indexed = True
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        if self.cache.snapshot is not None:
            self.cache.snapshot.index.naming  # noqa: B018 - made now, not during the next quick look
        # What this build keeps for the next (the memo, the snapshot) is out of the cyclic
        # collector's way: a full collection of an archive's objects would otherwise fall,
        # now and then, into the quick look and cost it more than all its work.
        gc.freeze()
        stats = result.stats
        return bool(before) or stats is None or bool(stats.written or stats.removed)

    def _failed(self, exc: BuildError) -> None:
        # The quick look and the full build that follows it report the same mistakes: each
        # is printed once, while it lasts (a good build forgets them).
        errors = [str(d) for d in exc.diagnostics] or ["the build failed"]
        new = [line for line in errors if line not in self.errors]
        self.errors = errors
        for line in new:
            print(line, file=sys.stderr)
        if new:
            print("build failed; the browser shows the errors until the next good build", file=sys.stderr)

    def resolve(self, url_path: str) -> Path | None:
        """The file for a URL path, or None; never a file outside output/."""
        candidate = (self.out_dir / url_path.lstrip("/")).resolve()
        if not candidate.is_relative_to(self.out_dir):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def error_page(self) -> bytes:
        items = "\n".join(f"<li><code>{html.escape(e)}</code></li>" for e in self.errors)
        return (
            "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Build failed</title>"
            "<body style='font-family:sans-serif;max-width:60rem;margin:2rem auto'>"
            f"<h1>Build failed</h1><p>Fix these and save; this page reloads itself.</p><ul>{items}</ul></body></html>"
        ).encode()

    def app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if self.errors and (path.endswith("/") or path.endswith(".html")):
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [self.error_page()]
        target = self.resolve(path)
        if target is None:
            if not path.endswith("/") and self.resolve(path + "/") is not None:
                start_response("301 Moved Permanently", [("Location", path + "/")])
                return [b""]
            missing = self.resolve("404.html")
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
            return [missing.read_bytes() if missing else b"not found"]
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        start_response("200 OK", [("Content-Type", kind)])
        return [target.read_bytes()]


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, search: bool = False) -> int:
    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    taken = _port_taken(host, port)
    if taken:
        print(
            f"serve: cannot listen on {host}:{port} ({taken}) — another server (perhaps another 'serve') is using it: "
            f"stop it, or choose another port with --port {port + 1}",
            file=sys.stderr,
        )
        return 1
    preview = Preview(root, root / "output", search, background=True, index_at_start=True)
    preview.rebuild()
    watched = [root / name for name in WATCHED if (root / name).exists()]
    server = Server(app=preview.app, watcher=told_watcher(watched, IOLoop.current))

    def changed() -> None:
        # Called by livereload on its own thread (the server's loop), which reloads the browser
        # when this returns; a background build that changes output/ reloads it once more.
        loop = IOLoop.current()
        saw = server.watcher.filepath
        preview.rebuild([saw] if saw else [], lambda: loop.add_callback(LiveReloadHandler.reload_waiters))

    for path in watched:
        server.watch(str(path), changed, delay=0.2)
    if not search:
        print(
            "search: the index made at start is kept; it does not follow your edits (serve --search remakes it on every save)",
            file=sys.stderr,
        )
    print(f"serving http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    server.serve(host=host, port=port, debug=False, open_url_delay=None)
    return 0


def _port_taken(host: str, port: int) -> str:
    """Why the server could not listen there ('' if it can): said before the first build,
    instead of a traceback after it."""
    import socket

    try:
        with socket.create_server((host, port)):
            return ""
    except OSError as exc:
        return os.strerror(exc.errno) if exc.errno else str(exc)


def told_watcher(paths: Sequence[Path], current_loop: Callable[[], Any]) -> Any:
    """livereload's watcher, told of a change by the operating system (watchfiles: inotify on
    Linux) instead of looking at every file every 0.8 s: a save is seen in tens of
    milliseconds, and an archive of thousands of files is not stat-ed five times a second.
    livereload still finds which file changed (its own check), then calls the build."""
    import watchfiles
    from livereload.watcher import Watcher

    class Told(Watcher):  # type: ignore[misc]
        def start(self, callback: Callable[[], None]) -> bool:
            loop = current_loop()  # the server's loop: livereload starts its watcher on it

            def listen() -> None:
                for _changes in watchfiles.watch(*paths, debounce=50, step=20, raise_interrupt=False):
                    loop.add_callback(callback)

            threading.Thread(target=listen, name="watch", daemon=True).start()
            # livereload queues a "__livereload__" entry at start that its first check returns
            # instead of looking at the files: spend it now, not on the first save.
            loop.add_callback(callback)
            return True  # livereload then polls only when told

    return Told()
