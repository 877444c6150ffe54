"""Shared by tests/test_bad_input_*.py (issue 14): a disposable copy of the project with an
old output/ in it, a mistake made in it, and the command line run on it in this process.

Each case asserts the exact lines printed, the exit status, that output/ is exactly as it
was, and that no content file was touched by the failed command.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

from conftest import copy_site

from edition.cli import main

ROOT = Path(__file__).resolve().parent.parent
# The real page's folder, as an editor names its files (content/ or a page folder under it).
PAGE = next(ROOT.glob("content/**/04-moyu.zh.md")).parent.relative_to(ROOT).as_posix()
ZH, EN = f"{PAGE}/04-moyu.zh.md", f"{PAGE}/04-moyu.en.md"
# The Moyu article's page in output/ (an archive's pages carry their date and page).
MOYU_PAGE = "articles/moyu/index.html" if PAGE == "content" else f"{PAGE.removeprefix('content/')}/moyu/index.html"

OLD_OUTPUT = {"index.html": b"<!DOCTYPE html><title>the old site</title>", MOYU_PAGE: b"old moyu", ".nojekyll": b""}


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Outcome:
    status: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return (self.out + self.err).splitlines()


@dataclass
class Project:
    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> int:
        """Replace the first ``old`` in a file; return the 1-based line where ``new`` starts."""
        text = self.read(name)
        assert old in text, f"{old!r} not in {name}"
        at = text.index(old)
        self.write(name, text.replace(old, new, 1))
        return text.count("\n", 0, at) + 1

    def line(self, name: str, needle: str, after: int = 0) -> int:
        for number, line in enumerate(self.read(name).split("\n"), start=1):
            if number > after and needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {name}")

    def run(self, *args: str) -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--root", str(self.root), *args])
        return Outcome(status, out.getvalue(), err.getvalue())

    def fails(self, *expected: str, args: tuple[str, ...] = ("build", "--no-search", "-q")) -> Outcome:
        """Run the command; it must exit 1 printing exactly the ``expected`` lines (each once),
        then 'build failed', with output/ and every content file as they were."""
        before_out, before_content = snapshot(self.root / "output"), snapshot(self.root / "content")
        outcome = self.run(*args)
        printed = outcome.lines
        assert "Traceback" not in outcome.out + outcome.err
        assert outcome.status == 1, "\n".join(printed)
        for line in expected:
            assert printed.count(line) == 1, f"expected once:\n{line}\ngot:\n" + "\n".join(printed)
        if args[0] == "build":
            errors = [p for p in printed if ": error: " in p]
            assert sorted(errors) == sorted(e for e in expected if ": error: " in e), "\n".join(printed)
            assert printed[-1].startswith("build failed:"), "\n".join(printed)
        assert snapshot(self.root / "output") == before_out, "a failed build changed output/"
        assert snapshot(self.root / "content") == before_content, "a failed build changed a content file"
        return outcome

    def warns(self, *expected: str, args: tuple[str, ...] = ("build", "--no-search", "-q")) -> Outcome:
        """The build succeeds and prints each ``expected`` warning line once."""
        outcome = self.run(*args)
        assert "Traceback" not in outcome.out + outcome.err
        assert outcome.status == 0, "\n".join(outcome.lines)
        for line in expected:
            assert outcome.lines.count(line) == 1, f"expected once:\n{line}\ngot:\n" + "\n".join(outcome.lines)
        return outcome


def make_project(tmp_path: Path) -> Project:
    """A copy of the project (content, templates, source...) with an old output/ in it:
    the ``project`` fixture (tests/conftest.py)."""
    root = copy_site(tmp_path / "site")
    for name, data in OLD_OUTPUT.items():
        (root / "output" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "output" / name).write_bytes(data)
    return Project(root)
