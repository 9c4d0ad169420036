"""A page's publication time survives a dated URL: htmldate reads "/2026/11/23/" in the
canonical link before ``article:published_time`` and gave the day alone. Own page text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import summarizer

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry crews accept pay deal | Harbour Post</title>
<meta property="article:published_time" content="2026-11-23T08:30:00Z">
<link rel="canonical" href="https://www.harbourpost.example/2026/11/23/ferry-crews-accept-pay-deal">
</head><body><main><article><h1>Ferry crews accept pay deal</h1>
<p>Ferry crews on the Karrow crossing have accepted a two-year pay deal, ending a dispute that
had threatened sailings over the holidays, their union said on Monday.</p>
<p>The deal gives crews a 5% rise this year and 3.5% next year, with extra pay for night
sailings.</p>
<p>The operator said all sailings would run to timetable.</p>
</article></main></body></html>"""


def test_a_dated_url_does_not_cut_the_stated_time_to_the_day(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE, encoding="utf-8")
    article = summarizer.load_articles([page])[0]
    assert article.published is not None and not article.published_day
    assert article.published.isoformat() == "2026-11-23T08:30:00+00:00"
    # and a window that starts after it leaves the page out
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer",
            "briefing",
            str(tmp_path),
            "--format",
            "json",
            "--since",
            "2026-11-23T12:00Z",
            "--until",
            "2026-11-23T18:00Z",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Ferry crews" not in done.stdout, done.stdout
    assert "1 article left out: published outside the dates" in done.stdout, done.stdout


def test_a_page_that_states_only_its_day_stays_a_day(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(PAGE.replace("2026-11-23T08:30:00Z", "2026-11-23"), encoding="utf-8")
    article = summarizer.load_articles([page])[0]
    assert article.published_day
