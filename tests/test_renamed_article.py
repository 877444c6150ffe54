"""An article's id changed in its files after the page was cut (usage walk 14 left it for
later): its address moves, so the build says where the layout gives the old id, and a
redirect still sending readers to the old address is an error, not a broken link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from edition.errors import BuildError
from edition.pipeline import build, make_edition

Edit = Callable[[Path, str, str], None]
FOLDER = "content/2020-05-25/p12"


def _rename(site: Path, edit: Edit) -> None:
    for lang in ("zh", "en"):
        edit(site / f"{FOLDER}/01-paired-assistance.{lang}.md", "id: paired-assistance\n", "id: pairs\n")


def test_an_id_the_layout_does_not_give_is_warned_of_with_the_redirect_to_add(site: Path, edit: Edit) -> None:
    _rename(site, edit)
    edit(site / "site.toml", '"articles/paired-assistance/" = "2020-05-25/p12/paired-assistance/"\n', "")
    _, warnings, _ = make_edition(site)
    [warning] = [w for w in warnings if "is not the one" in w.message]
    assert (warning.loc.path, warning.loc.line) == (f"{FOLDER}/01-paired-assistance.zh.md", 2)
    assert warning.message == (
        f"the id 'pairs' is not the one {FOLDER}/layout.yaml gives this file ('paired-assistance', line 69)"
    )
    assert warning.hint.endswith(
        """add '"2020-05-25/p12/paired-assistance/" = "2020-05-25/p12/pairs/"' to site.toml's [redirects]"""
    )


def test_a_redirect_to_a_page_that_is_gone_is_an_error_and_nothing_is_written(
    site: Path, edit: Edit, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(site, out, search=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    _rename(site, edit)
    with pytest.raises(BuildError) as info:
        build(site, out, search=False)
    [error] = info.value.diagnostics
    assert (error.loc.path, error.loc.line) == ("site.toml", 95)
    assert error.message == (
        "redirect 'articles/paired-assistance/' leads to '2020-05-25/p12/paired-assistance/', which is no page of the site"
    )
    assert "2020-05-25/p12/pairs/" in error.hint and error.hint.endswith(
        "write the one it moved to, or remove the redirect"
    )
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before  # the last good output stands
    # the redirect made to follow: the site builds, the old addresses lead to the new one
    edit(site / "site.toml", '= "2020-05-25/p12/paired-assistance/"', '= "2020-05-25/p12/pairs/"')
    build(site, out, search=False)
    assert 'href="../../2020-05-25/p12/pairs/"' in (out / "articles/paired-assistance/index.html").read_text("utf-8")
