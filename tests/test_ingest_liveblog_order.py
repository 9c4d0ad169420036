"""Ingest: a live blog is read newest entry first, whichever way its site lists the entries, so
a blurb of one says its latest state (the result), not its opening entries.

Before, an oldest-first blog's blurb was "The first ballot boxes ... arrived ... Early tallies
... show Tom Hill ahead": the extractive engine's position prior and its reading order both
follow the article's order. Hand-written live blogs, not real ones; no relative imports, so
the file runs on its own.
"""

from __future__ import annotations

import summarizer
from summarizer import make_article

from .sentence_texts import texts as _texts

HEADLINE = "Harbour City mayoral election count: live"
ENTRIES = [  # oldest first, as posted
    ("00:35", "The first ballot boxes from the northern wards arrived at the count centre."),
    ("01:20", "Counting staff said turnout across Harbour City was 41%, up from 36%."),
    ("02:05", "Early tallies from the northern wards show Tom Hill ahead of Ana Ruiz."),
    ("02:50", "Ballot boxes from the southern wards, where Ruiz is strongest, are being counted."),
    ("03:30", "BREAKING: Ana Ruiz has won the mayoral election with 54% of the vote."),
    ("03:45", "Tom Hill conceded defeat and congratulated Ruiz on her victory."),
]
RESULT = "Ana Ruiz has won the mayoral election with 54% of the vote."


def _blog(entries: list[tuple[str, str]]) -> str:
    body = "\n\n".join(f"{time} {text}" for time, text in entries)
    return f"{HEADLINE}\n\n00:10 Hello and welcome to our live blog of the count.\n\n{body}\n"


def _newest_first() -> list[str]:
    return [text.removeprefix("BREAKING: ") for _, text in reversed(ENTRIES)]


def test_a_live_blog_is_read_newest_first_either_way() -> None:
    for entries in (ENTRIES, ENTRIES[::-1]):
        article = make_article(_blog(entries))
        assert article.title == HEADLINE
        assert [s.text for s in article.sentences] == _newest_first()


def test_the_blurb_of_an_oldest_first_live_blog_says_the_result() -> None:
    shown = [c.text for c in summarizer.blurb(_blog(ENTRIES), sentences=2).claims if c.shown]
    assert RESULT in shown
    assert not any("Early tallies" in text or "first ballot" in text for text in shown)


def test_an_entry_keeps_its_own_sentences_in_order() -> None:
    second = "Hill's campaign said it would not ask for a recount."
    entries = [*ENTRIES[:-1], ("03:45", f"{ENTRIES[-1][1]}\n{second}")]
    assert _texts(_blog(entries))[:3] == [ENTRIES[-1][1], second, RESULT]


def test_times_past_midnight_and_past_noon_go_forward() -> None:
    """11.40pm, 11.55pm, 00:20, 00:45: forward but for the day's wrap; 11.40am to 1.05pm:
    "1.05pm" is after "12.15pm"."""
    texts = [text for _, text in ENTRIES[:4]]
    for times in (
        ["11.40pm", "11.55pm", "00:20", "00:45"],
        ["11.40am", "12.15pm", "1.05pm", "1.30pm"],
    ):
        blog = _blog(list(zip(times, texts, strict=True)))
        assert _texts(blog) == texts[::-1], times
    # fewer timed lines than a live blog has: no blog, its order and times kept
    text = f"{HEADLINE}\n\n09:05 {texts[0]}\n\n10:15 {texts[1]}\n\n{texts[2]}\n"
    assert _texts(text) == [f"09:05 {texts[0]}", f"10:15 {texts[1]}", texts[2]]
