"""Verifier faults of a blind tester's set, checked on hand-written sentences (not the
tester's): results told by a noun or a vote's side, a draft's unchecked outcome verbs, a
speaker with an appositive, pence and ranges of figures, a name between a figure and what
it counts, a negated opposite, and "its" for a company. No relative imports, so the file
runs on its own."""

from __future__ import annotations

from summarizer import verify
from summarizer.checks import (
    Evidence,
    check_antonyms,
    check_attribution,
    check_quantities,
    check_roles,
    quantities,
    results,
)


def _draft(claim: str, source: str) -> str:
    """The draft verdict of one sentence against one source text, offline."""
    return str(verify(claim, [source], judge=False).claims[0].support)


# -- 1. results told the other way round -------------------------------------------------------

VICTORY = "A late penalty gave Kestrel Town a 2-1 victory over Harbour Athletic on Sunday."


def test_a_victory_over_is_a_result() -> None:
    (found,) = results(VICTORY, set())
    assert (found.winner, found.loser) == ("kestrel town", "harbour athletic")
    (found,) = results("Harbour Athletic's defeat to Kestrel Town ended their run.", set())
    assert (found.winner, found.loser) == ("kestrel town", "harbour athletic")


def test_a_result_reversed_against_a_victory_is_contradicted() -> None:
    evidence = Evidence([VICTORY])
    assert not check_roles("Harbour Athletic beat Kestrel Town 2-1.", evidence).passed
    assert check_roles("Kestrel Town beat Harbour Athletic 2-1.", evidence).passed


VOTE = "The Dunmore parish board voted 5-2 on Tuesday evening to approve a scheme for allotments."


def test_a_vote_on_the_other_side_is_contradicted() -> None:
    evidence = Evidence([VOTE])
    failed = check_antonyms("The parish board voted 5-2 against the allotment scheme.", evidence)
    assert not failed.passed and "vote reversed" in failed.detail
    assert check_antonyms("The parish board voted in favour of the allotment scheme.", evidence)
    against = Evidence(["Orla Penn said her group would vote against the parking charge."])
    claim = "Orla Penn said her group would vote in favour of the parking charge."
    assert not check_antonyms(claim, against).passed
    # not said of the same thing, or the claim denies it: no conflict
    assert check_antonyms("Orla Penn voted for the first time.", against).passed
    assert check_antonyms("Her group would not vote for the parking charge.", against).passed


# -- 2. a draft's verdicts and outcomes must be in its evidence --------------------------------

TRIAL = (
    "The trial of Arlo Venn, a former harbour master accused of taking bribes from shipping "
    "agents, entered its third week on Tuesday at Castlebury Crown Court. Prosecutors told "
    "jurors that Venn had accepted payments worth 40,000 pounds. Venn denies all charges."
)
STRIKE = (
    "Members of the Castlebury bus drivers' union voted to strike from Thursday over a pay "
    "freeze, union officials said. The company said talks would continue."
)


def test_a_draft_outcome_the_evidence_never_states_is_not_supported() -> None:
    assert _draft("Arlo Venn was acquitted of taking bribes from shipping agents.", TRIAL) != (
        "supported"
    )
    assert _draft("The bus drivers' strike went ahead on Thursday.", STRIKE) != "supported"
    # what the sources do say still passes
    claim = "The trial of Arlo Venn entered its third week at Castlebury Crown Court."
    assert _draft(claim, TRIAL) == "supported"
    claim = "Members of the bus drivers' union voted to strike from Thursday over a pay freeze."
    assert _draft(claim, STRIKE) == "supported"


def test_an_outcome_in_other_words_is_carried() -> None:
    source = "A jury at Castlebury Crown Court found Mira Holt not guilty of fraud on Monday."
    assert _draft("Mira Holt was acquitted of fraud on Monday.", source) == "supported"
    source = "The Elmford district board voted 6-3 on Monday to extend the tram line to Northgate."
    assert _draft("The Elmford district board approved the Northgate tram line.", source) == (
        "supported"
    )
    assert _draft("The Elmford district board rejected the Northgate tram line.", source) != (
        "supported"
    )
    source = "The Castlebury music festival was called off because of flooding, organisers said."
    assert _draft("The Castlebury music festival was cancelled because of flooding.", source) == (
        "supported"
    )


# -- 3. a speaker with an appositive -----------------------------------------------------------


def test_an_appositive_speaker_is_read() -> None:
    evidence = Evidence(
        [
            "The operator, Kelby Freight, said its offer was fair and that average pay for "
            "drivers was already 41,000 euros a year."
        ]
    )
    claim = "Average pay for drivers is already 41,000 euros a year, according to the union."
    assert not check_attribution(claim, evidence).passed
    claim = "Average pay for drivers is already 41,000 euros a year, according to Kelby Freight."
    assert check_attribution(claim, evidence).passed


def test_a_shared_modifier_is_not_the_same_speaker() -> None:
    evidence = Evidence(
        ['Its transport spokesperson, Ana Ruiz, said the toll "would hurt commuters most."']
    )
    assert not check_attribution(
        "The transport ministry said the toll would hurt commuters most.", evidence
    ).passed
    assert check_attribution("Ana Ruiz said the toll would hurt commuters most.", evidence).passed


# -- 4. pence and ranges -----------------------------------------------------------------------


def test_pence_is_one_figure() -> None:
    evidence = Evidence(["The board held its final dividend at 6.2 pence per share."])
    assert quantities("held at 6.2p per share") >= {"number:6.2"}
    assert check_quantities("The board held its final dividend at 6.2p.", evidence).passed
    assert not check_quantities("The board held its final dividend at 7.2p.", evidence).passed


def test_a_range_with_one_scale_scales_both_ends() -> None:
    evidence = Evidence(
        ["It now expects sales of between 200 million and 240 million pounds this year."]
    )
    assert check_quantities("It expects sales of £200-240 million.", evidence).passed
    assert not check_quantities("It expects sales of £200-250 million.", evidence).passed


# -- 5. a name between a figure and what it counts ---------------------------------------------


def test_a_name_before_the_noun_is_not_what_is_counted() -> None:
    evidence = Evidence(["About 1,300 weavers at the Mills of Greyhaven will walk out on Friday."])
    claim = "Some 1,300 Mills of Greyhaven weavers will walk out on Friday."
    assert check_quantities(claim, evidence).passed
    claim = "Some 1,300 Mills of Greyhaven looms will stop on Friday."
    assert not check_quantities(claim, evidence).passed


# -- 6. a negated opposite says the same ---------------------------------------------------------


def test_un_word_on_not_word_is_no_opposite() -> None:
    claim = "The tally had counted unopened ballot envelopes."
    said = Evidence(
        ["The tally had counted ballot envelopes that were not opened, officials said."]
    )
    assert check_antonyms(claim, said).passed
    opposite = Evidence(
        ["The tally had counted ballot envelopes that were opened, officials said."]
    )
    assert not check_antonyms(claim, opposite).passed


# -- 7. "its" for the company named before -------------------------------------------------------

EARNINGS = (
    "OSLO, March 3 - Norvik Tools cut its profit forecast on Monday, blaming weak demand. "
    "Its shares fell 5 percent in Oslo trading. Rival Dalberg Group reports next week."
)


def test_its_shares_are_the_company_named_before() -> None:
    assert _draft("Norvik Tools' shares fell 5 percent.", EARNINGS) == "supported"
    assert _draft("Dalberg's shares fell 5 percent.", EARNINGS) != "supported"
