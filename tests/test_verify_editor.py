"""``summarizer verify`` tried as a careless editor would (issue 8): every sentence it is given
is checked; nothing in a draft is removed as web boilerplate."""

from __future__ import annotations

import os

from typer.testing import CliRunner

import summarizer
from summarizer.cli import app
from summarizer.draft import draft_claims

from . import verify_cases as vc

TRUE = "Ukraine has accepted a 30-day ceasefire that the U.S. proposed."


def test_a_false_markdown_heading_is_checked():
    draft = f"# Putin agrees to a 90-day ceasefire and resigns\n\n{TRUE}\n"
    assert "Putin agrees to a 90-day ceasefire and resigns" in draft_claims(draft)
    report = summarizer.verify(draft, vc.FIXTURES)
    heading = report.claims[0]
    assert heading.text.startswith("Putin agrees") and not heading.supported
    assert not report.ok


def test_boilerplate_lines_do_not_drop_later_sentences(tmp_path):
    for label in ("Related Posts", "Comments"):
        draft = f"{TRUE}\n\n{label}\n\nPutin was arrested in Paris by 400 French police officers.\n"
        assert draft_claims(draft)[-1].startswith("Putin was arrested")
        path = tmp_path / "draft.md"
        path.write_text(draft, encoding="utf-8")
        result = CliRunner().invoke(app, ["verify", str(path), "-s", str(vc.FIXTURES)])
        assert result.exit_code == 1, result.output
        assert "arrested in Paris" in result.stdout


def test_an_article_verified_against_itself_is_supported_headline_included(tmp_path):
    art = vc.articles()[0]
    path = tmp_path / "a.txt"
    path.write_text(f"{art.title}\n\n{art.text}\n", encoding="utf-8")
    assert draft_claims(path.read_text(encoding="utf-8"))[0] == art.title
    result = CliRunner().invoke(app, ["verify", str(path), "-s", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stdout
    assert '"unsupported": 0' in result.stdout


def test_random_bytes_on_stdin_exit_2():
    noise = os.urandom(2048)
    result = CliRunner().invoke(app, ["verify", "-", "-s", str(vc.FIXTURES)], input=noise)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


def test_sentences_after_a_sources_heading_are_still_checked():
    draft = f"{TRUE}\n\n## Sources\n1. Reuters\n- https://example.com/a\n\nPutin resigned today.\n"
    assert draft_claims(draft) == [TRUE, "Putin resigned today."]


CHANGED = "Russian President Vladimir Putin was invited to Washington by Donald Trump."


def test_strict_catches_a_changed_fact_among_kept_names(tmp_path):
    """The fixture says Trump meant to speak with Putin; nothing says he invited him. The
    default (lenient, for drafts that paraphrase whole passages) passes the sentence, since
    every word but "invited" is in its evidence; --strict holds it to a briefing's standard."""
    path = tmp_path / "draft.md"
    path.write_text(f"{CHANGED}\n\n{TRUE}\n", encoding="utf-8")
    lenient = summarizer.verify(path, vc.FIXTURES)
    strict = summarizer.verify(path, vc.FIXTURES, strict=True)
    assert [c.supported for c in lenient.claims] == [True, True]
    assert [c.supported for c in strict.claims] == [False, True]
    result = CliRunner().invoke(app, ["verify", str(path), "-s", str(vc.FIXTURES), "--strict"])
    assert result.exit_code == 1, result.output
    assert "NOT SUPPORTED" in result.stdout and "invited" in result.stdout
    exact = tmp_path / "exact.md"
    exact.write_text(f"{TRUE}\n", encoding="utf-8")
    ok = CliRunner().invoke(app, ["verify", str(exact), "-s", str(vc.FIXTURES), "--strict"])
    assert ok.exit_code == 0, ok.output
