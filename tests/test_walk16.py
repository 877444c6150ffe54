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


def top_sheet(page: Any, mark: str) -> dict[str, Any]:
    """The name tapped, its note open as a sheet along the top: the boxes of both (BOXES)."""
    name = page.locator(f"#{mark}")
    name.tap()
    page.locator("#popover").wait_for(state="visible")
    page.wait_for_timeout(100)
    assert page.evaluate("document.getElementById('popover').className") == "popover note sheet top"
    found: dict[str, Any] = page.evaluate(BOXES, name.element_handle())
    return found


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


@pytest.mark.parametrize(
    ("mark", "passage", "scroll"),
    [
        ("moyu-p2-m1", "moyu-p2", 0),  # 朝阳区: a short note
        ("moyu-p2-m1", "moyu-p2", 40),  # the header in sight in part
        ("moyu-p2-m3", "moyu-p2", 0),  # 墨玉县: a note longer than its sheet
        # 墨玉县 again, just below the middle: a sheet as tall below the header would cover it
        ("moyu-p1-m5", "moyu-p1", 0),
    ],
)
def test_a_note_along_the_top_of_a_phone_leaves_the_view_switch_free(
    served_site: Site, browser: Any, mark: str, passage: str, scroll: int
) -> None:
    """A name low on the screen has its note along the screen's top: it covered the header's
    view switch, which could not be tapped till the note was closed. While the header is in
    sight the sheet sits below it, and ends above the name; the switch is tapped with the note
    open (and the other view opens at the name's passage: the next test)."""
    page = phone(browser)
    page.goto(served_site.page_url("zh/" + ARTICLE + "index.html"))
    page.evaluate(f"scrollTo(0, {scroll})")
    found = top_sheet(page, mark)
    assert not found["covers"], f"the note covers its name: {found}"
    free = page.locator(".views a[data-view]").evaluate_all(
        """links => links.map(a => { const r = a.getBoundingClientRect();
             return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === a; })"""
    )
    assert all(free), f"the note covers the view switch: {free}"
    page.locator('.views a[data-view="en"]').tap()
    page.wait_for_url(f"**/en/{ARTICLE}#{passage}")
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("desk", [False, True], ids=["phone", "desk"])
@pytest.mark.parametrize(("to", "lands"), [("parallel", "moyu-p1"), ("zh", "moyu-p1")])
def test_switching_view_with_a_note_open_keeps_the_readers_passage(
    served_site: Site, browser: Any, to: str, lands: str, desk: bool
) -> None:
    """Beijing's note open (a name only the English gives: the parallel and English views have
    its note, the Chinese ones not), the switch opens every view at the passage the name is in:
    the reader's place. (Usage walk 16 asked for the note's entry in the views that have it;
    review 22 found that, done for every note, sent readers to the notes at the page's end and
    lost their place: the passage is what a switch keeps.)"""
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


def test_a_top_sheet_with_little_room_below_the_header_takes_the_screens_top(served_site: Site, browser: Any) -> None:
    """A phone turned (568 x 320): below the header a top sheet had 93 px, its close bar and a
    line of the note (review 22). Where the room between the header and the name is that small,
    the sheet starts at the screen's top again, and still ends above its name."""
    page = new_page(browser, viewport={"width": 568, "height": 320}, has_touch=True, is_mobile=True)
    page.goto(served_site.page_url("zh/" + ARTICLE + "index.html"))
    header = page.evaluate("document.querySelector('header.site').getBoundingClientRect().bottom")
    # a name low on the screen, less than 150 px below the header
    mark = page.evaluate(
        f"""[...document.querySelectorAll('a.m')].map(a => [a.id, a.getBoundingClientRect()])
             .filter(([, r]) => r.top > {header} + 40 && r.top < {header} + 140 && r.bottom < innerHeight)
             .map(([id]) => id)[0] || null"""
    )
    assert mark, f"no name on screen just below the header ({header} px)"
    found = top_sheet(page, mark)
    assert found["note"]["top"] == 0 and not found["covers"], found
    assert page.errors == []
    page.context.close()
