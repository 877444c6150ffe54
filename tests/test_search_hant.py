"""The Traditional view's search page names its results in Traditional characters.

The index is made from the parallel pages, whose titles are Simplified: the Traditional search
page once listed 携手新疆墨玉 坚决打赢脱贫攻坚战 for a reader who reads, and typed, 攜手…
Uses the site and browser of tests/test_browser.py, as tests/test_search_words.py does.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_browser import Site, new_page
from test_search_words import search

from edition.views import to_hant, use_traditional

pytestmark = pytest.mark.browser

CHINESE = re.compile(r"[\u3400-\u9fff]+")
TITLES = "items => items.map(i => i.querySelector('a').textContent)"


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    """The edition built once and served (tests/conftest.py), as test_browser.py has it."""
    return served_site


def chinese(text: str) -> str:
    return "".join(CHINESE.findall(text))


def test_results_on_the_traditional_search_page_are_named_in_traditional(site: Site, browser: Any) -> None:
    """公益性崗位 is in the article 攜手新疆墨玉 堅決打贏脫貧攻堅戰 (Simplified 携…坚决打赢脱贫…):
    its result says so in Traditional characters; so does every result of 朝陽, which finds the
    front page and the pages of names too. The other search pages keep the Simplified titles."""
    use_traditional(site.result.edition.config.traditional)
    article = next(a for a in site.result.edition.articles if a.id == "moyu")
    simplified = article.title_zh
    traditional = to_hant(simplified)
    assert traditional != simplified
    page = new_page(browser)
    page.goto(site.url + "zh-hant/search/")
    count, _ = search(page, "公益性崗位")
    titles = page.eval_on_selector_all("#search-results li", TITLES)
    assert count > 0 and chinese(titles[0]).startswith(chinese(traditional)), titles[:3]
    for query in ("朝陽", "墨玉"):
        search(page, query)
        titles = page.eval_on_selector_all("#search-results li", TITLES)
        simplified_left = [t for t in titles if chinese(to_hant(t)) != chinese(t)]
        assert titles and not simplified_left, (query, simplified_left[:3])
    page.goto(site.url + "zh/search/")
    search(page, "公益性岗位")
    assert chinese(page.eval_on_selector_all("#search-results li", TITLES)[0]).startswith(chinese(simplified))
    assert not page.errors
    page.context.close()
