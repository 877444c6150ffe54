"""A search result's excerpt as its view writes the passage (a usage walk's findings):

- the spaces the text itself has between Chinese phrases are kept (高位统筹 凝聚帮扶共识 came out
  run together: the search page takes out the spaces the index puts between every two Chinese
  characters, edition/search.py, and took those too);
- a Chinese view's excerpt is the passage's Chinese, the English view's its English (the index
  holds the parallel pages, and every view's excerpts showed both languages, so a Chinese
  view's often only English); where the query is found only in the other language, that part,
  which shows what was found, and its link, to the parallel page, says so.

Uses the edition built once with its index and served (tests/conftest.py), as
tests/test_search_words.py does; skipped, or failed under EDITION_REQUIRE_BROWSER=1, as it is.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone
from test_search_words import search

from edition.search import ENGLISH_MARK, SPACE_MARK, one_character_words

EXCERPTS = "items => items.map(i => [i.querySelector('a').getAttribute('href'), i.querySelector('p').textContent])"
HAN = re.compile("[\u3400-\u9fff]")
LATIN = re.compile("[A-Za-z]")
# an article's passage or the page's (not a note, not the masthead, whose Chinese is "视野 Vision …")
PASSAGE = re.compile(r"/2020-05-25/p12/.*#(?:moyu|paired-assistance|urban-renewal|business-support|page)-[a-ln-z]\d+$")


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    return served_site


def excerpts(site: Site, browser: Any, view: str, query: str) -> list[tuple[str, str]]:
    page = new_page(browser)
    page.goto(site.url + view + "search/")
    search(page, query)
    found = [(str(h), str(t).strip()) for h, t in page.eval_on_selector_all("#search-results li", EXCERPTS)]
    assert not page.errors
    page.context.close()
    return found


def test_the_index_marks_the_texts_own_spaces_and_where_the_english_begins() -> None:
    """Between Chinese characters, across a mention's tags, never inside an attribute."""
    html = (
        '<h2><span class="zh" lang="zh-Hans"><a href="#n">脱贫攻坚</a> 责无旁贷</span>\n'
        '<span class="en" lang="en">The Fight</span></h2><p title="高位 统筹">防疫复工不松劲 决胜</p>'
        '<figcaption><span lang="zh-Hans">示范区</span><span lang="en">The area</span></figcaption>'
    )
    out = one_character_words(html)
    assert f'<a href="#n">脱 贫 攻 坚</a> {SPACE_MARK}责 无 旁 贷' in out
    assert f"不 松 劲 {SPACE_MARK}决 胜" in out and 'title="高 位 统 筹"' in out
    assert out.count(SPACE_MARK) == 2
    assert f' {ENGLISH_MARK}<span class="en" lang="en">The Fight' in out
    assert f'示 范 区</span> {ENGLISH_MARK}<span lang="en">The area' in out


@pytest.mark.parametrize(
    ("view", "query", "shown"),
    [
        ("zh/", "凝聚帮扶", "高位统筹 凝聚帮扶共识"),
        ("zh-hant/", "凝聚帮扶", "高位統籌 凝聚幫扶共識"),
        ("", "凝聚帮扶", "高位统筹 凝聚帮扶共识 High-Level Coordination to Build Consensus on Assistance"),
        ("zh/", "责无旁贷", "脱贫攻坚 责无旁贷"),  # the space after a mention's link
    ],
)
def test_an_excerpt_keeps_the_spaces_between_chinese_phrases(
    site: Site, browser: Any, view: str, query: str, shown: str
) -> None:
    texts = [text for href, text in excerpts(site, browser, view, query) if PASSAGE.search(href)]
    assert shown in texts, (view, query, texts)


@pytest.mark.parametrize("view", ["zh/", "zh-hant/"])
@pytest.mark.parametrize("query", ["公益性岗位", "朝阳", "2020"])
def test_a_chinese_views_excerpts_are_the_passages_chinese(site: Site, browser: Any, view: str, query: str) -> None:
    found = [(h, t) for h, t in excerpts(site, browser, view, query) if PASSAGE.search(h)]
    assert found, (view, query)
    english = [(h, t[:80]) for h, t in found if LATIN.search(t)]
    assert not english, (view, query, english[:4])


@pytest.mark.parametrize("query", ["public-welfare jobs", "Chaoyang", "2020"])
def test_the_english_views_excerpts_are_the_passages_english(site: Site, browser: Any, query: str) -> None:
    found = [(h, t) for h, t in excerpts(site, browser, "en/", query) if PASSAGE.search(h)]
    assert found, query
    chinese = [(h, t[:80]) for h, t in found if HAN.search(t)]
    assert not chinese, (query, chinese[:4])


def test_a_query_found_only_in_the_other_language_shows_that_language(site: Site, browser: Any) -> None:
    """A Chinese word on the English page: the Chinese that holds it, not English without it."""
    found = [t for h, t in excerpts(site, browser, "en/", "公益性岗位") if PASSAGE.search(h)]
    assert found and all("公益性岗位" in t.replace(" ", "") and not LATIN.search(t) for t in found), found


@pytest.mark.browser
@pytest.mark.parametrize(("view", "query"), [("en/", "墨玉"), ("zh/", "Chaoyang"), ("zh-hant/", "Chaoyang")])
def test_a_passage_found_only_in_the_other_language_opens_where_it_is_shown(
    site: Site, browser: Any, view: str, query: str
) -> None:
    """Usage walk 13: 墨玉 from the English view listed Chinese excerpts whose links opened the
    English-only page, where that Chinese is not shown: they open the parallel page."""
    passages = [href for href, _ in excerpts(site, browser, view, query) if PASSAGE.search(href)]
    assert passages  # (a name's note or page in the view shows both languages: it stays in the view)
    for href in passages:
        assert f"/{view}" not in href, href


# each result: its link's address, its link's text, and the boxes of its note (.other), if any
NOTES = """items => items.map(i => { const a = i.querySelector('a'), n = a.querySelector('.other');
  return [a.getAttribute('href'), a.textContent, n && n.checkVisibility() ? [...n.getClientRects()].map(r => [r.left, r.right, r.width]) : null]; })"""


@pytest.mark.browser
@pytest.mark.parametrize(
    ("view", "query", "note"),
    [
        ("en/", "墨玉", " (in the parallel view)"),
        ("zh/", "Chaoyang", "（见对照版）"),
        ("zh-hant/", "Chaoyang", "（見對照版）"),
    ],
)
def test_a_result_that_opens_the_parallel_page_says_so(
    site: Site, browser: Any, view: str, query: str, note: str
) -> None:
    """Found by a review: a result found only in the other language opens the parallel page
    (usage walk 13) without saying so, and a reader lands in another view unawares. Its link
    says so, in the view's words (the Traditional view's converted), as part of its name (a
    screen reader's list of links reads it), and whole on a phone's screen; the results that
    open in the view, and those of a query in the view's own language, do not."""
    page = phone(browser)
    page.goto(site.url + view + "search/")
    search(page, query)
    found = page.eval_on_selector_all("#search-results li", NOTES)
    parallel = [h for h, _, _ in found if f"/{view}" not in h]
    assert parallel and len(parallel) < len(found), found  # (a name's note or page stays in the view)
    for href, text, boxes in found:
        assert text.endswith(note) == (f"/{view}" not in href), (href, text)
        assert (boxes is not None) == text.endswith(note), (href, text, boxes)
        assert boxes is None or all(w > 0 and left >= 0 and right <= 390 for left, right, w in boxes), (href, boxes)
    named = page.get_by_role("link", name=note.strip())
    assert named.count() == len(parallel)
    search(page, {"en/": "Moyu", "zh/": "朝阳", "zh-hant/": "朝陽"}[view])
    own = page.eval_on_selector_all("#search-results li", NOTES)
    assert own and not [t for _, t, boxes in own if boxes is not None or note.strip() in t], own
    assert not page.errors
    page.context.close()
