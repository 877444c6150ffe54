"""Usage walk 7, the editor's side: the dev server's "Build failed" page reloads once the
file is fixed, `cut`'s messages about the witness's SHA-256, front-matter key messages."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bad_input_support import EN, MOYU_PAGE
from conftest import copy_site
from test_bad_input_serve import Server, edit

from edition.cli import main

PAGE = f"en/{MOYU_PAGE}"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server, str]]:
    root = copy_site(tmp_path / "site")
    server = Server(root)
    port = server.proc.args[-1]  # type: ignore[index]
    try:
        yield root, server, f"http://127.0.0.1:{port}/{PAGE}"
    finally:
        server.stop()
    assert "Traceback" not in "\n".join(server.lines), "\n".join(server.lines)


def fetched(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


# --- 1. the "Build failed" page reloads itself --------------------------------------------


def test_the_build_failed_page_carries_the_livereload_script(served: tuple[Path, Server, str]) -> None:
    # livereload puts its script before '</head>' only; the error page had none, so it never
    # reloaded when the editor fixed the file.
    root, server, url = served
    assert "livereload.js" in fetched(url)  # a built page has it
    edit(root, EN, "translator:", "translatr:")
    server.wait_for(lambda: any("unknown translation front-matter key" in x for x in server.lines), "the error")
    page = fetched(url)
    assert "<h1>Build failed</h1>" in page
    assert "livereload.js" in page, page


@pytest.mark.browser
def test_the_build_failed_page_reloads_when_the_build_succeeds_again(
    served: tuple[Path, Server, str], browser: Any
) -> None:
    from test_browser import new_page

    root, server, url = served
    page = new_page(browser)
    page.goto(url)
    title = str(page.locator("h1").first.inner_text())
    assert title != "Build failed"
    connected = lambda: sum("Browser Connected" in x for x in server.lines)  # noqa: E731
    server.wait_for(lambda: connected() == 1, "the page's livereload connection")
    edit(root, EN, "translator:", "translatr:")
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').textContent === 'Build failed'"
    )
    server.wait_for(lambda: connected() == 2, "the error page's livereload connection")
    edit(root, EN, "translatr:", "translator:")  # quickly: at once, not 3 s after the last reload
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').textContent !== 'Build failed'"
    )
    assert str(page.locator("h1").first.inner_text()) == title
    page.context.close()


# --- 2. cut's messages about the witness's SHA-256 ----------------------------------------

SETTINGS = f"{Path(EN).parent.as_posix()}/page.toml"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def witness_of(root: Path) -> tuple[str, str]:
    """(the witness's path as page.toml names it, its SHA-256)."""
    [name] = re.findall(r'^source = "(.+)"$', (root / SETTINGS).read_text(encoding="utf-8"), re.M)
    return name, hashlib.sha256((root / name).read_bytes()).hexdigest()


def test_a_missing_source_sha256_is_given_to_add(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site")
    settings = root / SETTINGS
    settings.write_text(re.sub(r"(?m)^source_sha256 = .*\n", "", settings.read_text(encoding="utf-8")))
    name, sha = witness_of(root)
    for command in (["cut", str(Path(SETTINGS).parent)], ["build", "-q"]):
        code, _, err = run(root, *command)
        assert code == 1
        assert (
            f"{SETTINGS}:1:1: error: missing key 'source_sha256' — add the line source_sha256 = \"{sha}\" "
            f"to page.toml (the SHA-256 of {name} as it is now)"
        ) in err.splitlines(), err


def test_a_wrong_source_sha256_gives_the_witness_hash_in_full_at_its_line(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site")
    name, _ = witness_of(root)
    (root / name).write_bytes((root / name).read_bytes() + b"\n")
    sha = hashlib.sha256((root / name).read_bytes()).hexdigest()
    line = line_of(root / SETTINGS, "source_sha256 =")
    code, _, err = run(root, "cut", str(Path(SETTINGS).parent))
    assert code == 1
    assert err.splitlines()[0].startswith(
        f"{SETTINGS}:{line}:1: error: the source text {name} is not the one page.toml records (its SHA-256 is {sha})"
    ), err
    code, _, err = run(root, "build", "-q")  # the build's own message has it in full too
    assert code == 1 and f"(its SHA-256 is now {sha}, " in err, err


def test_a_failed_cut_says_it_wrote_nothing_and_writes_nothing(tmp_path: Path) -> None:
    # Two pages; the first lost a Chinese file (the cut would write it), the second's layout is
    # broken. The cut reads every layout before it writes: nothing is written, and it says so
    # instead of "build failed … output/ was not changed".
    root = copy_site(tmp_path / "site")
    first = root / Path(SETTINGS).parent
    second = first.parent.parent / "2020-05-26" / first.name
    shutil.copytree(first, second)
    page_toml = second / "page.toml"
    page_toml.write_text(page_toml.read_text(encoding="utf-8").replace('date = "2020-05-25"', 'date = "2020-05-26"'))
    (second / "layout.yaml").write_text("articles: []\n", encoding="utf-8")
    lost = next(first.glob("*.zh.md"))
    lost.unlink()
    code, out, err = run(root, "cut")
    assert code == 1 and out == ""
    layout = (second / "layout.yaml").relative_to(root).as_posix()
    assert err.splitlines() == [
        f"{layout}:1:1: error: layout has no 'source:' — name the raw text file",
        "cut failed: 1 error(s); no file was written",
    ]
    assert not lost.exists()


# --- 3. front-matter key messages ----------------------------------------------------------

ZH = EN.replace(".en.md", ".zh.md")


def errors_of(root: Path) -> list[str]:
    code, _, err = run(root, "build", "-q", "--no-search")
    assert code == 1
    return [line for line in err.splitlines() if ": error: " in line]


def test_a_key_in_the_wrong_case_is_suggested_in_the_right_one(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site")
    path = root / ZH
    line = line_of(path, "order:")
    path.write_text(path.read_text(encoding="utf-8").replace("\norder:", "\nOrder:", 1), encoding="utf-8")
    assert f"{ZH}:{line}:1: error: unknown front-matter key 'Order' — did you mean 'order'?" in errors_of(root)


def test_a_misspelt_key_in_a_list_item_is_reported_at_its_column(tmp_path: Path) -> None:
    root = copy_site(tmp_path / "site")
    path = root / ZH
    text = path.read_text(encoding="utf-8")
    assert "\n    label: " in text and "\n  - text: " in text
    path.write_text(text.replace("\n    label: ", "\n    lable: ", 1).replace("\n  - text: ", "\n  - txet: ", 1))
    label, first = line_of(path, "lable:"), line_of(path, "- txet:")
    errors = errors_of(root)
    assert f"{ZH}:{label}:5: error: unknown figure key 'lable' — did you mean 'label'?" in errors, errors
    assert f"{ZH}:{first}:5: error: unknown figure key 'txet' — did you mean 'text'?" in errors, errors


def test_the_key_suggested_is_the_closest_whatever_the_hash_seed(tmp_path: Path) -> None:
    # 'translatr' is like both 'translator' and 'translates': the first of a set was suggested,
    # which depends on the run's hash seed ("did you mean 'translates'?" in a usage walk).
    script = (
        "from edition.errors import Diagnostics\n"
        "from edition.yamlload import load_yaml\n"
        "d = Diagnostics()\n"
        "from edition.yamlload import check_keys\n"
        "check_keys(load_yaml('translatr: x', 'f'), {'id', 'translator', 'translates', 'numbers'}, 'f', 'k', d)\n"
        "print(d.items[0])\n"
    )
    said = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(12)
    }
    assert said == {"f:1:1: error: unknown k key 'translatr' — did you mean 'translator'?"}
