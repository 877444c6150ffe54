"""Data exports: edition.json (the contract other tools read; see the README)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from html import escape
from typing import Any

import orjson

from edition.model import Article, Block, Edition, Entity, Figure, Mention, NewsPage, Note
from edition.reading import reading_of
from edition.segment import Token

Tokens = Mapping[str, tuple[Token, ...]]

SCHEMA_VERSION = 1


def _block(block: Block, tokens: Tokens) -> dict[str, Any]:
    return {
        "id": block.id,
        "kind": block.kind,
        "zh": block.zh,
        "en": block.en,
        "source_lines": list(block.source_lines),
        # the words of zh, found at build time (edition/reading.py); zh itself is never changed
        "tokens": [{"text": t.text, "pinyin": t.pinyin} for t in tokens.get(block.id, ())],
    }


def _article(article: Article, tokens: Tokens) -> dict[str, Any]:
    return {
        "id": article.id,
        "order": article.order,
        "title": {"zh": article.title_zh, "en": article.title_en},
        "url": article.url,
        "translator": article.translator,
        "translation_outdated": article.outdated,
        "blocks": [_block(b, tokens) for b in article.blocks],
    }


def _entity(entity: Entity, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """An entity of edition.json, with its mentions."""
    return {
        "id": entity.id,
        "type": entity.type,
        "zh": entity.zh,
        "en": entity.en,
        "pinyin": entity.pinyin,
        "note": entity.note,
        "note_kind": entity.note_kind,
        "wikidata": entity.wikidata,
        "aliases": {"zh": list(entity.aliases_zh), "en": list(entity.aliases_en)},
        # the aliases that name it on these newspapers' pages alone (本报 "this newspaper")
        "aliases_only_in": {paper: list(forms) for paper, forms in entity.aliases_only_in},
        "sources": list(entity.sources),
        "mentions": mentions,
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "id": figure.id,
        "article": figure.article,
        "block": figure.block,
        "text": figure.text,
        "value": figure.value,
        "end_value": figure.end_value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "kind": figure.kind,
        "label": {"en": figure.label_en, "zh": figure.label_zh},
        "theme": figure.theme,
    }


FIGURE_COLUMNS = [
    "id",
    "article",
    "block",
    "text",
    "value",
    "end_value",
    "unit",
    "qualifier",
    "kind",
    "label_en",
    "label_zh",
    "theme",
    "url",
]


def _per_article(edition: Edition) -> list[tuple[Article, Sequence[Mention] | None, Sequence[Figure]]]:
    """Each article with its mentions and figures (as the stages made them, or gathered here)."""
    parts = edition.article_parts
    if parts:
        return [(a, *parts[a.id]) for a in edition.all_articles]
    figures: dict[str, list[Figure]] = {}
    for f in edition.figures:
        figures.setdefault(f.article, []).append(f)
    return [(a, None, figures.get(a.id, [])) for a in edition.all_articles]


def _figure_rows(edition: Edition, article: Article, figures: Sequence[Figure]) -> list[dict[str, Any]]:
    rows = []
    for f in figures:
        row = {k: v for k, v in _figure(f).items() if k != "label"}
        row |= {
            "label_en": f.label_en,
            "label_zh": f.label_zh,
            "url": f"{edition.config.base_url}{article.url}#{f.block}",
        }
        rows.append({k: row[k] for k in FIGURE_COLUMNS})
    return rows


def figures_table(edition: Edition) -> list[dict[str, Any]]:
    """The appendix table as rows: the CSV and figures.json downloads."""
    return [row for a, _, figures in _per_article(edition) for row in _figure_rows(edition, a, figures)]


def figures_files(edition: Edition) -> dict[str, bytes]:
    """figures.csv and figures.json: the appendix table, made once for both."""
    table = figures_table(edition)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return {"figures.csv": out.getvalue().encode("utf-8"), "figures.json": _json(table)}


def _json(value: Any) -> bytes:
    """JSON as orjson writes it: UTF-8, no indentation (indentation was half the bytes of
    edition.json, and an archive must fit GitHub Pages; a browser or `jq .` lays it out)."""
    return _compact(value) + b"\n"


def _compact(value: Any) -> bytes:
    """orjson's bytes for ``value``, where a generator stands for a list: its items are made
    and written one by one (an archive's edition.json whole in memory took 180 MB at 1,000)."""
    if isinstance(value, dict):
        return b"{" + b",".join(orjson.dumps(k) + b":" + _compact(v) for k, v in value.items()) + b"}"
    if isinstance(value, Iterator):
        return b"[" + b",".join(orjson.dumps(item) for item in value) + b"]"
    return orjson.dumps(value)


def edition_json(edition: Edition) -> bytes:
    return _json(edition_data(edition))


def edition_data(edition: Edition) -> dict[str, Any]:
    """The edition.json value."""
    site, first = edition.config.site, edition.pages[0]
    info = first.info  # "edition" and "source" say what they said before the archive: its first page
    tokens = reading_of(edition).tokens
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": {
            "title": {"zh": site.title_zh, "en": site.title_en},
            "newspaper": {"zh": info.newspaper_zh, "en": info.newspaper_en},
            "date": info.date,
            "page": info.page,
            "section": {"zh": info.section_zh, "en": info.section_en},
            "base_url": edition.config.base_url,
        },
        "source": _source(first),
        "page": {"blocks": [_block(b, tokens) for b in first.front.blocks]},
        "pages": [
            {
                "key": p.key,
                "url": p.url,
                "newspaper": {"zh": p.info.newspaper_zh, "en": p.info.newspaper_en},
                "date": p.info.date,
                "page": p.info.page,
                "section": {"zh": p.info.section_zh, "en": p.info.section_en},
                "title": {"zh": p.info.title_zh, "en": p.info.title_en},
                "source": _source(p),
                "blocks": [_block(b, tokens) for b in p.front.blocks],
                "articles": [a.id for a in p.articles],
            }
            for p in edition.pages
        ],
        # the long lists made item by item as they are written (_json), never whole
        "articles": (_article(a, tokens) for a in edition.articles),
        "entities": (_entity(e, [_mention(m) for m in e.mentions]) for e in edition.entities),
        "figures": (_figure(f) for _, _, figures in _per_article(edition) for f in figures),
        "checks": [
            {
                "id": c.id,
                "article": c.article,
                "label": c.description,
                "expression": c.expression,
                "left": c.actual,
                "right": c.expected,
                "ok": c.ok,
            }
            for c in edition.checks
        ],
        "photos": [
            {
                "id": p.id,
                "article": p.article,
                "block": p.block,
                "caption": {"zh": p.caption_zh, "en": p.caption_en},
                "credit": {"zh": p.credit_zh, "en": p.credit_en},
                "image": p.image,
            }
            for p in edition.photos
        ],
        "notes": [_note(n) for a in edition.all_articles for n in a.notes],
        "emendations": [
            {"block": e.block, "source": e.source, "reading": e.reading, "reason": e.reason}
            for a in edition.all_articles
            for e in a.emendations
        ],
    }


def _source(page: NewsPage) -> dict[str, Any]:
    return {"path": page.source.path, "sha256": page.source.sha256, "lines": page.source.lines}


def _note(n: Note) -> dict[str, Any]:
    return {"id": n.id, "kind": n.kind, "article": n.article, "block": n.block, "title": n.title, "text": n.text}


def _mention(m: Mention) -> dict[str, Any]:
    return {"article": m.article, "block": m.block, "zh": m.zh, "en": m.en}


def sitemap_xml(edition: Edition, pages: list[str]) -> bytes:
    """Every page of the site (index.html files), with absolute URLs under base_url."""
    base = edition.config.base_url
    urls = []
    for page in sorted(pages):
        if page.endswith(".html") and page != "404.html":
            path = page[: -len("index.html")] if page.endswith("index.html") else page
            urls.append(
                f"<url><loc>{escape(base + path, quote=False)}</loc><lastmod>{edition.config.build_date}</lastmod></url>"
            )
    body = "\n".join(urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}\n</urlset>\n'
    ).encode()


def robots_txt(edition: Edition) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {edition.config.base_url}sitemap.xml\n".encode()
