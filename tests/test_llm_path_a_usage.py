"""A server that sends no ``usage`` does not make a run read as free: its calls are counted as
unreported and the cost is unknown (null in JSON, "cost unknown" on stderr), also when only one
call of many lacks it. Every answer here is hand-written."""

from __future__ import annotations

import json

import pytest

from summarizer import cli, pipeline
from summarizer.models import Usage
from summarizer.settings import Settings

from .llm_path_a import TEXT, Server, article, client, reply, writer

GOOD = {"claims": [{"text": "The Harbour Bridge reopened on Monday.", "cites": ["1"]}]}


def test_an_answer_without_usage_makes_the_cost_unknown_not_zero() -> None:
    w = writer(Server([reply(GOOD, usage=None)]))  # gpt-4o-mini: a priced model
    w.write([article()], kind="blurb", max_words=None, sentences=1)
    assert w.usage.calls == 1
    assert w.usage.cost_usd is None  # was 0.0: "free"
    assert w.usage.model_dump()["unreported_calls"] == 1
    # a server that reports usage is priced as before
    priced = writer(Server([reply(GOOD)]))
    priced.write([article()], kind="blurb", max_words=None, sentences=1)
    assert priced.usage.cost_usd == pytest.approx((100 * 0.15 + 20 * 0.60) / 1e6)
    assert priced.usage.model_dump()["unreported_calls"] == 0


def test_one_call_without_usage_among_many_makes_the_total_unknown() -> None:
    reported = Usage()
    reported.record(cached=False, prompt_tokens=1000, completion_tokens=100, cost=0.0003)
    reported.record(cached=False, prompt_tokens=1000, completion_tokens=100, cost=0.0003)
    silent = Usage()  # e.g. the judge's one call, its server's answer without usage
    silent.record(cached=False, prompt_tokens=None, completion_tokens=None, cost=0.0)
    total = Usage()
    total.add(reported)
    total.add(silent)
    assert total.cost_usd is None  # was 0.0006: an undercount shown as the cost
    assert (total.calls, total.prompt_tokens) == (3, 2000)
    assert (
        total.spent() == "2000+200 tokens (1 of 3 calls not reported by the server) · cost unknown"
    )
    # ... and in the other order: a later priced call does not make it known again
    total.record(cached=False, prompt_tokens=10, completion_tokens=1, cost=0.1)
    assert total.cost_usd is None
    # a cache hit is no call of unknown usage
    total.record(cached=True, prompt_tokens=0, completion_tokens=0, cost=None)
    assert total.model_dump()["unreported_calls"] == 1


ZERO = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}


def test_a_usage_of_zero_tokens_is_reported_not_unknown() -> None:
    """A server's cached answer reports 0 and 0 tokens: that is a free call, not one of
    unknown cost (it was counted as unreported, as if the usage were missing)."""
    w = writer(Server([reply(GOOD, usage=ZERO)]))  # gpt-4o-mini: a priced model
    w.write([article()], kind="blurb", max_words=None, sentences=1)
    assert w.usage.calls == 1
    assert w.usage.model_dump()["unreported_calls"] == 0
    assert w.usage.cost_usd == 0.0
    assert w.usage.spent() == "0+0 tokens"


@pytest.mark.parametrize(
    ("body", "counts"),
    [
        ({}, (None, None)),
        ({"usage": None}, (None, None)),
        ({"usage": {}}, (None, None)),
        ({"usage": {"prompt_tokens": None, "completion_tokens": None}}, (None, None)),
        ({"usage": ZERO}, (0, 0)),
        ({"usage": {"prompt_tokens": 12}}, (12, 0)),
    ],
    ids=["absent", "null", "empty", "nulls", "zeros", "prompt only"],
)
def test_usage_absent_is_told_from_usage_reported_as_zero(
    body: dict[str, object], counts: tuple[int | None, int | None]
) -> None:
    from summarizer.llm.base import usage_of  # new here: the old code read usage in each backend
    from summarizer.llm.batch import completion_from_body

    assert usage_of(body) == counts
    done = completion_from_body({"choices": [{"message": {"content": "x"}}], **body}, "m")
    assert (done.prompt_tokens, done.completion_tokens) == counts  # the Batch API's reading


def test_the_summary_line_and_the_json_say_cost_unknown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = Server([reply(GOOD, usage=None)])
    settings = Settings(backend="openai", judge=False, no_cache=True)
    result = pipeline.blurb(TEXT, sentences=1, settings=settings, client=client(server))
    data = json.loads(result.model_dump_json())
    assert data["usage"]["cost_usd"] is None and data["usage"]["unreported_calls"] == 1
    cli._summary([result], quiet=False)
    err = capsys.readouterr().err
    assert "tokens not reported by the server · cost unknown" in err
    assert "0+0 tokens" not in err
