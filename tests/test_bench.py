"""The bench's own parts (bench/): the corpus has unique, checkable text; memory is summed
over a build's processes; the report judges the issue's targets. Quick: no big builds."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402
from proc import run_child  # noqa: E402
from report import Row, targets  # noqa: E402
from sizes import account, text_bytes  # noqa: E402

from edition.numbers import compare  # noqa: E402


def bodies(path: Path) -> list[str]:
    """The blocks of a content file (front matter dropped, attribute lines kept with their block)."""
    text = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [b.strip() for b in text.split("\n\n") if b.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(40, tmp_path_factory.mktemp("bench") / "corpus")


def test_the_corpus_is_an_archive_of_pages_of_ten_to_twenty_articles(corpus: Path) -> None:
    pages = sorted(p.parent for p in (corpus / "content").rglob("page.toml"))
    sizes = [len(list(p.glob("[0-9][0-9]-a*.zh.md"))) for p in pages]
    assert sum(sizes) == 40
    assert all(10 <= s <= 20 for s in sizes[:-1]) and 1 <= sizes[-1] <= 20
    assert all(p.parent.name.startswith("2020-") and p.name.startswith("p") for p in pages)
    for page in pages:
        assert (page / "layout.yaml").is_file() and (page / "00-page.zh.md").is_file()
        source = (page / "page.toml").read_text(encoding="utf-8").split('source = "', 1)[1].split('"', 1)[0]
        assert (corpus / source).is_file()


def test_no_block_of_text_is_repeated_and_every_translation_has_its_numbers(corpus: Path) -> None:
    seen: Counter[str] = Counter()
    for zh_path in (corpus / "content").rglob("*.zh.md"):
        zh = bodies(zh_path)
        en = bodies(zh_path.with_name(zh_path.name.replace(".zh.", ".en.")))
        assert len(zh) == len(en), zh_path
        seen.update(zh)
        for z, e in zip(zh, en, strict=True):
            result = compare(z, e)
            assert not result.missing and not result.unexpected, (z, e)
    assert seen and max(seen.values()) == 1, seen.most_common(3)


def test_the_archive_checks_cleanly_with_every_source_line_accounted(corpus: Path) -> None:
    done = subprocess.run(
        [sys.executable, ROOT / "build.py", "--root", corpus, "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    accounts = [
        line.split(": ")[-1].split("/") for line in done.stdout.splitlines() if "source lines accounted" in line
    ]
    assert len(accounts) == len(list((corpus / "content").rglob("page.toml"))) > 1
    assert all(counted == total for counted, total in accounts)
    assert "warning" not in done.stdout and "error" not in done.stdout
    assert "arithmetic checks: 0," not in done.stdout and ", failing: 0" in done.stdout


def test_memory_is_summed_over_the_build_and_the_processes_it_starts(tmp_path: Path) -> None:
    # A parent and the child it forks each hold 60 MB of their own for over half a second:
    # the largest single process (RSS) holds about 70 MB, the two together about 130 MB.
    script = (
        "import os, time\n"
        "pid = os.fork()\n"
        "mine = b'x' * (60 << 20)\n"
        "time.sleep(0.7)\n"
        "os._exit(0) if pid == 0 else os.wait()\n"
    )
    child = run_child([sys.executable, "-c", script], tmp_path)
    assert child.returncode == 0
    # (The child's own peak RSS, from wait4, also counts the pages it shared with the process
    # that forked it before exec: in a large test process it is that process's size, so only
    # the sum is asserted.)
    assert child.pss_mb > 115


def test_the_report_judges_each_target_at_its_sizes() -> None:
    row = Row(1000, ours_s=6.0, hugo_s=14.0, edit_ms=400.0, quick_ms=30.0, ours_bytes=90 * 1024 * 1000)
    lines = targets([row], real_s=0.6)
    text = "\n".join(lines)
    assert "cold build <= 0.5x the same-work twin: N=1,000: 0.43x (limit 0.50x): met" in text
    assert "all of output/ up to date <= 300 ms: N=1,000: 400 ms (limit 300 ms): NOT met (indicative" in text
    assert "the article's own pages <= 50 ms: N=1,000: 30 ms (limit 50 ms): met (indicative" in text
    assert "output <= 100 KB per article (all views): N=1,000: 90.0 KB (limit 100.0 KB): met" in text
    assert "real edition, cold build <= 0.5 s: 0.600 s (limit 0.500 s): NOT met" in text
    assert "PSS" not in text  # not measured: no line


def test_the_size_account_puts_each_file_under_its_kind(built: tuple[object, Path]) -> None:
    """bench/sizes.py: every byte of the real edition is counted once; an article page's
    notes are a part of it, in each of the four views."""
    out = built[1]
    kinds, views, total, texts = account(out)
    sections = {"  of which: notes sections", "  of which: 'cite this'"}
    assert sum(v for k, v in kinds.items() if k not in sections) == total
    assert set(views) == {f"  in the {v} view" for v in ("parallel", "zh/", "en/", "zh-hant/")}
    assert sum(views.values()) == kinds["article pages"] > kinds["  of which: notes sections"] > 0
    assert kinds["vocabulary pages"] > 0 and kinds["export: TEI"] == (out / "edition.tei.xml").stat().st_size
    # the reader's text: a part of each kind of page, less than its bytes, of the pages only
    assert 0 < texts["  of which: notes sections"] < texts["article pages"] < kinds["article pages"]
    assert "export: TEI" not in texts and 0 < texts["entity pages and index"] < kinds["entity pages and index"]


def test_a_pages_text_is_what_a_reader_reads() -> None:
    """No head, script or style; tags gone, entities written out, white space run together."""
    page = '<html><head><title>T</title></head><body><p>墨玉&amp;<a href="#x">Moyu</a>\n\n  County</p>'
    page += "<script>var x = 1;</script><style>p{}</style></body></html>"
    assert text_bytes(page) == len("墨玉& Moyu County".encode())
