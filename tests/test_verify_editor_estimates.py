"""A result against an estimate: "missed the forecast" where the cited text "topped" it
(antonyms said only of the things antonyms.json lists). Hand-written sentences, not real
news; no relative imports, so the file runs on its own."""

from __future__ import annotations

from summarizer.checks import Evidence, find_opposite, run_checks, support

# -- beat / missed an estimate -----------------------------------------------------------------

SALES = (
    "Quarterly sales climbed 9% to $4.1 billion, topping the consensus forecast of $3.9 billion."
)


def test_missed_a_forecast_the_source_topped_is_contradicted() -> None:
    assert find_opposite("Quarterly sales missed the consensus forecast.", [SALES]) == (
        "missed",
        "topping",
    )
    checks = run_checks("Quarterly sales missed the consensus forecast.", Evidence([SALES]))
    assert support(checks) == "contradicted"
    # said of no estimate, "beat" and "missed" are no opposites
    source = "Rangers beat Celtic 2-1 at Ibrox on Sunday."
    assert find_opposite("Celtic missed a penalty against Rangers at Ibrox.", [source]) is None
