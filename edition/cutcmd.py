"""`python build.py cut [PAGE_FOLDER]`: prepare a page from its raw source and layout.

It writes the page's Chinese files and an English skeleton beside each, never replacing a
file that exists, and lists the paragraph breaks an editor should confirm in the layout.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from edition.config import load_config
from edition.content import Document, load_document, text_hash
from edition.cut import Doubt, block_markdown, cut_page, doubtful_breaks, read_layout, write_cut
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.ids import local_block_ids

TRANSLATOR_PLACEHOLDER = "TODO: name the translator"
UNTRANSLATED = "TODO: translate"  # each block of a skeleton: "TODO: translate p3"


@dataclass(frozen=True)
class PageInputs:
    folder: Path  # where the page's content files go
    source: Path  # the raw text
    layout: Path  # the declared layout


def page_inputs(root: Path, folder: Path | None) -> PageInputs:
    """A page folder's source and layout: from its page.toml, else from site.toml's [source]
    (a project of one page whose content/ holds no page.toml)."""
    folder = folder if folder is not None else root / "content"
    settings = folder / "page.toml"
    if not settings.is_file():
        config = load_config(root / "site.toml", root)
        return PageInputs(folder, root / config.source.path, root / config.source.layout)
    name = rel(settings, root)
    try:
        data = tomllib.loads(settings.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BuildError([Diagnostic(Loc(name, 1, 1), f"page.toml cannot be read: {exc}", "fix its TOML")]) from None
    if not isinstance(data.get("source"), str):
        raise BuildError([Diagnostic(Loc(name, 1, 1), "page.toml has no 'source'", 'add source = "source/<file>.txt"')])
    inputs = PageInputs(folder, root / data["source"], folder / str(data.get("layout", "layout.yaml")))
    expected = data.get("source_sha256")
    if isinstance(expected, str) and inputs.source.is_file():
        actual = hashlib.sha256(inputs.source.read_bytes()).hexdigest()
        if actual != expected:
            raise BuildError(
                [
                    Diagnostic(
                        Loc(name, 1, 1),
                        f"{data['source']} is not the witness page.toml names (its SHA-256 is {actual[:12]}…)",
                        "restore the raw text as extracted, or update source_sha256 if the witness was replaced",
                    )
                ]
            )
    return inputs


def render_skeleton(zh: Document) -> str:
    """An English file for a Chinese one: one placeholder block per Chinese block, of the
    same kind and in the same order (so the build's alignment check holds from the start),
    and ``translates:`` set to the hash of the Chinese text it is to translate."""
    kinds = [b.kind for b in zh.blocks]
    head = (
        f"id: {zh.front.get('id')}\n"
        f'translator: "{TRANSLATOR_PLACEHOLDER}"\n'
        f"translates: {text_hash(zh.blocks)}  # the Chinese text this file translates\n"
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
    inputs = page_inputs(root, folder)
    layout = read_layout(inputs.layout, root)
    if not inputs.source.is_file():
        raise BuildError(
            [Diagnostic(Loc(rel(inputs.layout, root)), f"source text {rel(inputs.source, root)} not found")]
        )
    lines = inputs.source.read_text(encoding="utf-8").split("\n")
    files = cut_page(lines, layout)
    written, kept = write_cut(inputs.folder, files, layout.source)
    en_written, en_kept, problems = write_skeletons(inputs.folder, [cf.file for cf in files], root)
    for path in written + en_written:
        print(f"wrote {rel(path, root)}")
    for path in kept + en_kept:
        print(f"kept  {rel(path, root)} (exists; the cut never overwrites an editor's file)")
    for problem in problems.items:
        print(problem)
    doubts = doubtful_breaks(lines, layout)
    for doubt in doubts:
        print(doubt_diagnostic(doubt, rel(inputs.source, root), rel(inputs.layout, root)))
    if doubts:
        print(
            f"{len(doubts)} paragraph break(s) to confirm in {rel(inputs.layout, root)}; a file written before a "
            "correction keeps the old paragraphs: delete it and cut again ('check' shows where it differs)"
        )
    return 1 if problems.errors else 0
