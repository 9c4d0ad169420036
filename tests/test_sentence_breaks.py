"""Sentence ends after words the splitter's model takes for abbreviations.

nupunkt's model was learnt from legal text and lists about 2,400 ordinary words as
abbreviations ("wall", "scandal", "cancer", "month"), so a sentence ending in one of them ran
into the next whenever that began with a capital the model does not know as a sentence starter:
"They built the wall. Democrats said no." was one sentence, and a blurb cited, and the
verifier checked, two facts as one. The model lists capitalised names and words too
("bentsen", "buchanan", "kerry", "zemin", "york"): such a word of 4 or more letters ends a
sentence unless it is a real capitalised abbreviation ("Calif.", "Corp."; see
test_sentence_names.py).
"""

from __future__ import annotations

import pytest

import summarizer
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Joe Biden knew Lloyd Bentsen. Mr. Quayle said nothing. Bentsen's aides laughed.",
            [
                "Joe Biden knew Lloyd Bentsen.",
                "Mr. Quayle said nothing.",
                "Bentsen's aides laughed.",
            ],
        ),
        (
            "Party elders were never comfortable with candidates like Buchanan. Political "
            "experts say Buchanan will fade.",
            [
                "Party elders were never comfortable with candidates like Buchanan.",
                "Political experts say Buchanan will fade.",
            ],
        ),
        (
            '"The dream has come closer to becoming true," said Jiang Zemin. Reviewing the '
            "history, Zemin praised the workers.",
            [
                '"The dream has come closer to becoming true," said Jiang Zemin.',
                "Reviewing the history, Zemin praised the workers.",
            ],
        ),
        (
            "Pataki ran the campaign in New York. Pataki and Powers then joined the New York "
            "Times.",
            [
                "Pataki ran the campaign in New York.",
                "Pataki and Powers then joined the New York Times.",
            ],
        ),
    ],
)
def test_a_name_the_model_lists_as_an_abbreviation_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_names_in_an_articles_paragraphs_end_sentences() -> None:
    article = make_article(
        "Joe Biden knew Lloyd Bentsen. Mr. Quayle said nothing.\n\n"
        "The seat went to Secretary of State John Kerry. Cowan will hold it for now.\n\n"
        "Bentsen said that Kerry would win the state."
    )
    assert [s.text for s in article.sentences] == [
        "Joe Biden knew Lloyd Bentsen.",
        "Mr. Quayle said nothing.",
        "The seat went to Secretary of State John Kerry.",
        "Cowan will hold it for now.",
        "Bentsen said that Kerry would win the state.",
    ]


# Guards, right before and after the rule. "Sen." is never read as a word (1-3 letters), even
# where "Warren" and "Sen" occur without a period. "Calif." is a real abbreviation, so
# "Concord, Calif. Police said" stays one sentence: a dateline or an address runs on after a
# state, and a cut there would split far more sentences than it mends. "Acme Inc. The" is a
# sentence end (the period does double duty before "The"), which the model already cuts.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Warren said the bill would pass. Warren and Sen both voted for it.",
            ["Sen. Warren said the bill would pass.", "Warren and Sen both voted for it."],
        ),
        (
            "A man was shot in Concord, Calif. Police said on Monday that Concord was calm.",
            ["A man was shot in Concord, Calif. Police said on Monday that Concord was calm."],
        ),
        (
            "He works at Acme Inc. The company, Acme Inc, grew.",
            ["He works at Acme Inc.", "The company, Acme Inc, grew."],
        ),
        (
            "The case was filed by Dist. Atty. Steve Cooley, Vancouver police spokesperson "
            "Const. Tim Fanning said.",
            [
                "The case was filed by Dist. Atty. Steve Cooley, Vancouver police spokesperson "
                "Const. Tim Fanning said."
            ],
        ),
    ],
)
def test_real_capitalised_abbreviations_do_not_end_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_a_title_before_a_name_is_not_cut_even_if_the_article_writes_it_as_a_word() -> None:
    article = make_article(
        "Two senators, Sens. Tim Kaine and Mark Warner, did not vote.\n\n"
        "Fans of the Ottawa Sens cheered."
    )
    assert [s.text for s in article.sentences] == [
        "Two senators, Sens. Tim Kaine and Mark Warner, did not vote.",
        "Fans of the Ottawa Sens cheered.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Warner Bros. Discovery said it would cut jobs. Warner Bros' films did well.",
        "Acme Corp. President Jane Doe resigned. Acme Corp said profits fell.",
        "Police in Jackson, Miss. Police Chief Ann Lee said so. Miss Universe was there.",
    ],
)
def test_a_capitalised_abbreviation_written_without_its_period_elsewhere_still_joins(
    text: str,
) -> None:
    """Abbreviations an article may also write bare ("Warner Bros' films") stay joined: the
    article is no cue (it was one, before any capitalised word of 4+ letters was a break)."""
    first = split_sentences(text)[0]
    assert first.count(".") >= 2, first


def test_a_draft_is_split_with_its_own_names_as_an_article_is() -> None:
    """A draft's paragraphs were split each with itself as the context, so a name it writes
    bare in another paragraph did not end a sentence: "Lloyd Bentsen. Mr. Quayle …" was one
    draft sentence, checked as one claim."""
    draft = (
        "Bentsen said he knew Kennedy.\n\nJoe Biden knew Lloyd Bentsen. Mr. Quayle said nothing."
    )
    report = summarizer.verify(draft, [draft])
    assert [c.text for c in report.claims][-2:] == [
        "Joe Biden knew Lloyd Bentsen.",
        "Mr. Quayle said nothing.",
    ]
