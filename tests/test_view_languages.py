"""Each view speaks its own language where it had spoken another's (helper review, session 11):
the Chinese views' charts, the vocabulary's addresses in the views that have no vocabulary of
their own, and the search results' titles.

HTML assertions over the real edition (built without its index), and search in a real browser
over the invented two-date archive (tests/fixtures/archive), built with its index and served;
skipped, or failed under EDITION_REQUIRE_BROWSER=1, as tests/test_walk11_search.py is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.pipeline import build
from edition.views import use_traditional

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real edition, built without its search index."""
    out = tmp_path_factory.mktemp("languages") / "output"
    result = build(ROOT, out, search=False)
    config = result.edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    return out


def read(out: Path, name: str) -> str:
    return (out / name).read_text(encoding="utf-8")


def test_the_vocabularys_address_in_a_view_without_one_says_where_it_is_read(out: Path) -> None:
    """Found by the same review: the Simplified and English views' vocabulary addresses said the
    page had moved (本页已移至新地址, "This page has moved"); it never did: the parallel view's
    vocabulary serves them by design. They say so; an address that did move still says it moved."""
    words = "2020-05-25/p12/moyu/words/"
    zh, en = read(out, f"zh/{words}index.html"), read(out, f"en/{words}index.html")
    assert "<title>本文词汇表见中英对照版（简体中文词语，附英文释义）</title>" in zh and "移至" not in zh
    assert "<p>本文词汇表见中英对照版（简体中文词语，附英文释义）：<a href=" in zh
    assert "This article’s vocabulary is in the parallel view" in en and "moved" not in en
    assert f'<a href="../../../../../{words}">' in zh and f'<a href="../../../../../{words}">' in en
    assert "本页已移至新地址：" in read(out, "zh/articles/moyu/index.html")  # site.toml's [redirects]
    assert "This page has moved: " in read(out, "en/articles/moyu/index.html")
