"""Verifier faults of a second blind tester's set, checked on hand-written sentences (not the
tester's): a negation told by a verb of refusal on one side only, opposites that are none
(stem collisions, light verbs, events ordered the other way round, an opposite from another
cited sentence), acronyms, names joined by a possessive and a span of time "over" a figure.
No relative imports, so the file runs on its own."""

from __future__ import annotations

from summarizer.checks import (
    Evidence,
    _negation_scopes,
    check_antonyms,
    check_names,
    check_negation,
    check_quantities,
)

# -- 1. negation said by a verb on one side ----------------------------------------------------


def test_a_phrasal_verb_of_refusal_negates_as_the_verb_does() -> None:
    evidence = Evidence(["The council said it had rejected three earlier bids for the depot."])
    claim = "The council had turned down three earlier bids for the depot."
    assert check_negation(claim, evidence).passed
    # the claim that states what was refused is still contradicted
    claim = "The council accepted three earlier bids for the depot."
    assert not check_negation(claim, evidence).passed


def test_a_negation_in_other_words_matches() -> None:
    evidence = Evidence(
        ["The two unions agreed a pay deal but failed to settle their row over pensions."]
    )
    claim = "The two unions did not resolve their row over pensions."
    assert check_negation(claim, evidence).passed


def test_a_passive_verb_of_refusal_negates_what_stands_before_it() -> None:
    scopes, free = _negation_scopes("An offer of 12 million pounds was rejected by the owners.")
    assert scopes == [["12", "million", "pound"]] and "owner" in free
    evidence = Evidence(["An offer of 12 million pounds was rejected by the owners last week."])
    claim = "The owners turned down a 12 million pound offer."
    assert check_negation(claim, evidence).passed


def test_a_verb_of_failure_after_a_determiner_is_a_modifier() -> None:
    scopes, _ = _negation_scopes("A failed pump flooded the lower deck.")
    assert scopes == []
    evidence = Evidence(["The lower deck flooded after a pump failed, engineers found."])
    assert check_negation("A failed pump flooded the lower deck, engineers found.", evidence).passed


# -- 2. opposites that are none ----------------------------------------------------------------


def test_a_shared_stem_of_another_sense_is_no_opposite() -> None:
    evidence = Evidence(["The bakery chain employs 900 people across the region."])
    assert check_antonyms("The bakery chain has 900 employees across the region.", evidence).passed


def test_light_verbs_are_opposed_only_with_the_same_word_after_them() -> None:
    evidence = Evidence(["Four climbers were taken to hospital after the ledge collapsed."])
    claim = "Four climbers were hurt when the ledge gave way."
    assert check_antonyms(claim, evidence).passed
    money = Evidence(["The charity took money from the fund."])
    assert not check_antonyms("The charity gave money to the fund.", money).passed


def test_events_ordered_the_other_way_round_are_no_opposite() -> None:
    vetoed = "The mayor's first plan was vetoed by the assembly before she returned with a new one."
    evidence = Evidence([vetoed])
    claim = "The mayor returned with a new plan after the assembly vetoed her first plan."
    assert check_antonyms(claim, evidence).passed
    # the events told in the wrong order: the veto after the new plan
    same_way = "The assembly vetoed her first plan after the mayor returned with a new plan."
    assert not check_antonyms(same_way, evidence).passed


def test_an_opposite_from_a_sentence_that_does_not_carry_the_claim() -> None:
    evidence = Evidence(
        [
            '"We will carry out all 14 of the auditor\'s proposals," the minister said.',
            "The union said it rejected some of the auditor's conclusions about the ministry.",
        ]
    )
    claim = "The minister said the ministry would carry out all 14 of the auditor's proposals."
    assert check_antonyms(claim, evidence).passed


# -- 3. names and figures ----------------------------------------------------------------------


def test_an_acronym_is_found_spelled_out() -> None:
    evidence = Evidence(["The European Space Agency on Monday picked a new launch site."])
    assert check_names("The ESA picked a new launch site on Monday.", evidence).passed
    assert not check_names("The NASA picked a new launch site on Monday.", evidence).passed


def test_a_possessive_splits_two_names() -> None:
    evidence = Evidence(["Halvard Marine said its Orca ferry would enter service in May."])
    assert check_names("Halvard Marine's Orca ferry will enter service in May.", evidence).passed


def test_a_span_of_time_over_is_no_bound() -> None:
    evidence = Evidence(["The documentary was filmed over 40 days in northern Greenland."])
    assert check_quantities("The documentary was filmed in 40 days.", evidence).passed
    people = Evidence(["Over 40 people were rescued from the flooded valley."])
    assert not check_quantities("40 people were rescued from the flooded valley.", people).passed
