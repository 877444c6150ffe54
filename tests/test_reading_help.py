"""Reading help in a real browser (Debian's chromium via Playwright), as a reader uses it: pinyin
switched on in each Chinese view (remembered, never over a URL), a word's gloss by click, by tap
on a phone and by keyboard, a name's note kept, a missing word, the accessibility tree read with
ruby, axe, and the page weight with the dictionary loaded only on first use.

Skipped with a message where chromium is missing; EDITION_REQUIRE_BROWSER=1 makes that a failure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import SiteServer, axe_source, missing

from edition.pipeline import build

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "2020-05-25/p12/moyu/"
BLOCK = "moyu-p1"  # 北京朝阳区与新疆墨玉县自2016年建立对口帮扶关系以来，…
PAGE_WEIGHT_LIMIT = 150_000  # as tests/test_browser.py: HTML + CSS + JS (+ here the words' file)
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("reading") / "site"
    out = root / "edition"
    build(ROOT, out)
    with SiteServer(root, not_found=out / "404.html") as server:
        yield f"{server.origin}/edition/", out


def new_page(browser: Any, **options: Any) -> Any:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.fetched = []
    page.on("response", lambda r: page.fetched.append(r.url))
    return page


def point_of(page: Any, block: str, word: str) -> tuple[float, float]:
    """The middle of the first ``word`` in the Chinese of ``block``, where a reader would tap."""
    box = page.evaluate(
        """([block, word]) => {
          const el = document.getElementById(block).querySelector('.zh, span[lang^="zh"]');
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, at = node.nodeValue.indexOf(word);
            if (at >= 0 && !node.parentElement.closest('a, rt')) {
              const range = document.createRange();
              range.setStart(node, at); range.setEnd(node, at + word.length);
              const r = range.getClientRects()[0];
              return [r.left + r.width / 2, r.top + r.height / 2];
            }
          }
          return null;
        }""",
        [block, word],
    )
    assert box, f"{word} not found in {block}"
    return box[0], box[1]


def gloss_text(page: Any) -> str:
    page.wait_for_selector("#gloss .gloss-body :is(ul, p)")
    return str(page.locator("#gloss").inner_text())


@pytest.mark.parametrize("view", ["", "zh/", "zh-hant/"])
def test_pinyin_over_the_words_in_each_chinese_view_remembered_but_never_over_a_url(
    served: tuple[str, Path], browser: Any, view: str
) -> None:
    url = served[0] + view + ARTICLE
    page = new_page(browser)
    page.goto(url)
    before = page.locator(f"#{BLOCK} .zh").inner_text()
    page.get_by_role("button", name=re.compile("^(Pinyin|拼音)$")).click()
    rt = page.locator(f"#{BLOCK} ruby.w rt").first
    rt.wait_for(state="visible")
    assert rt.inner_text() == "Běijīng Cháoyángqū"  # 北京朝阳区, a name: one word, read as one
    assert page.locator(f"#{BLOCK} ruby.w").count() > 40
    # The text itself is unchanged: only the rubies' pinyin was added over it.
    text = page.evaluate(
        f"""() => {{ const c = document.querySelector('#{BLOCK} .zh').cloneNode(true);
        c.querySelectorAll('rt').forEach(r => r.remove()); return c.textContent; }}"""
    )
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", before)
    # Remembered on the next visit...
    page.goto(url)
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    assert page.locator("button[data-switch=pinyin]").get_attribute("aria-pressed") == "true"
    # ...but a URL that says otherwise wins, and is left as it is.
    page.goto(url + "?pinyin=off")
    page.wait_for_timeout(300)
    assert page.locator("button[data-switch=pinyin]").get_attribute("aria-pressed") == "false"
    assert page.locator(f"#{BLOCK} ruby.w rt:visible").count() == 0
    assert page.url.endswith("?pinyin=off")
    assert not page.errors


def test_the_english_view_has_no_reading_help(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    page.goto(served[0] + "en/" + ARTICLE)
    assert page.locator(".reading-help").count() == 0
    assert not any("reading.js" in u for u in page.fetched)


def test_click_a_word_for_its_gloss_the_dictionary_loaded_on_first_use(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    page.goto(served[0] + ARTICLE)
    page.wait_for_load_state("networkidle")
    assert not any("/reading/" in u for u in page.fetched)  # nothing loaded before it is used
    x, y = point_of(page, BLOCK, "关系")
    page.mouse.click(x, y)
    text = gloss_text(page)
    assert "关系" in text and "guānxì" in text and "relation" in text and "3" in text  # HSK 3
    assert any(u.endswith("/reading/words.json") for u in page.fetched)
    assert page.locator("ruby.w-open").inner_text().startswith("关系")
    page.keyboard.press("Escape")
    assert page.locator("#gloss").count() == 0
    assert not page.errors


def test_tap_a_word_on_a_phone(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page.goto(served[0] + "zh/" + ARTICLE)
    x, y = point_of(page, BLOCK, "帮扶")
    page.touchscreen.tap(x, y)
    text = gloss_text(page)
    assert "帮扶" in text and "bāngfú" in text
    box = page.locator("#gloss").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # on the screen
    # a visible close control on the sheet, as a name's note has (review 15)
    page.locator("#gloss").get_by_role("button", name="关闭", exact=True).tap()
    assert page.locator("#gloss").count() == 0
    assert not page.errors


def test_a_name_keeps_the_editions_note(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    page.goto(served[0] + ARTICLE)
    page.locator("button[data-switch=pinyin]").click()
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    page.locator(f"#{BLOCK} a.m", has_text="墨玉县").first.click()
    page.wait_for_selector("#popover")
    assert "Hotan" in page.locator("#popover").inner_text()  # the glossary's note on Moyu County
    assert page.locator("#gloss").count() == 0


def test_a_word_the_dictionary_lacks_says_so(served: tuple[str, Path], browser: Any) -> None:
    out = served[1]
    words = json.loads((out / "reading" / "words.json").read_text(encoding="utf-8"))["words"]
    blocks = json.loads((out / "reading" / "moyu.json").read_text(encoding="utf-8"))["blocks"]
    lacking = [
        (block, k)
        for block, tokens in blocks.items()
        for k, t in enumerate(tokens)
        if len(t) == 2 and not re.search("[0-9]", t[0]) and t[0] not in words
    ]
    made_of = [
        (block, k)
        for block, tokens in blocks.items()
        for k, t in enumerate(tokens)
        if len(t) == 2 and t[0] in words and not words[t[0]][1] and words[t[0]][2]
    ]
    assert made_of, "no word of the article lacks a CC-CEDICT entry of its own"
    page = new_page(browser)
    page.goto(served[0] + ARTICLE)
    page.locator("button[data-switch=pinyin]").click()
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    # A word inside a link (a figure, a name) is the link's: look up one that stands in the text.
    for block, k in lacking:
        word = page.locator(f'ruby.w[data-block="{block}"][data-k="{k}"]').first
        if word.count() and not word.evaluate("w => !!w.closest('a')"):
            word.click()
            assert "Not in CC-CEDICT." in gloss_text(page)
            break
    block, k = next(
        (b, k)
        for b, k in made_of
        if not page.locator(f'ruby.w[data-block="{b}"][data-k="{k}"]').first.evaluate("w => !!w.closest('a')")
    )
    page.locator(f'ruby.w[data-block="{block}"][data-k="{k}"]').first.click()
    text = gloss_text(page)
    assert "Not in CC-CEDICT." in text and "Its parts" in text


def test_words_are_tab_stops_only_in_the_keyboard_mode(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    page.goto(served[0] + "zh/" + ARTICLE)
    page.locator("button[data-switch=pinyin]").click()
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    page.locator("button[data-switch=gloss]").focus()
    for _ in range(6):  # by default Tab goes from link to link: names, figures, never a word
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('ruby.w')") is False
    page.locator("button[data-switch=gloss]").focus()
    page.keyboard.press("Space")  # switch the keyboard mode on, by keyboard
    assert page.locator("button[data-switch=gloss]").get_attribute("aria-pressed") == "true"
    page.wait_for_selector("ruby.w[tabindex='0']")
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('ruby.w')"):
            focused.append(page.evaluate("document.activeElement.firstChild.nodeValue"))
            break
    assert focused, "no word took the focus in the keyboard mode"
    word = page.locator(":focus")
    assert word.get_attribute("role") == "button" and word.get_attribute("aria-describedby") == "gloss"
    assert focused[-1] in gloss_text(page)
    page.keyboard.press("Escape")
    assert page.locator("#gloss").count() == 0
    assert not page.errors


def snapshot_text(snapshot: str) -> str:
    """The text an accessibility snapshot exposes, in order, without its structure or spaces."""
    pieces = []
    for line in snapshot.splitlines():
        line = line.strip()
        if line.startswith("- /url:"):
            continue
        match = re.match(r'- (?:text|link|button|paragraph)(?: "(.*?)")?:?\s*(.*)$', line)
        if match:
            pieces.append((match.group(1) or "") + match.group(2))
    return re.sub(r"\s", "", "".join(pieces))


def test_ruby_does_not_break_a_screen_readers_reading_of_the_chinese(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    page.goto(served[0] + "zh/" + ARTICLE)
    chinese = page.locator(f"#{BLOCK} .zh")
    plain = chinese.aria_snapshot()
    page.locator("button[data-switch=pinyin]").click()
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    with_pinyin = chinese.aria_snapshot()
    # The Chinese, in order, whole: no pinyin read between the characters.
    assert snapshot_text(with_pinyin) == snapshot_text(plain)
    assert "Běijīng" not in with_pinyin and "guānxì" not in with_pinyin
    # With the pinyin switched off again, the tree is exactly what it was before the words were laid over the text.
    page.locator("button[data-switch=pinyin]").click()
    assert chinese.aria_snapshot() == plain


def test_axe_finds_no_violation_with_the_reading_help_in_use(served: tuple[str, Path], browser: Any) -> None:
    source = axe_source()
    if source is None:
        missing("axe-core not installed: pip install -r requirements-dev.txt")
    page = new_page(browser)
    page.goto(served[0] + "zh-hant/" + ARTICLE)
    page.locator("button[data-switch=pinyin]").click()
    page.locator("button[data-switch=gloss]").click()
    page.wait_for_selector("ruby.w[tabindex='0']")
    page.locator("ruby.w[tabindex='0']").nth(2).focus()
    gloss_text(page)
    for path in ("zh-hant/" + ARTICLE, "zh-hant/" + ARTICLE + "words/"):
        if path.endswith("words/"):
            page.goto(served[0] + path)
        page.add_script_tag(content=source)
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
                 .map(v => v.id + ": " + v.help + " " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))"""
        )
        assert not violations, f"{path}: {violations}"


def test_an_article_with_pinyin_on_stays_within_the_page_weight(served: tuple[str, Path], browser: Any) -> None:
    page = new_page(browser)
    sizes: dict[str, int] = {}

    def count(response: Any) -> None:
        if response.request.resource_type in ("document", "stylesheet", "script", "fetch"):
            sizes[response.url] = len(response.body())

    page.on("response", count)
    page.goto(served[0] + ARTICLE + "?pinyin=on")
    page.locator(f"#{BLOCK} ruby.w rt").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert not any(u.endswith("words.json") for u in sizes), "the dictionary is loaded only when a word is looked up"
    assert any(u.endswith("/reading/moyu.json") for u in sizes)
    weight = sum(sizes.values())
    assert weight < PAGE_WEIGHT_LIMIT, f"{weight} bytes: {sizes}"
