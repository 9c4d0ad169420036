"""A capitalised name the splitter's model lists as an abbreviation ends a sentence.

nupunkt's model lists about 3,000 capitalised names and words as abbreviations ("west",
"iowa", "kerry", "mccaul"), so "Sanctions were imposed by the West. Adding to the pressure,
prices rose." was one sentence: cited, and checked, as one fact. A name was cut only when the
article also wrote it without a period ("Bentsen said"), so a name written once never was.
Now a capitalised word of 4 or more letters ends a sentence before a period and a capital
unless it is a real capitalised abbreviation of news style ("Calif.", "Corp.", "Supt.").
"""

from __future__ import annotations

import pytest

from summarizer import make_article
from summarizer.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanctions were imposed by the West. Adding to the pressure, prices rose.",
            ["Sanctions were imposed by the West.", "Adding to the pressure, prices rose."],
        ),
        (
            "Surcharges are banned in Connecticut and Iowa. Democrats want a federal ban.",
            [
                "Surcharges are banned in Connecticut and Iowa.",
                "Democrats want a federal ban.",
            ],
        ),
        (
            "She was asked about the cable by Republican Rep. Michael McCaul. Clinton said "
            "she had no knowledge of it.",
            [
                "She was asked about the cable by Republican Rep. Michael McCaul.",
                "Clinton said she had no knowledge of it.",
            ],
        ),
        (
            "THE ARRESTS WERE MADE UNDER THE CRIMINAL CODE. OPAL SAYS THEY WERE UNFAIR.",
            ["THE ARRESTS WERE MADE UNDER THE CRIMINAL CODE.", "OPAL SAYS THEY WERE UNFAIR."],
        ),
    ],
)
def test_a_name_written_once_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_an_articles_name_written_once_ends_a_sentence() -> None:
    article = make_article(
        "The seat was vacated by Secretary of State John Kerry. Cowan will hold it for now.\n\n"
        "The vote is in June."
    )
    assert [s.text for s in article.sentences] == [
        "The seat was vacated by Secretary of State John Kerry.",
        "Cowan will hold it for now.",
        "The vote is in June.",
    ]


# Real abbreviations that the same article also writes without their period: a headline or a
# British-style quote drops it ("CALIF WILDFIRE", "Const Fanning"), a name or a word can be
# spelt the same ("the Viet Cong", "the brig"). They stay joined before a name or a word.
@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "It will be either former Cong. Rob Simmons or Linda McMahon. The Viet Cong lost.",
            "It will be either former Cong. Rob Simmons or Linda McMahon.",
        ),
        (
            "SACRAMENTO, CALIF. Police said the fire spread.\n\nCALIF WILDFIRE SPREADS",
            "SACRAMENTO, CALIF. Police said the fire spread.",
        ),
        (
            "The spokesperson, Const. Tim Fanning, spoke. Const Fanning said little more.",
            "The spokesperson, Const. Tim Fanning, spoke.",
        ),
        (
            "The chief, Brig. Eric Esikhaty, said so. He ran the Brig for a year.",
            "The chief, Brig. Eric Esikhaty, said so.",
        ),
        (
            "The suspect lived on Ocean Pkwy. Brooklyn police said. Ocean Pkwy is long.",
            "The suspect lived on Ocean Pkwy. Brooklyn police said.",
        ),
    ],
)
def test_a_real_abbreviation_written_bare_elsewhere_still_joins(text: str, first: str) -> None:
    paragraph = text.split("\n")[0]
    assert split_sentences(paragraph)[0] == first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sanctions came from the West. “We will win,” he said.",
            ["Sanctions came from the West.", "“We will win,” he said."],
        ),
        (
            "They built the wall. “No,” he said.",
            ["They built the wall.", "“No,” he said."],
        ),
    ],
)
def test_a_sentence_ends_before_a_curly_quote_as_before_a_straight_one(
    text: str, expected: list[str]
) -> None:
    """The model cut before a straight opening quote after such a word but not a curly one."""
    assert split_sentences(text) == expected
