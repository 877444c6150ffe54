"""`python build.py check`: the fidelity account and what still needs an editor."""

from __future__ import annotations

import sys
from pathlib import Path

from edition.config import load_config
from edition.coverage import mention_counts, unannotated
from edition.cut import cut_page, read_layout
from edition.errors import Diagnostics
from edition.fidelity import account
from edition.pipeline import make_edition


def run_check(root: Path, strict: bool = False) -> int:
    config = load_config(root / "site.toml", root)
    edition, warnings, _ = make_edition(root, strict=strict)
    layout = read_layout(root / config.source.layout, root)
    lines = (root / config.source.path).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    diags = Diagnostics()
    result = account(lines, cut_page(lines, layout), edition.all_articles, config.source.path, diags)
    for problem in [*warnings, *diags.items]:
        print(problem)
    print(f"source lines accounted: {result.accounted}/{result.total}")
    if result.missing:
        print("not accounted for: " + ", ".join(map(str, result.missing)))
    print(f"artifacts recorded: {len(result.artifacts)} doubled copies dropped")
    for line in result.artifacts:
        print(f"  {line}")
    counts = mention_counts(edition)
    print("annotated mentions: " + ", ".join(f"{article} {n}" for article, n in counts.items()))
    gaps = unannotated(edition)
    print(f"unannotated quoted phrases and names: {len(gaps)}")
    for gap in gaps:
        print(f"  {gap.block} ({gap.lang}): {gap.text}")
    return 1 if diags.errors or result.missing else 0


if __name__ == "__main__":
    sys.exit(run_check(Path.cwd()))
