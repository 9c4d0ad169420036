"""Faults of the rule-based verifier (verify4) in who won a contest: a result told the other
way round by "lost to" or by a score line, and agents that are common nouns. Texts are the
tests' own, made up for these behaviours; no model is involved.
"""

from __future__ import annotations

import pytest

import summarizer


def _checked(claim: str, sources: list[str]) -> tuple[str, str]:
    """The draft verdict of one sentence against ``sources``, with no LLM judge, and the
    details of its failed checks."""
    report = summarizer.verify(claim, sources, judge=False)
    assert len(report.claims) == 1
    found = report.claims[0]
    verdict = "supported" if found.supported else str(found.support)
    return verdict, "; ".join(f"{c.name}: {c.detail}" for c in found.checks if not c.passed)


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
