"""Values of site.toml and page.toml beyond their TOML types (issue 14): a date is an ISO date,
an address has its scheme. Said at the value's own line, never later by a template that
could not format it (a build date of '26 Nov 2026' was blamed on templates/article.html).
And site.toml's figure themes ([[figures.themes]]): each read, typed and placed at its line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from edition.errors import Diagnostics, Loc
from edition.hints import closest_key, did_you_mean

_URL = re.compile(r"^https?://[^/\s]+(/\S*)?$")


def as_written(value: object) -> str:
    """A TOML value named as the editor wrote it: a date unquoted is "a TOML date
    (2020-05-25)", not Python's datetime.date(2020, 5, 25)."""
    if isinstance(value, dt.date | dt.time):  # a datetime is a date
        return f"a TOML date ({value.isoformat()})"
    return f"{type(value).__name__} {value!r}"


def iso_date(value: str) -> bool:
    """A date written YYYY-MM-DD that exists (2020-05-32 does not)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_date(value: object, key: str, loc: Loc, diags: Diagnostics) -> bool:
    if isinstance(value, str) and not iso_date(value):
        diags.error(loc, f"{key} {value!r} is not a date", 'write it as "YYYY-MM-DD", e.g. "2020-05-25"')
        return False
    return True


def check_url(value: object, key: str, loc: Loc, diags: Diagnostics) -> bool:
    if isinstance(value, str) and not _URL.match(value):
        diags.error(
            loc,
            f"{key} {value!r} is not an address with its scheme",
            'write the site\'s address in full, e.g. "https://example.github.io/edition/"',
        )
        return False
    return True


@dataclass(frozen=True)
class Theme:
    """A figure theme (site.toml's [[figures.themes]]): the id a figure label's ``theme:``
    names and the exports keep, and its name in each language of the figures appendix."""

    id: str
    name_en: str
    name_zh: str


# A theme's id is written in front matter and kept in the CSV and JSON exports: a short
# word that needs no quoting anywhere.
_THEME_ID = re.compile(r"[a-z][a-z0-9-]*")
_THEME_KEYS = {
    "id": 'the word a figure label\'s theme: names, e.g. id = "funding"',
    "name_en": 'the name the English views show, e.g. name_en = "Funding"',
    "name_zh": 'the name the Chinese views show (the Traditional view converts it), e.g. name_zh = "资金"',
}
_HEADER = re.compile(r"^\[(\[?)\s*([^\]#]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_.-]+)\s*=')  # a quoted key kept with its quotes


@dataclass(frozen=True)
class TomlTable:
    """Where a table of a TOML file is written (tomllib keeps no lines): its header's line
    and each key's; an array of tables ([[a.b]]) is one TomlTable per entry."""

    name: str  # "" for the keys before any header
    line: int  # its header's (1 for the top level)
    keys: dict[str, int] = field(default_factory=dict)


def toml_tables(text: str) -> list[TomlTable]:
    """Every table of a TOML text, in the order written (edition/config.py's find_line and the
    figure themes below read their lines here)."""
    tables = [TomlTable("", 1)]
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line.strip())
        if header:
            tables.append(TomlTable(re.sub(r"\s+", "", header.group(2)), number))
            continue
        key = _KEY.match(line)
        if key:
            tables[-1].keys.setdefault(key.group(1), number)
    return tables


def read_themes(figures: dict[str, object], text: str, name: str, diags: Diagnostics) -> tuple[Theme, ...]:
    """site.toml's [figures] table: its themes, in the order declared (the appendix's order).
    Each mistake is said once, at its line."""
    tables = toml_tables(text)
    table = next((t for t in tables if t.name == "figures"), TomlTable("figures", 1))
    entries = [t for t in tables if t.name == "figures.themes"]
    for key in figures:
        if key != "themes":
            diags.error(
                Loc(name, table.keys.get(key, table.line), 1),
                f"unknown key {key!r} in [figures]",
                "did you mean 'themes'?"
                if closest_key(key, {"themes"})
                else "[figures] has one key, themes: one [[figures.themes]] table per theme",
            )
    declared = figures.get("themes", [])
    at = table.keys.get("themes") or (entries[0].line if entries else table.line)
    if not isinstance(declared, list) or not all(isinstance(entry, dict) for entry in declared):
        diags.error(
            Loc(name, at, 1),
            f"'themes' in [figures] must be a list of tables, not {type(declared).__name__} {declared!r}",
            "declare each theme as a [[figures.themes]] table with id, name_en and name_zh",
        )
        return ()
    themes: list[Theme] = []
    first: dict[str, int] = {}
    for n, entry in enumerate(declared):
        line, keys = (entries[n].line, entries[n].keys) if n < len(entries) else (at, {})
        theme = _theme(entry, n, line, keys, name, diags)
        if theme is None:
            continue
        if theme.id in first:
            diags.error(
                Loc(name, keys.get("id", line), 1),
                f"theme {theme.id!r} is declared twice (first at line {first[theme.id]})",
                "keep one [[figures.themes]] per id: a figure label names its theme by the id",
            )
            continue
        first[theme.id] = keys.get("id", line)
        themes.append(theme)
    return tuple(themes)


def _theme(
    entry: dict[str, object], n: int, line: int, keys: dict[str, int], name: str, diags: Diagnostics
) -> Theme | None:
    before = len(diags.errors)
    for key in entry:
        if key not in _THEME_KEYS:
            diags.error(
                Loc(name, keys.get(key, line), 1),
                f"unknown key {key!r} in [[figures.themes]]",
                did_you_mean(key, set(_THEME_KEYS)) or f"a theme's keys are: {', '.join(_THEME_KEYS)}",
            )
    ident = entry.get("id")
    what = f"theme {ident!r}" if isinstance(ident, str) and ident else f"theme {n + 1}"
    missing = [key for key in _THEME_KEYS if key not in entry]
    if missing:
        diags.error(
            Loc(name, line, 1),
            f"{what} in [[figures.themes]] has no {' and no '.join(repr(k) for k in missing)}",
            "add " + "; ".join(f"{k}, {_THEME_KEYS[k]}" for k in missing),
        )
    for key, words in _THEME_KEYS.items():
        value = entry.get(key)
        where = Loc(name, keys.get(key, line), 1)
        if key in missing:
            continue
        if not isinstance(value, str):
            diags.error(
                where,
                f"{key!r} of {what} must be a string in quotes, not {as_written(value)}",
                f"write {words}",
            )
        elif not value.strip():
            diags.error(where, f"{key!r} of {what} is empty", f"write {words}")
        elif key == "id" and not _THEME_ID.fullmatch(value):
            diags.error(
                where,
                f"theme id {value!r} is not a short lowercase word",
                'use lowercase ASCII letters, digits and hyphens, starting with a letter, e.g. "funding"',
            )
    if len(diags.errors) > before:
        return None
    return Theme(str(entry["id"]), str(entry["name_en"]).strip(), str(entry["name_zh"]).strip())
