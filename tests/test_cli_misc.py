"""Small CLI faults a tester found: each test says what happened before its fix."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def test_config_path_says_when_it_cannot_make_its_folder(tmp_path: Path) -> None:
    """Before: SUMMARIZER_HOME naming a file (or a folder under one) printed a path and exited
    0 without making the folder its --help promises, so the editor could not save there."""
    afile = tmp_path / "exists.txt"
    afile.write_text("mine")
    for home, reason in ((afile, "a file, not a folder"), (afile / "below", "Not a directory")):
        result = runner.invoke(app, ["config", "path"], env={"SUMMARIZER_HOME": str(home)})
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr.startswith("Error: cannot make the config file's folder")
        assert reason in result.stderr and len(result.stderr.splitlines()) == 1
    assert afile.read_text() == "mine"
