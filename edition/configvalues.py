"""Values of site.toml and page.toml beyond their TOML types (issue 14): a date is an ISO date,
an address has its scheme. Said at the value's own line, never later by a template that
could not format it (a build date of '26 Nov 2026' was blamed on templates/article.html)."""

from __future__ import annotations

import datetime as dt
import re

from edition.errors import Diagnostics, Loc

_URL = re.compile(r"^https?://[^/\s]+(/\S*)?$")


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
