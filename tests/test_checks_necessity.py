"""A negated light noun of necessity: "without any requirement to pay tax" negates having to
pay it, which a claim states as "needs to pay tax", "must pay tax" or "is required to pay tax"
(checks.check_negation). A claim that only says "pays tax" is not contradicted.

The sentences are hand-written after a SummEdits tuning row's source (sales_call); no model is
involved.
"""

from __future__ import annotations

import pytest

from summarizer import make_article, verify
from summarizer.checks import Evidence, check_negation

CITED = "The beneficiaries will receive the payments without any requirement to pay tax."


def _negation(claim: str) -> str:
    """The negation check's detail, "" when it passes."""
    check = check_negation(claim, Evidence([CITED]))
    return "" if check.passed else check.detail


@pytest.mark.parametrize(
    "claim",
    [
        "The beneficiaries need to pay tax on the payments.",
        "The beneficiaries must pay tax on the payments.",
        "The beneficiaries are obliged to pay tax.",
    ],
)
def test_a_claim_of_the_negated_necessity_is_contradicted(claim: str) -> None:
    assert _negation(claim) == "the cited text negates 'pay tax'; the claim does not"


@pytest.mark.parametrize(
    "claim",
    [
        "The beneficiaries pay tax on the payments.",  # one may pay what one need not
        "The beneficiaries need not pay tax.",  # the claim negates it too
        "The beneficiaries will receive the payments.",
        "The beneficiaries need to sign a form.",  # necessity of another thing
    ],
)
def test_the_same_fact_or_another_need_is_not_contradicted(claim: str) -> None:
    assert _negation(claim) == ""


def test_verify_contradicts_the_misread_tax_requirement() -> None:
    doc = (
        "Our policies offer a death benefit to the beneficiaries, who will receive the payments "
        "without any requirement to pay tax. The premium depends on the client's age."
    )
    [claim] = verify(
        "The beneficiaries need to pay tax on the payments.", [make_article(doc)], judge=False
    ).claims
    assert claim.verdict == "contradicted", claim.reasons
    assert "negation: the cited text negates 'pay tax'; the claim does not" in claim.reasons
