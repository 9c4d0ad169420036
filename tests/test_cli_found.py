"""CLI faults found by trying it as a careless user: each test failed on the code before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_an_html_file_with_no_text_is_one_error_line_without_library_warnings(
    tmp_path: Path,
) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>\n")
    env = {**os.environ, "OPENAI_API_KEY": "", "OPENAI_BASE_URL": ""}
    proc = subprocess.run(
        [sys.executable, "-m", "summarizer", "blurb", str(page), "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 2
    # trafilatura's "WARNING trafilatura.core: discarding data: None" came first
    assert proc.stderr.splitlines() == [f"Error: {page}: no article text found in the HTML"]


def test_an_output_path_ending_in_a_slash_is_refused_not_written_as_a_file(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    article = tmp_path / "story.txt"
    article.write_text(
        "The city council on Tuesday approved a budget of 40 million dollars for the parks. "
        "Council members voted nine to two in favour of the plan after a long debate.\n"
    )
    folder = tmp_path / "out"
    result = CliRunner().invoke(app, ["briefing", str(article), "-o", f"{folder}/", "-q"])
    assert result.exit_code == 2
    assert "names a directory" in result.output
    assert not folder.exists()  # a file named "out" was written
