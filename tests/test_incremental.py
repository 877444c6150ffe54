"""Issue 8: a rebuild that reuses the last build's work gives the bytes of a clean build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.cache import BuildCache
from edition.errors import BuildError
from edition.pipeline import build
from edition.serve import Preview


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    # an article's Chinese, corrected and declared (the translation is then outdated)
    "article": lambda s: (
        append(
            s / "content/2020-05-25/p12/04-moyu.zh.md",
            "blocks:  #",
            "emendations:\n- {block: p2, source: 举全区, reading: 举全区全部, reason: test}\nblocks:  #",
        )
        or append(s / "content/2020-05-25/p12/04-moyu.zh.md", "继续举全区之力", "继续举全区全部之力")
    ),
    "translation": lambda s: append(
        s / "content/2020-05-25/p12/02-urban-renewal.en.md", "Wenyu River Park", "the Wenyu River Park"
    ),
    "glossary": lambda s: append(
        s / "content/entities.yaml", "Head (区长) of Chaoyang District", "The head (区长) of Chaoyang District"
    ),
    "template": lambda s: append(
        s / "templates/article.html", '<article class="article"', '<article class="article edited"'
    ),
    "static": lambda s: append(
        s / "static/edition.css", "/* The edition's only stylesheet", "/* Edited. The edition's only stylesheet"
    ),
    "site.toml": lambda s: append(
        s / "site.toml", 'editors = "The edition team"', 'editors = "The edition team (Chaoyang)"'
    ),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_dev_server_rebuild_equals_a_clean_build(site: Path, tmp_path: Path, kind: str) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert not preview.errors
    EDITS[kind](site)
    preview.rebuild()
    assert not preview.errors, preview.errors
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    assert tree(site / "output") == tree(clean)


@pytest.mark.parametrize("kind", ["article", "glossary", "template"])
def test_command_line_rebuild_with_the_disk_cache_equals_a_clean_build(site: Path, tmp_path: Path, kind: str) -> None:
    out = site / "output"
    cache = BuildCache.load(site / ".cache", str(out))
    build(site, out, search=False, cache=cache)
    cache.save(site / ".cache")
    EDITS[kind](site)
    cache = BuildCache.load(site / ".cache", str(out))
    result = build(site, out, search=False, cache=cache)
    assert result.stats is not None
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    assert tree(out) == tree(clean)


def test_an_edit_renders_only_the_pages_it_touches(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    before = tree(site / "output")
    EDITS["translation"](site)
    preview.rebuild()
    after = tree(site / "output")
    changed = {p for p in after if after[p] != before.get(p)}
    # the urban-renewal pages (4 views) and the pages that show that passage: home, entity
    # pages quoting it, the figures appendix does not change; search and exports do.
    assert "2020-05-25/p12/urban-renewal/index.html" in changed
    assert "2020-05-25/p12/moyu/index.html" not in changed
    assert "entity/wang-hao/index.html" not in changed
    assert preview.cache.hits >= 9  # every other content file came from the cache


def test_a_failed_rebuild_keeps_the_server_and_its_cache(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    good = tree(site / "output")
    (site / "content/2020-05-25/p12/04-moyu.zh.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    preview.rebuild()
    assert preview.errors and "content/2020-05-25/p12/04-moyu.zh.md:3" in preview.errors[0]
    assert tree(site / "output") == good
    page = b"".join(preview.app({"PATH_INFO": "/2020-05-25/p12/moyu/"}, lambda *_: None))
    assert b"Build failed" in page and b"content/2020-05-25/p12/04-moyu.zh.md:3" in page
    with pytest.raises(BuildError):
        build(site, None, search=False)


def test_the_server_serves_nothing_outside_output(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert preview.resolve("/../site.toml") is None
    assert preview.resolve("/%2e%2e/site.toml") is None
    assert preview.resolve("/2020-05-25/p12/moyu/") is not None
    status: list[str] = []
    body = b"".join(preview.app({"PATH_INFO": "/../../etc/passwd"}, lambda s, h: status.append(s)))
    assert status == ["404 Not Found"] and b"root:" not in body
