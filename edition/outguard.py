"""The output folder is replaced whole by a build: never let it be a folder of the project's
own sources (`--out content` would replace the editors' files with the site)."""

from __future__ import annotations

from pathlib import Path

from edition.errors import BuildError, Diagnostic, Loc
from edition.overlay import OVERLAID, folders

SOURCES = ("content", "templates", "static", "source", "site.toml", ".git")


def check_out_dir(root: Path, out: Path) -> None:
    """Raise one diagnostic when ``out`` is the project, holds it, or lies among its sources,
    or is a folder of files that no build made."""
    root, out = root.resolve(), out.resolve()
    protected = [root / name for name in SOURCES]
    protected += [folder.resolve() for name in OVERLAID for folder in folders(root, name)]  # the generator's too
    bad = out == root or root.is_relative_to(out) or any(out == p or out.is_relative_to(p) for p in protected)
    if not bad and out.is_dir() and any(out.iterdir()):
        # A folder a build made has its .nojekyll; anything else is someone's files.
        bad = not (out / ".nojekyll").exists()
    if bad:
        raise BuildError(
            [
                Diagnostic(
                    Loc("--out"),
                    f"refusing to build into {out}: the build replaces that folder whole, and it holds files no build made",
                    "give --out a new folder or one an earlier build made (the default is output/)",
                )
            ]
        )
