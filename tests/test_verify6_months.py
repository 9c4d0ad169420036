"""Faults of the rule-based verifier (verify6) in months: "March" and "May" alone were never
read as months, so a changed month after "in" or "by" passed. Texts are the tests' own."""

from __future__ import annotations

import pytest

from .verdicts import checked

RECALL = (
    "Scooter recall\n\nPellam recalled 12,000 e-scooters on Monday. The company said "
    "replacement batteries would begin shipping in May."
)
BY_MARCH = "Bridge works\n\nThe county said the repaired bridge would reopen by March."


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Replacement batteries will begin shipping in March.", RECALL),
        ("Replacement batteries will begin shipping in June.", RECALL),
        ("The repaired bridge will reopen by May.", BY_MARCH),
    ],
)
def test_another_month_is_contradicted(claim: str, source: str) -> None:
    verdict, detail = checked(claim, [source])
    assert verdict == "contradicted", detail
    assert "month" in detail


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Replacement batteries will begin shipping in May.", RECALL),
        ("The repaired bridge will reopen by March.", BY_MARCH),
    ],
)
def test_the_same_month_is_supported(claim: str, source: str) -> None:
    verdict, detail = checked(claim, [source])
    assert verdict == "supported", detail
