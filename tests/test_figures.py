"""Issue 5: the figures appendix, its checks, charts, downloads and the photographs."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.pipeline import BuildResult, build, make_edition

Built = tuple[BuildResult, Path]
Edit = Callable[[Path, str, str], None]


def test_every_quantity_is_labelled_and_listed_once(built: Built) -> None:
    result, out = built
    quantities = [f for f in result.edition.figures if f.kind == "quantity"]
    assert len(quantities) == 103
    assert all(f.label_en and f.theme for f in quantities)
    html = (out / "figures/index.html").read_text(encoding="utf-8")
    for f in result.edition.figures:
        assert html.count(f'id="{f.id}"') == 1, f.id


def test_known_figures_are_normalised(built: Built) -> None:
    result, _ = built
    by_text = {(f.block, f.text): f for f in result.edition.figures}
    assert by_text[("paired-assistance-p2", "16.4万人")].value == 164000
    assert by_text[("paired-assistance-p4", "13.84亿元")].value == 1_384_000_000
    nearly = by_text[("business-support-p4", "近80亿元")]
    assert (nearly.value, nearly.unit, nearly.qualifier) == (8_000_000_000, "元", "nearly")
    period = by_text[("business-support-p4", "2月~4月")]
    assert (period.kind, period.value, period.end_value) == ("date", 2, 4)


def test_rows_link_to_their_passage_and_figures_back_to_their_row(built: Built) -> None:
    _, out = built
    table = (out / "figures/index.html").read_text(encoding="utf-8")
    assert '<tr id="moyu-p4-n7">' in table
    row = table.split('<tr id="moyu-p4-n7">', 1)[1].split("</tr>", 1)[0]
    assert 'href="../2020-05-25/p12/moyu/#moyu-p4"' in row
    article = (out / "2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert 'class="fig" href="../../../figures/#moyu-p4-n7"' in article


def test_checks_run_and_a_failing_one_is_shown_as_an_editorial_note(
    built: Built, site: Path, edit: Edit, tmp_path: Path
) -> None:
    result, out = built
    assert len(result.edition.checks) == 9 and all(c.ok for c in result.edition.checks)
    assert (out / "figures/index.html").read_text(encoding="utf-8").count('class="ok"') == 9
    edit(
        site / "content/2020-05-25/p12/04-moyu.zh.md",
        'expr: "{p4:83个} * {p4:6万元} == {p4:498万元}"',
        'expr: "{p4:83个} * {p4:6万元} == {p4:2100万元}"',
    )
    build(site, tmp_path / "out", search=False)  # not a build failure: the page may be wrong
    html = (tmp_path / "out/figures/index.html").read_text(encoding="utf-8")
    assert 'class="failed note note-editorial"' in html and "Inconsistent (editorial note)" in html
    report = subprocess.run(
        [sys.executable, "build.py", "--root", str(site), "check"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert "arithmetic checks: 9, failing: 1" in report.stdout
    assert "check-moyu-village-funds" in report.stdout


def test_charts_are_html_with_their_scale_stated_and_whole_labels(built: Built) -> None:
    """Charts are lists of text (readable at any width, by a screen reader too): every label
    whole, every value written, the scale said in the caption; no script draws them."""
    result, out = built
    html = (out / "figures/index.html").read_text(encoding="utf-8")
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "<svg" not in main and "<script" not in main
    assert '<ol class="dotplot"' in main and '<ol class="bars"' in main
    assert "Logarithmic scale: each gridline is ten times the one before it" in main
    assert "Linear scale: each bar" in main
    assert "39.83 million" in main  # the Moyu sequence: 21 + 13.85 + 4.98 million
    # every amount in yuan the articles report is a bar; the price, printed in the footer
    # (furniture), is not, whatever its theme (site.toml's themes have no special one)
    kinds = {b.id: b.kind for a in result.edition.all_articles for b in a.blocks}
    money = [f for f in result.edition.figures if f.unit == "元" and f.kind != "date" and kinds[f.block] != "footer"]
    chart = main.split('id="chart-money"', 1)[1].split("</ol>", 1)[0]
    price = next(f for f in result.edition.figures if f.text == "2.00元")
    assert kinds[price.block] == "footer" and price.theme == "other" and f'href="#{price.id}"' not in chart
    assert len(money) == chart.count("<li>") and all(f'href="#{f.id}"' in chart for f in money)
    for f in money:  # every label whole (once cut at 46 characters with "…")
        assert (
            f.label_en.removesuffix(" (yuan)").replace("'", "&#x27;").replace('"', "&#34;") in main or "…" not in main
        )
    assert "…</a>" not in main
    # the stylesheet as written (output/ has it minified)
    # the appendix's own stylesheet as written (output/ has it minified), linked by its page only
    css = (Path(__file__).resolve().parent.parent / "static/figures.css").read_text(encoding="utf-8")
    assert ".dot {" in css and "@media print {\n  .dot, .bar, .track { print-color-adjust: exact;" in css
    assert "static/figures.css" in html and "static/figures.css" not in (out / "index.html").read_text(encoding="utf-8")


def test_checks_are_written_in_words(built: Built) -> None:
    _, out = built
    html = (out / "figures/index.html").read_text(encoding="utf-8")
    checks = html.split('<ul class="checks">', 1)[1].split("</ul>", 1)[0]
    assert "83 villages × 60,000 yuan each = 4.98 million yuan" in checks
    assert "worked out: 4,980,000 = printed: 4,980,000" in checks
    assert "count(" not in checks and "==" not in checks and "<code" not in checks


def test_downloads(built: Built) -> None:
    result, out = built
    rows = list(csv.DictReader(io.StringIO((out / "figures.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(result.edition.figures) == 123
    row = next(r for r in rows if r["text"] == "16.4万人")
    assert (
        row["value"] == "164000.0"
        and row["unit"] == "人"
        and row["url"].endswith("2020-05-25/p12/paired-assistance/#paired-assistance-p2")
    )
    assert json.loads((out / "figures.json").read_text(encoding="utf-8"))[0].keys() == rows[0].keys()


def test_edition_json_figures_and_photos(built: Built) -> None:
    _, out = built
    data = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    figure = data["figures"][0]
    assert set(figure) >= {"id", "article", "block", "text", "value", "unit", "qualifier", "label", "theme"}
    assert set(figure["label"]) == {"en", "zh"}
    assert len(data["photos"]) == 3
    photo = data["photos"][0]
    assert set(photo) >= {"id", "article", "caption", "credit", "image"}
    assert photo["article"] == "moyu" and photo["caption"]["en"] and photo["image"] is None


def test_photographs_show_a_placeholder_never_a_broken_image(built: Built) -> None:
    _, out = built
    html = (out / "2020-05-25/p12/urban-renewal/index.html").read_text(encoding="utf-8")
    assert html.count('<figure class="photo"') == 2 and "<img" not in html
    assert "not reproduced in this edition" in html
    appendix = (out / "figures/index.html").read_text(encoding="utf-8")
    assert appendix.count('<li id="list-photo-') == 3


def test_numbers_inside_names_belong_to_the_name(root: Path) -> None:
    edition, _, _ = make_edition(root)
    texts = {f.text for f in edition.figures if f.block == "paired-assistance-p2"}
    assert "47团" not in texts and "16.4万人" in texts


def test_a_money_chart_of_one_power_of_ten_has_an_axis() -> None:
    """A part of an archive's appendix may hold one amount, 100 million say: its log axis
    still spans a decade (it once divided by zero)."""
    from edition.charts import Bar, log_bars

    chart = str(log_bars("t", [Bar("one", 1e8, "#x")], "c"))
    assert 'class="dot" style="left:0.0%"' in chart and "100 million" in chart and "1 billion" in chart


def test_units_of_measure_and_time_are_given_in_english() -> None:
    """Usage walk 14: a second page's 公里 and 天 stood in Chinese in the figures table's
    English. A measure word of many meanings stays as printed (周, a week or a round; 户
    counts households or firms). 周岁 and 千瓦时 are units of their own: cut as 周 and 千瓦,
    年满18周岁 read "18 weeks" (review 18) and kilowatt-hours "kilowatts" (review 19)."""
    from edition.figures import unit_en
    from edition.numbers import extract_zh

    units = ("公里", "千米", "克", "升", "‰", "天", "个百分点", "条", "周", "户", "千瓦", "千瓦时", "周岁")
    assert [unit_en(u) for u in units] == [
        "kilometres",
        "kilometres",
        "grams",
        "litres",
        "per mille",
        "days",
        "percentage points",
        "条",
        "周",
        "户",
        "kilowatts",
        "kilowatt-hours",
        "years of age",
    ]
    cut = [(q.text, q.unit) for q in extract_zh("年满18周岁的居民，节电1200千瓦时，装机50千瓦，为期3周。")]
    assert cut == [("18周岁", "周岁"), ("1200千瓦时", "千瓦时"), ("50千瓦", "千瓦"), ("3周", "周")]


def test_the_english_links_each_figure_it_gives_in_digits_to_the_appendix(built: tuple[object, Path]) -> None:
    """Usage walk 17: the English view linked no figure, though its legend says figures link to
    the appendix. Each figure the English gives in digits or as a date now links to the row
    its Chinese links to; one it gives in words (百余次, "more than a hundred") stays unlinked."""
    out = built[1]
    english = (out / "en/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    chinese = (out / "zh/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert '<a class="fig" href="../../../figures/#moyu-p5-n4">3,400</a>' in english
    assert 'href="../../../figures/#moyu-p5-n4">3400人' in chinese
    linked_en = set(re.findall(r'class="fig" href="[^"#]*#([^"]+)"', english))
    linked_zh = set(re.findall(r'class="fig" href="[^"#]*#([^"]+)"', chinese))
    assert linked_en <= linked_zh and len(linked_en) >= len(linked_zh) - 2
    assert "Figures link to the figures appendix" in english


def test_a_figure_is_placed_in_its_passages_english_by_value_and_in_order() -> None:
    from edition.figures_en import english_places
    from edition.numbers import extract_zh

    zh = "新增3400人，共4400人；另有3400元，培训九项，2月~4月完成。"
    en = "It added 3,400 people, 4,400 in all, and a further 3,400 yuan; nine courses, from February to April."
    found = [q for q in extract_zh(zh) if q.kind != "ordinal"]
    dates = ["February to April" if q.kind == "date" else "" for q in found]
    placed = [en[a:b] if a >= 0 else None for a, b in english_places(found, dates, en)]
    assert [q.text for q in found] == ["3400人", "4400人", "3400元", "九项", "2月~4月"]
    # the second 3,400 is the second figure of that value; 九项 is in words: not placed
    assert placed == ["3,400", "4,400", "3,400", None, "February to April"]
    assert english_places(found, dates, en)[2][0] == en.index("3,400 yuan")


@pytest.mark.parametrize(
    ("zh", "en", "placed"),
    [
        # a date's number is the date's, not a count's (review 22: 5个 took the 5 of "5 March")
        ("新增5个岗位，3月5日完成。", "It added 5 jobs by 5 March.", ["5", "5 March"]),
        ("3月5日新增5个岗位。", "On 5 March it added 5 jobs.", ["5 March", "5"]),
        # a percentage is a number given as one, and a count is not (they crossed)
        ("增长30%，达30家。", "It reached 30 enterprises, up 30%.", ["30%", "30"]),
        ("增长30%，达30家。", "It reached 30 enterprises, up 30 per cent.", ["30", "30"]),
        # an ordinal is no count; a sentence may begin with "The end of"
        ("第十四师14名干部", "the 14th Division's 14 cadres", ["14"]),
        ("2019年底有2019户", "The end of 2019 saw 2019 households", ["The end of 2019", "2019"]),
        # a month is a whole word, not the "May" of "Mayor"
        ("5月", "the Mayor said in May", ["May"]),
    ],
)
def test_a_figure_is_placed_where_its_english_gives_it_and_nowhere_else(zh: str, en: str, placed: list[str]) -> None:
    from edition.dates_en import english_date
    from edition.figures_en import english_places
    from edition.numbers import extract_zh

    found = [q for q in extract_zh(zh) if q.kind != "ordinal"]
    dates = [english_date(q.text, en) if q.kind == "date" else "" for q in found]
    places = english_places(found, dates, en)
    assert [en[a:b] for a, b in places] == placed
    assert len({a for a, _ in places}) == len(places)  # no two figures on one number


def test_the_english_view_tells_a_passages_equal_dates_apart_in_english(built: tuple[object, Path]) -> None:
    """Moyu ¶3 prints 2020年 twice: each entry of the dates adds the clause around it, in the
    English view in English where the translation gives the date (review 23: in Chinese only)."""
    english = (built[1] / "en/figures/index.html").read_text(encoding="utf-8")
    chinese = (built[1] / "zh/figures/index.html").read_text(encoding="utf-8")
    assert "Moyu ¶3</a> (and studied and finalised the 2020 assistance agreement)" in english
    assert '（<span lang="zh-Hans">研究确定了2020年帮扶协议</span>）' in chinese
