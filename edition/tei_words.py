"""The TEI's words layer: each Chinese block's words with their pinyin, as stand-off spans.

The Chinese in the TEI stays the text as transcribed, with its names and numbers marked as
before; the words lie beside it, in a ``standOff`` of ``@type="words"``: a ``spanGrp`` per block
(``@corresp`` its ``p``/``head``/``ab``), a ``span`` per word whose ``@target`` is a TEI
string-range pointer into that block (``#string-range(//*[@xml:id='moyu-p1'],0,5)``: offset and
length in characters of its text), whose ``@n`` is the word and whose content is its pinyin.
A name's span points also to its entity (``@corresp``). Valid against tei_all (tests/test_tei.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import partial

from edition.model import Edition
from edition.reading import reading_of
from edition.segment import Token
from edition.teiwrite import Made


def word_groups(edition: Edition, xml_id: Callable[[str], str], pointer: Callable[[str], str]) -> Iterator[Made]:
    """The words layer's ``spanGrp`` elements, block by block, each made as it is written
    (edition/teiwrite.py), with what it is made from: the block's id and words. ``xml_id``
    and ``pointer`` are tei.py's, so that ids here are spelt as there."""
    tokens = reading_of(edition).tokens
    for article in edition.all_articles:
        for block in article.blocks:
            words = tuple(t for t in tokens.get(block.id, ()) if t.is_word)
            if words:
                yield (block.id, words), partial(_group, block.id, words, xml_id, pointer)


def _group(
    block_id: str, words: tuple[Token, ...], xml_id: Callable[[str], str], pointer: Callable[[str], str]
) -> ET.Element:
    group = ET.Element("spanGrp", {"type": "words", "corresp": pointer(block_id)})
    target = xml_id(block_id)
    for token in words:
        attrs = {"target": f"#string-range(//*[@xml:id='{target}'],{token.start},{len(token.text)})", "n": token.text}
        if token.entity:
            attrs["corresp"] = pointer(token.entity)
        span = ET.SubElement(group, "span", attrs)
        span.text = token.pinyin
    return group
