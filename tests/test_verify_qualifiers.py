"""Qualifying words that change a fact while every content word stays (checks.QUALIFIERS):
opposition, near misses, modals against a past event, quantifiers, comparatives and spatial
opposites. Hand-written sentences, not real news."""

from __future__ import annotations

import pytest

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support

VOTE = "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River."


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "The city council voted 7-2 on Tuesday against building a new bridge over the Elm "
            "River.",
            VOTE,
        ),
        ("The council unanimously voted to build a new bridge.", VOTE),
        (
            "The city council nearly voted 7-2 on Tuesday to build a new bridge over the Elm "
            "River.",
            VOTE,
        ),
        ("The city council may vote on Tuesday to build a new bridge over the Elm River.", VOTE),
        ("The city council will vote on Tuesday to build a new bridge over the Elm River.", VOTE),
        (
            "The city council voted 7-2 on Tuesday to build a new bridge under the Elm River.",
            VOTE,
        ),
        (
            "Power was restored to all of the 200,000 homes.",
            "Power was restored to most of the 200,000 homes.",
        ),
        (
            "Officials said more than three people were injured.",
            "Officials said three people were injured.",
        ),
        ("Three people were allegedly injured.", "Officials confirmed three people were injured."),
    ],
)
def test_a_qualifier_that_changes_the_fact_is_not_supported(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert support(checks) != "supported", claim
    failed = [c for c in checks if not c.passed]
    assert any(c.name.startswith(("qualifiers", "antonyms")) for c in failed), failed


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Power was restored to all 200,000 homes.", "Power was restored to 200,000 homes."),
        ("Construction will start in May.", "Construction starts in May."),
        ("The bridge will cost 40 million dollars.", "The bridge is to cost 40 million dollars."),
        ("Work would begin in May, the mayor said.", "The mayor said work will begin in May."),
        (
            "Officials said more than three people were injured.",
            "Officials said more than three people were injured.",
        ),
        ("The council voted 7-2 to build a new bridge.", VOTE),
        ("Nearly all of the homes lost power.", "Almost all of the homes lost power."),
    ],
)
def test_a_qualifier_the_cited_text_says_or_implies_is_supported(claim: str, source: str) -> None:
    assert support(run_checks(claim, Evidence([source]))) == "supported", claim


def test_a_draft_that_flips_the_vote_is_not_supported() -> None:
    report = verify(
        "The city council voted 7-2 on Tuesday against building a new bridge over the Elm River.",
        [VOTE],
        judge=False,
    )
    assert not report.ok
    assert any("against" in r for r in report.claims[0].reasons)
