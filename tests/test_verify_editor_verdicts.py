"""A verdict stated in other words: "was convicted of arson" where the cited text finds the
same person "not guilty of arson" (negatable.json). Hand-written sentences, not real news; no
relative imports, so the file runs on its own."""

from __future__ import annotations

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support
from summarizer.models import Check


def _failed(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if not c.passed}


# -- a verdict stated in other words -----------------------------------------------------------

ACQUITTED = "The co-accused, bus driver Ruth Amadi, was found not guilty of arson on Friday."
CONVICTED_OTHER = "The jury convicted Omar Kell of arson and burglary."


def _verdict_checks(claim: str) -> list[Check]:
    known = {"ruth", "amadi", "omar", "kell"}
    return run_checks(claim, Evidence([ACQUITTED, CONVICTED_OTHER], known), cited_words=False)


def test_convicted_on_found_not_guilty_is_contradicted() -> None:
    checks = _verdict_checks("Ruth Amadi was convicted of arson.")
    assert support(checks) == "contradicted", checks
    assert "guilty arson" in _failed(checks)["negation"]
    # the other defendant's conviction, and a claim that denies it too, are no conflict
    for claim in (
        "Omar Kell was convicted of arson.",
        "Ruth Amadi was not convicted of arson.",
        "Ruth Amadi was cleared of arson.",
    ):
        assert "negation" not in _failed(_verdict_checks(claim)), claim


def test_a_draft_sentence_convicting_the_acquitted_is_not_supported() -> None:
    report = verify(
        "Ruth Amadi was convicted of arson.",
        [f"{ACQUITTED} {CONVICTED_OTHER}"],
        judge=False,
    )
    assert report.claims[0].support == "contradicted", report.claims[0].reasons
