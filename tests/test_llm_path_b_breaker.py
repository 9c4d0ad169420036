"""The OpenAI backend's run-wide breaker, its first-retry warning and the llama.cpp json_schema
probe, at the HTTP layer (an in-process mock transport: no network, no real waits; attempts
are counted, never timed)."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from summarizer.errors import BackendError
from summarizer.llm.base import Message
from summarizer.llm.breaker import ServerDownError
from summarizer.llm.openai_backend import OpenAIClient

try:  # the http library the installed openai SDK uses
    import httpx2 as httpx
except ImportError:  # pragma: no cover - openai 1.x
    import httpx  # type: ignore[no-redef]

BASE = "http://llm.test/v1"
SCHEMA = {"type": "object", "properties": {"points": {"type": "array"}}, "required": ["points"]}
MESSAGES = [Message(role="system", content="Answer in JSON."), Message(role="user", content="hi")]


def ok() -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": '{"points": []}'},
                    "finish_reason": "stop",
                }
            ],
        },
    )


def err500(message: str = "Internal Server Error") -> httpx.Response:
    return httpx.Response(500, json={"error": {"message": message}})


class Server:
    """Answers each request with ``reply(request)``; keeps the bodies sent."""

    def __init__(self, reply: Any) -> None:
        self.reply = reply
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        return self.reply(request)  # type: ignore[no-any-return]

    @property
    def posts(self) -> int:
        return len(self.bodies)


class Clock:
    """Time that passes only when the client sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def client_on(server: Server, *, clock: Clock | None = None, **kw: Any) -> OpenAIClient:
    clock = clock or Clock()

    async def sleep(seconds: float) -> None:
        clock.now += seconds
        await asyncio.sleep(0)

    kw.setdefault("max_attempts", 2)
    return OpenAIClient(
        model="m",
        base_url=BASE,
        api_key="sk-test",
        sleep=kw.pop("sleep", sleep),
        wait=kw.pop("wait", lambda attempt: 0.01),
        clock=clock,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(server)),
        **kw,
    )


async def outcomes(client: OpenAIClient, n: int, schema: Any = None) -> list[str]:
    """``n`` calls one after another: "ok", or the error's message."""
    out = []
    for _ in range(n):
        try:
            await client.complete(MESSAGES, schema=schema)
            out.append("ok")
        except BackendError as exc:
            out.append(str(exc))
    return out


def test_after_three_calls_fail_every_retry_the_rest_fail_at_once() -> None:
    server = Server(lambda r: err500())
    got = asyncio.run(outcomes(client_on(server), 6))
    assert server.posts == 6  # 3 calls x 2 attempts; the other 3 calls sent nothing
    assert "after 2 attempts" in got[0] and "after 2 attempts" in got[1]
    for message in got[2:]:
        assert message.startswith("LLM server http://llm.test/v1 failed every request: ")
        assert "HTTP 500" in message and "stopped after 3 calls" in message
        assert "\n" not in message


def test_the_calls_that_fail_fast_are_server_down_errors() -> None:
    async def go() -> None:
        client = client_on(Server(lambda r: err500()))
        await outcomes(client, 3)
        with pytest.raises(ServerDownError):
            await client.complete(MESSAGES)

    asyncio.run(go())


def test_a_success_closes_the_breaker_and_occasional_failures_never_trip_it() -> None:
    plan = iter(
        # 2 calls give up; 1 succeeds; 4 calls fail once then succeed; 3 give up; 1 is not sent
        ["500"] * 4 + ["ok"] + ["500", "ok"] * 4 + ["500"] * 6 + ["ok"] * 10
    )
    server = Server(lambda r: ok() if next(plan) == "ok" else err500())
    got = asyncio.run(outcomes(client_on(server), 11))
    assert [g == "ok" for g in got] == [False, False, True] + [True] * 4 + [False] * 4
    assert server.posts == 4 + 1 + 8 + 6
    assert "every request since its last answer" in got[-1]


def test_nothing_succeeding_for_a_whole_retry_budget_stops_the_run() -> None:
    """With one call at a time, three calls giving up would take three budgets."""
    server = Server(lambda r: err500())
    clock = Clock()
    client = client_on(
        server, clock=clock, max_attempts=None, retry_budget=10.0, wait=lambda attempt: 4.0
    )
    got = asyncio.run(outcomes(client, 3))
    # the first call: attempts at 0, 4, 8 s, then 12 s would pass its budget: it gives up;
    # the second: 8 s, then 12 s, when nothing has worked for 10 s: the breaker opens
    assert server.posts == 5
    assert "after 3 attempts" in got[0]
    assert got[1] == got[2] and "failed every request" in got[1]
    assert "stopped after 1 call used up" in got[1]


def test_calls_in_flight_stop_retrying_when_the_breaker_opens() -> None:
    server = Server(lambda r: err500())

    async def go() -> list[Any]:
        client = client_on(server, max_attempts=4, breaker_calls=1)
        calls = [client.complete(MESSAGES) for _ in range(4)]
        return list(await asyncio.gather(*calls, return_exceptions=True))

    got = asyncio.run(go())
    assert all(isinstance(g, BackendError) for g in got)
    assert server.posts < 4 * 4  # once one call gave up, the others stopped retrying
    assert any(isinstance(g, ServerDownError) for g in got)


def test_a_call_waiting_out_a_retry_after_stops_when_the_breaker_opens() -> None:
    """A 429 asks one call to wait 60 s (30, capped); meanwhile another call uses up its
    retries and opens the breaker. The waiting call stops then: it neither sleeps its wait out
    nor sends again. Its long sleep never ends by itself here, so on the old code (a plain
    sleep) the call is still waiting after the breaker opened."""

    def reply(request: httpx.Request) -> httpx.Response:
        if json.loads(request.content)["messages"][-1]["content"] == "slow":
            return httpx.Response(
                429, json={"error": {"message": "slow down"}}, headers={"Retry-After": "60"}
            )
        return err500()

    server = Server(reply)
    waits: list[str] = []  # what happened to the long wait

    async def sleep(seconds: float) -> None:
        if seconds < 1:  # the failing call's short backoff
            await asyncio.sleep(0)
            return
        waits.append("started")
        try:
            await asyncio.Event().wait()  # a wait that only ends when cut short
        except asyncio.CancelledError:
            waits.append("cut short")
            raise

    async def settle(condition: Any) -> None:
        for _ in range(1000):  # loop turns, not seconds: the mock transport needs a few
            if condition():
                return
            await asyncio.sleep(0)

    async def go() -> tuple[bool, Any, Any]:
        client = client_on(server, sleep=sleep, breaker_calls=1)
        slow_messages = [Message(role="user", content="slow")]
        slow = asyncio.ensure_future(client.complete(slow_messages))
        await settle(lambda: waits)  # the slow call is waiting to retry
        failed = (await asyncio.gather(client.complete(MESSAGES), return_exceptions=True))[0]
        await settle(slow.done)
        stopped = slow.done()
        slow.cancel()
        outcome = (await asyncio.gather(slow, return_exceptions=True))[0]
        return stopped, failed, outcome

    stopped, failed, outcome = asyncio.run(go())
    assert isinstance(failed, ServerDownError)  # 2 attempts, breaker_calls=1: it opened
    assert stopped, "the waiting call was still sleeping its Retry-After after the breaker opened"
    assert isinstance(outcome, ServerDownError) and "failed every request" in str(outcome)
    assert waits == ["started", "cut short"]
    assert server.posts == 1 + 2  # the slow call never sent again


def test_the_first_retry_of_a_run_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    plan = iter(["500", "ok", "500", "ok"])
    server = Server(lambda r: ok() if next(plan) == "ok" else err500())
    with caplog.at_level(logging.INFO, logger="summarizer"):
        got = asyncio.run(outcomes(client_on(server), 2))
    assert got == ["ok", "ok"]
    warned = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warned) == 1
    said = warned[0].getMessage()
    assert (
        "HTTP 500" in said
        and "retrying" in said
        and "once 3 requests in a row have used up their retries" in said
    )


def json_schema_fails(request: httpx.Request) -> httpx.Response:
    """llama.cpp's server as the tester's ``llamacpp2``: a 500 naming nothing to json_schema."""
    body = json.loads(request.content)
    if body.get("response_format", {}).get("type") == "json_schema":
        return err500()
    return ok()


def test_two_500s_to_the_first_json_schema_request_try_json_object_once() -> None:
    server = Server(json_schema_fails)

    async def go() -> OpenAIClient:
        client = client_on(server, max_attempts=3)
        await client.complete(MESSAGES, schema=SCHEMA)
        await client.complete(MESSAGES, schema=SCHEMA)  # the mode is remembered
        return client

    client = asyncio.run(go())
    assert client.mode == "json_object_schema"
    sent = [b.get("response_format", {}).get("type") for b in server.bodies]
    assert sent == ["json_schema", "json_schema", "json_object", "json_object"]
    assert server.bodies[2]["response_format"]["schema"] == SCHEMA


def test_concurrent_first_calls_follow_the_probe_instead_of_retrying() -> None:
    server = Server(json_schema_fails)

    async def go() -> list[Any]:
        client = client_on(server, max_attempts=3)
        calls = [client.complete(MESSAGES, schema=SCHEMA) for _ in range(4)]
        return list(await asyncio.gather(*calls, return_exceptions=True))

    got = asyncio.run(go())
    assert not [g for g in got if isinstance(g, BaseException)]
    assert sum(b["response_format"]["type"] == "json_schema" for b in server.bodies) <= 5


def test_a_server_failing_everything_is_probed_once_and_keeps_its_mode() -> None:
    server = Server(lambda r: err500())

    async def go() -> OpenAIClient:
        client = client_on(server, max_attempts=3)
        await outcomes(client, 2, schema=SCHEMA)
        return client

    client = asyncio.run(go())
    assert client.mode == "json_schema"
    sent = [b["response_format"]["type"] for b in server.bodies]
    assert sent.count("json_object") == 1  # one probe for the run, not one per call
    assert server.posts == 3 + 1 + 3


def test_a_briefing_that_lost_every_story_says_the_server_failed_every_request() -> None:
    """The first story's error is one call's; the breaker's line says why all were lost."""
    from types import SimpleNamespace

    from summarizer import pipeline

    class Writer:
        problems: list[str] = []
        partial = False

        def write_stories(self, jobs: Any, finish: Any, sizes: Any) -> list[BackendError]:
            return [BackendError("HTTP 500 (after 8 attempts)"), ServerDownError("down")]

    groups = [SimpleNamespace(article_ids=["a"], title=t, id=t) for t in ("one", "two")]
    with pytest.raises(ServerDownError, match="no story could be written: down"):
        pipeline._write_stories(Writer(), groups, [], lambda n, c: None, None)  # type: ignore[arg-type]
