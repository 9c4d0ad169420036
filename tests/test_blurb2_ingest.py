"""Blurb round 2, ingest: a newsroom's dated or emphasised correction note at the top, labelled
photo captions and share buttons, and a web page that is only its furniture (menu, cookie
banner, footer). Each text here is made up for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarizer
from summarizer import make_article
from summarizer.errors import InputError

HEADLINE = "Harbour ferry carried record numbers in 2024"
LEAD = (
    "The Kestrel Point ferry carried a record 870,000 passengers last year, up 9% on 2023, "
    "the harbour trust said on Monday."
)
MORE = "The trust plans to add a third boat on the crossing to Gannet Island from July."
THIRD = "Fares will stay at £4.50 for adults until at least the end of the summer season."


def _texts(text: str) -> list[str]:
    return [s.text for s in make_article(text).sentences]


@pytest.mark.parametrize(
    "note",
    [
        # a label dated after a comma, the retracted figure in the note's first sentence
        "CORRECTION, 2 June: This article previously stated that the ferry carried 970,000 "
        "passengers. The correct figure is 870,000. We regret the error.",
        # a note set in Markdown emphasis inside a plain-text file
        "*Correction: An earlier version of this story misstated the number of passengers "
        "the ferry carried. It was 870,000, not 970,000.*",
        # bracketed, dated with a dash
        "[Clarification - 3/6/2025: This story has been updated to give the trust's full name.]",
    ],
)
def test_a_note_at_the_top_is_not_a_sentence_of_the_story(note: str) -> None:
    """Before: the note at the top was the article's first sentence and led its blurb."""
    texts = _texts(f"{HEADLINE}\n\n{note}\n\n{LEAD}\n\n{MORE} {THIRD}\n")
    assert texts == [LEAD, MORE, THIRD]


def test_a_story_about_corrections_stays() -> None:
    """A label needs a date with a digit after its comma: a sentence is not a note."""
    line = "Corrections, the prison service said, would be made to the rota by Friday."
    assert _texts(f"{HEADLINE}\n\n{LEAD}\n\n{line}\n") == [LEAD, line]


def test_a_labelled_caption_before_the_lead_is_not_quoted() -> None:
    """Before: "Image caption: ..." was the first sentence and led the blurb."""
    text = (
        f"{HEADLINE}\n\nImage caption: The Kestrel Point ferry leaving the harbour on a calm "
        f"morning last week.\n\n{LEAD}\n\n{MORE}\n\nPictured: Passengers queue at the pier.\n\n"
        f"{THIRD}\n\nFacebook Twitter WhatsApp Email\n\nRelated: Island cafe wins award\n"
    )
    assert _texts(text) == [LEAD, MORE, THIRD]
    blurb = summarizer.blurb(text)
    assert blurb.claims[0].text == LEAD


def test_a_page_of_only_menu_cookie_banner_and_footer_has_nothing_to_summarise(
    tmp_path: Path,
) -> None:
    """Before: "Home / News / We use cookies. Accept all" gave a three-sentence blurb."""
    page = tmp_path / "empty.html"
    page.write_text(
        '<html><body><nav><a href="/">Front page</a> <a href="/sport">Sport</a></nav>'
        '<div id="consent-box">This site stores cookies on your device. Allow all</div>'
        "<footer>(c) 2025 Western Bugle</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no article text"):
        summarizer.load_articles(page)


def test_a_short_page_with_a_story_is_still_read(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text(
        f'<html><body><nav><a href="/">Front page</a></nav><div class="share-story"><p>{LEAD}'
        f"</p><p>{MORE}</p></div><footer>(c) 2025 Western Bugle</footer></body></html>",
        encoding="utf-8",
    )
    texts = [s.text for a in summarizer.load_articles(page) for s in a.sentences]
    assert LEAD in texts and MORE in texts


BLOG_HEADLINE = "Riverside bridge vote live: councillors approve new crossing"
BLOG_ENTRIES = [  # oldest first, as posted
    ("17:05", "Protesters from both sides have gathered outside the town hall in Wexley."),
    ("17:40", "The planning officer tells the meeting the bridge would cost £31m."),
    ("18:20", "Councillors have approved the Riverside bridge by 28 votes to 19."),
    ("18:35", "Opponents of the bridge say they will ask for a judicial review of the decision."),
]
PREVIEW = "The full council will vote on the bridge at a meeting starting at 5pm tonight."


def _blog(signoff: str) -> str:
    body = "\n\n".join(f"{time} {text}" for time, text in BLOG_ENTRIES)
    return (
        f"{BLOG_HEADLINE}\n\nHello and welcome to our live coverage of the vote. {PREVIEW}\n\n"
        f"{body}\n\n18:50 {signoff}\n"
    )


@pytest.mark.parametrize(
    "signoff",
    [
        "That's all from us for tonight. Our live coverage has now ended. Thank you for reading.",
        "Thanks for following along, and goodbye for now.",
    ],
)
def test_a_live_blogs_preamble_is_its_oldest_text_and_its_sign_off_is_no_sentence(
    signoff: str,
) -> None:
    """Before: the preamble's look ahead ("will vote ... at 5pm") stayed first and led the
    blurb; "That's it from us." and "Thanks for following along." were sentences."""
    article = make_article(_blog(signoff))
    texts = [s.text for s in article.sentences]
    assert article.title == BLOG_HEADLINE
    # newest first, but the entry the headline tells ("councillors approve") first of all
    newest = [text for _, text in reversed(BLOG_ENTRIES)]
    assert texts == [BLOG_ENTRIES[2][1], *(t for t in newest if t != BLOG_ENTRIES[2][1]), PREVIEW]
    shown = [c.text for c in summarizer.blurb(_blog(signoff), sentences=2).claims if c.shown]
    assert PREVIEW not in shown


def test_a_two_word_text_is_too_short_as_the_readme_says() -> None:
    """Before: "hello world" was "the article has only its headline"."""
    assert summarizer.blurb("hello world").problems == [
        "nothing to summarise: the text is too short (no sentence of 3 words or more)"
    ]
