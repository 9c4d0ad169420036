"""Three faults of the rule-based checks, found by trying: bounds of the claim and its cited
text that overlap were read as contrary ("fewer than 300" on "more than 200"), a reduced
relative ("Smith, backed by Jones, won") gave no roles, and a short day name ("Sat") was read
as a name in role reading.

The sentences are hand-written for these behaviours; no model is involved.
"""

from __future__ import annotations

import pytest

import summarizer
from summarizer.checks import Evidence, roles, run_checks, support

EVACUATED = "More than 200 people were evacuated from the town on Monday."


def _verdict(claim: str, cited: str) -> tuple[str, list[str]]:
    """The claim's verdict against ``cited``, and its failed checks' names."""
    found = run_checks(claim, Evidence([cited]))
    return support(found), [c.name for c in found if not c.passed]


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        ("Fewer than 300 people were evacuated from the town on Monday.", EVACUATED),
        ("Under 300 people were evacuated from the town on Monday.", EVACUATED),
        ("Nearly 300 people were evacuated from the town on Monday.", EVACUATED),
        (
            "More than 200 people were evacuated from the town on Monday.",
            "Fewer than 250 people were evacuated from the town on Monday.",
        ),
    ],
)
def test_overlapping_contrary_bounds_are_unsupported_not_contradicted(
    claim: str, cited: str
) -> None:
    verdict, failed = _verdict(claim, cited)
    assert verdict == "unverifiable", failed
    assert "qualifiers-unsupported" in failed
    # ranges that cannot overlap stay contradicted: test_verify_bounds'
    # test_a_bound_the_sources_bound_excludes_is_contradicted


@pytest.mark.parametrize("day", ["Sat", "Sat.", "Wed", "Thurs."])
def test_a_short_day_name_is_no_doer(day: str) -> None:
    """In "United on Sat beat Rovers", United won: read as a name, "Sat" was the doer, and
    the claim that reverses the sides passed."""
    cited = f"United on {day} beat Rovers at home."
    verdict, failed = _verdict(f"Rovers on {day} beat United at home.", cited)
    assert (verdict, failed) == ("contradicted", ["roles"])
    assert _verdict(cited, cited)[0] == "supported"
    # one role, United's win: the day is neither its doer nor a verb ("Sat" is no "sit")
    read = [(r.doer, r.verb, r.done_to) for r in roles(cited, {"united", "rovers"})]
    assert read == [("united", "beat", "rovers")]


SOURCE = (
    "Flood Hits Town\n\n" + EVACUATED + " Putin will visit Paris next week. Smith, backed by "
    "Jones, won the vote. The match is on Sat. Dec. 5, officials said."
)


def _draft_verdict(draft: str) -> str | None:
    """The verdict ``summarizer verify`` gives a one-sentence draft on SOURCE."""
    report = summarizer.verify(draft, [summarizer.make_article(SOURCE)])
    return report.claims[0].support


@pytest.mark.parametrize(
    ("draft", "verdict"),
    [
        ("Fewer than 300 people were evacuated from the town on Monday.", "unverifiable"),
        ("Jones, backed by Smith, won the vote.", "contradicted"),
    ],
)
def test_the_faults_drafts_get_their_verdicts(draft: str, verdict: str) -> None:
    assert _draft_verdict(draft) == verdict


KNOWN = {"smith", "jones", "brown"}  # as the body would capitalise them mid-sentence


def _roles_verdict(claim: str, cited: str) -> tuple[str, list[str]]:
    """As ``_verdict``, with the sources' names known."""
    found = run_checks(claim, Evidence([cited], known_names=KNOWN))
    return support(found), [c.name for c in found if not c.passed]


@pytest.mark.parametrize(
    ("claim", "cited"),
    [
        ("Jones, backed by Smith, won the vote.", "Smith, backed by Jones, won the vote."),
        ("Smith backed Jones.", "Smith, backed by Jones, won the vote."),
        ("Jones, invited by Smith, accepted.", "Smith, invited by Jones, accepted."),
        # the reduced relative's name does the main verb: Smith beat Brown, not Jones
        ("Brown defeated Smith.", "Smith, backed by Jones, defeated Brown."),
    ],
)
def test_a_reversed_reduced_relative_is_contradicted(claim: str, cited: str) -> None:
    assert _roles_verdict(claim, cited) == ("contradicted", ["roles"])
