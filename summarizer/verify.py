"""Verification: every claim is checked against the sentences it cites before it is shown.

Layer 1 (structure): at least one citation, every cited id exists, quoted text is exact.
"""

from __future__ import annotations

from .models import Check, Citation, Claim, Sentence


def verify_claims(claims: list[Claim], sentences: dict[str, Sentence]) -> list[Claim]:
    """Give every claim a verdict; rejected claims stay in the list, marked, for reporting."""
    return [verify_claim(c, sentences) for c in claims]


def verify_claim(claim: Claim, sentences: dict[str, Sentence]) -> Claim:
    """Check one claim and return a copy with its verdict and the checks that ran."""
    checks = [_check_structure(claim.citations, sentences)]
    verdict = "accepted" if all(c.passed for c in checks) else "rejected"
    return claim.model_copy(update={"verdict": verdict, "checks": checks})


def _check_structure(citations: list[Citation], sentences: dict[str, Sentence]) -> Check:
    if not citations:
        return Check(name="structure", passed=False, detail="no citation")
    for cite in citations:
        source = sentences.get(cite.sentence_id)
        if source is None:
            return Check(name="structure", passed=False, detail=f"unknown id {cite.sentence_id}")
        if source.text != cite.text:
            return Check(name="structure", passed=False, detail=f"{cite.sentence_id} misquoted")
    return Check(name="structure", passed=True)
