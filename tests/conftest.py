"""Shared fixtures: the real project, a disposable copy of it, and one build of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


@pytest.fixture
def project(tmp_path: Path) -> Any:
    """A copy of the project with an old output/, run through the command line (issue 14's
    bad-input cases: tests/bad_input_support.py)."""
    from bad_input_support import make_project

    return make_project(tmp_path)
