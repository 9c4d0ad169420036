"""A view moved from one speaker to another (checks.check_attribution): every content word of
what was said stays, so only the speaker shows the swap. Hand-written texts, not real news."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support

DAY_A = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said. "
    "Critics said the money should go to schools instead.\n"
)
DAY_B = (
    "A new bridge over the Elm River won council approval on Tuesday by a vote of 7-2. "
    "It will cost 40 million dollars. Mayor Ana Ruiz said work would begin in May.\n"
)
DRAFT = (
    "Mayor Ana Ruiz said the money should go to schools instead.\n"
    "The council unanimously voted to build the bridge.\n"
)


@pytest.mark.parametrize("strict", [False, True])
def test_a_quote_moved_to_a_named_speaker_is_not_laundered_by_joined_evidence(
    tmp_path: Path, strict: bool
) -> None:
    (tmp_path / "a.txt").write_text(DAY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DAY_B, encoding="utf-8")
    report = verify(DRAFT, [tmp_path], judge=False, strict=strict)
    assert not report.ok
    moved, unanimous = report.claims
    assert not moved.supported
    assert any(r.startswith("attribution:") for r in moved.reasons), moved.reasons
    assert not unanimous.supported


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "The mayor said the bridge will cost 40 million dollars.",
            "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said.",
        ),
        (
            "Ruiz said work would begin in May.",
            "Mayor Ana Ruiz said work would begin in May.",
        ),
        ("He said the money should go to schools.", "Critics said the money should go to schools."),
        ("The bridge will cost 40 million dollars, Ruiz said.", "It will cost 40 million dollars."),
    ],
)
def test_the_speaker_the_source_gives_or_none_is_no_swap(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]))
    assert all(c.passed for c in checks if c.name == "attribution"), checks


def test_a_swapped_speaker_is_contradicted() -> None:
    checks = run_checks(
        "According to the mayor, the money should go to schools instead.",
        Evidence(["Critics said the money should go to schools instead."]),
    )
    assert support(checks) == "contradicted"
    assert any(c.name == "attribution" and not c.passed for c in checks)
