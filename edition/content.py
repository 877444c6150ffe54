"""Loading: the only stage that reads content/. Bytes in, parsed documents out."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.config import PageInfo, find_line, load_page_config
from edition.droppings import is_dropping
from edition.each import Each, in_order
from edition.errors import BuildError, Diagnostic, Diagnostics, Loc, rel
from edition.front import parse_front
from edition.frontmatter import split_front_matter
from edition.frontmodel import ArticleFront, TranslationFront
from edition.markup import parse_blocks
from edition.model import SourceText
from edition.proseslips import entry_slips, note_slips, prose_slips
from edition.slips import in_markdown, slips
from edition.typography import prose_titles
from edition.yamlload import LineDict, load_yaml

# A content file larger than this is a mistake (a pasted log, a binary): a whole
# newspaper page is about 20 KB.
MAX_BYTES = 1_000_000
NAME = re.compile(r"^(?P<stem>(?P<order>\d{2,})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*))\.(?P<lang>zh|en)\.md$")


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    text: str  # inline source; soft breaks joined as the language wants
    loc: Loc


@dataclass(frozen=True, slots=True)
class Glossary:
    """A YAML file of entity definitions shared by all articles (content/*.yaml)."""

    path: str
    data: LineDict


@dataclass(frozen=True, slots=True)
class Document:
    path: str  # relative to the project, as editors see it
    stem: str  # "2020-05-25/p12/01-paired-assistance": the page's key and the file's stem
    lang: str  # zh | en
    meta: ArticleFront | TranslationFront  # the front matter, typed (edition/front.py)
    blocks: tuple[Block, ...]
    front_end: int  # file line of the closing '---'

    @property
    def article_front(self) -> ArticleFront:
        assert isinstance(self.meta, ArticleFront), self.path
        return self.meta

    @property
    def translation_front(self) -> TranslationFront:
        assert isinstance(self.meta, TranslationFront), self.path
        return self.meta


def read_text(path: Path, name: str, diags: Diagnostics, data: bytes | None = None) -> str | None:
    """Read an editor's file as UTF-8 (``data``: its bytes, read already); problems become
    diagnostics, never tracebacks."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:  # unreadable (permissions), a folder named like a file, gone meanwhile
            hint = "check that it is a file you can read"
            diags.error(Loc(name), f"cannot read the file: {exc.strerror or exc}", hint)
            return None
    if len(data) > MAX_BYTES:
        diags.error(
            Loc(name, 1, 1),
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for a content file",
            "a content file holds one article; check that nothing was pasted into it by mistake",
        )
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        diags.warning(
            Loc(name, 1, 1),
            "file starts with a UTF-8 byte-order mark; it was ignored",
            "save the file as UTF-8 without BOM",
        )
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1  # characters, not bytes
        diags.error(
            Loc(name, line, col),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "save the file with UTF-8 encoding (most editors: File > Save with Encoding > UTF-8)",
        )
        return None
    # Windows line endings are accepted: all later line numbers count "\n" only.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_document(
    path: Path, root: Path, diags: Diagnostics, name: str | None = None, data: bytes | None = None
) -> Document | None:
    """A content file parsed: a function of its name and its bytes alone. ``name`` is
    ``rel(path, root)``, when the caller knows it already; ``data`` its bytes, when read already."""
    name = rel(path, root) if name is None else name
    match = NAME.fullmatch(path.name)
    if not match:
        diags.error(
            Loc(name),
            "content file name not understood",
            "name it NN-slug.zh.md or NN-slug.en.md: two or more digits, lowercase words joined by '-', the language",
        )
        return None
    text = read_text(path, name, diags, data)
    if text is None:
        return None
    try:
        split = split_front_matter(text, name)
        front = load_yaml(split.front, name, split.front_line)
    except BuildError as exc:
        diags.items.extend(exc.diagnostics)
        return None
    if front is None:
        front = LineDict()
        front.lines, front.cols, front.line = {}, {}, 2
    if not isinstance(front, LineDict):
        diags.error(Loc(name, 2, 1), "front matter must be a mapping of keys to values", "write lines like 'id: moyu'")
        return None
    lang = match["lang"]
    blocks: list[Block] = []
    body_lines = split.body.split("\n") if lang == "en" else []  # where a slip of the English stands
    for raw in parse_blocks(split.body):
        line = split.body_line + raw.line + 1
        if raw.problem:
            diags.error(
                Loc(name, line, 1),
                f"{raw.problem} is not allowed in a content file",
                raw.hint
                or "use '# ' for the headline, '## ' for subheads, plain paragraphs, and "
                "'{.deck}', '{.caption}' ... above a paragraph to give its kind",
            )
            if not raw.kind:  # a construct that is no block of the page (a list, a comment)
                continue
        if lang == "en":  # raw HTML, an emphasis left open: published, but not as meant
            for slip in slips(raw.text):
                row, column = in_markdown(body_lines, raw.line, raw.text, slip.at)
                diags.warning(Loc(name, split.body_line + row + 1, column + 1), slip.what, slip.hint)
        joined = raw.text.replace("\n", "" if lang == "zh" else " ")
        blocks.append(Block(raw.kind, joined, Loc(name, line, 1)))
    # an article's own notes are English Markdown too (their 'text')
    entry_slips(front.get("notes"), "text", "note {}: ", name, lambda: text.split("\n"), diags)
    meta = parse_front(front, name, lang, [b.kind for b in blocks])
    return Document(name, stem_of(name), lang, meta, tuple(blocks), split.body_line)


def stem_of(name: str) -> str:
    """A content file's stem with its page: content/2020-05-25/p12/04-moyu.zh.md ->
    2020-05-25/p12/04-moyu (what pairs a translation with its original)."""
    parts = name.split("/")
    return "/".join([*parts[-3:-1], parts[-1].split(".", 1)[0]])


def load_glossary(
    path: Path, root: Path, diags: Diagnostics, name: str | None = None, data: bytes | None = None
) -> Glossary | None:
    """A glossary file parsed (``name`` and ``data`` as load_document's)."""
    name = rel(path, root) if name is None else name
    listing = load_listing(path, name, "entities", "a glossary file", diags, data)
    if listing is None:
        return None

    def lines() -> list[str]:  # read again only where a note has a slip to place
        raw = path.read_bytes() if data is None else data
        return raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n").split("\n")

    note_slips(listing, name, lines, diags)  # raw HTML, an emphasis left open, in a note's English
    return Glossary(name, listing)


def load_file(
    path: Path, root: Path, diags: Diagnostics, name: str | None = None, data: bytes | None = None
) -> Document | Glossary | None:
    """A file of content/ parsed, by its kind: an article's Markdown or a glossary's YAML."""
    load = load_document if path.suffix == ".md" else load_glossary
    return load(path, root, diags, name, data)


def load_listing(
    path: Path, name: str, key: str, what: str, diags: Diagnostics, data: bytes | None = None
) -> LineDict | None:
    """A YAML file (a glossary, the termbase) whose ``key`` is a list, with its line numbers;
    None, its problems in ``diags``, where it cannot be read so."""
    text = read_text(path, name, diags, data)
    if text is None:
        return None
    try:
        data = load_yaml(text, name)
    except BuildError as exc:
        diags.items.extend(exc.diagnostics)
        return None
    if not isinstance(data, LineDict) or not isinstance(data.get(key), list):
        diags.error(Loc(name, 1, 1), f"{what} must have a list '{key}:'", "see the README's content format")
        return None
    return data


# load_file's signature: (path, root, diagnostics, name relative to the root)
Parse = Callable[[Path, Path, Diagnostics, str], "Document | Glossary | None"]


def load_content(
    content_dir: Path, root: Path, parse: Parse = load_file, each: Each = in_order
) -> tuple[list[Document], list[Glossary], list[Diagnostic]]:
    """Every content file, parsed (``parse``: load_file, or the dev server's, which keeps
    the files whose bytes did not change; ``each``: the files one after another, or a
    build's on every core). Problems are returned, not raised, so that the later stages
    can report theirs too: an editor sees every mistake of a build at once."""
    diags = Diagnostics()
    if not content_dir.is_dir():
        raise BuildError(
            [Diagnostic(Loc(rel(content_dir, root)), "content folder not found", "run 'python build.py cut' first")]
        )
    docs = []
    glossaries = []

    def one(path: Path) -> tuple[Document | Glossary | None, list[Diagnostic]]:
        found = Diagnostics()  # each file's problems, in the order of the files
        return parse(path, root, found, rel(path, root)), found.items

    for parsed, problems in each(one, _content_files(content_dir, root, diags)):
        diags.items.extend(problems)
        if isinstance(parsed, Document):
            docs.append(parsed)
        elif isinstance(parsed, Glossary):
            glossaries.append(parsed)
    return docs, glossaries, diags.items


def load_pages(content_dir: Path, root: Path) -> list[tuple[PageInfo, SourceText]]:
    """Every page folder's page.toml and its witness, whose SHA-256 must be the one recorded:
    the cut, the fidelity account and every "source lines" reference rest on those bytes."""
    diags = Diagnostics()
    pages = []
    for folder in page_folders(content_dir):
        try:
            info = load_page_config(folder / "page.toml", root)
        except BuildError as exc:
            diags.items.extend(exc.diagnostics)
            continue
        path = root / info.source
        settings = (root / info.config_path).read_text(encoding="utf-8")  # for the lines of its keys
        where = Loc(info.config_path, find_line(settings, "source"), 1)
        if not path.is_file():
            diags.error(
                where, f"source text {info.source} not found", "set 'source' to the raw text's path under source/"
            )
            continue
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha != info.source_sha256:
            diags.error(
                Loc(info.config_path, find_line(settings, "source_sha256"), 1),
                f"the source text {info.source} has changed (its SHA-256 is now {sha}, "  # in full, to copy
                f"page.toml records {info.source_sha256[:12]}…)",
                "the witness is kept exactly as extracted: restore it with 'git checkout -- "
                f"{info.source}'; if a new extraction replaces it on purpose, run the cut again and "
                "record the new SHA-256 in page.toml",
            )
            continue
        count = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
        pages.append((info, SourceText(info.source, sha, count)))
    diags.raise_if_errors()
    return pages


def page_folders(content_dir: Path) -> list[Path]:
    """The newspaper pages of the archive: content/<date>/p<page>/, each with its page.toml."""
    return sorted(p.parent for p in content_dir.glob("*/*/page.toml"))


def _readable(path: Path) -> bool:
    return not is_dropping(path) and path.is_file()


def _content_files(content_dir: Path, root: Path, diags: Diagnostics) -> list[Path]:
    """The glossaries (content/*.yaml) and every page folder's Markdown, in a fixed order.
    A Markdown file anywhere else would be silently left out of the site: it is an error."""
    # An editor's tools' droppings (.#name, ._name, name~ ...) are never read (edition/droppings.py).
    files = [p for p in sorted(content_dir.iterdir()) if p.suffix in (".yaml", ".yml") and _readable(p)]
    folders = page_folders(content_dir)
    for folder in folders:
        files += [p for p in sorted(folder.iterdir()) if p.suffix == ".md" and _readable(p)]
    inside = set(folders)
    for stray in sorted(content_dir.rglob("*.md")):
        # the About page's own words (load_about) are the one Markdown file beside the pages
        if stray.parent not in inside and stray != content_dir / "about.md" and not is_dropping(stray):
            diags.error(
                Loc(rel(stray, root), 1, 1),
                "content file outside a page folder",
                "move it into its page's folder, content/<date>/p<page>/ (the one with page.toml)",
            )
    return files


def text_hash(blocks: tuple[Block, ...] | list[Any]) -> str:
    """Hash of a document's text (not its front matter): what a translation translates."""
    digest = hashlib.sha256("\n".join(f"{b.kind}\t{b.text}" for b in blocks).encode("utf-8"))
    return digest.hexdigest()[:16]


ABOUT_FILE = "content/about.md"


def load_about(root: Path, diags: Diagnostics) -> str:
    """content/about.md (optional): the edition's own words for its About page, Markdown
    (paragraphs, lists, '## ' headings, links). What would be published other than as meant
    is an error at its line: a comment, an image, a footnote, a reference or a refused link."""
    from edition.constructs import COMMENT, html_comments, inline_construct

    path = root / ABOUT_FILE
    text = read_text(path, ABOUT_FILE, diags) if path.is_file() else None
    if text is None:
        return ""
    for line, what in html_comments(text):
        diags.error(Loc(ABOUT_FILE, line + 1, 1), f"{what} is not allowed in {ABOUT_FILE}", COMMENT.hint)
    start = 0
    for paragraph in text.split("\n\n"):
        found = inline_construct(paragraph)
        if found is not None:  # at its own line where it is on one, else at its paragraph's
            lines = paragraph.split("\n")
            at = next((n for n, line in enumerate(lines) if inline_construct(line) is not None), 0)
            diags.error(Loc(ABOUT_FILE, start + at + 1, 1), f"{found.what} is not allowed in {ABOUT_FILE}", found.hint)
        start += paragraph.count("\n") + 2
    prose_slips(text, ABOUT_FILE, diags)  # raw HTML, an emphasis left open: warnings
    hint = "the About page has its title; begin a section with '## '"
    for number in prose_titles(text):
        diags.error(Loc(ABOUT_FILE, number, 1), f"a first-level heading is not allowed in {ABOUT_FILE}", hint)
    return text
