"""Usage walk 12 (eleventh session): the defects it found that a reader meets in a browser, each
as the reader met it (the site is tests/conftest.py's: the real edition, served under a project
path). The walk's defects in what the pages say are tests/test_walk12_pages.py's."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/moyu/"


def test_switching_view_on_a_phone_after_only_scrolling_keeps_the_passage_read(served_site: Site, browser: Any) -> None:
    """On a phone a reader scrolled down to ¶5 without tapping anything, scrolled back up to
    the header and tapped English: the English view opened at its top (only a passage touched
    or in sight at the click was kept, and at the top none is). Scrolled back up in steps, as a
    thumb does, past ¶4 … ¶1 without resting on them."""
    page = phone(browser)
    page.goto(served_site.page_url("zh/" + ARTICLE + "index.html"))
    page.evaluate("document.getElementById('moyu-p5').scrollIntoView()")
    page.wait_for_timeout(1000)  # read there
    for _ in range(80):
        if page.evaluate("window.scrollY") == 0:
            break
        page.evaluate("window.scrollBy(0, -250)")
        page.wait_for_timeout(40)
    assert page.evaluate("window.scrollY") == 0
    page.wait_for_timeout(800)  # looking for the switch: resting at the top is not reading there
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url(f"**/en/{ARTICLE}#moyu-p5")
    top = page.evaluate("document.getElementById('moyu-p5').getBoundingClientRect().top")
    assert 0 <= top < 200, top
    assert page.errors == []
    page.context.close()


def test_a_passage_touched_after_scrolling_is_the_place_kept(served_site: Site, browser: Any) -> None:
    """What the reader touched is still the place while it is in sight, however soon after a
    scroll: the page's rest after the scroll does not replace it."""
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(served_site.page_url(ARTICLE + "index.html"))
    page.evaluate("document.getElementById('moyu-p3').scrollIntoView()")
    # a tap on its words (not on a name or a figure, which are links)
    box = page.evaluate(
        """() => { const walk = document.createTreeWalker(document.getElementById('moyu-p4'), NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.textContent.trim().length > 3 && !n.parentNode.closest('a')) {
          const range = document.createRange(); range.setStart(n, 1); range.setEnd(n, 2);
          const r = range.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];
        } } }"""
    )
    page.mouse.click(*box)
    assert "#" not in page.url and ARTICLE in page.url, page.url  # no link followed
    page.wait_for_timeout(900)  # the scroll's rest has passed
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(100)
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url(f"**/en/{ARTICLE}#moyu-p4")
    page.context.close()


def test_a_linked_short_passage_stays_the_place_after_the_page_comes_to_rest(served_site: Site, browser: Any) -> None:
    """Review 14: a short passage opened by its link (a subhead, its bottom soon above the
    window's top quarter) gave way to the next once the page had come to rest, so a round
    trip between views drifted a passage each way."""
    page = phone(browser)
    page.goto(served_site.page_url("zh/" + ARTICLE + "index.html#moyu-s1"))
    page.wait_for_timeout(1000)  # the jump's scroll has come to rest
    page.evaluate("window.scrollBy(0, 60)")  # a small move, the subhead still in sight
    page.wait_for_timeout(900)
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url(f"**/en/{ARTICLE}#moyu-s1")
    page.context.close()


@pytest.mark.parametrize("view", ["", "zh/"])
def test_a_printed_article_marks_each_editors_note_with_its_letter(served_site: Site, browser: Any, view: str) -> None:
    """Printed, the notes list "a. Editorial note …", but the text's mark ("Editors' decision")
    was hidden on paper: no "a" to find it by. Each mark of a note listed on the page prints the
    note's letter, and only the letter."""
    page = new_page(browser)
    page.goto(served_site.page_url(view + "2020-05-25/p12/urban-renewal/index.html"))
    page.emulate_media(media="print")
    found = page.evaluate(
        """() => [...document.querySelectorAll('ol.editorial-notes > li')].map((li, i) => {
      const mark = document.querySelector(`a.ed-mark[href="./#${li.id}"]`);
      const shown = e => e && getComputedStyle(e).display !== 'none' ? e.innerText : null;
      return [li.id, getComputedStyle(li.parentNode).listStyleType, i,
              mark && [shown(mark.querySelector('.ed-mark-label')), shown(mark.querySelector('.ed-letter'))],
              mark ? getComputedStyle(mark).display : null];
    })"""
    )
    assert len(found) == 3, found
    for (note, style, i, text, display), letter in zip(found, "abc", strict=True):
        assert style == "lower-alpha", note
        assert text == [None, letter] and display != "none", (note, i, text, display)
    # a mark whose note is on another page (the About page's) is not printed
    elsewhere = page.evaluate(
        "[...document.querySelectorAll('a.ed-mark:not([href^=\"./#\"])')].map(a => getComputedStyle(a).display)"
    )
    assert elsewhere and set(elsewhere) == {"none"}, elsewhere
    page.emulate_media(media="screen")  # on screen the label, no letter
    assert page.locator("a.ed-mark .ed-mark-label").first.inner_text() == ("编者判定" if view else "Editors’ decision")
    assert page.locator("a.ed-mark .ed-letter").first.is_hidden()
    page.context.close()


@pytest.mark.parametrize(("view", "colon"), [("zh/", "："), ("zh-hant/", "："), ("en/", ": "), ("", ": ")])
def test_a_figures_card_on_a_phone_uses_the_views_colon(served_site: Site, browser: Any, view: str, colon: str) -> None:
    """The Chinese views' cards read "原文: 7687万元", the English colon."""
    page = phone(browser)
    page.goto(served_site.page_url(view + "figures/index.html"))
    befores = page.evaluate(
        """() => [...document.querySelector('table.figures tbody tr[id]').cells].map(td =>
      [td.className, getComputedStyle(td, '::before').content])"""
    )
    assert befores
    for kind, content in befores:
        if kind == "label":
            assert content == "none", content
        else:
            assert content.endswith(f'{colon}"'), content
    page.context.close()
