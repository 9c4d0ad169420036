"""Verifier misses of the second blind tester's news claims (verify10), each on hand-written
article text (not real news, not eval data): opposites said as comparatives, phrasal time
shifts and reactions; hedges and plans stated as fact or certainty; a pronoun's quotation given
to another speaker; counted nouns that name the same things; fractions in words as shares; and
a folder claim pieced together from two articles. Each case has its consistent twin."""

from __future__ import annotations

import pytest

from summarizer import make_article, verify

from .verdicts import reasons as _reasons
from .verdicts import support as _support

FLIGHT = (
    "Corvid Launch redesigned the fuel valve after the failure in March. The redesign delayed "
    "the second flight by about three months, the company said."
)
STUDY = (
    "The regulator approved the tablet on Monday. Marrow Bio must complete a larger "
    "confirmatory study to keep the approval, the agency said."
)
RATES = (
    'Economists split on the timing of a cut. "I think June is too early. September is more '
    'likely," said Tomas Brill, chief economist at Kestle Bank.'
)
TALKS = (
    "The water talks in Tarsk ended without a deal. Foreign Minister Anneli Voss said her "
    "country was disappointed with the outcome of the talks."
)


@pytest.mark.parametrize(
    ("article", "wrong", "right", "said"),
    [
        (
            FLIGHT,
            "The second flight was brought forward by about three months after the redesign.",
            "The second flight was delayed by about three months after the redesign.",
            "brought forward",
        ),
        (
            FLIGHT,
            "The redesign brought the second flight forward by about three months.",
            "The redesign pushed the second flight back by about three months.",
            "brought the second flight forward",
        ),
        (
            STUDY,
            "Marrow Bio must complete a smaller confirmatory study to keep the approval.",
            "Marrow Bio must complete a larger confirmatory study to keep the approval.",
            "smaller",
        ),
        (
            TALKS,
            "Anneli Voss said her country was satisfied with the outcome of the talks.",
            "Anneli Voss said her country was disappointed with the outcome of the talks.",
            "satisfied",
        ),
    ],
)
def test_an_opposite_said_as_a_comparative_or_a_phrase_is_caught(
    article: str, wrong: str, right: str, said: str
) -> None:
    assert _support(wrong, article) == "contradicted"
    assert f"'{said}'" in _reasons(wrong, article)
    assert _support(right, article) == "supported"


def test_the_month_may_is_what_an_opposite_is_said_of() -> None:
    # "may" is a stopword (the modal); the month is what "too late" and "too early" are of
    article = RATES.replace("June", "May")
    claim = "Tomas Brill of Kestle Bank said May was too late for a cut."
    assert _support(claim, article) == "contradicted"
    assert _support(claim.replace("late", "early"), article) == "supported"


PLAYER = (
    "Hollis signed for Ardmore on Tuesday. He is expected to be available for Saturday's "
    "league match against Penfold after completing a medical."
)
HOMES = "The council plans to build 200 homes on the Brickfield site, its leader said."
VIRUS = "Vets said the virus could spread to other farms in the valley."


@pytest.mark.parametrize(
    ("article", "wrong", "right", "cue"),
    [
        (
            PLAYER,
            "Hollis will play in Saturday's league match against Penfold.",
            "Hollis is likely to play in Saturday's league match against Penfold.",
            "expected to",
        ),
        (
            HOMES,
            "The council will build 200 homes on the Brickfield site.",
            "The council intends to build 200 homes on the Brickfield site.",
            "plans to",
        ),
        (
            HOMES,
            "The council built 200 homes on the Brickfield site.",
            "The council is planning to build 200 homes on the Brickfield site.",
            "plans to",
        ),
        (
            VIRUS,
            "The virus will spread to other farms in the valley, vets said.",
            "The virus may spread to other farms in the valley, vets said.",
            "could",
        ),
    ],
)
def test_a_hedge_or_a_plan_stated_as_fact_is_rejected(
    article: str, wrong: str, right: str, cue: str
) -> None:
    assert _support(wrong, article) == "contradicted"
    assert cue in _reasons(wrong, article)
    assert _support(right, article) == "supported"


SALE = (
    "Ardmore have signed the winger from Calder for 40 million euros, sporting director Ines "
    "Marlow said on Tuesday. Calder president Bruno Teale said the sale was necessary but "
    'painful. "We never sell our best players happily, but this offer was impossible to '
    'refuse," he told Calder TV.'
)


def test_a_quotation_given_to_he_is_not_given_to_another_named_speaker() -> None:
    wrong = "Ardmore sporting director Ines Marlow said the offer was impossible to refuse."
    assert _support(wrong, SALE) == "contradicted"
    assert "another speaker" in _reasons(wrong, SALE)
    right = "Calder president Bruno Teale said the offer was impossible to refuse."
    assert _support(right, SALE) == "supported"


@pytest.mark.parametrize(
    ("article", "right", "wrong"),
    [
        (
            "Hollow fever affects about 30,000 people in the United States, the charity said.",
            "Hollow fever affects about 30,000 Americans, the charity said.",
            "Hollow fever affects about 30,000 cattle, the charity said.",
        ),
        (
            "Critics had ranked the drama ninth out of 20 films in competition at Velden.",
            "Critics had ranked the drama ninth of the 20 titles in competition at Velden.",
            "Critics had ranked the drama ninth of the 20 directors in competition at Velden.",
        ),
    ],
)
def test_counted_nouns_that_name_the_same_things_are_accepted(
    article: str, right: str, wrong: str
) -> None:
    assert _support(right, article) == "supported"
    assert _support(wrong, article) != "supported"


SHARES = (
    "The offer values each Marl share at 210 pence, a premium of 34 percent to Friday's close. "
    "Turnout in the ward was 32 percent, the election office said."
)


@pytest.mark.parametrize(
    ("right", "wrong"),
    [
        (
            "The offer is a premium of about a third to Friday's close.",
            "The offer is a premium of about a half to Friday's close.",
        ),
        (
            "Turnout in the ward was about a third, the election office said.",
            "Turnout in the ward was nearly half, the election office said.",
        ),
    ],
)
def test_a_fraction_in_words_is_read_as_a_share(right: str, wrong: str) -> None:
    assert _support(right, SHARES) == "supported"
    assert _support(wrong, SHARES) == "contradicted"
    assert "'3'" not in _reasons(wrong, SHARES)


BANK = make_article(
    "The central bank held its cash rate at 3.6 percent on Tuesday. The board's vote was not "
    "unanimous: two of the seven members favoured a cut.",
    title="Central bank of Velmar holds rates, signals cut could come in June",
)
DAIRY = make_article(
    "Brisk Foods agreed to buy Holm Dairy on Monday. Holm chairman Olav Brisk said the board "
    "had unanimously recommended the offer after rejecting an earlier approach."
)


def test_a_folder_claim_is_not_pieced_together_from_two_articles() -> None:
    wrong = verify("The board's decision to hold rates was unanimous.", [BANK, DAIRY], judge=False)
    assert wrong.claims[0].support == "contradicted"
    right = verify(
        "The central bank held its cash rate at 3.6 percent, a decision on which the board "
        "was not unanimous.",
        [BANK, DAIRY],
        judge=False,
    )
    assert right.claims[0].support == "supported"
