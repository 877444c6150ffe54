"""A name's note as a reader meets it (findings of earlier usage walks, left open till the twelfth
session): what its label says, what it is headed by when opened from another form of the name,
how a phone's sheet is closed, where a desk's pop-over sits, and the way back to the text without
JavaScript. The site is tests/conftest.py's: the real edition, served under a project path."""

from __future__ import annotations

import re

import pytest
from test_browser import Site

pytestmark = pytest.mark.browser

PAIRED = "2020-05-25/p12/paired-assistance/"


# --- 1. the label says what the note is ------------------------------------------------------

LABELS = {"": "Note on this place", "en/": "Note on this place", "zh/": "地名注释", "zh-hant/": "地名註釋"}


@pytest.mark.parametrize("view", list(LABELS), ids=["parallel", "en", "zh", "zh-hant"])
def test_a_notes_label_says_plainly_what_it_is(served_site: Site, view: str) -> None:
    """Readers did not understand "Gloss · Place" (the note's kind · the name's kind)."""
    html = (served_site.out / view / PAIRED / "index.html").read_text(encoding="utf-8")
    note = re.search(r'<li id="n-chaoyang-district"[^>]*>\s*<span class="note-kind"[^>]*>([^<]*)<', html)
    assert note, "no note on Chaoyang District"
    assert note.group(1) == LABELS[view]
    labels = set(re.findall(r'<span class="note-kind"[^>]*>([^<]*)<', html))
    assert not any("·" in label or "Gloss" in label or "简注" in label or "簡註" in label for label in labels), labels
    background = re.search(r'<li id="n-nineteenth-party-congress"[^>]*>\s*<span class="note-kind"[^>]*>([^<]*)<', html)
    assert background and background.group(1) == {"zh/": "事件背景说明", "zh-hant/": "事件背景說明"}.get(
        view, "Background to this event"
    )
