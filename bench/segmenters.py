"""Compare word segmenters on the page against the hand-checked reference (the README's table).

    python bench/segmenters.py

Each segmenter cuts the text between the same fixed spans the build uses (the glossary's
mentions, numbers with their units); "no fixed spans" is the chosen one given the bare sentence.
A segmenter that is not installed is reported as such (jieba: `pip install jieba==0.42.1`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from edition import reading, segment  # noqa: E402
from edition.model import Edition  # noqa: E402
from edition.pipeline import make_edition  # noqa: E402

REFERENCE = ROOT / "tests" / "fixtures" / "reading" / "segmentation.txt"
Cut = Callable[[str], list[str]]


def rows() -> list[tuple[str, list[str]]]:
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    return [(b, w.split("|")) for b, w in (x.split("\t") for x in lines if x.strip() and not x.startswith("#"))]


def score(edition: Edition, cut: Cut, fixed: bool = True) -> tuple[float, float, float]:
    entities = {e.id: e for e in edition.entities}
    tp = fp = fn = 0
    for block_id, words in rows():
        text = "".join(words)
        if fixed:
            block = edition.blocks_by_id[block_id]
            at = block.zh.index(text)
            spans = [
                segment.Fixed(f.start - at, f.end - at, f.kind, f.entity)
                for f in reading.fixed_spans(edition, block, entities)
                if at <= f.start and f.end <= at + len(text)
            ]
            original = segment._jieba_cut
            segment._jieba_cut = lambda t: cut(t) if t else []
            segment._cut.cache_clear()
            try:
                mine = [t.text for t in segment.segment(text, spans)]
            finally:
                segment._jieba_cut = original
                segment._cut.cache_clear()
        else:
            mine = cut(text)
        theirs, ours = segment.boundaries(words), segment.boundaries(mine)
        tp, fp, fn = tp + len(theirs & ours), fp + len(ours - theirs), fn + len(theirs - ours)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    edition = make_edition(ROOT)[0]
    candidates: list[tuple[str, Callable[[], Cut], bool]] = []

    def rjieba(hmm: bool) -> Cut:
        import rjieba as r

        seg = r.Jieba()
        return lambda t: list(seg.cut(t, hmm))

    def jieba(hmm: bool) -> Cut:
        import jieba as j

        j.setLogLevel(60)
        j.initialize()
        return lambda t: j.lcut(t, HMM=hmm)

    candidates += [
        ("rjieba, HMM on", lambda: rjieba(True), True),
        ("rjieba, HMM off", lambda: rjieba(False), True),
        ("jieba, HMM on", lambda: jieba(True), True),
        ("jieba, HMM off", lambda: jieba(False), True),
        ("rjieba, no fixed spans", lambda: rjieba(True), False),
    ]
    for name, make, fixed in candidates:
        try:
            start = time.perf_counter()
            cut = make()
            loaded = time.perf_counter() - start
        except ImportError as exc:
            print(f"{name:<24} not installed ({exc.name})")
            continue
        p, r, f = score(edition, cut, fixed)
        print(f"{name:<24} precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  load {loaded:.2f} s")


if __name__ == "__main__":
    main()
