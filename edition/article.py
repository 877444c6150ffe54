"""One article's work, given the site's glossaries, figure themes and readings: build_article() -> ArticleResult.

The model of the article, its mentions, its figures labelled, the checks of its
arithmetic, its charts, its translation's numbers checked against its Chinese, and its
words with their pinyin (the reading help): the very
functions the site's stages call for each article, run on one, each step's diagnostics kept
apart. The site's stages (assemble, annotate, figures, numbercheck) then take these results
through ``Replay`` and report each step's diagnostics where they would have made them, in
the same order; a build that made every result anew gives the same edition and the same
diagnostics as one that reused some (the dev server keeps them by content hash:
edition/incremental.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from edition.annotate import Lexicon, article_mentions
from edition.assemble import article_of
from edition.content import Document
from edition.errors import Diagnostic, Diagnostics
from edition.figures import article_figures, read_charts, run_checks
from edition.model import Article, Chart, Check, Figure, Mention
from edition.numbercheck import check_article
from edition.reading import BlockTokens, Readings, read_article

STEPS = ("made", "found", "labelled", "checked", "charted", "numbers")


@dataclass(frozen=True)
class ArticleResult:
    article: Article | None
    mentions: tuple[Mention, ...] = ()
    figures: tuple[Figure, ...] = ()
    checks: tuple[Check, ...] = ()
    charts: tuple[Chart, ...] = ()
    tokens: BlockTokens = ()  # each block's words and their pinyin (edition/reading.py)
    # each step's diagnostics (STEPS), reported by the site's stages in their own order
    diagnostics: tuple[tuple[Diagnostic, ...], ...] = ((),) * len(STEPS)


def build_article(
    zh: Document, en: Document | None, lexicon: Lexicon, themes: tuple[str, ...], readings: Readings
) -> ArticleResult:
    """One article, from its two files; pure (``themes``: the figure themes site.toml declares;
    ``readings``: the readings file's corrections of pypinyin)."""
    steps = [Diagnostics() for _ in STEPS]
    article = article_of(zh, en, steps[0])
    if article is None:
        return ArticleResult(None, diagnostics=tuple(tuple(d.items) for d in steps))
    mentions = article_mentions(article, zh, lexicon, steps[1])
    figures = article_figures(article, zh, mentions, lexicon.types, themes, steps[2])
    checks = run_checks(article, zh, figures, steps[3])
    charts = read_charts(article, zh, figures, steps[4])
    check_article(article, en, steps[5])
    return ArticleResult(
        article,
        tuple(mentions),
        tuple(figures),
        tuple(checks),
        tuple(charts),
        read_article(article, mentions, figures, lexicon.ranked, lexicon.rank, readings),
        tuple(tuple(d.items) for d in steps),
    )


def pairs(docs: Sequence[Document]) -> list[tuple[Document, Document | None]]:
    """Each Chinese file with its translation (None if it has none)."""
    en_docs = {d.stem: d for d in docs if d.lang == "en"}
    return [(d, en_docs.get(d.stem)) for d in docs if d.lang == "zh"]


class Replay:
    """The site's stages' per-article steps, answered from the results (by the Chinese
    file's path), each reporting its step's diagnostics."""

    def __init__(self, results: Mapping[str, ArticleResult]) -> None:
        self.results = results

    def _step(self, path: str, step: str, diags: Diagnostics) -> ArticleResult:
        result = self.results[path]
        diags.items.extend(result.diagnostics[STEPS.index(step)])
        return result

    def article(self, doc: Document, _en: Document | None, diags: Diagnostics) -> Article | None:
        return self._step(doc.path, "made", diags).article

    def mentions(self, article: Article, _doc: Document, _lexicon: Lexicon, diags: Diagnostics) -> list[Mention]:
        return list(self._step(article.path, "found", diags).mentions)

    def figures(self, article: Article, _doc: Document, *rest: object) -> list[Figure]:
        diags = rest[-1]
        assert isinstance(diags, Diagnostics)
        return list(self._step(article.path, "labelled", diags).figures)

    def checks(self, article: Article, _doc: Document, _figures: object, diags: Diagnostics) -> list[Check]:
        return list(self._step(article.path, "checked", diags).checks)

    def charts(self, article: Article, _doc: Document, _figures: object, diags: Diagnostics) -> list[Chart]:
        return list(self._step(article.path, "charted", diags).charts)

    def numbers(self, article: Article, _en: Document | None, diags: Diagnostics) -> None:
        self._step(article.path, "numbers", diags)

    def tokens(self, article: Article) -> BlockTokens:
        return self.results[article.path].tokens
