"""The OpenAI-compatible backend at the HTTP layer: retries, Retry-After, timeouts,
structured-output fallback. No network: the SDK talks to an in-process mock transport, and
every response here is a hand-written HTTP fixture for one specific behaviour.

The openai SDK 3.x sends through ``httpx2`` (1.x through ``httpx``), which respx does not
patch, so the tests hand the SDK an http client with a MockTransport of the matching library.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from summarizer.errors import BackendError, BadResponseError, DeadlineError
from summarizer.llm.base import Message
from summarizer.llm.openai_backend import (
    FIRST_CONTACT_BUDGET,
    MAX_RETRY_AFTER,
    MIN_RETRY_AFTER,
    OpenAIClient,
    retry_after_seconds,
)

try:  # the http library the installed openai SDK uses
    import httpx2 as httpx
except ImportError:  # pragma: no cover - openai 1.x
    import httpx  # type: ignore[no-redef]

BASE = "http://llm.test/v1"
URL = f"{BASE}/chat/completions"
SCHEMA = {"type": "object", "properties": {"points": {"type": "array"}}, "required": ["points"]}
MESSAGES = [Message(role="system", content="Answer in JSON."), Message(role="user", content="hi")]

# The exact 500 that llama-cpp-python's server answers to a json_schema response_format.
LLAMA_CPP_JSON_SCHEMA_500 = {
    "error": {
        "message": "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', "
        "'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\", "
        "'input': 'json_schema'}",
        "type": "internal_server_error",
        "param": None,
        "code": None,
    }
}


def ok(content: str = '{"points": []}', finish: str = "stop") -> httpx.Response:
    """A hand-written chat completion response."""
    return httpx.Response(
        200,
        json={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 0,
            "model": "test-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                }
            ],
            "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
        },
    )


class Server:
    """A mock endpoint: answers with ``replies`` in turn (a function answers every request)."""

    def __init__(self, replies: Any) -> None:
        self.replies = replies
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        reply = self.replies(request) if callable(self.replies) else self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply

    @property
    def call_count(self) -> int:
        return len(self.calls)

    def body(self, n: int) -> dict[str, Any]:
        return json.loads(self.calls[n].content)


def make_client(server: Server, waits: list[float], **kw: Any) -> OpenAIClient:
    """A client on ``server`` whose sleeps are recorded, not slept (backoff 0.01 s)."""

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    kw.setdefault("max_attempts", 3)
    return OpenAIClient(
        model="test-model",
        base_url=BASE,
        api_key="sk-test",
        sleep=sleep,
        wait=lambda s: 0.01,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        **kw,
    )


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_429_waits_as_long_as_retry_after_says() -> None:
    server = Server(
        [
            httpx.Response(429, headers={"Retry-After": "2"}, json={"error": {"message": "slow"}}),
            ok(),
        ]
    )
    waits: list[float] = []
    answer = run(make_client(server, waits).complete(MESSAGES))
    assert server.call_count == 2
    assert waits == [2.0]
    assert answer.text == '{"points": []}'
    assert (answer.prompt_tokens, answer.completion_tokens) == (11, 7)


def test_retry_after_zero_is_not_a_tight_loop() -> None:
    """A server that keeps saying "Retry-After: 0" gets waits that double from a floor."""
    busy = httpx.Response(503, headers={"Retry-After": "0"}, json={"error": {"message": "busy"}})
    server = Server([busy, busy, busy, ok()])
    waits: list[float] = []
    run(make_client(server, waits, max_attempts=4).complete(MESSAGES))
    assert server.call_count == 4
    assert waits == [MIN_RETRY_AFTER, 2 * MIN_RETRY_AFTER, 4 * MIN_RETRY_AFTER]


def test_retry_after_forms() -> None:
    import openai

    def err(headers: dict[str, str]) -> openai.APIStatusError:
        req = httpx.Request("POST", URL)
        return openai.RateLimitError(
            "slow", response=httpx.Response(429, headers=headers, request=req), body=None
        )

    assert retry_after_seconds(err({"retry-after-ms": "1500"})) == 1.5
    assert retry_after_seconds(err({"retry-after": "3"})) == 3.0
    assert retry_after_seconds(err({})) is None
    in_past = retry_after_seconds(err({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}))
    assert in_past == 0.0


def test_500_is_retried_with_backoff() -> None:
    server = Server([httpx.Response(500, json={"error": {"message": "overloaded"}}), ok()])
    waits: list[float] = []
    run(make_client(server, waits).complete(MESSAGES, schema=SCHEMA))
    assert server.call_count == 2
    assert waits == [0.01]
    # a 500 that does not name the response format is transient: the mode stays json_schema
    sent = server.body(1)
    assert sent["response_format"]["type"] == "json_schema"


def test_timeouts_are_retried_then_reported_clearly() -> None:
    server = Server(lambda r: httpx.ReadTimeout("slow"))
    waits: list[float] = []
    with pytest.raises(
        BackendError, match=r"did not answer within the --timeout \(after 3 attempts\)"
    ):
        run(make_client(server, waits).complete(MESSAGES))
    assert server.call_count == 3  # our 3 attempts; the SDK's own retries are off
    assert len(waits) == 2


def test_timeout_then_success() -> None:
    server = Server([httpx.ConnectTimeout("slow"), ok()])
    run(make_client(server, []).complete(MESSAGES))
    assert server.call_count == 2


def test_persistent_429_gives_backend_error_naming_the_status() -> None:
    server = Server(lambda r: httpx.Response(429, json={"error": {"message": "quota"}}))
    with pytest.raises(BackendError, match=r"HTTP 429: .*quota \(after 3 attempts\)"):
        run(make_client(server, []).complete(MESSAGES))


def test_401_is_not_retried() -> None:
    server = Server(lambda r: httpx.Response(401, json={"error": {"message": "bad key"}}))
    with pytest.raises(BackendError, match="OPENAI_API_KEY"):
        run(make_client(server, []).complete(MESSAGES))
    assert server.call_count == 1


def test_json_schema_refused_with_llama_cpp_500_falls_back_and_remembers() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body.get("response_format", {}).get("type") == "json_schema":
            return httpx.Response(500, json=LLAMA_CPP_JSON_SCHEMA_500)
        return ok()

    server = Server(answer)
    waits: list[float] = []
    client = make_client(server, waits)
    run(client.complete(MESSAGES, schema=SCHEMA))
    assert client.mode == "json_object_schema"
    assert waits == []  # a refused mode is not a transient failure: no backoff
    first, second = (server.body(i) for i in range(2))
    assert first["response_format"]["type"] == "json_schema"
    # llama.cpp's JSON mode takes the schema as a grammar; it is stated in the prompt as well
    assert second["response_format"] == {"type": "json_object", "schema": SCHEMA}
    assert "JSON schema" in second["messages"][0]["content"]
    run(client.complete(MESSAGES, schema=SCHEMA))  # the mode is remembered
    assert server.call_count == 3
    assert server.body(2)["response_format"]["type"] == "json_object"


def test_json_object_refused_falls_back_to_prompted_json() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if "response_format" in json.loads(request.content):
            return httpx.Response(400, json={"error": {"message": "response_format unsupported"}})
        return ok()

    server = Server(answer)
    client = make_client(server, [])
    run(client.complete(MESSAGES, schema=SCHEMA))
    assert client.mode == "prompted"
    assert server.call_count == 4  # json_schema, json_object + schema, json_object, prompted
    assert server.body(2)["response_format"] == {"type": "json_object"}
    last = server.body(3)
    assert "response_format" not in last
    assert '"points"' in last["messages"][0]["content"]


def test_no_schema_sends_no_response_format_and_no_auth_leak_in_completion() -> None:
    server = Server(lambda r: ok("hello"))
    answer = run(make_client(server, []).complete(MESSAGES))
    assert "response_format" not in server.body(0)
    assert server.calls[0].headers["authorization"] == "Bearer sk-test"
    assert "sk-test" not in answer.model_dump_json()


def test_retry_after_that_is_not_a_number_or_date_falls_back_to_backoff() -> None:
    server = Server(
        [httpx.Response(429, headers={"Retry-After": "soon"}, json={"error": {}}), ok()]
    )
    waits: list[float] = []
    run(make_client(server, waits).complete(MESSAGES))
    assert waits == [0.01]  # our backoff, no ValueError


def test_retry_after_as_a_future_http_date_is_honoured_up_to_the_cap() -> None:
    import email.utils
    import time

    soon = email.utils.formatdate(time.time() + 5, usegmt=True)
    later = email.utils.formatdate(time.time() + 3600, usegmt=True)
    server = Server(
        [
            httpx.Response(429, headers={"Retry-After": soon}, json={"error": {}}),
            httpx.Response(503, headers={"Retry-After": later}, json={"error": {}}),
            ok(),
        ]
    )
    waits: list[float] = []
    run(make_client(server, waits, max_attempts=None).complete(MESSAGES))
    assert 3.0 <= waits[0] <= 5.0
    assert waits[1] == MAX_RETRY_AFTER


def test_retries_are_bounded_by_time_not_by_a_count() -> None:
    """A server limiting for 10 s with Retry-After: 1 is waited out (11 attempts) ..."""
    replies = [httpx.Response(429, headers={"Retry-After": "1"}, json={"error": {}})] * 10
    server = Server([*replies, ok()])
    waits: list[float] = []
    run(make_client(server, waits, max_attempts=None).complete(MESSAGES))
    assert server.call_count == 11 and sum(waits) == 10.0
    # ... but not beyond the retry budget
    server = Server(lambda r: httpx.Response(429, headers={"Retry-After": "1"}, json={}))
    waits = []
    client = make_client(server, waits, max_attempts=None, retry_budget=5.0)
    with pytest.raises(BackendError, match="HTTP 429"):
        run(client.complete(MESSAGES))
    assert sum(waits) == 5.0


def test_the_run_deadline_stops_waiting_and_asking() -> None:
    import time

    server = Server(lambda r: httpx.Response(429, headers={"Retry-After": "30"}, json={}))
    client = make_client(server, [], max_attempts=None, deadline=time.monotonic() + 10)
    with pytest.raises(BackendError, match="HTTP 429"):  # a 30 s wait would pass the deadline
        run(client.complete(MESSAGES))
    assert server.call_count == 1
    client.deadline = time.monotonic() - 1
    with pytest.raises(DeadlineError, match="--deadline"):
        run(client.complete(MESSAGES))
    assert server.call_count == 1


@pytest.mark.parametrize(
    "body",
    [
        httpx.Response(200, content=b"<html>gateway</html>", headers={"content-type": "text/html"}),
        httpx.Response(200, content=b"{not json", headers={"content-type": "application/json"}),
        httpx.Response(200, json={"unexpected": True}),
    ],
    ids=["html", "broken-json", "not-a-completion"],
)
def test_a_200_whose_body_is_not_a_chat_completion_is_a_backend_error(
    body: httpx.Response,
) -> None:
    server = Server([body])
    with pytest.raises(BadResponseError, match="not") as caught:
        run(make_client(server, []).complete(MESSAGES))
    assert caught.value.exit_code == 3


def test_a_client_prepared_in_advance_is_the_one_the_first_call_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``prepare`` makes the SDK client before any loop runs (the briefing does it while dedup
    forks); the first call, on its own loop, uses that one rather than making another."""
    import openai

    made: list[object] = []
    real = openai.AsyncOpenAI

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(openai, "AsyncOpenAI", counted)
    server = Server(lambda request: ok('{"points": ["a"]}'))
    client = make_client(server, [])
    client.prepare()
    client.prepare()  # once is enough
    assert len(made) == 1
    answer = run(client.complete(MESSAGES, schema=SCHEMA))
    assert json.loads(answer.text) == {"points": ["a"]}
    assert len(made) == 1 and server.call_count == 1
    run(client.complete(MESSAGES, schema=SCHEMA))  # a second loop gets a client of its own
    assert len(made) == 2


def test_a_client_that_cannot_be_prepared_fails_at_its_first_call_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import openai

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise openai.OpenAIError("cannot make the client")

    monkeypatch.setattr(openai, "AsyncOpenAI", broken)
    client = make_client(Server([ok()]), [])
    client.prepare()  # quiet: the error belongs to the first call
    with pytest.raises(BackendError, match="cannot make the client"):
        run(client.complete(MESSAGES, schema=SCHEMA))


def test_a_server_error_quoting_the_api_key_never_shows_it() -> None:
    """Some servers echo the key they refused (403 here): the error line printed it whole."""
    said = {"error": {"message": "key sk-test is not allowed for this model"}}
    server = Server(lambda r: httpx.Response(403, json=said))
    with pytest.raises(BackendError, match="HTTP 403") as caught:
        run(make_client(server, []).complete(MESSAGES))
    assert "sk-test" not in str(caught.value) and "is not allowed" in str(caught.value)


def test_credentials_in_the_base_url_never_show_in_errors() -> None:
    """``http://user:password@host/v1`` (a server behind basic auth) was printed as given."""
    server = Server(lambda r: httpx.ConnectError("refused"))
    client = make_client(server, [], max_attempts=1)
    client.base_url = "http://bob:hunter2secret@llm.test/v1"
    with pytest.raises(BackendError, match="unreachable") as caught:
        run(client.complete(MESSAGES))
    assert "hunter2secret" not in str(caught.value)
    assert "http://[redacted]@llm.test/v1" in str(caught.value)


def test_a_404_says_to_check_the_base_url_and_the_model() -> None:
    """A base URL without /v1 (vLLM, Ollama) got "HTTP 404: Error code: 404" and no clue."""
    server = Server(lambda r: httpx.Response(404, json={"detail": "Not Found"}))
    with pytest.raises(BackendError, match="HTTP 404") as caught:
        run(make_client(server, []).complete(MESSAGES))
    assert "--base-url is the API root (most end in /v1)" in str(caught.value)
    assert "--model 'test-model'" in str(caught.value)
    assert server.call_count == 1


def test_a_403_without_a_body_says_what_to_check() -> None:
    """A 403 with an empty body was "answered HTTP 403: Error code: 403" and nothing more."""
    server = Server(lambda r: httpx.Response(403))
    with pytest.raises(BackendError, match="HTTP 403") as caught:
        run(make_client(server, []).complete(MESSAGES))
    assert "check that OPENAI_API_KEY may use --model 'test-model'" in str(caught.value)
    assert server.call_count == 1


def test_a_prompt_too_long_for_the_context_keeps_the_mode_and_says_what_to_pass() -> None:
    """llama.cpp started with a small -c answers 400 "exceeds the available context size":
    that was taken for a refused response_format, so the client stepped down to prompted JSON
    for the rest of the run (three more doomed requests) and named no way out."""
    too_long = {
        "error": {
            "code": 400,
            "message": "the request exceeds the available context size, try increasing it",
            "type": "exceed_context_size_error",
        }
    }
    server = Server(lambda r: httpx.Response(400, json=too_long))
    client = make_client(server, [])
    with pytest.raises(BackendError, match="exceeds the available context size") as caught:
        run(client.complete(MESSAGES, schema=SCHEMA))
    assert client.mode == "json_schema" and server.call_count == 1
    assert "pass --context-window" in str(caught.value)


def test_a_server_never_reached_that_refuses_connections_fails_in_seconds() -> None:
    """A closed port with --model was retried for the whole 120 s budget per request (about
    2.5 minutes before "is the server running?"): nothing listens there, nothing will."""
    server = Server(lambda r: httpx.ConnectError("connection refused"))
    waits: list[float] = []
    client = make_client(server, waits, max_attempts=None)
    client._backoff = lambda attempt: 1.0  # noqa: SLF001 - a round second per attempt
    with pytest.raises(BackendError, match="is the server running"):
        run(client.complete(MESSAGES))
    assert sum(waits) == FIRST_CONTACT_BUDGET


def test_a_refused_connection_after_the_server_answered_gets_the_whole_budget() -> None:
    """Once the server has answered, a refused connection is a restart: waited out as before."""
    refused = [httpx.ConnectError("connection refused")] * 15
    server = Server([ok(), *refused, ok()])
    waits: list[float] = []
    client = make_client(server, waits, max_attempts=None)
    client._backoff = lambda attempt: 1.0  # noqa: SLF001
    run(client.complete(MESSAGES))
    run(client.complete(MESSAGES))
    assert server.call_count == 17 and sum(waits) == 15.0
