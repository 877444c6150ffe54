"""The search index: Pagefind (extended build, which segments Chinese) over the rendered
pages, made in memory and added to the site like any other file.

One combined index, forced to Chinese: the parallel pages hold both languages, and a
Chinese index still splits English on spaces, while an English one would not segment
Chinese. Entity names and aliases are added as extra terms.

Chinese is indexed one character a word. Pagefind segments Chinese with a dictionary
(charabia's jieba) that the browser does not have: 公益性岗位 is indexed as 公益|性|岗位,
and a query is matched word by word, each query word as the start of an indexed word, so a
query split any other way (公益|性岗|位, or 万|元 for the indexed 万元, as the browser's own
word breaker splits it on a page in Chinese) finds nothing. The pages given to Pagefind have
a space between any two Chinese characters (charabia splits Chinese from digits and Latin
letters by itself), and the search page splits a query the same way (static/search.js):
every run of characters in the text is found, and the page keeps the passages that hold the
query whole. The pages served are not changed.

What those added spaces hide is told to the search page by empty elements with an id, which
Pagefind records as anchors (their place among its words) without adding a word: ``_sp`` where
the text itself has a space between Chinese characters (高位统筹 凝聚帮扶共识: the search page
takes the added spaces out of an excerpt and keeps that one), and ``_en`` where a passage's
English begins (a Chinese view's excerpt is the passage's Chinese, the English view's its English).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from edition.errors import BuildError, Diagnostic, Loc
from edition.model import Edition
from edition.views import HAN, to_hant

BUNDLE = "pagefind"

# Where a passage's English begins: a pair's (edition/blockhtml.py), a caption's after its Chinese
# (photo(): side by side, and Pagefind joins a passage's Chinese to its English: "示范区The").
_ENGLISH = re.compile(r'<(?:p|span) class="en" lang="en">|(?<=</span>)(?=<span lang="en">)')
ENGLISH_MARK = '<i id="_en"></i>'
SPACE_MARK = '<i id="_sp"></i>'
# A space of the text's own between two Chinese characters or their punctuation, tags skipped
# (a tag is matched whole first, so an attribute's text is never read as the text's).
_CJK = f"{HAN}\u3000-\u303f\uff00-\uffef"
_OWN_SPACE = re.compile(f"(<[^>]*>)|([{_CJK}](?:</[^>]*>)*)[ \u3000]+(?=(?:<[^/][^>]*>)*[{_CJK}])")
# Between two Chinese characters, a space; the titles Pagefind shows (its metadata, and those
# it reads from data-title-hant and data-title-en: edition/render.py's search_title) as they are.
_BETWEEN_HAN = re.compile(f'((?:data-pagefind-meta|data-title-hant|data-title-en)="[^"]*")|([{HAN}])(?=[{HAN}])')


def one_character_words(html: str) -> str:
    """The page as Pagefind indexes it: each Chinese character a word of its own, a space after
    each paragraph and before a passage's English, the text's own spaces between Chinese
    characters marked, and where a passage's English begins."""
    html = _OWN_SPACE.sub(lambda m: m[1] or f"{m[2]} {SPACE_MARK}", html)
    html = _BETWEEN_HAN.sub(lambda m: m[1] or m[2] + " ", html).replace("</p>", " </p>")
    return _ENGLISH.sub(lambda m: " " + ENGLISH_MARK + m[0], html)


def search_index(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Index the pages that carry ``data-pagefind-body``; return the bundle's files."""
    # The pages go to a scratch folder for Pagefind's own binary: its Python API takes
    # pages one request at a time and is ten times slower on a whole site. One page at a
    # time, so that pages read back from output/ are not all in memory at once.
    with tempfile.TemporaryDirectory(prefix="edition-search-") as tmp:
        site = Path(tmp) / "site"
        for path in files:
            if not path.endswith(".html"):
                continue
            data = files[path]
            if b"data-pagefind-body" in data:
                (site / path).parent.mkdir(parents=True, exist_ok=True)
                (site / path).write_text(one_character_words(data.decode("utf-8")), encoding="utf-8")
        out = Path(tmp) / BUNDLE
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site),
            "--output-path",
            str(out),
            "--force-language",
            "zh",
            # a passage's ¶ control is not its text (it showed in every excerpt)
            "--exclude-selectors",
            "a.pl",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BuildError(
                [
                    Diagnostic(
                        Loc("(search index)"),
                        f"Pagefind failed: {result.stderr.strip()[-300:] or result.stdout.strip()[-300:]}",
                        "check that pagefind[extended] is installed (./run build installs it); --no-search skips the index",
                    )
                ]
            )
        return {
            f"{BUNDLE}/{p.relative_to(out).as_posix()}": p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
        }


def traditional_tables(edition: Edition) -> tuple[str, str]:
    """The Traditional view's search page's two tables, made from the edition's own Chinese
    and its conversion (with the site's fixes), in one pass (0.3 s at 1,000 articles):

    - each Traditional character the view writes followed by the Simplified one it stands for
      ("脫脱貧贫…"): a query in Traditional characters is turned into the Simplified text the
      index holds. The forms the view writes only inside a phrase count too (鬆 in 不鬆勁, 係
      in 關係: usage walk 8, a reader who copied 不鬆勁 from the front page found nothing). A
      character the Simplified text also uses as itself (著 in 著名, beside 着) is left out:
      it must find itself.
    - how the view writes the Chinese, for the excerpts (the index holds the Simplified text):
      "脱脫贫貧…", each character as OpenCC converts it alone, then "|", then each pair of
      characters the text writes otherwise ("关系關係…": 系 alone is 系), where that pair is
      written so wherever it stands; an excerpt, a piece of that text, comes out as the view
      writes it, without OpenCC's dictionaries in the browser."""
    texts = [b.zh for a in edition.all_articles for b in a.blocks]
    texts += [name for e in edition.entities for name in (e.zh, *e.aliases_zh)]
    converted = [to_hant(zh) for zh in texts]
    # a text OpenCC writes in more or fewer characters (rare; not with s2tw) cannot be set
    # beside its conversion: its characters count, its pairs do not (a pair in it is unsteady)
    aligned = [(zh, hant) for zh, hant in zip(texts, converted, strict=True) if len(hant) == len(zh)]
    uneven = "\n".join(zh for zh, hant in zip(texts, converted, strict=True) if len(hant) != len(zh))
    zh_all, hant_all = "\n".join(zh for zh, _ in aligned), "\n".join(hant for _, hant in aligned)
    every = set(zh_all) | set(uneven)
    alone = {ch: form for ch in sorted(every - {"\n"}) if len(form := to_hant(ch)) == 1 and form != ch}
    plain = zh_all.translate({ord(ch): form for ch, form in alone.items()})
    otherwise = [i for i, (a, b) in enumerate(zip(plain, hant_all, strict=True)) if a != b]
    query: dict[str, str] = {}
    for ch, form in [*alone.items(), *((zh_all[i], hant_all[i]) for i in otherwise)]:
        if form != ch and form not in every:
            query.setdefault(form, ch)
    places: dict[str, str] = {}
    checked: dict[str, bool] = {}

    def steady(pair: str, form: str) -> bool:  # the pair written as ``form`` wherever it stands
        if pair not in checked:  # (overlapping places too: 万万)
            starts = [m.start() for m in re.finditer(f"(?={re.escape(pair)})", zh_all)]
            checked[pair] = pair not in uneven and all(hant_all[at : at + 2] == form for at in starts)
        return checked[pair]

    for i in otherwise:
        for at in (i - 1, i):  # with the character before it, or the one after it
            pair, form = zh_all[at : at + 2], hant_all[at : at + 2]
            if at >= 0 and len(pair) == 2 and "\n" not in pair and steady(pair, form):
                places.setdefault(pair, form)
                break
    forms = "".join(ch + form for ch, form in alone.items())
    pairs = "".join(zh + form for zh, form in sorted(places.items()))
    return "".join(h + s for h, s in sorted(query.items())), forms + "|" + pairs


def kept_search_index(out_dir: Path) -> dict[str, bytes | None]:
    """The index already in ``out_dir``, kept as it is (None: keep the file there): the dev
    server without ``--search`` leaves the index its first build made instead of deleting it."""
    folder = out_dir / BUNDLE
    if not folder.is_dir():
        return {}
    return {f"{BUNDLE}/{p.relative_to(folder).as_posix()}": None for p in sorted(folder.rglob("*")) if p.is_file()}
