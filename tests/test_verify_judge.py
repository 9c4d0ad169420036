"""The LLM judge (layer 3), tested with a fake client that returns queued, hand-written answers.

Every Completion below is a hand-written fixture for one behaviour (a valid verdict, an invented
evidence span, a refusal, malformed JSON); none is a recorded model response.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from summarizer.judge import Judge, JudgeItem
from summarizer.llm.base import Completion, Message
from summarizer.prompts import load_prompt
from summarizer.verify import verify_claims

from . import verify_cases as vc


class FakeClient:
    """An LLMClient that answers with queued completions and records what it was asked."""

    name = "fake"
    model = "fake-model"
    context_window = 8192

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.requests: list[list[Message]] = []

    async def complete(
        self, messages, *, schema=None, max_tokens=1024, temperature=0.0, prompt=None
    ):
        self.requests.append(messages)
        assert schema is not None and "verdicts" in json.dumps(schema)
        return Completion(text=self.answers.pop(0), prompt_tokens=100, completion_tokens=20)


def _answer(*verdicts: dict) -> str:
    return json.dumps({"verdicts": list(verdicts)})


@pytest.fixture(scope="module")
def arts():
    return vc.articles()


@pytest.fixture(scope="module")
def index(arts):
    return vc.sentence_index(arts)


def _paraphrase(arts):
    return vc.make_claim(
        "Ukraine has accepted a 30-day ceasefire that the U.S. proposed.",
        ["30-day ceasefire"],
        arts,
    )


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
    assert "Ukraine has accepted a 30-day ceasefire" in prompt
    assert "Ukraine recently accepted a U.S.-proposed 30-day ceasefire" in prompt


def test_invented_evidence_span_fails_the_claim(arts, index):
    answer = _answer(
        {"id": 1, "supported": True, "evidence": "Ukraine gladly accepted", "reason": "ok"}
    )
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])), repair=False)
    assert out[0].verdict == "rejected"
    assert "not in the cited text" in out[0].checks[-1].detail


def test_judge_failure_is_repaired_by_quoting_the_source(arts, index):
    answer = _answer({"id": 1, "supported": False, "evidence": "", "reason": "overstates"})
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])))
    assert out[0].verdict == "repaired"
    assert out[0].text == out[0].citations[0].text
    assert out[0].original_text == "Ukraine has accepted a 30-day ceasefire that the U.S. proposed."
    assert any(c.name == "judge" and not c.passed for c in out[0].checks)


@pytest.mark.parametrize(
    "answer",
    ["not json at all", '{"verdicts": [{"id": 1}]}', _answer()],
    ids=["malformed", "wrong shape", "missing verdict"],
)
def test_unreadable_answers_fail_closed(arts, index, answer):
    out = verify_claims([_paraphrase(arts)], index, judge=Judge(FakeClient([answer])), repair=False)
    assert out[0].verdict == "rejected"
    assert out[0].checks[-1].name == "judge" and not out[0].checks[-1].passed


def test_batches_and_skips_exact_quotes(arts, index):
    claims = [vc.make_claim(t, s, arts) for t, s in vc.PARAPHRASES[:5]]
    quote = vc.make_claim("", ["Trump has shifted U.S. policy"], arts)
    quote = quote.model_copy(update={"text": quote.citations[0].text})
    answers = []
    for batch in (claims[:2], claims[2:4], claims[4:]):
        answers.append(
            _answer(
                *(
                    {"id": n, "supported": True, "evidence": c.citations[0].text[:30], "reason": ""}
                    for n, c in enumerate(batch, 1)
                )
            )
        )
    client = FakeClient(answers)
    out = verify_claims([*claims, quote], index, judge=Judge(client, batch_size=2))
    assert len(client.requests) == 3  # 5 claims in batches of 2; the exact quote is not sent
    assert [c.verdict for c in out] == ["accepted"] * 6
    assert all(quote.text not in m.content for r in client.requests for m in r)


def test_works_inside_a_running_event_loop(arts, index):
    answer = _answer(
        {"id": 1, "supported": True, "evidence": "U.S.-proposed 30-day ceasefire", "reason": ""}
    )

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


def test_pipeline_uses_a_writers_judge(monkeypatch):
    """An LLM writer exposing ``judge`` gets layer 3 in blurb(); the judge's (hand-written)
    verdict rejecting the faithful-looking claim keeps it out of the Markdown."""
    from summarizer import blurb, pipeline, render_blurb

    answer = _answer({"id": 1, "supported": False, "evidence": "", "reason": "not stated"})
    writer = vc.HandWrittenWriter()
    writer.judge = Judge(FakeClient([answer]))
    monkeypatch.setattr(pipeline, "get_writer", lambda settings: writer)
    result = blurb(vc.FIXTURES / "004_07f99bc872d3bf40.txt")
    assert writer.judge.usage.calls == 1
    invited = result.claims[0]
    assert invited.verdict == "repaired"  # replaced by the quoted source sentence
    assert invited.text.startswith("The meeting concluded with a symbolic gesture")
    md = render_blurb(result, "md")
    assert "Putin publicly invited Trump to Moscow for the next round" not in md
