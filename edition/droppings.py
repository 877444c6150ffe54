"""Files an editor's tools leave beside the content, which the build never reads.

Emacs lock files (``.#name``, a symlink to nowhere), macOS resource forks (``._name``) and
``.DS_Store``, backup copies (``name~``), Vim swap files (``.name.swp``) and any symlink
whose target is gone: reading one would crash the build or publish a stale copy.
"""

from __future__ import annotations

from pathlib import Path

_SUFFIXES = ("~", ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig")
_PREFIXES = (".#", "._", "#")


def is_dropping(path: Path) -> bool:
    """True for a file no editor means as content: skip it without a word."""
    name = path.name
    if name.startswith(_PREFIXES) or name.endswith(_SUFFIXES) or name == ".DS_Store":
        return True
    if name.startswith("."):  # any hidden file: an editor's or a tool's, never an article
        return True
    # A symlink whose target is gone (exists() follows the link).
    return path.is_symlink() and not path.exists()
