"""`python build.py cut`: write each page folder's content files from its raw source; never overwrite."""

from __future__ import annotations

from pathlib import Path

from edition.content import load_pages
from edition.cut import cut_page, read_layout, write_cut
from edition.errors import rel


def run_cut(root: Path) -> int:
    for info, _source in load_pages(root / "content", root):
        layout = read_layout(root / info.layout, root)
        lines = (root / info.source).read_text(encoding="utf-8").split("\n")
        written, kept = write_cut(root / info.folder, cut_page(lines, layout), layout.source)
        for path in written:
            print(f"wrote {rel(path, root)}")
        for path in kept:
            print(f"kept  {rel(path, root)} (exists; the cut never overwrites an editor's file)")
    return 0
