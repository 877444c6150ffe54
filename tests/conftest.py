"""Shared fixtures: the real project, a disposable copy of it, and one build of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from edition.pipeline import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
SITE_PARTS = ("site.toml", "content", "templates", "static", "source")


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One chromium for the session, shared by every browser test file (tests/test_browser.py,
    tests/test_reading_help.py): Playwright's sync API runs one instance per process."""
    from browser_support import CHROMIUM_ARGS, NO_CHROMIUM, chromium_path, missing

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
