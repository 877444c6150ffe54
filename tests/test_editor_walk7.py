"""Usage walk 7, the editor's side: the dev server's "Build failed" page reloads once the
file is fixed, `cut`'s messages about the witness's SHA-256, front-matter key messages."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bad_input_support import EN, MOYU_PAGE
from conftest import copy_site
from test_bad_input_serve import Server, edit

PAGE = f"en/{MOYU_PAGE}"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server, str]]:
    root = copy_site(tmp_path / "site")
    server = Server(root)
    port = server.proc.args[-1]  # type: ignore[index]
    try:
        yield root, server, f"http://127.0.0.1:{port}/{PAGE}"
    finally:
        server.stop()
    assert "Traceback" not in "\n".join(server.lines), "\n".join(server.lines)


def fetched(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


# --- 1. the "Build failed" page reloads itself --------------------------------------------


def test_the_build_failed_page_carries_the_livereload_script(served: tuple[Path, Server, str]) -> None:
    # livereload puts its script before '</head>' only; the error page had none, so it never
    # reloaded when the editor fixed the file.
    root, server, url = served
    assert "livereload.js" in fetched(url)  # a built page has it
    edit(root, EN, "translator:", "translatr:")
    server.wait_for(lambda: any("unknown translation front-matter key" in x for x in server.lines), "the error")
    page = fetched(url)
    assert "<h1>Build failed</h1>" in page
    assert "livereload.js" in page, page


@pytest.mark.browser
def test_the_build_failed_page_reloads_when_the_build_succeeds_again(
    served: tuple[Path, Server, str], browser: Any
) -> None:
    from test_browser import new_page

    root, server, url = served
    page = new_page(browser)
    page.goto(url)
    title = str(page.locator("h1").first.inner_text())
    assert title != "Build failed"
    connected = lambda: sum("Browser Connected" in x for x in server.lines)  # noqa: E731
    server.wait_for(lambda: connected() == 1, "the page's livereload connection")
    edit(root, EN, "translator:", "translatr:")
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').textContent === 'Build failed'"
    )
    server.wait_for(lambda: connected() == 2, "the error page's livereload connection")
    edit(root, EN, "translatr:", "translator:")  # quickly: at once, not 3 s after the last reload
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').textContent !== 'Build failed'"
    )
    assert str(page.locator("h1").first.inner_text()) == title
    page.context.close()
