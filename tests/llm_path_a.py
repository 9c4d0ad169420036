"""Hand-written chat completions for the tests of the LLM path's answer handling
(test_llm_path_a_*.py, test_mapreduce.py), served to the real OpenAI backend over a mock HTTP
transport (no network). Every answer is written by hand for one behaviour; none comes from a
model.
"""

from __future__ import annotations

import json
from typing import Any

from summarizer.ingest import make_article
from summarizer.llm.openai_backend import OpenAIClient
from summarizer.mapreduce import LLMWriter
from summarizer.models import Article

try:  # the http library the installed openai SDK uses
    import httpx2 as httpx
except ImportError:  # pragma: no cover - openai 1.x
    import httpx  # type: ignore[no-redef]

TEXT = """Harbour Bridge Reopens After Repairs

The Harbour Bridge reopened to traffic on Monday after eight months of repairs.
Engineers replaced 40 steel cables and resurfaced the deck.

The work cost 12 million dollars, paid by the regional government.
Officials said tolls will stay at their current level until next year.
"""

# the map stage runs: every sentence is read (no selection), and the article exceeds this
# reduce budget (an article that fits one reduce call skips the map)
MAP_STAGE: dict[str, Any] = {"select": False, "reduce_tokens": 60}

USAGE = {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}


def article() -> Article:
    return make_article(TEXT)


def reply(
    content: str | dict[str, Any] | None,
    finish: str = "stop",
    *,
    usage: dict[str, int] | None = USAGE,
    **message: Any,
) -> httpx.Response:
    """A chat completion; ``usage=None`` leaves the usage object out, as some servers do."""
    text = content if content is None or isinstance(content, str) else json.dumps(content)
    body: dict[str, Any] = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text, **message},
                "finish_reason": finish,
            }
        ],
    }
    if usage is not None:
        body["usage"] = usage
    return httpx.Response(200, json=body)


class Server:
    """Answers requests with ``replies`` in turn, or by ``route(body)``; keeps the bodies."""

    def __init__(self, replies: list[httpx.Response], route: Any = None) -> None:
        self.replies = replies
        self.route = route
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        return self.route(body) if self.route else self.replies.pop(0)


def client(server: Server, model: str = "gpt-4o-mini") -> OpenAIClient:
    return OpenAIClient(
        model=model,
        base_url="http://llm.test/v1",
        api_key="sk-test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
    )


def writer(server: Server, **kw: Any) -> LLMWriter:
    return LLMWriter(client(server), **kw)
