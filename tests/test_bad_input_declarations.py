"""Issue 14: what the front matter declares is checked against the text and the source,
the fidelity account runs in every build, and characters an editor cannot see are shown
by code point."""

from __future__ import annotations

from bad_input_support import EN, ZH, Project

EMENDATION_HINT = "give in 'source:' the text exactly as the source has it, and in 'reading:' as the edition prints it"
DEPARTS_HINT = (
    "restore the source text, or declare the change under 'emendations:' with block, source, reading and reason"
)
P2_SOURCE = "“2020年，朝阳区将继续举全区之力，积极推动挂牌督战工作，确…”"


def emendation(project: Project, source: str) -> int:
    """Declare an emendation of moyu-p2 whose reading (举全区) is in the text."""
    entry = f"emendations:\n- {{block: p2, source: {source}, reading: 举全区, reason: the page's misprint}}\n"
    project.edit(ZH, "mentions:  #", entry + "mentions:  #")
    return project.line(ZH, "- {block: p2, source:")


def test_an_emendation_whose_source_the_source_never_had(project: Project) -> None:
    # Published as a false emendation, and passed by check, before issue 14.
    line = emendation(project, "举全市")
    project.fails(
        f"{ZH}:{line}:1: error: the emendation's source '举全市' is not in the source text of moyu-p2 (source lines 672-678: {P2_SOURCE}) — {EMENDATION_HINT}"
    )


def test_an_emendation_source_with_a_zero_width_space_shows_it(project: Project) -> None:
    line = emendation(project, "举\u200b全区")
    project.fails(
        f"{ZH}:{line}:1: error: the emendation's source '举[U+200B ZERO WIDTH SPACE]全区' is not in the source text of moyu-p2 (source lines 672-678: {P2_SOURCE}) — {EMENDATION_HINT}"
    )


def test_check_reports_a_false_emendation_too(project: Project) -> None:
    line = emendation(project, "举全市")
    outcome = project.fails(args=("check",))
    assert (
        outcome.lines.count(
            f"{ZH}:{line}:1: error: the emendation's source '举全市' is not in the source text of moyu-p2 (source lines 672-678: {P2_SOURCE}) — {EMENDATION_HINT}"
        )
        == 1
    )


def test_an_undeclared_change_to_the_chinese_fails_the_build(project: Project) -> None:
    project.edit(ZH, "朝阳区将继续举全区之力", "朝阳区将继续举全市之力")
    line = project.line(ZH, "2020年，朝阳区将继续")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese of moyu-p2 departs from the source; source line(s) 674 not found in it: expected “区将继续举全区之力，积极推”, found “区将继续举全市之力，积极推” — {DEPARTS_HINT}"
    )


def test_check_prints_a_departure_once(project: Project) -> None:
    project.edit(ZH, "朝阳区将继续举全区之力", "朝阳区将继续举全市之力")
    line = project.line(ZH, "2020年，朝阳区将继续")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese of moyu-p2 departs from the source; source line(s) 674 not found in it: expected “区将继续举全区之力，积极推”, found “区将继续举全市之力，积极推” — {DEPARTS_HINT}",
        args=("check",),
    )


def test_a_deleted_word_in_the_chinese(project: Project) -> None:
    project.edit(ZH, "积极推动挂牌督战工作", "积极推动挂牌督战")
    line = project.line(ZH, "2020年，朝阳区将继续")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese of moyu-p2 departs from the source; source line(s) 676 not found in it: expected “推动挂牌督战工作，确保83个”, found “推动挂牌督战，确保83个” — {DEPARTS_HINT}"
    )


def test_a_zero_width_space_in_the_chinese_is_shown_by_code_point(project: Project) -> None:
    # Before issue 14 the two strings of the message looked identical.
    project.edit(ZH, "与新疆墨玉县自2016年", "与新疆墨\u200b玉县自2016年")
    line = project.line(ZH, "与新疆墨\u200b玉县")
    project.fails(
        f"{ZH}:{line}:1: error: the Chinese of moyu-p1 departs from the source; source line(s) 648 not found in it: expected “阳区与新疆墨玉县自201”, found “阳区与新疆墨[U+200B ZERO WIDTH SPACE]玉县自201” — {DEPARTS_HINT}"
    )


def test_a_no_break_space_in_a_figure_label_target(project: Project) -> None:
    line = project.edit(ZH, 'text: "百余次"', 'text: "百余\u00a0次"')
    project.fails(
        f"{ZH}:{line}:1: error: figure label target '百余[U+00A0 NO-BREAK SPACE]次' not found among the figures of moyu-p1 — copy the figure as printed in that block (e.g. 16.4万人), or correct 'block:'"
    )


def test_a_numbers_entry_for_a_block_that_does_not_exist(project: Project) -> None:
    # Accepted silently before issue 14.
    project.edit(EN, "translates:", "numbers:\n- {block: p42, value: 1000, reason: rounded}\ntranslates:")
    line = project.line(EN, "- {block: p42")
    project.fails(
        f"{EN}:{line}:1: error: a 'numbers:' entry refers to block 'p42', which this article does not have — blocks here: h1, p1, p2, s1, p3, s2, p4, p5, … (11 in all)"
    )


def test_a_numbers_entry_for_a_value_the_block_does_not_print(project: Project) -> None:
    project.edit(EN, "translates:", "numbers:\n- block: p3\n  value: 1234\n  reason: rounded\ntranslates:")
    line = project.line(EN, "  value: 1234")
    project.fails(
        f"{EN}:{line}:1: error: moyu-p3 prints no number 1234, in the Chinese or in the English — give in 'value:' a number as the block prints it (164000 for 16.4万 or 164,000), or remove the entry"
    )


def test_a_pin_that_matches_nothing(project: Project) -> None:
    line = project.edit(ZH, "mentions:  #", "mentions:\n- {entity: moyu-county, block: s1}\n#")
    project.fails(
        f"{ZH}:{line + 1}:1: error: pinned mention of moyu-county (墨玉县 / 墨玉) not found in block moyu-s1 — correct the block, or remove the pin if the text changed"
    )


def test_two_entities_with_the_same_chinese_form(project: Project) -> None:
    project.edit(
        "content/entities.yaml",
        "entities:\n",
        "entities:\n  - id: moyu-twin\n    type: place\n    zh: 墨玉县\n    en: Moyu County\n    note: a copy\n",
    )
    twin = project.line("content/entities.yaml", "- id: moyu-twin")
    line = project.line("content/entities.yaml", "- id: moyu-county")
    project.fails(
        f"content/entities.yaml:{line}:1: error: entities moyu-twin (content/entities.yaml:{twin}:1) and moyu-county have the same Chinese form '墨玉县': the text's mentions would all go to one of them — merge the two, or mark one 'ambiguous: true' and pin its mentions under 'mentions:'"
    )


def test_chinese_left_in_the_english_is_a_warning(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time (分秒必争)")
    line = project.line(EN, "分秒必争")
    project.warns(
        f"{EN}:{line}:1: warning: the English of moyu-p7 has Chinese left in it: 分秒必争 — translate it; a name's characters belong in its glossary entry, not in the English text"
    )


def test_chinese_left_in_the_english_fails_a_strict_build(project: Project) -> None:
    project.edit(EN, "racing against time", "racing against time (分秒必争)")
    line = project.line(EN, "分秒必争")
    project.fails(
        f"{EN}:{line}:1: error: the English of moyu-p7 has Chinese left in it: 分秒必争 — translate it; a name's characters belong in its glossary entry, not in the English text",
        args=("build", "--no-search", "-q", "--strict"),
    )


def test_fullwidth_digits_in_the_english_are_a_warning(project: Project) -> None:
    project.edit(EN, "the 83 poor villages", "the ８３ poor villages")
    line = project.line(EN, "８３")
    project.warns(
        f"{EN}:{line}:1: warning: the English of moyu-p2 has fullwidth digits: '[U+FF18 FULLWIDTH DIGIT EIGHT][U+FF13 FULLWIDTH DIGIT THREE]' — type the number with ASCII digits (0-9)"
    )


def test_check_lists_untranslated_blocks_and_outdated_translations(project: Project) -> None:
    project.edit(ZH, "帮扶工作取得显著成效。", "帮扶工作取得了显著成效。")
    project.edit(
        ZH, "blocks:  #", "emendations:\n- {block: p1, source: 取得显著, reading: 取得了显著, reason: test}\nblocks:  #"
    )
    outcome = project.run("check")
    assert outcome.status == 0, outcome.out
    assert "outdated translations: 1" in outcome.lines
    assert f"  {EN}: moyu: review its 11 blocks against the Chinese" in outcome.lines
    assert "untranslated blocks: 0" in outcome.lines


def test_a_short_glossary_form_inside_a_longer_name_is_a_warning(project: Project) -> None:
    project.edit(ZH, "分秒必争", "分秒必争，墨玉路")
    project.edit(
        ZH,
        "mentions:  #",
        "emendations:\n- {block: p7, source: 分秒必争, reading: 分秒必争，墨玉路, reason: test}\nmentions:  #",
    )
    line = project.line(ZH, "下一步，朝阳区")
    project.warns(
        f"{ZH}:{line}:1: warning: the glossary's 墨玉 (moyu-county) is matched inside 墨玉路 in moyu-p7, which may name something else — if 墨玉路 is not Moyu County, mark the entity 'ambiguous: true' and pin its real mentions, or add an entry for the longer name"
    )


def test_a_nul_pasted_into_the_english_is_an_error(project: Project) -> None:
    # CommonMark turns it into U+FFFD, which was published as '�'.
    project.edit(EN, "racing against time", "racing\x00 against time")
    line = project.line(EN, "racing\x00")
    project.fails(
        f"{EN}:{line}:1: error: the English of moyu-p7 has a character that cannot be shown: '[U+FFFD REPLACEMENT CHARACTER]' — delete it (it often comes with text pasted from a PDF)"
    )
