"""Issue 14: Markdown constructs in a content file, through the command line: each named
once at its own line, exit status 1, output/ and every content file unchanged."""

from __future__ import annotations

import pytest
from bad_input_support import EN, MOYU_PAGE, ZH, Project

PLAIN_HINT = "use '# ' for the headline, '## ' for subheads, plain paragraphs, and '{.deck}', '{.caption}' ... above a paragraph to give its kind"
COMMENT = "is not allowed in a content file — remove it: a comment would be published; a remark for readers is a note under 'notes:' (kind: editorial)"
SETEXT = "a setext heading (a line underlined with '===' or '---') is not allowed in a content file — write '# ' or '## ' before the heading instead"
REFERENCE = "a reference link ('[text][name]' or '[name]: URL') is not allowed in a content file — write the link inline as [text](https://…), or remove it"
FOOTNOTE = (
    "a footnote is not allowed in a content file — put the remark in a note under 'notes:' with the block it belongs to"
)
REMOTE = "is not allowed in a content file — an edition never loads a file from elsewhere; remove it (a photograph is a '{.caption}' block)"


def paragraph_line(project: Project, name: str, start: str) -> int:
    return project.line(name, start)


def test_a_table_in_place_of_a_paragraph(project: Project) -> None:
    text = project.read(EN)
    start = text.index("In 2020, Chaoyang District will")
    end = text.index("\n", start)
    project.write(EN, text[:start] + "| 2020 | 83 villages |\n|---|---|\n| out of poverty | on schedule |" + text[end:])
    line = project.line(EN, "| 2020 | 83 villages |")
    project.fails(
        f"{EN}:{line}:1: error: a table is not allowed in a content file — write its content as paragraphs: an edition's blocks are the page's own blocks"
    )


def test_an_html_comment_of_its_own_in_the_chinese(project: Project) -> None:
    line = project.edit(ZH, "## 高位统筹", "<!-- 核对原文 -->\n\n## 高位统筹")
    project.fails(f"{ZH}:{line}:1: error: an HTML comment ('核对原文') {COMMENT}")


def test_an_html_comment_inside_an_english_paragraph(project: Project) -> None:
    project.edit(EN, "racing against time", "racing <!-- check this --> against time")
    line = project.line(EN, "<!-- check this -->")
    project.fails(f"{EN}:{line}:1: error: an HTML comment ('check this') {COMMENT}")


def test_a_comment_over_several_lines_and_paragraphs_is_one_error(project: Project) -> None:
    line = project.edit(EN, "## High-Level", "<!--\nTODO: check the figures\n\nagainst the PDF\n-->\n\n## High-Level")
    project.fails(f"{EN}:{line}:1: error: an HTML comment ('TODO: check the figures against the PDF') {COMMENT}")


def test_an_unclosed_comment(project: Project) -> None:
    # Unclosed, it runs to the end of its line; the message quotes its first 39 characters.
    project.edit(EN, "to help Moyu", "to help <!-- Moyu")
    line = project.line(EN, "<!-- Moyu")
    rest = project.read(EN).split("\n")[line - 1].split("<!--", 1)[1].strip()
    assert len(rest) > 40
    project.fails(f"{EN}:{line}:1: error: an HTML comment ('{rest[:39]}…') {COMMENT}")


def test_a_comment_is_never_published_even_in_a_quick_look(project: Project) -> None:
    # The dev server's quick look reads the file through the same loader.
    from edition.errors import BuildError
    from edition.serve import Preview

    preview = Preview(project.root, project.root / "preview")
    preview.rebuild()
    assert not preview.errors
    path = project.path(EN)
    project.edit(EN, "racing against time", "racing <!-- private: ask the translator --> against time")
    preview.rebuild([str(path)])
    assert any("an HTML comment ('private: ask the translator')" in e for e in preview.errors)
    assert not any(b"private: ask" in p.read_bytes() for p in (project.root / "preview").rglob("*.html"))
    assert BuildError  # imported for the reader: the failure is a BuildError shown as errors


def test_a_setext_headline(project: Project) -> None:
    title = next(line for line in project.read(EN).split("\n") if line.startswith("# "))[2:]
    line = project.edit(EN, f"# {title}", f"{title}\n===")
    project.fails(f"{EN}:{line}:1: error: {SETEXT}")


def test_a_setext_subhead(project: Project) -> None:
    subhead = "High-Level Coordination to Build Consensus on Assistance"
    line = project.edit(EN, f"## {subhead}", f"{subhead}\n---")
    project.fails(f"{EN}:{line}:1: error: {SETEXT}")


def test_a_thematic_break(project: Project) -> None:
    line = project.edit(EN, "## High-Level", "***\n\n## High-Level")
    project.fails(
        f"{EN}:{line}:1: error: a thematic break (a line of '---', '***' or '___') is not allowed in a content file — remove it: blocks are separated by a blank line"
    )


def test_a_local_image(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time ![map](img/moyu.png)")
    line = project.line(EN, "![map]")
    project.fails(
        f"{EN}:{line}:1: error: an image is not allowed in a content file — a photograph is a caption block ('{{.caption}}') with its image declared in front matter"
    )


def test_a_remote_image_names_its_url(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time ![map](https://tracker.example.com/p.png?id=1)")
    line = project.line(EN, "![map]")
    project.fails(f"{EN}:{line}:1: error: a remote image (https://tracker.example.com/p.png?id=1) {REMOTE}")


def test_a_remote_image_in_the_chinese(project: Project) -> None:
    project.edit(ZH, "分秒必争", "分秒必争![](http://img.example.cn/a.jpg)")
    line = project.line(ZH, "![](http")
    project.fails(f"{ZH}:{line}:1: error: a remote image (http://img.example.cn/a.jpg) {REMOTE}")


def test_a_footnote_reference(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time[^1]")
    line = project.line(EN, "[^1]")
    project.fails(f"{EN}:{line}:1: error: {FOOTNOTE}")


def test_a_footnote_definition(project: Project) -> None:
    line = project.edit(EN, "## High-Level", "[^1]: Checked against the PDF.\n\n## High-Level")
    project.fails(f"{EN}:{line}:1: error: {FOOTNOTE}")


def test_a_reference_link(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against [time][t]")
    line = project.line(EN, "[time][t]")
    project.fails(f"{EN}:{line}:1: error: {REFERENCE}")


def test_a_link_reference_definition_that_would_vanish(project: Project) -> None:
    # CommonMark keeps nothing of it: left alone it would simply disappear from the page.
    line = project.edit(EN, "## High-Level", "[t]: https://example.com/\n\n## High-Level")
    project.fails(f"{EN}:{line}:1: error: {REFERENCE}")


def test_a_bulleted_list_keeps_its_old_message(project: Project) -> None:
    line = project.edit(EN, "## High-Level", "- one\n- two\n\n## High-Level")
    project.fails(f"{EN}:{line}:1: error: a bulleted list is not allowed in a content file — {PLAIN_HINT}")


def test_an_external_link_in_a_note_is_marked_in_the_page(project: Project) -> None:
    project.edit(
        ZH,
        "it names Moyu, this article's subject, so it heads it.",
        "it names Moyu, this article's subject, so it heads it. See [the county's site](https://www.xjmy.gov.cn/).",
    )
    outcome = project.run("build", "--no-search", "-q")
    assert outcome.status == 0, outcome.err
    page = (project.root / "output" / MOYU_PAGE).read_text(encoding="utf-8")
    assert (
        (
            '<a href="https://www.xjmy.gov.cn/" class="external" rel="external noopener noreferrer">the county’s site'  # curly: the notes' typographer
            '<span class="visually-hidden"> (external link: leaves the edition)</span></a>'
        )
        in page
    )


def test_an_html_comment_in_a_note_would_be_shown_to_readers(project: Project) -> None:
    project.edit(ZH, "so it heads it.", "so it heads it. <!-- ask the translator -->")
    line = project.line(ZH, "  text: The headline")
    project.fails(
        f"{ZH}:{line}:1: error: 'notes: text' holds an HTML comment, which is not allowed there — {COMMENT.split(' — ', 1)[1]}"
    )


def test_a_remote_image_in_a_glossary_note(project: Project) -> None:
    project.edit(
        "content/entities.yaml",
        "A county in Hotan Prefecture",
        "![map](https://maps.example.com/m.png) A county in Hotan Prefecture",
    )
    line = project.line(
        "content/entities.yaml", "note: >-", after=project.line("content/entities.yaml", "- id: moyu-county")
    )
    project.fails(
        f"content/entities.yaml:{line}:1: error: 'note' holds a remote image (https://maps.example.com/m.png), which is not allowed there — an edition never loads a file from elsewhere; remove it (a photograph is a '{{.caption}}' block)"
    )


UNSAFE = "link to a web address (https://…) or a page of the edition, or remove the link: a script, a file or another scheme is never linked"


def test_a_javascript_link_is_refused_not_shown_as_markdown(project: Project) -> None:
    """Found by a usage walk: markdown-it refuses to make the link and leaves its Markdown as
    text, which readers saw; the README says such a link is refused, and it is."""
    project.edit(EN, "racing against time", "racing against time [Staff report](javascript:alert(1))")
    line = project.line(EN, "[Staff report]")
    project.fails(
        f"{EN}:{line}:1: error: a link the edition refuses (javascript:alert(1)) is not allowed in a content file — {UNSAFE}"
    )


def test_a_data_link_in_a_note_is_refused(project: Project) -> None:
    project.edit(ZH, "so it heads it.", "so it heads it. [map](data:text/html,x)")
    line = project.line(ZH, "  text: The headline")
    project.fails(
        f"{ZH}:{line}:1: error: 'notes: text' holds a link the edition refuses (data:text/html,x), which is not allowed there — {UNSAFE}"
    )


def test_the_about_pages_own_words_are_checked_at_their_line(project: Project) -> None:
    """content/about.md is Markdown prose for the About page; what would not be published as
    meant is an error at its line, like a content file's."""
    text = project.read("content/about.md")
    # in a paragraph's second line: named at that line (found by review: at the paragraph's first)
    project.write("content/about.md", text + "\nA map\nhere: ![map](https://maps.example.com/m.png)\n")
    line = text.count("\n") + 3
    project.fails(
        f"content/about.md:{line}:1: error: a remote image (https://maps.example.com/m.png) is not allowed in content/about.md — an edition never loads a file from elsewhere; remove it (a photograph is a '{{.caption}}' block)"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# Our edition\n\nWords.\n", 1),
        ("Words.\n\n # Our edition\n", 3),  # indented: still a heading (found by review)
        ("Words.\n\n#\tOur edition\n", 3),
        ("Words.\n\nOur edition\n===\n", 3),  # underlined
    ],
)
def test_the_about_pages_own_words_keep_its_one_title(project: Project, text: str, line: int) -> None:
    project.write("content/about.md", text)
    project.fails(
        f"content/about.md:{line}:1: error: a first-level heading is not allowed in content/about.md — the About page has its title; begin a section with '## '"
    )


def test_a_hash_in_the_about_pages_code_is_not_a_heading(project: Project) -> None:
    """Found by review: a '# ' line inside a code block (a shell comment) was refused."""
    project.write("content/about.md", "To build:\n\n```\n# from the repository\n./run build\n```\n")
    project.warns()
