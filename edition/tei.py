"""TEI P5 XML of the whole edition: edition.tei.xml (model in, bytes out).

The document is valid against TEI P5's tei_all schema (tests/test_tei.py checks it):

- ``teiHeader``: titles, responsibilities (each translation's own statement of who made it
  and how, its ``translator:``), licence, the newspaper and the digital source (path, SHA-256, lines), the
  repair rules and the conventions below (``editorialDecl``), languages.
- ``text/body``: the page furniture (``div type="page"``) and one ``div type="article"``
  per article, each with ``div type="original" xml:lang="zh-Hans"`` and
  ``div type="translation" xml:lang="en"`` holding the same blocks in the same order.
  A block is ``head`` (headline, deck, subhead: ``@type``; a subhead opens a
  ``div type="section"``, since TEI allows a ``head`` only at the top of a division),
  ``p`` (paragraph), ``fw`` (masthead, nameplate, footer: forme work, ``@type``) or ``ab``
  (standfirst, caption, credit and any other kind: ``@type``; TEI's ``p`` has no ``@type``).
- Inline: entity mentions as ``persName``/``placeName``/``orgName``/``title``/``term``/
  ``name type="event"`` with ``@ref`` to the entity; in the Chinese only, figures as
  ``num`` and ``date``. Marks never overlap: a figure that overlaps a name yields to it.
- ``text/back``: the editors' notes and the emendations (``choice``/``sic``/``corr``).
- ``standOff``: the entities (``listPerson``, ``listPlace``, ``listOrg``, ``listBibl``,
  ``list type="terms"``, ``listEvent``), each with ``@xml:id`` = the entity id.

Ids: a Chinese block's ``@xml:id`` is its block id (the site's anchor), the English one's
the same with ``-en``; an entity's or a note's is its id; an id that begins with a digit
(which an xml:id may not) gets a leading ``_``. Article divisions are ``article-<id>`` (an
article id may equal an entity id: ``paired-assistance`` is both); the page's is ``page``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from itertools import chain

from edition.model import Article, Block, Edition, Entity, NewsPage
from edition.tei_words import word_groups
from edition.teitext import (
    ALIAS_TYPE,
    EN,
    FW_KINDS,
    HEAD_KINDS,
    NAME_TAGS,
    PINYIN,
    REPAIR_RULES,
    TEI_ALL_RNG,
    TEI_NS,
    XML_ID,
    XML_LANG,
    ZH,
    Mark,
    Marks,
    add_element,
    date_attributes,
    fill,
    iso_date,
    plain,
    plain_paragraphs,
    pointer,
    xml_id,
)
from edition.teiwrite import Keep, Made, hole, made_now, run, write

__all__ = ["Mark", "date_attributes", "fill", "plain", "tei_xml", "xml_id"]


def _block(parent: ET.Element, block: Block, lang: str, article: Article, marks: Marks) -> None:
    if block.kind in HEAD_KINDS:
        tag, kind = "head", block.kind
    elif block.kind in FW_KINDS:
        tag, kind = "fw", block.kind
    elif block.kind == "paragraph":
        tag, kind = "p", ""
    else:
        tag, kind = "ab", block.kind
    element = ET.SubElement(parent, tag)
    if kind:
        element.set("type", kind)
    if lang == ZH:
        element.set(XML_ID, xml_id(block.id))
        first, last = block.source_lines
        element.set("n", f"{first}-{last}")
        if block.local in article.vertical:
            element.set("rend", "vertical")
    else:
        element.set(XML_ID, xml_id(f"{block.id}-en"))
        element.set("corresp", pointer(block.id))
    fill(element, block.zh if lang == ZH else block.en, marks.get(block.id, lang))


def _language_div(parent: ET.Element, article: Article, lang: str, marks: Marks) -> ET.Element:
    div = add_element(parent, "div", type="original" if lang == ZH else "translation", xml_lang=lang)
    div.set("resp", "#resp-transcription" if lang == ZH else "#resp-translation")
    if lang == EN and article.outdated:
        add_element(
            div,
            "note",
            "The Chinese has changed since this translation was made; the translation awaits review.",
            type="status",
        )
    current = div
    body_started = False  # a p or ab stands in the current division: a head may no longer follow
    for block in article.blocks:
        if block.kind == "subhead" or (block.kind in HEAD_KINDS and body_started):
            current = add_element(div, "div", type="section")
            body_started = False
        _block(current, block, lang, article, marks)
        if block.kind not in HEAD_KINDS and block.kind not in FW_KINDS:
            body_started = True
    return div


def _article(body: ET.Element, article: Article, marks: Marks) -> None:
    if article.kind == "page":  # a newspaper page's own blocks: its front's id is unique in the archive
        div = add_element(body, "div", type="page", xml_id=article.id, n=str(article.order))
    else:
        div = add_element(body, "div", type="article", xml_id=f"article-{article.id}", n=str(article.order))
    _language_div(div, article, ZH, marks)
    _language_div(div, article, EN, marks)


def _div_id(edition: Edition, article_id: str) -> str:
    fronts = {p.front.id for p in edition.pages}
    return article_id if article_id in fronts else f"article-{article_id}"


# ---------------------------------------------------------------- header


def _source(source_desc: ET.Element, news: NewsPage) -> None:
    """A newspaper page and its witness, as the source of the edition."""
    info = news.info
    paper = add_element(source_desc, "bibl", type="newspaper")
    add_element(paper, "title", info.newspaper_zh, level="j", xml_lang=ZH)
    add_element(paper, "title", info.newspaper_en, level="j", xml_lang=EN)
    issued = iso_date(info.date)
    add_element(paper, "date", info.date, **({"when": issued} if issued else {}))
    add_element(paper, "biblScope", str(info.page), unit="page", n=str(info.page))
    add_element(paper, "biblScope", info.section_zh, unit="section", xml_lang=ZH)
    add_element(paper, "biblScope", info.section_en, unit="section", xml_lang=EN)
    digital = add_element(source_desc, "bibl", type="digital-source")
    add_element(digital, "title", "The text of the page as extracted from its PDF (plain text, UTF-8)")
    add_element(digital, "idno", news.source.path, type="path")
    add_element(digital, "idno", news.source.sha256, type="sha256")
    extent = add_element(digital, "extent")
    add_element(extent, "measure", f"{news.source.lines} lines", unit="line", quantity=str(news.source.lines))
    add_element(digital, "note", "The path is relative to the edition's repository; the file is kept there unchanged.")


def _header(root: ET.Element, edition: Edition) -> None:
    site = edition.config.site
    team = site.team
    header = add_element(root, "teiHeader")
    file_desc = add_element(header, "fileDesc")

    title_stmt = add_element(file_desc, "titleStmt")
    add_element(title_stmt, "title", site.title_zh, type="main", xml_lang=ZH)
    add_element(title_stmt, "title", site.title_en, type="main", xml_lang=EN)
    for news in edition.pages:
        info = news.info
        add_element(
            title_stmt,
            "title",
            f"An annotated bilingual edition of {info.newspaper_en} ({info.newspaper_zh}), {info.date}, page {info.page}",
            type="sub",
            xml_lang=EN,
        )
    for key, resp in (
        ("transcription", "Transcription of the Chinese text from the extracted source text, with its repairs"),
        # (who translated, and how, is each translation's own 'translator:', in the notes below:
        # a usage walk's hand translation of a second page was declared AI-drafted here)
        ("translation", "Translation into English (by whom and how: each translation's statement, below)"),
        ("annotation", "Annotation: entities, figures, editorial notes and emendations"),
    ):
        stmt = add_element(title_stmt, "respStmt", xml_id=f"resp-{key}")
        add_element(stmt, "resp", resp)
        add_element(stmt, "name", team)
        if key == "translation":
            by_translator: dict[str, list[str]] = {}
            for article in edition.all_articles:
                if article.translator:
                    by_translator.setdefault(article.translator, []).append(f"#{_div_id(edition, article.id)}")
            for translator, targets in by_translator.items():
                add_element(stmt, "note", f"Translator's statement: {translator}", target=" ".join(targets))

    publication = add_element(file_desc, "publicationStmt")
    add_element(publication, "publisher", team)
    build_date = edition.config.build_date
    when = iso_date(build_date)
    add_element(publication, "date", build_date, **({"when": when} if when else {}))
    if edition.config.base_url:
        add_element(publication, "idno", edition.config.base_url, type="URL")
    availability = add_element(publication, "availability")
    add_element(availability, "licence", site.license or "No licence is stated.")

    source_desc = add_element(file_desc, "sourceDesc")
    for news in edition.pages:
        _source(source_desc, news)

    encoding = add_element(header, "encodingDesc")
    decl = add_element(encoding, "editorialDecl")
    add_element(
        decl,
        "p",
        "The Chinese text is transcribed from the extracted text file described in the source description. Every "
        "non-blank line of that file stands in exactly one block (or is a recorded doubled copy), and a block whose "
        "Chinese departs from the repaired source does so only by a declared emendation.",
    )
    correction = add_element(decl, "correction")
    add_element(
        correction,
        "p",
        'Each emendation is listed in the back matter (div type="emendations") as a note of type "emendation" '
        "pointing at its block: sic gives the text as the repaired source has it, corr the text as the edition "
        "prints it, followed by the reason.",
    )
    normalization = add_element(decl, "normalization")
    rules = add_element(
        add_element(normalization, "p", "Artefacts of the extraction are repaired by general rules:"), "list"
    )
    for rule in REPAIR_RULES:
        add_element(rules, "item", rule)
    segmentation = add_element(decl, "segmentation")
    add_element(
        segmentation,
        "p",
        "Each block of the page is one element: head (@type headline, deck or subhead; a subhead opens a div of "
        'type "section"), p (a paragraph), fw (@type masthead, nameplate or footer) or ab (@type standfirst, '
        'caption or credit). Each article (and the page furniture) has a div of type "original" (zh-Hans) and one '
        'of type "translation" (en) with the same blocks in the same order. The @xml:id of a Chinese block is '
        "the edition's block id (its anchor on the web site); the English block's is the same id followed by "
        '"-en", and its @corresp points to the Chinese block (an id that would begin with a digit is preceded by '
        '"_"). The @n of a Chinese block gives the lines of the '
        'extracted text file it transcribes, as "first-last" (1-based, inclusive). @rend="vertical" marks '
        "blocks the page set vertically.",
    )
    interpretation = add_element(decl, "interpretation")
    add_element(
        interpretation,
        "p",
        "Names are found by the build from the entity list in the standOff and point to their entry with @ref: "
        "persName (people), placeName (places), orgName (organisations), title (documents), term (terms) and "
        'name type="event" (events). Figures are marked in the Chinese only: num for quantities (@value the '
        'quantity as a plain number, 16.4万 as 164000; @type="percentage" for per cent), date for dates, with '
        "@when (or @from and @to) only where the printed date gives the ISO 8601 value without inference: a year "
        "(2019), a month (2019-08), a day (2020-02-14) or a day of an unstated year (--02-14). Where a figure "
        "overlaps a name, the name is kept and the figure is not marked. The editors' notes are in the back "
        'matter (div type="notes"), each pointing at its block.',
    )

    profile = add_element(header, "profileDesc")
    usage = add_element(profile, "langUsage")
    add_element(usage, "language", "Chinese, in simplified characters (the newspaper's text)", ident=ZH)
    add_element(usage, "language", "English (the translation, the notes and this header)", ident=EN)
    add_element(usage, "language", "Chinese in Hanyu Pinyin (readings of names in the entity list)", ident=PINYIN)


# ---------------------------------------------------------------- back and standOff


def _back(text: ET.Element, edition: Edition) -> None:
    notes = edition.notes
    emendations = [e for a in edition.all_articles for e in a.emendations]
    if not notes and not emendations:
        return
    back = add_element(text, "back")
    if notes:
        div = add_element(back, "div", type="notes")
        add_element(div, "head", "Notes")
        for note in notes:
            target = pointer(note.block) if note.block else f"#{_div_id(edition, note.article)}"
            element = add_element(div, "note", xml_id=xml_id(note.id), type=note.kind, target=target)
            if note.title:
                add_element(element, "label", note.title)
            paragraphs = plain_paragraphs(note.text)
            if len(paragraphs) == 1 and not note.title:
                element.text = paragraphs[0]
            else:
                for paragraph in paragraphs:
                    add_element(element, "p", paragraph)
    if emendations:
        div = add_element(back, "div", type="emendations")
        add_element(div, "head", "Emendations")
        for emendation in emendations:
            element = add_element(div, "note", type="emendation", target=pointer(emendation.block))
            choice = add_element(add_element(element, "p", xml_lang=ZH), "choice")
            add_element(choice, "sic", emendation.source)
            add_element(choice, "corr", emendation.reading)
            add_element(element, "p", emendation.reason)


LISTS = (  # entity type -> list element, its @type, entry element
    ("person", "listPerson", "", "person"),
    ("place", "listPlace", "", "place"),
    ("organisation", "listOrg", "", "org"),
    ("document", "listBibl", "", "bibl"),
    ("term", "list", "terms", "item"),
    ("event", "listEvent", "", "event"),
)


def _entity(parent: ET.Element, entry_tag: str, entity: Entity) -> None:
    entry = add_element(parent, entry_tag, xml_id=xml_id(entity.id))
    tag, kind = NAME_TAGS.get(entity.type, ("name", entity.type))
    if entry_tag == "event":
        tag, kind = "label", ""  # an event is named by its labels
    alias = ALIAS_TYPE.get(entity.type, "alias")
    names: list[tuple[str, str, str]] = [(entity.zh, ZH, ""), (entity.en, EN, "")]
    names += [(a, ZH, alias) for a in entity.aliases_zh] + [(a, EN, alias) for a in entity.aliases_en]
    if entity.pinyin:
        names.append((entity.pinyin, PINYIN, ""))
    for name, lang, name_type in names:
        if not name:
            continue
        element = add_element(entry, tag, name, xml_lang=lang)
        if name_type or kind:
            element.set("type", name_type or kind)
    if entity.wikidata:
        add_element(entry, "idno", entity.wikidata, type="wikidata")
    for paragraph in plain_paragraphs(entity.note):
        add_element(entry, "note", paragraph, type=entity.note_kind)
    for paper, forms in entity.aliases_only_in:  # aliases of one newspaper's pages alone (本报)
        add_element(entry, "note", f"{', '.join(forms)}: on the pages of {paper} only", type="aliases-only-in")
    for source in entity.sources:
        add_element(entry, "ptr", type="source", target=source)


def _standoff(root: ET.Element, edition: Edition) -> None:
    if not edition.entities:
        return
    standoff = add_element(root, "standOff")
    known = {entity_type for entity_type, *_ in LISTS}
    for entity_type, list_tag, list_type, entry_tag in LISTS:
        entities = [e for e in edition.entities if e.type == entity_type]
        if entities:
            listing = add_element(standoff, list_tag, **({"type": list_type} if list_type else {}))
            for entity in entities:
                _entity(listing, entry_tag, entity)
    others = [e for e in edition.entities if e.type not in known]
    if others:  # a type added to the glossary later: listed as names
        listing = add_element(standoff, "list", type="other-names")
        for entity in others:
            _entity(listing, "item", entity)


# ---------------------------------------------------------------- output


def tei_xml(edition: Edition, keep: Keep = made_now) -> bytes:
    """The whole edition as one TEI P5 document, UTF-8; the same model gives the same bytes.
    Its frame is one tree; the articles and the words layer are written one element at a
    time into it (edition/teiwrite.py), each element's text asked of ``keep``: the dev
    server keeps an archive's from build to build (edition/incremental.py)."""
    root = ET.Element("TEI", {"xmlns": TEI_NS, XML_LANG: EN})
    _header(root, edition)
    text = add_element(root, "text")
    hole(add_element(text, "body"))
    _back(text, edition)
    _standoff(root, edition)
    # each block's words and their pinyin (edition/tei_words.py)
    words = word_groups(edition, xml_id, pointer)
    first = next(words, None)
    layer = ET.SubElement(root, "standOff", {"type": "words"})
    runs = [run(_articles(edition), keep)]
    if first is not None:
        hole(layer)
        runs.append(run(chain([first], words), keep))
    pieces = write(root, runs)
    prolog = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{TEI_ALL_RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    return b"".join([prolog.encode("utf-8"), *(piece.encode("utf-8") for piece in pieces), b"\n"])


def _articles(edition: Edition) -> Iterator[Made]:
    """Each article's division, with what it is made from: the article, its blocks' marks."""
    marks = Marks(edition)
    for article in edition.all_articles:
        inputs = (article, tuple(tuple(marks.get(b.id, lang)) for b in article.blocks for lang in (ZH, EN)))
        yield inputs, partial(_division, article, marks)


def _division(article: Article, marks: Marks) -> ET.Element:
    holder = ET.Element("body")
    _article(holder, article, marks)
    return holder[0]
