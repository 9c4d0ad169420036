"""Blurb round 5: a briefing at a large budget must not state one fact twice because two outlets
wrote its figures differently ("$2.31 billion" / "$2.31bn", "18%" / "+18% y/y"), while a sentence
that adds a fact around a figure already given (an analyst's view of the guidance) stays.
Hand-written texts; no relative imports, so the file runs on its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FULL_REPORT = (
    "Harlow Pumps reported second-quarter profit above expectations on Wednesday and raised its "
    "full-year forecast, helped by strong orders from water utilities in Europe. "
    "Revenue rose 18% from a year earlier to $2.31 billion, compared with the $2.2 billion "
    "analysts had expected. "
    "The Ohio-based company now expects full-year revenue of $9.1 billion to $9.4 billion, up "
    "from a previous range of $8.6 billion to $8.9 billion. "
    "Chief Executive Maria Olsen said the company would open a second factory in Poland next "
    "year to keep up with demand. "
    "Analysts at Crane Partners said the new guidance of up to $9.4 billion still looked "
    "cautious given the size of the order book. "
    "The shares rose 7% in after-hours trading."
)
WIRE_BRIEF = (
    "Harlow Pumps (HRLW) Q2 results, released after the close on Wednesday: Revenue $2.31bn, "
    "+18% y/y, vs consensus $2.2bn. "
    "Full-year revenue guidance raised to $9.1bn-$9.4bn from $8.6bn-$8.9bn. "
    "Board approved a dividend of 45 cents a share, up from 40 cents. "
    "Order backlog at quarter end stood at a record $6.8bn, led by municipal water contracts."
)


def _briefing(tmp_path: Path) -> str:
    records = [
        {
            "title": "Harlow Pumps beats forecasts, lifts outlook on utility orders",
            "source": "Business Daily",
            "published": "2025-07-23T21:00:00Z",
            "text": FULL_REPORT,
        },
        {
            "title": "Harlow Pumps Q2: revenue $2.31bn vs $2.2bn est; FY guide raised",
            "source": "Street Notes",
            "published": "2025-07-23T20:50:00Z",
            "text": WIRE_BRIEF,
        },
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "summarizer", "briefing", str(feed), "--max-words", "5000"],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.split("\n## Sources")[0].split("\nSources")[0]


def _bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_a_figure_two_outlets_wrote_differently_is_stated_once(tmp_path: Path) -> None:
    """Before: "Revenue rose 18% ... to $2.31 billion" and "Revenue $2.31bn, +18% y/y" were
    both bullets, and so were the two wordings of the guidance range."""
    bullets = _bullets(_briefing(tmp_path))
    revenue = [b for b in bullets if "2.31" in b]
    guidance = [b for b in bullets if "9.1" in b]
    assert len(revenue) == 1, revenue
    assert len(guidance) == 1, guidance


def test_a_sentence_that_adds_a_fact_beside_a_known_figure_stays(tmp_path: Path) -> None:
    bullets = _bullets(_briefing(tmp_path))
    shown = "\n".join(bullets)
    assert "Crane Partners" in shown  # the guidance's $9.4 billion again, with a view on it
    assert "6.8" in shown  # a figure only one outlet gives
    assert "45 cents" in shown
