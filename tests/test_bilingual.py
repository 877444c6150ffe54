"""Issue 3: translation pairing, outdated translations, the reading views and their lang."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from edition.errors import BuildError
from edition.pipeline import BuildResult, build, make_edition
from edition.typography import curly_quotes

Built = tuple[BuildResult, Path]
Edit = Callable[[Path, str, str], None]


def errors_of(site: Path) -> list[str]:
    with pytest.raises(BuildError) as info:
        make_edition(site)
    return [str(d) for d in info.value.diagnostics]


def test_every_block_is_translated(built: Built) -> None:
    result, _ = built
    for article in result.edition.all_articles:
        assert article.en_path, article.id
        for block in article.blocks:
            assert block.en.strip(), block.id


def test_missing_block_is_refused(site: Path, edit: Edit) -> None:
    path = site / "content/2020-05-25/p12/04-moyu.en.md"
    text = path.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n\n", 1)[0] + "\n"
    path.write_text(last, encoding="utf-8")
    [message] = errors_of(site)
    assert message.startswith("content/2020-05-25/p12/04-moyu.en.md:")
    assert "the English lacks moyu-p7 (the Chinese at content/2020-05-25/p12/04-moyu.zh.md:" in message


def test_extra_block_is_refused(site: Path) -> None:
    path = site / "content/2020-05-25/p12/04-moyu.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAn extra paragraph.\n", encoding="utf-8")
    [message] = errors_of(site)
    assert re.match(
        r"content/2020-05-25/p12/04-moyu\.en\.md:\d+:1: error: this paragraph \(“An extra paragraph\.”\), after the English of moyu-p7, has no Chinese counterpart",
        message,
    )


def test_heading_paired_with_paragraph_is_refused(site: Path, edit: Edit) -> None:
    edit(site / "content/2020-05-25/p12/04-moyu.en.md", "## High-Level", "High-Level")
    [message] = errors_of(site)
    assert (
        "block 4 is a paragraph but the Chinese block it pairs with (content/2020-05-25/p12/04-moyu.zh.md:" in message
    )
    assert ") is a subhead" in message


def test_outdated_translation_warns_and_shows_a_notice(site: Path, tmp_path: Path, edit: Edit) -> None:
    edit(site / "content/2020-05-25/p12/04-moyu.zh.md", "帮扶工作取得显著成效。", "帮扶工作取得了显著成效。")
    edit(
        site / "content/2020-05-25/p12/04-moyu.zh.md",
        "blocks:  #",
        "emendations:\n- {block: p1, source: 取得显著, reading: 取得了显著, reason: test}\nblocks:  #",
    )
    result = build(site, tmp_path / "out", search=False)
    [warning] = [str(w) for w in result.warnings]
    assert warning.startswith("content/2020-05-25/p12/04-moyu.en.md:4:1: warning: translation is outdated")
    html = (tmp_path / "out/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert 'class="notice"' in html and "may not yet reflect the correction" in html
    assert 'class="notice"' not in (tmp_path / "out/2020-05-25/p12/urban-renewal/index.html").read_text(
        encoding="utf-8"
    )
    with pytest.raises(BuildError):
        build(site, tmp_path / "strict", strict=True, search=False)


@pytest.mark.parametrize(
    ("view", "html_lang", "zh_lang", "has_en"),
    [
        ("", "en", "zh-Hans", True),
        ("zh/", "zh-Hans", "zh-Hans", False),
        ("en/", "en", None, True),
        ("zh-hant/", "zh-Hant", "zh-Hant", False),
    ],
)
def test_views_and_lang(built: Built, view: str, html_lang: str, zh_lang: str | None, has_en: bool) -> None:
    _, out = built
    html = (out / view / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{html_lang}">' in html
    if zh_lang:
        assert f'class="zh" lang="{zh_lang}"' in html
    else:
        assert 'class="zh"' not in html
    assert ('class="en" lang="en"' in html) is has_en
    for code in ("x-default", "zh-Hans", "en", "zh-Hant"):
        assert f'hreflang="{code}"' in html
    # the scripts of every page, of an article page, and the reading help's where the Chinese is
    # shown; no inline script: JSON-LD is data, not code
    expected = ["edition.js", "reading.js", "article.js"] if zh_lang else ["edition.js", "article.js"]
    assert re.findall(r'<script src="[./]*static/(\w+\.js)\?v=[0-9a-f]+"', html) == expected
    assert html.count("<script") == len(expected) + html.count('<script type="application/ld+json">')


def test_traditional_view_is_converted(built: Built) -> None:
    _, out = built
    html = (out / "zh-hant/2020-05-25/p12/urban-renewal/index.html").read_text(encoding="utf-8")
    assert "提升城市品質 優化區域功能" in html
    # The text, not what cites or quotes the original as printed (citations, notes)
    text = html.split("<main", 1)[1].split('<details class="cite"', 1)[0]
    text = re.sub(r'<details class="cite-block">.*?</details>', "", text, flags=re.S)
    assert "朝陽區" in text and "朝阳区" not in text


def test_traditional_view_follows_taiwan_conventions(built: Built) -> None:
    """site.toml chooses OpenCC's s2tw: Taiwan's standard forms (為, not 爲) and corner quotes."""
    _, out = built
    html = (out / "zh-hant/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    text = html.split("<main", 1)[1].split('<details class="cite"', 1)[0]
    assert "爲" not in text and "為" in (out / "zh-hant/index.html").read_text(encoding="utf-8")
    chinese = "".join(re.findall(r'class="zh" lang="zh-Hant">(.*?)</(?:p|span)>', text, re.S))
    assert "「" in chinese and "」" in chinese and "“" not in chinese and "”" not in chinese


def test_interface_strings_convert_to_the_right_traditional_words(built: Built) -> None:
    # OpenCC converts by words: 每项链接 read as 每 + 项链 ('necklace') + 接 gave 每項鍊接. The
    # interface strings are worded so that every conversion is the word meant.
    _, out = built
    pages = [p.read_text(encoding="utf-8") for p in (out / "zh-hant").rglob("*.html")]
    assert not any("項鍊" in page for page in pages)
    figures = (out / "zh-hant/figures/index.html").read_text(encoding="utf-8")
    assert "各項均連結至下表對應列" in figures


def test_the_charts_say_their_language_the_views(built: Built) -> None:
    """Every chart says its language (once English in every view, and said so, to be set as
    English): a Chinese view's charts are Chinese (tests/test_view_languages.py), the others English."""
    _, out = built
    for view, lang in (("zh/", "zh-Hans"), ("zh-hant/", "zh-Hant"), ("", "en"), ("en/", "en")):
        figures = (out / f"{view}figures/index.html").read_text(encoding="utf-8")
        charts = re.findall(r'<div class="chart" id="[^"]+" lang="([^"]+)">', figures)
        assert charts and set(charts) == {lang}, (view, charts)
    assert len(charts) == len(re.findall('<div class="chart"', figures))


def test_english_has_curly_quotes_and_the_chinese_is_untouched(built: Built) -> None:
    result, out = built
    html = (out / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    english = re.findall(r'<p class="en" lang="en">(.*?)</p>', html, re.S)
    assert english and not any("&#34;" in p or "&quot;" in p or "&#x27;" in p for p in english)
    assert "“Adash Partners" in html or "“<a" in html
    moyu = next(a for a in result.edition.articles if a.id == "moyu")
    for block in moyu.blocks:  # the Chinese as transcribed, its quotes too
        assert re.sub(r"<[^>]+>", "", block.zh) in re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize(
    ("text", "curled"),
    [
        # a quote at the text's start opens it ("" was taken for a closing bracket)
        ('"Setting up stations and points" to solve', "“Setting up stations and points” to solve"),
        # a quoted phrase in Chinese, with no space after it, closes before the Chinese
        ('as "疏解整治促提升"专项行动总指挥部: the', "as “疏解整治促提升”专项行动总指挥部: the"),
        ("'Battle' of 2020", "‘Battle’ of 2020"),
        ('x)"y', 'x)"y'),  # after a closing bracket a quote opens nothing
        ("the farmers' land, it's", "the farmers’ land, it’s"),
        # an apostrophe at the text's start: no quote it closes (review 15)
        ("'90s were good", "’90s were good"),
        # a quote opened after Chinese, inside Chinese (review 15)
        ('称为"疏解整治促提升"专项', "称为“疏解整治促提升”专项"),
        # Markdown's backslash escape keeps the editor's straight quote, as do code spans of any run (review 15)
        ('say \\"hi\\" and "yes"', 'say \\"hi\\" and “yes”'),
        ('`` a"b `` and "c"', '`` a"b `` and “c”'),
        # an apostrophe opening a word inside a double quotation (review 16)
        ('He said "back in the \'90s"', "He said “back in the ’90s”"),
        ('"Get \'em," he said', "“Get ’em,” he said"),
        # a paragraph of a quotation over several: opened, closed in a later one (review 16)
        ('"A quotation over paragraphs', "“A quotation over paragraphs"),
    ],
)
def test_quotes_are_curled_at_a_texts_start_and_before_chinese(text: str, curled: str) -> None:
    assert curly_quotes(text) == curled
    assert len(curly_quotes(text)) == len(text)  # one character for one: the marks' offsets hold


def test_no_straight_double_quote_in_any_pages_text(built: Built) -> None:
    """Found reading the front page: a paragraph that opens with a quote kept both its quotes
    straight, and a note quoting Chinese kept its closing one."""
    _, out = built
    straight = []
    for page in sorted(out.rglob("*.html")):
        # what a reader reads: not scripts, styles, or the citations' BibTeX and CSL-JSON (code,
        # in <pre>), nor attributes (tags taken out before the text is unescaped)
        text = re.sub(r"<(script|style|pre|textarea)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = unescape(re.sub(r"<[^>]*>", "", text))
        straight += [f"{page.relative_to(out)}: …{m[0]}…" for m in re.finditer(r'.{0,30}".{0,20}', text)]
    assert not straight, "\n".join(straight[:10])


def test_interface_strings_follow_the_view(built: Built) -> None:
    _, out = built
    assert "About this edition" in (out / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert "关于本站" in (out / "zh/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert "關於本站" in (out / "zh-hant/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")


def test_view_switch_links_to_the_same_page(built: Built) -> None:
    _, out = built
    html = (out / "zh/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    for href in (
        'href="../../../../2020-05-25/p12/moyu/"',
        'href="../../../../en/2020-05-25/p12/moyu/"',
        'href="../../../../zh-hant/2020-05-25/p12/moyu/"',
        'href="./"',
    ):
        assert href in html


def test_vertical_headlines_are_marked(built: Built) -> None:
    _, out = built
    html = (out / "zh/2020-05-25/p12/business-support/index.html").read_text(encoding="utf-8")
    assert 'class="pair k-headline vertical heading" id="business-support-h1"' in html
    assert 'class="pair k-deck vertical" id="business-support-d1"' in html
