"""Names of passages for readers: "Moyu ¶3", "page caption 1", "CRD 2020-05-25 p12 Moyu ¶3";
and dates for readers ("4 January 2021", "2021年1月4日").

Block ids (``moyu-p3``) stay the anchors of the site and the ids of every export; readers
see these names instead. A name is made from the article and the block's kind and place,
so it is as stable as the id it stands for.
"""

from __future__ import annotations

import calendar
import re

from edition.config import PageInfo
from edition.model import Article, Block

# The kind letter of a local id (edition/ids.py) -> (English word, Chinese word). A
# paragraph is "¶n"; a kind that stands once in an article goes without its number.
_KINDS = {
    "h": ("headline", "标题"),
    "d": ("deck", "引题"),
    "s": ("subhead", "小标题"),
    "p": ("¶", "第{n}段"),
    "f": ("standfirst", "导语"),
    "c": ("caption", "图片说明"),
    "r": ("credit", "署名"),
    "m": ("masthead", "报头"),
    "n": ("nameplate", "报名"),
    "o": ("footer", "页脚"),  # the imprint at a page's foot (报脚 is no word)
}
_LOCAL = re.compile(r"([a-z])(\d+)")
_PAGE = ("page", "版面")  # the newspaper page's own blocks are the page's


def passage_words() -> str:
    """The words of passages' names, for the search page's script (static/search.js), which
    names a result as the pages do: "letter:English:Chinese" by a space, the newspaper page's
    own name first (as "_")."""
    return " ".join([f"_:{_PAGE[0]}:{_PAGE[1]}", *(f"{k}:{en}:{zh}" for k, (en, zh) in _KINDS.items())])


def article_name(article: Article, lang: str) -> str:
    """A short name of an article: its id in words (English), the first phrase of its title
    (Chinese); the newspaper page itself is "page" / "版面"."""
    if article.kind == "page":
        return _PAGE[1] if lang == "zh" else _PAGE[0]
    if lang == "zh":
        return re.split(r"[\s：:，,]", article.title_zh.strip(), maxsplit=1)[0] or article.title_zh
    return article.id.replace("-", " ").capitalize()


def passage_part(article: Article, block: Block, lang: str = "en") -> str:
    """A passage's place in its article: "¶3", "caption 1"; in Chinese "第3段" (after its
    article's full title, which its name would only repeat)."""
    match = _LOCAL.fullmatch(block.local)
    if match is None:
        return block.local
    letter, number = match[1], int(match[2])
    en, zh = _KINDS.get(letter, (block.kind, block.kind))
    alone = sum(1 for b in article.blocks if b.local[:1] == letter) == 1
    if lang == "zh":
        return zh.format(n=number) if "{n}" in zh else (zh if alone else f"{zh}{number}")
    if en == "¶":
        return f"¶{number}"
    return en if alone else f"{en} {number}"


def passage_label(article: Article, block: Block, lang: str = "en") -> str:
    """ "Moyu ¶3", "page caption 1"; in Chinese "携手新疆墨玉 第3段"."""
    return f"{article_name(article, lang)} {passage_part(article, block, lang)}"


def part_names(article: Article) -> dict[str, str]:
    """Each passage's place in its article as the English names it ("¶3", "caption 1") and as
    the Chinese does ("第3段", "图片说明1"): a Chinese view's passage citation is filled in from
    the English one's reference (static/article.js)."""
    return {passage_part(article, b, "en"): passage_part(article, b, "zh") for b in article.blocks}


def abbreviation(info: PageInfo) -> str:
    """The newspaper's initials: "China Reform Daily" -> "CRD"."""
    return "".join(word[0] for word in info.newspaper_en.split() if word[:1].isupper()) or info.newspaper_en


def passage_ref(info: PageInfo, article: Article, block: Block | None = None) -> str:
    """A short citable reference: "CRD 2020-05-25 p12 Moyu ¶3" (an article: without ¶)."""
    head = f"{abbreviation(info)} {info.date} p{info.page}"
    if block is None:
        return f"{head} {article_name(article, 'en')}"
    return f"{head} {passage_label(article, block, 'en')}"


# A date for readers, as a pattern: the search page names a result's page with the same
# (static/search.js, from the result's address)
_DATES = {"en": "{day} {month_name} {year}", "zh": "{year}年{month}月{day}日"}
MONTHS = calendar.month_name[1:]


def date_pattern(lang: str) -> str:
    """How ``long_date`` writes a date in ``lang``: its fields {year}, {month}, {month_name},
    {day}."""
    return _DATES["zh" if lang == "zh" else "en"]


def long_date(date: str, lang: str) -> str:
    """A date for readers: "4 January 2021"; in Chinese "2021年1月4日"."""
    year, month, day = (int(part) for part in date.split("-"))
    return date_pattern(lang).format(year=year, month=month, day=day, month_name=calendar.month_name[month])
