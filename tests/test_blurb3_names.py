"""Blurb round 3: a sentence's capitalised first word is no name unless its article names it
elsewhere, so "Footage from the scene showed him ..." leans on the sentence before it, as a
pronoun no name resolves does. Hand-written story; no relative imports."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import extractive, make_article

NAMES = (
    "Man charged after cyclist seriously injured in Penrith hit-and-run\n"
    "\n"
    "A 34-year-old man has been charged with causing serious injury by dangerous driving "
    "after a cyclist was hit by a van on the A66 near Penrith on Saturday evening.\n"
    "\n"
    "Footage from the scene showed him leaving the van and walking away along the verge "
    "before officers arrived.\n"
    "\n"
    "The cyclist, a 52-year-old woman from Keswick, was taken to the Royal Victoria Infirmary"
    " in Newcastle by air ambulance, where she remains in a serious but stable condition.\n"
    "\n"
    "Cumbria Police said Daniel Rowe, of Carlisle, was arrested on Sunday morning at an "
    "address in the city and would appear before magistrates in Carlisle on Tuesday.\n"
    "\n"
    "Witnesses described the van travelling at speed moments before the collision, and the "
    "force has appealed for anyone with dashcam footage to come forward.\n"
    "\n"
    "The A66 was closed for nine hours while collision investigators examined the scene.\n"
)

FOOTAGE = "Footage from the scene showed him leaving the van"


def _candidate(text: str, start: str) -> extractive._Candidate:
    cands = extractive._candidates([make_article(text)])
    return next(c for c in cands if c.sentence.text.startswith(start))


def test_a_common_noun_first_is_no_name_for_a_pronoun_after_it() -> None:
    """Before: "Footage" was read as a name, so "him" had a referent and the sentence stood
    alone."""
    assert _candidate(NAMES, FOOTAGE).dependent


@pytest.mark.parametrize(
    "sentence",
    [
        "Police later found him hiding in a garden shed in Carlisle.",
        "Witnesses saw him running from the van towards the river.",
        "Dashcam video from a lorry captured him braking hard before the bend.",
    ],
)
def test_a_body_or_a_plural_first_is_no_name_either(sentence: str) -> None:
    text = NAMES.replace(
        f"{FOOTAGE} and walking away along the verge before officers arrived.", sentence
    )
    assert _candidate(text, sentence[:20]).dependent


def test_a_name_the_article_gives_elsewhere_still_resolves() -> None:
    """ "Rowe" is named in full later ("Daniel Rowe"): "Rowe showed ..." stands alone."""
    sentence = "Rowe left the van and walked away along the verge, footage showed."
    text = NAMES.replace(
        f"{FOOTAGE} and walking away along the verge before officers arrived.",
        "Footage showed Rowe leaving the van before he walked away.",
    )
    text = text.replace("The A66 was closed", f"{sentence}\n\nThe A66 was closed")
    assert not _candidate(text, "Footage showed Rowe").dependent
    assert not extractive._dependent("Price showed him the way out.")  # a sentence alone


def test_the_blurb_does_not_quote_him_before_saying_who() -> None:
    """The footage sentence moved after the cyclist's: before, a 50-word blurb quoted it right
    after the lead, without the sentence before it."""
    text = NAMES.replace(
        f"{FOOTAGE} and walking away along the verge before officers arrived.\n\n", ""
    ).replace(
        "Royal Victoria Infirmary in Newcastle by air ambulance, where she remains in a serious "
        "but stable condition.\n",
        "Royal Victoria Infirmary in Newcastle by air ambulance, where she remains in a serious "
        f"but stable condition.\n\n{FOOTAGE} and walking away along the verge.\n",
    )
    cands = extractive._candidates([make_article(text)])
    footage = next(c for c in cands if c.sentence.text.startswith(FOOTAGE))
    before = next(c for c in cands if c.sentence.index == footage.sentence.index - 1)
    for length in ({"sentences": 2}, {"sentences": 3}, {"max_words": 50}):
        shown = [c.text for c in summarizer.blurb(text, **length).claims if c.shown]
        if any(t.startswith(FOOTAGE) for t in shown):
            assert before.sentence.text in shown, length
