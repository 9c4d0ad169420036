"""Blurb round 3: an interview's framing ("In an interview with the Gazette, X spoke about ...",
"She spoke to the Courier about ...") is not its blurb's lead; the news the interviewee gave
is, and a Q&A's questions are never quoted. Hand-written texts; no relative imports."""

from __future__ import annotations

import pytest

import summarizer
from summarizer import extractive

INTERVIEW = (
    "Health secretary: nurse training places to rise by 4,000 from September\n"
    "\n"
    "In an interview with the Gazette on Tuesday, Health Secretary Maria Lopes spoke about "
    "waiting lists, the nurses' pay dispute and her plans for rural hospitals.\n"
    "\n"
    "Lopes said the government would fund 4,000 more nurse training places from September, "
    "paid for by a £310m transfer from the department's capital budget.\n"
    "\n"
    "She said the waiting list for planned operations, which stood at 7.4 million in "
    "February, would fall below 7 million by the end of the year, and that no hospital in the"
    " north-east would lose its maternity unit before 2027.\n"
    "\n"
    "The pay dispute was not settled, she said, but talks with the Royal College of Nursing "
    "would resume on 14 April.\n"
    "\n"
    "Asked about the closure of the minor injuries unit at Alnwick, Lopes said the decision "
    "was a matter for the local health board, which is due to publish its review next month.\n"
    "\n"
    "The Royal College of Nursing said it welcomed the extra training places but that they "
    "would not solve a shortage of 40,000 nurses in England. Its general secretary said "
    'members would "judge the government on what it offers at the table, not what it says in '
    'the papers".\n'
    "\n"
    "The Conservatives said the money for training places was being taken from hospital "
    "repairs, and that the backlog of maintenance work in the NHS had reached £13.8bn.\n"
)

QA = (
    "Q&A: The new chief constable on knife crime, 999 calls and station closures\n"
    "\n"
    "Sarah Whitfield became chief constable of Northshire Police in January. She spoke to the"
    " Courier about her first three months in the job.\n"
    "\n"
    "Q: Knife crime in Northshire has risen for three years running. Why?\n"
    "A: It has, and I won't pretend otherwise. Recorded knife offences rose 11% last year, to"
    " 1,240, and half of them were in Eastport.\n"
    "\n"
    "Q: Residents say 999 calls go unanswered for minutes at a time. Is that true?\n"
    "A: Not any more. The average wait for a 999 call was 14 seconds in March, down from 41 "
    "seconds a year ago, because we have put 30 more call handlers on the late shift.\n"
    "\n"
    "Q: Will any more police stations close?\n"
    "A: No. The front counters at Redbridge and Holme will stay open, and the one at Eastport"
    " will open on Saturdays from May.\n"
    "\n"
    "Q: What would you say to officers who feel overworked?\n"
    "A: That I hear them. We are recruiting 120 officers this year, and overtime has been "
    "capped at 20 hours a month so nobody is doing six-day weeks for months on end.\n"
)


def _shown(text: str, **length: int) -> list[str]:
    return [c.text for c in summarizer.blurb(text, **length).claims if c.shown]


@pytest.mark.parametrize("length", [{"sentences": 2}, {"sentences": 3}, {"max_words": 40}])
def test_an_interviews_framing_is_not_its_lead(length: dict[str, int]) -> None:
    """Before: "In an interview with the Gazette on Tuesday, ... spoke about waiting lists, ..."
    led the blurb (under 40 words it was the whole blurb, and said no news)."""
    shown = _shown(INTERVIEW, **length)
    assert shown[0].startswith("Lopes said the government would fund 4,000")
    assert not any("interview" in t for t in shown)


def test_a_qa_blurb_quotes_answers_not_its_framing_or_questions() -> None:
    """Before: "She spoke to the Courier about her first three months in the job." was the
    second of three sentences."""
    for length in ({"sentences": 3}, {"sentences": 4}, {"max_words": 60}):
        shown = _shown(QA, **length)
        assert not any("spoke to the Courier" in t for t in shown), length
        assert not any(t.startswith(("Q", "Residents say", "Knife crime in")) for t in shown)
        assert any("knife offences rose 11%" in t for t in shown)


@pytest.mark.parametrize(
    "text",
    [
        "In a wide-ranging interview, the mayor discussed housing, transport and the budget.",
        "Ruiz sat down with the Ledger to talk about the strike and her plans for the port.",
        "Speaking exclusively to the Herald, the coach reflected on a difficult season.",
    ],
)
def test_framing_sentences(text: str) -> None:
    assert extractive._framing(text)


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters, Ruiz said the port would reopen on Monday.",
        "In an interview, the mayor said she would cut fares by 10% from June.",
        "Ministers discussed a ceasefire proposal at an emergency meeting in Cairo on Sunday.",
        "The coach spoke about the injury after the match, which his side won 3-1.",
    ],
)
def test_news_told_in_an_interview_is_no_framing(text: str) -> None:
    assert not extractive._framing(text)
