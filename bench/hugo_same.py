"""A SAME-WORK Hugo twin of an archive made by bench/generate.py.

    .venv/bin/python bench/hugo_same.py CORPUS SITE

Adopted from ../shared/bench/hugo_same.py (the layouts are in bench/hugo_layouts.py). What
Hugo gets, as content already decided (this script's own time is reported apart, not timed):

* the project's own model of the archive (make_edition: the same blocks, the same mention
  and figure spans, numbered as the project numbers them, via edition.marks.Marker), so that
  every page carries the same marks;
* four languages: parallel (root), zh-hans, en, zh-hant; the Traditional text converted here
  with the project's OpenCC conversion, piece by piece, so that Hugo only renders;
* each article's blocks as Markdown, one {{% pair %}} shortcode per block (anchor,
  permalink, citation of the passage), the parallel language interleaving Chinese and
  English; marks as Markdown links that a link render hook turns into the project's
  <a class="m t-TYPE" id=... aria-describedby=...>; the citations name each article's own
  newspaper, date and page;
* a front for every newspaper page (its own blocks and its list of articles) and a home page
  listing the dates and their pages, in every language;
* a taxonomy `entities` (each article's terms in the order of first mark), rendered in all
  four languages, paginated so that there are about as many term pages as our entity pages;
  each article lists its entities' notes (partialCached once per term and language) and the
  first eight other places naming each;
* a figures list per language (50 articles a page, as our appendix), about and search pages,
  and the exports (edition.json, figures.csv, edition.tei.xml) on the parallel home.

Prints one JSON line of counts.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from hugo_layouts import LAYOUT_FILES  # noqa: E402

LANGS = {  # hugo key -> (project view code, output prefix, show_zh, show_en, ui column, html lang)
    "parallel": ("parallel", "", True, True, "en", "en"),
    "zh-hans": ("zh", "zh-hans/", True, False, "zh", "zh-Hans"),
    "en": ("en", "en/", False, True, "en", "en"),
    "zh-hant": ("zh-hant", "zh-hant/", True, False, "zh-hant", "zh-Hant"),
}

CONFIG = """\
baseURL = "https://example.org/"
title = "Synthetic archive (Hugo same-work twin)"
defaultContentLanguage = "parallel"
defaultContentLanguageInSubdir = false
disableKinds = ["RSS", "sitemap", "robotstxt"]
enableRobotsTXT = false
enableGitInfo = false
hasCJKLanguage = true
summaryLength = 40

[taxonomies]
  entity = "entities"

[pagination]
  pagerSize = 50
  disableAliases = true  # no page/1/ redirect pages: our site writes none

[markup.goldmark.renderer]
  unsafe = true

[mediaTypes."text/csv"]
  suffixes = ["csv"]

[outputFormats.edition]
  mediaType = "application/json"
  baseName = "edition"
  isPlainText = true
[outputFormats.figurescsv]
  mediaType = "text/csv"
  baseName = "figures"
  isPlainText = true
[outputFormats.tei]
  mediaType = "application/xml"
  baseName = "edition.tei"
  isPlainText = true

[languages]
  [languages.parallel]
    contentDir = "content/parallel"
    languageName = "Parallel"
    locale = "en"
    weight = 1
    [languages.parallel.params]
      htmllang = "en"
      zhlang = "zh-Hans"
  [languages.zh-hans]
    contentDir = "content/zh-hans"
    languageName = "简体中文"
    locale = "zh-Hans"
    weight = 2
    [languages.zh-hans.params]
      htmllang = "zh-Hans"
      zhlang = "zh-Hans"
  [languages.en]
    contentDir = "content/en"
    languageName = "English"
    locale = "en"
    weight = 3
    [languages.en.params]
      htmllang = "en"
      zhlang = "zh-Hans"
  [languages.zh-hant]
    contentDir = "content/zh-hant"
    languageName = "繁體中文"
    locale = "zh-Hant"
    weight = 4
    [languages.zh-hant.params]
      htmllang = "zh-Hant"
      zhlang = "zh-Hant"
"""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
APPENDIX_ARTICLES = 50  # as our figures appendix: the figures of 50 articles a part


def page_params(date: str, number: int, paper: tuple[str, str], section: str) -> dict[str, Any]:
    y, m, d = (int(x) for x in date.split("-"))
    return {
        "date": date,
        "date_slash": date.replace("-", "/"),
        "date_long": f"{MONTHS[m - 1]} {d}, {y}",
        "date_parts": [y, m, d],
        "page": number,
        "paper_zh": paper[0],
        "paper_en": paper[1],
        "section": section,
    }


def newspaper_pages(edition: Any) -> list[tuple[dict[str, Any], Any, list[Any]]]:
    """(page params, front, articles) of every newspaper page of the archive."""
    out = []
    for page in edition.pages:
        info = page.info
        params = page_params(info.date, info.page, (info.newspaper_zh, info.newspaper_en), info.section_en)
        out.append((params, page.front, list(page.articles)))
    return out


def theme_name(theme: Any, show_zh: bool, show_en: bool, conv: Any) -> str:
    """A figure theme's name in a view: English, Chinese, or both (the parallel view)."""
    if theme is None:
        return ""
    names = ([theme.name_en] if show_en else []) + ([conv(theme.name_zh)] if show_zh else [])
    return " ".join(names)


def term_pager(edition: Any) -> int:
    """Articles per term page so that Hugo makes about as many term pages as we make entity pages."""
    try:
        from edition.parts import article_runs, row_parts

        ours = sum(len(row_parts(article_runs(e.mentions))) for e in edition.entities)
    except ImportError:  # no parts module: one entity page each
        ours = len(edition.entities)
    per_entity = [len({m.article for m in e.mentions}) for e in edition.entities]
    return min(range(1, 2001), key=lambda p: abs(sum(max(1, math.ceil(n / p)) for n in per_entity) - ours))


def marked(marker: Any, block: Any, lang: str, conv: Any, fig_dest: str, stats: dict[str, int], count: bool) -> str:
    """A block's text in one language with its marks as Markdown links (see RENDER_LINK)."""
    text = block.zh if lang == "zh" else block.en
    out, position = [], 0
    for s in sorted(marker.spans(block, lang), key=lambda s: (s.start, -s.end)):
        if s.start < position or s.end > len(text) or s.start >= s.end:
            continue
        out.append(conv(text[position : s.start]))
        if s.css == "fig":
            dest, title = fig_dest + "#" + s.href.split("#", 1)[1], "fig||"
            stats["figures"] += count
        else:
            dest, title = s.href, f"{s.css}|{s.id}|{s.describedby}"
            stats["marks"] += count
        out.append(f'[{conv(text[s.start : s.end])}]({dest} "{title.replace(chr(34), "&quot;")}")')
        position = s.end
    out.append(conv(text[position:]))
    prefix = {"headline": "# ", "subhead": "## "}.get(block.kind, "")
    return prefix + "".join(out)


def body(
    marker: Any, article: Any, show: tuple[bool, bool], conv: Any, fig_dest: str, stats: dict[str, int], count: bool
) -> str:
    parts = []
    for block in article.blocks:
        first, last = block.source_lines
        where = f"{first}–{last}" if last != first else str(first)
        parts.append(f'{{{{% pair id="{block.id}" k="{block.kind}" l="{where}" %}}}}')
        for lang, shown in zip(("zh", "en"), show, strict=True):
            if shown:
                parts.append(
                    f"{{{{% {lang} %}}}}\n{marked(marker, block, lang, conv, fig_dest, stats, count)}\n{{{{% /{lang} %}}}}"
                )
        parts.append("{{% /pair %}}")
        stats["blocks"] += count
    return "\n\n".join(parts) + "\n"


def write_ui(site: Path, corpus: Path, to_hant: Any) -> None:
    """Interface strings: the project's ui.yaml, one i18n file per language (zh-hant via OpenCC):
    the strings our build uses for the corpus, the generator's overlaid by any of its own
    (edition/overlay.py)."""
    from edition.overlay import load_templates

    ui = dict(load_templates(corpus).strings)
    extra = {
        "search": ("Search", "搜索"),
        "figures": ("Figures", "数字"),
        "cite": ("Cite", "引用"),
        "cite_passage": ("Cite passage", "引用本段"),
        "also_in": ("Named in", "见于"),
        "page": ("Page", "版"),
        "description": ("An annotated bilingual edition.", "双语注释版。"),
        "parts": ("Parts", "分页"),
    }
    for key, (en, zh) in extra.items():
        ui.setdefault(key, {"en": en, "zh": zh})
    for lang, (_code, _prefix, _zh, _en, column, _html) in LANGS.items():
        table = {}
        for key, entry in ui.items():
            if isinstance(entry, dict):
                text = str(
                    entry.get("zh", entry.get("en", ""))
                    if column == "zh-hant"
                    else entry.get(column, entry.get("en", ""))
                )
                table[key] = to_hant(text) if column == "zh-hant" else text
        (site / "i18n" / f"{lang}.yaml").write_text(
            yaml.safe_dump({k: {"other": v} for k, v in table.items()}, allow_unicode=True), encoding="utf-8"
        )


def convert(corpus: Path, site: Path) -> dict[str, Any]:
    t0 = time.perf_counter()
    from edition.marks import Marker
    from edition.pipeline import make_edition
    from edition.views import to_hant

    made = make_edition(corpus.resolve())
    edition = made[0] if isinstance(made, tuple) else made
    t_model = time.perf_counter() - t0
    marker = Marker(edition)
    pages = newspaper_pages(edition)
    articles = [a for _, _, arts in pages for a in arts]
    part = {a.id: n // APPENDIX_ARTICLES + 1 for n, a in enumerate(articles)}
    weight = {a.id: n + 1 for n, a in enumerate(articles)}  # the archive's order: prev/next links
    figures_by_article: dict[str, list[Any]] = {}
    for f in edition.figures:
        figures_by_article.setdefault(f.article, []).append(f)

    if site.exists():
        shutil.rmtree(site)
    for name, text in LAYOUT_FILES.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    (site / "i18n").mkdir()
    write_ui(site, corpus, to_hant)
    pager = term_pager(edition)
    themes = {t.id: t for t in edition.config.themes}
    (site / "hugo.toml").write_text(CONFIG + f"\n[params]\n  termpager = {pager}\n", encoding="utf-8")

    stats = {"articles": 0, "fronts": 0, "blocks": 0, "marks": 0, "figures": 0, "terms": len(edition.entities)}
    about = (ROOT / "README.md").read_text(encoding="utf-8")[:60000].replace("{{", "{ {")
    for lang, (_code, prefix, show_zh, show_en, _column, _html) in LANGS.items():
        count = lang == "parallel"
        conv = to_hant if lang == "zh-hant" else (lambda s: s)
        root = site / "content" / lang
        for folder in ("articles", "figures", "entities", "fronts"):
            (root / folder).mkdir(parents=True)
        home: dict[str, Any] = {"title": "Archive" if show_en else conv("档案")}
        if count:
            home["outputs"] = ["html", "edition", "figurescsv", "tei"]
        (root / "_index.md").write_text("---\n" + yaml.safe_dump(home, allow_unicode=True) + "---\n", encoding="utf-8")
        (root / "figures" / "_index.md").write_text("---\ntitle: Figures\n---\n", encoding="utf-8")
        (root / "about.md").write_text("---\ntitle: About\nlayout: plain\n---\n\n" + about, encoding="utf-8")
        (root / "search.md").write_text(
            "---\ntitle: Search\nlayout: plain\n---\n\nSearch the edition.\n", encoding="utf-8"
        )
        for e in edition.entities:
            front = {"title": e.en if show_en else conv(e.zh), "zh": conv(e.zh), "en": e.en, "pinyin": e.pinyin,
                     "kind": e.type, "note_kind": e.note_kind, "wikidata": e.wikidata, "sources": list(e.sources)}  # fmt: skip
            (root / "entities" / e.id).mkdir()
            (root / "entities" / e.id / "_index.md").write_text(
                "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + e.note + "\n",
                encoding="utf-8",
            )

        def title(a: Any) -> str:
            return str(a.title_en if show_en else conv(a.title_zh))  # noqa: B023

        for params, front_doc, page_articles in pages:
            front = {**params, "title": title(front_doc), "title_zh": conv(front_doc.title_zh),
                     "first_block": front_doc.blocks[0].id,
                     "articles": [{"id": a.id, "title": title(a)} for a in page_articles]}  # fmt: skip
            text = json.dumps(front, ensure_ascii=False, indent=1) + "\n\n"
            text += body(marker, front_doc, (show_zh, show_en), conv, f"/{prefix}figures/", stats, False)
            (root / "fronts" / f"{params['date']}-p{params['page']:02d}.md").write_text(text, encoding="utf-8")
            stats["fronts"] += count
            for article in page_articles:
                n = part[article.id]
                fig_dest = f"/{prefix}figures/" + ("" if n == 1 else f"page/{n}/")
                listed = marker.entities_in(list(article.blocks), show_zh, show_en)
                figs = [
                    {
                        "id": f.id,
                        "block": f.block,
                        "text": conv(f.text),
                        "value": f.value,
                        "unit": conv(f.unit),
                        "qualifier": f.qualifier,
                        # the theme's name in the view's language(s), as our appendix shows it
                        "theme": theme_name(themes.get(f.theme), show_zh, show_en, conv),
                        "label": f.label_en + (" " + conv(f.label_zh) if f.label_zh and show_zh else ""),
                    }
                    for f in figures_by_article.get(article.id, [])
                ]
                data = {
                    **params,
                    "title": title(article),
                    "title_zh": conv(article.title_zh),
                    "title_en": article.title_en,
                    "weight": weight[article.id],
                    "first_block": article.blocks[0].id,
                    "entities": [e.id for e, _ in listed],
                    "first": {e.id: anchor for e, anchor in listed},
                    "notes": [
                        {
                            "id": note.id,
                            "kind": note.kind,
                            "text": note.text,
                            "block": note.block or article.blocks[0].id,
                        }
                        for note in article.notes
                    ],
                    "figures": figs,
                }
                # JSON front matter (the file starts with "{"): Hugo's fastest front-matter parser.
                text = json.dumps(data, ensure_ascii=False, indent=1) + "\n\n"
                text += body(marker, article, (show_zh, show_en), conv, fig_dest, stats, count)
                (root / "articles" / f"{article.id}.md").write_text(text, encoding="utf-8")
                stats["articles"] += count
    return {**stats, "termpager": pager, "model_s": round(t_model, 2), "total_s": round(time.perf_counter() - t0, 2)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("site", type=Path)
    args = parser.parse_args()
    print(json.dumps(convert(args.corpus, args.site)))
