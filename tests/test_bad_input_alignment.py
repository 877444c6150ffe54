"""Issue 14: a misalignment between the Chinese and the English is said once, as what
happened to which block, and the number errors that follow from it are held back."""

from __future__ import annotations

from bad_input_support import EN, ZH, Project

ORDER = "keep the English blocks in the Chinese order, one English block for each Chinese block"


def paragraphs(project: Project) -> tuple[list[str], int]:
    """The English file cut at blank lines, and the index of moyu-p4's English."""
    parts = project.read(EN).split("\n\n")
    return parts, next(k for k, v in enumerate(parts) if v.startswith("In 2020, on top"))


def test_a_dropped_paragraph_is_one_message_not_a_dozen(project: Project) -> None:
    text = project.read(EN)
    start, end = text.index("\n\nIn 2020, Chaoyang District will"), text.index("\n\n## High-Level")
    project.write(EN, text[:start] + text[end:])
    line = project.line(EN, "## High-Level")
    zh_line = project.line(ZH, "2020年，朝阳区将继续举全区之力")
    project.fails(
        f"{EN}:{line}:1: error: the English lacks moyu-p2 (the Chinese at {ZH}:{zh_line}:1: “2020年，朝阳区将继续举全区之力，积极推动挂牌…”) — translate it here, before this block; {ORDER}"
    )


def test_a_dropped_subhead(project: Project) -> None:
    project.edit(EN, "## High-Level Coordination to Build Consensus on Assistance\n\n", "")
    line = project.line(EN, "On 14 February")
    zh_line = project.line(ZH, "## 高位统筹")
    project.fails(
        f"{EN}:{line}:1: error: the English lacks moyu-s1 (the Chinese at {ZH}:{zh_line}:1: “高位统筹 凝聚帮扶共识”) — translate it here, before this block; {ORDER}"
    )


def test_swapped_subheads_are_named(project: Project) -> None:
    # Published silently before issue 14: nothing else in the build compares the two.
    a, b = [line for line in project.read(EN).split("\n") if line.startswith("## ")][:2]
    project.write(EN, project.read(EN).replace(a, "@@").replace(b, a).replace("@@", b))
    line = project.line(EN, b)
    assert b[3:].startswith(
        "Well-Aimed Assistance Focu"
    )  # the English of moyu-s2 (its term: targeted poverty alleviation)
    project.fails(
        f"{EN}:{line}:1: error: subheads 1 and 2 look swapped: the English of moyu-s1 (“Well-Aimed Assistance Fo…”) reads like moyu-s2, and the English of moyu-s2 like moyu-s1 — {ORDER}"
    )


def test_swapped_paragraphs_are_named_instead_of_their_number_errors(project: Project) -> None:
    parts, i = paragraphs(project)
    parts[i], parts[i + 1] = parts[i + 1], parts[i]
    project.write(EN, "\n\n".join(parts))
    line = project.line(EN, "During the epidemic")
    project.fails(
        f"{EN}:{line}:1: error: paragraphs 4 and 5 look swapped: the English of moyu-p4 (“During the epidemic, in …”) reads like moyu-p5, and the English of moyu-p5 like moyu-p4 — {ORDER}"
    )


def test_a_repeated_paragraph(project: Project) -> None:
    parts, i = paragraphs(project)
    parts.insert(i + 1, parts[i])
    project.write(EN, "\n\n".join(parts))
    line = project.line(EN, "In 2020, on top", after=project.line(EN, "In 2020, on top"))
    project.fails(f"{EN}:{line}:1: error: this paragraph repeats the English of moyu-p4 — remove the copy")


def test_a_paragraph_split_in_two(project: Project) -> None:
    parts, i = paragraphs(project)
    cut = parts[i].index(". ") + 1
    parts[i : i + 1] = [parts[i][:cut], parts[i][cut + 1 :]]
    project.write(EN, "\n\n".join(parts))
    line = project.line(EN, "In 2020, on top")
    project.fails(
        f"{EN}:{line}:1: error: the English of moyu-p4 is split into two paragraphs here — join them into one: one English block for each Chinese block"
    )


def test_two_paragraphs_joined_in_one(project: Project) -> None:
    parts, i = paragraphs(project)
    parts[i : i + 2] = [parts[i] + " " + parts[i + 1]]
    project.write(EN, "\n\n".join(parts))
    line = project.line(EN, "In 2020, on top")
    project.fails(
        f"{EN}:{line}:1: error: this paragraph translates both moyu-p4 and moyu-p5 — split it where the Chinese splits it: one English block for each Chinese block"
    )


def test_a_stray_paragraph_before_the_headline(project: Project) -> None:
    project.edit(EN, "# Joining Hands", "Translator's draft, do not publish.\n\n# Joining Hands")
    line = project.line(EN, "Translator's draft")
    project.fails(
        f"{EN}:{line}:1: error: this paragraph (“Translator's draft, do n…”), before the first block, has no Chinese counterpart — remove it if it is a copy, or join it with the block it belongs to; {ORDER}"
    )


def test_a_subhead_written_as_a_paragraph_keeps_the_pairing_message(project: Project) -> None:
    line = project.edit(EN, "## High-Level", "High-Level")
    zh_line = project.line(ZH, "## 高位统筹")
    project.fails(
        f"{EN}:{line}:1: error: block 4 is a paragraph but the Chinese block it pairs with ({ZH}:{zh_line}:1) is a subhead — keep the same blocks in the same order as the Chinese; a missing or extra block shifts every pair after it"
    )


def test_a_table_in_the_english_holds_back_that_files_number_errors(project: Project) -> None:
    # The table stands for moyu-p2: its figures are "missing" only because it is a table.
    text = project.read(EN)
    start = text.index("In 2020, Chaoyang District will")
    project.write(EN, text[:start] + "| a | b |\n|---|---|\n| 1 | 2 |" + text[text.index("\n", start) :])
    line = project.line(EN, "| a | b |")
    project.fails(
        f"{EN}:{line}:1: error: a table is not allowed in a content file — write its content as paragraphs: an edition's blocks are the page's own blocks"
    )
