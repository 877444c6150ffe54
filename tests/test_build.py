"""The build of the real edition: its pages, anchors, text and edition.json."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from edition.errors import BuildError
from edition.pipeline import BuildResult, build

Built = tuple[BuildResult, Path]


class Page(HTMLParser):
    """Ids, text by language, and links of one page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(out: Path, path: str) -> Page:
    return Page((out / path).read_text(encoding="utf-8"))


def test_pages_exist(built: Built) -> None:
    _, out = built
    for view in ("", "zh/", "en/", "zh-hant/"):
        assert (out / view / "index.html").is_file()
        assert (out / view / "about/index.html").is_file()
        for article in ("paired-assistance", "urban-renewal", "business-support", "moyu"):
            assert (out / view / "articles" / article / "index.html").is_file()
    assert (out / "edition.json").is_file() and (out / ".nojekyll").is_file() and (out / "404.html").is_file()


def test_four_articles_in_reading_order(built: Built) -> None:
    result, out = built
    assert [a.id for a in result.edition.articles] == ["paired-assistance", "urban-renewal", "business-support", "moyu"]
    home = (out / "index.html").read_text(encoding="utf-8")
    positions = [home.index(f'id="{a}"') for a in ("paired-assistance", "urban-renewal", "business-support", "moyu")]
    assert positions == sorted(positions)
    assert home.index('id="page-h1"') < positions[0]
    assert "北京朝阳区：防疫复工不松劲 决胜脱贫正当时" in "".join(page(out, "index.html").text)


def test_every_block_has_its_anchor_on_its_page(built: Built) -> None:
    result, out = built
    for article in result.edition.articles:
        ids = page(out, f"{article.url}index.html").ids
        for block in article.blocks:
            assert block.id in ids
        assert len(set(ids)) == len(ids), "duplicate id on a page"
    home_ids = page(out, "index.html").ids
    assert all(b.id in home_ids for p in result.edition.pages for b in p.front.blocks)


def test_block_ids_are_stable(built: Built) -> None:
    result, _ = built
    moyu = next(a for a in result.edition.articles if a.id == "moyu")
    assert [b.id for b in moyu.blocks[:4]] == ["moyu-h1", "moyu-p1", "moyu-p2", "moyu-s1"]


def test_no_extraction_artifact_reaches_the_reader(built: Built) -> None:
    _, out = built
    pages = [
        p
        for p in out.rglob("index.html")
        if "articles" in p.parts or p.parent.name in ("output", "zh", "en", "zh-hant")
    ]
    assert len(pages) == 20
    for path in pages:
        text = "".join(page(out, str(path.relative_to(out))).text)
        assert "\U001001b0" not in text
        for doubled in (
            "VisionVision",
            "REFORMCHINA",
            "DAILYDAILY",
            "提升城市品质提升城市品质",
            "主动担当积极作为主动担当",
        ):
            assert doubled not in text, (path, doubled)
        # no one-character lines, no word broken by a wrap: no CJK character followed by a newline
        assert not re.search(r"[\u4e00-\u9fff]\n[\u4e00-\u9fff]", text), path


def test_zh_text_reads_as_clean_chinese(built: Built) -> None:
    _, out = built
    text = "".join(page(out, "zh/2020-05-25/p12/paired-assistance/index.html").text)
    assert "投入区级财政资金2.86亿元，年均增长7327万元" in text
    assert "脱贫攻坚 责无旁贷" in text


def test_edition_json_contract(built: Built) -> None:
    _, out = built
    data = json.loads((out / "edition.json").read_text(encoding="utf-8"))
    assert set(data) >= {"edition", "source", "page", "articles", "entities", "figures", "photos", "notes"}
    assert data["edition"]["date"] == "2020-05-25" and data["edition"]["page"] == 12
    assert set(data["edition"]["title"]) == {"zh", "en"}
    assert data["source"] == {
        "path": "source/china-reform-daily-2020-05-25-p12.txt",
        "sha256": "77cd7a967a99088f857e8cf0bd5bbc8e756473205593c3182725549ef53d4151",
        "lines": 841,
    }
    kinds = {b["kind"] for b in data["page"]["blocks"]}
    assert {"masthead", "headline", "standfirst", "caption", "credit", "footer"} <= kinds
    assert [a["order"] for a in data["articles"]] == [1, 2, 3, 4]
    for article in data["articles"]:
        assert set(article) >= {"id", "order", "title", "url", "blocks"}
        assert (out / article["url"] / "index.html").is_file()
        for block in article["blocks"]:
            assert set(block) >= {"id", "kind", "zh", "en", "source_lines"}
            first, last = block["source_lines"]
            assert 1 <= first <= last <= 841
            assert block["zh"] and block["en"], block["id"]


def test_two_builds_are_byte_identical(tmp_path: Path, root: Path) -> None:
    first = build(root, tmp_path / "a").files
    second = build(root, tmp_path / "b").files
    assert first == second
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b


def test_a_failed_build_leaves_output_untouched(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    build(site, out, search=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (site / "content/2020-05-25/p12/04-moyu.zh.md").write_text("---\nid: [broken\n---\n", encoding="utf-8")
    with pytest.raises(BuildError):
        build(site, out, search=False)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_rebuild_rewrites_only_changed_files(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    build(site, out, search=False)
    second = build(site, out, search=False)
    assert second.stats is not None and second.stats.written == 0


def test_parallel_rendering_gives_the_same_bytes(root: Path) -> None:
    from edition.pipeline import make_edition
    from edition.render import Renderer, load_templates, render_site

    edition, _, _ = make_edition(root)
    templates, strings = load_templates(root / "templates", root)
    serial = render_site(edition, Renderer(templates, strings, "templates"), processes=1)
    parallel = render_site(edition, Renderer(templates, strings, "templates"), processes=2)
    assert len(serial) > 400  # enough pages for the parallel path to be taken
    assert list(parallel) == list(serial) and parallel == serial


def test_a_template_error_in_a_rendering_worker_is_a_diagnostic(site: Path, tmp_path: Path) -> None:
    entity = site / "templates/entity.html"
    entity.write_text(
        entity.read_text(encoding="utf-8").replace("{{ entity.en }}", "{{ entity.no_such_field }}", 1), encoding="utf-8"
    )
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    [diag] = info.value.diagnostics
    assert diag.loc.path == "templates/entity.html" and diag.loc.line > 1
    assert "no_such_field" in diag.message


def test_worker_runs_cover_every_page_once_traditional_view_first(root: Path) -> None:
    """The zh-Hant view's pages go to one worker as one run (it alone loads OpenCC)."""
    from edition.derive import SiteIndex
    from edition.pipeline import make_edition
    from edition.render import Renderer, _slices, load_templates, plan_pages

    edition, _, _ = make_edition(root)
    templates, strings = load_templates(root / "templates", root)
    jobs = plan_pages(edition, SiteIndex(edition), Renderer(templates, strings, "templates"))
    runs = _slices(jobs, 2)
    covered = sorted(n for start, stop in runs for n in range(start, stop))
    assert covered == list(range(len(jobs)))
    start, stop = runs[0]
    assert {jobs[n].view.code for n in range(start, stop)} == {"zh-hant"}
    assert sum(job.view.code == "zh-hant" for job in jobs) == stop - start


def test_a_build_without_cache_plans_the_same_pages_without_fingerprints(root: Path) -> None:
    from edition.derive import SiteIndex
    from edition.pipeline import make_edition
    from edition.render import Renderer, load_templates, plan_pages

    edition, _, _ = make_edition(root)
    templates, strings = load_templates(root / "templates", root)
    renderer = Renderer(templates, strings, "templates")
    keyed = plan_pages(edition, SiteIndex(edition), renderer)
    plain = plan_pages(edition, SiteIndex(edition), renderer, keyed=False)
    assert [(j.output, j.template) for j in plain] == [(j.output, j.template) for j in keyed]
    assert all(j.key is None for j in plain)
    assert sum(j.key is not None for j in keyed) == len(keyed)


def test_an_export_written_in_pieces_replaces_only_a_changed_file(tmp_path: Path) -> None:
    from edition.write import Folder

    out = tmp_path / "out"
    out.mkdir()
    (out / "edition.json").write_text("[1]\n", encoding="utf-8")
    folder = Folder(out)
    assert folder.put_pieces("edition.json", iter(["[", "1", "]\n"])) is False  # the same bytes: kept
    assert folder.put_pieces("figures.json", iter(["[", "朝阳", "]\n"])) is True

    def failing() -> Iterator[str]:
        yield "["
        raise RuntimeError("an export failed halfway")

    with pytest.raises(RuntimeError):
        folder.put_pieces("edition.tei.xml", failing())
    assert not any(p.name.endswith(".tmp") for p in folder.path.rglob("*"))  # no half-written file left
    stats = folder.finish(["edition.json", "figures.json"])
    assert (out / "figures.json").read_text(encoding="utf-8") == "[朝阳]\n"
    assert (out / "edition.json").read_text(encoding="utf-8") == "[1]\n" and not (out / "edition.tei.xml").exists()
    assert stats.removed == 0


def test_an_export_failing_while_the_workers_render_fails_the_build_cleanly(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exports are made in a thread while the pages render (edition/render.py); what
    it raises is the build's error, and the staging folder goes, output/ untouched."""
    import edition.pipeline as pipeline

    def broken(*_: object) -> Iterator[str]:
        yield "<?xml"
        raise RuntimeError("the TEI export broke")

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("the previous site", encoding="utf-8")
    monkeypatch.setattr(pipeline, "tei_pieces", broken)
    with pytest.raises(RuntimeError, match="TEI export broke"):
        build(root, out, search=False)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert not (tmp_path / ".out.next").exists()
