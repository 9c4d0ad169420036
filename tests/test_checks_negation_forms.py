"""A draft that negates what its source states, in another form of the verb, is not passed."""

from __future__ import annotations

import summarizer
from summarizer import make_article

SOURCE = (
    "City Council Approves New Bridge\n\n"
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River, ending a "
    "two-year debate.\n\n"
    "Construction starts in May and will cost $40 million, Mayor Ana Ruiz said.\n\n"
    '"This bridge will connect our neighborhoods," she said.\n'
)


def _claim(text: str, *, strict: bool = False) -> summarizer.DraftClaim:
    report = summarizer.verify(text, [make_article(SOURCE)], strict=strict)
    assert len(report.claims) == 1
    return report.claims[0]


def test_negating_an_irregular_form_of_the_cited_verb_is_contradicted() -> None:
    claim = _claim("The bridge will not be built.")
    assert not claim.supported
    assert claim.support == "contradicted"
    assert any(c.name == "negation" and not c.passed for c in claim.checks)


def test_the_same_fact_stated_positively_is_supported() -> None:
    assert _claim("The council voted to build a new bridge over the Elm River.").supported


def test_strict_holds_an_unsupported_negation_against_the_claim() -> None:
    text = "Mayor Ana Ruiz said the bridge will not be built."
    strict = _claim(text, strict=True)
    assert not strict.supported
    assert any(c.name == "negation-unsupported" and not c.passed for c in strict.checks)
