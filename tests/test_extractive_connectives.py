"""A sentence answering the one before ("X, however, ...") is not a blurb's lone sentence, and
an empty blurb under a small word budget says why."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarizer
from summarizer.extractive import _dependent

FIXTURE = Path(__file__).parent.parent / "fixtures" / "articles" / "004_07f99bc872d3bf40.txt"


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian President Volodymyr Zelensky, however, offered a more pointed response.",
        "The UN, meanwhile, dispatched 37 search and rescue teams.",
        "Smith, for his part, said the deal was fair.",
        "The conservatives dispute that, though.",
        "Local officials were worried, too.",
    ],
)
def test_a_connective_set_off_by_commas_leans_on_context(text: str) -> None:
    assert _dependent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Smith, a former mayor, said the deal was fair.",
        "In Paris, however many tourists came, the museums stayed calm.",
        "The council approved the plan, which also covers the new bridge.",
        "Prices rose 3 percent in May, the agency said.",
    ],
)
def test_a_sentence_standing_alone_does_not(text: str) -> None:
    assert not _dependent(text)


@pytest.mark.parametrize("budget", [15, 40])
def test_a_small_budget_picks_a_sentence_that_stands_alone(budget: int) -> None:
    """At 15 words the lead (33 words, no clause to cut) does not fit: no blurb, rather than a
    lesser sentence that happens to fit; at 40 the lead."""
    result = summarizer.blurb(FIXTURE, max_words=budget)
    shown = [c.text for c in result.claims if c.shown]
    assert bool(shown) == (budget == 40), result.problems
    assert not any(", however," in text for text in shown), shown


def test_a_budget_only_too_short_sentences_fit_says_so() -> None:
    result = summarizer.blurb(FIXTURE, max_words=5)
    assert result.claims == []
    assert result.problems[-1] == (
        "no sentence that says enough alone fits in 5 words; raise --max-words"
    )
