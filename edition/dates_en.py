"""A printed date in English, for the figures appendix's list of dates (walk 10: the English
view listed them in Chinese only): the form the translation gives it, found in its passage's
English, or else made from the date's parts in the translation's style ("18 February",
"August 2019", "the end of 2019", "February to April")."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from edition.numbers import date_parts

_RANK = {"year": 0, "month": 1, "day": 2}


def _points(parts: Sequence[tuple[str, int]]) -> list[dict[str, int]]:
    """A date's parts as its points in time: a period's second begins where the parts' order
    starts again (2月~4月: month 2, then month 4)."""
    points: list[dict[str, int]] = []
    last = -1
    for role, number in parts:
        if _RANK[role] <= last or not points:
            points.append({})
        points[-1][role] = number
        last = _RANK[role]
    return points


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _forms(point: dict[str, int]) -> list[str]:
    """One point in time in English: the translation's style first (day, month, year), then
    the American order a translation may also use."""
    year, day = point.get("year"), point.get("day")
    month = calendar.month_name[point["month"]] if "month" in point else ""
    if month and day and year:
        return [f"{day} {month} {year}", f"{month} {day}, {year}"]
    if month and day:
        return [f"{day} {month}", f"{month} {day}"]
    if month and year:
        return [f"{month} {year}"]
    if year:
        return [str(year)]
    if month:
        return [month]
    return [f"the {_ordinal(day)}"] if day else []


def english_forms(text: str) -> list[str]:
    """The English a date printed as ``text`` may be given as, the edition's own style first;
    none if ``text`` is not a date."""
    points = _points(date_parts(text))
    if len(points) == 1:
        forms = _forms(points[0])
    elif len(points) == 2:
        first, second = points
        if set(second) == {"day"} and "month" in first and "day" in first:
            # 2月18日至20日: one month's days, "18–20 February" (its year after, if printed)
            rest = {k: v for k, v in first.items() if k != "day"}
            days, month = f"{first['day']}–{second['day']}", _forms(rest)[0]
            year = f", {first['year']}" if "year" in first else ""
            name = calendar.month_name[first["month"]]
            return [f"{days} {month}", f"{first['day']} to {second['day']} {month}", f"{name} {days}{year}"]
        if "year" in first and "year" not in second:
            # 2020年2月18日至3月1日: the year once, at the end ("18 February to 1 March 2020")
            second = {**second, "year": first["year"]}
            first = {k: v for k, v in first.items() if k != "year"}
        pairs = [(a, b) for a in _forms(first) for b in _forms(second)]
        forms = [f"{a} to {b}" for a, b in pairs] + [f"{a}–{b}" for a, b in pairs]
    else:
        return []
    if text.endswith(("底", "末")):  # 2019年底: "the end of 2019"
        forms = [f"the end of {f}" for f in forms]
    return forms


def in_text(form: str) -> re.Pattern[str]:
    """A date's English form as a whole word of a text (not the "May" of "Mayor", nor the 2019 of
    12,019): as written, a month's name capitalised ("may" and "march" are other words), but
    "the end of 2019" also where it begins a sentence."""
    pattern = re.escape(form)
    if form.startswith("the "):
        pattern = "[Tt]" + pattern[1:]
    return re.compile(rf"(?<![\w.,]){pattern}(?!\w)")


def english_date(text: str, en: str) -> str:
    """A printed date's English: as the passage's English (``en``) writes it where it has one
    of its forms, else the edition's own form; "" if ``text`` is not a date."""
    forms = english_forms(text)
    for form in forms:
        found = in_text(form).search(en)
        if found:
            return "t" + found.group()[1:] if form.startswith("the ") else found.group()
    return forms[0] if forms else ""
