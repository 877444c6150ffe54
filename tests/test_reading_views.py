"""Reading across views, as a reader does, in a real browser: switching view keeps the
passage one was reading (found by a usage walk: the view's links led to the top of the other
view's page, though every view has the same passage ids).

Uses the edition built once and served (tests/conftest.py), as tests/test_browser.py does;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as it is.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import ARTICLE, Site, new_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    return served_site


@pytest.mark.parametrize("touch", [False, True])
def test_switching_view_keeps_the_passage(site: Site, browser: Any, touch: bool) -> None:
    options: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True} if touch else {}
    page = new_page(browser, **options)
    page.goto(site.url + ARTICLE + "#moyu-p5")
    link = page.locator('.views a[data-view="en"]')
    if touch:
        link.tap()
    else:
        link.click()
    page.wait_for_url("**/en/" + ARTICLE + "#moyu-p5")
    # the passage is where the reader is: at the top of the window, not the page's top
    top = page.evaluate("document.getElementById('moyu-p5').getBoundingClientRect().top")
    assert abs(top) < 50, top
    assert not page.errors, page.errors
    page.context.close()


def test_switching_view_from_a_name_keeps_its_passage(site: Site, browser: Any) -> None:
    """A name's id differs between views (moyu-p5-m1 in Chinese, -e1 in English): the passage it
    is in is where the other view opens (found by review: the English page opened at its top)."""
    page = new_page(browser)
    page.goto(site.url + ARTICLE + "#moyu-p5-m1")
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url("**/en/" + ARTICLE + "#moyu-p5")
    assert abs(page.evaluate("document.getElementById('moyu-p5').getBoundingClientRect().top")) < 50
    assert not page.errors, page.errors
    page.context.close()


@pytest.mark.parametrize("view", ["zh/", "zh-hant/"])
def test_a_linked_passage_beside_a_vertical_headline_leaves_it_readable(site: Site, browser: Any, view: str) -> None:
    """Usage walk 8: at 1280 px the Chinese views set a vertical headline floated beside the
    text, and the highlight of a linked passage (:target) was painted over it: 攻堅 責無
    disappeared. The headline stays on top: what the reader sees at its middle is itself."""
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(site.url + view + "2020-05-25/p12/paired-assistance/#paired-assistance-p2")
    box = page.eval_on_selector(
        ".vertical .zh", "e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"
    )
    x, y, width, height = box
    assert width > 0 and height > 0
    hit = page.evaluate(f"document.elementFromPoint({x + width / 2}, {y + height / 2}).closest('.vertical') !== null")
    assert hit, "the linked passage's highlight covers the vertical headline"
    assert not page.errors
    page.context.close()
