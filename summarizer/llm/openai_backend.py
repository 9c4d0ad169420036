"""The OpenAI-compatible backend: OpenAI itself or any server speaking its API (vLLM, Ollama,
llama.cpp). The only module that imports ``openai``.

Retries are ours and the SDK's own are off (``max_retries=0``) so attempts never multiply.
They are bounded by time, not by a count: 429, 5xx, timeouts and dropped connections are
retried (exponential backoff with jitter, or the server's ``Retry-After`` up to a cap) while
the request's retry budget and the run's deadline allow. Every failure, including a 200 whose
body is not a chat completion, becomes a :class:`BackendError` with a one-line message. Above
the requests, a run-wide breaker (:mod:`summarizer.llm.breaker`) fails every later call at once
when the server has failed every request: ``BREAKER_CALLS`` calls in a row used up their
retries, or none succeeded for a whole retry budget. The first retry of a run is a WARNING
(seen without a terminal or ``-v``), so a long wait is never silent.

Structured output degrades per client: ``json_schema`` -> ``json_object`` with a ``schema``
(llama.cpp's grammar-constrained JSON mode) -> plain ``json_object`` -> the schema stated in
the prompt, moving down when a server rejects a mode (400/422, or a 500 that names the
response format, which is what llama-cpp-python's server answers) and remembering the mode.
Two 500s in a row that name nothing, to the first ``json_schema`` request, are tried once as
llama.cpp's ``json_object`` (its server answers 500 to ``json_schema``): an answer there moves
the mode down.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import openai

from ..errors import BackendError, BadResponseError, ConfigError, DeadlineError
from ..settings import hide_secrets, shown_url
from .base import Completion, Message, usage_of, why_no_text
from .breaker import BREAKER_CALLS, Breaker, ServerDownError
from .catalog import context_window as known_context_window
from .limit import stop_if_cancelled

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT = 120.0  # seconds per request
DEFAULT_RETRY_BUDGET = 120.0  # seconds one request may spend on attempts and waits
MAX_RETRY_AFTER = 30.0  # never wait longer than this on a server's say-so
# A server this client has never reached that refuses the connection (down, wrong port, a
# typo in the host) is not coming back within one request's budget: 120 s per request kept a
# careless user waiting minutes for "is the server running?". Once it has answered, a refused
# connection is a restart, and gets the whole budget.
FIRST_CONTACT_BUDGET = 10.0
# ... nor less than this, doubling with each attempt up to 1 s: "Retry-After: 0" from a server
# that keeps failing would otherwise be retried hundreds of times a second
MIN_RETRY_AFTER = 0.05
Mode = Literal["json_schema", "json_object_schema", "json_object", "prompted"]
# json_object_schema is llama.cpp's extension: JSON mode constrained by a schema grammar
MODES: tuple[Mode, ...] = ("json_schema", "json_object_schema", "json_object", "prompted")
# a 404 is nearly always the URL (vLLM, Ollama and OpenAI answer under /v1) or the model name
NOT_FOUND_HINT = "check that --base-url is the API root (most end in /v1)"
WaitFn = Callable[[int], float]  # attempt number (1, 2, ...) -> seconds to back off


class _FormatRejected(Exception):
    """The server refused the structured-output mode we asked for."""


class _ModeChanged(Exception):
    """Another call moved the client's mode down while this one waited to retry: retry in
    the new mode (a 500 to json_schema was retried for its whole budget by every call sent
    before the first one found out)."""


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return False


def _refused(exc: BaseException) -> bool:
    """The connection itself failed (refused, unresolvable host): nothing is listening there,
    as opposed to a timeout or a connection dropped by a server that is up."""
    if not isinstance(exc, openai.APIConnectionError) or isinstance(exc, openai.APITimeoutError):
        return False
    cause = exc.__cause__
    return cause is not None and type(cause).__name__ == "ConnectError"


def backoff(attempt: int) -> float:
    """Exponential backoff with jitter: about 1, 2, 4 ... seconds, at most 30."""
    return float(min(30.0, 2.0 ** (attempt - 1))) + random.uniform(0, 1)


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """The wait a 429/5xx response asks for (``retry-after-ms`` or ``Retry-After`` in seconds
    or as an HTTP date), or None when absent or unreadable (e.g. ``Retry-After: soon``)."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    if ms := headers.get("retry-after-ms"):
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)  # an HTTP date
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:  # pragma: no cover - older Pythons return None for garbage
        return None
    return max(0.0, when.timestamp() - time.time())


class OpenAIClient:
    """An :class:`~summarizer.llm.base.LLMClient` over the OpenAI chat completions API."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        context_window: int | None = None,
        retry_budget: float = DEFAULT_RETRY_BUDGET,
        deadline: float | None = None,
        max_attempts: int | None = None,
        wait: WaitFn | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        http_client: Any = None,  # an async http client of the SDK's http library (tests)
        mode: Mode = "json_schema",
        breaker_calls: int = BREAKER_CALLS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``deadline`` is a ``time.monotonic()`` instant after which no request starts or
        waits (the run's ``--deadline``); ``max_attempts`` optionally caps the count too.
        ``breaker_calls`` and ``clock`` set the run-wide breaker (tests pass a fake clock)."""
        self.model = model
        self.name = f"openai:{model.rsplit('/', 1)[-1]}"  # a server may name it by its path
        self.base_url = base_url
        self.context_window = known_context_window(model, context_window)
        self.mode: Mode = mode  # the strongest structured-output mode not yet refused
        self.deadline = deadline
        self._api_key = api_key
        self._timeout = timeout
        self._retry_budget = retry_budget
        self._max_attempts = max_attempts
        self._backoff: WaitFn = wait or backoff
        self._sleep = sleep
        self._http_client = http_client
        self._client: openai.AsyncOpenAI | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready: openai.AsyncOpenAI | None = None  # made by ``prepare``, not used yet
        self._ready_lock = threading.Lock()
        self._reached = False  # whether the server has answered this client once
        self.breaker = Breaker(self._where(), calls=breaker_calls, window=retry_budget, clock=clock)
        self._warned = False  # whether a retry was logged at WARNING yet (once a run)
        self._schema_ok = False  # whether a json_schema request was ever answered
        self._probed = False  # whether a 500 to json_schema was tried as json_object once

    def prepare(self) -> None:
        """Make the SDK client now, for the first loop that calls: its set-up (the TLS
        context reads the certificate store, 30-50 ms of CPU) then happens before the first
        request rather than delaying it. A failure is left for that request to raise."""
        with self._ready_lock:
            if self._ready is None and self._client is None:
                try:
                    self._ready = self._new_sdk()
                except Exception:  # noqa: BLE001 - the first call makes it again and reports
                    log.debug("could not set the SDK client up in advance", exc_info=True)

    def _new_sdk(self) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            api_key=self._api_key or "not-needed",  # local servers take any key
            base_url=self.base_url,
            timeout=self._timeout,
            max_retries=0,
            http_client=self._http_client,
        )

    def _sdk(self) -> openai.AsyncOpenAI:
        """One SDK client per event loop (its connection pool is bound to the loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            with self._ready_lock:
                # a client made in advance is bound to no loop yet: the first one takes it
                ready, self._ready = self._ready, None
            self._client = ready if ready is not None else self._new_sdk()
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        """Close the SDK client on the loop that opened it (else it is closed on a dead loop)."""
        if self._client is not None:
            await self._client.close()
            self._client = None
            self._loop = None

    def _wait(self, exc: BaseException, attempt: int) -> float:
        """Honour Retry-After (up to a cap) when the server sends it, else back off."""
        asked = retry_after_seconds(exc)
        if asked is not None:
            floor = min(MIN_RETRY_AFTER * 2.0 ** (attempt - 1), 1.0)
            return min(max(asked, floor), MAX_RETRY_AFTER)
        return self._backoff(attempt)

    def _left(self) -> float | None:
        """Seconds until the run's deadline (None: no deadline)."""
        return None if self.deadline is None else self.deadline - time.monotonic()

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        prompt: str | None = None,
    ) -> Completion:
        """Ask the server; retry transient failures; step down structured modes it refuses."""
        while True:
            mode = self.mode
            try:
                return await self._with_retries(messages, schema, mode, max_tokens, temperature)
            except _ModeChanged:
                continue  # another call moved the mode down while this one retried
            except _FormatRejected as exc:
                next_mode = MODES[MODES.index(mode) + 1]
                log.info("server refused %s output (%s); now using %s", mode, exc, next_mode)
                if self.mode == mode:
                    self.mode = next_mode

    async def _with_retries(
        self,
        messages: list[Message],
        schema: dict[str, Any] | None,
        mode: Mode,
        max_tokens: int,
        temperature: float,
    ) -> Completion:
        started = time.monotonic()
        waited = 0.0  # what we slept (the tests' sleep does not pass real time)
        attempt = 0
        last = ""  # what the server did on the attempt before, for the deadline's message
        while True:
            attempt += 1
            self.breaker.check()  # the server failed every request: send no more
            if self.mode != mode:
                raise _ModeChanged
            left = self._left()
            if left is not None and left <= 0:
                raise DeadlineError("the run's --deadline passed before this LLM request")
            timeout = self._timeout if left is None else min(self._timeout, left)
            try:
                answer = await self._create(
                    messages, schema, mode, max_tokens, temperature, timeout
                )
                self._answered(schema, mode)
                return answer
            except _FormatRejected:
                self._reached = True
                raise
            except openai.OpenAIError as exc:
                if isinstance(exc, openai.APITimeoutError) and timeout < self._timeout:
                    # the wait was cut short by the deadline, not by --timeout
                    before = f"; before that: {last}" if last else ""
                    raise DeadlineError(
                        f"the run's --deadline passed while waiting for {self._where()} "
                        f"(after {attempt} attempts{before})"
                    ) from None
                last = self._describe(exc)
                self._reached = self._reached or isinstance(exc, openai.APIStatusError)
                if not _retryable(exc):
                    raise self._error(exc, attempt) from None
                if attempt == 2 and self._may_probe(exc, schema, mode):
                    probed = await self._probe(messages, schema, max_tokens, temperature, timeout)
                    if probed is not None:
                        return probed
                what = self._what(exc)
                wait = self._wait(exc, attempt)
                spent = max(time.monotonic() - started, waited)
                left = self._left()
                budget = self._retry_budget
                if not self._reached and _refused(exc):
                    budget = min(budget, FIRST_CONTACT_BUDGET)
                if (
                    spent + wait > budget
                    or (left is not None and wait >= left)
                    or (self._max_attempts is not None and attempt >= self._max_attempts)
                ):
                    self.breaker.given_up(what)
                    if self.breaker.open:  # this call tripped it: say why the run stops
                        raise ServerDownError(self.breaker.message or last) from None
                    raise self._error(exc, attempt) from None
                self.breaker.failure(what)
                self.breaker.check()  # nothing succeeded for a whole budget: stop now
                self._log_retry(exc, wait)
                await self.breaker.wait(wait, self._sleep)  # less when the breaker opens
                waited += wait
                stop_if_cancelled()  # a caller gone while we waited is not retried for

    def _answered(self, schema: dict[str, Any] | None, mode: Mode) -> None:
        """A request succeeded: the server works (the breaker closes), and a json_schema
        answer shows that a 500 to a later one is the server's, not the mode's."""
        self._reached = True
        self.breaker.success()
        if schema is not None and mode == "json_schema":
            self._schema_ok = True

    def _may_probe(
        self, exc: openai.OpenAIError, schema: dict[str, Any] | None, mode: Mode
    ) -> bool:
        """A second 500 in a row to json_schema, before any json_schema request was answered:
        llama.cpp's server answers every json_schema request so, not always naming the
        response format (``_refuses_format`` reads the ones that do), and was retried for its
        whole budget (110 s, then exit 3). Tried once (per client) as ``json_object`` with the
        schema; a first 500 alone is a hiccup as likely, and is only retried."""
        return (
            isinstance(exc, openai.APIStatusError)
            and exc.status_code == 500
            and schema is not None
            and mode == "json_schema"
            and not self._schema_ok
            and not self._probed
        )

    async def _probe(
        self,
        messages: list[Message],
        schema: dict[str, Any] | None,
        max_tokens: int,
        temperature: float,
        timeout: float,
    ) -> Completion | None:
        """The request once more in the next mode; its answer (and the mode, remembered) when
        the server gives one, else None: the 500 is then retried as any other."""
        self._probed = True
        fallback: Mode = MODES[1]
        try:
            answer = await self._create(
                messages, schema, fallback, max_tokens, temperature, timeout
            )
        except (openai.OpenAIError, _FormatRejected) as exc:
            log.debug("the %s probe after a 500 failed too: %s", fallback, exc)
            return None
        log.info("server answered HTTP 500 to json_schema but not to %s; now using it", fallback)
        if self.mode == "json_schema":
            self.mode = fallback
        self._answered(schema, fallback)
        return answer

    def _log_retry(self, exc: openai.OpenAIError, wait: float) -> None:
        """The first retry of the run is a WARNING (seen without -v or a terminal: a run that
        waits minutes on a failing server says so); later HTTP-status retries are INFO."""
        described = self._describe(exc)
        if not self._warned:
            self._warned = True
            log.warning(
                "%s; retrying in %.1f s (each request for up to %.0f s; the run stops once %d "
                "requests in a row have used up their retries)",
                described,
                wait,
                self._retry_budget,
                self.breaker.calls,
            )
            return
        level = logging.INFO if isinstance(exc, openai.APIStatusError) else logging.WARNING
        log.log(level, "%s; retrying in %.1f s", described, wait)

    def _what(self, exc: openai.OpenAIError) -> str:
        """What the server did, without naming it (the breaker's message names it once)."""
        where = f"{self._where()} "
        described = self._describe(exc)
        return described[len(where) :] if described.startswith(where) else described

    def _describe(self, exc: openai.OpenAIError) -> str:
        if isinstance(exc, openai.APITimeoutError):
            return f"{self._where()} did not answer within the --timeout"
        if isinstance(exc, openai.APIConnectionError):
            return f"{self._where()} unreachable ({type(exc).__name__})"
        if isinstance(exc, openai.APIStatusError):
            said = hide_secrets(_short(exc), self._api_key)
            return f"{self._where()} answered HTTP {exc.status_code}: {said}"
        said = hide_secrets(_one_line(str(exc)), self._api_key)
        return f"{self._where()} failed: {type(exc).__name__}: {said}"

    def _error(self, exc: openai.OpenAIError, attempts: int) -> BackendError:
        """The one-line BackendError for an SDK error we give up on."""
        if isinstance(exc, openai.AuthenticationError):
            return BackendError(
                f"{self._where()} rejected the API key (HTTP 401); check OPENAI_API_KEY"
            )
        if isinstance(exc, openai.APIResponseValidationError):
            return BadResponseError(
                f"{self._where()} answered with a body that is not a chat completion"
            )
        tries = f" (after {attempts} attempts)" if attempts > 1 else ""
        hint = ""
        if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
            hint = "; is the server running? (--timeout sets the wait per request)"
        elif isinstance(exc, openai.NotFoundError):
            hint = f"; {NOT_FOUND_HINT} and that it serves --model {self.model!r}"
        elif isinstance(exc, openai.BadRequestError) and _too_long(exc):
            hint = (
                f"; the server's context is smaller than {self.context_window} tokens: pass "
                "--context-window with its size"
            )
        elif isinstance(exc, openai.PermissionDeniedError):
            hint = f"; check that OPENAI_API_KEY may use --model {self.model!r}"
        return BackendError(f"{self._describe(exc)}{tries}{hint}")

    async def _create(
        self,
        messages: list[Message],
        schema: dict[str, Any] | None,
        mode: Mode,
        max_tokens: int,
        temperature: float,
        timeout: float,
    ) -> Completion:
        body = chat_body(self.model, messages, schema, mode, max_tokens, temperature)
        try:
            # The SDK's documented route for a request it need not type: the same connection,
            # auth and error mapping as ``chat.completions.create``, without converting the
            # body and the answer to and from its typed models (about 1.5 ms of CPU a call,
            # spent on the event loop while other answers wait to be sent on).
            resp: Any = await self._sdk().post(
                "/chat/completions", cast_to=object, body=body, options={"timeout": timeout}
            )
        except openai.APIStatusError as exc:
            if schema is not None and mode != "prompted" and _refuses_format(exc):
                raise _FormatRejected(f"HTTP {exc.status_code}") from exc
            raise
        except ValueError as exc:  # the SDK's json.loads of a body that only claims to be JSON
            raise BadResponseError(
                f"{self._where()} answered with a body that is not valid JSON ({exc})"
            ) from None
        return self._completion(resp)

    def _completion(self, resp: Any) -> Completion:
        """Read the answer (the decoded JSON body); anything but a chat completion is a
        BadResponseError."""
        try:
            choice = resp["choices"][0]
            prompt_tokens, completion_tokens = usage_of(resp)
            return Completion(
                text=choice["message"].get("content") or "",
                no_text=why_no_text(choice["message"], choice.get("finish_reason")),
                finish_reason=choice.get("finish_reason"),
                prompt_tokens=prompt_tokens,
                completion_tokens=completion_tokens,
                model=resp.get("model") or self.model,
                raw=resp,
            )
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):
            body = _one_line(str(resp))[:80]
            raise BadResponseError(
                f"{self._where()} answered with a body that is not a chat completion: {body!r}"
            ) from None

    def _where(self) -> str:
        return f"LLM server {shown_url(self.base_url)}"


def _too_long(exc: openai.APIStatusError) -> bool:
    """A 400 saying the prompt does not fit the model's context (OpenAI and vLLM: "maximum
    context length", llama.cpp: "exceeds the available context size")."""
    text = f"{exc.message} {exc.body}".lower()
    return "context length" in text or "context size" in text or "context_length" in text


def _refuses_format(exc: openai.APIStatusError) -> bool:
    """A 400/422 or a 500 that names the response format: the mode, not the server, failed.
    A prompt too long for the context is not: stepping down would weaken every later
    request of the run and still not fit."""
    if exc.status_code in (400, 422):
        return not _too_long(exc)
    if exc.status_code == 500:
        text = f"{exc.message} {exc.body}".lower()
        return "response_format" in text or "json_schema" in text
    return False


def _state_schema(messages: list[dict[str, Any]], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Add the schema to the system message, for servers without schema-constrained output."""
    note = "The JSON must follow this JSON schema: " + json.dumps(schema, separators=(",", ":"))
    out = [dict(m) for m in messages]
    for m in out:
        if m["role"] == "system":
            m["content"] = f"{m['content']}\n{note}"
            return out
    return [{"role": "system", "content": note}, *out]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(exc: openai.APIStatusError) -> str:
    return _one_line(str(exc.message))[:200]


def detect_model(base_url: str, api_key: str | None, timeout: float = 10.0) -> str | None:
    """The model a single-model server serves (``GET /models``), or None if unclear.

    Raises:
        BackendError: the server cannot be reached or does not answer in time (exit 3, as
            for any other unreachable server, rather than a hint to pass --model), or it
            rejects the API key (401).
        ConfigError: the server has no ``/models`` there (404): the base URL is wrong; or
            it lists no model or several (Ollama serves every model pulled): say which one.
    """
    try:
        client = openai.OpenAI(
            api_key=api_key or "not-needed", base_url=base_url, timeout=timeout, max_retries=0
        )
        ids = [m.id for m in client.models.list()]
    except (openai.APITimeoutError, openai.APIConnectionError) as exc:
        raise BackendError(
            f"LLM server {shown_url(base_url)} unreachable ({type(exc).__name__} on GET "
            f"/models within {timeout:.0f} s); is the server running?"
        ) from None
    except openai.AuthenticationError:
        raise BackendError(
            f"LLM server {shown_url(base_url)} rejected the API key (HTTP 401 on GET /models); "
            "check OPENAI_API_KEY"
        ) from None
    except openai.NotFoundError:
        raise ConfigError(
            f"LLM server {shown_url(base_url)} has no GET /models (HTTP 404); {NOT_FOUND_HINT}, "
            "or pass --model"
        ) from None
    except (openai.OpenAIError, AttributeError, TypeError) as exc:
        log.info("could not list the server's models: %s", hide_secrets(str(exc), api_key))
        return None
    if len(ids) == 1:
        return str(ids[0])
    names = ", ".join(str(i) for i in ids[:10]) + (", ..." if len(ids) > 10 else "")
    what = f"{len(ids)} models ({names})" if ids else "no model"
    raise ConfigError(
        f"LLM server {shown_url(base_url)} lists {what} at GET /models; pass --model NAME "
        "or set SUMMARIZER_MODEL"
    )


def chat_body(
    model: str,
    messages: list[Message],
    schema: dict[str, Any] | None,
    mode: Mode,
    max_tokens: int,
    temperature: float,
) -> dict[str, Any]:
    """The chat completion request body for one call; the Batch API sends the same body, so
    its answers fill the same cache entries (summarizer.llm.batch)."""
    sent = [m.model_dump() for m in messages]
    body: dict[str, Any] = {
        "model": model,
        "messages": sent,
        "max_tokens": max_tokens,
        "temperature": temperature,
    }
    if schema is not None:
        if mode == "json_schema":
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": schema, "strict": True},
            }
        else:
            if mode == "json_object_schema":
                body["response_format"] = {"type": "json_object", "schema": schema}
            elif mode == "json_object":
                body["response_format"] = {"type": "json_object"}
            body["messages"] = _state_schema(sent, schema)
    return body
