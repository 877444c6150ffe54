"""Data exports: edition.json (the contract other tools read; see the README)."""

from __future__ import annotations

import json
from typing import Any

from edition.model import Article, Block, Edition

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


def edition_data(edition: Edition) -> dict[str, Any]:
    info = edition.config.edition
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": {
            "title": {"zh": info.title_zh, "en": info.title_en},
            "newspaper": {"zh": info.newspaper_zh, "en": info.newspaper_en},
            "date": info.date,
            "page": info.page,
            "section": {"zh": info.section_zh, "en": info.section_en},
            "base_url": edition.config.base_url,
        },
        "source": {"path": edition.source.path, "sha256": edition.source.sha256, "lines": edition.source.lines},
        "page": {"blocks": [_block(b) for b in edition.page.blocks]},
        "articles": [_article(a) for a in edition.articles],
        "entities": [],
        "figures": [],
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
        "notes": [
            {"id": n.id, "kind": n.kind, "article": n.article, "block": n.block, "title": n.title, "text": n.text}
            for n in edition.notes
        ],
        "emendations": [
            {"block": e.block, "source": e.source, "reading": e.reading, "reason": e.reason}
            for a in edition.all_articles
            for e in a.emendations
        ],
    }


def edition_json(edition: Edition) -> bytes:
    return (json.dumps(edition_data(edition), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
