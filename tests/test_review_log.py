"""Issue 16: the translation review is logged in the repository, block by block: every block of
the edition has an entry, and every finding a severity, a resolution and a reviewer and date."""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.pipeline import make_edition

LOG = Path("content/review/translation-review.yaml")
SEVERITIES = {"critical", "major", "minor"}


def test_the_review_log_covers_every_block_once(root: Path) -> None:
    edition, _, _ = make_edition(root)
    log = yaml.safe_load((root / LOG).read_text(encoding="utf-8"))
    logged = [entry["block"] for entry in log["blocks"]]
    assert sorted(logged) == sorted(b.id for a in edition.all_articles for b in a.blocks)
    assert len(logged) == len(set(logged))


def test_every_finding_has_severity_resolution_reviewer_and_date(root: Path) -> None:
    log = yaml.safe_load((root / LOG).read_text(encoding="utf-8"))
    counted: dict[str, int] = {}
    for entry in log["blocks"]:
        assert entry["reviews"], entry["block"]
        for review in entry["reviews"]:
            assert review["reviewer"] and review["date"], entry["block"]
            for finding in review["findings"]:
                assert finding["severity"] in SEVERITIES
                assert finding["finding"].strip() and finding["resolution"].strip()
                counted[finding["severity"]] = counted.get(finding["severity"], 0) + 1
    # the summary of round 1 is what the blocks say
    summary = log["rounds"][0]["findings_by_severity"]
    assert {k: v for k, v in summary.items() if v} == counted


def test_the_translator_line_says_who_drafted_and_that_review_is_pending(root: Path) -> None:
    edition, _, _ = make_edition(root)
    for article in edition.all_articles:
        assert "AI model" in article.translator and "not yet reviewed" in article.translator
