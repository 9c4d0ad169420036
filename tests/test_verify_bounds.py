"""A quantity phrased as a bound ("more than 200", "nearly 260", "fewer than 300") held against
the exact number its cited text gives (checks.bound_verdict). Hand-written sentences, not real
news."""

from __future__ import annotations

import pytest

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support

STORM = "The storm killed 250 people."


@pytest.mark.parametrize(
    "claim",
    [
        "The storm killed more than 200 people.",
        "The storm killed over 200 people.",
        "The storm killed at least 200 people.",
        "The storm killed at least 250 people.",
        "The storm killed nearly 260 people.",
        "The storm killed almost 270 people.",
        "The storm killed about 240 people.",
        "The storm killed roughly 260 people.",
        "The storm killed fewer than 300 people.",
        "The storm killed under 300 people.",
        "The storm killed up to 300 people.",
        "The storm killed more than two hundred people.",
    ],
)
def test_a_bound_the_exact_number_satisfies_is_supported(claim: str) -> None:
    checks = run_checks(claim, Evidence([STORM]))
    assert support(checks) == "supported", [c for c in checks if not c.passed]


@pytest.mark.parametrize(
    ("claim", "says"),
    [
        ("The storm killed more than 300 people.", "more than 300"),
        ("The storm killed at least 251 people.", "at least 251"),
        ("The storm killed fewer than 200 people.", "fewer than 200"),
        ("The storm killed under 250 people.", "under 250"),
        ("The storm killed nearly 240 people.", "nearly 240"),  # nearly: below, not above
        ("The storm killed almost 250 people.", None),  # the number is there, not "almost" it
        ("The storm killed about 150 people.", "about 150"),
        ("The storm killed nearly 400 people.", "nearly 400"),
    ],
)
def test_a_bound_the_exact_number_contradicts_is_contradicted(claim: str, says: str | None) -> None:
    checks = run_checks(claim, Evidence([STORM]))
    assert support(checks) == "contradicted", claim
    if says is not None:
        reasons = " ".join(c.detail for c in checks if not c.passed)
        assert says in reasons and "250" in reasons, reasons


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("The storm killed 200 people.", STORM),  # a wrong exact number stays wrong
        ("The storm killed 250 people.", "The storm killed more than 200 people."),
        ("The storm killed more than 250 people.", "The storm killed nearly 300 people."),
    ],
)
def test_an_exact_or_bounded_figure_the_source_only_bounds_is_not_supported(
    claim: str, source: str
) -> None:
    assert support(run_checks(claim, Evidence([source]))) != "supported", claim


def test_a_bound_far_from_the_number_is_not_held_against_it() -> None:
    # true, but not what the source says: "more than 20" stays a number the cited text lacks
    checks = run_checks("The storm killed more than 20 people.", Evidence([STORM]))
    assert support(checks) != "supported"
    assert [c.name for c in checks if not c.passed][:1] == ["numbers"], checks


def test_a_bound_is_not_held_against_an_amount_of_another_currency() -> None:
    checks = run_checks(
        "Net debt fell below $26 billion.", Evidence(["Net debt fell to 25 billion euros."])
    )
    assert support(checks) != "supported"


def test_a_bound_is_held_against_the_number_of_the_same_thing() -> None:
    source = "The storm killed 250 people and destroyed 40 homes."
    assert support(run_checks("The storm destroyed over 30 homes.", Evidence([source]))) == (
        "supported"
    )
    # 250 is people, not homes: the homes were 40
    checks = run_checks("The storm destroyed over 200 homes.", Evidence([source]))
    assert support(checks) != "supported"


def test_bounded_amounts_of_money_compare_by_value() -> None:
    source = "The company lost $2.4 billion last year."
    good = run_checks("The company lost more than $2 billion last year.", Evidence([source]))
    bad = run_checks("The company lost more than $3 billion last year.", Evidence([source]))
    assert support(good) == "supported", [c for c in good if not c.passed]
    assert support(bad) == "contradicted"


def test_a_rounded_figure_for_an_approximate_one_is_left_alone() -> None:
    checks = run_checks(
        "The storm killed 250 people.", Evidence(["The storm killed about 250 people."])
    )
    assert support(checks) == "supported", [c for c in checks if not c.passed]


def test_a_draft_with_a_true_bound_is_accepted() -> None:
    report = verify("The storm killed more than 200 people.", [STORM], judge=False)
    assert report.ok, report.claims[0].reasons
