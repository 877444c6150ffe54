"""Usage walk 11 (tenth session; a helper who did not write the code read the invented archive
and the real edition on a phone, at a desk and by keyboard): each defect it found that is
fixed, as the reader met it, in a real browser (the site is tests/conftest.py's: the real
edition built once with its search index, served under a project path).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/moyu/"


def test_switching_view_after_reading_a_note_keeps_the_passage(served_site: Site, browser: Any) -> None:
    """A reader scrolled to ¶5, read a name's note there, closed it and chose English: the
    English view opened at its top, as the place was kept only for an address with an anchor."""
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(served_site.page_url(ARTICLE + "index.html"))
    name = page.locator("#moyu-p5 a.m").first
    name.scroll_into_view_if_needed()
    name.click()
    page.locator("#popover").wait_for()
    page.keyboard.press("Escape")
    page.evaluate("window.scrollTo(0, 0)")  # up to the header's switch
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url(f"**/en/{ARTICLE}#moyu-p5")
    top = page.evaluate("document.getElementById('moyu-p5').getBoundingClientRect().top")
    assert 0 <= top < 200, top
    assert page.errors == []
    page.context.close()


def test_switching_view_after_scrolling_keeps_the_passage_in_sight(served_site: Site, browser: Any) -> None:
    """Only scrolled (nothing touched), the switch reached by the keyboard's way to the header:
    the other view opens at the first passage that was in sight."""
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(served_site.page_url(ARTICLE + "index.html"))
    page.evaluate("document.getElementById('moyu-p4').scrollIntoView()")
    first = page.evaluate(
        "[...document.querySelectorAll('main .pair[id]')].find(p => p.getBoundingClientRect().bottom > innerHeight / 4).id"
    )
    href = page.evaluate(
        "(() => { const a = document.querySelector('.views a[data-view=\"zh\"]');"
        " a.dispatchEvent(new MouseEvent('click', {cancelable: true})); return a.href; })()"
    )
    assert href.endswith(f"/zh/{ARTICLE}#{first}"), href
    page.context.close()


def test_a_shared_link_to_a_name_on_a_phone_leaves_the_name_in_sight(served_site: Site, browser: Any) -> None:
    """Opened from a shared link (#moyu-p1-m3), the name's note was placed before the browser
    scrolled to the name, as a sheet along the top, and covered the name it explains."""
    page = phone(browser)
    page.goto(served_site.page_url(ARTICLE + "index.html") + "#moyu-p1-m3")
    page.wait_for_timeout(300)
    name = page.locator("#moyu-p1-m3")
    popover = page.locator("#popover")
    if popover.count():  # the browser opened the note with the focus it gave the name
        box, sheet = name.bounding_box(), popover.bounding_box()
        assert box is not None and sheet is not None
        assert box["y"] + box["height"] <= sheet["y"] or box["y"] >= sheet["y"] + sheet["height"], (box, sheet)
    else:  # no note open: the name is in sight and can be tapped
        box = name.bounding_box()
        assert box is not None and 0 <= box["y"] < 844
    assert page.errors == []
    page.context.close()


def test_a_vocabulary_pages_switch_leads_to_no_redirect_back_to_it(served_site: Site, browser: Any) -> None:
    """词汇表 in the Simplified view led, through a redirect, to the parallel view's page, whose
    简体中文 link was that redirect again: a loop, and the "you last read" offer too. The
    Simplified view links to the parallel page (Simplified characters, the English of the
    glosses) directly; a vocabulary page's switch offers the views that have one."""
    page = phone(browser)
    page.goto(served_site.page_url(f"zh/{ARTICLE}index.html"))
    page.evaluate("localStorage.setItem('edition-view', 'zh')")
    page.locator(".vocab-link a").first.tap()
    page.wait_for_url(f"{served_site.url}{ARTICLE}words/")
    for view in ("zh-hant", "parallel"):
        offered = page.locator(".views a[data-view]").evaluate_all("links => links.map(a => a.dataset.view)")
        assert offered == ["parallel", "zh-hant"], offered
        assert page.locator(".view-offer a").count() == 0  # no offer of a view without the page
        page.locator(f'.views a[data-view="{view}"]').tap()
        prefix = "" if view == "parallel" else f"{view}/"
        page.wait_for_url(f"{served_site.url}{prefix}{ARTICLE}words/")
    page.goto(served_site.page_url(f"en/{ARTICLE}words/index.html"))
    page.wait_for_url(f"{served_site.url}{ARTICLE}words/")
    assert page.errors == []
    page.context.close()


def test_a_chinese_headline_breaks_between_its_phrases_not_inside_a_word(served_site: Site, browser: Any) -> None:
    """携手新疆墨玉 坚决打赢脱贫攻坚战 was balanced over two lines as "…墨玉 坚 / 决打赢…"
    on a phone: the line broke inside 坚决. It breaks at the newspaper's space."""
    page = phone(browser)
    page.goto(served_site.page_url(f"zh/{ARTICLE}index.html"))
    lines = page.evaluate(
        """() => {
      const span = document.querySelector('#moyu-h1 h1 .zh');
      const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
      const tops = [];
      for (let node; (node = walker.nextNode());) {
        for (let i = 0; i < node.length; i++) {
          const range = document.createRange();
          range.setStart(node, i); range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width) tops.push([node.data[i], Math.round(box.top)]);
        }
      }
      const out = [];
      for (const [ch, top] of tops) {
        if (!out.length || out[out.length - 1][1] !== top) out.push(['', top]);
        out[out.length - 1][0] += ch;
      }
      return out.map(l => l[0]);
    }"""
    )
    assert len(lines) >= 2, lines
    assert [line.strip() for line in lines] == ["携手新疆墨玉", "坚决打赢脱贫攻坚战"], lines
    page.context.close()


def test_a_printed_article_lets_a_long_passage_run_on_and_letters_the_editors_notes(
    served_site: Site, browser: Any
) -> None:
    """Printed, the Moyu article took nine A4 pages, the first two a third blank: each passage
    pair was kept whole, so a long one went to the next page. And the editors' notes were
    numbered from 1 again after the names' 27, as if note marker 1 meant them."""
    page = new_page(browser)
    page.goto(served_site.page_url(ARTICLE + "index.html"))
    page.emulate_media(media="print")
    style = page.evaluate(
        """() => {
      const pair = getComputedStyle(document.getElementById('moyu-p5'));
      const p = getComputedStyle(document.querySelector('#moyu-p5 p, #moyu-p5 .zh'));
      const ed = document.querySelector('.notes ol.editorial-notes');
      return [pair.breakInside, p.orphans, p.widows, ed ? getComputedStyle(ed).listStyleType : null];
    }"""
    )
    assert style == ["auto", "3", "3", "lower-alpha"], style
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages <= 8, pages  # nine before
    page.context.close()
