"""Blurb round 4: a Q&A's or a transcript's answers are quoted with who gave them ("Whitfield:
...", "RUIZ: ..."), citing the sentence that names the speaker too so the attribution is
checked like the rest, and its questions (after "Q:", in bold, or a transcript's interviewer's
turns) are never quoted. Hand-written texts; no relative imports, so the file runs on its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer
from summarizer import make_article

QA = (
    "The new chief constable on knife crime, 999 calls and station closures\n"
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
)

TRANSCRIPT = (
    "Transcript: the port director on the strike\n\n"
    "Ana Ruiz has run the Port of Eastmouth since 2019. This is an edited transcript of her "
    "conversation with our business editor, Tom Hale.\n\n"
    "HALE: How long will the strike last?\n\n"
    "RUIZ: The dockers' union has called a walkout for 14 days from Monday. We expect about 40"
    " ships to be diverted to Felixstowe and Southampton in that time.\n\n"
    "HALE: Critics say the port is losing money already. Are they right?\n\n"
    "RUIZ: Cargo volumes fell 18% in March compared with a year earlier. The port will borrow"
    " £20m from its shareholders to cover the gap.\n\n"
    "HALE: Will you raise your pay offer?\n\n"
    "RUIZ: No. The offer of 5% this year and 4% next year is final, and it is more than any "
    "other port in the country has offered.\n"
)

BOLD = (
    "---\ntitle: Ten minutes with the new head teacher\n---\n\n"
    "Priya Nair became head of Castle Hill Academy in September, after the school was rated "
    "inadequate by Ofsted.\n\n"
    "**Critics say a third of lessons were poorly taught. What did the inspectors find?**\n\n"
    "Attendance had fallen to 86% by last summer. The school has since hired eleven new "
    "teachers.\n\n"
    "**Is attendance improving?**\n\n"
    "Attendance reached 93% this term, the highest since 2019. Persistent absence has halved."
    "\n\n**Will the school stay open?**\n\n"
    "The trust has committed to keep the school open until at least 2030, and the council has"
    " agreed to fund a new science block.\n"
)


def _blurb(path: Path, *args: str) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(path), "--format", "json", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def _claims(blurb: dict[str, object]) -> list[dict[str, object]]:
    claims = blurb["claims"]
    assert isinstance(claims, list)
    return [c for c in claims if c["verdict"] in ("accepted", "repaired")]


@pytest.mark.parametrize(
    ("name", "text", "speaker", "intro"),
    [
        ("qa.txt", QA, "Whitfield", "Sarah Whitfield became chief constable"),
        ("transcript.txt", TRANSCRIPT, "RUIZ", "Ana Ruiz has run"),
        ("bold.md", BOLD, "Nair", "Priya Nair became head"),
    ],
)
@pytest.mark.parametrize("length", [("--sentences", "4"), ("--max-words", "60")])
def test_each_answer_quoted_is_attributed_and_verified(
    tmp_path: Path, name: str, text: str, speaker: str, intro: str, length: tuple[str, str]
) -> None:
    """Before: answers were quoted bare ("Recorded knife offences rose 11% ...", a
    transcript's "We expect about 40 ships ..."), as if the outlet said them."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    claims = _claims(_blurb(path, *length))
    answers = [c for c in claims if not str(c["text"]).startswith(intro)]
    assert answers, claims
    article = make_article(text) if not name.endswith(".md") else None
    for claim in answers:
        shown = str(claim["text"])
        assert shown.startswith(f"{speaker}: "), shown
        assert claim["verdict"] == "accepted"
        cited = [str(c["text"]) for c in claim["citations"]]  # type: ignore[union-attr]
        said = shown.removeprefix(f"{speaker}: ")
        assert said in cited or f"{speaker}: {said}" in cited  # the answer, quoted exactly
        assert any(speaker in t for t in cited)  # and where the article names its speaker
        assert "?" not in shown
    if article is not None:
        assert {s.speaker for s in article.sentences if s.text.endswith("?")} == {None}


@pytest.mark.parametrize("text", [QA, TRANSCRIPT, BOLD])
def test_no_question_or_its_premise_is_quoted(text: str) -> None:
    for length in ({"sentences": 4}, {"sentences": 6}, {"max_words": 80}):
        shown = [c.text for c in summarizer.blurb(text, **length).claims if c.shown]
        assert not any(
            t.startswith(("Q", "HALE")) or "Critics say" in t or "Residents say" in t for t in shown
        ), shown


def test_answers_whose_speaker_no_one_names_are_not_quoted() -> None:
    """An introduction that names no one: an answer is never shown as the outlet's fact."""
    text = QA.replace(
        "Sarah Whitfield became chief constable of Northshire Police in January. She spoke to "
        "the Courier about her first three months in the job.",
        "The county's new chief constable took office in January, after the force was put "
        "into special measures by inspectors.",
    )
    shown = [c.text for c in summarizer.blurb(text, sentences=3).claims if c.shown]
    assert shown == [
        "The county's new chief constable took office in January, after the force was put "
        "into special measures by inspectors."
    ]


def test_a_report_with_speakers_quoted_in_passing_is_no_transcript() -> None:
    text = (
        "Council approves Holbeck homes\n\n"
        "Leeds City Council approved plans for 4,000 homes on former railway land in Holbeck "
        "on Tuesday.\n\n"
        "Note: figures are for the year to March.\n\n"
        "Rents in the city rose 9% in the year to March, the Office for National Statistics "
        "said.\n\nSource: ONS.\n"
    )
    assert {s.speaker for s in make_article(text).sentences} == {None}
