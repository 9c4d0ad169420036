"""The LLM judge (layer 3), tested with a fake client that returns queued, hand-written answers.

Every Completion below is a HAND-WRITTEN fixture for one behaviour (a valid verdict, an invented
evidence span, a refusal, malformed JSON); none is a recorded model response.

The judge decides only the uncertain middle: a claim the offline checks find unverifiable (no
contradiction, but not clearly carried by the cited text) is sent as the model wrote it; a
supported claim is accepted and a contradicted one rejected or repaired without reaching it.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from summarizer.judge import Judge, JudgeItem
from summarizer.llm.base import Completion
from summarizer.prompts import load_prompt
from summarizer.verify import judge_unavailable, verify_claims

from . import verify_cases as vc
from .judge_client import FakeClient


def _answer(*verdicts: dict) -> str:
    return json.dumps({"verdicts": list(verdicts)})


@pytest.fixture(scope="module")
def arts():
    return vc.articles()


@pytest.fixture(scope="module")
def index(arts):
    return vc.sentence_index(arts)


# A faithful paraphrase whose words mostly differ from the cited sentence: unverifiable offline.
PARAPHRASE = "Ukraine has agreed to a truce lasting 30 days that Washington put forward."
# The evidence a judge should give for it: the cited sentence's span with its name and number.
SPAN = "Ukraine recently accepted a U.S.-proposed 30-day ceasefire"


def _paraphrase(arts):
    return vc.make_claim(PARAPHRASE, ["30-day ceasefire"], arts)


def test_unverifiable_paraphrase_is_accepted_by_the_judge_and_contradiction_never_reaches_it(
    arts, index
):
    """The issue's acceptance test, with a hand-written judge answer (not a model's)."""
    contradicted = vc.make_claim(
        "Ukraine has rejected a 30-day ceasefire that the U.S. proposed.",
        ["30-day ceasefire"],
        arts,
    )
    hand_written = _answer({"id": 1, "supported": True, "evidence": SPAN, "reason": ""})
    client = FakeClient([hand_written])
    out = verify_claims([_paraphrase(arts), contradicted], index, judge=Judge(client), repair=False)
    assert out[0].support == "unverifiable" and out[0].verdict == "accepted"
    assert out[0].text == PARAPHRASE  # judged as written, not a pre-repaired quote
    assert out[1].support == "contradicted" and out[1].verdict == "rejected"
    assert len(client.requests) == 1
    prompt = client.requests[0][1].content
    assert PARAPHRASE in prompt and "rejected a 30-day" not in prompt
    assert not any(c.name == "judge" for c in out[1].checks)


def test_without_a_judge_the_unverifiable_paraphrase_is_repaired_or_rejected(arts, index):
    out = verify_claims([_paraphrase(arts)], index)
    assert out[0].support == "unverifiable"
    assert out[0].text != PARAPHRASE or out[0].verdict == "rejected"
    assert verify_claims([_paraphrase(arts)], index, repair=False)[0].verdict == "rejected"


def test_supported_claims_skip_the_judge(arts, index):
    claim = vc.make_claim(
        "Ukraine has accepted a 30-day ceasefire that the U.S. proposed.",
        ["30-day ceasefire"],
        arts,
    )
    client = FakeClient([])
    out = verify_claims([claim], index, judge=Judge(client))
    assert out[0].verdict == "accepted" and out[0].support == "supported"
    assert client.requests == []


def test_prompt_has_version_and_variables():
    prompt = load_prompt("judge")
    assert prompt.label == "judge@1"
    assert prompt.variables() == {"count", "items"}
    system, user = prompt.render(count=2, items="Claim 1: x")
    assert "JSON" in system.content
    assert "Claim 1: x" in user.content and "2 claims" in user.content


def test_supported_with_verbatim_span_is_accepted(arts, index):
    client = FakeClient(
        [
            _answer(
                {
                    "id": 1,
                    "supported": True,
                    "evidence": "Ukraine recently accepted a U.S.-proposed 30-day ceasefire",
                    "reason": "stated",
                }
            )
        ]  # fmt: skip
    )
    judge = Judge(client)
    out = verify_claims([_paraphrase(arts)], index, judge=judge)
    assert out[0].verdict == "accepted"
    assert out[0].checks[-1].name == "judge" and out[0].checks[-1].passed
    assert judge.usage.calls == 1 and judge.usage.prompt_tokens == 100
    prompt = client.requests[0][1].content
    assert PARAPHRASE in prompt
    assert "Ukraine recently accepted a U.S.-proposed 30-day ceasefire" in prompt


def test_invented_evidence_span_fails_the_claim(arts, index):
    answer = _answer(
        {"id": 1, "supported": True, "evidence": "Ukraine gladly accepted", "reason": "ok"}
    )
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])), repair=False)
    assert out[0].verdict == "rejected"
    assert "not in the cited text" in out[0].checks[-1].detail


# The evidence must be about the claim, not any verbatim span. Each answer below is a
# HAND-WRITTEN judge verdict ("supported", with a span copied from the cited sentence) for one
# behaviour of that rule; the cited sentence is "Ukraine recently accepted a U.S.-proposed
# 30-day ceasefire, but tensions remain high, especially as Russia aims to root out Ukrainian
# forces in the western Kursk region."


def _judged(arts, index, evidence: str):
    answer = _answer({"id": 1, "supported": True, "evidence": evidence, "reason": "stated"})
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])), repair=False)
    assert out[0].checks[-1].name == "judge"
    return out[0]


@pytest.mark.parametrize(
    "evidence",
    ["especially as Russia aims to root out Ukrainian forces", "tensions remain high"],
    ids=["unrelated clause", "unrelated words"],
)
def test_a_verbatim_span_unrelated_to_the_claim_fails_it(arts, index, evidence):
    claim = _judged(arts, index, evidence)
    assert claim.verdict == "rejected"
    assert claim.checks[-1].detail == (
        f"judge's evidence is not about the claim: {evidence!r} shares 0 of its content words "
        "(2 needed)"
    )


@pytest.mark.parametrize("evidence", ["the", "Ukraine", "ceasefire"])
def test_a_one_word_span_fails_the_claim(arts, index, evidence):
    claim = _judged(arts, index, evidence)
    assert claim.verdict == "rejected"
    assert "judge's evidence is not about the claim" in claim.checks[-1].detail


def test_a_span_without_the_claims_name_fails_it(arts, index):
    """Who agreed is not in the span. "Ukraine" starts both the claim and the cited sentence:
    it is a name because the sources capitalise it mid-sentence (the verifier passes its known
    names to the judge)."""
    claim = _judged(arts, index, "U.S.-proposed 30-day ceasefire")
    assert claim.verdict == "rejected"
    assert claim.checks[-1].detail == "judge's evidence does not mention 'Ukraine'"


def test_a_span_with_the_claims_name_and_number_passes_it(arts, index):
    claim = _judged(arts, index, SPAN)
    assert claim.verdict == "accepted"
    assert claim.checks[-1].passed and claim.checks[-1].detail == f"evidence: {SPAN}"


def test_the_evidence_rule_on_the_judge_api():
    """Without the verifier: names are the claim's capitals the cited sentence has too (its
    own mid-sentence capitals count as known), numbers as the numbers check reads them."""
    cited = ["Rovers beat United 2-1 at Ewood Park on Saturday, their first win in a month."]
    claim = "United lost 2-1 to Rovers."
    answer = _answer(
        {"id": 1, "supported": True, "evidence": "Rovers beat United 2-1", "reason": ""},
        {"id": 2, "supported": True, "evidence": "Rovers beat United", "reason": ""},
        {"id": 3, "supported": True, "evidence": "United 2-1 at Ewood Park", "reason": ""},
    )
    item = JudgeItem(claim, cited)
    checks = asyncio.run(Judge(FakeClient([answer])).judge([item, item, item]))
    assert checks[0].passed
    assert checks[1].detail == "judge's evidence does not mention '1', '2', '2-1'"
    assert checks[2].detail == "judge's evidence does not mention 'Rovers'"


URGED = "The summit ended with Putin urging Trump to visit Moscow soon."


def test_judge_failure_is_repaired_by_quoting_the_source(arts, index):
    answer = _answer({"id": 1, "supported": False, "evidence": "", "reason": "overstates"})
    claim = vc.make_claim(URGED, ["symbolic gesture from Putin"], arts)
    out = verify_claims([claim], index, judge=Judge(FakeClient([answer])))
    assert out[0].verdict == "repaired"
    assert out[0].text == out[0].citations[0].text
    assert out[0].original_text == URGED
    assert any(c.name == "judge" and not c.passed for c in out[0].checks)


@pytest.mark.parametrize(
    "answer",
    ["not json at all", '{"verdicts": [{"id": 1}]}', _answer()],
    ids=["malformed", "wrong shape", "missing verdict"],
)
def test_unreadable_answers_fail_closed(arts, index, answer):
    """An unreadable answer is re-asked once: the same answer again fails closed."""
    client = FakeClient([answer, answer])
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(client), repair=False)
    assert out[0].verdict == "rejected"
    assert out[0].checks[-1].name == "judge" and not out[0].checks[-1].passed


@pytest.mark.parametrize(
    "answer", ["not json at all", '{"verdicts": [{"id": 1}]}'], ids=["malformed", "wrong shape"]
)
def test_an_unreadable_answer_counts_as_the_judge_unavailable(arts, index, answer):
    """Not judged is not "not supported": ``verify`` then exits 3, as for a judge down (its
    answer still unreadable after the one re-ask)."""
    client = FakeClient([answer, answer])
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(client), repair=False)
    outage = judge_unavailable(out[0].checks)
    assert outage is not None and "could not be read" in outage
    assert len(client.requests) == 2  # asked, re-asked once, then no more


class Accepting(FakeClient):
    """A FakeClient that also records what the judge accepted (as the cache would store)."""

    def __init__(self, answers: list[str]) -> None:
        super().__init__(answers)
        self.accepted: list[tuple[str, str | None]] = []

    def accept(self, answer: Completion, *, replaces: Completion | None = None) -> None:
        self.accepted.append((answer.text, replaces.text if replaces else None))


@pytest.mark.parametrize(
    "garbage", ["not json at all", '{"verdicts": [{"id": 1}]}'], ids=["malformed", "wrong shape"]
)
def test_an_unreadable_answer_is_asked_again_with_the_error(arts, index, garbage):
    """As the map/reduce chain does: one re-ask stating what was wrong; the valid second
    answer judges the claim (no outage), and is what the cache keeps, for both requests."""
    valid = _answer({"id": 1, "supported": True, "evidence": SPAN, "reason": ""})
    client = Accepting([garbage, valid])
    judge = Judge(client)
    out = verify_claims([_paraphrase(arts)], index, judge=judge, repair=False)
    assert out[0].verdict == "accepted" and out[0].checks[-1].passed
    assert judge_unavailable(out[0].checks) is None
    assert len(client.requests) == 2 and judge.usage.calls == 2
    first, again = client.requests
    assert again[: len(first)] == first  # the same request, then the bad answer and the error
    assert again[len(first)].role == "assistant" and again[len(first)].content == garbage
    assert again[-1].role == "user" and "could not be used" in again[-1].content
    assert client.accepted == [(valid, garbage)]  # never the unreadable answer alone


def test_a_refusal_is_asked_again_too():
    """A refusal the first time is re-asked like an unreadable answer."""
    valid = _answer({"id": 1, "supported": True, "evidence": "the sky is blue", "reason": ""})
    answers = [Completion(text="", no_text="the model refused: no."), Completion(text=valid)]

    class RefusesOnce(FakeClient):
        async def complete(self, messages, **kw):
            self.requests.append(messages)
            return answers.pop(0)

    client = RefusesOnce([])
    item = JudgeItem("The sky is blue today.", ["Today the sky is blue over the city."])
    checks = asyncio.run(Judge(client).judge([item]))
    assert len(client.requests) == 2
    assert "the model refused: no." in client.requests[1][-1].content
    assert checks[0].passed, checks[0].detail


def test_a_readable_answer_without_the_claims_verdict_is_no_outage(arts, index):
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([_answer()])))
    assert out[0].verdict in ("rejected", "repaired")
    assert judge_unavailable(out[0].checks) is None


def test_batches_and_skips_exact_quotes(arts, index):
    claims = [_paraphrase(arts)] * 5
    quote = vc.make_claim("", ["Trump has shifted U.S. policy"], arts)
    quote = quote.model_copy(update={"text": quote.citations[0].text})
    answers = []
    for batch in (claims[:2], claims[2:4], claims[4:]):
        answers.append(
            _answer(
                *(
                    {"id": n, "supported": True, "evidence": SPAN, "reason": ""}
                    for n in range(1, len(batch) + 1)
                )
            )
        )
    client = FakeClient(answers)
    out = verify_claims([*claims, quote], index, judge=Judge(client, batch_size=2))
    assert len(client.requests) == 3  # 5 claims in batches of 2; the exact quote is not sent
    assert out[0].verdict == out[5].verdict == "accepted"
    assert [c.verdict for c in out[1:5]] == ["rejected"] * 4  # repeats of the first
    assert all(quote.text not in m.content for r in client.requests for m in r)


def test_works_inside_a_running_event_loop(arts, index):
    answer = _answer({"id": 1, "supported": True, "evidence": SPAN, "reason": ""})

    async def inside() -> str:
        out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])))
        return out[0].verdict

    assert asyncio.run(inside()) == "accepted"


def test_judge_direct_api():
    answer = _answer(
        {"id": 1, "supported": True, "evidence": "the sky is blue", "reason": ""},
        {"id": 2, "supported": False, "evidence": "", "reason": "not said"},
    )
    judge = Judge(FakeClient([answer]))
    checks = asyncio.run(
        judge.judge([JudgeItem("Sky is blue.", ["The sky is blue."]), JudgeItem("x", ["y"])])
    )
    assert [c.passed for c in checks] == [True, False]
    assert "not said" in checks[1].detail


class _UnverifiableWriter(vc.HandWrittenWriter):
    """The hand-written writer plus one claim the offline checks cannot settle."""

    def write(self, members, *, kind, max_words, sentences):
        urged = vc.make_claim(
            "The summit ended with Putin urging Trump to visit Moscow soon.",
            ["symbolic gesture from Putin"],
            vc.articles(),
        )
        return [urged, *super().write(members, kind=kind, max_words=max_words, sentences=sentences)]


def test_pipeline_uses_a_writers_judge(monkeypatch):
    """An LLM writer exposing ``judge`` gets layer 3 in blurb(); the judge's (hand-written)
    verdict rejecting the unverifiable claim keeps it out of the Markdown, and only that claim
    is sent (the supported one is accepted, the contradicted ones rejected offline)."""
    from summarizer import blurb, pipeline, render_blurb

    answer = _answer({"id": 1, "supported": False, "evidence": "", "reason": "not stated"})
    writer = _UnverifiableWriter()
    client = FakeClient([answer])
    writer.judge = Judge(client)
    monkeypatch.setattr(pipeline, "get_writer", lambda settings: writer)
    result = blurb(vc.FIXTURES / "004_07f99bc872d3bf40.txt")
    assert writer.judge.usage.calls == 1
    assert "urging Trump" in client.requests[0][1].content
    assert "nine hours" not in client.requests[0][1].content
    urged = result.claims[0]
    assert urged.verdict == "repaired"  # replaced by the quoted source sentence
    assert urged.text.startswith("The meeting concluded with a symbolic gesture")
    md = render_blurb(result, "md")
    assert "urging Trump" not in md


def test_a_judge_that_refuses_says_so_in_the_failed_check():
    """A refusal (no text) was reported as "not valid JSON of the expected shape"."""

    class Refusing(FakeClient):
        async def complete(self, messages, **kw):
            return Completion(text="", no_text="the model refused: I can't judge news.")

    client = Refusing([])
    checks = asyncio.run(Judge(client).judge([JudgeItem("Sky is blue.", ["Sky blue."])]))
    assert not checks[0].passed
    assert checks[0].detail == "the model refused: I can't judge news."
