"""Shared fixtures: the real project, a disposable copy of it, and one build of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import CHROMIUM_ARGS, NO_CHROMIUM, Site, SiteServer, chromium_path, missing

from edition.config import load_config
from edition.pipeline import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("site.toml", "content", "templates", "static", "source")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden output of the fixture sites (tests/golden/) from this build; review the diff",
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def copy_site(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in SITE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        else:
            shutil.copy2(src, target / part)
    return target


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the project's inputs that a test may break."""
    return copy_site(tmp_path / "site")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """The real edition, built once into a temporary output/."""
    out = tmp_path_factory.mktemp("built") / "output"
    return build(ROOT, out), out


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace text in a file of a copied site, asserting the text was there."""

    def _edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return _edit


# --- the browser suites (test_browser.py, test_reading.py): one build, one browser -----------


@pytest.fixture(scope="session")
def archive_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented two-date archive (tests/fixtures/archive), built once without search: its output/."""
    site = tmp_path_factory.mktemp("archive") / "site"
    shutil.copytree(ROOT / "tests/fixtures/archive", site)
    build(site, site / "output", search=False)
    return site / "output"


@pytest.fixture(scope="session")
def served_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The two-date archive, built once with its search index, served at /archive/."""
    root = tmp_path_factory.mktemp("served-archive") / "served"
    site = shutil.copytree(ROOT / "tests/fixtures/archive", root.parent / "site")
    out = root / "archive"
    result = build(site, out)
    with SiteServer(root, not_found=out / "404.html") as server:
        yield Site(result, root, out, f"{server.origin}/archive/", server.origin, "https://example.org/archive/")


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    # Served under the path of base_url (as GitHub Pages serves a project site): the pages'
    # relative links must work there, and so must 404.html, whose links are absolute paths.
    config = load_config(ROOT / "site.toml", ROOT)
    prefix = config.base_path.strip("/") or "repo-name"
    root = tmp_path_factory.mktemp("browser") / "site"
    out = root / prefix
    result = build(ROOT, out)
    with SiteServer(root, not_found=out / "404.html") as server:
        yield Site(result, root, out, f"{server.origin}/{prefix}/", server.origin, config.base_url)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        missing(NO_CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright not installed: pip install -r requirements-dev.txt")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def project(tmp_path: Path) -> Any:
    """A copy of the project with an old output/, run through the command line (issue 14's
    bad-input cases: tests/bad_input_support.py)."""
    from bad_input_support import make_project

    return make_project(tmp_path)
