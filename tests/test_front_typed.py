"""Front matter is parsed once into typed dataclasses (edition/front.py): typed values, the
lines messages point at, and the problems kept for the stage that reads each part."""

from __future__ import annotations

from edition.errors import Diagnostics
from edition.front import parse_front
from edition.frontmodel import ArticleFront, TranslationFront
from edition.yamlload import load_yaml

ZH = """\
id: moyu
order: 4
title: 携手新疆墨玉
vertical: [h1]
blocks:
- [10, 11]
- [12, 20]
notes:
- id: moyu
  kind: gloss
  block: p1
  text: A county of Hotan.
mentions:
- entity: moyu
  block: p1
  occurrence: 2
- entity: hotan
  block: p1
  occurence: 1
checks:
- id: sum
  count: [a, b]
  equals: "{p1:2个}"
"""

EN = """\
id: moyu
translator: Claude
translates: 0123456789abcdef
numbers:
- block: p1
  value: "164000"
  reason: rounded
- block: p1
  value: 1,000
  reason: " "
"""


def test_a_chinese_front_matter_is_typed_with_its_lines() -> None:
    # The file's front matter starts on line 2, after the opening '---'.
    front = parse_front(load_yaml(ZH, "a.zh.md", 1), "a.zh.md", "zh", ["headline", "paragraph"])
    assert isinstance(front, ArticleFront)
    assert (front.id, front.kind, front.order, front.numbered, front.title) == (
        "moyu",
        "article",
        4,
        True,
        "携手新疆墨玉",
    )
    assert front.vertical == frozenset({"h1"})
    assert front.source_lines == ((10, 11), (12, 20))
    assert front.at("blocks") == 6 and front.at("notes") == 9
    assert front.unknown == front.schema == front.id_problems == front.problems == ()
    (note,) = front.notes.entries
    assert (note.id, note.kind, note.block, note.text, note.title, note.line) == (
        "moyu",
        "gloss",
        "p1",
        "A county of Hotan.",
        "",
        10,
    )
    assert note.at("text") == 13
    first, second = front.mentions.entries
    assert (first.entity, first.block, first.occurrence, first.exclude, first.usable) == ("moyu", "p1", 2, False, True)
    assert second.line == 18
    # The misspelt key is kept for annotate to report, where mentions are read.
    assert [str(d) for d in front.mentions.problems] == [
        "a.zh.md:20:3: error: unknown mention key 'occurence' — did you mean 'occurrence'?"
    ]
    (check,) = front.checks.entries
    assert (check.id, check.count, check.equals, check.expr) == ("sum", ("a", "b"), "{p1:2个}", "")


def test_a_translation_front_matter_and_its_numbers() -> None:
    front = parse_front(load_yaml(EN, "a.en.md", 1), "a.en.md", "en", ["headline", "paragraph"])
    assert isinstance(front, TranslationFront)
    assert (front.id, front.translator, front.translates) == ("moyu", "Claude", "0123456789abcdef")
    good, bad = front.numbers.entries
    assert (good.block, good.value, good.reason, good.at("value")) == ("p1", 164000.0, "rounded", 7)
    assert (bad.value, bad.shown, bad.reason, bad.line) == (None, "'1,000'", "", 9)


def test_problems_are_found_once_and_kept_not_reported() -> None:
    text = "id: Moyu\nkind: column\norder: '4'\nblocks: [[1, 2]]\nnotes: a note\nsubtitle: x\n"
    front = parse_front(load_yaml(text, "b.zh.md", 1), "b.zh.md", "zh", ["paragraph", "paragraph"])
    assert isinstance(front, ArticleFront)
    assert front.id is None and front.kind == "article" and front.order == 0 and not front.numbered
    shown = [
        str(d)
        for d in (
            *front.unknown,
            *front.schema,
            *front.id_problems,
            *front.problems,
            *front.notes.problems,
        )
    ]
    assert shown == [
        "b.zh.md:7:1: error: unknown front-matter key 'subtitle' — known keys: blocks, charts, checks, emendations, "
        "figures, id, kind, mentions, notes, order, photos, source, title, vertical",
        "b.zh.md:4:1: error: 'order' must be a whole number, not a string ('4') — write the number without quotes, "
        "e.g. 'order: 4'",
        "b.zh.md:6:1: error: 'notes' must be a list, not a string ('a note') — write each entry as '- ...' below the key",
        "b.zh.md:2:1: error: invalid or missing id 'Moyu' — give 'id:' in lowercase letters, digits and '-' "
        "(it becomes a folder name of the site)",
        "b.zh.md:3:1: error: unknown kind 'column' — use 'article' or 'page'",
        "b.zh.md:5:1: error: 'blocks:' lists 1 source ranges but the text has 2 blocks — give one [first, last] per "
        "block, in order; a block you split or joined needs its range split or joined too",
        "b.zh.md:6:1: error: 'notes:' must be a list — write each note as '- key: value' under 'notes:'",
    ]
    assert front.source_lines == ((0, 0), (0, 0))
    # Parsing reports nothing: the stages do, each where it reads the part.
    diags = Diagnostics()
    assert front.notes.report(diags) == () and len(diags.items) == 1


def test_a_misspelt_key_as_near_two_keys_names_both() -> None:
    """'translater' is one letter from 'translator' and from 'translates': naming only one
    sent the editor who meant the translator's name to the hash (usage walk, ninth session)."""
    text = EN.replace("translator:", "translater:")
    front = parse_front(load_yaml(text, "a.en.md", 1), "a.en.md", "en", ["headline", "paragraph"])
    assert [str(d) for d in front.unknown] == [
        "a.en.md:3:1: error: unknown translation front-matter key 'translater'"
        " — did you mean 'translates' or 'translator'?"
    ]
