"""Switching view from a name's note that the other view does not have (review 16): a name only
the English gives (Beijing, in the Moyu article) has a note in the parallel and English views
only. The Chinese view opened at its top; it now opens at the passage that names it. A note
every view has is kept (tests/test_walk13.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_browser import Site
from test_phone_reading import phone

ARTICLE = "2020-05-25/p12/moyu/"


def switch_view_after_reading(browser: Any, url: str, to: str) -> Any:
    """A reader on a phone opens ``url`` (a note's shared link), reads there, scrolls back up to
    the header's switch and switches to the view ``to``: the page after the switch."""
    page = phone(browser)
    page.goto(url)
    page.wait_for_timeout(1000)  # read there: the page has come to rest on the note
    page.evaluate("window.scrollTo(0, 0)")  # up to the header's switch
    page.wait_for_timeout(100)
    page.locator(f'.views a[data-view="{to}"]').click()
    return page


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "to", "lands"),
    [
        ("en/", "zh", "moyu-p1"),  # the Chinese views have no note for Beijing: its passage
        ("", "zh-hant", "moyu-p1"),
        ("en/", "parallel", "n-beijing"),  # review 17: a view that has the note keeps it
        ("", "en", "n-beijing"),
    ],
)
def test_switching_view_from_a_note_only_one_language_gives(
    served_site: Site, browser: Any, start: str, to: str, lands: str
) -> None:
    page = switch_view_after_reading(browser, served_site.page_url(start + ARTICLE + "index.html#n-beijing"), to)
    page.wait_for_url(f"**#{lands}")
    top = page.evaluate(f"document.getElementById('{lands}').getBoundingClientRect().top")
    assert 0 <= top < 300, top
    has_note = page.evaluate("document.getElementById('n-beijing') !== null")
    assert has_note == (lands == "n-beijing")
    assert page.errors == []
    page.context.close()


def test_only_the_notes_some_view_lacks_carry_their_passage(built: tuple[Any, Path]) -> None:
    """data-z (the Chinese views lack the note: a name only the English gives) is on the notes of
    names named in one language only (the real page's three, all English), in the views that
    show them (the parallel and the English), and nowhere else; no note has data-e."""
    _, out = built
    found = set()
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for note, at in re.findall(r'<li id="(n-[^"]+)" class="note[^"]*" data-z="([^"]+)"', text):
            found.add((path.relative_to(out).as_posix(), note, at))
        assert not re.search(r'<li id="n-[^"]+" class="note[^"]*" data-e=', text), path
    assert found == {
        (f"{view}{page}index.html", note, at)
        for view in ("", "en/")
        for page, note, at in (
            ("2020-05-25/p12/moyu/", "n-beijing", "moyu-p1"),
            ("2020-05-25/p12/paired-assistance/", "n-beijing", "paired-assistance-p1"),
            ("", "n-fight-against-poverty", "page-h1"),  # the site's front page, and the page's own
            ("2020-05-25/p12/", "n-fight-against-poverty", "page-h1"),
        )
    }
