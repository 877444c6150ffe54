"""Issue 16: what the editors' notes say about source lines is checked against the source
(edition/linecheck.py). Two notes once disagreed about which line held the page headline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.errors import BuildError, Diagnostics
from edition.linecheck import check_line_claims
from edition.pipeline import make_edition

PAGE = "content/2020-05-25/p12/00-page.zh.md"
Edit = Callable[[Path, str, str], None]


def note_line(path: Path, note_id: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.strip() == f"- id: {note_id}")


def errors_at(site: Path, path: str, line: int) -> list[str]:
    with pytest.raises(BuildError) as info:
        make_edition(site)
    return [str(d) for d in info.value.diagnostics if d.loc.path == path and d.loc.line == line]


def test_the_page_headline_is_the_last_line_of_the_text(site: Path, edit: Edit) -> None:
    edit(site / PAGE, "is the last line of the extracted text", "is the second-last line of the extracted text")
    found = errors_at(site, PAGE, note_line(site / PAGE, "placement-h1"))
    assert found and "source line 838" in found[0] and "page-h1 (lines 839–839)" in found[0]


def test_a_numbered_claim_must_name_a_line_of_the_block(site: Path, edit: Edit) -> None:
    edit(site / PAGE, "is the last line of the extracted text", "is line 5 of the extracted text")
    assert errors_at(site, PAGE, note_line(site / PAGE, "placement-h1"))


def test_true_claims_pass(site: Path, edit: Edit) -> None:
    edit(site / PAGE, "is the last line of the extracted text", "is line 839, the last line of the extracted text")
    make_edition(site)


def test_a_claim_about_a_quoted_block_of_the_same_article_passes(root: Path) -> None:
    # urban-renewal's headline note places the deck it quotes at the last line but one (838)
    text = (root / "content/2020-05-25/p12/02-urban-renewal.zh.md").read_text(encoding="utf-8")
    assert "the last line but one" in text
    make_edition(root)


def test_claims_about_blocks_from_another_source_are_not_judged(root: Path) -> None:
    # A stand-in source (a generated archive reuses this page's notes over one): page-h1's lines
    # 839-839 lie beyond it, so its note's "last line" cannot be judged against it.
    edition, _, _ = make_edition(root)
    diags = Diagnostics()
    check_line_claims(edition.all_articles, ["one line", ""], diags)
    assert not diags.items
