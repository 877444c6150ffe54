"""`python build.py cut`: write content/ from the raw source; never overwrite."""

from __future__ import annotations

from pathlib import Path

from edition.config import load_config
from edition.cut import cut_page, read_layout, write_cut
from edition.errors import rel


def run_cut(root: Path) -> int:
    config = load_config(root / "site.toml", root)
    layout = read_layout(root / config.source.layout, root)
    lines = (root / config.source.path).read_text(encoding="utf-8").split("\n")
    written, kept = write_cut(root / "content", cut_page(lines, layout), layout.source)
    for path in written:
        print(f"wrote {rel(path, root)}")
    for path in kept:
        print(f"kept  {rel(path, root)} (exists; the cut never overwrites an editor's file)")
    return 0
