"""A briefing with --since/--until says which dates it covers and how many articles the window
left out, in the Markdown and on stderr (a tester saw it only in the JSON's problems)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

NOTE = (
    "1 article left out: published outside the dates asked for "
    "(kept: published from 2025-03-19 through 2025-03-19)"
)


def test_the_window_and_what_it_left_out_are_shown(tmp_path: Path, seed_files: list[Path]) -> None:
    records = [
        {"text": seed_files[0].read_text(), "source": "Tue", "published": "2025-03-18T10:00Z"},
        {"text": seed_files[1].read_text(), "source": "Wed", "published": "2025-03-19T10:00Z"},
    ]
    feed = tmp_path / "day.json"
    feed.write_text(json.dumps(records))
    args = ["briefing", str(feed), "--since", "2025-03-19", "--until", "2025-03-19"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"*{NOTE}*" in result.stdout.splitlines()[:4]  # under the title
    assert NOTE in result.stderr.splitlines()
