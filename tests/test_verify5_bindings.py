"""Facts bound to the wrong party that every word of the source hid, found by a tester
reading news text: a plea a pronoun's sentence makes, given to the name it stands for with
its charge's verdict reversed; a correction note's retracted figure; a tally's sides
reversed; a party named only as a modifier given the win; an owner across a possessive.

The sources are short news passages written for these tests; no model is involved.
"""

from __future__ import annotations

import pytest

from tests.verdicts import checked

COURT = (
    "Two men appeared at Preston Crown Court on Monday. Daniel Reeve, 34, of Fulwood, pleaded "
    "guilty to arson at a warehouse in March. Mark Cole, 29, of Ashton, also appeared. He "
    "pleaded not guilty to burglary. Both were remanded in custody until a hearing in June."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Mark Cole pleaded guilty to burglary.", "contradicted"),
        ("Mark Cole admitted burglary.", "contradicted"),
        ("Mark Cole pleaded not guilty to burglary.", "supported"),
        ("Daniel Reeve pleaded guilty to arson.", "supported"),
    ],
)
def test_a_plea_binds_to_the_name_its_pronoun_stands_for(claim: str, verdict: str) -> None:
    """ "He pleaded not guilty to burglary" is the plea of the man the sentence before names;
    read past its "he", the sentence named no one, and Reeve's "pleaded guilty" carried the
    claim that Cole admitted burglary."""
    assert checked(claim, [COURT])[0] == verdict


CYCLE_LANES = (
    "The council will spend £12m on new cycle lanes across the city, it said on Tuesday. Work "
    "on the first route, along Mill Road, will start in May. Clarification: An earlier "
    "version of this article said the council would spend £21m."
)
CORRECTED_IN_NOTE = (
    "The council will build new cycle lanes across the city, it said on Tuesday. Work on the "
    "first route will start in May. Correction: An earlier version of this article said the "
    "council would spend £21m on cycle lanes; it will spend £12m."
)


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("The council will spend £21m on new cycle lanes.", CYCLE_LANES, "contradicted"),
        ("The council will spend £12m on new cycle lanes.", CYCLE_LANES, "supported"),
        ("The council will spend £21m on cycle lanes.", CORRECTED_IN_NOTE, "contradicted"),
        ("The council will spend £12m on cycle lanes.", CORRECTED_IN_NOTE, "supported"),
        # the frame kept is what the source says
        (
            "An earlier version of the article said the council would spend £21m.",
            CYCLE_LANES,
            "supported",
        ),
    ],
)
def test_a_correction_notes_retracted_figure_is_no_evidence(
    claim: str, source: str, verdict: str
) -> None:
    """The note's £21m is the figure the source says it got wrong: it carried "will spend
    £21m" with the first sentence's other words, as a figure stated by the source."""
    assert checked(claim, [source])[0] == verdict


BY_ELECTION = (
    "Labour held the Westford seat in Thursday's by-election. Amy Smith won 15,210 votes to "
    "Tom Jones's 11,004, a majority of 4,206. The Liberal Democrats came third, and turnout "
    "was 41%, said the returning officer, who congratulated Smith and Jones."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Jones won 15,210 votes to 11,004.", "contradicted"),
        ("Smith won 11,004 votes to 15,210.", "contradicted"),
        ("Smith won 11,004 votes to Jones's 15,210.", "contradicted"),
        ("Smith won 15,210 votes to 11,004.", "supported"),
        ("Smith beat Jones by 15,210 votes to 11,004.", "supported"),
        ("Amy Smith won 15,210 votes to Tom Jones's 11,004.", "supported"),
    ],
)
def test_a_tallys_sides_keep_their_figures(claim: str, verdict: str) -> None:
    """ "N votes to M" is ordered as "7-2" is: its first figure is the subject's, its second
    the other side's; every number of a reversed tally was found, so it passed."""
    assert checked(claim, [BY_ELECTION])[0] == verdict


PAY = (
    "Bus drivers in Leeds will strike next week after pay talks broke down. The union rejected "
    "the employer's offer of a 4% rise on Monday. The employer rejected the union's claim for "
    "9%, saying it was unaffordable. Talks are due to resume on Friday."
)
DOOR = (
    "A man has been charged after a neighbour was pushed down a flight of steps in Elm Street "
    "on Sunday evening. Mr Pike had gone to Mr Hargreaves's door to complain about loud music, "
    "the court heard. A row broke out on the doorstep. Mr Hargreaves, 52, denies assault."
)


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("The employer turned down the union's 4% offer.", PAY, "contradicted"),
        ("The union's offer of a 4% rise was rejected by the employer.", PAY, "contradicted"),
        ("The employer's claim for 9% was rejected by the union.", PAY, "contradicted"),
        ("The union turned down the employer's 4% offer.", PAY, "supported"),
        ("Mr Hargreaves complained about loud music at Mr Pike's door.", DOOR, "contradicted"),
        ("Mr Hargreaves went to the door of Mr Pike to complain.", DOOR, "contradicted"),
        ("Mr Pike went to Mr Hargreaves's door to complain about loud music.", DOOR, "supported"),
        ("Mr Pike went to the door of Mr Hargreaves to complain.", DOOR, "supported"),
    ],
)
def test_a_thing_keeps_its_owner_across_a_possessive(claim: str, source: str, verdict: str) -> None:
    """Whose offer, claim or door it is binds as a doer does: the claims that swap the owners
    across the possessive kept every word and name of the source, so they passed."""
    assert checked(claim, [source])[0] == verdict
