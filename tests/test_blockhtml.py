"""The text's HTML made in Python (edition/blockhtml.py) and the pieces the four views share
(edition/pieces.py), in the cases no fixture site has: a heading not yet translated, an
editors' decision on the page's own furniture and on an article, a folded notes list with
the page's own notes, values that must be escaped as Jinja's autoescape escapes them, and a
piece made once for the pages that share it. (The sites' own pages are compared byte for
byte with their committed output by tests/test_golden.py.)"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from edition.blockhtml import Writer
from edition.errors import Loc
from edition.model import Article, Block, Entity, Note
from edition.pieces import Pieces
from edition.views import VIEWS

NASTY = 'a <b> & "c"'
LOC = Loc("content/x.zh.md", 1, 1)


def _block(local: str, kind: str, en: str = "English") -> Block:
    return Block(f"x-{local}", local, kind, "中文<", en, (3, 5), LOC)


def _article(kind: str, blocks: tuple[Block, ...], notes: tuple[Note, ...] = ()) -> Article:
    return Article("x", 1, kind, "标题", NASTY, blocks, notes, (), "content/x.zh.md", None, "", False, "", page="d/p1")


def _writer(article: Article, view: int = 0, pieces: Pieces | None = None) -> Writer:
    blocks = {b.id: b for b in article.blocks}
    context: dict[str, Any] = {
        "view": VIEWS[view],
        "t": lambda key: f"<{key}>",  # an interface string needing escaping too
        "zh": lambda text: text + "(Hant)" if VIEWS[view].code == "zh-hant" else text,
        "url": lambda target: "../" + target,
        "marked": lambda block, lang: Markup(escape(block.zh if lang == "zh" else block.en)),
        "block": blocks.__getitem__,
        "article_of": lambda block: article,
        "passage_ref": lambda article, block=None: f'"{NASTY}" {block.local}',
        "passage": lambda block_id: f"¶ {block_id}",
        "unsearched": "",
    }
    return Writer(context, pieces or Pieces())


def test_a_heading_not_yet_translated_says_so_inside_the_heading() -> None:
    headline = _block("h1", "headline", en="")
    html = _writer(_article("article", (headline,))).text(headline, "p", 1, citable=True)
    # escaped, as Jinja does; the passage's citation is made by the browser (static/article.js)
    assert html.startswith(
        '<div class="pair k-headline heading" id="x-h1" data-ref="&#34;a &lt;b&gt; &amp; &#34;c&#34;&#34; h1" data-lines="3–5">'
    )
    assert "data-cite" not in html
    assert '<h1>  <span class="zh" lang="zh-Hans">中文&lt;</span>\n' in html
    assert '  <span class="en untranslated" lang="en">&lt;untranslated&gt;</span>\n</h1>' in html
    assert '<a class="pl" href="#x-h1" aria-label="¶ x-h1">¶</a>\n</div>\n' in html
    # the Chinese view has no English at all, and a paragraph is a <p>, not a <span>
    zh = _writer(_article("article", (headline,)), view=1).text(_block("p1", "paragraph", en=""), "p")
    assert "untranslated" not in zh and '<p class="zh" lang="zh-Hans">' in zh


def test_an_editors_decision_links_to_its_note_on_the_article_or_the_about_page() -> None:
    block = _block("h1", "headline")
    note = Note("ed-1", "editorial", "Why.", "x", block.id, LOC)
    on_article = _writer(_article("article", (block,), (note,))).text(block, "p", 1)
    assert (
        '<a class="ed-mark" href="../d/p1/x/#ed-1"><span class="ed-mark-label">&lt;editors_decision&gt;' in on_article
    )
    on_page = _writer(_article("page", (block,), (note,))).text(block, "p", 1)
    assert 'href="../about/#ed-1"' in on_page


def test_a_folded_notes_list_counts_and_escapes_its_notes() -> None:
    block = _block("p1", "paragraph")
    notes = (Note("n-1", "gloss", NASTY, "x", block.id, LOC), Note("n-2", "context", "No block.", "x", None, LOC))
    entity = Entity("e1", "place", "墨玉", NASTY, "mòyù", "A *county*.", None, (), (), (), (), LOC, "context")
    html = _writer(_article("article", (block,), notes)).note_list(notes, [(entity, "x-p1-m1")], folded=True)
    assert html.startswith(
        '<details class="notes-fold"><summary>&lt;notes_folded&gt;&lt;paren_open&gt;3&lt;paren_close&gt;</summary><section'
    )
    assert html.endswith("</section>\n</details>")
    assert '<li id="n-e1" class="note note-context">' in html
    assert '<span id="nt-e1" class="note-text" lang="en">A <em>county</em>.</span>' in html
    assert (
        '<a href="#x-p1-m1">&lt;back_to_text&gt;</a>' in html and "&lt;paren_open&gt;0&lt;paren_close&gt;</a>" in html
    )
    assert (
        '<span lang="en">a &lt;b&gt; &amp; “c”</span>\n <a class="note-links" href="#x-p1">&lt;back_to_text&gt;</a>    </li>'
        in html
    )
    assert '<span lang="en">No block.</span>\n    </li>' in html  # a note without a block: no way back
    assert _writer(_article("article", (block,))).note_list([], []) == ""


def test_a_names_note_is_made_once_a_view_and_the_text_pieces_are_let_go_oldest_first() -> None:
    entity = Entity("e1", "place", "墨玉", "Moyu", "mòyù", "A county.", None, (), (), (), (), LOC)
    pieces = Pieces()
    article = _article("article", (_block("p1", "paragraph"),))
    first = _writer(article, 0, pieces).note_about(entity)
    # another page of the same view shares the note; the Traditional view makes its own
    assert _writer(article, 0, pieces).note_about(entity) is first
    hant = _writer(article, 3, pieces).note_about(entity)
    assert "墨玉(Hant)" in hant and hant != first
    made: list[str] = []
    kept = Pieces(kept=2)
    for key in ("a", "b", "a", "c", "b", "a"):
        assert kept.recent(key, lambda key=key: made.append(key) or key) == key
    # "a" is shared while kept; "c" lets the oldest made ("a") go, so "a" is made again
    assert made == ["a", "b", "c", "a"]
