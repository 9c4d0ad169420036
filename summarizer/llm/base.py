"""The one interface every LLM backend implements (OpenAI-compatible, local, replay, record).

The chain (map/reduce/collapse, the verifier's judge) only ever calls ``complete``; it never
knows which backend answers. The cache wraps any backend the same way.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Message(BaseModel):
    """One chat message."""

    role: Literal["system", "user", "assistant"]
    content: str


class Completion(BaseModel):
    """A backend's answer and what it cost."""

    text: str
    finish_reason: str | None = None  # "stop", "length", ...
    # None: the server reported no usage, so the tokens and cost are unknown; 0 is a count it
    # reported (a cached answer on its side), which costs nothing (``usage_of``)
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    cached: bool = False
    model: str | None = None
    # why the answer has no text: the model's refusal, or that it called a tool instead
    no_text: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict, repr=False)


# a reasoning model (DeepSeek-R1, Qwen3, o-series behind a proxy) that thought until the token
# limit: its answer is empty, and "cut off; give fewer, shorter items" sent the user astray
REASONING_SPENT = "the model spent its whole token budget on reasoning and wrote no answer"


def _reasoning(message: dict[str, Any]) -> bool:
    """Whether a chat message carries a reasoning model's thinking beside its content: vLLM,
    llama.cpp and DeepSeek name it ``reasoning_content``, Ollama and OpenRouter ``reasoning``."""
    return bool(message.get("reasoning_content") or message.get("reasoning"))


def why_no_text(message: Any, finish_reason: str | None = None) -> str | None:
    """For a chat message without (whole) content, what happened instead (None: it has text).

    OpenAI's structured outputs put a refusal in ``refusal`` with ``content: null``; some
    servers answer with ``tool_calls`` instead; Azure's content filter (news of violence
    trips it) stops an answer with ``finish_reason: content_filter``, its text cut or null.
    Naming it beats "not valid JSON at char 0".
    """
    if finish_reason == "content_filter":
        return "the server's content filter stopped the answer"
    if not isinstance(message, dict) or message.get("content"):
        return None
    if finish_reason == "length" and _reasoning(message):
        return REASONING_SPENT
    if refusal := message.get("refusal"):
        return f"the model refused: {' '.join(str(refusal).split())[:200]}"
    if message.get("tool_calls"):
        return "the model called a tool instead of answering in the message"
    return "the answer was empty"


def usage_of(body: Any) -> tuple[int | None, int | None]:
    """The prompt and completion tokens a response body reports, ``(None, None)`` when it has
    no ``usage`` (some OpenAI-compatible servers send none): a usage of 0 and 0 (an answer
    the server had cached) was read as none, and the run's cost as unknown."""
    usage = body.get("usage") if isinstance(body, dict) else None
    if not isinstance(usage, dict):
        return None, None
    prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
    if prompt is None and completion is None:
        return None, None
    return int(prompt or 0), int(completion or 0)


class Request(BaseModel):
    """Everything that determines an answer; its ``key()`` names it in the cache and recordings."""

    model: str
    prompt: str | None = None  # "name@version" of the prompt file, so a new version is a new key
    messages: list[Message]
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    max_tokens: int = 1024
    temperature: float = 0.0

    model_config = ConfigDict(populate_by_name=True)

    def key(self) -> str:
        """A stable hash of the request (sorted-key JSON), the same across runs and machines."""
        blob = json.dumps(self.model_dump(by_alias=True), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


async def aclose(client: object) -> None:
    """Close a client's connections if it has an ``aclose`` (optional; most backends have none)."""
    close = getattr(client, "aclose", None)
    if close is not None:
        await close()


def prepare(client: object) -> None:
    """Do a client's slow set-up now, before its first call, if it has any (optional, like
    ``aclose``; the OpenAI backend makes its SDK client)."""
    hook = getattr(client, "prepare", None)
    if hook is not None:
        hook()


def accept(client: object, answer: Completion, *, replaces: Completion | None = None) -> None:
    """Tell a client that ``answer`` passed validation (the cache stores only such answers).

    ``replaces`` is the invalid answer that a re-ask fixed: the valid answer is then also
    stored as the answer to that first request, so a rerun makes neither call again.
    Optional like ``aclose``: backends without a cache have nothing to do.
    """
    hook = getattr(client, "accept", None)
    if hook is not None:
        hook(answer, replaces=replaces)


class LLMClient(Protocol):
    """Anything that can complete a chat.

    ``schema`` is a JSON schema the answer must follow; a backend uses the strongest
    structured-output mode its server supports (json_schema, else json_object, else the
    schema stated in the prompt) and the caller validates the text either way.
    ``prompt`` optionally names the prompt file and version (``"map@1"``); it only goes into
    cache and recording keys, a backend never sends it.
    """

    name: str  # e.g. "openai:gpt-4o-mini", "replay", "local:SmolLM2-135M"
    model: str  # the model name that goes into request keys
    context_window: int

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        prompt: str | None = None,
    ) -> Completion: ...


class RequestClient:
    """Base of the clients that act on a whole Request (cache, record, replay, batch): the
    protocol's ``complete()`` packs its arguments into one, ``answer()`` does the work."""

    model: str

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        prompt: str | None = None,
    ) -> Completion:
        request = Request(
            model=self.model,
            prompt=prompt,
            messages=messages,
            schema=schema,
            max_tokens=max_tokens,
            temperature=temperature,
        )
        return await self.answer(request)

    async def answer(self, request: Request) -> Completion:
        raise NotImplementedError


async def ask(client: LLMClient, request: Request) -> Completion:
    """Send a Request to a client's ``complete()``."""
    return await client.complete(
        request.messages,
        schema=request.schema_,
        max_tokens=request.max_tokens,
        temperature=request.temperature,
        prompt=request.prompt,
    )


class WrappingClient:
    """Base of the clients that wrap another (cache, record): same name, model and window."""

    def __init__(self, inner: LLMClient) -> None:
        self.inner = inner
        self.name = inner.name
        self.model = inner.model
        self.context_window = inner.context_window

    async def aclose(self) -> None:
        """Close the wrapped backend's connections, if it keeps any."""
        await aclose(self.inner)

    def accept(self, answer: Completion, *, replaces: Completion | None = None) -> None:
        """Pass a validated answer's acceptance on to the wrapped client."""
        accept(self.inner, answer, replaces=replaces)

    def prepare(self) -> None:
        """Set the wrapped backend up in advance, if it has anything to set up."""
        prepare(self.inner)


def run_sync(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop.

    In a notebook (a loop already running in this thread) ``asyncio.run`` is not allowed, so
    the chain runs on its own loop in a worker thread instead.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()
