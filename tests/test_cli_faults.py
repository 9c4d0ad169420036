"""Faults a user test found in the CLI and the library's entry points: one test each."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest import load_articles

runner = CliRunner()

BRIDGE = "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River."
STORM = "A storm hit the coast on Monday, knocking out power to 200,000 homes."


def test_a_record_with_no_blurb_is_named_and_counted_as_an_article(tmp_path: Path) -> None:
    """One record of three that gave no blurb said "Error: m.jsonl: no blurb: ..." and then
    "1 of 1 inputs failed", although two blurbs were written; a folder's junk file too."""
    feed = tmp_path / "m.jsonl"
    lines = [{"text": BRIDGE}, {"text": "x"}, {"text": STORM}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    result = runner.invoke(app, ["blurb", str(feed), "-f", "json"])
    assert result.exit_code == 1, result.output
    assert len(result.stdout.splitlines()) == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    [error] = errors
    assert error.startswith(f"Error: {feed} (line 2): no blurb: nothing to summarise: the text")
    assert result.stderr.splitlines()[-1] == "1 of 3 articles gave no blurb (see above)"
    twice = runner.invoke(app, ["blurb", str(feed), str(feed), "-q"])  # each names its line
    assert twice.stderr.count(f"Error: {feed} (line 2): no blurb:") == 2, twice.output
    assert twice.stderr.splitlines()[-1] == "2 of 6 articles gave no blurb (see above)"

    # named by its line, as ingest names the file's bad and malformed lines
    feed.write_text(
        json.dumps({"text": BRIDGE}) + '\n{"title": "t"}\nnot json\n' + '{"text": "x"}\n',
        encoding="utf-8",
    )
    mixed = runner.invoke(app, ["blurb", str(feed), "-q"])
    assert mixed.exit_code == 1, mixed.output
    assert f"Error: {feed} (line 2): missing or empty 'text'" in mixed.stderr
    assert f"Error: {feed} (line 3): malformed JSON" in mixed.stderr
    assert f"Error: {feed} (line 4): no blurb:" in mixed.stderr
    last = mixed.stderr.splitlines()[-1]
    assert last == "2 files or records in them failed; 1 of 2 articles gave no blurb (see above)"

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text(BRIDGE + "\n", encoding="utf-8")
    (folder / "junk.txt").write_text("x\n", encoding="utf-8")
    both = runner.invoke(app, ["blurb", str(folder), "-q"])
    assert both.exit_code == 1, both.output
    assert f"Error: {folder / 'junk.txt'}: no blurb: nothing to summarise" in both.stderr
    assert both.stderr.splitlines()[-1] == "1 of 2 articles gave no blurb (see above)"


@pytest.mark.parametrize(
    "item",
    [
        '<entry><title>Short</title><link href="file:///etc/passwd"/>'
        "<updated>2024-05-01T10:00:00Z</updated><content>{body}</content></entry>",
        "<item><title>Short</title><link>file:///etc/passwd</link>"
        "<description>{body}</description></item>",
    ],
)
def test_a_feed_items_file_link_is_reported_as_written(
    tmp_path: Path, item: str, caplog: pytest.LogCaptureFixture
) -> None:
    """An Atom ``<link href="file:///etc/passwd"/>`` was reported as ``file://etc/passwd``
    (feedparser drops the slashes after "://"): another file than the feed named."""
    body = item.format(body="A storm hit the coast on Monday.")
    if item.startswith("<entry>"):
        feed = tmp_path / "news.atom"
        head = '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
        feed.write_text(f'<?xml version="1.0" encoding="utf-8"?>{head}{body}</feed>')
    else:
        feed = tmp_path / "news.rss"
        chan = "<channel><title>News</title><link>https://example.com/</link>"
        feed.write_text(f'<?xml version="1.0"?><rss version="2.0">{chan}{body}</channel></rss>')
    with caplog.at_level(logging.WARNING, logger="summarizer.fetch"):
        [article] = load_articles(feed)
    assert "file:///etc/passwd: the feed item's link is not http(s)" in caplog.text
    assert "file://etc/passwd" not in caplog.text
    assert article.outlets[0].url is None  # no web link: no output carries it (make_article)


def test_a_url_given_to_the_library_as_str_is_told_to_use_load_articles() -> None:
    """``summarizer.blurb("https://example.com/x")`` was told to pass
    ``pathlib.Path('https://example.com/x')``, which names no file."""
    with pytest.raises(InputError) as caught:
        summarizer.blurb("https://example.com/x")
    message = str(caught.value)
    assert "pathlib.Path" not in message
    assert "summarizer.load_articles('https://example.com/x')" in message
    with pytest.raises(InputError, match=r"pathlib\.Path\('a/b\.txt'\)"):
        summarizer.blurb("a/b.txt")  # a path still gets the Path advice


def test_blurbs_job_refuses_a_job_output_as_its_input(tmp_path: Path) -> None:
    """A job's output folder given as the input was read as articles: exit 0, and every row
    "failed: no 'text' field"."""
    pytest.importorskip("dask")
    done = tmp_path / "blurbs"
    done.mkdir()
    (done / "_summarizer-job.json").write_text('{"format": "jsonl"}', encoding="utf-8")
    row = {"id": "a", "status": "ok", "blurb": "b", "result": None, "error": None}
    (done / "part-0123.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "again"
    for given in (done, done / "part-0123.jsonl", tmp_path):
        result = runner.invoke(app, ["blurbs-job", str(given), str(out), "--workers", "1"])
        assert result.exit_code == 2, result.output
        [line] = result.stderr.splitlines()
        assert line.startswith(f"Error: {given}: ") and "output of a blurbs-job" in line
        assert not out.exists()


@pytest.mark.parametrize("flag", ["-q", "-v", "-vv"])
def test_an_in_process_run_gives_back_the_logging_state(
    flag: str,
    articles_dir: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A CLI run in a process (CliRunner, ``app([...])`` in a notebook) with ``-q`` left the
    ``summarizer`` logger at ERROR: the library's later warnings were lost; ``-v`` left the
    root logger at INFO, and basicConfig's handler bound to that run's stderr."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])  # a fresh process: basicConfig adds its own
    before = {name: logging.getLogger(name).level for name in ("", "summarizer")}
    article = articles_dir / "001_f0f5015643b5d02c.txt"
    result = runner.invoke(app, ["blurb", str(article), flag])
    assert result.exit_code == 0, result.output
    assert root.handlers == []
    assert {name: logging.getLogger(name).level for name in before} == before
    monkeypatch.setattr(root, "handlers", [caplog.handler])
    summarizer.make_article(BRIDGE, url="javascript:alert(1)")
    assert "ignoring the url" in caplog.text


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["briefing", "-f", "text"],
            "'--format' / '-f': 'text' is not one of 'md', 'json', 'html'.",
        ),
        (["blurb", "-b", "foo"], "'--backend' / '-b': 'foo' is not one of 'auto', 'extractive',"),
    ],
)
def test_a_bad_choice_says_so_without_a_validator_prefix(
    args: list[str], says: str, articles_dir: Path
) -> None:
    """`briefing -f text` said "Invalid value for '--format' / '-f': Value error, 'text' is
    not one of ...": pydantic's prefix, through typer's check of a choice."""
    result = runner.invoke(app, [*args, str(articles_dir)])
    assert result.exit_code == 2, result.output
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"Error: Invalid value for {says}"), last
    assert "Value error" not in result.stderr


@pytest.mark.parametrize("option", ["--timeout", "--deadline"])
def test_an_infinite_number_is_refused(option: str, articles_dir: Path) -> None:
    """Before: `--timeout inf` and `--deadline inf` reached the HTTP client and the run's
    clock (`--max-file-mb inf` stays: no file limit, as the README says)."""
    result = runner.invoke(app, ["briefing", str(articles_dir), option, "inf", "-q"])
    assert result.exit_code == 2, result.output
    assert "finite number" in result.stderr and len(result.stderr.splitlines()) == 1
    with pytest.raises(summarizer.ConfigError, match="finite number"):
        summarizer.Settings(max_words=float("inf"))


def test_the_engine_note_does_not_blame_the_environment_for_a_flag(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: `--base-url URL` with no OPENAI_* variable set said "(OPENAI_BASE_URL/
    OPENAI_API_KEY is set)", sending the user to look for a variable that was not there."""
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    result = runner.invoke(
        app, ["briefing", str(articles_dir), "--base-url", "http://127.0.0.1:9/v1"]
    )
    assert result.exit_code != 0
    assert "Using the LLM at http://127.0.0.1:9/v1 (set by --base-url" in result.stderr
    assert "is set)" not in result.stderr
