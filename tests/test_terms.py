"""Issue 16: the termbase the build enforces (edition/terms.py), the terminology twin of the
number check. A banned rendering fails the build at its block's line and names the approved
form; a block whose Chinese has a term must use its approved English; a glossary entity may
not contradict its own approved English; every term and document needs its provenance."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from edition.errors import BuildError, Diagnostic
from edition.pipeline import make_edition

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "terms"
MOYU_EN = "content/2020-05-25/p12/04-moyu.en.md"
TERMBASE = "content/termbase/termbase.yaml"
Edit = Callable[[Path, str, str], None]


def failing(site: Path) -> tuple[Diagnostic, ...]:
    with pytest.raises(BuildError) as info:
        make_edition(site)
    return info.value.diagnostics


def at(diags: tuple[Diagnostic, ...], path: str, line: int, *words: str) -> Diagnostic:
    found = [d for d in diags if d.loc.path == path and d.loc.line == line and all(w in str(d) for w in words)]
    assert found, f"no diagnostic at {path}:{line} with {words}:\n" + "\n".join(map(str, diags))
    return found[0]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_real_edition_passes_its_termbase(root: Path) -> None:
    edition, warnings, _ = make_edition(root)
    assert edition.articles
    assert not [w for w in warnings if "termbase" in w.message]


def test_a_banned_variant_fails_the_build_at_its_line(site: Path, edit: Edit) -> None:
    en = site / MOYU_EN
    edit(en, "actively advance the special supervision work", "actively advance the listed supervision work")
    diag = at(
        failing(site),
        MOYU_EN,
        line_of(en, "listed supervision work"),
        "moyu-p2",
        "banned rendering “listed supervision”",
    )
    assert "write “special supervision”" in diag.hint  # the approved form


def test_a_banned_variant_in_any_case_is_caught(site: Path, edit: Edit) -> None:
    en = site / MOYU_EN
    edit(en, "Wen Xian, the district head,", "Wen Xian, the District Mayor,")
    at(failing(site), MOYU_EN, line_of(en, "District Mayor"), "banned rendering “district mayor”")


def test_a_term_without_its_approved_english_fails(site: Path, edit: Edit) -> None:
    en = site / "content/2020-05-25/p12/01-paired-assistance.en.md"
    edit(en, "treated poverty-alleviation cooperation as", "treated the cooperation as")
    at(
        failing(site),
        "content/2020-05-25/p12/01-paired-assistance.en.md",
        line_of(en, "treated the cooperation as"),
        "扶贫协作",
        "poverty-alleviation cooperation",
    )


def test_an_alias_passes(site: Path, edit: Edit) -> None:
    # 贫困村 is "poor villages", with the declared alias "impoverished villages"
    edit(
        site / "content/2020-05-25/p12/01-paired-assistance.en.md",
        "to pair with local poor villages",
        "to pair with local impoverished villages",
    )
    edition, _, _ = make_edition(site)
    block = edition.block("paired-assistance-p11")
    assert block is not None and "impoverished villages" in block.en


def test_an_entity_note_may_not_contradict_its_english(site: Path, edit: Edit) -> None:
    terms = site / "content/terms.yaml"
    edit(terms, "Part of the strategy of", "Known as precision poverty alleviation, part of the strategy of")
    at(
        failing(site),
        "content/terms.yaml",
        line_of(terms, "- id: precision-poverty-alleviation"),
        "banned rendering “precision poverty alleviation”",
    )


def test_a_literal_gloss_in_a_note_is_no_contradiction(site: Path, edit: Edit) -> None:
    terms = site / "content/terms.yaml"
    edit(terms, "Part of the strategy of", "Literally “precision poverty alleviation”; part of the strategy of")
    make_edition(site)


def test_an_entity_whose_english_is_not_the_approved_form_fails(site: Path, edit: Edit) -> None:
    base = site / TERMBASE
    edit(base, "- entity: listed-supervision\n", "- entity: listed-supervision\n  en: designated supervision\n")
    diags = failing(site)
    at(
        diags,
        "content/terms.yaml",
        line_of(site / "content/terms.yaml", "- id: listed-supervision"),
        "is not the termbase's “designated supervision”",
    )


def test_every_term_and_document_needs_a_termbase_entry(site: Path, edit: Edit) -> None:
    edit(site / TERMBASE, "- entity: ox-nose\n", "- entity: ox-nose-gone\n")
    diags = failing(site)
    at(
        diags,
        "content/terms.yaml",
        line_of(site / "content/terms.yaml", "- id: ox-nose"),
        "'ox-nose'",
        "no entry in the termbase",
    )


def test_provenance_is_checked_at_its_line(site: Path) -> None:
    shutil.copy(FIXTURES / "termbase.yaml", site / TERMBASE)
    diags = failing(site)
    fixture = FIXTURES / "termbase.yaml"
    at(diags, TERMBASE, line_of(fixture, "- zh: 街乡"), "an official rendering needs its 'source:'")
    at(diags, TERMBASE, line_of(fixture, "- zh: 一对一"), "provenance must be one of")
    # the fixture governs no other entity: each term and document of the glossaries is reported
    assert any("has no entry in the termbase" in d.message for d in diags)


def test_a_project_without_a_termbase_is_not_checked(site: Path) -> None:
    (site / TERMBASE).unlink()
    make_edition(site)


def test_a_banned_variant_in_a_figure_label_or_a_note_fails(site: Path, edit: Edit) -> None:
    zh = site / "content/2020-05-25/p12/04-moyu.zh.md"
    edit(
        zh, "in line with the State Council's supervision requirements", "under the State Council's listed supervision"
    )
    edit(zh, "it names Moyu, this article's subject", "it names Moyu, the county under listed supervision")
    diags = failing(site)
    assert any(d.loc.path == "content/2020-05-25/p12/04-moyu.zh.md" and "figure moyu-p4-" in d.message for d in diags)
    at(
        diags,
        "content/2020-05-25/p12/04-moyu.zh.md",
        line_of(zh, "- id: placement-h1"),
        "note moyu-placement-h1",
        "banned rendering",
    )
