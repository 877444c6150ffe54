"""The Chinese interface, as a reviewer who reads Chinese found it (ninth session, a helper who
did not write it): 本版 for the newspaper page only, one word for search, the Taiwan forms the
conversion does not give, Chinese punctuation around the numbers of the checks, a 404 page
Chinese readers can read, and a Traditional gloss whose parts are Traditional.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
Built = tuple[Any, Path]


def page(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_this_edition_is_the_site_and_this_page_the_newspapers(built: Built) -> None:
    _, out = built
    zh = page(out, "zh/index.html")
    assert "关于本站" in zh and "关于本版" not in zh  # 本版 is the newspaper's page 12
    strings = yaml.safe_load((ROOT / "templates/ui.yaml").read_text(encoding="utf-8"))
    edition_sense = ("about", "photo_missing", "see_note", "vocabulary_intro", "search_placeholder")
    assert not [k for k in edition_sense if "本版" in strings[k]["zh"]]
    # one word for search in each script, and the figures' caveat in Chinese too
    assert not [k for k, v in strings.items() if k.startswith("search") and "检索" in v["zh"]]
    assert "整理者对原文数字的解读" in strings["figures_intro"]["zh"]


def test_the_traditional_view_writes_as_taiwan_does(built: Built) -> None:
    _, out = built
    search = page(out, "zh-hant/search/index.html")
    assert "<h1>搜尋</h1>" in search and "搜索" not in search
    figures = page(out, "zh-hant/figures/index.html")
    assert "每列連結至出處" in figures and "「所指」" in figures and "點選欄標題" in figures
    article = page(out, "zh-hant/2020-05-25/p12/moyu/index.html")
    assert 'data-link="連結"' in article and "鏈接" not in article
    assert "編者註" in article and "編者注" not in article


def test_the_checks_read_in_chinese_punctuation_in_the_chinese_views(built: Built) -> None:
    _, out = built
    zh = page(out, "zh/figures/index.html")
    assert re.search(r'<span class="calc">（核算：[\d,.]+ [=≠] 原文：[\d,.]+）</span>', zh)
    en = page(out, "en/figures/index.html")
    assert re.search(r'<span class="calc">\(worked out: [\d,.]+ [=≠] printed: [\d,.]+\)</span>', en)


def test_the_not_found_page_speaks_chinese_too(built: Built) -> None:
    _, out = built
    html = page(out, "404.html")
    assert '<span lang="zh-Hans">页面不存在</span>' in html and '<p lang="zh-Hans">此地址没有页面' in html


@pytest.mark.browser
def test_the_search_page_gives_its_examples_in_every_view(built: Built) -> None:
    """Walk 12: the Traditional view's search page read "可輸入兩字詞（如）或英文詞。", its examples
    missing (site.toml's search_examples were filled in for en and zh only)."""
    _, out = built
    pages = {
        view: re.sub(r"<[^>]*>", "", (out / view / "search/index.html").read_text(encoding="utf-8"))
        for view in ("", "zh/", "zh-hant/", "en/")
    }
    assert "（如墨玉、脫貧）" in pages["zh-hant/"]
    assert "（如墨玉、脱贫）" in pages["zh/"]
    assert "(墨玉, 脱贫)" in pages["en/"]
    assert not any("（如）" in page or "()" in page for page in pages.values())


def test_the_traditional_examples_are_converted_as_the_site_converts(tmp_path: Path) -> None:
    """Review 14: the examples were converted before the site's OpenCC configuration was set
    (s2t's 作爲 where the site's s2tw writes 作為)."""
    from conftest import copy_site

    from edition.config import load_config, site_strings
    from edition.views import use_traditional

    site = copy_site(tmp_path / "site")
    toml = site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('["墨玉", "脱贫"]', '["作为", "脱贫"]'), encoding="utf-8")
    config = load_config(toml, site)
    assert config.traditional == "s2tw"
    use_traditional("s2t", ())  # as a fresh process starts
    strings = site_strings(config, {"search_intro": {"en": "{examples}", "zh": "{examples}", "zh-hant": "{examples}"}})
    assert strings["search_intro"]["zh-hant"] == "作為、脫貧"


def test_a_traditional_gloss_lists_its_parts_in_traditional(served_site: Any, browser: Any) -> None:
    """街乡 lacks a CC-CEDICT entry: its gloss lists the words it is made of, which the
    dictionary file holds in Simplified; the Traditional view showed 乡 in 街鄉's gloss."""
    from test_browser import new_page

    words = json.loads((served_site.out / "reading/words.json").read_text(encoding="utf-8"))["words"]
    assert not words["街乡"][1] and [p[0] for p in words["街乡"][2]] == ["街", "乡"]
    view = new_page(browser)
    view.goto(served_site.page_url("zh-hant/2020-05-25/p12/moyu/index.html") + "?pinyin=on")
    view.locator("ruby.w rt").first.wait_for(state="visible")
    word = view.locator("ruby.w", has_text="街鄉").first
    word.click()
    view.wait_for_selector("#gloss .gloss-parts li")
    parts = view.locator("#gloss .gloss-parts li > span[lang^=zh-Hant]").all_inner_texts()
    assert parts == ["街", "鄉"], parts
    view.context.close()


@pytest.mark.browser
def test_the_chinese_search_says_how_many_it_found_in_chinese(served_site: Any, browser: Any) -> None:
    from test_browser import new_page

    view = new_page(browser)
    view.goto(served_site.page_url("zh/search/index.html") + "?q=墨玉")
    status = view.locator("#search-status")
    status.filter(has_text="项结果").wait_for()
    assert re.fullmatch(r"找到\d+项结果(（仅统计前100个页面）)?", status.inner_text().strip())
    view.context.close()


def test_the_chinese_views_punctuate_as_chinese(built: Built) -> None:
    """A colon, a semicolon and brackets written into templates and code were ASCII in every
    view ("下载本表: ", "(术语; 本版注释)")."""
    _, out = built
    assert '<h1 id="vocab-h">本文詞彙表：' in page(out, "zh-hant/2020-05-25/p12/moyu/words/index.html")
    figures = page(out, "zh/figures/index.html")
    assert "下载本表：<a" in figures and re.search(r"图片 1</a>：", figures)
    assert "</span>；图像：" in figures  # no space after a full-width semicolon (review 10)
    words = page(out, "zh-hant/2020-05-25/p12/paired-assistance/words/index.html")
    assert re.search(r"（術語；<a [^>]+>本站註釋</a>）", words)
    english = page(out, "2020-05-25/p12/paired-assistance/words/index.html")
    assert re.search(r"fight against poverty \(Term; <a [^>]+>the edition’s note</a>\)", english)


def test_an_editor_is_told_the_id_meant_and_what_fills_a_new_page(tmp_path: Path) -> None:
    """Usage walk 10: a misspelt entity id got no "did you mean" (a misspelt key does); a new
    page folder before its cut was told only what a page file holds."""
    from conftest import copy_site

    from edition.errors import BuildError
    from edition.pipeline import make_edition

    site = copy_site(tmp_path / "site")
    zh = site / "content/2020-05-25/p12/04-moyu.zh.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("{entity: wen-xian,", "{entity: wen-xain,", 1), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        make_edition(site)
    shown = [str(d) for d in info.value.diagnostics]
    assert any("'wen-xain'" in d and "did you mean 'wen-xian'?" in d for d in shown), shown
    zh.write_text(text, encoding="utf-8")
    new = site / "content/2020-05-26/p03"
    new.mkdir(parents=True)
    toml = (site / "content/2020-05-25/p12/page.toml").read_text(encoding="utf-8")
    (new / "page.toml").write_text(
        toml.replace('date = "2020-05-25"', 'date = "2020-05-26"').replace("page = 12", "page = 3")
    )
    (new / "layout.yaml").write_text((site / "content/2020-05-25/p12/layout.yaml").read_text(encoding="utf-8"))
    with pytest.raises(BuildError) as info:
        make_edition(site)
    shown = [str(d) for d in info.value.diagnostics]
    assert any("found 0" in d and "run ./run cut content/2020-05-26/p03" in d for d in shown), shown


def test_a_name_that_begins_an_english_sentence_is_still_found() -> None:
    """Usage walk 10: "This newspaper reports: …" for 本报 gave "none of its English forms is in
    the translation": the form is "this newspaper", and the match was case-sensitive. A form
    may begin with a capital where it begins a sentence, and only there."""
    from edition.annotate import _en_pattern

    pattern = _en_pattern(("this newspaper", "CHINA REFORM DAILY"))
    found = lambda text: [m.group(0) for m in pattern.finditer(text)]  # noqa: E731
    assert found("This newspaper reports: the district") == ["This newspaper"]
    assert found("It was said. This newspaper learnt") == ["This newspaper"]
    assert found("“Go on.” This newspaper") == ["This newspaper"]
    assert found("(This newspaper said so.)") == ["This newspaper"] == found("“This newspaper reports”")
    assert found("as reported in this newspaper") == ["this newspaper"]
    assert found("a title, This Newspaper, in mid-sentence") == []


def test_a_printed_chinese_article_cites_the_original(built: Built) -> None:
    """The Chinese views printed the English translation's citation (and marked the Chinese
    words before it English): a reader of the Chinese cites the original, in GB/T 7714."""
    _, out = built
    for view in ("zh/", "zh-hant/"):
        html = page(out, f"{view}2020-05-25/p12/moyu/index.html")
        cite = re.search(r'<p class="print-only print-cite"[^>]*>(.*?)</p>', html, re.S)
        assert cite and '<span lang="zh-Hans">携手新疆墨玉' in cite.group(1) and "[N]." in cite.group(1), cite
        assert "Translated by" not in cite.group(1)
    english = page(out, "en/2020-05-25/p12/moyu/index.html")
    assert re.search(
        r'<p class="print-only print-cite"[^>]*>Cite this article: <span lang="en">[^<]*Translated by', english
    )


def test_a_pages_footer_is_named_in_chinese(built: Built) -> None:
    """The imprint at a page's foot is its 页脚 (报脚, which the passages' names said, is no
    word: review of the Chinese interface, left in the ninth session)."""
    _, out = built
    front = page(out, "zh/2020-05-25/p12/index.html")
    assert "页脚" in front and "报脚" not in front


def test_articles_are_numbered_as_chinese_numbers_them(built: Built) -> None:
    """ "文章 1" and "词汇表 1" (review of the Chinese interface, left in the ninth session): an
    article by its place is 第1篇, after the view's own colon, in the front's links to the
    articles and to their vocabularies; the English interface keeps "Article 1"."""
    _, out = built
    zh = page(out, "zh/2020-05-25/p12/index.html")
    assert '">第1篇：<span lang="zh-Hans">脱贫攻坚 责无旁贷</span></a>' in zh
    # Its vocabularies are named by their articles' short titles (usage walk 12: "第1篇 · 第2篇 …"
    # said nothing of which article), in the view's language
    # (to the parallel view's vocabulary: the Simplified view has none of its own)
    assert '词汇表：<a href="../../../2020-05-25/p12/paired-assistance/words/">脱贫攻坚</a> · ' in zh
    assert '<a href="../../../2020-05-25/p12/moyu/words/">携手新疆墨玉</a></p>' in zh
    hant = page(out, "zh-hant/2020-05-25/p12/index.html")
    assert '詞彙表：<a href="paired-assistance/words/">脫貧攻堅</a> · ' in hant
    assert not re.search(r"(文章|词汇表) \d", zh)
    assert not re.search(r"(文章|詞彙表) \d", page(out, "zh-hant/2020-05-25/p12/index.html"))
    parallel = page(out, "2020-05-25/p12/index.html")
    assert '">Article 1: The Fight Against Poverty: A Duty No One Can Shirk <span lang="zh-Hans">' in parallel
    assert 'Vocabulary: <a href="paired-assistance/words/">Paired assistance</a> · ' in parallel
    assert not re.search(r"words/\">(Article|第)", zh + hant + parallel)
