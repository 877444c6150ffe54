"""Diagnostics: every user mistake becomes `path:line:col: error: what — how to fix it`."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    """Where something stands in an editor's file (1-based line and column)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Diagnostic:
    loc: Loc
    message: str
    hint: str = ""
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.loc}: {self.severity}: {self.message}{hint}"


class BuildError(Exception):
    """Raised with every diagnostic a stage collected; the build stops, output/ untouched."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple[type, tuple[tuple[Diagnostic, ...]]]:
        # Raised in a rendering worker, it crosses back to the parent process whole.
        return (BuildError, (self.diagnostics,))


class Diagnostics:
    """Collects diagnostics so that a stage reports all its problems at once."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(loc, message, hint))

    def warning(self, loc: Loc, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(loc, message, hint, "warning"))

    def no_such_block(self, loc: Loc, what: str, block: object, blocks: Iterable[str]) -> None:
        """A front-matter entry (a note, a figure label...) naming a block the article lacks."""
        if block is not None and not isinstance(block, str):
            return  # not a name at all: the front matter's schema says so (edition/frontschema.py)
        self.error(
            loc,
            f"{what} refers to block {block!r}, which this article does not have",
            f"blocks here: {choices(blocks)}",
        )

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BuildError(self.errors)


def rel(path: Path, root: Path) -> str:
    """A path as the editor knows it: relative to the project when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def choices(names: Iterable[str], limit: int = 8) -> str:
    """A list of valid names for a hint, short enough to read."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names)} in all)" if len(names) > limit else "")


def _hidden(char: str) -> bool:
    """A character an editor cannot see, or cannot tell from another, in a message."""
    category = unicodedata.category(char)
    if category in ("Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp", "Mn"):
        return True
    if char == "\ufffd":  # a replacement character: something was lost on the way
        return True
    if category == "Zs":
        return char != " "
    return 0xFF10 <= ord(char) <= 0xFF5A and char.isalnum()  # fullwidth digits and Latin letters


def show_invisible(text: str, quote: str = "'") -> str:
    """The text quoted, each invisible or fullwidth character shown by its code point:
    '墨[U+200B ZERO WIDTH SPACE]玉县', so that two strings that look the same in a message
    are seen to differ."""
    shown = "".join(f"[U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}]" if _hidden(c) else c for c in text)
    return f"{quote}{shown}{quote}" if quote else shown


# What to do about an OSError of the machine's (a full disk, a permission), the command
# line's and the dev server's alike
CHECK_THE_MACHINE = "check the disk's free space and the permissions of the project's folders"
