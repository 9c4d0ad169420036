"""Ingest: a headline that asks a question is the article's title, not its first sentence."""

from __future__ import annotations

from summarizer import make_article

ASK = "Will the night buses come back this winter?"
LEAD = "The transport authority said on Monday it would decide in October whether to restore them."
MORE = "The routes were cut in March to save 1.1 million a year."


def test_a_question_headline_is_the_title() -> None:
    """Before: no title (the briefing showed a derived one) and the question a sentence."""
    article = make_article(f"{ASK}\n\n{LEAD}\n\n{MORE}\n")
    assert article.title == ASK
    assert [s.text for s in article.sentences] == [LEAD, MORE]


def test_a_question_headline_repeated_in_the_text_is_read_once() -> None:
    """The page repeats its headline as the first line of the text: the repeat is dropped as
    any repeated headline is; a lead that opens with it keeps its question once."""
    article = make_article(f"{ASK}\n\n{ASK}\n\n{LEAD}\n")
    assert article.title == ASK and [s.text for s in article.sentences] == [LEAD]
    article = make_article(f"{ASK}\n\n{ASK} Not yet, officials say.\n\n{LEAD}\n")
    assert article.title == ASK
    assert [s.text for s in article.sentences] == [ASK, "Not yet, officials say.", LEAD]


def test_questions_that_are_not_headlines_stay_sentences() -> None:
    """A question that runs on in its paragraph, two questions, or an interviewer's turn is no
    headline; a question headline beside them is."""
    for text in (
        f"{ASK}\n{LEAD}\n\n{MORE}\n",  # no blank line after it: the lead's paragraph
        f"Is it over? Will they return?\n\n{LEAD}\n\n{MORE}\n",
        f"Q: {ASK}\n\nA: We will decide in October.\n\n{MORE}\n",
    ):
        assert make_article(text).title is None, text
    assert make_article(f"{ASK}\n\nIs it over? Not yet.\n\n{LEAD}\n").title == ASK
