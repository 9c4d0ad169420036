"""Library faults found by use: each test failed on the code before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarizer
from summarizer import ConfigError, InputError

from .conftest import ARTICLES
from .synthetic import COUNCIL, run_without_breaks

TEXT = COUNCIL


def test_a_bytes_draft_is_not_labelled_stdin() -> None:
    report = summarizer.verify(TEXT.encode(), TEXT)
    assert report.draft == "draft"


def test_a_client_that_is_not_one_is_a_config_error_on_the_offline_engine() -> None:
    with pytest.raises(ConfigError, match="client must be an LLM client.*not int"):
        summarizer.blurb(TEXT, client=3)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="not str"):
        summarizer.briefing([TEXT], client="openai")  # type: ignore[arg-type]


def test_load_articles_of_nothing_is_an_input_error_as_briefing_of_nothing() -> None:
    for nothing in ([], (), iter([])):
        with pytest.raises(InputError, match="no paths given"):
            summarizer.load_articles(nothing)
    with pytest.raises(InputError, match="no articles"):
        summarizer.briefing([])


def test_load_articles_of_only_files_this_tool_wrote_says_so(tmp_path: Path) -> None:
    out = tmp_path / "blurb.md"
    article = next(iter(sorted(ARTICLES.glob("*.txt"))))
    out.write_text(summarizer.render_blurb(summarizer.blurb(article), "md"))
    with pytest.raises(InputError, match="blurb.md: no articles"):
        summarizer.load_articles([out])


def test_a_run_with_no_sentence_break_is_marked_as_cut_pieces() -> None:
    result = summarizer.blurb(run_without_breaks(5000))
    assert result.claims
    assert any("no sentence break" in p for p in result.problems)
    text = summarizer.render_blurb(result, "text")
    shown = text.split("\n\n")[0]
    assert shown.count(" …[1]") == len([c for c in result.claims if c.shown])


def test_complete_sentences_come_before_cut_pieces() -> None:
    # a long run, then one whole sentence that is no usable one (a question): when nothing
    # is usable, the whole sentence is quoted before any piece of the run (whose repeated
    # words weigh more)
    question = "Who will pay for the new playground equipment in the northern district?"
    result = summarizer.blurb(run_without_breaks(3000) + "\n\n" + question, sentences=1)
    assert [c.text for c in result.claims] == [question]
    assert not result.problems


def test_a_stub_does_not_top_a_story_over_the_full_report() -> None:
    full = summarizer.make_article(
        "City council approves new budget for parks.\n\n"
        "The city council on Tuesday approved a budget of 40 million dollars for the municipal "
        "parks department, after a long debate. Council members voted nine to two in favour of "
        "the plan, which funds new playgrounds and longer opening hours. The mayor said the "
        "money would be spent over three years, starting with the poorest districts. Opponents "
        "argued that the budget ignores rising maintenance costs of existing parks and pools.",
        title="City council approves parks budget",
    )
    stub = summarizer.make_article(
        "Council backs parks budget of 40 million dollars in a late vote on Tuesday night.",
        title="Council approves parks budget",
    )
    result = summarizer.briefing([stub, full], max_words=60)
    first = result.stories[0].claims[0]
    assert first.citations[0].article_id == full.id, first.text
    # the heading too: the teaser, dense with the story's words, was its most central article
    assert result.stories[0].title == "City council approves parks budget"
