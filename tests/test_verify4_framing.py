"""Faults of the rule-based verifier (verify4) where a sentence's frame, not its words, decides:
a clause a negated verb of proof denies is established, a hedge over a verb of relation in a
headline, a finding given to a party that only alleged it. Texts are the tests' own, made up
for these behaviours; no model is involved.
"""

from __future__ import annotations

import pytest

import summarizer


def _checked(claim: str, sources: list[str], strict: bool = False) -> tuple[str, str]:
    """The draft verdict of one sentence against ``sources``, with no LLM judge, and the
    details of its failed checks."""
    report = summarizer.verify(claim, sources, judge=False, strict=strict)
    assert len(report.claims) == 1
    found = report.claims[0]
    verdict = "supported" if found.supported else str(found.support)
    return verdict, "; ".join(f"{c.name}: {c.detail}" for c in found.checks if not c.passed)


TEA = (
    "Green tea study published\n\nAdults who drink green tea most days may sleep slightly "
    "longer, a survey of 9,000 people found, though its authors warned that the survey does not "
    "prove that green tea itself improves sleep. The team now plans a trial."
)


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Green tea improves sleep.", "contradicted"),
        ("Green tea itself improves sleep, the survey showed.", "contradicted"),
    ],
)
def test_a_clause_a_negated_verb_of_proof_denies_is_not_support(
    claim: str, verdict: str, strict: bool
) -> None:
    assert _checked(claim, [TEA], strict)[0] == verdict


def test_the_denied_clause_restated_with_its_negation_stays_supported() -> None:
    claim = "The survey does not prove that green tea improves sleep."
    assert _checked(claim, [TEA])[0] == "supported"


WALKING = (
    "Evening walks may be tied to better sleep in older adults, survey suggests\n\nA survey of "
    "older adults in Norbury found that those who walked in the evening slept longer."
)


def test_a_headline_hedge_over_a_verb_of_relation_is_not_dropped() -> None:
    verdict, why = _checked("Evening walks give older adults better sleep.", [WALKING])
    assert verdict == "contradicted", why
    assert "may" in why


HEDGED_TWICE = (
    "Evening walks may be tied to better sleep in older adults, survey suggests\n\nOlder "
    "adults who walk in the evening may get better sleep, a survey of 2,000 people in Norbury "
    "found."
)


def test_a_hedge_is_not_dropped_on_the_words_of_another_hedge() -> None:
    claim = "Older adults who walk in the evening get better sleep."
    verdict, why = _checked(claim, [HEDGED_TWICE])
    assert verdict == "contradicted", why


def test_the_headline_hedge_kept_stays_supported() -> None:
    claim = "Evening walks may be tied to better sleep in older adults."
    assert _checked(claim, [WALKING])[0] == "supported"


TRIAL = (
    "Fenwick murder trial\n\nOn the first day of the trial, prosecutor Daniel Okoro KC told "
    "the jury that Fenwick had planned the robbery weeks in advance. Fenwick denies murder. "
    "The trial continues."
)
VERDICT = (
    "Fenwick convicted\n\nThe jury found that Fenwick had planned the robbery weeks in advance "
    "and convicted him of murder."
)


@pytest.mark.parametrize(
    "claim",
    [
        "The jury found that Fenwick planned the robbery weeks in advance.",
        "The court ruled that Fenwick had planned the robbery weeks in advance.",
    ],
)
def test_a_finding_is_not_supported_by_another_partys_allegation(claim: str) -> None:
    verdict, why = _checked(claim, [TRIAL])
    assert verdict == "contradicted", why
    assert "attribution" in why


def test_the_allegation_given_to_its_party_stays_supported() -> None:
    claim = "Prosecutor Daniel Okoro KC told the jury that Fenwick had planned the robbery."
    assert _checked(claim, [TRIAL])[0] == "supported"


def test_the_finding_the_source_gives_the_jury_stays_supported() -> None:
    claim = "The jury found that Fenwick planned the robbery weeks in advance."
    assert _checked(claim, [VERDICT])[0] == "supported"


GAIN = (
    "Liberals take Holloway North\n\nThe Liberal Party has won the Holloway North by-election, "
    "overturning a Conservative majority of more than 6,000 in a large swing."
)
COUNT = (
    "Holloway North result\n\nTeacher Amira Shah won 15,210 votes to 11,004 for Conservative "
    "Tom Reed, a majority of 4,206."
)


def test_a_name_used_as_a_modifier_or_a_partys_name_is_no_swap_or_opposite() -> None:
    claim = (
        "Amira Shah won the Holloway North by-election for the Liberal Party with a majority "
        "of 4,206."
    )
    verdict, why = _checked(claim, [GAIN, COUNT])
    assert "Conservative" not in why and "conservative" not in why, why
    assert verdict == "supported", why


def test_names_of_one_kind_told_apart_by_opposite_words_stay_opposites() -> None:
    source = "Holloway North\n\nThe Liberal Party has won the Holloway North by-election."
    claim = "The Conservative Party has won the Holloway North by-election."
    verdict, why = _checked(claim, [source])
    assert verdict == "contradicted", why
