"""Split a Markdown file into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from edition.errors import BuildError, Diagnostic, Loc

FENCE = "---"


@dataclass(frozen=True)
class Split:
    front: str  # the YAML between the fences
    body: str
    front_line: int  # file line of the first YAML line, minus one (offset for YAML marks)
    body_line: int  # file line where the body starts, minus one (offset for markdown maps)


def split_front_matter(text: str, path: str) -> Split:
    """Split ``---\\nyaml\\n---\\nbody``; anything else is a diagnostic with a hint."""
    if not text.strip():
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, 1, 1),
                    "the file is empty",
                    "a content file starts with '---', its front matter, '---', then the text",
                )
            ]
        )
    first_end = text.find("\n")  # the end of the first line (-1: the file is one line)
    if (text if first_end < 0 else text[:first_end]).rstrip() != FENCE:
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, 1, 1),
                    "missing front matter: the file must start with a line '---'",
                    "add '---', the YAML front matter (at least 'id:'), and a closing '---' above the text",
                )
            ]
        )
    # The closing fence is the first later line that is '---' once trailing space is cut;
    # such a line starts with '---', so only those lines are looked at.
    newline = first_end
    while newline >= 0:
        newline = text.find("\n---", newline)
        if newline < 0:
            break
        start = newline + 1
        end = text.find("\n", start)
        if (text[start:] if end < 0 else text[start:end]).rstrip() == FENCE:
            return Split(
                front=text[first_end + 1 : newline],
                body="" if end < 0 else text[end + 1 :],
                front_line=1,
                body_line=text.count("\n", 0, start) + 1,
            )
        newline = start
    raise BuildError(
        [
            Diagnostic(
                Loc(path, 1, 1),
                "unclosed front matter: no closing '---' line",
                "add a line '---' after the last front-matter key, before the text",
            )
        ]
    )
