"""Dates as inputs and as --since/--until give them (summarizer.dates)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.dates import parse_datetime, window_bound
from summarizer.errors import ConfigError
from summarizer.settings import Settings


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025-03-18+05:00", datetime(2025, 3, 17, 19, 0, tzinfo=UTC)),
        ("2025-03-18-05:00", datetime(2025, 3, 18, 5, 0, tzinfo=UTC)),
        ("20250318+0530", datetime(2025, 3, 17, 18, 30, tzinfo=UTC)),
        ("2025-03-18Z", datetime(2025, 3, 18, tzinfo=UTC)),
        ("2025-03-18T05:00", datetime(2025, 3, 18, 5, 0, tzinfo=UTC)),  # a time: unchanged
    ],
)
def test_a_date_with_a_zone_offset_is_midnight_there_not_a_time_of_day(
    text: str, utc: datetime
) -> None:
    """Before: ``2025-03-18+05:00`` and ``2025-03-18-05:00`` were both 05:00 UTC (the offset
    read as a time of day, its sign lost)."""
    assert parse_datetime(text) == utc


def test_a_date_with_an_offset_as_until_is_the_end_of_that_day_there() -> None:
    assert window_bound("2025-03-18+05:00", end=True) == datetime(2025, 3, 18, 19, tzinfo=UTC)
    assert window_bound("2025-03-18-05:00", end=True) == datetime(2025, 3, 19, 5, tzinfo=UTC)
    assert window_bound("2025-03-18-05:00", end=False) == datetime(2025, 3, 18, 5, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2025-02-30+05:00", "2025-03-18+25:00"])
def test_an_impossible_day_or_offset_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime(text)


def test_a_swapped_window_names_the_dates_as_given_in_cli_library_and_http(
    articles_dir: Path,
) -> None:
    """Before: ``--since 2025-03-19 --until 2025-03-18`` said "since (2025-03-19 ...) must be
    before until (2025-03-19 ...)", the until being the day after, kept as the window's end."""
    expected = "since (2025-03-19) must be before until (2025-03-18, through the end of that day)"
    args = ["briefing", str(articles_dir), "--since", "2025-03-19", "--until", "2025-03-18"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and expected in result.stderr, result.stderr
    with pytest.raises(ConfigError, match=re.escape(expected)):
        summarizer.briefing([], since="2025-03-19", until="2025-03-18")
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from summarizer.serve import ServeConfig, create_app

    body = {"articles": [{"text": "A b c."}], "since": "2025-03-19", "until": "2025-03-18"}
    # in a with block, the app's worker threads end with it: a thread left running keeps
    # the later fork tests (test_dedup.py) from running
    with TestClient(create_app(ServeConfig(settings=Settings(backend="extractive")))) as client:
        res = client.post("/briefing", json=body)
    assert res.status_code == 422 and expected in res.json()["detail"], res.text
    with pytest.raises(ValueError, match=re.escape("until (2025-03-19 10:00:30 UTC)")):
        Settings(since="2025-03-19T10:30Z", until="2025-03-19T10:00:30Z")
