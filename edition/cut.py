"""The cut: raw page text + declared layout -> per-article Markdown with front matter.

``cut_page`` is pure (the fidelity check reuses it to know what every block should
say); ``write_cut`` is the only part that touches content/, and it never overwrites.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from edition import repair
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.ids import local_block_ids
from edition.yamlload import LineDict, check_keys, key_line, load_yaml

BLOCK_KEYS = {
    "kind", "lines", "undouble", "vertical", "phrase", "subheads",
    "breaks_after", "joins_after", "article", "note",
}  # fmt: skip
LAYOUT_KINDS = {
    "masthead", "nameplate", "footer", "headline", "deck", "standfirst", "caption", "credit", "body",
}  # fmt: skip
FILE_KEYS = {"file", "id", "title", "blocks"}


@dataclass(frozen=True)
class LayoutBlock:
    kind: str
    first: int
    last: int
    undouble: str | tuple[str, ...] | None = None
    vertical: bool = False
    phrase: int = 0
    subheads: tuple[int, ...] = ()
    breaks_after: tuple[int, ...] = ()
    joins_after: tuple[int, ...] = ()
    article: str | None = None
    note: str | None = None
    line: int = 0  # where the layout declares it


@dataclass(frozen=True)
class LayoutFile:
    file: str
    id: str
    order: int
    blocks: tuple[LayoutBlock, ...]
    title: str | None = None
    line: int = 0  # where the layout gives its id


@dataclass(frozen=True)
class Layout:
    source: str
    files: tuple[LayoutFile, ...]


@dataclass(frozen=True)
class CutBlock:
    kind: str  # headline, deck, subhead, paragraph, standfirst, caption, ...
    text: str
    first: int
    last: int
    artifacts: tuple[repair.Artifact, ...] = ()
    article: str | None = None
    note: str | None = None
    vertical: bool = False


@dataclass(frozen=True)
class CutFile:
    file: str
    id: str
    order: int
    blocks: tuple[CutBlock, ...]
    title: str | None = None


# -- reading the layout ---------------------------------------------------------------


def read_layout(path: Path, root: Path) -> Layout:
    name = rel(path, root)
    data = load_yaml(path.read_text(encoding="utf-8"), name)
    diags = Diagnostics()
    if not isinstance(data, dict) or "source" not in data:
        raise BuildError([Diagnostic(Loc(name, 1, 1), "layout has no 'source:'", "name the raw text file")])
    files: list[LayoutFile] = []
    entries = [data.get("page"), *list(data.get("articles") or [])]
    for order, entry in enumerate(entries):
        if not isinstance(entry, LineDict):
            diags.error(Loc(name, key_line(data, "articles")), "a layout file entry must be a mapping")
            continue
        check_keys(entry, FILE_KEYS, name, "layout file", diags)
        blocks = tuple(_layout_block(b, name, diags) for b in entry.get("blocks") or [])
        files.append(
            LayoutFile(
                str(entry.get("file")), str(entry.get("id")), order, blocks, entry.get("title"), key_line(entry, "id")
            )
        )
    diags.raise_if_errors()
    return Layout(str(data["source"]), tuple(files))


def _layout_block(entry: LineDict, name: str, diags: Diagnostics) -> LayoutBlock:
    check_keys(entry, BLOCK_KEYS, name, "layout", diags)
    kind = entry.get("kind")
    if kind not in LAYOUT_KINDS:
        diags.error(
            Loc(name, key_line(entry, "kind")), f"unknown block kind {kind!r}", f"use one of {sorted(LAYOUT_KINDS)}"
        )
    lines = entry.get("lines")
    if not (isinstance(lines, list) and len(lines) == 2 and all(isinstance(n, int) for n in lines)):
        diags.error(Loc(name, key_line(entry, "lines")), "'lines' must be [first, last]", "give two line numbers")
        lines = [0, 0]
    undouble = entry.get("undouble")
    return LayoutBlock(
        kind=str(kind),
        first=lines[0],
        last=lines[1],
        undouble=tuple(undouble) if isinstance(undouble, list) else undouble,
        vertical=bool(entry.get("vertical", False)),
        phrase=int(entry.get("phrase", 0)),
        subheads=tuple(entry.get("subheads") or ()),
        breaks_after=tuple(entry.get("breaks_after") or ()),
        joins_after=tuple(entry.get("joins_after") or ()),
        article=entry.get("article"),
        note=entry.get("note"),
        line=key_line(entry, "kind"),
    )


def misplaced_lines(layout: Layout, lines: Sequence[str], where: str) -> list[Diagnostic]:
    """An error for each block of the layout (``where``) whose 'lines' are not within the source
    (``lines``: the witness's, fidelitystage.witness_lines) or overlap another's, before
    anything is cut. A usage walk's [57, 59] on a 55-line source was cut into an empty block;
    the build then reported lines "claimed" 0-0 and lines in no block, and none of its errors
    named the layout."""
    count = len(lines)
    found = [
        Diagnostic(
            Loc(where, lb.line or 1, 1),
            f"{lf.id}: the {lb.kind} block's lines [{lb.first}, {lb.last}] are not within the source's {count} lines",
            f"correct 'lines:' against {layout.source}: its lines are numbered 1 to {count}, the first no later than the last",
        )
        for lf in layout.files
        for lb in lf.blocks
        if not 1 <= lb.first <= lb.last <= count
    ]
    # Two blocks over one line: the cut would write the line into both, and the build then
    # blame the Markdown files' 'blocks:' (usage walk 14)
    # (each block against the one reaching furthest before it, so that a block inside a long
    # one is found too: review 18)
    spans = sorted(((lb.first, lb.last, lf.id, lb) for lf in layout.files for lb in lf.blocks), key=lambda s: s[:2])
    reach: tuple[int, int, str, LayoutBlock] | None = None
    for span in spans:
        first, last, this_id, this = span
        if reach is not None and first <= reach[1]:
            _, _, before_id, before = reach
            # (one holds the other: within it, or beginning on its first line, review 19)
            inside = last <= before.last or first == before.first
            relation = "are within" if last <= before.last else "begin on the first line of" if inside else "overlap"
            found.append(
                Diagnostic(
                    Loc(where, this.line or 1, 1),
                    f"{this_id}: the {this.kind} block's lines [{first}, {last}] {relation} {before_id}'s"
                    f" {before.kind} block's [{before.first}, {before.last}] (at line {before.line})",
                    "a source line belongs to one block: "
                    + (
                        "take these lines out of the other block, or this block out of the layout"
                        if inside
                        else f"end the one before at line {first - 1}, or begin this one at line {before.last + 1}"
                    ),
                )
            )
        if reach is None or last > reach[1]:
            reach = span
    return found


# -- cutting (pure) ---------------------------------------------------------------------

# Furniture keeps its spacing: the footer's fields are separated by the spaces we would
# otherwise remove around numbers ("邮政编码100176 值班电话").
_KEEP_SPACES = {"masthead", "nameplate", "footer"}


def cut_page(source_lines: Sequence[str], layout: Layout) -> tuple[CutFile, ...]:
    """Apply the layout and the general repairs to the raw lines (1-based numbering)."""
    numbered = list(enumerate(source_lines, start=1))
    files = []
    for lf in layout.files:
        blocks: list[CutBlock] = []
        for lb in lf.blocks:
            span = numbered[lb.first - 1 : lb.last]
            blocks.extend(_cut_block(lb, span))
        files.append(CutFile(lf.file, lf.id, lf.order, tuple(blocks), lf.title))
    return tuple(files)


def _cut_block(lb: LayoutBlock, span: Sequence[tuple[int, str]]) -> list[CutBlock]:
    if lb.kind == "body":
        return _cut_body(lb, span)
    artifacts: list[repair.Artifact] = []
    if lb.vertical:
        joined = repair.join_vertical(span, lb.phrase)
        text, artifacts = joined.text, list(joined.artifacts)
    else:
        text = repair.join_wrapped([t for _, t in span if t.strip()])
    first_line = next((n for n, t in span if t.strip()), lb.first)
    if lb.undouble is not None:
        units = None if lb.undouble == "all" else lb.undouble
        fixed = repair.undouble(text, units, first_line)
        text, artifacts = fixed.text, artifacts + list(fixed.artifacts)
    text, artifacts = _finish(text, artifacts, first_line, lb.kind in _KEEP_SPACES)
    return [CutBlock(lb.kind, text, lb.first, lb.last, tuple(artifacts), lb.article, lb.note, lb.vertical)]


def _cut_body(lb: LayoutBlock, span: Sequence[tuple[int, str]]) -> list[CutBlock]:
    runs = _body_runs(lb, span)
    indent = _indent(lb, runs)
    blocks: list[CutBlock] = []
    for run in runs:
        if run and run[0][0] in lb.subheads:
            number, text = run[0]
            heading, artifacts = _finish(text.strip(), [], number, False)
            blocks.append(CutBlock("subhead", heading, number, number, tuple(artifacts)))
            continue
        for para in repair.split_paragraphs(run, lb.breaks_after, lb.joins_after, indent):
            text, artifacts = _finish(repair.join_wrapped([t for _, t in para]), [], para[0][0], False)
            blocks.append(CutBlock("paragraph", text, para[0][0], para[-1][0], tuple(artifacts)))
    return blocks


def _body_runs(lb: LayoutBlock, span: Sequence[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The body's lines in runs: each subhead alone, and the text between subheads."""
    runs: list[list[tuple[int, str]]] = [[]]
    for number, text in span:
        if number in lb.subheads:
            runs.extend([[(number, text)], []])
        else:
            runs[-1].append((number, text))
    return [run for run in runs if any(t.strip() for _, t in run)]


def _indent(lb: LayoutBlock, runs: list[list[tuple[int, str]]]) -> float | None:
    """The body's paragraph indent, read from all its runs of text together (one column's
    typesetting): the cut and the doubts must read it alike."""
    return repair.paragraph_indent([run for run in runs if run[0][0] not in lb.subheads])


@dataclass(frozen=True)
class Doubt:
    """A paragraph break the cut decided without clear evidence, for an editor to confirm."""

    file: LayoutFile
    block: LayoutBlock
    verdict: repair.Break


def doubtful_breaks(source_lines: Sequence[str], layout: Layout) -> tuple[Doubt, ...]:
    """Every paragraph break (or join) in the layout's body blocks that the page's geometry
    leaves in doubt. A line an editor listed in breaks_after or joins_after is not doubted."""
    numbered = list(enumerate(source_lines, start=1))
    doubts: list[Doubt] = []
    for lf in layout.files:
        for lb in lf.blocks:
            if lb.kind != "body":
                continue
            runs = [r for r in _body_runs(lb, numbered[lb.first - 1 : lb.last]) if r[0][0] not in lb.subheads]
            indent = _indent(lb, runs)
            for run in runs:
                verdicts = repair.judge_breaks(run, lb.breaks_after, lb.joins_after, indent)
                doubts.extend(Doubt(lf, lb, v) for v in verdicts if v.doubt)
    return tuple(doubts)


def _finish(
    text: str, artifacts: list[repair.Artifact], line: int, keep_spaces: bool
) -> tuple[str, list[repair.Artifact]]:
    mapped = repair.map_private_use(text, line)
    text, artifacts = mapped.text, artifacts + list(mapped.artifacts)
    if not keep_spaces:
        spaced = repair.normalise_number_spaces(text, line)
        text, artifacts = spaced.text, artifacts + list(spaced.artifacts)
    return text.strip(), artifacts


# -- writing Markdown ---------------------------------------------------------------------

MARKDOWN_PREFIX = {"headline": "# ", "subhead": "## "}


def block_markdown(kind: str, text: str) -> str:
    """How a block of a given kind is written in a content file."""
    if kind in MARKDOWN_PREFIX:
        return MARKDOWN_PREFIX[kind] + text
    if kind == "paragraph":
        return text
    return "{." + kind + "}\n" + text


def render_cut_file(cf: CutFile, source: str) -> str:
    ids = local_block_ids([b.kind for b in cf.blocks])
    front: dict[str, Any] = {
        "id": cf.id,
        "kind": "page" if cf.order == 0 else "article",
        "order": cf.order,
        "title": cf.title or next((b.text for b in cf.blocks if b.kind == "headline"), cf.id),
        "source": source,
    }
    vertical = [ids[i] for i, b in enumerate(cf.blocks) if b.vertical]
    if vertical:
        front["vertical"] = vertical
    photos = [{"block": ids[i], "article": b.article} for i, b in enumerate(cf.blocks) if b.kind == "caption"]
    if photos:
        front["photos"] = photos
    notes = [
        {"id": f"placement-{ids[i]}", "kind": "editorial", "block": ids[i], "text": b.note}
        for i, b in enumerate(cf.blocks)
        if b.note
    ]
    if notes:
        front["notes"] = notes
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=88)
    # One "[first, last]" per line keeps the block list scannable beside the text below.
    head += "blocks:  # source lines of each block below, in order\n"
    head += "".join(f"  - [{b.first}, {b.last}]\n" for b in cf.blocks)
    body = "\n\n".join(block_markdown(b.kind, b.text) for b in cf.blocks)
    return f"---\n{head}---\n\n{body}\n"


def write_cut(content_dir: Path, files: Sequence[CutFile], source: str) -> tuple[list[Path], list[Path]]:
    """Write each file that does not exist yet; return (written, kept)."""
    content_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    kept: list[Path] = []
    for cf in files:
        path = content_dir / f"{cf.file}.zh.md"
        if path.exists():
            kept.append(path)
            continue
        text = render_cut_file(cf, source)
        # "x" mode: even a file created between the check and the write is never replaced.
        handle = path.open("x", encoding="utf-8", newline="\n")
        try:
            with handle:
                handle.write(text)
        except BaseException:  # a full disk: no cut-short file, which the next cut would keep as an editor's
            path.unlink(missing_ok=True)
            raise
        written.append(path)
    return written, kept
