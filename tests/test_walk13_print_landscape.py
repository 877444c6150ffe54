"""usage walk 13 (thirteenth session): an article's notes printed, and a name's note on a phone
turned on its side, as the reader met them (the site is tests/conftest.py's: the real edition,
served under a project path)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/urban-renewal/"  # its notes: 43 names' (numbered), 3 editors' (lettered)
MOYU = "zh/2020-05-25/p12/moyu/"
UPRIGHT = {"width": 390, "height": 844}
TURNED = {"width": 844, "height": 390}

# Each list of notes under print media: its box, and for each note the left of its box, of its
# marker (a number or a letter: the marker text, "43. ", measured in the note's font, ends where
# the note's text begins, as Chromium sets an outside marker), and of each of its lines.
NOTES = """() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const marker = (li, i) => {
    const style = getComputedStyle(li);
    ctx.font = style.font;
    const n = style.listStyleType === 'lower-alpha' ? String.fromCharCode(97 + i) : String(i + 1);
    return li.getBoundingClientRect().left - ctx.measureText(n + '. ').width;
  };
  return [...document.querySelectorAll('.notes ol')].map(ol => ({
    list: ol.className, left: ol.getBoundingClientRect().left,
    notes: [...ol.children].map((li, i) => {
      const range = document.createRange();
      range.selectNodeContents(li);
      return {left: li.getBoundingClientRect().left, marker: marker(li, i),
              lines: [...range.getClientRects()].filter(r => r.width > 0).map(r => r.left)};
    }),
  }));
}"""


@pytest.mark.parametrize("view", ["", "en/", "zh/"], ids=["parallel", "en", "zh"])
def test_a_printed_articles_lettered_notes_hang_as_its_numbered_ones(
    served_site: Site, browser: Any, view: str
) -> None:
    """Printed, the editors' notes' letters stood a quarter of the margin right of the names'
    numbers, and their text right of the numbered notes' text (print.css narrowed the numbered
    list's margin to 2em; the lettered one kept the screen's 40px). One column for both: each
    letter hangs in the margin as a number does, within the page's text margin, and the note's
    first line and every wrapped line start where the numbered notes' text starts."""
    page = new_page(browser, viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(served_site.page_url(view + ARTICLE + "index.html"))
    page.emulate_media(media="print")
    numbered, lettered = page.evaluate(NOTES)
    assert (numbered["list"], lettered["list"]) == ("entity-notes", "editorial-notes")
    assert len(numbered["notes"]) > 9 and len(lettered["notes"]) == 3
    column = numbered["notes"][0]["left"]
    assert {round(note["left"], 1) for note in numbered["notes"]} == {round(column, 1)}
    for i, note in enumerate(lettered["notes"]):
        letter = "abc"[i]
        assert abs(note["left"] - column) < 0.5, (
            f"\"{letter}.\"'s text at {note['left']}, the numbered notes' at {column}"
        )
        assert lettered["left"] <= note["marker"] < note["left"], f'"{letter}." outside the margin: {note}'
        assert len(note["lines"]) > 1 and min(note["lines"]) >= note["left"] - 0.5, f"a line sticks out: {note}"
    wrapped = [line for note in lettered["notes"] for line in note["lines"][1:]]
    assert any(abs(line - column) < 0.5 for line in wrapped), "no wrapped line starts at the text's left"
    page.context.close()


OPEN = """m => {
  const p = document.getElementById('popover'), a = p.getBoundingClientRect(), b = m.getBoundingClientRect();
  const close = p.querySelector('.close').getBoundingClientRect();
  return {covers: a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
          note: a.toJSON(), name: b.toJSON(), close: close.toJSON(), sheet: p.classList.contains('sheet'),
          scrolls: p.scrollHeight > p.clientHeight};
}"""


def open_note(browser: Any, site: Site, screen: dict[str, int], at: int) -> tuple[Any, Any]:
    """A note opened by touch on 墨玉县 (its note longer than a short screen) at `at` px from the top."""
    page = new_page(browser, viewport=screen, has_touch=True, is_mobile=True)
    page.goto(site.page_url(MOYU + "index.html"))
    mark = page.locator("main a.m", has_text="墨玉县").first
    page.evaluate("([m, y]) => scrollBy(0, m.getBoundingClientRect().top - y)", [mark.element_handle(), at])
    page.wait_for_timeout(100)
    mark.tap()
    page.locator("#popover").wait_for(state="visible")
    return page, mark


def readable(found: dict[str, Any], screen: dict[str, int]) -> None:
    """The note clear of its name, and with its close control, on the screen."""
    assert not found["covers"], f"the note covers its name: {found}"
    note, close = found["note"], found["close"]
    assert note["left"] >= 0 and note["right"] <= screen["width"], found
    assert close["top"] >= 0 and close["bottom"] <= screen["height"], f"its close control off the screen: {found}"


@pytest.mark.parametrize("at", [120, 360, 600])
def test_a_note_opened_upright_never_covers_its_name_once_the_phone_is_turned(
    served_site: Site, browser: Any, at: int
) -> None:
    """On a phone turned on its side a name's note covered the name: opened with the phone
    upright, it was a sheet along the screen's bottom (or top), and stayed one when the phone
    was turned (844 px is a desk's width, where a note sits beside its name: nothing placed it
    again), over the name's new place in the longer lines; scrolling did not move it. Turned,
    the note is placed again: beside its name, clear of it, its close control on the screen."""
    page, mark = open_note(browser, served_site, UPRIGHT, at)
    readable(page.evaluate(OPEN, mark.element_handle()), UPRIGHT)
    page.set_viewport_size(TURNED)
    page.wait_for_timeout(300)
    found = page.evaluate(OPEN, mark.element_handle())
    readable(found, TURNED)
    assert not found["sheet"], found
    page.evaluate("scrollBy(0, 30)")  # read on, the note still beside its name
    page.wait_for_timeout(300)
    assert not page.evaluate(OPEN, mark.element_handle())["covers"]
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("at", [60, 180, 300])
def test_a_note_opened_on_a_turned_phone_stays_clear_of_its_name(served_site: Site, browser: Any, at: int) -> None:
    """Opened on a phone turned on its side (a short screen: its note is taller than the room
    above or below its name), the note sits on the side with more room, no taller than that
    room, and scrolls inside: clear of its name, its close control on the screen. Held upright
    again, it is placed again, as the phone's sheet (it kept the desk's box: a sheet a column
    wide, partly off the screen)."""
    page, mark = open_note(browser, served_site, TURNED, at)
    found = page.evaluate(OPEN, mark.element_handle())
    readable(found, TURNED)
    assert not found["sheet"] and found["scrolls"], found
    page.set_viewport_size(UPRIGHT)
    page.wait_for_timeout(300)
    found = page.evaluate(OPEN, mark.element_handle())
    readable(found, UPRIGHT)
    assert found["sheet"] and found["note"]["left"] == 0 and found["note"]["width"] == UPRIGHT["width"], found
    assert page.errors == []
    page.context.close()
