"""What templates need beyond the model, computed once per build: lookups, cross-links
between articles, search terms and the appendix's groups and charts."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from functools import cached_property
from typing import Any

from edition.charts import Bar, clause_zh
from edition.cite import Citation, cite, json_ld
from edition.configvalues import Theme
from edition.figures import FURNITURE, QUALIFIER_ZH
from edition.marks import Marker
from edition.model import Article, Block, Edition, Entity, Figure, Mention, Photo
from edition.parts import article_runs, row_parts
from edition.pieces import Pieces
from edition.reading_out import VocabularyRow, vocabulary
from edition.refs import passage_part
from edition.typography import curly_quotes

# Up to this many articles, the front page shows them all, whole: a newspaper page.
WHOLE_PAGE_ARTICLES = 12
# A name more articles than this hold says little about which of them are alike.
COMMON = 50


class SiteIndex:
    """Lookups shared by every page of one build (each built once, not per page)."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.marker = Marker(edition)
        self.pieces = Pieces()  # what the four views show alike, made once (edition/pieces.py)
        self.articles_by_id = {a.id: a for a in edition.all_articles}
        self.blocks_by_id = {b.id: b for a in edition.all_articles for b in a.blocks}
        self.owners = {b.id: a for a in edition.all_articles for b in a.blocks}
        self.all_blocks = [b for a in edition.all_articles for b in a.blocks]
        self._rows: dict[str, list[dict[str, str]]] = {}
        self._entity_parts: dict[str, list[tuple[int, int, int, int]]] = {}
        self.position = {a.id: n for n, a in enumerate(edition.articles)}
        self.photos: dict[str, list[Photo]] = {}
        for photo in edition.photos:
            self.photos.setdefault(photo.article, []).append(photo)
        # The front of a newspaper page shows the whole page, as printed; a page of more
        # articles than that lists them, and a photograph's caption (a block of the page) is
        # read with the photograph on its article's page: a link to a caption's passage leads there.
        self.whole = {p.key: len(p.articles) <= WHOLE_PAGE_ARTICLES for p in edition.pages}
        self.caption_urls = {
            p.block: self.articles_by_id[p.article].url
            for p in edition.photos
            if p.article in self.articles_by_id and not self.whole[self.articles_by_id[p.article].page]
        }

    def block_page(self, block_id: str) -> str:
        """The page a block is read on: its article's (a caption: its photograph's article's;
        the newspaper page's own blocks: the front page, "")."""
        return self.caption_urls.get(block_id, self.owners[block_id].url)

    def cite(self, article: Article, block: Block | None = None) -> Citation:
        """An article's or a passage's citation, made once for the four views of its page.
        Only the last few articles' are kept (edition/pieces.py): every passage's citation of
        an archive, kept, held tens of megabytes in each rendering worker."""
        key = ("cite", article.id, block.id if block is not None else None)
        return self.pieces.recent(key, lambda: cite(self.edition, article, block))

    def vocabulary(self, article: Article) -> list[VocabularyRow]:
        """An article's vocabulary (edition/reading_out.py), made once for its two views' pages."""
        return self.pieces.recent(("vocabulary", article.id), lambda: vocabulary(self.edition, article))

    def json_ld(self, article: Article) -> str:
        """An article's schema.org data."""
        return json_ld(self.edition, article)

    def entity_parts(self, entity: Entity) -> list[tuple[int, int, int, int]]:
        """The parts of an entity's page (edition/parts.py): rows and article runs of each."""
        parts = self._entity_parts.get(entity.id)
        if parts is None:
            parts = self._entity_parts[entity.id] = row_parts(article_runs(entity.mentions))
        return parts

    def mentioned_in(self, entity: Entity) -> list[tuple[str, str]]:
        """The blocks that name an entity, once each, as (page path, block id): the way from
        any passage to every other passage about the same thing."""
        return self.naming.get(entity.id, [])

    @cached_property
    def naming(self) -> dict[str, list[tuple[str, str]]]:
        """mentioned_in for every entity, gathered article by article."""
        by_article: dict[str, list[Mention]] = {}
        for m in (m for e in self.edition.entities for m in e.mentions):
            by_article.setdefault(m.article, []).append(m)
        naming: dict[str, list[tuple[str, str]]] = {}
        for article in self.edition.all_articles:
            for entity_id, pairs in _naming_of(article, by_article.get(article.id, []), self.caption_urls).items():
                naming.setdefault(entity_id, []).extend(pairs)
        return naming

    def mention_rows(self, entity: Entity) -> list[dict[str, str]]:
        """An entity page's list, computed once for all views: where, and the sentences."""
        if entity.id not in self._rows:
            self._rows[entity.id] = [self._row(m) for m in entity.mentions]
        return self._rows[entity.id]

    def _row(self, m: Mention) -> dict[str, str]:
        block = self.blocks_by_id[m.block]
        article = self.owners[m.block]
        info = self.edition.page_of(article).info
        return {
            "path": self.block_page(m.block),
            "date": info.date,  # where it stands in an archive
            "page": str(info.page),
            "title_en": article.title_en,
            "title_zh": article.title_zh,
            "block": m.block,
            "part_en": passage_part(article, block, "en"),  # after the title: "…, ¶3" / "…，第3段"
            "part_zh": passage_part(article, block, "zh"),
            "zh": sentence(block.zh, m.start, "zh") if m.start >= 0 else "",
            "en": sentence(block.en, m.en_start, "en") if m.en_start >= 0 else "",
        }

    @cached_property
    def named(self) -> dict[str, set[str]]:
        """Article id -> ids of the entities it mentions."""
        named: dict[str, set[str]] = {a.id: set() for a in self.edition.all_articles}
        for entity in self.edition.entities:
            for mention in entity.mentions:
                named[mention.article].add(entity.id)
        return named

    @cached_property
    def see_also(self) -> dict[str, list[tuple[Article, list[Entity]]]]:
        """For each article, the articles that share its most distinctive names.

        A name counts for less the more articles name it (a name every article shares is
        no guide at all); the five closest articles are listed, each with up to six of the
        names it shares, rarest first, so that an archive of thousands stays readable."""
        articles = self.edition.articles
        by_id = {e.id: e for e in self.edition.entities}
        holders: dict[str, list[Article]] = {}
        # Sets iterate in an order that changes with Python's string hashing: sorted, the
        # floating-point sums below (and so the ties) come out the same in every build.
        for article in articles:
            for entity_id in sorted(self.named[article.id]):
                holders.setdefault(entity_id, []).append(article)
        position = {a.id: n for n, a in enumerate(articles)}
        result: dict[str, list[tuple[Article, list[Entity]]]] = {}
        # A name shared by many articles says little about any two of them, and following it
        # would make this quadratic in an archive: names held by more than `common` are
        # skipped (a twentieth of the articles, and never more than COMMON: at 5,000 articles
        # a twentieth, 250, made this the build's longest step).
        common = max(3, min(len(articles) // 20, COMMON))
        for article in articles:
            score: dict[str, float] = {}
            shared: dict[str, list[str]] = {}
            for entity_id in sorted(self.named[article.id]):
                others = holders[entity_id]
                if len(others) == len(articles) or len(others) > common:
                    continue
                for other in others:
                    if other.id != article.id:
                        score[other.id] = score.get(other.id, 0.0) + 1 / len(others)
                        shared.setdefault(other.id, []).append(entity_id)
            # ties go to the article first in the archive (an article's order is its place on its page)
            closest = heapq.nsmallest(5, score, key=lambda k: (-score[k], position[k]))
            result[article.id] = [
                (
                    self.articles_by_id[other],
                    [by_id[e] for e in sorted(shared[other], key=lambda e: (len(holders[e]), e))[:6]],
                )
                for other in sorted(closest, key=lambda k: position[k])
            ]
        return result

    @cached_property
    def search_terms(self) -> dict[str, str]:
        """The names an article mentions, in every form, as extra search terms: a page is
        found by a form of a name that its text does not use (an alias, the English name).
        (The index holds Chinese one character a word, edition/search.py: 墨玉 is found in
        墨玉县 without them.)"""
        by_id = {e.id: e for e in self.edition.entities}
        out = {}
        for article in self.edition.all_articles:
            terms: list[str] = []
            for entity_id in sorted(self.named[article.id]):
                entity = by_id[entity_id]
                forms = (entity.zh, *entity.aliases_zh)
                terms.extend([*forms, entity.en, *entity.aliases_en])
                # the name without its administrative suffix: 墨玉县 -> 墨玉, 朝阳区 -> 朝阳
                terms.extend(t[:-1] for t in forms if len(t) >= 3 and t[-1] in "县区市省村乡")
            out[article.id] = " ".join(dict.fromkeys(terms))
        return out


def _naming_of(
    article: Article, mentions: Sequence[Mention], caption_urls: Mapping[str, str]
) -> dict[str, list[tuple[str, str]]]:
    """The blocks of one article naming each entity, once each, in the order of its mentions
    (each with the page that shows it: a caption, its photograph's article page)."""
    seen: dict[str, dict[tuple[str, str], None]] = {}
    for m in mentions:
        seen.setdefault(m.entity, {})[(caption_urls.get(m.block, article.url), m.block)] = None
    return {entity: list(blocks) for entity, blocks in seen.items()}


def appendix_context(edition: Edition, articles: Collection[str] | None = None) -> dict[str, Any]:
    """The figures appendix (of these articles only, for a part of it): rows grouped by
    article and theme (in the order site.toml declares the themes), the charts, the checks,
    the dates and the photographs."""
    mine = set(articles) if articles is not None else {a.id for a in edition.all_articles}
    # the figures of these articles, in the edition's order: by article where the stages kept
    # them so (an archive's appendix has a hundred parts, each of which went through all its figures)
    parts = edition.article_parts
    figures = (
        [f for a in edition.all_articles if a.id in mine and a.id in parts for f in parts[a.id][1]]
        if parts
        else [f for f in edition.figures if f.article in mine]
    )
    quantities = [f for f in figures if f.kind != "date"]
    by_article: dict[str, list[Figure]] = {}
    for f in quantities:
        by_article.setdefault(f.article, []).append(f)
    groups: list[tuple[Article, list[tuple[Theme | None, list[Figure]]]]] = []
    for article in edition.all_articles:
        if article.id in by_article:
            groups.append((article, _by_theme(by_article[article.id], edition.config.themes)))
    # Amounts the page reports: the price of the paper is furniture, not reporting.
    furniture = {b.id for a in edition.all_articles if a.id in by_article for b in a.blocks if b.kind in FURNITURE}
    money = sorted((f for f in quantities if f.unit == "元" and f.block not in furniture), key=lambda f: -f.value)
    # each amount with its Chinese label for the Chinese views' charts: the editor's, else the
    # words of the text around it (edition/charts.py); the same amounts in every view
    blocks = {b.id: b for a in edition.all_articles if a.id in by_article for b in a.blocks}
    # each amount with its qualifier as printed ("nearly", "more than", "about": review 13)
    bars = [_bar(f, blocks[f.block], f.qualifier) for f in money]
    by_id = {f.id: f for f in figures}  # a chart's steps are its article's figures (whose blocks are above)
    waterfalls = [
        (chart, [_bar(by_id[s], blocks[by_id[s].block]) for s in chart.steps])
        for chart in edition.charts
        if chart.article in mine
    ]
    return {
        "groups": groups,
        "checks": [c for c in edition.checks if c.article in mine],
        "photos": [p for p in edition.photos if p.article in mine],
        "dates": _dates(edition, [f for f in figures if f.kind == "date"]),
        "money_bars": bars,  # drawn by the page in its view's language (charts.chart_helpers)
        "waterfalls": waterfalls,
    }


def _dates(edition: Edition, dates: Sequence[Figure]) -> list[tuple[Figure, str, str]]:
    """Each printed date with, where its passage prints it more than once (2020年 three times in
    Moyu ¶3), the clause of the text around it, by which a reader tells which one a link meant
    (usage walk 17: three entries read "2020年 — 携手新疆墨玉 第3段"): in the Chinese, and in
    the English where the translation gives the date (review 23: the English view told them
    apart in Chinese only)."""
    twice = Counter((f.block, f.text) for f in dates)
    out = []
    for f in dates:
        block = edition.blocks_by_id.get(f.block)
        if not block or twice[f.block, f.text] < 2:
            out.append((f, "", ""))
            continue
        # (with the typographer's quotes, as the English is shown: one character for one)
        english = _clause_en(curly_quotes(block.en), f.en_start, f.en_end) if f.en_start >= 0 else ""
        out.append((f, clause_zh(block.zh, f.start, f.start + len(f.text)), english))
    return out


def _clause_en(text: str, start: int, end: int) -> str:
    """The clause of an English passage around [start, end): from the last comma, semicolon or
    full stop before it to the next after it."""
    begin = max(text.rfind(mark, 0, start) for mark in (",", ";", ". ")) + 1
    stops = [at for at in (text.find(mark, end) for mark in (",", ";", ". ")) if at >= 0]
    return text[begin : min(stops, default=len(text))].strip().rstrip(".")


def _bar(figure: Figure, block: Block, qualifier: str = "") -> Bar:
    """A figure as a chart's bar (``qualifier``: its qualifier, said with its amount)."""
    end = figure.start + len(figure.text)
    label_zh = figure.label_zh or clause_zh(block.zh, figure.start, end)
    note, note_zh = (f"{qualifier} ", QUALIFIER_ZH[qualifier]) if qualifier else ("", "")
    label = figure.label_en or figure.text
    return Bar(
        label, figure.value, f"#{figure.id}", note, label_zh, note_zh, _printed_in(figure, block, label_zh, note_zh)
    )


def _printed_in(figure: Figure, block: Block, label_zh: str, note_zh: str) -> tuple[int, int] | None:
    """Where the Chinese label prints the figure (with its qualifier, 近80亿元), if it does: the
    words of the text around it always do (the chart then says the amount there, once)."""
    if figure.label_zh:  # the editor's words: the figure where they hold it once, whole
        places = [m.start() for m in re.finditer(re.escape(figure.text), label_zh)]
        at = places[0] if len(places) == 1 and not re.search(r"[0-9.,]$", label_zh[: places[0]]) else -1
    else:  # the clause, a piece of the block's text: the figure's own place in it
        begin = block.zh.rfind(label_zh, 0, figure.start + len(label_zh))
        at = figure.start - begin if begin >= 0 and begin + len(label_zh) >= figure.start + len(figure.text) else -1
    if at < 0 or label_zh[at : at + len(figure.text)] != figure.text:
        return None
    start = at - len(note_zh) if note_zh and label_zh[:at].endswith(note_zh) else at
    return start, at + len(figure.text)


def _by_theme(figures: Sequence[Figure], themes: Sequence[Theme]) -> list[tuple[Theme | None, list[Figure]]]:
    """An article's figures by theme, in the themes' order; those of no theme (unlabelled, or
    labelled without one) last: every figure the text marks has its row."""
    by_id: dict[str, list[Figure]] = {}
    for f in figures:
        by_id.setdefault(f.theme, []).append(f)
    rows: list[tuple[Theme | None, list[Figure]]] = [(t, by_id.pop(t.id)) for t in themes if t.id in by_id]
    rest = [f for f in figures if f.theme in by_id]
    return [*rows, (None, rest)] if rest else rows


# Where a sentence ends: in Chinese at its full-width stops; in English at a stop (and the quotes
# or brackets closing on it) before a space or the end, never inside "3.5 million" or "@163.com"
# (the excerpt stopped at "raised 3.", a wrong figure), nor after "No." (the text's "No. 2").
_SENTENCE_END = {"zh": re.compile("[。！？；]"), "en": re.compile(r"(?<!\bNo)(?<!\bNos)[.!?;][\"”’)]*(?=\s|$)")}


def sentence(text: str, position: int, lang: str) -> str:
    """The sentence of ``text`` around ``position`` (the whole text if position < 0)."""
    if position < 0:
        return text
    start, end = 0, len(text)
    for stop in _SENTENCE_END[lang].finditer(text):
        if stop.end() <= position:
            start = stop.end()
        elif stop.start() >= position:
            end = stop.end()
            break
    return text[start:end].strip()
