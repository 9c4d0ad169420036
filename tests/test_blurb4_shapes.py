"""Blurb round 4: other shapes a newsroom publishes. A photo essay's captions (a line ending on
its credit, "... by boat. Photograph: Jane Smith/Courier") are not its news; an obituary's
"She trained at ..." after its held-back childhood anecdote leans on the lead, not on the
anecdote, so the blurb tells the life and not only the death and the funeral. Hand-written
texts; no relative imports, so the file runs on its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import summarizer

PHOTO_ESSAY = (
    "In pictures: the floods in Northshire\n\n"
    "Hundreds of homes were flooded across Northshire on Sunday after the River Wend burst its "
    "banks.\n\n"
    "Residents of Carrow Street are rescued by boat on Sunday morning. Photograph: Jane Smith/"
    "Northshire Courier\n\n"
    "The Environment Agency issued 14 severe flood warnings, meaning a danger to life, along "
    "the river.\n\n"
    "A car is submerged in Fenby town centre. Photograph: PA\n\n"
    "More than 300 people spent the night in emergency shelters, the county council said.\n"
)

OBITUARY = (
    "Margaret Holt, pioneering heart surgeon, dies aged 91\n\n"
    "Margaret Holt, who performed Britain's first heart transplant on a child, has died aged "
    "91, her family said on Sunday.\n\n"
    "When Holt was nine, she took apart the family's clock to see how it worked.\n\n"
    "She trained at St Thomas' Hospital in London and became a consultant at Great Ormond "
    "Street in 1968, one of the first women to hold such a post.\n\n"
    "In 1984 she led the team that gave a new heart to a three-year-old boy, who is now a "
    "grandfather.\n\n"
    "She is survived by her husband, Peter, two children and five grandchildren.\n\n"
    "A funeral will be held at Salisbury Cathedral on 12 May.\n"
)


def _cli_blurb(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(path), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.split("\n\nSources:")[0]


def test_a_photo_essays_captions_are_not_quoted(tmp_path: Path) -> None:
    """Before: "Residents of Carrow Street are rescued by boat on Sunday morning." was the
    blurb's second sentence (its credit cut, the caption kept)."""
    shown = _cli_blurb(tmp_path, PHOTO_ESSAY, "--sentences", "4")
    assert "rescued by boat" not in shown and "submerged" not in shown
    assert "Photograph" not in shown
    assert shown.startswith("Hundreds of homes were flooded")


def test_a_long_paragraph_keeps_its_text_when_its_credit_is_cut() -> None:
    para = (
        "Rescuers worked through the night in Carrow Street, where the water reached the first "
        "floor of some houses, and the fire service said it had taken 120 people to safety by "
        "boat before dawn, more than on any night since the floods of 2007, when the river last "
        "rose this high, and it warned that more rain was expected on Tuesday across the whole "
        "of the county and beyond. Photograph: Jane Smith/Northshire Courier"
    )
    article = summarizer.make_article(f"Floods in Northshire\n\n{para}\n")
    assert article.sentences[-1].text.endswith("across the whole of the county and beyond.")


def test_an_obituary_tells_the_life_not_only_the_death_and_the_funeral(tmp_path: Path) -> None:
    """Before: "She trained ..." and "In 1984 she led ..." were held back with the anecdote
    before them; the blurb was the death and "A funeral will be held ..." (two of three)."""
    shown = _cli_blurb(tmp_path, OBITUARY)
    assert shown.startswith("Margaret Holt, who performed Britain's first heart transplant")
    assert "She trained at St Thomas' Hospital" in shown
    assert "When Holt was nine" not in shown


def test_it_after_a_held_anecdote_is_still_held() -> None:
    text = OBITUARY.replace(
        "She trained at", "It was the start of a lifelong fascination with machines. She trained at"
    )
    shown = [c.text for c in summarizer.blurb(text, sentences=4).claims if c.shown]
    assert not any(t.startswith("It was the start") for t in shown)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "Oil prices rise after OPEC+ output cut\n\nLONDON, March 18 (Reuters) - Oil prices "
            "rose more than 2% on Tuesday after OPEC+ agreed to cut output by a further 500,000 "
            "barrels per day from May.\n\nBrent crude futures rose $1.85, or 2.4%, to $79.10 a "
            "barrel by 1130 GMT.\n\n(Reporting by Alex Lawler; Editing by Jason Neely)\n",
            "Oil prices rose more than 2% on Tuesday",
        ),
        (
            "Editor's note: This article has been updated to include a response from the "
            "council.\n\nResidents protest plans to close Fenby library\n\nMore than 200 people "
            "marched through Fenby on Saturday to protest against plans to close the town's "
            "library.\n\nThe county council wants to close six libraries to save £1.2m a year.\n",
            "More than 200 people marched through Fenby",
        ),
        (
            "Eastfield beat Milltown to go top\n\nEastfield 3 Milltown 1\n\nEastfield went top "
            "of the Northern League on Saturday with a 3-1 win over Milltown, their fourth "
            "victory in a row.\n\nSam Okoro gave the home side the lead after 12 minutes, and Dan"
            " Price doubled it before half-time.\n\nEastfield: Hart; Cole, Amis, Booth, Reid; "
            "Okoro, Price, Lund; Bell, Shaw, Mair.\nMilltown: Stone; Webb, Ford, Lane, Hill; Ward,"
            " Cook, Dean; Ross, Kerr, Nash.\nReferee: P. Tierney. Attendance: 4,312.\n",
            "Eastfield went top of the Northern League",
        ),
    ],
)
def test_shapes_that_already_came_out_right(text: str, first: str) -> None:
    """Guards: a wire dateline, an editor's note above the headline, a match report's score
    line and line-ups."""
    shown = [c.text for c in summarizer.blurb(text, sentences=3).claims if c.shown]
    assert shown[0].startswith(first)
    assert not any(
        w in t for t in shown for w in ("Reuters", "Editor", "Referee", "Hart;", "Reporting by")
    )
