"""The dev server renders again only the pages whose fingerprint changed (edition/incremental.py),
and its output is byte for byte a clean build's."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.errors import BuildError
from edition.pipeline import build
from edition.serve import Preview


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    # an article's Chinese, corrected and declared (the translation is then outdated)
    "article": lambda s: (
        append(
            s / "content/2020-05-25/p12/04-moyu.zh.md",
            "blocks:  #",
            "emendations:\n- {block: p2, source: 举全区, reading: 举全区全部, reason: test}\nblocks:  #",
        )
        or append(s / "content/2020-05-25/p12/04-moyu.zh.md", "继续举全区之力", "继续举全区全部之力")
    ),
    "translation": lambda s: append(
        s / "content/2020-05-25/p12/02-urban-renewal.en.md", "Wenyu River Park", "the Wenyu River Park"
    ),
    "glossary": lambda s: append(
        s / "content/entities.yaml", "Head (区长) of Chaoyang District", "The head (区长) of Chaoyang District"
    ),
    "template": lambda s: append(
        s / "templates/article.html", '<article class="article"', '<article class="article edited"'
    ),
    "static": lambda s: append(
        s / "static/edition.css", "/* The edition's stylesheet", "/* Edited. The edition's stylesheet"
    ),
    "site.toml": lambda s: append(
        s / "site.toml", 'editors = "The edition team"', 'editors = "The edition team (Chaoyang)"'
    ),
    # the About page's own words
    "about.md": lambda s: append(s / "content/about.md", "## How names are written", "## How the edition writes names"),
    # a figure theme's Chinese name ([[figures.themes]]): the appendix's Chinese views change
    "theme name": lambda s: append(s / "site.toml", 'name_zh = "资金"', 'name_zh = "资金投入"'),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_dev_server_rebuild_equals_a_clean_build(site: Path, tmp_path: Path, kind: str) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert not preview.errors
    EDITS[kind](site)
    preview.rebuild()
    assert not preview.errors, preview.errors
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    warm, cold = tree(site / "output"), tree(clean)
    stale = sorted(name for name in set(warm) | set(cold) if warm.get(name) != cold.get(name))
    assert not stale, (
        f"{len(stale)} of {len(cold)} files differ from a clean build after the edit, e.g. {stale[:5]}: does a"
        " template read the site other than through a lookup of render.site_lookups (README, 'one rule for templates')?"
    )


def test_an_article_kept_by_the_cache_is_checked_against_the_themes_declared_now(site: Path) -> None:
    """An article's result depends on site.toml's theme ids: a theme withdrawn from site.toml
    is an error in the article that still names it, though its files did not change."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    append(
        site / "site.toml",
        'id = "time"\nname_en = "time"\nname_zh = "时间"',
        'id = "duration"\nname_en = "duration"\nname_zh = "时长"',
    )
    preview.rebuild()
    assert any("unknown theme 'time'" in str(e) for e in preview.errors), preview.errors


def test_an_edit_renders_only_the_pages_it_touches(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    before = tree(site / "output")
    EDITS["translation"](site)
    preview.rebuild()
    after = tree(site / "output")
    changed = {p for p in after if after[p] != before.get(p)}
    # the urban-renewal pages (4 views) and the pages that show that passage: home, entity
    # pages quoting it, the figures appendix does not change; search and exports do.
    assert "2020-05-25/p12/urban-renewal/index.html" in changed
    assert "2020-05-25/p12/moyu/index.html" not in changed
    assert "entity/wang-hao/index.html" not in changed
    # rendered again, in each view: the article's page, its newspaper page's front (here the
    # home too), the about page (which shows the whole edition), and those of the names it
    # mentions (their mentions' English positions moved): about 50 of some 560
    assert 12 <= preview.cache.rendered <= 60, preview.cache.rendered


def test_a_rebuild_without_a_change_renders_nothing(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert preview.cache.rendered > 500
    preview.rebuild()
    assert preview.cache.rendered == 0


def test_a_page_whose_file_went_missing_is_rendered_again(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    page = site / "output/en/2020-05-25/p12/moyu/index.html"
    made = page.read_bytes()
    page.unlink()
    preview.rebuild()
    assert preview.cache.rendered == 1 and page.read_bytes() == made


def test_a_failed_rebuild_keeps_the_server_and_its_cache(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    good = tree(site / "output")
    (site / "content/2020-05-25/p12/04-moyu.zh.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    preview.rebuild()
    assert preview.errors and "content/2020-05-25/p12/04-moyu.zh.md:3" in preview.errors[0]
    assert tree(site / "output") == good
    page = b"".join(preview.app({"PATH_INFO": "/2020-05-25/p12/moyu/"}, lambda *_: None))
    assert b"Build failed" in page and b"content/2020-05-25/p12/04-moyu.zh.md:3" in page
    with pytest.raises(BuildError):
        build(site, None, search=False)


def test_the_server_serves_nothing_outside_output(site: Path) -> None:
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert preview.resolve("/../site.toml") is None
    assert preview.resolve("/%2e%2e/site.toml") is None
    assert preview.resolve("/2020-05-25/p12/moyu/") is not None
    status: list[str] = []
    body = b"".join(preview.app({"PATH_INFO": "/../../etc/passwd"}, lambda s, h: status.append(s)))
    assert status == ["404 Not Found"] and b"root:" not in body


def test_an_edit_works_on_the_edited_article_only(site: Path) -> None:
    """ArticleResults are kept by content hash: one translation edited, one article made again."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    articles = preview.cache.articles.made
    assert articles >= 5  # every article and every page's front, the first time
    EDITS["translation"](site)
    preview.rebuild()
    assert preview.cache.articles.made == 1
    EDITS["glossary"](site)  # the glossaries are every article's input
    preview.rebuild()
    assert preview.cache.articles.made == articles
    assert not preview.errors


def test_an_edit_makes_again_only_its_articles_tei(site: Path) -> None:
    """The TEI's articles and words are kept as text under what each is made from: a
    translation edited, its article's division is made again and nothing else (its words are
    the Chinese's); a Chinese word changed, its division and its block's words. The output
    equals a clean build's (test_dev_server_rebuild_equals_a_clean_build)."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert preview.cache.tei.made > 50  # every article's division and every block's words
    EDITS["translation"](site)
    preview.rebuild()
    assert preview.cache.tei.made == 1
    EDITS["article"](site)
    preview.rebuild()
    assert preview.cache.tei.made == 2 and not preview.errors


def test_a_kept_article_reports_its_problems_again(site: Path) -> None:
    """An article kept from the last build reports its problems as if made anew."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    path = site / "content/2020-05-25/p12/03-business-support.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\b(\d\d)\b", lambda m: str(int(m[1]) + 1), text, count=1), encoding="utf-8")
    preview.rebuild()
    broken = list(preview.errors)
    assert broken and "business-support-p2" in broken[0]
    EDITS["translation"](site)  # another article: the broken one is kept
    preview.rebuild()
    assert preview.cache.articles.made == 1
    assert preview.errors == broken


def test_a_comment_in_the_readings_file_makes_no_article_again(site: Path, tmp_path: Path) -> None:
    """An article's work is kept under the overrides it reads, not under the file's lines,
    checks or reasons; a new override makes every article again."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    readings = site / "content/reading/readings.yaml"
    readings.write_text("# a note for the editors\n" + readings.read_text(encoding="utf-8"), encoding="utf-8")
    preview.rebuild()
    assert preview.cache.articles.made == 0 and not preview.errors
    text = readings.read_text(encoding="utf-8")
    readings.write_text(text.replace("overrides:\n", "overrides:\n  - {word: 朝阳, pinyin: cháoyáng}\n", 1))
    preview.rebuild()
    assert preview.cache.articles.made > 1 and not preview.errors
    build(site, tmp_path / "clean", search=False)
    assert tree(site / "output") == tree(tmp_path / "clean")


def test_an_edit_on_one_page_of_an_archive_leaves_the_other_pages_fronts(tmp_path: Path) -> None:
    """A page's front shows its own articles only, and the archive's home its dates and pages:
    an edit of an article's text renders again neither another page's front nor the home (a
    front that held the whole edition was rendered again, in every view, after every edit)."""
    from tests.test_golden import _fixture_site

    site = _fixture_site(tmp_path / "site")
    preview = Preview(site, site / "output")
    preview.rebuild()
    before = dict(preview.cache.records)
    append(site / "content/2021-01-04/p01/01-parks.en.md", "5 more parks", "5 more new parks")
    preview.rebuild()
    assert not preview.errors, preview.errors
    after = preview.cache.records
    redone = {path for path, record in after.items() if record.fingerprint != before[path].fingerprint}
    assert "2021-01-04/p01/parks/index.html" in redone and "2021-01-04/p01/index.html" in redone
    for view in ("", "zh/", "en/", "zh-hant/"):
        assert f"{view}2021-01-05/p02/index.html" not in redone
        assert f"{view}index.html" not in redone
    build(site, tmp_path / "clean", search=False)
    assert tree(site / "output") == tree(tmp_path / "clean")


@pytest.mark.parametrize("cores", [1, 2])
def test_the_dev_server_forked_or_not_keeps_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    """The dev server's pages are fingerprinted and rendered in the fork pool of a build: in
    one process or two, the same pages are rendered again after an edit, with the same
    records, and the output is a clean build's."""
    from edition import parallel
    from tests.test_golden import _fixture_site

    monkeypatch.setattr(parallel, "_cores", lambda: cores)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)  # the fixture's few pages forked too
    pools: list[int] = []
    real = parallel.ProcessPoolExecutor
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: pools.append(1) or real(*a, **k))
    site = _fixture_site(tmp_path / "site")
    preview = Preview(site, site / "output")
    preview.rebuild()
    first = dict(preview.cache.records)
    assert preview.cache.rendered == len(first)
    append(site / "content/2021-01-05/p02/01-relief.en.md", "Staff report", "Staff report (edited)")
    preview.rebuild()
    assert not preview.errors, preview.errors
    redone = sorted(p for p, r in preview.cache.records.items() if r != first[p])
    assert preview.cache.rendered == len(redone) and "2021-01-05/p02/relief/index.html" in redone
    assert all(r == first[p] for p, r in preview.cache.records.items() if p not in redone)
    assert bool(pools) == (cores == 2)
    build(site, tmp_path / "clean", search=False)
    assert tree(site / "output") == tree(tmp_path / "clean")


def test_an_edit_parses_only_the_edited_file_and_a_kept_one_reports_its_problems(site: Path) -> None:
    """Content files are kept as parsed by their bytes: one file edited, one parsed again; a
    kept file's warnings are reported again, as if it were parsed anew."""
    from edition.incremental import PageCache

    moyu = site / "content/2020-05-25/p12/04-moyu.en.md"
    moyu.write_bytes(b"\xef\xbb\xbf" + moyu.read_bytes())  # a byte-order mark: a warning
    cache = PageCache()
    first = build(site, site / "output", search=False, cache=cache, in_place=True)
    assert cache.documents.made >= 10
    bom = [w for w in first.warnings if "byte-order mark" in w.message]
    assert [w.loc.path for w in bom] == ["content/2020-05-25/p12/04-moyu.en.md"]
    EDITS["translation"](site)
    again = build(site, site / "output", search=False, cache=cache, in_place=True)
    assert cache.documents.made == 1
    assert [w for w in again.warnings if "byte-order mark" in w.message] == bom
    build(site, site / "clean", search=False)
    assert tree(site / "output") == tree(site / "clean")


def test_the_fidelity_account_keeps_the_cut_of_an_unchanged_witness(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dev server cuts a page's witness again only if its lines or its layout changed;
    the account still finds an undeclared change to the Chinese after an edit."""
    from edition import incremental

    cuts: list[int] = []
    real = incremental.cut_page
    monkeypatch.setattr(incremental, "cut_page", lambda lines, layout: cuts.append(1) or real(lines, layout))
    preview = Preview(site, site / "output")
    preview.rebuild()
    assert len(cuts) == 1 and not preview.errors
    EDITS["translation"](site)
    preview.rebuild()
    assert len(cuts) == 1 and not preview.errors
    append(site / "content/2020-05-25/p12/04-moyu.zh.md", "继续举全区之力", "继续举全区全部之力")
    preview.rebuild()
    assert len(cuts) == 1
    assert any("departs" in e for e in preview.errors), preview.errors
    # a changed layout is cut again (here its page's title: the cut's files carry it)
    append(site / "content/2020-05-25/p12/layout.yaml", "title: 北京朝阳区：", "title: 北京市朝阳区：")
    preview.rebuild()
    assert len(cuts) == 2
    # and a changed witness (a line added at its end, its SHA-256 recorded anew)
    import hashlib

    witness = site / "source/china-reform-daily-2020-05-25-p12.txt"
    old_sha = hashlib.sha256(witness.read_bytes()).hexdigest()
    witness.write_bytes(witness.read_bytes() + "（完）\n".encode())
    append(site / "content/2020-05-25/p12/page.toml", old_sha, hashlib.sha256(witness.read_bytes()).hexdigest())
    preview.rebuild()
    assert len(cuts) == 3


@pytest.mark.parametrize("cores", [1, 2])
def test_a_render_that_failed_leaves_no_page_stale_after_an_undo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    """A template's mistake found while the pages render: the pages rendered before it were
    written. Undoing the mistake must bring them back, though their fingerprints are the
    previous build's again (found by review: the kept records left them stale)."""
    from edition import parallel
    from tests.test_golden import _fixture_site

    monkeypatch.setattr(parallel, "_cores", lambda: cores)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    site = _fixture_site(tmp_path / "site")
    # the site's own article template (a copy of the generator's, which it overrides)
    article = site / "templates/article.html"
    article.parent.mkdir()
    good = (Path(__file__).resolve().parent.parent / "templates/article.html").read_text(encoding="utf-8")
    article.write_text(good, encoding="utf-8")
    preview = Preview(site, site / "output")
    preview.rebuild()
    broken = '<article class="article edited"{% if article.id == "relief" %}{{ no_such_name }}{% endif %}'
    article.write_text(good.replace('<article class="article"', broken, 1), encoding="utf-8")
    preview.rebuild()
    assert preview.errors and any("no_such_name" in e for e in preview.errors), preview.errors
    article.write_text(good, encoding="utf-8")
    preview.rebuild()
    assert not preview.errors, preview.errors
    build(site, tmp_path / "clean", search=False)
    assert tree(site / "output") == tree(tmp_path / "clean")


def test_a_link_to_a_content_file_is_parsed_under_its_own_name(site: Path) -> None:
    """A file's parse is kept under its own name too, which says its language: a link named
    notes.md to an article's file is the clean build's 'name not understood', not a kept
    parse of its target (found by review: the name the key used follows the link)."""
    preview = Preview(site, site / "output")
    preview.rebuild()
    folder = site / "content/2020-05-25/p12"
    (folder / "notes.md").symlink_to(folder / "04-moyu.zh.md")
    preview.rebuild()
    with pytest.raises(BuildError) as clean:
        build(site, None, search=False)
    assert preview.errors == [str(d) for d in clean.value.diagnostics]
    assert any("content file name not understood" in e for e in preview.errors), preview.errors


TWO_EDITS = (
    ("content/2020-05-25/p12/02-urban-renewal.en.md", "Wenyu River Park", "the Wenyu River Park", "urban"),
    ("content/2020-05-25/p12/04-moyu.en.md", "racing against time", "racing against the clock", "moyu"),
)


def test_an_edit_digests_again_only_the_model_it_made_anew(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's digests are kept with its objects (model.IMMUTABLE): after each of two
    translation edits the only blocks digested again are the edited article's (one process,
    where every digest is seen)."""
    from edition import incremental, parallel
    from edition.model import Block

    monkeypatch.setattr(parallel, "_cores", lambda: 1)
    preview = Preview(site, site / "output")
    preview.rebuild()
    digested: list[str] = []
    made = incremental._Digests._made

    def counting(self: incremental._Digests, value: object) -> str:
        if isinstance(value, Block):
            digested.append(value.id)
        return made(self, value)

    monkeypatch.setattr(incremental._Digests, "_made", counting)
    for path, old, new, article in TWO_EDITS:
        digested.clear()
        append(site / path, old, new)
        preview.rebuild()
        assert not preview.errors
        assert digested, "the edited article's blocks are new objects: digested again"
        assert {block.split("-")[0] for block in digested} == {article}, sorted(digested)


def test_forked_the_model_s_digests_are_still_kept_after_an_edit(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the pages in forked workers, the build's own process keeps the digest of every
    block of the edition for the next build, edit after edit (found by review: the blocks
    of an article whose digest was kept were forgotten after one build, and the workers
    digested them all again)."""
    import multiprocessing

    from edition import parallel
    from edition.model import Block

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this system: the pages are never in forked workers")
    monkeypatch.setattr(parallel, "_cores", lambda: 2)  # the pages in forked workers,
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)  # however few they are
    preview = Preview(site, site / "output")
    preview.rebuild()
    before = [e[0] for e in preview.cache.model.values() if isinstance(e[0], Block)]
    for path, old, new, article in TWO_EDITS:
        append(site / path, old, new)
        preview.rebuild()
        assert not preview.errors
        blocks = {b.id for a in build(site, None, search=False).edition.all_articles for b in a.blocks}
        kept = [e[0] for e in preview.cache.model.values() if isinstance(e[0], Block)]
        assert {b.id for b in kept} == blocks  # type: ignore[attr-defined]
        # the same objects as the last build's, but the edited article's
        anew = {b.id for b in kept if not any(b is was for was in before)}  # type: ignore[attr-defined]
        assert {b.split("-")[0] for b in anew} == {article}, anew
        before = kept


def test_the_lasting_classes_are_immutable_all_the_way_down() -> None:
    """An IMMUTABLE object's digest is kept for its life: it must not be able to change. Each is
    a frozen dataclass whose fields hold only text, numbers, tuples, frozensets and each other."""
    import dataclasses
    import typing

    from edition.model import IMMUTABLE

    names = {cls.__name__ for cls in IMMUTABLE}
    allowed = names | {"str", "int", "float", "bool", "None", "tuple", "frozenset", "Ellipsis"}
    for cls in IMMUTABLE:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        for name, hint in typing.get_type_hints(cls).items():
            words = set(re.findall(r"[A-Za-z_]+", str(hint).replace("typing.", "")))
            words -= {"edition", "model", "errors", "config", "class", "NoneType"}
            assert words <= allowed, f"{cls.__name__}.{name}: {hint}"


def test_the_model_objects_hold_only_immutable_values(built: tuple[object, Path]) -> None:
    """The same rule as above, on the values themselves: every IMMUTABLE object reachable from
    the real edition holds only text, numbers, None, tuples, frozensets and IMMUTABLE objects
    (an annotation says what a field should hold, not what it was given)."""
    import dataclasses

    from edition.model import IMMUTABLE

    edition = built[0].edition  # type: ignore[attr-defined]
    plain = (str, int, float, bool, type(None))

    def allowed(value: object) -> bool:
        if isinstance(value, tuple | frozenset):
            return all(allowed(v) for v in value)
        return isinstance(value, plain) or type(value) in IMMUTABLE

    todo: list[object] = [edition.pages, edition.articles, edition.entities, edition.figures, edition.checks]
    todo += [edition.charts, edition.photos]
    seen: set[int] = set()
    while todo:
        value = todo.pop()
        if id(value) in seen or isinstance(value, plain):
            continue
        seen.add(id(value))
        if isinstance(value, tuple | frozenset):
            todo.extend(value)
        else:
            assert type(value) in IMMUTABLE, type(value)
            for f in dataclasses.fields(value):  # type: ignore[arg-type]
                held = getattr(value, f.name)
                assert allowed(held), f"{type(value).__name__}.{f.name} holds {type(held).__name__}"
                todo.append(held)
    assert len(seen) > 800


def test_the_glossaries_are_kept_as_parsed_like_the_markdown(site: Path) -> None:
    """The glossaries (80 KB of YAML, read with the line of every key) were parsed again on
    every save: most of an edit's 'load' stage on the real edition (48 → 10 ms)."""
    from edition.incremental import PageCache

    pages = list((site / "content").glob("*/p*/*.md"))
    glossaries = list((site / "content").glob("*.yaml"))
    assert len(pages) == 10 and len(glossaries) == 2
    cache = PageCache()
    build(site, site / "output", search=False, cache=cache, in_place=True)
    assert cache.documents.made == len(pages) + len(glossaries)
    EDITS["glossary"](site)
    build(site, site / "output", search=False, cache=cache, in_place=True)
    assert cache.documents.made == 1
    build(site, site / "clean", search=False)
    assert tree(site / "output") == tree(site / "clean")
