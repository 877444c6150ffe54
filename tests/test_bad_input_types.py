"""Issue 14: every value in front matter and the glossaries is checked against a schema,
at its own line: a value of the wrong type is one error, never a quiet 0 or a traceback."""

from __future__ import annotations

import pytest
from bad_input_support import EN, PAGE, ZH, Project

ENTITIES = "content/entities.yaml"
TEXT_HINT = "write the text after the colon, in quotes if it holds ':' or '#'"
LIST_HINT = "write it as [a, b] or as '- a' lines below the key"


def test_an_order_in_quotes_is_an_error_not_zero(project: Project) -> None:
    # Before issue 14 it became 0 and put the article first.
    line = project.edit(ZH, "order: 4", 'order: "4"')
    project.fails(
        f"{ZH}:{line}:1: error: 'order' must be a whole number, not a string ('4') — write the number without quotes, e.g. 'order: 4'"
    )


def test_an_order_that_is_a_fraction(project: Project) -> None:
    line = project.edit(ZH, "order: 4", "order: 4.5")
    project.fails(
        f"{ZH}:{line}:1: error: 'order' must be a whole number, not a number (4.5) — write the number without quotes, e.g. 'order: 4'"
    )


def test_an_empty_order(project: Project) -> None:
    line = project.edit(ZH, "order: 4", "order:")
    project.fails(
        f"{ZH}:{line}:1: error: 'order' must be a whole number, not nothing — write the number without quotes, e.g. 'order: 4'"
    )


def test_a_title_written_as_a_list(project: Project) -> None:
    line = project.edit(ZH, "title: 携手新疆墨玉 坚决打赢脱贫攻坚战", "title:\n- 携手新疆墨玉 坚决打赢脱贫攻坚战")
    project.fails(
        f"{ZH}:{line}:1: error: 'title' must be text, not a list (['携手新疆墨玉 坚决打赢脱贫攻坚战']) — {TEXT_HINT}"
    )


def test_vertical_as_a_string(project: Project) -> None:
    line = project.edit(ZH, "title:", "vertical: h1\ntitle:")
    project.fails(f"{ZH}:{line}:1: error: 'vertical' must be a list of strings, not a string ('h1') — {LIST_HINT}")


def test_vertical_naming_a_block_that_does_not_exist(project: Project) -> None:
    line = project.edit(ZH, "title:", "vertical: [h9]\ntitle:")
    project.fails(
        f"{ZH}:{line}:1: error: 'vertical:' refers to block 'h9', which this article does not have — blocks here: h1, p1, p2, s1, p3, s2, p4, p5, … (11 in all)"
    )


def test_a_translator_written_as_a_list(project: Project) -> None:
    line = project.edit(EN, "translator: ", "translator:\n- Edition team\nold_translator: ")
    project.edit(EN, "old_translator: ", "# ")
    project.fails(f"{EN}:{line}:1: error: 'translator' must be text, not a list (['Edition team']) — {TEXT_HINT}")


def test_a_note_title_that_is_a_mapping(project: Project) -> None:
    line = project.edit(ZH, "  block: h1\n", "  block: h1\n  title: {a: b}\n") + 1
    project.fails(f"{ZH}:{line}:1: error: 'notes: title' must be text, not a mapping ({{'a': 'b'}}) — {TEXT_HINT}")


def test_a_note_block_given_as_a_list_is_one_error(project: Project) -> None:
    line = project.edit(ZH, "  block: h1\n", "  block: [h1]\n")
    project.fails(
        f"{ZH}:{line}:1: error: 'notes: block' must be a string, not a list (['h1']) — write it as a word or in quotes"
    )


def test_a_pin_occurrence_in_words_is_an_error_not_a_traceback(project: Project) -> None:
    line = project.edit(ZH, "- {entity: wen-xian, block: p3}", "- {entity: wen-xian, block: p3, occurrence: first}")
    project.fails(
        f"{ZH}:{line}:1: error: 'mentions: occurrence' must be a whole number, not a string ('first') — write the number without quotes, e.g. 'occurrence: 4'"
    )


def test_a_pin_exclude_in_quotes(project: Project) -> None:
    line = project.edit(ZH, "- {entity: wen-xian, block: p3}", '- {entity: wen-xian, block: p3, exclude: "yes"}')
    project.fails(
        f"{ZH}:{line}:1: error: 'mentions: exclude' must be true or false, not a string ('yes') — write true or false, without quotes"
    )


def test_a_numbers_value_with_a_comma(project: Project) -> None:
    project.edit(EN, "translates:", 'numbers:\n- {block: p3, value: "1,000", reason: rounded}\ntranslates:')
    line = project.line(EN, "- {block: p3")
    project.fails(
        f"{EN}:{line}:1: error: 'value' must be a number, not '1,000' — give the number as the check reads it, e.g. 164000"
    )


def test_aliases_written_as_a_string_would_be_one_alias_a_character(project: Project) -> None:
    line = project.edit(ENTITIES, "aliases_zh: [墨玉]", "aliases_zh: 墨玉")
    project.fails(
        f"{ENTITIES}:{line}:1: error: 'aliases_zh' must be a list of strings, not a string ('墨玉') — {LIST_HINT}"
    )


def test_an_entity_marked_ambiguous_in_quotes(project: Project) -> None:
    line = project.edit(ENTITIES, "aliases_zh: [墨玉]", 'aliases_zh: [墨玉]\n    ambiguous: "no"')
    project.fails(
        f"{ENTITIES}:{line + 1}:1: error: 'ambiguous' must be true or false, not a string ('no') — write true or false, without quotes"
    )


def test_entity_sources_as_one_string(project: Project) -> None:
    text = project.read(ENTITIES)
    start = text.index("    sources:", text.index("- id: moyu-county"))
    end = text.index("\n  - id:", start)
    project.write(ENTITIES, text[:start] + '    sources: "https://en.wikipedia.org/wiki/Karakax_County"' + text[end:])
    line = project.line(ENTITIES, 'sources: "https://en.wikipedia.org/wiki/Karakax_County"')
    project.fails(
        f"{ENTITIES}:{line}:1: error: 'sources' must be a list of strings, not a string ('https://en.wikipedia.org/wiki/Karakax_…) — {LIST_HINT}"
    )


def test_a_duplicate_order_is_a_warning(project: Project) -> None:
    line = project.edit(ZH, "order: 4", "order: 3")
    project.warns(
        f"{ZH}:{line}:1: warning: order 3 is also the order of {PAGE}/03-business-support.zh.md: which comes first on the page is then left to chance — give each article of a page its own 'order:'"
    )


def test_aliases_written_as_a_number_is_an_error_not_a_traceback(project: Project) -> None:
    # Found by the hypothesis property (tests/test_bad_input_property.py): a traceback before.
    line = project.edit(ENTITIES, "aliases_zh: [墨玉]", "aliases_zh: 4")
    project.fails(f"{ENTITIES}:{line}:1: error: 'aliases_zh' must be a list of strings, not a number (4) — {LIST_HINT}")


def test_a_kind_written_as_a_list_is_one_error(project: Project) -> None:
    # The article is still placed, so nothing else (its photo, its names) is reported missing.
    line = project.edit(ZH, "kind: article", "kind: [article]")
    project.fails(f"{ZH}:{line}:1: error: unknown kind ['article'] — use 'article' or 'page'")


def test_a_glossary_that_does_not_load_is_one_error(project: Project) -> None:
    project.write(ENTITIES, "entities:\n  a: b\n")
    project.fails(
        f"{ENTITIES}:1:1: error: a glossary file must have a list 'entities:' — see the README's content format"
    )


def test_malformed_blocks_ranges_do_not_flood_the_fidelity_account(project: Project) -> None:
    line = project.line(ZH, "blocks:  #")
    project.edit(ZH, "  - [45, 45]", '  - "45, 45"')
    project.fails(
        f"{ZH}:{line}:1: error: 'blocks:' must be a list of [first, last] line pairs — write each as '- [63, 71]'"
    )


def test_front_matter_that_does_not_parse_does_not_flood_the_fidelity_account(project: Project) -> None:
    project.edit(ZH, "steps: [", 'steps: "')
    line = project.line(ZH, 'steps: "')
    project.fails(
        f"{ZH}:{line}:14: error: invalid YAML: did not find expected key — check the indentation and that text containing ':' or '#' is in quotes"
    )


def test_a_translates_hash_of_digits_only_is_a_number_to_yaml(project: Project) -> None:
    # One hash in about two thousand is all digits: unquoted, YAML reads it as a number.
    # `cut` and the "outdated" hint write it in quotes; written by hand, this is what an editor reads.
    line = project.edit(EN, "translates: ee327e979f364bdb", "translates: 1234567890123456")
    project.fails(
        f"{EN}:{line}:1: error: 'translates' must be a string, not a number (1234567890123456) — write it as a word or in quotes"
    )


def test_a_quote_left_open_is_named_at_its_own_line(project: Project) -> None:
    """Found by a usage walk: a title opened with a quote and not closed was reported a dozen
    lines below (YAML reads a quoted value on over lines), with a hint about indentation."""
    line = project.edit(ZH, "title: 携手新疆墨玉", 'title: "携手新疆墨玉')
    project.fails(
        f"{ZH}:{line}:8: error: invalid YAML: a quote opened here is not closed on its line — close the quote at the end of the value, or remove it"
    )


def test_a_quoted_value_over_lines_is_not_blamed_for_an_error_below_it(project: Project) -> None:
    """Found by review: 03-business-support's editorial note is a quoted value over three lines
    (valid YAML); an indentation mistake below it was blamed on the note's opening quote."""
    name = "content/2020-05-25/p12/03-business-support.zh.md"
    assert "text: 'The two vertical lines" in project.read(name)  # the value over lines above
    line = project.edit(name, "    theme: other", "     theme: other")
    project.fails(
        f"{name}:{line}:6: error: invalid YAML: did not find expected key — check the indentation and that text containing ':' or '#' is in quotes"
    )


def test_a_quoted_value_ending_in_a_backslash_is_not_blamed(project: Project) -> None:
    """Found by review: a quoted value whose last character is an escaped backslash ("…\\\\")
    was taken for a quote left open, and blamed for an error below it."""
    project.edit(ZH, 'label: "assistance projects built', 'label: "C:\\\\" #\n    note: "assistance projects built')
    line = project.edit(ZH, "    theme: projects", "     theme: projects")
    project.fails(
        f"{ZH}:{line}:6: error: invalid YAML: did not find expected key — check the indentation and that text containing ':' or '#' is in quotes"
    )


def test_a_key_without_its_colon_is_named_at_its_own_line(project: Project) -> None:
    """Found by the tenth session's editor walk: 'translates ee32…' (the colon forgotten) was
    reported at the line below it, as "could not find expected ':'" with a hint about quotes."""
    line = project.edit(EN, "translates: ee327e979f364bdb", "translates ee327e979f364bdb")
    project.fails(
        f"{EN}:{line}:1: error: invalid YAML: this line has no ':' after its key — write the key, a colon and a space, "
        "then the value ('key: value'); a line that continues the value above is indented deeper than its key"
    )


def test_a_colon_yaml_cannot_place_is_said_in_an_editors_words(project: Project) -> None:
    """A key indented under a line that has its value was "mapping values are not allowed in
    this context", PyYAML's words (tenth session's editor walk)."""
    line = project.edit(EN, "id: moyu", "id: moyu\n  extra: 1") + 1
    project.fails(
        f"{EN}:{line}:8: error: invalid YAML: a ': ' where no key can begin — check the indentation (a key stands as "
        "deep as the keys beside it), and put a value containing ': ' in quotes"
    )


def test_a_tab_in_yaml_is_said_to_be_a_tab(project: Project) -> None:
    """A tab an editor cannot see was "found character that cannot start any token — check the
    indentation and that text containing ':' or '#' is in quotes" (usage walk 13)."""
    line = project.edit(EN, "id: moyu", "id: moyu\n\tx: 1") + 1
    project.fails(
        f"{EN}:{line}:1: error: invalid YAML: a tab character: YAML indents with spaces only — replace the tab "
        "with spaces (as many as the lines beside it are indented); an editor's 'show whitespace' shows tabs"
    )


def test_a_tab_before_a_paragraph_is_said_to_be_a_tab(project: Project) -> None:
    """It was "an indented code block (4 spaces at the start of a line)": no spaces were there."""
    line = project.edit(EN, "\nSince Chaoyang District in Beijing", "\n\tSince Chaoyang District in Beijing") + 1
    project.fails(
        f"{EN}:{line}:1: error: a line that starts with a tab (Markdown reads it as an indented code block) "
        "is not allowed in a content file — remove the tab: a paragraph begins at its line's start"
    )


@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        # '{.capton}' listed the kinds but did not say which was meant (usage walk 13)
        (
            "capton",
            "did you mean '{.caption}'? A paragraph's kind is one of '{.caption}', '{.credit}', '{.deck}', "
            "'{.footer}', '{.masthead}', '{.nameplate}', '{.standfirst}'",
        ),
        # a heading's kind is its '#' (review 16)
        ("headline", "a headline is written '# …', a subhead '## …'"),
    ],
)
def test_an_unknown_block_kind_is_named_with_what_was_meant(project: Project, kind: str, hint: str) -> None:
    page_en = f"{PAGE}/00-page.en.md"
    line = project.edit(page_en, "{.caption}", f"{{.{kind}}}") + 1
    project.fails(
        f"{page_en}:{line}:1: error: an unknown block kind '{{.{kind}}}' is not allowed in a content file — {hint}"
    )
