"""Issue 8: the dev server's quick look at an edited article (edition/quick.py), then the
full build: the article's pages at once, the same bytes in the end."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from test_incremental import tree

from edition.errors import BuildError
from edition.pipeline import build
from edition.quick import quick_pages
from edition.serve import Preview
from edition.views import VIEWS

URBAN = "2020-05-25/p12/urban-renewal/index.html"
PAGES = [v.prefix + URBAN for v in VIEWS]


def started(site: Path, background: bool = False) -> Preview:
    preview = Preview(site, site / "output", background=background)
    preview.rebuild()
    assert not preview.errors, preview.errors
    assert preview.cache.snapshot is not None
    return preview


def test_the_quick_look_gives_the_pages_a_clean_build_gives(
    site: Path, tmp_path: Path, edit: Callable[[Path, str, str], None]
) -> None:
    preview = started(site)
    path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
    edit(path, "Wenyu River Park", "the Wenyu River Park")
    assert preview.cache.snapshot is not None
    pages = quick_pages(preview.cache.snapshot, path, preview.cache)
    assert pages is not None and sorted(pages) == sorted(PAGES)
    clean = build(site, tmp_path / "clean", search=False).files
    for page, data in pages.items():
        assert data == clean[page], page
    assert pages[URBAN] != (site / "output" / URBAN).read_bytes(), "the edit shows"


def test_an_edit_is_shown_first_then_the_whole_output_equals_a_clean_build(
    site: Path, tmp_path: Path, edit: Callable[[Path, str, str], None]
) -> None:
    preview = started(site)
    path = site / "content/2020-05-25/p12/04-moyu.zh.md"
    edit(path, "继续举全区之力", "继续举全区全部之力")  # the Chinese: the translation becomes outdated
    # declared, as every change to the Chinese must be (issue 14: the build runs the fidelity account)
    edit(
        path, "blocks:  #", "emendations:\n- {block: p2, source: 举全区, reading: 举全区全部, reason: test}\nblocks:  #"
    )
    preview.rebuild([str(path)])
    assert preview.quick_seconds is not None, "the quick look applied"
    assert not preview.errors
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    assert tree(site / "output") == tree(clean)


def test_an_error_in_the_edited_article_is_shown_at_once(site: Path, edit: Callable[[Path, str, str], None]) -> None:
    preview = started(site)
    path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nnumbers:\n- {block: p1, value: 7}\n", 1), encoding="utf-8")
    assert preview.cache.snapshot is not None
    with pytest.raises(BuildError) as raised:
        quick_pages(preview.cache.snapshot, path, preview.cache)
    assert any(
        d.loc.path == "content/2020-05-25/p12/02-urban-renewal.en.md" and d.loc.line for d in raised.value.diagnostics
    )
    preview.rebuild([str(path)])
    assert preview.errors and "content/2020-05-25/p12/02-urban-renewal.en.md" in preview.errors[0]


@pytest.mark.parametrize(
    "changed",
    ["content/entities.yaml", "content/2020-05-25/p12/00-page.en.md", "templates/article.html", "site.toml"],
)
def test_what_the_quick_look_does_not_handle_goes_to_the_full_build(site: Path, changed: str) -> None:
    preview = started(site)
    assert preview.cache.snapshot is not None
    assert quick_pages(preview.cache.snapshot, site / changed, preview.cache) is None
    preview.rebuild([str(site / changed)])
    assert preview.quick_seconds is None and not preview.errors


def test_pages_shown_by_the_quick_look_are_rendered_again_by_the_next_full_build(
    site: Path, edit: Callable[[Path, str, str], None]
) -> None:
    preview = started(site)
    original = (site / "output" / URBAN).read_bytes()
    path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
    edit(path, "Wenyu River Park", "the Wenyu River Park")
    assert preview.cache.snapshot is not None
    assert preview._quick(path)
    assert (site / "output" / URBAN).read_bytes() != original
    assert not set(PAGES) & set(preview.cache.fingerprints), "no longer vouched for"
    # The edit is taken back before any full build: the pages must follow.
    edit(path, "the Wenyu River Park", "Wenyu River Park")
    preview.rebuild()
    assert (site / "output" / URBAN).read_bytes() == original


def test_in_the_server_the_full_build_follows_in_the_background_and_reloads(
    site: Path, tmp_path: Path, edit: Callable[[Path, str, str], None]
) -> None:
    preview = started(site, background=True)
    original = (site / "output" / URBAN).read_bytes()
    path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
    edit(path, "Wenyu River Park", "the Wenyu River Park")
    reloaded = threading.Event()
    preview.rebuild([str(path)], reloaded.set)
    assert preview.quick_seconds is not None
    assert (site / "output" / URBAN).read_bytes() != original, "shown at once"
    assert reloaded.wait(120), "the background build changed output/ (exports, search) and asked for a reload"
    with preview.lock:  # the background build is done
        pass
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    assert tree(site / "output") == tree(clean)


def test_a_quick_look_that_breaks_falls_back_to_the_full_build(
    site: Path, tmp_path: Path, edit: Callable[[Path, str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    import edition.serve

    def broken(*_: object) -> None:
        raise RuntimeError("a bug in the shortcut")

    preview = started(site)
    monkeypatch.setattr(edition.serve, "quick_pages", broken)
    path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
    edit(path, "Wenyu River Park", "the Wenyu River Park")
    preview.rebuild([str(path)])
    assert preview.quick_seconds is None and not preview.errors
    clean = tmp_path / "clean"
    build(site, clean, search=False)
    assert tree(site / "output") == tree(clean)


def test_the_server_sees_a_save_and_shows_the_article_first(site: Path) -> None:
    """`build.py serve` end to end, without a browser: the OS tells the watcher of a save,
    the quick look writes the article's page, the full build follows."""
    import socket
    import subprocess
    import sys
    import threading
    import time

    from conftest import ROOT

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(site), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    lines: list[str] = []
    try:
        assert server.stderr is not None
        for line in server.stderr:
            if "Start watching changes" in line:  # livereload's log: its watcher is starting
                break
        # The rest of the log, read as it comes (the quick look logs after it writes the page).
        reader = threading.Thread(target=lambda: lines.extend(server.stderr or ()), daemon=True)
        reader.start()
        time.sleep(1)  # and the operating system's watch is in place
        page = site / "output" / URBAN
        before = page.read_bytes()
        path = site / "content/2020-05-25/p12/02-urban-renewal.en.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Wenyu River Park", "the Wenyu River Park", 1))
        deadline = time.monotonic() + 30
        while (page.read_bytes() == before or not any("quick " in x for x in lines)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert page.read_bytes() != before, "the save was not seen, or not built"
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert any("quick " in x for x in lines), "".join(lines)[-2000:]
