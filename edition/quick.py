"""The dev server's first answer to an edit: the edited article's own pages, at once.

An editor who saves an article looks at that article. Its pages depend on its own file
(and its translation's), and on the rest of the edition only through what other articles
contribute to them: how often a name is mentioned elsewhere, the see-also list, the
neighbours' titles. So the dev server first makes the edited article again (parse,
assemble, annotate, figures and checks: the very functions the build runs, on one
article) and renders its pages in every view with the last build's edition around it;
the browser reloads. Then the whole incremental build runs and brings every other page,
and the exports, up to date (and corrects the few counts above if the edit changed them);
if that changes anything the browser reloads again. Hugo's "fast render mode" works the
same way: what you are looking at first, the rest after.

What this does not handle (a new or deleted file, the page file, a glossary, a template,
a changed id or order) goes straight to the full build.
"""

from __future__ import annotations

import copy
import dataclasses
from collections import ChainMap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from edition.annotate import article_mentions, memo_lexicon
from edition.assemble import memo_article
from edition.cache import BuildCache
from edition.content import Document, Glossary, load_document
from edition.derive import SiteIndex
from edition.errors import BuildError, Diagnostics, rel
from edition.figures import article_charts, article_checks, article_figures
from edition.marks import Marker
from edition.model import Article, Edition, Figure, Mention
from edition.numbercheck import check_article
from edition.render import Job, Renderer, article_page, render_job
from edition.views import VIEWS


@dataclass(frozen=True)
class Snapshot:
    """What the last good build leaves for the next quick look."""

    root: Path
    edition: Edition
    index: SiteIndex
    renderer: Renderer
    glossaries: tuple[Glossary, ...]


def quick_pages(snapshot: Snapshot, path: Path, cache: BuildCache) -> dict[str, bytes] | None:
    """The pages (output path -> bytes) of the article whose Chinese or English file is
    ``path``, made from that file as it is now and the last build's everything else; None
    where this edit is not one a quick look can show (the full build will). Raises
    BuildError with the problems of the edited article."""
    root = snapshot.root
    name = rel(path, root)
    edition = snapshot.edition
    position = next((n for n, a in enumerate(edition.articles) if name in (a.path, a.en_path)), None)
    if position is None or not path.is_file():
        return None  # the page file, a glossary, a new file, a deleted one
    old = edition.articles[position]
    diags = Diagnostics()
    doc = load_document(path, root, diags, name)
    if doc is None:
        raise BuildError(diags.errors)
    cache.store(path, name, doc, list(diags.items))  # the full build that follows reuses this parse
    other = old.en_path if name == old.path else old.path
    counterpart = _cached_document(cache, other)
    if counterpart is None:
        return None
    zh, en = (doc, counterpart) if doc.lang == "zh" else (counterpart, doc)
    memo = cache.memo
    article = memo_article(memo, zh, en, diags)
    if article is None or (article.id, article.order, article.kind) != (old.id, old.order, old.kind):
        diags.raise_if_errors()
        return None  # the site's list of articles changes: the full build
    # The build's own steps, on this article (each kept in the memo for the full build).
    mentions = article_mentions(memo, article, zh, memo_lexicon(memo, snapshot.glossaries, diags), diags)
    types = {e.id: e.type for e in edition.entities}
    figures = article_figures(memo, article, zh, mentions, types, diags)
    article_checks(memo, article, zh, figures, diags)
    article_charts(memo, article, zh, figures, diags)
    check_article(memo, article, en, diags)
    diags.raise_if_errors()
    return _render(snapshot, position, article, mentions, figures)


def _cached_document(cache: BuildCache, name: str | None) -> Document | None:
    entry = cache.parsed.get(name or "")
    return entry[1] if entry is not None and isinstance(entry[1], Document) else None


def _render(
    snapshot: Snapshot, position: int, article: Article, mentions: Sequence[Mention], figures: Sequence[Figure]
) -> dict[str, bytes]:
    """The article's pages in every view, in the last build's edition with this article in it."""
    old_edition = snapshot.edition
    articles = (*old_edition.articles[:position], article, *old_edition.articles[position + 1 :])
    edition = dataclasses.replace(old_edition, articles=articles)
    index = _patched_index(snapshot.index, edition, article, mentions, figures)
    extra = article_page(edition, index, position)
    pages = {}
    for view in VIEWS:
        output, data = render_job(edition, snapshot.renderer, index, Job(view, article.url, "article.html", extra))
        pages[output] = data
    return pages


def _patched_index(
    old: SiteIndex, edition: Edition, article: Article, mentions: Sequence[Mention], figures: Sequence[Figure]
) -> SiteIndex:
    """The last build's lookups, with the edited article's blocks and marks in them. What
    other pages contribute (counts, see-also) is the last build's until the full build."""
    old.naming  # noqa: B018 - computed (from the kept per-article parts) before the copy shares it
    index = copy.copy(old)
    index.edition = edition
    index._article_keys = {}
    blocks = {b.id: b for b in article.blocks}
    index.blocks_by_id = ChainMap(blocks, old.blocks_by_id)  # type: ignore[assignment]
    index.owners = ChainMap(dict.fromkeys(blocks, article), old.owners)  # type: ignore[assignment]
    index.articles_by_id = ChainMap({article.id: article}, old.articles_by_id)  # type: ignore[assignment]
    # The article's marks from its own mentions and figures, and the marks of the captions
    # shown with it (the page's blocks) as they were; the notes they point to are the
    # entities as the last build counted them.
    captions = {p.block for p in old.photos.get(article.id, [])}
    shown = [*mentions, *(m for b in sorted(captions) for m in old.marker.mentions.get(b, ()))]
    figures = [*figures, *(f for f in old.edition.figures if f.block in captions)] if captions else figures
    named: dict[str, list[Mention]] = {e.id: [] for e in old.edition.entities}
    for m in shown:
        named[m.entity].append(m)
    own = dataclasses.replace(
        old.edition,
        entities=tuple(dataclasses.replace(e, mentions=tuple(named[e.id])) for e in old.edition.entities),
        figures=tuple(figures),
        parts=None,
    )
    marker = Marker(own)
    marker.entities = old.marker.entities
    index.marker = marker
    return index
