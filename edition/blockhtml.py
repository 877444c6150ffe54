"""The HTML of the text itself: a block in a view, an article's blocks, a photograph, the notes.

These are the pieces every page of text repeats, dozens to a page and four views to an
article; made by Jinja macros they were most of the build's time (a macro call costs more
than the piece it makes). Here each is one function that joins strings, and the templates
call them as they called the macros (``text(b, 'p', 1)``, ``article_body(article, 1, True)``,
``photo(p)``, ``note_list(notes, entities)``).

A ``Writer`` is made for each page from what its template sees (edition/render.py): the
view, its strings and links, and the site's lookups as the page asked them. So the dev
server still records every lookup a page made (edition/incremental.py). Every value is
escaped here as Jinja's autoescape would; marked text arrives escaped (edition/marks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

from edition.model import Article, Block, Entity, Note, Photo
from edition.pieces import Pieces
from edition.typography import curly_quotes, render_english
from edition.views import View, chinese_in_english


class Writer:
    """The text's HTML on one page."""

    def __init__(self, context: Mapping[str, Any], pieces: Pieces) -> None:
        self.pieces = pieces  # a name's note is the same in every article (edition/pieces.py)
        self.view: View = context["view"]
        self.t: Callable[[str], str] = context["t"]
        self.zh: Callable[[str], str] = context["zh"]
        self.url: Callable[[str], str] = context["url"]
        self.marked: Callable[[Block, str], Markup] = context["marked"]
        self.block: Callable[[str], Block] = context["block"]
        self.article_of: Callable[[Block], Article] = context["article_of"]
        self.passage_ref: Callable[..., str] = context["passage_ref"]
        self.passage: Callable[[str], str] = context["passage"]
        self.unsearched: str = context["unsearched"]  # what the search index skips, where it indexes

    def helpers(self) -> dict[str, Callable[..., Markup]]:
        """What the templates call."""
        return {"text": self.text, "article_body": self.article_body, "photo": self.photo, "note_list": self.note_list}

    def text(
        self, b: Block, tag: str, level: int | None = None, vertical: bool = False, citable: bool = False
    ) -> Markup:
        """One block: its stable id, each language with its lang, its source lines when citable.
        A heading holds both languages, so the outline a screen reader announces is complete
        in every view."""
        view, t = self.view, self.t
        css = f"pair k-{esc(b.kind)}" + (" vertical" if vertical else "") + (" heading" if level else "")
        out = [f'<div class="{css}" id="{esc(b.id)}"']
        if citable:
            article = self.article_of(b)
            first, last = b.source_lines
            lines = f"{first}–{last}" if last != first else f"{first}"
            # its citation is made by the reader's browser from the article's (static/article.js)
            out.append(f' data-ref="{esc(self.passage_ref(article, b))}" data-lines="{lines}"')
        out.append(">\n")
        inner = "span" if level else tag
        if level:
            out.append(f"<h{level}>")
        if view.show_zh:
            zh_css = "zh phrased" if level and phrased(b.zh) else "zh"
            out.append(f'  <{inner} class="{zh_css}" lang="{view.zh_lang}">{self.marked(b, "zh")}</{inner}>\n')
        if view.show_en:
            if b.en:
                out.append(f'  <{inner} class="en" lang="en">{self.marked(b, "en")}</{inner}>\n')
            else:
                empty = "span" if level else "p"
                if level and not view.show_zh:  # a heading names its article: show what it says
                    # (as text: this view has no notes of the Chinese's names to link to)
                    said = esc(self.marked(b, "zh").striptags())
                    out.append(f'  <span class="zh" lang="{view.zh_lang}">{said}</span>\n')
                out.append(f'  <{empty} class="en untranslated" lang="en">{esc(t("untranslated"))}</{empty}>\n')
        if level:
            out.append(f"</h{level}>")
        out.append(self.editorial_marks(b))
        # One small control per passage: a permalink without JavaScript; with it, the
        # passage's actions (copy the link, the short reference, a citation).
        # (on a line of its own, without the blank line before it that cost every page a byte a passage)
        out.append("" if next((piece for piece in reversed(out) if piece), "").endswith("\n") else "\n")
        out.append(f'<a class="pl" href="#{esc(b.id)}" aria-label="{esc(self.passage(b.id))}">¶</a>\n</div>\n')
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def article_body(self, article: Article, top: int, citable: bool = False) -> Markup:
        """An article's blocks; ``top`` is its headline's level (1 on its own page, 2 on the front)."""
        out: list[str] = []
        for b in article.blocks:
            vertical = b.local in article.vertical
            if b.kind == "headline":
                out.append(self.text(b, "p", top, vertical, citable))
            elif b.kind == "subhead":
                out.append(self.text(b, "p", top + 1, False, citable))
            else:
                out.append(self.text(b, "p", None, vertical, citable))
        return Markup("".join(out))  # noqa: S704 - made of the escaped pieces above

    def photo(self, p: Photo) -> Markup:
        view = self.view
        b = self.block(p.block)
        out = [
            f'<figure class="photo" id="{esc(p.id)}">\n',
            f'  <div class="placeholder"{self.unsearched}><p>{esc(self.t("photo_missing"))}</p></div>\n',
            f'  <figcaption id="{esc(p.block)}">\n',
        ]
        if view.show_zh:
            out.append(f'<span lang="{view.zh_lang}">{self.marked(b, "zh")}</span>')
        if view.show_en and p.caption_en:
            out.append(f'<span lang="en">{self.marked(b, "en")}</span>')
        out.append(f"  {self.editorial_marks(b)}\n  </figcaption>\n</figure>\n")
        return Markup("".join(out))  # noqa: S704 - every value above is escaped

    def editorial_marks(self, b: Block) -> str:
        """Where the editors, not the newspaper, decided what a block is or where it goes (a
        headline assigned to an article, a photograph placed with one), a visible label links
        to the editorial note that says why: on the article's page, or on the About page for
        the page's own furniture."""
        a = self.article_of(b)
        notes = [n for n in a.notes if n.kind == "editorial" and n.block == b.id]
        if not notes:
            return ""
        href = self.url(a.url if a.kind != "page" else "about/")
        label, hint = esc(self.t("editors_decision")), esc(self.t("editors_decision_hint"))
        colon = esc(self.t("colon"))  # "编者判定：", read aloud
        # On paper the label gives way to the note's letter in the article's lettered list
        # (edition.css; usage walk 12: "a. Editorial note" printed with no "a" in the text),
        # where that list is on this page ("./"): the page's own notes are listed on the About
        # page, and the front of a newspaper page leaves an article's notes to its page.
        letters = {x.id: _letter(i) for i, x in enumerate(a.notes)} if href == "./" else {}
        return "".join(
            f'  <a class="ed-mark"{self.unsearched} href="{esc(href)}#{esc(n.id)}"><span class="ed-mark-label">{label}</span>'
            + (f'<span class="ed-letter" aria-hidden="true">{letters[n.id]}</span>' if n.id in letters else "")
            + f'<span class="visually-hidden">{colon}{hint}</span></a>\n'
            for n in notes
        )

    def note_about(self, e: Entity) -> str:
        """An entity's note: what it is. The passages that name it are listed once, on its own
        page (entity/<id>/), not again on every page that shows the note. Made once a view
        (and once more where search indexes the page: its kind is not searched), the same in
        every article that names it."""
        return self.pieces.note((e.id, self.view.code, bool(self.unsearched)), lambda: self._note_about(e))

    def _note_about(self, e: Entity) -> str:
        t = self.t
        return (
            f'  <span class="note-kind"{self.unsearched}>{esc(t("name_note_" + e.note_kind).replace("{type}", t("about_" + e.type)))}</span>\n'
            f'  <b><span lang="{self.view.zh_lang}">{esc(self.zh(e.zh))}</span>'
            f' <i lang="zh-Latn-pinyin">{esc(e.pinyin)}</i> <span lang="en">{esc(curly_quotes(e.en))}</span></b>\n'
            f'  <span id="nt-{esc(e.id)}" class="note-text" lang="en">{chinese_in_english(render_english(e.note), self.view)}</span>'
        )

    def _sources(self, e: Entity) -> str:
        """On paper (print-only) a note's sources' addresses, as the entity page lists them: its
        links are the screen's (usage walk 17: a printed note named its source and gave no way
        to it). Not in a page's folded notes (the front page's), which has no bytes to spare."""
        if not e.sources:
            return ""
        sources = " · ".join(esc(s) for s in e.sources)
        return f'  <span class="print-only note-src"{self.unsearched}>{esc(self.t("sources"))}{esc(self.t("colon"))}{sources}</span>\n'

    def note_list(
        self,
        notes: Sequence[Note],
        entities: Iterable[tuple[Entity, str]] = (),
        folded: bool = False,
        passages: Mapping[str, Sequence[tuple[str, str]]] | None = None,
        in_one: Collection[str] = (),
    ) -> Markup:
        """The notes of a page: its names' (each with the way back to its first mark, and to its
        first mark in each later passage: ``passages``, from marks.passages_in), then its own.
        A name named in one language only (``in_one``: marks.named_in_one) has no note in a view
        of the other: its note carries its passage, where edition.js's view switch to such a
        view goes instead (review 16: the other view opened at its top)."""
        entities = list(entities)
        if not notes and not entities:
            return Markup("")
        t = self.t
        po, pc = esc(t("paren_open")), esc(t("paren_close"))  # " (17)", （17）
        # search finds a note by its name and text, never by the interface's words around them
        # (its kind, "Back to the text", "every mention", the legend, the heading)
        no = self.unsearched
        out = []
        if folded:
            count = len(entities) + len(notes)
            out.append(f'<details class="notes-fold"><summary{no}>{esc(t("notes_folded"))}{po}{count}{pc}</summary>')
        # the legend on the heading's line: no line break between two Chinese texts
        out.append(f'<section class="notes" aria-labelledby="notes-h">\n  <h2 id="notes-h"{no}>{esc(t("notes"))}</h2>')
        if entities:
            out.append(f'<p class="legend"{no}>{esc(t("marks_legend"))}</p>  <ol class="entity-notes">\n')
            back, every = esc(t("back_to_text")), esc(t("all_mentions"))
            for e, first in entities:
                # (the views without the note, by their code's first letter, as edition.js reads
                # them: data-z the Chinese views, for a name only the English gives; data-e the
                # English view, for one only the Chinese gives. Its value the passage of the first
                # mark, whose id is "<block>-e<n>" or "<block>-m<n>": marks.mention_id)
                block, mark = first.rsplit("-", 1)
                at = f' data-{"z" if mark.startswith("e") else "e"}="{esc(block)}"' if e.id in in_one else ""
                out.append(
                    f'<li id="n-{esc(e.id)}" class="note note-{esc(e.note_kind)}"{at}>\n'
                    # shown only as the link's target (an inline style of article.html): the way
                    # back to the passage the reader came from
                    + "".join(
                        f'<a id="n-{esc(e.id)}~{esc(block)}"{no} href="#{esc(mark)}" hidden>{back}</a>\n'
                        for block, mark in (passages or {}).get(e.id, ())
                    )
                    + f"{self.note_about(e)}\n"
                    + (self._sources(e) if not folded else "")
                    + f'  <span class="note-links"{no}>\n    <a href="#{esc(first)}">{back}</a> ·\n'
                    f'    <a href="{esc(self.url("entity/" + e.id + "/"))}">{every}{po}{len(e.mentions)}{pc}</a>\n'
                    "  </span></li>\n"
                )
            out.append("  </ol>\n")
        if notes:
            # lettered: no mark in the text bears their numbers, which a printed page gives the names' notes
            out.append('  <ol class="editorial-notes">\n')
            for n in notes:
                out.append(
                    f'    <li id="{esc(n.id)}" class="note note-{esc(n.kind)}">\n'
                    f'      <span class="note-kind"{no}>{esc(t("note_kind_" + n.kind))}</span>\n'
                    f'      <span lang="en">{chinese_in_english(render_english(n.text), self.view)}</span>\n'
                )
                if n.block:
                    out.append(f' <a class="note-links"{no} href="#{esc(n.block)}">{esc(t("back_to_text"))}</a>')
                out.append("    </li>\n")
            out.append("  </ol>\n")
        out.append("</section>\n")
        if folded:
            out.append("</details>")
        return Markup("".join(out))  # noqa: S704 - every value above is escaped


def _letter(n: int) -> str:
    """The ``n``-th (from 0) item's letter in a list lettered as CSS's lower-alpha: a … z, aa, ab."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def esc(value: object) -> str:
    """A value escaped as Jinja's autoescape escapes it."""
    return str(escape(value))


# A Chinese heading set as short phrases between spaces (携手新疆墨玉 坚决打赢脱贫攻坚战) breaks
# only between them (edition.css: .phrased): balanced, it broke inside a word (坚 / 决). One
# without spaces, or with a phrase too long for a phone's line, breaks as the browser likes.
PHRASE = 10


def phrased(text: str) -> bool:
    """Whether a Chinese heading is short phrases between spaces (templates ask it too: words.html)."""
    phrases = text.split()
    return len(phrases) > 1 and max(len(p) for p in phrases) <= PHRASE
