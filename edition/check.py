"""`python build.py check`: the fidelity account and what still needs an editor.

The account is made even when later stages find errors: an editor who broke a figure
label still learns which source lines the text no longer accounts for.
"""

from __future__ import annotations

import re
from pathlib import Path

from edition.assemble import assemble
from edition.config import load_config
from edition.content import load_content, load_pages
from edition.coverage import mention_counts, unannotated
from edition.cut import cut_page, doubtful_breaks, misplaced_lines, read_layout
from edition.derive import SiteIndex
from edition.errors import BuildError, Diagnostics
from edition.fidelity import account
from edition.fidelitystage import witness_lines
from edition.lostblock import follows_from_lost, lost_in_page
from edition.model import Edition
from edition.pages import redirects_astray, site_pages
from edition.pipeline import make_edition
from edition.views import to_hant, use_traditional

# until when a block lost from a Chinese text (or added to it, or of another kind) holds back the lines it took
UNTIL = {"lost": "the block it lacks is back"}
BLOCKS_AGAIN = "its blocks are the source's again"


def _line_numbers(numbers: list[int]) -> str:
    """Line numbers as ranges: "line 680", "lines 12-14, 20"; many as their count and span
    ("96 lines from 45 to 836": an article's every line, held back by one block)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    if len(runs) > 3:
        return f"{len(numbers)} lines from {numbers[0]} to {numbers[-1]}"
    said = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"line {said}" if len(numbers) == 1 else f"lines {said}"


def run_check(root: Path, strict: bool = False) -> int:
    config = load_config(root / "site.toml", root)
    pages = load_pages(root / "content", root)
    docs, _glossaries, _problems = load_content(root / "content", root)
    assembled = assemble(config, docs, pages, Diagnostics())
    failed = False
    shown: set[str] = set()  # the account's problems, which the build reports too: printed once
    by_path = {d.path: d for d in docs}
    if assembled is not None:
        for page in assembled.pages:
            diags = Diagnostics()
            lines = witness_lines(root / page.source.path)
            layout = read_layout(root / page.info.layout, root)
            misplaced = misplaced_lines(layout, lines, page.info.layout)
            if misplaced:  # nothing to account against: the build says so too (printed once)
                for problem in misplaced:
                    print(problem)
                    shown.add(str(problem))
                failed = True
                continue
            mine = (page.front, *page.articles)
            cut = cut_page(lines, layout)
            result = account(lines, cut, mine, page.source.path, diags)
            # a block lost from (or added to) a Chinese text is one error (the build's, below), not one per line
            lost = lost_in_page(mine, cut, by_path, page.source.path)
            for problem in diags.items:
                if not follows_from_lost(problem, lost, page.source.path):
                    print(problem)
                    shown.add(str(problem))
            print(f"{page.key}: source lines accounted: {result.accounted}/{result.total}")
            missing = [n for n in result.missing if not any(n in gone.lines for gone in lost)]
            if missing:
                print("not accounted for: " + ", ".join(map(str, missing)))
            held: dict[tuple[str, str], list[int]] = {}
            for gone in lost:
                held.setdefault((gone.article, gone.what), []).extend(n for n in result.missing if n in gone.lines)
            for (article, what), numbers in sorted(held.items()):
                if numbers:  # the lines named, not the article's every line (review 13)
                    until = UNTIL.get(what, BLOCKS_AGAIN)
                    print(
                        f"not accounted for: the source lines of {article} ({_line_numbers(sorted(set(numbers)))}), until {until}"
                    )
            print(f"artifacts recorded: {len(result.artifacts)} doubled copies dropped")
            for line in result.artifacts:
                print(f"  {line}")
            doubts = doubtful_breaks(lines, layout)
            print(f"paragraph breaks to confirm in the layout: {len(doubts)}")
            for doubt in doubts:
                print(f"  {page.source.path}:{doubt.verdict.line}: {doubt.file.id}: {doubt.verdict.doubt}")
            failed = failed or bool(diags.errors or result.missing)
    try:
        edition, warnings, _ = make_edition(root, strict=strict)
    except BuildError as exc:
        for problem in exc.diagnostics:
            if str(problem) not in shown:
                print(problem)
        return 1
    for warning in warnings:
        print(warning)
    try:  # the redirects lead to the site's own pages, as the build checks (after the warnings: a renamed article's explains)
        redirects_astray(edition.config, site_pages(edition, SiteIndex(edition)))
    except BuildError as exc:
        print(*exc.diagnostics, sep="\n")
        return 1
    print_translation_state(edition)
    counts = mention_counts(edition)
    print("annotated mentions: " + ", ".join(f"{article} {n}" for article, n in counts.items()))
    gaps = unannotated(edition)
    print(f"unannotated quoted phrases and names: {len(gaps)}")
    for gap in gaps:
        print(f"  {gap.block} ({gap.lang}): {gap.text}")
    unlabelled = [f for f in edition.figures if f.kind != "date" and not f.label_en]
    print(
        f"figures: {len(edition.figures)} ({sum(f.kind == 'date' for f in edition.figures)} dates); unlabelled: {len(unlabelled)}"
    )
    for figure in unlabelled:
        print(f"  {figure.block}: {figure.text}")
    failing = [c for c in edition.checks if not c.ok]
    print(f"arithmetic checks: {len(edition.checks)}, failing: {len(failing)}")
    for check in failing:
        print(
            f"  {check.loc}: {check.id}: {check.expression} ({check.actual:g} ≠ {check.expected:g}) — {check.description}"
        )
    places = phrase_conversions(edition)
    print(
        f"Traditional view: characters OpenCC writes otherwise in a phrase, to confirm: {len(places)}"
        + (
            " (right: add the phrase to site.toml's [traditional_fixes] as it is; wrong: with its right form)"
            if places
            else ""
        )
    )
    for block, zh, hant, ch, form in places:
        print(f"  {block}: {zh} → {hant} ({ch} as {form}, alone {to_hant(ch)})")
    texts = [b.zh for a in edition.all_articles for b in a.blocks]
    texts += [name for e in edition.entities for name in (e.zh, *e.aliases_zh)]
    unused = [zh for zh, _ in edition.config.traditional_fixes if not any(zh in text for text in texts)]
    if unused:  # a fix whose phrase is in no text: mistyped, or its text changed
        print(f"site.toml: [traditional_fixes] of phrases no text has: {', '.join(unused)}")
    return 1 if failed else 0


def phrase_conversions(edition: Edition) -> list[tuple[str, str, str, str, str]]:
    """Where the Traditional view writes a character otherwise than OpenCC writes it alone,
    with three characters each side, the character and its form there: OpenCC's phrases,
    mostly right (关系 關係), but it matches the longest phrase it knows, and across two words
    it may find a third (资金发放 came out 資金髮放, "blond hair"). A place inside a phrase of
    site.toml's [traditional_fixes] is decided: an editor confirms one by adding it there."""
    config = edition.config
    use_traditional(config.traditional, config.traditional_fixes)
    places = []
    for block in (b for a in edition.all_articles for b in a.blocks):
        hant = to_hant(block.zh)
        if len(hant) != len(block.zh):
            continue
        fixed = {
            at
            for zh, _ in config.traditional_fixes
            for m in re.finditer(re.escape(zh), block.zh)
            for at in range(m.start(), m.end())
        }
        for i, (ch, form) in enumerate(zip(block.zh, hant, strict=True)):
            if form != to_hant(ch) and i not in fixed:
                near = slice(max(0, i - 3), i + 4)
                places.append((block.id, block.zh[near], hant[near], ch, form))
    return places


def print_translation_state(edition: Edition) -> None:
    """What a translator has to do: blocks with no English, and translations made from a
    Chinese text that has changed since (their blocks need a review)."""
    untranslated = [b for a in edition.all_articles for b in a.blocks if not b.en.strip()]
    print(f"untranslated blocks: {len(untranslated)}")
    for block in untranslated:
        print(f"  {block.loc}: {block.id}: {block.zh[:30]}")
    outdated = [a for a in edition.all_articles if a.outdated]
    print(f"outdated translations: {len(outdated)}")
    for article in outdated:
        print(f"  {article.en_path}: {article.id}: review its {len(article.blocks)} blocks against the Chinese")
