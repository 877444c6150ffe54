"""Inline marks: mentions and figures turned into links inside a block's rendered text.

Marks are standoff spans (start, end) over the text as transcribed. The text between and
inside marks is rendered separately, each piece escaped by the Markdown renderer, so a
mark can never break out of its element and no content can inject markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markupsafe import Markup

from edition.markup import render_inline
from edition.model import Block, Edition, Entity, Figure, Mention
from edition.parts import appendix_paths
from edition.typography import curly_quotes


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    href: str
    css: str
    id: str = ""
    describedby: str = ""


def render_marked(text: str, spans: Sequence[Span], convert: Callable[[str], str] = str) -> Markup:
    """Render ``text`` with each span as a link; overlapping spans after the first are dropped."""
    out: list[str] = []
    position = 0
    size = len(text)
    # The Traditional view's text converted whole, then cut at the marks, as it is wherever it
    # is shown unmarked: converted piece by piece, a phrase across a mark's edge came out
    # otherwise (and a fix of site.toml's [traditional_fixes] across one was not applied).
    # OpenCC writes one character for one; where it did not, piece by piece.
    if convert is not str and len(whole := convert(text)) == size:
        text, convert = whole, str
    for span in sorted(spans, key=_span_order) if len(spans) > 1 else spans:
        start, end = span.start, span.end
        if start < position or end > size or start >= end:
            continue
        out.append(render_inline(convert(text[position:start])))
        out.append(_open_tag(span.css, span.href, span.id, span.describedby))
        out.append(render_inline(convert(text[start:end])))
        out.append("</a>")
        position = end
    out.append(render_inline(convert(text[position:])))
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


def _span_order(span: Span) -> tuple[int, int]:
    return span.start, -span.end


@lru_cache(maxsize=65536)
def _open_tag(css: str, href: str, ident: str, describedby: str) -> str:
    """A mark's opening tag, every attribute escaped (the same few recur on every page)."""
    attrs = f' class="{escape(css)}" href="{escape(href)}"'
    if ident:
        attrs += f' id="{escape(ident)}"'
    if describedby:
        attrs += f' aria-describedby="{escape(describedby)}"'
    return f"<a{attrs}>"


def _by_block(mentions: Iterable[Mention], rank: dict[str, int]) -> tuple[dict[str, list[Mention]], dict[Mention, int]]:
    """Mentions by block, in text order (names of the Chinese first, then those named only in
    the English), and each one's number in its block (the first of equal ones)."""
    by_block: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.block, []).append(mention)
    numbers: dict[Mention, int] = {}
    for block in by_block.values():
        block.sort(key=lambda m: (m.start < 0, m.start, m.en_start, rank[m.entity]))
        for n, mention in enumerate(block, 1):
            numbers.setdefault(mention, n)
    return by_block, numbers


def _figure_spans(figures: Iterable[Figure], appendix: Mapping[str, str]) -> dict[tuple[str, str], list[Span]]:
    """Each figure's marks: links to its row in the part of the appendix that lists its article,
    from the Chinese and from where the English gives it (edition/figures_en.py)."""
    spans: dict[tuple[str, str], list[Span]] = {}
    for figure in figures:
        end = figure.start + len(figure.text)
        href = f"{appendix.get(figure.article, 'figures/')}#{figure.id}"
        spans.setdefault((figure.block, "zh"), []).append(Span(figure.start, end, href, "fig"))
        if figure.en_start >= 0:
            spans.setdefault((figure.block, "en"), []).append(Span(figure.en_start, figure.en_end, href, "fig"))
    return spans


def _way(block_id: str, lang: str) -> str:
    """A later passage's way back to a name's mark, by language: "moyu-p6" to its Chinese mark,
    "moyu-p6~e" to its English one (usage walk 13: in the parallel view a reader who followed
    the English name came back to the Chinese one, above the line they were reading)."""
    return block_id + ("~e" if lang == "en" else "")


class Marker:
    """Marks for every block of an edition: mention spans (and, later, figure spans)."""

    def __init__(self, edition: Edition) -> None:
        appendix = appendix_paths(edition)  # article id -> the part of the appendix listing its figures
        self.entities = {e.id: e for e in edition.entities}
        rank = {e.id: n for n, e in enumerate(edition.entities)}
        # Each block's mentions in text order, and each mention's number in its block; made
        # article by article.
        self.mentions: dict[str, list[Mention]] = {}
        self._number: dict[Mention, int] = {}
        # Figures link to their row of the appendix, from the Chinese and the English.
        self.extra: dict[tuple[str, str], list[Span]] = {}
        parts = edition.article_parts
        if parts:
            for mentions, figures in parts.values():
                by_block, numbers = _by_block(mentions, rank)
                self.mentions.update(by_block)
                self._number.update(numbers)
                self.extra.update(_figure_spans(figures, appendix))
        else:
            by_block, self._number = _by_block([m for e in edition.entities for m in e.mentions], rank)
            self.mentions.update(by_block)
            self.extra.update(_figure_spans(edition.figures, appendix))
        self._span_cache: dict[tuple[str, str], tuple[Span, ...]] = {}
        # The first mention of each name in each article, per language: marked by default;
        # the others only on hover or focus, or when the reader asks for all names. A caption
        # is read with its photograph, on its article's page: it counts on its own.
        self.first: set[tuple[Mention, str]] = set()
        # The passage of each name's first mention in each article, in either language: its
        # note's "Back to the text" leads there; a mark in another passage leads to the note by
        # way of that passage's own way back (render(passages=True), passages_in()).
        self.home: dict[tuple[str, str], str] = {}  # (block id, entity id) -> the first passage's block id
        for each in edition.all_articles:
            text: set[tuple[str, str]] = set()
            homes: dict[str, str] = {}  # the article's names, each with its first passage
            for block in each.blocks:
                for mention in self.mentions.get(block.id, ()):
                    self.home[(block.id, mention.entity)] = homes.setdefault(mention.entity, block.id)
            for block in each.blocks:
                seen = set() if block.kind == "caption" else text
                for mention in self.mentions.get(block.id, ()):
                    for lang, start in (("zh", mention.start), ("en", mention.en_start)):
                        if start >= 0 and (mention.entity, lang) not in seen:
                            seen.add((mention.entity, lang))
                            self.first.add((mention, lang))

    def mention_id(self, mention: Mention, lang: str) -> str:
        return f"{mention.block}-{'m' if lang == 'zh' else 'e'}{self._number[mention]}"

    def spans(self, block: Block, lang: str) -> list[Span]:
        return list(self._spans(block, lang))

    def _spans(self, block: Block, lang: str) -> tuple[Span, ...]:
        """A block's marks in one language, made once per build (every view shows them)."""
        key = (block.id, lang)
        cached = self._span_cache.get(key)
        if cached is not None:
            return cached
        spans: list[Span] = []
        for mention in self.mentions.get(block.id, ()):
            entity = self.entities[mention.entity]
            css = "m f" if (mention, lang) in self.first else "m"
            start = mention.start if lang == "zh" else mention.en_start
            if start < 0:
                continue
            end = start + len(mention.zh if lang == "zh" else mention.en)
            spans.append(Span(start, end, f"#n-{entity.id}", css, self.mention_id(mention, lang), f"nt-{entity.id}"))
        # A mark of another layer yields to a mention: a name is read before its number.
        spans.extend(
            x
            for x in self.extra.get((block.id, lang), ())
            if not any(x.start < m.end and m.start < x.end for m in spans)
        )
        self._span_cache[key] = result = tuple(spans)
        return result

    def render(
        self,
        block: Block,
        lang: str,
        convert: Callable[[str], str] = str,
        url: Callable[[str], str] = str,
        notes_at: str = "",
        passages: bool = False,
        both: bool = False,
    ) -> Markup:
        """The block's text with its marks; ``url`` turns site paths into links from this page.
        ``notes_at``: the page that holds the notes of this block's names, when it is not this
        one (the front page leaves an article's notes to the article's page). ``passages``: on an
        article's page a name in a later passage than its first leads to its note by way of
        this passage's way back, "#n-<name>~<block>" ("~<block>~e" from its English: _way)
        (without JavaScript, "Back to the text" then returns here: usage walk; blockhtml's
        note_list makes them, from passages_in()). ``both``: the page shows both languages,
        where a note's "Back to the text" leads to its Chinese mark, so a name's English in its
        first passage goes by way of "~<block>~e" too (review 16: it came back to the Chinese)."""
        text = block.zh if lang == "zh" else curly_quotes(block.en)  # one character for one: offsets hold
        if notes_at:
            # An overview of the articles (the front page): each name linked at its first
            # mention in the article, to its note on the article's page, where every mention
            # and figure is linked. (Every mark of the whole page made it too heavy for a phone.)
            spans = [
                Span(s.start, s.end, url(notes_at + s.href), s.css) for s in self._spans(block, lang) if s.css == "m f"
            ]
        else:
            spans = [
                s if s.href.startswith("#") else Span(s.start, s.end, url(s.href), s.css, s.id, s.describedby)
                for s in self._spans(block, lang)
            ]
            if passages:
                spans = [
                    Span(s.start, s.end, f"{s.href}~{_way(block.id, lang)}", s.css, s.id, s.describedby)
                    if s.href.startswith("#n-") and (self._later(block, s.href[3:]) or (both and lang == "en"))
                    else s
                    for s in spans
                ]
        return render_marked(text, spans, convert)

    def _later(self, block: Block, entity: str) -> bool:
        """Whether ``block`` is a later passage than the one that first names ``entity`` in its article."""
        return self.home.get((block.id, entity), block.id) != block.id

    def passages_in(self, blocks: Sequence[Block], zh: bool, en: bool) -> dict[str, list[tuple[str, str]]]:
        """Each name's later passages in these blocks (not its first's; in a view of both
        languages, its first's English too), each with its first mark in a view showing zh
        and/or en: the ways back of the marks render(passages=True) makes."""
        ways: dict[str, dict[str, str]] = {}
        for block in blocks:
            for lang in ("zh", "en") if zh and en else ("zh",) if zh else ("en",):
                mentions = self.mentions.get(block.id, ())
                for mention in sorted(mentions, key=lambda m: m.start if lang == "zh" else m.en_start):
                    start = mention.start if lang == "zh" else mention.en_start
                    if start >= 0 and (self._later(block, mention.entity) or (zh and lang == "en")):
                        way = _way(block.id, lang)
                        ways.setdefault(mention.entity, {}).setdefault(way, self.mention_id(mention, lang))
        return {entity: list(by_block.items()) for entity, by_block in ways.items()}

    def named_in_one(self, blocks: Sequence[Block]) -> tuple[str, ...]:
        """The entities these blocks name in one language only: their notes are not in every
        view (a name only the English gives has no note in the Chinese views)."""
        mentions = [m for block in blocks for m in self.mentions.get(block.id, ())]
        zh = {m.entity for m in mentions if m.start >= 0}
        en = {m.entity for m in mentions if m.en_start >= 0}
        return tuple(sorted(zh ^ en))  # (in order: a page's fingerprint digests it)

    def entities_in(self, blocks: Sequence[Block], zh: bool, en: bool) -> list[tuple[Entity, str]]:
        """Entities marked in these blocks in a view showing zh and/or en, in order of
        first mark, each with the anchor of that first mark (the note's way back)."""
        first: dict[str, str] = {}
        for block in blocks:
            mentions = self.mentions.get(block.id, ())
            if not zh:  # in the English's own order ("Moyu, Xinjiang" for 新疆墨玉): notes numbered as read
                mentions = sorted((m for m in mentions if m.en_start >= 0), key=lambda m: m.en_start)
            for mention in mentions:
                if zh and mention.start >= 0:
                    first.setdefault(mention.entity, self.mention_id(mention, "zh"))
                elif en and mention.en_start >= 0:
                    first.setdefault(mention.entity, self.mention_id(mention, "en"))
        return [(self.entities[k], anchor) for k, anchor in first.items()]
