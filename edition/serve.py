"""`python build.py serve`: live preview that rebuilds on save and survives bad input.

A small WSGI app serves output/ (and nothing outside it); livereload watches the
sources (never output/), rebuilds through the same build(), and reloads the browser.
While the last build failed, every page shows its errors instead of stale content.
"""

from __future__ import annotations

import html
import mimetypes
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from edition.cache import BuildCache
from edition.errors import BuildError
from edition.pipeline import build

WATCHED = ("content", "templates", "static", "source", "site.toml")
StartResponse = Callable[..., Any]


class Preview:
    def __init__(self, root: Path, out_dir: Path, search: bool = False) -> None:
        self.root = root
        self.out_dir = out_dir.resolve()
        self.errors: list[str] = []
        # Kept for the server's life: an edit re-parses one file and re-renders the pages it touches.
        self.cache = BuildCache()
        self.search = search

    def rebuild(self) -> None:
        try:
            result = build(
                self.root,
                self.out_dir,
                log=lambda m: print(m, file=sys.stderr),
                search=self.search,
                cache=self.cache,
                in_place=True,
            )
        except BuildError as exc:
            self.errors = [str(d) for d in exc.diagnostics] or ["the build failed"]
            for line in self.errors:
                print(line, file=sys.stderr)
            print("build failed; the browser shows the errors until the next good build", file=sys.stderr)
            return
        self.errors = []
        for warning in result.warnings:
            print(warning, file=sys.stderr)

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

    preview = Preview(root, root / "output", search)
    preview.rebuild()
    server = Server(app=preview.app)
    for name in WATCHED:
        server.watch(str(root / name), preview.rebuild, delay=0.2)
    print(f"serving http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    server.serve(host=host, port=port, debug=False, open_url_delay=None)
    return 0
