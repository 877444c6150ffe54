"""One synthetic newspaper page of the bench corpus: its raw source text, its declared layout
and its content files (Chinese with front matter, English with ``translates:``).

The source text is written as an extractor gives a page (column-wrapped lines, no paragraph
marks) and the layout says where each block is, so that the project's own cut of the source
gives exactly the Chinese of the content files (``build.py check`` accounts for every line).
"""

from __future__ import annotations

import hashlib
import random
import unicodedata
from dataclasses import dataclass, field

import yaml
from textgen import Figure, Piece, Writer

# libyaml's emitter where PyYAML has it: the pure-Python one took two thirds of the generator's time.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
COLUMN = 24  # characters a source line holds (the real page's columns hold 13 to 26)
KIND_PREFIX = {"headline": "h", "deck": "d", "subhead": "s", "paragraph": "p", "standfirst": "f", "caption": "c"}
KIND_PREFIX |= {"credit": "r", "masthead": "m", "nameplate": "n", "footer": "o"}
SECTIONS = (("视野", "Vision"), ("要闻", "News"), ("经济", "Economy"), ("地方", "Regions"), ("民生", "Livelihoods"))


@dataclass
class Block:
    kind: str
    piece: Piece
    lines: tuple[int, int] = (0, 0)


@dataclass
class Doc:
    """A content file pair: the page's own blocks (kind "page") or an article."""

    id: str
    stem: str  # file name without .zh.md
    kind: str
    blocks: list[Block]
    notes: list[dict[str, str]] = field(default_factory=list)
    photos: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Page:
    date: str  # 2020-05-25
    number: int
    section: tuple[str, str]
    docs: list[Doc]  # docs[0] is the page's own file

    @property
    def key(self) -> str:
        return f"{self.date}/p{self.number:02d}"

    @property
    def source_name(self) -> str:
        return f"bench-{self.date}-p{self.number:02d}.txt"

    @property
    def title(self) -> Piece:
        return next(b.piece for b in self.docs[0].blocks if b.kind == "headline")


def local_ids(kinds: list[str]) -> list[str]:
    """As edition/ids.py numbers blocks: kind prefix + place among the blocks of that kind."""
    seen: dict[str, int] = {}
    out = []
    for kind in kinds:
        seen[kind] = seen.get(kind, 0) + 1
        out.append(f"{KIND_PREFIX.get(kind, 'x')}{seen[kind]}")
    return out


# ---------------------------------------------------------------- making a page


def make_article(writer: Writer, rng: random.Random, article_id: str, order: int) -> Doc:
    blocks = [Block("headline", writer.heading("headline"))]
    blocks += [Block("paragraph", writer.paragraph(rng.randint(2, 4))) for _ in range(2)]
    for _ in range(rng.randint(2, 3)):
        blocks.append(Block("subhead", writer.heading("subhead")))
        blocks += [Block("paragraph", writer.paragraph(rng.randint(2, 4))) for _ in range(rng.randint(1, 2))]
    first = blocks[1].piece
    note = {
        "id": "n1",
        "kind": "editorial",
        "block": "p1",
        "text": f"Synthetic note on {article_id}: every figure here is invented for the benchmark "
        f"(this paragraph prints {len(first.figures)} of them).",
    }
    notes = [note]
    if rng.random() < 0.75:  # the real page has 1.75 notes an article
        paragraphs = sum(b.kind == "paragraph" for b in blocks)
        n = rng.randint(1, paragraphs)
        piece = [b.piece for b in blocks if b.kind == "paragraph"][n - 1]
        notes.append(
            {
                "id": "n2",
                "kind": "context",
                "block": f"p{n}",
                "text": f"Synthetic context for {article_id}-p{n}: the paragraph names {len(piece.entities)} "
                f"entities, none of them in a real event.",
            }
        )
    return Doc(article_id, f"{order:02d}-{article_id}", "article", blocks, notes)


def make_page(writer: Writer, rng: random.Random, date: str, number: int, articles: list[Doc]) -> Page:
    section = rng.choice(SECTIONS)
    dotted = date.replace("-", ".")
    masthead = Piece(f"{section[0]} {dotted} 第{number}版", f"{section[1]} {dotted} Page {number}")
    standfirst = writer.paragraph(2)
    caption = writer.heading("subhead")
    caption.zh, caption.en = "图为" + caption.zh.replace(" ", "，"), "Pictured: " + caption.en
    credit = Piece()
    reporter = writer.person(credit)
    credit.zh, credit.en = (
        f"（本版文图由本报记者{reporter.zh}提供）",
        f"(Text and pictures on this page by {reporter.en}, staff reporter)",
    )
    writer.made.append(credit)
    blocks = [
        Block("masthead", masthead),
        Block("headline", writer.heading("headline")),
        Block("standfirst", standfirst),
        Block("caption", caption),
        Block("credit", credit),
    ]
    front = Doc(
        f"front-{date}-p{number:02d}", "00-page", "page", blocks, photos=[{"block": "c1", "article": articles[0].id}]
    )
    return Page(date, number, section, [front, *articles])


# ---------------------------------------------------------------- the source text and layout


def width_of(ch: str) -> float:
    """As edition/repair.py's display_width: CJK a full em, anything else half (no spaces here)."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def wrap(text: str, width: int = COLUMN) -> list[str]:
    """Column-wrap text as the page sets it: ``width`` ems a line (digits half an em)."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = width_of(ch)
        if used + w > width:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return [*lines, line] if line else lines


def lay_out(page: Page) -> tuple[str, str]:
    """The page's raw text and its layout.yaml; sets every block's source lines."""
    lines: list[str] = []

    def put(texts: list[str]) -> tuple[int, int]:
        first = len(lines) + 1
        lines.extend(texts)
        return first, len(lines)

    entries = []
    for doc in page.docs:
        layout_blocks: list[dict[str, object]] = []
        body: dict[str, object] | None = None
        for block in doc.blocks:
            if block.kind in ("paragraph", "subhead"):
                if body is None:
                    body = {"kind": "body", "lines": [len(lines) + 1, 0], "subheads": [], "breaks_after": []}
                    layout_blocks.append(body)
                if block.kind == "subhead":
                    block.lines = put([block.piece.zh])
                    body["subheads"].append(block.lines[0])  # type: ignore[attr-defined]
                else:
                    wrapped = wrap(block.piece.zh)
                    block.lines = put(wrapped)
                    # The cut's rule ends a paragraph on a short last line; one that (nearly) fills
                    # the column needs the layout's correction, as a real page's does.
                    if sum(map(width_of, wrapped[-1])) >= COLUMN - 4:
                        body["breaks_after"].append(block.lines[1])  # type: ignore[attr-defined]
                body["lines"][1] = block.lines[1]  # type: ignore[index]
            else:
                body = None
                block.lines = put(wrap(block.piece.zh) if block.kind == "standfirst" else [block.piece.zh])
                entry: dict[str, object] = {"kind": block.kind, "lines": list(block.lines)}
                if block.kind == "caption":
                    entry["article"] = doc.photos[0]["article"] if doc.photos else None
                layout_blocks.append(entry)
        for entry in layout_blocks:
            for key in ("subheads", "breaks_after"):
                if key in entry and not entry[key]:
                    del entry[key]
        entries.append({"file": doc.stem, "id": doc.id, "blocks": layout_blocks})
        lines.append("")  # a blank line between files: the extractor's page breaks
    layout = {"source": page.source_name, "page": entries[0], "articles": entries[1:]}
    text = yaml.dump(layout, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)
    return "\n".join(lines) + "\n", "# The declared layout of a synthetic bench page.\n" + text


# ---------------------------------------------------------------- content files


def text_hash(blocks: list[Block]) -> str:
    """What a translation translates: as edition/content.py's text_hash."""
    return hashlib.sha256("\n".join(f"{b.kind}\t{b.piece.zh}" for b in blocks).encode("utf-8")).hexdigest()[:16]


def markdown(kind: str, text: str) -> str:
    """How a block of a kind is written in a content file (as edition/cut.py writes it)."""
    if kind in ("headline", "subhead", "paragraph"):
        return {"headline": "# ", "subhead": "## "}.get(kind, "") + text
    return f"{{.{kind}}}\n{text}"


def labels(doc: Doc, extract: object) -> tuple[list[dict[str, object]], list[dict[str, str]]]:
    """Figure labels and arithmetic checks, naming each figure as the build finds it."""
    figures: list[dict[str, object]] = []
    checks: list[dict[str, str]] = []
    ids = local_ids([b.kind for b in doc.blocks])
    for local, block in zip(ids, doc.blocks, strict=True):
        found: dict[int, str] = {}
        quantities = extract(block.piece.zh) if callable(extract) else []
        mine: list[Figure] = block.piece.figures
        for q in quantities:
            if q.kind != "quantity" or block.piece.zh.count(q.text) != 1:
                continue
            match = next((f for f in mine if f.value == q.value and q.text in f.zh and id(f) not in found), None)
            if match is None:
                continue
            found[id(match)] = q.text
            figures.append({"text": q.text, "block": local, "label": match.label, "theme": match.theme})
        for n, (a, b, c) in enumerate(block.piece.sums, start=1):
            if all(id(f) in found for f in (a, b, c)):
                checks.append(
                    {
                        "id": f"{doc.id}-{local}-sum{n}",
                        "label": f"{a.en} + {b.en} = {c.en}",
                        "expr": f"{{{local}:{found[id(a)]}}} + {{{local}:{found[id(b)]}}} == {{{local}:{found[id(c)]}}}",
                    }
                )
    return figures, checks


def content_files(doc: Doc, order: int, page: Page, extract: object, title: str | None = None) -> tuple[str, str]:
    figures, checks = labels(doc, extract)
    front: dict[str, object] = {
        "id": doc.id,
        "kind": doc.kind,
        "order": order,
        "title": title or doc.blocks[0].piece.zh,
        "source": page.source_name,
    }
    if doc.photos:
        front["photos"] = doc.photos
    if doc.notes:
        front["notes"] = doc.notes
    if figures:
        front["figures"] = figures
    if checks:
        front["checks"] = checks
    head = yaml.dump(front, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=200)
    head += "blocks:  # source lines of each block below, in order\n"
    head += "".join(f"  - [{b.lines[0]}, {b.lines[1]}]\n" for b in doc.blocks)
    zh_body = "\n\n".join(markdown(b.kind, b.piece.zh) for b in doc.blocks)
    en_body = "\n\n".join(markdown(b.kind, b.piece.en) for b in doc.blocks)
    en_front = f'---\nid: {doc.id}\ntranslator: synthetic\ntranslates: "{text_hash(doc.blocks)}"\n---\n\n'
    return f"---\n{head}---\n\n{zh_body}\n", en_front + en_body + "\n"
