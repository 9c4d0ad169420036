"""Faults of the rule-based verifier (verify6) in negation: a "did not" of one cited sentence
undone by a word another cited sentence states, and a clause someone denies read as stated.
Texts are the tests' own."""

from __future__ import annotations

import pytest

from .verdicts import checked

PRICES = (
    "Corvale results\n\nCorvale Brewing posted higher sales on Thursday. Turnover grew 5 "
    "percent, helped by price increases. Finance chief Ines Marr said the brewer had raised "
    "prices twice in the past year and did not plan further increases this year. The shares "
    "gained 2 percent."
)
DENIED = (
    "Port dispute\n\nDock workers at Selby Wharf will strike from Monday. Managing director "
    "Owen Pell denied union claims that the firm planned to hire temporary crews during the "
    "strike. Talks resume on Friday."
)
DENIED_BARE = (
    "Port dispute\n\nDock workers at Selby Wharf will strike from Monday. Managing director "
    "Owen Pell denied that the firm planned to hire temporary crews during the strike."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Finance chief Ines Marr said the brewer planned further price increases this year.",
        "Ines Marr said Corvale planned further increases this year.",
    ],
)
def test_a_did_not_is_not_undone_by_another_sentence(claim: str) -> None:
    verdict, detail = checked(claim, [PRICES])
    assert verdict == "contradicted", detail


def test_what_the_negating_sentence_states_is_still_supported() -> None:
    claim = "Ines Marr said the brewer had raised prices twice in the past year."
    verdict, detail = checked(claim, [PRICES])
    assert verdict == "supported", detail


@pytest.mark.parametrize("source", [DENIED, DENIED_BARE])
@pytest.mark.parametrize(
    "claim",
    [
        "Owen Pell said the firm planned to hire temporary crews during the strike.",
        "The firm planned to hire temporary crews during the strike.",
    ],
)
def test_a_denied_that_clause_is_not_stated(claim: str, source: str) -> None:
    verdict, detail = checked(claim, [source])
    assert verdict == "contradicted", detail


def test_a_claim_that_keeps_the_denial_is_supported() -> None:
    claim = "Owen Pell denied claims that the firm planned to hire temporary crews."
    verdict, detail = checked(claim, [DENIED])
    assert verdict == "supported", detail
