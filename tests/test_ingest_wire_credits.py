"""Ingest: a wire story's reporting and editing credits are no sentences (own texts only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import load_articles

from .sentence_texts import texts as _texts

STORY = (
    "ATHENS, June 10 (UKPW) - A strong earthquake struck off the island of Kos early on "
    "Tuesday, damaging old buildings in three villages, the fire service said.\n\n"
    "Schools on the island will stay closed on Wednesday so that engineers can inspect them.\n\n"
)

CREDITS = [
    "(Reporting by Nikos Pappas; Editing by Jane Merriman)",
    "(Reporting by Nikos Pappas in Athens; Additional reporting by Ana Ruiz; "
    "Writing by Tom Hill; Editing by Jane Merriman)",
    "Reporting by Nikos Pappas; Editing by Jane Merriman",
    "Additional reporting by Ana Ruiz and Tom Hill",
    "Writing by Tom Hill; editing by Jane Merriman.",
]


@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_line_is_dropped(credit: str) -> None:
    """Before: "(Reporting by Nikos Pappas; Editing by Jane Merriman)" was a citable sentence."""
    texts = _texts(STORY + credit)
    assert not any("by Jane" in t or "Reporting" in t or "reporting" in t for t in texts), texts
    assert texts[-1].startswith("Schools on the island")


def test_a_credit_after_the_last_sentence_of_a_line_is_cut() -> None:
    texts = _texts(STORY.rstrip() + " (Reporting by Nikos Pappas; Editing by Jane Merriman)")
    assert texts[-1] == (
        "Schools on the island will stay closed on Wednesday so that engineers can inspect them."
    )


def test_a_feed_records_credit_is_dropped(tmp_path: Path) -> None:
    """The shape the tester met: a JSON Lines wire record ending in its credits."""
    record = {"title": "Quake hits off Kos", "source": "Wire", "text": STORY + CREDITS[0]}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    texts = [s.text for a in load_articles(path) for s in a.sentences]
    assert not any("Editing by" in t for t in texts), texts


@pytest.mark.parametrize(
    "sentence",
    [
        "Reporting by the Guardian found that the scheme had cost twice as much as planned.",
        "Reporting by Jane Smith and John Doe revealed the fraud in 2019.",
    ],
)
def test_reporting_by_in_a_sentence_stays(sentence: str) -> None:
    assert sentence in _texts(STORY + sentence)
