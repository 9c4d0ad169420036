"""A sentence that moves two things two ways says each of its own: "would raise the top rate
... and cut the rate for the lowest bracket" carries "lift the top rate" (a blind tester's
faithful claim, rejected once directions of change became opposites); "lower the top rate"
stays contradicted. A passage written for this test."""

from __future__ import annotations

from tests.verdicts import checked

TAX = (
    "Finance minister Lena Oduya on Tuesday unveiled a budget that would raise the top income "
    "tax rate from 45 percent to 48 percent for earnings above 150,000 crowns a year and cut "
    "the rate for the lowest bracket from 20 percent to 18 percent."
)


def test_each_direction_is_said_of_its_own_thing() -> None:
    claim = "Oduya's budget would lift the top income tax rate to 48% from 45%."
    assert checked(claim, [TAX]) == ("supported", "")
    wrong = "Oduya's budget would lower the top income tax rate to 48% from 45%."
    assert checked(wrong, [TAX])[0] == "contradicted"
