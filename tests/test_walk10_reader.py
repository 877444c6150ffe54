"""Reader walk 10 (tenth session; reviewers read the built edition in each view): each defect
they found that is fixed, as the reader met it. The Chinese views' passage citation is tested in
a real browser (tests/test_browser.py's site: the edition built once and served under a project
path); the rest reads the built pages.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from test_browser import ARTICLE, Site, new_page

from edition.dates_en import english_date
from edition.pipeline import BuildResult
from edition.views import HAN, opencc_hant


@pytest.mark.browser
@pytest.mark.parametrize("view", ["zh/", "zh-hant/"])
def test_a_chinese_views_passage_citation_is_of_the_original(served_site: Site, browser: Any, view: str) -> None:
    """¶'s citation in a Chinese view cited the English translation (Chicago), while the
    view's printed citation is the original's in GB/T 7714: now it is that, with the passage's
    place in Chinese ("第3段"), the original's title marked as the Simplified it is printed in."""
    from edition.cite import cite

    edition = served_site.result.edition
    article = next(a for a in edition.articles if a.id == "moyu")
    expected = cite(edition, article, edition.blocks_by_id["moyu-p3"]).gbt_original
    assert expected == "携手新疆墨玉 坚决打赢脱贫攻坚战[N]. 中国改革报, 2020-05-25(12): 携手新疆墨玉 第3段."
    page = new_page(browser)
    page.goto(served_site.url + view + ARTICLE)
    page.locator('[id="moyu-p3"] > a.pl').click()
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    values = popover.locator(".value")
    assert [str(v) for v in values.all_inner_texts()][-1] == expected
    assert values.last.get_attribute("lang") == "zh-Hans"
    # the short reference, English's letters ("CRD 2020-05-25 p12 Moyu ¶3"), is marked English
    # in the Chinese views, in the popover and in "Cite this" (review of the Chinese interface)
    assert values.first.inner_text().startswith("CRD ") and values.first.get_attribute("lang") == "en"
    assert page.locator("details.cite .ref").get_attribute("lang") == "en"
    assert "Translated by" not in str(popover.inner_text())
    # the page's own print citation says the same of the article
    assert cite(edition, article).gbt_original in str(page.locator(".print-cite").text_content())
    assert not page.errors, page.errors
    page.context.close()


# --- 1. the English view's dates are in English ----------------------------------------------

Built = tuple[BuildResult, Path]


def _dates(html: str) -> list[str]:
    """The figures appendix's list of dates, one item a date (its markup up to the passage)."""
    found = re.search(r'<ul class="dates">(.*?)</ul>', html, re.S)
    assert found is not None
    return [item.split(" — ", 1)[0] for item in re.findall(r"<li [^>]*>(.*?)</li>", found[1])]


def test_the_english_views_dates_are_in_english_as_the_translation_gives_them(built: Built) -> None:
    """The English view's list of printed dates gave only their Chinese (2月18日, 2019年底):
    now each date is in English as its passage's English writes it, with the Chinese as printed
    beside it where that adds more than 年; the parallel view shows both, a Chinese view the
    Chinese as printed."""
    result, out = built
    english = _dates((out / "en/figures/index.html").read_text(encoding="utf-8"))
    assert '<span lang="en">18 February</span> (<span lang="zh-Hans">2月18日</span>)' in english
    assert '<span lang="en">the end of 2019</span> (<span lang="zh-Hans">2019年底</span>)' in english
    assert '<span lang="en">February to April</span> (<span lang="zh-Hans">2月~4月</span>)' in english
    assert '<span lang="en">2017</span>' in english  # 2017年 adds only 年
    assert all(d.startswith('<span lang="en">') for d in english), english
    parallel = _dates((out / "figures/index.html").read_text(encoding="utf-8"))
    assert '<span lang="zh-Hans">2019年8月</span> <span lang="en">August 2019</span>' in parallel
    chinese = _dates((out / "zh/figures/index.html").read_text(encoding="utf-8"))
    assert '<span lang="zh-Hans">2月18日</span>' in chinese and 'lang="en"' not in "".join(chinese)
    # every date of the edition is found in its passage's English, as the translation has it
    edition = result.edition
    dates = [f for f in edition.figures if f.kind == "date"]
    assert len(dates) == len(english) == 20
    assert all(f.text_en and f.text_en in edition.blocks_by_id[f.block].en for f in dates)


@pytest.mark.parametrize(
    ("printed", "english", "shown"),
    [
        ("2月18日", "On February 18 it issued", "February 18"),  # the translation's order kept
        ("2020.05.25", "Printed on 25 May 2020.", "25 May 2020"),
        ("2019—2020年", "in 2019–2020 the district", "2019–2020"),
        ("2019年8月至2020年3月", "(no date in the English)", "August 2019 to March 2020"),
        ("2019年末", "By the end of 2019", "the end of 2019"),
        ("2019年末", "The End Of 2019 (a title's capitals: not the date as written)", "the end of 2019"),
        ("18日", "", "the 18th"),
        ("3万人", "30,000 people", ""),  # not a date
    ],
)
def test_a_dates_english_is_the_translations_or_made_in_its_style(printed: str, english: str, shown: str) -> None:
    assert english_date(printed, english) == shown


# --- 3. every run of Chinese carries its language ---------------------------------------------

_HAN = re.compile(f"[{HAN}]")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Langs(HTMLParser):
    """The text of a page's body with the language it is marked as (its nearest lang)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.wrong: list[str] = []

    def lang(self) -> str:
        return next((lang for _, lang in reversed(self.open) if lang is not None), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        own = dict(attrs)
        in_body = any(t == "body" for t, _ in self.open)
        for name in ("alt", "title", "aria-label", "placeholder"):  # text a reader is given
            if in_body and _HAN.search(own.get(name) or "") and (own.get("lang") or self.lang()).startswith("en"):
                self.wrong.append(f"<{tag} {name}>: {own[name]}")
        if tag not in _VOID:
            self.open.append((tag, own.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = {t for t, _ in self.open}
        if "body" in tags and not tags & {"script", "style"} and _HAN.search(data) and self.lang().startswith("en"):
            self.wrong.append(f"<{'/'.join(t for t, _ in self.open[-3:])}>: {data.strip()[:60]}")


def test_no_chinese_is_marked_as_english_on_any_page(built: Built) -> None:
    """Chinese stood under lang="en" (an English page's, or a cell's or list's): in the
    vocabulary's meanings (CC-CEDICT's cross-references, a word's parts, the Chinese views'
    （地名；本站注释）), "Cite this article"'s labels (原文（Chicago）) and its BibTeX, the
    notes' quotations (本版编辑), the figures' measure words (元) and charts, the search
    page's examples, the About page's heading and passages in the Chinese views. A browser
    chose an English font and a screen reader read them as English; every run of Chinese
    of every page's body is now marked as Chinese."""
    _, out = built
    wrong = {}
    for path in sorted(out.rglob("*.html")):
        parser = _Langs()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.wrong:
            wrong[path.relative_to(out).as_posix()] = parser.wrong[:3]
    assert not wrong, (len(wrong), dict(list(wrong.items())[:12]))


# --- 4. the Traditional view is Traditional ----------------------------------------------------


def test_the_traditional_views_themes_and_vocabulary_are_traditional(built: Built) -> None:
    """The figure themes (site.toml's name_zh, Simplified) are converted in the Traditional view,
    and its vocabulary pages no longer give CC-CEDICT's cross-references as Traditional|Simplified
    (間接|间接[jian4 jie1]): the Traditional form alone. What stays Simplified is the original's
    title as a citation prints it, marked zh-Hans (tests/test_traditional.py)."""
    result, out = built
    config = result.edition.config
    html = (out / "zh-hant/figures/index.html").read_text(encoding="utf-8")
    cells = set(re.findall(r'<td data-label="主題" lang="zh-Hant">([^<]*)</td>', html))
    assert cells == {opencc_hant(t.name_zh, config.traditional) for t in config.themes}, cells
    assert "項目" in cells and "项目" not in html
    marked = re.compile(r'<(\w+)\b[^>]*lang="zh-Hans"[^>]*>.*?</\1>', re.S)
    found = {}
    for path in sorted((out / "zh-hant").rglob("words/index.html")):
        text = re.sub(r"<[^>]+>", " ", marked.sub(" ", path.read_text(encoding="utf-8")))
        runs = [r for r in re.findall(f"[{HAN}]+", text) if opencc_hant(r, config.traditional) != r]
        if runs:
            found[path.relative_to(out).as_posix()] = runs[:5]
    assert len(list((out / "zh-hant").rglob("words/index.html"))) == 4  # the four articles
    assert not found, found
    moyu = (out / "zh-hant/2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert '<span lang="zh-Hant">間接</span>[jian4 jie1]' in moyu and "|间接" not in moyu
