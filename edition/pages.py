"""Every page of the site: the Edition -> [Page(path, template, data)], in a fixed order.

A page's ``data`` is what its template receives beyond the view-wide helpers and the
site's lookups (edition/render.py): plain values, the same in every view where they can
be (made once, shared by the four views). The view and the page's path within the view
are part of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from edition.config import PageInfo, SiteConfig
from edition.derive import SiteIndex, appendix_context
from edition.errors import BuildError, Diagnostic, Loc
from edition.glossary import ENTITY_TYPES
from edition.model import Article, Edition, NewsPage
from edition.parts import appendix_parts, navigation, part_path
from edition.refs import MONTHS, passage_words
from edition.search import traditional_tables
from edition.views import VIEWS, View, page_file, use_traditional

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """One file of the site made from a template: its output path, its template, its data."""

    path: str
    template: str
    data: dict[str, Any]


# The views with a vocabulary page of their own, one a script: the parallel view's, in
# Simplified characters with the English of a learner's glosses, serves the Simplified and
# English views too (their addresses lead to it; a page of its own in the Simplified view
# was 41 KB an article, 8% of an archive, for the interface's words alone); the Traditional
# view's is in its characters.
WORDS_VIEWS = ("parallel", "zh-hant")


@dataclass(frozen=True, slots=True)
class Titled:
    """What a redirect page names the article it leads to by: its titles alone (the page is
    rendered again when they change, not at every edit of the article)."""

    title_zh: str
    title_en: str


def page(view: View, path: str, template: str, **data: Any) -> Page:
    """A page at ``path`` within ``view`` (e.g. "articles/x/" in the English view)."""
    return Page(view.prefix + page_file(path), template, {"view": view, "path": path, "searchable": False, **data})


def site_pages(edition: Edition, site: SiteIndex) -> list[Page]:
    """Every page of every view, then the not-found page; long pages in parts (edition/parts.py).
    The site's own pages come view by view, then each article's pages in its four views one
    after another (they share their pieces: edition/pieces.py)."""
    articles = [article_data(edition, site, n) for n in range(len(edition.articles))]
    fronts = [front_data(site, news, *_neighbours(edition.pages, n)) for n, news in enumerate(edition.pages)]
    appendix = appendix_parts(edition)
    appendix_nav = navigation("figures/", len(appendix))
    figures = [{**appendix_context(edition, ids), "part": n, "parts": appendix_nav} for n, ids in enumerate(appendix)]
    groups = [(kind, [e for e in edition.entities if e.type == kind]) for kind in ENTITY_TYPES]
    groups = [(kind, entities) for kind, entities in groups if entities]
    entities = [entity_parts(site, entity) for entity in edition.entities]
    # the search page's table of Traditional characters follows every Chinese text and name,
    # converted as the site's zh-Hant view is
    use_traditional(edition.config.traditional, edition.config.traditional_fixes)
    hant_pairs, hant_forms = traditional_tables(edition)
    # (in an archive, a result names its page: its date's month in English, from its address)
    search = {
        "hant_pairs": hant_pairs,
        "hant_forms": hant_forms,
        "passage_words": passage_words(),
        "months": " ".join(MONTHS),
    }
    dates = archive_dates(edition)
    # a redirect's link is named by its page's titles (a page's front too: all_articles, review 14)
    by_url = {a.url: Titled(a.title_zh, a.title_en) for a in edition.all_articles}
    ids = {a.url: a.id for a in edition.articles}  # (a renamed article's old address: _renamed)
    pages: list[Page] = []
    for view in VIEWS:
        # A site of one page has that page's front as its home; an archive lists its dates.
        if len(edition.pages) == 1:
            # the same page as the front's: search engines are sent there, and search indexes it once
            canonical = edition.config.base_url + view.prefix + edition.pages[0].url
            pages.append(page(view, "", "home.html", **{**fronts[0], "searchable": False, "canonical": canonical}))
        else:
            pages.append(page(view, "", "archive.html", dates=dates))
        pages.extend(
            page(view, news.url, "home.html", **front) for news, front in zip(edition.pages, fronts, strict=True)
        )
        # (named for the reader: the article it leads to, else its address; never the absolute
        # address, whose base_url may be site.toml's placeholder)
        pages.extend(
            page(view, old, "redirect.html", target=new, named=by_url.get(new), renamed=_renamed(old, new, ids))
            for old, new in edition.config.redirects
        )
        pages.append(page(view, "search/", "search.html", **search))
        pages.append(page(view, "about/", "about.html", edition=edition))
        pages.extend(page(view, part_path("figures/", n), "figures.html", **data) for n, data in enumerate(figures))
        pages.append(page(view, "index/", "index.html", groups=groups, kind=None))
        for kind, members in groups:
            pages.append(page(view, f"index/{kind}/", "index.html", groups=[(kind, members)], kind=kind))
        for parts in entities:
            pages.extend(page(view, path, "entity.html", **data) for path, data in parts)
    # An article's pages in its four views one after another: they show the same pieces,
    # made once (edition/pieces.py)
    # (each article's vocabulary, for reading without JavaScript, is made as its page is
    # rendered: the lookup ``vocabulary``; held for the whole build, an archive's were the
    # largest of its pages' data)
    for a, data in zip(edition.articles, articles, strict=True):
        for view in VIEWS:
            pages.append(page(view, a.url, "article.html", **data))
            # (a vocabulary page's switch offers only those views: usage walk 11 found its
            # 简体中文 link a redirect back to the page it was on)
            if view.code in WORDS_VIEWS:
                pages.append(page(view, a.url + "words/", "words.html", article=a, in_views=WORDS_VIEWS))
            else:
                # not a page that moved: served by the parallel view by design, and said so
                words = a.url + "words/"
                pages.append(
                    page(
                        view,
                        words,
                        "redirect.html",
                        target=words,
                        root=True,
                        says="vocabulary_elsewhere",
                        named=by_url[a.url],
                        words=True,
                    )
                )
    pages.append(page(VIEWS[0], "404.html", "404.html"))
    # Whether the site is an archive (many pages: its home lists their dates), on every page:
    # the header's first link, an article's head, the appendix's words say so. Each page's
    # data is a dict of its own (page()).
    archive = len(edition.pages) > 1
    for made in pages:
        made.data["archive"] = archive
    return pages


def _neighbours(items: Sequence[T], n: int) -> tuple[T | None, T | None]:
    """The items before and after the n-th (pages, articles), where there are."""
    return (items[n - 1] if n > 0 else None), (items[n + 1] if n + 1 < len(items) else None)


def front_data(
    site: SiteIndex, news: NewsPage, previous: NewsPage | None = None, following: NewsPage | None = None
) -> dict[str, Any]:
    """What the front of a newspaper page shows (the same in every view); in an archive, the
    pages before and after it (by date, then number)."""
    whole = site.whole[news.key]
    return {
        "page": news,
        "previous_page": {"url": previous.url, "info": previous.info} if previous else None,
        "next_page": {"url": following.url, "info": following.info} if following else None,
        "whole_page": whole,
        # the photographs of its own articles only: a front holding the whole archive's
        # photographs (or the whole edition) was rendered again after every edit anywhere
        "photos": {a.id: site.photos.get(a.id, []) for a in news.articles} if whole else {},
        # the notes of the page's own text (its articles' are on their pages); a page that
        # lists its articles shows captions with their photographs, on the articles' pages
        "note_blocks": [b for b in news.front.blocks if whole or b.kind != "caption"],
        "searchable": True,
    }


def archive_dates(edition: Edition) -> list[tuple[str, list[dict[str, Any]]]]:
    """What the home of an archive lists: its dates and, under each, its pages, each with its
    number of articles (not the pages themselves, whose text an edit changes)."""
    return [
        (date, [{"url": p.url, "info": p.info, "article_count": len(p.articles)} for p in pages])
        for date, pages in edition.dates
    ]


def article_data(edition: Edition, site: SiteIndex, n: int) -> dict[str, Any]:
    """What the page of the n-th article shows (the same in every view)."""
    articles = edition.articles
    article = articles[n]
    photos = site.photos.get(article.id, [])
    previous, following = _neighbours(articles, n)
    return {
        "article": article,
        "info": edition.page_of(article).info,  # its newspaper page's settings
        # (in an archive its page is named and linked at its head) a neighbour on another page
        # says which (the reader is moving to another date or page)
        "page_url": edition.page_of(article).url,
        "previous": previous,
        "next": following,
        "previous_info": _elsewhere(edition, article, previous),
        "next_info": _elsewhere(edition, article, following),
        "photos": photos,
        # the captions shown with the article carry mentions too: their notes belong here
        "note_blocks": [*article.blocks, *(site.blocks_by_id[p.block] for p in photos)],
        "see_also": site.see_also[article.id],
        "searchable": True,
    }


def _elsewhere(edition: Edition, article: Article, other: Article | None) -> PageInfo | None:
    """The page of a neighbouring article, if it is not the article's own."""
    if other is None or other.page == article.page:
        return None
    return edition.page_of(other).info


def entity_parts(site: SiteIndex, entity: Any) -> list[tuple[str, dict[str, Any]]]:
    """An entity's page in parts: (path in the view, data) of each."""
    first = f"entity/{entity.id}/"
    parts = site.entity_parts(entity)
    nav = navigation(first, len(parts))
    rows = site.mention_rows(entity)
    return [
        (
            part_path(first, n),
            {
                "entity": entity,
                "searchable": n == 0,  # the entity once in the search index, not once a part
                "part": n,
                "parts": nav,
                "first_row": start,
                "mention_rows": rows[start:end],
            },
        )
        for n, (start, end, _, _) in enumerate(parts)
    ]


def redirects_astray(config: SiteConfig, pages: Sequence[Page]) -> None:
    """A redirect must lead to a page of the site: one whose article's id changed (fidelitystage's
    warning says to add a redirect) left the old one sending readers to a page that is gone."""
    # (a redirect is not a page to send readers to: one to itself reloads for ever, a chain
    # passes through pages that say "moved")
    there = {page.data["path"] for page in pages if page.template != "redirect.html"}
    moved = dict(config.redirects)
    problems = sorted(
        (
            Diagnostic(
                Loc("site.toml", line, 1),
                f"redirect {old!r} leads to {new!r}, "
                + (f"itself a redirect (to {moved[new]!r})" if new in moved else "which is no page of the site"),
                f"send it to where the other leads, {moved[new]!r}" if new in moved else _nearby(new, there),
            )
            for (old, new), line in zip(config.redirects, config.redirect_lines, strict=True)
            if new not in there
        ),
        key=lambda d: d.loc.line,
    )
    if problems:
        raise BuildError(problems)


def _nearby(address: str, there: set[str]) -> str:
    """The hint for a redirect astray: the pages beside the address it names (an article's id
    changed: the page's other articles, the new id among them)."""
    folder = address.rstrip("/").rpartition("/")[0] + "/"
    depth = folder.count("/") + 1
    beside = sorted(p for p in there if p.startswith(folder) and p != folder and p.count("/") == depth)
    if folder != "/" and beside:
        return f"the addresses in {folder} are {', '.join(beside)}: write the one it moved to, or remove the redirect"
    return "write the address of a page of the site (an article's: <date>/p<page>/<id>/), or remove the redirect"


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _renamed(old: str, new: str, ids: dict[str, str]) -> tuple[str, str] | None:
    """An article's old id and its new one, where a redirect sends an old address named by
    another id to an article (its id changed): the redirect then sends a passage's anchor on
    (#old-p3 to #new-p3). None for any other redirect (review 22: an article sent to its page's
    front had its anchors rewritten)."""
    before, now = old.rstrip("/").rpartition("/")[2], ids.get(new)
    return (before, now) if now is not None and before != now and _ID.fullmatch(before) else None
