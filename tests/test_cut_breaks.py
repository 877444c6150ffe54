"""Paragraph breaks on a page set at another column width: the cut is right, or it says so.

The real page's body text is re-set here at other widths (each paragraph re-joined and
broken again, as a typesetter would), and cut with a layout that declares no corrections.
Every paragraph boundary the cut gets wrong must be among the breaks it flags for an editor.
"""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from edition import repair
from edition.cut import Layout, LayoutBlock, LayoutFile, cut_page, doubtful_breaks, read_layout

ROOT = Path(__file__).resolve().parent.parent
BUILD = str(ROOT / "build.py")

# A line may not start with closing punctuation nor end with an opening one.
NO_START = "，。、；：！？）》」』”’…%"
NO_END = "（《「『“‘"
LATIN = re.compile(r"[A-Za-z0-9.%]+")  # a number or a word is never broken


@dataclass(frozen=True)
class Article:
    id: str
    items: tuple[tuple[str, str], ...]  # ("paragraph" | "subhead", raw text), in order


def real_articles() -> list[Article]:
    """The real page's bodies as the cut reads them: paragraphs and subheads, raw text."""
    layout = read_layout(ROOT / "content/2020-05-25/p12/layout.yaml", ROOT)
    source = (ROOT / "source" / layout.source).read_text(encoding="utf-8").split("\n")
    articles = []
    for lf, cf in zip(layout.files, cut_page(source, layout), strict=True):
        for lb in lf.blocks:
            if lb.kind == "body":
                items = tuple(
                    (b.kind, repair.join_wrapped([source[n - 1] for n in range(b.first, b.last + 1)]))
                    for b in cf.blocks
                    if lb.first <= b.first <= lb.last
                )
                articles.append(Article(lf.id, items))
    return articles


def pieces(text: str) -> list[str]:
    """What a line break may not split: a number or word, a character with the closing
    punctuation after it, an opening quote with what follows."""
    out: list[str] = []
    i = 0
    while i < len(text):
        match = LATIN.match(text, i)
        piece = match.group() if match else text[i]
        i += len(piece)
        if out and (piece[0] in NO_START or out[-1][-1] in NO_END):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def rewrap(text: str, width: int, indent: int, style: str) -> list[str]:
    """Break a paragraph into lines of ``width`` ems, the first ``indent`` ems short.

    style: "push" never passes the column; "squeeze" sets a line's closing punctuation at
    half width to fit it; "hang" lets closing punctuation hang past the column.
    """
    lines: list[str] = []
    line = ""
    measure = width - indent
    for piece in pieces(text):
        core = piece.rstrip(NO_START)
        need = repair.display_width(line + piece)
        if style == "hang":
            need = repair.display_width(line + core)
        elif style == "squeeze":
            need -= (len(piece) - len(core)) / 2
        if line.strip() and need > measure:
            lines.append(line.strip())
            line, measure = "", width
        line += piece
    return [*lines, line.strip()] if line.strip() else lines


@dataclass(frozen=True)
class Reset:
    """A page re-set: its source lines, a layout without corrections, the true breaks."""

    lines: list[str]
    layout: Layout
    truth: frozenset[int]  # source lines that end a paragraph


def reset_page(articles: list[Article], width: int, indent: int, style: str) -> Reset:
    lines: list[str] = []
    files = []
    truth: set[int] = set()
    for order, article in enumerate(articles, start=1):
        first = len(lines) + 1
        subheads = []
        for kind, text in article.items:
            for part in [text] if kind == "subhead" else rewrap(text, width, indent, style):
                lines.extend([part, ""])  # the extractor's blank line after each line
            if kind == "subhead":
                subheads.append(len(lines) - 1)
            else:
                truth.add(len(lines) - 1)
        body = LayoutBlock("body", first, len(lines) - 1, subheads=tuple(subheads))
        files.append(LayoutFile(f"{order:02d}-{article.id}", article.id, order, (body,)))
    return Reset(lines, Layout("reset.txt", tuple(files)), frozenset(truth))


def cut_breaks(reset: Reset) -> set[int]:
    return {b.last for f in cut_page(reset.lines, reset.layout) for b in f.blocks if b.kind == "paragraph"}


ARTICLES = real_articles()
WIDTHS = range(8, 33)


def test_the_reset_page_has_the_real_pages_paragraphs() -> None:
    reset = reset_page(ARTICLES, 20, 2, "squeeze")
    assert len(reset.truth) == sum(kind == "paragraph" for a in ARTICLES for kind, _ in a.items) == 38
    corrected = [
        LayoutFile(f.file, f.id, f.order, tuple(_confirm(b, reset.truth) for b in f.blocks)) for f in reset.layout.files
    ]
    texts = [b.text for f in cut_page(reset.lines, Layout("reset.txt", tuple(corrected))) for b in f.blocks]
    real = read_layout(ROOT / "content/2020-05-25/p12/layout.yaml", ROOT)
    source = (ROOT / "source" / real.source).read_text(encoding="utf-8").split("\n")
    bodies = [b for f in cut_page(source, real) for b in f.blocks if b.kind in ("paragraph", "subhead")]
    assert texts == [b.text for b in bodies]  # the same Chinese text, block for block


def _confirm(block: LayoutBlock, truth: frozenset[int]) -> LayoutBlock:
    """The layout an editor would write after confirming every sentence end in the body."""
    span = range(block.first, block.last + 1)
    return LayoutBlock(
        block.kind,
        block.first,
        block.last,
        subheads=block.subheads,
        breaks_after=tuple(n for n in span if n in truth),
        joins_after=tuple(n for n in span if n not in truth and n not in block.subheads),
    )


@pytest.mark.parametrize("style", ["push", "squeeze", "hang"])
@pytest.mark.parametrize("indent", [2, 0])
def test_a_wrong_paragraph_boundary_is_never_silent(style: str, indent: int) -> None:
    wrong_at: dict[int, list[int]] = {}
    for width in WIDTHS:
        reset = reset_page(ARTICLES, width, indent, style)
        wrong = cut_breaks(reset) ^ reset.truth
        flagged = {d.verdict.line for d in doubtful_breaks(reset.lines, reset.layout)}
        assert wrong <= flagged, f"width {width}: lines {sorted(wrong - flagged)} are wrong and not flagged"
        wrong_at[width] = sorted(wrong)
    if indent:
        # Indented paragraphs give the rule its evidence: at most a few wrong in 25 widths.
        assert sum(len(w) for w in wrong_at.values()) <= 6, wrong_at


def test_an_indented_page_at_another_width_is_cut_right_or_flagged_sparingly() -> None:
    flags = [len(doubtful_breaks(r.lines, r.layout)) for r in (reset_page(ARTICLES, w, 2, "squeeze") for w in WIDTHS)]
    assert sum(flags) <= 4, flags  # 100 article-settings, 950 boundaries: rarely an editor's question


def test_confirmed_breaks_are_no_longer_flagged_and_the_cut_follows_them() -> None:
    reset = reset_page(ARTICLES, 20, 0, "push")  # no indent: the hardest page
    doubts = doubtful_breaks(reset.lines, reset.layout)
    assert doubts and cut_breaks(reset) != reset.truth
    files = tuple(
        LayoutFile(f.file, f.id, f.order, tuple(_confirm(b, reset.truth) for b in f.blocks)) for f in reset.layout.files
    )
    confirmed = Reset(reset.lines, Layout("reset.txt", files), reset.truth)
    assert doubtful_breaks(confirmed.lines, confirmed.layout) == ()
    assert cut_breaks(confirmed) == reset.truth


def test_the_real_page_has_no_doubtful_break() -> None:
    layout = read_layout(ROOT / "content/2020-05-25/p12/layout.yaml", ROOT)
    source = (ROOT / "source" / layout.source).read_text(encoding="utf-8").split("\n")
    assert doubtful_breaks(source, layout) == ()


def test_cut_command_flags_doubts_at_source_lines_until_confirmed(tmp_path: Path) -> None:
    """A page folder named on the command line: the cut writes its files and lists its doubts
    as `source:line:1: warning:` lines; confirmed in layout.yaml, they are gone."""
    reset = reset_page(ARTICLES[:1], 20, 0, "push")  # the first article, set without indents
    (tmp_path / "source").mkdir()
    witness = ("\n".join(reset.lines) + "\n").encode("utf-8")
    (tmp_path / "source/reset.txt").write_bytes(witness)
    page = tmp_path / "content/2020-05-25/p12"
    page.mkdir(parents=True)
    settings = (ROOT / "content/2020-05-25/p12/page.toml").read_text(encoding="utf-8")
    settings = settings.replace("china-reform-daily-2020-05-25-p12.txt", "reset.txt")
    settings = re.sub(r'source_sha256 = "\w+"', f'source_sha256 = "{hashlib.sha256(witness).hexdigest()}"', settings)
    (page / "page.toml").write_text(settings, encoding="utf-8")
    body = reset.layout.files[0].blocks[0]
    entry: dict[str, Any] = {"kind": "body", "lines": [body.first, body.last], "subheads": list(body.subheads)}
    layout = {
        "source": "reset.txt",
        "page": {"file": "00-page", "id": "page", "blocks": []},
        "articles": [{"file": "01-paired", "id": "paired-assistance", "blocks": [entry]}],
    }
    (page / "layout.yaml").write_text(yaml.safe_dump(layout, allow_unicode=True), encoding="utf-8")

    def cut() -> str:
        run = subprocess.run(
            [sys.executable, BUILD, "--root", str(tmp_path), "cut", "content/2020-05-25/p12"],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        return run.stdout

    out = cut()
    assert (
        "wrote content/2020-05-25/p12/01-paired.zh.md" in out and "wrote content/2020-05-25/p12/01-paired.en.md" in out
    )
    flagged = sorted(
        int(n)
        for n in re.findall(r"^source/reset\.txt:(\d+):1: warning: paired-assistance: paragraph break\?", out, re.M)
    )
    assert flagged == sorted(d.verdict.line for d in doubtful_breaks(reset.lines, reset.layout)) != []
    assert "breaks_after" in out and "content/2020-05-25/p12/layout.yaml:" in out
    entry["breaks_after"] = [n for n in flagged if n in reset.truth]
    entry["joins_after"] = [n for n in flagged if n not in reset.truth]
    (page / "layout.yaml").write_text(yaml.safe_dump(layout, allow_unicode=True), encoding="utf-8")
    out = cut()
    assert "warning" not in out and "kept  content/2020-05-25/p12/01-paired.zh.md" in out


HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"


def random_paragraph(rng: random.Random) -> str:
    """Made-up text with the page's punctuation, numbers and quotations."""
    sentences = []
    for _ in range(rng.randint(1, 6)):
        clauses = []
        for _ in range(rng.randint(1, 4)):
            clause = ""
            for _ in range(rng.randint(3, 14)):
                roll = rng.random()
                if roll < 0.05:
                    clause += rng.choice(["3", "12", "2020", "13.84", "7327", "48.6", "100"])
                elif roll < 0.07:
                    clause += "“" + "".join(rng.choices(HANZI, k=rng.randint(2, 5))) + "”"
                else:
                    clause += rng.choice(HANZI)
            clauses.append(clause)
        sentences.append("".join(c + rng.choice("，，，、；") for c in clauses)[:-1] + rng.choice("。。。！？"))
    return "".join(sentences)


def test_random_text_is_rarely_wrong_silently() -> None:
    """Beyond the real page: 300 pages of made-up text, any width, style and indent. Its
    paragraphs are often one or two lines, which starves the rule of evidence; a handful of
    boundaries in two thousand may still be wrong without a flag (measured: 1 of 2,073, and
    327 lines flagged)."""
    boundaries = silent = flagged = 0
    for seed in range(300):
        rng = random.Random(seed)
        paragraphs = [random_paragraph(rng) for _ in range(rng.randint(2, 12))]
        width, indent, style = rng.randint(8, 32), rng.choice([0, 2, 2]), rng.choice(["push", "squeeze", "hang"])
        lines: list[tuple[int, str]] = []
        truth = set()
        for paragraph in paragraphs:
            lines.extend((len(lines) + 1, text) for text in rewrap(paragraph, width, indent, style))
            truth.add(len(lines))
        verdicts = repair.judge_breaks(lines)
        wrong = {v.line for v in verdicts if v.ends_paragraph} ^ truth
        boundaries += len(truth)
        silent += len(wrong - {v.line for v in verdicts if v.doubt})
        flagged += sum(bool(v.doubt) for v in verdicts)
    assert silent <= 3 and flagged <= 0.2 * boundaries, (silent, flagged, boundaries)
