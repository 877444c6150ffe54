"""An editor's slips outside the articles, and a paragraph added to the Chinese (helper 48).

1. Raw HTML and an emphasis left open were warned of in the articles' English only; the
   glossaries' notes and content/about.md are rendered as Markdown too, and were published
   as typed without a word. Each is now a warning at the file's own line and column.
2. A tag with attributes (``<img src=x onerror=…>``, ``<a href="…">``) is raw HTML as ``<b>`` is.
3. A backslash escape before a slip on its line put its column at the escaped copy
   (``\\*word … *word``), or at the block's first column (an escape inside the words quoted).
4. A paragraph pasted into an article's Chinese was said as "'blocks:' lists 11 source ranges
   but the text has 12 blocks" and "the English lacks moyu-p3 — translate it here" (and by
   `check` as every block "claims source lines 0-0" and a hundred source lines "in no
   block"): none said that the paragraph is not in the source. Now one error says so.
"""

from __future__ import annotations

import pytest
from bad_input_support import EN, MOYU_PAGE, ZH, Project

from edition.slips import in_markdown, in_yaml, slips

RAW = "is shown to readers as text, not as HTML — remove the tag: a content file's HTML is never published as HTML (for emphasis write *…*, for strong **…**)"
STAR = "is shown to readers as a star, not as emphasis — close it (*…* for emphasis, **…** for strong), or write \\* for a star that is meant"
ENTITIES, ABOUT = "content/entities.yaml", "content/about.md"


def column(project: Project, name: str, line: int, written: str, nth: int = 0) -> int:
    text = project.read(name).split("\n")[line - 1]
    at = -1
    for _ in range(nth + 1):
        at = text.index(written, at + 1)
    return at + 1


# --- 1. the glossaries' notes and the About page ---------------------------------------------


def test_a_slip_in_a_glossary_note_is_a_warning_at_its_line_and_column(project: Project) -> None:
    project.edit(ENTITIES, "2013. The page names him", "2013. The page names <b>him</b>")
    project.edit(ENTITIES, "leaders. Earlier he had", "leaders. Earlier *he had")
    tag, star = project.line(ENTITIES, "<b>him"), project.line(ENTITIES, "*he had")
    outcome = project.warns(
        f"{ENTITIES}:{tag}:{column(project, ENTITIES, tag, '<b>')}: warning: entity xi-jinping's note: raw HTML ‘<b>’ {RAW}",
        f"{ENTITIES}:{star}:{column(project, ENTITIES, star, '*he')}: warning: entity wang-hao's note: "
        f"an unmatched ‘*’ (“*he had been head”) {STAR}",
    )
    assert len([p for p in outcome.lines if ": warning: " in p and ENTITIES in p]) == 2, outcome.lines


def test_a_slip_in_a_note_on_the_same_line_as_its_key(project: Project) -> None:
    """A note written on its key's line, in quotes: the column is the slip's on that line."""
    text = project.read("content/terms.yaml")
    at = text.index("    note: >-", text.index("id: xi-jinping-thought"))
    end = text.index("    sources:", at)
    project.write("content/terms.yaml", text[:at] + '    note: "The *Party\'s \\\\*name* <i>for it"\n' + text[end:])
    line = project.line("content/terms.yaml", "<i>for it")
    col = column(project, "content/terms.yaml", line, "<i>")
    project.warns(f"content/terms.yaml:{line}:{col}: warning: entity xi-jinping-thought's note: raw HTML ‘<i>’ {RAW}")


def test_a_slip_in_an_articles_own_note_is_a_warning_at_its_line_and_column(project: Project) -> None:
    """An article's notes (its front matter's 'notes:', each one's 'text') are English Markdown
    as the glossaries' are: a tag in one is said at its line and column in the article's file."""
    name = "content/2020-05-25/p12/04-moyu.zh.md"
    project.edit(name, "it names Moyu, this article's subject", "it names <b>Moyu</b>, this article's subject")
    line = project.line(name, "<b>Moyu")
    project.warns(
        f"{name}:{line}:{column(project, name, line, '<b>')}: warning: note placement-h1: raw HTML ‘<b>’ {RAW}"
    )


def test_the_chinese_of_a_glossary_is_not_checked(project: Project) -> None:
    project.edit(ENTITIES, "aliases_zh: []", "aliases_zh: ['*墨玉<b>']")
    outcome = project.run("build", "--no-search", "-q")
    assert not [p for p in outcome.lines if "not as emphasis" in p or "not as HTML" in p], outcome.lines


def test_a_slip_in_the_about_page_is_a_warning_at_its_line_and_column(project: Project) -> None:
    project.edit(ABOUT, "## How names are written", "## How *names are written")
    project.edit(ABOUT, "as one word (*Wang Xinyu*)", 'as one word (\\*Wang <a href="https://x.org">Xinyu)')
    heading, item = project.line(ABOUT, "## How *names"), project.line(ABOUT, "\\*Wang <a")
    project.warns(
        f"{ABOUT}:{heading}:8: warning: an unmatched ‘*’ (“*names are written”) {STAR}",
        f'{ABOUT}:{item}:{column(project, ABOUT, item, "<a ")}: warning: raw HTML ‘<a href="https://x.org">’ {RAW}',
    )
    assert "&lt;a href=“https://x.org”&gt;Xinyu" in project.read("output/about/index.html")  # as typed


# --- 2. a tag with attributes ------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["<img src=x onerror=alert(1)>", '<a href="https://example.org/">'])
def test_a_tag_with_attributes_is_raw_html(project: Project, tag: str) -> None:
    project.edit(EN, "racing against time", f"racing {tag}against time")
    line = project.line(EN, tag)
    project.warns(f"{EN}:{line}:{column(project, EN, line, tag)}: warning: raw HTML ‘{tag}’ {RAW}")
    assert tag not in project.read(f"output/{MOYU_PAGE}")


def test_a_tag_over_two_lines_is_said_on_one() -> None:
    [slip] = slips('a <a\nhref="x">b')
    assert slip.what == f'raw HTML ‘<a href="x">’ {RAW.split(" — ")[0]}' and slip.at == 2


# --- 3. the column after a backslash escape ------------------------------------------------------


def test_a_slip_after_an_escaped_copy_is_placed_at_itself(project: Project) -> None:
    """'\\<b> … <b>': the column was the escaped copy's (a tag, a star alike)."""
    project.edit(EN, "racing against time", "racing \\<b>against <b>time")
    line = project.line(EN, "\\<b>against <b>time")
    project.warns(f"{EN}:{line}:{column(project, EN, line, '<b>', 1)}: warning: raw HTML ‘<b>’ {RAW}")


def test_an_escape_inside_the_words_quoted_keeps_the_column() -> None:
    """'a\\*b word*': the words quoted are as typed, and the column theirs, not the block's first."""
    text = "It is one a\\*b word* here"
    [slip] = slips(text)
    assert (slip.written, slip.at) == ("is one a\\*b word*", 3)
    assert in_markdown(["# x", "", text], 2, text, slip.at) == (2, 3)
    for text, written in [("\\<b> and <b>x", "<b>"), ("\\*a and *open", "*open")]:
        [slip] = slips(text)
        assert text[slip.at :].startswith(written), text
    # a heading, a list item, an indented line: the text after their markers
    assert in_markdown(["## How *names"], 0, "How *names", 4) == (0, 7)
    assert in_markdown(["- one \\*two", "  three *four"], 0, "one \\*two\nthree *four", 16) == (1, 8)
    # a folded YAML string: its lines joined with spaces, an escape before the slip
    lines = ["  note: >-", "    The \\*page\\* names", "    <b>him</b> for"]
    note = "The \\*page\\* names <b>him</b> for"
    [slip] = slips(note)
    assert in_yaml(lines, 0, 6, note, slip.at) == (2, 4)


# --- 4. a paragraph added to the Chinese -------------------------------------------------------

ADDED = "墨玉县位于新疆和田地区，是朝阳区对口帮扶的重点县。"
SOURCE = "source/china-reform-daily-2020-05-25-p12.txt"
CORRECT = (
    "; if the printed page has it and the extracted source text lacks it, extract the page again "
    "(a new witness in source/: cut it again and record its SHA-256 in page.toml)"
)


def add_paragraph(project: Project, before: str, text: str = ADDED) -> int:
    """Paste a paragraph into the Chinese before the block that begins so; its line."""
    source = project.read(ZH)
    at = source.index("\n\n" + before) + 2
    project.write(ZH, source[:at] + text + "\n\n" + source[at:])
    return source.count("\n", 0, at) + 1


def test_a_paragraph_added_to_the_chinese_is_one_error(project: Project) -> None:
    line = add_paragraph(project, "## 高位统筹")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese has one block more than the source lines it claims ('blocks:' lists 11 "
        "ranges for 12 blocks) and than its English (11 blocks): moyu-p3, the paragraph here (“墨玉县位于新疆和田地区，是朝阳区…”), "
        f"after moyu-p2, is not in the source text ({SOURCE}): no block the layout cuts from it reads like it — "
        f"remove it: the Chinese is the source text as the page's layout cuts it{CORRECT}"
    )


def test_check_says_it_once_too(project: Project) -> None:
    """`check` said every block "claims source lines 0-0" and a hundred lines "in no block"."""
    line = add_paragraph(project, "## 高位统筹")
    outcome = project.run("check")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert outcome.status == 1
    assert len(errors) == 1 and errors[0].startswith(f"{ZH}:{line}:1: error: the Chinese has one block more"), errors
    held = [p for p in outcome.lines if p.startswith("not accounted for: ")]
    assert held == [
        f"not accounted for: the source lines of {ZH} (96 lines from 45 to 836), until its blocks are the source's again"
    ]


def test_a_paragraph_pasted_twice_and_translated(project: Project) -> None:
    """A copy of p2 after it, translated too: it repeats p2, and its English goes with it."""
    text = project.read(ZH)
    at = text.index("\n\n2020年，朝阳区将继续") + 2
    p2 = text[at : text.index("\n\n", at)]
    line = add_paragraph(project, "## 高位统筹", p2)
    english = project.line(EN, "## ") - 1
    while not project.read(EN).split("\n")[english - 1].strip():
        english -= 1
    project.edit(EN, "\n\n## ", "\n\nThe same paragraph again.\n\n## ")
    outcome = project.run("build", "--no-search", "-q")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert outcome.status == 1 and len(errors) == 1, errors
    assert errors[0].startswith(
        f"{ZH}:{line}:1: error: the Chinese has one block more than the source lines it claims ('blocks:' lists 11 "
        "ranges for 12 blocks): moyu-p3, the paragraph here (“2020年，朝阳区将继续举全区之…”), after moyu-p2, "
        f"repeats moyu-p2: the source text ({SOURCE}) has it once — remove it, and its English at {EN}:"
    ), errors[0]
    assert CORRECT not in errors[0]


@pytest.mark.parametrize(
    ("before", "text", "block", "after"),
    [
        ("# 携手新疆墨玉", ADDED, "moyu-p1", ""),
        ("## 靶向帮扶", "## 新增一个小标题 完全不同", "moyu-s2", ", after moyu-p3"),
    ],
)
def test_an_added_block_anywhere_is_named(project: Project, before: str, text: str, block: str, after: str) -> None:
    if before.startswith("# "):  # before the headline: the body's first block
        source = project.read(ZH)
        at = source.index("\n" + before) + 1
        project.write(ZH, source[:at] + text + "\n\n" + source[at:])
    else:
        add_paragraph(project, before, text)
    outcome = project.run("build", "--no-search", "-q")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert outcome.status == 1 and len(errors) == 1, errors
    kind = "subhead" if text.startswith("## ") else "paragraph"
    assert f": {block}, the {kind} here (“" in errors[0] and f"”){after}, is not in the source text" in errors[0]


# --- two more of an editor's slips in the Chinese ------------------------------------------------


def test_a_paragraph_split_in_two_is_one_error(project: Project) -> None:
    """A blank line typed inside moyu-p5 was "the English lacks moyu-p5 — translate it here"."""
    text = project.read(ZH)
    start = text.index("疫情期间，针对")
    cut = text.index("，", start + 30) + 1
    project.write(ZH, text[:cut] + "\n\n" + text[cut:])
    line = project.line(ZH, text[cut : cut + 10])
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese has one block more than the source lines it claims ('blocks:' lists 11 "
        "ranges for 12 blocks) and than its English (11 blocks): moyu-p5, the paragraph of source lines 764-798 "
        "(“疫情期间，针对墨玉县劳动力外出转…”), is split in two here — join the two again (delete the blank line above "
        "this block): the Chinese is the source text as the page's layout cuts it; a paragraph break the cut missed is "
        "declared in layout.yaml ('breaks_after' in its body block), and the block's range in 'blocks:' and its "
        "English are then split likewise"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "## 高位统筹 凝聚帮扶共识",
            "##高位统筹 凝聚帮扶共识",
            "moyu-s1, the subhead of source lines 680-680 (“高位统筹 凝聚帮扶共识”), is a paragraph here, and a subhead "
            "in its English and the page's layout — put a space after its '##': '## 高位统筹 凝聚帮扶共识'",
        ),
        (
            "\n2020年，朝阳区将继续",
            "\n## 2020年，朝阳区将继续",
            "moyu-p2, the paragraph of source lines 672-678 (“2020年，朝阳区将继续举全区之…”), is a subhead here, and a "
            "paragraph in its English and the page's layout — write it as a paragraph, with no '#' before it; if the "
            "printed page sets it otherwise, change the layout (layout.yaml) and the English likewise",
        ),
    ],
)
def test_a_chinese_block_of_another_kind_is_the_chineses_error(
    project: Project, old: str, new: str, expected: str
) -> None:
    """Was said at the English: "block 4 is a subhead but the Chinese block it pairs with … is a
    paragraph — keep the same blocks in the same order as the Chinese"."""
    project.edit(ZH, old, new)
    line = project.line(ZH, new.strip())
    project.fails(f"{ZH}:{line}:1: error: {expected}")


def test_check_names_the_one_line_a_block_of_another_kind_holds_back(project: Project) -> None:
    """`check` said "not accounted for: the source lines of …04-moyu.zh.md" for '##高位统筹', which
    reads as the whole article when one line is (review 13): the lines are named."""
    project.edit(ZH, "## 高位统筹", "##高位统筹")
    outcome = project.run("check")
    held = [p for p in outcome.lines if p.startswith("not accounted for: ")]
    assert len(held) == 1 and held[0].startswith(f"not accounted for: the source lines of {ZH} (line "), held


def test_a_paragraph_pasted_from_another_article_is_named_as_that_articles(project: Project) -> None:
    """Walk 12: a paragraph of paired-assistance pasted into the Moyu article was said to be "not in
    the source text", with the hint to extract the page again; it is in the source, another
    article's block."""
    other = project.read("content/2020-05-25/p12/01-paired-assistance.zh.md")
    pasted = next(line for line in other.split("\n") if line.startswith("打好脱贫攻坚战"))
    line = add_paragraph(project, "## 高位统筹", pasted)
    outcome = project.run("build", "--no-search", "-q")
    errors = [p for p in outcome.lines if ": error: " in p]
    assert len(errors) == 1 and errors[0].startswith(f"{ZH}:{line}:1: error: "), errors
    assert "is paired-assistance-p1 (source lines " in errors[0], errors[0]
    assert "another article's block, not this one's" in errors[0] and "extract the page again" not in errors[0]


def test_a_quote_left_open_in_a_headline_is_a_warning(project: Project) -> None:
    """A headline with an unclosed '"' built without a word, and readers saw it straight (usage walk 13)."""
    line = project.edit(EN, "# Joining Hands with Moyu", '# Joining "Hands with Moyu')
    project.warns(
        f"{EN}:{line}:11: warning: a quotation mark that is never closed (or closes none) is shown to readers "
        'straight — close the quotation (“…”: write "…" with both quotes), or write \\" for a straight quote that is meant'
    )
    # a pair, an escaped straight quote, a code span's, an inch mark, an apostrophe inside a
    # quotation, a paragraph of a quotation over several: none (review 16)
    assert not slips('"Adash Partners" and \\" and `"`, a 27" screen')
    assert not slips('He said "back in the \'90s"') and not slips('"A quotation over paragraphs')


def test_a_quote_left_open_in_the_about_page_is_a_warning(project: Project) -> None:
    """about.md was checked for slips only where it held '<', '*' or '_' (review 16)."""
    line = project.edit(ABOUT, "## How names are written", '## How "names are written')
    project.warns(
        f"{ABOUT}:{line}:8: warning: a quotation mark that is never closed (or closes none) is shown to readers "
        'straight — close the quotation (“…”: write "…" with both quotes), or write \\" for a straight quote that is meant'
    )
