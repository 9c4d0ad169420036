"""Ingest: a line that only calls the reader to follow an account, and a republisher's closing
"This article was originally published on ..." line, are no claims; sentences that say
"follow" or "originally" are kept."""

from __future__ import annotations

import pytest

from .sentence_texts import texts as _texts

HEADLINE = "Council approves bridge"
VOTE = "The city council voted 7-2 on Tuesday to approve a new bridge over the Elm River."
START = "Construction is expected to begin in the spring."
STORY = f"{VOTE} {START}"


@pytest.mark.parametrize(
    "line",
    [
        "Follow us @GazetteNews on Twitter.",
        "Follow us on Twitter/X @GazetteNews…",
        "Follow Jane Smith on X: @jsmith",
        "Follow @JaneSmith on Twitter for the latest updates.",
        "Follow the Springfield Gazette on Facebook, Instagram and TikTok.",
        "Follow him on Twitter @jsmith.",
    ],
)
def test_a_line_calling_to_follow_an_account_is_no_claim(line: str) -> None:
    assert _texts(f"{HEADLINE}\n\n{VOTE}\n\n{line}\n\n{START}") == [VOTE, START]
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{line}") == [VOTE, START]


@pytest.mark.parametrize(
    "line",
    [
        "This article was originally published on The Conversation.",
        "This story originally appeared in The Texas Tribune.",
        "A version of this story was first published by ProPublica.",
        "This story was originally published by the Marshall Project, a nonprofit newsroom.",
    ],
)
def test_a_closing_originally_published_line_is_no_claim(line: str) -> None:
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{line}\n") == [VOTE, START]
    # with a WordPress feed footer after it, both go
    footer = f"The post {HEADLINE} appeared first on Springfield Gazette."
    assert _texts(f"{HEADLINE}\n\n{STORY}\n\n{line}\n\n{footer}") == [VOTE, START]


def test_sentences_that_say_follow_or_originally_are_kept() -> None:
    kept = [
        "Police will follow up on the reports, a spokesman said.",
        "Follow the money, investigators told the committee.",
        "Follow these steps on Facebook to protect your account, the company said.",
        "Follow Ana Ruiz on Twitter, the campaign urged supporters, and vote on Tuesday.",
        "The bridge was originally published in plans in 1990 but never built.",
        "This article was originally published in plans for the bridge, the clerk said.",
    ]
    assert _texts(f"{HEADLINE}\n\n" + "\n\n".join(kept)) == kept


def test_an_originally_published_line_inside_the_story_is_kept() -> None:
    """Only the text's last line is a republisher's footer."""
    line = "This story originally appeared in The Texas Tribune."
    assert _texts(f"{HEADLINE}\n\n{line}\n\n{STORY}") == [line, VOTE, START]
