"""A reasoning model's thinking (``<think>…</think>`` in the content, as Qwen3 or DeepSeek-R1
give it without a server-side reasoning parser) is never read as its answer. Every answer here
is hand-written and labelled with what it imitates."""

from __future__ import annotations

import json

import pytest

from summarizer.structured import extract_json

from .llm_path_a import Server, article, reply, writer

REAL = {"claims": [{"text": "The Harbour Bridge reopened on Monday.", "cites": ["1"]}]}
DRAFT = {"claims": [{"text": "Draft: Trump will meet Putin in Moscow next week.", "cites": ["1"]}]}

# hand-written, imitating Qwen3 on Ollama: a draft answer inside the thinking, the answer after
THINK_WITH_DRAFT = (
    "<think>\nLet me draft the answer: "
    + json.dumps(DRAFT)
    + " Hmm, that is not in the text. Let me fix it.\n</think>\n\n"
    + json.dumps(REAL)
)
# hand-written: an empty answer mused about in the thinking
THINK_WITH_EMPTY = '<think>I should answer {"claims": []} maybe</think>\n' + json.dumps(REAL)


@pytest.mark.parametrize(
    "label, text",
    [
        ("draft inside <think>", THINK_WITH_DRAFT),
        ("empty answer inside <think>", THINK_WITH_EMPTY),
        ("<thinking> tag", f"<thinking>{json.dumps(DRAFT)}</thinking>{json.dumps(REAL)}"),
        ("<reasoning> tag", f"<reasoning>{json.dumps(DRAFT)}</reasoning>\n{json.dumps(REAL)}"),
        ("upper-case tag", f"<THINK>{json.dumps(DRAFT)}</THINK>{json.dumps(REAL)}"),
        # DeepSeek-R1's template opens <think> in the prompt: the answer has only the closing
        ("closing tag only (R1)", f"{json.dumps(DRAFT)} no\n</think>\n{json.dumps(REAL)}"),
        # a "</think>" quoted inside the thinking: all up to the last one is reasoning
        ("two closing tags", f"<think>a {json.dumps(DRAFT)} </think> b</think>{json.dumps(REAL)}"),
        (
            "block then a fenced answer",
            f"<think>{json.dumps(DRAFT)}</think>\n```json\n{json.dumps(REAL)}\n```",
        ),
    ],
)
def test_the_answer_after_the_reasoning_is_read_not_a_draft_inside_it(
    label: str, text: str
) -> None:
    assert extract_json(text) == REAL, label


def test_an_answer_that_is_all_reasoning_says_so_and_others_read_as_before() -> None:
    from summarizer.structured import strip_reasoning

    # hand-written: the token budget ran out inside the thinking, never closed
    cut = "<think>\nThe article is about a bridge. " + json.dumps(DRAFT)
    assert strip_reasoning(cut) == ""
    with pytest.raises(ValueError, match="all reasoning"):
        extract_json(cut)
    # answers without reasoning are read as before
    assert extract_json(json.dumps(REAL)) == REAL
    assert extract_json("Sure! " + json.dumps(REAL) + " {like this}") == REAL
    assert strip_reasoning(json.dumps(REAL)) == json.dumps(REAL)


def test_the_chain_takes_the_answer_after_the_thinking_without_a_reask() -> None:
    server = Server([reply(THINK_WITH_DRAFT)])
    w = writer(server)
    claims = w.write([article()], kind="blurb", max_words=None, sentences=1)
    assert [c.text for c in claims] == ["The Harbour Bridge reopened on Monday."]
    assert len(server.bodies) == 1 and not w.partial


def test_an_empty_answer_mused_about_in_the_thinking_is_not_the_answer() -> None:
    server = Server([reply(THINK_WITH_EMPTY)])
    w = writer(server)
    claims = w.write([article()], kind="blurb", max_words=None, sentences=1)
    assert [c.text for c in claims] == ["The Harbour Bridge reopened on Monday."]
    assert len(server.bodies) == 1 and not w.partial
