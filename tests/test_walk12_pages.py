"""Usage walk 12 (eleventh session): the defects it found in what the pages say, in the real
edition and the invented archive (tests/fixtures/archive). Those a browser shows are
tests/test_walk12.py's."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from edition.config import load_config
from edition.pipeline import BuildResult

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive(archive_out: Path) -> Path:
    return archive_out  # (conftest.py: built once for the session)


class _Visible(HTMLParser):
    """A page's text as a reader sees it: its title and body, not its scripts, styles, code
    or attributes (addresses); each piece with the tag it is in."""

    SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp"})
    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "source", "col", "wbr", "area", "base", "track"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.SKIP.intersection(self.open):
            self.texts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.texts)


# a straight apostrophe between letters, after CC-CEDICT's "~", or closing a plural possessive
# ("editors' notes", review 14); pinyin's syllable mark (fāng'àn, a toned vowel after it) is pinyin's own
STRAIGHT = re.compile(r"\S*(?:[A-Za-z~]'(?=[A-Za-z])|[A-Za-z]'(?=[\s,.;:)]))\S*")


@pytest.mark.parametrize("which", ["real", "archive"])
def test_no_straight_apostrophe_in_what_readers_see(built: tuple[BuildResult, Path], archive: Path, which: str) -> None:
    """ "the edition's note", "edition's own rendering": 31 straight apostrophes on the
    vocabulary pages alone (the interface's strings, the About page's prose, CC-CEDICT's senses,
    a name's English in a page's title), where the README promises curly quotes."""
    out = built[1] if which == "real" else archive
    found: dict[str, str] = {}
    for path in sorted(out.rglob("*.html")):
        for word in STRAIGHT.findall(visible_text(path.read_text(encoding="utf-8"))):
            found.setdefault(word, str(path.relative_to(out)))
    assert found == {}
    # nor in the senses static/reading.js shows in a word's gloss
    senses = (out / "reading/words.json").read_text(encoding="utf-8")
    assert STRAIGHT.findall(senses) == []


def _redirects(out: Path) -> list[Path]:
    return [p for p in out.rglob("index.html") if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")]


def test_a_redirect_page_names_its_page_not_the_placeholder_address(
    built: tuple[BuildResult, Path], archive: Path
) -> None:
    """Without JavaScript the Simplified view's vocabulary address (zh/…/moyu/words/) showed
    its link as https://example.github.io/…: site.toml's placeholder, which the README says
    readers never see. Every redirect page (a moved address, a vocabulary served by the
    parallel view) names the page it leads to: an article by its title, its vocabulary so."""
    out = built[1]
    base = load_config(ROOT / "site.toml", ROOT).base_url
    pages = _redirects(out) + _redirects(archive)
    kinds = {p.parent.name == "words" for p in pages}
    assert kinds == {True, False}  # both kinds are here
    for path in pages:
        main = visible_text(path.read_text(encoding="utf-8").split("<main>", 1)[1])
        assert "://" not in main and base not in main, (path, main)
    moved = (out / "zh-hant/articles/moyu/index.html").read_text(encoding="utf-8")
    assert '本頁已移至新地址：<a href="../../2020-05-25/p12/moyu/">攜手新疆墨玉 堅決打贏脫貧攻堅戰</a>' in moved
    words = (out / "zh/2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert '：<a href="../../../../../2020-05-25/p12/moyu/words/">词汇表：携手新疆墨玉 坚决打赢脱贫攻坚战</a>' in words
    english = (out / "en/2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert (
        '">Vocabulary: Joining Hands with Moyu, Xinjiang, to Resolutely Win the Battle Against Poverty</a>' in english
    )


@pytest.mark.parametrize("view", ["", "zh/", "zh-hant/", "en/"])
def test_every_figures_card_has_its_label_line(built: tuple[BuildResult, Path], archive: Path, view: str) -> None:
    """On a phone the archive's zh/ card for the headline's 120公顷 had no label line at all:
    the figure was left unlabelled (the fixture labels it now, in English and Chinese). Every
    row of both appendices says what its figure counts."""
    for out in (built[1], archive):
        html = (out / view / "figures/index.html").read_text(encoding="utf-8")
        labels = re.findall(r'<tr id="([^"]+)">.*?<td data-label="[^"]*" class="label"[^>]*>(.*?)</td>', html, re.S)
        assert labels
        assert [row for row, label in labels if not label.strip()] == []
    hant = (archive / "zh-hant/figures/index.html").read_text(encoding="utf-8")
    assert '<span lang="zh-Hant">今年新增綠地（標題）</span>' in hant


def test_a_newspaper_pages_own_description_is_its_pages_meta_description(archive_out: Path) -> None:
    """Usage walk 14: page.toml's description_en/description_zh were read and never used; every
    page carried the site's. A page's front and its articles now carry its own (in the view's
    language and script); a page without one, and the site's own pages, the site's."""

    def described(name: str) -> str:
        html = (archive_out / name).read_text(encoding="utf-8")
        return unescape(re.search(r'<meta name="description" content="([^"]*)"', html).group(1))  # type: ignore[union-attr]

    own = "Page 1 of the invented Test Daily of 4 January 2021: new green space in Chaoyang."
    assert described("2021-01-04/p01/index.html") == own == described("2021-01-04/p01/parks/index.html")
    assert described("2021-01-04/p01/parks/words/index.html") == own  # its vocabulary too (review 18)
    assert described("zh/2021-01-04/p01/parks/index.html") == "虚构的《测试日报》2021年1月4日第1版：朝阳区新增绿地。"
    assert (
        described("zh-hant/2021-01-04/p01/parks/index.html") == "虛構的《測試日報》2021年1月4日第1版：朝陽區新增綠地。"
    )
    site = "A fixture archive of two invented newspaper pages."
    assert described("index.html") == site == described("2021-01-05/p02/index.html") == described("about/index.html")
