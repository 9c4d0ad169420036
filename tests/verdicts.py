"""One claim's verdict from the rule-based verifier, for tests of its faults."""

from __future__ import annotations

import summarizer


def checked(claim: str, sources: list[str]) -> tuple[str, str]:
    """The draft verdict of one sentence against ``sources``, with no LLM judge, and the
    details of its failed checks."""
    report = summarizer.verify(claim, sources, judge=False)
    assert len(report.claims) == 1
    found = report.claims[0]
    verdict = "supported" if found.supported else str(found.support)
    return verdict, "; ".join(f"{c.name}: {c.detail}" for c in found.checks if not c.passed)
