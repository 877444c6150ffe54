"""TEI text pieces: the constants, ids, plain text and dates, and the inline marks of
a block (edition/tei.py builds the document from them)."""

from __future__ import annotations

import datetime as dt
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from edition.markup import block_parser, inline_renderer
from edition.model import Block, Edition, Entity, Figure, Mention

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
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_MARKDOWN = re.compile(r"[\\`*_\[\]!<&\n]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Dates as printed, read only where the print gives the ISO 8601 value with no inference.
_YMD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_YM = re.compile(r"(\d{4})年(\d{1,2})月")
_Y = re.compile(r"(\d{4})年")
_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
_M_RANGE = re.compile(r"(\d{1,2})月[~～至到\-－–—](\d{1,2})月")

# Elements whose content is text with inline markup: never indented inside.
INLINE = {
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


def iso_date(value: str) -> str | None:
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


def add_element(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
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
