"""Data exports: edition.json (the contract other tools read; see the README)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from html import escape
from typing import Any

from edition.jsonout import Chunk, Chunks, chunk, pieces
from edition.memo import Memo, Same
from edition.model import Article, Block, Edition, Entity, Figure, Mention, NewsPage, Note

SCHEMA_VERSION = 1


def _block(block: Block) -> dict[str, Any]:
    return {
        "id": block.id,
        "kind": block.kind,
        "zh": block.zh,
        "en": block.en,
        "source_lines": list(block.source_lines),
    }


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "order": article.order,
        "title": {"zh": article.title_zh, "en": article.title_en},
        "url": article.url,
        "translator": article.translator,
        "translation_outdated": article.outdated,
        "blocks": [_block(b) for b in article.blocks],
    }


def _entity(entity: Entity, mentions: Chunks) -> dict[str, Any]:
    """An entity of edition.json; its mentions, already encoded, are spliced in."""
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
    """Each article with its mentions and figures: the objects the stages made (keys of the
    memo), or, for an edition without them, gathered here (and then nothing is reused)."""
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


def _csv_rows(edition: Edition, article: Article, figures: Sequence[Figure]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
    for row in _figure_rows(edition, article, figures):
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return out.getvalue()


def figures_csv(edition: Edition, memo: Memo | None = None) -> bytes:
    return "".join(figures_csv_pieces(edition, memo)).encode("utf-8")


def figures_csv_pieces(edition: Edition, memo: Memo | None = None) -> Iterator[str]:
    """figures.csv's text, article by article (each made as it is written)."""
    memo = memo or Memo(keep=False)
    base = edition.config.base_url
    yield ",".join(FIGURE_COLUMNS) + "\n"
    for a, _, f in _per_article(edition):
        yield memo.value(("csv", Same(f), base), _csv_rows, edition, a, f)


def figures_json(edition: Edition, memo: Memo | None = None) -> bytes:
    return "".join(figures_json_pieces(edition, memo)).encode("utf-8")


def figures_json_pieces(edition: Edition, memo: Memo | None = None) -> Iterator[str]:
    """figures.json's text, in pieces (jsonout.pieces)."""
    memo = memo or Memo(keep=False)
    base = edition.config.base_url
    rows = Chunks(
        (memo.value(("figure-rows", Same(f), base), _figure_chunk, edition, a, f) for a, _, f in _per_article(edition)),
        0,
    )
    yield from pieces(rows)
    yield "\n"


def _figure_chunk(edition: Edition, article: Article, figures: Sequence[Figure]) -> Chunk:
    return chunk(_figure_rows(edition, article, figures), 0)


def edition_data(edition: Edition, memo: Memo | None = None) -> dict[str, Any]:
    """The edition.json value; its long lists are Chunks, encoded per article and kept in
    ``memo`` while the article is unchanged (jsonout splices them)."""
    memo = memo or Memo(keep=False)
    site, first = edition.config.site, edition.pages[0]
    info = first.info  # "edition" and "source" say what they said before the archive: its first page
    per_article = _per_article(edition)
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
        "page": {"blocks": Chunks([_chunk(first.front.blocks, _block, 2)], 2)},
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
                "blocks": [_block(b) for b in p.front.blocks],
                "articles": [a.id for a in p.articles],
            }
            for p in edition.pages
        ],
        "articles": Chunks((memo.value(("json-article", Same(a)), _chunk, [a], _article) for a in edition.articles), 1),
        "entities": _entities(edition, per_article, memo),
        "figures": Chunks((memo.value(("json-figures", Same(f)), _chunk, f, _figure) for _, _, f in per_article), 1),
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
        "notes": Chunks((memo.value(("json-notes", Same(a)), _chunk, a.notes, _note) for a, _, _ in per_article), 1),
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


def _chunk(values: Iterable[Any], convert: Callable[[Any], Any], depth: int = 1) -> Chunk:
    """Items of a top-level array of edition.json (depth 1), encoded as one chunk."""
    return chunk(map(convert, values), depth)


_MENTIONS_DEPTH = 3  # edition.json: {"entities": [{"mentions": [...]}]}


def _entities(
    edition: Edition, per_article: list[tuple[Article, Sequence[Mention] | None, Sequence[Figure]]], memo: Memo
) -> list[dict[str, Any]]:
    """The entities with their mentions; the mentions encoded article by article (the order
    of entity.mentions), so that an article's are encoded again only when it changes."""
    mentions: dict[str, list[Chunk]] = {e.id: [] for e in edition.entities}
    if all(named is not None for _, named, _ in per_article):
        for _, named, _ in per_article:
            assert named is not None
            for entity_id, text in memo.value(("json-mentions", Same(named)), _encode_mentions, named).items():
                mentions[entity_id].append(text)
    else:
        for e in edition.entities:
            mentions[e.id].append(chunk(map(_mention, e.mentions), _MENTIONS_DEPTH))
    return [_entity(e, Chunks(mentions[e.id], _MENTIONS_DEPTH)) for e in edition.entities]


def _encode_mentions(named: Sequence[Mention]) -> dict[str, Chunk]:
    """An article's mentions, entity by entity, as chunks of the entities' mention arrays."""
    grouped: dict[str, list[Mention]] = {}
    for m in named:
        grouped.setdefault(m.entity, []).append(m)
    return {entity: chunk(map(_mention, ms), _MENTIONS_DEPTH) for entity, ms in grouped.items()}


def edition_json(edition: Edition, memo: Memo | None = None) -> bytes:
    return "".join(edition_json_pieces(edition, memo)).encode("utf-8")


def edition_json_pieces(edition: Edition, memo: Memo | None = None) -> Iterator[str]:
    """edition.json's text, in pieces: its long lists article by article, each made as it is
    written (jsonout.pieces), so that an archive's is never whole in memory."""
    yield from pieces(edition_data(edition, memo))
    yield "\n"


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
