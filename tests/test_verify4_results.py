"""Faults of the rule-based verifier (verify4) in who won a contest: a result told the other
way round by "lost to" or by a score line, and agents that are common nouns. Texts are the
tests' own, made up for these behaviours; no model is involved.
"""

from __future__ import annotations

import pytest

from .verdicts import checked as _checked

BEAT = (
    "Harriers hold on\n\nOakvale Harriers beat Brindle Town 31-27 at Mill Lane on Sunday, "
    "surviving a late fightback."
)
SCORE_LINE = (
    "Weekend round-up\n\nIn the county cup, Oakvale Harriers 31-27 Brindle Town. The tie was "
    "settled by a late try."
)
SCORE_PAIRS = "Weekend round-up\n\nResults: Oakvale Harriers 31, Brindle Town 27. More to come."
LOST_TO = "Town go out\n\nBrindle Town lost to Oakvale Harriers 31-27 at Mill Lane on Sunday."


@pytest.mark.parametrize("source", [BEAT, SCORE_LINE, SCORE_PAIRS, LOST_TO])
@pytest.mark.parametrize(
    "claim",
    [
        "Brindle Town beat Oakvale Harriers 31-27.",
        "Oakvale Harriers lost to Brindle Town.",
        "Brindle Town defeated Oakvale Harriers.",
    ],
)
def test_a_reversed_result_is_contradicted(claim: str, source: str) -> None:
    verdict, why = _checked(claim, [source])
    assert verdict == "contradicted", why
    assert "roles" in why


@pytest.mark.parametrize("source", [BEAT, LOST_TO])
@pytest.mark.parametrize(
    "claim",
    [
        "Oakvale Harriers beat Brindle Town 31-27.",
        "Brindle Town lost to Oakvale Harriers 31-27.",
    ],
)
def test_the_result_the_right_way_round_stays_supported(claim: str, source: str) -> None:
    verdict, why = _checked(claim, [source])
    assert verdict == "supported", why


RESCUE = (
    "Climbers rescued\n\nMountain rescuers brought four climbers down from Carn Dubh on "
    "Sunday. Paramedics treated two of them for cold. Later a lifeboat crew towed a stranded "
    "kayak to shore."
)
TALKS = (
    "Bus strike talks\n\nTalks between the drivers' union and Kestrel Coaches resumed on "
    "Monday. Kestrel Coaches raised its pay offer to 6 per cent. A union official called it a "
    "step forward."
)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Firefighters brought four climbers down from Carn Dubh.", RESCUE),
        ("Four climbers were brought down from Carn Dubh by firefighters.", RESCUE),
        ("The union raised its pay offer to 6 per cent.", TALKS),
    ],
)
def test_a_deed_given_to_another_common_noun_doer_is_contradicted(claim: str, source: str) -> None:
    verdict, why = _checked(claim, [source])
    assert verdict == "contradicted", why
    assert "another doer" in why


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Mountain rescuers brought four climbers down from Carn Dubh.", RESCUE),
        ("Rescuers brought four climbers down from Carn Dubh.", RESCUE),
        ("Kestrel Coaches raised its pay offer to 6 per cent.", TALKS),
        ("The company raised its pay offer to 6 per cent.", TALKS),
    ],
)
def test_the_deed_given_to_its_doer_stays_supported(claim: str, source: str) -> None:
    verdict, why = _checked(claim, [source])
    assert verdict == "supported", why
