"""Issue 5: the figures appendix, its checks, charts, downloads and the photographs."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


def test_charts_are_inline_svg_with_text_alternatives(built: Built) -> None:
    _, out = built
    html = (out / "figures/index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    for chart in ("chart-money", "chart-moyu-funding-2020"):
        assert f'aria-labelledby="{chart}-t {chart}-d"' in html
        assert f'<title id="{chart}-t">' in html and f'<desc id="{chart}-d">' in html
    assert "39.83 million" in html  # the Moyu sequence: 21 + 13.85 + 4.98 million
    css = (out / "static/edition.css").read_text(encoding="utf-8")
    assert "svg.chart text { fill: currentColor; }" in css  # follows dark mode
    assert "@media print { svg.chart .bar" in css


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

    svg = str(log_bars("t", "d", [Bar("one", 1e8, "#x")], "c"))
    assert '<rect class="bar"' in svg and "100M" in svg
