"""The cut and the fidelity account on the real page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from edition.assemble import assemble
from edition.config import load_config
from edition.content import load_content, load_pages
from edition.cut import cut_page, read_layout, render_cut_file, write_cut
from edition.errors import Diagnostics
from edition.fidelity import account
from edition.model import Edition
from edition.pipeline import build, make_edition


def _cut(root: Path) -> tuple[list[str], object]:
    layout = read_layout(root / "content/2020-05-25/p12/layout.yaml", root)
    lines = (root / "source" / layout.source).read_text(encoding="utf-8").split("\n")[:-1]
    return lines, cut_page(lines, layout)


def test_cut_gives_the_page_and_four_articles(root: Path) -> None:
    _, files = _cut(root)
    assert [f.id for f in files] == ["page", "paired-assistance", "urban-renewal", "business-support", "moyu"]  # type: ignore[attr-defined]
    kinds = [b.kind for b in files[0].blocks]  # type: ignore[index]
    assert kinds.count("caption") == 3 and "standfirst" in kinds and "credit" in kinds and "footer" in kinds


def test_cut_text_has_no_artifacts(root: Path) -> None:
    _, files = _cut(root)
    for f in files:  # type: ignore[attr-defined]
        for b in f.blocks:
            assert "\U001001b0" not in b.text
            assert "VisionVision" not in b.text and "提升城市品质提升城市品质" not in b.text
            assert "\n" not in b.text
            if b.kind not in ("masthead", "nameplate", "footer", "headline", "deck", "subhead"):
                assert " " not in b.text, b.text


def test_cut_writes_markdown_that_the_loader_reads(tmp_path: Path, root: Path) -> None:
    layout = read_layout(root / "content/2020-05-25/p12/layout.yaml", root)
    _, files = _cut(root)
    written, kept = write_cut(tmp_path, files, layout.source)  # type: ignore[arg-type]
    assert len(written) == 5 and not kept
    text = (tmp_path / "04-moyu.zh.md").read_text(encoding="utf-8")
    assert text.startswith("---\nid: moyu\n")
    assert "## 高位统筹 凝聚帮扶共识" in text


def test_cut_never_overwrites(tmp_path: Path, root: Path) -> None:
    layout = read_layout(root / "content/2020-05-25/p12/layout.yaml", root)
    _, files = _cut(root)
    (tmp_path / "04-moyu.zh.md").write_text("an editor's work", encoding="utf-8")
    written, kept = write_cut(tmp_path, files, layout.source)  # type: ignore[arg-type]
    assert [p.name for p in kept] == ["04-moyu.zh.md"]
    assert len(written) == 4
    assert (tmp_path / "04-moyu.zh.md").read_text(encoding="utf-8") == "an editor's work"


def test_cut_command_keeps_existing_content(site: Path) -> None:
    before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent.parent / "build.py"), "--root", str(site), "cut"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "never overwrites" in result.stdout
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == before


def test_rendered_cut_round_trips_through_the_fidelity_account(root: Path) -> None:
    lines, files = _cut(root)
    layout = read_layout(root / "content/2020-05-25/p12/layout.yaml", root)
    assert all(render_cut_file(f, layout.source) for f in files)  # type: ignore[attr-defined]
    edition, _, _ = make_edition(root)
    diags = Diagnostics()
    result = account(lines, files, edition.all_articles, "source.txt", diags)  # type: ignore[arg-type]
    assert result.accounted == result.total == 435
    assert not diags.items


def test_check_reports_every_line_accounted(root: Path) -> None:
    result = subprocess.run([sys.executable, str(root / "build.py"), "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "source lines accounted: 435/435" in result.stdout
    assert "paragraph breaks to confirm in the layout: 0" in result.stdout


def test_check_reports_a_dropped_line(site: Path, edit: Callable[[Path, str, str], None]) -> None:
    # Drop the text of source lines 107-109 from its paragraph, as a careless edit would.
    edit(
        site / "content/2020-05-25/p12/01-paired-assistance.zh.md",
        "项目140个，对受援地区22.19万人脱贫发挥了积极促进作用。",
        "",
    )
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    result = subprocess.run([sys.executable, build_py, "--root", str(site), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "source lines accounted: 433/435" in result.stdout
    assert "not accounted for: 107, 109" in result.stdout
    assert "content/2020-05-25/p12/01-paired-assistance.zh.md:" in result.stdout
    assert "departs from the source" in result.stdout


def test_check_reports_an_undeclared_change_and_accepts_a_declared_one(
    site: Path, edit: Callable[[Path, str, str], None]
) -> None:
    path = site / "content/2020-05-25/p12/04-moyu.zh.md"
    edit(path, "为全校424名学生", "为全校的424名学生")
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    result = subprocess.run([sys.executable, build_py, "--root", str(site), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/2020-05-25/p12/04-moyu.zh.md:" in result.stdout and "departs from the source" in result.stdout
    assert "source line(s) 806 not found" in result.stdout
    assert "为全校424名" in result.stdout and "为全校的424名" in result.stdout
    edit(
        path,
        "blocks:  #",
        "emendations:\n- block: p6\n  source: 全校424\n  reading: 全校的424\n  reason: test\nblocks:  #",
    )
    result = subprocess.run([sys.executable, build_py, "--root", str(site), "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


PAGE = "content/2020-05-25/p12"


def _cut_afresh(site: Path) -> None:
    for path in (site / PAGE).glob("*.md"):
        path.unlink()
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    subprocess.run([sys.executable, build_py, "--root", str(site), "cut"], capture_output=True, text=True, check=True)


def _assemble(site: Path) -> tuple[Edition | None, Diagnostics]:
    config = load_config(site / "site.toml", site)
    pages = load_pages(site / "content", site)
    docs, _, problems = load_content(site / "content", site)
    assert not problems
    diags = Diagnostics()
    return assemble(config, docs, pages, diags), diags


def test_cut_writes_english_skeletons_that_pass_the_alignment_check(site: Path) -> None:
    _cut_afresh(site)
    skeleton = (site / PAGE / "04-moyu.en.md").read_text(encoding="utf-8")
    assert skeleton.startswith('---\nid: moyu\ntranslator: "TODO: name the translator"\ntranslates: "ee327e979f364bdb"')
    assert "\n## TODO: translate s1\n" in skeleton  # the hash of the real Chinese text: the cut reproduces it
    edition, diags = _assemble(site)
    assert edition is not None and not diags.errors, diags.errors
    # two warnings an article: its blocks await translation, its translator is to be named
    assert len(diags.warnings) == 10, diags.warnings
    assert sum("await translation" in d.message for d in diags.warnings) == 5
    assert sum("translator is still the cut's placeholder" in d.message for d in diags.warnings) == 5
    assert len(edition.all_articles) == 5
    for article in edition.all_articles:
        assert not article.outdated and article.en_path
        assert all(b.en == "" and b.en_loc is not None for b in article.blocks)  # untranslated, not "TODO"


def test_a_page_just_cut_builds_and_shows_its_blocks_untranslated(site: Path, tmp_path: Path) -> None:
    """Found by a usage walk: the skeletons' placeholders were read as translations, and the
    number check refused every block whose Chinese has a figure; an editor could not preview a
    page before translating every number."""
    _cut_afresh(site)
    result = build(site, tmp_path / "out", search=False)
    assert sum("await translation" in w.message for w in result.warnings) == 5
    # a block awaiting its translation names nothing yet: no "none of its English forms" for it
    # (found by a usage walk: one warning per name of every untranslated block)
    assert not [w for w in result.warnings if "none of its English forms" in w.message]
    html = (tmp_path / "out/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert "TODO: translate" not in html and 'class="en untranslated"' in html
    # an article without an English title is named by its Chinese one (found by review: the
    # English view's <title>, contents and previous/next links were empty)
    english = (tmp_path / "out/en/2020-05-25/p12/moyu/index.html").read_text(encoding="utf-8")
    assert "<title>携手新疆墨玉 坚决打赢脱贫攻坚战 — " in english
    # its headline, not translated, says what it is (found by a usage walk: "Not yet translated."
    # alone headed the English page)
    assert re.search(
        r'<h1>  <span class="zh" lang="zh-Hans">携手新疆墨玉 坚决打赢脱贫攻坚战</span>\s*<span class="en untranslated"',
        english,
    )
    front = (tmp_path / "out/en/2020-05-25/p12/index.html").read_text(encoding="utf-8")
    assert "携手新疆墨玉" in front and not re.search(r"Article \d+</a>", front)
    # marked as Chinese on the English page; no empty English title anywhere (found by review:
    # the vocabulary's heading had an empty span, schema.org an empty alternativeHeadline)
    assert re.search(r'rel="prev"[^>]*><span class="dir">[^<]*</span> <span lang="zh-Hans">主动担当', english)
    assert '"alternativeHeadline"' not in english and '"workTranslation"' not in english
    # its citations are the original's only (found by review: the Chinese title stood in as the
    # translation's, "“携手…” [携手…]", with a BibTeX entry for a translation that is not there)
    assert "“携手新疆墨玉 坚决打赢脱贫攻坚战.” 中国改革报 (China Reform Daily), May 25, 2020, 12." in english
    assert "Translated by" not in english and "@misc{" not in english and "titleaddon" not in english
    assert "data-passage-cite='[]'" in english
    words = (tmp_path / "out/2020-05-25/p12/moyu/words/index.html").read_text(encoding="utf-8")
    assert '<span class="en-title"></span>' not in words


def test_a_skeleton_missing_a_block_fails_the_alignment_check(site: Path) -> None:
    _cut_afresh(site)
    path = site / PAGE / "04-moyu.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("TODO: translate p3\n\n", ""), encoding="utf-8")
    _, diags = _assemble(site)
    assert any("block 5 is a subhead but the Chinese block it pairs with" in d.message for d in diags.errors)


def test_cut_of_one_folder_checks_it_is_a_page_and_its_witness(site: Path) -> None:
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")

    def cut(folder: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, build_py, "--root", str(site), "cut", folder], capture_output=True, text=True
        )

    result = cut("content")
    assert result.returncode == 1 and "content: error: not a page folder: it has no page.toml" in result.stderr
    witness = site / "source/china-reform-daily-2020-05-25-p12.txt"
    witness.write_bytes(witness.read_bytes() + b"\n")
    result = cut(PAGE)
    assert result.returncode == 1
    line = next(
        n
        for n, t in enumerate((site / PAGE / "page.toml").read_text(encoding="utf-8").split("\n"), 1)
        if "source_sha256 =" in t
    )
    assert (
        f"{PAGE}/page.toml:{line}:1: error: the source text source/china-reform-daily-2020-05-25-p12.txt is not the one"
        in result.stderr
    )


def test_a_cut_that_fills_the_disk_leaves_no_cut_short_file(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails half-way (a full disk) leaves no file behind: a cut-short file would
    be kept by the next cut as an editor's (found by review). The next cut writes it whole."""
    layout = read_layout(root / "content/2020-05-25/p12/layout.yaml", root)
    _, files = _cut(root)
    real_open = Path.open

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_: object) -> None:
            self.handle.close()

        def write(self, text: str) -> None:
            self.handle.write(text[:40])
            raise OSError(28, "No space left on device")

    def failing(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        return Full(handle) if mode == "x" and self.name.startswith("02-") else handle

    monkeypatch.setattr(Path, "open", failing)
    with pytest.raises(OSError, match="No space left"):
        write_cut(tmp_path, files, layout.source)  # type: ignore[arg-type]
    assert (tmp_path / "01-paired-assistance.zh.md").is_file()
    assert not (tmp_path / "02-urban-renewal.zh.md").exists()
    monkeypatch.undo()
    written, kept = write_cut(tmp_path, files, layout.source)  # type: ignore[arg-type]
    assert [p.name for p in kept] == ["00-page.zh.md", "01-paired-assistance.zh.md"] and len(written) == 3
    assert (tmp_path / "02-urban-renewal.zh.md").read_text(encoding="utf-8") == render_cut_file(
        next(f for f in files if f.file.startswith("02-")), layout.source
    )


def test_a_layout_past_the_sources_end_is_one_error_naming_the_layout(
    site: Path, edit: Callable[[Path, str, str], None]
) -> None:
    """Usage walk 14: lines past the witness's last line were cut into an empty block, and the
    build and check then reported lines "claimed" 0-0 and lines in no block, naming files the
    editor had not touched and never the layout. The cut, the build and check now say it once, at
    the layout's block, and the cut writes nothing."""
    layout = site / "content/2020-05-25/p12/layout.yaml"
    edit(layout, "lines: [648, 836]", "lines: [648, 845]")
    line = (
        next(n for n, text in enumerate(layout.read_text(encoding="utf-8").split("\n"), 1) if "[648, 845]" in text) - 1
    )
    said = (
        f"content/2020-05-25/p12/layout.yaml:{line}:1: error: moyu: the body block's lines [648, 845] are not within "
        "the source's 841 lines — correct 'lines:' against china-reform-daily-2020-05-25-p12.txt: its lines are "
        "numbered 1 to 841, the first no later than the last"
    )
    before = {p: p.read_bytes() for p in (site / "content").rglob("*.md")}
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    for command, out in (("cut", "stderr"), ("build", "stderr"), ("check", "stdout")):
        args = [sys.executable, build_py, "--root", str(site), command]
        result = subprocess.run(
            args + (["-q", "--no-search"] if command == "build" else []), capture_output=True, text=True
        )
        assert result.returncode == 1, command
        lines = getattr(result, out).splitlines()
        assert said in lines, (command, lines)
        assert not [n for n in lines if "claim" in n or "in no block" in n], (command, lines)
    assert before == {p: p.read_bytes() for p in (site / "content").rglob("*.md")}


def test_an_article_without_its_english_file_is_warned_of(site: Path) -> None:
    """Usage walk 14: with its English file deleted, an article was published as "not yet
    translated" throughout, without a word from the build."""
    from edition.pipeline import make_edition

    (site / "content/2020-05-25/p12/02-urban-renewal.en.md").unlink()
    _, warnings, _ = make_edition(site)
    assert [str(w) for w in warnings if "English file" in w.message] == [
        "content/2020-05-25/p12/02-urban-renewal.zh.md:1:1: warning: urban-renewal has no English file "
        "(content/2020-05-25/p12/02-urban-renewal.en.md); readers see every block as not yet translated — "
        "run ./run cut: it writes the missing file's skeleton and overwrites nothing; then translate it"
    ]


def test_the_about_page_lists_each_translation_statement_with_its_articles(
    site: Path, tmp_path: Path, edit: Callable[[Path, str, str], None]
) -> None:
    """Usage walk 14: a second page's translator and the first's ran together in one sentence
    ("… no human translator has reviewed it; Walk-14 tester")."""
    from edition.pipeline import build

    path = site / "content/2020-05-25/p12/04-moyu.en.md"
    old = next(line for line in path.read_text(encoding="utf-8").split("\n") if line.startswith("translator:"))
    edit(path, old, "translator: A. Translator (by hand)")
    build(site, tmp_path / "out", search=False)
    about = (tmp_path / "out/about/index.html").read_text(encoding="utf-8")
    items = re.findall(r"<li>(.*?)</li>", about.split('<ul class="translators">')[1].split("</ul>")[0])
    assert len(items) == 2
    assert items[0].startswith("Drafted by an AI model") and "Moyu" not in items[0]
    assert items[1].startswith("A. Translator (by hand): <a href=") and items[1].count("<a ") == 1
    assert "Translation: " not in about
    # in a Chinese view too, the list is English, as the section it stands in (review 18)
    zh = (tmp_path / "out/zh/about/index.html").read_text(encoding="utf-8")
    [moyu] = re.findall(r"<li>A\. Translator \(by hand\): (.*?)</li>", zh)
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"<[^>]+>", "", moyu)), moyu


def test_a_second_pages_file_with_a_taken_id_stops_the_cut_and_the_build_says_it_once(site: Path) -> None:
    """Usage walk 14: a new page's own file copied the first page's id ('page', as the README
    said the first page's is). The cut wrote it into two files; the build then named one of the
    four places to change, with a second, false error ("found 0" page files). The cut now stops
    at the layout's id, and the build's error is the one."""
    first = site / "content/2020-05-25/p12"
    second = site / "content/2020-05-26/p03"
    second.mkdir(parents=True)
    (second / "page.toml").write_text(
        (first / "page.toml")
        .read_text(encoding="utf-8")
        .replace('date = "2020-05-25"', 'date = "2020-05-26"')
        .replace("page = 12", "page = 3"),
        encoding="utf-8",
    )
    layout = (first / "layout.yaml").read_text(encoding="utf-8")
    page_part = layout.split("\narticles:")[0]  # the page's own file alone, id 'page'
    (second / "layout.yaml").write_text(page_part + "\narticles: []\n", encoding="utf-8")
    line = next(n for n, text in enumerate(page_part.split("\n"), 1) if text.strip() == "id: page")
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    result = subprocess.run(
        [sys.executable, build_py, "--root", str(site), "cut", "content/2020-05-26/p03"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"content/2020-05-26/p03/layout.yaml:{line}:1: error: id 'page' is taken: it is given already at "
        f"content/2020-05-25/p12/layout.yaml:{line} — ids are unique across the archive (a page's own file's too): "
        "give this one its own (e.g. 'page-2020-05-26-p03')",
        "cut failed: 1 error(s); no file was written",
    ]
    assert sorted(p.name for p in second.iterdir()) == ["layout.yaml", "page.toml"]  # nothing written
    # review 18: with the first page's witness changed the check was silently off
    settings = first / "page.toml"
    edited = settings.read_text(encoding="utf-8").replace('source_sha256 = "77cd', 'source_sha256 = "00cd')
    assert 'source_sha256 = "00cd' in edited
    settings.write_text(edited)
    result = subprocess.run(
        [sys.executable, build_py, "--root", str(site), "cut", "content/2020-05-26/p03"], capture_output=True, text=True
    )
    assert result.returncode == 1 and "error: id 'page' is taken" in result.stderr
    settings.write_text(settings.read_text(encoding="utf-8").replace('source_sha256 = "00cd', 'source_sha256 = "77cd'))
    # as if cut anyway: the build's one error names every place the id is
    shutil.copy(first / "00-page.zh.md", second / "00-page.zh.md")
    result = subprocess.run(
        [sys.executable, build_py, "--root", str(site), "build", "-q", "--no-search"], capture_output=True, text=True
    )
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, errors
    assert "duplicate id 'page'" in errors[0] and "layout.yaml" in errors[0]


def test_overlapping_layout_blocks_are_one_error_naming_both(
    site: Path, edit: Callable[[Path, str, str], None]
) -> None:
    """Usage walk 14: a headline's [11, 13] and a body's [13, 31] were cut with line 13 in both;
    the build's error told the editor to correct the Markdown files' 'blocks:'."""
    layout = site / "content/2020-05-25/p12/layout.yaml"
    edit(layout, "lines: [45, 45]", "lines: [45, 47]")  # into paired-assistance's headline, [47, 61]
    text = layout.read_text(encoding="utf-8").split("\n")
    build_py = str(Path(__file__).resolve().parent.parent / "build.py")
    result = subprocess.run([sys.executable, build_py, "--root", str(site), "cut"], capture_output=True, text=True)
    assert result.returncode == 1
    [error, failed] = result.stderr.splitlines()
    assert failed == "cut failed: 1 error(s); no file was written"
    assert (
        ": error: paired-assistance: the headline block's lines [47, 61] overlap moyu's headline block's [45, 47]"
        in error
    )
    assert error.endswith(
        "a source line belongs to one block: end the one before at line 46, or begin this one at line 48"
    )
    where = int(error.split(":")[1])
    assert text[where - 1].strip() == "- kind: headline" and "[47, 61]" in text[where], error


def test_a_block_inside_another_is_found_too() -> None:
    """Review 18: the check compared neighbours only, so of [1, 20], [5, 6] and [10, 12] the
    last was not found."""
    from edition.cut import Layout, LayoutBlock, LayoutFile, misplaced_lines

    blocks = tuple(
        LayoutBlock(kind="body", first=a, last=b, line=n) for n, (a, b) in enumerate([(1, 20), (5, 6), (10, 12)], 1)
    )
    problems = misplaced_lines(Layout("w.txt", (LayoutFile("x.md", "x", 1, blocks),)), ["line"] * 30, "layout.yaml")
    assert [(p.loc.line, p.message) for p in problems] == [
        (2, "x: the body block's lines [5, 6] are within x's body block's [1, 20] (at line 1)"),
        (3, "x: the body block's lines [10, 12] are within x's body block's [1, 20] (at line 1)"),
    ]
    same = (LayoutBlock(kind="body", first=5, last=6, line=1), LayoutBlock(kind="body", first=5, last=20, line=2))
    [problem] = misplaced_lines(Layout("w.txt", (LayoutFile("x.md", "x", 1, same),)), ["line"] * 30, "layout.yaml")
    assert (
        problem.message
        == "x: the body block's lines [5, 20] begin on the first line of x's body block's [5, 6] (at line 1)"
    )
    assert problem.hint.endswith("take these lines out of the other block, or this block out of the layout")
