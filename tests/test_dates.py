"""Dates as inputs and as --since/--until give them (summarizer.dates)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
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
    expected = (
        "since (2025-03-19) must be before until (2025-03-18, through the end of that day, "
        "to 2025-03-19 00:00 UTC)"
    )
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
    with pytest.raises(ConfigError, match=re.escape("until (2025-03-19 10:00:30 UTC)")):
        Settings(since="2025-03-19T10:30Z", until="2025-03-19T10:00:30Z")


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("March 18, 2025 10:00 p.m. ET", datetime(2025, 3, 19, 2, 0, tzinfo=UTC)),  # EDT
        ("January 10, 2025 10:00 p.m. ET", datetime(2025, 1, 11, 3, 0, tzinfo=UTC)),  # EST
        ("19 March 2025 00:30 CET", datetime(2025, 3, 18, 23, 30, tzinfo=UTC)),
        ("Tue, 18 Mar 2025 10:00:00 GMT+5", datetime(2025, 3, 18, 5, 0, tzinfo=UTC)),
        ("2025-03-18T10:00:00 EST", datetime(2025, 3, 18, 15, 0, tzinfo=UTC)),
        ("2025-03-18 10:00 PT", datetime(2025, 3, 18, 17, 0, tzinfo=UTC)),
        ("2025-03-18 10:00 UTC-3:30", datetime(2025, 3, 18, 13, 30, tzinfo=UTC)),
        ("Tue, 18 Mar 2025 10:00:00 GMT", datetime(2025, 3, 18, 10, 0, tzinfo=UTC)),
        ("Tue, 18 Mar 2025 10:00:00 -0400 (EDT)", datetime(2025, 3, 18, 14, 0, tzinfo=UTC)),
        ("March 18, 2025 10:00 PM", datetime(2025, 3, 18, 22, 0, tzinfo=UTC)),
    ],
)
def test_a_zone_name_after_the_time_is_applied(text: str, utc: datetime) -> None:
    """Before: "ET", "CET" and "GMT+5" were read as UTC (and "p.m." dropped); "EST" after an
    ISO time was refused."""
    assert parse_datetime(text) == utc


@pytest.mark.parametrize(
    "text", ["Tue, 18 Mar 2025 10:00:00 IST", "2025-03-18 10:00 XYZ", "2025-03-18 10:00 GMT+15"]
)
def test_an_ambiguous_or_unknown_zone_is_refused_not_read_as_utc(text: str) -> None:
    with pytest.raises(ValueError, match="zone"):
        parse_datetime(text)


def test_us_zones_follow_the_us_rule_without_a_zone_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarizer import dates

    def missing(key: str) -> None:
        raise dates.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(dates, "ZoneInfo", missing)
    assert parse_datetime("2025-03-08 10:00 ET") == datetime(2025, 3, 8, 15, 0, tzinfo=UTC)
    assert parse_datetime("2025-03-10 10:00 ET") == datetime(2025, 3, 10, 14, 0, tzinfo=UTC)
    assert parse_datetime("2025-11-03 10:00 CT") == datetime(2025, 11, 3, 16, 0, tzinfo=UTC)


def test_since_reads_an_article_date_in_its_zone(tmp_path: Path) -> None:
    """An article published at 10 p.m. ET on March 18 is 02:00 UTC on the 19th: in a window
    from March 19, not before it; one dated in IST is kept undated, with a warning."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: Late vote\ndate: March 18, 2025 10:00 p.m. ET\n---\n\n"
        "The council voted late on Tuesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: Early vote\ndate: March 18, 2025 10:00 p.m. IST\n---\n\n"
        "The board voted on Tuesday.\n",
        encoding="utf-8",
    )
    articles = summarizer.load_articles(tmp_path)
    assert articles[0].published == datetime(2025, 3, 19, 2, 0, tzinfo=UTC)
    assert articles[1].published is None
    result = CliRunner().invoke(app, ["briefing", str(tmp_path), "--since", "2025-03-19", "-q"])
    assert result.exit_code == 0, result.output
    assert "Late vote" in result.stdout


@pytest.mark.parametrize("blank", ["", "  ", "\t\n"])
def test_a_blank_published_in_a_file_is_no_date_without_a_warning(
    blank: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A CMS export's empty ``published`` field (spaces) was "ignoring the publication date:
    not a date: '  '" on stderr for every record; serve already took blank as no date."""
    import json
    import logging

    text = "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River."
    path = tmp_path / "day.json"
    path.write_text(json.dumps([{"text": text, "published": blank}]), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer"):
        (article,) = summarizer.load_articles([path])
    assert article.published is None
    assert "publication date" not in caplog.text
    assert summarizer.make_article(text, published=blank).published is None


NOW = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "end", "bound"),
    [
        ("24h", False, datetime(2026, 11, 23, 8, 30, tzinfo=UTC)),
        ("2d", False, datetime(2026, 11, 22, 8, 30, tzinfo=UTC)),
        ("90 minutes ago", False, datetime(2026, 11, 24, 7, 0, tzinfo=UTC)),
        ("1.5 hours", True, datetime(2026, 11, 24, 7, 0, tzinfo=UTC)),
        ("1W", False, datetime(2026, 11, 17, 8, 30, tzinfo=UTC)),
        ("today", False, datetime(2026, 11, 24, tzinfo=UTC)),
        ("today", True, datetime(2026, 11, 25, tzinfo=UTC)),
        ("Yesterday", False, datetime(2026, 11, 23, tzinfo=UTC)),
        ("yesterday", True, datetime(2026, 11, 24, tzinfo=UTC)),
    ],
)
def test_a_window_bound_may_count_back_from_now(text: str, end: bool, bound: datetime) -> None:
    """A daily briefing from cron wants "the last 24 hours"; before, `--since 24h` and
    `--since yesterday` were "not a date" and the script had to compute one."""
    assert window_bound(text, end=end, now=NOW) == bound


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("yesterdy", "or back from now: 24h, 2d, yesterday"),
        ("-2h", "not a date: '-2h'"),
        ("999999d", "before the first day there is: '999999d'"),
    ],
)
def test_a_bound_in_no_form_says_which_forms_there_are(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=re.escape(says)):
        window_bound(text, end=False, now=NOW)


def test_article_dates_are_never_read_as_back_from_now() -> None:
    """ "2d" as an article's `published` is no date: only a window bound counts back."""
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime("2d")


def test_since_24h_keeps_the_last_days_articles(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    body = "The council approved the budget on Monday. The vote was seven to two."
    feed = tmp_path / "day.jsonl"
    records = [
        {
            "title": "Budget Passes",
            "text": body,
            "published": (now - timedelta(hours=2)).isoformat(),
        },
        {
            "title": "Old Bridge News",
            "text": "The bridge opened in May. It cost two million.",
            "published": (now - timedelta(days=3)).isoformat(),
        },
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    res = CliRunner().invoke(app, ["briefing", str(feed), "--since", "24h", "-f", "json", "-q"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [s["title"] for s in out["sources"]] == ["Budget Passes"]
    assert sum(s["size"] for s in out["stories"]) == 1
