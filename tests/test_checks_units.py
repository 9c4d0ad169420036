"""What a figure counts ("200 homes" is not "200 people"), a bound that overlaps the source's
without entailing it, a lower-cased "theresa may said", and a repair's count of a held bound's
words (checks.other_things, checks.bound_verdict, checks._not_a_modal, checks.held_coverage).
Hand-written sentences, not real news."""

from __future__ import annotations

import pytest

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support
from summarizer.models import Check, Citation, Claim, Sentence
from summarizer.verify import verify_claim


def _failed(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if not c.passed}


# -- what a figure counts ----------------------------------------------------------------------


def test_a_figure_of_a_thing_the_source_gives_another_figure_is_contradicted() -> None:
    source = "The storm destroyed 200 homes and 12 people died."
    checks = run_checks("The storm killed 200 people.", Evidence([source]))
    assert support(checks) == "contradicted"
    detail = _failed(checks)["numbers"]
    assert "homes" in detail and "12 (people)" in detail, detail


def test_a_figure_of_a_thing_the_source_does_not_count_is_unsupported() -> None:
    checks = run_checks("Prices rose by 3 percent.", Evidence(["Prices rose by 3 points."]))
    assert support(checks) == "unverifiable"
    assert "numbers-unit" in _failed(checks), _failed(checks)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("The storm destroyed 200 homes.", "The storm destroyed 200 new homes."),
        ("The storm destroyed 200 new homes.", "The storm destroyed 200 homes."),
        ("The storm destroyed 200 homes.", "The storm destroyed 200 houses."),
        ("The storm destroyed 200 homes.", "The storm destroyed 200 family homes."),
        ("The storm killed 200 people.", "The storm killed 200."),
        ("The storm killed 200.", "The storm killed 200 people."),
        ("Prices rose by 3 percent.", "Prices rose by 3%."),
        ("The firm lost $5 million.", "The firm lost 5 million dollars."),
        ("The deal runs for four years.", "The four-year deal was signed."),
        ("In 2020 officers arrested the mayor.", "Police arrested the mayor in 2020."),
    ],
)
def test_a_figure_of_the_same_thing_or_of_nothing_named_is_supported(
    claim: str, source: str
) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert "numbers-unit" not in _failed(checks) and "numbers" not in _failed(checks), checks


def test_a_bound_is_not_held_by_a_figure_of_another_thing() -> None:
    # 250 counts cattle: the source does not say how many people
    source = "The storm killed 250 cattle as people fled."
    checks = run_checks("The storm killed more than 200 people.", Evidence([source]))
    assert support(checks) != "supported"


def test_a_bound_is_held_by_its_own_things_figure_whatever_else_its_number_counts() -> None:
    source = "The storm destroyed more than 200 homes and killed 250 people."
    checks = run_checks("The storm killed more than 200 people.", Evidence([source]))
    failed = _failed(checks)
    assert not {"numbers", "numbers-unit", "numbers-bound-dropped"} & set(failed), failed


def test_another_things_exact_figure_does_not_hide_a_dropped_bound() -> None:
    # the five women are exact; their possible sentence is "up to five years"
    source = "Five women may face up to five years in prison."
    checks = run_checks("Five women may face five years in prison.", Evidence([source]))
    assert support(checks) == "contradicted"
    assert "drops 'up to'" in _failed(checks)["numbers"]


def test_a_draft_figure_of_another_thing_is_not_accepted_leniently() -> None:
    # every word but "farms" is there: the lenient draft rule would overlook a missing word
    report = verify(
        "In the valley on Tuesday the storm hit 200 farms.",
        ["The storm destroyed 200 homes in the valley on Tuesday."],
        judge=False,
    )
    assert not report.ok
    assert any("numbers-unit" in r for r in report.claims[0].reasons), report.claims[0].reasons


# -- a bound that overlaps the source's ---------------------------------------------------------


def test_a_tighter_bound_is_unsupported_not_contradicted() -> None:
    source = "The storm killed more than 200 people."
    checks = run_checks("The storm killed more than 300 people.", Evidence([source]))
    assert support(checks) == "unverifiable", _failed(checks)
    assert "more than 200" in _failed(checks)["numbers-bound-dropped"]


def test_a_bound_the_sources_bound_rules_out_is_still_contradicted() -> None:
    source = "The storm killed more than 200 people."
    checks = run_checks("The storm killed fewer than 100 people.", Evidence([source]))
    assert support(checks) == "contradicted"


# -- "may" the name in lower-cased text ---------------------------------------------------------


def test_a_lower_cased_may_before_a_past_form_is_a_name_not_a_hedge() -> None:
    checks = run_checks("the deal is dead .", Evidence(["theresa may said the deal is dead ."]))
    assert "qualifiers" not in _failed(checks), _failed(checks)
    claim = "theresa may announced her resignation on friday ."
    checks = run_checks(
        claim, Evidence(["the prime minister announced her resignation on friday ."])
    )
    assert "qualifiers" not in _failed(checks), _failed(checks)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("the vote will fail .", "the vote may fail ."),
        ("the council voted .", "the council may vote ."),
        ("the council may vote .", "the council voted ."),
        ("the police said he fled .", "the police said he may have fled ."),
    ],
)
def test_a_lower_cased_modal_may_is_still_a_hedge(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert support(checks) == "contradicted"
    assert "qualifiers" in _failed(checks), _failed(checks)


# -- a repair counts a held bound's words as the score does --------------------------------------


def test_a_repair_does_not_count_a_held_bounds_words_as_missing() -> None:
    sentence = Sentence(id="a1-s0", text="The storm killed 250 people.", index=0)
    cite = Citation(sentence_id=sentence.id, article_id="a1", text=sentence.text)
    # "Lyon" is not in the cited text; "upwards of two hundred" is held by its 250, so the
    # sentence carries the rest of the claim and is quoted in its place
    claim = Claim(text="Upwards of two hundred people were killed in Lyon.", citations=[cite])
    repaired = verify_claim(claim, {sentence.id: sentence})
    assert repaired.verdict == "repaired", repaired.checks
    assert repaired.text == sentence.text
