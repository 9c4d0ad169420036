"""Under a tight word budget the news comes first: the lead, whole or cut after its main
clause, never a short peripheral sentence picked because it fits; and a sentence that leans on
another (a bare surname) is not quoted without it. Own texts only."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import extractive, make_article

TRIAL = "\n\n".join(
    [
        "Ex-council treasurer guilty of theft",
        "The former treasurer of a town council has been found guilty of stealing £480,000 from "
        "it to pay for a yacht, a holiday flat in Spain and gambling debts.",
        "Martin Hale, 58, from Wexford Road in Dunford, was convicted by a jury at Castlebridge "
        "Crown Court on Wednesday of theft and false accounting after a four-week trial.",
        "The jury took six hours to reach unanimous verdicts on all counts.",
        "Hale showed no emotion as the verdicts were read out in court.",
        "The council said it had recovered about £90,000 so far and would pursue the rest "
        "through the civil courts.",
    ]
)

FLOOD = "\n\n".join(
    [
        "Storm floods Ashby",
        "More than 40 homes in Ashby were flooded on Sunday night after a storm dropped a "
        "month's rain on the town in two hours.",
        "Nobody was hurt, the fire service said on Monday morning.",
        "Volunteers handed out sandbags from the library car park.",
        "The clean-up is expected to take several weeks, the council said.",
    ]
)

LEAD_CUT = (
    "The former treasurer of a town council has been found guilty of stealing £480,000 from it "
    "to pay for a yacht."
)


def _texts(text: str, words: int) -> list[str]:
    return [c.text for c in extractive.summarize([make_article(text)], max_words=words)]


@pytest.mark.parametrize("words", [21, 25])
def test_a_lead_too_long_for_the_budget_is_cut_not_skipped(words: int) -> None:
    """Before: "The jury took six hours ..." and "Hale showed no emotion ...": no crime, no
    verdict, and a "Hale" the reader never met."""
    assert _texts(TRIAL, words) == [LEAD_CUT]


def test_a_lead_cut_before_its_subordinate_clause() -> None:
    """Before: "Nobody was hurt, the fire service said on Monday morning." first."""
    texts = _texts(FLOOD, 15)
    assert texts == ["More than 40 homes in Ashby were flooded on Sunday night."]


def test_no_lead_fits_means_no_claim_not_a_lesser_one() -> None:
    assert _texts(TRIAL, 12) == []
    result = summarizer.blurb(TRIAL, max_words=12)
    assert result.claims == []
    assert result.problems  # says why: raise --max-words


def test_the_whole_lead_when_it_fits() -> None:
    texts = _texts(TRIAL, 40)
    assert texts[0].startswith("The former treasurer") and texts[0].endswith("gambling debts.")


@pytest.mark.parametrize("words", range(28, 90, 6))
def test_a_bare_surname_comes_with_the_sentence_that_names_in_full(words: int) -> None:
    """ "Hale showed no emotion ..." leans on "Martin Hale, 58, ... was convicted ..."."""
    texts = _texts(TRIAL, words)
    assert texts and texts[0].startswith("The former treasurer")
    if any(t.startswith("Hale showed") for t in texts):
        assert any(t.startswith("Martin Hale") for t in texts), texts


def test_a_cut_blurb_passes_the_checks() -> None:
    result = summarizer.blurb(TRIAL, max_words=25)
    assert [(c.text, c.verdict) for c in result.claims] == [(LEAD_CUT, "accepted")]
    assert result.claims[0].citations[0].text.startswith(LEAD_CUT[:-1])  # the whole sentence


@pytest.mark.parametrize(
    ("sentence", "cuts"),
    [
        (  # the closing attribution is kept: a report never becomes a bare fact
            "A strong earthquake struck off the island of Kos early on Tuesday, damaging old "
            "buildings in three villages, the fire service said.",
            [
                "A strong earthquake struck off the island of Kos early on Tuesday, "
                "the fire service said."
            ],
        ),
        (  # "between 23 and 24", "such as": no clause starts there
            "The lorry overturned between junctions 23 and 24 and spilled goods such as oil.",
            [],
        ),
        (  # a cut never ends inside a quote or an inserted phrase
            '"We will win this seat, and we will win it well," said Ana Ruiz, who stood for it.',
            ['"We will win this seat, and we will win it well," said Ana Ruiz.'],
        ),
        ("Halden Stores, the supermarket chain, reported a rise in profit.", []),  # no verb left
        (  # a span of time belongs to the clause it measures: not "was cancelled hours."
            "Riders breathed a sigh of relief on Wednesday after a threatened strike was "
            "cancelled hours before workers were due to walk out.",
            ["Riders breathed a sigh of relief on Wednesday."],
        ),
        (
            "The bridge was closed for repairs shortly after the lorry struck it, and will stay "
            "shut until next month.",
            [
                "The bridge was closed for repairs shortly after the lorry struck it, and will "
                "stay shut.",
                "The bridge was closed for repairs shortly after the lorry struck it.",
            ],
        ),
    ],
)
def test_cuts(sentence: str, cuts: list[str]) -> None:
    assert extractive._cuts(sentence) == cuts


BARE = "\n\n".join(
    [
        "Treasurer guilty",
        "A former town treasurer has been found guilty of stealing £480,000 from the council.",
        "Martin Hale, 58, of Dunford, was convicted at Castlebridge Crown Court on Wednesday "
        "after a four-week trial at which jurors heard from forty witnesses about his conduct.",
        "Hale stole the £480,000 from the town council to pay gambling debts, the court heard.",
        "The council has since changed the way it checks its accounts every month.",
    ]
)


@pytest.mark.parametrize("words", [30, 40])
def test_a_sentence_naming_someone_by_surname_alone_needs_the_full_name(words: int) -> None:
    """Before: "Hale stole the £480,000 ..." after the lead, "Martin Hale" left out."""
    texts = _texts(BARE, words)
    assert texts[0].startswith("A former town treasurer")
    assert not any(t.startswith("Hale stole") for t in texts), texts
    article = make_article(BARE)
    leans = {c.sentence.text[:10]: c.leans_on for c in extractive._candidates([article])}
    assert leans["Hale stole"] == 1 and leans["Martin Hal"] is None
