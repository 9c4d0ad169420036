"""Verifier misses of the third blind tester's news claims (verify11), each on hand-written
article text (not real news, not eval data): an open choice ("whether to ... or to") or a
future ("would ask") stated as decided or done; a hedge of the sentence that carries the claim
dropped while another sentence mentions the word; a figure put in another figure's slot, or
said to go the other way; "as long as" as a bound; a span of several years said as one; an
opposite of "rejected" ("supported"); a negated word stated in other words. Each case has its
consistent twin."""

from __future__ import annotations

import pytest

from .verdicts import reasons as _reasons
from .verdicts import support as _support

COURT = (
    "The appeals court in Varrow overturned the conviction of builder Osian Marl on Friday. "
    "The county prosecutor's office said it was studying the judgment. The office has 21 days "
    "to decide whether to seek a new hearing or to ask the high court to review the case."
)
FLOODS = (
    "Heavy rain flooded 30 villages in the Tarn valley this week. Premier Ilse Moray announced "
    "a relief fund of 20 million crowns and said the government would ask neighbouring states "
    "for extra rescue equipment."
)
DEPOT = (
    "Brackwell Foods reported lower profit for the year. Its new Hensley depot opened in June "
    "and is expected to cut delivery costs by about 8 million pounds a year once fully "
    "running. The finance chief said cuts to delivery costs would help profit recover."
)
TALKS = (
    "The ferry crews' walkout began on 4 May after talks collapsed over the operator's first "
    "offer of a 2 percent rise. The deal agreed on Sunday gives crews a 6 percent rise now "
    "and a further 5 percent rise in April."
)
FARES = (
    "Analysts said ticket prices on routes into Pellham had risen by about 12 percent during "
    "the closure and were likely to fall back next month."
)
REPAIRS = (
    "The bridge reopened to cars on Tuesday. Engineer Mira Toll said it could take up to "
    "four weeks for the repairs to be finished."
)
RIVAL = (
    "Its chief executive said competition from budget grocer Penmart, which has opened "
    "thirty shops in the past three years, would keep prices low."
)
MINISTER = (
    "Energy minister Paulo Renn welcomed the agreement but rejected calls from opposition "
    "parties for a review of the contract."
)
CLEANERS = (
    "A separate row involving some 150 catering staff at the airport has not been resolved, "
    "and their union said further walkouts remained possible."
)


@pytest.mark.parametrize(
    ("article", "wrong", "right"),
    [
        (  # an open choice stated as decided
            COURT,
            "The prosecutor's office said it would ask the high court to review the case.",
            "The prosecutor's office has 21 days to decide whether to ask the high court to "
            "review the case.",
        ),
        (  # a future stated as done, with another verb
            FLOODS,
            "The government has received extra rescue equipment from neighbouring states.",
            "The government would ask neighbouring states for extra rescue equipment.",
        ),
        (  # the carrier's hedge dropped; another sentence's "cuts to delivery costs" is no
            # unhedged statement of it
            DEPOT,
            "The new Hensley depot is already cutting Brackwell's delivery costs by about 8 "
            "million pounds a year.",
            "The new Hensley depot is expected to cut Brackwell's delivery costs by about 8 "
            "million pounds a year.",
        ),
        (  # a figure in another figure's slot: the 5 percent is the April rise
            TALKS,
            "The walkout began after talks collapsed over the operator's first offer of a 5 "
            "percent rise.",
            "The walkout began after talks collapsed over the operator's first offer of a 2 "
            "percent rise.",
        ),
        (  # a figure said to go the other way ("fall back" is of no figure)
            FARES,
            "Ticket prices on routes into Pellham fell by about 12 percent during the closure.",
            "Ticket prices on routes into Pellham rose by about 12 percent during the closure.",
        ),
        (  # one year for three
            RIVAL,
            "Budget grocer Penmart has opened thirty shops in the past year.",
            "Budget grocer Penmart has opened thirty shops in the past three years.",
        ),
        (  # "supported" for "rejected"
            MINISTER,
            "Energy minister Paulo Renn welcomed the agreement and supported calls for a review "
            "of the contract.",
            "Energy minister Paulo Renn welcomed the agreement and rejected calls for a review "
            "of the contract.",
        ),
        (  # "settles" for "has not been resolved"
            CLEANERS,
            "The agreement also settles a separate row involving some 150 catering staff at "
            "the airport.",
            "A separate row involving some 150 catering staff at the airport has not been settled.",
        ),
    ],
)
def test_wrong_claim_rejected_and_twin_accepted(article: str, wrong: str, right: str) -> None:
    assert _support(wrong, article) == "contradicted", _reasons(wrong, article)
    assert _support(right, article) == "supported", _reasons(right, article)


def test_as_long_as_is_an_upper_bound() -> None:
    """ "as long as four weeks" says what "up to four weeks" says; "at least" does not."""
    right = "Engineer Mira Toll said it could take as long as four weeks to finish the repairs."
    wrong = "Engineer Mira Toll said it could take at least four weeks to finish the repairs."
    assert _support(right, REPAIRS) == "supported", _reasons(right, REPAIRS)
    assert _support(wrong, REPAIRS) != "supported"


def test_hedge_in_an_embedded_question_is_no_assertion() -> None:
    """A "may" inside "a dispute over how much water states may release" is not a hedge a
    claim about that dispute drops."""
    article = (
        "Ministers from four river states agreed on Friday to share flow data, but failed to "
        "settle a dispute over how much water upstream states may release in summer."
    )
    claim = (
        "Ministers from four river states agreed to share flow data but did not settle their "
        "dispute over summer water releases."
    )
    assert _support(claim, article) == "supported", _reasons(claim, article)


def test_range_ends_have_no_slot() -> None:
    """A guidance range cut to another range: each end stands in its own range, not in the
    slot of the other range's end."""
    article = (
        "Tollan Steel cut its full-year profit guidance to 300-330 million pounds from "
        "350-380 million pounds."
    )
    claim = (
        "Tollan Steel lowered its full-year profit guidance to 300-330 million pounds from "
        "350-380 million pounds."
    )
    assert _support(claim, article) == "supported", _reasons(claim, article)
