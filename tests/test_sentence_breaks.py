"""Sentence ends after words the splitter's model takes for abbreviations.

nupunkt's model was learnt from legal text and lists about 2,400 ordinary words as
abbreviations ("wall", "scandal", "cancer", "month"), so a sentence ending in one of them ran
into the next whenever that began with a capital the model does not know as a sentence starter:
"They built the wall. Democrats said no." was one sentence, and a blurb cited, and the
verifier checked, two facts as one.
"""

from __future__ import annotations

import pytest

from summarizer import make_article
from summarizer.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They built the wall. Democrats said no.",
            ["They built the wall.", "Democrats said no."],
        ),
        (
            "He denied the scandal. Mr. Sheridan is representing the campaign.",
            ["He denied the scandal.", "Mr. Sheridan is representing the campaign."],
        ),
        (
            'It was linked to lung cancer." Officials disagreed.',
            ['It was linked to lung cancer."', "Officials disagreed."],
        ),
    ],
)
def test_a_word_the_model_lists_as_an_abbreviation_still_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The game is No. 1 vs. No. 2 this week.",
        "It was 5 p.m. Monday when he left.",
        "The study by Smith et al. Found nothing new, critics said.",
        "They paid approx. Ten dollars each.",
    ],
)
def test_real_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_an_articles_sentences_are_cut_there_too() -> None:
    article = make_article(
        "The senators argued for hours about funding for the wall. Pelosi accused "
        "Republicans of holding workers hostage. The vote failed on Friday."
    )
    assert [s.text for s in article.sentences] == [
        "The senators argued for hours about funding for the wall.",
        "Pelosi accused Republicans of holding workers hostage.",
        "The vote failed on Friday.",
    ]
