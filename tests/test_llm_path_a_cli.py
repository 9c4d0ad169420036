"""What the CLI says of an LLM run: a partial blurb warns on stderr (it was said only in JSON),
and an empty base URL is an error of its own (it named 'api.openai.com', never given)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.llm import factory
from summarizer.settings import Settings

from .llm_path_a import TEXT, Server, client, reply

runner = CliRunner()

# hand-written: the second claim cites an id the DATA does not have, in both answers
MIXED = {
    "claims": [
        {"text": "The Harbour Bridge reopened on Monday.", "cites": ["1"]},
        {"text": "Tolls will rise next week.", "cites": ["999"]},
    ]
}


def test_a_partial_blurb_in_text_warns_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = Server([reply(MIXED), reply(MIXED)])

    def the_mock_server(settings: Any, backend: str) -> Any:  # the run's one client
        return client(server)

    monkeypatch.setattr(factory, "make_client", the_mock_server)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    path = tmp_path / "bridge.txt"
    path.write_text(TEXT, encoding="utf-8")
    args = ["blurb", str(path), "-f", "text", "-n", "2", "--backend", "openai", "--no-cache"]
    result = runner.invoke(app, [*args, "--no-judge", "--model", "gpt-4o-mini"])
    assert result.exit_code == 0, result.stderr
    assert "The Harbour Bridge reopened on Monday." in result.stdout
    warning = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warning) == 1
    assert "bridge.txt: partial: blurb: it cites ids that are not in the DATA: 999" in warning[0]


def test_an_empty_base_url_is_an_error_of_its_own() -> None:
    with pytest.raises(ConfigError) as info:
        Settings(base_url="")
    assert "empty" in str(info.value) and "api.openai.com" not in str(info.value)
    result = runner.invoke(app, ["blurb", "-", "--base-url", ""], input=TEXT)
    assert result.exit_code == 2
    assert "base_url: is empty" in result.stderr and "api.openai.com" not in result.stderr
