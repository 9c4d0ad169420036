"""Faults a tester found in the verifier: claims that assert nothing, short draft sentences
skipped unseen, counts and tallies matched anywhere, repairs that keep only "X said".

The three articles below are short hand-written texts (not real news) for these behaviours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer
from summarizer import make_article, verify_claims
from summarizer.cli import app
from summarizer.models import Citation, Claim, Sentence

QUAKE = (
    "A magnitude 6.8 earthquake struck northern Chile on Wednesday, damaging buildings in the "
    "port city of Iquique. No deaths were reported, the national emergency office said. "
    "Officials briefly issued a tsunami warning before lifting it. Power was cut to about "
    "20,000 homes."
)
FOOTBALL = (
    "Rovers beat United 3-1 in the cup final on Saturday in front of 80,000 fans. Striker Tom "
    "Baker scored twice in the second half. It is the club's first trophy in twelve years. "
    "United's manager said his team was outplayed."
)
BRIDGE = (
    "Council approves Elm River bridge\n\nThe city council voted 7-2 on Tuesday to build a new "
    "bridge over the Elm River. Construction starts in May and will cost 40 million dollars, "
    "Mayor Ana Ruiz said. Critics said the money should go to schools instead. The bridge will "
    "have four lanes and a bike path."
)


@pytest.fixture(scope="module")
def sentences() -> dict[str, Sentence]:
    arts = [make_article(t) for t in (QUAKE, FOOTBALL, BRIDGE)]
    return {s.id: s for a in arts for s in a.sentences}


def _claim(text: str, cited: str, sentences: dict[str, Sentence]) -> Claim:
    s = next(s for s in sentences.values() if cited in s.text)
    return Claim(
        text=text, citations=[Citation(sentence_id=s.id, article_id=s.article_id, text=s.text)]
    )


@pytest.mark.parametrize("text", [" . ", "...", "N/A", "-", "**", "The.", "It is.", ""])
def test_a_claim_with_no_content_word_is_rejected_with_its_reason(text, sentences) -> None:
    """Each was accepted as "supported": nothing in it could be missing from the cited text."""
    out = verify_claims([_claim(text, "Baker scored", sentences)], sentences)[0]
    assert out.verdict == "rejected" and not out.shown
    failed = [c for c in out.checks if not c.passed]
    assert [c.name for c in failed] == ["content"] and "no content words" in failed[0].detail


def test_a_blurb_never_shows_a_claim_that_is_a_full_stop(monkeypatch, tmp_path) -> None:
    """An LLM claim "." was shown as the blurb ".[1]" and counted as accepted. The writer is
    hand-written for this behaviour (no model response)."""
    from summarizer import pipeline, render_blurb

    path = tmp_path / "football.txt"
    path.write_text(FOOTBALL, encoding="utf-8")

    class DotWriter:
        name = "fake-llm"

        def __init__(self) -> None:
            from summarizer.models import Usage

            self.usage, self.judge, self.partial, self.problems = Usage(), None, False, []

        def write(self, members, *, kind, max_words, sentences):
            s = next(s for m in members for s in m.sentences if "Baker" in s.text)
            cite = Citation(sentence_id=s.id, article_id=s.article_id, text=s.text)
            return [Claim(text=".", citations=[cite])]

    monkeypatch.setattr(pipeline, "get_writer", lambda settings: DotWriter())
    result = summarizer.blurb(path)
    assert not any(c.shown for c in result.claims)
    assert ".[1]" not in render_blurb(result, "md")


@pytest.mark.parametrize(
    ("claim", "cited", "why"),
    [
        ("Striker Tom Baker scored three times in the second half.", "Baker scored", "3"),
        ("The council voted 2-7 against the bridge.", "voted 7-2", "2-7"),
    ],
)
def test_a_changed_count_or_reversed_tally_is_contradicted(claim, cited, why, sentences) -> None:
    """ "three times" matched the 3 of "3-1" elsewhere; "2-7" matched "7-2" as a set."""
    out = verify_claims([_claim(claim, cited, sentences)], sentences, repair=False)[0]
    assert out.support == "contradicted" and out.verdict == "rejected"
    numbers = next(c for c in out.checks if c.name == "numbers")
    assert not numbers.passed and why in numbers.detail


def test_counts_and_tallies_still_match_their_own_forms(sentences) -> None:
    for claim, cited in [
        ("Striker Tom Baker scored two times in the second half.", "Baker scored"),
        ("Rovers beat United 3-1 in the cup final.", "Rovers beat"),
    ]:
        out = verify_claims([_claim(claim, cited, sentences)], sentences, repair=False)[0]
        assert out.verdict == "accepted", out.checks


def test_a_repair_never_keeps_only_the_attribution(sentences) -> None:
    """ "Hundreds of deaths were reported, the national emergency office said." was repaired
    to "The national emergency office said." and shown."""
    claim = "Hundreds of deaths were reported, the national emergency office said."
    out = verify_claims([_claim(claim, "No deaths", sentences)], sentences)[0]
    assert out.text != "The national emergency office said."
    assert out.verdict == "rejected" or out.text.startswith("No deaths were reported")
    for text in ("The national emergency office said.", "According to officials."):
        said = verify_claims([_claim(text, "No deaths", sentences)], sentences)[0]
        assert said.verdict == "rejected" and "attribution" in said.checks[-1].detail


DRAFT = (
    "Rovers beat United 3-1 in the cup final on Saturday. United won. Baker resigned.\n\n"
    "## Results\n\n| Rovers won | 3-1 |\n"
)


def test_short_draft_sentences_are_checked_and_labels_are_reported(tmp_path: Path) -> None:
    """ "United won." and "Baker resigned." were skipped unseen (fewer than 3 words) and the
    draft passed, "1 supported (1 claims)"; a table row was dropped without a word."""
    from summarizer.draft import draft_parts

    claims, skipped = draft_parts(DRAFT)
    assert claims == [
        "Rovers beat United 3-1 in the cup final on Saturday.",
        "United won.",
        "Baker resigned.",
    ]
    assert [p.text for p in skipped] == ["Results", "Rovers won", "3-1"]
    day = tmp_path / "day"
    day.mkdir()
    for name, text in (("quake", QUAKE), ("football", FOOTBALL), ("bridge1", BRIDGE)):
        (day / f"{name}.txt").write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    report = summarizer.verify(draft, [day], judge=False)
    assert report.supported == 1 and report.unsupported == 2 and not report.ok
    assert [p.text for p in report.skipped] == ["Results", "Rovers won", "3-1"]
    result = CliRunner().invoke(app, ["verify", str(draft), "-s", str(day), "-q", "--no-judge"])
    assert result.exit_code == 1
    assert "Skipped, not checked: 3" in result.stdout and "- Rovers won" in result.stdout
    as_json = CliRunner().invoke(app, ["verify", str(draft), "-s", str(day), "-f", "json", "-q"])
    assert '"skipped"' in as_json.stdout and '"Rovers won"' in as_json.stdout


def test_the_summary_line_counts_skipped_parts_and_strict_must_be_a_bool(tmp_path: Path) -> None:
    """The stderr line said nothing of the draft's skipped parts; ``strict="no"`` turned the
    strict check on (a non-empty string is truthy)."""
    day = tmp_path / "day"
    day.mkdir()
    (day / "football.txt").write_text(FOOTBALL, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(app, ["verify", str(draft), "-s", str(day), "--no-judge"])
    assert ", 3 skipped (not claims) ·" in result.stderr
    with pytest.raises(summarizer.ConfigError, match="strict must be True or False"):
        summarizer.verify(draft, [day], judge=False, strict="no")  # type: ignore[arg-type]
