"""A hedge of the cited text ("reportedly", "allegedly", "may", "might", "could have", "is
expected/likely to", "is said to") that a
claim drops, stating as fact what the source only reports, suspects or expects
(checks.check_qualifiers, the qualifier classes' ``kept`` words). Hand-written sentences, not
real news."""

from __future__ import annotations

import pytest

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support

MAYOR = "The mayor reportedly ordered the closure."
FLED = "Police said the man may have fled north."
JOBS = "The company is expected to cut 300 jobs."
BRIBES = "He allegedly took bribes."


@pytest.mark.parametrize(
    ("claim", "source", "hedge"),
    [
        ("The mayor ordered the closure.", MAYOR, "reportedly"),
        ("The man fled north.", FLED, "may have"),
        ("Police said the man fled north.", FLED, "may have"),
        ("The company will cut 300 jobs.", JOBS, "expected to"),
        ("The company cut 300 jobs.", JOBS, "expected to"),
        ("The company is cutting 300 jobs.", JOBS, "expected to"),
        ("He took bribes.", BRIBES, "allegedly"),
    ],
)
def test_a_dropped_hedge_is_not_supported(claim: str, source: str, hedge: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert support(checks) != "supported", claim
    failed = [c for c in checks if not c.passed]
    assert any(c.name.startswith("qualifiers") and hedge in c.detail for c in failed), failed


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Police said the man may have fled north.", FLED),
        ("The man may have fled north.", FLED),
        ("The man might have fled north.", FLED),
        ("The mayor reportedly ordered the closure.", MAYOR),
        ("According to reports, the mayor ordered the closure.", MAYOR),
        ("The mayor is reported to have ordered the closure.", MAYOR),
        ("The company is expected to cut 300 jobs.", JOBS),
        ("He allegedly took bribes.", BRIBES),
        ("Prosecutors say he took bribes.", "Prosecutors say he allegedly took bribes."),
        # the hedge is said of something the claim does not state
        (
            "The mayor resigned on Friday.",
            "The mayor resigned on Friday after she reportedly ordered the closure.",
        ),
        ("The company cut 300 jobs.", "The company cut 300 jobs and is expected to cut 200 more."),
        # another cited sentence states it plainly
        ("The man fled north.", FLED + " The man fled north, his brother said."),
        # "May" the month is no hedge
        ("The council approved the plan.", "In May the council approved the plan."),
    ],
)
def test_a_kept_or_attributed_hedge_is_supported(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence(source.split(". ") if ". " in source else [source]))
    assert support(checks) == "supported", [c for c in checks if not c.passed]


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # words the cited text lacks ("likely", "accused") are the word checks' business
        ("The company is likely to cut 300 jobs.", JOBS),
        ("He is accused of taking bribes.", BRIBES),
        ("The man is believed to have fled north.", FLED),
    ],
)
def test_a_hedge_said_another_way_keeps_it(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert not [c for c in checks if c.name.startswith("qualifiers") and not c.passed], claim


def test_a_draft_that_drops_a_hedge_is_rejected_with_the_hedge_named() -> None:
    report = verify("He took bribes.", [BRIBES], judge=False)
    assert not report.ok
    assert any("allegedly" in r for r in report.claims[0].reasons), report.claims[0].reasons


FIRE = "The fire was set deliberately."


@pytest.mark.parametrize(
    ("source", "hedge"),
    [
        ("The fire may have been set deliberately.", "may"),
        ("The fire might have been set deliberately.", "might"),
        ("The fire could have been set deliberately.", "could have"),
        ("The fire is likely to have been set deliberately.", "likely to"),
        ("The fire is said to have been set deliberately.", "said to"),
        ("Investigators say the fire may have been set deliberately.", "may"),
    ],
)
def test_a_dropped_bare_hedge_is_not_supported(source: str, hedge: str) -> None:
    checks = run_checks(FIRE, Evidence([source]))
    assert support(checks) != "supported", source
    failed = [c for c in checks if not c.passed]
    assert any(c.name.startswith("qualifiers") and hedge in c.detail for c in failed), failed


@pytest.mark.parametrize(
    ("claim", "source", "hedge"),
    [
        ("The strike delays flights.", "The strike may delay flights.", "may"),
        ("The strike will delay flights.", "The strike might delay flights.", "might"),
        ("The company cuts 300 jobs.", "The company is likely to cut 300 jobs.", "likely to"),
    ],
)
def test_a_dropped_modal_is_not_supported(claim: str, source: str, hedge: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    failed = [c for c in checks if not c.passed]
    assert any(c.name.startswith("qualifiers") and hedge in c.detail for c in failed), failed


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("The fire might have been set deliberately.", "The fire may have been set deliberately."),
        ("The fire could have been set deliberately.", "The fire may have been set deliberately."),
        ("The strike could delay flights.", "The strike might delay flights."),
        ("The strike might delay flights.", "The strike may delay flights."),
        (
            "The fire is said to have been set deliberately.",
            "The fire is said to have been set deliberately.",
        ),
        (
            "The fire was reportedly set deliberately.",
            "The fire is said to have been set deliberately.",
        ),
        # "may" the month and "could" of ability are no hedges
        ("The council approved the plan.", "in may the council approved the plan ."),
        ("The council approved the plan.", "Since May last year the council approved the plan."),
        ("The council met on May 5.", "The council met on May 5."),
        (
            "Rescuers reached the village by boat.",
            "Rescuers could not reach the village by road, so they reached it by boat.",
        ),
        ("The team won the cup.", "The team won the cup, which it could never do before."),
    ],
)
def test_a_kept_bare_hedge_or_no_hedge_is_supported(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert support(checks) == "supported", [c for c in checks if not c.passed]


def test_a_draft_that_drops_a_bare_hedge_is_rejected_with_the_hedge_named() -> None:
    report = verify(FIRE, ["The fire may have been set deliberately."], judge=False)
    assert not report.ok
    assert any("'may'" in r for r in report.claims[0].reasons), report.claims[0].reasons


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("She called an early election.", "Theresa May called an early election."),
        ("Sales saw a record.", "After a slow spring, May saw a record in sales."),
    ],
)
def test_a_capitalised_may_mid_sentence_is_a_name_or_a_month(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert not [c for c in checks if c.name.startswith("qualifiers") and not c.passed], checks
