"""A claim's "May" (the month, or Theresa May) does not keep the cited text's hedge "may".

Before: "The new bridge will open in May" was supported by "the new bridge may open in May":
the claim's month was read as the hedge it kept."""

from __future__ import annotations

import pytest

import summarizer

BRIDGE = "Officials said the new bridge may open in May after a long delay."
VOTE = "Theresa May said the vote may fail in parliament."


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        (BRIDGE, "The new bridge will open in May after a long delay."),
        (VOTE, "Theresa May said the vote will fail in parliament."),
    ],
)
def test_a_month_or_a_name_keeps_no_hedge(source: str, draft: str) -> None:
    (claim,) = summarizer.verify(draft, [source]).claims
    assert claim.support == "contradicted"
    assert any("drops the cited text's 'may'" in c.detail for c in claim.checks if not c.passed)


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        (BRIDGE, "The new bridge may open in May after a long delay."),
        (VOTE, "Theresa May said the vote may fail in parliament."),
    ],
)
def test_the_hedge_itself_still_keeps_it(source: str, draft: str) -> None:
    (claim,) = summarizer.verify(draft, [source]).claims
    assert claim.support == "supported"
