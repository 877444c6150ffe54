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


def lint_text(edition: Edition, diags: Diagnostics) -> None:
    for article in edition.all_articles:
        for block in article.blocks:
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
