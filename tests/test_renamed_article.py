"""An article's id changed in its files after the page was cut (usage walk 14 left it for
later): its address moves, so the build says where the layout gives the old id, and a
redirect still sending readers to the old address is an error, not a broken link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from browser_support import SiteServer

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
        """add '"2020-05-25/p12/paired-assistance/" = "2020-05-25/p12/pairs/"' to site.toml's [redirects], """
        "which sends readers and links to its passages on"
    )


def test_a_page_fronts_id_changed_is_warned_of_without_a_redirect(site: Path, edit: Edit) -> None:
    """A page's front has the page's address, whatever its id: only its blocks' anchors move
    (review 21: the hint gave a redirect that failed the build)."""
    for lang in ("zh", "en"):
        edit(site / f"{FOLDER}/00-page.{lang}.md", "id: page\n", "id: frontpage\n")
    _, warnings, _ = make_edition(site)
    [warning] = [w for w in warnings if "is not the one" in w.message]
    assert warning.hint.endswith("its blocks' anchors (#page-m1 …) become #frontpage-m1 …, and links to them break")
    assert "[redirects]" not in warning.hint


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


def test_a_redirect_to_itself_or_to_another_redirect_is_an_error(site: Path, edit: Edit, tmp_path: Path) -> None:
    """A redirect is no page to send readers to: one to itself reloaded for ever (review 21)."""
    edit(site / "site.toml", '"articles/moyu/" = "2020-05-25/p12/moyu/"', '"articles/moyu/" = "articles/moyu/"')
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    [error] = info.value.diagnostics
    assert (
        error.message == "redirect 'articles/moyu/' leads to 'articles/moyu/', itself a redirect (to 'articles/moyu/')"
    )
    # a chain: the first leads to the second, which leads on (review 22: it said "no page")
    edit(site / "site.toml", '"articles/moyu/" = "articles/moyu/"', '"articles/moyu/" = "articles/urban-renewal/"')
    with pytest.raises(BuildError) as info:
        build(site, tmp_path / "out", search=False)
    [error] = info.value.diagnostics
    assert error.message.endswith("itself a redirect (to '2020-05-25/p12/urban-renewal/')")
    assert error.hint == "send it to where the other leads, '2020-05-25/p12/urban-renewal/'"


def test_an_article_sent_to_its_pages_front_keeps_its_anchors(site: Path, edit: Edit, tmp_path: Path) -> None:
    """Only a renamed article's redirect rewrites the anchors (review 22: an article redirected to
    its page's front had #moyu-p5, which the front has, rewritten to #p12-p5)."""
    edit(site / "site.toml", '"articles/moyu/" = "2020-05-25/p12/moyu/"', '"articles/moyu/" = "2020-05-25/p12/"')
    out = tmp_path / "out"
    build(site, out, search=False)
    assert "location.hash)</script>" in (out / "articles/moyu/index.html").read_text("utf-8")  # as it is
    _rename(site, edit)
    edit(site / "site.toml", '= "2020-05-25/p12/paired-assistance/"', '= "2020-05-25/p12/pairs/"')
    build(site, out, search=False)
    script = (out / "articles/paired-assistance/index.html").read_text("utf-8")
    assert '.replace(/(^#|~)paired-assistance-/, "$1pairs-")' in script


def test_check_says_why_a_redirect_is_astray(site: Path, edit: Edit, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` reports the redirect the build would stop on, after the warning that explains it."""
    from edition.check import run_check

    _rename(site, edit)
    assert run_check(site) == 1
    printed = capsys.readouterr().out
    warning = printed.index("warning: the id 'pairs' is not the one")
    error = printed.index("error: redirect 'articles/paired-assistance/' leads to")
    assert warning < error


@pytest.mark.browser
def test_the_old_address_of_a_renamed_article_sends_a_passage_link_on(
    site: Path, edit: Edit, tmp_path: Path, browser: Any
) -> None:
    """A shared link to a passage of the old address (#paired-assistance-p3) lands on the same
    passage of the new one (#pairs-p3), as a reader who opens it expects."""
    _rename(site, edit)
    edit(site / "site.toml", '= "2020-05-25/p12/paired-assistance/"', '= "2020-05-25/p12/pairs/"')
    out = tmp_path / "out"
    build(site, out, search=False)
    with SiteServer(out) as server:
        page = browser.new_context().new_page()
        for old, new in (
            ("articles/paired-assistance/#paired-assistance-p3", "2020-05-25/p12/pairs/#pairs-p3"),
            ("articles/paired-assistance/#n-moyu-county~paired-assistance-p3", "#n-moyu-county~pairs-p3"),
            ("en/articles/paired-assistance/#paired-assistance-p3", "en/2020-05-25/p12/pairs/#pairs-p3"),
        ):
            page.goto(f"{server.origin}/{old}")
            page.wait_for_url(f"**/{new.split('#')[0]}*")
            assert page.url.endswith(new), (old, page.url)
        page.context.close()
