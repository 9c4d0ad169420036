"""A story's time span covers the copies dedup folded into its articles: each test failed on
the code before its fix."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import pipeline
from summarizer.cli import app
from summarizer.ingest import make_article
from summarizer.render import render_briefing

from .synthetic import FLOOD_A, syndicated_copy

runner = CliRunner()


def _day() -> list[dict[str, str]]:
    """An original, a near-copy (edited: its own id) two days earlier, and a byte-identical
    copy (the original's id) from another outlet two days later."""
    return [
        {"text": FLOOD_A, "source": "Orig Paper", "published": "2026-11-21T10:00:00Z"},
        {
            "text": syndicated_copy(FLOOD_A, "Wire Copy"),
            "source": "Wire Copy",
            "published": "2026-11-19T06:00:00Z",
        },
        {"text": FLOOD_A, "source": "Exact Copy", "published": "2026-11-23T06:00:00Z"},
    ]


def test_a_copys_date_is_inside_its_storys_span() -> None:
    arts = [make_article(r["text"], source=r["source"], published=r["published"]) for r in _day()]
    result = pipeline.briefing(arts, backend="extractive")
    [story] = result.stories
    assert len(story.article_ids) == 1 and len(story.copy_ids) == 1  # the near-copy folded in
    assert story.first_published is not None and story.last_published is not None
    assert story.first_published.isoformat() == "2026-11-19T06:00:00+00:00"
    assert story.last_published.isoformat() == "2026-11-23T06:00:00+00:00"
    assert "2026-11-19 to 2026-11-23*" in render_briefing(result, "md")


def test_the_cli_shows_the_span_of_every_input(tmp_path: Path) -> None:
    day = tmp_path / "day.jsonl"
    day.write_text("\n".join(json.dumps(r) for r in _day()), encoding="utf-8")
    res = runner.invoke(app, ["briefing", str(day), "-b", "extractive", "-f", "json"])
    assert res.exit_code == 0, res.output
    [story] = json.loads(res.stdout)["stories"]
    assert story["first_published"] == "2026-11-19T06:00:00Z"
    assert story["last_published"] == "2026-11-23T06:00:00Z"


def test_an_undated_original_takes_its_copies_span() -> None:
    arts = [
        make_article(FLOOD_A, source="Orig Paper"),
        make_article(
            syndicated_copy(FLOOD_A, "Wire"), source="Wire", published="2026-11-19T06:00:00Z"
        ),
        make_article(
            syndicated_copy(FLOOD_A, "Other"), source="Other", published="2026-11-20T06:00:00Z"
        ),
    ]
    [story] = pipeline.briefing(arts, backend="extractive").stories
    assert story.first_published is not None and story.last_published is not None
    assert story.first_published.isoformat() == "2026-11-19T06:00:00+00:00"
    assert story.last_published.isoformat() == "2026-11-20T06:00:00+00:00"
