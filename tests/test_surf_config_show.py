"""`summarizer config show` shows a relative ``since`` as given (the resolved date beside it):
the config shown is the config reused, and a resolved "24h" was a frozen window once copied.
Each test failed on the code before its fix."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def _line(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(f"{name} = "))


def test_a_relative_since_is_shown_as_given(home: Path) -> None:
    (home / "config.toml").write_text('since = "24h"\n')
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    line = _line(result.stdout, "since")
    assert line.startswith('since = "24h"  # config file; resolves to ')
    assert line.endswith(" UTC")  # the instant it means now, beside it


def test_a_date_alone_as_until_is_shown_as_given(home: Path) -> None:
    (home / "config.toml").write_text("until = 2030-01-01\n")  # a TOML date
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    assert _line(result.stdout, "until") == (
        'until = "2030-01-01"  # config file; resolves to 2030-01-01, through the end of that '
        "day, to 2030-01-02 00:00 UTC"
    )


def test_the_config_shown_is_the_config_reused(home: Path) -> None:
    (home / "config.toml").write_text('since = "yesterday"\nmax_words = 300\n')
    first = runner.invoke(app, ["config", "show"])
    assert first.exit_code == 0, first.output
    (home / "config.toml").write_text(first.stdout)  # saved as shown
    again = runner.invoke(app, ["config", "show"])
    assert again.exit_code == 0, again.output
    assert _line(again.stdout, "since").startswith('since = "yesterday"  # config file')
    assert _line(again.stdout, "max_words") == "max_words = 300  # config file"
