"""`python build.py serve`: live preview that rebuilds on save and survives bad input.

A small WSGI app serves output/ (and nothing outside it); livereload watches the
sources (never output/), rebuilds through the same build(), and reloads the browser.
While the last build failed, every page shows its errors instead of stale content.
"""

from __future__ import annotations

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
from edition.errors import CHECK_THE_MACHINE, BuildError, Diagnostic, Loc
from edition.incremental import PageCache
from edition.overlay import OVERLAID, folders
from edition.pipeline import build

WATCHED = ("content", "templates", "static", "source", "site.toml")
StartResponse = Callable[..., Any]


class Preview:
    """The dev server's builds: each one the same build(), working again only on the articles
    whose files changed and rendering only the pages whose fingerprint changed
    (edition/incremental.py), writing output/ in place. One build at a time."""

    def __init__(self, root: Path, out_dir: Path, search: bool = False, index_at_start: bool = False) -> None:
        self.root = root
        self.out_dir = out_dir.resolve()
        self.errors: list[str] = []
        self.cache = PageCache()  # kept for the server's life
        self.search = search
        self.lock = threading.Lock()
        self.full_seconds = 0.0  # how long the last build took
        # Whether output/ has a search index: with ``index_at_start`` (the server) the first
        # build makes one even without --search, which later builds keep (stale for the text
        # edited since, never missing); the index is then kept, never deleted.
        self.indexed = not index_at_start

    def rebuild(self, changed: Sequence[str] = ()) -> bool:
        """Bring output/ up to date after a change (``changed``: the paths the watcher saw;
        unused, as every build looks at every file). True if output/ (or its errors) changed."""
        with self.lock, self._project_locked() as locked:
            return self._full() if locked else False

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

    def _full(self) -> bool:
        """One build; True if output/ changed (or its errors did)."""
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
            self.cache = PageCache()  # what it kept may be half made
            self._failed(BuildError([_internal_error(exc)]))
            return True
        finally:
            self.full_seconds = time.perf_counter() - start
        self.indexed = True
        self.errors = []
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        stats = result.stats
        return bool(before) or stats is None or bool(stats.written or stats.removed)

    def _failed(self, exc: BuildError) -> None:
        # A mistake that lasts over several saves is printed once, while it lasts (a good
        # build forgets it).
        errors = [str(d) for d in exc.diagnostics] or ["the build failed"]
        new = [line for line in errors if line not in self.errors]
        gone = sum(line not in errors for line in self.errors)
        self.errors = errors
        for line in new:
            print(line, file=sys.stderr)
        # ... and every failed build says so, and how many errors stand: an error fixed while
        # another stood printed nothing but the stage times (usage walk 14)
        still = f"{len(errors) - len(new)} printed before" if len(new) < len(errors) else ""
        done = f"{gone} gone since the last build" if gone else ""
        said = "; ".join(x for x in (still, done) if x)
        print(
            f"build failed: {len(errors)} error(s){f' ({said})' if said else ''}; the browser shows them until the next good build",
            file=sys.stderr,
        )

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
        # The explicit </head> is what the page reloads by: livereload puts its script before
        # '</head>' and nowhere else, so a page without one never hears of the next good build.
        return (
            "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Build failed</title></head>"
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


def _internal_error(exc: Exception) -> Diagnostic:
    """What the browser shows of an exception that is no mistake in the editor's files: its
    last line (a rendering worker's carries the whole traceback, which the terminal shows)."""
    said = (str(exc).strip().splitlines() or [""])[-1]
    if isinstance(exc, OSError):  # the machine's, not the generator's: a full disk, a permission
        return Diagnostic(
            Loc("(the build)"),
            f"the build could not read or write a file ({type(exc).__name__}: {said})",
            f"{CHECK_THE_MACHINE}, then save again",
        )
    return Diagnostic(
        Loc("(the build)"),
        f"the build stopped on an internal error ({type(exc).__name__}: {said})",
        "this is a bug of the generator, not of your files (the traceback is in the terminal); "
        "save again to retry, and please report it",
    )


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
    preview = Preview(root, root / "output", search, index_at_start=True)
    preview.rebuild()
    if not search:
        print(
            "search: the index made at start is kept; it does not follow your edits (serve --search remakes it on every save)",
            file=sys.stderr,
        )
    watched = watched_paths(root)
    server = Server(app=preview.app, watcher=told_watcher(watched, IOLoop.current))

    def changed() -> None:
        # Called by livereload on its own thread (the server's loop), which reloads the browser
        # when this returns.
        saw = server.watcher.filepath
        if preview.rebuild([saw] if saw else []):
            # livereload drops a reload within 3 s of the last one (or of its start), against a
            # burst of saves; each build here is one, so a save that changed the pages (a quick
            # fix on the 'Build failed' page) is always shown, never dropped.
            LiveReloadHandler._last_reload_time = 1.0  # long ago (0 would restart its watcher)

    for path in watched:
        server.watch(str(path), changed, delay=0.2)
    print(f"serving http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    server.serve(host=host, port=port, debug=False, open_url_delay=None)
    return 0


def watched_paths(root: Path) -> list[Path]:
    """The site's sources, and the generator's templates and static files where the site is
    another folder (edition/overlay.py; a templates/ or static/ the site gains while the
    server runs is seen after a restart: watching the whole project would watch output/)."""
    watched = [root / name for name in WATCHED if (root / name).exists()]
    return watched + [folder for name in OVERLAID for folder in folders(root, name) if folder not in watched]


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

    # A file (site.toml) is watched through its folder, for it alone: an editor that saves by
    # writing a new file and renaming it over the old one (vim, emacs, sed -i) replaces the
    # file a watch on it held, and the server saw none of its later saves.
    files = {str(p.resolve()) for p in paths if p.is_file()}
    folders = [p for p in paths if not p.is_file()]
    parents = sorted({str(Path(f).parent) for f in files})

    class Told(Watcher):  # type: ignore[misc]
        def start(self, callback: Callable[[], None]) -> bool:
            loop = current_loop()  # the server's loop: livereload starts its watcher on it

            def listen(where: Sequence[Path | str], **how: Any) -> None:
                for _changes in watchfiles.watch(*where, debounce=50, step=20, raise_interrupt=False, **how):
                    loop.add_callback(callback)

            if folders:
                threading.Thread(target=listen, args=(folders,), name="watch", daemon=True).start()
            if parents:
                only = {"recursive": False, "watch_filter": lambda _change, path: path in files}
                threading.Thread(target=listen, args=(parents,), kwargs=only, name="watch-files", daemon=True).start()
            # livereload queues a "__livereload__" entry at start that its first check returns
            # instead of looking at the files: spend it now, not on the first save.
            loop.add_callback(callback)
            return True  # livereload then polls only when told

    return Told()
