"""The typed front matter of a content file: what edition/front.py parses it into, once, at
load. Frozen and slotted; each entry carries the lines its messages point at, and the keys
whose value the schema rejected (so that a stage says nothing more about them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from edition.errors import Diagnostic, Diagnostics

Problems = tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Lines:
    """Where a mapping stands: its line, and each of its keys' lines (where messages point)."""

    line: int
    lines: Mapping[str, int] = field(hash=False)

    def at(self, key: str) -> int:
        return self.lines.get(key, self.line)


@dataclass(frozen=True, slots=True)
class Entry(Lines):
    """One mapping of a front-matter list, with the keys whose value the schema rejected
    (reported there: the stages say nothing more about them) and those values as written."""

    wrong: frozenset[str]
    written: Mapping[str, str] = field(hash=False)

    def as_written(self, key: str, value: object) -> str:
        """A field's value for a message: as written, if it was not of its type."""
        return self.written.get(key, repr(value))


@dataclass(frozen=True, slots=True)
class NoteEntry(Entry):
    id: str  # "" if none
    kind: str | None
    block: str | None
    text: str  # "" if none
    title: str


@dataclass(frozen=True, slots=True)
class EmendationEntry(Entry):
    block: str | None
    source: str
    reading: str
    reason: str


@dataclass(frozen=True, slots=True)
class PhotoEntry(Entry):
    block: str | None
    article: str | None
    image: str | None


@dataclass(frozen=True, slots=True)
class MentionPin(Entry):
    entity: str | None
    block: str | None
    occurrence: int  # 1-based occurrence of the entity's forms in the block; 0 = all
    exclude: bool
    usable: bool  # occurrence and exclude of their types (else the schema said so)


@dataclass(frozen=True, slots=True)
class FigureLabel(Entry):
    block: str | None
    text: str
    label: str
    label_zh: str
    theme: str


@dataclass(frozen=True, slots=True)
class CheckEntry(Entry):
    id: str
    label: str
    expr: str
    count: tuple[str, ...] | None  # None: an expression check
    equals: str


@dataclass(frozen=True, slots=True)
class ChartEntry(Entry):
    id: str
    title: str
    steps: tuple[str, ...]
    total: str
    description: str


@dataclass(frozen=True, slots=True)
class NumbersEntry(Entry):
    block: str | None
    value: float | None  # None: not a number (``shown`` says what it was)
    shown: str
    reason: str


E = TypeVar("E", bound=Entry)


@dataclass(frozen=True, slots=True)
class Listed(Generic[E]):
    """A front-matter list, with the problems of its shape and keys."""

    entries: tuple[E, ...] = ()
    problems: Problems = ()

    def report(self, diags: Diagnostics) -> tuple[E, ...]:
        diags.items.extend(self.problems)
        return self.entries


@dataclass(frozen=True, slots=True)
class Head(Lines):
    """What both languages' front matter have: the problems of the mapping itself (unknown
    keys; values of the wrong type, in its lists too)."""

    unknown: Problems
    schema: Problems


@dataclass(frozen=True, slots=True)
class ArticleFront(Head):
    id: str | None  # None: missing or not a valid id (``id_problems`` says so)
    id_problems: Problems
    kind: str  # article | page
    order: int
    numbered: bool  # 'order:' given as a whole number
    title: str
    vertical: frozenset[str]
    source_lines: tuple[tuple[int, int], ...]  # one per block; (0, 0) each if 'blocks:' is wrong
    problems: Problems  # of its kind and its 'blocks:'
    notes: Listed[NoteEntry] = field(default_factory=Listed)
    emendations: Listed[EmendationEntry] = field(default_factory=Listed)
    photos: Listed[PhotoEntry] = field(default_factory=Listed)
    mentions: Listed[MentionPin] = field(default_factory=Listed)
    figures: Listed[FigureLabel] = field(default_factory=Listed)
    checks: Listed[CheckEntry] = field(default_factory=Listed)
    charts: Listed[ChartEntry] = field(default_factory=Listed)
    ranges: int = -1  # how many ranges 'blocks:' lists (-1: none, or not a list)


@dataclass(frozen=True, slots=True)
class TranslationFront(Head):
    id: str | None
    id_shown: str  # the id as written, for a message
    translator: str
    translates: str | None
    numbers: Listed[NumbersEntry] = field(default_factory=Listed)
