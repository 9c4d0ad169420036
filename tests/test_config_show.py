"""`summarizer config show`: the settings a run uses and where each comes from.

Before, `config` had only `path`: to learn why a run used an LLM (a key left in the
environment) or a word budget (the config file), a user had to read the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()


def test_each_setting_says_where_it_comes_from(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (home / "config.toml").write_text('model = "gpt-4o-mini"\nmax_words = 300\n')
    monkeypatch.setenv("OPENAI_API_KEY", "sk-not-for-printing")
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"# {home / 'config.toml'}"
    assert "# engine: openai" in lines  # the key in the environment chose the LLM
    assert 'model = "gpt-4o-mini"  # config file' in lines
    assert "max_words = 300  # config file" in lines
    assert "concurrency = 4  # default" in lines
    assert "# api_key = (set, hidden)  # OPENAI_API_KEY" in lines
    assert "sk-not-for-printing" not in result.output


def test_without_a_config_file_the_defaults_are_shown(home: Path) -> None:
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 0, result.output
    assert "(no such file: defaults and environment)" in result.stdout.splitlines()[0]
    assert "# engine: extractive" in result.stdout
    assert "# base_url = (not set)" in result.stdout


def test_a_bad_config_file_is_one_line_and_exit_2(home: Path) -> None:
    (home / "config.toml").write_text("max_wordz = 3\n")
    result = runner.invoke(app, ["config", "show"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "max_wordz" in result.stderr
    assert len(result.stderr.splitlines()) == 1
