"""Issue 14: Markdown a content file may not hold is named as what it is, at its line
(fixtures in tests/fixtures/markdown/, expected problems in expected.yaml), an HTML comment
is never rendered, and a link that leaves the edition says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from edition.markup import parse_blocks, render_inline

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_construct_is_named_at_its_line(name: str) -> None:
    blocks = parse_blocks((FIXTURES / name).read_text(encoding="utf-8"))
    problems = [[b.line, b.problem] for b in blocks if b.problem]
    assert problems == EXPECTED[name]
    for block in blocks:
        assert "<!--" not in block.text and "-->" not in block.text, "a comment reached a block's text"


def test_every_fixture_has_its_expectation() -> None:
    assert {p.name for p in FIXTURES.glob("*.md")} == set(EXPECTED)


def test_a_comment_does_not_move_the_blocks_around_it() -> None:
    blocks = parse_blocks((FIXTURES / "comment-multiline.md").read_text(encoding="utf-8"))
    kept = [(b.kind, b.text, b.line) for b in blocks if not b.problem]
    assert kept == [("headline", "Title", 0), ("paragraph", "Text.", 8)]


def test_a_construct_that_stands_for_a_block_keeps_its_place() -> None:
    # A table or a setext heading is still a block: the pairing with the other language is
    # not shifted by it, so its own error is the only one.
    kinds = [b.kind for b in parse_blocks((FIXTURES / "setext.md").read_text(encoding="utf-8"))]
    assert kinds == ["headline", "paragraph", "subhead", "paragraph"]
    kinds = [b.kind for b in parse_blocks((FIXTURES / "table.md").read_text(encoding="utf-8"))]
    assert kinds == ["headline", "paragraph", "paragraph"]


def test_an_external_link_is_marked_as_leaving_the_edition() -> None:
    html = render_inline("see [the law](https://www.npc.gov.cn/) and [this passage](#moyu-p3)")
    assert html == (
        'see <a href="https://www.npc.gov.cn/" class="external" rel="external noopener noreferrer">the law'
        '<span class="visually-hidden"> (external link: leaves the edition)</span></a>'
        ' and <a href="#moyu-p3">this passage</a>'
    )


def test_an_image_is_never_embedded_by_the_inline_renderer() -> None:
    # Notes and glossary text go through render_inline too: nothing is loaded from elsewhere.
    assert "<img" not in render_inline("![x](https://example.com/x.png)")
