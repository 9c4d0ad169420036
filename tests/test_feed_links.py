"""A feed's articles as a CMS maps them back: the JSON keeps each record's own ``id`` beside
its outlet, and the Markdown Sources link each article to its URL instead of naming the feed
file on every entry (a tester read "file `day.jsonl`" a thousand times and no link)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

COUNCIL = (
    "The city council approved a budget of 4 million dollars on Tuesday. The mayor said the "
    "vote was a relief. Councillors voted 7 to 2 after a long debate."
)
COUNCIL_2 = (
    "The city council passed a 4 million dollar budget on Tuesday. Councillors voted 7 to 2. "
    "The mayor called the vote a relief for the city's schools."
)


def _feed(tmp_path: Path) -> Path:
    records = [
        {
            "id": "cms-123",
            "title": "Council approves budget",
            "text": COUNCIL,
            "url": "https://gazette.example/budget?a=1&b=<2>",
            "outlet": "Gazette",
        },
        {"id": 124, "title": "Council budget passes", "text": COUNCIL_2, "outlet": "Herald"},
    ]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_keeps_each_records_own_id(tmp_path: Path) -> None:
    out = json.loads(_run("briefing", str(_feed(tmp_path)), "--format", "json"))
    listed = [a for story in out["stories"] for a in story["articles"]]
    by_title = {a["title"]: a["outlets"][0] for a in listed}
    assert by_title["Council approves budget"]["record"] == "cms-123"
    assert by_title["Council budget passes"]["record"] == "124"  # a number, as a string
    assert by_title["Council budget passes"]["file"].endswith("day.jsonl")


def test_markdown_sources_link_the_url_and_name_the_file_only_without_one(
    tmp_path: Path,
) -> None:
    md = _run("briefing", str(_feed(tmp_path)))
    sources = md.split("## Sources", 1)[1]
    # the link's destination cannot hold "<" or ">": they are percent-encoded
    linked = next(line for line in sources.splitlines() if "Council approves budget" in line)
    assert linked.endswith(
        "[Council approves budget](<https://gazette.example/budget?a=1&b=%3C2%3E>) — Gazette"
    )
    # no URL: the file is where to find it
    assert f"Council budget passes — Herald — file `{tmp_path / 'day.jsonl'}`" in sources


def test_each_source_says_when_it_was_published(tmp_path: Path) -> None:
    """A story that moved on during the day cites its noon and its evening reports: each
    Sources entry ends with its publication time (UTC), or its date when the record gives
    no time, in Markdown, HTML and JSON (and a blurb's text); an undated record shows none."""
    path = _feed(tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0]["published"] = "2026-03-17T14:20:00+02:00"
    records[1]["published"] = "2026-03-17"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    md = _run("briefing", str(path)).split("## Sources", 1)[1]
    assert "— Gazette — 2026-03-17 12:20 UTC" in md
    assert f"— file `{path}` — 2026-03-17\n" in md + "\n"
    one = tmp_path / "one.json"
    one.write_text(json.dumps(records[0]), encoding="utf-8")
    assert "— 2026-03-17 12:20 UTC" in _run("blurb", str(one), "--format", "text")
    html = _run("briefing", str(path), "--format", "html")
    assert '<span class="smz-source-published">— 2026-03-17 12:20 UTC</span>' in html
    out = json.loads(_run("briefing", str(path), "--format", "json"))
    stamps = {s["title"]: s["published"] for s in out["sources"]}
    assert stamps["Council approves budget"].startswith("2026-03-17T12:20:00")
    (tmp_path / "undated").mkdir()
    undated = _run("briefing", str(_feed(tmp_path / "undated")))
    assert " UTC" not in undated.split("## Sources", 1)[1]
