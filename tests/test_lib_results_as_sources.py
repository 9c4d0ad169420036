"""A briefing's or blurb's result given where articles are expected: ``verify(draft,
briefing(...))`` said "expected article text ... got tuple" (a pydantic model iterates as its
(field, value) pairs). It holds no article texts, so the error says what to pass instead."""

from __future__ import annotations

import pytest

import summarizer
from summarizer.errors import InputError

TEXTS = [
    "The city council voted on Tuesday to build a new bridge over the Elm River. Work will "
    "start in May and take two years, the mayor said. Critics said the money should go to "
    "schools instead.",
    "Heavy rain flooded the centre of Dunmore on Monday night, closing shops and roads. The "
    "river rose by two metres in three hours, the weather office said.",
]


@pytest.fixture(scope="module")
def articles() -> list[summarizer.Article]:
    return [summarizer.make_article(t, source=f"Outlet {n}") for n, t in enumerate(TEXTS)]


def test_verify_against_a_briefing_says_to_pass_its_articles(
    articles: list[summarizer.Article],
) -> None:
    result = summarizer.briefing(articles)
    draft = articles[0].sentences[0].text
    for sources in (result, [result]):
        with pytest.raises(InputError, match=r"got a Briefing, which holds no article texts") as e:
            summarizer.verify(draft, sources)
        assert "summarizer.load_articles" in str(e.value) and "tuple" not in str(e.value)
    assert summarizer.verify(draft, articles).ok  # what the message says to do works


def test_a_blurb_or_briefing_given_as_articles_is_refused_the_same_way(
    articles: list[summarizer.Article],
) -> None:
    blurb = summarizer.blurb(articles[0])
    with pytest.raises(InputError, match=r"got a Blurb, .*given to blurb\(\)"):
        summarizer.verify(articles[0].sentences[0].text, blurb)
    with pytest.raises(InputError, match="got a Blurb"):
        summarizer.briefing(blurb)
    with pytest.raises(InputError, match="got a Briefing"):
        summarizer.blurb(summarizer.briefing(articles))


def test_a_result_still_dumps_and_copies_as_a_model(articles: list[summarizer.Article]) -> None:
    """Refusing iteration leaves pydantic's own use of the model alone."""
    result = summarizer.briefing(articles)
    assert summarizer.Briefing.model_validate_json(result.model_dump_json()) == result
    assert result.model_copy().stories == result.stories
    assert "made_from" not in result.model_dump()
