"""`python build.py cut [PAGE_FOLDER]`: prepare a page (or every page) from its raw source and layout.

It writes the page's Chinese files and an English skeleton beside each, never replacing a
file that exists, and lists the paragraph breaks an editor should confirm in the layout.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from edition.assemble import TRANSLATOR_PLACEHOLDER, UNTRANSLATED  # what a skeleton holds till translated
from edition.config import PageInfo, find_line, load_page_config
from edition.content import Document, load_document, load_pages, page_folders, text_hash
from edition.cut import (
    Doubt,
    Layout,
    block_markdown,
    cut_page,
    doubtful_breaks,
    misplaced_lines,
    read_layout,
    write_cut,
)
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.fidelitystage import witness_lines
from edition.ids import local_block_ids


def pages_to_cut(root: Path, folder: Path | None) -> list[PageInfo]:
    """The page folder named (its page.toml read and its witness checked), or every one."""
    if folder is None:
        return [info for info, _source in load_pages(root / "content", root)]
    settings = folder / "page.toml"
    if not settings.is_file():
        raise BuildError(
            [
                Diagnostic(
                    Loc(rel(folder, root)),
                    "not a page folder: it has no page.toml",
                    "a page folder is content/<date>/p<page>/ with page.toml and layout.yaml (see the README)",
                )
            ]
        )
    info = load_page_config(settings, root)
    witness = root / info.source
    if not witness.is_file():
        raise BuildError([Diagnostic(Loc(info.config_path), f"source text {info.source} not found")])
    sha = hashlib.sha256(witness.read_bytes()).hexdigest()
    if sha != info.source_sha256:
        line = find_line(settings.read_text(encoding="utf-8"), "source_sha256")
        raise BuildError(
            [
                Diagnostic(  # the hash in full: the editor copies it into page.toml
                    Loc(info.config_path, line, 1),
                    f"the source text {info.source} is not the one page.toml records (its SHA-256 is {sha})",
                    "the cut rests on the witness as extracted: restore it, or record the new SHA-256",
                )
            ]
        )
    return [info]


def render_skeleton(zh: Document) -> str:
    """An English file for a Chinese one: one placeholder block per Chinese block, of the
    same kind and in the same order (so the build's alignment check holds from the start),
    and ``translates:`` set to the hash of the Chinese text it is to translate."""
    kinds = [b.kind for b in zh.blocks]
    head = (
        f"id: {zh.article_front.id}\n"
        f'translator: "{TRANSLATOR_PLACEHOLDER}"\n'
        f'translates: "{text_hash(zh.blocks)}"  # the Chinese text this file translates\n'
    )
    body = "\n\n".join(
        block_markdown(kind, f"{UNTRANSLATED} {local}")
        for kind, local in zip(kinds, local_block_ids(kinds), strict=True)
    )
    return f"---\n{head}---\n\n{body}\n"


def write_skeletons(folder: Path, stems: list[str], root: Path) -> tuple[list[Path], list[Path], Diagnostics]:
    """An English skeleton for each Chinese file that has none; the Chinese is read from
    disk, so a file an editor already changed gets the skeleton of its own text."""
    written: list[Path] = []
    kept: list[Path] = []
    diags = Diagnostics()
    for stem in stems:
        path = folder / f"{stem}.en.md"
        if path.exists():
            kept.append(path)
            continue
        zh = load_document(folder / f"{stem}.zh.md", root, diags)
        if zh is None:
            continue
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(render_skeleton(zh))
        written.append(path)
    return written, kept, diags


def doubt_diagnostic(doubt: Doubt, source: str, layout: str) -> Diagnostic:
    verdict = doubt.verdict
    n = verdict.line
    decided = "a paragraph ends here" if verdict.ends_paragraph else "the paragraph goes on"
    where = f"{layout}:{doubt.block.line}" if doubt.block.line else layout
    return Diagnostic(
        Loc(source, n, 1),
        f"{doubt.file.id}: paragraph break? line {n} {verdict.doubt}; the cut took it that {decided}",
        f"look at the printed page, then confirm with 'breaks_after: [{n}]' or 'joins_after: [{n}]'"
        f" in the body block at {where}",
        "warning",
    )


def run_cut(root: Path, folder: Path | None = None) -> int:
    """Cut the page named, or every page. Every page.toml, witness and layout is read before
    anything is written: a cut that raises BuildError has written no file (the command line
    says so), rather than some pages and not the rest."""
    failed = False
    diags = Diagnostics()
    pages: list[tuple[PageInfo, Layout]] = []
    for info in pages_to_cut(root, folder):
        try:
            layout = read_layout(root / info.layout, root)
        except BuildError as exc:
            diags.items.extend(exc.diagnostics)
            continue
        pages.append((info, layout))
        diags.items.extend(misplaced_lines(layout, witness_lines(root / info.source), info.layout))
    diags.items.extend(ids_taken(root, pages))
    diags.raise_if_errors()
    for info, layout in pages:
        failed = cut_one(root, info, layout) or failed
    return 1 if failed else 0


def ids_taken(root: Path, pages: list[tuple[PageInfo, Layout]]) -> list[Diagnostic]:
    """An error for each id of the layouts to cut that another file of the archive has, at the
    layout's id (usage walk 14: a second page's own file copied the first's id, 'page', and the
    build then said so of one of four files to change, with a second, false error). Every other
    page folder's layout is read that can be (review 18: one changed witness elsewhere turned
    the check off)."""
    cutting = {info.key for info, _ in pages}
    owners: dict[str, str] = {}  # id -> where it is given, "layout.yaml:line"
    for folder in page_folders(root / "content"):
        try:
            info = load_page_config(folder / "page.toml", root)
            if info.key not in cutting:
                for lf in read_layout(root / info.layout, root).files:
                    owners.setdefault(lf.id, f"{info.layout}:{lf.line}")
        except (BuildError, OSError):
            continue  # the build says what is wrong there
    found = []
    for info, layout in pages:
        for lf in layout.files:
            if lf.id in owners:
                own = f"page-{info.key.replace('/', '-')}" if lf.order == 0 else f"{lf.id}-{info.key.replace('/', '-')}"
                whose = " (a page's own file's too)" if lf.order == 0 else ""
                found.append(
                    Diagnostic(
                        Loc(info.layout, lf.line or 1, 1),
                        f"id {lf.id!r} is taken: it is given already at {owners[lf.id]}",
                        f"ids are unique across the archive{whose}: give this one its own"
                        + (f" (e.g. {own!r})" if own not in owners else ""),
                    )
                )
            owners.setdefault(lf.id, f"{info.layout}:{lf.line}")
    return found


def cut_one(root: Path, info: PageInfo, layout: Layout) -> bool:
    """Cut one page; True if a Chinese file could not be read back for its skeleton."""
    lines = (root / info.source).read_text(encoding="utf-8").split("\n")
    files = cut_page(lines, layout)
    written, kept = write_cut(root / info.folder, files, layout.source)
    en_written, en_kept, problems = write_skeletons(root / info.folder, [cf.file for cf in files], root)
    for path in written + en_written:
        print(f"wrote {rel(path, root)}")
    for path in kept + en_kept:
        print(f"kept  {rel(path, root)} (exists; the cut never overwrites an editor's file)")
    for problem in problems.items:
        print(problem)
    doubts = doubtful_breaks(lines, layout)
    for doubt in doubts:
        print(doubt_diagnostic(doubt, info.source, info.layout))
    if doubts:
        print(
            f"{info.key}: {len(doubts)} paragraph break(s) to confirm in {info.layout}; a file written before "
            "a correction keeps the old paragraphs: delete it and cut again ('check' shows where it differs)"
        )
    return bool(problems.errors)
