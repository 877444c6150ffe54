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
from collections.abc import Callable, Iterable, Iterator

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


def write(
    frame: ET.Element,
    runs: Iterable[Iterable[ET.Element]],
    indent: Callable[[ET.Element, int], None],
    clean: Callable[[str], str],
) -> Iterator[str]:
    """The document's text: ``frame`` with each hole, in document order, replaced by the
    next of ``runs``; ``indent`` lays out a tree from a depth, ``clean`` makes text XML."""
    indent(frame, 0)  # a hole's parent is laid out as a parent of elements; the hole's tail
    # is the whitespace after the last of them
    text = ET.tostring(frame, encoding="unicode")
    marker = f"<{HOLE} />"
    for depth, run in zip(_depths(frame), runs, strict=True):
        before, text = text.split(marker, 1)
        yield clean(before)
        between = "\n" + "  " * depth  # what precedes each element after the first
        for n, element in enumerate(run):
            indent(element, depth)
            element.tail = None
            yield (between if n else "") + clean(ET.tostring(element, encoding="unicode"))
    yield clean(text)
