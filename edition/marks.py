"""Inline marks: mentions and figures turned into links inside a block's rendered text.

Marks are standoff spans (start, end) over the text as transcribed. The text between and
inside marks is rendered separately, each piece escaped by the Markdown renderer, so a
mark can never break out of its element and no content can inject markup.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from edition.markup import render_inline
from edition.model import Block, Edition, Entity, Mention


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    href: str
    css: str
    id: str = ""
    describedby: str = ""


def render_marked(text: str, spans: Sequence[Span], convert: Callable[[str], str] = str) -> Markup:
    """Render ``text`` with each span as a link; overlapping spans after the first are dropped."""
    out: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position or span.end > len(text) or span.start >= span.end:
            continue
        out.append(render_inline(convert(text[position : span.start])))
        attrs = f' class="{escape(span.css)}" href="{escape(span.href)}"'
        if span.id:
            attrs += f' id="{escape(span.id)}"'
        if span.describedby:
            attrs += f' aria-describedby="{escape(span.describedby)}"'
        out.append(f"<a{attrs}>{render_inline(convert(text[span.start : span.end]))}</a>")
        position = span.end
    out.append(render_inline(convert(text[position:])))
    return Markup("".join(out))  # noqa: S704 - every piece above is escaped


class Marker:
    """Marks for every block of an edition: mention spans (and, later, figure spans)."""

    def __init__(self, edition: Edition) -> None:
        self.entities = {e.id: e for e in edition.entities}
        self.mentions: dict[str, list[Mention]] = {}
        for entity in edition.entities:
            for mention in entity.mentions:
                self.mentions.setdefault(mention.block, []).append(mention)
        for mentions in self.mentions.values():
            mentions.sort(key=lambda m: (m.start < 0, m.start, m.en_start))
        # Figures link to their row of the appendix; in the Chinese only, where they were printed.
        self.extra: dict[tuple[str, str], list[Span]] = {}
        for figure in edition.figures:
            end = figure.start + len(figure.text)
            self.extra.setdefault((figure.block, "zh"), []).append(
                Span(figure.start, end, f"figures/#{figure.id}", "fig")
            )

    def mention_id(self, mention: Mention, lang: str) -> str:
        block = self.mentions[mention.block]
        return f"{mention.block}-{'m' if lang == 'zh' else 'e'}{block.index(mention) + 1}"

    def spans(self, block: Block, lang: str) -> list[Span]:
        spans: list[Span] = []
        for mention in self.mentions.get(block.id, ()):
            entity = self.entities[mention.entity]
            css = f"m t-{entity.type}"
            start = mention.start if lang == "zh" else mention.en_start
            if start < 0:
                continue
            end = start + len(mention.zh if lang == "zh" else mention.en)
            spans.append(Span(start, end, f"#n-{entity.id}", css, self.mention_id(mention, lang), f"nt-{entity.id}"))
        # A mark of another layer yields to a mention: a name is read before its number.
        spans.extend(
            x
            for x in self.extra.get((block.id, lang), ())
            if not any(x.start < m.end and m.start < x.end for m in spans)
        )
        return spans

    def render(
        self, block: Block, lang: str, convert: Callable[[str], str] = str, url: Callable[[str], str] = str
    ) -> Markup:
        """The block's text with its marks; ``url`` turns site paths into links from this page."""
        text = block.zh if lang == "zh" else block.en
        spans = [
            s if s.href.startswith("#") else dataclasses.replace(s, href=url(s.href)) for s in self.spans(block, lang)
        ]
        return render_marked(text, spans, convert)

    def entities_in(self, blocks: Sequence[Block], zh: bool, en: bool) -> list[tuple[Entity, str]]:
        """Entities marked in these blocks in a view showing zh and/or en, in order of
        first mark, each with the anchor of that first mark (the note's way back)."""
        first: dict[str, str] = {}
        for block in blocks:
            for mention in self.mentions.get(block.id, ()):
                if zh and mention.start >= 0:
                    first.setdefault(mention.entity, self.mention_id(mention, "zh"))
                elif en and mention.en_start >= 0:
                    first.setdefault(mention.entity, self.mention_id(mention, "en"))
        return [(self.entities[k], anchor) for k, anchor in first.items()]
