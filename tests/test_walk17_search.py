"""Usage walk 17, search (F1, F18, F23 and two nits), in a real browser over the edition built
once with its index and served (tests/conftest.py), as tests/test_search_words.py has it;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as it is.

- F1: an English query of two words, or a figure written with a comma or slash, listed every
  passage holding any one part of it, prefix-matched ("Xi Jinping": 73, the masthead's "Wang
  Xinyu" first, Xi Jinping's own page 10th; "3,400": the passage holding it 8th of 12).
- F18: a name copied from the page with its typographic apostrophe (Kuona’airike) found nothing.
- F23: the view switch on the search page dropped the query.
- nits: every result repeated the article's full bilingual title; "( Chaoyang" in excerpts.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser import VIEWS, Site, new_page
from test_phone_reading import phone
from test_search_words import search

pytestmark = pytest.mark.browser

DESK = {"width": 1280, "height": 800}
# each result: its link's address, its link's text (without the note of one that opens the
# parallel page) and its excerpt's text
RESULTS = """items => items.map(i => { const a = i.querySelector('a'), named = a.cloneNode(true);
  named.querySelector('.other')?.remove();
  return [a.getAttribute('href'), named.textContent, i.querySelector('p').textContent]; })"""


@pytest.fixture(scope="module")
def site(served_site: Site) -> Site:
    return served_site


def results(page: Any) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in page.eval_on_selector_all("#search-results li", RESULTS)]  # type: ignore[misc]


def folded(text: str) -> str:
    """Text as compared: no accents (Xí Jìnpíng is Xi Jinping), one space for any run of them."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).lower()


@pytest.mark.parametrize("view", VIEWS)
def test_a_name_of_two_words_finds_what_holds_it_whole(site: Site, browser: Any, view: str) -> None:
    """F1: "Xi Jinping" listed 73 results, first the masthead ("Wang Xinyu"), then passages that
    only hold "Xinjiang"; his own page was 10th. Now every result holds the name whole (its
    excerpt shows it), his page the first after the passages; the count is of those."""
    page = new_page(browser, viewport=DESK)
    page.goto(site.url + view + "search/")
    count, _ = search(page, "Xi Jinping")
    found = results(page)
    assert found and count == len(found), (view, count, len(found))
    # (the passages first, as ever: then his own page, before the notes and pages that name him)
    others = [h for h, *_ in found if not re.search(r"/p12/[a-z-]*/?#(?!n-)", h)]
    assert others[0].endswith("/entity/xi-jinping/") and len(found) - len(others) <= 3, found[:5]
    assert not [(h, t) for h, _, t in found if "xi jinping" not in folded(t)], view
    hrefs = [h for h, *_ in found]
    assert any(h.endswith("/urban-renewal/#urban-renewal-p2") for h in hrefs), hrefs
    assert not any("#page-m" in h or "moyu-p1" in h for h in hrefs), hrefs  # (Wang Xinyu; Xinjiang)
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize(
    ("query", "where", "written"),
    [
        ("3,400", "moyu/#moyu-p5", {"en/": "3,400", "zh/": "3400", "zh-hant/": "3400"}),
        ("1/4", "business-support/#business-support-p4", {"": "1/4", "zh/": "1/4", "zh-hant/": "1/4"}),
        ("150,000", "business-support/#business-support-p4", {"en/": "150,000"}),
    ],
)
def test_a_figure_with_a_comma_or_slash_finds_the_passage_that_holds_it(
    site: Site, browser: Any, view: str, query: str, where: str, written: dict[str, str]
) -> None:
    """F1: "3,400" listed 12 passages with a 3 or a 400 somewhere, the one holding it 8th; "1/4"
    49. A figure is found as written (its thousands' comma there or not: the Chinese writes
    3400人), whole: not the 400 of 3,400, nor the 4 of 16.4; the figure itself is marked."""
    page = phone(browser)
    page.goto(site.url + view + "search/")
    count, _ = search(page, query)
    found = results(page)
    assert count == 1 and len(found) == 1 and found[0][0].endswith("/2020-05-25/p12/" + where), (view, query, found)
    marks = page.eval_on_selector_all("#search-results mark", "ms => ms.map(m => m.textContent)")
    if view in written:
        assert written[view] in "".join(marks).replace(" ", ""), (view, query, marks)
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("view", ["", "en/"])
def test_a_name_copied_with_its_typographic_apostrophe_is_found(site: Site, browser: Any, view: str) -> None:
    """F18: "Kuona’airike", as printed (U+2019), found nothing; "Kuona'airike" found 5. The
    index splits the name at either mark (kuona, airike); the query's typographic apostrophes
    and quotation marks are read as the plain ones, and the text is compared the same way."""
    page = new_page(browser, viewport=DESK)
    page.goto(site.url + view + "search/")
    typographic = search(page, "Kuona\u2019airike")
    plain = search(page, "Kuona'airike")
    assert typographic[0] >= 5 and typographic == plain, (typographic, plain)
    assert any(h.endswith("/moyu/#moyu-p6") for h, _ in typographic[1])
    quoted = search(page, "\u201cKuona\u2019airike Village\u201d")
    assert quoted[0] >= 3 and any(h.endswith("/moyu/#moyu-p6") for h, _ in quoted[1]), quoted
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize(("start", "to"), [("", "zh"), ("zh/", "en"), ("en/", "zh-hant"), ("zh-hant/", "parallel")])
@pytest.mark.parametrize("device", ["phone", "desk"])
def test_the_view_switch_on_the_search_page_keeps_the_query(
    site: Site, browser: Any, start: str, to: str, device: str
) -> None:
    """F23: search 墨玉, tap 简体中文: an empty search page. The switch carries the query (and the
    search runs there), as it carries a passage's anchor on the article pages."""
    page = phone(browser) if device == "phone" else new_page(browser, viewport=DESK)
    page.goto(site.url + start + "search/")
    query = "朝陽" if start == "zh-hant/" else "墨玉"
    count, _ = search(page, query)
    assert count > 0
    link = page.locator(f'.views a[data-view="{to}"]')
    link.tap() if device == "phone" else link.click()
    page.wait_for_function("q => document.getElementById('search-results').dataset.query === q", arg=query)
    prefix = {"parallel": "", "zh-hant": "zh-hant/"}.get(to, to + "/")
    address = urlsplit(page.url)
    assert address.path == urlsplit(site.url).path + prefix + "search/", page.url
    assert parse_qs(address.query).get("q") == [query] and page.input_value("#q") == query
    assert page.locator("#search-results li").count() > 0
    assert not page.errors
    page.context.close()


def test_the_offer_of_the_view_last_chosen_keeps_the_query(site: Site, browser: Any) -> None:
    """The same for the offer a page in another view makes ("You last read the edition in another
    view: English"), on a search page opened with its query."""
    page = new_page(browser, viewport=DESK)
    page.goto(site.url + "search/")
    page.evaluate("localStorage.setItem('edition-view', 'en')")
    page.goto(site.url + "search/?q=%E5%A2%A8%E7%8E%89")
    page.wait_for_function("document.getElementById('search-results').dataset.query === '墨玉'")
    href = page.get_attribute(".view-offer a", "href") or ""
    assert urlsplit(href).path.endswith("/en/search/") and parse_qs(urlsplit(href).query).get("q") == ["墨玉"], href
    page.context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_a_pages_title_is_given_once_for_its_passages_listed_together(site: Site, browser: Any, view: str) -> None:
    """Nit F12: each of 墨玉's 24 results began with the article's whole title, in both
    languages in the parallel view (3–4 lines on a phone, before a 2-line excerpt). The title
    heads the first of a page's passages; the next are named alone ("Moyu ¶2", 携手新疆墨玉 第2段)."""
    page = phone(browser)
    page.goto(site.url + view + "search/")
    search(page, "墨玉" if view != "zh-hant/" else "墨玉縣")
    found = results(page)
    article = [(h, t) for h, t, _ in found if re.search(r"/p12/moyu/#moyu-[a-z]\d+$", h)]
    assert len(article) >= 5, found
    first, *rest = (t.strip() for _, t in article)
    title = first.split(" — ")[0]
    assert len(title) > 10 and all(title not in t and " — " not in t for t in rest), (first, rest)
    assert re.fullmatch(r"(Moyu|携手新疆墨玉|攜手新疆墨玉) (¶\d|第\d段|headline|标题|標題)", rest[0]), rest
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("view", ["", "en/"])
def test_an_excerpt_has_no_space_inside_brackets(site: Site, browser: Any, view: str) -> None:
    """Nit F20: "The Wenyu River Park ( Chaoyang section) demonstration area…"."""
    page = new_page(browser, viewport=DESK)
    page.goto(site.url + view + "search/")
    search(page, "Wenyu")
    texts = [t for h, _, t in results(page) if h.endswith("#page-c2")]
    assert texts and "(Chaoyang section)" in texts[0], texts
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize("query", ["Wang Hao 3,400", "王灏 3400人"])
def test_a_query_a_page_holds_only_between_its_passages_lists_those_passages(
    site: Site, browser: Any, query: str
) -> None:
    """Review 23: "Wang Hao 3,400" (Wang Hao in Moyu ¶3, 3,400 in ¶5) found one result, the
    page's top, its excerpt the page's list of names. The passages that hold the words between
    them are listed (after any that hold them all), each leading to its passage."""
    page = new_page(browser, viewport=DESK)
    page.goto(site.url + "search/")
    count, _ = search(page, query)
    found = results(page)
    hrefs = [href for href, _, _ in found]
    assert count == len(found) and all("#" in href for href in hrefs), hrefs
    assert any(href.endswith("#moyu-p3") for href in hrefs) and any(href.endswith("#moyu-p5") for href in hrefs)
    assert not page.errors
    page.context.close()
