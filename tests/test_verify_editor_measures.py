"""A figure's measure (percent is not percentage points) and an antonym said of another
subject, which only a figure's measure tied to the claim ("rose 4.1 percentage points" and
"share fell by 12 percentage points"). Hand-written sentences, not real news; no relative
imports, so the file runs on its own."""

from __future__ import annotations

import pytest

from summarizer import verify
from summarizer.checks import Evidence, find_opposite, run_checks, support
from summarizer.models import Check


def _failed(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if not c.passed}


# -- percent is not percentage points ----------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "The jobless rate fell by 1.2% to 4.8%.",
            "The jobless rate fell to 4.8%, down 1.2 percentage points from a year before.",
        ),
        (
            "Approval of the mayor rose 6 percentage points.",
            "Approval of the mayor rose 6 percent, the poll found.",
        ),
        ("The bank raised rates by 25%.", "The bank raised rates by 25 basis points."),
    ],
)
def test_a_figure_in_another_measure_is_not_supported(claim: str, source: str) -> None:
    checks = run_checks(claim, Evidence([source]), cited_words=False)
    assert support(checks) != "supported", checks
    assert "numbers-unit" in _failed(checks), checks
    report = verify(claim, [source], judge=False)
    assert not report.ok, report.claims[0].reasons


def test_percent_is_read_as_a_measure_and_the_same_measure_or_none_states_it() -> None:
    checks = run_checks("Output grew 2.5%.", Evidence(["Output grew 2.5 points."]))
    assert "in percent" in _failed(checks)["numbers-unit"], checks
    for claim, source in (
        ("The jobless rate fell 1.2 points.", "The jobless rate fell 1.2 percentage points."),
        ("Prices rose 3 per cent.", "Prices rose 3%."),
        ("The rate was 4.8%.", "The rate was 4.8 in May."),
    ):
        checks = run_checks(claim, Evidence([source]), cited_words=False)
        assert "numbers-unit" not in _failed(checks), (claim, checks)


# -- an antonym of another subject -------------------------------------------------------------


def test_an_opposite_of_another_subject_sharing_only_a_measure_is_no_conflict() -> None:
    sources = [
        "Attendance was 71.5%, up 2.4 percentage points on last season.",
        "The away end, by contrast, saw its share drop by 9 percentage points.",
    ]
    assert find_opposite("Attendance rose 2.4 percentage points to 71.5%.", sources) is None
    checks = run_checks(
        "Attendance rose 2.4 percentage points to 71.5%.", Evidence(sources), cited_words=False
    )
    assert "antonyms" not in _failed(checks), checks
    # said of the same subject, the opposite still conflicts
    source = "The away end saw its share drop by 9 percentage points."
    assert find_opposite("The away end saw its share rise by 9 percentage points.", [source]) == (
        "rise",
        "drop",
    )
