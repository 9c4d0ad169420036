"""Small CLI faults a tester found: each test says what happened before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

runner = CliRunner()
ADVERSARIAL = Path(__file__).parent.parent / "fixtures" / "adversarial"


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


def test_replay_without_its_recordings_directory_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: run outside the repository, --backend replay exited 3 (a server failure) for a
    missing fixtures/recordings, where --backend local without --gguf exits 2."""
    article = tmp_path / "a.txt"
    article.write_text("The council approved a new budget on Monday. Schools get more.\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["blurb", str(article), "--backend", "replay"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: no recordings directory fixtures/recordings")
    assert len(result.stderr.splitlines()) == 1


def test_a_story_no_sentence_fits_is_only_listed_in_every_format_and_count(
    articles_dir: Path,
) -> None:
    """Before: with --max-words 1 stderr and JSON said "1 written" (a story with no claim),
    and the listing said "no claim passed verification", where the budget was the reason."""
    args = ["briefing", str(articles_dir), str(ADVERSARIAL), "--max-words", "1"]
    data = json.loads(runner.invoke(app, [*args, "-f", "json", "-q"]).stdout)
    assert [s["written"] for s in data["stories"]] == [False] * len(data["stories"])
    assert (
        "1 story only listed: no sentence fits in the word budget; raise --max-words"
        in (data["problems"])
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "(0 written, 3 only listed)" in result.stderr
    assert "no claim passed verification" not in result.stdout
    assert "(no claim written: no sentence fits in the word budget" in result.stdout
    page = runner.invoke(app, [*args, "-f", "html", "-q"]).stdout
    assert "no claim passed verification" not in page
    assert "no sentence fits in the word budget" in page


def test_an_output_extension_that_names_no_format_is_refused(
    articles_dir: Path, tmp_path: Path
) -> None:
    """``-o x.pdf`` wrote Markdown (or text) into x.pdf with exit 0. Now exit 2 before any
    work, naming the known extensions; ``-f`` writes it anyway, and a name with no extension
    takes the command's default, as before."""
    story = str(sorted(articles_dir.glob("*.txt"))[1])
    for command in (["blurb", story], ["briefing", story], ["verify", story, "-s", story]):
        out = tmp_path / f"{command[0]}.pdf"
        result = runner.invoke(app, [*command, "-o", str(out), "-q"])
        assert result.exit_code == 2, result.output
        assert result.stderr == (
            f"Error: {out}: the extension .pdf names no output format (known: .json, .jsonl, "
            ".ndjson, .md, .markdown, .html, .htm, .txt); rename the file, or pass --format "
            "to write it anyway\n"
        )
        assert not out.exists()
        forced = runner.invoke(app, [*command, "-o", str(out), "-f", "html", "-q"])
        assert forced.exit_code in (0, 1), forced.output  # verify: 1 for a weak sentence
        assert out.read_text().lstrip().startswith("<")
        bare = tmp_path / f"{command[0]}-out"
        plain = runner.invoke(app, [*command, "-o", str(bare), "-q"])
        assert plain.exit_code in (0, 1) and bare.exists(), plain.output
