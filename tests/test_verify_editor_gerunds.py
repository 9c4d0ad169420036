"""Roles through a gerund: "X <verb>ed ... after <verb>ing Y" is X's deed, so a claim that
turns it round ("Y beat X") is a roles contradiction (checks._gerund_doer). Hand-written
sentences, not real news; no relative imports, so the file runs on its own."""

from __future__ import annotations

from summarizer.checks import Evidence, roles, run_checks, support
from summarizer.models import Check

KNOWN = {"westport", "rovers", "county", "shield", "kingsley", "dale", "marsh"}
CITED = (
    "Westport Rovers won the County Shield on Sunday after defeating Kingsley 2-0 "
    "at Dale Park in front of 9,100 fans."
)


def _failed(checks: list[Check]) -> dict[str, str]:
    return {c.name: c.detail for c in checks if not c.passed}


def test_a_gerund_is_read_as_its_clause_subjects_deed() -> None:
    found = [(r.doer, r.verb, r.done_to) for r in roles(CITED, KNOWN)]
    assert ("westport rovers", "defeat", "kingsley") in found, found
    # the subject of a passive clause, and of the nearest clause, does the gerund
    passive = "Kingsley were knocked out on Sunday after losing to Westport Rovers."
    assert ("kingsley", "lose", "westport rovers") in [
        (r.doer, r.verb, r.done_to) for r in roles(passive, KNOWN)
    ]
    nested = "Marsh said Kingsley celebrated after beating Westport Rovers."
    assert ("kingsley", "beat", "westport rovers") in [
        (r.doer, r.verb, r.done_to) for r in roles(nested, KNOWN)
    ]


def test_a_claim_that_reverses_a_gerunds_roles_is_contradicted() -> None:
    checks = run_checks(
        "Kingsley defeated Westport Rovers 2-0 to win the County Shield.",
        Evidence([CITED], known_names=KNOWN),
        cited_words=False,
    )
    assert support(checks) == "contradicted", checks
    assert "roles reversed" in _failed(checks)["roles"]
    # the source's way round passes the roles check
    same = run_checks(
        "Westport Rovers defeated Kingsley 2-0.", Evidence([CITED], known_names=KNOWN)
    )
    assert "roles" not in _failed(same), same


def test_a_claims_gerund_reversed_against_its_source_is_contradicted() -> None:
    checks = run_checks(
        "Kingsley reached the final after defeating Westport Rovers.",
        Evidence(["Westport Rovers defeated Kingsley in the semi-final."], known_names=KNOWN),
        cited_words=False,
    )
    assert "roles reversed" in _failed(checks).get("roles", ""), checks
