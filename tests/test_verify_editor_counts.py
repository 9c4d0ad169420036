"""Two figures of a claim that trade what they count: "9 red cards and 4 yellow cards" where
the cited text gives 9 yellow cards and 4 red ones (checks.swapped_things). A shared word
("cards") and WordNet's relatives hid the swap. Hand-written sentences, not real news; no
relative imports, so the file runs on its own."""

from __future__ import annotations

from summarizer import verify
from summarizer.checks import Evidence, run_checks, support
from summarizer.models import Check

SOURCE = "The referee showed nine yellow cards and four red cards in the derby on Sunday."


def _failed(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if not c.passed}


def test_figures_that_trade_their_things_are_contradicted() -> None:
    checks = run_checks(
        "The referee showed nine red cards and four yellow cards in the derby.",
        Evidence([SOURCE]),
        cited_words=False,
    )
    assert support(checks) == "contradicted", checks
    detail = _failed(checks)["numbers"]
    assert "9 (red cards) is the cited text's 9 (yellow cards)" in detail, detail
    # the same figures the source's way round, or one of them alone, are no conflict
    for claim in (
        "The referee showed nine yellow cards and four red cards in the derby.",
        "The referee showed four red cards in the derby.",
    ):
        assert "numbers" not in _failed(run_checks(claim, Evidence([SOURCE]))), claim


def test_related_nouns_a_claim_tells_apart_are_compared_as_written() -> None:
    # WordNet relates an alert to a warning; the claim counts them as two things
    source = "Forecasters issued 11 heat alerts and two heat warnings across the region."
    claim = "Forecasters issued 11 heat warnings and two heat alerts across the region."
    checks = run_checks(claim, Evidence([source]), cited_words=False)
    assert support(checks) == "contradicted", checks
    report = verify(claim, [source], judge=False)
    assert report.claims[0].support == "contradicted", report.claims[0].reasons
