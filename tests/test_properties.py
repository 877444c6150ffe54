"""Properties of the parsers, the repair rules, the matcher and the inline renderer, on
arbitrary input (hypothesis, default settings): they never crash, and they lose nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from edition import repair
from edition.annotate import _en_pattern, english_index, find_english, find_in_block
from edition.errors import BuildError
from edition.frontmatter import split_front_matter
from edition.markup import render_inline
from edition.yamlload import load_yaml

ROOT = Path(__file__).resolve().parent.parent
SPACES = " \u3000"

render_inline("")  # build the parser once, outside any example's deadline


def nonspace(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


# --- front matter -------------------------------------------------------------------------

LINE = st.one_of(
    st.sampled_from(["---", "--- ", "---\r", " ---", "----", "", "id: moyu", "title: x", "  - [1, 2]", "# h"]),
    st.text(max_size=12).map(lambda s: s.replace("\n", "")),
)
FRONTISH = st.one_of(st.text(), st.lists(LINE, max_size=10).map("\n".join))


@given(FRONTISH)
@example("---\n---\n")
@example("---\nid: x\n---")
@example("---\n---\n---\n")
def test_split_front_matter_is_sound(text: str) -> None:
    try:
        split = split_front_matter(text, "content/x.zh.md")
    except BuildError as exc:
        assert exc.diagnostics
        for diag in exc.diagnostics:
            assert diag.loc.path == "content/x.zh.md" and diag.loc.line >= 1 and diag.hint
        return
    lines = text.split("\n")
    assert split.front in text and split.body in text
    # the fences are where the split says: the opening one just before the YAML ...
    assert lines[split.front_line - 1].rstrip() == "---"
    # ... and the closing one on file line body_line, the first fence after the opening
    assert split.front_line < split.body_line <= len(lines)
    assert lines[split.body_line - 1].rstrip() == "---"
    assert all(line.rstrip() != "---" for line in lines[split.front_line : split.body_line - 1])
    assert split.front == "\n".join(lines[split.front_line : split.body_line - 1])
    assert split.body == "\n".join(lines[split.body_line :])


YAMLISH = st.lists(
    st.one_of(
        st.sampled_from(
            ["key: ", "- ", "  ", "[", "]", "{", "}", ", ", ": ", "&a ", "*a", "!!str ", "'", '"', "#", "\n", "? "]
        ),
        st.from_regex(r"\A[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\Z"),
        st.text(alphabet="ab01-.: \n", max_size=6),
    ),
    max_size=14,
).map("".join)


@given(st.one_of(st.text(), YAMLISH), st.integers(0, 3))
@example("date: 2020-02-30", 1)  # a date YAML reads as one, but no calendar has
@example("&a [*a]", 1)  # a list that contains itself
def test_front_matter_yaml_fails_only_with_a_diagnostic(text: str, offset: int) -> None:
    try:
        load_yaml(text, "content/x.zh.md", offset)
    except BuildError as exc:
        assert all(d.loc.line >= 1 for d in exc.diagnostics)


# --- repair rules -------------------------------------------------------------------------

NEWSPAPERISH = st.text(alphabet="金亿元万人朝阳区Vision 12.3%\u3000\U001001b0，。a", max_size=40)
ANY = st.one_of(st.text(max_size=60), NEWSPAPERISH)


@given(ANY)
@example("金  2.86 亿元")  # two spaces typeset before the number
@example("金\u3000 2.86亿元")
def test_normalise_number_spaces_only_removes_spaces(text: str) -> None:
    result = repair.normalise_number_spaces(text)
    out = result.text
    # out is text with some spaces deleted: a subsequence whose gaps are spaces only
    i = 0
    for ch in out:
        while i < len(text) and text[i] != ch:
            assert text[i] in SPACES, (text, out)
            i += 1
        assert i < len(text), (text, out)
        i += 1
    assert all(ch in SPACES for ch in text[i:])
    removed = len(text) - len(out)
    assert len(result.artifacts) == removed, f"{removed} spaces removed, {len(result.artifacts)} recorded: {text!r}"


@given(
    st.one_of(st.text(max_size=40), NEWSPAPERISH, st.text(alphabet="ab 视野", max_size=24)),
    st.one_of(st.none(), st.lists(st.text(alphabet="ab视野 ", min_size=1, max_size=3), max_size=3)),
)
@example("VisionVision", None)
@example("视野视野 2020", ["视野"])
def test_undouble_loses_only_the_dropped_copies(text: str, units: list[str] | None) -> None:
    result = repair.undouble(text, units)
    rebuilt = Counter(result.text)
    for artifact in result.artifacts:
        assert artifact.rule == "doubled"
        rebuilt.update(artifact.text)
    assert rebuilt == Counter(text)


def test_undouble_with_an_empty_unit_returns() -> None:
    # A layout may say `undouble: [""]`; the rule must end (or refuse), never spin forever.
    code = "from edition.repair import undouble; print(undouble('视野视野', ['']).text)"
    try:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=6, capture_output=True, check=False)
    except subprocess.TimeoutExpired:
        raise AssertionError("undouble('视野视野', ['']) never returns") from None


@given(
    st.lists(
        st.tuples(st.integers(1, 900), st.one_of(st.text(max_size=3), st.sampled_from(["", " ", "视"]))), max_size=20
    ),
    st.integers(-1, 5),
)
def test_join_vertical_never_crashes_and_keeps_characters(lines: list[tuple[int, str]], phrase: int) -> None:
    result = repair.join_vertical(lines, phrase)
    kept = Counter(nonspace(result.text))
    for artifact in result.artifacts:
        kept.update(nonspace(artifact.text))
    assert kept == Counter(nonspace("".join(text for _, text in lines)))


@given(st.lists(st.one_of(st.text(max_size=12), NEWSPAPERISH), max_size=8))
def test_join_wrapped_keeps_every_character_in_order(parts: list[str]) -> None:
    out = repair.join_wrapped(parts)
    assert nonspace(out) == nonspace("".join(parts))
    assert out == out.strip() or not nonspace(out)


@given(
    st.lists(st.one_of(st.text(max_size=30), NEWSPAPERISH, st.sampled_from(["", "  ", "到位。", "视野"])), max_size=25),
    st.sets(st.integers(1, 25), max_size=4),
    st.sets(st.integers(1, 25), max_size=4),
)
def test_split_paragraphs_keeps_every_line_once_in_order(texts: list[str], breaks: set[int], joins: set[int]) -> None:
    lines = list(enumerate(texts, start=1))
    paragraphs = repair.split_paragraphs(lines, sorted(breaks), sorted(joins))
    assert all(paragraphs), "an empty paragraph"
    assert [line for para in paragraphs for line in para] == [(n, t) for n, t in lines if t.strip()]


@given(ANY)
def test_map_private_use_changes_only_the_known_glyphs(text: str) -> None:
    result = repair.map_private_use(text)
    assert len(result.text) == len(text)
    assert len(result.artifacts) == text.count("\U001001b0")
    assert all(a == b or (a == "\U001001b0" and b == ".") for a, b in zip(text, result.text, strict=True))


# --- the entity matcher -------------------------------------------------------------------

CJK = "朝阳区北京中学墨玉县"


@given(
    st.one_of(st.text(max_size=40), st.text(alphabet=CJK + "ab", max_size=40)),
    st.lists(st.one_of(st.text(min_size=1, max_size=4), st.text(alphabet=CJK, min_size=1, max_size=4)), max_size=8),
)
@example("北京朝阳中学在朝阳区", ["朝阳", "北京朝阳中学", "朝阳区"])
def test_find_in_block_matches_are_leftmost_longest_and_disjoint(text: str, forms: list[str]) -> None:
    # patterns as the annotator builds them: by first character, longest form first
    patterns: dict[str, list[tuple[str, str]]] = {}
    for number, form in enumerate(forms):
        patterns.setdefault(form[0], []).append((form, f"e{number}"))
    for candidates in patterns.values():
        candidates.sort(key=lambda f: -len(f[0]))
    found = find_in_block(text, patterns)
    end = 0
    for start, form, entity in found:
        assert start >= end, "overlapping or out of order"
        assert text.startswith(form, start)
        assert (form, entity) in patterns[form[0]]
        # nothing could have matched in the gap before it, nor a longer form here
        assert not any(text.startswith(f, i) for i in range(end, start) for f, _ in patterns.get(text[i], ()))
        assert not any(len(f) > len(form) and text.startswith(f, start) for f, _ in patterns[text[start]])
        end = start + len(form)
    assert not any(text.startswith(f, i) for i in range(end, len(text)) for f, _ in patterns.get(text[i], ()))


WORDISH = "Ab _-.1é "


@given(
    st.one_of(st.text(max_size=40), st.text(alphabet=WORDISH, max_size=40)),
    st.lists(st.one_of(st.text(min_size=1, max_size=4), st.text(alphabet=WORDISH, min_size=1, max_size=4)), max_size=8),
)
@example("in Beijing's Beijing-Tianjin area_1", ["Beijing", "Beijing-Tianjin", "Tianjin", "area"])
@example("A b. B (b “B", ["b"])
def test_english_names_are_found_as_the_pattern_of_every_name_finds_them(text: str, forms: list[str]) -> None:
    """The annotator looks an English name up by the character it starts with (the whole
    archive's names in one regular expression were tried at every character): the same
    matches, whole words, longest first, in the same places."""
    expected = [(m.start(), m.end(), m.group(0)) for m in _en_pattern(tuple(forms)).finditer(text)] if forms else []
    found = list(find_english(text, english_index(forms)))
    # each with the glossary's form it is (capitalised where it begins a sentence: walk 10)
    assert [(start, end, text[start:end]) for start, end, _ in found] == expected
    assert all(form in forms and text[start:end] in (form, form[0].upper() + form[1:]) for start, end, form in found)


# --- the inline renderer ------------------------------------------------------------------

FRAGMENT = st.sampled_from(
    [
        "<script>", "</script>", "<SCRIPT src=x>", "javascript:", "JaVaScRiPt:", " javascript:", "vbscript:",
        "data:text/html,", "[x](", "![i](", ")", "](", "<", ">", "&#106;", "&#x6A;", "&colon;", "&#58;", "%6A",
        " onerror=", "onload=", '"', "'", "\\", "`", "*", "_", "\n", " ", "\t", "\x00", "alert(1)", "<a href=",
        "<img src=x ", "&lt;", "<!--", "-->", "<javascript:alert(1)>", "[r]: javascript:alert(1)\n", "[r]",
    ]
)  # fmt: skip
INLINE = st.one_of(st.text(), st.lists(st.one_of(FRAGMENT, st.text(max_size=4)), max_size=14).map("".join))


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


@given(INLINE)
@example("<script>alert(1)</script>")
@example("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](jav&#x61;script:alert(1))")
@example("<img src=x onerror=alert(1)> <javascript:alert(1)>")
@example("[r]\n\n[r]: javascript:alert(1)")
def test_render_inline_never_emits_script_or_script_urls(text: str) -> None:
    html = render_inline(text)
    assert "<script" not in html.lower()
    parser = _Attrs()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in {"a", "img", "em", "strong", "code", "br"}, (tag, html)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, html)
            if name in ("href", "src"):
                url = re.sub(r"[\x00-\x20]", "", unescape(value or "")).lower()
                assert not url.startswith(("javascript:", "vbscript:", "data:")), (text, html)
