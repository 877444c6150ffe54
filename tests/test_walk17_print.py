"""usage walk 17: the figures appendix and an article on paper, and the appendix's targets on
screen, as the readers met them (the site is tests/conftest.py's: the real edition, served
under a project path, its base_url a placeholder)."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import Site, new_page

pytestmark = pytest.mark.browser

A4 = {"width": 794, "height": 1123}  # at 96 dpi
DESK = {"width": 1280, "height": 800}
MOYU = "2020-05-25/p12/moyu/"


def printed(browser: Any, site: Site, name: str, **options: Any) -> Any:
    page = new_page(browser, viewport=A4, **options)
    page.goto(site.page_url(name))
    page.emulate_media(media="print")
    return page


def test_the_printed_dot_chart_has_its_gridlines_and_a_scale_above_and_below(served_site: Site, browser: Any) -> None:
    """F2: the gridlines were a background, which paper leaves out, under a caption that speaks
    of them; the chart, kept whole, ran from page 2 to 3 with its scale only at its end. Now the
    gridlines print (as tiles: Chromium's PDF drew a repeating gradient's first line only), the
    chart may begin on the first page, and it has its scale above it as well as below."""
    page = printed(browser, served_site, "figures/index.html")
    found = page.evaluate("""() => {
      const chart = document.getElementById('chart-money'), track = chart.querySelector('.track');
      const style = getComputedStyle(track), top = chart.querySelector('.scale-top');
      return {adjust: style.printColorAdjust, image: style.backgroundImage, breaks: getComputedStyle(chart.closest('.chart-box')).breakInside,
              top: top && top.getBoundingClientRect().toJSON(), ticks: top && top.textContent,
              first: chart.querySelector('.dotplot li').getBoundingClientRect().top,
              bottom: chart.querySelector('.scale:not(.scale-top)').textContent};
    }""")
    assert found["adjust"] == "exact", found
    assert found["image"].startswith("linear-gradient"), found
    assert found["breaks"] == "auto", found
    assert found["top"] and found["top"]["height"] > 0 and found["top"]["bottom"] <= found["first"], found
    assert found["ticks"] == found["bottom"] and "10 billion" in found["ticks"], found
    page.context.close()
    screen = new_page(browser, viewport=DESK)  # on screen the scale stays below only
    screen.goto(served_site.page_url("figures/index.html"))
    assert not screen.locator("#chart-money .scale-top").is_visible()
    screen.context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_the_printed_figures_table_repeats_its_headings_and_says_nothing_for_the_screen(
    served_site: Site, browser: Any, js: bool
) -> None:
    """F3: the table sat in a scroll box and its headings were sort buttons, neither of which
    Chromium repeats on a printed page's head (a table of buttons printed its headings once);
    on paper too the caption said to click a heading, and the downloads were links without
    an address. Printed, no scroll box, the headings' text as text, no sort hint, no downloads."""
    page = printed(browser, served_site, "figures/index.html", java_script_enabled=js)
    found = page.evaluate("""() => {
      const table = document.querySelector('table.figures'), boxes = [];
      for (let e = table.parentElement; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') boxes.push(e.tagName + '.' + e.className);
      }
      return {boxes, buttons: [...table.querySelectorAll('thead button')].map(b => getComputedStyle(b).display),
              caption: table.caption.innerText, downloads: document.querySelector('.downloads').getClientRects().length};
    }""")
    assert found["boxes"] == [], found
    assert set(found["buttons"]) <= {"contents"} and len(found["buttons"]) == (7 if js else 0), found
    assert "JavaScript" not in found["caption"] and found["caption"].strip() == "Figures by article and theme.", found
    assert found["downloads"] == 0, found
    page.context.close()


def test_a_printed_note_gives_its_sources_addresses(served_site: Site, browser: Any) -> None:
    """F4: a printed note named its source ("Xinhua, as China.org.cn published it") and gave no
    way to it: its links are the screen's. On paper it prints its sources' addresses; on
    screen they are not shown (the entity page lists them)."""
    page = printed(browser, served_site, MOYU + "index.html")
    note = page.locator("#n-moyu-county")
    assert "http://china.org.cn/photos/2020-11/26/content_76951336_6.htm" in note.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= A4["width"], "an address runs past the page"
    page.emulate_media(media="screen")
    assert "china.org.cn/photos" not in note.inner_text()
    page.context.close()


def test_without_an_address_to_print_there_is_no_printed_from(served_site: Site, browser: Any) -> None:
    """F5: printed without JavaScript in a build whose base_url is a placeholder, the article
    ended "Printed from" with nothing after it. The line is left out then; with JavaScript it
    gives the page's address."""
    page = printed(browser, served_site, MOYU + "index.html", java_script_enabled=False)
    assert not page.locator(".print-url").is_visible()
    page.context.close()
    page = printed(browser, served_site, MOYU + "index.html")
    assert page.locator(".print-url").inner_text().endswith(served_site.page_url(MOYU))
    page.context.close()


@pytest.mark.parametrize("view", ["", "zh/"], ids=["parallel", "zh"])
def test_a_printed_note_number_stands_clear_of_the_figure_after_it(served_site: Site, browser: Any, view: str) -> None:
    """F6: 挂职干部²¹ 14人 read 2114人 on paper: the number stood against the figure after it. A
    note's number before a figure stands a word's space clear of it; one before a word does not."""
    page = printed(browser, served_site, view + MOYU + "index.html")
    page.wait_for_selector("sup.note-num", state="attached")
    gaps = page.evaluate("""() => [...document.querySelectorAll('sup.note-num')].map(sup => {
      const next = sup.nextSibling, range = document.createRange();
      if (!next) return null;
      range.selectNodeContents(next);
      return {name: sup.previousElementSibling.textContent, next: next.textContent.slice(0, 3),
              gap: range.getClientRects()[0].left - sup.getBoundingClientRect().right};
    }).filter(Boolean)""")
    before = [g for g in gaps if g["name"] == "挂职干部"]
    assert before and before[0]["next"].startswith("14"), gaps
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert before[0]["gap"] >= 0.2 * size, before  # a word's space (0.25em), not a hair's
    words = [g for g in gaps if not g["next"][:1].isdigit()]
    assert words and max(g["gap"] for g in words) < 0.2 * size, words
    page.context.close()


@pytest.mark.parametrize(
    "target", ["zh/figures/#moyu-p1-n1", "figures/#check-moyu-trainees", "figures/#chart-moyu-funding-2020"]
)
def test_every_target_in_the_figures_appendix_is_highlighted(served_site: Site, browser: Any, target: str) -> None:
    """F8: a printed date, a check or a chart reached by its address was not highlighted, as a
    table row is."""
    page = new_page(browser, viewport=DESK)
    page.goto(served_site.url + target)
    found = page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor")
    assert found not in ("rgba(0, 0, 0, 0)", "transparent"), (target, found)
    page.context.close()


def test_a_date_printed_twice_in_a_passage_says_which_it_is(served_site: Site, browser: Any) -> None:
    """F8: the two 2020年 of Moyu ¶3 read alike in the list of dates ("2020年 — 携手新疆墨玉
    第3段"): each says the clause of the text around it."""
    page = new_page(browser, viewport=DESK)
    page.goto(served_site.page_url("zh/figures/index.html"))
    first, second = (page.locator(f"#moyu-p3-n{n}").inner_text() for n in (2, 5))
    assert first.startswith("2020年") and second.startswith("2020年") and first != second
    assert "对接2020年重点工作" in first, first
    page.context.close()


@pytest.mark.parametrize("view", ["", "zh/", "en/", "zh-hant/"], ids=["parallel", "zh", "en", "zh-hant"])
def test_a_shared_figure_row_lands_with_its_column_headings(served_site: Site, browser: Any, view: str) -> None:
    """F9: at a desk figures/#moyu-p5-n2 landed at the screen's top, its column headings scrolled
    away. The headings stay in sight, and the row lands below them."""
    page = new_page(browser, viewport=DESK)
    page.goto(served_site.url + view + "figures/#moyu-p5-n2")
    page.wait_for_timeout(200)
    head = page.evaluate("document.querySelector('table.figures thead th').getBoundingClientRect().toJSON()")
    row = page.evaluate("document.getElementById('moyu-p5-n2').getBoundingClientRect().toJSON()")
    assert head["top"] >= 0 and head["bottom"] <= row["top"] + 0.5 and row["bottom"] <= DESK["height"], (head, row)
    page.context.close()


def test_a_missing_photograph_prints_as_a_line_not_an_empty_frame(served_site: Site, browser: Any) -> None:
    """A missing photograph printed as an empty dashed box 8 cm tall: on paper its line of
    explanation, no frame, then its caption."""
    page = printed(browser, served_site, MOYU + "index.html")
    box = page.evaluate("""() => { const p = document.querySelector('.photo .placeholder'), s = getComputedStyle(p);
      return {height: p.getBoundingClientRect().height, border: s.borderTopStyle, text: p.innerText}; }""")
    assert box["border"] == "none" and box["height"] < 80 and "not reproduced" in box["text"], box
    page.context.close()


def test_nothing_is_stranded_at_a_printed_pages_edge(served_site: Site, browser: Any) -> None:
    """Review 23: a note's sources line began the next page; the figures chart's bottom scale
    stood alone atop a page, and the table's heading and caption ended one without a row. Each
    keeps with its neighbour on paper; on screen the sticky headings have a rule under them (a
    row scrolled beneath read as part of them)."""
    page = printed(browser, served_site, MOYU + "index.html")
    assert page.evaluate("getComputedStyle(document.querySelector('#n-moyu-county .note-src')).breakBefore") == "avoid"
    page.goto(served_site.page_url("zh/figures/index.html"))
    style = "([s, p]) => getComputedStyle(document.querySelector(s))[p]"
    assert page.evaluate(style, ["#chart-money > .scale:not(.scale-top)", "breakBefore"]) == "avoid"
    assert page.evaluate(style, ["table.figures caption", "breakAfter"]) == "avoid"
    page.emulate_media(media="screen")
    assert "inset" in page.evaluate(style, ["table.figures thead th", "boxShadow"])
    page.context.close()
