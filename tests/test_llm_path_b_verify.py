"""``summarizer verify`` when its LLM judge cannot answer: the sentences it was asked about
still fail closed, but the exit code is 3 (the LLM failed), not 1 (the draft is wrong), so a
CI gate can tell them apart; and ``verify`` takes ``--timeout``/``--no-cache`` as ``blurb``
and ``briefing`` do. Against the loopback fake server (tests/fakeserver.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from . import synthetic
from .fakeserver import FakeServer

# Said nowhere in the source in these words: the offline checks leave it to the judge.
PARAPHRASE = "Local officials warned that the River Alder might take time to recede."


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "flood.txt"
    source.write_text(synthetic.FLOOD_A, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(PARAPHRASE + "\n", encoding="utf-8")
    return draft, source


def check(server: FakeServer, case: tuple[Path, Path], tmp_path: Path, *extra: str) -> Any:
    draft, source = case
    args = ["verify", str(draft), "-s", str(source), "--backend", "openai", "--base-url"]
    args += [server.url, "--model", "fake-llm"]
    args += ["--format", "json", *extra]
    return CliRunner().invoke(app, args)


def test_a_judge_that_cannot_answer_fails_closed_with_exit_3(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    # a 200 whose body is not a chat completion: the judge's call fails at once
    with FakeServer(fault=lambda call: "nonjson", lifetime=60) as server:
        result = check(server, case, tmp_path)
    assert server.stats.calls["judge"] >= 1
    assert result.exit_code == 3, result.stderr
    report = json.loads(result.stdout)  # the report is still written
    assert report["supported"] == 0 and not report["claims"][0]["supported"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "the LLM judge was unavailable" in errors[0]
    assert "fail closed" in errors[0]


def test_a_judge_whose_answers_cannot_be_read_is_unavailable_with_exit_3(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    """A judge that answers, but never with JSON of the expected shape, judged nothing: its
    sentences fail closed as for a server down (exit 3), not as a draft found wrong (exit 1)."""
    with FakeServer(fault=lambda call: "garbled", lifetime=60) as server:
        result = check(server, case, tmp_path, "--no-cache")
    assert server.stats.faults["garbled"] == server.stats.calls["judge"] >= 1
    assert result.exit_code == 3, result.stderr
    report = json.loads(result.stdout)  # the report is still written, the claim not supported
    assert report["supported"] == 0 and not report["claims"][0]["supported"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "the LLM judge was unavailable" in errors[0]
    assert "could not be read" in errors[0] and "fail closed" in errors[0]


def test_verify_help_lists_an_unreadable_judge_under_exit_3() -> None:
    text = " ".join(CliRunner().invoke(app, ["verify", "--help"]).stdout.split())
    assert "Exit codes:" in text
    assert "3 the LLM judge was unavailable (its server failed, or its answers could not" in text


def test_a_judge_that_answers_still_decides_the_exit_code(
    case: tuple[Path, Path], tmp_path: Path
) -> None:
    """The same run on a working server, with the new flags: the judge's verdict decides."""
    with FakeServer(lifetime=60) as server:
        result = check(server, case, tmp_path, "--timeout", "30", "--no-cache")
    assert server.stats.calls["judge"] == 1, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    assert "the LLM judge was unavailable" not in result.stderr
    cache = Path(os.environ["SUMMARIZER_HOME"]) / "cache"  # conftest: one home per test
    assert not cache.exists()  # --no-cache: nothing stored


def test_verify_takes_timeout_and_no_cache_as_blurb_does() -> None:
    result = CliRunner().invoke(app, ["verify", "--help"])
    assert "--timeout" in result.stdout and "--no-cache" in result.stdout
