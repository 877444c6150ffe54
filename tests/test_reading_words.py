"""Pinyin and glosses (edition/reading.py, edition/lexicon.py, edition/reading_out.py): the page's
polyphones read as the checked list says, a wrong reading fails the build at its line, the shipped
dictionary is the site's words only and small, the vocabulary pages, the exports' tokens."""

from __future__ import annotations

import gzip
import json
import re
from html import unescape
from pathlib import Path

import pytest

from edition.errors import BuildError, Diagnostics
from edition.lexicon import load_lexicon, marked
from edition.model import Edition
from edition.pipeline import BuildResult, build, make_edition
from edition.reading import READINGS_FILE, check_readings, load_readings, reading_of

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY_LIMIT = 50_000  # bytes, gzipped: the budget for this page's dictionary


@pytest.fixture(scope="module")
def edition() -> Edition:
    return make_edition(ROOT)[0]


def test_every_polyphone_on_the_page_reads_as_checked(edition: Edition) -> None:
    diags = Diagnostics()
    readings = load_readings(ROOT, diags)
    checked = check_readings(edition, reading_of(edition), readings, diags)
    assert not diags.items, "\n".join(str(d) for d in diags.items)
    assert len(readings.checks) >= 100 and checked >= 300  # every occurrence, 100 % of them right
    for char in "行重长调还都为朝":
        assert any(char in rule.word for rule in readings.checks), char


@pytest.mark.parametrize(
    ("word", "context", "pinyin"),
    [
        ("为", "思想为指导", "wéi"),  # 以…为指导
        ("为", "为全校424名学生", "wèi"),
        ("都", "宜居之都", "dū"),
        ("还", "还自筹资金", "hái"),
        ("长效机制", "长效机制", "chángxiào jīzhì"),
        ("区长", "区长文献", "qūzhǎng"),
        ("调研", "调研", "diàoyán"),
        ("协调", "协调", "xiétiáo"),
        ("重点", "重点", "zhòngdiǎn"),
        ("行动", "行动", "xíngdòng"),
        ("朝阳", "朝阳力量", "Cháoyáng"),
    ],
)
def test_a_polyphone_reads_as_it_does_in_its_sentence(edition: Edition, word: str, context: str, pinyin: str) -> None:
    reading = reading_of(edition)
    found = []
    for block in edition.blocks_by_id.values():
        at = block.zh.find(context)
        if at < 0:
            continue
        found += [t.pinyin for t in reading.tokens[block.id] if t.text == word and at <= t.start < at + len(context)]
    assert found and set(found) == {pinyin}


def test_names_read_as_the_glossary_gives_them(edition: Edition) -> None:
    reading = reading_of(edition)
    by_id = {e.id: e for e in edition.entities}
    names = [t for ts in reading.tokens.values() for t in ts if t.entity]
    assert names
    for token in names:
        entity = by_id[token.entity]
        if token.text == entity.zh and entity.pinyin:
            assert token.pinyin == entity.pinyin


def test_a_wrong_checked_reading_fails_the_build_at_its_line(tmp_path: Path) -> None:
    from conftest import copy_site

    site = copy_site(tmp_path / "site")
    path = site / READINGS_FILE
    text = path.read_text(encoding="utf-8").replace("{word: 调研, pinyin: diàoyán}", "{word: 调研, pinyin: tiáoyán}")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "tiáoyán" in row)
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out")
    messages = [str(d) for d in info.value.diagnostics]
    assert any(
        m.startswith(
            f"{READINGS_FILE}:{line}:1: error: business-support-p2: 调研 reads diàoyán, the checked reading is tiáoyán"
        )
        for m in messages
    ), messages
    assert not (tmp_path / "out").exists()


def test_a_check_that_matches_no_word_is_an_error(tmp_path: Path) -> None:
    from conftest import copy_site

    site = copy_site(tmp_path / "site")
    path = site / READINGS_FILE
    path.write_text(path.read_text(encoding="utf-8") + "  - {word: 银行, pinyin: yínháng}\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        make_edition(site)
    assert any("the checked word 银行 is not a word of the text" in str(d) for d in info.value.diagnostics)


def test_cc_cedict_pinyin_in_tone_marks() -> None:
    assert marked("Bei3 jing1") == "Běi jīng"
    assert marked("lu:4 se4") == "lǜ sè"
    assert marked("xiu1 gui4 zhou1 er2 ma5") == "xiū guì zhōu ér ma"
    assert marked("Xi1 an1") == "Xī ān"


def words_file(built: tuple[BuildResult, Path]) -> dict[str, object]:
    return json.loads((built[1] / "reading" / "words.json").read_text(encoding="utf-8"))


def test_the_dictionary_is_the_sites_words_only_and_small(built: tuple[BuildResult, Path], edition: Edition) -> None:
    data = (built[1] / "reading" / "words.json").read_bytes()
    assert len(gzip.compress(data, 9)) <= DICTIONARY_LIMIT
    dictionary = json.loads(data)
    assert dictionary["source"] == "CC-CEDICT" and dictionary["license"] == "CC BY-SA 4.0"
    used = {t.text for ts in reading_of(edition).tokens.values() for t in ts if t.kind == "word"}
    words = dictionary["words"]
    assert set(words) <= used and len(words) > 0.9 * len(used) - 100
    level, entries, _ = words["关系"]
    assert level == "3" and any(e[0] == "guān xi" for e in entries)
    assert all("variant of" not in e[2] for e in entries)  # a variant's entry says nothing here
    # a word CC-CEDICT lacks is glossed by the words it is made of
    level, entries, made_of = words["经济社会"]
    assert entries == [] and [p[0] for p in made_of] == ["经济", "社会"] and "economy" in made_of[0][2]
    # 行 in 银行 and 行动 are different words; the single character keeps both its readings
    assert {"xíngdòng"} == {re.sub(" ", "", e[0]) for e in words["行动"][1]}


def test_a_word_of_the_text_is_glossed_by_its_usual_senses_not_a_surname(
    built: tuple[BuildResult, Path], edition: Edition
) -> None:
    """Found by a usage walk: 全区 was glossed "全 Quán: surname Quan; 区 Ōu: surname Ou" (the
    first of CC-CEDICT's entries); a proper noun's entry comes after the usual ones."""
    words = words_file(built)["words"]
    assert isinstance(words, dict)
    assert words["全区"][2] == [["全", "quán", "all; whole; entire"], ["区", "qū", "area; region; district"]]
    for word, (_, entries, parts) in words.items():
        assert not any(p[2:] and p[2].startswith("surname") for p in parts), word
        if any(not e[0][:1].isupper() for e in entries):  # a usual reading, then any proper noun's
            assert not entries[0][0][:1].isupper(), word
    page = (built[1] / "2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert "surname Quan" not in page and "surname Ou" not in page


def test_each_article_has_a_vocabulary_page_in_order_of_first_appearance(
    built: tuple[BuildResult, Path], edition: Edition
) -> None:
    out = built[1]
    reading = reading_of(edition)
    for article in edition.articles:
        for view in ("", "zh/", "en/", "zh-hant/"):
            assert (out / view / article.url / "words" / "index.html").is_file()
        page = (out / article.url / "words" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r'<tr id="w\d+">\s*<td>\d+</td>\s*<th scope="row" lang="zh-Hans">(.*?)</th>', page, re.S)
        shown = [unescape(re.sub("<[^>]+>", "", r)) for r in rows]
        first: list[str] = []
        seen: set[tuple[str, str]] = set()
        for block in article.blocks:
            for t in reading.tokens[block.id]:
                if t.is_word and (t.text, t.pinyin) not in seen:
                    seen.add((t.text, t.pinyin))
                    first.append(t.text)
        assert shown[: len(first)] == first  # the captions' words follow
        article_page = (out / article.url / "index.html").read_text(encoding="utf-8")
        assert 'href="words/"' in article_page  # linked from the text
    moyu = (out / "2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert "Not in CC-CEDICT." in moyu or "(a number)" in moyu
    assert re.search(r'<a href="../../../../entity/moyu-county/">墨玉县</a>', moyu)


def test_edition_json_gains_each_blocks_tokens_and_keeps_zh(built: tuple[BuildResult, Path], edition: Edition) -> None:
    data = json.loads((built[1] / "edition.json").read_text(encoding="utf-8"))
    blocks = data["page"]["blocks"] + [b for a in data["articles"] for b in a["blocks"]]
    assert len(blocks) == len(edition.blocks_by_id)
    for block in blocks:
        assert block["zh"] == edition.blocks_by_id[block["id"]].zh
        assert "".join(t["text"] for t in block["tokens"]) == block["zh"]
        assert all(set(t) == {"text", "pinyin"} for t in block["tokens"])
    words = {t["text"]: t["pinyin"] for b in blocks for t in b["tokens"]}
    assert words["墨玉县"] == "Mòyù Xiàn" and words["脱贫攻坚"]


def test_a_broken_readings_file_is_one_error_beside_the_others(tmp_path: Path) -> None:
    """A readings file that is not YAML, or not UTF-8, is an error at its place, reported with
    the build's other problems (a content file's too), never instead of them or as a traceback."""
    from conftest import copy_site

    site = copy_site(tmp_path / "site")
    readings = site / READINGS_FILE
    english = site / "content/2020-05-25/p12/04-moyu.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("the 83 poor villages", "the 84 poor villages"))
    readings.write_text("overrides: [\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        make_edition(site)
    messages = [str(d) for d in info.value.diagnostics]
    assert any(m.startswith(READINGS_FILE) for m in messages), messages
    assert any("84" in m and "04-moyu" in m for m in messages), messages
    readings.write_bytes("overrides: []\n# 行\n".encode("gb18030"))
    with pytest.raises(BuildError) as info:
        make_edition(site)
    [broken] = [d for d in info.value.diagnostics if d.loc.path == READINGS_FILE]
    assert "UTF-8" in broken.message


def test_the_lexicon_answers_a_words_senses_by_its_reading_here() -> None:
    """Lexicon.senses (asked for every word of every vocabulary page): the senses of the reading
    the word has in the text; all readings' where none matches; the usual readings first."""
    lexicon = load_lexicon({"行", "区"})
    assert lexicon.entries["区"][0].pinyin == "qū"  # not the surname Ōu: kept in that order
    assert lexicon.senses("行", "háng", 2) == "row; line"
    assert "to walk" in lexicon.senses("行", "xíng")
    assert "row" in lexicon.senses("行", "hāng") and "to walk" in lexicon.senses("行", "hāng", 50)
    assert lexicon.senses("区", "qū", 1) == lexicon.senses("区", "Qū", 1) == "area"


def test_a_word_has_one_row_in_every_vocabulary_that_reads_it_so(edition: Edition) -> None:
    """The site's vocabularies share their words' rows (reading_out.vocabulary): a word read the
    same way in two articles is the same row, made once a build, which the dev server digests
    once (each article's vocabulary made and digested anew was most of an edit's time at 1,000
    articles); a name's row says its id and type, not the whole name with its mentions."""
    from edition.reading_out import vocabulary

    vocabularies = [vocabulary(edition, article) for article in edition.articles]
    by_word: dict[tuple[str, str], list[object]] = {}
    for rows in vocabularies:
        for row in rows:
            by_word.setdefault((row.text, row.pinyin), []).append(row)
    shared = [rows for rows in by_word.values() if len(rows) > 1]
    assert len(shared) > 100  # the page's articles share hundreds of words
    assert all(all(row is rows[0] for row in rows) for rows in shared)
    # asked again (the other view's page), the same rows
    assert all(a is b for a, b in zip(vocabulary(edition, edition.articles[0]), vocabularies[0], strict=True))
    moyu = next(row for rows in vocabularies for row in rows if row.text == "墨玉县")
    assert (moyu.entity, moyu.entity_type, moyu.gloss) == ("moyu-county", "place", "Moyu County")
