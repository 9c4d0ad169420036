"""One claim's verdict from the rule-based verifier, for tests of its faults."""

from __future__ import annotations

import summarizer
from summarizer import make_article


def checked(claim: str, sources: list[str]) -> tuple[str, str]:
    """The draft verdict of one sentence against ``sources``, with no LLM judge, and the
    details of its failed checks."""
    report = summarizer.verify(claim, sources, judge=False)
    assert len(report.claims) == 1
    found = report.claims[0]
    verdict = "supported" if found.supported else str(found.support)
    return verdict, "; ".join(f"{c.name}: {c.detail}" for c in found.checks if not c.passed)


def support(claim: str, *articles: str) -> str:
    """The support the rule-based verifier gives one claim against ``articles`` (texts)."""
    report = summarizer.verify(claim, [make_article(a) for a in articles], judge=False)
    return report.claims[0].support


def reasons(claim: str, *articles: str) -> str:
    """The reasons it gives, joined with " | "."""
    report = summarizer.verify(claim, [make_article(a) for a in articles], judge=False)
    return " | ".join(report.claims[0].reasons)
