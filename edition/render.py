"""Rendering: the Edition model -> {output path: bytes}, all in memory, nothing written."""

from __future__ import annotations

import collections
import ctypes
import functools
import multiprocessing
import os
import signal
import threading
import types
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from edition.annotate import ENTITY_TYPES
from edition.cache import BuildCache, digest
from edition.cite import json_ld
from edition.config import load_config, site_strings
from edition.derive import SiteIndex, appendix_context, sentence
from edition.errors import BuildError, Diagnostic, Loc, rel
from edition.markup import render_inline
from edition.model import Article, Block, Edition, Entity, NewsPage
from edition.parts import appendix_parts, navigation, part_path
from edition.views import VIEWS, View, page_file, relative, to_hant
from edition.write import Folder


class Renderer:
    def __init__(
        self, templates: Mapping[str, str], strings: Mapping[str, Mapping[str, str]], templates_dir: str
    ) -> None:
        self.templates_dir = templates_dir
        self.env = jinja2.Environment(
            loader=_NamedDictLoader(dict(templates), templates_dir),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.context_class = _Context
        self.templates = dict(templates)
        # render_inline escapes everything (html off), so its output is safe to mark as such.
        self.env.filters["inline"] = lambda text: Markup(render_inline(text))  # noqa: S704
        self.strings = strings
        self._tables: dict[str, _Strings] = {}
        # What the pages of one build share, made once (in each worker) and kept until the
        # renderer is given another build.
        self._index: SiteIndex | None = None
        self._edition: Edition | None = None
        self._json_ld: dict[str, str] = {}
        self._shared: dict[str, _SharedMacros] = {}

    def translate(self, view: View) -> Callable[[str], str]:
        """``t()`` of a view: its interface strings, each looked up (and converted) once."""
        table = self._tables.get(view.ui)
        if table is None:
            table = self._tables[view.ui] = _Strings(self.strings, view.ui, self.templates_dir)
        return table.__getitem__

    def start(self, edition: Edition, index: SiteIndex) -> None:
        """Pages of this build follow: forget what was kept for another one."""
        if self._index is not index:
            self._index, self._edition = index, edition
            self._json_ld = {}
            self._shared = {}

    def shared(self, view: View, values: dict[str, Any], url: Callable[[str], str]) -> _SharedPage:
        """``shared`` of a page: the view's shared macros, with the page's own links."""
        macros = self._shared.get(view.code)
        if macros is None:
            macros = self._shared[view.code] = _SharedMacros(self.env, values)
        return _SharedPage(macros, url)

    def json_ld(self, article: Article) -> str:
        """An article's schema.org data, the same in every view."""
        data = self._json_ld.get(article.id)
        if data is None:
            assert self._edition is not None
            data = self._json_ld[article.id] = json_ld(self._edition, article)
        return data

    def compile_all(self) -> None:
        """Compile every template now (a syntax error is reported here, as in render); the
        partials (_blocks.html) last, as rendering a page would meet them."""
        names = self.env.list_templates()
        for name in [n for n in names if not n.startswith("_")] + [n for n in names if n.startswith("_")]:
            self.render_check(name)

    def render_check(self, name: str) -> None:
        try:
            self.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax_error(exc, name) from None

    def _syntax_error(self, exc: jinja2.TemplateSyntaxError, name: str) -> BuildError:
        where = Loc(f"{self.templates_dir}/{exc.name or name}", exc.lineno or 1, 1)
        return BuildError([Diagnostic(where, f"template error: {exc.message}", "fix the Jinja syntax")])

    def render(self, name: str, context: dict[str, Any]) -> str:
        try:
            return self.env.get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax_error(exc, name) from None
        except jinja2.TemplateNotFound as exc:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(f"{self.templates_dir}/{name}"),
                        f"template not found: {exc.name}",
                        f"create {self.templates_dir}/{exc.name} or restore it from git",
                    )
                ]
            ) from None
        except (jinja2.TemplateError, LookupError, TypeError, AttributeError, ValueError) as exc:
            # A template's mistake in its own logic: name the template and its line, not a traceback.
            message = getattr(exc, "message", None) or f"{type(exc).__name__}: {str(exc)[:200]}"
            where = _template_where(exc, self.templates_dir, name)
            hint = "check the expression at that line against what page_context() in edition/render.py provides"
            raise BuildError([Diagnostic(where, f"template error: {message}", hint)]) from None


# Callables whose own __call__ cannot ask Jinja for its context: for these Jinja's
# Context.call reduces to the call itself unless the callable is marked (pass_context...).
_PLAIN_CALLABLES = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type(to_hant))


class _Context(jinja2.runtime.Context):
    """Jinja's context with a shorter way to call a plain function, as templates do on
    every line (t(), url(), zh()); anything else takes Jinja's own way."""

    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if type(__obj) in _PLAIN_CALLABLES and getattr(__obj, "jinja_pass_arg", None) is None:
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


class _SharedMacros:
    """The macros of _blocks.html for one view of a build, each result rendered once for
    all the pages it comes out the same on: a template writes ``shared.name(args)``.

    Such a macro sees the view-wide values only (t, zh, view, the edition and its lookups)
    and url(): nothing of the page itself, so that a macro asking for more is an error, never
    a stale result. Its links are recorded as it makes them, and a result is used again on
    a page only if every link it made comes out the same from there.
    """

    def __init__(self, env: jinja2.Environment, values: dict[str, Any]) -> None:
        self._page_url: Callable[[str], str] = str
        self._links: list[tuple[str, str]] | None = None
        self.module = env.get_template("_blocks.html").make_module({**values, "url": self._url})
        # (macro, ids of the arguments) -> [(the links it asked for, {where they led: the result})]
        self._results: dict[tuple[Any, ...], list[tuple[tuple[str, ...], dict[tuple[str, ...], Markup]]]] = {}
        self._kept: list[tuple[Any, ...]] = []  # the arguments, alive, so that no other object takes their id

    def _url(self, target: str) -> str:
        href = self._page_url(target)
        if self._links is not None:
            self._links.append((target, href))
        return href

    def render(self, name: str, url: Callable[[str], str], args: tuple[Any, ...]) -> Markup:
        key = (name, *map(id, args))
        variants = self._results.get(key)
        if variants is None:
            variants = self._results[key] = []
            self._kept.append(args)
        for targets, results in variants:
            html = results.get(tuple(map(url, targets)))
            if html is not None:
                return html
        macro = getattr(self.module, name)
        self._page_url, self._links = url, []
        try:
            html = macro(*args)
        finally:
            links, self._links = self._links, None
        targets = tuple(target for target, _ in links)
        hrefs = tuple(href for _, href in links)
        for known, results in variants:
            if known == targets:
                results[hrefs] = html
                break
        else:
            variants.append((targets, {hrefs: html}))
        return html  # type: ignore[no-any-return]


class _SharedPage:
    """``shared`` as one page sees it: ``shared.name`` is the macro ``name``."""

    def __init__(self, macros: _SharedMacros, url: Callable[[str], str]) -> None:
        self._macros = macros
        self._url = url

    def __getattr__(self, name: str) -> Callable[..., Markup]:
        if not isinstance(getattr(self._macros.module, name, None), jinja2.runtime.Macro):
            raise AttributeError(name)
        macros, url = self._macros, self._url

        def call(*args: Any) -> Markup:
            return macros.render(name, url, args)

        setattr(self, name, call)  # found at once the next time on this page
        return call


class _Strings(dict[str, str]):
    """The interface strings of one column of ui.yaml, filled as templates ask for them."""

    def __init__(self, strings: Mapping[str, Mapping[str, str]], ui: str, templates_dir: str) -> None:
        super().__init__()
        self.strings = strings
        self.ui = ui
        self.templates_dir = templates_dir

    def __missing__(self, key: str) -> str:
        entry = self.strings.get(key)
        if entry is None:
            raise BuildError(
                [Diagnostic(Loc(f"{self.templates_dir}/ui.yaml"), f"no UI string {key!r}", "add it with 'en' and 'zh'")]
            )
        value = self[key] = to_hant(entry["zh"]) if self.ui == "zh-hant" else entry[self.ui]
        return value


class _NamedDictLoader(jinja2.DictLoader):
    """Templates from memory that still know their file names, so that an error in a
    template is reported at templates/<name>:<line>."""

    def __init__(self, mapping: dict[str, str], folder: str) -> None:
        super().__init__(mapping)
        self.folder = folder

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:  # type: ignore[override]
        source, _, uptodate = super().get_source(environment, template)
        return source, f"{self.folder}/{template}", uptodate


def _template_where(exc: BaseException, folder: str, name: str) -> Loc:
    """The innermost template frame of a traceback: its file and line."""
    where = Loc(f"{folder}/{name}", 1, 1)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(folder + "/"):
            where = Loc(filename, tb.tb_lineno, 1)
        tb = tb.tb_next
    return where


def _same(text: str) -> str:
    return text


def page_context(edition: Edition, view: View, path: str, renderer: Renderer, index: SiteIndex) -> dict[str, Any]:
    """What every template sees. ``path`` is the page's output path within the view."""
    marker = index.marker
    here = view.prefix + page_file(path)

    url: Callable[[str], str]
    root_url: Callable[[str], str]
    if path == "404.html":  # served at any depth: only absolute links work
        base = edition.config.base_path

        def url(target: str) -> str:
            return base + view.prefix + target

        def root_url(target: str) -> str:
            return base + target

    else:
        prefix = view.prefix

        links: dict[str, str] = {}  # a page links to the same places many times

        def url(target: str) -> str:
            href = links.get(target)
            if href is None:
                href = links[target] = relative(here, prefix + target)
            return href

        def root_url(target: str) -> str:
            return relative(here, target)

    zh: Callable[[str], str] = to_hant if view.code == "zh-hant" else _same

    def marked(block: Block, lang: str) -> Markup:
        return marker.render(block, lang, zh if lang == "zh" else str, url)

    renderer.start(edition, index)
    # What is the same on every page of the view (and all a shared macro sees, with url()).
    common = {
        "edition": edition,
        "config": edition.config,
        "view": view,
        "t": renderer.translate(view),
        "zh": zh,
        "block": index.blocks_by_id.get,
        "cite": index.cite,
        "json_ld": renderer.json_ld,
        "article_of": lambda block: index.owners[block.id],
        "block_page": index.block_page,
        "mentioned_in": index.mentioned_in,
        "search_terms": lambda article: index.search_terms[article.id],
        "all_blocks": index.all_blocks,
        "articles_by_id": index.articles_by_id,
        "blocks_by_id": index.blocks_by_id,
        "sentence": sentence,
        "marker": marker,
    }
    return {
        **common,
        "views": [
            (v, edition.config.base_path + v.prefix if path == "404.html" else relative(here, v.prefix + path))
            for v in VIEWS
        ],
        "url": url,
        "root_url": root_url,
        "marked": marked,
        "shared": renderer.shared(view, common, url),
        "path": path,
        "searchable": False,
        "canonical": edition.config.base_url + view.prefix + path,
        "alternates": [(v, edition.config.base_url + v.prefix + path) for v in VIEWS],
    }


@dataclass(frozen=True)
class Job:
    """One page to render: its view, its path in the view, its template, its own data."""

    view: View
    path: str
    template: str
    extra: dict[str, Any]
    key: str | None = None  # fingerprint of everything the page shows; None: always render
    # More of its data, made only if the page is rendered (an entity's rows, the appendix):
    # a page kept from the last build never pays for it.
    more: Callable[[], dict[str, Any]] | None = None

    @property
    def output(self) -> str:
        return self.view.prefix + page_file(self.path)


# Below this many pages a second process costs more than it saves.
PARALLEL_MIN = 400
_WORK: tuple[Edition, Renderer, SiteIndex, list[Job], Folder | None] | None = None


def _render_slice(bounds: tuple[int, int]) -> list[tuple[str, bytes | bool]]:
    """Render jobs[start:stop] in a forked worker that inherited the build's state."""
    assert _WORK is not None
    edition, renderer, index, jobs, sink = _WORK
    return [_made(render_job(edition, renderer, index, job), sink) for job in jobs[bounds[0] : bounds[1]]]


def _die_with_parent() -> None:
    """A worker ends with the build (Linux): a build killed outright leaves no worker writing
    into a staging folder that the next build is already making anew."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a worker of a killed build ends at its next task


_PR_SET_PDEATHSIG = 1


def _made(page: tuple[str, bytes], sink: Folder | None) -> tuple[str, bytes | bool]:
    """The page itself, or, with a sink, whether the sink's file was written (the page is there)."""
    return page if sink is None else (page[0], sink.put(*page))


def render_job(edition: Edition, renderer: Renderer, index: SiteIndex, job: Job) -> tuple[str, bytes]:
    context = page_context(edition, job.view, job.path, renderer, index) | job.extra
    if job.more is not None:
        context |= job.more()
    return job.view.prefix + page_file(job.path), renderer.render(job.template, context).encode("utf-8")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def render_site(
    edition: Edition,
    renderer: Renderer,
    processes: int | None = None,
    cache: BuildCache | None = None,
    existing: Callable[[str], bool] = lambda _path: False,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    index: SiteIndex | None = None,
    sink: Folder | None = None,
    meanwhile: Callable[[], None] = lambda: None,
) -> dict[str, bytes | None]:
    """Every page, in memory; None for a page whose inputs are those it was last rendered
    from (its file is kept). Large sites render in forked processes, one per core; the
    result is the same bytes in the same order either way. With a ``sink`` (the folder the
    build writes into) each page goes there as soon as it is made and stands as None here:
    an archive's pages are never all in memory, nor sent whole from the workers.
    ``meanwhile`` is the build's own work that needs no page: done while the workers render
    (after rendering, without them)."""
    global _WORK
    index = index or SiteIndex(edition, cache.memo if cache is not None else None)
    jobs = plan_pages(edition, index, renderer, keyed=cache is not None)
    kept: dict[str, bytes | None] = {}
    if cache is not None:
        todo = []
        for job in jobs:
            if job.key is not None:
                cache.pending[job.output] = job.key
                if cache.fingerprints.get(job.output) == job.key and existing(job.output):
                    kept[job.output] = None
                    continue
            todo.append(job)
        jobs = todo
    processes = processes or _cores()
    if processes > 1 and len(jobs) >= PARALLEL_MIN and "fork" in multiprocessing.get_all_start_methods():
        renderer.compile_all()  # compiled once here; the workers inherit it
        index.share()
        _WORK = (edition, renderer, index, jobs, sink)
        try:
            bounds = _slices(jobs, processes)
            parts: dict[tuple[int, int], list[tuple[str, bytes | bool]]] = {}
            done = 0
            # An executor, not a Pool: a worker that dies (the OOM killer) fails the build
            # (BrokenProcessPool) instead of leaving it waiting for ever.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(processes, mp_context=context, initializer=_die_with_parent) as pool:
                results = pool.map(_render_slice, bounds)  # every run handed out now
                # The build's own work in a thread, so that this one still reports progress.
                meantime = _Meantime(meanwhile)
                try:
                    for bound, part in zip(bounds, results, strict=True):
                        parts[bound] = part
                        done += len(part)
                        progress(done, len(jobs))
                except BaseException:
                    meantime.finish()  # nothing may still be writing when the build cleans up
                    raise
                meantime.join()
            rendered = [page for bound in sorted(parts) for page in parts[bound]]  # the order of serial
        finally:
            _WORK = None
    else:
        rendered = []
        for job in jobs:
            rendered.append(_made(render_job(edition, renderer, index, job), sink))
            if len(rendered) % 500 == 0:
                progress(len(rendered), len(jobs))
        meanwhile()
    pages: dict[str, bytes | None] = {}
    if sink is not None:
        for _ in kept:
            sink.count(False)
    for path, made in rendered:
        if isinstance(made, bool):
            assert sink is not None
            sink.count(made)
            pages[path] = None
        else:
            pages[path] = made
    pages.update(kept)
    return pages


class _Meantime(threading.Thread):
    """Work done while the workers render; ``join`` raises what it raised."""

    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__(name="meanwhile", daemon=True)
        self.work = work
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.work()
        except BaseException as exc:  # handed to the building thread by join()
            self.error = exc

    def join(self, timeout: float | None = None) -> None:
        super().join(timeout)
        if self.error is not None:
            raise self.error

    def finish(self) -> None:
        """Wait for it to end, whatever it raised (the build is failing for another reason)."""
        super().join()


def _slices(jobs: list[Job], processes: int) -> list[tuple[int, int]]:
    """The runs of jobs handed to the workers, each worker taking the next when done.

    The Traditional-Chinese view's pages come first, as one run: the worker that takes
    them pays for loading OpenCC's dictionaries (0.05-0.15 s) once, while the others render
    the other views, instead of each worker loading them for a few of its pages.
    """
    step = -(-len(jobs) // (processes * 4))
    hant = [n for n, job in enumerate(jobs) if job.view.code == "zh-hant"]
    first: list[tuple[int, int]] = []
    rest = [(0, len(jobs))]
    # Views are planned one after another, so the view's pages stand together.
    if hant and hant[-1] - hant[0] + 1 == len(hant) and len(hant) <= -(-len(jobs) // processes):
        first = [(hant[0], hant[-1] + 1)]
        rest = [(0, hant[0]), (hant[-1] + 1, len(jobs))]
    return first + [(start, min(start + step, stop)) for begin, stop in rest for start in range(begin, stop, step)]


def plan_pages(edition: Edition, index: SiteIndex, renderer: Renderer, keyed: bool = True) -> list[Job]:
    """The list of pages of the site, in a fixed order, each with the fingerprint of what it
    shows (so that an unchanged one need not be rendered). Without a cache to keep them in
    (``keyed=False``: --no-cache) no fingerprint is made: every page is rendered anyway, and
    an archive's fingerprints cost seconds."""
    jobs: list[Job] = []
    # What every page shows: templates, strings, settings, and the navigation (titles).
    common = (
        digest(
            sorted(renderer.templates.items()),
            sorted(renderer.strings.items()),
            edition.config,
            [(a.id, a.order, a.title_zh, a.title_en) for a in edition.all_articles],
        )
        if keyed
        else ""
    )

    def emit(
        view: View,
        path: str,
        template: str,
        key: str | None = None,
        more: Callable[[], dict[str, Any]] | None = None,
        **extra: Any,
    ) -> None:
        fingerprint = digest(common, view, path, key) if key and keyed else None
        jobs.append(Job(view, path, template, extra, fingerprint, more))

    # Long pages come in parts (edition/parts.py); a part's data is made once, for every view,
    # and only if one of its pages is rendered.
    appendix = appendix_parts(edition)
    appendix_nav = navigation("figures/", len(appendix))
    appendix_data = [
        functools.cache(functools.partial(_appendix_part, edition, ids, n, appendix_nav))
        for n, ids in enumerate(appendix)
    ]
    appendix_keys = index.appendix_keys() if keyed else [None] * len(appendix)
    groups = [(kind, [e for e in edition.entities if e.type == kind]) for kind in ENTITY_TYPES]
    groups = [(kind, entities) for kind, entities in groups if entities]
    keys: dict[str, str | None] = dict(index.page_keys()) if keyed else collections.defaultdict(lambda: None)
    entity_parts = {e.id: index.entity_parts(e) for e in edition.entities}
    entity_keys = {
        e.id: index.entity_page_keys(e) if keyed else [None] * len(entity_parts[e.id]) for e in edition.entities
    }
    article_pages = [article_page(edition, index, n) for n in range(len(edition.articles))]  # the same in every view
    fronts = [front_page(edition, index, news) for news in edition.pages]  # the same in every view
    for view in VIEWS:
        # A site of one page has that page's front as its home; an archive lists its dates.
        if len(edition.pages) == 1:
            # the same page as the front's: search engines are sent there, and search indexes it once
            canonical = edition.config.base_url + view.prefix + edition.pages[0].url
            emit(view, "", "home.html", key=keys["home"], **{**fronts[0], "searchable": False, "canonical": canonical})
        else:
            emit(view, "", "archive.html", key=keys["home"])
        for news, front in zip(edition.pages, fronts, strict=True):
            emit(view, news.url, "home.html", key=keys["front:" + news.key], **front)
        for old, new in edition.config.redirects:
            emit(view, old, "redirect.html", key=f"redirect {new}", target=new)
        emit(view, "search/", "search.html", key="search")
        emit(view, "about/", "about.html", key=keys["about"])
        for n, article in enumerate(edition.articles):
            key = index.article_key(article) if keyed else None
            emit(view, article.url, "article.html", key=key, **article_pages[n])
        for n, (data, key) in enumerate(zip(appendix_data, appendix_keys, strict=True)):
            emit(view, part_path("figures/", n), "figures.html", key=key, more=data)
        emit(view, "index/", "index.html", groups=groups, kind=None, key=keys["index"])
        for kind, entities in groups:
            emit(view, f"index/{kind}/", "index.html", groups=[(kind, entities)], kind=kind, key=keys["index"])
        for entity in edition.entities:
            first = f"entity/{entity.id}/"
            parts = entity_parts[entity.id]
            nav = navigation(first, len(parts))
            for n, ((start, end, _, _), key) in enumerate(zip(parts, entity_keys[entity.id], strict=True)):
                emit(
                    view,
                    part_path(first, n),
                    "entity.html",
                    entity=entity,
                    searchable=n == 0,  # the entity once in the search index, not once a part
                    part=n,
                    parts=nav,
                    first_row=start,
                    key=key,
                    more=functools.partial(_entity_rows, index, entity, start, end),
                )
    emit(VIEWS[0], "404.html", "404.html", key="404")
    return jobs


def _appendix_part(edition: Edition, ids: list[str], n: int, nav: list[tuple[int, str]]) -> dict[str, Any]:
    return {**appendix_context(edition, ids), "part": n, "parts": nav}


def _entity_rows(index: SiteIndex, entity: Entity, start: int, end: int) -> dict[str, Any]:
    return {"mention_rows": index.mention_rows(entity)[start:end]}


def front_page(edition: Edition, index: SiteIndex, news: NewsPage) -> dict[str, Any]:
    """What the front of a newspaper page shows beyond page_context (the same in every view)."""
    whole = index.whole[news.key]
    shown = [news.front, *news.articles] if whole else [news.front]
    return {
        "page": news,
        "whole_page": whole,
        # an archive's page shows captions with their photographs, on the articles' pages
        "note_blocks": [b for a in shown for b in a.blocks if whole or b.kind != "caption"],
        "searchable": True,
    }


def article_page(edition: Edition, index: SiteIndex, n: int) -> dict[str, Any]:
    """What the page of the n-th article shows beyond page_context (the same in every view)."""
    articles = edition.articles
    article = articles[n]
    photos = index.photos.get(article.id, [])
    return {
        "article": article,
        "previous": articles[n - 1] if n > 0 else None,
        "next": articles[n + 1] if n + 1 < len(articles) else None,
        "photos": photos,
        # the captions shown with the article carry mentions too: their notes belong here
        "note_blocks": [*article.blocks, *(index.blocks_by_id[p.block] for p in photos)],
        "see_also": index.see_also[article.id],
        "searchable": True,
    }


def load_templates(templates_dir: Path, root: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Read every template and the UI strings (the loader's part of rendering)."""
    from edition.content import read_text
    from edition.errors import Diagnostics
    from edition.yamlload import load_yaml

    name = rel(templates_dir, root)
    if not templates_dir.is_dir():
        raise BuildError([Diagnostic(Loc(name), "templates folder not found", "restore templates/ from git")])
    diags = Diagnostics()
    templates = {}
    for path in sorted(templates_dir.rglob("*.html")):
        text = read_text(path, rel(path, root), diags)  # the same UTF-8 checks as content files
        if text is not None:
            templates[path.relative_to(templates_dir).as_posix()] = text
    strings_path = templates_dir / "ui.yaml"
    strings: dict[str, Any] = {}
    if not strings_path.is_file():
        diags.error(
            Loc(f"{name}/ui.yaml"),
            "ui.yaml not found: the table of interface strings is missing",
            "restore templates/ui.yaml from git",
        )
    else:
        text = read_text(strings_path, f"{name}/ui.yaml", diags)
        if text is not None:
            try:
                strings = load_yaml(text, f"{name}/ui.yaml") or {}
            except BuildError as exc:
                diags.items.extend(exc.diagnostics)
    diags.raise_if_errors()
    # The site's own titles come from site.toml: nothing in templates/ is about one page.
    return templates, site_strings(load_config(root / "site.toml", root), strings)
