"""The warm edit, as ``build.py serve`` does it, run in a child process of run.py (fresh
imports, so that nothing cached at one size helps the next): ``Preview(CORPUS, OUT)``,
``rebuild()`` once, then an edit of one article's English and ``rebuild([that file])``,
timed, ``edits`` times. Prints one JSON line.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import io
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDIT = " It was so."
STAGE_LINE = re.compile(r"^(\w+)\s+([\d.]+) ms\b\s*(.*)$")


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree_differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    changed = sorted(p for p in set(a) & set(b) if a[p] != b[p])
    return (
        [f"only in warm output: {p}" for p in sorted(set(a) - set(b))]
        + [f"only in clean build: {p}" for p in sorted(set(b) - set(a))]
        + [f"differs: {p}" for p in changed]
    )


def article_file(corpus: Path, number: int) -> Path:
    """Article ``number``'s English file, wherever its page's folder is (content/ or content/<date>/p<NN>/)."""
    found = sorted((corpus / "content").rglob(f"*-a{number:05d}.en.md"))
    if not found:
        raise RuntimeError(f"no English file of article a{number:05d} under {corpus / 'content'}")
    return found[0]


def edit_article(corpus: Path, number: int) -> Path:
    """Append EDIT to the last paragraph of article ``number``'s English file (stays valid:
    the English has no checks tied to the Chinese but numbers, and the sentence has none)."""
    path = article_file(corpus, number)
    lines = path.read_text(encoding="utf-8").split("\n")
    fences = [i for i, line in enumerate(lines) if line.strip() == "---"]
    body_start = fences[1] + 1 if len(fences) > 1 and fences[0] == 0 else 0
    paragraph_lines = [
        i for i in range(body_start, len(lines)) if lines[i].strip() and not lines[i].lstrip().startswith(("#", "{"))
    ]
    if not paragraph_lines:
        raise RuntimeError(f"{path.name}: no paragraph to edit")
    last = paragraph_lines[-1]
    lines[last] = lines[last].rstrip() + EDIT
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def warm_child(corpus: Path, out: Path, edits: int, articles: int) -> int:
    sys.path.insert(0, str(ROOT))
    from edition.serve import Preview

    preview = Preview(corpus, out)
    # Whether the preview's build makes the search index (Preview's own setting; build()'s
    # default, True, where Preview has none): the clean build to compare with must match.
    search = bool(getattr(preview, "search", True))
    result: dict[str, object] = {"first_s": None, "edits_ms": [], "quick_ms": [], "stages": [], "error": None}
    result["search"] = search

    def rebuild(changed: Sequence[Path] = ()) -> tuple[float, list[str]]:
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            start = time.perf_counter()
            # The path, as livereload's watcher gives it to the server (where Preview takes one).
            if changed and "changed" in inspect.signature(preview.rebuild).parameters:
                preview.rebuild([str(p) for p in changed])
            else:
                preview.rebuild()
            seconds = time.perf_counter() - start
        if preview.errors:
            raise RuntimeError(f"Preview.rebuild() failed: {preview.errors[0]} ({len(preview.errors)} error(s))")
        return seconds, captured.getvalue().splitlines()

    try:
        result["first_s"], _ = rebuild()
        edits_ms: list[float] = []
        quick_ms: list[float] = []
        for i in range(edits):
            path = edit_article(corpus, i % articles + 1)
            seconds, lines = rebuild([path])
            edits_ms.append(1000 * seconds)
            quick = getattr(preview, "quick_seconds", None)  # the edited article's pages, written
            if quick is not None:
                quick_ms.append(1000 * quick)
            result["stages"] = [
                f"{m[1]} {float(m[2]):.0f} ms" + (f" ({m[3]})" if m[3] else "")
                for m in map(STAGE_LINE.match, lines)
                if m
            ]
        result["edits_ms"] = edits_ms
        result["quick_ms"] = quick_ms
    except Exception as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    print(json.dumps(result))
    return 0
