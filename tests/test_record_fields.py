"""A JSON record's fields under the names common exports give them (NewsAPI, CMS dumps).

Before: only ``title``, ``url``, ``source`` and ``published`` were read, so a day exported with
``"outlet"`` (or NewsAPI's ``"source": {"name": ...}``) lost every outlet without a word and
each story of the briefing said "1 source".
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import load_articles
from summarizer.cli import app
from summarizer.jobs import record_article

BRIDGE = "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River."
COST = "Construction of the bridge starts in May and will cost 40 million dollars, the mayor said."


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_common_field_names_are_read(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "day.jsonl",
        [
            {
                "headline": "Council approves Elm River bridge",
                "text": f"{BRIDGE} {COST}",
                "outlet": "Daily Post",
                "link": "https://dailypost.example/bridge",
                "publishedAt": "2025-03-18T09:30:00Z",
            },
            {  # NewsAPI's shape: the outlet is an object with a name
                "title": "Bridge vote passes",
                "text": f"{BRIDGE} {COST}",
                "source": {"id": "evening-news", "name": "Evening News"},
                "published_at": "2025-03-18T10:00:00+01:00",
            },
        ],
    )
    first, second = load_articles(feed)
    assert first.title == "Council approves Elm River bridge"
    assert [o.name for o in first.outlets] == ["Daily Post"]
    assert [o.url for o in first.outlets] == ["https://dailypost.example/bridge"]
    assert (
        first.published is not None and first.published.isoformat() == "2025-03-18T09:30:00+00:00"
    )
    assert [o.name for o in second.outlets] == ["Evening News"]
    assert second.published is not None and second.published.hour == 9


def test_the_documented_name_wins_over_another(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "text": f"{BRIDGE} {COST}",
                "source": "Daily Post",
                "outlet": "Syndicate Wire",
                "title": "",
                "headline": "Bridge approved",
            }
        ],
    )
    (article,) = load_articles(feed)
    assert [o.name for o in article.outlets] == ["Daily Post"]
    assert article.title == "Bridge approved"  # an empty title is no title


def test_a_blurbs_job_reads_a_record_as_files_do() -> None:
    record = {"text": f"{BRIDGE} {COST}", "outlet": "Daily Post", "date": "2025-03-18"}
    article = record_article(record, "a.jsonl")
    assert [o.name for o in article.outlets] == ["Daily Post"]
    assert article.published is not None and article.published.day == 18


def test_a_briefing_counts_the_outlets_of_an_export(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "day.jsonl",
        [
            {"text": f"{BRIDGE} {COST}", "outlet": "Daily Post"},
            {
                "text": f"{BRIDGE} It passed after a long debate, the mayor said.",
                "outlet": "Evening News",
            },
        ],
    )
    result = CliRunner().invoke(app, ["briefing", str(feed), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.stdout)["stories"]
    names = sorted(o["name"] for o in story["outlets"])
    assert names == ["Daily Post", "Evening News"]
