"""The commands as a careless newsroom user runs them: each case was a bug found by trying."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import pipeline
from summarizer.cli import app

runner = CliRunner()


def test_ctrl_c_while_reading_does_not_say_of_0(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted while a folder was read (its size not known yet), the note said
    "reading articles: 600 of 0 done"."""

    def interrupted(*args: object, progress: pipeline.ProgressFn, **kwargs: object) -> None:
        progress("ingest", 600, 0)
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "briefing", interrupted)
    result = runner.invoke(app, ["briefing", str(articles_dir), "-q"])
    assert result.exit_code == 130
    assert "Interrupted (reading articles: 600 done)." in result.stderr
