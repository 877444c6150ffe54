"""The build, top-down: load -> per-article work -> site-wide checks -> pages -> render -> write.

Each stage is data in, data out; only load_* read, and only edition/write.py writes.
"""

from __future__ import annotations

import posixpath
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from edition.annotate import Lexicon, annotate
from edition.article import Replay, build_article, pairs
from edition.assemble import assemble
from edition.causes import one_cause
from edition.config import load_config
from edition.content import load_about, load_content, load_file, load_pages, stem_of
from edition.cut import cut_page
from edition.derive import SiteIndex
from edition.each import in_order
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc
from edition.export import edition_json, figures_files, robots_txt, sitemap_xml
from edition.fidelitystage import check_fidelity
from edition.figures import annotate_figures
from edition.glossary import check_papers
from edition.incremental import PageCache, render_changed
from edition.linecheck import check_line_claims
from edition.lostblock import Lost
from edition.model import Edition
from edition.numbercheck import check_numbers
from edition.overlay import Look, load_static, load_templates
from edition.pages import Page, redirects_astray, site_pages
from edition.parallel import map_forked, map_pages, render_pages
from edition.reading import load_readings, with_reading
from edition.reading_out import reading_files
from edition.render import Renderer
from edition.search import kept_search_index, search_index
from edition.tei import tei_xml
from edition.teiwrite import Keep, made_now
from edition.terms import TERMBASE, check_terms, load_termbase
from edition.textlint import lint_text
from edition.write import Files, Folder, WriteStats, write_into

Log = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    edition: Edition
    files: Files  # every file of the site (pages written as they were made are read from output/)
    stats: WriteStats | None
    warnings: tuple[Diagnostic, ...]


def build(
    root: Path,
    out_dir: Path | None = None,
    log: Log = lambda _: None,
    strict: bool = False,
    search: bool = True,
    cache: PageCache | None = None,
    in_place: bool = False,
) -> BuildResult:
    """The whole build. Pages are written into a staging folder as they are made, and
    output/ is replaced by it only once everything succeeded (``in_place``: output/ itself,
    file by file, for the dev server). With the dev server's ``cache`` only the pages whose
    fingerprint changed are rendered (edition/incremental.py)."""
    stages = Stages(log)
    # 1-3. load, per-article work, site-wide checks; the templates' problems after the content's
    look = _look(root, strict)
    edition, warnings, _ = make_edition(root, strict=strict, stages=stages, cache=cache)
    # 4. pages: every page of every view, with its data
    site = SiteIndex(edition)
    pages = site_pages(edition, site)
    redirects_astray(edition.config, pages)  # a redirect to a page that is gone: an error, before a file is written
    folder = Folder(out_dir, in_place) if out_dir is not None else None
    try:
        # 5. render, each page written as it is made
        files: dict[str, bytes | None] = dict.fromkeys(page.path for page in pages)
        # the dev server's renderer is kept while the templates and strings stay
        renderer = cache.renderer(look) if cache is not None else Renderer(*look)
        static = load_static(root)
        renderer.use_static(static)  # pages name each static file with its version
        changed = _render(pages, renderer, site, cache, folder, files)
        stages.done("render", f"{len(pages)} pages, {sum(changed)} changed")
        # 6. exports, and the other files of the site
        # (the dev server keeps the TEI's pieces whose model did not change)
        # (the sitemap lists the pages, not the redirects, which ask not to be indexed)
        listed = [page.path for page in pages if page.template != "redirect.html"]
        files |= site_files(root, edition, listed, cache.tei_keeper() if cache is not None else made_now) | static
        stages.done("export", "edition.json, figures, TEI")
        # 7. search: the Pagefind index of the rendered pages (skipped with --no-search)
        if search:
            html = {p: d for p, d in files.items() if p.endswith(".html")}
            files |= search_index(Files(html, folder.path if folder is not None else None))
            stages.done("search", f"{sum(p.startswith('pagefind/') for p in files)} index files")
        elif in_place and folder is not None:
            files |= kept_search_index(folder.path)  # the dev server keeps the index it has
        # 8. write: the rest, then output/ replaced in one move
        stats = _write(folder, files, stages)
    except BaseException:
        if folder is not None:
            folder.abort()
        raise
    if stats is not None and stats.bytes > PAGES_LIMIT:
        warnings.append(_too_big(stats))
    return BuildResult(edition, Files(files, out_dir.resolve() if out_dir else None), stats, tuple(warnings))


# GitHub Pages publishes a site of at most 1 GB (docs.github.com, "GitHub Pages limits").
PAGES_LIMIT = 1_000_000_000


def _too_big(stats: WriteStats) -> Diagnostic:
    return Diagnostic(
        Loc("output/"),
        f"the site is {stats.bytes / 1e9:.2f} GB in {stats.files} files: GitHub Pages publishes sites of at most 1 GB",
        "publish the archive as more than one site (by year, say), or on a host without that limit",
        "warning",
    )


def _look(root: Path, strict: bool) -> Look:
    """The templates and interface strings; their problems are reported after the content's."""
    try:
        return load_templates(root)
    except BuildError as exc:
        make_edition(root, strict=strict)
        raise exc from None


def site_files(root: Path, edition: Edition, pages: list[str], keep: Keep = made_now) -> dict[str, bytes | None]:
    """Every file of the site but its pages and static files: the exports (the TEI's articles
    and words asked of ``keep``), the witnesses."""
    files: dict[str, bytes | None] = {
        "edition.json": edition_json(edition),
        **figures_files(edition),  # figures.csv, figures.json
        "edition.tei.xml": tei_xml(edition, keep),
        "robots.txt": robots_txt(edition),
        **reading_files(edition),  # the words' pinyin and the dictionary, for reading.js
        # the witnesses themselves, so that every "source lines" reference can be checked
        **{p.source.path: (root / p.source.path).read_bytes() for p in edition.pages},
        ".nojekyll": b"",
    }
    files["sitemap.xml"] = sitemap_xml(edition, pages + list(files))
    return files


def _write(folder: Folder | None, files: dict[str, bytes | None], stages: Stages) -> WriteStats | None:
    """The files not written yet (the pages were, as they were made), then the swap."""
    if folder is None:
        return None
    write_into(folder, {p: d for p, d in files.items() if d is not None})
    stats = folder.finish(files.keys())
    detail = f"{stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed"
    stages.done("write", f"{detail}; {stats.files} files, {stats.bytes / 1e6:.1f} MB")
    return stats


def _render(
    pages: list[Page],
    renderer: Renderer,
    site: SiteIndex,
    cache: PageCache | None,
    folder: Folder | None,
    files: dict[str, bytes | None],
) -> list[bool]:
    """Render the pages into the folder (or, with none, into ``files``); whether each changed."""
    if folder is None:
        for page in pages:
            files[page.path] = renderer.render(page, site)
        return [True] * len(pages)
    if cache is not None:
        changed = render_changed(pages, renderer, site, cache, folder.has, folder.put)
    else:
        renderer.compile_all()  # once, before the workers fork
        changed = render_pages(pages, lambda page: renderer.render(page, site), folder.put)
    for written in changed:
        folder.count(written)
    return changed


class Stages:
    """Times each stage and prints one line per stage."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self.last = time.perf_counter()

    def done(self, name: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.log(f"{name:<10} {1000 * (now - self.last):7.1f} ms  {detail}".rstrip())
        self.last = now


def make_edition(
    root: Path,
    log: Log = lambda _: None,
    strict: bool = False,
    stages: Stages | None = None,
    cache: PageCache | None = None,
) -> tuple[Edition, list[Diagnostic], Stages]:
    """Read and check everything; raise BuildError with every problem found. With the dev
    server's ``cache``, an article whose files did not change is not worked on again."""
    stages = stages or Stages(log)
    config = load_config(root / "site.toml", root)
    pages = load_pages(root / "content", root)  # each newspaper page's settings and witness
    # the dev server parses again only the files whose bytes changed
    # (a build parses them on every core: the dev server's parser keeps what it parsed, in this process)
    parse, each = (cache.document_parser(), in_order) if cache is not None else (load_file, map_forked)
    docs, glossaries, problems = load_content(root / "content", root, parse, each)
    stages.done("load", f"{len(docs)} files")
    # The files that did not load are left out, and their problems reported with the rest.
    diags = Diagnostics()
    diags.items.extend(problems)
    unreadable = frozenset(stem_of(d.loc.path) for d in problems if d.severity == "error")
    # Per-article work: each article on its own, given the glossaries and the figure themes
    # (edition/article.py).
    lexicon_problems = Diagnostics()
    lexicon = Lexicon.of(glossaries, lexicon_problems)
    # the readings file's corrections of pypinyin; its problems are reported with the reading's
    reading_problems = Diagnostics()
    readings = load_readings(root, reading_problems)
    themes, files = config.theme_ids, pairs(docs)
    # each article's names are found with its newspaper's lexicon (本报 is that newspaper)
    papers = {info.folder: info.newspaper_zh for info, _ in pages}
    check_papers(lexicon.declared, set(papers.values()), lexicon_problems)
    by_paper = {paper: lexicon.for_paper(paper) for paper in sorted(set(papers.values()))}
    work = [(zh, en, by_paper.get(papers.get(posixpath.dirname(zh.path), ""), lexicon)) for zh, en in files]
    if cache is not None:  # the dev server: the articles whose files did not change are kept
        made = cache.article_builder(lexicon, readings)
        results = [made(zh, en, its, themes, readings) for zh, en, its in work]
    else:  # a build: every article's work, on every core
        results = map_forked(lambda each: build_article(*each, themes, readings), work)
    replay = Replay({zh.path: result for (zh, _), result in zip(files, results, strict=True)})
    # Site-wide: the articles into pages and one model, the glossaries' checks; each
    # article's problems reported as its step comes
    edition = assemble(config, docs, pages, diags, unreadable, make=replay.article)
    assembled = len(diags.items)
    lost: list[Lost] = []  # blocks lost from a Chinese text (edition/lostblock.py)
    if edition is not None:
        diags.items.extend(lexicon_problems.items)
        edition, mentions = annotate(edition, docs, lexicon, diags, find=replay.mentions)
        edition = annotate_figures(edition, docs, mentions, diags, (replay.figures, replay.checks, replay.charts))
        check_numbers(edition, docs, diags, check=replay.numbers)
        # terminology: each block pair against the termbase (content/termbase/)
        check_terms(edition, load_termbase(root, diags), TERMBASE.as_posix(), diags)
        # what the editors' notes say about source lines, against each page's witness
        for page in edition.pages:
            lines = (root / page.source.path).read_text(encoding="utf-8").split("\n")
            check_line_claims((page.front, *page.articles), lines, diags)
        # reading help: each block's words and their pinyin, kept beside the text and checked
        # against the page's list of polyphones (edition/reading.py)
        diags.items.extend(reading_problems.items)
        edition = with_reading(edition, readings, diags, made=replay.tokens)
        # the fidelity account of each page: every change to the Chinese declared
        cut, each = (cache.cutter(), in_order) if cache is not None else (cut_page, map_pages)
        lost = check_fidelity(root, edition, diags, cut, docs, each)
        lint_text(edition, diags)  # Chinese left in the English, fullwidth digits, control characters
        edition = replace(edition, about=load_about(root, diags))  # the About page's own words
    one_cause(diags, len(problems), assembled, docs, glossaries, lost)  # follow-on errors held back
    if strict:
        diags.items = [Diagnostic(d.loc, d.message, d.hint, "error") for d in diags.items]
    diags.raise_if_errors()
    if edition is None:  # no page file at all: assemble said so
        raise BuildError(diags.errors or [Diagnostic(Loc("content/"), "nothing to build", "add content files")])
    stages.done("assemble", f"{len(edition.articles)} articles")
    return edition, diags.warnings, stages
