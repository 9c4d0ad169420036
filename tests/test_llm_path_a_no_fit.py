"""A blurb whose claims were all rejected for the word budget says so: "no claim fits in N
words", not "no claim passed verification" (which sent an editor looking for a wrong claim,
where raising --max-words gives the blurb). Hand-written answers over a mock transport."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import pipeline, render_blurb, render_briefing
from summarizer.cli import app
from summarizer.llm import factory
from summarizer.render import no_blurb_reason
from summarizer.settings import Settings
from summarizer.text import word_count

from .llm_path_a import TEXT, Server, client, reply

# "nine months": the cited sentence says eight, so the claim (8 words) is repaired by quoting
# that sentence, 13 words: more than a 10-word budget holds
NINE = {"text": "The Harbour Bridge reopened Monday after nine months.", "cites": ["1"]}
NOTE = "no claim fits in 10 words (the shortest, repaired to quote its source, has 13)"
OTHER = """Library Extends Opening Hours

The city library will open until 9 p.m. on weekdays from next month.
The change follows a survey of 2,000 readers.
"""
LIBRARY = {"claims": [{"text": "The city library will open until 9 p.m.", "cites": ["1"]}]}


def _blurb(max_words: int = 10) -> Any:
    server = Server([reply({"claims": [NINE]})])
    settings = Settings(backend="openai", judge=False, no_cache=True)
    return pipeline.blurb(TEXT, max_words=max_words, settings=settings, client=client(server))


def test_the_only_claim_rejected_as_too_long_is_said_in_markdown_and_json() -> None:
    result = _blurb()
    [claim] = result.claims
    assert claim.verdict == "rejected" and claim.checks[-1].name == "length"
    assert word_count(claim.text) == 13
    assert result.problems[-1] == f"{NOTE}; raise --max-words"
    assert no_blurb_reason(result) == result.problems[-1]
    md = render_blurb(result, "md")
    assert f"(no blurb: {NOTE}; raise --max-words)" in md
    assert "no claim passed verification" not in md
    assert f"(no blurb: {NOTE}" in render_blurb(result, "text")
    data = json.loads(render_blurb(result, "json"))
    assert data["problems"][-1] == f"{NOTE}; raise --max-words"
    assert data["counts"]["rejected"] == 1  # the rejected claim is still reported, with why
    assert data["claims"][0]["checks"][-1]["name"] == "length"


def test_with_room_for_the_repair_there_is_no_note() -> None:
    result = _blurb(13)
    assert [c.verdict for c in result.claims] == ["repaired"]
    assert no_blurb_reason(result) is None
    assert not any("fits" in p for p in result.problems)


def _cli(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, texts: dict[str, str], *extra: str
) -> Any:
    """``summarizer blurb`` on ``texts`` (file name: text), answered by article."""

    def answer(request: Any) -> Any:
        sent = json.loads(request.content)["messages"][-1]["content"]
        return reply({"claims": [NINE]}) if "Harbour" in sent else reply(LIBRARY)

    class ByArticle(Server):
        def __call__(self, request: Any) -> Any:
            self.bodies.append(json.loads(request.content))
            return answer(request)

    monkeypatch.setattr(factory, "make_client", lambda settings, backend: client(ByArticle([])))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    paths = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    args = ["blurb", *paths, "--max-words", "10", "--backend", "openai", "--no-cache"]
    return CliRunner().invoke(app, [*args, "--no-judge", "--model", "gpt-4o-mini", *extra])


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_the_cli_says_no_claim_fits(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    """One article: nothing is written where the blurb goes (as for the embedded engine's "no
    sentence fits"); the error line says why, and the exit is 2 (no blurb at all)."""
    result = _cli(monkeypatch, tmp_path, {"bridge.txt": TEXT}, "-f", fmt)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [f"Error: {tmp_path / 'bridge.txt'}: no blurb: {NOTE}; raise --max-words"]
    assert "Traceback" not in result.stderr


def test_the_cli_summary_counts_the_blurb_that_did_not_fit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two articles, one whose claim fits: its blurb is written, the other's reason is given
    on its error line, and the closing line counts it (exit 1: one input gave no blurb)."""
    texts = {"bridge.txt": TEXT, "library.txt": OTHER}
    result = _cli(monkeypatch, tmp_path, texts, "-f", "json")
    assert result.exit_code == 1, result.stderr
    [written] = [json.loads(line) for line in result.stdout.splitlines()]
    assert written["title"] == "Library Extends Opening Hours"
    lines = result.stderr.splitlines()
    assert f"Error: {tmp_path / 'bridge.txt'}: no blurb: {NOTE}; raise --max-words" in lines
    assert lines[-1] == "1 of 2 articles gave no blurb (see above)"
    # the closing claims line counts both articles: the repaired claim that did not fit is
    # rejected, and both articles' LLM calls were made
    [claims] = [line for line in lines if line.startswith("claims:")]
    assert (
        claims.startswith("claims: 1 accepted, 0 repaired, 1 rejected") and "2 LLM calls" in claims
    )


def test_a_briefing_whose_only_claim_did_not_fit_says_so(tmp_path: Path) -> None:
    """The same for a briefing: its note names the budget, not a verification failure."""
    (tmp_path / "bridge.txt").write_text(TEXT, encoding="utf-8")
    server = Server([reply({"claims": [NINE]})])
    settings = Settings(backend="openai", judge=False, no_cache=True, max_words=10)
    result = pipeline.briefing([tmp_path], settings=settings, client=client(server))
    assert [c.verdict for s in result.stories for c in s.claims] == ["rejected"]
    fits = "no claim fits in the word budget once repaired to quote its source; raise --max-words"
    assert result.problems[-1] == f"1 story with no claim shown: {fits}"
    md = render_briefing(result, "md")
    assert f"(no claim written: {fits})" in md and "no claim passed verification" not in md
    assert json.loads(render_briefing(result, "json"))["problems"][-1] == result.problems[-1]
