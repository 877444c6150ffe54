"""Issue 13: the figure themes are the site's data (site.toml's [[figures.themes]]), checked
at their own line; a label naming a theme the site does not declare is one error, at its line.

Each case: the exact lines printed, exit status 1, output/ and the content files untouched
(tests/bad_input_support.py)."""

from __future__ import annotations

import json

from bad_input_support import PAGE, ZH, Project

THEMES = "[[figures.themes]]"
DECLARED = "funding, people, enterprises, jobs, training, projects, area, villages, organisations, time, other"


def _themes(project: Project, toml: str) -> int:
    """site.toml with its themes replaced by ``toml``; the line where ``toml`` starts."""
    text = project.read("site.toml")
    start = text.index(THEMES)
    end = text.index("[redirects]")
    project.write("site.toml", text[:start] + toml + "\n" + text[end:])
    return text.count("\n", 0, start) + 1


def test_themes_given_as_a_string(project: Project) -> None:
    line = _themes(project, '[figures]\nthemes = "funding, people"\n')
    project.fails(
        f"site.toml:{line + 1}:1: error: 'themes' in [figures] must be a list of tables, not str 'funding, people'"
        " — declare each theme as a [[figures.themes]] table with id, name_en and name_zh"
    )


def test_themes_given_as_a_list_of_words(project: Project) -> None:
    line = _themes(project, '[figures]\nthemes = ["funding", "people"]\n')
    project.fails(
        f"site.toml:{line + 1}:1: error: 'themes' in [figures] must be a list of tables, not list ['funding', 'people']"
        " — declare each theme as a [[figures.themes]] table with id, name_en and name_zh"
    )


def test_a_theme_without_its_id(project: Project) -> None:
    line = project.edit("site.toml", 'id = "people"\n', "")
    project.fails(
        f"site.toml:{line - 1}:1: error: theme 2 in [[figures.themes]] has no 'id'"
        ' — add id, the word a figure label\'s theme: names, e.g. id = "funding"'
    )


def test_a_theme_declared_twice(project: Project) -> None:
    first = project.line("site.toml", 'id = "funding"')
    line = project.edit("site.toml", 'id = "people"', 'id = "funding"')
    project.fails(
        f"site.toml:{line}:1: error: theme 'funding' is declared twice (first at line {first})"
        " — keep one [[figures.themes]] per id: a figure label names its theme by the id"
    )


def test_a_theme_without_its_chinese_name(project: Project) -> None:
    header = project.line("site.toml", 'id = "jobs"') - 1
    project.edit("site.toml", 'name_zh = "就业"\n', "")
    project.fails(
        f"site.toml:{header}:1: error: theme 'jobs' in [[figures.themes]] has no 'name_zh'"
        ' — add name_zh, the name the Chinese views show (the Traditional view converts it), e.g. name_zh = "资金"'
    )


def test_a_theme_without_either_name(project: Project) -> None:
    header = project.line("site.toml", 'id = "time"') - 1
    project.edit("site.toml", 'name_en = "time"\nname_zh = "时间"\n', "")
    project.fails(
        f"site.toml:{header}:1: error: theme 'time' in [[figures.themes]] has no 'name_en' and no 'name_zh'"
        ' — add name_en, the name the English views show, e.g. name_en = "Funding"; name_zh, the name the'
        ' Chinese views show (the Traditional view converts it), e.g. name_zh = "资金"'
    )


def test_an_empty_name_and_a_name_that_is_a_number(project: Project) -> None:
    empty = project.edit("site.toml", 'name_zh = "资金"', 'name_zh = ""')
    number = project.edit("site.toml", 'name_en = "people"', "name_en = 3")
    project.fails(
        f"site.toml:{empty}:1: error: 'name_zh' of theme 'funding' is empty"
        ' — write the name the Chinese views show (the Traditional view converts it), e.g. name_zh = "资金"',
        f"site.toml:{number}:1: error: 'name_en' of theme 'people' must be a string in quotes, not int 3"
        ' — write the name the English views show, e.g. name_en = "Funding"',
    )


def test_an_unknown_key_in_a_theme_and_in_figures(project: Project) -> None:
    table = project.edit("site.toml", THEMES, '[figures]\ncolour = "red"\n\n' + THEMES)
    key = project.edit("site.toml", 'name_zh = "资金"', 'name_zh = "资金"\nlabel = "money"') + 1
    project.fails(
        f"site.toml:{table + 1}:1: error: unknown key 'colour' in [figures]"
        " — [figures] has one key, themes: one [[figures.themes]] table per theme",
        f"site.toml:{key}:1: error: unknown key 'label' in [[figures.themes]] — a theme's keys are: id, name_en, name_zh",
    )


def test_a_theme_id_that_is_not_a_word(project: Project) -> None:
    line = project.edit("site.toml", 'id = "area"', 'id = "Land area"')
    project.fails(
        f"site.toml:{line}:1: error: theme id 'Land area' is not a short lowercase word"
        ' — use lowercase ASCII letters, digits and hyphens, starting with a letter, e.g. "funding"'
    )


def test_an_unknown_theme_in_front_matter_lists_the_declared_ones(project: Project) -> None:
    first = project.edit(ZH, "theme: funding", "theme: fundng")
    again = project.edit(ZH, "theme: funding", "theme: fundng")
    project.fails(
        f"{ZH}:{first}:1: error: unknown theme 'fundng' (also at lines {again})"
        f" — use one of the themes site.toml declares: {DECLARED}; or declare it there ([[figures.themes]])"
    )


def test_a_site_toml_without_its_themes_is_one_error_per_file(project: Project) -> None:
    _themes(project, "")
    expected = []
    for path in sorted(project.root.glob(f"{PAGE}/*.zh.md")):
        name = path.relative_to(project.root).as_posix()
        text = project.read(name)
        if "theme: " not in text:
            continue
        named = list(dict.fromkeys(line.split("theme: ")[1] for line in text.split("\n") if "    theme: " in line))
        more = f" (this file's labels name {len(named)}: {', '.join(named)})" if len(named) > 1 else ""
        expected.append(
            f"{name}:{project.line(name, 'theme: ')}:1: error: unknown theme {named[0]!r}: site.toml declares no"
            f" figure themes{more} — declare them in site.toml, a [[figures.themes]] table each with id, name_en and name_zh"
        )
    assert len(expected) == 5
    project.fails(*expected)


def test_a_label_may_omit_its_theme(project: Project) -> None:
    """It has no theme: listed after the article's themed figures, its theme cell empty."""
    project.edit(ZH, "    theme: funding\n", "")  # 7687万元, moyu-p1-n3
    outcome = project.run("build", "--no-search", "-q")
    assert outcome.status == 0, "\n".join(outcome.lines)
    html = project.read("output/zh/figures/index.html")
    moyu = next(group for group in html.split("<tbody>") if 'id="moyu-p1-n3"' in group).split("</tbody>")[0]
    last = moyu.rsplit("<tr id=", 1)[1]
    assert last.startswith('"moyu-p1-n3"') and "7687万元" in last and '<td data-label="主题"></td>' in last
    figures = json.loads(project.read("output/figures.json"))
    assert next(f for f in figures if f["id"] == "moyu-p1-n3")["theme"] == ""


def test_an_empty_label_or_theme_is_not_the_text_none(project: Project) -> None:
    # YAML reads `label:` with nothing after it as null: it once became the label "None", and
    # an empty `theme:` the unknown theme 'None'. Left empty, a theme is none, as if omitted.
    project.edit(ZH, """    label: "visits by Chaoyang's leaders""", '    label:\n    old_label: "')
    project.edit(ZH, "    old_label: ", "    # ")
    project.edit(ZH, "    theme: other", "    theme:")
    outcome = project.run("build", "--no-search", "-q")
    assert outcome.status == 0, outcome.err
    rows = [r for r in project.read("output/figures.csv").split("\n") if "百余次" in r]
    assert len(rows) == 1 and "None" not in rows[0], rows


def test_a_theme_written_as_a_number_is_one_error(project: Project) -> None:
    line = project.edit(ZH, "    theme: other", "    theme: 5")
    project.fails(
        f"{ZH}:{line}:1: error: 'figures: theme' must be a string, not a number (5) — write it as a word or in quotes"
    )


def test_a_misspelt_table_or_key_of_the_figures_is_asked_about(project: Project) -> None:
    """'did you mean' for the figures' keys and a table's name too, as for [site]'s keys."""
    table = project.edit("site.toml", THEMES, '[figures]\ntheme = "funding"\n\n' + THEMES)
    key = project.edit("site.toml", 'name_zh = "资金"', 'name_zh = "资金"\nnameen = "Money"') + 1
    project.fails(
        f"site.toml:{table + 1}:1: error: unknown key 'theme' in [figures] — did you mean 'themes'?",
        f"site.toml:{key}:1: error: unknown key 'nameen' in [[figures.themes]] — did you mean 'name_en'?",
    )


def test_a_misspelt_table_name_is_asked_about(project: Project) -> None:
    line = project.edit("site.toml", "[redirects]", "[redirect]")
    project.fails(f"site.toml:{line}:1: error: unknown table [redirect] — did you mean [redirects]?")
