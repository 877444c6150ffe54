"""The house rules of edition/ that a reader cannot see from one file: speed lives in two
modules that no editorial module imports, and no module (nor a page's script) grows past 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EDITION = Path(__file__).resolve().parent.parent / "edition"
SPEED = {"incremental", "parallel"}
# The modules that put the build together may use the speed modules; every other one is
# editorial (or output) work that must read the same without them.
ASSEMBLERS = {"incremental", "parallel", "pipeline", "serve", "cli"}
MODULES = sorted(EDITION.rglob("*.py"))
SCRIPTS = sorted((EDITION.parent / "static").glob("*.js"))


def _name(path: Path) -> str:
    return ".".join(path.relative_to(EDITION).with_suffix("").parts)


def imported(path: Path) -> set[str]:
    """The edition modules a file imports (``edition.x``, ``from edition import x``, ``from . import x``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("edition."))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module == "edition" or (node.level and not module):
                found.update(a.name for a in node.names)
            elif module.startswith("edition."):
                found.add(module.split(".")[1])
            elif node.level and module:
                found.add(module.split(".")[0])
    return found


def test_the_rule_finds_every_form_of_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import edition.parallel\nfrom edition.incremental import PageCache\nfrom edition import parallel as p\n"
        "from . import incremental\ndef late():\n    from edition.parallel import render_pages\n",
        encoding="utf-8",
    )
    assert imported(probe) == {"parallel", "incremental"}


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_editorial_module_imports_the_speed_modules(path: Path) -> None:
    if _name(path) in ASSEMBLERS:
        return
    assert not imported(path) & SPEED, f"{_name(path)} imports {sorted(imported(path) & SPEED)}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_is_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{_name(path)} has {lines} lines"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_no_script_is_over_400_lines(path: Path) -> None:
    """The pages' scripts too (static/search.js had grown to 401)."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 400, f"{path.name} has {lines} lines"


def test_the_speed_code_stays_within_600_lines() -> None:
    lines = sum(len((EDITION / f"{name}.py").read_text(encoding="utf-8").splitlines()) for name in SPEED)
    assert lines <= 600, lines


def test_the_readme_names_every_module() -> None:
    """A maintainer finds a module's concern in the README's Architecture (maintainer walk: 17
    modules were missing from its list, and a new one would have joined them silently)."""
    readme = (EDITION.parent / "README.md").read_text(encoding="utf-8")
    # in the Architecture section: a name met elsewhere (`serve` is a command too) says nothing of its concern
    assert "\n## Architecture\n" in readme, "the README's Architecture section (its heading) is gone"
    architecture = readme.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
    unnamed = [
        p.stem for p in sorted(EDITION.glob("*.py")) if p.stem != "__init__" and f"`{p.stem}`" not in architecture
    ]
    assert not unnamed, f"name these modules and their concern in the README's Architecture: {unnamed}"


def test_the_templates_helpers_are_given_the_config_and_the_page_not_the_site() -> None:
    """The one rule for templates (README): whatever reads the site is a recorded lookup. A
    maintainer walk added a helper that read the site and left 499 of 618 files stale after an
    edit; the helpers are now given the site's settings and the page alone (edition/render.py,
    Renderer.helpers). (A page's data may hold the model: its digest is the fingerprint's.)"""
    import inspect
    import typing

    from edition.config import SiteConfig
    from edition.pages import Page
    from edition.render import Renderer, page_url

    for function in (Renderer.helpers, page_url):
        hints = typing.get_type_hints(function)
        given = [name for name in inspect.signature(function).parameters if name != "self"]
        assert given == ["config", "page"], function
        assert (hints["config"], hints["page"]) == (SiteConfig, Page), function
