"""A site folder's templates, strings and static files: the generator's, overlaid by its own
(edition/overlay.py). Found by usage walk 7 and the eighth session's review."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from edition import overlay
from edition.errors import BuildError
from edition.outguard import check_out_dir
from edition.pipeline import build
from edition.serve import watched_paths

ROOT = Path(__file__).resolve().parent.parent


def _fixture(tmp_path: Path) -> Path:
    """The fixture archive: a site folder of data alone."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "tests/fixtures/archive", site)
    return site


def _generator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the generator's templates and static files, standing in for the generator."""
    generator = tmp_path / "generator"
    for name in overlay.OVERLAID:
        shutil.copytree(ROOT / name, generator / name)
    monkeypatch.setattr(overlay, "GENERATOR", generator)
    return generator


def test_a_site_without_templates_is_built_with_the_generators_and_overrides_them_file_by_file(
    tmp_path: Path,
) -> None:
    """A site folder (--root) has only its data: the generator's templates, strings and static
    files serve it (a copy of them went stale as the generator changed: usage walk 7). A
    template, a string or a static file of its own replaces the generator's of that name only."""
    site = _fixture(tmp_path)
    assert not (site / "templates").exists() and not (site / "static").exists()
    plain = build(site, tmp_path / "plain", search=False)
    assert "static/reading.js" in plain.files and "static/edition.css" in plain.files
    home = (tmp_path / "plain/index.html").read_text(encoding="utf-8")
    assert "Test Daily" in home
    # its own 404 template, one string of ui.yaml, its own stylesheet
    (site / "templates").mkdir()
    (site / "templates/404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost in the archive</h1>{% endblock %}', encoding="utf-8"
    )
    (site / "templates/ui.yaml").write_text("search: {en: Find}\n", encoding="utf-8")
    (site / "static").mkdir()
    (site / "static/edition.css").write_text("body { color: #111; }\n", encoding="utf-8")
    build(site, tmp_path / "own", search=False)
    assert "Lost in the archive" in (tmp_path / "own/404.html").read_text(encoding="utf-8")
    assert (tmp_path / "own/static/edition.css").read_bytes() == b"body{color:#111}"
    assert (tmp_path / "own/static/reading.js").read_bytes() == (tmp_path / "plain/static/reading.js").read_bytes()
    own_home = (tmp_path / "own/index.html").read_text(encoding="utf-8")
    assert ">Find<" in own_home and ">Search<" in home  # the string it gave; every other one the generator's
    zh_home = (tmp_path / "own/zh/index.html").read_text(encoding="utf-8")
    assert ">搜索<" in zh_home  # its Chinese still the generator's: strings merge language by language
    assert "Dates and pages" in own_home


def test_an_error_in_the_generators_template_names_the_generators_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not templates/404.html, which the site does not have (review, session 8)."""
    site, generator = _fixture(tmp_path), _generator(tmp_path, monkeypatch)
    path = generator / "templates/404.html"
    path.write_text(path.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    [diag] = info.value.diagnostics
    assert diag.loc.path == (generator / "templates/404.html").as_posix(), str(diag)
    assert "template error" in diag.message and not (tmp_path / "out").exists()


def test_a_sites_ui_strings_that_are_not_strings_are_one_error_at_their_line(tmp_path: Path) -> None:
    site = _fixture(tmp_path)
    (site / "templates").mkdir()
    (site / "templates/ui.yaml").write_text(
        "search: {en: Find}\nnew_word: {en: Word}\nlist: [1, 2]\n", encoding="utf-8"
    )
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    shown = sorted(str(d) for d in info.value.diagnostics)
    assert shown == [
        "templates/ui.yaml:2:1: error: the UI string 'new_word' has no 'zh' — give it both: {en: …, zh: …}",
        "templates/ui.yaml:3:1: error: the UI string 'list' must be a table — write list: {en: …, zh: …}",
    ], shown
    (site / "templates/ui.yaml").write_text("- search\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    assert [str(d) for d in info.value.diagnostics] == [
        "templates/ui.yaml:1:1: error: ui.yaml must be a table of strings — write each as key: {en: …, zh: …}"
    ]


def test_serve_watches_the_generators_folders_for_a_site_folder(tmp_path: Path) -> None:
    site = _fixture(tmp_path)
    watched = watched_paths(site)
    assert site / "content" in watched and ROOT / "templates" in watched and ROOT / "static" in watched
    assert watched_paths(ROOT).count(ROOT / "templates") == 1  # the generator's own: once


def test_a_site_folder_may_not_build_into_the_generators_folders(tmp_path: Path) -> None:
    site = _fixture(tmp_path)
    with pytest.raises(BuildError):
        check_out_dir(site, ROOT / "static" / "built")
    check_out_dir(site, tmp_path / "out")  # its own output: fine


def test_a_sites_ui_strings_misspelt_in_another_language_or_in_taiwans_words(tmp_path: Path) -> None:
    """Usage walk 8: 'serach: {en: Find}' said "has no 'zh'"; fr was ignored; and the
    Traditional interface could not be given Taiwan's words (搜尋 for the converted 搜索)."""
    site = _fixture(tmp_path)
    (site / "templates").mkdir()
    ui = site / "templates/ui.yaml"
    ui.write_text("serach: {en: Find}\nsearch: {en: Search, fr: Chercher}\n", encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    assert sorted(str(d) for d in info.value.diagnostics) == [
        "templates/ui.yaml:1:1: error: unknown UI string 'serach' — did you mean 'search'?",
        "templates/ui.yaml:2:1: error: the UI string 'search' has a language 'fr' — give en, zh and, if you wish, zh-hant",
    ]
    ui.write_text("search: {zh-hant: 搜尋}\n", encoding="utf-8")
    build(site, tmp_path / "out", search=False)
    assert ">搜尋<" in (tmp_path / "out/zh-hant/index.html").read_text(encoding="utf-8")
    assert ">搜索<" in (tmp_path / "out/zh/index.html").read_text(encoding="utf-8")


def test_run_in_a_site_folder_a_command_works_on_that_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage walk 8: run without --root in a new site's folder, build built the generator's
    own edition into the output folder it was given."""
    from edition.cli import main

    site = _fixture(tmp_path)
    monkeypatch.chdir(site)
    assert main(["build", "--no-search", "--out", str(tmp_path / "out")]) == 0
    assert "Test Daily" in (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert f"project    {site.resolve()} -> {(tmp_path / 'out').resolve()}" in capsys.readouterr().err
    # and from a folder inside it (review: from site/content it built the generator's edition)
    monkeypatch.chdir(site / "content")
    assert main(["build", "--no-search", "--out", str(tmp_path / "out2")]) == 0
    assert "Test Daily" in (tmp_path / "out2/index.html").read_text(encoding="utf-8")


def test_the_server_sees_a_site_toml_saved_by_renaming_a_new_file_over_it(tmp_path: Path) -> None:
    """Usage walk 10: an editor that saves by writing a new file and renaming it over the old
    one (vim, emacs, sed -i) left the server blind to site.toml after the first such save, and
    the fixed mistake on the "Build failed" page."""
    import threading

    from edition.serve import told_watcher

    (tmp_path / "content").mkdir()
    toml = tmp_path / "site.toml"
    toml.write_text("a = 1\n", encoding="utf-8")
    told = threading.Semaphore(0)

    class Loop:
        def add_callback(self, callback: object) -> None:
            told.release()

    told_watcher([tmp_path / "content", toml], Loop).start(lambda: None)
    assert told.acquire(timeout=5)  # the start's own call
    time.sleep(0.5)  # the watchers settle
    for n in range(2, 5):  # each save a new file renamed over the old one
        fresh = tmp_path / "site.toml.new"
        fresh.write_text(f"a = {n}\n", encoding="utf-8")
        os.replace(fresh, toml)
        assert told.acquire(timeout=5), f"save {n} not seen"
        while told.acquire(timeout=0.3):  # one save may be told more than once
            pass
