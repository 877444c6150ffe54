"""Each view speaks its own language where it had spoken another's (helper review, session 11):
the Chinese views' charts, the vocabulary's addresses in the views that have no vocabulary of
their own, and the search results' titles.

HTML assertions over the real edition (built without its index), and search in a real browser
over the invented two-date archive (tests/fixtures/archive), built with its index and served;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as tests/test_walk11_search.py is.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import SiteServer
from test_browser import Site, new_page
from test_search_words import search

from edition.pipeline import build
from edition.views import to_hant, use_traditional

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/archive"
VIEWS = ("", "zh/", "en/", "zh-hant/")
LATIN = re.compile("[A-Za-z]")
HAN = re.compile("[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built without its search index."""
    out = tmp_path_factory.mktemp("languages") / "output"
    result = build(ROOT, out, search=False)
    config = result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    return out


def read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_the_vocabularys_address_in_a_view_without_one_says_where_it_is_read(out: Path) -> None:
    """Found by the same review: the Simplified and English views' vocabulary addresses said the
    page had moved (本页已移至新地址, "This page has moved"); it never did: the parallel view's
    vocabulary serves them by design. They say so; an address that did move still says it moved."""
    words = "2020-05-25/p12/moyu/words/"
    zh, en = read(out, f"zh/{words}index.html"), read(out, f"en/{words}index.html")
    assert "<title>本文词汇表见中英对照版（简体中文词语，附英文释义）</title>" in zh and "移至" not in zh
    assert "<p>本文词汇表见中英对照版（简体中文词语，附英文释义）：<a href=" in zh
    assert "This article’s vocabulary is in the parallel view" in en and "moved" not in en
    assert f'<a href="../../../../../{words}">' in zh and f'<a href="../../../../../{words}">' in en
    assert "本页已移至新地址：" in read(out, "zh/articles/moyu/index.html")  # site.toml's [redirects]
    assert "This page has moved: " in read(out, "en/articles/moyu/index.html")


# --- search results' titles, in a browser -------------------------------------------------

# each result's title: its link's first text, before " — " and its passage's name
TITLES = "items => items.map(i => i.querySelector('a').firstChild.textContent.split(' — ')[0])"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The two-date archive, built with its search index, served at /archive/."""
    root = tmp_path_factory.mktemp("languages") / "served"
    site = shutil.copytree(FIXTURE, root.parent / "site")
    out = root / "archive"
    result = build(site, out)
    config = result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    with SiteServer(root, not_found=out / "404.html") as server:
        yield Site(result, root, out, f"{server.origin}/archive/", server.origin, "https://example.org/archive/")


@pytest.mark.browser
@pytest.mark.parametrize("view", VIEWS)
def test_search_results_are_titled_in_the_views_language(archive: Site, browser: Any, view: str) -> None:
    """Found by the same review: a result was titled in Chinese and English in every view
    ("朝阳区新增绿地120公顷 Chaoyang District Adds 120 Hectares of Green Space"). A Chinese view's
    results are titled in its Chinese (Traditional in the zh-Hant view), the English view's in
    English; the parallel view's keep both."""
    page = new_page(browser)
    page.goto(archive.url + view + "search/")
    count, _ = search(page, "朝陽區" if view == "zh-hant/" else "朝阳区")
    titles = page.eval_on_selector_all("#search-results li", TITLES)
    assert count > 0 and titles
    articles = {a.title_zh: a.title_en for a in archive.result.edition.articles}
    entities = {e.zh: e.en for e in archive.result.edition.entities}
    both = {f"{zh} {en}" for zh, en in [*articles.items(), *entities.items()]}
    for title in titles:
        if view == "":
            assert title in both, title
        elif view == "en/":
            assert not HAN.search(title) and title in {*articles.values(), *entities.values()}, title
        else:
            assert not LATIN.search(title), (view, title)
            simplified = {*articles, *entities}
            assert title in (simplified if view == "zh/" else {to_hant(t) for t in simplified}), (view, title)
    assert not page.errors
    page.context.close()
