"""Walk 10, an editor's mistakes: each one clear message, with file, line and hint.

1. A paragraph deleted from an article's Chinese was four errors (the 'blocks:' count, the
   English's block "with no Chinese counterpart — remove it", a glossary name and a checked
   reading "not in the text"), and `check` added a hundred source lines "in no block"; none
   named the paragraph. Now one error names it, where it belongs, and the rest is held back.
2. Raw HTML and an emphasis left open in the English were published as typed without a word;
   a tag or a star inside an approved rendering was reported as a missing rendering.
3. A name found only in the English was not found capitalised at a sentence's start, as the
   names paired with the Chinese are (_en_pattern).
"""

from __future__ import annotations

import pytest
from bad_input_support import EN, MOYU_PAGE, Project

from edition.annotate import _en_pattern, english_index, find_english
from edition.slips import slips, words_read

# --- 2. raw HTML, an emphasis left open -----------------------------------------------------

RAW = "is shown to readers as text, not as HTML — remove the tag: a content file's HTML is never published as HTML (for emphasis write *…*, for strong **…**)"
STAR = "not as emphasis — close it (*…* for emphasis, **…** for strong), or write \\* for a star that is meant"
OFFICE = "secretary of the Chaoyang District Party committee"  # the termbase's alias for 区委书记


def test_raw_html_in_the_english_is_a_warning_and_never_html(project: Project) -> None:
    project.edit(EN, OFFICE, OFFICE.replace("Chaoyang", "<b>Chaoyang</b>"))
    line = project.line(EN, "<b>Chaoyang</b>")
    column = project.read(EN).split("\n")[line - 1].index("<b>") + 1
    # a tag inside an approved rendering is not a missing rendering: the build succeeds
    project.warns(f"{EN}:{line}:{column}: warning: raw HTML ‘<b>’ {RAW}")
    page = project.read(f"output/{MOYU_PAGE}")
    # shown as the characters typed (the name inside is a link: marks stand between)
    assert "secretary of the &lt;b&gt;<a " in page and "Chaoyang</a>&lt;/b&gt;" in page


def test_a_script_in_the_english_is_a_warning(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time <script>alert(document.domain)</script>")
    line = project.line(EN, "<script>")
    column = project.read(EN).split("\n")[line - 1].index("<script>") + 1
    project.warns(f"{EN}:{line}:{column}: warning: raw HTML ‘<script>’ {RAW}")
    assert "<script>alert" not in project.read(f"output/{MOYU_PAGE}")
    project.fails(
        f"{EN}:{line}:{column}: error: raw HTML ‘<script>’ {RAW}", args=("build", "--no-search", "-q", "--strict")
    )


@pytest.mark.parametrize(
    ("written", "marker", "shown", "seen"),
    [("*racing", "*", "*racing against time", "a star"), ("**racing", "**", "**racing against time", "stars")],
)
def test_an_emphasis_left_open_is_a_warning(project: Project, written: str, marker: str, shown: str, seen: str) -> None:
    project.edit(EN, "racing against time", written + " against time")
    line = project.line(EN, written)
    column = project.read(EN).split("\n")[line - 1].index(written) + 1
    project.warns(
        f"{EN}:{line}:{column}: warning: an unmatched ‘{marker}’ (“{shown}”) is shown to readers as {seen}, {STAR}"
    )


def test_emphasis_inside_an_approved_rendering_is_that_rendering(project: Project) -> None:
    project.edit(EN, OFFICE, OFFICE.replace("Chaoyang District", "*Chaoyang District*"))
    outcome = project.warns()
    assert not [p for p in outcome.lines if ": warning: " in p and EN in p and "emphasis" in p]


def test_what_is_not_a_slip() -> None:
    for text in ("5 * 3 = 15", "a *b* c", "x_y_z", r"\*starred", "`*code`", "x<y and y>z", "<https://example.org/>"):
        assert slips(text) == [], text
    assert [s.written for s in slips("word* here")] == ["word*"]
    assert words_read("the <b>district</b> *Party* committee") == "the district Party committee"
    assert words_read("[link](https://example.org/a_b) `c*d`") == "link c*d"


# --- 3. English-only names at a sentence's start ----------------------------------------------


def test_an_english_only_name_is_found_capitalised_where_a_sentence_begins() -> None:
    forms = ["paired assistance", "this newspaper"]
    text = "Paired assistance began in 2016. “This newspaper reports” that the Paired assistance, paired assistance."
    found = [(text[a:b], form) for a, b, form in find_english(text, english_index(forms))]
    assert found == [
        ("Paired assistance", "paired assistance"),
        ("This newspaper", "this newspaper"),
        ("paired assistance", "paired assistance"),  # not "the Paired assistance": no sentence begins there
    ]
    assert [m.group(0) for m in _en_pattern(tuple(forms)).finditer(text)] == [t for t, _ in found]
