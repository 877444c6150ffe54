"""The build of the real edition: its pages, anchors, text and edition.json."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

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
        if "2020-05-25" in p.parts or p.parent.name in ("output", "zh", "en", "zh-hant")
    ]
    # in 4 views: the home, the page's front, its 4 articles and their 4 vocabulary pages
    assert len(pages) == 4 * (1 + 1 + 4 + 4)
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
        # no one-character lines, no word broken by a wrap: no CJK character followed by a
        # newline within a text (a newline between two elements is the markup's layout)
        for node in page(out, str(path.relative_to(out))).text:
            assert not re.search(r"[\u4e00-\u9fff]\n[\u4e00-\u9fff]", node), (path, node)


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


def test_parallel_rendering_gives_the_same_bytes(root: Path, tmp_path: Path) -> None:
    from edition.derive import SiteIndex
    from edition.overlay import load_templates
    from edition.pages import site_pages
    from edition.parallel import PARALLEL_MIN, render_pages
    from edition.pipeline import make_edition
    from edition.render import Renderer
    from edition.write import Folder

    edition, _, _ = make_edition(root)
    renderer = Renderer(*load_templates(root))
    site = SiteIndex(edition)
    pages = site_pages(edition, site)
    assert len(pages) >= PARALLEL_MIN  # enough pages for the parallel path to be taken
    made = {}
    for processes in (1, 2):
        folder = Folder(tmp_path / f"out-{processes}")
        changed = render_pages(pages, lambda page: renderer.render(page, site), folder.put, processes)
        assert changed == [True] * len(pages)
        made[processes] = {p.relative_to(folder.path).as_posix(): p.read_bytes() for p in folder.path.rglob("*.html")}
    assert len(made[1]) == len(pages) and made[2] == made[1]


def test_a_template_error_in_a_rendering_worker_is_a_diagnostic(site: Path, tmp_path: Path) -> None:
    entity = site / "templates/entity.html"
    text = entity.read_text(encoding="utf-8")
    assert "{{ entity.en|en }}" in text  # (a replace that finds nothing tests nothing)
    entity.write_text(text.replace("{{ entity.en|en }}", "{{ entity.no_such_field }}", 1), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    [diag] = info.value.diagnostics
    assert diag.loc.path == "templates/entity.html" and diag.loc.line > 1
    assert "no_such_field" in diag.message


def test_an_export_failing_after_the_pages_were_written_fails_the_build_cleanly(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages are already in the staging folder when an export fails: the staging folder
    goes, output/ untouched."""
    import edition.pipeline as pipeline

    def broken(*_: object) -> bytes:
        raise RuntimeError("the TEI export broke")

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("the previous site", encoding="utf-8")
    monkeypatch.setattr(pipeline, "tei_xml", broken)
    with pytest.raises(RuntimeError, match="TEI export broke"):
        build(root, out, search=False)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert not (tmp_path / ".out.next").exists()


def test_the_articles_work_on_every_core_gives_the_same_edition_and_diagnostics(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build does each article's work in forked workers (edition/parallel.py map_forked):
    the edition, its reading and every diagnostic, in order, are those of one process. An
    English number that disagrees with the Chinese gives an error from inside a worker."""
    import edition.parallel as parallel
    from edition.pipeline import make_edition

    english = site / "content/2020-05-25/p12/04-moyu.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("the 83 poor villages", "the 84 poor villages"))

    def run(forked: bool) -> tuple[object, list[str]]:
        monkeypatch.setattr(parallel, "MAP_MIN", 1 if forked else 10**9)
        monkeypatch.setattr(parallel, "_cores", lambda: 2)
        try:
            edition, warnings, _ = make_edition(site)
        except BuildError as exc:
            return None, [str(d) for d in exc.diagnostics]
        return (edition, edition.reading.tokens), [str(d) for d in warnings]

    one, forked = run(False), run(True)
    assert one[0] is None and any("84" in line for line in one[1])  # the error is found
    assert forked == one
    english.write_text(english.read_text(encoding="utf-8").replace("the 84 poor villages", "the 83 poor villages"))
    one, forked = run(False), run(True)
    assert one[0] is not None and forked == one


def test_loading_and_the_fidelity_account_on_every_core_give_the_same_edition_and_diagnostics(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build parses the content files and cuts each page's witness in forked workers (the
    stages get the pool from the pipeline as ``each``): the files' problems (a raw tag in the
    English, found as the file is parsed) and the account's (an undeclared change to the
    Chinese) come back from the workers, in the order one process gives them."""
    import edition.parallel as parallel
    from edition.pipeline import make_edition

    english = site / "content/2020-05-25/p12/04-moyu.en.md"
    chinese = site / "content/2020-05-25/p12/04-moyu.zh.md"
    was = english.read_text(encoding="utf-8"), chinese.read_text(encoding="utf-8")
    english.write_text(was[0].replace("Since Chaoyang District", "Since <b>Chaoyang District", 1))
    text = was[1]
    body = text.index("# 携手新疆墨玉")
    chinese.write_text(text[:body] + text[body:].replace("朝阳区", "朝阳县", 1))

    pools: list[int] = []
    executor = parallel.ProcessPoolExecutor

    def pool(*args: Any, **kwargs: Any) -> Any:
        pools.append(1)
        return executor(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", pool)

    def run(forked: bool) -> list[str]:
        monkeypatch.setattr(parallel, "MAP_MIN", 1 if forked else 10**9)
        monkeypatch.setattr(parallel, "PAGES_MIN", 1 if forked else 10**9)
        monkeypatch.setattr(parallel, "_cores", lambda: 2)
        with pytest.raises(BuildError) as exc:
            make_edition(site, strict=True)  # the warnings as errors, said with them
        return [str(d) for d in exc.value.diagnostics]

    one = run(False)
    assert not pools
    assert any("<b>" in line for line in one)  # the file's warning
    assert any("朝阳县" in line or "departs" in line for line in one)  # the account's error
    assert run(True) == one
    assert len(pools) == 3  # the files, the articles, the pages' cuts
    # and a build without a mistake: the same edition (its documents as the workers parsed them), warnings
    english.write_text(was[0])
    chinese.write_text(was[1])

    def edition(forked: bool) -> tuple[object, ...]:
        monkeypatch.setattr(parallel, "MAP_MIN", 1 if forked else 10**9)
        monkeypatch.setattr(parallel, "PAGES_MIN", 1 if forked else 10**9)
        made, warnings, _ = make_edition(site)
        return made, made.reading.tokens, [str(d) for d in warnings]

    assert edition(True) == edition(False)
    assert len(pools) == 6


def test_a_bug_in_a_worker_of_the_articles_work_reaches_the_build_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An exception that cannot cross from a worker as itself crosses as its traceback's text
    (not as a pool 'terminated abruptly'); work asked for within the work runs in its process."""
    import edition.parallel as parallel

    monkeypatch.setattr(parallel, "MAP_MIN", 1)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)

    class Odd(Exception):
        def __init__(self, what: str, number: int) -> None:  # pickles without `number`
            super().__init__(what)

    def work(n: int) -> int:
        if n == 3:
            raise Odd("three", n)
        return n

    with pytest.raises(RuntimeError, match="Odd: three"):
        parallel.map_forked(work, list(range(8)))

    def full(n: int) -> int:
        if n == 5:
            raise OSError(28, "No space left on device", "output/x.html")
        return n

    with pytest.raises(OSError, match="No space left on device") as info:  # the machine's, as itself
        parallel.map_forked(full, list(range(8)))
    assert info.value.errno == 28 and info.value.filename == "output/x.html"
    assert parallel.map_forked(lambda n: parallel.map_forked(str, [n, n]), [1, 2]) == [["1", "1"], ["2", "2"]]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_edition_workers_sets_the_pool_and_a_wrong_value_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """EDITION_WORKERS=1 (a small machine, a large archive): no pool at all; a value that is
    no number of processes is one diagnostic naming the variable, not a traceback."""
    import edition.parallel as parallel

    monkeypatch.setattr(parallel, "MAP_MIN", 1)
    pools: list[int] = []
    real = parallel.ProcessPoolExecutor
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", lambda *a, **k: pools.append(1) or real(*a, **k))
    monkeypatch.setenv("EDITION_WORKERS", "1")
    assert parallel.map_forked(str, [1, 2, 3]) == ["1", "2", "3"] and not pools
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _pid: {0, 1})
    monkeypatch.setenv("EDITION_WORKERS", "2")
    assert parallel.map_forked(str, [1, 2, 3]) == ["1", "2", "3"] and pools
    for wrong in ("two", "0", "-1", "²", "3", "80"):
        monkeypatch.setenv("EDITION_WORKERS", wrong)
        with pytest.raises(BuildError) as info:
            parallel.map_forked(str, [1, 2, 3])
        [diag] = info.value.diagnostics
        assert diag.loc.path == "EDITION_WORKERS" and repr(wrong) in diag.message


def test_a_worker_killed_for_lack_of_memory_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker the system kills (the OOM killer) ends the build with one diagnostic that says
    what most likely happened and how to build in one process, not a traceback."""
    import os
    import signal

    import edition.parallel as parallel

    monkeypatch.setattr(parallel, "MAP_MIN", 1)
    monkeypatch.setattr(parallel, "_cores", lambda: 2)

    def work(n: int) -> int:
        if n == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(BuildError) as info:
        parallel.map_forked(work, list(range(8)))
    [diag] = info.value.diagnostics
    assert "was killed" in diag.message and "EDITION_WORKERS=1" in diag.hint


def test_no_template_indents_a_tag_inside_pre() -> None:
    """A rendered page loses the spaces that indent a line before a tag (edition/render.py):
    inside <pre> they would be text, so no template may put them there."""
    for template in sorted((Path(__file__).parent.parent / "templates").glob("*.html")):
        for pre in re.findall(r"<pre\b.*?</pre>", template.read_text(encoding="utf-8"), flags=re.S):
            assert not re.search(r"\n[ \t]+<", pre), (template.name, pre)
