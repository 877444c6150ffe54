"""The build, top-down. Each stage is data in, data out; only load_* read, and only edition/write.py writes."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from edition.annotate import annotate
from edition.assemble import assemble
from edition.cache import BuildCache, digest
from edition.causes import one_cause
from edition.config import load_config
from edition.content import Glossary, load_content, load_pages, stem_of
from edition.derive import SiteIndex
from edition.droppings import is_dropping
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc
from edition.export import edition_json_pieces, figures_csv_pieces, figures_json_pieces, robots_txt, sitemap_xml
from edition.fidelitystage import check_fidelity
from edition.figures import annotate_figures
from edition.linecheck import check_line_claims
from edition.memo import Memo
from edition.model import Edition
from edition.numbercheck import check_numbers
from edition.precompile import Precompiling
from edition.precompile import use as use_compiled
from edition.quick import Snapshot
from edition.render import Renderer, load_templates, render_site
from edition.search import kept_search_index, search_index
from edition.tei import tei_pieces
from edition.terms import TERMBASE, check_terms, load_termbase
from edition.textlint import lint_text
from edition.write import Files, Folder, WriteStats, write_into, write_output


@dataclass(frozen=True)
class BuildResult:
    edition: Edition
    files: Files  # every file of the site (pages not held in memory are read from output/)
    stats: WriteStats | None
    warnings: tuple[Diagnostic, ...]


Log = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


class Stages:
    """Times each stage and prints one line per stage."""

    def __init__(self, log: Log) -> None:
        self.log = log
        self.start = time.perf_counter()
        self.last = self.start

    def done(self, name: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.log(f"{name:<10} {1000 * (now - self.last):7.1f} ms  {detail}".rstrip())
        self.last = now


def load_static(static_dir: Path) -> dict[str, bytes]:
    if not static_dir.is_dir():
        return {}
    return {
        "static/" + p.relative_to(static_dir).as_posix(): p.read_bytes()
        for p in sorted(static_dir.rglob("*"))
        if p.is_file() and not is_dropping(p)
    }


def _memo(cache: BuildCache | None) -> Memo:
    """The dev server's memo (kept from build to build), or one that keeps nothing."""
    return cache.memo if cache is not None else Memo(keep=False)


def make_edition(
    root: Path, log: Log = _quiet, strict: bool = False, cache: BuildCache | None = None
) -> tuple[Edition, list[Diagnostic], Stages]:
    """Read and check everything; raise BuildError with every problem found."""
    edition, warnings, stages, _ = _make_edition(root, log, strict, cache)
    return edition, warnings, stages


def _make_edition(
    root: Path, log: Log, strict: bool, cache: BuildCache | None
) -> tuple[Edition, list[Diagnostic], Stages, tuple[Glossary, ...]]:
    stages = Stages(log)
    # 1. config: site.toml as a schema
    config = load_config(root / "site.toml", root)
    # 2. load: each newspaper page's settings and witness, and every content file, parsed
    pages = load_pages(root / "content", root)
    docs, glossaries, problems = load_content(root / "content", root, cache)
    stages.done("load", f"{len(docs)} files")
    # 3. assemble: pair translations, resolve front matter, cross-check, one model; the
    #    files that did not load are left out, and their problems reported with the rest
    diags = Diagnostics()
    diags.items.extend(problems)
    unreadable = frozenset(stem_of(d.loc.path) for d in problems if d.severity == "error")
    # Per-article work is kept in the cache's memo (the dev server's): an edit redoes one article.
    memo = _memo(cache)
    memo.new_build()
    edition = assemble(config, docs, pages, diags, unreadable, memo)
    assembled = len(diags.items)
    if edition is not None:
        # 4. annotate: entities from the glossaries, found in the text (standoff)
        edition, mentions = annotate(edition, docs, glossaries, diags, memo)
        # 5. figures: every quantity, labelled; the page's arithmetic checked; numbers of
        #    each translation checked against its Chinese
        edition = annotate_figures(edition, docs, mentions, diags, memo)
        check_numbers(edition, docs, diags, memo)
        # 5b. terminology: each block pair against the termbase (content/termbase/), its twin
        check_terms(edition, load_termbase(root, diags, cache), TERMBASE.as_posix(), diags)
        # 5c. what the editors' notes say about source lines, against each page's witness
        for page in edition.pages:
            lines = (root / page.source.path).read_text(encoding="utf-8").split("\n")
            check_line_claims((page.front, *page.articles), lines, diags)
        # 5d. the fidelity account of each page: every change to the Chinese declared
        check_fidelity(root, edition, diags)
        lint_text(edition, diags)  # Chinese left in the English, fullwidth digits, control characters
    one_cause(diags, len(problems), assembled, docs, glossaries, memo)  # follow-on errors held back
    if strict:
        diags.items = [Diagnostic(d.loc, d.message, d.hint, "error") for d in diags.items]
    diags.raise_if_errors()
    if edition is None:  # no page file at all: assemble said so
        raise BuildError(diags.errors or [Diagnostic(Loc("content/"), "nothing to build", "add content files")])
    stages.done("assemble", f"{len(edition.articles)} articles")
    return edition, diags.warnings, stages, tuple(glossaries)


def build(
    root: Path,
    out_dir: Path | None = None,
    log: Log = _quiet,
    strict: bool = False,
    search: bool = True,
    cache: BuildCache | None = None,
    in_place: bool = False,
) -> BuildResult:
    """The whole build: check, render (into a staging folder as the pages are made), export,
    then replace output/ in one move.

    With a cache (the dev server's, or .cache/ for the command line) unchanged files are
    not parsed again and pages whose inputs did not change are not rendered again.
    ``in_place`` writes changed files one by one instead of swapping the whole folder
    (the dev server: fast, and a reader of output/ still never sees a half-written file).
    """
    memo = _memo(cache)
    # A command-line build compiles its templates in a second process while it reads and
    # checks the content (edition/precompile.py); the dev server keeps its compiled ones.
    helper = None
    templates_error: BuildError | None = None
    try:
        templates, strings = load_templates(root / "templates", root)
        if not memo.keep:
            helper = Precompiling.start(templates, strings, "templates")
    except BuildError as exc:  # reported after the content's own problems, as always
        templates_error = exc
    try:
        edition, warnings, stages, glossaries = _make_edition(root, log, strict, cache)
        if templates_error is not None:
            raise templates_error
    except BaseException:
        if helper is not None:
            helper.cancel()
        raise
    # The model (and, in the dev server, what earlier builds keep) lives at least to the end of
    # the build: the cyclic collector need not walk it again and again while pages are made,
    # which on an archive of thousands of articles cost seconds a build (gc.freeze's own purpose,
    # and forked workers then share those pages of memory untouched).
    gc.freeze()
    # The same templates give the same renderer, whose compiled templates are kept (the dev server).
    key = ("renderer", digest(sorted(templates.items()), sorted(strings.items())))
    renderer = memo.value(key, Renderer, templates, strings, "templates")
    # The helper is waited for when a template is first needed (the pages are planned meanwhile).
    release = use_compiled(renderer.env, helper) if helper is not None else (lambda: None)
    try:
        index = SiteIndex(edition, memo)
        # A command-line build writes into a staging folder as it goes (an archive's pages are
        # never all in memory), swapped in at the end; the dev server writes output/ in place.
        folder = Folder(out_dir) if out_dir is not None and not in_place else None
        kept = folder.path if folder is not None else out_dir.resolve() if out_dir is not None else None
        try:
            files, stats = _render_and_write(
                root, edition, renderer, index, cache, folder, kept, out_dir, in_place, search, stages
            )
        except BaseException:
            if folder is not None:
                folder.abort()
            raise
    finally:
        release()  # a helper never waited for is ended
    if cache is not None:
        cache.commit()  # only a build that got this far may vouch for its pages
        cache.snapshot = Snapshot(root, edition, index, renderer, glossaries)  # for the next quick look
    return BuildResult(
        edition, Files(files, out_dir.resolve() if out_dir is not None else None), stats, tuple(warnings)
    )


def _render_and_write(
    root: Path,
    edition: Edition,
    renderer: Renderer,
    index: SiteIndex,
    cache: BuildCache | None,
    folder: Folder | None,
    kept: Path | None,
    out_dir: Path | None,
    in_place: bool,
    search: bool,
    stages: Stages,
) -> tuple[dict[str, bytes | None], WriteStats | None]:
    memo = _memo(cache)

    def progress(done: int, total: int) -> None:
        if total >= 2000:  # a long build says how far it is
            stages.log(f"render     {done}/{total} pages")

    # 7. export: the edition as data (made by this process while the workers render pages),
    #    then the files GitHub Pages wants
    exports: dict[str, bytes | None] = {}
    streamed: list[bool] = []  # whether each export written into the folder changed
    spent = [0.0]

    def export() -> None:
        start = time.perf_counter()
        for name, made in (
            ("edition.json", edition_json_pieces),
            ("figures.csv", figures_csv_pieces),
            ("figures.json", figures_json_pieces),
            ("edition.tei.xml", tei_pieces),
        ):
            if folder is not None:  # written as made: an archive's exports are never whole in memory
                streamed.append(folder.put_pieces(name, made(edition, memo)))
                exports[name] = None
            else:
                exports[name] = "".join(made(edition, memo)).encode("utf-8")
        spent[0] = time.perf_counter() - start

    # 6. render: every page of every view (unchanged pages kept, with a cache)
    files = render_site(
        edition,
        renderer,
        cache=cache,
        existing=folder.has if folder is not None else lambda p: kept is not None and (kept / p).is_file(),
        progress=progress,
        index=index,
        sink=folder,
        meanwhile=export,
    )
    if folder is None:
        rendered = sum(v is not None for v in files.values())
        stages.done("render", f"{rendered} pages rendered, {len(files) - rendered} unchanged")
    else:
        stages.done("render", f"{len(files)} pages: {folder.written} written, {folder.unchanged} unchanged")
    if folder is not None:
        for written in streamed:
            folder.count(written)
    files.update(exports)
    files["sitemap.xml"] = sitemap_xml(edition, list(files))
    files["robots.txt"] = robots_txt(edition)
    stages.done("export", f"edition.json, figures, TEI: {1000 * spent[0]:.1f} ms of the render stage")
    # 8. search: the Pagefind index of the rendered pages (skipped with --no-search)
    if search:
        # Pagefind reads every page: those not in memory are read back from the folder.
        html = Files({p: d for p, d in files.items() if p.endswith(".html")}, kept)
        files.update(search_index(html))
        stages.done("search", f"{sum(p.startswith('pagefind/') for p in files)} index files")
    elif in_place and kept is not None:
        files.update(kept_search_index(kept))  # the dev server keeps the index it has
    files.update(load_static(root / "static"))
    # The witnesses themselves, so that every "source lines" reference can be checked by a reader.
    for page in edition.pages:
        files[page.source.path] = (root / page.source.path).read_bytes()
    files[".nojekyll"] = b""
    # 9. write: the rest, and output/ replaced only now that everything above succeeded
    stats = None
    if folder is not None:
        write_into(folder, {p: d for p, d in files.items() if d is not None})
        stats = folder.finish(files.keys())
    elif out_dir is not None:
        stats = write_output(files, out_dir, in_place)
    if stats is not None:
        stages.done("write", f"{stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed")
    return files, stats
