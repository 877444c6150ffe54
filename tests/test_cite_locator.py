"""A Chinese view's citation (GB/T 7714) marks a passage's place (the edition's own locator: the
standard has none for a paragraph) as the standard marks a cited page: GB/T 7714-2015's marks are
the Western ones, each before its item (clause 7, 著录用符号), and ":" is the one before a cited
page (引文页码, "北京: 中华书局, 2000: 29").
The passage's place came after a full-width "，" while the rest of the citation had ", " and
". " (a usage walk's finding): "…中国改革报, 2020-05-25(12)，携手新疆墨玉 第3段."."""

from __future__ import annotations

from pathlib import Path

from edition.cite import cite
from edition.pipeline import BuildResult
from edition.refs import article_name, passage_label


def test_a_passages_place_is_marked_as_gbt_7714_marks_a_locator(built: tuple[BuildResult, Path]) -> None:
    edition = built[0].edition
    checked = 0
    for article in edition.articles:
        info = edition.page_of(article).info
        head = f"{article.title_zh}[N]. {info.newspaper_zh}, {info.date}({info.page})"
        assert cite(edition, article).gbt_original == head + "."
        # the pattern the article's page carries for its passages (static/article.js fills it in)
        pattern = cite(edition, article).passage_pattern_zh
        assert pattern[0] == f"{head}: {article_name(article, 'zh')} " and pattern[1:] == ("part", "."), pattern
        for block in article.blocks:
            citation = cite(edition, article, block).gbt_original
            assert citation == f"{head}: {passage_label(article, block, 'zh')}.", citation
            # no full-width mark between the citation's items (a title may have its own)
            assert "，" not in citation.replace(article.title_zh, ""), citation
            checked += 1
    assert checked > 50


def test_the_cite_box_gives_the_views_own_style_first(built: tuple[BuildResult, Path]) -> None:
    """A Chinese view's reader finds GB/T 7714 first, as its passage citation and its printed
    citation give it; an English-reading view Chicago (usage walk 17: Chicago came first everywhere)."""
    import re

    out = built[1]
    for view, first in (
        ("zh/", "原文（GB/T 7714）"),
        ("zh-hant/", "原文（GB/T 7714）"),
        ("en/", "The original (Chicago)"),
    ):
        page = (out / view / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
        box = page[page.index('<details class="cite"') : page.index("</details>", page.index('<details class="cite"'))]
        assert re.findall(r"<dt>([^<]*)</dt>", box)[0] == first, view
