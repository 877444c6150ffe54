"""Usage walk 11, search: in an archive each result names its newspaper page; the front page's
own text is found at its own passages; the interface's words around the text are not found.

In a real browser over the invented two-date archive (tests/fixtures/archive), built with its
index and served here, and over the real edition as tests/test_search_words.py serves it;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_browser import Site, new_page
from test_search_words import search

from edition.refs import long_date

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "archive"
# each result: its link's address, its link's text (without the note of one that opens the parallel
# page, test_search_excerpts.py), the text of its .where, and that one's lang marks
LINKS = """items => items.map(i => { const a = i.querySelector('a'), w = a.querySelector('.where');
  const named = a.cloneNode(true); named.querySelector('.other')?.remove();
  return [a.getAttribute('href'), named.textContent, w ? w.textContent : null,
          w ? [...w.querySelectorAll('[lang]')].map(s => [s.lang, s.textContent]) : []]; })"""
PAGES = {"2021-01-04/p01/": ("2021-01-04", 1), "2021-01-05/p02/": ("2021-01-05", 2)}


@pytest.fixture
def archive(served_archive: Site) -> Site:
    return served_archive  # (conftest.py: built and served once for the session)


def results(page: Any) -> list[tuple[str, str, str | None, list[list[str]]]]:
    return [tuple(r) for r in page.eval_on_selector_all("#search-results li", LINKS)]  # type: ignore[misc]


def expected_where(view: str, date: str, number: int) -> str:
    """The page as page_date names it in a view: "4 January 2021, page 1 2021年1月4日 第1版"."""
    en, zh = f"{long_date(date, 'en')}, page\u00a0{number}", f"{long_date(date, 'zh')} 第{number}版"
    return {"": f"{en} {zh}", "en/": en}.get(view, zh)


@pytest.mark.parametrize("view", ["", "zh/", "zh-hant/", "en/"])
def test_an_archives_results_name_their_newspaper_page(archive: Site, browser: Any, view: str) -> None:
    """Found by usage walk 11: "朝阳区新增绿地120公顷 Chaoyang District Adds… — Parks ¶1", with no
    date or page, in every view; two articles of one headline on two dates looked the same.
    Each result on a newspaper page (its front or an article of it) says which, as the view's
    other pages do ("4 January 2021, page 1", "2021年1月4日 第1版"), its Chinese marked as
    Chinese; a page of names, on no one page, says none."""
    page = new_page(browser)
    page.goto(archive.url + view + "search/")
    search(page, "朝陽區" if view == "zh-hant/" else "朝阳区")
    found = results(page)
    dated = 0
    for href, text, where, marks in found:
        # (in its view, or in the parallel view where only the other language holds the query)
        key = next((k for k in PAGES if f"/archive/{view}{k}" in href or f"/archive/{k}" in href), None)
        if key is None:
            assert where is None and "/entity/" in href, (view, href, text)
            continue
        assert where is not None, (view, href, text)
        brackets = "()" if view in ("", "en/") else "（）"  # the view's own
        assert where == f"{brackets[0]}{expected_where(view, *PAGES[key])}{brackets[1]}", (view, href, where)
        assert text.endswith(where)
        if view != "en/":
            assert marks and marks[0][0].startswith("zh") and marks[0][1] in where, (view, marks)
        dated += 1
    assert dated >= 4 and {k for k in PAGES if any(k in h for h, *_ in found)} == set(PAGES), found
    assert any("/entity/chaoyang-district/" in h for h, *_ in found)
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("query", ["Chaoyang District", "朝阳区", "Adds 120 Hectares"])
def test_the_front_pages_own_text_is_found_at_its_passages_only(archive: Site, browser: Any, query: str) -> None:
    """Found by usage walk 11: "Chaoyang District" and 朝阳区 found "page masthead 2" first on
    every search page: a front page whose headline is not printed has its title (from
    page.toml) as its heading, and search took it for the masthead's words. Each result that
    opens a passage is found in that passage's own text (an English query: one of its words)."""
    page = new_page(browser)
    page.goto(archive.url + "search/")
    count, _ = search(page, query)
    found = results(page)
    assert count > 0
    words = query.lower().split()  # (an English query's passages hold one of its words, at least)
    target = new_page(browser)
    for href, text, *_ in found:
        if "#" not in href:
            continue
        target.goto(archive.origin + href)
        anchor = href.split("#")[1]
        held = target.evaluate("id => document.getElementById(id).textContent", anchor)
        assert any(w in held.lower() for w in words), (query, text, href)
    assert not any("masthead" in text for _, text, *_ in found), found
    target.context.close()
    page.context.close()


@pytest.mark.parametrize(
    "query",
    ["every mention", "Back", "Gloss", "Place", "Pinyin", "Mentions", "Index", "Contents", "headline"],
)
def test_the_interfaces_words_are_not_found(archive: Site, browser: Any, query: str) -> None:
    """Found by usage walk 11: "every mention" and "Back to the text" found every note ("Gloss ·
    Place"), and an entity page was found by "Index › Places", "Pinyin" and "Mentions (4)" (and
    by its mentions' passage names, "Parks headline"). None of these words is the archive's text, a note's or a name."""
    page = new_page(browser)
    page.goto(archive.url + "search/")
    count, found = search(page, query)
    assert count == 0 and not found, (query, found[:3])
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("fixture note", ["/parks/#n-chaoyang-district", "/relief/#n-chaoyang-district", "/entity/chaoyang-district/"]),
        ("减免房租", ["/relief/#relief-p1"]),
    ],
)
def test_the_text_notes_and_names_are_found_where_they_stand(
    archive: Site, browser: Any, query: str, where: list[str]
) -> None:
    """What is still found: a note's text in each note and on the name's own page; a sentence at its passage only, not again on the page of each name in it,
    whose list of mentions quotes it (the index held each mention twice)."""
    page = new_page(browser)
    page.goto(archive.url + "search/")
    count, found = search(page, query)
    hrefs = sorted(h.removeprefix("/archive") for h, _ in found)
    assert count == len(where) and all(any(h.endswith(w) for h in hrefs) for w in where), (query, hrefs)
    page.context.close()


@pytest.fixture(scope="module")
def edition_site(served_site: Site) -> Site:
    """The real edition, built once and served (tests/conftest.py)."""
    return served_site


def test_a_site_of_one_page_does_not_repeat_its_page_on_every_result(edition_site: Site, browser: Any) -> None:
    """The real edition is one newspaper page: every result is on it, so none repeats it."""
    page = new_page(browser)
    page.goto(edition_site.url + "search/")
    count, _ = search(page, "朝阳")
    assert count > 5
    assert page.locator("#search-results .where").count() == 0
    page.context.close()


@pytest.mark.parametrize("query", ["reproduced", "Wikidata"])
def test_the_real_editions_interface_is_not_found(edition_site: Site, browser: Any, query: str) -> None:
    """The same on the real edition: an entity page's "Wikidata" label, and a photograph's
    placeholder ("The photograph is not reproduced in this edition…"), which search read as
    the paragraph before it. (Its text has neither word; an English query is found a word at
    a time, so "every mention" finds its "every".)"""
    page = new_page(browser)
    page.goto(edition_site.url + "search/")
    _, found = search(page, query)
    # (a note, on its name's page and in the article, that says "not re-checked here" is found
    # by Pagefind's "reproduced"; no passage is)
    passages = [h for h, text in found if "notreproduced" in text or ("#" in h and "#n-" not in h)]
    assert not passages, (query, passages[:3])
    page.context.close()


def test_a_caption_shown_with_an_article_is_found_as_itself(edition_site: Site, browser: Any) -> None:
    """Found while fixing the above: a photograph's caption (a block of the newspaper page,
    shown with the article it is placed with) was found as the paragraph before it
    (温榆河公园 as "Urban renewal ¶9", whose text does not hold it). It is found at its own
    caption, named as the pages name it ("page caption 2")."""
    page = new_page(browser)
    page.goto(edition_site.url + "search/")
    search(page, "温榆河公园")
    links = page.eval_on_selector_all(
        "#search-results li > a", "ls => ls.map(a => [a.getAttribute('href').split('#')[1] || '', a.textContent])"
    )
    named = {anchor: text.rsplit(" — ", 1)[-1] for anchor, text in links}
    assert named.get("page-c2") == "page caption 2" and named.get("page-c3") == "page caption 3", links
    assert "urban-renewal-p9" not in named, links
    page.context.close()
