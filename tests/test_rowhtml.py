"""The rows made in Python (edition/rowhtml.py) in the cases no fixture site has: a failed
arithmetic check, a mention with no sentence of its own, a word no dictionary has, and values
that must be escaped as Jinja's autoescape escapes them. (The sites' own rows are compared
byte for byte with their committed output by tests/test_golden.py.)"""

from __future__ import annotations

from typing import Any

from edition.errors import Loc
from edition.model import Check
from edition.reading_out import VocabularyRow
from edition.rowhtml import Rows
from edition.views import VIEWS

NASTY = 'a <b> & "c"'


def _rows(view: int = 0, archive: bool = False) -> Rows:
    context: dict[str, Any] = {
        "archive": archive,
        "view": VIEWS[view],
        "t": lambda key: f"<{key}>",  # an interface string needing escaping too
        "zh": lambda text: text,
        "url": lambda target: "../" + target,
        "passage": lambda block_id: f"¶ {block_id}",
        "block_page": lambda block_id: "articles/x/",
    }
    return Rows(context)


def test_a_failed_check_is_an_editorial_note_with_its_working() -> None:
    html = _rows().check_list([Check("c1", "x", NASTY, "1+1", 3.0, 1234567.5, False, Loc("x"))])
    assert '<li id="c1" class="failed note note-editorial">' in html
    assert '<span aria-hidden="true">✗</span> &lt;check_failed&gt;</span>' in html
    # the view's own brackets and colons around the numbers: （核算：1 = 原文：1） in Chinese
    assert "&lt;paren_open&gt;&lt;check_worked_out&gt;1,234,567.5 ≠ &lt;check_printed&gt;3&lt;paren_close&gt;" in html
    # the English filter's curly quotes, then escaped
    assert '<span lang="en">a &lt;b&gt; &amp; “c”</span>' in html


def test_a_mention_without_sentences_has_its_link_only() -> None:
    row = {"path": "articles/x/", "block": "x-p1", "title_en": NASTY, "title_zh": "标题", "zh": "", "en": ""}
    row |= {"part_en": "¶1", "part_zh": "第1段"}
    html = _rows().mention_list([row])
    assert html == '  <li>\n    <a href="../articles/x/#x-p1">a &lt;b&gt; &amp; “c”&lt;comma&gt;¶1</a>\n  </li>\n'
    zh_only = _rows(1).mention_list([{**row, "zh": "句子<", "en": "sentence"}])
    assert '标题&lt;comma&gt;第1段</a>\n<p lang="zh-Hans">句子&lt;</p>  </li>\n' in zh_only
    assert "sentence" not in zh_only


def test_an_archives_lists_say_date_and_page_where_they_change() -> None:
    """Found by review: in an archive the appendix's dates ("3日"), photographs and checks
    came from many issues with nothing to say which."""
    from types import SimpleNamespace

    from edition.model import Figure

    rows, one_page = _rows(archive=True), _rows()
    pages = {"a": SimpleNamespace(key="2021-01-04/p01", date="2021-01-04", page=1)}
    pages["b"] = pages["a"]
    pages["c"] = SimpleNamespace(key="2021-01-05/p02", date="2021-01-05", page=2)
    for made in (rows, one_page):
        made.context["article"] = lambda article_id: article_id
        made.context["page_of"] = pages.__getitem__
    dates = [(Figure(f"{a}-n1", a, f"{a}-p1", "3日", 3.0, "日", "", "date", 0), "", "") for a in "abc"]
    html = rows.date_list(dates)
    assert html.count('<span class="where">') == 2  # a, then c: b is on a's page
    where = '&lt;paren_open&gt;4 January 2021, &lt;page_no&gt;&nbsp;1 <span lang="zh-Hans">2021年1月4日 第1版</span>'
    assert f"{where}&lt;paren_close&gt;" in html
    assert '<span class="where">' not in one_page.date_list(dates)  # a site of one page


def test_a_word_no_dictionary_has_names_its_parts() -> None:
    rows = [
        VocabularyRow("新词", "xīncí", "", "", None, made_of="新 new; 词 word"),
        VocabularyRow("5万人", "wàn rén", "", "", None, number=True),
    ]
    html = _rows().vocabulary_rows(rows)
    # one line a row (the line breaks between cells are not shown)
    assert html.startswith('<tr id="w1"><td>1</td><th scope="row" lang="zh-Hans">新词</th><td lang="zh-Latn-pinyin">')
    assert '<tr id="w2"><td>2</td>' in html and html.count("\n") == 2
    # the parts' Chinese marked as Chinese in the English cell (walk 10)
    assert (
        '<td lang="en">&lt;not_in_dictionary&gt; &lt;made_of&gt;&lt;colon&gt;<span lang="zh-Hans">新</span> new; '
        '<span lang="zh-Hans">词</span> word</td>'
    ) in html
    assert '<td lang="en">&lt;number_word&gt;</td>' in html
