"""The rows of the long tables and lists: the figures appendix, an entity's mentions, a vocabulary.

These rows repeat hundreds of times a page (a figure, a sentence that names an entity, a
word of an article); made by a Jinja loop with autoescape, the loop cost more than the rows
themselves. Here each list is one function that joins strings, and the templates call it
where the loop was (``figure_rows(themes)``, ``check_list(checks)``, ``date_list(dates)``,
``photo_list(photos)``, ``mention_list(mention_rows)``, ``vocabulary_rows(rows)``); the page's
frame (headings, table heads, captions) stays in the templates. Each function returns its
rows, each ending with a newline, so the template writes the closing tag right after it.

A ``Rows`` is made for each page from what its template sees (edition/render.py), as
edition/blockhtml.py's ``Writer`` is: the view, its strings and links, and the site's lookups
as the page asked them, called for each row as the loop called them. So the dev server still
records every lookup a page made (edition/incremental.py), and nothing is kept from one page
to the next. Every value is escaped as Jinja's autoescape would (Markup passes through).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from edition.blockhtml import esc
from edition.figures import QUALIFIER_ZH, format_value, unit_en
from edition.refs import date_pattern, long_date
from edition.typography import curly_quotes
from edition.views import HAN, View, chinese_in_english

# CC-CEDICT writes a word it refers to as Traditional|Simplified[pinyin]
_CEDICT_PAIR = re.compile(f"([{HAN}]+)\\|[{HAN}]+(?=\\[)")

if TYPE_CHECKING:
    from edition.configvalues import Theme
    from edition.model import Check, Figure, Photo
    from edition.reading_out import VocabularyRow


class Rows:
    """The repeated rows of one page."""

    def __init__(self, context: Mapping[str, Any]) -> None:
        self.context = context
        self.view: View = context["view"]
        self.t: Callable[[str], str] = context["t"]
        self.zh: Callable[[str], str] = context["zh"]
        self.url: Callable[[str], str] = context["url"]
        self.passage: Callable[[str], str] = context["passage"]
        self.block_page: Callable[[str], str] = context["block_page"]
        # an archive's rows say their page's date and number where they change (_when)
        self.archive = bool(context.get("archive"))

    def helpers(self) -> dict[str, Callable[..., Markup]]:
        """What the templates call."""
        return {
            "figure_rows": self.figure_rows,
            "check_list": self.check_list,
            "date_list": self.date_list,
            "photo_list": self.photo_list,
            "mention_list": self.mention_list,
            "page_date": self.page_date,
            "where": self.where,
            "page_date_pattern": self.page_date_pattern,
            "vocabulary_rows": self.vocabulary_rows,
        }

    def page_date(self, date: str, page: object) -> Markup:
        """A newspaper page by its date and number, in the view's languages: "5 January 2021,
        page 2", "2021年1月5日 第2版"."""
        return self._page_date(long_date(date, "en"), long_date(date, "zh"), page)

    def page_date_pattern(self) -> Markup:
        """``page_date`` as a pattern, for the search page (static/search.js fills it in from a
        result's address): its dates' fields as refs.date_pattern has them, and {page}."""
        return self._page_date(date_pattern("en"), date_pattern("zh"), "{page}")

    def _page_date(self, en_date: str, zh_date: str, page: object) -> Markup:
        view = self.view
        en = f"{esc(en_date)}, {esc(self.t('page_no'))}&nbsp;{esc(page)}" if view.show_en else ""
        zh = f'<span lang="{esc(view.zh_lang)}">{esc(zh_date)} 第{esc(page)}版</span>' if view.show_zh else ""
        return Markup(f"{en} {zh}" if en and zh else en or zh)  # noqa: S704 - every value is escaped

    def _when(self, date: str, page: object, last: list[object]) -> str:
        """In an archive, a row says its page's date and number where they change from the row
        before (``last``: the page shown last, kept through one list); a site of one page's
        rows say nothing of it."""
        if not self.archive or last == [date, page]:
            return ""
        last[:] = [date, page]
        return self.where(date, page)

    def where(self, date: str, page: object) -> Markup:
        """A newspaper page's date and number after what they place, in the view's brackets:
        " (4 January 2021, page 1)"; （2021年1月4日 第1版） in a Chinese view, after the Chinese
        without a space."""
        po, pc = esc(self.t("paren_open")), esc(self.t("paren_close"))
        space = " " if self.view.show_en else ""
        return Markup(f'{space}<span class="where">{po.strip()}{self.page_date(date, page)}{pc}</span>')  # noqa: S704

    def _dated(self, article_id: str, last: list[object]) -> str:
        """``_when`` for an article's row, its page looked up (the site's lookups)."""
        if not self.archive:
            return ""
        info = self.context["page_of"](self.context["article"](article_id))
        return self._when(info.date, info.page, last)

    def _where(self, block_id: str) -> str:
        """A link to the passage a figure is in, named for readers ("Moyu ¶3")."""
        href = f"{self.url(self.block_page(block_id))}#{block_id}"
        return f'<a href="{esc(href)}">{esc(self.passage(block_id))}</a>'

    def figure_rows(self, themes: Iterable[tuple[Theme | None, Sequence[Figure]]]) -> Markup:
        """The figures table's rows of one article, theme by theme."""
        view, t, zh = self.view, self.t, self.zh
        zh_lang = esc(view.zh_lang)
        printed, value, unit = esc(t("col_printed")), esc(t("col_value")), esc(t("col_unit"))
        qualifier, label, where = esc(t("col_qualifier")), esc(t("col_label")), esc(t("col_where"))
        out: list[str] = []
        for theme, figures in themes:
            cell = self._theme_cell(theme)  # the same for every figure of the theme
            for f in figures:
                out.append(
                    f'<tr id="{esc(f.id)}">\n'
                    f'  <td data-label="{printed}" lang="{zh_lang}">{esc(zh(f.text))}</td>\n'
                    f'  <td data-label="{value}" class="num" data-sort="{esc(f.value)}">{esc(format_value(f))}</td>\n'
                    f'  <td data-label="{unit}">{self._unit(f.unit)}</td>\n'
                    f'  <td data-label="{qualifier}"{self._qualifier(f.qualifier)}</td>\n'
                    f'  <td data-label="{label}" class="label" lang="en">{chinese_in_english(esc(curly_quotes(f.label_en)), view)}'
                )
                if f.label_zh and view.show_zh:
                    out.append(f' <span lang="{zh_lang}">{esc(zh(f.label_zh))}</span>')
                out.append(f'</td>\n  {cell}\n  <td data-label="{where}">{self._where(f.block)}</td>\n</tr>\n')
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def _unit(self, unit: str) -> str:
        """A figure's measure word as printed, marked as Chinese, and in the views that show
        English its English (个 (items)); a Chinese view's, the Chinese alone."""
        zh = f'<span lang="{esc(self.view.zh_lang)}">{esc(self.zh(unit))}</span>' if unit else ""
        return f'{zh} <span lang="en">{esc(unit_en(unit))}</span>' if self.view.show_en else zh

    def _qualifier(self, qualifier: str) -> str:
        """The qualifier cell's attributes and text: "nearly", 近 in a Chinese view (the cell's
        opening tag from its language on)."""
        if self.view.show_en:
            return f' lang="en">{esc(qualifier)}'
        if not qualifier:  # most figures have none
            return ">"
        return f' lang="{esc(self.view.zh_lang)}">{esc(self.zh(QUALIFIER_ZH.get(qualifier, qualifier)))}'

    def _theme_cell(self, theme: Theme | None) -> str:
        """A theme's name in the view's language (both in the parallel view, as the labels)."""
        view, zh = self.view, self.zh
        head = f'<td data-label="{esc(self.t("col_theme"))}"'
        if not theme:
            return head + "></td>"
        if not view.show_en:
            return f'{head} lang="{esc(view.zh_lang)}">{esc(zh(theme.name_zh))}</td>'
        name = esc(curly_quotes(theme.name_en))
        if view.show_zh:
            name += f' <span lang="{esc(view.zh_lang)}">{esc(zh(theme.name_zh))}</span>'
        return f'{head} lang="en">{name}</td>'

    def check_list(self, checks: Iterable[Check]) -> Markup:
        """The arithmetic checks, each with its verdict and its working (in an archive, its
        date and page where they change)."""
        t = self.t
        last: list[object] = []
        ok, failed = esc(t("check_ok")), esc(t("check_failed"))
        worked_out, printed = esc(t("check_worked_out")), esc(t("check_printed"))
        po, pc = esc(t("paren_open")), esc(t("paren_close"))  # （…） in the Chinese views
        out: list[str] = []
        for c in checks:
            if c.ok:
                css, mark, verdict, sign = "ok", "✓", ok, "="
            else:  # a failed check is shown as an editorial note
                css, mark, verdict, sign = "failed note note-editorial", "✗", failed, "≠"
            out.append(
                f'  <li id="{esc(c.id)}" class="{css}">\n'
                f'    <span class="verdict"><span aria-hidden="true">{mark}</span> {verdict}</span>\n'
                f'    <span lang="en">{chinese_in_english(esc(curly_quotes(c.description)), self.view)}</span>\n'
                f'    <span class="calc">{po.lstrip()}{worked_out}{esc(f"{c.actual:,.10g}")} {sign} {printed}'
                f"{esc(f'{c.expected:,.10g}')}{pc}</span>{self._dated(c.article, last)}\n"
                "  </li>\n"
            )
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def date_list(self, dates: Iterable[tuple[Figure, str, str]]) -> Markup:
        """The dates the text prints, each with the passage it is in (in an archive, and the
        date and page of the issue, without which "3日" cannot be read, where they change),
        and where the passage prints it more than once the clause around it (derive._dates)."""
        last: list[object] = []
        po, pc = esc(self.t("paren_open")), esc(self.t("paren_close"))
        zh_lang = esc(self.view.zh_lang)

        def clause(zh: str, en: str) -> str:
            # the English view's in English, where the translation gives the date
            if en and not self.view.show_zh:
                return f"{po}{esc(en)}{pc}"
            return f'{po}<span lang="{zh_lang}">{esc(self.zh(zh))}</span>{pc}' if zh else ""

        return Markup(  # noqa: S704 - every value is escaped
            "".join(
                f'  <li id="{esc(f.id)}">{self._date(f)} — {self._where(f.block)}{clause(zh, en)}'
                f"{self._dated(f.article, last)}</li>\n"
                for f, zh, en in dates
            )
        )

    def _date(self, f: Figure) -> str:
        """A printed date in the view's languages: as printed in a Chinese view; in the English
        view its English ("18 February", as the translation gives it) with the Chinese as printed
        beside it, unless that adds only 年 (2019年: "2019"); in the parallel view both."""
        view = self.view
        zh = f'<span lang="{esc(view.zh_lang)}">{esc(self.zh(f.text))}</span>'
        if not view.show_en or not f.text_en:
            return zh
        en = f'<span lang="en">{esc(f.text_en)}</span>'
        if view.show_zh:
            return f"{zh} {en}"
        return en if f.text == f"{f.text_en}年" else f"{en} ({zh})"

    def photo_list(self, photos: Iterable[Photo]) -> Markup:
        """The photographs, numbered, each with its caption, credit and image (in an archive,
        its date and page where they change)."""
        t, zh = self.t, self.zh
        last: list[object] = []
        # the site's ``article`` lookup, asked here, not when the page begins: on a page that
        # shows an article (words.html) the page's own ``article`` takes the name
        article = self.context["article"]
        zh_lang = esc(self.view.zh_lang)
        photo, credit, image = esc(t("photo")), esc(t("credit")), esc(t("image"))
        colon, semicolon = esc(t("colon")), esc(t("semicolon"))  # ": " and "; ", or "：" and "；"
        out: list[str] = []
        for n, p in enumerate(photos, 1):
            out.append(
                f'  <li id="list-{esc(p.id)}"><a href="{esc(self.url(article(p.article).url))}#{esc(p.id)}">'
                f"{photo} {n}</a>{colon.rstrip()}\n"
                f'    <span lang="{zh_lang}">{esc(zh(p.caption_zh))}</span>'
                f' <span lang="en">{esc(curly_quotes(p.caption_en))}</span>\n'
                f'    — {credit}{colon}<span lang="{zh_lang}">{esc(zh(p.credit_zh))}</span>{semicolon}'
                f"{image}{colon}{esc(p.image or t('image_missing'))}{self._dated(p.article, last)}</li>\n"
            )
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def mention_list(self, rows: Iterable[Mapping[str, str]]) -> Markup:
        """An entity's mentions (edition/derive.py ``mention_rows``): where, and the sentences;
        in an archive, the date and page where they change."""
        view, zh = self.view, self.zh
        zh_lang, comma = esc(view.zh_lang), esc(self.t("comma"))
        out: list[str] = []
        last: list[object] = []
        for row in rows:
            when = self._when(row["date"], row["page"], last) if self.archive else ""  # (rows of one page: none)

            if not view.show_en:
                title = esc(zh(row["title_zh"]))
            elif row["title_en"]:
                title = esc(curly_quotes(row["title_en"]))
            else:  # not yet translated: its Chinese title, marked as Chinese on an English page
                title = f'<span lang="{zh_lang}">{esc(zh(row["title_zh"]))}</span>'
            href = f"{self.url(row['path'])}#{row['block']}"
            # the article's title and the passage's place in it ("…, ¶3"; "…，第3段")
            part = row["part_en"] if view.show_en else zh(row["part_zh"])
            out.append(f'  <li>\n    <a href="{esc(href)}">{title}{comma}{esc(part)}{when}</a>\n')
            # the sentences follow the link without a line break of their own (as the template had them)
            if view.show_zh and row["zh"]:
                out.append(f'<p lang="{zh_lang}">{esc(zh(row["zh"]))}</p>')
            if view.show_en and row["en"]:
                out.append(f'<p lang="en">{esc(curly_quotes(row["en"]))}</p>')
            out.append("  </li>\n")
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def vocabulary_rows(self, rows: Iterable[VocabularyRow]) -> Markup:
        """An article's words, numbered: the word (linked to its note if it is a name), its
        pinyin, its meaning, its HSK level."""
        t, zh, view = self.t, self.zh, self.view
        zh_lang = esc(view.zh_lang)
        see_note, number_word = esc(t("see_note")), esc(t("number_word"))
        # the meaning's cell is in the interface's language; what is English in it (a name's
        # English, a part's senses) is marked so in a Chinese view (a cell of senses alone is
        # English: most of the rows, and a span in each was 5% of the pages), and the Chinese
        # inside that English (CC-CEDICT's cross-references) marked as Chinese in every view
        cell = ' lang="en"' if view.show_en else ""
        open_en, close_en = ("", "") if view.show_en else ('<span lang="en">', "</span>")
        # the view's punctuation: "(Place; the edition's note)", （地名；本站注释）
        po, pc, colon, semicolon = (esc(t(k)) for k in ("paren_open", "paren_close", "colon", "semicolon"))
        out: list[str] = []
        for n, r in enumerate(rows, 1):
            word = esc(zh(r.text))
            here = cell
            if r.gloss and not r.entity:  # a dictionary's senses alone: the cell is English
                here, meaning = ' lang="en"', self._english(r.gloss, "", "")
            elif r.entity:
                href = esc(self.url("entity/" + r.entity + "/"))
                word = f'<a href="{href}">{word}</a>'
                meaning = f'{self._english(r.gloss, open_en, close_en)}{po}{esc(t("type_" + r.entity_type))}{semicolon}<a href="{href}">{see_note}</a>{pc}'
            elif r.number:
                meaning = number_word
            else:
                meaning = esc(t("not_in_dictionary"))
                if r.made_of:
                    meaning += f"{' ' if view.show_en else ''}{esc(t('made_of'))}{colon}{self._english(r.made_of, open_en, close_en)}"
            out.append(
                # one line a row: a browser shows no line break between two cells
                f'<tr id="w{n}"><td>{n}</td><th scope="row" lang="{zh_lang}">{word}</th>'
                f'<td lang="zh-Latn-pinyin">{esc(r.pinyin)}</td><td{here}>{meaning}</td><td>{esc(r.level)}</td></tr>\n'
            )
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def _english(self, text: str, open_en: str, close_en: str) -> str:
        """English of the dictionary (a sense, a word's parts with theirs), its Chinese marked
        as the view writes it: CC-CEDICT's cross-reference 間接|间接[jian4 jie1] is the
        Traditional form alone in the Traditional view (its Simplified one leaked there)."""
        if self.view.code == "zh-hant":
            text = _CEDICT_PAIR.sub(r"\1", text)
        # (curly: "one’s", as every English the edition shows; CC-CEDICT writes "one's")
        return f"{open_en}{chinese_in_english(esc(curly_quotes(text)), self.view)}{close_en}"
