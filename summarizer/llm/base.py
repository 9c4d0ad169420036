"""The one interface every LLM backend implements (OpenAI-compatible, local, replay, record).

The chain (map/reduce/collapse, the verifier's judge) only ever calls ``complete``; it never
knows which backend answers. The cache wraps any backend the same way.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field


class Message(BaseModel):
    """One chat message."""

    role: Literal["system", "user", "assistant"]
    content: str


class Completion(BaseModel):
    """A backend's answer and what it cost."""

    text: str
    finish_reason: str | None = None  # "stop", "length", ...
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False
    model: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict, repr=False)


class LLMClient(Protocol):
    """Anything that can complete a chat.

    ``schema`` is a JSON schema the answer must follow; a backend uses the strongest
    structured-output mode its server supports (json_schema, else json_object, else the
    schema stated in the prompt) and the caller validates the text either way.
    """

    name: str  # e.g. "openai:gpt-4o-mini", "replay", "local:SmolLM2-135M"
    context_window: int

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
    ) -> Completion: ...
