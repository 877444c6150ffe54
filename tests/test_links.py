"""Every internal link and anchor of the built site resolves (no browser needed)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from edition.pipeline import BuildResult

Built = tuple[BuildResult, Path]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for key in ("href", "src"):
            value = values.get(key)
            if value and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(value)


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_no_broken_internal_link_or_anchor(built: Built) -> None:
    _, out = built
    broken = broken_links(out)
    assert not broken, "\n".join(broken[:30])


def broken_links(out: Path) -> list[str]:
    """Every internal link or anchor of the site in ``out`` that leads nowhere."""
    pages = {p.relative_to(out).as_posix(): parse(p) for p in out.rglob("*.html")}
    broken: list[str] = []
    for name, page in pages.items():
        if name == "404.html":  # absolute links by design (served at any depth); see test_404
            continue
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path))) if parts.path else name
            )
            if parts.path.endswith("/") or (out / target).is_dir():
                target = posixpath.normpath(posixpath.join(target, "index.html"))
            if not (out / target).is_file():
                broken.append(f"{name}: {link} (no file {target})")
                continue
            if parts.fragment and target.endswith(".html") and parts.fragment not in pages[target].ids:
                broken.append(f"{name}: {link} (no id {parts.fragment!r} in {target})")
    return broken


def test_404_links_are_absolute_under_the_base_path(built: Built) -> None:
    result, out = built
    base = result.edition.config.base_path
    links = [link for link in parse(out / "404.html").links if not link.startswith(("http", "#"))]
    assert links and all(link.startswith(base) for link in links), links
