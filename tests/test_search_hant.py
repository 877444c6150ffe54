"""The Traditional view's search page names its results in Traditional characters.

The index is made from the parallel pages, whose titles are Simplified: the Traditional search
page once listed 携手新疆墨玉 坚决打赢脱贫攻坚战 for a reader who reads, and typed, 攜手…
Uses the site and browser of tests/test_browser.py, as tests/test_search_words.py does.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import pytest
from test_browser import Site, new_page
from test_search_words import search

from edition.views import to_hant, use_traditional

pytestmark = pytest.mark.browser

CHINESE = re.compile(r"[\u3400-\u9fff]+")
HANZI = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z][^\u3400-\u9fff「」『』]*")  # a run of English, to where Chinese begins
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
    config = site.result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    article = next(a for a in site.result.edition.articles if a.id == "moyu")
    simplified = article.title_zh
    traditional = to_hant(simplified)
    assert traditional != simplified
    page = new_page(browser)
    page.goto(site.url + "zh-hant/search/")
    count, _ = search(page, "公益性崗位")
    titles = page.eval_on_selector_all("#search-results li", TITLES)
    assert count > 0 and titles[0].startswith(traditional), titles[:3]  # as written, its space kept
    for query in ("朝陽", "墨玉"):
        search(page, query)
        titles = page.eval_on_selector_all("#search-results li", TITLES)
        simplified_left = [t for t in titles if chinese(to_hant(t)) != chinese(t)]
        assert titles and not simplified_left, (query, simplified_left[:3])
    page.goto(site.url + "zh/search/")
    search(page, "公益性岗位")
    # the title as written, its space kept (found by the helper that fixed the above: the space
    # between the headline's two halves was taken out with the index's own)
    assert page.eval_on_selector_all("#search-results li", TITLES)[0].startswith(simplified)
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize(
    ("query", "whole"), [("20年", "2020年"), ("019年", "2019年"), ("687万元", "7687万元"), ("4万人", "16.4万人")]
)
def test_a_number_is_found_whole_not_as_the_end_of_a_longer_one(
    site: Site, browser: Any, query: str, whole: str
) -> None:
    """A reader typing 20年 means twenty years: the passages about 2020年 are not its results
    (they were, all 21 of them, as the text holds 20年 inside 2020年); the whole number still
    finds them, and a number after a decimal point is not one of its own (4万人 in 16.4万人). The
    edition has no 20年, 019年, 687万元 or 4万人 of its own."""
    page = new_page(browser)
    page.goto(site.url + "search/")
    assert search(page, whole)[0] > 0
    count, results = search(page, query)
    assert count == 0 and not results, (query, results[:3])
    assert not page.errors
    page.context.close()


def test_a_number_after_other_punctuation_is_its_own(site: Site, browser: Any) -> None:
    """Only a point or a comma joins digits into one number (16.4, 2,203): the telephone number
    after （010） is found, as 4 would be in 1-4月."""
    page = new_page(browser)
    page.goto(site.url + "search/")
    count, results = search(page, "56805116广告")
    assert count > 0 and all("56805116广告" in text for _, text in results), results[:3]
    page.context.close()


@pytest.mark.parametrize("query", ["资金发放", "脱贫", "公益性岗位", "朝阳"])
def test_excerpts_on_the_traditional_search_page_are_in_traditional(site: Site, browser: Any, query: str) -> None:
    """The index holds the Simplified text, and the Traditional page's excerpts were Simplified
    (left undone in the seventh session). Each is now the Chinese page's excerpt as the
    Traditional view writes it: 資金發放 too, which OpenCC alone writes 資金髮放 (site.toml's
    [traditional_fixes]), and 脫貧, 崗位 and 朝陽."""
    config = site.result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    page = new_page(browser)
    page.goto(site.url + "zh/search/")
    _, simplified = search(page, query)
    page.goto(site.url + "zh-hant/search/")
    _, traditional = search(page, to_hant(query))
    assert simplified and len(traditional) == len(simplified)
    for (_, zh), (_, hant) in zip(simplified, traditional, strict=True):
        # its Chinese as the Traditional view writes it, its English as it is (“…” not 「…」)
        assert HANZI.findall(hant) == HANZI.findall(to_hant(zh)), (zh, hant)
        assert LATIN.findall(hant) == LATIN.findall(zh), (zh, hant)
        assert to_hant(query) in hant and "髮" not in hant
    if query == "朝阳":  # the Chinese text's quotation marks are Taiwan's (site.toml: s2tw)
        assert any("「疏解整治促提升」" in hant for _, hant in traditional), traditional[:3]
    assert not page.errors
    page.context.close()


@pytest.mark.parametrize(("hant", "simplified"), [("不鬆勁", "不松劲"), ("關係", "关系"), ("聯繫", "联系")])
def test_a_query_as_the_traditional_view_writes_it_finds_what_the_simplified_one_does(
    site: Site, browser: Any, hant: str, simplified: str
) -> None:
    """鬆 and 係 are the Traditional view's forms only inside a phrase (松 and 系 alone): a
    reader who copied 不鬆勁 from the front page's headline found nothing (usage walk 8)."""
    page = new_page(browser)
    page.goto(site.url + "zh/search/")
    count_zh, found_zh = search(page, simplified)
    page.goto(site.url + "zh-hant/search/")
    count, found = search(page, hant)
    assert count == count_zh > 0 and len(found) == len(found_zh), (hant, count, count_zh)
    # the query is in the address: a reload (or the way back from a result) keeps it
    assert f"?q={hant}" in unquote(page.url)
    page.reload()
    page.wait_for_function("document.getElementById('search-status').textContent !== ''")
    assert page.input_value("#q") == hant
    assert not page.errors
    page.context.close()


def test_an_excerpt_has_no_space_inside_its_quotation_marks(site: Site, browser: Any) -> None:
    """Pagefind's words put a space after an opening mark ("抓“ 六保”", "the “ Relocate"). (Not
    checked: an apostrophe, which in English may follow a space: in ’98, "… ’s" where an
    excerpt begins.)"""
    page = new_page(browser)
    for view, query in (("zh/", "六保"), ("zh-hant/", "六保"), ("en/", "Relocate")):
        page.goto(site.url + view + "search/")
        search(page, query)
        texts = page.eval_on_selector_all("#search-results li p", "ps => ps.map(p => p.textContent)")
        assert texts and not [t for t in texts if re.search(r"[“「『]\s|\s[”」』]", t)], (view, texts[:3])
    page.context.close()
