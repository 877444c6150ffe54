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
    counted: dict[int, dict[str, int]] = {}
    for entry in log["blocks"]:
        assert entry["reviews"], entry["block"]
        assert "round_2" not in entry, entry["block"]  # the slot reserved for round 2 is filled
        for review in entry["reviews"]:
            assert review["reviewer"] and review["date"], entry["block"]
            tally = counted.setdefault(review["round"], {})
            for finding in review["findings"]:
                assert finding["severity"] in SEVERITIES
                assert finding["finding"].strip() and finding["resolution"].strip()
                tally[finding["severity"]] = tally.get(finding["severity"], 0) + 1
    # the summary of each round is what the blocks say
    for round_ in log["rounds"]:
        summary = round_["findings_by_severity"]
        assert {k: v for k, v in summary.items() if v} == counted[round_["round"]]


def test_every_block_has_an_independent_second_review(root: Path) -> None:
    log = yaml.safe_load((root / LOG).read_text(encoding="utf-8"))
    drafter = log["rounds"][0]["reviewer"]
    for entry in log["blocks"]:
        second = [r for r in entry["reviews"] if r["round"] == 2]
        assert len(second) == 1, entry["block"]
        assert second[0]["reviewer"] != drafter and "not the drafting model" in second[0]["reviewer"]


def test_the_translator_line_says_who_drafted_and_who_reviewed(root: Path) -> None:
    edition, _, _ = make_edition(root)
    for article in edition.all_articles:
        line = article.translator
        assert "Drafted by an AI model" in line and "revised by the same drafting model" in line
        assert "independently reviewed" in line and "second AI model" in line
        assert "no human translator has reviewed it" in line  # honest: no human has checked it
