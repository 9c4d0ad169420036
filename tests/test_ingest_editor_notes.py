"""Ingest: a newsroom's correction, clarification or editor's note on its own article is not
the story: none of its sentences is a claim or evidence; news about corrections stays."""

from __future__ import annotations

from pathlib import Path

import summarizer

from .sentence_texts import texts as _texts

HEADLINE = "Ferry terminal upgrade approved"
LEAD = "The harbour board on Thursday approved a 14 million upgrade of the Quayside ferry terminal."
MORE = "Work on the new waiting hall starts in September and should take two years."


def test_a_correction_at_the_end_is_no_evidence_for_the_figure_it_retracts(
    tmp_path: Path,
) -> None:
    """Before: the note's first sentence was a sentence of the article, and backed a draft
    stating the retracted figure."""
    note = (
        "Correction: An earlier version of this article misstated the cost of the upgrade as "
        "22 million. It is 14 million. It also gave the wrong month for the start of work."
    )
    source = tmp_path / "ferry.txt"
    source.write_text(f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\n{note}\n", encoding="utf-8")
    assert [s.text for a in summarizer.load_articles(source) for s in a.sentences] == [LEAD, MORE]
    report = summarizer.verify("The terminal upgrade will cost 22 million.\n", source)
    assert not report.claims[0].supported


def test_a_note_at_the_top_goes_with_all_its_sentences() -> None:
    note = (
        "Correction: A previous version of this story said 30 homes were evacuated, citing "
        "the fire service. The service has since said 18 homes were evacuated."
    )
    story = "Eighteen homes were evacuated on Sunday after a gas leak in Elm Street, police said."
    assert _texts(f"Gas leak empties street\n\n{note}\n\n{story}\n") == [story]


def test_note_shapes_are_dropped() -> None:
    for note in (
        "Corrections: An earlier version of this article misspelled the name of the architect.",
        "Clarification (June 4): This story has been updated to say the board's vote was 5-2.",
        "Editor's note: This article has been amended to include a response from the operator.",
        "EDITOR’S NOTE: An earlier version of this article wrongly said the hall opens in 2026.",
        "An earlier version of this article misstated when the work starts.",
        "Due to a reporting error, an earlier version of this story gave the wrong cost.",
        "This article was amended on 4 June 2025 to correct the cost of the upgrade.",
        "This story originally said the board voted unanimously.",
        "(This story has been corrected to show the vote was 5-2.)",
    ):
        assert _texts(f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\n{note}\n") == [LEAD, MORE], note


def test_a_label_with_a_date_takes_the_note_on_the_next_line() -> None:
    """A note headed by its label and date, the note itself on the next line."""
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\n{MORE}\n\nCorrection: June 4, 2025\n"
        "The board chair was misidentified in an earlier version. She is Mary Okafor.\n"
    )
    assert _texts(text) == [LEAD, MORE]


def test_news_about_corrections_stays_beside_a_note() -> None:
    """Stories about corrections have no label and no "this article": kept; the note goes."""
    kept = [
        "The prison service said the correction facility at Hollow Lane would close in May.",
        "The minister issued a correction on Tuesday after misquoting the budget figures.",
        "Corrections officers at the jail went on strike over pay, the union said.",
        "The ministry said an earlier version of this report, leaked in May, had no figures.",
        "The paper's editor's notes on the scandal were published in a book last year.",
    ]
    note = "Clarification: This article has been updated to name the prison."
    text = f"{HEADLINE}\n\n{LEAD}\n\n" + "\n\n".join(kept) + f"\n\n{note}\n"
    assert _texts(text) == [LEAD, *kept]
