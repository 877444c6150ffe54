"""The translation's numbers: every figure of a Chinese block stands, normalised, in its
English block, and every number of the English comes from the Chinese."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from edition.content import Document
from edition.errors import Diagnostics, Loc
from edition.model import Article, Edition
from edition.numbers import Quantity, compare, extract_en, extract_zh, zh_numeral_values


def _declared(doc: Document | None, diags: Diagnostics, article: Article) -> dict[tuple[str, float], str]:
    """Deliberate differences, declared in the translation's front matter with a reason;
    each must name a block of the article and a number that block prints."""
    declared: dict[tuple[str, float], str] = {}
    if doc is None:
        return declared
    blocks = {b.local: b for b in article.blocks}
    for entry in doc.translation_front.numbers.report(diags):
        loc = Loc(doc.path, entry.line, 1)
        reason = entry.reason
        if not reason:
            diags.error(loc, "a declared number difference needs a reason", "say in 'reason:' why the English differs")
        value = entry.value
        if value is None:
            diags.error(
                loc,
                f"'value' must be a number, not {entry.shown}",
                "give the number as the check reads it, e.g. 164000",
            )
            continue
        block = blocks.get(str(entry.block))
        if block is None:
            if "block" not in entry.wrong:  # else the schema said so
                diags.no_such_block(Loc(doc.path, entry.at("block"), 1), "a 'numbers:' entry", entry.block, blocks)
            continue
        if not _prints(block.zh, block.en, value):
            diags.error(
                Loc(doc.path, entry.at("value"), 1),
                f"{block.id} prints no number {value:g}, in the Chinese or in the English",
                "give in 'value:' a number as the block prints it (164000 for 16.4万 or 164,000), or remove the entry",
            )
            continue
        declared[(block.local, value)] = reason
    return declared


def check_numbers(
    edition: Edition,
    docs: Sequence[Document],
    diags: Diagnostics,
    check: Callable[[Article, Document | None, Diagnostics], None] | None = None,
) -> None:
    """Each article's numbers against its translation's (``check``: check_article by default)."""
    check = check or check_article
    en_docs = {d.path: d for d in docs if d.lang == "en"}
    for article in edition.all_articles:
        en = en_docs.get(article.en_path or "")
        check(article, en, diags)


def check_article(article: Article, en: Document | None, diags: Diagnostics) -> None:
    declared = _declared(en, diags, article)
    for block in article.blocks:
        if not block.en or block.en_loc is None:
            continue
        result = compare(block.zh, block.en)
        absent = [q for q in result.missing if (block.local, q.value) not in declared]
        missing = [q.text for q in absent]
        unexpected = [n.text for n in result.unexpected if (block.local, n.value) not in declared]
        if missing:
            diags.error(
                block.en_loc,
                f"{block.id}: the Chinese has {', '.join(missing)} but the English does not (Chinese: “{block.zh[:40]}…”; English: “{block.en[:60]}…”)",
                f"render every figure in the English{_example(absent)}, or declare the difference under"
                " 'numbers:' with block, value and reason",
            )
        if unexpected:
            diags.error(
                block.en_loc,
                f"{block.id}: the English has {', '.join(unexpected)}, which is not in the Chinese (Chinese: “{block.zh[:40]}…”)",
                "correct the number, or declare the difference under 'numbers:' with block, value and reason",
            )


def _prints(zh: str, en: str, value: float) -> bool:
    values = [q.value for q in extract_zh(zh)] + [n.value for n in extract_en(en)] + list(zh_numeral_values(zh))
    return any(math.isclose(value, v, rel_tol=1e-9) for v in values)


def _example(figures: Sequence[Quantity]) -> str:
    """The hint's example: the block's own first plain amount missing, as the English would write
    it (usage walk 14: the example was the first page's 16.4万 on every page; reviews 18 and 19:
    a date's value is its year, a period's its start, and a date may come first)."""
    for figure in figures:
        if figure.kind == "quantity" and figure.end_value is None:
            value = figure.value
            english = f"{value:,.0f}" if value == int(value) else f"{value:,}"
            return f" ({figure.text} -> {english})"
    return ""
