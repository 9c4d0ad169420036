"""Faults of the rule-based verifier found with a hand-written news day (verify3): false passes
of a plea against a denial, of a count bound to another clause's thing, of a day of the week
joined from another event, and a reason that named the wrong place. Texts are the tests' own,
made up for these behaviours; no model is involved.
"""

from __future__ import annotations

import pytest

from .verdicts import checked as _checked

DENIAL = (
    "Arson trial opens in Hull\n\nTom Bell, 35, of Hull, denies the charge. The trial continues."
)
PLEA = "Warehouse fire trial\n\nMara Olsen pleaded not guilty to arson at Hull Crown Court."


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("Tom Bell pleaded guilty.", DENIAL, "contradicted"),
        ("Tom Bell has pleaded guilty.", DENIAL, "contradicted"),
        ("Tom Bell denies the charge.", DENIAL, "supported"),
        ("Tom Bell pleaded not guilty.", DENIAL, "supported"),
        ("Mara Olsen pleaded not guilty to arson.", PLEA, "supported"),
        ("Mara Olsen admitted arson.", PLEA, "contradicted"),
    ],
)
def test_a_plea_is_the_admission_or_denial_it_makes(claim: str, source: str, verdict: str) -> None:
    """ "Pleaded guilty" admits; "denies the charge" and "pleaded not guilty" deny: a bare
    plea of guilt stands against a denial of the charge (it passed: "guilty" was no word of
    the denial's)."""
    assert _checked(claim, [source])[0] == verdict


def test_a_pronoun_carries_a_name_not_the_charge_of_the_sentence_before() -> None:
    """ "He has pleaded guilty to criminal damage" after "denies arson": the pronoun's
    sentence before gave the claim its "arson" and "warehouse" too, and "pleaded guilty to
    arson at the warehouse" passed."""
    source = (
        "Warehouse fire trial\n\nDaniel Okafor, 29, denies arson at the warehouse. He has "
        "pleaded guilty to criminal damage, which the prosecution does not accept."
    )
    claim = "Daniel Okafor pleaded guilty to arson at the warehouse."
    assert _checked(claim, [source])[0] == "contradicted"
    assert _checked("Daniel Okafor denies arson.", [source])[0] == "supported"


FERRY = (
    "Ferry runs aground\n\nLifeboat crews rescued 9 people from the ferry, and 23 residents "
    "spent the night in the school hall."
)
FERRY_APART = (
    "Ferry runs aground\n\nLifeboat crews rescued 9 people from the ferry. In the town, 23 "
    "residents spent the night in the school hall."
)


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("Lifeboat crews rescued 23 people from the ferry.", FERRY, "contradicted"),
        ("Lifeboat crews rescued 23 people from the ferry.", FERRY_APART, "contradicted"),
        ("9 residents spent the night in the school hall.", FERRY_APART, "contradicted"),
        (
            "Lifeboat crews rescued 23 residents from the ferry, and 9 people spent the night "
            "in the school hall.",
            FERRY,
            "contradicted",
        ),
        ("Lifeboat crews rescued 9 people from the ferry.", FERRY, "supported"),
        ("23 people spent the night in the school hall.", FERRY, "supported"),
        ("23 people spent the night in the school hall.", FERRY_APART, "supported"),
    ],
)
def test_a_count_of_persons_binds_to_its_clause(claim: str, source: str, verdict: str) -> None:
    """ "People" may count residents, so "23 people" found "23 residents": the count was
    taken from the residents' clause for the rescue, whose own figure is 9 people."""
    assert _checked(claim, [source])[0] == verdict


RATES = (
    "Fiji cuts interest rates to 3%\n\nThe Reserve Bank of Fiji has cut interest rates by a "
    "quarter point to 3 per cent. Its board voted by five votes to two on Tuesday to lower the "
    "rate. Exporters welcomed the move."
)
MARKET = "Suva market fire\n\nA fire destroyed part of the Suva market on Monday. Nobody was hurt."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Reserve Bank of Fiji cut interest rates on Monday.", "unverifiable"),
        ("The Reserve Bank of Fiji cut interest rates to 3 per cent on Monday.", "unverifiable"),
        ("The Reserve Bank of Fiji cut interest rates on Tuesday.", "supported"),
        ("A fire destroyed part of the Suva market on Monday.", "supported"),
    ],
)
def test_a_day_of_the_week_is_the_day_of_the_sentence_that_tells_the_event(
    claim: str, verdict: str
) -> None:
    """A claim's "on Monday" was found in another article's sentence joined to the one about
    the rate cut, and the claim passed; the day belongs to the fire."""
    found, why = _checked(claim, [RATES, MARKET])
    assert found == verdict, why
    if verdict != "supported":
        assert "no cited sentence about it says 'Monday'" in why


def test_a_day_no_retrieved_sentence_gives_is_not_taken_from_nowhere() -> None:
    """The headline carries the rate cut and names no day; the sources say "Monday" of a
    match: the lenient reading of joined evidence accepted "cut interest rates on Monday"."""
    match = "Rovers 2-1 United\n\nRovers beat United on Monday night at the Dell."
    found, why = _checked(
        "The Reserve Bank of Fiji cut interest rates on Monday.",
        [
            "Reserve Bank of Fiji cuts interest rates to 3%\n\nExporters welcomed the move.",
            match,
        ],
    )
    assert found == "unverifiable", why


COURT = (
    "Charity boss guilty\n\nAnn Lowry, 44, from Bath, was convicted by a jury at Bristol Crown "
    "Court on Friday of fraud. She will be sentenced in May."
)
OTHER_COURT = "Leeds Crown Court heard a separate case on Friday."


def test_a_swapped_court_is_told_the_court_the_source_gives() -> None:
    """The reason named the carrier's other names (Bath, Friday) but not Bristol Crown Court:
    the claim's "Leeds Crown Court" shares its "Crown Court", so it counted as kept."""
    found, why = _checked("Ann Lowry was convicted at Leeds Crown Court.", [COURT, OTHER_COURT])
    assert found == "contradicted"
    assert "the sentence that carries the claim names Bristol Crown Court" in why
    assert (
        _checked("Ann Lowry was convicted at Bristol Crown Court.", [COURT, OTHER_COURT])[0]
        == "supported"
    )
