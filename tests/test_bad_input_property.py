"""Issue 14: mutate an article's front matter and Markdown at random (values of the wrong
type, keys lost or added or misspelt, blocks moved, constructs and odd characters pasted in)
and the build never ends in a traceback: it succeeds, or fails with proper diagnostics and
output/ untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.errors import BuildError
from edition.pipeline import build

TOML_VALUES = st.sampled_from(
    ['"x"', "4", '"4"', "[1, 2]", '["a"]', "[]", "2020-05-25", '"2020-02-30"', '"25 May 2020"', "true", "{a = 1}",
     '""', '"ftp:/x"', '"example.com"', "-1", "1.5", '"\u200b"']
)  # fmt: skip
LINE = re.compile(r"^(?P<path>[^\s:]+)(:[1-9]\d*:[1-9]\d*)?: (error|warning): .+ — .+$")

SCALARS = st.one_of(
    st.sampled_from(
        [
            '"4"',
            "4",
            "-1",
            "0",
            "3.5",
            "true",
            "null",
            "~",
            "[]",
            "{}",
            "[p1, p2]",
            "{block: p1}",
            "2020-02-30",
            "2020-05-25",
            '"https://x"',
            "'",
            '"',
            "&a",
            "*a",
            "!!binary x",
            "|",
            ">",
            "[1, [2, [3]]]",
            "p99",
            "1e400",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8).map(lambda s: s.replace("\n", " ")),
)
PASTE = st.sampled_from(
    [
        "| a | b |\n|---|---|",
        "<!-- x -->",
        "<!--",
        "***",
        "Title\n===",
        "![i](https://x/y.png)",
        "[^1]",
        "[a]: b",
        "- item",
        "> quote",
        "```\ncode\n```",
        "    code",
        "{.deck}",
        "{.nonsense}",
        "### h3",
        "# Again",
        "## Sub",
        "\u200b",
        "\ufeff",
        "\x07",
        "８３",
        "墨玉县",
        "\t",
        "<script>x</script>",
        "[x](javascript:alert(1))",
        "\\",
        "{{ x }}",
    ]
)


def mutate_front(text: str, data: st.DataObject) -> str:
    head, sep, body = text.partition("\n---\n")
    lines = head.split("\n")
    index = data.draw(st.integers(1, len(lines) - 1))
    key_line = lines[index]
    action = data.draw(st.sampled_from(["value", "delete", "duplicate", "rename", "insert"]))
    if action == "value" and ":" in key_line:
        lines[index] = key_line.split(":", 1)[0] + ": " + data.draw(SCALARS)
    elif action == "delete":
        del lines[index]
    elif action == "duplicate":
        lines.insert(index, key_line)
    elif action == "rename" and ":" in key_line:
        lines[index] = key_line.split(":", 1)[0][::-1] + ":" + key_line.split(":", 1)[1]
    else:
        lines.insert(
            index, data.draw(st.sampled_from(["order", "id", "kind", "title", "zz"])) + ": " + data.draw(SCALARS)
        )
    return "\n".join(lines) + sep + body


def mutate_yaml(text: str, data: st.DataObject) -> str:
    """A glossary: one 'key: value' line of an entry given another value."""
    lines = text.split("\n")
    keyed = [n for n, line in enumerate(lines) if re.match(r"^    [a-z_]+: ", line)]
    index = data.draw(st.sampled_from(keyed))
    lines[index] = lines[index].split(":", 1)[0] + ": " + data.draw(SCALARS)
    return "\n".join(lines)


def mutate_toml(text: str, data: st.DataObject) -> str:
    """site.toml or a page.toml: one 'key = value' line given another value, or dropped."""
    lines = text.split("\n")
    keyed = [n for n, line in enumerate(lines) if re.match(r"^[a-z_]+ = ", line)]
    index = data.draw(st.sampled_from(keyed))
    if data.draw(st.booleans()):
        lines[index] = lines[index].split(" = ", 1)[0] + " = " + data.draw(TOML_VALUES)
    else:
        del lines[index]
    return "\n".join(lines)


def mutate_body(text: str, data: st.DataObject) -> str:
    head, sep, body = text.partition("\n---\n")
    blocks = body.split("\n\n")
    index = data.draw(st.integers(0, len(blocks) - 1))
    action = data.draw(st.sampled_from(["paste", "delete", "swap", "duplicate", "inline"]))
    if action == "paste":
        blocks.insert(index, data.draw(PASTE))
    elif action == "delete" and len(blocks) > 1:
        del blocks[index]
    elif action == "swap" and index + 1 < len(blocks):
        blocks[index], blocks[index + 1] = blocks[index + 1], blocks[index]
    elif action == "duplicate":
        blocks.insert(index, blocks[index])
    else:
        where = data.draw(st.integers(0, len(blocks[index])))
        blocks[index] = blocks[index][:where] + data.draw(PASTE) + blocks[index][where:]
    return head + sep + "\n\n".join(blocks)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site(tmp_path_factory.mktemp("property") / "site")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_mutation_of_an_article_ends_in_a_traceback(pristine: Path, tmp_path: Path, data: st.DataObject) -> None:
    site = tmp_path / "site"
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(pristine, site)
    zh = next(site.glob("content/**/04-moyu.zh.md"))
    files = [zh, zh.with_name("04-moyu.en.md"), site / "content/entities.yaml", site / "site.toml"]
    files += sorted(site.glob("content/**/page.toml"))
    for path in data.draw(st.lists(st.sampled_from(files), min_size=1, max_size=3)):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            text = mutate_toml(text, data)
        elif path.suffix == ".yaml":
            text = mutate_yaml(text, data)
        else:
            text = mutate_front(text, data) if data.draw(st.booleans()) else mutate_body(text, data)
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    try:
        build(site, out, search=False)
    except BuildError as exc:
        assert exc.diagnostics
        for diag in exc.diagnostics:
            shown = str(diag)
            assert "\n" not in shown and LINE.match(shown), shown
        assert not out.exists()
    finally:
        if out.exists():
            shutil.rmtree(out)
