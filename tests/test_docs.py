"""The README stays true: every command is documented, and CI runs the README's commands."""

from __future__ import annotations

from typer.main import get_command
from typer.testing import CliRunner

from summarizer.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_every_command_has_help_with_example_and_is_in_readme() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert {"blurb", "briefing", "verify"} <= set(commands)
    for name in commands:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.stdout, name
        assert f"summarizer {name}" in README, name


def test_ci_runs_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- ci:run -->" in README and "<!-- ci:test -->" in README
    assert "ci:run" in ci and "ci:test" in ci
    assert "summarizer briefing fixtures/articles" in README
