"""A reasoning model that thinks until the token limit and writes no answer is told apart from
an answer cut off for length, and the ``reasoning_tokens`` setting gives it room. Every answer
here is hand-written, imitating what the labelled servers send."""

from __future__ import annotations

import pytest

from summarizer import pipeline
from summarizer.errors import UnusableAnswerError
from summarizer.llm.base import why_no_text
from summarizer.settings import Settings

from .llm_path_a import TEXT, Server, article, client, reply, writer

SPENT = "spent its whole token budget on reasoning"
THOUGHTS = "Let me think about this article carefully. " * 100  # about 4 KB
GOOD = {"claims": [{"text": "The Harbour Bridge reopened on Monday.", "cites": ["1"]}]}


def exhausted() -> object:
    """vLLM or llama.cpp with a reasoning parser: ``content: null``, the thinking beside it."""
    return reply(None, "length", reasoning_content=THOUGHTS)


def test_thinking_to_the_limit_says_so_and_names_the_setting() -> None:
    server = Server([exhausted(), exhausted()])
    w = writer(server)
    with pytest.raises(UnusableAnswerError) as info:
        w.write([article()], kind="blurb", max_words=None, sentences=1)
    message = str(info.value)
    assert SPENT in message and "reasoning_tokens in the config file, now 0" in message
    assert "give fewer, shorter items" not in message  # the hint that sent users astray


def test_an_unclosed_think_block_to_the_limit_is_the_same_case() -> None:
    # llama.cpp without a reasoning parser: the thinking is the content, cut off unclosed
    cut = reply("<think>\n" + THOUGHTS, "length")
    w = writer(Server([cut, cut]))
    with pytest.raises(UnusableAnswerError, match=SPENT):
        w.write([article()], kind="blurb", max_words=None, sentences=1)


def test_ollama_names_the_thinking_reasoning() -> None:
    message = {"role": "assistant", "content": "", "reasoning": THOUGHTS}
    assert SPENT in (why_no_text(message, "length") or "")
    # a plain empty answer is still just empty
    assert why_no_text({"role": "assistant", "content": ""}, "stop") == "the answer was empty"


def test_the_reasoning_tokens_setting_raises_every_calls_answer_budget() -> None:
    plain, roomy = Server([reply(GOOD)]), Server([reply(GOOD)])
    for server, extra in ((plain, 0), (roomy, 2000)):
        settings = Settings(backend="openai", judge=False, no_cache=True, reasoning_tokens=extra)
        pipeline.blurb(TEXT, sentences=1, settings=settings, client=client(server))
    assert roomy.bodies[0]["max_tokens"] == plain.bodies[0]["max_tokens"] + 2000
