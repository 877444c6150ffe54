"""What run.py prints: one row per size, the table, the JSON lines, and the issue-13 targets
with the measured ratios against them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

MB = 1024 * 1024


@dataclass
class Row:
    n: int
    ours_s: float | None = None
    hugo_s: float | None = None  # the same-work twin
    plain_s: float | None = None  # Hugo, one plain page per article (a reference only)
    edit_ms: float | None = None
    quick_ms: float | None = None
    ours_rss_mb: float | None = None  # largest single process
    ours_pss_mb: float | None = None  # all processes together
    hugo_rss_mb: float | None = None
    hugo_pss_mb: float | None = None
    ours_files: int | None = None
    ours_bytes: int | None = None
    hugo_files: int | None = None
    hugo_bytes: int | None = None
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        return self.ours_s / self.hugo_s if self.ours_s is not None and self.hugo_s else None

    @property
    def pss_ratio(self) -> float | None:
        return self.ours_pss_mb / self.hugo_pss_mb if self.ours_pss_mb is not None and self.hugo_pss_mb else None

    @property
    def kb_per_article(self) -> float | None:
        return None if self.ours_bytes is None else self.ours_bytes / 1024 / self.n

    @property
    def hugo_kb_per_article(self) -> float | None:
        return None if self.hugo_bytes is None else self.hugo_bytes / 1024 / self.n

    def json(self) -> str:
        def r(value: float | None, digits: int) -> float | None:
            return None if value is None else round(value, digits)

        return json.dumps(
            {
                "n": self.n,
                "ours_s": r(self.ours_s, 3),
                "hugo_s": r(self.hugo_s, 3),
                "ratio": r(self.ratio, 2),
                "plain_s": r(self.plain_s, 3),
                "edit_ms": r(self.edit_ms, 1),
                "quick_ms": r(self.quick_ms, 1),
                "ours_rss_mb": r(self.ours_rss_mb, 1),
                "ours_pss_mb": r(self.ours_pss_mb, 1),
                "hugo_rss_mb": r(self.hugo_rss_mb, 1),
                "hugo_pss_mb": r(self.hugo_pss_mb, 1),
                "pss_ratio": r(self.pss_ratio, 3),
                "ours_files": self.ours_files,
                "ours_bytes": self.ours_bytes,
                "kb_per_article": r(self.kb_per_article, 1),
                "hugo_files": self.hugo_files,
                "hugo_bytes": self.hugo_bytes,
                "hugo_kb_per_article": r(self.hugo_kb_per_article, 1),
            }
        )


def fmt(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(rows: list[Row]) -> str:
    head = ("N", "ours_s", "hugo_s", "ratio", "plain_s", "edit_ms", "quick_ms", "ours_pss_mb", "hugo_pss_mb",
            "pss_ratio", "ours_rss_mb", "hugo_rss_mb", "kb/article", "hugo_kb/article")  # fmt: skip
    body = [
        (
            str(r.n),
            fmt(r.ours_s, 3),
            fmt(r.hugo_s, 3),
            fmt(r.ratio, 2),
            fmt(r.plain_s, 3),
            fmt(r.edit_ms, 1),
            fmt(r.quick_ms, 1),
            fmt(r.ours_pss_mb, 1),
            fmt(r.hugo_pss_mb, 1),
            fmt(r.pss_ratio, 3),
            fmt(r.ours_rss_mb, 1),
            fmt(r.hugo_rss_mb, 1),
            fmt(r.kb_per_article, 1),
            fmt(r.hugo_kb_per_article, 1),
        )
        for r in rows
    ]
    widths = [max(len(c) for c in column) for column in zip(head, *body, strict=True)]
    lines = ["  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in (head, *body)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---------------------------------------------------------------- the targets (issue 13)


@dataclass(frozen=True)
class Target:
    what: str
    sizes: tuple[int, ...]  # the sizes the target is set at; () = any
    limit: float
    unit: str  # how measured values print: "x" ratio, "ms", "MB", "KB", "s"

    def judge(self, value: float | None, n: int | None) -> str:
        if value is None:
            return "not measured"
        verdict = "met" if value <= self.limit else "NOT met"
        if self.sizes and n not in self.sizes:
            verdict += f" (indicative: the target is set at N={', '.join(f'{s:,}' for s in self.sizes)})"
        return verdict


TARGETS = {
    "cold": Target("cold build <= 0.5x the same-work twin", (1000, 5000), 0.5, "x"),
    "pss_twin": Target("memory, all processes (PSS) <= 1/10 of the twin's", (5000,), 0.1, "x"),
    "pss_20k": Target("memory, all processes (PSS) <= 500 MB", (20000,), 500, "MB"),
    "edit": Target("edit in serve: all of output/ up to date <= 300 ms", (5000,), 300, "ms"),
    "quick": Target("edit in serve: the article's own pages <= 50 ms", (5000,), 50, "ms"),
    "real": Target("real edition, cold build <= 0.5 s", (), 0.5, "s"),
    "bytes": Target("output <= 100 KB per article (all views)", (), 100, "KB"),
}


def _value(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    return {"x": f"{value:.2f}x", "ms": f"{value:.0f} ms", "MB": f"{value:.0f} MB", "KB": f"{value:.1f} KB"}.get(
        unit, f"{value:.3f} s"
    )


def targets(rows: list[Row], real_s: float | None) -> list[str]:
    """One line per target and measured size: the value, the limit, and whether it is met."""
    measured = {
        "cold": lambda r: r.ratio,
        "pss_twin": lambda r: r.pss_ratio,
        "pss_20k": lambda r: r.ours_pss_mb,
        "edit": lambda r: r.edit_ms,
        "quick": lambda r: r.quick_ms,
        "bytes": lambda r: r.kb_per_article,
    }
    lines = ["targets (issue 13; one run, so ratios carry the machine's noise):"]
    for key, target in TARGETS.items():
        limit = _value(target.limit, target.unit)
        if key == "real":
            if real_s is not None:
                lines.append(f"  {target.what}: {_value(real_s, 's')} (limit {limit}): {target.judge(real_s, None)}")
            continue
        for row in rows:
            value = measured[key](row)
            if value is None:
                continue
            if key == "pss_20k" and row.n < 20000:  # the absolute limit is for 20,000 articles only
                continue
            lines.append(
                f"  {target.what}: N={row.n:,}: {_value(value, target.unit)} (limit {limit}): {target.judge(value, row.n)}"
            )
    return lines
