"""Blurb round 4: a writer's note at a piece's end ("Jane Doe is a columnist for the Example
Times. Her views are her own.", "— John Roe writes about housing.", "The writer is a professor
of economics at ...") is no sentence of its blurb, and one that marks a column (an opinion
role, "views are her own", "The writer is ...") labels the piece Opinion. Hand-written texts;
no relative imports, so the file runs on its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import summarizer
from summarizer import make_article

BODY = (
    "Harlow Borough Council plans to spend £14m on a new multi-storey car park beside the "
    "station, with 600 spaces, to open in 2027.\n\n"
    "The money would pay for three new bus routes for a decade, according to figures the "
    "council published in March.\n\n"
    "Traffic in the town centre has grown by 12% since 2019, and the council's own transport "
    "plan says it wants fewer cars, not more.\n\n"
    "Councillors will vote on the scheme on 4 June.\n"
)
TITLE = "The council should stop building car parks\n\n"


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("Jane Doe is a columnist for the Harlow Times. Her views are her own.", "opinion"),
        ("Jane Doe is a columnist for the Harlow Times.\n\nHer views are her own.", "opinion"),
        ("The writer is a professor of economics at the University of Essex.", "opinion"),
        (
            "Sam Patel is a contributing writer for the Harlow Times. The views expressed here "
            "are his own.",
            "opinion",
        ),
        ("— John Roe writes about housing and transport.", None),
        ("John Roe writes about transport for the Harlow Times.", None),
    ],
)
def test_a_writers_note_at_the_end_is_no_sentence(note: str, kind: str | None) -> None:
    article = make_article(f"{TITLE}{BODY}\n{note}\n")
    texts = [s.text for s in article.sentences]
    assert texts[-1] == "Councillors will vote on the scheme on 4 June."
    assert article.kind == kind
    blurb = summarizer.blurb(f"{TITLE}{BODY}\n{note}\n", sentences=4)
    assert blurb.kind == kind
    assert not any("writes about" in c.text or "views" in c.text for c in blurb.claims)


def test_the_cli_labels_a_signed_column_and_leaves_the_note_out(tmp_path: Path) -> None:
    """Before: the note was the blurb's last sentence and the column was unlabelled."""
    path = tmp_path / "column.txt"
    path.write_text(
        f"{TITLE}{BODY}\nJane Doe is a columnist for the Harlow Times. Her views are her own.\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(path), "--sentences", "5"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.startswith("Opinion: Harlow Borough Council plans")
    assert "Jane Doe" not in run.stdout.split("Sources:")[0]
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout)["kind"] == "opinion"


@pytest.mark.parametrize(
    "last",
    [
        "Jane Doe is a professor of economics at the University of Essex.",
        "The author of the report, Dr Amy Lin, is due to give evidence to MPs on Tuesday.",
        "Ms Doe, who writes about housing for a charity, said the plan was a mistake.",
    ],
)
def test_a_report_ending_on_a_fact_about_someone_keeps_it(last: str) -> None:
    article = make_article(f"{TITLE}{BODY}\n{last}\n")
    assert article.sentences[-1].text == last
    assert article.kind is None


def test_a_note_mid_text_is_a_sentence() -> None:
    """Only the article's end holds a writer's note."""
    text = f"{TITLE}Jane Doe is a columnist for the Harlow Times.\n\n{BODY}"
    article = make_article(text)
    assert article.sentences[0].text == "Jane Doe is a columnist for the Harlow Times."
