"""Issue 14: a build run while `serve` runs, the preview's search index, each error once.
`build.py serve` end to end in a subprocess (the operating system tells it of each save)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bad_input_support import EN, MOYU_PAGE, snapshot
from conftest import ROOT, copy_site

from edition.pipeline import build

MOYU_EN = EN
PAGE = f"en/{MOYU_PAGE}"


class Server:
    def __init__(self, root: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--port", str(port)],
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.lines: list[str] = []
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))
            if "Start watching changes" in line:  # livereload's log: its watcher is starting
                break
        stream = self.proc.stderr
        threading.Thread(target=lambda: self.lines.extend(x.rstrip("\n") for x in stream), daemon=True).start()
        time.sleep(1)  # the operating system's watch is in place

    def wait_for(self, done: Callable[[], bool], what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            assert time.monotonic() < deadline, f"timed out waiting for {what}:\n" + "\n".join(self.lines[-40:])
            time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    root = copy_site(tmp_path / "site")
    server = Server(root)
    try:
        yield root, server
    finally:
        server.stop()
    assert "Traceback" not in "\n".join(server.lines), "\n".join(server.lines)


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_serve_keeps_a_search_index_and_says_it_does_not_follow_edits(served: tuple[Path, Server]) -> None:
    root, server = served
    assert (root / "output/pagefind/pagefind.js").is_file()
    assert any("search: the index made at start is kept" in line for line in server.lines)
    edit(root, MOYU_EN, "racing against time", "racing against the clock")
    page = root / "output" / PAGE
    server.wait_for(lambda: b"against the clock" in page.read_bytes(), "the edit")
    time.sleep(2)  # the background build
    assert (root / "output/pagefind/pagefind.js").is_file(), "a rebuild deleted the search index"


def test_a_build_run_while_serve_runs_neither_fails_nor_loses_the_servers_writes(
    served: tuple[Path, Server], tmp_path: Path
) -> None:
    root, server = served
    edit(root, MOYU_EN, "racing against time", "racing against the clock")
    cli = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "EDITION_LOCK_WAIT": "60"},
        timeout=120,
        check=False,
    )
    assert cli.returncode == 0 and "Traceback" not in cli.stderr, cli.stderr
    # The server's next edit, after the build swapped output/, lands in the new output/.
    edit(root, MOYU_EN, "racing against the clock", "racing against the calendar")
    page = root / "output" / PAGE
    server.wait_for(lambda: b"against the calendar" in page.read_bytes(), "the edit after the command-line build")
    server.wait_for(lambda: sum("write " in line for line in server.lines) >= 2, "the background build")
    time.sleep(1)
    clean = tmp_path / "clean"
    build(root, clean, search=False)
    ours = {k: v for k, v in snapshot(root / "output").items() if not k.startswith("pagefind/")}
    assert ours == snapshot(clean)


def test_serve_prints_each_error_once(served: tuple[Path, Server]) -> None:
    root, server = served
    edit(root, MOYU_EN, "translator:", "translatr:")
    line = next(
        n for n, text in enumerate((root / MOYU_EN).read_text(encoding="utf-8").split("\n"), 1) if "translatr" in text
    )
    expected = f"{MOYU_EN}:{line}:1: error: unknown translation front-matter key 'translatr'"
    server.wait_for(lambda: any(x.startswith(expected) for x in server.lines), "the error")
    time.sleep(3)  # the quick look's report, then the full build's
    assert sum(x.startswith(expected) for x in server.lines) == 1, "\n".join(server.lines)


def test_an_internal_error_in_a_rebuild_is_shown_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before issue 14 a crash killed the server's background thread: the preview went stale
    # without a word. Now the browser shows it, and the next save builds again.
    import edition.serve
    from edition.serve import Preview

    root = copy_site(tmp_path / "site")
    preview = Preview(root, root / "output")

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(edition.serve, "build", broken)
    preview.rebuild()
    assert preview.errors == [
        "(the build): error: the build stopped on an internal error (RuntimeError: a bug) — this is a bug of the "
        "generator, not of your files (the traceback is in the terminal); save again to retry, and please report it"
    ]
    assert b"internal error" in preview.error_page()
    monkeypatch.undo()
    preview.rebuild()
    assert preview.errors == [] and (root / "output/index.html").is_file()


def test_a_workers_traceback_stays_in_the_terminal_and_a_full_disk_is_no_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a rendering worker arrives with its traceback as its text: the browser shows
    its last line. An OSError (a full disk, a permission) is the machine's, not a bug."""
    import edition.serve
    from edition.serve import Preview

    root = copy_site(tmp_path / "site")
    preview = Preview(root, root / "output")
    worker = (
        "in a worker of the build:\nTraceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 'moyu'\n"
    )

    def failing(exc: Exception) -> object:
        def build(*_: object, **__: object) -> None:
            raise exc

        return build

    monkeypatch.setattr(edition.serve, "build", failing(RuntimeError(worker)))
    preview.rebuild()
    assert len(preview.errors) == 1 and "internal error (RuntimeError: KeyError: 'moyu')" in preview.errors[0]
    assert "Traceback" not in preview.errors[0]
    monkeypatch.setattr(edition.serve, "build", failing(OSError(28, "No space left on device")))
    preview.rebuild()
    assert len(preview.errors) == 1 and "could not read or write a file" in preview.errors[0]
    assert "No space left on device" in preview.errors[0] and "bug" not in preview.errors[0]


def test_serve_on_a_port_in_use_says_so_without_a_traceback(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"serve: cannot listen on 127.0.0.1:{port} (Address already in use) — another server (perhaps another "
        f"'serve') is using it: stop it, or choose another port with --port {port + 1}"
    ]
    assert not (root / "output").exists()


def test_each_failed_rebuild_says_how_many_errors_stand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Usage walk 14: with error A standing, error B made and then fixed, the terminal printed
    only the stage times: no word that the build still failed on A."""
    from edition.serve import Preview

    root = copy_site(tmp_path / "site")
    preview = Preview(root, root / "output")
    preview.rebuild()
    edit(root, MOYU_EN, "translator:", "translatr:")  # A
    preview.rebuild()
    first = capsys.readouterr().err.splitlines()
    assert first[-1] == "build failed: 1 error(s); the browser shows them until the next good build"
    edit(root, MOYU_EN.replace("04-moyu", "03-business-support"), "translator:", "translatr:")  # B
    preview.rebuild()
    second = [x for x in capsys.readouterr().err.splitlines() if "error" in x]
    assert len(second) == 2 and "03-business-support" in second[0]  # B alone printed, A not again
    assert second[1] == "build failed: 2 error(s) (1 printed before); the browser shows them until the next good build"
    edit(root, MOYU_EN.replace("04-moyu", "03-business-support"), "translatr:", "translator:")  # B fixed
    preview.rebuild()
    third = [x for x in capsys.readouterr().err.splitlines() if "error" in x]
    assert third == [
        "build failed: 1 error(s) (1 printed before; 1 gone since the last build); the browser shows them until the next good build"
    ]
