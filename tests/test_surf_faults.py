"""Known faults of the library, the CLI's feed skips and the HTML blurb: each test failed on
the code before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import InputError
from summarizer.cli import app
from summarizer.html import render_blurb_html

from .synthetic import COUNCIL, run_without_breaks

runner = CliRunner()

TEXT = COUNCIL


@pytest.mark.parametrize("sources", [[], (), iter([])])
def test_verify_with_no_sources_names_no_cli_flag(sources: object) -> None:
    with pytest.raises(InputError) as caught:
        summarizer.verify(TEXT, sources)  # type: ignore[arg-type]
    assert "--" not in str(caught.value)
    assert "no articles given" in str(caught.value)


def test_blurb_of_an_empty_path_is_an_input_error_not_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "only.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # one article here: Path("") was read as the folder, and blurbed
    with pytest.raises(InputError, match="empty Path"):
        summarizer.blurb(Path(""))


def test_a_feed_whose_items_all_lack_text_says_each_skip_once(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Alpha</title></item><item><title>Beta</title></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    for command in ("briefing", "blurb"):
        result = runner.invoke(app, [command, str(feed), "-q"])
        assert result.exit_code == 2, result.output
        assert result.stderr.count("Alpha") == 1, result.stderr
        assert result.stderr.count("Beta") == 1, result.stderr
        assert "no feed item has article text (its 2 item(s) skipped, see above)" in result.stderr
    with pytest.raises(InputError, match="item 1: Alpha"):  # the library's error still says
        summarizer.load_articles([feed])


def test_the_html_blurb_marks_a_cut_piece_as_text_and_markdown_do() -> None:
    result = summarizer.blurb(run_without_breaks(5000))
    shown = [c for c in result.claims if c.shown]
    assert shown
    page = render_blurb_html(result)
    for claim in shown:
        assert f'{claim.text} …<span class="smz-cite">' in page
    whole = summarizer.blurb(TEXT)
    assert ' …<span class="smz-cite">' not in render_blurb_html(whole)
