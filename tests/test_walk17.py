"""Usage walk 17 (readers at a desk and on a phone, 390 x 844, in the four views): the defects
it found on the way back to the text, the vocabulary page's way back, the view offer's link, the
newspaper page's ¶ and a link to "Cite this article", each as the reader met it (the site is
tests/conftest.py's: the real edition, served under a project path)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/moyu/"
DESK = {"width": 1280, "height": 800}
VIEWS = ["", "zh/", "zh-hant/", "en/"]

# what the reader has before them: a note drawn, the address's target and its box, the focus
SEEN = """() => {
  const t = document.querySelector(':target'), p = document.getElementById('popover');
  return {popover: p ? p.getBoundingClientRect().toJSON() : null, target: t && t.id,
          name: t && t.matches('a.m'), box: t && t.getBoundingClientRect().toJSON(),
          focused: document.activeElement === t, height: innerHeight};
}"""


def back_link(page: Any) -> Any:
    """Wang Hao's note's "Back to the text" (the notes opened, as on a phone they are folded)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    return page.locator("#n-wang-hao .note-links a").first


def follow(page: Any, link: Any, how: str) -> None:
    """A link followed as a reader does: by mouse, touch or keyboard (focus, then Enter)."""
    if how == "touch":
        link.tap()
    elif how == "keyboard":
        link.focus()
        page.keyboard.press("Enter")
    else:
        link.click()


def arrived(page: Any) -> dict[str, Any]:
    page.wait_for_timeout(300)
    seen: dict[str, Any] = page.evaluate(SEEN)
    assert seen["name"], seen
    assert seen["popover"] is None, f"the note is drawn over the way back: {seen}"
    assert seen["box"]["top"] >= 0 and seen["box"]["bottom"] <= seen["height"], seen
    assert page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )
    return seen


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("how", ["mouse", "touch", "keyboard"])
def test_back_to_the_text_shows_the_name_highlighted_not_its_note(
    served_site: Site, browser: Any, view: str, how: str
) -> None:
    """ "Back to the text" under a note led to the name, and the name's focus opened its note
    again: at a desk above the screen's top edge (top -206, bottom 10), on a phone a sheet over
    the text the reader came back to. The name is shown, highlighted, as without JavaScript; its
    note opens as before when the reader asks (a click, a tap, Tab onto it)."""
    url = served_site.page_url(view + ARTICLE + "index.html")
    page = phone(browser) if how == "touch" else new_page(browser, viewport=DESK)
    page.goto(url)
    follow(page, back_link(page), how)
    seen = arrived(page)
    assert seen["focused"], seen
    name = page.locator(f"#{seen['target']}")
    if how == "keyboard":  # Shift+Tab away, Tab back: the note opens
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
    elif how == "touch":
        name.tap()
    else:
        name.click()
    page.locator("#popover").wait_for(state="visible")
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize(("view", "mark"), [("", "moyu-p3-m2"), ("zh/", "moyu-h1-m1"), ("en/", "moyu-h1-e2")])
@pytest.mark.parametrize("desk", [True, False], ids=["desk", "phone"])
def test_a_shared_address_of_a_name_opens_at_the_name_not_its_note(
    served_site: Site, browser: Any, view: str, mark: str, desk: bool
) -> None:
    """The address a way back leaves in the address bar, opened afresh: the note was drawn off
    the screen's top (desk) or over the text (phone)."""
    page = new_page(browser, viewport=DESK) if desk else phone(browser)
    page.goto(served_site.page_url(view + ARTICLE + "index.html") + "#" + mark)
    seen = arrived(page)
    assert seen["target"] == mark
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("view", ["zh/", ""])  # (the English view has no vocabulary link)
@pytest.mark.parametrize("desk", [True, False], ids=["desk", "phone"])
def test_the_vocabulary_page_leads_back_to_the_view_the_reader_came_from(
    served_site: Site, browser: Any, view: str, desk: bool
) -> None:
    """The Simplified view's vocabulary link leads to the parallel view's page,
    which they share; its "Back to the article" led to the parallel view's article, and the
    reader stayed in that view. It leads back to the view the reader came from."""
    page = new_page(browser, viewport=DESK) if desk else phone(browser)
    url = served_site.page_url(view + ARTICLE + "index.html")
    page.goto(url)
    words = page.locator('main a[href$="words/"]').first
    words.click() if desk else words.tap()
    page.wait_for_url(f"**/{ARTICLE}words/")
    assert "/zh/" not in page.url and "/en/" not in page.url  # (the page they share)
    back = page.get_by_role("link", name="Back to the article")
    back.click() if desk else back.tap()
    page.wait_for_url(url)
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize(("chosen", "lands"), [("zh", "zh/"), ("en", "en/"), ("zh-hant", "")])
def test_the_vocabulary_page_reached_by_its_address_leads_back_to_the_view_last_chosen(
    served_site: Site, browser: Any, chosen: str, lands: str
) -> None:
    """No address came from (a bookmark, a shared link): the view the reader last chose, where
    it shares the page (the Traditional view has its own)."""
    page = new_page(browser, viewport=DESK)
    page.goto(served_site.page_url(ARTICLE + "index.html"))
    page.evaluate(f"localStorage.setItem('edition-view', '{chosen}')")
    page.goto(served_site.page_url(ARTICLE + "words/index.html"))
    page.get_by_role("link", name="Back to the article").click()
    page.wait_for_url(served_site.page_url(lands + ARTICLE + "index.html"))
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize(
    ("anchor", "lands"), [("n-xinjiang~moyu-p1", "n-xinjiang"), ("moyu-p3-m2", "moyu-p3"), ("moyu-p5", "moyu-p5")]
)
@pytest.mark.parametrize("desk", [True, False], ids=["desk", "phone"])
def test_the_view_offer_leads_to_the_same_place_as_the_switch(
    served_site: Site, browser: Any, anchor: str, lands: str, desk: bool
) -> None:
    """A reader of the English view opens a parallel address of a note's way back (or a name):
    the offer "You last read the edition in another view" kept the anchor, which the English
    view has not, and opened at its top. It leads where the view switch leads."""
    page = new_page(browser, viewport=DESK) if desk else phone(browser)
    page.goto(served_site.page_url("index.html"))
    page.evaluate("localStorage.setItem('edition-view', 'en')")
    page.goto(served_site.page_url(ARTICLE + "index.html") + "#" + anchor)
    page.wait_for_timeout(300)
    page.evaluate("scrollTo(0, 0)")  # (the offer is in the header)
    offer = page.locator(".view-offer a")
    offer.click() if desk else offer.tap()
    page.wait_for_url(f"**/en/{ARTICLE}#{lands}")
    top = page.evaluate(f"document.getElementById('{lands}').getBoundingClientRect().top")
    assert 0 <= top < 400, top
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("how", ["mouse", "touch", "keyboard"])
def test_the_newspaper_pages_pilcrow_leads_to_the_passage_on_its_article_page(
    served_site: Site, browser: Any, view: str, how: str
) -> None:
    """¶ on the newspaper page only changed the address: no reference, link or citation to copy.
    An article's passage's ¶ leads to it on its article's page, where ¶ gives them; the page's
    own blocks (its masthead) keep their own anchor."""
    page = phone(browser) if how == "touch" else new_page(browser, viewport=DESK)
    page.goto(served_site.page_url(view + "index.html"))
    assert page.locator("#page-m1 > a.pl").get_attribute("href") == "#page-m1"
    assert page.evaluate("document.querySelector('#page-m1 > a.pl').hash") == "#page-m1"
    follow(page, page.locator("#moyu-p5 > a.pl"), how)
    page.wait_for_url(served_site.page_url(view + ARTICLE + "index.html") + "#moyu-p5")
    there = page.locator("#moyu-p5 > a.pl")
    there.tap() if how == "touch" else there.click()
    page.locator("#popover button.copy").first.wait_for(state="visible")
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_an_address_naming_cite_this_article_opens_it(served_site: Site, browser: Any, view: str) -> None:
    """…/moyu/#cite opened on the box closed (its summary only)."""
    page = new_page(browser, viewport=DESK)
    url = served_site.page_url(view + ARTICLE + "index.html")
    page.goto(url + "#cite")
    page.wait_for_timeout(200)
    assert page.evaluate("document.getElementById('cite').open")
    page.goto(url)
    assert not page.evaluate("document.getElementById('cite').open")
    page.evaluate("location.hash = 'cite'")
    page.wait_for_timeout(200)
    assert page.evaluate("document.getElementById('cite').open")
    assert page.errors == []
    page.context.close()
