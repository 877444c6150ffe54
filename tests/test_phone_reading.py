"""The reading help on a phone (390 x 844, touch) and beside it on a desktop, in a real browser:
the vocabulary pages' columns, pages with pinyin on no wider than the screen (a long name's ruby
breaks between the words of its pinyin), a word's gloss whole on the screen and placed as a
name's note is, and a gloss that lists every part of a word CC-CEDICT lacks.

Uses the site and browser of tests/test_browser.py (the edition built once, served under a
project path, Debian's chromium); skipped, or failed under EDITION_REQUIRE_BROWSER=1, as they are.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import pytest
from test_browser import ARTICLE, VIEWS, Site, new_page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    """The edition built once and served (tests/conftest.py), as test_browser.py has it."""
    return served_site


def phone(browser: Any, **options: Any) -> Any:
    return new_page(browser, viewport=PHONE, has_touch=True, is_mobile=True, **options)


# --- 1. the vocabulary pages' columns ---------------------------------------------------------

# Each visible column of the words table: its header's box, and whether every row's cell lies in
# it (a cell taken out of the table's grid moves every later cell of its row a column left); the
# header's text on one line; the word's characters clear of its pinyin.
COLUMNS = """() => {
  const table = document.querySelector('table.words');
  const shown = cells => [...cells].filter(c => getComputedStyle(c).visibility !== 'hidden' && c.getBoundingClientRect().width > 0);
  const head = shown(table.tHead.rows[0].cells).map(c => {
    const r = c.getBoundingClientRect(), range = document.createRange();
    range.selectNodeContents(c);
    const lines = new Set([...range.getClientRects()].map(x => Math.round(x.top))).size;
    return {text: c.textContent.trim(), left: r.left, right: r.right, width: r.width, lines: lines};
  });
  const moved = [], overlaps = [];
  for (const row of table.tBodies[0].rows) {
    const cells = [...row.cells].slice(row.cells.length - head.length);
    cells.forEach((c, i) => {
      const r = c.getBoundingClientRect();
      if (Math.abs(r.left - head[i].left) > 1 || Math.abs(r.width - head[i].width) > 1) { moved.push(row.id + ' cell ' + i); }
    });
    const word = document.createRange();
    word.selectNodeContents(cells[0]);
    const right = Math.max(...[...word.getClientRects()].map(x => x.right));
    if (right > cells[1].getBoundingClientRect().left + 1) { overlaps.push(row.id + ': ' + cells[0].textContent); }
  }
  return {head: head, rows: table.tBodies[0].rows.length, moved: moved.slice(0, 5), overlaps: overlaps.slice(0, 5),
          width: document.documentElement.scrollWidth};
}"""


def words_pages(site: Site) -> list[str]:
    """The vocabulary pages (the English and Chinese-only views' addresses send the reader on to the
    parallel view's: the page is the same)."""
    pages = [f for f in site.html_files() if f.endswith("/words/index.html")]
    return [f for f in pages if '<table class="words">' in (site.out / f).read_text(encoding="utf-8")]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_vocabulary_pages_read_as_columns_on_a_phone(site: Site, browser: Any, javascript: bool) -> None:
    pages = words_pages(site)
    assert len(pages) >= 8, pages  # four articles, parallel and Traditional
    assert any(p.startswith("zh-hant/") for p in pages)
    page = phone(browser, java_script_enabled=javascript)
    bad = []
    for name in pages:
        page.goto(site.page_url(name))
        got = page.evaluate(COLUMNS)
        head = got["head"]
        problems = []
        if [h["text"] for h in head][:1] == ["#"] or len(head) != 4:
            problems.append(f"columns {[h['text'] for h in head]}, not word, pinyin, meaning, HSK")
        problems += [f"{h['text']!r} is {h['width']:.0f} px wide" for h in head if h["width"] < 40]
        problems += [f"{h['text']!r} takes {h['lines']} lines" for h in head if h["lines"] > 1]
        problems += [
            f"{a['text']!r} and {b['text']!r} overlap"
            for a, b in itertools.pairwise(head)
            if a["right"] > b["left"] + 1
        ]
        if got["moved"]:
            problems.append(f"cells out of their column: {got['moved']}")
        if got["overlaps"]:
            problems.append(f"words drawn over their pinyin: {got['overlaps']}")
        if got["width"] > PHONE["width"] + 1 or any(h["right"] > PHONE["width"] + 1 for h in head):
            problems.append(f"{got['width']} px wide")
        if problems:
            bad.append(f"{name}: " + "; ".join(problems))
    page.context.close()
    assert not bad, "\n".join(bad)


# --- 2. pinyin on: no page wider than a phone --------------------------------------------------

# Every word's ruby within the screen: the page's width would not show one inside a box that
# clips (and a ruby as wide as a title is a line nobody can read on a phone either).
RUBIES_OFF_SCREEN = """width => [...document.querySelectorAll('ruby.w')]
  .filter(r => [...r.getClientRects()].some(x => x.right > width + 1 || x.left < -1))
  .map(r => r.dataset.block + '#' + r.dataset.k)"""


def reading_pages(site: Site) -> list[str]:
    """Every page with the reading help (the Chinese views' front, page and article pages), and
    the English view's of the same: the English view has no pinyin, and must fit all the same."""
    with_help = [f for f in site.html_files() if 'class="reading-help' in (site.out / f).read_text(encoding="utf-8")]
    english = [f"en/{f}" for f in with_help if not f.startswith(("zh/", "zh-hant/"))]
    return with_help + [f for f in english if (site.out / f).is_file()]


def test_every_page_with_pinyin_on_fits_a_phone(site: Site, browser: Any) -> None:
    pages = reading_pages(site)
    assert {VIEWS[0]} | {v for v in VIEWS[1:] if any(p.startswith(v) for p in pages)} == set(VIEWS), pages
    page = phone(browser)
    wide = []
    for name in pages:
        page.goto(site.page_url(name) + "?pinyin=on")
        if page.locator(".reading-help").count():
            page.locator("ruby.w rt").first.wait_for(state="visible")
        width = page.evaluate("document.documentElement.scrollWidth")
        off = page.evaluate(RUBIES_OFF_SCREEN, PHONE["width"])
        if width > PHONE["width"] + 1 or off:
            wide.append(f"{name}: {width} px, words off the screen: {off[:5]}")
    # The switch, pressed, as the URL's ?pinyin=on.
    page.goto(site.url + "zh-hant/2020-05-25/p12/urban-renewal/")
    page.locator("button[data-switch=pinyin]").click()
    page.locator("ruby.w rt").first.wait_for(state="visible")
    if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"] + 1:
        wide.append(f"urban-renewal, the switch pressed: {page.evaluate('document.documentElement.scrollWidth')} px")
    assert not page.errors, page.errors
    page.context.close()
    assert not wide, f"{len(wide)} page(s) wider than the phone with pinyin on:\n" + "\n".join(wide)


LONG_TITLE = "朝阳区开展挂牌督战助力和田地区墨玉县如期脱贫摘帽工作实施方案"


def test_a_long_name_is_one_word_of_many_pairs_and_short_words_are_as_they_were(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=DESKTOP)
    page.goto(site.url + "zh/2020-05-25/p12/?pinyin=on")  # the Chinese-only view: its column once overflowed too
    page.locator("ruby.w rt").first.wait_for(state="visible")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    page.goto(site.url + ARTICLE)
    chinese = page.locator("#moyu-p3 .zh")
    plain = chinese.aria_snapshot()
    page.locator("button[data-switch=pinyin]").click()
    page.locator("#moyu-p3 ruby.w rt").first.wait_for(state="visible")
    pairs = page.evaluate(
        """title => [...document.querySelectorAll('#moyu-p3 ruby.w')].map(w => [...w.childNodes].reduce((out, n) => {
             if (n.nodeType === 3) { out.push([n.nodeValue, '']); } else if (out.length) { out[out.length - 1][1] = n.textContent; }
             return out; }, [])).find(pairs => pairs.map(p => p[0]).join('') === title)""",
        LONG_TITLE,
    )
    assert pairs, f"{LONG_TITLE} is not one word"
    assert "".join(base for base, _ in pairs) == LONG_TITLE
    assert pairs[:3] == [["朝阳", "Cháoyáng"], ["区", "Qū"], ["开展", "Kāizhǎn"]], pairs
    assert pairs[-1] == ["方案", "Fāng'àn"], pairs
    # A short word keeps its one pair (北京朝阳区, a name: one word, read as one).
    assert page.locator("#moyu-p1 ruby.w rt").first.inner_text() == "Běijīng Cháoyángqū"
    assert page.locator("#moyu-p1 ruby.w").first.locator("rt").count() == 1
    # A screen reader reads the name as the Chinese, no pinyin between its pairs (Chromium puts a
    # space between rubies in a name, as it does between the words of the text with pinyin on).
    with_pinyin = chinese.aria_snapshot()
    names = [re.sub(r"\s", "", n) for n in re.findall(r'link "(.*?)"', with_pinyin)]
    assert LONG_TITLE in names and names == [re.sub(r"\s", "", n) for n in re.findall(r'link "(.*?)"', plain)]
    assert "Cháoyáng" not in with_pinyin and "Fāng" not in with_pinyin
    assert not page.errors, page.errors
    page.context.close()


# --- 3. the gloss, whole on the screen ---------------------------------------------------------


def plain_word(page: Any, block: str, where: str = "true") -> Any:
    """A word of ``block`` outside any link (a name's link opens its note), the first for which
    the JavaScript condition ``where`` (on its box ``r``) holds."""
    index = page.evaluate(
        f"""() => [...document.querySelectorAll('#{block} ruby.w')].findIndex(w => {{
          const r = w.getBoundingClientRect(); return !w.closest('a') && w.dataset.k && r.width > 12 && ({where}); }})"""
    )
    assert index >= 0, f"no word in {block} where {where}"
    return page.locator(f"#{block} ruby.w").nth(index)


def gloss_box(page: Any) -> dict[str, float]:
    page.wait_for_selector("#gloss .gloss-body :is(ul, p)")
    page.wait_for_timeout(150)
    return dict(page.locator("#gloss").bounding_box())


def clear_of(box: dict[str, float], word: dict[str, float]) -> bool:
    return box["y"] + box["height"] <= word["y"] + 0.5 or box["y"] >= word["y"] + word["height"] - 0.5


def test_a_gloss_near_the_bottom_of_a_desktop_screen_opens_upward(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=DESKTOP)
    page.goto(site.url + ARTICLE + "?pinyin=on")
    page.locator("#moyu-p4 ruby.w rt").first.wait_for(state="visible")
    word = plain_word(page, "moyu-p4")
    page.evaluate("w => { const r = w.getBoundingClientRect(); scrollBy(0, r.bottom - 876); }", word.element_handle())
    at = word.bounding_box()
    assert 850 < at["y"] + at["height"] <= 880, at
    word.click()
    box = gloss_box(page)
    assert box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"], f"the gloss runs off the screen: {box}"
    assert clear_of(box, at), f"the gloss covers its word: {box} vs {at}"
    # And one near the top opens below it, as before.
    page.keyboard.press("Escape")
    page.evaluate("w => { const r = w.getBoundingClientRect(); scrollBy(0, r.top - 100); }", word.element_handle())
    at = word.bounding_box()
    word.click()
    box = gloss_box(page)
    assert box["y"] >= at["y"] + at["height"] and box["y"] + box["height"] <= DESKTOP["height"], (box, at)
    assert not page.errors, page.errors
    page.context.close()


def test_on_a_phone_a_gloss_is_a_sheet_clear_of_its_word(site: Site, browser: Any) -> None:
    page = phone(browser)
    page.goto(site.url + "zh/" + ARTICLE + "?pinyin=on")
    page.locator("#moyu-p4 ruby.w rt").first.wait_for(state="visible")
    # A word on the screen's right half, in its upper part: a sheet along the bottom.
    word = plain_word(page, "moyu-p4", "r.left > 220")
    page.evaluate("w => { const r = w.getBoundingClientRect(); scrollBy(0, r.top - 250); }", word.element_handle())
    at = word.bounding_box()
    word.tap()
    box = gloss_box(page)
    assert box["x"] <= 0.5 and box["width"] >= PHONE["width"] - 1, f"the gloss is not the screen's width: {box}"
    assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1, f"the gloss is not along the screen's bottom: {box}"
    assert box["height"] <= PHONE["height"] * 0.45 + 1, f"the gloss takes more than 45% of the screen: {box}"
    assert clear_of(box, at), f"the gloss covers its word: {box} vs {at}"
    # The line after the word stays free: a word below it can be tapped with the gloss open.
    page.mouse.click(5, 5)
    page.wait_for_selector("#gloss", state="detached")
    # A word on the screen's last lines, on its right half: a sheet along the top.
    page.evaluate(
        "w => { const r = w.getBoundingClientRect(); scrollBy(0, r.bottom - innerHeight + 10); }", word.element_handle()
    )
    at = word.bounding_box()
    word.tap()
    box = gloss_box(page)
    assert abs(box["y"]) <= 1 and box["width"] >= PHONE["width"] - 1, f"the gloss is not along the screen's top: {box}"
    assert box["y"] + box["height"] <= at["y"] + 0.5, f"the gloss covers its word: {box} vs {at}"
    assert not page.errors, page.errors
    page.context.close()


# --- 4. a word CC-CEDICT lacks: every part of it ---------------------------------------------


def test_a_gloss_lists_every_part_of_a_word_even_one_cedict_lacks(site: Site, browser: Any) -> None:
    words = json.loads((site.out / "reading" / "words.json").read_text(encoding="utf-8"))
    blocks = json.loads((site.out / "reading" / "moyu.json").read_text(encoding="utf-8"))["blocks"]
    made_of = [
        (block, k, t[0])
        for block, tokens in blocks.items()
        for k, t in enumerate(tokens)
        if len(t) == 2 and t[0] in words["words"] and not words["words"][t[0]][1] and len(words["words"][t[0]][2]) > 1
    ]
    assert made_of, "no word of the article lacks a CC-CEDICT entry of its own"
    page = new_page(browser, viewport=DESKTOP)
    page.goto(site.url + ARTICLE + "?pinyin=on")
    page.locator("ruby.w rt").first.wait_for(state="visible")
    block, k, text = next(
        (b, k, t)
        for b, k, t in made_of
        if not page.locator(f'ruby.w[data-block="{b}"][data-k="{k}"]').first.evaluate("w => !!w.closest('a')")
    )
    # The dictionary as the build writes it for a part CC-CEDICT lacks too: [part] alone.
    parts = words["words"][text][2]
    lacking = parts[-1][0]
    words["words"][text][2] = [*parts[:-1], [lacking]]
    body = json.dumps(words, ensure_ascii=False)
    page.route("**/reading/words.json", lambda route: route.fulfill(body=body, content_type="application/json"))
    page.locator(f'ruby.w[data-block="{block}"][data-k="{k}"]').first.click()
    page.wait_for_selector("#gloss .gloss-parts")
    items = [str(t) for t in page.locator("#gloss .gloss-parts li").all_inner_texts()]
    assert [i.split(" ")[0].split(":")[0] for i in items] == [p[0] for p in parts], items
    assert items[-1] == f"{lacking}: ?", items
    assert "undefined" not in page.locator("#gloss").inner_text()
    assert not page.errors, page.errors
    page.context.close()


# --- a tap beside a link ------------------------------------------------------------------------
# Chromium moves a tap that falls near a link onto the link (touch adjustment). Found by a usage
# walk; a first fix was reviewed and reverted: a tap beside a name still opened its note (the link
# took focus), a tap on a link's line above its glyphs did nothing, and a stale touch could swallow
# a keyboard Enter. Each case below.


def beside(page: Any, site: Site, selector: str, text: str) -> tuple[dict[str, float], float]:
    """A link in the Chinese of moyu-p2, scrolled into view: its box and the text's font size."""
    page.goto(site.url + ARTICLE)
    link = page.locator(selector, has_text=text).first
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box is not None
    size = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('#moyu-p2 .zh')).fontSize)"))
    return box, size


def tap_beside(page: Any, box: dict[str, float], size: float, chars: float = 0.4) -> None:
    """A tap ``chars`` characters right of a link, on its line."""
    page.touchscreen.tap(box["x"] + box["width"] + size * chars, box["y"] + box["height"] / 2)


def tap_on(page: Any, box: dict[str, float]) -> None:
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_a_tap_beside_a_figure_glosses_the_word_under_the_finger(site: Site, browser: Any) -> None:
    page = phone(browser)
    box, size = beside(page, site, "#moyu-p2 .zh a.fig", "83个")  # followed by 贫困村, a word
    tap_beside(page, box, size)
    page.locator("#gloss").wait_for(state="visible")
    assert "贫困" in page.inner_text("#gloss")
    assert page.url == site.url + ARTICLE, "the tap beside the figure followed it"
    # on the figure itself, and on its line just above its glyphs: followed
    tap_on(page, box)
    page.wait_for_url(re.compile(r"figures/"))
    box, size = beside(page, site, "#moyu-p2 .zh a.fig", "83个")
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] - 2)
    page.wait_for_url(re.compile(r"figures/"))
    assert not page.errors, page.errors
    page.context.close()


def test_a_tap_beside_a_name_glosses_the_word_and_opens_no_note(site: Site, browser: Any) -> None:
    page = phone(browser)
    box, size = beside(page, site, "#moyu-p2 .zh a.m", "朝阳区")
    tap_beside(page, box, size)
    page.locator("#gloss").wait_for(state="visible")
    page.wait_for_timeout(300)
    assert page.evaluate("!document.getElementById('popover')"), "the name's note opened"
    assert page.evaluate("!document.activeElement.closest('a')"), "the name took focus"
    # the name itself still opens its note
    tap_on(page, box)
    page.locator("#popover").wait_for(state="visible")
    assert not page.errors, page.errors
    page.context.close()


def test_a_keyboard_enter_after_a_tap_follows_the_link(site: Site, browser: Any) -> None:
    page = phone(browser)
    box, size = beside(page, site, "#moyu-p2 .zh a.fig", "83个")
    tap_beside(page, box, size)  # a gloss
    page.locator("#gloss").wait_for(state="visible")
    page.focus("#moyu-p2 .zh a.fig >> nth=0")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"figures/"))
    assert not page.errors, page.errors
    page.context.close()


# found by the second review of the fix
def test_a_tap_beside_a_link_closes_an_open_note(site: Site, browser: Any) -> None:
    page = phone(browser)
    name, size = beside(page, site, "#moyu-p2 .zh a.m", "朝阳区")
    tap_on(page, name)
    page.locator("#popover").wait_for(state="visible")
    figure = page.locator("#moyu-p2 .zh a.fig", has_text="83个").bounding_box()
    assert figure is not None
    tap_beside(page, figure, size, 0.3)
    page.locator("#gloss").wait_for(state="visible")
    page.wait_for_timeout(200)
    assert page.evaluate("!document.getElementById('popover')"), "the note stayed over the gloss"
    page.context.close()


def test_a_tap_on_the_punctuation_after_a_link_does_not_follow_it(site: Site, browser: Any) -> None:
    page = phone(browser)
    box, size = beside(page, site, "#moyu-p2 .zh a.fig", "2020年")  # followed by "，"
    tap_beside(page, box, size, 0.3)
    page.wait_for_timeout(600)
    assert page.url == site.url + ARTICLE, "the tap on the comma followed the figure"
    assert page.evaluate("!document.getElementById('popover')")
    page.context.close()


def test_a_tap_on_a_name_moved_onto_the_next_link_opens_the_name(site: Site, browser: Any) -> None:
    """挂职干部 is followed at once by the figure 14人: a tap just inside the name's right edge
    was moved onto the figure."""
    page = phone(browser)
    box, _ = beside(page, site, "#moyu-p4 .zh a.m", "挂职干部")
    page.touchscreen.tap(box["x"] + box["width"] - 1, box["y"] + box["height"] / 2)
    page.locator("#popover").wait_for(state="visible")
    assert page.url == site.url + ARTICLE
    page.context.close()


def test_a_long_press_beside_a_link_does_not_follow_it(site: Site, browser: Any) -> None:
    page = phone(browser)
    box, size = beside(page, site, "#moyu-p2 .zh a.fig", "83个")
    point = {"x": box["x"] + box["width"] + size * 0.4, "y": box["y"] + box["height"] / 2}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [point]})
    page.wait_for_timeout(1100)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(800)
    assert page.url == site.url + ARTICLE, "a long press beside the figure followed it"
    page.context.close()
