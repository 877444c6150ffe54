"""Usage walk 11 on the invented archive (tests/fixtures/archive: two pages of two dates), the
defects it found in what the pages say, each as the reader met it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def out(archive_out: Path) -> Path:
    return archive_out  # (conftest.py: built once for the session)


def read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_a_names_page_says_each_passage_once_by_its_articles_title(out: Path) -> None:
    """ "朝陽區新增綠地120公頃, 朝陽區新增綠地120公頃 標題": the article's title, then the passage's
    name, which in Chinese begins with the same title; an ASCII comma in the Chinese views."""
    hant = read(out, "zh-hant/entity/chaoyang-district/index.html")
    assert (
        '">朝陽區新增綠地120公頃，標題<span class="where">（<span lang="zh-Hant">2021年1月4日 第1版</span>）</span></a>'
        in hant
    )
    parallel = read(out, "entity/chaoyang-district/index.html")
    assert '">Chaoyang District Adds 120 Hectares of Green Space, headline <span class="where">(4 January' in parallel


def test_a_pages_date_and_number_stand_in_the_views_brackets(out: Path) -> None:
    """The rows, "see also", the previous and next articles and the appendix's groups placed a
    row on its page in ASCII brackets in the Chinese views too."""
    for name in (
        "zh/2021-01-05/p02/relief/index.html",
        "zh/figures/index.html",
        "zh/entity/chaoyang-district/index.html",
    ):
        page = read(out, name)
        assert '<span class="where">（<span lang="zh-Hans">2021年1月' in page, name
        assert '<span class="where">(' not in page, name
    assert '<span class="where">(4 January 2021, page&nbsp;1)</span>' in read(
        out, "en/2021-01-05/p02/relief/index.html"
    )


def test_a_pages_date_in_chinese_is_not_broken_and_a_phones_links_are_the_columns_width() -> None:
    """On a phone the previous article's link was half the column wide, and broke 第 / 1版."""
    css = (ROOT / "static/edition.css").read_text(encoding="utf-8")
    assert ".where [lang|=zh] { white-space: nowrap; }" in css
    phone = css[css.index("@media (max-width: 40rem)") :]
    assert ".prevnext a { max-width: none; }" in phone[: phone.index("\n}\n")]


def test_an_archives_page_and_article_titles_say_their_date_and_page(out: Path) -> None:
    """An archive's tabs and bookmarks read "Chaoyang District Adds… — Test Daily": which
    date's? (A site of one page names its page in its short title already.)"""
    title = "<title>Chaoyang District Adds 120 Hectares of Green Space — 4 January 2021, page 1 — Test Daily</title>"
    assert title in read(out, "2021-01-04/p01/parks/index.html")
    assert title in read(out, "en/2021-01-04/p01/index.html")
    assert "<title>朝陽區助企紓困 — 2021年1月5日 第2版 — 測試日報</title>" in read(
        out, "zh-hant/2021-01-05/p02/relief/index.html"
    )


def test_an_archive_speaks_of_its_pages_not_of_the_page(out: Path) -> None:
    """The footer, the money chart's caption and the search page spoke of "the page" in an
    archive of many; the appendix said "Dates are listed apart" over no list of dates."""
    home = read(out, "index.html")
    assert "An edition of printed newspaper pages:" in home and "the printed page" not in home
    figures = read(out, "figures/index.html")
    assert "pages of the archive" in figures
    assert 'id="dates"' not in figures and "listed apart" not in figures  # the fixture prints no date
    assert "names and terms of the edition" in read(out, "search/index.html")
    strings = (ROOT / "templates/ui.yaml").read_text(encoding="utf-8")
    assert "the archive’s pages report" in strings and "本站各版报道的全部金额" in strings


# --- review 11 (a helper who wrote none of it) of the session's changes ----------------------


def test_a_printed_dates_english_is_found_as_written_not_as_another_word() -> None:
    """'5月' was found in "Farmers may plant" as "may"; a range's year went to its first end."""
    from edition.dates_en import english_date, english_forms

    assert english_date("5月", "Farmers may plant in May.") == "May"
    assert english_date("3月", "Workers march in March.") == "March"
    assert english_date("2019年底", "The end of 2019 saw it done.") == "the end of 2019"
    assert english_forms("2020年2月18日至3月1日")[0] == "18 February to 1 March 2020"
    assert english_forms("2月18日至20日")[0] == "18–20 February"


def test_only_a_heading_of_short_phrases_keeps_its_phrases_whole() -> None:
    """Kept whole, a long heading without spaces broke before its '，' (review 11)."""
    from edition.blockhtml import phrased

    assert phrased("携手新疆墨玉 坚决打赢脱贫攻坚战")
    assert not phrased("朝阳区深入推进疏解整治促提升，城市发展品质明显提升区域功能进一步优化")
    assert not phrased("进一步加强金融帮扶力度")  # no space: the browser's breaks


def test_a_title_in_angle_brackets_is_no_raw_html_and_an_underscore_is_an_underscore() -> None:
    from edition.slips import slips

    assert slips("The magazine <Time> and the book <Search for Truth> say so.") == []
    assert [s.what for s in slips("a <b>bold</b> word")] == ["raw HTML ‘<b>’ is shown to readers as text, not as HTML"]
    [unmatched] = slips("an _open emphasis")
    assert "is shown to readers as an underscore" in unmatched.what


def test_a_deleted_subhead_whose_words_the_next_paragraph_uses_is_no_join() -> None:
    """加强统筹 deleted, the next paragraph's 各部门加强统筹协调 made it look joined, so it was not
    called lost (review 11)."""
    from edition.content import Block
    from edition.cut import CutBlock
    from edition.errors import Loc
    from edition.lostblock import _joined

    para = "区各部门加强统筹协调，推进各项工作落实落细，取得明显成效。"
    cuts = [CutBlock("subhead", "加强统筹", 1, 1), CutBlock("paragraph", para, 2, 3)]
    assert not _joined(cuts[0], [Block("paragraph", para, Loc("x"))], [1], 0, cuts)
    joined = "加强统筹" + para
    assert _joined(cuts[0], [Block("paragraph", joined, Loc("x"))], [1], 0, cuts)


def test_the_sitemap_lists_pages_not_redirects_and_a_vocabularys_title_its_date(out: Path) -> None:
    sitemap = read(out, "sitemap.xml")
    assert "/words/</loc>" in sitemap and "/en/2021-01-04/p01/parks/words/" not in sitemap
    assert "— 4 January 2021, page 1 — Test Daily</title>" in read(out, "2021-01-04/p01/parks/words/index.html")


# --- review 12 (a helper who wrote none of it) ------------------------------------------------


def test_review_12_a_join_with_a_repair_a_month_of_days_and_a_vocabularys_heading(out: Path) -> None:
    """Two paragraphs joined, one of them repaired further on, were called a lost block; a
    range of one month's days had one English form only; the vocabulary page's Chinese title
    lost the heading's phrase-keeping."""
    from edition.content import Block
    from edition.cut import CutBlock
    from edition.dates_en import english_date
    from edition.errors import Loc
    from edition.lostblock import _joined

    first, second = "第一段说的是一件事，写得很长很长很长。", "第二段说的是另一件事，其中有一个字被修复了。"
    cuts = [CutBlock("paragraph", first, 1, 1), CutBlock("paragraph", second, 2, 2)]
    joined = first + second.replace("修复", "修好")
    assert _joined(cuts[1], [Block("paragraph", joined, Loc("x"))], [0], 1, cuts)
    assert english_date("2月18日至20日", "on 18 to 20 February") == "18 to 20 February"
    assert english_date("2月18日至20日", "from February 18–20 on") == "February 18–20"
    words = read(out, "2021-01-04/p01/parks/words/index.html")
    assert '<h1 id="vocab-h">' in words  # (the fixture's titles have no spaces: no phrased class)
