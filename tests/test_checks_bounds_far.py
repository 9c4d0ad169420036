"""A claim's bound far from the cited text's bound of the same thing ("fewer than 1000 people"
on "more than 200 people"): past BOUND_SLACK no figure decided it, and the numbers check
called 1000 a number the cited text lacks, a contradiction, though the ranges overlap.

The sentences are hand-written for this behaviour; no model is involved.
"""

from __future__ import annotations

import pytest

from summarizer.checks import Evidence, bound_verdict, bounds, run_checks, support

EVACUATED = "More than 200 people were evacuated from the town on Monday."


def _verdict(claim: str, cited: str = EVACUATED) -> tuple[str, list[str]]:
    found = run_checks(claim, Evidence([cited]))
    return support(found), [c.name for c in found if not c.passed]


@pytest.mark.parametrize(
    "claim",
    [
        "Fewer than 1000 people were evacuated from the town on Monday.",
        "Under 1000 people were evacuated from the town on Monday.",
        "Up to 1000 people were evacuated from the town on Monday.",
        "Nearly 1000 people were evacuated from the town on Monday.",
        "More than 1000 people were evacuated from the town on Monday.",
    ],
)
def test_a_far_bound_that_overlaps_the_cited_bound_is_unsupported_not_contradicted(
    claim: str,
) -> None:
    verdict, failed = _verdict(claim)
    assert verdict == "unverifiable", failed
    assert "numbers" not in failed and "numbers-bound-dropped" in failed
    (bound,) = bounds(claim)
    assert bound_verdict(bound, Evidence([EVACUATED])) == ("open", "'more than 200'")


@pytest.mark.parametrize(
    ("claim", "says"),
    [
        ("Fewer than 100 people were evacuated from the town on Monday.", "fewer than 100"),
        # past the slack: excluded by the range, no longer only a number the text lacks
        ("Fewer than 50 people were evacuated from the town on Monday.", "fewer than 50"),
        ("Under 20 people were evacuated from the town on Monday.", "under 20"),
    ],
)
def test_a_bound_whose_range_cannot_meet_the_cited_bound_is_contradicted(
    claim: str, says: str
) -> None:
    found = run_checks(claim, Evidence([EVACUATED]))
    assert support(found) == "contradicted"
    numbers = next(c for c in found if c.name == "numbers")
    assert f"the claim says '{says}' where the cited text says 'more than 200'" in numbers.detail


def test_a_far_figure_of_another_thing_decides_nothing() -> None:
    """Only a figure of what the bound counts is read past the slack: 200 homes say nothing
    of how many people, and 1000 stays a number the cited text lacks."""
    cited = "More than 200 homes were evacuated from the town on Monday."
    (bound,) = bounds("Fewer than 1000 people were evacuated from the town on Monday.")
    assert bound_verdict(bound, Evidence([cited])) is None


def test_a_far_bound_the_cited_figure_entails_stays_a_number_it_lacks() -> None:
    """As before: "more than 20" on "more than 200" is true, but not what the source says."""
    verdict, failed = _verdict("More than 20 people were evacuated from the town on Monday.")
    assert verdict == "contradicted" and failed[:1] == ["numbers"]
