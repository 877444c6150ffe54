"""The edition as readers use it (issue 15), in a real browser: notes that stay open, the
names switch, addresses that keep their view, phones, passage names instead of ids,
navigation, typography, print, search by passage, the figures appendix on a phone.

Uses the site and browser of tests/test_browser.py (the edition built once, served under a
project path, Debian's chromium); skipped, or failed under EDITION_REQUIRE_BROWSER=1, as they are.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser_support import SiteServer
from test_browser import ARTICLE, TIMEOUT_MS, VIEWS, Site, new_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    """The edition built once and served (tests/conftest.py), as test_browser.py has it."""
    return served_site


PHONE = {"width": 390, "height": 844}


def note_of(page: Any, mention: Any) -> str:
    """The start of a mention's note text, as the notes section has it."""
    note_id = str(mention.get_attribute("href")).split("#", 1)[1].split("~")[0]  # (a later passage's: marks.py)
    return str(page.locator(f'[id="{note_id}"] .note-text').first.text_content()).strip()[:40]


def assert_popover_shows(page: Any, expected: str, what: str) -> None:
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    page.wait_for_timeout(400)  # once vanished ~150 ms after opening: it must still be there
    assert popover.count() == 1 and popover.is_visible(), f"{what}: the note closed by itself"
    assert expected in " ".join(str(popover.inner_text()).split()), f"{what}: not the mention's note"
    box = popover.bounding_box()  # relative to the screen
    height = page.evaluate("innerHeight")
    assert box["y"] >= -1 and box["y"] + box["height"] <= height + 1, f"{what}: the note runs off the screen ({box})"


# --- 1. notes that stay open: click, tap, Tab --------------------------------------------


def distinct_mentions(page: Any, count: int) -> list[Any]:
    """First-mention marks of ``count`` names, each in another paragraph, every other one (a
    note open under one mark must not cover the next: a reader taps what is in sight)."""
    found, seen = [], set()
    paragraphs = page.locator("main .pair.k-paragraph")
    for i in range(0, paragraphs.count(), 2):
        marks = paragraphs.nth(i).locator("a.m.f")
        for j in range(marks.count()):
            href = str(marks.nth(j).get_attribute("href")).split("~")[0]
            if href not in seen:
                seen.add(href)
                found.append(marks.nth(j))
                break
        if len(found) == count:
            break
    return found


def test_three_notes_in_a_row_by_click(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    for n, mark in enumerate(distinct_mentions(page, 3), 1):
        expected = " ".join(note_of(page, mark).split())
        mark.click()
        assert_popover_shows(page, expected, f"click {n}")
        assert page.url == site.url + ARTICLE
    page.mouse.click(5, 5)  # a click outside closes it
    page.locator(".popover").wait_for(state="detached")
    assert not page.errors, page.errors
    page.context.close()


def test_three_notes_in_a_row_by_tap_on_a_phone(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(site.url + ARTICLE)
    for n, mark in enumerate(distinct_mentions(page, 3), 1):
        expected = " ".join(note_of(page, mark).split())
        mark.scroll_into_view_if_needed()
        mark.tap()
        assert_popover_shows(page, expected, f"tap {n}")
        box = page.locator(".popover").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], f"tap {n}: wider than the phone: {box}"
    assert not page.errors, page.errors
    page.context.close()


def test_three_notes_in_a_row_by_tab(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    page.locator("main .pair a.m").first.focus()
    opened = 0
    for _ in range(20):
        focused = page.locator("a.m:focus")
        if focused.count():
            assert_popover_shows(page, " ".join(note_of(page, focused).split()), f"Tab to mention {opened + 1}")
            opened += 1
            if opened == 3:
                break
        page.keyboard.press("Tab")
    assert opened == 3, f"Tab opened {opened} notes"
    page.keyboard.press("Escape")
    page.locator(".popover").wait_for(state="detached")
    assert not page.errors, page.errors
    page.context.close()


def test_a_notes_links_are_reached_by_tab_and_the_page_goes_on_after_it(site: Site, browser: Any) -> None:
    """Found by a usage walk: the note is the last child of <body>, so Tab from a name went to
    the next name and the note's links were out of the keyboard's reach."""
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    name = page.locator("main .pair a.m.f").first
    name.focus()
    page.locator(".popover").wait_for(state="visible")
    links = page.locator(".popover a[href]:not([hidden]), .popover button")  # its links and its close control
    assert links.count() >= 2
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.popover') !== null"), "Tab did not enter the note"
    page.keyboard.press("Shift+Tab")
    assert name.evaluate("e => e === document.activeElement"), "Shift+Tab did not go back to the name"
    assert page.locator(".popover").count() == 1
    after = name.evaluate(
        """n => { const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
          .filter(e => !e.closest('.popover') && e.tabIndex >= 0 && e.getClientRects().length);
          return all[all.indexOf(n) + 1].outerHTML; }"""
    )
    for _ in range(links.count() + 1):  # into the note, through its links, and on
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.outerHTML") == after, "Tab did not go on after the name"
    # with "Words by keyboard" on, on after the note is the word after the name (found by
    # review: the words, tab stops by their tabindex, were skipped to the next name)
    page.keyboard.press("Escape")
    page.locator('button[data-switch="gloss"]').click()
    page.wait_for_function("document.querySelector('main .w[tabindex=\"0\"]') !== null")
    # a name whose next stop is a word (not another link)
    index = page.evaluate(
        """() => { const all = [...document.querySelectorAll('a[href], [tabindex="0"]')]
          .filter(e => !e.closest('.popover') && e.getClientRects().length);
          const names = [...document.querySelectorAll('main .pair a.m.f')];
          return names.findIndex(n => { const next = all[all.indexOf(n) + 1]; return next && next.matches('.w'); }); }"""
    )
    assert index >= 0
    name = page.locator("main .pair a.m.f").nth(index)
    name.focus()
    page.locator(".popover").wait_for(state="visible")
    word = name.evaluate(
        """n => { const all = [...document.querySelectorAll('a[href], [tabindex="0"]')]
          .filter(e => !e.closest('.popover') && e.getClientRects().length);
          return all[all.indexOf(n) + 1].textContent; }"""
    )
    for _ in range(page.locator(".popover a[href]:not([hidden]), .popover button").count() + 1):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == word, "Tab skipped the words after the name"
    assert not page.errors, page.errors
    page.context.close()


def test_on_a_phone_a_note_is_a_sheet_clear_of_its_name(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(site.url + ARTICLE)
    mark = distinct_mentions(page, 6)[-1]
    # bring the mark to the screen's last line
    page.evaluate(
        "m => { const r = m.getBoundingClientRect(); scrollBy(0, r.bottom - innerHeight + 4); }", mark.element_handle()
    )
    mark.tap()
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    page.wait_for_timeout(200)
    box, link = popover.bounding_box(), mark.bounding_box()
    # a name on the screen's last line: the sheet along the top, the name below it
    assert abs(box["y"]) <= 1, f"the note is not along the screen's top: {box}"
    assert box["x"] <= 0.5 and box["width"] >= PHONE["width"] - 1, f"the note is not the screen's width: {box}"
    assert box["height"] <= PHONE["height"] * 0.45 + 1, f"the note takes more than 45% of the screen: {box}"
    assert box["y"] + box["height"] <= link["y"], f"the name is under the note: {link} vs {box}"
    # a name near the screen's top: the sheet along the bottom
    page.mouse.click(5, 400)  # elsewhere: the note closes
    popover.wait_for(state="detached")
    first = page.locator("main .pair a.m").first
    page.evaluate("m => { const r = m.getBoundingClientRect(); scrollBy(0, r.top - 80); }", first.element_handle())
    first.tap()
    popover.wait_for(state="visible")
    box, link = popover.bounding_box(), first.bounding_box()
    assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1, f"the note is not along the screen's bottom: {box}"
    assert link["y"] + link["height"] <= box["y"], f"the name is under the note: {link} vs {box}"
    page.context.close()


def test_two_neighbouring_names_in_a_row_by_tap_on_a_phone(site: Site, browser: Any) -> None:
    # The reader's case: "Moyu", then "Xinjiang" on the same line. The note once opened below
    # the first name and covered the second, which could not be tapped until it was closed.
    page = new_page(browser, viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(site.url + "en/" + ARTICLE)
    heading = page.locator("main h1 a.m")
    assert heading.count() >= 2, "the English headline names two places"
    for n in range(2):
        mark = heading.nth(n)
        expected = " ".join(note_of(page, mark).split())
        mark.tap(timeout=3000)  # fails if anything lies over the name
        assert_popover_shows(page, expected, f"neighbouring name {n + 1}")
    assert not page.errors, page.errors
    page.context.close()


def test_a_note_on_the_front_page_opens_from_its_articles_page(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url)
    mark = page.locator("article.on-page a.m").first
    assert "2020-05-25/p12/" in str(mark.get_attribute("href"))  # the front page leaves an article's notes to its page
    mark.click()
    page.locator(".popover").wait_for(state="visible")
    assert len(str(page.locator(".popover").inner_text())) > 40 and page.url == site.url
    page.context.close()


# --- 2. the names switch: remembered, never an address ----------------------------------


def decoration(page: Any, selector: str) -> str:
    return str(
        page.eval_on_selector(
            selector, "e => getComputedStyle(e).textDecorationStyle + ' ' + getComputedStyle(e).textDecorationLine"
        )
    )


def test_the_names_switch(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    first, other = "main .pair a.m.f", "main .pair a.m:not(.f)"
    assert decoration(page, first) == "dotted underline"
    assert page.eval_on_selector(other, "e => getComputedStyle(e).textDecorationColor") != page.eval_on_selector(
        first, "e => getComputedStyle(e).textDecorationColor"
    ), "a later mention is marked as loudly as the first"
    page.select_option("#marks", "off")
    assert decoration(page, first).endswith("none")
    page.goto(site.url + "zh/" + ARTICLE)  # remembered on another page, the address unchanged
    assert page.url == site.url + "zh/" + ARTICLE and decoration(page, first).endswith("none")
    page.locator(first).first.click(force=True)
    page.wait_for_timeout(300)
    assert page.locator(".popover").count() == 0, "marks off: a click on a name opened a note"
    page.select_option("#marks", "all")
    assert page.eval_on_selector(other, "e => getComputedStyle(e).textDecorationColor") == page.eval_on_selector(
        first, "e => getComputedStyle(e).textDecorationColor"
    )
    page.context.close()


# --- 3. addresses mean what they say -------------------------------------------------------


def test_a_chosen_view_never_redirects_an_address(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    page.locator('.views a[data-view="en"]').click()
    page.wait_for_url(site.url + "en/" + ARTICLE)
    for address in (site.url + "zh/", site.url + ARTICLE, site.url + "zh-hant/" + ARTICLE + "#moyu-p3"):
        page.goto(address)
        page.wait_for_timeout(300)
        assert page.url == address, f"{address} went to {page.url}"
        offer = page.locator(".view-offer a")
        assert offer.count() == 1 and "/en/" in str(offer.get_attribute("href")), "no link to the chosen view"
    page.context.close()


def test_the_not_found_page_works_under_any_path(site: Site, browser: Any, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").symlink_to(site.out, target_is_directory=True)
    with SiteServer(tmp_path, not_found=site.out / "404.html") as server:
        page = new_page(browser)
        for missing in ("/elsewhere/no/such/page/", "/elsewhere/articles/nothing-here/"):
            response = page.goto(server.origin + missing)
            assert response is not None and response.status == 404
            page.wait_for_function(
                "document.querySelector('header.site .brand a').getAttribute('href') === '/elsewhere/'"
            )
            page.wait_for_function("getComputedStyle(document.body).maxWidth !== 'none'")  # the stylesheet applies
            home = page.locator("main a").first
            home.click()
            page.wait_for_load_state()
            assert page.url == server.origin + "/elsewhere/", page.url
        page.context.close()


def test_favicon_and_no_console_error(site: Site, browser: Any) -> None:
    page = new_page(browser)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(site.url, wait_until="networkidle")
    icon = page.eval_on_selector('link[rel="icon"]', "e => e.href")
    assert page.request.get(icon).status == 200
    assert not errors and not failed, (errors, failed)
    page.context.close()


# --- 4. readers see names, not ids ------------------------------------------------------------


class _ReaderText(HTMLParser):
    """Text a reader (or a screen reader) meets: text nodes outside script and style, and the
    attributes read aloud or shown (aria-label, title, alt, placeholder)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        self.parts += [v or "" for k, v in attrs if k in ("aria-label", "title", "alt", "placeholder")]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def test_no_block_id_in_any_pages_reader_visible_text(site: Site, browser: Any) -> None:
    ids = {b.id for a in site.result.edition.all_articles for b in a.blocks}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")
    shown = []
    for name in site.html_files():
        parser = _ReaderText()
        parser.feed((site.out / name).read_text(encoding="utf-8"))
        found = sorted(set(pattern.findall(" ".join(parser.parts))))
        if found:
            shown.append(f"{name}: {', '.join(found[:5])}")
    assert not shown, f"{len(shown)} page(s) show block ids:\n" + "\n".join(shown[:30])
    # and what a person sees in the browser, with the popovers and actions the script makes
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    page.locator("#moyu-p3 > a.pl").click()
    text = str(page.locator("body").inner_text())
    assert "CRD 2020-05-25 p12 Moyu ¶3" in text
    assert not pattern.search(text.replace(site.url, "").replace("#moyu-p3", "")), pattern.search(text)
    page.context.close()


# --- 5. every page fits a phone, at 360 px as well -----------------------------------------

OVERFLOW = "() => document.documentElement.scrollWidth"


def phone_pages(site: Site) -> list[str]:
    """Every page but the entity pages in every view, and each entity page in one view (the
    views taken in turn: the four views of an entity page differ only in language)."""
    files = site.html_files()
    entity = re.compile(r"^(?:(zh|en|zh-hant)/)?entity/([^/]+)/index\.html$")
    pages = [f for f in files if not entity.match(f)]
    slugs = sorted({m.group(2) for f in files if (m := entity.match(f))})
    if os.environ.get("EDITION_AXE_ALL") == "1":
        return files
    for i, slug in enumerate(slugs):
        name = f"{VIEWS[i % 4]}entity/{slug}/index.html"
        pages.append(name if name in files else f"entity/{slug}/index.html")
    return pages


def test_every_page_fits_a_360_px_phone(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport={"width": 360, "height": 780})
    wide = []
    for name in phone_pages(site):
        page.goto(site.page_url(name))
        width = page.evaluate(OVERFLOW)
        if width > 361:
            wide.append(f"{name}: {width} px")
    page.context.close()
    assert not wide, f"{len(wide)} page(s) wider than 360 px:\n" + "\n".join(wide)


# --- 6. navigation -------------------------------------------------------------------------


def test_front_page_contents_back_to_top_and_folded_notes(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=PHONE)
    page.goto(site.url)
    contents = page.locator("nav.contents a")
    assert contents.count() == len(site.result.edition.articles)
    contents.last.click()
    target = str(contents.last.get_attribute("href"))
    assert page.url.endswith(target) and page.evaluate("scrollY") > 2000
    page.locator(".to-top a").click()
    page.wait_for_function("scrollY < 50")
    notes = page.locator("details.notes-fold")
    assert notes.count() == 1 and not notes.evaluate("d => d.open")
    page.context.close()


def test_articles_link_to_the_previous_and_next(site: Site, browser: Any) -> None:
    page = new_page(browser)
    articles = site.result.edition.articles
    page.goto(site.url + articles[1].url)
    assert articles[0].title_en[:20] in str(page.locator('a[rel="prev"]').inner_text())
    page.locator('a[rel="next"]').click()
    page.wait_for_url(site.url + articles[2].url)
    page.context.close()


# --- 7. typography ------------------------------------------------------------------------------

LAST_LINE = """e => {
  const text = e.textContent.replace(/\\s+/g, "");
  const range = document.createRange();
  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  const tops = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      if (/\\s/.test(node.data[i])) continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const r = range.getClientRects()[0];
      if (r) tops.push(Math.round(r.top));
    }
  }
  const last = Math.max(...tops);
  return [tops.filter(t => Math.abs(t - last) < 4).length, new Set(tops.map(t => Math.round(t / 8))).size, text];
}"""


def test_chinese_headlines_leave_no_character_alone_on_a_phone(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=PHONE)
    alone = []
    for view in ("zh/", "zh-hant/"):
        for url in [site.url + view] + [site.url + view + a.url for a in site.result.edition.articles]:
            page.goto(url)
            for heading in page.locator("main h1 .zh, main h2 .zh, main h3 .zh").all():
                if not heading.is_visible():
                    continue
                on_last, _, text = heading.evaluate(LAST_LINE)
                if on_last < 2 and len(text) > 1:
                    alone.append(f"{url}: {text}")
    page.context.close()
    assert not alone, "a headline ends with one character alone on its line:\n" + "\n".join(alone)


def test_type_pinyin_masthead_measure_and_english_in_chinese_views(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport={"width": 360, "height": 780})
    page.goto(site.url + "zh/entity/moyu-county/")
    font = str(page.eval_on_selector('[lang="zh-Latn-pinyin"]', "e => getComputedStyle(e).fontFamily"))
    assert "CJK" not in font and "Hei" not in font and "PingFang" not in font.split(",")[0], font
    english = page.locator('main [lang="en"]').first
    style = english.evaluate("e => [getComputedStyle(e).letterSpacing, getComputedStyle(e).textAlign]")
    assert style[0] == "normal" and style[1] in ("start", "left"), style
    page.goto(site.url + ARTICLE)
    # "p. 12" never broken across lines (the brand wraps at 360 px): one line for "p. 12"
    brand = page.locator("header.site .brand a")
    assert "p.\u00a012" in str(brand.text_content())
    tops = brand.evaluate(
        """a => { const t = a.firstChild, i = t.data.indexOf("p."); const r = document.createRange();
        return [0, 3].map(k => { r.setStart(t, i + k); r.setEnd(t, i + k + 1); return Math.round(r.getClientRects()[0].top); }); }"""
    )
    assert tops[0] == tops[1], f"'p.' and '12' on two lines: {tops}"
    width, ch = page.evaluate(
        """() => { const n = document.querySelector('.notes .note-text'); const s = document.createElement('span');
        s.textContent = '0'.repeat(75); s.style.font = getComputedStyle(n).font; s.style.position = 'absolute';
        document.body.appendChild(s); const w = s.getBoundingClientRect().width; s.remove(); return [n.getBoundingClientRect().width, w]; }"""
    )
    assert width <= ch + 1, f"notes run {width:.0f} px, more than 75 characters ({ch:.0f} px)"
    page.context.close()


# --- 8. print ---------------------------------------------------------------------------------------


def test_print_numbers_the_notes_and_gives_address_and_citation(site: Site, browser: Any, tmp_path: Path) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    page.emulate_media(media="print")
    # the numbers are made as the page is printed (the print media query's change)
    page.wait_for_function("document.querySelectorAll('main sup.note-num').length > 0")
    numbers = page.eval_on_selector_all(
        "main sup.note-num",
        """sups => sups.filter(s => getComputedStyle(s).display !== 'none').map(s => {
          const mark = s.previousElementSibling; const id = mark.getAttribute('href').slice(1).split('~')[0];
          const notes = [...document.querySelectorAll('ol.entity-notes > li')];
          return [Number(s.textContent), notes.findIndex(li => li.id === id) + 1, mark.textContent]; })""",
    )
    assert len(numbers) >= 10, numbers
    wrong = [n for n in numbers if n[0] != n[1]]
    assert not wrong, f"note numbers in the text that are not their note's number: {wrong[:5]}"
    assert page.eval_on_selector("ol.entity-notes", "e => getComputedStyle(e).listStyleType") == "decimal"
    assert page.eval_on_selector("details.cite", "e => getComputedStyle(e).display") == "none"  # no cite stubs
    assert page.eval_on_selector_all("main .pl", "ls => ls.every(l => getComputedStyle(l).display === 'none')")
    # links that lead somewhere on screen only (found by a usage walk): vocabulary, a note's way back
    shown = "es => es.filter(e => getComputedStyle(e).display !== 'none').length"
    assert page.locator(".reading-help, .note-links").count() > 0
    assert page.eval_on_selector_all(".reading-help, .note-links", shown) == 0
    assert site.url + ARTICLE in str(page.locator(".print-url").inner_text())
    assert "Translated by the edition team" in str(page.locator(".print-cite").inner_text())
    pdf = tmp_path / "moyu.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    page.context.close()


# --- 9. passages: actions and citations ---------------------------------------------------------


def test_a_passages_one_control_and_one_citation_format_at_a_time(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site.url + ARTICLE)
    assert page.locator("#moyu-p3 details, #moyu-p3 .cite-block").count() == 0  # no toggle after every paragraph
    page.locator("#moyu-p3").hover()
    page.locator("#moyu-p3 > a.pl").click()
    actions = page.locator(".popover.passage-actions")
    actions.wait_for(state="visible")
    assert "CRD 2020-05-25 p12 Moyu ¶3" in str(actions.inner_text())
    actions.locator("button.copy").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == "CRD 2020-05-25 p12 Moyu ¶3"
    assert page.url.endswith("#moyu-p3")
    page.keyboard.press("Escape")
    page.locator("details.cite > summary").click()
    shown = page.locator("details.cite .cite-shown")
    assert page.locator("details.cite dl").is_hidden() and shown.is_visible()
    options = page.locator("details.cite select option")
    assert options.count() == 6
    page.select_option("details.cite select", index=4)  # BibTeX
    assert str(shown.inner_text()).startswith("@article{")
    shown.locator("button.copy").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("@article{")
    assert not page.errors, page.errors
    page.context.close()


# --- 10. search finds passages --------------------------------------------------------------------


@pytest.mark.parametrize("query", ["脫貧", "朝阳", "Moyu", "墨玉县", "脫貧攻堅"])
def test_search_results_are_passages(site: Site, browser: Any, query: str) -> None:
    page = new_page(browser)
    page.goto(site.url + "search/")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector("#search-results li", timeout=TIMEOUT_MS)
    hrefs = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.getAttribute('href'))")
    passages = [h for h in hrefs if re.search(r"/2020-05-25/p12/[^/]+/#[a-z0-9-]+-[a-z]\d+$", h)]
    assert len(passages) >= 3 and hrefs[0] in passages, hrefs[:5]
    status = str(page.inner_text("#search-status"))
    count = int(re.search(r"\d+", status).group())  # type: ignore[union-attr]
    assert count >= len(hrefs) and (count == len(hrefs) or len(hrefs) == 50), (status, len(hrefs))
    texts = page.eval_on_selector_all("#search-results li", "items => items.map(i => i.innerText)")
    # each title as the page writes it: the index's spaces between characters are not in it, a
    # headline's own space is (携手新疆墨玉 坚决打赢脱贫攻坚战)
    edition = site.result.edition
    titles = {a.title_zh for a in edition.all_articles} | {p.info.title_zh for p in edition.pages}
    titles |= {e.zh for e in edition.entities}  # the pages of names
    # (a passage listed after another of its page is named alone, "Moyu ¶2": usage walk 17)
    named = page.eval_on_selector_all("#search-results li > a", "links => links.map(a => a.textContent)")
    for i, text in enumerate(texts):
        alone = i > 0 and " — " not in named[i] and hrefs[i].split("#")[0] == hrefs[i - 1].split("#")[0]
        assert alone or any(text.startswith(title) for title in titles if title), f"a title not as written: {text[:80]}"
        assert "Pinyintu" not in text and "Pinyinmò" not in text.replace(" ", " ")
    first = page.locator("#search-results li > a").first
    first.click()
    page.wait_for_load_state()
    anchor = hrefs[0].split("#")[1]
    assert page.evaluate(f"document.getElementById('{anchor}') !== null")
    page.context.close()


# --- 11. the figures appendix on a phone ---------------------------------------------------------


def test_figures_read_with_their_labels_on_a_phone(site: Site, browser: Any) -> None:
    page = new_page(browser, viewport=PHONE)
    page.goto(site.url + "figures/")
    assert page.evaluate(OVERFLOW) <= PHONE["width"]
    rows = page.locator("table.figures tbody tr:not(.group)")
    assert rows.count() > 50
    for i in (0, 7, rows.count() - 1):
        row = rows.nth(i)
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        label = row.locator("td.label")
        assert label.bounding_box()["y"] <= row.locator("td.num").bounding_box()["y"], "the label comes after the value"
        # each value says what it is (its column's heading, before it)
        assert "Value" in str(row.locator("td.num").evaluate("e => getComputedStyle(e, '::before').content"))
    small = page.eval_on_selector_all(
        ".chart *",
        "els => els.filter(e => e.childNodes.length && parseFloat(getComputedStyle(e).fontSize) < 12).length",
    )
    assert small == 0, f"{small} chart texts under 12 px"
    checks = str(page.locator("ul.checks").inner_text())
    assert "✓" in checks and "==" not in checks and "count(" not in checks
    page.context.close()


# --- 12. every page light enough for a phone -------------------------------------------------------

# what a page loads to be read on a screen (print.css, linked media="print", is loaded after, without blocking)
ASSET = re.compile(r'<(?:script[^>]* src|link rel="stylesheet" href)="([^"]+)"')


def test_every_page_weighs_at_most_150_kb(site: Site) -> None:
    """HTML + CSS + JS a page loads, every page of every view (the front page was 259 KB)."""
    heavy = []
    for name in site.html_files():
        html = (site.out / name).read_bytes()
        folder = (site.out / name).parent
        assets = {
            (folder / href.split("?")[0]).resolve()  # a static file's version: ?v=
            for href in ASSET.findall(html.decode("utf-8"))
            if not href.startswith("/")
        }
        assert "print.css" not in " ".join(map(str, assets))  # (the print styles are not counted)
        weight = len(html) + sum(path.stat().st_size for path in assets)
        if weight > 150_000:
            heavy.append(f"{name}: {weight} bytes")
    assert not heavy, "pages over 150 KB of HTML, CSS and JS:\n" + "\n".join(heavy)
