"""Ingest: a live blog's entry times, flash labels, greeting and sign-off are not the news."""

from __future__ import annotations

from summarizer import make_article

from .sentence_texts import texts as _texts

ENTRIES = [
    "The first ballots from the northern wards arrived at the count centre shortly after midnight.",
    "Turnout across the city was 41%, up from 36% at the last election, officials said.",
    "Ana Ruiz has won the mayoral race with 54% of the vote, the returning officer announced.",
    "Tom Hill conceded in a short speech and congratulated Ruiz on her victory.",
]


def test_a_live_blogs_times_labels_and_greeting_go() -> None:
    """Before: "00:10 Hello and welcome to our live blog of the count ..." was the first
    sentence, each entry kept its time, and the result its "BREAKING:". The entries are read
    newest first (test_ingest_liveblog_order.py)."""
    text = (
        "Mayoral election count: live\n\n"
        "00:10 Hello and welcome to our live blog of the count in the mayoral election.\n\n"
        f"00:35 {ENTRIES[0]}\n\n"
        f"01:20 - {ENTRIES[1]}\n\n"
        f"03:05 BREAKING: {ENTRIES[2]}\n\n"
        f"03:40 {ENTRIES[3]}\n\n"
        "04:00 This live blog is now closed. Thanks for following.\n"
    )
    assert _texts(text) == ENTRIES[::-1]


def test_times_on_lines_of_their_own_and_am_pm_times() -> None:
    text = (
        "Count live\n\n9.05am BST\nWelcome to our rolling live coverage of the count.\n\n"
        f"9.40am BST\n{ENTRIES[0]}\n\n10.15am\n{ENTRIES[1]}\n\n"
        f"11.02am: Update: {ENTRIES[2]}\n"
    )
    assert _texts(text) == ENTRIES[2::-1]  # newest first


def test_a_flash_label_goes_anywhere_and_a_lone_timed_line_stays() -> None:
    """A label goes in any article (its title too); a time before a line stays unless several
    lines open with one (one "11:45 ..." line is no live blog)."""
    lone = "11:45 Officials said the count would resume after a recount of two wards."
    article = make_article(f"BREAKING: Ruiz wins mayoral race\n\nUPDATE: {ENTRIES[2]}\n\n{lone}\n")
    assert article.title == "Ruiz wins mayoral race"
    assert [s.text for s in article.sentences] == [ENTRIES[2], lone]
    kept = "The live coverage of the count on local radio drew a record audience, the station said."
    assert _texts(f"Count ends\n\n{ENTRIES[2]}\n\n{kept}\n") == [ENTRIES[2], kept]
