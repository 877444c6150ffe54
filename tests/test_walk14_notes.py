"""Usage walk 14 (thirteenth session): an article's notes printed, as the reader met them (the
site is tests/conftest.py's: the real edition, served under a project path)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page

pytestmark = pytest.mark.browser

ARTICLE = "2020-05-25/p12/urban-renewal/"  # its notes: 43 names' (numbered), 3 editors' (lettered)

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
