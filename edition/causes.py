"""One cause, one message: the errors that follow from another are held back.

A block missing from the English shifts every pair after it, and each shifted pair then
fails the number check: the editor would read a dozen errors for one mistake. So a file
whose blocks could not be read or paired gets one message per block that moved
(edition/align.py), and the errors the later stages found in that article (figures,
numbers, mentions) are held back until it is fixed: they are not the editor's mistakes.
A block deleted from the Chinese is said once as that (edition/lostblock.py), and everything
of its article, and a glossary's name or a checked reading that stood in it, is held back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from edition.align import Lexicon, block_diff, subhead_swaps
from edition.content import Document, Glossary
from edition.errors import Diagnostic, Diagnostics
from edition.lostblock import Lost

# The pairing's own messages (edition/assemble.py), replaced by the block diff.
_PAIRING = ("extra block ", "missing translation of block ", "but the Chinese block it pairs with")
_NUMBERS = re.compile(r"^[a-z0-9-]+: the (Chinese|English) has ")


def article_of(path: str) -> str:
    """The article a content file belongs to: 'content/04-moyu.en.md' -> 'content/04-moyu'."""
    for suffix in (".zh.md", ".en.md"):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


def lexicon(glossaries: Sequence[Glossary]) -> Lexicon:
    pairs: list[tuple[str, tuple[str, ...]]] = []
    for glossary in glossaries:
        for entry in glossary.data.get("entities") or []:
            if not isinstance(entry, dict):
                continue
            forms_zh = [entry.get("zh"), *_listed(entry.get("aliases_zh"))]
            forms_en = [entry.get("en"), *_listed(entry.get("aliases_en"))]
            english = tuple(f.lower() for f in forms_en if isinstance(f, str) and len(f) >= 3)
            pairs.extend((z, english) for z in forms_zh if isinstance(z, str) and len(z) >= 2 and english)
    return Lexicon(tuple(pairs))


def one_cause(
    diags: Diagnostics,
    loaded: int,
    assembled: int,
    docs: Sequence[Document],
    glossaries: Sequence[Glossary],
    lost: Sequence[Lost] = (),
) -> None:
    """``diags.items[:loaded]`` came from reading the files, ``[loaded:assembled]`` from
    pairing and resolving them, the rest from the later stages. ``lost``: the blocks a
    Chinese text lost (edition/lostblock.py), said in place of all that follows from them."""
    items = diags.items
    zh_docs = {article_of(d.path): d for d in docs if d.lang == "zh"}
    en_docs = {article_of(d.path): d for d in docs if d.lang == "en"}
    words = lexicon(glossaries)
    primary = {article_of(d.loc.path) for d in items[:loaded] if d.severity == "error"}
    # A glossary that did not load leaves every pin of its entities without an entity.
    glossary_lost = any(d.loc.path.endswith((".yaml", ".yml")) for d in items[:loaded] if d.severity == "error")
    misaligned = {
        article_of(d.loc.path)
        for d in items[loaded:assembled]
        if d.severity == "error" and any(p in d.message for p in _PAIRING)
    }
    numbered: dict[str, int] = {}
    for d in items[assembled:]:
        if d.severity == "error" and _NUMBERS.match(d.message):
            numbered[article_of(d.loc.path)] = numbered.get(article_of(d.loc.path), 0) + 1
    replaced: dict[str, list[Diagnostic]] = {}
    for gone in lost:
        replaced.setdefault(article_of(gone.article), []).append(gone.diagnostic)
    emptied = set(replaced)  # every error of these articles follows from the block lost
    elsewhere = _follows_elsewhere(lost, glossaries)
    for article, zh in zh_docs.items():
        en = en_docs.get(article)
        if en is None or article in primary or article in emptied:
            continue
        article_id = zh.article_front.id or ""
        if article in misaligned or numbered.get(article, 0) >= 2:
            found = block_diff(article_id, zh, en, words)
        else:
            found = subhead_swaps(article_id, zh, en, words)
        if found:
            replaced[article] = found
    if not replaced and not (primary | misaligned):
        return
    kept: list[Diagnostic] = []
    for index, d in enumerate(items):
        article = article_of(d.loc.path)
        if d.severity == "error" and index >= loaded and (article in emptied or elsewhere(d)):
            continue  # follows from a block lost from the Chinese
        if article in replaced and d.severity == "error":
            if index >= loaded and (index >= assembled or any(p in d.message for p in _PAIRING)):
                continue  # said by the block diff, or follows from what it says
        elif glossary_lost and d.severity == "error" and "which no glossary defines" in d.message:
            continue
        elif d.severity == "error" and index >= assembled and article in primary | misaligned:
            continue  # follows from a file that could not be read or paired
        elif d.severity == "error" and index >= loaded and article in primary and any(p in d.message for p in _PAIRING):
            continue  # a block that could not be read is missing from the pairing
        kept.append(d)
    for found in replaced.values():
        kept.extend(found)
    diags.items = kept


def _listed(value: object) -> list[object]:
    """A glossary's list as written; anything else (reported by the schema) as nothing."""
    return value if isinstance(value, list) else []


_NOWHERE = re.compile(r"^entity ([a-z0-9-]+): its Chinese form \(.*\) is found nowhere in the text$")
_NOT_A_WORD = re.compile(r"^the checked word (\S+) is not a word of (\S+)(?:.* within '(.*)')?")
_READS = re.compile(r"^([a-z0-9-]+): \S+ reads ")


def _follows_elsewhere(lost: Sequence[Lost], glossaries: Sequence[Glossary]) -> Callable[[Diagnostic], bool]:
    """Errors of other files that a block lost from the Chinese explains: a glossary's name
    found nowhere, or a checked reading's word, that stood in the lost block; a reading
    checked in one of the article's blocks (their ids have moved)."""
    if not lost:
        return lambda d: False
    texts = [gone.block.text for gone in lost]
    # a block id of one of those articles ("moyu-p3"; not "paired-assistance-p3" for "paired")
    of_lost = re.compile("|".join(rf"{re.escape(gone.article_id)}-[a-z]\d+" for gone in lost))
    forms: dict[str, list[str]] = {}
    for glossary in glossaries:
        for entry in glossary.data.get("entities") or []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                named = [entry.get("zh"), *_listed(entry.get("aliases_zh"))]
                forms[entry["id"]] = [f for f in named if isinstance(f, str) and f]

    def follows(d: Diagnostic) -> bool:
        if (nowhere := _NOWHERE.match(d.message)) is not None:
            return any(form in text for form in forms.get(nowhere[1], ()) for text in texts)
        if (word := _NOT_A_WORD.match(d.message)) is not None:
            return any((word[3] or word[1]) in text for text in texts) or bool(of_lost.fullmatch(word[2]))
        reads = _READS.match(d.message)
        return reads is not None and bool(of_lost.fullmatch(reads[1]))

    return follows
