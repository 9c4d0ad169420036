"""Faults of the rule-based verifier (verify4) where a source's words are not its statement: a
figure a correction says was wrong, and what posts or rumours say that the source calls false.
Texts are the tests' own, made up for these behaviours; no model is involved.
"""

from __future__ import annotations

from .verdicts import checked as _checked

CORRECTED = (
    "Ferry numbers climb\n\nCORRECTION, 2 May: This report incorrectly said that the "
    "Tullagh ferry carried 640,000 passengers in 2024. We apologise for the error.\n\nThe "
    "Tullagh ferry had its busiest year in 2024, its operator said, and plans a second boat."
)
RUMOUR = (
    "Fact check: library closures\n\nMessages claiming that Dunmore Council will close every "
    "branch library in June have circulated widely on WhatsApp. That is untrue: the council "
    "says all branches stay open."
)


def test_a_figure_a_correction_disowns_is_contradicted() -> None:
    claim = "The Tullagh ferry carried 640,000 passengers in 2024."
    verdict, why = _checked(claim, [CORRECTED])
    assert verdict == "contradicted", why


def test_the_corrected_figure_stays_supported() -> None:
    claim = "The Tullagh ferry had its busiest year in 2024."
    assert _checked(claim, [CORRECTED])[0] == "supported"


def test_what_rumours_say_is_not_the_sources_statement() -> None:
    claim = "Dunmore Council will close every branch library in June."
    verdict, why = _checked(claim, [RUMOUR])
    assert verdict == "contradicted", why  # the source calls it untrue


def test_the_rumour_reported_as_one_stays_supported() -> None:
    claim = (
        "Messages claiming that Dunmore Council will close every branch library have circulated."
    )
    assert _checked(claim, [RUMOUR])[0] == "supported"
