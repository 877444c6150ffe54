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
from bad_input_support import EN, MOYU_PAGE, ZH, Project

from edition.annotate import _en_pattern, english_index, find_english
from edition.slips import slips, words_read

P5 = "疫情期间，针对墨玉县劳动力外出"  # moyu-p5, source lines 764-798
RESTORE = "every source line stands in a block (one that is not this article's moves in layout.yaml)"


def delete_paragraph(project: Project, start: str) -> int:
    """Delete the paragraph of the Chinese that begins so; the line where it stood."""
    text = project.read(ZH)
    at = text.index("\n\n" + start) + 2
    end = text.index("\n\n", at) + 2
    project.write(ZH, text[:at] + text[end:])
    return text.count("\n", 0, at) + 1


def test_a_paragraph_deleted_from_the_chinese_is_one_error(project: Project) -> None:
    line = delete_paragraph(project, P5)
    assert project.read(ZH).split("\n")[line - 1] == "## 广泛动员 形成帮扶合力"  # the block after it
    english = project.line(EN, "During the epidemic")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese has one block fewer than the source lines it claims ('blocks:' lists 11 "
        "ranges for 10 blocks) and than its English (11 blocks): moyu-p5, the paragraph of source lines 764-798 "
        f"(“疫情期间，针对墨玉县劳动力外出转…”), is missing here, after moyu-p4 — restore it here, before this block, "
        f"as source lines 764-798 have it (its English is at {EN}:{english}:1): {RESTORE}"
    )


def test_check_says_it_once_too(project: Project) -> None:
    """`check` printed every source line of the article "in no block" (its 'blocks:' unread)."""
    line = delete_paragraph(project, P5)
    outcome = project.run("check")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert outcome.status == 1
    assert len(errors) == 1 and errors[0].startswith(f"{ZH}:{line}:1: error: the Chinese has one block fewer"), errors
    held = [p for p in outcome.lines if p.startswith("not accounted for: ")]
    assert held == [
        f"not accounted for: the source lines of {ZH} (96 lines from 45 to 836), until the block it lacks is back"
    ]


def test_a_paragraph_deleted_with_its_range(project: Project) -> None:
    """Its range taken out of 'blocks:' too: the build said only that the English has a
    paragraph too many ("remove it"), and held back the source lines in no block."""
    line = delete_paragraph(project, P5)
    project.edit(ZH, "  - [764, 798]\n", "")
    line -= 1
    english = project.line(EN, "During the epidemic")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese has one block fewer than its English (11 blocks) and than its page's "
        "layout cuts for it (11): moyu-p5, the paragraph of source lines 764-798 (“疫情期间，针对墨玉县劳动力外出转…”), "
        "is missing here, after moyu-p4 — restore it here, before this block, as source lines 764-798 have it (its "
        f"English is at {EN}:{english}:1), and [764, 798] to 'blocks:': {RESTORE}"
    )
    outcome = project.run("check")
    assert [p for p in outcome.lines if ": error: " in p and "in no block" in p] == []


@pytest.mark.parametrize(
    ("start", "block", "kind", "lines", "where"),
    [
        ("## 高位统筹", "moyu-s1", "subhead", "680-680", "here, after moyu-p2"),
        ("下一步，朝阳区", "moyu-p7", "paragraph", "830-836", "at the end, after moyu-p6"),
    ],
)
def test_the_block_named_is_the_one_deleted(
    project: Project, start: str, block: str, kind: str, lines: str, where: str
) -> None:
    delete_paragraph(project, start) if not start.startswith("下一步") else _delete_last(project)
    outcome = project.run("build", "--no-search", "-q")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert outcome.status == 1 and len(errors) == 1, errors
    assert f": {block}, the {kind} of source lines {lines} " in errors[0] and f"is missing {where} — " in errors[0]


def _delete_last(project: Project) -> None:
    text = project.read(ZH).rstrip("\n")
    project.write(ZH, text[: text.rindex("\n\n")] + "\n")


def test_a_block_added_or_changed_is_not_called_lost(project: Project) -> None:
    """Two paragraphs joined in one: the count message stands; no block is named as lost."""
    text = project.read(ZH)
    at = text.index("\n\n" + P5)
    project.write(ZH, text[:at] + text[at + 2 :])
    outcome = project.run("build", "--no-search", "-q")
    assert outcome.status == 1
    assert not any("fewer than" in p for p in outcome.lines), outcome.lines
    assert any("'blocks:' lists 11 source ranges but the text has 10 blocks" in p for p in outcome.lines)


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
