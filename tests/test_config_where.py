"""An invalid setting's error says where the value was given: the config file or a variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.settings import Settings

runner = CliRunner()
ARTICLE = Path(__file__).parent.parent / "fixtures" / "articles" / "004_07f99bc872d3bf40.txt"


def test_a_bad_value_in_the_config_file_names_the_file(home: Path) -> None:
    (home / "config.toml").write_text('sentences = "2"\n')
    result = runner.invoke(app, ["blurb", str(ARTICLE)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {home / 'config.toml'}: invalid setting: sentences: must be a number, "
        "not the string '2'"
    ]


def test_a_bad_value_in_the_environment_names_the_variable(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_BACKEND", "bogus")
    with pytest.raises(ConfigError) as err:
        Settings.from_env()
    assert str(err.value).startswith("SUMMARIZER_BACKEND: invalid setting: backend: ")


def test_a_bad_value_given_in_python_names_no_file(home: Path) -> None:
    (home / "config.toml").write_text("sentences = 2\n")
    with pytest.raises(ConfigError) as err:
        summarizer.blurb(ARTICLE.read_text(), sentences="3")  # type: ignore[arg-type]
    assert str(err.value) == "invalid setting: sentences: must be a number, not the string '3'"
