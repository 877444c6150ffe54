"""A name's note as a reader meets it (findings of earlier usage walks, left open till the twelfth
session): what its label says, what it is headed by when opened from another form of the name,
how a phone's sheet is closed, where a desk's pop-over sits, and the way back to the text without
JavaScript. The site is tests/conftest.py's: the real edition, served under a project path."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_browser import Site, new_page
from test_phone_reading import phone

pytestmark = pytest.mark.browser

PAIRED = "2020-05-25/p12/paired-assistance/"
DESK = {"width": 1280, "height": 800}


def desk(browser: Any) -> Any:
    return new_page(browser, viewport=DESK)


# --- 1. the label says what the note is ------------------------------------------------------

LABELS = {"": "Note on this place", "en/": "Note on this place", "zh/": "地名注释", "zh-hant/": "地名註釋"}


@pytest.mark.parametrize("view", list(LABELS), ids=["parallel", "en", "zh", "zh-hant"])
def test_a_notes_label_says_plainly_what_it_is(served_site: Site, view: str) -> None:
    """Readers did not understand "Gloss · Place" (the note's kind · the name's kind)."""
    html = (served_site.out / view / PAIRED / "index.html").read_text(encoding="utf-8")
    note = re.search(
        r'<li id="n-chaoyang-district"[^>]*>\s*(?:<a [^>]*hidden>[^<]*</a>\s*)*<span class="note-kind"[^>]*>([^<]*)<',
        html,
    )
    assert note, "no note on Chaoyang District"
    assert note.group(1) == LABELS[view]
    labels = set(re.findall(r'<span class="note-kind"[^>]*>([^<]*)<', html))
    assert not any("·" in label or "Gloss" in label or "简注" in label or "簡註" in label for label in labels), labels
    background = re.search(
        r'<li id="n-nineteenth-party-congress"[^>]*>\s*(?:<a [^>]*hidden>[^<]*</a>\s*)*<span class="note-kind"[^>]*>([^<]*)<',
        html,
    )
    assert background and background.group(1) == {"zh/": "事件背景说明", "zh-hant/": "事件背景說明"}.get(
        view, "Background to this event"
    )


# --- 2. a note opened from another form of the name ------------------------------------------


@pytest.mark.parametrize(
    ("view", "alias", "said", "main"),
    [
        ("", "paired-assistance-p1-m5", "北京市朝阳区", "(listed as 朝阳区 Cháoyáng Qū Chaoyang District)"),
        ("zh-hant/", "paired-assistance-p1-m5", "北京市朝陽區", "（條目：朝陽區 Cháoyáng Qū Chaoyang District）"),
        ("en/", "urban-renewal-p8-e1", "Chaoyang", "(listed as 朝阳区 Cháoyáng Qū Chaoyang District)"),
    ],
    ids=["parallel", "zh-hant", "en"],
)
def test_a_note_opened_from_an_alias_is_headed_by_what_was_tapped(
    served_site: Site, browser: Any, view: str, alias: str, said: str, main: str
) -> None:
    """Tapping 北京市朝阳区 opened a note headed 朝阳区: not the word tapped."""
    page = phone(browser)
    article = PAIRED if alias.startswith("paired") else "2020-05-25/p12/urban-renewal/"
    page.goto(served_site.page_url(f"{view}{article}index.html"))
    mark = page.locator(f"#{alias}")
    assert mark.inner_text() == said
    mark.scroll_into_view_if_needed()
    mark.tap()
    popover = page.locator("#popover")
    popover.wait_for()
    heading = popover.locator("b.tapped")
    assert heading.inner_text() == said
    assert heading.get_attribute("lang") == ("en" if view == "en/" else "zh-Hant" if view else "zh-Hans")
    text = " ".join(popover.locator(".main-form").inner_text().split())
    assert text == main
    # the heading of a note opened from its main form is as it was: no "main form"
    page.locator("#popover .close").tap()
    popover.wait_for(state="detached")
    first = page.locator(
        'main a.m[href^="#n-chaoyang-district"]', has_text=re.compile("^(朝阳区|朝陽區|Chaoyang District)$")
    ).first
    first.scroll_into_view_if_needed()
    first.tap()
    popover.wait_for()
    assert popover.locator("b.tapped, .main-form").count() == 0
    assert page.errors == []
    page.context.close()


# --- 3. a visible close control --------------------------------------------------------------


def two_names(page: Any, text: str = "e") -> tuple[Any, Any]:
    """Two names, the second a few passages after the first (its Chinese or English mark)."""
    return page.locator("#paired-assistance-p2-m2"), page.locator(f"#paired-assistance-p5-{text}1")


def assert_open(page: Any, mark: Any, what: str) -> Any:
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    note = mark.get_attribute("href").split("#")[1].split("~")[0]
    expected = " ".join(str(page.locator(f"[id='{note}'] .note-text").text_content()).split())[:30]
    assert expected in " ".join(popover.inner_text().split()), f"{what}: not its note"
    close = popover.locator("button.close")
    assert close.is_visible(), f"{what}: no close control in sight"
    box, screen = close.bounding_box(), page.viewport_size
    assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], (
        f"{what}: the close control is off the screen"
    )
    return close


def assert_closed(page: Any, mark: Any, what: str) -> None:
    page.locator("#popover").wait_for(state="detached")
    page.wait_for_timeout(300)
    assert page.locator("#popover").count() == 0, f"{what}: the note opened again"
    assert mark.evaluate("m => m === document.activeElement"), f"{what}: the focus is not back on the name"


@pytest.mark.parametrize("view", ["", "zh/"], ids=["parallel", "zh"])
def test_two_notes_in_a_row_close_by_touch_on_a_phone(served_site: Site, browser: Any, view: str) -> None:
    """The sheet had no close control in sight: only a tap outside it, or Escape."""
    page = phone(browser)
    page.goto(served_site.page_url(f"{view}{PAIRED}index.html"))
    for n, mark in enumerate(two_names(page, "m" if view else "e"), 1):
        mark.scroll_into_view_if_needed()
        mark.tap()
        close = assert_open(page, mark, f"note {n}")
        assert close.get_attribute("type") == "button"
        label = "关闭" if view else "Close"
        assert close.evaluate("b => b.innerText").strip() == label
        # its × is seen, not read aloud: the button's name is its word
        assert close.evaluate("b => getComputedStyle(b, '::before').content").startswith('"× "')
        assert page.locator("#popover").get_by_role("button", name=label, exact=True).count() == 1
        assert page.locator("#popover").evaluate("p => p.classList.contains('sheet')")
        close.tap()
        assert_closed(page, mark, f"note {n}")
    assert page.errors == []
    page.context.close()


def test_two_notes_in_a_row_close_by_mouse_at_a_desk(served_site: Site, browser: Any) -> None:
    page = desk(browser)
    page.goto(served_site.page_url(f"{PAIRED}index.html"))
    for n, mark in enumerate(two_names(page), 1):
        mark.click()
        close = assert_open(page, mark, f"note {n}")
        close.click()
        assert_closed(page, mark, f"note {n}")
    assert page.errors == []
    page.context.close()


def test_two_notes_in_a_row_close_by_keyboard(served_site: Site, browser: Any) -> None:
    """By keyboard: a name's focus opens its note, Tab goes to its close control, Enter closes it
    and the focus is on the name again; Tab goes on to the next name, whose note opens, and
    closes as the first did."""
    page = desk(browser)
    page.goto(served_site.page_url(f"{PAIRED}index.html"))
    first = page.locator("#paired-assistance-p2-m2")
    first.focus()
    for n in (1, 2):
        mark = page.locator("a.m:focus")
        assert_open(page, mark, f"note {n}")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('#popover button.close')"), (
            f"note {n}: Tab missed the close control"
        )
        page.keyboard.press("Enter")
        assert_closed(page, mark, f"note {n}")
        page.keyboard.press("Tab")  # on to the next name: its note opens
        assert page.evaluate("document.activeElement.matches('a.m')"), "Tab did not go on to the next name"
    page.keyboard.press("Escape")
    assert page.errors == []
    page.context.close()


# --- 4. at a desk, the pop-over off the lines still to be read --------------------------------


def lines_after(page: Any, mark: Any) -> dict[str, float]:
    """The box of the mark's passage text from the mark's line down (what is still to be read)."""
    return mark.evaluate(
        """m => { const r = m.getBoundingClientRect(); const p = m.closest('p, h1, h2, h3, figcaption').getBoundingClientRect();
          return {x: p.left, y: r.top, width: p.width, height: p.bottom - r.top}; }"""
    )


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


@pytest.mark.parametrize("view", ["", "en/", "zh/"], ids=["parallel", "en", "zh"])
def test_a_desks_popover_leaves_the_lines_after_the_name_in_sight(served_site: Site, browser: Any, view: str) -> None:
    """Below its name the pop-over covered the lines the reader was about to read: where there is
    room it is above the name's line, over what has been read."""
    page = desk(browser)
    page.goto(served_site.page_url(f"{view}{PAIRED}index.html"))
    mark = page.locator("#paired-assistance-p2-" + ("m2" if view == "zh/" else "e2"))
    page.evaluate("m => scrollBy(0, m.getBoundingClientRect().top - 450)", mark.element_handle())
    mark.click()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    box, after, name = popover.bounding_box(), lines_after(page, mark), mark.bounding_box()
    assert not overlap(box, after), f"the note covers the lines after the name: {box} over {after}"
    assert box["y"] + box["height"] <= name["y"], f"not above the name's line: {box} {name}"
    assert box["y"] >= 0, "the note runs off the screen"
    # no room above (the name near the window's top): below it, as before
    page.mouse.click(5, 5)
    popover.wait_for(state="detached")
    page.evaluate("m => scrollBy(0, m.getBoundingClientRect().top - 40)", mark.element_handle())
    mark.click()
    popover.wait_for(state="visible")
    box, name = popover.bounding_box(), mark.bounding_box()
    assert box["y"] >= name["y"] + name["height"], f"not below the name: {box} {name}"
    assert box["y"] + box["height"] <= DESK["height"], "the note runs off the screen"
    assert page.errors == []
    page.context.close()


# --- 5. without JavaScript, back to the passage the reader came from ---------------------------


@pytest.mark.parametrize("view", ["", "zh/"], ids=["parallel", "zh"])
def test_without_javascript_back_to_the_text_returns_to_the_passage_left(
    served_site: Site, browser: Any, view: str
) -> None:
    """A note's "Back to the text" led to the name's first mention, wherever the reader came from."""
    page = new_page(browser, viewport=DESK, java_script_enabled=False)
    page.goto(served_site.page_url(f"{view}{PAIRED}index.html"))
    later = page.locator("#paired-assistance-p5-m2")  # 朝阳区 in ¶5; its first mention is in ¶1
    assert later.inner_text() == "朝阳区"
    later.click()
    page.wait_for_url("**#n-chaoyang-district~paired-assistance-p5")
    note = page.locator("#n-chaoyang-district")
    back = note.get_by_role("link", name="返回正文" if view else "Back to the text")
    assert back.count() == 1, "one way back in sight"
    assert note.locator(".note-text").is_visible()
    top = note.evaluate("n => n.getBoundingClientRect().top")
    assert 0 <= top < 100, f"the note is not at the window's top: {top}"
    # highlighted as a note reached by its own address is (review 15: near a page's end a note
    # cannot come to the window's top, and the reader could not tell which was theirs)
    # (its text marked: the note itself cannot be, without :has(), which the Nu checker's CSS parser lacks)
    background = "n => getComputedStyle(n).backgroundColor"
    other = page.locator(".entity-notes > li.note .note-text").first
    assert other.evaluate("n => !n.closest('li').querySelector('a:target')")
    mine = note.locator(".note-text")
    assert mine.evaluate(background) != other.evaluate(background), "the note reached is not marked"
    back.click()
    page.wait_for_url("**#paired-assistance-p5-m2")
    assert page.evaluate("document.querySelector(':target').id") == "paired-assistance-p5-m2"
    # from the first mention, the way back is to it, as before
    page.locator("#paired-assistance-p1-m5").click()
    page.wait_for_url("**#n-chaoyang-district")
    back = note.get_by_role("link", name="返回正文" if view else "Back to the text")
    assert back.count() == 1
    back.click()
    page.wait_for_url("**#paired-assistance-p1-m5")
    page.context.close()


def test_a_later_passages_name_opens_its_note_with_javascript(served_site: Site, browser: Any) -> None:
    """With JavaScript the same name opens its note (not its hidden way back), and is printed
    with its note's number."""
    page = desk(browser)
    page.goto(served_site.page_url(f"{PAIRED}index.html"))
    page.evaluate("document.documentElement.dataset.marks = 'all'")
    later = page.locator("#paired-assistance-p5-m2")
    later.click()
    popover = page.locator("#popover")
    popover.wait_for()
    assert "A large district" in popover.inner_text()
    assert popover.get_by_role("link", name="Back to the text").count() == 0
    # printed, a first mention in a later passage than the name's first (in its language: 北京 in
    # ¶2 of an article whose ¶1 names Beijing only in the English) carries its note's number
    page.goto(served_site.page_url("2020-05-25/p12/urban-renewal/index.html"))
    mark = page.locator("#urban-renewal-p2-m3")
    assert mark.get_attribute("href") == "#n-beijing~urban-renewal-p2"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    number = page.locator("#urban-renewal-p2-m3 + sup.note-num")
    assert number.count() == 1
    notes = page.locator("ol.entity-notes > li").evaluate_all("lis => lis.map(li => li.id)")
    assert number.inner_text().strip() == str(notes.index("n-beijing") + 1)
    assert page.errors == []
    page.context.close()
