"""TEI P5 XML of the whole edition: edition.tei.xml (model in, bytes out).

The document is valid against TEI P5's tei_all schema (tests/test_tei.py checks it):

- ``teiHeader``: titles, responsibilities (the translations' own statement that they are
  AI-drafted), licence, the newspaper and the digital source (path, SHA-256, lines), the
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

import datetime as dt
import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.token import Token

from edition.markup import block_parser, inline_renderer
from edition.memo import Memo, Same
from edition.model import Article, Block, Edition, Entity, Figure, Mention, NewsPage

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI_ALL_RNG = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
_XML = "{http://www.w3.org/XML/1998/namespace}"
XML_ID = _XML + "id"
XML_LANG = _XML + "lang"
ZH = "zh-Hans"
EN = "en"
PINYIN = "zh-Latn-pinyin"

HEAD_KINDS = ("headline", "deck", "subhead")
FW_KINDS = ("masthead", "nameplate", "footer")
NAME_TAGS = {  # entity type -> (element, @type or "")
    "person": ("persName", ""),
    "place": ("placeName", ""),
    "organisation": ("orgName", ""),
    "document": ("title", ""),
    "term": ("term", ""),
    "event": ("name", "event"),
}
ALIAS_TYPE = {"document": "alt"}  # the @type of an alias name; "alias" otherwise

REPAIR_RULES = (
    "display type extracted twice (one word as two copies side by side) is collapsed to one copy (declared units, or the whole line "
    "for pure display type); the dropped copy is recorded;",
    "vertical type, extracted one character a line, is joined into columns; identical consecutive columns are "
    "doubled extraction and dropped;",
    "column wrapping is undone: a paragraph's lines are joined, with no space between Chinese characters; a "
    "paragraph ends on a sentence-final line visibly shorter than its column;",
    "spaces the extractor put around numbers are removed in body text (kept in the masthead and "
    "footer, where they separate fields);",
    "the private-use glyph U+1001B0 is read as a decimal point.",
)

# Characters XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_MARKDOWN = re.compile(r"[\\`*_\[\]!<&\n]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Dates as printed, read only where the print gives the ISO 8601 value with no inference.
_YMD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_YM = re.compile(r"(\d{4})年(\d{1,2})月")
_Y = re.compile(r"(\d{4})年")
_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
_M_RANGE = re.compile(r"(\d{1,2})月[~～至到\-－–—](\d{1,2})月")

# Elements whose content is text with inline markup: never indented inside.
_INLINE = {
    "p", "ab", "head", "fw", "note", "title", "resp", "name", "persName", "placeName", "orgName", "term",
    "label", "licence", "publisher", "date", "idno", "language", "biblScope", "measure", "num", "choice",
}  # fmt: skip


@dataclass(frozen=True)
class Mark:
    """An inline element over the span [start, end) of a block's text (Markdown source)."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]


# ---------------------------------------------------------------- ids and text


def xml_id(value: str) -> str:
    """An edition id as an xml:id: ids may begin with a digit, an NCName may not."""
    return value if value[:1].isascii() and value[:1].isalpha() else f"_{value}"


def pointer(value: str) -> str:
    return "#" + xml_id(value)


def plain(markdown: str) -> str:
    """Inline Markdown source as plain text (the words a reader sees; links keep their URL)."""
    if not _MARKDOWN.search(markdown):
        return markdown
    out: list[str] = []
    for token in inline_renderer().parseInline(markdown):
        _collect(token.children or [], out)
    return "".join(out)


@lru_cache(maxsize=65536)  # a note is read again at every build of the dev server
def plain_paragraphs(markdown: str) -> tuple[str, ...]:
    """Block Markdown (a note) as plain-text paragraphs."""
    paragraphs: list[str] = []
    for token in block_parser().parse(markdown):
        if token.type == "inline":
            out: list[str] = []
            _collect(token.children or [], out)
            text = "".join(out).strip()
            if text:
                paragraphs.append(text)
    return tuple(paragraphs)


def _collect(tokens: Sequence[Token], out: list[str]) -> None:
    links: list[tuple[str, int]] = []
    for token in tokens:
        if token.type in ("text", "text_special", "code_inline", "html_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif token.type == "image":
            _collect(token.children or [], out)
        elif token.type == "link_open":
            links.append((str(token.attrs.get("href", "")), len(out)))
        elif token.type == "link_close" and links:
            href, at = links.pop()
            if href and "".join(out[at:]) != href:
                out.append(f" ({href})")


def _number(value: float) -> str | None:
    if not math.isfinite(value):
        return None
    return str(int(value)) if value.is_integer() else repr(value)


def _date(value: str) -> str | None:
    """An ISO date string as given in the configuration, or None."""
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _month_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: 2月29日 is a day
    except ValueError:
        return False
    return True


def date_attributes(text: str) -> dict[str, str]:
    """@when (or @from/@to) for a printed Chinese date, only where it needs no inference:
    2019年 -> 2019, 2019年8月 -> 2019-08, 2020年2月14日 -> 2020-02-14, 2月14日 -> --02-14,
    2月~4月 -> --02 to --04; 2019年底 (the end of 2019) and the like get none."""
    if m := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
        try:
            return {"when": dt.date(year, month, day).isoformat()}
        except ValueError:
            return {}
    if m := _YM.fullmatch(text):
        year, month = int(m[1]), int(m[2])
        return {"when": f"{year:04d}-{month:02d}"} if 1 <= month <= 12 else {}
    if m := _Y.fullmatch(text):
        return {"when": m[1]}
    if m := _MD.fullmatch(text):
        month, day = int(m[1]), int(m[2])
        return {"when": f"--{month:02d}-{day:02d}"} if _month_day(month, day) else {}
    if m := _M_RANGE.fullmatch(text):
        first, last = int(m[1]), int(m[2])
        return {"from": f"--{first:02d}", "to": f"--{last:02d}"} if 1 <= first <= last <= 12 else {}
    return {}


# ---------------------------------------------------------------- building


def _el(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {_attr(k): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element


def _attr(name: str) -> str:
    return {"xml_id": XML_ID, "xml_lang": XML_LANG}.get(name, name)


def _append_text(parent: ET.Element, last: ET.Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def fill(element: ET.Element, text: str, marks: Iterable[Mark]) -> None:
    """Put ``text`` (inline Markdown source) into ``element`` as plain text with ``marks`` as
    child elements; a mark that overlaps one already placed, or falls outside, is dropped."""
    position = 0
    last: ET.Element | None = None
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < position or mark.end > len(text) or mark.start >= mark.end:
            continue
        _append_text(element, last, plain(text[position : mark.start]))
        last = ET.SubElement(element, mark.tag, dict(mark.attrs))
        last.text = plain(text[mark.start : mark.end]) or None
        position = mark.end
    _append_text(element, last, plain(text[position:]))


class Marks:
    """The inline marks of blocks: mentions (both languages) and figures (Chinese)."""

    def __init__(self, edition: Edition) -> None:
        self.marks: dict[tuple[str, str], list[Mark]] = {}
        for entity in edition.entities:
            self._mentions(entity, entity.mentions, edition.block)
        self._figures(edition.figures)

    @classmethod
    def of_article(
        cls, article: Article, mentions: Sequence[Mention], figures: Sequence[Figure], entities: dict[str, Entity]
    ) -> Marks:
        """The marks of one article's blocks, the same as those the whole edition gives them."""
        marks = cls.__new__(cls)
        marks.marks = {}
        blocks = {b.id: b for b in article.blocks}
        grouped: dict[str, list[Mention]] = {}
        for m in mentions:
            grouped.setdefault(m.entity, []).append(m)
        rank = {e: n for n, e in enumerate(entities)}  # ``entities`` is in the order of edition.entities
        for entity_id in sorted(grouped, key=rank.__getitem__):
            marks._mentions(entities[entity_id], grouped[entity_id], blocks.get)
        marks._figures(figures)
        return marks

    def _mentions(self, entity: Entity, mentions: Iterable[Mention], block_of: Callable[[str], Block | None]) -> None:
        tag, kind = NAME_TAGS.get(entity.type, ("name", entity.type))
        attrs: tuple[tuple[str, str], ...] = (("type", kind),) if kind else ()
        attrs += (("ref", pointer(entity.id)),)
        for mention in mentions:
            block = block_of(mention.block)
            if block is None:
                continue
            for lang, start, form, text in (
                (ZH, mention.start, mention.zh, block.zh),
                (EN, mention.en_start, mention.en, block.en),
            ):
                if start >= 0 and form and text[start : start + len(form)] == form:
                    self._add(mention.block, lang, Mark(start, start + len(form), tag, attrs))

    def _figures(self, figures: Iterable[Figure]) -> None:
        for figure in figures:
            mark = self._figure(figure)
            names = self.marks.get((figure.block, ZH), [])
            # A figure yields to a name it overlaps: a name is read before its number.
            if not any(mark.start < n.end and n.start < mark.end for n in names):
                self._add(figure.block, ZH, mark)

    def _add(self, block: str, lang: str, mark: Mark) -> None:
        self.marks.setdefault((block, lang), []).append(mark)

    @staticmethod
    def _figure(figure: Figure) -> Mark:
        end = figure.start + len(figure.text)
        if figure.kind == "date":
            return Mark(figure.start, end, "date", tuple(date_attributes(figure.text).items()))
        attrs: list[tuple[str, str]] = []
        if figure.unit == "%":
            attrs.append(("type", "percentage"))
        low = _number(figure.value)
        high = None if figure.end_value is None else _number(figure.end_value)
        if figure.end_value is None and low is not None:
            attrs.append(("value", low))
        elif low is not None and high is not None:
            attrs += [("min", low), ("max", high)]
        return Mark(figure.start, end, "num", tuple(attrs))

    def get(self, block: str, lang: str) -> list[Mark]:
        return self.marks.get((block, lang), [])


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
    div = _el(parent, "div", type="original" if lang == ZH else "translation", xml_lang=lang)
    div.set("resp", "#resp-transcription" if lang == ZH else "#resp-translation")
    if lang == EN and article.outdated:
        _el(
            div,
            "note",
            "The Chinese has changed since this translation was made; the translation awaits review.",
            type="status",
        )
    current = div
    body_started = False  # a p or ab stands in the current division: a head may no longer follow
    for block in article.blocks:
        if block.kind == "subhead" or (block.kind in HEAD_KINDS and body_started):
            current = _el(div, "div", type="section")
            body_started = False
        _block(current, block, lang, article, marks)
        if block.kind not in HEAD_KINDS and block.kind not in FW_KINDS:
            body_started = True
    return div


def _article(body: ET.Element, article: Article, marks: Marks) -> None:
    if article.kind == "page":  # a newspaper page's own blocks: its front's id is unique in the archive
        div = _el(body, "div", type="page", xml_id=article.id, n=str(article.order))
    else:
        div = _el(body, "div", type="article", xml_id=f"article-{article.id}", n=str(article.order))
    _language_div(div, article, ZH, marks)
    _language_div(div, article, EN, marks)


def _div_id(edition: Edition, article_id: str) -> str:
    fronts = {p.front.id for p in edition.pages}
    return article_id if article_id in fronts else f"article-{article_id}"


# ---------------------------------------------------------------- header


def _source(source_desc: ET.Element, news: NewsPage) -> None:
    """A newspaper page and its witness, as the source of the edition."""
    info = news.info
    paper = _el(source_desc, "bibl", type="newspaper")
    _el(paper, "title", info.newspaper_zh, level="j", xml_lang=ZH)
    _el(paper, "title", info.newspaper_en, level="j", xml_lang=EN)
    issued = _date(info.date)
    _el(paper, "date", info.date, **({"when": issued} if issued else {}))
    _el(paper, "biblScope", str(info.page), unit="page", n=str(info.page))
    _el(paper, "biblScope", info.section_zh, unit="section", xml_lang=ZH)
    _el(paper, "biblScope", info.section_en, unit="section", xml_lang=EN)
    digital = _el(source_desc, "bibl", type="digital-source")
    _el(digital, "title", "The text of the page as extracted from its PDF (plain text, UTF-8)")
    _el(digital, "idno", news.source.path, type="path")
    _el(digital, "idno", news.source.sha256, type="sha256")
    extent = _el(digital, "extent")
    _el(extent, "measure", f"{news.source.lines} lines", unit="line", quantity=str(news.source.lines))
    _el(digital, "note", "The path is relative to the edition's repository; the file is kept there unchanged.")


def _header(root: ET.Element, edition: Edition) -> None:
    site = edition.config.site
    team = site.editors or "The edition team"
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")

    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", site.title_zh, type="main", xml_lang=ZH)
    _el(title_stmt, "title", site.title_en, type="main", xml_lang=EN)
    for news in edition.pages:
        info = news.info
        _el(
            title_stmt,
            "title",
            f"An annotated bilingual edition of {info.newspaper_en} ({info.newspaper_zh}), {info.date}, page {info.page}",
            type="sub",
            xml_lang=EN,
        )
    for key, resp in (
        ("transcription", "Transcription of the Chinese text from the extracted source text, with its repairs"),
        ("translation", "Translation into English (AI-drafted; awaiting review by a human translator)"),
        ("annotation", "Annotation: entities, figures, editorial notes and emendations"),
    ):
        stmt = _el(title_stmt, "respStmt", xml_id=f"resp-{key}")
        _el(stmt, "resp", resp)
        _el(stmt, "name", team)
        if key == "translation":
            by_translator: dict[str, list[str]] = {}
            for article in edition.all_articles:
                if article.translator:
                    by_translator.setdefault(article.translator, []).append(f"#{_div_id(edition, article.id)}")
            for translator, targets in by_translator.items():
                _el(stmt, "note", f"Translator's statement: {translator}", target=" ".join(targets))

    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", team)
    build_date = edition.config.build_date
    when = _date(build_date)
    _el(publication, "date", build_date, **({"when": when} if when else {}))
    if edition.config.base_url:
        _el(publication, "idno", edition.config.base_url, type="URL")
    availability = _el(publication, "availability")
    _el(availability, "licence", site.license or "No licence is stated.")

    source_desc = _el(file_desc, "sourceDesc")
    for news in edition.pages:
        _source(source_desc, news)

    encoding = _el(header, "encodingDesc")
    decl = _el(encoding, "editorialDecl")
    _el(
        decl,
        "p",
        "The Chinese text is transcribed from the extracted text file described in the source description. Every "
        "non-blank line of that file stands in exactly one block (or is a recorded doubled copy), and a block whose "
        "Chinese departs from the repaired source does so only by a declared emendation.",
    )
    correction = _el(decl, "correction")
    _el(
        correction,
        "p",
        'Each emendation is listed in the back matter (div type="emendations") as a note of type "emendation" '
        "pointing at its block: sic gives the text as the repaired source has it, corr the text as the edition "
        "prints it, followed by the reason.",
    )
    normalization = _el(decl, "normalization")
    rules = _el(_el(normalization, "p", "Artefacts of the extraction are repaired by general rules:"), "list")
    for rule in REPAIR_RULES:
        _el(rules, "item", rule)
    segmentation = _el(decl, "segmentation")
    _el(
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
    interpretation = _el(decl, "interpretation")
    _el(
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

    profile = _el(header, "profileDesc")
    usage = _el(profile, "langUsage")
    _el(usage, "language", "Chinese, in simplified characters (the newspaper's text)", ident=ZH)
    _el(usage, "language", "English (the translation, the notes and this header)", ident=EN)
    _el(usage, "language", "Chinese in Hanyu Pinyin (readings of names in the entity list)", ident=PINYIN)


# ---------------------------------------------------------------- back and standOff


def _back(text: ET.Element, edition: Edition) -> None:
    notes = edition.notes
    emendations = [e for a in edition.all_articles for e in a.emendations]
    if not notes and not emendations:
        return
    back = _el(text, "back")
    if notes:
        div = _el(back, "div", type="notes")
        _el(div, "head", "Notes")
        for note in notes:
            target = pointer(note.block) if note.block else f"#{_div_id(edition, note.article)}"
            element = _el(div, "note", xml_id=xml_id(note.id), type=note.kind, target=target)
            if note.title:
                _el(element, "label", note.title)
            paragraphs = plain_paragraphs(note.text)
            if len(paragraphs) == 1 and not note.title:
                element.text = paragraphs[0]
            else:
                for paragraph in paragraphs:
                    _el(element, "p", paragraph)
    if emendations:
        div = _el(back, "div", type="emendations")
        _el(div, "head", "Emendations")
        for emendation in emendations:
            element = _el(div, "note", type="emendation", target=pointer(emendation.block))
            choice = _el(_el(element, "p", xml_lang=ZH), "choice")
            _el(choice, "sic", emendation.source)
            _el(choice, "corr", emendation.reading)
            _el(element, "p", emendation.reason)


LISTS = (  # entity type -> list element, its @type, entry element
    ("person", "listPerson", "", "person"),
    ("place", "listPlace", "", "place"),
    ("organisation", "listOrg", "", "org"),
    ("document", "listBibl", "", "bibl"),
    ("term", "list", "terms", "item"),
    ("event", "listEvent", "", "event"),
)


def _entity(parent: ET.Element, entry_tag: str, entity: Entity) -> None:
    entry = _el(parent, entry_tag, xml_id=xml_id(entity.id))
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
        element = _el(entry, tag, name, xml_lang=lang)
        if name_type or kind:
            element.set("type", name_type or kind)
    if entity.wikidata:
        _el(entry, "idno", entity.wikidata, type="wikidata")
    for paragraph in plain_paragraphs(entity.note):
        _el(entry, "note", paragraph, type=entity.note_kind)
    for source in entity.sources:
        _el(entry, "ptr", type="source", target=source)


def _standoff(root: ET.Element, edition: Edition) -> None:
    if not edition.entities:
        return
    standoff = _el(root, "standOff")
    known = {entity_type for entity_type, *_ in LISTS}
    for entity_type, list_tag, list_type, entry_tag in LISTS:
        entities = [e for e in edition.entities if e.type == entity_type]
        if entities:
            listing = _el(standoff, list_tag, **({"type": list_type} if list_type else {}))
            for entity in entities:
                _entity(listing, entry_tag, entity)
    others = [e for e in edition.entities if e.type not in known]
    if others:  # a type added to the glossary later: listed as names
        listing = _el(standoff, "list", type="other-names")
        for entity in others:
            _entity(listing, "item", entity)


# ---------------------------------------------------------------- output


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent element-only structure; never touch the inside of an element with text."""
    children = list(element)
    if not children or element.tag in _INLINE:
        return
    if (element.text or "").strip() or any((c.tail or "").strip() for c in children):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        _indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def tei_document(edition: Edition, spliced: dict[str, Article] | None = None) -> ET.Element:
    """The TEI tree. With ``spliced``, each article's division is left as a placeholder
    element, named in ``spliced`` (tag -> article), for tei_xml to put the text in."""
    root = ET.Element("TEI", {"xmlns": TEI_NS, XML_LANG: EN})
    _header(root, edition)
    text = _el(root, "text")
    body = _el(text, "body")
    if spliced is None:
        marks = Marks(edition)
        for article in edition.all_articles:
            _article(body, article, marks)
    else:
        token = uuid.uuid4().hex
        for n, article in enumerate(edition.all_articles):
            tag = f"splice-{token}-{n}"
            spliced[tag] = article
            _el(body, tag)
    _back(text, edition)
    _standoff(root, edition)
    return root


def tei_xml(edition: Edition, memo: Memo | None = None) -> bytes:
    """The whole edition as one TEI P5 document, UTF-8; the same model gives the same bytes."""
    return "".join(tei_pieces(edition, memo)).encode("utf-8")


def tei_pieces(edition: Edition, memo: Memo | None = None) -> Iterator[str]:
    """The TEI document's text, in pieces, each article's made as it is written.

    Each article's division is serialised on its own (at the depth it stands at) and kept in
    ``memo`` while the article, its mentions and its figures are the same objects; the
    document is the rest with those texts put in. The bytes are those of serialising the
    whole tree at once (tested)."""
    parts = edition.article_parts
    spliced: dict[str, Article] | None = {} if parts else None
    root = tei_document(edition, spliced)
    _indent(root)
    body = ET.tostring(root, encoding="unicode")
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-model href="{TEI_ALL_RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    position = 0
    if spliced:
        memo = memo or Memo(keep=False)
        entities = {e.id: e for e in edition.entities}
        for tag, article in spliced.items():
            mentions, figures = parts[article.id]
            key = ("tei-article", Same(article), Same(mentions), Same(figures))
            placeholder = f"<{tag} />"
            at = body.index(placeholder, position)
            yield _NOT_XML.sub("\ufffd", body[position:at])
            yield _NOT_XML.sub("\ufffd", memo.value(key, _article_text, article, mentions, figures, entities))
            position = at + len(placeholder)
    yield _NOT_XML.sub("\ufffd", body[position:]) + "\n"


# The depth of an article's division in the document: TEI > text > body > div.
_ARTICLE_LEVEL = 3


def _article_text(
    article: Article, mentions: Sequence[Mention], figures: Sequence[Figure], entities: dict[str, Entity]
) -> str:
    holder = ET.Element("body")
    _article(holder, article, Marks.of_article(article, mentions, figures, entities))
    div = holder[0]
    _indent(div, _ARTICLE_LEVEL)
    div.tail = None  # the tail is the body's indentation, written with the placeholder
    return ET.tostring(div, encoding="unicode")
