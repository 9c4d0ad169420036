"""Faults of the rule-based verifier (verify6) in hedges: a draft sentence that states as
fact what the sources only hedge ("may miss the final"), carried by another sentence that
lacks the verb. Texts are the tests' own."""

from __future__ import annotations

import pytest

from .verdicts import checked

INJURY = (
    "Cup semi-final\n\nKirkby Athletic reached the final on Saturday. Striker Tomas Vey "
    "pulled up with a calf injury after an hour. Manager Ruth Obi said striker Vey may miss "
    "the final."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Striker Tomas Vey will miss the final with a calf injury.",
        "Tomas Vey will miss the final.",
    ],
)
def test_a_dropped_hedge_is_not_supported(claim: str) -> None:
    verdict, detail = checked(claim, [INJURY])
    assert verdict != "supported", detail


def test_a_kept_hedge_is_supported() -> None:
    verdict, detail = checked("Manager Ruth Obi said striker Vey may miss the final.", [INJURY])
    assert verdict == "supported", detail
