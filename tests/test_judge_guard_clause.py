"""A judge that agrees with anything must not overrule the offline word checks.

A model appended an invented clause to verbatim source sentences ("…, a move critics called
reckless and illegal.") and a sycophantic judge called each supported, quoting the whole cited
sentence as its evidence: the claims were shown with the invented clause. Every judge answer
below is HAND-WRITTEN (a fake client replays it), not a model's.
"""

from __future__ import annotations

import asyncio
import json

from summarizer.judge import Judge, JudgeItem
from summarizer.models import Citation, Claim, Sentence
from summarizer.verify import verify_claims

from .judge_client import FakeClient as FakeJudgeClient

BUDGET = "The city council approved a new budget for the public library on Monday."
HOURS = "The library will extend its opening hours to include Sunday afternoons."
SOURCES = {
    f"lib.s{i}": Sentence(id=f"lib.s{i}", text=t, index=i) for i, t in enumerate([BUDGET, HOURS])
}
# the cited sentence word for word, and a clause it does not state
ADDED = BUDGET.rstrip(".") + ", a move critics called reckless and illegal."
# a paraphrase: "lengthen" is not in the cited text (the verbs check fails), "extend" is
PARAPHRASE = "The library will lengthen its opening hours to include Sunday afternoons."


def _supported(evidence: str) -> str:
    """A hand-written "supported" verdict for claim 1 with this evidence span."""
    verdict = {"id": 1, "supported": True, "evidence": evidence, "reason": "stated"}
    return json.dumps({"verdicts": [verdict]})


def _claim(text: str, cited: str) -> Claim:
    sid = next(k for k, s in SOURCES.items() if s.text == cited)
    return Claim(text=text, citations=[Citation(sentence_id=sid, article_id="lib", text=cited)])


def test_whole_sentence_span_does_not_back_an_added_clause():
    """The judge quotes the whole cited sentence: it has none of the words the word checks
    found missing, and no word the claim does not repeat, so the claim fails closed."""
    judge = Judge(FakeJudgeClient([_supported(BUDGET)]))
    out = verify_claims([_claim(ADDED, BUDGET)], SOURCES, judge=judge, repair=False)
    assert out[0].verdict == "rejected"
    check = out[0].checks[-1]
    assert check.name == "judge" and not check.passed
    assert check.detail.startswith(
        "judge's evidence does not cover the claim's words missing from the cited text: "
    )
    for word in ("called", "reckless", "critics", "illegal"):
        assert word in check.detail


def test_with_repair_the_added_clause_is_not_shown():
    """As without the judge: the claim is repaired to what the cited text states."""
    judge = Judge(FakeJudgeClient([_supported(BUDGET)]))
    out = verify_claims([_claim(ADDED, BUDGET)], SOURCES, judge=judge)
    assert out[0].verdict == "repaired"
    assert "reckless" not in out[0].text
    assert out[0].original_text == ADDED


def test_span_with_a_word_the_claim_restates_is_accepted():
    """A paraphrase fails the verbs check offline ("lengthen"); the judge's span (the whole
    cited sentence, as for the added clause judged with it) has "extend", which the rest of
    the claim does not say: whether "lengthen" restates it is the judge's call, and it stands.
    The added clause, with the same kind of span, does not."""
    answer = json.dumps(
        {
            "verdicts": [
                {"id": 1, "supported": True, "evidence": HOURS, "reason": "stated"},
                {"id": 2, "supported": True, "evidence": BUDGET, "reason": "stated"},
            ]
        }
    )
    claims = [_claim(PARAPHRASE, HOURS), _claim(ADDED, BUDGET)]
    judge = Judge(FakeJudgeClient([answer]))
    paraphrase, added = verify_claims(claims, SOURCES, judge=judge, repair=False)
    assert paraphrase.support == "unverifiable"
    assert any(c.name == "verbs" and not c.passed for c in paraphrase.checks)
    assert paraphrase.verdict == "accepted"
    assert paraphrase.checks[-1].detail == f"evidence: {HOURS}"
    assert added.verdict == "rejected"


def test_the_rule_on_the_judge_api_follows_the_failed_word_checks():
    """On the Judge API the rule applies to the word checks the item says failed offline
    (``unmatched``): none given (an editor's draft is not word-checked), none applied."""
    failed = frozenset({"verbs", "adjectives", "nouns"})
    items = [
        JudgeItem(ADDED, [BUDGET], unmatched=failed),
        JudgeItem(PARAPHRASE, [HOURS], unmatched=frozenset({"verbs"})),
        JudgeItem(ADDED, [BUDGET]),
    ]
    answers = json.dumps(
        {
            "verdicts": [
                {"id": 1, "supported": True, "evidence": BUDGET, "reason": ""},
                {"id": 2, "supported": True, "evidence": HOURS, "reason": ""},
                {"id": 3, "supported": True, "evidence": BUDGET, "reason": ""},
            ]
        }
    )
    checks = asyncio.run(Judge(FakeJudgeClient([answers])).judge(items))
    assert not checks[0].passed and "reckless" in checks[0].detail
    assert checks[1].passed
    assert checks[2].passed
