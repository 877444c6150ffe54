"""site.toml as a schema: a frozen dataclass, unknown keys are errors naming key and file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from edition.configvalues import Theme, as_written, check_date, check_url, read_themes, toml_tables
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.hints import closest_keys, did_you_mean
from edition.views import to_hant, use_traditional


@dataclass(frozen=True)
class SiteInfo:
    """What is true of the whole site ([site] in site.toml)."""

    title_en: str
    title_zh: str
    short_title_en: str
    short_title_zh: str
    description_en: str
    description_zh: str
    editors: str = ""
    license: str = ""
    search_examples: tuple[str, ...] = ()

    @property
    def team(self) -> str:
        """Who made the edition, as citations and the TEI name them."""
        return self.editors or "The edition team"


@dataclass(frozen=True)
class PageInfo:
    """One newspaper page (content/<date>/p<page>/page.toml): what is printed on it and where
    its witness is. ``key`` is its address on the site ("2020-05-25/p12")."""

    newspaper_zh: str
    newspaper_en: str
    date: str
    page: int
    section_zh: str
    section_en: str
    title_zh: str
    title_en: str
    source: str  # the raw text, relative to the project
    source_sha256: str
    layout: str  # relative to the project (page.toml names it relative to its folder)
    description_en: str = ""
    description_zh: str = ""
    key: str = ""
    folder: str = ""  # the page's folder, relative to the project
    config_path: str = ""  # its page.toml, relative to the project


# OpenCC configurations the Traditional view may use: characters only (s2t), or Taiwan's
# (s2tw; s2twp also its usual words) or Hong Kong's (s2hk) standard forms.
TRADITIONAL = ("s2t", "s2tw", "s2twp", "s2hk")
# Hosts reserved for examples (RFC 2606) and the placeholder of site.toml: not an address
# a citation may give.
_PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "example.github.io", "localhost", "127.0.0.1")


@dataclass(frozen=True)
class SiteConfig:
    base_url: str
    build_date: str
    site: SiteInfo
    # Addresses that moved -> where they went ([redirects]): the old address gets a page
    # that sends a reader on, in every view, so that a link once shared still works.
    redirects: tuple[tuple[str, str], ...] = ()
    redirect_lines: tuple[int, ...] = ()  # where site.toml gives each (its messages point there)
    traditional: str = "s2t"
    # Where OpenCC converts a phrase of the text wrongly ([traditional_fixes]): the phrase as
    # the Chinese has it, and the Traditional the zh-Hant view writes for it (views.to_hant).
    traditional_fixes: tuple[tuple[str, str], ...] = ()
    # The figure themes ([[figures.themes]]), in the appendix's order; none declared, none
    # allowed: a theme list belongs to the site's data, never to the code.
    themes: tuple[Theme, ...] = ()

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    @property
    def published(self) -> bool:
        """Whether base_url is a real address (not a placeholder): citations give it only then."""
        host = self.base_url.split("://", 1)[-1].partition("/")[0].partition(":")[0].lower()
        return (
            bool(host)
            and not any(host == h or host.endswith("." + h) for h in _PLACEHOLDER_HOSTS)
            and not host.endswith(".example")
        )

    @property
    def base_path(self) -> str:
        """The path part of base_url, e.g. "/repo/" (always ends with a slash)."""
        path = "/" + self.base_url.split("://", 1)[-1].partition("/")[2]
        return path if path.endswith("/") else path + "/"


def find_line(text: str, key: str, table: str = "") -> int:
    """The line of ``key`` inside ``[table]`` (top level for ""), or of the table header."""
    found = [t for t in toml_tables(text) if t.name == table]
    return next((t.keys[key] for t in found if key in t.keys), found[-1].line if found else 1)


# The TOML types each annotation of the dataclasses above accepts (a string where a number is
# wanted would otherwise reach a template or an export and fail there, far from its line).
_TYPES: dict[str, tuple[type, str]] = {
    "str": (str, "a string in quotes"),
    "int": (int, "a whole number, without quotes"),
    "tuple[str, ...]": (list, 'a list of strings, like ["a", "b"]'),
}


def _section(
    cls: type, data: Any, where: str, text: str, name: str, diags: Diagnostics, missing: dict[str, str] | None = None
) -> Any:
    """The keys of one table checked against ``cls``; ``missing``: the hint for a missing key
    that says what to write, where one is known (else 'add it')."""
    if not isinstance(data, dict):
        diags.error(Loc(name, find_line(text, where), 1), f"[{where}] must be a table", f"write [{where}] and its keys")
        return None
    before = len(diags.errors)
    known = {f.name: f for f in fields(cls) if f.init and f.name not in _DERIVED}
    meant: set[str] = set()  # the key a misspelt one was surely taken for: not also said to be missing
    for key, value in data.items():
        field = known.get(key)
        if field is None:
            close = closest_keys(key, set(known))
            meant.update(close if len(close) == 1 else ())  # two alike: each missing one is said (review 14)
            diags.error(
                Loc(name, find_line(text, key, where), 1),
                f"unknown key {key!r} in [{where}]" if where else f"unknown key {key!r}",
                did_you_mean(key, set(known)) or f"known keys are: {', '.join(sorted(known))}",
            )
            continue
        want, words = _TYPES.get(str(field.type), (object, ""))
        wrong = not isinstance(value, want) or isinstance(value, bool)
        if want is list and not wrong:
            wrong = not all(isinstance(v, str) for v in value)
        if wrong:
            diags.error(
                Loc(name, find_line(text, key, where), 1),
                f"{key!r} must be {words}, not {as_written(value)}",
                f"write it as {words}",
            )
    required = {f for f, d in known.items() if d.default is MISSING and d.default_factory is MISSING}
    for key in sorted(required - set(data) - meant):
        header = find_line(text, "\0", where) if where else 1
        diags.error(
            Loc(name, header, 1),
            f"missing key {key!r}" + (f" in [{where}]" if where else ""),
            (missing or {}).get(key) or f"add it to {name.rsplit('/', 1)[-1]}",
        )
    if len(diags.errors) > before:
        return None
    return {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}


# Filled in by the loader, never written by an editor.
_DERIVED = {"key", "folder", "config_path"}


def _read_toml(path: Path, root: Path) -> tuple[str, str, dict[str, Any]]:
    """(its name, its text, its data); a file that is missing, not UTF-8 or not TOML is an error."""
    name = rel(path, root)
    if not path.is_file():
        raise BuildError([Diagnostic(Loc(name), f"{path.name} not found", "run the build from the project folder")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[start : exc.start].decode("utf-8", errors="replace")) + 1
        raise BuildError(
            [
                Diagnostic(
                    Loc(name, line, col),
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                    f"save {path.name} with UTF-8 encoding",
                )
            ]
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "... (at line 3, column 7)"; keep its words, lift the position.
        message = str(exc)
        line, col = 1, 1
        if "(at line " in message:
            head, _, tail = message.rpartition("(at line ")
            numbers = tail.rstrip(")").split(", column ")
            line, col = int(numbers[0]), int(numbers[1]) if len(numbers) > 1 else 1
            message = head.strip()
        raise BuildError(
            [Diagnostic(Loc(name, line, col), f"invalid TOML: {message}", f"fix the syntax of {path.name}")]
        ) from None
    return name, text, data


_TABLES = ("site", "figures", "redirects", "traditional_fixes")


def load_config(path: Path, root: Path) -> SiteConfig:
    name, text, data = _read_toml(path, root)
    diags = Diagnostics()
    top = _section(_Top, {k: v for k, v in data.items() if not isinstance(v, dict)}, "", text, name, diags)
    for key, value in data.items():
        if isinstance(value, dict) and key not in _TABLES:
            diags.error(
                Loc(name, find_line(text, "\0", key), 1),
                f"unknown table [{key}]",
                did_you_mean(key, set(_TABLES), "[{}]")
                or "the tables are [site], [figures], [redirects] and [traditional_fixes]; a newspaper page's settings are in its folder's page.toml",
            )
    redirects = data.get("redirects", {})
    for old, new in redirects.items() if isinstance(redirects, dict) else ():
        if not (_site_path(old) and _site_path(new)):
            diags.error(
                Loc(name, find_line(text, f'"{old}"', "redirects"), 1),
                f"redirect {old!r} = {new!r} is not an address of the site",
                'write "old/address/" = "new/address/": paths inside the site, ending with "/"',
            )
    site = _section(SiteInfo, data.get("site", {}), "site", text, name, diags)
    figures = data.get("figures", {})
    themes = read_themes(figures, text, name, diags) if isinstance(figures, dict) else ()
    if top is not None:  # the types are right: now the values
        check_url(data["base_url"], "base_url", Loc(name, find_line(text, "base_url"), 1), diags)
        check_date(data["build_date"], "build_date", Loc(name, find_line(text, "build_date"), 1), diags)
    if os.environ.get("EDITION_BASE_URL"):  # the publishing workflow's address
        check_url(os.environ["EDITION_BASE_URL"], "EDITION_BASE_URL", Loc("EDITION_BASE_URL (environment)"), diags)
    diags.raise_if_errors()
    assert top is not None and site is not None
    build_date = str(data["build_date"])
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        build_date = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date().isoformat()
    # The publishing workflow knows the real address (a fork's own Pages URL) and says so.
    traditional = str(data.get("traditional", "s2t"))
    if traditional not in TRADITIONAL:
        raise BuildError(
            [
                Diagnostic(
                    Loc(name, find_line(text, "traditional"), 1),
                    f"unknown OpenCC configuration {traditional!r} for 'traditional'",
                    f"use one of: {', '.join(TRADITIONAL)}",
                )
            ]
        )
    moved = tuple(sorted(redirects.items())) if isinstance(redirects, dict) else ()
    base_url = os.environ.get("EDITION_BASE_URL") or str(data["base_url"])
    if not base_url.endswith("/"):
        base_url += "/"
    return SiteConfig(
        base_url=base_url,
        build_date=build_date,
        site=SiteInfo(**site),
        redirects=moved,
        redirect_lines=tuple(find_line(text, f'"{old}"', "redirects") for old, _ in moved),
        traditional=traditional,
        traditional_fixes=_fixes(data.get("traditional_fixes", {}), text, name),
        themes=themes,
    )


def _fixes(table: object, text: str, name: str) -> tuple[tuple[str, str], ...]:
    """[traditional_fixes]: "资金发放" = "資金發放", each a Traditional form of its phrase, one
    character for each (as OpenCC writes them): a character kept as the text has it (余 in
    余先生, a surname OpenCC writes 餘; 里 in 阿里), or one whose Simplified form is the
    text's (發 for 发, not 做 for 作). Whether OpenCC needs the fix is not asked: it goes wrong
    in context (一批|复工 read as 批复), which a phrase alone does not show."""
    from edition.views import opencc_hant  # OpenCC is loaded only where a site has fixes

    diags = Diagnostics()
    fixes = table.items() if isinstance(table, dict) else ()
    for zh, hant in fixes:
        where = Loc(name, find_line(text, f'"{zh}"', "traditional_fixes"), 1)
        if not isinstance(hant, str) or len(hant) != len(zh) or not zh.strip():
            diags.error(
                where,
                f"the fix of {zh!r} must be its Traditional form, one character for each, not {as_written(hant)}",
                'write "资金发放" = "資金發放"',
            )
        elif any(h != z != opencc_hant(h, "t2s") for z, h in zip(zh, hant, strict=True)):
            diags.error(
                where,
                f"{hant!r} is not {zh!r} in Traditional characters, one for each",
                "write each character's Traditional form as the view writes it",
            )
    # two fixes where one's end is the other's start: in the text holding both, the one that
    # starts first would be applied and the other not (one inside another: the longer is)
    for zh, _ in fixes:
        for other, _ in fixes:
            if other != zh and any(zh[-k:] == other[:k] for k in range(1, min(len(zh), len(other)))):
                diags.error(
                    Loc(name, find_line(text, f'"{other}"', "traditional_fixes"), 1),
                    f"the fixes of {zh!r} and {other!r} overlap: where both stand, only {zh!r} would be applied",
                    "give one fix for the whole phrase",
                )
    diags.raise_if_errors()
    return tuple(sorted(fixes))


def _site_path(path: object) -> bool:
    return (
        isinstance(path, str)
        and path.endswith("/")
        and not path.startswith("/")
        and "://" not in path
        and ".." not in path.split("/")
    )


@dataclass(frozen=True)
class _Top:
    """The top-level keys of site.toml (the schema _section checks them against)."""

    base_url: str
    build_date: str
    traditional: str = "s2t"


def load_page_config(path: Path, root: Path) -> PageInfo:
    """A page folder's page.toml. Its folder must be content/<date>/p<page>/ and agree with it."""
    name, text, data = _read_toml(path, root)
    diags = Diagnostics()
    values = _section(PageInfo, data, "", text, name, diags, _missing_hash(data, root))
    diags.raise_if_errors()
    assert values is not None
    folder = path.parent
    key = f"{folder.parent.name}/{folder.name}"
    expected = f"{values['date']}/p{values['page']:02d}"
    dated = check_date(values["date"], "date", Loc(name, find_line(text, "date"), 1), diags)
    if dated and key != expected:  # (a date that is none says so once)
        diags.error(
            Loc(name, find_line(text, "date"), 1),
            f"this page.toml says {expected!r} but its folder is content/{key}/",
            f"move the folder to content/{expected}/, or correct 'date' and 'page'",
        )
    diags.raise_if_errors()
    return PageInfo(
        **{**values, "layout": rel(folder / values["layout"], root)},
        key=key,
        folder=rel(folder, root),
        config_path=name,
    )


def _missing_hash(data: dict[str, Any], root: Path) -> dict[str, str]:
    """What to write for a missing 'source_sha256': the hash of the witness named, if it is there."""
    source = data.get("source")
    if "source_sha256" in data or not isinstance(source, str) or not (root / source).is_file():
        return {}
    sha = hashlib.sha256((root / source).read_bytes()).hexdigest()
    return {
        "source_sha256": f'add the line source_sha256 = "{sha}" to page.toml (the SHA-256 of {source} as it is now)'
    }


def site_strings(config: SiteConfig, strings: dict[str, Any]) -> dict[str, Any]:
    """The interface strings with the site's own titles from site.toml: templates and ui.yaml
    hold nothing about any one page."""
    site = config.site
    out = dict(strings)
    out["site_title"] = {"en": site.title_en, "zh": site.title_zh}
    out["short_title"] = {"en": site.short_title_en, "zh": site.short_title_zh}
    out["description"] = {"en": site.description_en, "zh": site.description_zh}
    intro = strings.get("search_intro")
    if isinstance(intro, dict):
        zh = "、".join(site.search_examples)
        # the Traditional view's own wording gets the examples in its script (walk 12: they were
        # missing), converted as the site converts (its OpenCC configuration and fixes, set here:
        # the strings are made before the pages are, review 14)
        use_traditional(config.traditional, config.traditional_fixes)
        joined = {"en": ", ".join(site.search_examples), "zh": zh, "zh-hant": to_hant(zh)}
        out["search_intro"] = {
            lang: str(text).replace("{examples}", joined.get(lang, "")) for lang, text in intro.items()
        }
    return out
