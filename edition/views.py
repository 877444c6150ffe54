"""The reading views and the links between pages: what a page's address is in each view."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class View:
    code: str  # parallel | zh | en | zh-hant
    prefix: str  # output folder of the view ("" for the default)
    lang: str  # BCP 47 language of the interface and the page
    ui: str  # which column of ui.yaml: en | zh | zh-hant
    show_zh: bool
    show_en: bool

    @property
    def zh_lang(self) -> str:
        return "zh-Hant" if self.code == "zh-hant" else "zh-Hans"


VIEWS = (
    View("parallel", "", "en", "en", True, True),
    View("zh", "zh/", "zh-Hans", "zh", True, False),
    View("en", "en/", "en", "en", False, True),
    View("zh-hant", "zh-hant/", "zh-Hant", "zh-hant", True, False),
)


# The OpenCC configuration of the Traditional view (site.toml's ``traditional``); set by
# use_traditional() before pages are rendered.
_traditional = ["s2t"]
# Taiwan and Hong Kong set quotations in corner brackets: 「」 outside, 『』 inside.
_CORNER_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


_fixes: list[tuple[tuple[str, str], ...]] = [()]  # site.toml's [traditional_fixes]


def use_traditional(config: str, fixes: tuple[tuple[str, str], ...]) -> None:
    """Convert with this OpenCC configuration from now on (s2t, s2tw, s2twp, s2hk), and with
    the site's fixes of the phrases OpenCC gets wrong."""
    if _traditional[0] != config or _fixes[0] != fixes:
        _traditional[0], _fixes[0] = config, fixes
        to_hant.cache_clear()


@lru_cache(maxsize=4)
def _converter(config: str) -> Any:
    import opencc  # imported late: only the zh-Hant view needs it

    return opencc.OpenCC(config)


def opencc_hant(text: str, config: str) -> str:
    """OpenCC's own conversion, without the site's fixes."""
    return str(_converter(config).convert(text))


@lru_cache(maxsize=4096)
def to_hant(text: str) -> str:
    """The Traditional view's text: OpenCC's, but for the phrases the site fixes. OpenCC matches
    the longest phrase its dictionary has, and across two words it can find a third: 资金发放
    ("releasing funds") became 資金髮放, 金发 read as "blond hair". A fixed phrase is written
    as the site says, and the text around it converted on its own."""
    config, fixes = _traditional[0], dict(_fixes[0])
    found = [zh for zh in fixes if zh in text]
    if found:
        pattern = re.compile("|".join(re.escape(zh) for zh in sorted(found, key=len, reverse=True)))
        parts, at = [], 0
        for match in pattern.finditer(text):
            parts += [opencc_hant(text[at : match.start()], config), fixes[match.group()]]
            at = match.end()
        converted = "".join([*parts, opencc_hant(text[at:], config)])
    else:
        converted = opencc_hant(text, config)
    return converted if config == "s2t" else converted.translate(_CORNER_QUOTES)


# Chinese characters (a regular expression's class), and a run of Chinese inside English:
# Chinese characters, and the punctuation, spaces and digits between them (a title's
# 携手新疆墨玉 坚决…, 新增绿地120公顷)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CHINESE_RUN = re.compile(f"[{HAN}](?:[{HAN}\u3000-\u303f\uff00-\uffef 0-9]*[{HAN}])?")
_HAN_CHAR = re.compile(f"[{HAN}]")
_TAG = re.compile(r"(<code>.*?</code>|<[^>]*>)", re.S)  # a tag, or code kept whole


def chinese_in_english(html: str, view: View) -> str:
    """English HTML (a note, the About page) as ``view`` shows it: the Chinese it quotes (a
    note's 精准扶贫) marked as Chinese, as the view marks its Chinese elsewhere (walk 10: a
    reader's browser and screen reader took it for English), and in the Traditional view in
    Traditional characters, like the rest of the view (usage walk 8: 51 of its pages showed
    Simplified inside their notes). Only the text between tags is touched, and not code."""
    return mark_chinese(html, view.zh_lang, to_hant if view.code == "zh-hant" else str)


def mark_chinese(html: str, lang: str, convert: Callable[[str], str] = str) -> str:
    """Each run of Chinese in the text of ``html`` marked with ``lang`` (and converted): as
    chinese_in_english, and as it is for what quotes the original as printed (a citation's
    BibTeX in any view: zh-Hans, not converted). Not inside tags, nor in code."""
    if not _HAN_CHAR.search(html):
        return html
    parts = _TAG.split(html)
    for n in range(0, len(parts), 2):
        parts[n] = _CHINESE_RUN.sub(lambda m: f'<span lang="{lang}">{convert(m.group())}</span>', parts[n])
    return "".join(parts)


def relative(from_path: str, to_path: str) -> str:
    """A link from one output file to another, relative, so that any base path works.

    ``to_path`` names a file ("edition.json") or a folder ending in "/" ("articles/moyu/").
    """
    target, _, anchor = to_path.partition("#")
    anchor = "#" + anchor if anchor else ""
    if not target and to_path:
        return anchor
    from_dir = _folder(from_path)
    if target == from_dir + "/" or (not target and not from_dir):
        return "./" + anchor
    # Up to the folder both share, then down: the shortest link (an archive's pages link
    # mostly to their neighbours, and every byte of a link is repeated on thousands of pages).
    here = from_dir.split("/") if from_dir else []
    there = target.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return ("../" * (len(here) - shared) + "/".join(there[shared:]) or "./") + anchor


@lru_cache(maxsize=4096)
def _folder(from_path: str) -> str:
    """A page's folder (a page links many times)."""
    return posixpath.dirname(from_path)


def page_file(path: str) -> str:
    """The file a page URL is written to: "articles/moyu/" -> "articles/moyu/index.html"."""
    return path + "index.html" if path == "" or path.endswith("/") else path
