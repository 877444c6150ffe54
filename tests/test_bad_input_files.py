"""Issue 14: what an editor's tools leave in content/, two builds at once, and options after
the command. See tests/bad_input_support.py for the fixture."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input_support import MOYU_PAGE, PAGE, ZH, Project, snapshot

ROOT = Path(__file__).resolve().parent.parent


def built(project: Project, *args: str) -> None:
    outcome = project.run("build", "--no-search", "-q", *args)
    assert outcome.status == 0, "\n".join(outcome.lines)
    assert "Traceback" not in outcome.out + outcome.err


# --- droppings: each is skipped without a word, and the build is the build without it ----


@pytest.mark.parametrize(
    "name",
    [
        ".#04-moyu.zh.md",  # Emacs lock file: a symlink to a name that does not exist
        "._04-moyu.zh.md",  # macOS resource fork
        "04-moyu.zh.md~",  # backup copy
        ".04-moyu.zh.md.swp",  # Vim swap file
        ".DS_Store",  # Finder
        "05-gone.zh.md",  # a symlink to a file since deleted
    ],
)
def test_editors_droppings_in_content_are_ignored(project: Project, name: str) -> None:
    reference = project.root.parent / "reference"
    built(project, "--out", str(reference))
    path = project.path(PAGE) / name
    if name.startswith(".#") or name == "05-gone.zh.md":
        os.symlink("nobody@host.12345:1700000000", path)
    else:
        path.write_bytes(b"\x00\x05\x16\x07Mac OS X binary junk \xff\xfe")
    built(project)
    assert snapshot(project.root / "output") == snapshot(reference)


def test_a_dropping_in_static_is_not_published(project: Project) -> None:
    (project.path("static") / ".DS_Store").write_bytes(b"\x00junk")
    (project.path("static") / "site.css~").write_text("old", encoding="utf-8")
    built(project)
    assert not list((project.root / "output").rglob(".DS_Store"))
    assert not list((project.root / "output").rglob("*~"))


# --- one build at a time ---------------------------------------------------------------


def cli(root: Path, *args: str, wait: str = "60") -> subprocess.Popen[str]:
    env = {**os.environ, "EDITION_LOCK_WAIT": wait}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def test_two_builds_at_once_both_succeed_one_after_the_other(project: Project) -> None:
    first = cli(project.root, "build", "--no-search")
    second = cli(project.root, "build", "--no-search")
    results = [(p.wait(timeout=120), *p.communicate()) for p in (first, second)]
    for status, out, err in results:
        assert "Traceback" not in out + err
        assert status == 0, err
    # One of them (whichever came second) waited and said for whom.
    waited = [err for _, _, err in results if "waiting for process" in err]
    assert len(waited) <= 2
    assert (project.root / "output" / MOYU_PAGE).read_bytes() != b"old moyu"
    assert not (project.root / ".output.next").exists()


def test_a_build_that_cannot_get_the_lock_names_the_process_that_holds_it(project: Project) -> None:
    lock = project.root / ".cache/build.lock"
    lock.parent.mkdir()
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("424242 serve\n")
        held.flush()
        before = snapshot(project.root / "output")
        proc = cli(project.root, "build", "--no-search", wait="0.3")
        status = proc.wait(timeout=60)
        out, err = proc.communicate()
    assert "Traceback" not in out + err
    assert status == 1
    assert err.splitlines() == [
        "waiting for process 424242 (serve) to finish its build of this project…",
        ".cache/build.lock: error: another build of this project is running: process 424242 (serve) — "
        "wait for it to finish and run the build again (a dev server holds the lock only while it rebuilds)",
        "build failed: 1 error(s); output/ was not changed",
    ]
    assert snapshot(project.root / "output") == before


def test_a_lock_left_by_a_killed_build_does_not_block(project: Project) -> None:
    # The lock file stays after kill -9, but the operating system released its lock.
    lock = project.root / ".cache/build.lock"
    lock.parent.mkdir()
    lock.write_text("999999 build\n", encoding="utf-8")
    built(project)


# --- options after the command (as ./run passes them) -----------------------------------


def test_build_options_after_the_command(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    outcome = project.run("build", "--out", str(out), "--no-search", "--strict", "--quiet")
    assert outcome.status == 0, outcome.err
    assert outcome.err == ""  # --quiet after the command is heard
    assert (out / "index.html").is_file()
    assert not (out / "pagefind").exists()  # --no-search after the command is heard
    assert (project.root / "output/index.html").read_bytes().startswith(b"<!DOCTYPE html><title>the old")


def test_options_before_the_command_still_work(project: Project) -> None:
    outcome = project.run("--quiet", "--strict", "build", "--no-search")
    assert outcome.status == 0 and outcome.err == ""


def test_check_strict_after_the_command_makes_warnings_errors(project: Project) -> None:
    project.write(ZH, "\ufeff" + project.read(ZH))
    assert project.run("check").status == 0
    strict = project.run("check", "--strict")
    assert strict.status == 1
    assert (
        f"{ZH}:1:1: error: file starts with a UTF-8 byte-order mark; it was ignored — save the file as UTF-8 without BOM"
        in strict.lines
    )


@pytest.mark.parametrize("out", ["content", ".", "..", "static/built", "elsewhere"])
def test_a_build_never_replaces_a_folder_of_sources_or_of_someone_elses_files(project: Project, out: str) -> None:
    elsewhere = project.root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("an editor's notes", encoding="utf-8")
    target = (project.root / out).resolve()
    before = snapshot(project.root)
    outcome = project.fails(
        f"--out: error: refusing to build into {target}: the build replaces that folder whole, and it holds files no "
        "build made — give --out a new folder or one an earlier build made (the default is output/)",
        args=("build", "--no-search", "-q", "--out", str(project.root / out)),
    )
    assert outcome.status == 1
    assert snapshot(project.root) == before
