"""The in-process backend: llama-cpp-python with a GGUF file (optional extra ``[local]``).

No server and no network: the model runs in this process on two threads. Structured output
uses llama.cpp's JSON-schema grammar, so the answer is valid JSON by construction.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from ..errors import BackendError, ConfigError, NeedsKeyError
from .base import Completion, Message, usage_of
from .catalog import context_window as known_context_window


class LocalClient:
    """An :class:`~summarizer.llm.base.LLMClient` over ``llama_cpp.Llama``."""

    def __init__(
        self, model_path: Path | None, *, context_window: int | None = None, n_threads: int = 2
    ) -> None:
        if model_path is None:
            raise NeedsKeyError("--backend local needs a GGUF model file: pass --gguf PATH")
        if not model_path.is_file():
            raise ConfigError(f"GGUF model file {model_path} not found")
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise NeedsKeyError(
                "--backend local needs llama-cpp-python: pip install 'summarizer[local]'"
            ) from exc
        self.model = model_path.name.removesuffix(".gguf")
        self.name = f"local:{self.model}"
        self.context_window = known_context_window(self.model, context_window)
        try:
            self._llama = Llama(
                model_path=str(model_path),
                n_ctx=self.context_window,
                n_threads=n_threads,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:  # not GGUF, truncated, too new
            raise ConfigError(
                f"cannot load the GGUF model {model_path} ({exc}); pass --gguf with a GGUF "
                "model file"
            ) from None
        self._lock = threading.Lock()  # one llama context: one generation at a time

    async def complete(
        self,
        messages: list[Message],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 1024,
        temperature: float = 0.0,
        prompt: str | None = None,
    ) -> Completion:
        return await asyncio.to_thread(self._run, messages, schema, max_tokens, temperature)

    def _run(
        self,
        messages: list[Message],
        schema: dict[str, Any] | None,
        max_tokens: int,
        temperature: float,
    ) -> Completion:
        fmt = {"type": "json_object", "schema": schema} if schema is not None else None
        try:
            with self._lock:
                out: Any = self._llama.create_chat_completion(
                    messages=[m.model_dump() for m in messages],
                    response_format=fmt,
                    max_tokens=max_tokens,
                    temperature=temperature,
                )
        except (RuntimeError, ValueError) as exc:
            raise BackendError(f"local model {self.model} failed: {exc}") from exc
        choice = out["choices"][0]
        prompt_tokens, completion_tokens = usage_of(out)
        return Completion(
            text=choice["message"].get("content") or "",
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            model=self.model,
        )
