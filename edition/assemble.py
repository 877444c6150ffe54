"""Documents -> the Edition model: pair translations, resolve front matter, cross-check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from edition.config import PageInfo, SiteConfig
from edition.content import Document, text_hash
from edition.errors import Diagnostic, Diagnostics, Loc, choices, show_invisible
from edition.front import NOTE_KINDS
from edition.frontschema import duplicate_orders
from edition.ids import block_id, local_block_ids
from edition.model import Article, Block, Edition, Emendation, NewsPage, Note, Photo, SourceText

# A block of an English skeleton (python build.py cut): "TODO: translate p3". It is no
# translation: the block is shown and checked as untranslated, and the page builds.
UNTRANSLATED = "TODO: translate"
TRANSLATOR_PLACEHOLDER = "TODO: name the translator"  # a skeleton's translator: line


def _translation(text: str) -> str:
    return "" if text.startswith(UNTRANSLATED) else text


def assemble(
    config: SiteConfig,
    docs: Sequence[Document],
    pages: Sequence[tuple[PageInfo, SourceText]],
    diags: Diagnostics,
    unreadable: frozenset[str] = frozenset(),
    make: Callable[[Document, Document | None, Diagnostics], Article | None] | None = None,
) -> Edition | None:
    """Build the model; every problem goes to ``diags``. None if the model cannot be made.
    ``make``: one article's model (article_of, or the article as edition/article.py made it)."""
    make = make or article_of
    zh_docs = [d for d in docs if d.lang == "zh"]
    en_docs = {d.stem: d for d in docs if d.lang == "en"}
    zh_stems = {z.stem for z in zh_docs}
    for stem, doc in en_docs.items():
        if stem not in zh_stems and stem not in unreadable:
            diags.error(
                Loc(doc.path, 1, 1),
                "translation without a Chinese original",
                f"create content/{stem}.zh.md or rename this file",
            )
    articles = [make(doc, en_docs.get(doc.stem), diags) for doc in zh_docs]
    duplicate_orders(zh_docs, diags)
    made = _check_unique_ids([a for a in articles if a is not None], zh_docs, diags)
    complete = not unreadable and len(made) == len(zh_docs)
    news_pages = []
    for info, source in pages:
        mine = [a for a in made if a.page == info.key]
        fronts = [a for a in mine if a.kind == "page"]
        if not fronts and any(a is not None and a.page == info.key and a.kind == "page" for a in articles):
            continue  # its page file left out for a repeated id, said already (usage walk 14: a false second error)
        if len(fronts) != 1:
            diags.error(
                Loc(info.config_path, 1, 1),
                f"expected exactly one file with 'kind: page' in {info.folder}/, found {len(fronts)}",
                # a new page's folder, not cut yet: the cut writes its files
                f"run ./run cut {info.folder} to write the page's files from its source and layout"
                if not mine
                else "the page file (00-page.zh.md) holds masthead, headline and furniture",
            )
            continue
        body = tuple(sorted((a for a in mine if a.kind == "article"), key=lambda a: a.order))
        news_pages.append(NewsPage(info, source, fronts[0], body))
    if not news_pages or len(news_pages) != len(pages):
        if not pages:
            diags.error(
                Loc("content/"), "no newspaper page", "add a page folder content/<date>/p<page>/ with page.toml"
            )
        return None
    news_pages.sort(key=lambda p: (p.info.date, p.info.page))
    body_all = tuple(a for p in news_pages for a in p.articles)
    photos = tuple(
        photo
        for p in news_pages
        for photo in _photos(p.front, zh_docs, {a.id for a in p.articles}, diags, complete=complete)
    )
    return Edition(config=config, pages=tuple(news_pages), articles=body_all, photos=photos, complete=complete)


def article_of(doc: Document, en: Document | None, diags: Diagnostics) -> Article | None:
    # the front matter's own problems, found when it was parsed (edition/front.py)
    front = doc.article_front
    diags.items.extend((*front.unknown, *front.schema, *(en.meta.schema if en is not None else ())))
    diags.items.extend(front.id_problems)
    article_id = front.id
    if article_id is None:
        return None
    diags.items.extend(front.problems)  # its kind, its 'blocks:'
    kinds = [b.kind for b in doc.blocks]
    locals_ = local_block_ids(kinds)
    lines = front.source_lines
    en_blocks = _pair(doc, en, diags)
    if en is None:
        # (usage walk 14: a deleted English file published every block as "not yet translated"
        # without a word, where the cut's skeleton at least gets "N of N blocks await translation")
        diags.warning(
            Loc(doc.path, 1, 1),
            f"{article_id} has no English file ({doc.path.removesuffix('.zh.md')}.en.md); readers see every block as not yet translated",
            "run ./run cut: it writes the missing file's skeleton and overwrites nothing; then translate it",
        )
    zh_hash = text_hash(doc.blocks)
    outdated = False
    if en is not None and en.translation_front.translates not in (None, "", zh_hash):
        outdated = True
        diags.warning(
            Loc(en.path, en.meta.at("translates"), 1),
            "translation is outdated: the Chinese text changed since it was translated",
            f"review the English against {doc.path}, then set 'translates: \"{zh_hash}\"'",
        )
    blocks = tuple(
        Block(
            id=block_id(article_id, local),
            local=local,
            kind=b.kind,
            zh=b.text,
            en=_translation(en_blocks[i].text) if i < len(en_blocks) else "",
            source_lines=lines[i],
            loc=b.loc,
            en_loc=en_blocks[i].loc if i < len(en_blocks) else None,
        )
        for i, (b, local) in enumerate(zip(doc.blocks, locals_, strict=True))
    )
    if en is not None and en.translation_front.translator == TRANSLATOR_PLACEHOLDER:
        diags.warning(
            Loc(en.path, en.meta.at("translator"), 1),
            "the translator is still the cut's placeholder, and readers see it",
            'name who translated it: translator: "…"',
        )
    waiting = [b for b in blocks if b.en_loc is not None and not b.en]
    if en is not None and waiting:  # a skeleton's blocks, not translated yet
        diags.warning(
            waiting[0].en_loc or Loc(en.path),
            f"{len(waiting)} of {len(blocks)} blocks await translation ('{UNTRANSLATED} …'); readers see them marked so",
            "replace each placeholder with the block's English (python build.py check lists them)",
        )
    by_local = {b.local: b for b in blocks}
    headline = next((b for b in blocks if b.kind == "headline"), None)
    return Article(
        id=article_id,
        order=front.order,
        kind=front.kind,
        title_zh=front.title or (headline.zh if headline else article_id),
        title_en=headline.en if headline else "",
        blocks=blocks,
        notes=_notes(doc, article_id, by_local, diags),
        emendations=_emendations(doc, article_id, by_local, diags),
        path=doc.path,
        en_path=en.path if en else None,
        translator=en.translation_front.translator if en else "",
        outdated=outdated,
        zh_hash=zh_hash,
        vertical=front.vertical,
        page=doc.stem.rsplit("/", 1)[0],
    )


def _pair(doc: Document, en: Document | None, diags: Diagnostics) -> tuple[Any, ...]:
    """Pair the English blocks with the Chinese ones, kind by kind, position by position."""
    if en is None:
        return ()
    meta = en.translation_front
    diags.items.extend(meta.unknown)
    if meta.id != doc.article_front.id:
        diags.error(
            Loc(en.path, meta.at("id"), 1),
            f"translation id {meta.id_shown} differs from {doc.article_front.id!r}",
            f"use the id of {doc.path}",
        )
    for i in range(max(len(doc.blocks), len(en.blocks))):
        zh = doc.blocks[i] if i < len(doc.blocks) else None
        tr = en.blocks[i] if i < len(en.blocks) else None
        if zh is None and tr is not None:
            diags.error(
                tr.loc,
                f"extra block {i + 1} ({tr.kind}) has no Chinese counterpart",
                f"{doc.path} has {len(doc.blocks)} blocks; remove it or join it with the block before",
            )
            break
        if tr is None and zh is not None:
            diags.error(
                en.blocks[-1].loc if en.blocks else Loc(en.path, en.front_end + 1, 1),
                f"missing translation of block {i + 1} ({zh.kind}) at {zh.loc}: {zh.text[:20]}…",
                f"add its English as block {i + 1}; {doc.path} has {len(doc.blocks)} blocks and this file {len(en.blocks)}",
            )
            break
        assert zh is not None and tr is not None
        if zh.kind != tr.kind:
            diags.error(
                tr.loc,
                f"block {i + 1} is a {tr.kind} but the Chinese block it pairs with ({zh.loc}) is a {zh.kind}",
                "keep the same blocks in the same order as the Chinese; a missing or extra block shifts every pair after it",
            )
            break
    return en.blocks


def _notes(doc: Document, article_id: str, blocks: dict[str, Block], diags: Diagnostics) -> tuple[Note, ...]:
    notes = []
    for entry in doc.article_front.notes.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        if entry.kind not in NOTE_KINDS:
            diags.error(
                loc,
                f"note kind {entry.as_written('kind', entry.kind)} unknown",
                f"use one of {', '.join(sorted(NOTE_KINDS))}",
            )
        local = entry.block
        if local is not None and local not in blocks:
            diags.no_such_block(Loc(doc.path, entry.at("block"), 1), "note", local, blocks)
            local = None
        if not entry.id or not entry.text:
            diags.error(loc, "a note needs an 'id' and a 'text'", "add both")
            continue
        notes.append(
            Note(
                id=f"{article_id}-{entry.id}",
                kind=str(entry.kind),
                text=entry.text,
                article=article_id,
                block=blocks[local].id if local else None,
                loc=loc,
                title=entry.title,
            )
        )
    return tuple(notes)


def _emendations(
    doc: Document, article_id: str, blocks: dict[str, Block], diags: Diagnostics
) -> tuple[Emendation, ...]:
    out = []
    for entry in doc.article_front.emendations.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        if not entry.reason.strip():
            diags.error(
                loc, "emendation without a reason", "say in 'reason:' why the edition departs from the source here"
            )
        local = entry.block
        if local is None or local not in blocks:
            if "block" not in entry.wrong:  # else the schema said so
                diags.no_such_block(loc, "emendation", local, blocks)
            continue
        reading = entry.reading
        if not reading or reading not in blocks[local].zh:
            diags.error(
                Loc(doc.path, entry.at("reading"), 1),
                f"the emendation's reading {show_invisible(reading)} is not in the text of {blocks[local].id}",
                "give in 'reading:' the text as the edition now prints it (and in 'source:' as the source had it)",
            )
        out.append(Emendation(blocks[local].id, entry.source, entry.reading, entry.reason, loc))
    return tuple(out)


def _photos(
    page: Article, docs: Sequence[Document], article_ids: set[str], diags: Diagnostics, complete: bool = True
) -> tuple[Photo, ...]:
    doc = next(d for d in docs if d.path == page.path)
    by_local = {b.local: b for b in page.blocks}
    credit = next((b for b in page.blocks if b.kind == "credit"), None)
    photos = []
    for number, entry in enumerate(doc.article_front.photos.report(diags), start=1):
        loc = Loc(doc.path, entry.line, 1)
        block = by_local.get(str(entry.block))
        if block is None or block.kind != "caption":
            diags.error(
                loc,
                f"photo refers to {entry.as_written('block', entry.block)}, which is not a caption block of the page",
                "give the caption's block id, e.g. 'c1'",
            )
            continue
        if entry.article not in article_ids:
            if not complete:  # its article may be in a file that did not load
                continue
            diags.error(
                loc,
                f"photo is placed with article {entry.as_written('article', entry.article)}, which does not exist",
                f"articles: {choices(sorted(article_ids))}",
            )
            continue
        photos.append(
            Photo(
                # unique in the archive: a page's photographs carry its front's id (the first
                # page, whose own id is "page", keeps the ids it was published with)
                id=f"photo-{number}" if page.id == "page" else f"{page.id}-photo-{number}",
                article=str(entry.article),
                block=block.id,
                caption_zh=block.zh,
                caption_en=block.en,
                credit_zh=credit.zh if credit else "",
                credit_en=credit.en if credit else "",
                image=entry.image,
            )
        )
    return tuple(photos)


def _check_unique_ids(articles: Sequence[Article], docs: Sequence[Document], diags: Diagnostics) -> list[Article]:
    """The articles with the first of each id; a repeated id is reported and its file left out."""
    kept: list[Article] = []
    seen: dict[str, str] = {}
    id_lines = {d.path: d.meta.at("id") for d in docs}
    for article in articles:
        if article.id in seen:
            diags.error(
                Loc(article.path, id_lines.get(article.path, 2), 1),
                f"duplicate id {article.id!r}, already used by {seen[article.id]}",
                "ids are unique across the archive: give this file its own, in its Chinese and English"
                " files and in its page's layout.yaml",
            )
            continue
        seen[article.id] = article.path
        kept.append(article)
    return kept


__all__ = ["Diagnostic", "assemble"]
