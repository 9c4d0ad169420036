"""The OpenAI-compatible backend: OpenAI itself or any server speaking its API (vLLM, Ollama,
llama.cpp). The only module that imports ``openai``.

Retries are ours (tenacity: exponential backoff with jitter, honouring ``Retry-After``) and the
SDK's own are off (``max_retries=0``) so attempts never multiply. Structured output degrades
per client: ``json_schema`` -> ``json_object`` with a ``schema`` (llama.cpp's grammar-constrained
JSON mode) -> plain ``json_object`` -> the schema stated in the prompt, moving down
when a server rejects a mode (400/422, or a 500 that names the response format, which is what
llama-cpp-python's server answers) and remembering the mode for later calls.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from ..errors import BackendError
from .base import Completion, Message
from .catalog import context_window as known_context_window

log = logging.getLogger(__name__)

DEFAULT_MODEL = "gpt-4o-mini"
MAX_RETRY_AFTER = 60.0  # never wait longer than this on a server's say-so
Mode = Literal["json_schema", "json_object_schema", "json_object", "prompted"]
# json_object_schema is llama.cpp's extension: JSON mode constrained by a schema grammar
MODES: tuple[Mode, ...] = ("json_schema", "json_object_schema", "json_object", "prompted")
WaitFn = Callable[[RetryCallState], float]


class _FormatRejected(Exception):
    """The server refused the structured-output mode we asked for."""


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """The wait a 429/5xx response asks for (``retry-after-ms`` or ``Retry-After``), if any."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    if ms := headers.get("retry-after-ms"):
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)  # an HTTP date
        return max(0.0, when.timestamp() - time.time()) if when else None


class OpenAIClient:
    """An :class:`~summarizer.llm.base.LLMClient` over the OpenAI chat completions API."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 600.0,
        context_window: int | None = None,
        max_attempts: int = 5,
        wait: WaitFn | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        http_client: Any = None,  # an async http client of the SDK's http library (tests)
        mode: Mode = "json_schema",
    ) -> None:
        self.model = model
        self.name = f"openai:{model.rsplit('/', 1)[-1]}"  # a server may name it by its path
        self.base_url = base_url
        self.context_window = known_context_window(model, context_window)
        self.mode: Mode = mode  # the strongest structured-output mode not yet refused
        self._api_key = api_key
        self._timeout = timeout
        self._max_attempts = max_attempts
        self._backoff: WaitFn = wait or wait_exponential_jitter(initial=1, max=30, jitter=1)
        self._sleep = sleep
        self._http_client = http_client
        self._client: openai.AsyncOpenAI | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _sdk(self) -> openai.AsyncOpenAI:
        """One SDK client per event loop (its connection pool is bound to the loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            self._client = openai.AsyncOpenAI(
                api_key=self._api_key or "not-needed",  # local servers take any key
                base_url=self.base_url,
                timeout=self._timeout,
                max_retries=0,
                http_client=self._http_client,
            )
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        """Close the SDK client on the loop that opened it (else it is closed on a dead loop)."""
        if self._client is not None:
            await self._client.close()
            self._client = None
            self._loop = None

    def _wait(self, state: RetryCallState) -> float:
        """Honour Retry-After when the server sends it, else back off exponentially."""
        asked = retry_after_seconds(state.outcome.exception() if state.outcome else None)
        if asked is not None:
            return min(asked, MAX_RETRY_AFTER)
        return self._backoff(state)

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
        retrying = AsyncRetrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(self._max_attempts),
            wait=self._wait,
            sleep=self._sleep,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._create(messages, schema, mode, max_tokens, temperature)
        except _FormatRejected:
            raise
        except openai.AuthenticationError as exc:
            raise BackendError(
                f"{self._where()} rejected the API key (HTTP 401); check OPENAI_API_KEY"
            ) from exc
        except openai.APIStatusError as exc:
            tries = f" after {self._max_attempts} attempts" if _retryable(exc) else ""
            raise BackendError(
                f"{self._where()} answered HTTP {exc.status_code}{tries}: {_short(exc)}"
            ) from exc
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            raise BackendError(
                f"{self._where()} unreachable after {self._max_attempts} attempts "
                f"({type(exc).__name__}); is the server running?"
            ) from exc
        raise AssertionError("unreachable")  # pragma: no cover - tenacity always returns/raises

    async def _create(
        self,
        messages: list[Message],
        schema: dict[str, Any] | None,
        mode: Mode,
        max_tokens: int,
        temperature: float,
    ) -> Completion:
        sent = [m.model_dump() for m in messages]
        extra: dict[str, Any] = {}
        if schema is not None:
            if mode == "json_schema":
                extra["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "schema": schema},
                }
            else:
                if mode == "json_object_schema":
                    extra["response_format"] = {"type": "json_object", "schema": schema}
                elif mode == "json_object":
                    extra["response_format"] = {"type": "json_object"}
                sent = _state_schema(sent, schema)
        try:
            resp = await self._sdk().chat.completions.create(
                model=self.model,
                messages=sent,  # type: ignore[arg-type]
                max_tokens=max_tokens,
                temperature=temperature,
                **extra,
            )
        except openai.APIStatusError as exc:
            if schema is not None and mode != "prompted" and _refuses_format(exc):
                raise _FormatRejected(f"HTTP {exc.status_code}") from exc
            raise
        if not resp.choices:
            raise BackendError(f"{self._where()} returned no choices")
        choice = resp.choices[0]
        usage = resp.usage
        return Completion(
            text=choice.message.content or "",
            finish_reason=choice.finish_reason,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            model=resp.model or self.model,
            raw=resp.model_dump(mode="json"),
        )

    def _where(self) -> str:
        return f"LLM server {self.base_url or 'api.openai.com'}"


def _refuses_format(exc: openai.APIStatusError) -> bool:
    """A 400/422 or a 500 that names the response format: the mode, not the server, failed."""
    if exc.status_code in (400, 422):
        return True
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


def _short(exc: openai.APIStatusError) -> str:
    text = str(exc.message).replace("\n", " ")
    return text[:200]


def detect_model(base_url: str, api_key: str | None, timeout: float = 10.0) -> str | None:
    """The model a single-model server serves (``GET /models``), or None if unclear."""
    try:
        client = openai.OpenAI(
            api_key=api_key or "not-needed", base_url=base_url, timeout=timeout, max_retries=0
        )
        ids = [m.id for m in client.models.list()]
    except openai.OpenAIError as exc:
        log.info("could not list the server's models: %s", exc)
        return None
    return ids[0] if len(ids) == 1 else None
