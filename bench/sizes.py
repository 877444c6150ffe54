"""Where a built site's bytes go, per article: what issue 13's "at most 100 KB of files per
article" has to be weighed against.

    python bench/sizes.py OUT ARTICLES

OUT is a built site; ARTICLES the number of articles in it. Each file is counted once, under
the first kind that claims it; inside article pages, the notes and "cite this" sections are
also counted on their own (they are part of "article pages", not added to the total).

The column "text" is what of an HTML page a reader reads: its body without tags, entities
written out, runs of white space as one (UTF-8 bytes). No markup can make a page smaller
than its text, so the column is the floor any slimmer design of the same pages stands on.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections import Counter
from pathlib import Path

KB = 1024  # as bench/report.py counts a KB (its table's "KB per article")
VIEWS = ("zh-hant/", "zh/", "en/")  # the parallel view has no prefix
# (kind, a pattern of the path without its view prefix), first match wins
KINDS = (
    ("vocabulary pages", re.compile(r"^\d{4}-\d\d-\d\d/p\d+/[^/]+/words/")),
    ("article pages", re.compile(r"^\d{4}-\d\d-\d\d/p\d+/[^/]+/index\.html$")),
    ("newspaper pages", re.compile(r"^\d{4}-\d\d-\d\d/p\d+/index\.html$")),
    ("entity pages and index", re.compile(r"^(entity|index)/")),
    ("figures appendix", re.compile(r"^figures/")),
    ("export: edition.json", re.compile(r"^edition\.json$")),
    ("export: TEI", re.compile(r"^edition\.tei\.xml$")),
    ("export: figures CSV and JSON", re.compile(r"^figures\.(csv|json)$")),
    ("search index (Pagefind)", re.compile(r"^pagefind/")),
    ("reading data (pinyin, glosses)", re.compile(r"^reading/")),
    ("source texts", re.compile(r"^source/")),
)
SECTIONS = (
    ("  of which: notes sections", re.compile(r'<section class="notes".*?</section>', re.S)),
    ("  of which: 'cite this'", re.compile(r'<details class="cite".*?</details>', re.S)),
)


_HEAD = re.compile(r"<head>.*?</head>|<script\b.*?</script>|<style\b.*?</style>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def text_bytes(page: str) -> int:
    """The bytes of what a reader reads of an HTML page (see the module's docstring)."""
    text = html.unescape(_TAG.sub(" ", _HEAD.sub(" ", page)))
    return len(_SPACE.sub(" ", text).strip().encode())


def kind_of(path: str) -> tuple[str, str]:
    """(kind, view) of a path relative to the site."""
    view = next((v for v in VIEWS if path.startswith(v)), "")
    rest = path[len(view) :]
    for kind, pattern in KINDS:
        if pattern.search(rest):
            return kind, view or "parallel"
    return "everything else", view or "parallel"


def account(out: Path) -> tuple[Counter[str], Counter[str], int, Counter[str]]:
    """Bytes by kind, bytes by view (article pages only), the total, and the reader's text
    of the HTML pages by kind."""
    kinds: Counter[str] = Counter()
    views: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    total = 0
    for dirpath, _dirs, names in os.walk(out):
        for name in names:
            path = Path(dirpath, name)
            size = path.stat().st_size
            total += size
            kind, view = kind_of(path.relative_to(out).as_posix())
            kinds[kind] += size
            if name.endswith(".html"):
                page = path.read_text(encoding="utf-8")
                texts[kind] += text_bytes(page)
                if kind == "article pages":
                    views[f"  in the {view} view"] += size
                    texts[f"  in the {view} view"] += text_bytes(page)
                    for section, pattern in SECTIONS:
                        found = pattern.findall(page)
                        kinds[section] += sum(len(m.encode()) for m in found)
                        texts[section] += sum(text_bytes(m) for m in found)
    return kinds, views, total, texts


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    out, articles = Path(argv[0]), int(argv[1]) if argv[1].isdigit() else 0
    if not out.is_dir() or articles < 1:
        print(f"not a built site and a number of articles: {' '.join(argv)}", file=sys.stderr)
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    kinds, views, total, texts = account(out)
    print(f"{'kind':<36} {'KB/article':>10} {'share':>6} {'text':>6}")
    rows = [(k, kinds[k]) for k, _ in KINDS[:2]] + sorted(views.items()) + [(s, kinds[s]) for s, _ in SECTIONS]
    rows += [(k, kinds[k]) for k, _ in KINDS[2:]] + [("everything else", kinds["everything else"])]
    for kind, size in rows:
        text = f"{texts[kind] / articles / KB:>6.1f}" if kind in texts else ""
        print(f"{kind:<36} {size / articles / KB:>10.1f} {size / total:>6.1%} {text}".rstrip())
    # the sections are inside the article pages: each page's text counted once
    pages = sum(v for k, v in texts.items() if not k.startswith("  "))
    print(f"{'total':<36} {total / articles / KB:>10.1f} {1:>6.0%} {pages / articles / KB:>6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
