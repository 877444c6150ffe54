"""site.toml as a schema: a frozen dataclass, unknown keys are errors naming key and file."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel


@dataclass(frozen=True)
class EditionInfo:
    newspaper_zh: str
    newspaper_en: str
    date: str
    page: int
    section_zh: str
    section_en: str
    title_zh: str
    title_en: str
    editors: str = ""
    license: str = ""


@dataclass(frozen=True)
class SourceInfo:
    path: str
    layout: str


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
    edition: EditionInfo
    source: SourceInfo
    traditional: str = "s2t"

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


def _find_line(text: str, key: str, table: str = "") -> int:
    """The line of ``key`` inside ``[table]`` (top level for ""), or of the table header."""
    current = ""
    header = 1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped.strip("[] ")
            if current == table:
                header = number
            continue
        if current == table and stripped.split("=", 1)[0].strip() == key:
            return number
    return header


def _section(cls: type, data: Any, where: str, text: str, name: str, diags: Diagnostics) -> Any:
    if not isinstance(data, dict):
        diags.error(
            Loc(name, _find_line(text, where), 1), f"[{where}] must be a table", f"write [{where}] and its keys"
        )
        return None
    before = len(diags.errors)
    known = {f.name for f in fields(cls)}
    for key in data:
        if key not in known:
            diags.error(
                Loc(name, _find_line(text, key, where), 1),
                f"unknown key {key!r} in [{where}]" if where else f"unknown key {key!r}",
                f"known keys are: {', '.join(sorted(known))}",
            )
    required = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
    for key in sorted(required - set(data)):
        header = _find_line(text, "\0", where) if where else 1
        diags.error(
            Loc(name, header, 1), f"missing key {key!r}" + (f" in [{where}]" if where else ""), "add it to site.toml"
        )
    if len(diags.errors) > before:
        return None
    return data


def load_config(path: Path, root: Path) -> SiteConfig:
    name = rel(path, root)
    if not path.exists():
        raise BuildError([Diagnostic(Loc(name), "site.toml not found", "run the build from the project folder")])
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
                    "save site.toml with UTF-8 encoding",
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
            [Diagnostic(Loc(name, line, col), f"invalid TOML: {message}", "fix the syntax of site.toml")]
        ) from None
    diags = Diagnostics()
    top = _section(
        SiteConfig,
        {k: v for k, v in data.items() if not isinstance(v, dict) or k in ("edition", "source")},
        "",
        text,
        name,
        diags,
    )
    for key, value in data.items():
        if isinstance(value, dict) and key not in ("edition", "source"):
            diags.error(
                Loc(name, _find_line(text, "\0", key), 1),
                f"unknown table [{key}]",
                "known tables are [edition] and [source]",
            )
    edition = _section(EditionInfo, data.get("edition", {}), "edition", text, name, diags)
    source = _section(SourceInfo, data.get("source", {}), "source", text, name, diags)
    diags.raise_if_errors()
    assert top is not None and edition is not None and source is not None
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
                    Loc(name, _find_line(text, "traditional"), 1),
                    f"unknown OpenCC configuration {traditional!r} for 'traditional'",
                    f"use one of: {', '.join(TRADITIONAL)}",
                )
            ]
        )
    base_url = os.environ.get("EDITION_BASE_URL") or str(data["base_url"])
    if not base_url.endswith("/"):
        base_url += "/"
    return SiteConfig(
        base_url=base_url,
        build_date=build_date,
        edition=EditionInfo(**edition),
        source=SourceInfo(**source),
        traditional=traditional,
    )
