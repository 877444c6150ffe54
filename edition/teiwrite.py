"""Writing the TEI document piece by piece, so that its largest parts are never whole in memory.

The document's frame (header, back matter, the entities) is a tree with a placeholder
element, a hole, where each long run of elements goes: the articles in ``body`` and the
words' ``spanGrp`` elements in the words layer. The frame is laid out and serialised once,
then each run is made, laid out and serialised one element at a time where its hole was.
This gives the same bytes as laying out and serialising the whole tree (tests/test_golden.py
holds the fixture archive's TEI), and keeps the build's memory from growing with the
archive's TEI: at 1,000 articles the whole tree and its serialisation held over 500 MB.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import partial

from edition.teitext import INLINE, NOT_XML

Made = tuple[Hashable, Callable[[], ET.Element]]  # what an element is made from, and its maker
# An element's text, kept by what it is made from (the dev server's: edition/incremental.py)
# or made now (a build's)
Keep = Callable[[Hashable, Callable[[], str]], str]

HOLE = "_hole"  # never a TEI element name


def hole(parent: ET.Element) -> None:
    """Mark where a run of elements goes: ``parent``'s only child."""
    ET.SubElement(parent, HOLE)


def _depths(element: ET.Element, depth: int = 0) -> Iterator[int]:
    """The depth of each hole, in document order."""
    for child in element:
        if child.tag == HOLE:
            yield depth + 1
        else:
            yield from _depths(child, depth + 1)


def write(frame: ET.Element, runs: Iterable[Callable[[int], Iterable[str]]]) -> Iterator[str]:
    """The document's text: ``frame`` with each hole, in document order, replaced by the
    next of ``runs`` (given the hole's depth, the text of each of its elements: run())."""
    indent(frame, 0)  # a hole's parent is laid out as a parent of elements; the hole's tail
    # is the whitespace after the last of them
    text = ET.tostring(frame, encoding="unicode")
    marker = f"<{HOLE} />"
    for depth, elements in zip(_depths(frame), runs, strict=True):
        before, text = text.split(marker, 1)
        yield clean(before)
        between = "\n" + "  " * depth  # what precedes each element after the first
        for n, piece in enumerate(elements(depth)):
            yield (between if n else "") + piece
    yield clean(text)


def made_now(_inputs: Hashable, make: Callable[[], str]) -> str:
    return make()


def run(made: Iterable[Made], keep: Keep = made_now) -> Callable[[int], Iterator[str]]:
    """A run of elements, as text at a hole's depth; each element's text asked of ``keep``
    under what it is made from and the depth."""
    return lambda depth: (keep((depth, inputs), partial(_text, make, depth)) for inputs, make in made)


def _text(make: Callable[[], ET.Element], depth: int) -> str:
    element = make()
    indent(element, depth)
    element.tail = None
    return clean(ET.tostring(element, encoding="unicode"))


def clean(text: str) -> str:
    """Text as XML may hold it: a character XML forbids becomes U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


def indent(element: ET.Element, level: int = 0) -> None:
    """Indent element-only structure; never touch the inside of an element with text."""
    children = list(element)
    if not children or element.tag in INLINE:
        return
    if (element.text or "").strip() or any((c.tail or "").strip() for c in children):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in children:
        indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level
