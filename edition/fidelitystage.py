"""The fidelity account in every build (issue 14): an undeclared change to the Chinese is an
error of the build, not only of `check`, so that nothing unfaithful is ever published.

Also checks what the account takes on trust: an emendation's ``source:`` must stand in its
block's repaired source text (else the edition would declare a reading the source never had).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from edition.config import PageInfo
from edition.content import Document
from edition.cut import CutFile, Layout, cut_page, misplaced_lines, read_layout
from edition.each import Each, in_order
from edition.errors import Diagnostics, Loc, show_invisible
from edition.fidelity import account
from edition.frontmodel import ArticleFront
from edition.lostblock import Lost, follows_from_lost, lost_in_page
from edition.model import Article, Edition

Cut = Callable[[Sequence[str], Layout], tuple[CutFile, ...]]


def check_fidelity(
    root: Path,
    edition: Edition,
    diags: Diagnostics,
    cut_lines: Cut = cut_page,
    docs: Sequence[Document] = (),
    each: Each = in_order,
) -> list[Lost]:
    """Report, page by page, every departure of the Chinese from the repaired witness that no
    emendation declares, and every emendation whose source text the witness does not have.
    ``cut_lines``: cut_page, or the dev server's, which keeps the cuts of unchanged witnesses
    and layouts; ``each``: the pages' cuts one after another, or a build's on every core (a
    page's cut is pure). Returns the blocks a Chinese
    text lost (``docs``: the content files), which edition/causes.py reports in place of what
    follows from them."""
    # A file with an error already (one that did not load, a broken 'blocks:') would make the
    # account report each of its source lines as lost: one cause, said once already.
    troubled = {d.loc.path for d in diags.errors}
    unsure = not edition.complete or any(path.endswith(".md") for path in troubled)
    by_path = {d.path: d for d in docs}
    lost: list[Lost] = []
    # a page without a layout has nothing to account against
    pages = [page for page in edition.pages if (root / page.info.layout).is_file()]
    witnesses = [witness_lines(root / page.source.path) for page in pages]
    layouts = [read_layout(root / page.info.layout, root) for page in pages]
    # (a layout that names lines the witness does not have, or one line twice, is that one
    # error: no account of its page)
    misplaced = [
        misplaced_lines(layout, lines, page.info.layout)
        for page, lines, layout in zip(pages, witnesses, layouts, strict=True)
    ]
    cuts = each(lambda n: cut_lines(witnesses[n], layouts[n]) if not misplaced[n] else (), range(len(pages)))
    for page, layout in zip(pages, layouts, strict=True):
        renamed(layout, page.info, by_path, diags)
    for page, lines, cut, wrong in zip(pages, witnesses, cuts, misplaced, strict=True):
        if wrong:
            diags.items.extend(wrong)
            continue
        articles = (page.front, *page.articles)
        gone = lost_in_page(articles, cut, by_path, page.source.path)
        lost.extend(gone)
        false_sources = check_emendation_sources(articles, cut, diags)
        found = Diagnostics()
        account(lines, cut, articles, page.source.path, found)
        for problem in found.items:
            if problem.loc.path in troubled or (unsure and problem.loc.path == page.source.path):
                continue
            if follows_from_lost(problem, gone, page.source.path):
                continue
            # A departure from a block whose emendation names a false source is that one mistake.
            if not any(f"the Chinese of {block} departs" in problem.message for block in false_sources):
                diags.items.append(problem)
    return lost


def renamed(layout: Layout, info: PageInfo, docs: Mapping[str, Document], diags: Diagnostics) -> None:
    """A warning for each Chinese file whose id is not the one its page's layout gives it (a
    usage walk changed an id without a word): the id makes the article's address and its
    passages' anchors, so published links break, and a cut again would write the layout's."""
    where = info.layout
    for entry in layout.files:
        doc = docs.get(f"{info.folder}/{entry.file}.zh.md")
        if doc is None or not isinstance(doc.meta, ArticleFront) or doc.meta.id in (None, entry.id):
            continue
        new = doc.meta.id
        if doc.meta.kind == "page":  # the page's front: its address is the page's, its blocks' anchors are its id's
            moved = f"its blocks' anchors (#{entry.id}-m1 …) become #{new}-m1 …, and links to them break"
        else:  # the redirect page sends a passage's anchor (#old-p3) on to the new one (#new-p3)
            moved = (
                f'if the old address was published, add \'"{info.key}/{entry.id}/" = "{info.key}/{new}/"\' to '
                "site.toml's [redirects], which sends readers and links to its passages on"
            )
        diags.warning(
            Loc(doc.path, doc.meta.at("id"), 1),
            f"the id {new!r} is not the one {where} gives this file ({entry.id!r}, line {entry.line})",
            f"an id is best never changed once published; a cut again would write the layout's: give {where} "
            f"the same id; {moved}",
        )


def witness_lines(path: Path) -> list[str]:
    """A page's witness as the cut and the account read it: its lines, without the end's empty one."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def check_emendation_sources(articles: Sequence[Article], cut: Sequence[CutFile], diags: Diagnostics) -> set[str]:
    """Each emendation's ``source:`` in its block's repaired source; the blocks where not."""
    by_lines = {(b.first, b.last): b for f in cut for b in f.blocks}
    false: set[str] = set()
    for article in articles:
        blocks = {b.id: b for b in article.blocks}
        for em in article.emendations:
            block = blocks.get(em.block)
            cut_block = by_lines.get(block.source_lines) if block is not None else None
            if block is None or cut_block is None or em.source in cut_block.text:
                continue
            false.add(block.id)
            shown = show_invisible(em.source) if em.source else "(empty)"
            has = show_invisible(cut_block.text[:30], "")
            diags.error(
                em.loc,
                f"the emendation's source {shown} is not in the source text of {block.id} "
                f"(source lines {block.source_lines[0]}-{block.source_lines[1]}: “{has}…”)",
                "give in 'source:' the text exactly as the source has it, and in 'reading:' as the edition prints it",
            )
    return false
