"""Issue 4: standoff annotation, pins, coverage, notes, indexes and cross-links."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.coverage import unannotated
from edition.errors import BuildError
from edition.pipeline import BuildResult, build, make_edition

ROOT = Path(__file__).resolve().parent.parent
Built = tuple[BuildResult, Path]
Edit = Callable[[Path, str, str], None]


def entity(result: BuildResult, entity_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in result.edition.entities if e.id == entity_id)


def test_mentions_are_found_in_both_languages(built: Built) -> None:
    result, _ = built
    moyu = entity(result, "moyu-county")
    assert len(moyu.mentions) > 10
    first = next(m for m in moyu.mentions if m.block == "moyu-p1")
    assert first.zh == "墨玉县" and first.en == "Moyu County"
    block = result.edition.block("moyu-p1")
    assert block is not None and block.zh[first.start : first.start + 3] == "墨玉县"
    assert block.en[first.en_start : first.en_start + len(first.en)] == "Moyu County"


def test_longest_form_wins(built: Built) -> None:
    result, _ = built
    school = entity(result, "beijing-chaoyang-middle-school")
    assert [m.block for m in school.mentions] == ["page-c1"]
    assert not any(m.block == "page-c1" and m.zh == "朝阳" for m in entity(result, "chaoyang-district").mentions)


def test_ambiguous_string_is_matched_only_where_pinned(built: Built, site: Path, edit: Edit) -> None:
    result, _ = built
    assert [(m.block, m.zh) for m in entity(result, "wen-xian").mentions if m.zh] == [("moyu-p3", "文献")]
    edit(site / "content/2020-05-25/p12/04-moyu.zh.md", "- {entity: wen-xian, block: p3}\n", "")
    edition, _, _ = make_edition(site)
    wen = next(e for e in edition.entities if e.id == "wen-xian")
    assert not [m for m in wen.mentions if m.zh]  # unpinned: 文献 is not taken for the name


def test_a_pin_whose_string_is_gone_is_an_error_at_its_line(site: Path, edit: Edit) -> None:
    edit(
        site / "content/2020-05-25/p12/04-moyu.zh.md",
        "- {entity: wen-xian, block: p3}",
        "- {entity: wen-xian, block: p4}",
    )
    with pytest.raises(BuildError) as info:
        make_edition(site)
    [diag] = info.value.diagnostics
    text = (site / "content/2020-05-25/p12/04-moyu.zh.md").read_text(encoding="utf-8").split("\n")
    assert diag.loc.path == "content/2020-05-25/p12/04-moyu.zh.md"
    assert text[diag.loc.line - 1].startswith("- {entity: wen-xian, block: p4}")
    assert "pinned mention of wen-xian (文献) not found in block moyu-p4" in diag.message


def test_an_annotation_whose_string_is_not_in_the_text_is_an_error(site: Path, edit: Edit) -> None:
    edit(site / "content/entities.yaml", "zh: 王灏", "zh: 王浩")
    with pytest.raises(BuildError) as info:
        make_edition(site)
    [diag] = info.value.diagnostics
    assert diag.loc.path == "content/entities.yaml" and "wang-hao" in diag.message and "王浩" in diag.message


def test_no_quoted_phrase_or_name_is_left_unannotated(built: Built, site: Path, edit: Edit) -> None:
    result, _ = built
    assert unannotated(result.edition) == []
    edit(site / "content/terms.yaml", "zh: 八到位", "zh: 八到位了")  # no longer found: “八到位” is bare
    edit(
        site / "content/terms.yaml",
        "aliases_zh: []\n    en: eight in place",
        "aliases_zh: []\n    ambiguous: true\n    en: eight in place",
    )
    edition, _, _ = make_edition(site)
    assert any(g.text == "“八到位”" for g in unannotated(edition))


def test_notes_of_each_kind_are_shown_distinctly(built: Built) -> None:
    _, out = built
    html = (out / "2020-05-25/p12/paired-assistance/index.html").read_text(encoding="utf-8")
    for kind in ("note-gloss", "note-context", "note-editorial"):
        assert f'class="note {kind}' in html
    assert 'aria-describedby="nt-listed-supervision"' in html  # a screen reader reads the note on focus
    assert 'href="#n-listed-supervision"' in html and 'id="n-listed-supervision"' in html


def test_index_pages_and_entity_pages(built: Built) -> None:
    result, out = built
    index = (out / "index/index.html").read_text(encoding="utf-8")
    for kind in ("person", "place", "organisation", "document", "term"):
        assert (out / f"index/{kind}/index.html").is_file()
        assert f'href="{kind}/"' in index
    page = (out / "entity/moyu-county/index.html").read_text(encoding="utf-8")
    assert (
        page.count('<li>\n<a href="') >= len(entity(result, "moyu-county").mentions) - 5
    )  # one row a mention (English-only ones too)
    assert "Mòyù Xiàn" in page and "墨玉县" in page
    assert 'href="../../2020-05-25/p12/moyu/#moyu-p1"' in page


def test_see_also_and_links_between_blocks(built: Built) -> None:
    _, out = built
    html = (out / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert 'class="see-also"' in html and 'href="../paired-assistance/"' in html
    # a note links to its name's own page, which lists every passage naming it (once, there,
    # not again on every page that shows the note)
    assert "Named in:" not in html and 'href="../../../entity/moyu-county/"' in html
    entity = (out / "entity/moyu-county/index.html").read_text(encoding="utf-8")
    assert 'href="../../2020-05-25/p12/paired-assistance/#paired-assistance-p2"' in entity


def test_edition_json_entities(built: Built) -> None:
    _, out = built
    data = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    wang = next(e for e in data["entities"] if e["id"] == "wang-hao")
    assert set(wang) >= {"id", "type", "zh", "en", "pinyin", "note", "wikidata", "mentions"}
    assert wang["mentions"] == [{"article": "moyu", "block": "moyu-p3", "zh": "王灏", "en": "Wang Hao"}]
    assert all(isinstance(m["zh"], str) and isinstance(m["en"], str) for e in data["entities"] for m in e["mentions"])
    assert data["notes"] and {n["kind"] for n in data["notes"]} == {"editorial"}


def test_a_homograph_is_declined_where_the_warning_says(site: Path, edit: Edit) -> None:
    """Usage walk 14: on another newspaper's page 朝阳 ("facing the sun") was taken for Chaoyang
    District, and the warning's only advice was to name Chaoyang District in the English. It
    now says how to decline the match there, and that declaration does."""
    zh = site / "content/2020-05-25/p12/01-paired-assistance.zh.md"
    edit(
        site / "content/2020-05-25/p12/01-paired-assistance.en.md",
        "Chaoyang District in Beijing has",
        "The district has",
    )
    _, warnings, _ = make_edition(site)
    [warning] = [w for w in warnings if w.message.startswith("chaoyang-district is mentioned")]
    assert warning.message == (
        "chaoyang-district is mentioned in the Chinese of paired-assistance-p1 (北京市朝阳区) but none of its English forms is in the translation"
    )
    declaration = "{entity: chaoyang-district, block: p1, exclude: true}"
    assert warning.hint.endswith(
        "if 北京市朝阳区 is not Chaoyang District here, decline the match in "
        "content/2020-05-25/p12/01-paired-assistance.zh.md's front matter: "
        f"'mentions:' with {declaration}"
    )
    edit(
        zh,
        "- {entity: communist-party-of-china, block: p1}\n",
        f"- {{entity: communist-party-of-china, block: p1}}\n- {declaration}\n",
    )
    edition, warnings, _ = make_edition(site)
    assert not [w for w in warnings if w.message.startswith("chaoyang-district is mentioned")]
    chaoyang = next(e for e in edition.entities if e.id == "chaoyang-district")
    assert not [m for m in chaoyang.mentions if m.block == "paired-assistance-p1"]


def test_a_figure_the_english_leaves_out_is_shown_as_the_block_prints_it(site: Path, edit: Edit) -> None:
    """The hint's example was the first page's figure (16.4万 -> 164,000) whatever the block
    (usage walk 14); it is the block's own."""
    edit(
        site / "content/2020-05-25/p12/01-paired-assistance.en.md",
        "reduce their poor population by 104,000",
        "reduce it",
    )
    with pytest.raises(BuildError) as info:
        make_edition(site)
    [diag] = [d for d in info.value.diagnostics if "but the English does not" in d.message]
    assert "the Chinese has 10.4万 but the English does not" in diag.message
    assert diag.hint.startswith("render every figure in the English (10.4万 -> 104,000), or declare the difference")


def test_the_number_hints_example_is_only_for_a_plain_amount() -> None:
    """Review 18: a date's value is its year (2020年5月25日 -> "2,020"), a period's its start,
    and a large amount came out in exponent form."""
    from edition.numbercheck import _example
    from edition.numbers import extract_zh

    found = extract_zh("2020年5月25日，2月~4月投入123456789012元，占48.6%，共16.4万人")
    examples = {q.text: _example([q]) for q in found}
    assert examples == {
        "2020年5月25日": "",
        "2月~4月": "",
        "123456789012元": " (123456789012元 -> 123,456,789,012)",
        "48.6%": " (48.6% -> 48.6)",
        "16.4万人": " (16.4万人 -> 164,000)",
    }
    assert _example(found) == " (123456789012元 -> 123,456,789,012)"  # the first plain amount, past the dates


def _two_papers(tmp_path: Path, glossary: str, termbase: str = "") -> Path:
    """The archive fixture, its first page made another newspaper's (青石日报), both pages
    printing 本报讯 "this newspaper reports" ("Staff report:"), with ``glossary``."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests/fixtures/archive", site)
    settings = site / "content/2021-01-04/p01/page.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"测试日报"', '"青石日报"').replace('"Test Daily"', '"Qingshi Daily"'), "utf-8")
    (site / "content/entities.yaml").write_text(glossary, encoding="utf-8")
    if termbase:
        (site / "content/termbase").mkdir()
        (site / "content/termbase/termbase.yaml").write_text(termbase, encoding="utf-8")
    return site


_PAPERS = """entities:
  - id: chaoyang-district
    type: place
    zh: 朝阳区
    en: Chaoyang District
    note: A district of Beijing.
  - id: test-daily
    type: document
    zh: 测试日报
    aliases_zh: [本报]
    en: Test Daily
    aliases_en: [Staff report, TD]
    aliases_only_in:
      {test}: [本报, Staff report]
    note: The invented newspaper of the fixture.
  - id: qingshi-daily
    type: organisation
    zh: 青石
    aliases_zh: [本报]
    en: Qingshi
    aliases_only_in:
      青石日报: [本报]
    note: Another invented newspaper.
"""


def test_an_alias_given_to_one_newspaper_names_it_on_its_own_pages_only(tmp_path: Path) -> None:
    """本报 "this newspaper" is each newspaper on its own pages: the aliases listed under
    ``aliases_only_in`` are matched on that newspaper's pages alone, in the Chinese, in the
    English ("Staff report") and by the termbase (usage walk 14 found 本报 taken for China
    Reform Daily on another newspaper's page); two newspapers' 本报 are not the same form
    twice; the entity's other forms and aliases name it everywhere (review 21)."""
    # Test Daily as a governed document: the termbase holds each 本报 of its pages to "Test Daily"
    # (or an alias), and must not hold Qingshi Daily's to it
    termbase = "terms:\n- entity: test-daily\n  provenance: edition\n  why: invented\n  aliases: [Staff report]\n"
    site = _two_papers(tmp_path, _PAPERS.format(test="测试日报"), termbase)
    edition, warnings, _ = make_edition(site)
    named = {e.id: sorted((m.block, m.zh, m.en) for m in e.mentions) for e in edition.entities}
    # Test Daily's page: 本报, and its English "Staff report"; its masthead's 测试日报
    assert ("relief-p1", "本报", "Staff report") in named["test-daily"]
    assert not [m for m in named["test-daily"] if m[0].startswith("parks")]
    # Qingshi Daily's page: its own 本报 (its English says nothing of it), its masthead's 青石
    assert [m for m in named["qingshi-daily"] if m[1] == "本报"] == [("parks-p1", "本报", "")]
    assert not [m for m in named["qingshi-daily"] if m[0].startswith("relief")]
    # the hint of the warning on Qingshi's page gives the forms that name it there
    [warning] = [w for w in warnings if w.message.startswith("qingshi-daily is mentioned")]
    assert warning.hint.startswith("use one of Qingshi in the English")
    # an alias of every page still names it there: TD in Qingshi Daily's English
    english = site / "content/2021-01-04/p01/01-parks.en.md"
    english.write_text(english.read_text("utf-8").replace("Staff report:", "TD reports:"), "utf-8")
    edition, _, _ = make_edition(site)
    test_daily = next(e for e in edition.entities if e.id == "test-daily")
    assert [(m.block, m.zh, m.en) for m in test_daily.mentions if m.block.startswith("parks")] == [
        ("parks-p1", "", "TD")
    ]


def test_an_alias_given_to_a_newspaper_no_page_has_is_an_error(tmp_path: Path) -> None:
    """A misspelt newspaper, or a form that is not an alias, would leave an alias matched
    nowhere, without a word: each is an error at 'aliases_only_in'."""
    site = _two_papers(tmp_path, _PAPERS.format(test="测试日報").replace("[本报, Staff report]", "[本报, Staf report]"))
    with pytest.raises(BuildError) as info:
        make_edition(site)
    paper, form = [d for d in info.value.diagnostics if "aliases_only_in" in d.message]
    assert (paper.loc.path, paper.loc.line, form.loc.line) == ("content/entities.yaml", 13, 13)
    assert paper.message == "entity test-daily: aliases_only_in names '测试日報', the newspaper of no page"
    assert paper.hint == "did you mean '测试日报'?"
    assert form.message == "entity test-daily: aliases_only_in gives 'Staf report', which is not one of its aliases"


def test_the_dev_server_finds_names_again_when_a_page_changes_newspaper(tmp_path: Path) -> None:
    """An article's names depend on its page's newspaper (its 本报): the dev server keeps an
    article's work under the newspaper too, so that a page.toml edited while it runs gives
    what a clean build gives (review 21: without it, 34 files stayed stale, and no test failed)."""
    from edition.serve import Preview

    glossary = _PAPERS.format(test="测试日报").split("  - id: qingshi-daily")[0]
    site = _two_papers(tmp_path, glossary)
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert not preview.errors, preview.errors
    settings = site / "content/2021-01-04/p01/page.toml"
    settings.write_text(settings.read_text("utf-8").replace('"青石日报"', '"测试日报"'), "utf-8")
    preview.rebuild()
    assert not preview.errors, preview.errors
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    files = [p.relative_to(clean) for p in sorted(clean.rglob("*")) if p.is_file()]
    stale = [f for f in files if (site / "output" / f).read_bytes() != (clean / f).read_bytes()]
    assert not stale, stale[:5]
    parks = (clean / "2021-01-04/p01/parks/index.html").read_text("utf-8")
    assert 'href="#n-test-daily"' in parks  # its 本报 is Test Daily now


def test_a_pin_of_another_newspapers_alias_says_why_it_finds_nothing(tmp_path: Path) -> None:
    """A pin of Test Daily on Qingshi Daily's 本报 finds nothing there: the error says that 本报
    names it on Test Daily's pages only, not that the text changed (review 21)."""
    site = _two_papers(tmp_path, _PAPERS.format(test="测试日报"))
    chinese = site / "content/2021-01-04/p01/01-parks.zh.md"
    text = chinese.read_text("utf-8")
    chinese.write_text(
        text.replace("figures:\n", "mentions:\n  - {entity: test-daily, block: p1}\nfigures:\n", 1), "utf-8"
    )
    with pytest.raises(BuildError) as info:
        make_edition(site)
    [pin] = [d for d in info.value.diagnostics if d.message.startswith("pinned mention of test-daily")]
    assert pin.hint == (
        "本报 names it on the pages of 测试日报 only (its aliases_only_in): remove the pin, "
        "or pin the entity this newspaper's form names"
    )
