"""Where each figure of a passage stands in its English, so that the English links it to the
figures appendix as the Chinese does (usage walk 17: the English view linked no figure, though
its legend said figures link to the appendix).

A date is the form the translation gives it (edition/dates_en.py), found in the passage as a
whole word; the dates are placed first, as their forms are surer than a bare number ("5 March"
is not 5个). A quantity is then the first English number of the same value that no figure of
the passage has taken, a percentage only a number the English gives as one (30% is not 30家),
never an ordinal ("14th Division"). A figure the English gives in words ("nine"), or not at
all, is not placed: it is linked in the Chinese only (review 22 found the crossings).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from edition.dates_en import in_text
from edition.numbers import Quantity
from edition.numbers_en import EnNumber, extract_en

Place = tuple[int, int]  # start and end in the passage's English; (-1, -1): not found
NOWHERE: Place = (-1, -1)
_ORDINAL = re.compile(r"[0-9](?:st|nd|rd|th)$")
_PER = {"%": ("%", " per cent", " percent"), "‰": ("‰", " per mille")}


def english_places(quantities: Sequence[Quantity], dates_en: Sequence[str], en: str) -> list[Place]:
    """Each figure's place in ``en``, in the figures' order (``dates_en``: each one's English
    as edition/dates_en.py gives it, "" for a quantity)."""
    places = [NOWHERE] * len(quantities)
    if not en:
        return places
    claimed: list[Place] = []
    for n, (quantity, date) in enumerate(zip(quantities, dates_en, strict=True)):
        if quantity.kind == "date" and date:
            found = next((m.span() for m in in_text(date).finditer(en) if not _taken(m.span(), claimed)), None)
            if found:
                places[n] = found
                claimed.append(found)
    numbers = [x for x in extract_en(en) if x.kind == "number" and not _ORDINAL.search(x.text)]
    for n, quantity in enumerate(quantities):
        if quantity.kind == "date":
            continue
        for number in numbers:
            span = (number.start, number.end)
            if _taken(span, claimed) or _per(number, en) != _PER.get(quantity.unit):
                continue
            if math.isclose(number.value, quantity.value, rel_tol=1e-9):
                places[n] = span
                claimed.append(span)
                break
    return places


def _per(number: EnNumber, en: str) -> tuple[str, ...] | None:
    """The ways of writing a percentage (or per mille) that this English number is written in, if any."""
    for ways in _PER.values():
        if number.text.endswith(ways[0]) or en.startswith(ways, number.end):
            return ways
    return None


def _taken(span: Place, claimed: list[Place]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in claimed)
