"""The extractive engine avoids quoting a reported clause whose pronoun it cannot resolve:
"The university said he died ..." alone in a blurb leaves the reader asking who "he" is."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import extractive


@pytest.mark.parametrize(
    "text",
    [
        "The university said he died after a long illness.",
        "Officials said she was taken to hospital on Tuesday.",
        "Police said his car was found abandoned near the border.",
        "According to police, he was driving at twice the speed limit.",
        "Witnesses told reporters he fired three shots into the air.",
        "On Monday, the ministry said that her condition was stable.",
        "Chicago police said Friday he had fled the state.",  # a place qualifies the body
        "Harvard University said she would retire next year.",
        "Health officials added that his test came back positive.",
        "Trial observers said he often paused for long periods of silence.",
        # after a wire dateline, which is no referent (before: not read past it)
        "WASHINGTON (AP) -- Police said he was arrested at the airport on Monday.",
        "LONDON (Reuters) - Officials said she had resigned from the board.",
        "BROOKLYN, Ohio — He had driven the same route for thirty years.",
    ],
)
def test_a_pronoun_a_body_cannot_resolve_is_dependent(text: str) -> None:
    assert extractive._dependent(text)


@pytest.mark.parametrize(
    "text",
    [
        "Smith said he would resign.",  # he = Smith
        "The company said it would cut 200 jobs.",  # it = the company
        "Police said they arrested two men.",  # they = police
        "Officials said it was unclear when the bridge would reopen.",  # expletive "it"
        "Smith's lawyer said he would appeal.",
        "The family of John Smith said he died peacefully at home.",
        "John Smith fell from a ladder and police said he was in stable condition.",
        "The spokesman for the ministry said he would not comment.",
        "Ana Ruiz, a spokeswoman for the ministry, said she had no details.",
        "LaRue always said he advised against the burglary.",
        "The sports network announced her suspension on Twitter.",  # an object, not a clause
        "The cartoonist was found to have cancer and said he needed rest.",
        "Officials said the minister was taken to hospital.",
        "Forty percent of those surveyed said they went without food.",
        "WASHINGTON (AP) -- Senator Ann Smith said she would vote against the bill.",
    ],
)
def test_a_resolved_or_absent_pronoun_is_not_dependent(text: str) -> None:
    assert not extractive._dependent(text)


OBITUARY = (
    "Frederick Reines, the physicist who shared the 1995 Nobel Prize for detecting the "
    "neutrino, died on Sunday in California at the age of 80. "
    "Reines once said he had wanted to be an opera singer before he turned to physics. "
    "The university said he died of pancreatic cancer at the university medical center in "
    "Irvine. "
    "Doctors at the university medical center in Irvine had treated his pancreatic cancer since "
    "the spring. "
    "Pancreatic cancer is rarely found early, the medical center said in a statement on Monday. "
    "A memorial service will be held at the Irvine campus next month."
)
UNRESOLVED = (
    "The university said he died of pancreatic cancer at the university medical center in Irvine."
)


@pytest.mark.parametrize("n", [2, 3])
def test_a_blurb_passes_over_an_unresolved_report(n: int) -> None:
    # Before the rule this blurb quoted UNRESOLVED: it covers the most repeated concepts.
    shown = [c.text for c in summarizer.blurb(OBITUARY, sentences=n).claims if c.shown]
    assert len(shown) == n
    assert shown[0].startswith("Frederick Reines")
    assert UNRESOLVED not in shown


def test_an_unresolved_report_is_penalised_not_forbidden() -> None:
    # with nothing better to quote, the sentence is still quoted
    text = (
        "Officials said he was arrested at the border crossing late on Tuesday night. "
        "Police said she was released on bail early on Wednesday morning after questioning."
    )
    shown = [c.text for c in summarizer.blurb(text, sentences=2).claims if c.shown]
    assert len(shown) == 2
