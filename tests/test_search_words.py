"""Search finds what the text holds, in a real browser: a Chinese word of any length (公益性岗位,
阿达西伙伴), a figure with its unit (7687万元, 83个), any run of a passage's characters, the
same on every view's search page (Pagefind splits a query by the page's language), and each
result opens in the reader's own view.

Uses the site and browser of tests/test_browser.py (the edition built once with its index,
served under a project path, Debian's chromium); skipped, or failed under
EDITION_REQUIRE_BROWSER=1, as they are.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from test_browser import ARTICLE, TIMEOUT_MS, VIEWS, Site, new_page

from edition.views import to_hant, use_traditional

pytestmark = pytest.mark.browser

ARTICLES = ("moyu", "paired-assistance", "urban-renewal", "business-support")
HAN = "\u3400-\u9fff"
# the passages of the edition's articles: an address's end ("moyu/#moyu-p5") and its text
PASSAGE = re.compile(r"/2020-05-25/p12/([a-z-]+/#[a-z0-9-]+-[a-z]\d+)$")
RESULTS = "items => items.map(i => [i.querySelector('a').getAttribute('href'), i.querySelector('p').innerText])"


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    """The edition built once and served (tests/conftest.py), as test_browser.py has it."""
    return served_site


@pytest.fixture(scope="module")
def passages(site: Site, browser: Any) -> dict[str, str]:
    """Every passage of the articles in the parallel view, by address end, its text without spaces."""
    page = new_page(browser)
    found: dict[str, str] = {}
    for article in ARTICLES:
        page.goto(f"{site.url}2020-05-25/p12/{article}/")
        pairs = page.eval_on_selector_all("main div.pair[id]", "ds => ds.map(d => [d.id, d.textContent])")
        found |= {f"{article}/#{pid}": re.sub(r"\s+", "", text) for pid, text in pairs}
    page.context.close()
    assert len(found) > 30
    return found


def search(page: Any, query: str) -> tuple[int, list[tuple[str, str]]]:
    """Type a query into the search page open in ``page``; the count it says and the results listed."""
    page.evaluate("document.getElementById('search-status').textContent = ''")
    page.fill("#q", query)
    page.press("#q", "Enter")
    # the answer to this query, not a late one to the last (its typing's own delayed search)
    page.wait_for_function(
        "q => document.getElementById('search-results').dataset.query === q", arg=query.strip(), timeout=TIMEOUT_MS
    )
    status = str(page.inner_text("#search-status"))
    count = int(m.group()) if (m := re.search(r"\d+", status)) else 0
    return count, [(h, re.sub(r"\s+", "", t)) for h, t in page.eval_on_selector_all("#search-results li", RESULTS)]


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("query", ["公益性岗位", "阿达西伙伴", "7687万元", "2100万元", "83个"])
def test_a_word_or_figure_is_found_where_the_text_holds_it(
    site: Site, browser: Any, passages: dict[str, str], view: str, query: str
) -> None:
    """Found on every search page: exactly the passages holding it, each result holding it,
    each opening in the search page's view (the index holds the parallel pages), but a passage
    found only in the other language, which opens the parallel page that shows it (usage walk
    13: 墨玉 from the English view opened the English page, which does not show it)."""
    page = new_page(browser)
    page.goto(site.url + view + "search/")
    count, results = search(page, query)
    assert count == len(results) > 0, (view, query, count, results[:3])
    hrefs = [h for h, _ in results]
    root = site.url.removeprefix(site.origin)
    other = view == "en/" and re.search(f"[{HAN}]", query) is not None  # (the Chinese views' queries are Chinese)
    opens = {h: "" if other and PASSAGE.search(h) else view for h in hrefs}
    assert all(h.startswith(root + opens[h]) for h in hrefs), (view, hrefs[:5])
    assert all(h.startswith(root + "en/") == (opens[h] == "en/") for h in hrefs)
    # the Traditional page's excerpts are in Traditional characters (test_search_hant.py)
    config = site.result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    shown = to_hant(query) if view == "zh-hant/" else query
    missing = [(h, text[:60]) for h, text in results if shown not in text]
    assert not missing, f"{view or '/'}search/ {query}: results without it: {missing[:4]}"
    listed = {m.group(1) for h in hrefs if (m := PASSAGE.search(h))}
    holding = {where for where, text in passages.items() if query in text}
    assert listed == holding, (view, query, sorted(listed ^ holding))
    assert not page.errors
    page.context.close()


def runs(passages: dict[str, str]) -> list[tuple[str, str]]:
    """Of each passage, a run of three to five characters (Chinese and digits) from a place
    chosen at random (seeded), wherever a dictionary's words would start or end; a number is
    a word, as in English, and is not cut (2020年, not 20年)."""
    chosen = random.Random(20200525)
    picked = []
    for where, text in sorted(passages.items()):
        candidates = [m.group() for m in re.finditer(f"[{HAN}0-9]{{5,}}", text)]
        if not candidates:
            continue
        run = chosen.choice(candidates)
        size = chosen.randint(3, 5)
        starts = [
            i
            for i in range(len(run) - size + 1)
            if not (run[i - 1 : i + 1].isdigit() and i > 0)
            and not (run[i + size - 1 : i + size + 1].isdigit() and i + size < len(run))
        ]
        if starts:
            start = chosen.choice(starts)
            picked.append((where, run[start : start + size]))
    return picked


@pytest.mark.parametrize("view", ["zh/", ""])
def test_any_run_of_a_passages_characters_finds_the_passage(
    site: Site, browser: Any, passages: dict[str, str], view: str
) -> None:
    """Not only the words of a dictionary: any run of the text, on the Chinese page (where
    Pagefind word-breaks a query with the browser's dictionary) and the parallel one."""
    page = new_page(browser)
    page.goto(site.url + view + "search/")
    picked = runs(passages)
    assert len(picked) > 25
    lost = []
    for where, run in picked:
        count, results = search(page, run)
        listed = {m.group(1) for h, _ in results if (m := PASSAGE.search(h))}
        if where not in listed or any(run not in text for _, text in results):
            lost.append((where, run, count))
    assert not lost, f"{len(lost)} of {len(picked)} runs not found in their passage: {lost[:8]}"
    assert not page.errors
    page.context.close()


def test_an_english_query_is_split_alike_on_every_search_page(site: Site, browser: Any) -> None:
    """A hyphenated query finds the same on every view's search page (on a page in English,
    Pagefind once dropped the hyphen: "povertyalleviation", found nowhere)."""
    page = new_page(browser)
    counts = {}
    for view in VIEWS:
        page.goto(site.url + view + "search/")
        counts[view] = search(page, "poverty-alleviation")[0]
    assert min(counts.values()) > 0 and len(set(counts.values())) == 1, counts
    page.context.close()


def test_a_result_opens_in_the_readers_view(site: Site, browser: Any) -> None:
    """A reader of the Traditional view, typing Traditional characters, lands on the passage in
    the Traditional view."""
    page = new_page(browser)
    page.goto(site.url + "zh-hant/search/")
    count, results = search(page, "公益性崗位")
    assert count == len(results) > 0 and all("/zh-hant/" in h for h, _ in results), results[:3]
    first = page.locator("#search-results li > a").first
    href = str(first.get_attribute("href"))
    assert href.startswith(site.url.removeprefix(site.origin) + "zh-hant/" + ARTICLE + "#moyu-p"), href
    first.click()
    page.wait_for_load_state()
    assert page.url == site.origin + href
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    anchor = href.split("#")[1]
    assert "公益性崗位" in str(page.locator(f'[id="{anchor}"]').inner_text()).replace(" ", "")
    page.context.close()


def test_an_answer_to_an_older_search_never_replaces_a_newer_one(site: Site, browser: Any) -> None:
    """Found by review: each Chinese word adds a search, so the answer to a search the reader
    has already replaced (or cleared) could arrive last and fill the list."""
    page = new_page(browser)
    page.goto(site.url + "search/")
    search(page, "朝阳")  # the index loaded: the next answers come as fast as they can
    page.evaluate(
        """() => { const q = document.getElementById('q'), form = q.form;
          q.value = '公益性岗位'; form.requestSubmit(); q.value = ''; form.requestSubmit(); }"""
    )
    page.wait_for_timeout(2000)
    assert page.locator("#search-results li").count() == 0, "an older answer filled the cleared list"
    assert not page.errors
    page.context.close()
