"""Where each figure of a passage stands in its English, so that the English links it to the
figures appendix as the Chinese does (usage walk 17: the English view linked no figure, though
its legend said figures link to the appendix).

A quantity is the first English number of the same value not taken by an earlier figure of
the passage (16.4万 -> "164,000", 13.84亿 -> "1.384 billion"); a date is the form the
translation gives it (edition/dates_en.py), found in the passage. A figure the English gives in
words ("nine"), or not at all, is not placed: it is linked in the Chinese only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from edition.numbers import Quantity
from edition.numbers_en import extract_en

Place = tuple[int, int]  # start and end in the passage's English; (-1, -1): not found
NOWHERE: Place = (-1, -1)


def english_places(quantities: Sequence[Quantity], dates_en: Sequence[str], en: str) -> list[Place]:
    """Each figure's place in ``en``, in the figures' order (``dates_en``: each one's English
    as edition/dates_en.py gives it, "" for a quantity)."""
    numbers = [n for n in extract_en(en) if n.kind == "number"] if en else []
    taken: set[int] = set()  # numbers placed already
    claimed: list[Place] = []  # dates placed already
    places: list[Place] = []
    for quantity, date in zip(quantities, dates_en, strict=True):
        place = NOWHERE
        if quantity.kind == "date":
            at = en.find(date) if date else -1
            while at >= 0 and any(a < at + len(date) and at < b for a, b in claimed):
                at = en.find(date, at + 1)
            if at >= 0:
                place = (at, at + len(date))
                claimed.append(place)
        else:
            for n, number in enumerate(numbers):
                if n not in taken and math.isclose(number.value, quantity.value, rel_tol=1e-9):
                    taken.add(n)
                    place = (number.start, number.end)
                    break
        places.append(place)
    return places
