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
    lines = text.split("\n")
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
    if lines[0].rstrip() != FENCE:
        raise BuildError(
            [
                Diagnostic(
                    Loc(path, 1, 1),
                    "missing front matter: the file must start with a line '---'",
                    "add '---', the YAML front matter (at least 'id:'), and a closing '---' above the text",
                )
            ]
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return Split(
                front="\n".join(lines[1:index]),
                body="\n".join(lines[index + 1 :]),
                front_line=1,
                body_line=index + 1,
            )
    raise BuildError(
        [
            Diagnostic(
                Loc(path, 1, 1),
                "unclosed front matter: no closing '---' line",
                "add a line '---' after the last front-matter key, before the text",
            )
        ]
    )
