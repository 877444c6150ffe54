"""Issue 14: site.toml and page.toml values checked at their own line (types, ISO dates,
addresses with a scheme), and a changed witness said with what to do."""

from __future__ import annotations

import hashlib
import os

import pytest
from bad_input_support import PAGE, Project

PAGE_TOML = f"{PAGE}/page.toml"
STRING = "write it as a string in quotes"


def test_a_base_url_without_its_scheme(project: Project) -> None:
    line = project.edit("site.toml", 'base_url = "https://', 'base_url = "')
    value = project.read("site.toml").split("\n")[line - 1].split('"')[1]
    project.fails(
        f"site.toml:{line}:1: error: base_url '{value}' is not an address with its scheme — write the site's address in full, e.g. \"https://example.github.io/edition/\""
    )


def test_a_base_url_given_as_a_list(project: Project) -> None:
    text = project.read("site.toml")
    line = project.line("site.toml", "base_url = ")
    old = text.split("\n")[line - 1]
    project.write("site.toml", text.replace(old, 'base_url = ["https://example.github.io/"]'))
    project.fails(
        f"site.toml:{line}:1: error: 'base_url' must be a string in quotes, not list ['https://example.github.io/'] — {STRING}"
    )


def test_a_publishing_address_without_its_scheme(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITION_BASE_URL", "example.github.io/fork/")
    project.fails(
        "EDITION_BASE_URL (environment): error: EDITION_BASE_URL 'example.github.io/fork/' is not an address with its scheme — write the site's address in full, e.g. \"https://example.github.io/edition/\""
    )
    assert os.environ["EDITION_BASE_URL"] == "example.github.io/fork/"


def test_a_build_date_in_words_is_an_error_at_its_line_not_a_template_error(project: Project) -> None:
    # Before issue 14: "templates/article.html:30:1: error: template error: ValueError ...".
    line = project.edit("site.toml", 'build_date = "2026-11-26"', 'build_date = "26 Nov 2026"')
    project.fails(
        f'site.toml:{line}:1: error: build_date \'26 Nov 2026\' is not a date — write it as "YYYY-MM-DD", e.g. "2020-05-25"'
    )


def test_a_build_date_as_a_toml_date(project: Project) -> None:
    line = project.edit("site.toml", 'build_date = "2026-11-26"', "build_date = 2026-11-26")
    project.fails(
        f"site.toml:{line}:1: error: 'build_date' must be a string in quotes, not a TOML date (2026-11-26) — {STRING}"
    )


def test_an_impossible_page_date_is_one_error(project: Project) -> None:
    line = project.edit(PAGE_TOML, 'date = "2020-05-25"', 'date = "2020-05-32"')
    project.fails(
        f'{PAGE_TOML}:{line}:1: error: date \'2020-05-32\' is not a date — write it as "YYYY-MM-DD", e.g. "2020-05-25"'
    )


def test_a_page_number_in_quotes(project: Project) -> None:
    line = project.edit(PAGE_TOML, "page = 12", 'page = "12"')
    project.fails(
        f"{PAGE_TOML}:{line}:1: error: 'page' must be a whole number, without quotes, not str '12' — write it as a whole number, without quotes"
    )


def test_editors_given_as_a_list_never_reaches_the_tei_export(project: Project) -> None:
    # Before issue 14 a list here crashed the TEI export.
    line = project.edit("site.toml", 'editors = "The edition team"', 'editors = ["The edition team"]')
    project.fails(
        f"site.toml:{line}:1: error: 'editors' must be a string in quotes, not list ['The edition team'] — {STRING}"
    )


def test_a_changed_witness_says_what_to_do(project: Project) -> None:
    source = next(project.root.glob("source/china-reform-daily-*.txt"))
    source.write_text(source.read_text(encoding="utf-8").replace("墨玉县", "墨玉乡", 1), encoding="utf-8")
    line = project.line(PAGE_TOML, "source_sha256 =")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    project.fails(
        f"{PAGE_TOML}:{line}:1: error: the source text source/{source.name} has changed (its SHA-256 is now {sha}, "
        f"page.toml records 77cd7a967a99…) — the witness is kept exactly as extracted: restore it with 'git checkout -- "
        f"source/{source.name}'; if a new extraction replaces it on purpose, run the cut again and record the new SHA-256 in page.toml"
    )


def test_a_misspelt_required_key_is_one_error_not_two(project: Project) -> None:
    """Walk 12: 'secton_zh' in page.toml was an unknown key (did you mean 'section_zh'?) and
    'section_zh' a missing one: one mistake, said once."""
    line = project.edit(PAGE_TOML, 'section_zh = "视野"', 'secton_zh = "视野"')
    project.fails(f"{PAGE_TOML}:{line}:1: error: unknown key 'secton_zh' — did you mean 'section_zh'?")
