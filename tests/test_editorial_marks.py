"""Issue 16: readers see at the text which headlines and placements the editors assigned: a
labelled link at each such block leads to the editorial note that says why."""

from __future__ import annotations

import re
from pathlib import Path

from edition.pipeline import BuildResult

MARK = re.compile(r'<a class="ed-mark"(?: data-pagefind-ignore)? href="([^"#]*)#([^"]+)">')


def page(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def test_every_editorial_note_is_marked_at_its_block(built: tuple[BuildResult, Path]) -> None:
    result, out = built
    home = page(out, "index.html")
    marked = {target for _, target in MARK.findall(home)}
    for article in result.edition.all_articles:
        for note in article.notes:
            if note.kind == "editorial" and note.block:
                assert note.id in marked, f"no mark on the front page for {note.id}"


def test_a_mark_leads_to_its_note(built: tuple[BuildResult, Path]) -> None:
    _, out = built
    # the assigned headline of the first article, on its own page: the note is on that page
    article = page(out, "2020-05-25/p12/paired-assistance/index.html")
    # (not indexed: search found the label's words on 23 pages, usage walk 8)
    assert '<a class="ed-mark" data-pagefind-ignore href="./#paired-assistance-placement-h1">' in article
    assert 'id="paired-assistance-placement-h1"' in article
    # the page's own headline: its note is on the About page
    home = page(out, "index.html")
    assert '<a class="ed-mark" href="about/#page-placement-h1">' in home
    assert '<li id="page-placement-h1">' in page(out, "about/index.html")
    # the label is visible text, in every view
    assert "Editors’ decision" in home
    assert "编者判定" in page(out, "zh/index.html")
