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
