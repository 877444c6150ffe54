"""The edition as one immutable model. Templates and exports read this, never raw dicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from edition.config import PageInfo, SiteConfig
from edition.errors import Diagnostic, Loc


@dataclass(frozen=True, slots=True)
class Block:
    id: str  # "moyu-p3": article id + kind letter + ordinal (edition/ids.py)
    local: str  # "p3"
    kind: str  # headline | deck | subhead | paragraph | standfirst | caption | credit | ...
    zh: str  # Chinese as transcribed (Markdown inline source)
    en: str  # English translation ("" until translated)
    source_lines: tuple[int, int]
    loc: Loc  # where the Chinese block stands in its file
    en_loc: Loc | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    kind: str  # gloss | context | editorial
    text: str  # Markdown, English
    article: str
    block: str | None  # full block id the note is attached to, if any
    loc: Loc
    title: str = ""


@dataclass(frozen=True, slots=True)
class Emendation:
    block: str  # full block id
    source: str  # the text as the repaired source has it
    reading: str  # the text as the edition prints it
    reason: str
    loc: Loc


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    article: str
    block: str
    zh: str  # the string as it stands in the Chinese block
    en: str  # the English form found in the translation ("" if not found)
    start: int  # character offset in the Chinese block (-1: named only in the English)
    occurrence: int  # 1-based occurrence of the entity in the article
    en_start: int = -1  # character offset in the English block (-1: not found there)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # person | place | organisation | document | term | event
    zh: str
    en: str
    pinyin: str
    note: str
    wikidata: str | None
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    sources: tuple[str, ...]
    mentions: tuple[Mention, ...]
    loc: Loc
    note_kind: str = "gloss"  # gloss | context
    # aliases that name it on one newspaper's pages only (本报 "this newspaper"), by newspaper
    # (as its pages' page.toml gives it, newspaper_zh): edition/glossary.py, limits()
    aliases_only_in: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    article: str
    block: str
    text: str  # as printed
    value: float
    unit: str
    qualifier: str
    kind: str  # quantity | date
    start: int
    end_value: float | None = None  # the end of a period or range (2月~4月)
    label_en: str = ""
    label_zh: str = ""
    theme: str = ""
    text_en: str = ""  # a date's English, as its passage's English gives it (edition/dates_en.py)
    # where the passage's English gives it (edition/figures_en.py), linked there as in the
    # Chinese; -1: it gives it in words, or not at all
    en_start: int = -1
    en_end: int = -1


@dataclass(frozen=True, slots=True)
class Check:
    id: str
    article: str
    description: str
    expression: str
    expected: float
    actual: float
    ok: bool
    loc: Loc


@dataclass(frozen=True, slots=True)
class Chart:
    """Figures that add up, drawn as a waterfall (declared in front matter)."""

    id: str
    article: str
    title: str
    description: str
    steps: tuple[str, ...]  # figure ids, in order
    total: str  # the label of the computed total


@dataclass(frozen=True, slots=True)
class Photo:
    id: str
    article: str  # the article it accompanies
    block: str  # the caption block on the page
    caption_zh: str
    caption_en: str
    credit_zh: str
    credit_en: str
    image: str | None  # path under static/, or None: a placeholder is shown


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    order: int  # 0 = the page itself (masthead, headline, standfirst, furniture)
    kind: str  # page | article
    title_zh: str
    title_en: str
    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    emendations: tuple[Emendation, ...]
    path: str  # the Chinese file, relative to the project
    en_path: str | None
    translator: str
    outdated: bool  # the Chinese changed since the translation was made
    zh_hash: str
    vertical: frozenset[str] = frozenset()  # local ids of blocks the page set vertically
    page: str = ""  # the key of the newspaper page it stands on ("2020-05-25/p12")

    @property
    def url(self) -> str:
        """Its address: the page's front for the page's own blocks, else under the page."""
        return f"{self.page}/" if self.kind == "page" else f"{self.page}/{self.id}/"


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    sha256: str
    lines: int


@dataclass(frozen=True, slots=True)
class NewsPage:
    """One newspaper page of the archive: its settings, its witness, its own blocks (masthead,
    headline, standfirst, captions, furniture: ``front``) and its articles in reading order."""

    info: PageInfo
    source: SourceText
    front: Article
    articles: tuple[Article, ...]

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def url(self) -> str:
        return self.front.url


@dataclass(frozen=True, slots=True)
class ArticleParts:
    by_article: Mapping[str, tuple[Sequence[Mention], Sequence[Figure]]]
    made_for: tuple[object, ...]  # the page, articles, entities and figures they were made with

    def describes(self, edition: Edition) -> bool:
        mine = (edition.pages, edition.articles, edition.entities, edition.figures)
        return len(mine) == len(self.made_for) and all(a is b for a, b in zip(mine, self.made_for, strict=True))


@dataclass(frozen=True)
class Edition:
    config: SiteConfig
    pages: tuple[NewsPage, ...]  # by date, then page number
    articles: tuple[Article, ...]  # every page's articles, in the order of the pages
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    checks: tuple[Check, ...] = ()
    charts: tuple[Chart, ...] = ()
    photos: tuple[Photo, ...] = ()
    warnings: tuple[Diagnostic, ...] = field(default=())
    # False when a content file was left out (did not load, or repeated an id): checks that
    # need the whole edition (an entity named nowhere) then give no verdict.
    complete: bool = True
    # What the About page says of this edition that the generator cannot know (how its
    # translation was reviewed, how it writes names): content/about.md, Markdown; "" if none.
    about: str = ""
    # Each article's mentions and figures as the stages made them: see ArticleParts.
    parts: ArticleParts | None = field(default=None, compare=False, repr=False)
    # Each block's words and their pinyin, beside the text (edition/reading.py: a Reading).
    reading: Any = field(default=None, compare=False, repr=False)

    @property
    def article_parts(self) -> Mapping[str, tuple[Sequence[Mention], Sequence[Figure]]]:
        """article id -> (its mentions, its figures), as the stages made them (marks and exports
        group by article without searching the whole edition); empty if this edition was changed
        since (dataclasses.replace copies ``parts``: they are checked against the fields)."""
        if self.parts is None or not self.parts.describes(self):
            return {}
        return self.parts.by_article

    @property
    def all_articles(self) -> tuple[Article, ...]:
        """The pages' own blocks (their fronts) first, then every article."""
        return (*(p.front for p in self.pages), *self.articles)

    @cached_property
    def pages_by_key(self) -> dict[str, NewsPage]:
        return {p.key: p for p in self.pages}

    def page_of(self, article: Article) -> NewsPage:
        return self.pages_by_key[article.page]

    @property
    def dates(self) -> list[tuple[str, list[NewsPage]]]:
        """The archive's dates, each with its pages."""
        out: dict[str, list[NewsPage]] = {}
        for page in self.pages:
            out.setdefault(page.info.date, []).append(page)
        return list(out.items())

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(n for a in self.all_articles for n in a.notes)

    @cached_property
    def blocks_by_id(self) -> dict[str, Block]:
        return {b.id: b for a in self.all_articles for b in a.blocks}

    def block(self, block_id: str) -> Block | None:
        return self.blocks_by_id.get(block_id)


# The classes whose objects cannot change once made: frozen, and holding only text, numbers,
# tuples, frozensets and each other (tests/test_incremental.py checks it). The dev server
# keeps their digests with them from build to build (edition/incremental.py).
IMMUTABLE: frozenset[type] = frozenset(
    {
        Article,
        Block,
        Note,
        Emendation,
        Mention,
        Entity,
        Figure,
        Check,
        Chart,
        Photo,
        NewsPage,
        SourceText,
        PageInfo,
        Loc,
    }
)
