"""Search finds a passage for its own text only: an article's citations, translator line,
"see also" and previous/next links are not read as its last passage's (found by a usage walk:
'Chicago', 'BibTeX' and the translator's name each listed every article's last passage, and
朝阳区 one whose text does not hold it, through a title in its citation).

Uses the edition built once with its index and served (tests/conftest.py), as
tests/test_search_words.py does; skipped, or failed under EDITION_REQUIRE_BROWSER=1, as it is.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page
from test_search_words import search

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    return served_site


@pytest.mark.parametrize("query", ["BibTeX", "urldate", "langid", "Vocabulary"])
def test_what_surrounds_the_text_is_not_searched_as_a_passage(site: Site, browser: Any, query: str) -> None:
    page = new_page(browser)
    page.goto(site.url + "search/")
    count, results = search(page, query)
    assert count == 0 and not results, (query, results[:3])
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("query", ["朝阳", "防疫复工"])  # passages of articles; of the page itself (its headline)
@pytest.mark.parametrize("view", ["", "zh/", "zh-hant/", "en/"])
def test_a_results_passage_is_named_as_its_page_names_it(site: Site, browser: Any, view: str, query: str) -> None:
    """Found by a usage walk: search named a passage by rules of its own ("Relief headline 1",
    "Front 2021 01 05 masthead 2", English in the Chinese views) where the pages say "Relief
    headline", "page masthead 2", "携手新疆墨玉 第3段". Each result's name is the one its ¶ control
    has on the page it opens (edition/refs.py's passage_label, in the view's language)."""
    page = new_page(browser)
    page.goto(site.url + view + "search/")
    _, results = search(page, query)
    # (without the note of a result that opens the parallel page, test_search_excerpts.py)
    names = page.eval_on_selector_all(
        "#search-results li > a",
        "links => links.map(a => { const c = a.cloneNode(true); c.querySelector('.other')?.remove();"
        " return [a.getAttribute('href'), c.textContent]; })",
    )
    checked = front = 0
    for href, text in names:
        if " — " not in text or "#" not in href:
            continue
        target = new_page(browser)
        target.goto(site.origin + href)
        block = href.split("#")[1]
        label = target.evaluate(
            "id => document.getElementById(id).querySelector(':scope > a.pl').getAttribute('aria-label')", block
        )
        target.context.close()
        assert text.rsplit(" — ", 1)[1] == label, (view, href, text)
        checked += 1
        front += "/p12/#" in href  # a block of the newspaper page itself
        if checked == 6:
            break
    assert checked >= (3 if query == "朝阳" else 1) and results
    assert front or query == "朝阳"  # the page's headline holds 防疫复工
    assert not page.errors
    page.context.close()
