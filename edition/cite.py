"""Citations: the original article and its translation, in Chicago, GB/T 7714-2015,
BibTeX and CSL-JSON, for a whole article or one passage (block) of it."""

from __future__ import annotations

import calendar
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from edition.config import PageInfo
from edition.model import Article, Block, Edition
from edition.refs import abbreviation, article_name, part_names, passage_label
from edition.typography import curly_quotes


@dataclass(frozen=True)
class _Work:
    """What the BibTeX and CSL-JSON forms are made of."""

    key: str
    title_zh: str
    title_en: str
    edition_title: str
    accessed: str
    info: PageInfo
    translator: str  # site.toml's editors, as a name ("The edition team")


@dataclass(frozen=True)
class Citation:
    chicago_original: str
    chicago_translation: str
    gbt_original: str
    gbt_translation: str
    url: str
    work: _Work = field(repr=False)
    # An article's: a passage's Chicago citation of the translation, in pieces: texts, and
    # between them the names of what the passage fills in ("part": its place in the article,
    # "¶3"; "id": its block id). The article's page carries it once, and the reader's browser
    # fills it in for the passage asked for (static/article.js): every passage's citation,
    # whole, was 2% of an archive's bytes. Pieces, not placeholders: no title can hold one.
    passage_pattern: tuple[str, ...] = ()
    # The same for a Chinese view, which cites the original (GB/T 7714) as its printed
    # citation does: its "part" is the passage's Chinese place ("第3段"), looked up in
    # ``passage_parts`` by the English one the passage's reference ends with ("¶3").
    passage_pattern_zh: tuple[str, ...] = ()
    passage_parts: tuple[tuple[str, str], ...] = ()

    # Made when first asked for: a passage's citation shows only the forms above, and an
    # archive has tens of thousands of passages (the JSON form alone was a fifth of an
    # article page's rendering time).
    @functools.cached_property
    def bibtex(self) -> str:
        return _bibtex(self.work, self.url)

    @functools.cached_property
    def csl_json(self) -> str:
        return _csl_json(self.work, self.url)


def _date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")]


def _english_date(date: str) -> str:
    year, month, day = _date_parts(date)
    return f"{calendar.month_name[month]} {day}, {year}"  # the C locale: English names


def _bib_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "{}%&$#_" else ch for ch in text)


def cite(edition: Edition, article: Article, block: Block | None = None) -> Citation:
    info = edition.page_of(article).info
    # A build without a real address (site.toml's placeholder, a local build) cites no URL:
    # a citation must never send a reader to an address that is not the edition's.
    published = edition.config.published
    url = edition.config.base_url + article.url + (f"#{block.id}" if block else "") if published else ""
    at = f" {url}." if url else ""
    passage_zh = f"{GBT_LOCATOR}{passage_label(article, block, 'zh')}" if block else ""
    passage_en = f", {passage_label(article, block)}" if block else ""
    edition_title = f"{info.newspaper_en}, {_english_date(info.date)}, Page {info.page}: An Annotated Bilingual Edition"
    # an article not yet translated (no English title) has no translation to cite: its
    # citations are the original's only
    title_zh, title_en = article.title_zh, article.title_en
    accessed = edition.config.build_date
    translator = edition.config.site.team
    # in running text a name that begins with "The" is "the" ("Translated by the edition team")
    running = "the" + translator[3:] if translator.startswith("The ") else translator
    title = f"“{title_zh}” [{title_en}]." if title_en else f"“{title_zh}.”"
    chicago_original = (
        f"{title} {info.newspaper_zh} ({info.newspaper_en}), {_english_date(info.date)}, {info.page}{passage_en}."
    )
    chicago_translation = _chicago_translation(title_en, running, edition_title, passage_en, at) if title_en else ""
    gbt_original = _gbt_original(title_zh, info, passage_zh)
    gbt_translation = f"{title_en}[EB/OL]. {running}, trans. ({accessed})[{accessed}].{at}" if title_en else ""
    key = f"{_initials(info)}{info.date.replace('-', '')}{article.id.replace('-', '')}{block.local if block else ''}"
    work = _Work(key, title_zh, title_en, edition_title, accessed, info, translator)
    pattern: tuple[str, ...] = ()
    pattern_zh: tuple[str, ...] = ()
    parts: tuple[tuple[str, str], ...] = ()
    if block is None:  # passage_label(…, "zh") is the article's Chinese name and the part's
        mark = _mark(title_zh + info.newspaper_zh)
        passage = f"{GBT_LOCATOR}{article_name(article, 'zh')} {mark}part{mark}"
        pattern_zh = tuple(_gbt_original(title_zh, info, passage).split(mark))
        parts = tuple(part_names(article).items())
    if block is None and title_en:  # passage_label() is the article's name and the passage's part
        mark = _mark(title_en + edition_title + url)
        passage = f", {article_name(article, 'en')} {mark}part{mark}"
        whole = _chicago_translation(
            title_en, running, edition_title, passage, f" {url}#{mark}id{mark}." if url else ""
        )
        # text, "part", text[, "id", text]; curly quotes as the article's own citation has
        # them, made on the whole (a quote's shape depends on its neighbours)
        pattern = tuple(curly_quotes(whole).split(mark))
    return Citation(
        chicago_original, chicago_translation, gbt_original, gbt_translation, url, work, pattern, pattern_zh, parts
    )


def _mark(text: str) -> str:
    """What marks a pattern's slots while it is made: a mark no text of the citation holds (a
    character of Unicode's private use area, as many times as needed)."""
    mark = "\ue000"
    while mark in text:
        mark += "\ue000"
    return mark


# Before a passage's place in a GB/T 7714 citation: GB/T 7714-2015's marks (its clause 7, 著录用
# 符号, in a Chinese citation as in any) are the Western ones, each before the item it marks, and
# ":" is the one before a cited page (引文页码, "2000: 29"; a newspaper's page is its date's
# "(12)"). The standard has no paragraph locator: this is the edition's own, marked as a cited
# page is. It was "，" after the ", " before the date.
GBT_LOCATOR = ": "


def _gbt_original(title_zh: str, info: PageInfo, passage_zh: str) -> str:
    """The original in GB/T 7714 (``passage_zh``: ": 携手新疆墨玉 第3段" for a passage, or "")."""
    return f"{title_zh}[N]. {info.newspaper_zh}, {info.date}({info.page}){passage_zh}."


def _initials(info: PageInfo) -> str:
    """A BibTeX key's start, plain ASCII: the newspaper's initials ("crd"); of a name without
    capitals, each word's ("test daily": "td"); of a name with no Latin letter, "news"."""
    name = unicodedata.normalize("NFKD", abbreviation(info)).encode("ascii", "ignore").decode()
    if " " in name.strip():  # abbreviation() found no capitals and gave the whole name
        name = "".join(word[0] for word in name.split())
    return re.sub(r"[^a-z0-9]", "", name.lower()) or "news"


def _chicago_translation(title_en: str, translator: str, edition_title: str, passage_en: str, at: str) -> str:
    return f"“{title_en}.” Translated by {translator}. In {edition_title}{passage_en}.{at}"


def _bibtex(work: _Work, url: str) -> str:
    info, key = work.info, work.key
    original = (
        f"@article{{{key},\n"
        f"  title = {{{_bib_escape(work.title_zh)}}},\n"
        + (f"  titleaddon = {{{_bib_escape(work.title_en)}}},\n" if work.title_en else "")
        + f"  journaltitle = {{{_bib_escape(info.newspaper_zh)} ({_bib_escape(info.newspaper_en)})}},\n"
        f"  date = {{{info.date}}},\n"
        f"  pages = {{{info.page}}},\n"
        f"  langid = {{chinese}},\n"
        f"}}"
    )
    if not work.title_en:  # not yet translated
        return original
    return original + (
        f"\n@misc{{{key}en,\n"
        f"  title = {{{_bib_escape(work.title_en)}}},\n"
        f"  translator = {{{{{_bib_escape(work.translator)}}}}},\n"
        f"  howpublished = {{{_bib_escape(work.edition_title)}}},\n"
        + (f"  url = {{{url}}},\n" if url else "")
        + f"  urldate = {{{work.accessed}}},\n"
        f"  related = {{{key}}},\n"
        f"  relatedtype = {{translationof}},\n"
        f"}}"
    )


def _csl_json(work: _Work, url: str) -> str:
    info, key = work.info, work.key
    csl: list[dict[str, Any]] = [
        {
            "id": key,
            "type": "article-newspaper",
            "title": work.title_zh,
            "container-title": info.newspaper_zh,
            "issued": {"date-parts": [_date_parts(info.date)]},
            "page": str(info.page),
            "section": info.section_zh,
            "language": "zh-CN",
        },
        {
            "id": key + "en",
            "type": "article-newspaper",
            "title": work.title_en,
            "container-title": work.edition_title,
            "translator": [{"literal": work.translator}],
            "original-title": work.title_zh,
            "issued": {"date-parts": [_date_parts(info.date)]},
            "accessed": {"date-parts": [_date_parts(work.accessed)]},
            "language": "en",
        },
    ]
    if url:
        csl[1]["URL"] = url
    if not work.title_en:  # not yet translated
        del csl[1]
    return json.dumps(csl, ensure_ascii=False, indent=1)


def json_ld(edition: Edition, article: Article) -> str:
    """schema.org NewsArticle for the original, with the translation as a work of its own."""
    info = edition.page_of(article).info
    url = edition.config.base_url + article.url
    translation = {
        "@type": "CreativeWork",
        "name": article.title_en,
        "inLanguage": "en",
        "url": url,
        "translator": {"@type": "Organization", "name": edition.config.site.team},
    }
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title_zh,
        "alternativeHeadline": article.title_en,
        "inLanguage": "zh-CN",
        "datePublished": info.date,
        "pageStart": str(info.page),
        "articleSection": info.section_zh,
        "isPartOf": {"@type": "Newspaper", "name": info.newspaper_zh, "alternateName": info.newspaper_en},
        "url": url,
        "workTranslation": translation,
    }
    if not article.title_en:  # not yet translated: no translation to state
        del data["alternativeHeadline"], data["workTranslation"]
    # "</" cannot end the script element early: escape the slash as JSON allows.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
