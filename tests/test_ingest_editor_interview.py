"""A Q&A interview: an interviewer's turn is one unit that is never a claim, an answer's label
is not part of its text, and a first-person answer leans on context in the extractive engine."""

from __future__ import annotations

from summarizer import extractive, make_article

INTERVIEW = (
    "Q&A: The market hall's new manager on rents, hours and the roof\n\n"
    "Priya Nair took over the running of the Old Market Hall in January.\n\n"
    "Q: Traders say the rents are too high for small stalls. Is that fair?\n"
    "A: No. Rents for the smallest stalls were cut by 15% in April, and they stay frozen "
    "until 2027.\n\n"
    "Q. Will the hall open on Sundays?\n"
    "A. From June, on the first Sunday of each month.\n\n"
    "Question: Tell us about the roof, which traders say still leaks in heavy rain.\n"
    "Answer: We will replace it over the winter. The council has set aside 1.8 million.\n"
)


def test_turns_are_units_and_answers_lose_their_label() -> None:
    """Before: "Q: Traders say the rents are too high for small stalls." was a sentence (cut
    from "Is that fair?"), and the answers began "A: No. Rents ...", "A. From June, ..."."""
    texts = [s.text for s in make_article(INTERVIEW).sentences]
    assert texts == [
        "Priya Nair took over the running of the Old Market Hall in January.",
        "Q: Traders say the rents are too high for small stalls. Is that fair?",
        "No.",
        "Rents for the smallest stalls were cut by 15% in April, and they stay frozen until 2027.",
        "Q. Will the hall open on Sundays?",
        "From June, on the first Sunday of each month.",
        "Question: Tell us about the roof, which traders say still leaks in heavy rain.",
        "We will replace it over the winter.",
        "The council has set aside 1.8 million.",
    ]


def test_an_interviewers_turn_is_never_a_claim() -> None:
    """Before: the turn that ends with a stop, not a question mark, was a usable sentence,
    and the blurb could quote the interviewer's premise as a fact."""
    cands = extractive._candidates([make_article(INTERVIEW)])
    turns = [c for c in cands if c.sentence.text.startswith("Q")]
    assert len(turns) == 3 and not any(extractive._usable(c) for c in turns)
    quoted = [c.text for c in extractive.summarize([make_article(INTERVIEW)], sentences=4)]
    assert not any(t.startswith(("Q", "A:", "A.", "Answer")) or "say" in t for t in quoted)


def test_a_first_person_sentence_leans_on_context() -> None:
    """A blurb of two to four sentences shows "We will replace it" with no question and no
    speaker: "we" reads as the outlet or as no one. A third-person answer stands alone."""
    for text in (
        "We will replace it over the winter.",
        "I have told the council that twice this year.",
        "Our traders deserve a roof that does not leak.",
    ):
        assert extractive._dependent(text), text
    assert not extractive._dependent("Rents for the smallest stalls were cut by 15% in April.")
