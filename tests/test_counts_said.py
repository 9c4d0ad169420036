"""Counts read as a reader says them: "(1 claims)" and "1 articles have no publication date"
were printed before."""

from __future__ import annotations

import summarizer
from summarizer.text import counted

SOURCE = "The council voted 7-2 on Tuesday to build a new bridge over the Elm River."


def test_counted_takes_the_plural_only_when_it_should() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(1, "story") == "1 story"
    assert counted(3, "smaller story") == "3 smaller stories"


def test_a_verify_report_of_one_claim_says_one_claim() -> None:
    report = summarizer.verify("The council voted 7-2 to build a bridge.", [SOURCE])
    head = summarizer.render_verify(report, "text").splitlines()[0]
    assert head.endswith("(1 claim)"), head
