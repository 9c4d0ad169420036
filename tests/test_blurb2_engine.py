"""Blurb round 2, the extractive engine: a fact-check's claim goes with its verdict, puff and an
outlet's first person are held back, a press release's wire dateline is cut, an obituary's
opening anecdote is not its lead, a pronoun the blurb never resolves leans on context. Each
text here is made up for the test."""

from __future__ import annotations

import summarizer
from summarizer import extractive


def _shown(text: str, **length: int) -> list[str]:
    return [c.text for c in summarizer.blurb(text, **length).claims if c.shown]


FACT_CHECK = (
    "No, the town is not closing its swimming pools\n\n"
    "Messages claiming that Dunmere Town Council will shut all three of its swimming pools in "
    "June have been forwarded thousands of times on WhatsApp. This is not true.\n\n"
    "The messages, first seen on Friday, say that swimmers will have to travel to Ashby instead. "
    "Several show what looks like a council letter.\n\n"
    "The council said it would refurbish the changing rooms at the Mill Lane pool over four "
    "weeks in the summer, while the other two pools stay open as usual.\n\n"
    "A spokesman for the council said the letter had been made up and that it had asked "
    "people not to share it.\n"
)


def test_a_claim_going_round_is_quoted_with_its_verdict_or_not_at_all() -> None:
    """Before: "Messages claiming ..." and "The messages ... say ..." were quoted, the
    verdict ("This is not true.") never."""
    for length in ({"sentences": 3}, {"sentences": 2}, {"max_words": 40}):
        shown = _shown(FACT_CHECK, **length)
        claim = [k for k, t in enumerate(shown) if t.startswith("Messages claiming")]
        for k in claim:
            assert shown[k + 1] == "This is not true."
        assert not any(t.startswith("The messages") for t in shown)


PRESS_RELEASE = (
    "Brightwater Telecom launches rural broadband voucher\n\n"
    "MANCHESTER, 12 May 2025 /PRNewswire/ -- Brightwater Telecom today announced a voucher "
    "worth up to £800 towards full-fibre connections for 20,000 rural homes in Cumbria.\n\n"
    "Brightwater is passionate about being at the forefront of digital inclusion. We believe "
    "every village deserves a world-class connection.\n\n"
    "Homes can apply from 2 June 2025 if their current download speed is below 30Mbps, and the "
    "voucher covers installation by one of 14 approved engineers.\n\n"
    "The offer closes on 31 January 2026 or when the 20,000 vouchers have been claimed.\n"
)


def test_a_press_release_blurb_has_no_wire_dateline_no_puff_and_no_we() -> None:
    """Before: the "/PRNewswire/ --" dateline was quoted, and the puff and "We believe ..."
    were picked over the dates and conditions."""
    shown = _shown(PRESS_RELEASE)
    assert shown[0].startswith("Brightwater Telecom today announced")
    assert not any("PRNewswire" in t or "forefront" in t or "We believe" in t for t in shown)


OBITUARY = (
    "Tomas Everly, the engineer behind the Severn tidal lagoon, dies aged 91\n\n"
    "When Tomas Everly was seven, he dammed the stream behind his grandmother's cottage with "
    "stones and old planks to see how high the water would rise. It was the start of a "
    "lifelong obsession.\n\n"
    "Everly, the civil engineer whose tidal lagoon at Cardiff Bay now powers 90,000 homes, has "
    "died aged 91. His son said he died at a care home in Penarth on Friday.\n\n"
    "He trained at Imperial College London and joined the Central Electricity Generating Board "
    "in 1957, where he worked on the first studies of tidal power in the Severn estuary.\n"
)


def test_an_obituarys_opening_anecdote_is_not_its_lead() -> None:
    """Before: "When X was seven, he ..." led the blurb; under 40 words it was the whole blurb,
    and the blurb never said he had died."""
    for length in ({"sentences": 3}, {"max_words": 40}):
        shown = _shown(OBITUARY, **length)
        assert "has died aged 91" in shown[0]
        assert not any(t.startswith("When Tomas") for t in shown)


INTERVIEW = (
    "Health minister rules out new hospital charges\n\n"
    "Health Minister Oona Kerrigan said on Tuesday that patients would never be charged for "
    "visiting a GP, ruling out a proposal from a think tank.\n\n"
    "Ms Kerrigan was speaking to our political correspondent, Dev Shah.\n\n"
    "She also confirmed that 3,000 more nurses would start work in hospitals by December.\n"
)


def test_a_line_about_the_outlets_own_work_is_not_quoted() -> None:
    """Before: "... spoke to our transport editor" was picked once the lead was."""
    assert not any("our political" in t for t in _shown(INTERVIEW))


def test_a_pronoun_no_name_resolves_leans_on_context() -> None:
    """Before: "CCTV ... showed him pushing her." was picked alone under a word budget."""
    assert extractive._dependent("In footage from a doorbell camera, he is seen kicking the door.")
    assert not extractive._dependent("A camera showed Ian Hart, 40, kicking the door.")
    assert not extractive._dependent("The guard said he saw him kicking the door.")


def test_the_figure_leans_on_the_sentence_that_gives_it() -> None:
    assert extractive._dependent("The figure beats the previous record of 2.9 million.")
