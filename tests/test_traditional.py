"""The Traditional view's text: OpenCC's conversion, with the site's fixes of the phrases it
gets wrong (site.toml's [traditional_fixes]; edition/views.py's to_hant). Found while making
the search page's excerpts Traditional: the real page's 资金发放 ("releasing funds") was
published as 資金髮放, OpenCC having read 金发, "blond hair", across the two words."""

from __future__ import annotations

from pathlib import Path

from bad_input_support import Project

from edition.pipeline import BuildResult
from edition.views import opencc_hant, to_hant, use_traditional


def test_a_phrase_opencc_gets_wrong_is_written_as_the_site_fixes_it(built: tuple[BuildResult, Path]) -> None:
    result, out = built
    config = result.edition.config
    assert ("资金发放", "資金發放") in config.traditional_fixes
    assert opencc_hant("资金发放", config.traditional) == "資金髮放"  # what OpenCC alone writes
    page = (out / "zh-hant/2020-05-25/p12/business-support/index.html").read_text(encoding="utf-8")
    assert "補貼資金發放" in page and "髮" not in page
    # the text around a fixed phrase is converted as before, on its own
    use_traditional(config.traditional, config.traditional_fixes)
    assert to_hant("稳岗就业补贴资金发放；加大招工用工支持") == "穩崗就業補貼資金發放；加大招工用工支持"
    assert to_hant("金发碧眼") == opencc_hant("金发碧眼", config.traditional)


def test_a_fix_not_of_its_phrases_length_or_not_needed_is_an_error_at_its_line(project: Project) -> None:
    text = project.read("site.toml")
    project.write("site.toml", text + '"资金" = "資金"\n"发放" = "發"\n')
    lines = project.read("site.toml").split("\n")
    same, short = lines.index('"资金" = "資金"') + 1, lines.index('"发放" = "發"') + 1
    project.fails(
        f"site.toml:{same}:1: error: OpenCC already writes '资金' as '資金' — delete the line: the fix is not needed",
        f"site.toml:{short}:1: error: the fix of '发放' must be its Traditional form, one character for each, "
        'not str \'發\' — write "资金发放" = "資金發放"',
    )
