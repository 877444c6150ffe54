"""A synthetic archive in this edition's own format, for benchmarks.

``python bench/generate.py N DIR`` writes a project folder of N bilingual articles
(zh + en pairs with front matter: source ranges, figure labels, notes, mention pins),
the real page's glossaries, templates and static files. Deterministic for a given N and
seed: the articles are drawn from the real page's block pairs, so every translation
passes the build's alignment and number checks and the annotation density is the real
page's (~5 KB of Markdown an article).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition.content import load_document, text_hash  # noqa: E402
from edition.cut import block_markdown  # noqa: E402
from edition.errors import BuildError, Diagnostics  # noqa: E402
from edition.ids import local_block_ids  # noqa: E402
from edition.numbers import extract_zh  # noqa: E402
from edition.pipeline import make_edition  # noqa: E402

# Every generated article stands on one page folder, as the real page's do.
PAGE = "content/2020-05-25/p12"


def real_pairs() -> list[tuple[str, str, str]]:
    """(kind, zh, en) of every paragraph and subhead of the real page."""
    pairs = []
    for zh_path in sorted((ROOT / PAGE).glob("0[1-9]-*.zh.md")):
        zh = load_document(zh_path, ROOT, Diagnostics())
        en = load_document(zh_path.with_name(zh_path.name.replace(".zh.", ".en.")), ROOT, Diagnostics())
        assert zh is not None and en is not None
        pairs += [
            (a.kind, a.text, b.text)
            for a, b in zip(zh.blocks, en.blocks, strict=True)
            if a.kind in ("paragraph", "subhead")
        ]
    return pairs


def article(
    n: int, rng: random.Random, pairs: list[tuple[str, str, str]], headlines: list[tuple[str, str]]
) -> tuple[str, str]:
    head_zh, head_en = rng.choice(headlines)
    body = [("headline", head_zh, head_en)] + [
        p for p in rng.sample(pairs, 9) if p[0] == "paragraph" or rng.random() < 0.5
    ]
    kinds = [k for k, _, _ in body]
    ids = local_block_ids(kinds)
    figures = []
    for local, (_kind, zh, _en) in zip(ids, body, strict=True):
        for q in extract_zh(zh):
            if q.kind == "quantity" and zh.count(q.text) == 1 and len(figures) < 25:
                figures.append(
                    f'  - {{text: "{q.text}", block: {local}, label: "synthetic figure {len(figures) + 1}", theme: other}}'
                )
    lines = "".join(f"  - [{10 * i + 1}, {10 * i + 9}]\n" for i in range(len(body)))
    zh_front = (
        f"---\nid: a{n:05d}\nkind: article\norder: {n}\ntitle: {head_zh}\nsource: synthetic.txt\n"
        f"notes:\n- {{id: n1, kind: editorial, block: p1, text: 'Synthetic note on article {n}.'}}\n"
        "figures:\n" + ("\n".join(figures) + "\n" if figures else "") + f"blocks:\n{lines}---\n\n"
    )
    zh_body = "\n\n".join(block_markdown(k, zh) for k, zh, _ in body) + "\n"
    en_body = "\n\n".join(block_markdown(k, en) for k, _, en in body) + "\n"
    digest = text_hash([type("B", (), {"kind": k, "text": zh})() for k, zh, _ in body])
    en_front = f"---\nid: a{n:05d}\ntranslator: synthetic\ntranslates: {digest}\n---\n\n"
    return zh_front + zh_body, en_front + en_body


def generate(count: int, target: Path, seed: int = 2020) -> Path:
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    (target / PAGE).mkdir(parents=True)
    (target / "source").mkdir()
    for part in ("templates", "static"):
        shutil.copytree(ROOT / part, target / part)
    glossaries = {
        name: (ROOT / "content" / name).read_text(encoding="utf-8") for name in ("entities.yaml", "terms.yaml")
    }
    for name in ("00-page.zh.md", "00-page.en.md"):
        page = (ROOT / PAGE / name).read_text(encoding="utf-8")
        page = re.sub(r"article: (moyu|urban-renewal)", "article: a00001", page)
        (target / PAGE / name).write_text(page, encoding="utf-8")
    (target / "source" / "synthetic.txt").write_text("synthetic\n", encoding="utf-8")
    settings = (ROOT / PAGE / "page.toml").read_text(encoding="utf-8")
    settings = re.sub(r'source = ".*"', 'source = "source/synthetic.txt"', settings)
    sha = hashlib.sha256(b"synthetic\n").hexdigest()
    settings = re.sub(r'source_sha256 = ".*"', f'source_sha256 = "{sha}"', settings)
    (target / PAGE / "page.toml").write_text(settings, encoding="utf-8")
    # No layout: the synthetic text is no witness, and a build accounts for a page's lines
    # only where its layout declares them (edition/fidelitystage.py).
    site = (ROOT / "site.toml").read_text(encoding="utf-8").split("[redirects]")[0]
    (target / "site.toml").write_text(site, encoding="utf-8")
    pairs = real_pairs()
    headlines = [(zh, en) for kind, zh, en in pairs if kind == "subhead"]
    for n in range(1, count + 1):
        zh, en = article(n, rng, pairs, headlines)
        stem = f"{n:02d}-a{n:05d}" if n < 100 else f"{n}-a{n:05d}"
        (target / PAGE / f"{stem}.zh.md").write_text(zh, encoding="utf-8")
        (target / PAGE / f"{stem}.en.md").write_text(en, encoding="utf-8")
    # A small archive names only some of the real page's entities, and the build rightly
    # refuses an entity named nowhere: keep those the build finds (it decides, not a guess).
    for name, source in glossaries.items():
        (target / "content" / name).write_text(source, encoding="utf-8")
    for _ in range(3):
        try:
            make_edition(target)
            break
        except BuildError as exc:
            unused = {
                d.message.split(":")[0].removeprefix("entity ") for d in exc.diagnostics if "found nowhere" in d.message
            }
            if not unused:
                raise
            for name in glossaries:
                path = target / "content" / name
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                data["entities"] = [e for e in data["entities"] if e["id"] not in unused]
                path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    generate(args.count, args.target, args.seed)
