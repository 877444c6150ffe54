"""A synthetic archive in this edition's own format, for benchmarks.

    python bench/generate.py N DIR [--seed S]

writes a project folder of N bilingual articles of unique text (bench/textgen.py: no
paragraph is repeated, so no cache of the build hits on repeated text), spread over
newspaper pages of 10 to 20 articles, one to three pages a day on successive days, in the
archive layout (content/<date>/p<NN>/ with page.toml, layout.yaml, the page's own file and
its articles; each page's raw source text in source/).

Each page has a source text and a declared layout from which the project's cut gives
exactly the Chinese of its content files; figures carry labels and themes, sums carry
arithmetic checks, every article an editorial note; the glossaries hold the real page's
places and terms the text names, and made-up people, villages and companies (about one
for every three articles). Deterministic for a given N and seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from pagegen import DUMPER, Doc, Page, content_files, lay_out, make_article, make_page  # noqa: E402
from textgen import Entity, Piece, Writer, synthetic_entities  # noqa: E402

FIRST_DAY = dt.date(2020, 1, 2)
SITE_TITLE = ("基准测试档案", "Benchmark archive")


def _project_numbers() -> tuple[Callable[[str], Any] | None, Callable[[str, str], Any] | None]:
    """The build's own figure reader and number check, so that labels name each figure as the
    build finds it and a block that would fail the check is caught here (None if moved)."""
    sys.path.insert(0, str(ROOT))
    for module in ("edition.numbers", "edition.rules.numbers"):
        try:
            mod = __import__(module, fromlist=["extract_zh", "compare"])
            return mod.extract_zh, mod.compare
        except ImportError:
            continue
    return None, None


def real_glossaries() -> dict[str, list[dict[str, Any]]]:
    return {
        name: yaml.safe_load((ROOT / "content" / name).read_text(encoding="utf-8"))["entities"]
        for name in ("entities.yaml", "terms.yaml")
    }


def forms(entry: dict[str, Any]) -> list[str]:
    return [entry["zh"], *(entry.get("aliases_zh") or [])]


def candidates(
    glossaries: dict[str, list[dict[str, Any]]], extract: Callable[[str], Any] | None
) -> tuple[list[Entity], list[Entity]]:
    """The real places and terms the frames may name: none ambiguous, none whose Chinese is in
    the frames' own wording (it would be named without its English), none inside another, none
    printing a figure (四个中心: a figure no label could describe)."""
    probe_pool = [Entity("probe", "place", "〇", "Probe")]
    probe = Writer(random.Random(0), probe_pool, probe_pool, probe_pool)
    wording = "".join(probe.paragraph(4).zh for _ in range(300))
    entries = [e for name in glossaries for e in glossaries[name]]
    everything = [f for e in entries for f in forms(e)]
    places, terms = [], []
    for e in entries:
        mine = forms(e)
        if e.get("ambiguous") or any(f in wording for f in mine) or "、" in e["zh"] or len(e["zh"]) > 8:
            continue
        if extract is not None and any(q.kind == "quantity" for f in mine for q in extract(f)):
            continue
        if any(f != g and (f in g or g in f) for f in mine for g in everything if g not in mine):
            continue
        entity = Entity(e["id"], e["type"], e["zh"], e["en"], synthetic=False)
        if e["type"] == "place":
            places.append(entity)
        elif e["type"] == "term":
            terms.append(entity)
    return places, terms


def plan(count: int, rng: random.Random) -> list[tuple[str, int, int]]:
    """(date, page number, articles) for every page: 10 to 20 articles a page, 1 to 3 pages a day."""
    pages: list[tuple[str, int, int]] = []
    left, day = count, FIRST_DAY
    while left > 0:
        for number in sorted(rng.sample(range(1, 17), rng.randint(1, 3))):
            if left <= 0:
                break
            size = min(left, rng.randint(10, 20))
            pages.append((day.isoformat(), number, size))
            left -= size
        day += dt.timedelta(days=1)
    return pages


def glossary_files(
    used: set[str], glossaries: dict[str, list[dict[str, Any]]], synthetic: list[Entity]
) -> dict[str, str]:
    """The glossaries, holding only what the text names (the build refuses an entity named nowhere)."""
    out = {}
    for name, entries in glossaries.items():
        kept = [e for e in entries if e["id"] in used]
        if name == "entities.yaml":
            kept += [
                {
                    "id": s.id,
                    "type": s.type,
                    "zh": s.zh,
                    "aliases_zh": [],
                    "en": s.en,
                    "aliases_en": [],
                    "pinyin": s.pinyin,
                    "note": s.note,
                    "sources": [],
                }
                for s in synthetic
                if s.id in used
            ]
        out[name] = "# Synthetic bench glossary.\n" + yaml.dump(
            {"entities": kept}, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100
        )
    return out


def check_block(compare: Callable[[str, str], Any] | None, where: str, piece: Piece) -> None:
    if compare is None:
        return
    result = compare(piece.zh, piece.en)
    if result.missing or result.unexpected:
        raise RuntimeError(f"{where}: numbers differ ({result}): {piece.zh} / {piece.en}")


def site_toml() -> str:
    return (
        'base_url = "https://example.github.io/bench/"\n'
        'build_date = "2026-11-26"\n\n'
        "[site]\n"
        f'title_zh = "{SITE_TITLE[0]}"\ntitle_en = "{SITE_TITLE[1]}"\n'
        'short_title_zh = "基准测试"\nshort_title_en = "Bench"\n'
        'description_zh = "合成的双语注释档案，用于基准测试。"\n'
        'description_en = "A synthetic annotated bilingual archive, for benchmarks."\n'
        'editors = "The bench"\nlicense = "Synthetic text for benchmarks."\n'
        'search_examples = ["资金", "培训"]\n' + themes_toml()
    )


def themes_toml() -> str:
    """The real edition's figure themes (its site.toml's [[figures.themes]]): the corpus labels
    its figures with the same ids (textgen.COUNTED and the figure makers)."""
    themes = tomllib.loads((ROOT / "site.toml").read_text(encoding="utf-8"))["figures"]["themes"]
    return "".join(
        f'\n[[figures.themes]]\nid = "{t["id"]}"\nname_en = "{t["name_en"]}"\nname_zh = "{t["name_zh"]}"\n'
        for t in themes
    )


def page_toml(page: Page, source_sha256: str) -> str:
    title = page.title
    return (
        'newspaper_zh = "中国改革报"\nnewspaper_en = "China Reform Daily"\n'
        f'date = "{page.date}"\npage = {page.number}\n'
        f'section_zh = "{page.section[0]}"\nsection_en = "{page.section[1]}"\n'
        f'title_zh = "{title.zh}"\ntitle_en = "{title.en}"\n'
        f'source = "source/{page.source_name}"\nsource_sha256 = "{source_sha256}"\n'
        'layout = "layout.yaml"\n'
    )


def generate(count: int, target: Path, seed: int = 2020) -> Path:
    rng = random.Random(seed)
    extract, compare = _project_numbers()
    glossaries = real_glossaries()
    places, terms = candidates(glossaries, extract)
    taken = {f for entries in glossaries.values() for e in entries for f in forms(e)}
    synthetic = synthetic_entities(max(40, count // 3), rng, taken)
    writer = Writer(
        rng, places + [s for s in synthetic if s.type != "person"], [s for s in synthetic if s.type == "person"], terms
    )

    if target.exists():
        shutil.rmtree(target)
    (target / "content").mkdir(parents=True)
    (target / "source").mkdir()

    plans = plan(count, rng)
    n = 0
    for date, number, size in plans:
        articles: list[Doc] = []
        for order in range(1, size + 1):
            n += 1
            articles.append(make_article(writer, rng, f"a{n:05d}", order))
        page = make_page(writer, rng, date, number, articles)
        source, layout_yaml = lay_out(page)
        source_bytes = source.encode("utf-8")
        (target / "source" / page.source_name).write_bytes(source_bytes)
        folder = target / "content" / date / f"p{number:02d}"
        folder.mkdir(parents=True)
        (folder / "layout.yaml").write_text(layout_yaml, encoding="utf-8")
        (folder / "page.toml").write_text(page_toml(page, hashlib.sha256(source_bytes).hexdigest()), encoding="utf-8")
        for order, doc in enumerate(page.docs):
            for b in doc.blocks:
                check_block(compare, f"{page.key} {doc.id}", b.piece)
            zh, en = content_files(doc, order, page, extract, title=page.title.zh if order == 0 else None)
            (folder / f"{doc.stem}.zh.md").write_text(zh, encoding="utf-8")
            (folder / f"{doc.stem}.en.md").write_text(en, encoding="utf-8")
    (target / "site.toml").write_text(site_toml(), encoding="utf-8")

    used = {i for piece in writer.made for i in piece.entities}
    for name, text in glossary_files(used, glossaries, synthetic).items():
        (target / "content" / name).write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    generate(args.count, args.target, args.seed)
