"""Templates compiled in a forked helper while the content loads (edition/precompile.py)."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from edition.errors import BuildError
from edition.pipeline import build
from edition.precompile import Precompiling, Recorder
from edition.render import Renderer, load_templates


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the helpers the build starts."""
    started: list[int] = []
    original = Precompiling.start

    def start(*args: object) -> Precompiling | None:
        helper = original(*args)  # type: ignore[arg-type]
        if helper is not None:
            started.append(helper.pid)
        return helper

    monkeypatch.setattr(Precompiling, "start", start)
    return started


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates this process compiles (a forked helper's stay in the helper)."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *args: object) -> object:
        names.append(name or "?")
        return original(self, source, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def _reaped(pid: int) -> bool:
    """The process has ended and been waited for (no zombie left)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_build_runs_the_helpers_code_and_compiles_nothing_itself(
    root: Path, tmp_path: Path, compiled: list[str], helpers: list[int]
) -> None:
    result = build(root, tmp_path / "out", search=False)
    assert compiled == []  # every template came compiled from the helper (whose counts stay there)
    assert (tmp_path / "out/2020-05-25/p12/moyu/index.html").is_file() and result.stats is not None
    assert len(helpers) == 1 and _reaped(helpers[0])


def test_the_helpers_bytecode_is_what_compiling_here_makes(root: Path) -> None:
    templates, strings = load_templates(root / "templates", root)
    helper = Precompiling.start(templates, strings, "templates")
    assert helper is not None
    store = helper.result()
    assert len(store) == len([n for n in templates if n.endswith(".html")])
    here = Renderer(templates, strings, "templates")
    mine = Recorder()
    here.env.bytecode_cache = mine
    here.compile_all()
    assert store == mine.store


def test_a_stale_entry_is_compiled_here_from_the_new_text(root: Path, compiled: list[str]) -> None:
    templates, strings = load_templates(root / "templates", root)
    helper = Precompiling.start(templates, strings, "templates")
    assert helper is not None
    store = helper.result()
    changed = dict(templates, **{"search.html": templates["search.html"].replace("</", "<!-- edited --></", 1)})
    renderer = Renderer(changed, strings, "templates")
    renderer.env.bytecode_cache = Recorder(dict(store))
    renderer.compile_all()
    assert compiled == ["search.html"]  # its checksum no longer matches; the others came compiled


def test_a_failed_build_leaves_no_helper_behind(site: Path, tmp_path: Path, helpers: list[int]) -> None:
    moyu = site / "content/2020-05-25/p12/04-moyu.zh.md"
    moyu.write_text(moyu.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(BuildError):
        build(site, tmp_path / "out", search=False)
    assert len(helpers) == 1 and _reaped(helpers[0])


def test_a_template_error_is_still_reported_after_the_contents(site: Path, tmp_path: Path, helpers: list[int]) -> None:
    (site / "templates/entity.html").write_text("{% if %}", encoding="utf-8")
    moyu = site / "content/2020-05-25/p12/04-moyu.zh.md"
    moyu.write_text(moyu.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        build(site, tmp_path / "out", search=False)
    assert [d.loc.path for d in failed.value.diagnostics] == ["content/2020-05-25/p12/04-moyu.zh.md"]
    moyu.write_text(moyu.read_text(encoding="utf-8").replace("titel:", "title:", 1), encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        build(site, tmp_path / "out", search=False)
    assert [str(d.loc.path) for d in failed.value.diagnostics] == ["templates/entity.html"]
    assert len(helpers) == 2 and all(map(_reaped, helpers))


def test_a_helper_that_does_not_answer_is_ended_and_the_build_compiles() -> None:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # a helper stuck for good (as one forked while a thread held a lock could be)
        import time

        time.sleep(60)
        os._exit(0)
    os.close(write)
    assert Precompiling(pid, read).result(timeout=0.3) == {}
    assert _reaped(pid)


def test_a_helper_never_needed_is_ended_with_the_build(root: Path, tmp_path: Path, helpers: list[int]) -> None:
    """A command-line build with its .cache/ whose pages are all unchanged loads no template:
    its helper, never waited for, is ended when the build is over."""
    from edition.cache import BuildCache

    out = tmp_path / "out"
    for _ in range(2):
        cache = BuildCache.load(tmp_path / ".cache", str(out))
        build(root, out, search=False, cache=cache)
        cache.save(tmp_path / ".cache")
    assert len(helpers) == 2 and all(map(_reaped, helpers))
