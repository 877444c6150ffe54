"""Issue 8: what an incremental build reuses (per-article memo, export fragments) gives the
bytes of doing everything again, and loses no diagnostic."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_incremental import tree

from bench.generate import generate
from edition.cache import BuildCache
from edition.export import edition_json, figures_csv, figures_json
from edition.jsonout import Chunk, Chunks, chunk, dumps, encode, pieces
from edition.memo import Memo, Same
from edition.model import Edition
from edition.pipeline import build, make_edition
from edition.serve import Preview
from edition.tei import tei_xml

# -- jsonout: spliced JSON is json.dumps's JSON ------------------------------------------------

# What the exports hold: no NaN or infinity (no figure is one; edition/jsonout.py).
finite = st.floats(allow_nan=False, allow_infinity=False)
scalars = st.none() | st.booleans() | st.integers() | finite | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def with_chunks(value: Any, choices: list[bool], indent: int = 0) -> Any:
    """The same value with some of its arrays (by position in a walk) given as Chunks, made
    for the indentation of the line the array starts on, in runs of one and two items."""
    if isinstance(value, dict):
        return {k: with_chunks(v, choices, indent + 1) for k, v in value.items()}
    if isinstance(value, list):
        if choices and choices.pop():
            return Chunks([chunk(run, indent) for run in _runs(value)], indent)
        return [with_chunks(v, choices, indent + 1) for v in value]
    return value


def _runs(items: list[Any]) -> list[list[Any]]:
    """items cut into runs of one and two, with an empty run between (an article with none)."""
    runs: list[list[Any]] = [[]]
    i = 0
    while i < len(items):
        size = 1 + i % 2
        runs += [items[i : i + size], []]
        i += size
    return runs


@settings(max_examples=300, deadline=None)
@given(values, st.lists(st.booleans(), max_size=12))
def test_spliced_json_is_the_same_text_as_json_dumps(value: Any, choices: list[bool]) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=1)
    assert dumps(with_chunks(value, list(choices))) == expected


# Numbers either side of where the standard library turns to exponents, integers beyond
# orjson's 64 bits, strings that look like numbers, and characters escaped or not.
awkward = (
    st.sampled_from([1e-4, 1e-05, 9.9e-05, -1e-05, 1e16, 9999999999999998.0, 12345678901234567.0, -0.0, 1e300, 5e-324])
    | st.integers(min_value=2**63 - 2, max_value=2**70)
    | st.sampled_from(["2e5", "0.00001", "1e16", '\x1f\x7f\u2028\\"', "\n  x"])
    | finite
    | st.integers()
)
awkward_values = st.recursive(
    awkward,
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=1000, deadline=None)
@given(awkward_values)
def test_encode_is_json_dumps_text(value: Any) -> None:
    assert encode(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_encode_leaves_what_orjson_refuses_to_the_standard_library() -> None:
    for value in ({1: "int key"}, [2**64], {"k": [1e-7, {"d": 1e17}]}, "\ud800"):
        assert encode(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_spliced_json_chunks_made_for_their_depth() -> None:
    value = {"top": [{"a": 1}, {"b": [2, 3]}, "x"], "deep": [{"m": [{"k": "v"}, 4]}]}
    spliced = {
        "top": Chunks([chunk([{"a": 1}], 1), chunk([], 1), chunk([{"b": [2, 3]}, "x"], 1)], 1),
        "deep": [{"m": Chunks([chunk([{"k": "v"}], 3), chunk([4], 3)], 3)}],
    }
    assert dumps(spliced) == json.dumps(value, ensure_ascii=False, indent=1)
    assert dumps({"e": Chunks([chunk([], 1)], 1)}) == json.dumps({"e": []}, indent=1)
    with pytest.raises(ValueError, match="depth"):
        dumps({"e": Chunks([chunk([1], 2)], 2)})


# -- exports from fragments = exports of the whole ----------------------------------------------


def test_exports_from_per_article_fragments_equal_whole_exports(root: Path) -> None:
    edition, _, _ = make_edition(root)
    assert edition.article_parts, "the stages give each article's mentions and figures"
    plain = dataclasses.replace(edition, parts=None)
    assert not plain.article_parts
    memo = Memo()
    for export in (edition_json, figures_json, figures_csv, tei_xml):
        assert export(edition, memo) == export(plain), export.__name__
        assert export(edition, memo) == export(plain), f"{export.__name__}, from kept fragments"


def test_parts_of_a_changed_edition_are_not_used(root: Path) -> None:
    edition, _, _ = make_edition(root)
    changed = dataclasses.replace(edition, figures=edition.figures[1:])
    assert changed.article_parts == {}
    assert dataclasses.replace(edition, checks=()).article_parts, "fields the parts do not describe keep them"


# -- the memo --------------------------------------------------------------------------------------


def test_memo_keys_by_identity_and_replays_diagnostics() -> None:
    from edition.errors import Diagnostics, Loc

    memo = Memo()
    calls: list[str] = []

    def work(text: str, diags: Diagnostics) -> str:
        calls.append(text)
        diags.warning(Loc("content/x.md", 3), f"about {text}")
        return text.upper()

    a, b = ["one"], ["one"]  # equal, not the same object
    for _ in range(2):
        memo.new_build()
        first = Diagnostics()
        assert memo.get(("w", Same(a)), first, work, "one") == "ONE"
        assert [str(d) for d in first.items] == ["content/x.md:3:1: warning: about one"]
    assert calls == ["one"], "the second build reused the result, and reported its warning again"
    memo.get(("w", Same(b)), Diagnostics(), work, "one")
    assert calls == ["one", "one"], "an equal but other object is another key"
    memo.new_build()
    memo.new_build()
    memo.get(("w", Same(a)), Diagnostics(), work, "one")
    assert len(calls) == 3, "entries unused by the last two builds are dropped"


def test_a_warning_of_an_unchanged_article_survives_an_edit_elsewhere(site: Path, edit: Any) -> None:
    # Make article 04 outdated (a warning), then edit article 02 only.
    edit(site / "content/2020-05-25/p12/04-moyu.en.md", "translates: ", "translates: 0000")
    cache = BuildCache()
    first = build(site, None, search=False, cache=cache)
    outdated = [w for w in first.warnings if "outdated" in w.message]
    assert [w.loc.path for w in outdated] == ["content/2020-05-25/p12/04-moyu.en.md"]
    edit(site / "content/2020-05-25/p12/02-urban-renewal.en.md", "Wenyu River Park", "the Wenyu River Park")
    second = build(site, None, search=False, cache=cache)
    assert cache.memo.hits > 0 and cache.memo.misses > 0
    assert [str(w) for w in second.warnings if "outdated" in w.message] == [str(w) for w in outdated]


def test_an_edit_redoes_the_edited_article_only(site: Path, edit: Any) -> None:
    cache = BuildCache()
    build(site, None, search=False, cache=cache)
    edit(site / "content/2020-05-25/p12/02-urban-renewal.en.md", "Wenyu River Park", "the Wenyu River Park")
    memo = cache.memo
    edition, _, _ = make_edition(site, cache=cache)
    # Five documents' articles; one translation changed: its article and what hangs on it
    # (mentions, figures, checks, charts, numbers, the swap check of edition/causes.py) are
    # made again, nothing of the other four.
    assert memo.misses == 7, memo.misses
    assert isinstance(edition, Edition)


# -- a synthetic archive: many articles, an edit, the bytes of a clean build -------------------


def test_an_archive_edit_in_the_dev_server_equals_a_clean_build(tmp_path: Path) -> None:
    corpus = generate(24, tmp_path / "corpus")
    preview = Preview(corpus, tmp_path / "served")
    preview.rebuild()
    assert not preview.errors, preview.errors
    for k in (3, 17):
        path = next((corpus / "content/2020-05-25/p12").glob(f"*a{k:05d}.en.md"))
        text = path.read_text(encoding="utf-8").rstrip("\n")
        path.write_text(text + " It was so.\n", encoding="utf-8")
        preview.rebuild()
        assert not preview.errors, preview.errors
    clean = tmp_path / "clean"
    build(corpus, clean, search=False)
    assert tree(tmp_path / "served") == tree(clean)


def test_pieces_make_each_chunk_only_when_it_is_written() -> None:
    """An export's chunks come from a generator read as the text is written: the first
    pieces are out before the last chunk is made (an archive's export is never whole)."""
    made: list[int] = []

    def articles() -> Iterator[Chunk]:
        for n in range(3):
            made.append(n)
            yield chunk([{"n": n}], 1)

    stream = pieces({"articles": Chunks(articles(), 1), "after": [1e-05, "x"]})
    first = next(stream)
    assert made == [] and first.startswith("{")
    text = first + "".join(stream)
    assert made == [0, 1, 2]
    value = {"articles": [{"n": 0}, {"n": 1}, {"n": 2}], "after": [1e-05, "x"]}
    assert text == json.dumps(value, ensure_ascii=False, indent=1)
