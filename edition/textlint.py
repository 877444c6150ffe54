"""Warnings about the text itself that no other check sees (issue 14): Chinese left in the
English, and fullwidth digits (which the number check does not read as figures).

Warnings, not errors: a Chinese name may stand in an English sentence on purpose (then
`--strict`, as in CI, asks for the English), and fullwidth digits can be how a page printed.
"""

from __future__ import annotations

import re

from edition.errors import Diagnostics, show_invisible
from edition.model import Edition

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_FULLWIDTH_DIGITS = re.compile(r"[\uff10-\uff19][\uff10-\uff19\uff0e\uff0c]*")
# What, after a short name, makes a longer name of its own: 朝阳 in 朝阳路 is a road, not the
# district; 文献 in 文献资料 is not the district head. (Chinese has no spaces to tell.)
_LONGER = re.compile(
    r"路|街|门|桥|站|村|镇|乡|山|河|湖|园|楼|馆|院|所|厂|店|镇|资料|中心|公司|集团|大学|中学|小学|学校|医院|公园|广场|大街|小区"
)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")  # U+FFFD: what a NUL became


def lint_text(edition: Edition, diags: Diagnostics) -> None:
    _short_forms(edition, diags)
    for article in edition.all_articles:
        for block in article.blocks:
            for text, loc, lang in ((block.zh, block.loc, "Chinese"), (block.en, block.en_loc, "English")):
                control = _CONTROL.search(text)
                if control and loc is not None:  # an error: it would be published, unseen or as garbage
                    diags.error(
                        loc,
                        f"the {lang} of {block.id} has a character that cannot be shown: {show_invisible(control.group(0))}",
                        "delete it (it often comes with text pasted from a PDF)",
                    )
            if block.en and block.en_loc is not None:
                left = _HAN.findall(block.en)
                if left:
                    diags.warning(
                        block.en_loc,
                        f"the English of {block.id} has Chinese left in it: {'、'.join(dict.fromkeys(left))}",
                        "translate it; a name's characters belong in its glossary entry, not in the English text",
                    )
                digits = _FULLWIDTH_DIGITS.findall(block.en)
                if digits:
                    diags.warning(
                        block.en_loc,
                        f"the English of {block.id} has fullwidth digits: {show_invisible(digits[0])}",
                        "type the number with ASCII digits (0-9)",
                    )
            digits = _FULLWIDTH_DIGITS.findall(block.zh)
            if digits:
                diags.warning(
                    block.loc,
                    f"the Chinese of {block.id} has fullwidth digits: {show_invisible(digits[0])}; "
                    "the number check does not read them as a figure",
                    "write the digits as the source prints them (ASCII 0-9), declaring an emendation if the source has fullwidth ones",
                )


def _short_forms(edition: Edition, diags: Diagnostics) -> None:
    """A glossary form of two characters or fewer matched where the text goes on into a
    longer name (朝阳 + 路): likely another thing of the same name. A warning at the block."""
    blocks = {b.id: b for a in edition.all_articles for b in a.blocks}
    forms = {f for e in edition.entities for f in (e.zh, *e.aliases_zh)}
    for entity in edition.entities:
        for m in entity.mentions:
            block = blocks.get(m.block)
            if block is None or m.start < 0 or len(m.zh) > 2:
                continue
            after = _LONGER.match(block.zh, m.start + len(m.zh))
            if after is None:
                continue
            longer = m.zh + after.group(0)
            if any(longer in f for f in forms):
                continue
            diags.warning(
                block.loc,
                f"the glossary's {m.zh} ({entity.id}) is matched inside {longer} in {block.id}, "
                "which may name something else",
                f"if {longer} is not {entity.en}, mark the entity 'ambiguous: true' and pin its real mentions, "
                "or add an entry for the longer name",
            )
