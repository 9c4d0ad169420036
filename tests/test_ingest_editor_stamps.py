"""Ingest: publication stamps and the print edition's closing note are page furniture, not
sentences; a copy's headline taken by dedup keeps what ingest did to it."""

from __future__ import annotations

from summarizer import make_article
from summarizer.dedup import dedupe_articles

from .sentence_texts import texts as _texts

HEADLINE = "Tram line extension opens"
LEAD = "The first trams ran on the new eastern extension on Sunday, four months behind schedule."
MORE = "The 3.2-mile line adds five stops between Market Square and the hospital."


def test_originally_and_first_published_stamps_are_dropped() -> None:
    """Before: "Originally published ..." was the article's first sentence."""
    for stamp in (
        "Originally published 11/09/2024 at 7:45 PM EST",
        "Originally Published: 9 / 11 / 2024 at 07:45 AM EDT",
        "First Published: November 9, 2024 7:45 PM EST",
    ):
        assert _texts(f"{HEADLINE}\n{stamp}\n{LEAD}\n{MORE}\n") == [LEAD, MORE], stamp


def test_a_print_edition_note_is_dropped() -> None:
    """Before: the Times's closing note, headline and all, was the article's last sentence."""
    for note in (
        "A version of this article appears in print on Nov. 10, 2024, Section A, Page 18 of the "
        "New York edition with the headline: Trams Finally Roll East.",
        "A version of this review appeared in print on November 10, 2024, on page C4 of the "
        "New York edition with the headline: Late, but Smooth.",
    ):
        assert _texts(f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\n{note}\n") == [LEAD, MORE], note
    # a sentence about a print edition stays
    kept = "A version of the mayor's speech appeared in the council's newsletter on Monday."
    assert _texts(f"{HEADLINE}\n\n{LEAD}\n\n{kept}\n") == [LEAD, kept]


def test_a_copys_recased_title_stays_marked_recased() -> None:
    """Before: the kept article took the copy's sentence-cased headline but not its
    ``title_recased`` flag, so the headline looked as if an outlet had written it so."""
    untitled = make_article(f"{LEAD}\n\n{MORE}\n", source="Outlet A")
    shouted = make_article(
        f"TRAM LINE EXTENSION OPENS AFTER LONG DELAYS\n\n{LEAD}\n\n{MORE}\n", source="Outlet B"
    )
    assert untitled.title is None and shouted.title_recased
    kept = dedupe_articles([untitled, shouted])
    assert len(kept) == 1
    assert kept[0].title == shouted.title and kept[0].title_recased
