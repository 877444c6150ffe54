"""Word segmentation at build time (edition/segment.py, edition/reading.py): against the
hand-checked reference of the page's 40 longest sentences, names and terms never split, numbers
kept with their units, and the Chinese never changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.model import Edition
from edition.pipeline import make_edition
from edition.reading import reading_of
from edition.segment import Fixed, boundaries, segment

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "fixtures" / "reading" / "segmentation.txt"
TARGET = 0.97  # the target: agreement in word boundaries


@pytest.fixture(scope="module")
def edition() -> Edition:
    return make_edition(ROOT)[0]


def reference() -> list[tuple[str, list[str]]]:
    rows = []
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            block, words = line.split("\t")
            rows.append((block, words.split("|")))
    return rows


def sentence_words(edition: Edition, block_id: str, text: str) -> list[str]:
    """The build's words of one sentence of a block (a sentence starts and ends on a word boundary)."""
    block = edition.blocks_by_id[block_id]
    start = block.zh.index(text)
    tokens = reading_of(edition).tokens[block_id]
    words = [t.text for t in tokens if start <= t.start and t.end <= start + len(text)]
    assert "".join(words) == text, f"{block_id}: the build's words do not fall on the sentence's ends"
    return words


def test_the_reference_is_the_40_longest_sentences_of_the_page(edition: Edition) -> None:
    rows = reference()
    assert len(rows) == 40
    sentences = []
    for block in edition.blocks_by_id.values():
        current = ""
        for char in block.zh:
            current += char
            if char in "。！？；":
                sentences.append(current)
                current = ""
        if current:
            sentences.append(current)
    longest = sorted((len(s) for s in sentences), reverse=True)[:40]
    assert sorted((len("".join(w)) for _, w in rows), reverse=True) == longest
    for block, words in rows:  # each is a sentence of its block, as printed
        assert "".join(words) in edition.blocks_by_id[block].zh


def test_segmentation_agrees_with_the_reference_in_97_percent_of_word_boundaries(edition: Edition) -> None:
    found = expected = agreed = 0
    for block, words in reference():
        mine = sentence_words(edition, block, "".join(words))
        theirs, ours = boundaries(words), boundaries(mine)
        found += len(ours)
        expected += len(theirs)
        agreed += len(theirs & ours)
    precision, recall = agreed / found, agreed / expected
    f1 = 2 * precision * recall / (precision + recall)
    assert expected > 1000
    assert precision >= TARGET and recall >= TARGET, f"precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f}"


def test_every_name_and_term_of_the_glossary_is_one_word(edition: Edition) -> None:
    tokens = reading_of(edition).tokens
    spans = {(b, t.start, t.end, t.entity) for b, ts in tokens.items() for t in ts}
    mentions = [m for e in edition.entities for m in e.mentions if m.start >= 0]
    assert len(mentions) > 250
    for m in mentions:
        assert (m.block, m.start, m.start + len(m.zh), m.entity) in spans, (m.block, m.zh)
    # 文献 is a person here (a pinned mention), one word; 北京朝阳中学 one organisation
    words = {t.text for ts in tokens.values() for t in ts if t.kind == "name"}
    assert {"文献", "北京朝阳中学", "习近平新时代中国特色社会主义思想"} <= words


@pytest.mark.parametrize(
    "number", ["16.4万人", "3827万平方米", "200余万个", "48.6%", "2.00元", "13.84亿元", "九项", "两期"]
)
def test_a_number_with_its_unit_is_one_word(edition: Edition, number: str) -> None:
    words = [t for ts in reading_of(edition).tokens.values() for t in ts if t.text == number]
    assert words and all(t.kind == "number" for t in words)


def test_the_chinese_is_never_changed(edition: Edition) -> None:
    reading = reading_of(edition)
    for block in edition.blocks_by_id.values():
        tokens = reading.tokens[block.id]
        assert "".join(t.text for t in tokens) == block.zh
        assert all(block.zh[t.start : t.end] == t.text for t in tokens)


def test_fixed_spans_are_kept_and_jieba_cuts_between_them() -> None:
    text = "区长文献与墨玉县主要领导对接2019年底"
    tokens = segment(text, [Fixed(2, 4, "name", "wen-xian", "Wén Xiàn"), Fixed(5, 8, "name", "moyu-county")])
    words = [t.text for t in tokens]
    assert words[:4] == ["区长", "文献", "与", "墨玉县"]
    assert words[-2:] == ["2019年", "底"]
    assert tokens[1].entity == "wen-xian" and tokens[1].pinyin == "Wén Xiàn"
    # of two fixed spans that overlap, the first given wins
    assert [t.text for t in segment("十四师47团", [Fixed(0, 6, "name", "x"), Fixed(3, 6, "number")])] == ["十四师47团"]
