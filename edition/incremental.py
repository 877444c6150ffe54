"""The dev server's speed: a content file is parsed again only if its bytes changed, an
article's work is done again only if its files changed, and a page is rendered again only if
what it showed could have changed.

Files: load_file() (edition/content.py: a Markdown file, a glossary) is a function of a
file's name and bytes, so its result and problems are kept under them; the fidelity account's
cut of a witness (cut_page, edition/cut.py) under its lines and the layout; the TEI's articles
and blocks' words, as text, under what each is made from.

Articles: build_article() (edition/article.py) is pure, so its result is kept under a digest
of what it reads (article_builder: a new input of build_article must join that key): its two
files as parsed, the glossaries' definitions, the figure themes' ids, the readings' overrides.

Pages: a page's output is a function of three things, and its fingerprint is a digest of all
three (what a template may read, so that it is one of them: render.py, Renderer.helpers):

- the data its template receives (``Page.data``, plain model values, digested by their repr;
  the site's settings and the interface strings with them);
- the templates it loaded, as the Jinja environment recorded them while it was rendered
  (the page's template, the one it extends, the partials it imports: Lektor records a
  page's template dependencies the same way);
- the answers of the site's lookups it asked for (a block by id, the notes of a name...),
  recorded call by call while it was rendered.

Before rendering a page again the build asks the same questions of the new site (each
model object an argument named is looked up again by its id) and digests the answers: if
the fingerprint is the one recorded, the page's file is still right. A lookup answer that
has gone (an article deleted) makes the page dirty. The model's objects are immutable, and
an unchanged article's are the same objects from build to build: their digests are kept
with them (model.IMMUTABLE), so that an edit digests again only the model it made anew.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from edition.annotate import Lexicon
from edition.article import ArticleResult, build_article
from edition.content import Document, Glossary, Parse, load_file
from edition.cut import CutFile, Layout, cut_page
from edition.derive import SiteIndex
from edition.errors import Diagnostic, Diagnostics
from edition.fidelitystage import Cut
from edition.model import IMMUTABLE, Article, Block, Entity
from edition.overlay import Look
from edition.pages import Page
from edition.parallel import each_page
from edition.reading import Readings
from edition.render import Renderer, page_lookups, site_lookups
from edition.teiwrite import Keep

Call = tuple[str, Any]  # a lookup's name and its arguments, each model object as a Ref


@dataclass(frozen=True)
class Record:
    fingerprint: str
    templates: tuple[str, ...]
    calls: tuple[Call, ...]


Lasting = tuple[object, str, tuple[object, ...]]  # a model object, its digest, the model objects it holds
Parsed = tuple[Document | Glossary | None, tuple[Diagnostic, ...]]  # a file's parse, the problems found in it
K = TypeVar("K")
V = TypeVar("V")


class _Kept(Generic[K, V]):
    """Values by key, kept from one build to the next: each build starts from what the last
    one used, makes what it lacks (``made`` counts them) and forgets what it did not ask for."""

    def __init__(self) -> None:
        self._last: dict[K, V] = {}
        self._now: dict[K, V] = {}
        self.made = 0

    def next_build(self) -> None:
        self._last, self._now, self.made = self._now, {}, 0

    def get(self, key: K, make: Callable[[], V], kept: Callable[[V], object] = lambda _: None) -> V:
        """This build's value, else the last build's (``kept`` is told of it), else one made now
        (never None). A key is hashed thrice: a tuple's hash is not kept (the TEI's hold articles)."""
        value = self._now.get(key)
        if value is None:
            value = self._last.get(key)
            if value is None:
                value = make()
                self.made += 1
            else:
                kept(value)
            self._now[key] = value
        return value

    def values(self) -> list[V]:  # this build's
        return list(self._now.values())


@dataclass
class PageCache:
    """What the dev server keeps from build to build for its life: each page's record (by
    output path), the compiled templates, the content files as parsed (by their names and
    bytes), the fidelity account's cuts (by witness and layout), the articles' results (by
    digest of their inputs) and the TEI's pieces."""

    records: dict[str, Record] = field(default_factory=dict)
    rendered: int = 0  # pages rendered by the last build (the rest were kept)
    kept: Renderer | None = None  # the last build's, with its templates compiled
    documents: _Kept[tuple[str, str, str], Parsed] = field(default_factory=_Kept)
    cuts: _Kept[str, tuple[CutFile, ...]] = field(default_factory=_Kept)
    articles: _Kept[str, ArticleResult] = field(default_factory=_Kept)
    # the model objects' digests, by identity (each entry holds its object: an id is its own)
    model: _Kept[int, Lasting] = field(default_factory=_Kept)
    # the TEI's articles and words as text, by what each is made from (edition/teiwrite.py)
    tei: _Kept[Hashable, str] = field(default_factory=_Kept)

    def document_parser(self) -> Parse:
        """load_file() (a Markdown file or a glossary), answered from the last build's parse where
        a file's names and bytes are the same; its problems are reported again. The bytes it is
        kept under are the bytes parsed."""
        self.documents.next_build()

        def parse(path: Path, root: Path, diags: Diagnostics, name: str) -> Document | Glossary | None:
            try:
                data = path.read_bytes()
            except OSError:
                return load_file(path, root, diags, name)  # which says why
            # the name as the editor sees it (rel() follows a link to its target) and the file's
            # own name, which says its language: both are read by load_file
            key = (name, path.name, hashlib.blake2b(data, digest_size=16).hexdigest())

            def make() -> Parsed:
                problems = Diagnostics()
                return load_file(path, root, problems, name, data), tuple(problems.items)

            document, problems = self.documents.get(key, make)
            diags.items.extend(problems)
            return document

        return parse

    def article_builder(
        self, lexicon: Lexicon, readings: Readings
    ) -> Callable[[Document, Document | None, Lexicon, tuple[str, ...], Readings], ArticleResult]:
        """build_article(), answered from the last build's results where the inputs are the same."""
        site = digest(lexicon.declared, readings.key)
        self.articles.next_build()

        def build(
            zh: Document, en: Document | None, lexicon: Lexicon, themes: tuple[str, ...], readings: Readings
        ) -> ArticleResult:
            key = digest(site, lexicon.paper, themes, _document(zh), _document(en) if en is not None else None)
            return self.articles.get(key, lambda: build_article(zh, en, lexicon, themes, readings))

        return build

    def cutter(self) -> Cut:
        """cut_page() (the fidelity account's cut of a page's witness by its layout), answered
        from the last build's where the witness's lines and the layout are the same."""
        self.cuts.next_build()

        def cut(lines: Sequence[str], layout: Layout) -> tuple[CutFile, ...]:
            return self.cuts.get(digest(tuple(lines), layout), lambda: cut_page(lines, layout))

        return cut

    def tei_keeper(self) -> Keep:
        """The TEI's elements as text, the last build's where what each is made from is the same."""
        self.tei.next_build()
        return self.tei.get

    def renderer(self, look: Look) -> Renderer:
        """The last build's renderer while its look is the same (compiling it is most of an edit's time)."""
        if self.kept is None or (self.kept.templates, self.kept.strings, self.kept.files) != look:
            self.kept = Renderer(*look)
        return self.kept


def digest(*parts: object) -> str:
    """A stable digest of model values (frozen dataclasses, tuples, dicts: deterministic reprs)."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(repr(part).encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _document(doc: Document) -> str:
    """A parsed file as build_article reads it: its typed front matter carries the line of
    every key and the problems found in it (edition/front.py)."""
    return digest(doc.path, doc.stem, doc.lang, doc.meta, doc.blocks, doc.front_end)


class _Missing(Exception):
    """A model object a recorded call named is no longer in the site."""


@dataclass(frozen=True)
class Ref:
    """A model object named by a recorded call: kept by kind and id, not the object (a
    record outlives its build, and is asked again of the next one)."""

    kind: str
    id: str


def _key(arg: Any) -> Any:
    """An argument of a call as recorded: model objects as Refs."""
    if isinstance(arg, Block | Article | Entity):
        return Ref(type(arg).__name__, arg.id)
    if isinstance(arg, list | tuple):
        return tuple(_key(a) for a in arg)
    return arg


_PLAIN = frozenset({str, int, float, bool})


class _Digests:
    """The digests of one build: of values (each model object, list or tuple once, by
    identity: the views share their data) and of the answers of the site's lookups."""

    def __init__(self, site: SiteIndex, lasting: _Kept[int, Lasting]) -> None:
        self.site = site
        self.lookups = site_lookups(site)
        self._values: dict[int, tuple[object, str] | Lasting] = {}
        self._answers: dict[tuple[str, Any], str] = {}
        self._lasting = lasting  # the model's (IMMUTABLE), from build to build

    def value(self, value: Any) -> str:
        """A value's digest. A container or model object is digested from its parts, each
        part that is itself one by its own digest, made once a build: a name's Entity, with
        every mention in the archive, is digested once, not again inside every vocabulary row
        and note that holds it (digesting whole reprs took most of an edit's time)."""
        if isinstance(value, dict):
            return digest([(k, self._part(v)) for k, v in value.items()])
        if not isinstance(value, list | tuple) and not hasattr(value, "__dataclass_fields__"):
            return digest(value)
        kept = self._values.get(id(value))
        if kept is None:
            kept = self._model(value) if type(value) in IMMUTABLE else (value, self._made(value))
            self._values[id(value)] = kept  # the value kept: its id stays its own
        return kept[1]

    def _model(self, value: Any) -> Lasting:
        """A model object's entry. One kept from the last build brings along those of the objects
        it holds (an unchanged article's blocks), which the forked workers ask for."""
        return self._lasting.get(id(value), lambda: (value, self._made(value), _held(value)), self._bring)

    def _bring(self, entry: Lasting) -> None:
        for held in entry[2]:
            self._model(held)

    def _made(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return digest(type(value).__name__, [self._part(v) for v in value])
        # a dataclass: its type and the fields its equality compares (those it does not are
        # caches beside the model: the edition's parts and reading; a template that shows the
        # reading gets it in its data, as the vocabulary pages do)
        return digest(type(value).__qualname__, [self._part(getattr(value, f)) for f in _compared(type(value))])

    def _part(self, value: Any) -> Any:
        """A part of a value as its digest takes it: plain text and numbers as they are (exact
        types only: Markup is not str), anything else by its own digest."""
        if value is None or type(value) in _PLAIN:
            return value
        return ("#", self.value(value))

    def answer(self, name: str, args: tuple[Any, ...]) -> str:
        """What a lookup answers the new site (``args`` as recorded), digested. A block's marks
        are digested from what makes them (the block and its spans): the page's own links are
        in its data."""
        key = (name, args)
        made = self._answers.get(key)
        if made is None:
            current = tuple(self._current(a) for a in args)
            if name == "marked":
                block, lang = current
                made = self.value((block, self.site.marker.spans(block, lang)))
            else:
                made = self.value(self.lookups[name](*current))
            self._answers[key] = made
        return made

    def _current(self, arg: Any) -> Any:
        """An argument of a recorded call as the new site has it (each Ref looked up by id)."""
        if isinstance(arg, tuple):
            return [self._current(a) for a in arg]
        if not isinstance(arg, Ref):
            return arg
        site = self.site
        tables: dict[str, Mapping[str, Any]] = {
            "Block": site.blocks_by_id,
            "Article": site.articles_by_id,
            "Entity": site.marker.entities,
        }
        found = tables[arg.kind].get(arg.id)
        if found is None:
            raise _Missing
        return found


# A dataclass's fields its equality compares, by name: looked up once a class
_compared: Callable[[Any], tuple[str, ...]] = cache(
    lambda c: tuple(f for f, s in c.__dataclass_fields__.items() if s.compare)
)


def _held(value: Any) -> tuple[object, ...]:
    """The model objects a model object holds, in its fields and their tuples."""
    out: list[object] = []
    parts = [getattr(value, f) for f in _compared(type(value))]
    while parts:
        part = parts.pop()
        if type(part) in IMMUTABLE:
            out.append(part)
        elif isinstance(part, tuple | frozenset):
            parts.extend(part)
    return tuple(out)


class _Recorder:
    """The lookups of one page, noting each distinct call."""

    def __init__(self, lookups: Mapping[str, Callable[..., Any]]) -> None:
        self.calls: dict[Call, None] = {}
        self.lookups = {name: self._wrap(name, fn) for name, fn in lookups.items()}

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any) -> Any:
            self.calls.setdefault((name, _key(args)), None)
            return fn(*args)

        return call


def _fingerprint(
    renderer: Renderer, page: Page, digests: _Digests, common: str, templates: Sequence[str], calls: Sequence[Call]
) -> str:
    sources = [renderer.templates.get(name) for name in templates]
    answers = [(name, args, digests.answer(name, args)) for name, args in calls]
    return digest(common, page.template, digests.value(page.data), sources, answers)


def render_changed(
    pages: Sequence[Page],
    renderer: Renderer,
    site: SiteIndex,
    cache: PageCache,
    exists: Callable[[str], bool],
    sink: Callable[[str, bytes], bool],
) -> list[bool]:
    """Render the pages whose fingerprint changed into ``sink``; for each page, whether its
    file changed. The config, the interface strings and the static files' versions count for
    every page. The pages are fingerprinted and rendered in the fork pool of a build
    (edition/parallel.py); a worker sends back only the records of the pages it rendered again."""
    common = digest(site.edition.config, sorted(renderer.strings.items()), sorted(renderer.versions.items()))
    old = cache.records
    cache.model.next_build()
    digests = _Digests(site, cache.model)
    # The model digested here, before the workers fork: they inherit its digests (each fills
    # its own copy of the rest), and the next build finds them.
    digests.value(site.edition)

    def one(page: Page) -> tuple[bool, Record | None]:
        record = old.get(page.path)
        if record is not None and exists(page.path):
            try:
                now = _fingerprint(renderer, page, digests, common, record.templates, record.calls)
            except (_Missing, LookupError):
                now = None
            if now == record.fingerprint:
                return False, None
        recorder = _Recorder(page_lookups(site, page))
        data = renderer.render(page, site, recorder.lookups)
        templates = tuple(sorted(renderer.env.loaded))
        calls = tuple(recorder.calls)
        fingerprint = _fingerprint(renderer, page, digests, common, templates, calls)
        return sink(page.path, data), Record(fingerprint, templates, calls)

    renderer.compile_all()  # before the workers fork: they inherit the compiled templates
    cache.rendered = 0
    try:
        results = each_page(one, pages)
    except BaseException:
        # Pages rendered before the failure (a template's mistake) are written already, and
        # a worker's are not even known here: no record can be trusted, and after an undo a
        # kept record would leave the failed build's page in output/. The next build renders
        # every page.
        cache.records = {}
        raise
    # only the pages of this build: a removed page is forgotten
    cache.records = {page.path: made or old[page.path] for page, (_, made) in zip(pages, results, strict=True)}
    cache.rendered = sum(made is not None for _, made in results)
    return [changed for changed, _ in results]
