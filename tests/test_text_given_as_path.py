"""Article text given where a path belongs gets an error that says so, in the library and CLI."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.errors import InputError

PROSE = "The city council voted 7-2 on Tuesday to build a new bridge over the river. It is costly."


def test_load_articles_on_text_says_it_looks_like_text() -> None:
    with pytest.raises(InputError) as err:
        summarizer.load_articles(PROSE)
    message = str(err.value)
    assert "no such file or directory" in message
    assert "looks like article text, not a path" in message
    assert "summarizer.blurb()" in message
    assert PROSE not in message  # the start is shown, not the whole paragraph
    assert "\n" not in message


def test_missing_file_name_gets_no_text_hint() -> None:
    with pytest.raises(InputError) as err:
        summarizer.load_articles("missing-article.txt")
    assert str(err.value) == "missing-article.txt: no such file or directory"


def test_cli_blurb_on_text_exits_2_with_one_line_hint() -> None:
    result = CliRunner().invoke(app, ["blurb", PROSE])
    assert result.exit_code == 2
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1
    assert "looks like article text, not a path" in error_lines[0]
    assert "'-' to read it from stdin" in error_lines[0]
    assert "Traceback" not in result.output
