"""Usage walk 13 (twelfth session): the defects it found that a reader meets in a browser, each
as the reader met it (the site is tests/conftest.py's: the real edition, served under a project
path)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site
from test_phone_reading import phone
from test_view_switch_notes import switch_view_after_reading

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/moyu/"


@pytest.mark.parametrize(("start", "to"), [("zh/", "en"), ("en/", "zh"), ("", "zh-hant")])
def test_switching_view_from_a_shared_notes_link_keeps_the_note(
    served_site: Site, browser: Any, start: str, to: str
) -> None:
    """A reader opened a shared link to a name's note and switched view: the other view opened
    at the article's last passage (the note, at the page's end, is in no passage), not at the
    note, whose address is the same in every view that shows the name."""
    page = switch_view_after_reading(browser, served_site.page_url(start + ARTICLE + "index.html#n-moyu-county"), to)
    page.wait_for_url("**#n-moyu-county")
    top = page.evaluate("document.getElementById('n-moyu-county').getBoundingClientRect().top")
    assert 0 <= top < 300, top
    assert page.errors == []
    page.context.close()


def test_a_long_notes_close_control_covers_none_of_its_text_on_a_phone(served_site: Site, browser: Any) -> None:
    """A note longer than its sheet, scrolled: the sticky "× 关闭" sat over its lines, cutting
    them. It is a bar across the sheet: at the top no line meets it; scrolled, the lines pass
    under it whole (it spans the sheet and is opaque); and the note keeps the sheet's width."""
    page = phone(browser)
    page.goto(served_site.page_url("zh/" + ARTICLE + "index.html"))
    mark = page.locator("main a.m", has_text="墨玉县").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    sheet = page.locator("#popover")
    sheet.wait_for()
    assert sheet.evaluate("p => p.scrollHeight > p.clientHeight"), "the note is longer than its sheet"
    overlap = sheet.evaluate(
        """p => { const b = p.querySelector('.close').getBoundingClientRect();
          const walk = document.createTreeWalker(p.querySelector('.close ~ *'), NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const range = document.createRange(); range.selectNodeContents(n);
            for (const r of range.getClientRects()) {
              if (r.width && r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom) return n.textContent.slice(0, 30);
            } }
          return ''; }"""
    )
    assert not overlap, overlap
    sheet.evaluate("p => p.scrollTop = 10000")
    bar, box, text = sheet.evaluate(
        """p => [p.querySelector('.close').getBoundingClientRect().toJSON(), p.getBoundingClientRect().toJSON(),
                 p.querySelector('.note-text').getBoundingClientRect().toJSON()]"""
    )
    assert bar["left"] <= box["left"] + 1 and bar["right"] >= box["right"] - 1, (bar, box)
    assert bar["top"] <= box["top"] + 6, "the bar stays at the sheet's top (below its 4 px border)"
    assert sheet.evaluate("p => getComputedStyle(p.querySelector('.close')).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    assert text["width"] > box["width"] - 40, "the note keeps the sheet's width"
    page.context.close()


@pytest.mark.parametrize(
    ("article", "mark", "name", "note"),
    [
        # a later passage's English name (Chaoyang District in ¶5)
        ("2020-05-25/p12/paired-assistance/", "paired-assistance-p5-e2", "Chaoyang District", "n-chaoyang-district"),
        # review 16: the name's first passage (Moyu in the headline; its note's first mark is 墨玉's)
        (ARTICLE, "moyu-h1-e2", "Moyu", "n-moyu-county"),
    ],
    ids=["later-passage", "first-passage"],
)
def test_without_javascript_an_english_names_way_back_returns_to_the_english(
    served_site: Site, browser: Any, article: str, mark: str, name: str, note: str
) -> None:
    """In the parallel view a reader who followed a name's English came back to its Chinese,
    above the English line they were reading (on a phone, out of sight)."""
    from test_browser import new_page

    page = new_page(browser, viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page.goto(served_site.page_url(article + "index.html"))
    link = page.locator(f"#{mark}")
    assert link.inner_text() == name
    link.click()
    block = mark.rsplit("-", 1)[0]
    page.wait_for_url(f"**#{note}~{block}~e")
    page.locator(f"#{note}").get_by_role("link", name="Back to the text").click()
    page.wait_for_url(f"**#{mark}")
    page.context.close()


@pytest.mark.parametrize("view", ["", "en/"])
def test_a_printed_headings_editorial_letter_stands_beside_it(served_site: Site, browser: Any, view: str) -> None:
    """Printed, the editors' decision letter of a headline stood alone on a line under it."""
    from test_browser import new_page

    page = new_page(browser, viewport={"width": 794, "height": 1123})
    page.goto(served_site.page_url(view + ARTICLE + "index.html"))
    page.emulate_media(media="print")
    letter, heading = page.evaluate(
        """() => { const l = document.querySelector('.pair.heading .ed-letter');
          return [l.getBoundingClientRect().toJSON(), l.closest('.pair').getBoundingClientRect().toJSON()]; }"""
    )
    assert letter["width"] > 0, "the letter is printed"
    # (a superscript: its box starts a little above the heading's)
    assert heading["top"] - 20 <= letter["top"] <= heading["top"] + 40, (letter, heading)
    page.context.close()
