"""Each view speaks its own language where it had spoken another's (helper review, session 11):
the Chinese views' charts, the vocabulary's addresses in the views that have no vocabulary of
their own, and the search results' titles.

HTML assertions over the real edition (built without its index), and search in a real browser
over the invented two-date archive (tests/fixtures/archive), built with its index and served;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as tests/test_walk11_search.py is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_browser import Site, new_page
from test_search_words import search

from edition.pipeline import build
from edition.views import to_hant, use_traditional

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/archive"
VIEWS = ("", "zh/", "en/", "zh-hant/")
LATIN = re.compile("[A-Za-z]")
HAN = re.compile("[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built without its search index."""
    out = tmp_path_factory.mktemp("languages") / "output"
    result = build(ROOT, out, search=False)
    config = result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    return out


def read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def charts(html: str) -> str:
    """The figures page's charts (their lists and scales, not their captions)."""
    section = html.split('<h2 id="charts">', 1)[1].split("<h2 ", 1)[0]
    return "".join(re.findall(r'<div class="chart".*?</ol>(?:<div class="scale".*?</div>)?</div>', section, re.S))


def ticks(chart: str) -> list[str]:
    """A chart's gridlines, each once (the chart gives its scale above it too, for paper: walk 17)."""
    return list(dict.fromkeys(re.findall(r'<span style="left:[0-9.]+%">([^<]*)</span>', chart)))


def test_a_chinese_views_charts_are_chinese_and_the_others_english(out: Path) -> None:
    """Found by a helper's review: the figures page's charts were English in every view, their
    gridlines "10 thousand … 10 billion", their labels the English ones, in the Chinese views
    too. A Chinese view's charts are Chinese: amounts as its readers write them (近80亿元,
    7327万元), gridlines of 1万, 100万, 1亿, 100亿, each amount labelled by its words in the text;
    in Traditional characters in the zh-Hant view. The parallel and English views keep English."""
    money = {view: charts(read(out, f"{view}figures/index.html")) for view in VIEWS}
    assert ticks(money["zh/"]) == ["1万", "100万", "1亿", "100亿"]
    assert ticks(money["zh-hant/"]) == ["1萬", "100萬", "1億", "100億"]
    for view in ("", "en/"):
        assert ticks(money[view]) == ["10 thousand", "1 million", "100 million", "10 billion"], view
        assert '<span class="value">nearly 8 billion yuan</span>' in money[view]
        assert '<span class="value">+13.85 million yuan</span>' in money[view]
        assert '<div class="chart" id="chart-money" lang="en">' in money[view]
    zh, hant = money["zh/"], money["zh-hant/"]
    # (the paper's scale above it first: usage walk 17)
    assert '<div class="chart" id="chart-money" lang="zh-Hans"><div class="scale scale-top"' in zh
    assert '</div><ol class="dotplot" style="--decades:6" aria-label="报道中的金额">' in zh
    # each amount said once, where the label (the text's words) prints it (a usage walk: it was said again beside it)
    assert '<span class="amount">近80亿元</span>' in zh and '<span class="amount">1385万元</span>' in zh
    assert (
        '<span class="label">合计（本站相加所得，原文未载） <span class="value">3983万元</span>' in zh
    )  # 39.83 million
    # every qualifier with its amount, as printed (将超过10亿元, 预计约806万元), in every view (review 13)
    assert '<span class="amount">超过10亿元</span>' in zh and '<span class="amount">预计约806万元</span>' in zh
    assert '<span class="value">more than 1 billion yuan</span>' in money[""]
    # a label: the words of the text that print the amount (the clause before too, where it says little alone)
    assert (
        '<a href="#paired-assistance-p4-n4">投入区级财政资金<span class="nb">2.86亿元</span>，年均增长'
        '<span class="amount">7327万元</span></a>' in zh
    )
    assert (
        '<div class="chart" id="chart-money" lang="zh-Hant">' in hant and '<span class="amount">近80億元</span>' in hant
    )
    for chinese, script in ((zh, "zh"), (hant, "zh-hant")):
        text = re.sub(r"<[^>]*>", " ", chinese)
        assert not LATIN.search(text), (script, LATIN.findall(text)[:5])
    assert to_hant(re.sub(r"<[^>]*>", "", hant)) == re.sub(r"<[^>]*>", "", hant)  # no Simplified left
    # the same amounts in every view: each dot and bar at the same place, linked to the same row
    marks = {view: re.findall(r'href="(#[^"]+)"|style="(left:[^"]+)"', chart) for view, chart in money.items()}
    assert marks[""] and all(m == marks[""] for m in marks.values())
    # on a phone a Chinese amount broke at a line's end (近 / 80亿元, +498 / 万元; tests/test_chart_amounts.py)
    css = (ROOT / "static/figures.css").read_text(encoding="utf-8")
    assert "white-space: nowrap; }" in css.split(".chart .value {", 1)[1].split("\n", 1)[0]
    assert ".chart .amount { font-weight: bold; font-variant-numeric: tabular-nums; white-space: nowrap; }" in css


def test_amounts_in_chinese_keep_their_figures() -> None:
    from edition.charts import money_zh

    assert [money_zh(v) for v in (8e9, 1.384e9, 73_270_000, 60_000, 2000, 2.5e12)] == [
        "80亿", "13.84亿", "7327万", "6万", "2000", "2.5万亿",
    ]  # fmt: skip
    # below a million every figure, as the English (12,345); a rounding up takes the next unit (review 13)
    assert [money_zh(v) for v in (12_345, 999_999, 99_995_000, 1_234_567)] == [
        "1.2345万",
        "99.9999万",
        "1亿",
        "123.5万",
    ]


def test_a_chinese_views_table_writes_units_and_qualifiers_in_chinese(out: Path) -> None:
    """The same review: the table's unit cell said 个 (items) and its qualifier cell "nearly" in
    the Chinese views; there they are 个 and 近. The views that show English keep both."""
    for view in ("zh/", "zh-hant/"):
        table = read(out, f"{view}figures/index.html").split('<h2 id="table">', 1)[1]
        assert "(items)" not in table and ">nearly<" not in table and ">more than<" not in table, view
    zh = read(out, "zh/figures/index.html")
    row = zh.split('<tr id="business-support-p4-n4">', 1)[1].split("</tr>", 1)[0]
    assert '<td data-label="限定词" lang="zh-Hans">近</td>' in row
    assert '<td data-label="单位"><span lang="zh-Hans">元</span></td>' in row
    hant = read(out, "zh-hant/figures/index.html").split('<tr id="business-support-p4-n4">', 1)[1]
    assert '<td data-label="限定詞" lang="zh-Hant">近</td>' in hant.split("</tr>", 1)[0]
    for view in ("", "en/"):
        html = read(out, f"{view}figures/index.html")
        assert '<span lang="zh-Hans">个</span> <span lang="en">(items)</span>' in html, view
        assert 'lang="en">nearly</td>' in html, view


def test_the_vocabularys_address_in_a_view_without_one_says_where_it_is_read(out: Path) -> None:
    """Found by the same review: the Simplified and English views' vocabulary addresses said the
    page had moved (本页已移至新地址, "This page has moved"); it never did: the parallel view's
    vocabulary serves them by design. They say so; an address that did move still says it moved."""
    words = "2020-05-25/p12/moyu/words/"
    zh, en = read(out, f"zh/{words}index.html"), read(out, f"en/{words}index.html")
    assert "<title>本文词汇表见中英对照版（简体中文词语，附英文释义）</title>" in zh and "移至" not in zh
    assert "<p>本文词汇表见中英对照版（简体中文词语，附英文释义）：<a href=" in zh
    assert "This article’s vocabulary is in the parallel view" in en and "moved" not in en
    assert f'<a href="../../../../../{words}">' in zh and f'<a href="../../../../../{words}">' in en
    assert "本页已移至新地址：" in read(out, "zh/articles/moyu/index.html")  # site.toml's [redirects]
    assert "This page has moved: " in read(out, "en/articles/moyu/index.html")


# --- search results' titles, in a browser -------------------------------------------------

# each result's title: its link's first text, before " — " and its passage's name
TITLES = "items => items.map(i => i.querySelector('a').firstChild.textContent.split(' — ')[0])"


def _alone(name: str, view: str) -> bool:
    """A passage named without its page's title: "Relief ¶1", 朝阳区助企纾困 is not; 第1段 in a Chinese view."""
    return bool(re.search(r" ¶[0-9]+$" if view in ("", "en/") else r" 第[0-9]+段$", name))


@pytest.fixture
def archive(served_archive: Site) -> Site:
    """The two-date archive, served with its search index (conftest.py), its Traditional
    conversion set as it converts (another test may have set another)."""
    config = served_archive.result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    return served_archive


@pytest.mark.browser
@pytest.mark.parametrize("view", VIEWS)
def test_search_results_are_titled_in_the_views_language(archive: Site, browser: Any, view: str) -> None:
    """Found by the same review: a result was titled in Chinese and English in every view
    ("朝阳区新增绿地120公顷 Chaoyang District Adds 120 Hectares of Green Space"). A Chinese view's
    results are titled in its Chinese (Traditional in the zh-Hant view), the English view's in
    English; the parallel view's keep both."""
    page = new_page(browser)
    page.goto(archive.url + view + "search/")
    count, _ = search(page, "朝陽區" if view == "zh-hant/" else "朝阳区")
    titles = page.eval_on_selector_all("#search-results li", TITLES)
    assert count > 0 and titles
    # a passage listed after another of its page is named alone, "Relief ¶1", in the view's
    # language (usage walk 17): its title is the one above it
    hrefs = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.href.split('#')[0])")
    titles = [t for i, t in enumerate(titles) if not (i and hrefs[i] == hrefs[i - 1] and _alone(t, view))]
    articles = {a.title_zh: a.title_en for a in archive.result.edition.articles}
    entities = {e.zh: e.en for e in archive.result.edition.entities}
    both = {f"{zh} {en}" for zh, en in [*articles.items(), *entities.items()]}
    for title in titles:
        if view == "":
            assert title in both, title
        elif view == "en/":
            assert not HAN.search(title) and title in {*articles.values(), *entities.values()}, title
        else:
            assert not LATIN.search(title), (view, title)
            simplified = {*articles, *entities}
            assert title in (simplified if view == "zh/" else {to_hant(t) for t in simplified}), (view, title)
    assert not page.errors
    page.context.close()
