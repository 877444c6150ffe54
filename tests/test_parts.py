"""An archive's long pages in parts (edition/parts.py): the figures appendix and entity pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_incremental import tree
from test_links import broken_links, parse

from bench.generate import generate
from edition import parts
from edition.pipeline import build
from edition.serve import Preview

ARTICLES = 5  # an appendix part: the page's own figures and four articles'
ROWS = 6  # an entity page part


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts small enough for a 24-article archive to have many."""
    monkeypatch.setattr(parts, "APPENDIX_ARTICLES", ARTICLES)
    monkeypatch.setattr(parts, "MENTIONS_PER_PART", ROWS)


@pytest.fixture
def archive(tmp_path: Path, small_parts: None) -> Iterator[tuple[Path, Path]]:
    corpus = generate(24, tmp_path / "corpus")
    out = tmp_path / "out"
    result = build(corpus, out, search=False)
    assert not [w for w in result.warnings if "part" in w.message]
    yield corpus, out


def appendix_parts(out: Path) -> int:
    """How many parts the archive's appendix has (figures/, figures/2/, ...)."""
    return 1 + sum(1 for p in (out / "figures").iterdir() if p.is_dir() and p.name.isdigit())


def test_row_parts_keep_articles_whole_and_cover_every_row() -> None:
    assert parts.row_parts([]) == [(0, 0, 0, 0)]
    runs = [150, 200, 100, 500, 30, 30]
    found = parts.row_parts(runs)
    assert found == [(0, 350, 0, 2), (350, 450, 2, 3), (450, 950, 3, 4), (950, 1010, 4, 6)]
    assert all(end - start <= parts.MENTIONS_PER_PART or last - first == 1 for start, end, first, last in found)


def test_every_link_of_a_paginated_archive_resolves(archive: tuple[Path, Path]) -> None:
    _, out = archive
    n = appendix_parts(out)
    assert n >= 5  # 24 articles and the newspaper pages' own blocks, five a part
    assert (out / f"figures/{n}/index.html").is_file() and not (out / f"figures/{n + 1}").exists()
    broken = broken_links(out)
    assert not broken, "\n".join(broken[:30])


def test_each_figure_links_to_the_part_that_lists_it(archive: tuple[Path, Path]) -> None:
    _, out = archive
    rows: dict[str, str] = {}
    for n in range(1, appendix_parts(out) + 1):
        path = "figures/" if n == 1 else f"figures/{n}/"
        for row in re.findall(r'<(?:tr|li) id="([^"]+)"', (out / path / "index.html").read_text(encoding="utf-8")):
            assert row not in rows, f"{row} listed twice"
            rows[row] = path
    marks = 0
    for page in out.glob("[0-9]*/p*/*/index.html"):  # every article of every newspaper page
        for link in parse(page).links:
            if "figures/" in link and "#" in link:
                target, _, row = link.rpartition("#")
                assert target.endswith(rows[row]), f"{page}: {link} but {row} is in {rows[row]}"
                marks += 1
    assert marks > 24


def test_an_entity_page_in_parts_lists_every_mention_once(archive: tuple[Path, Path]) -> None:
    _, out = archive
    # the entity named most often: its page comes in parts
    first = max(out.glob("entity/*/index.html"), key=lambda p: sum(1 for _ in p.parent.glob("*/index.html")))
    html = first.read_text(encoding="utf-8")
    total = int(re.search(r"<h2[^>]*>Mentions \((\d+)\)</h2>", html).group(1))  # type: ignore[union-attr]
    assert len(re.findall(r'class="parts"', html)) == 2  # above and below the list
    assert len(re.findall(r'<nav class="parts"', html)) == 1  # one landmark of that name
    pages = sorted((first.parent).glob("*/index.html"), key=lambda p: int(p.parent.name))  # entity/<id>/2/ ...
    assert len(pages) >= 2
    listed = 0
    start = 1
    for page in [first, *pages]:
        text = page.read_text(encoding="utf-8")
        items = len(re.findall(r"^<li>$", text, flags=re.MULTILINE))
        if page is not first:
            assert re.search(rf'<ol class="mentions"[^>]* start="{start}">', text), page
            assert 'aria-current="page"' in text
        # each part's first mention says its date and page (review: a part began without them)
        assert re.search(r'<ol class="mentions"[^>]*>\s*<li>\s*<a [^>]*>[^<]*<span class="where">\(', text), page
        listed += items
        start += items
    assert listed == total


def test_paginated_archive_edited_in_the_dev_server_equals_a_clean_build(tmp_path: Path, small_parts: None) -> None:
    corpus = generate(24, tmp_path / "corpus")
    preview = Preview(corpus, tmp_path / "served")
    preview.rebuild()
    assert not preview.errors, preview.errors
    # an edit to the translation of an article in the third part of the appendix (a change
    # to the Chinese would have to be declared as an emendation: the witness is the text)
    en = next((corpus / "content").rglob("*a00012.en.md"))
    en.write_text(en.read_text(encoding="utf-8").rstrip("\n") + " So the report ends.\n", encoding="utf-8")
    preview.rebuild()
    assert not preview.errors, preview.errors
    clean = tmp_path / "clean"
    build(corpus, clean, search=False)
    assert tree(tmp_path / "served") == tree(clean)


def test_see_also_says_where_an_article_on_another_page_stands(archive: tuple[Path, Path]) -> None:
    """An archive's "see also" names the date and page of an article on another page, and of
    none on the article's own (third review: it listed articles of other dates as if here)."""
    _, out = archive
    items = [
        (page.parent.parent.as_posix(), item)
        for page in out.glob("en/????-??-??/p*/*/index.html")
        for item in re.findall(r'<li><a href="([^"]*)">[^<]*</a>(.*?) — ', page.read_text(encoding="utf-8"))
    ]
    elsewhere = [where for _, (href, where) in items if href.startswith("../../../")]
    here = [where for _, (href, where) in items if href.startswith("../a")]
    assert elsewhere and here  # the generated archive has both
    assert all(re.fullmatch(r' <span class="where">\(\d+ \w+ \d{4}, page&nbsp;\d+\)</span>', w) for w in elsewhere)
    assert not any(here)
