"""The Traditional view's text: OpenCC's conversion, with the site's fixes of the phrases it
gets wrong (site.toml's [traditional_fixes]; edition/views.py's to_hant). Found while making
the search page's excerpts Traditional: the real page's 资金发放 ("releasing funds") was
published as 資金髮放, OpenCC having read 金发, "blond hair", across the two words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bad_input_support import Project

from edition.check import run_check
from edition.pipeline import BuildResult
from edition.views import opencc_hant, to_hant, use_traditional

ROOT = Path(__file__).resolve().parent.parent


def test_a_phrase_opencc_gets_wrong_is_written_as_the_site_fixes_it(built: tuple[BuildResult, Path]) -> None:
    result, out = built
    config = result.edition.config
    assert ("资金发放", "資金發放") in config.traditional_fixes
    assert opencc_hant("资金发放", config.traditional) == "資金髮放"  # what OpenCC alone writes
    assert opencc_hant("一批复工复产", config.traditional) == "一批覆工復產"  # 批复, "official reply"
    for path in ("zh-hant/2020-05-25/p12/business-support/", "zh-hant/2020-05-25/p12/", "zh-hant/"):
        page = (out / path / "index.html").read_text(encoding="utf-8")
        assert "髮" not in page and "覆工" not in page, path
    page = re.sub(r"<[^>]+>", "", (out / "zh-hant/2020-05-25/p12/business-support/index.html").read_text("utf-8"))
    assert "補貼資金發放" in page and "一批復工復產" in page  # (its 復工復產 is a name's link)
    # the text around a fixed phrase is converted as before, on its own
    use_traditional(config.traditional, config.traditional_fixes)
    assert to_hant("稳岗就业补贴资金发放；加大招工用工支持") == "穩崗就業補貼資金發放；加大招工用工支持"
    assert to_hant("金发碧眼") == opencc_hant("金发碧眼", config.traditional)


def test_a_fix_that_is_not_its_phrase_in_traditional_is_an_error_at_its_line(project: Project) -> None:
    text = project.read("site.toml")
    # (a character kept as the text has it is one: 余 in 余先生 and 于 in 于老师, surnames
    # OpenCC writes 餘 and 於, 台 in 台湾; review of the walk's fixes)
    fine = '"余先生" = "余先生"\n"于老师" = "于老師"\n"台湾" = "台灣"\n'
    project.write("site.toml", text + fine + '"发放" = "發"\n"工作" = "工做"\n"资金" = "资全"\n')
    lines = project.read("site.toml").split("\n")
    short, other, wrong = (lines.index(line) + 1 for line in ('"发放" = "發"', '"工作" = "工做"', '"资金" = "资全"'))
    hint = "write each character's Traditional form as the view writes it"
    project.fails(
        f"site.toml:{other}:1: error: '工做' is not '工作' in Traditional characters, one for each — {hint}",
        f"site.toml:{wrong}:1: error: '资全' is not '资金' in Traditional characters, one for each — {hint}",
        f"site.toml:{short}:1: error: the fix of '发放' must be its Traditional form, one character for each, "
        'not str \'發\' — write "资金发放" = "資金發放"',
    )


def test_check_lists_the_phrases_opencc_wrote_otherwise_for_an_editor_to_confirm(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """So that the next page's 资金发放 is caught by an editor, not a reader."""
    assert run_check(ROOT) == 0
    printed = capsys.readouterr().out.split("\n")
    start = next(n for n, line in enumerate(printed) if line.startswith("Traditional view: "))
    listed = [line.strip() for line in printed[start + 1 :] if line.startswith("  ")]
    assert f"to confirm: {len(listed)} (" in printed[start] and len(listed) > 10
    assert "moyu-p1: 帮扶关系以来， → 幫扶關係以來， (系 as 係, alone 系)" in listed
    assert not any("髮" in line or "覆工" in line for line in listed)  # the fixed ones are right now
    assert "[traditional_fixes]" in printed[start]  # what to do with them


def test_an_editor_confirms_a_place_by_adding_its_phrase_as_it_is(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """里 in 三里屯 stays 里, though 里 alone is 裡: a fix of the phrase as OpenCC writes it is
    accepted (usage walk 8: 'is not 阿里 in Traditional characters'), and check lists it no more."""
    path = site / "site.toml"
    fixes = '"三里屯" = "三里屯"\n"阿里" = "阿里"\n"周转款" = "週轉款"\n'
    path.write_text(path.read_text(encoding="utf-8") + fixes, encoding="utf-8")
    assert run_check(site) == 0
    printed = capsys.readouterr().out
    # a fix of a phrase no text has is said (usage walk 8: it was accepted silently)
    assert "site.toml: [traditional_fixes] of phrases no text has: 周转款" in printed
    assert (
        "三里屯" not in printed.split("Traditional view: ")[1] and "阿里" not in printed.split("Traditional view: ")[1]
    )
    assert "关系" in printed.split("Traditional view: ")[1]


def test_two_fixes_that_overlap_are_an_error(project: Project) -> None:
    text = project.read("site.toml")
    project.write("site.toml", text + '"发放到位" = "發放到位"\n')
    line = project.read("site.toml").split("\n").index('"发放到位" = "發放到位"') + 1
    project.fails(
        f"site.toml:{line}:1: error: the fixes of '资金发放' and '发放到位' overlap: "
        "where both stand, only '资金发放' would be applied — give one fix for the whole phrase"
    )


def test_the_traditional_view_shows_no_simplified_chinese_but_where_marked_so(built: tuple[BuildResult, Path]) -> None:
    """Usage walk 8 found Simplified Chinese on 51 of the Traditional view's 148 pages: inside
    the English of notes, entity pages, the figures appendix and the About page (精准扶贫).
    What stays Simplified is marked so (lang="zh-Hans": the original's title in a citation,
    the view switcher's name of the Simplified view), or is data shown as such (a citation's
    CSL-JSON, CC-CEDICT's 間接|间接 on the vocabulary pages)."""
    result, out = built
    config = result.edition.config
    simplified_only = re.compile(r"[\u3400-\u9fff]+")
    marked = re.compile(r'<(\w+)\b[^>]*lang="zh-Hans"[^>]*>.*?</\1>|<(script|pre|code|textarea)\b.*?</\2>', re.S)
    found = {}
    for path in sorted((out / "zh-hant").rglob("*.html")):
        if "/words/" in path.as_posix():
            continue
        text = re.sub(r"<[^>]+>", " ", marked.sub(" ", path.read_text(encoding="utf-8")))
        runs = [r for r in simplified_only.findall(text) if opencc_hant(r, config.traditional) != r]
        if runs:
            found[path.relative_to(out).as_posix()] = runs[:5]
    assert not found, found
