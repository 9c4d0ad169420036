"""A str naming a file or folder here is refused like a path, and a word or two is no article:
``summarizer.briefing("articles")`` run beside the folder summarised the word "articles"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import pipeline
from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest import make_article

runner = CliRunner()
BRIEF = "Police closed the M62 for seven hours on Tuesday after a lorry overturned near Leeds."
TOO_SHORT = "nothing to summarise: the text is too short"


@pytest.fixture
def beside_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "notes").write_text(BRIEF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", ["articles", "notes", " articles\n"])
def test_a_str_naming_a_folder_or_file_here_is_refused_with_the_path_hint(
    beside_a_folder: Path, name: str
) -> None:
    for call in (summarizer.blurb, summarizer.briefing):
        with pytest.raises(
            InputError, match=r"here, but a str is article text: pass pathlib\.Path"
        ):
            call(name)
    with pytest.raises(InputError, match="is the name of a folder here"):
        summarizer.briefing(["articles"])


def test_the_disk_is_probed_only_for_the_library_s_caller(beside_a_folder: Path) -> None:
    """A request's text (serve's verify draft) must not learn what the server's folder holds."""
    assert not pipeline.looks_like_location("articles")
    assert pipeline.looks_like_location("articles", on_disk=True)
    assert not pipeline.looks_like_location("elsewhere", on_disk=True)


@pytest.mark.parametrize("text", ["articles", "ok", "Yes.\n\nNo."])
def test_a_word_or_two_is_no_article_to_summarise(text: str) -> None:
    result = summarizer.blurb(text)
    assert not result.claims
    assert any(p.startswith(TOO_SHORT) for p in result.problems), result.problems


def test_a_short_real_brief_is_still_summarised() -> None:
    result = summarizer.blurb(BRIEF)
    assert [c.text for c in result.claims if c.shown] == [BRIEF]
    assert not result.problems


def test_the_cli_refuses_a_word_on_stdin_in_one_line() -> None:
    result = runner.invoke(app, ["blurb", "-", "-q"], input="articles\n")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: <stdin>: no blurb: {TOO_SHORT}")


def test_a_briefing_lists_a_word_or_two_but_writes_nothing_from_it() -> None:
    real = make_article(BRIEF, source="Post")
    word = make_article("articles", source="Feed")
    result = pipeline.briefing([real, word], backend="extractive")
    assert all(c.text != "articles" for c in result.claims)
    story = next(s for s in result.stories if word.id in s.article_ids)
    assert not any(c.shown for c in story.claims)
