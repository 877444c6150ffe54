"""Fixture sites built and compared with their committed output (Pelican's way).

tests/fixtures/archive is an archive of two invented newspaper pages of two dates; it is built
with the project's own templates and static files, and every page and export is compared with
tests/golden/archive/. After a deliberate change, `./run test tests/test_golden.py --update-golden`
rewrites the golden files: review their diff before committing it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from edition.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/fixtures/archive"
GOLDEN = ROOT / "tests/golden/archive"


def _fixture_site(target: Path) -> Path:
    """The fixture as it is: its data alone (the generator's templates and static files serve it)."""
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = _fixture_site(tmp_path_factory.mktemp("golden") / "site")
    out = site / "output"
    build(site, out, search=False)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    # static/ is the generator's own: not the fixture's output
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("static/")
    }


def test_the_archive_builds_its_golden_output(archive: Path, request: pytest.FixtureRequest) -> None:
    made = _files(archive)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, data in made.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(data)
    golden = _files(GOLDEN)
    assert sorted(made) == sorted(golden), "files added or missing: run with --update-golden after a deliberate change"
    changed = [name for name in made if made[name] != golden[name]]
    assert not changed, (
        f"{len(changed)} files differ from tests/golden/archive/, e.g. {changed[:5]}: after a deliberate change,"
        " run with --update-golden and read the diff before committing it"
    )


def test_two_pages_of_two_dates_each_keep_their_own_masthead_date_and_title(archive: Path) -> None:
    first, after = (archive / "2021-01-04/p01/index.html").read_text(encoding="utf-8").split('<nav class="prevnext"')
    second, before = (archive / "2021-01-05/p02/index.html").read_text(encoding="utf-8").split('<nav class="prevnext"')
    assert "2021年1月4日 星期一 第1版 要闻" in first and "2021年1月5日" not in first
    assert "2021年1月5日 星期二 第2版 经济" in second and "2021年1月4日" not in second
    # each page leads to the next and the previous, named (found by a usage walk: a page had
    # no way on but back to the list of dates)
    assert (
        '<a rel="next" href="../../2021-01-05/p02/"><span class="dir">Next page →</span> Test Daily, 5 January 2021'
        in after
    )
    assert (
        '<a rel="prev" href="../../2021-01-04/p01/"><span class="dir">← Previous page</span> Test Daily, 4 January 2021'
        in before
    )
    assert "<title>Chaoyang District Adds 120 Hectares" in first
    assert "<title>Chaoyang District Helps Businesses" in second
    # an article's address carries its date and page
    assert (archive / "2021-01-04/p01/parks/index.html").is_file()
    assert (archive / "zh/2021-01-05/p02/relief/index.html").is_file()


def test_an_article_of_an_archive_says_which_page_it_is_on(archive: Path) -> None:
    """Found by a usage walk: an article named neither its newspaper, date nor page, and the
    next article, on another date, did not say so."""
    relief = (archive / "en/2021-01-05/p02/relief/index.html").read_text(encoding="utf-8")
    assert '<p class="crumbs"><a href="../">Test Daily, 5 January 2021, page&nbsp;2 (Economy)</a></p>' in relief
    assert '<span class="where">(4 January 2021, page&nbsp;1)</span>' in relief
    # not searched as the first passage's words, where search indexes (found by review:
    # "January" or the newspaper's name found every article of an archive)
    parallel = (archive / "2021-01-05/p02/relief/index.html").read_text(encoding="utf-8")
    assert '<p class="crumbs" data-pagefind-ignore><a href="../">Test Daily, 5 January 2021' in parallel
    assert '<p class="legend" data-pagefind-ignore>' in parallel  # how to read the marks (review)
    assert "data-pagefind-ignore" not in relief  # the English view is not indexed
    zh = (archive / "zh-hant/2021-01-05/p02/relief/index.html").read_text(encoding="utf-8")
    assert '<span lang="zh-Hant">測試日報 2021年1月5日 第2版（經濟）</span>' in zh


def test_the_home_page_of_an_archive_lists_its_dates_and_pages(archive: Path) -> None:
    """The dates and their pages, each with its number of articles; a page's front lists its
    articles (every article on the home made a 5,000-article archive's home 1.4 MB)."""
    home = (archive / "index.html").read_text(encoding="utf-8")
    assert home.index('datetime="2021-01-04"') < home.index('datetime="2021-01-05"')
    assert '<time datetime="2021-01-04">4 January 2021 <span lang="zh-Hans">2021年1月4日</span></time>' in home
    # the header's first link says where it leads (found by a usage walk: "The page", to a list)
    assert '<li><a href="./" aria-current="page">Dates and pages</a></li>' in home
    assert ">日期与版面</a></li>" in (archive / "zh/2021-01-05/p02/relief/index.html").read_text(encoding="utf-8")
    assert 'href="2021-01-04/p01/"' in home and 'href="2021-01-05/p02/"' in home
    assert "(articles: 1)</li>" in home and "/relief/" not in home
    # each page by its titles as its page.toml gives them (its front may have no English)
    assert "(News): Chaoyang District Adds 120 Hectares of Green Space <span" in home
    # in the Chinese views, in fullwidth brackets (usage walk 17)
    assert "（文章1篇）</li>" in (archive / "zh/index.html").read_text(encoding="utf-8")
    front = (archive / "2021-01-05/p02/index.html").read_text(encoding="utf-8")
    assert 'href="relief/"' in front


def test_an_entity_page_spans_the_archive(archive: Path) -> None:
    entity = (archive / "en/entity/chaoyang-district/index.html").read_text(encoding="utf-8")
    assert "2021-01-04/p01/parks/" in entity and "2021-01-05/p02/relief/" in entity
    # each mention says its date and page where they change, as the appendix's articles do
    # (found by a usage walk: an archive's lists grouped articles with no date or page)
    assert entity.count('<span class="where">(') == 2
    assert 'Green Space, headline <span class="where">(4 January 2021, page&nbsp;1)</span></a>' in entity
    appendix = (archive / "figures/index.html").read_text(encoding="utf-8")
    assert (
        '<span class="where">(5 January 2021, page&nbsp;2 <span lang="zh-Hans">2021年1月5日 第2版</span>)</span></th>'
        in appendix
    )


def test_each_page_has_its_own_witness_and_edition_json_lists_the_pages(archive: Path) -> None:
    import json

    data = json.loads((archive / "edition.json").read_text(encoding="utf-8"))
    assert [p["key"] for p in data["pages"]] == ["2021-01-04/p01", "2021-01-05/p02"]
    assert [p["articles"] for p in data["pages"]] == [["parks"], ["relief"]]
    for page in data["pages"]:
        assert (archive / page["source"]["path"]).is_file()


def _theme_cells(archive: Path, view: str) -> list[list[tuple[str, str]]]:
    """The figures table of a view: each article's rows as (figure id, its theme cell)."""
    html = (archive / view / "figures/index.html").read_text(encoding="utf-8")
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    row = re.compile(r'<tr id="([^"]+)">.*?<td data-label="(?:Theme|主题|主題)"[^>]*>(.*?)</td>', re.S)
    return [row.findall(group) for group in table.split("<tbody>")[1:]]


def test_the_figures_appendix_follows_the_themes_the_site_toml_declares(archive: Path) -> None:
    """The fixture declares green-space, enterprises, funding (in that order, not the order its
    figures are printed in): each article's rows follow it, unthemed rows last, each theme
    named in the view's language; the exports keep the ids."""
    import json

    order = [
        ["parks-p1-n1", "parks-p1-n2", "parks-p1-n3", "parks-h1-n1", "parks-p2-n1"],
        ["relief-p1-n2", "relief-p1-n1"],  # 600家 (enterprises) before 3000万元 (funding)
    ]
    names = {
        "en/": ["parks and green space"] * 3 + ["", ""] + ["enterprises", "funding"],
        "zh/": ["公园绿地"] * 3 + ["", ""] + ["企业", "资金"],
        "zh-hant/": ["公園綠地"] * 3 + ["", ""] + ["企業", "資金"],
        "": ['parks and green space <span lang="zh-Hans">公园绿地</span>'] * 3
        + ["", ""]
        + ['enterprises <span lang="zh-Hans">企业</span>', 'funding <span lang="zh-Hans">资金</span>'],
    }
    for view, expected in names.items():
        groups = _theme_cells(archive, view)
        assert [[i for i, _ in g] for g in groups] == order, view
        assert [cell for g in groups for _, cell in g] == expected, view
    figures = json.loads((archive / "figures.json").read_text(encoding="utf-8"))
    assert {f["id"]: f["theme"] for f in figures}["relief-p1-n2"] == "enterprises"
    assert "green-space" in (archive / "figures.csv").read_text(encoding="utf-8")


# What the real page's own data says (content/about.md, its names): the template used to say
# it of every archive (found by a usage walk, on this fixture's About page)
THE_REAL_PAGE = ("Wang Xinyu", "Banbidian", "Moyu", "墨玉", "Hotan", "translation-review.yaml", "termbase.yaml")


def test_an_archive_says_only_what_its_own_data_says(archive: Path) -> None:
    """Nothing page-specific in the templates: the About page holds the archive's own words
    (content/about.md) and no page's names but its own."""
    about = (archive / "about/index.html").read_text(encoding="utf-8")
    assert "This archive is invented for the tests" in about
    for path in sorted(archive.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found = [word for word in THE_REAL_PAGE if word in text]
        assert not found, f"{path.relative_to(archive)}: {found}"
