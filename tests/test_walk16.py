"""Usage walk 16 (readers on a phone, 390 x 844): the defects it found in a name's note, each as
the reader met it (the site is tests/conftest.py's: the real edition, served under a project
path)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/moyu/"

# the note's box, its name's, and whether the one covers the other
BOXES = """m => {
  const p = document.getElementById('popover').getBoundingClientRect(), b = m.getBoundingClientRect();
  return {covers: p.left < b.right && b.left < p.right && p.top < b.bottom && b.top < p.bottom,
          note: p.toJSON(), name: b.toJSON()};
}"""


def open_note(page: Any, url: str, block: str, name: str) -> Any:
    """The page opened at its top, the name's note opened by touch: the name."""
    page.goto(url)
    mark = page.locator(f"#{block} a.m", has_text=name).first
    mark.tap()
    page.locator("#popover").wait_for(state="visible")
    return mark


def test_a_note_opened_low_on_an_upright_phone_keeps_its_name_in_sight_once_turned(
    served_site: Site, browser: Any
) -> None:
    """朝阳区 in ¶2, low on the screen of a page read from its top: its note opened, the phone
    turned on its side. The note was placed again, above its name, and the name fell below the
    screen's bottom edge (the page at its top, the browser kept it there as the text reflowed:
    the names an earlier test turned with were in the screen's top 390 px). The name is
    brought into sight, and the note placed clear of it."""
    page = phone(browser)
    mark = open_note(page, served_site.page_url("zh/" + ARTICLE + "index.html"), "moyu-p2", "朝阳区")
    assert page.evaluate("scrollY") == 0 and mark.bounding_box()["y"] > 390  # (below the turned screen's edge)
    page.set_viewport_size({"width": 844, "height": 390})
    page.wait_for_timeout(400)
    found = page.evaluate(BOXES, mark.element_handle())
    name = found["name"]
    assert name["top"] >= 0 and name["bottom"] <= 390, f"the name is off the screen: {found}"
    assert not found["covers"], f"the note covers its name: {found}"
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("desk", [False, True], ids=["phone", "desk"])
@pytest.mark.parametrize(("to", "lands"), [("parallel", "n-beijing"), ("zh", "moyu-p1")])
def test_switching_view_with_a_note_open_opens_at_the_note_where_the_view_has_it(
    served_site: Site, browser: Any, to: str, lands: str, desk: bool
) -> None:
    """Beijing's note open (a name only the English gives: the parallel and English views have
    its note, the Chinese ones not), the switch to the parallel view opened at ¶1, not at the
    note: the place kept was the passage the name was tapped in. The note open is the place, as
    a note's shared link is: the parallel view opens at it, a Chinese view at its passage."""
    url = served_site.page_url("en/" + ARTICLE + "index.html")
    if desk:  # by mouse
        page = new_page(browser, viewport={"width": 1280, "height": 800})
        page.goto(url)
        page.locator("#moyu-p1-e8").click()  # Beijing
        page.locator("#popover").wait_for(state="visible")
        page.locator(f'.views a[data-view="{to}"]').click()
    else:
        page = phone(browser)
        open_note(page, url, "moyu-p1", "Beijing")
        page.locator(f'.views a[data-view="{to}"]').tap()
    page.wait_for_url(f"**#{lands}")
    top = page.evaluate(f"document.getElementById('{lands}').getBoundingClientRect().top")
    assert 0 <= top < 300, top
    assert page.errors == []
    page.context.close()
