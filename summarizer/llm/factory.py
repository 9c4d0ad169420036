"""Build the configured LLM client: backend, then recording, then the response cache."""

from __future__ import annotations

import time
from pathlib import Path

from ..errors import ConfigError, NeedsKeyError
from ..settings import Settings, shown_url, user_dir
from .base import LLMClient
from .cache import CachedClient, ResponseCache
from .recording import RecordClient, ReplayClient

DEFAULT_RECORDINGS = Path("fixtures/recordings")
CACHE_FILE = "responses.sqlite3"


def cache_path(settings: Settings) -> Path:
    """``--cache-dir`` or ``<user dir>/cache``, holding one SQLite file."""
    return (settings.cache_dir or user_dir() / "cache") / CACHE_FILE


def make_client(settings: Settings, backend: str) -> LLMClient:
    """The client for ``backend`` (openai, local or replay), wrapped as the settings ask."""
    client: LLMClient
    if backend == "openai":
        client = _openai(settings)
    elif backend == "local":
        from .local import LocalClient

        client = LocalClient(settings.gguf, context_window=settings.context_window)
    elif backend == "replay":
        client = ReplayClient(
            settings.recordings or DEFAULT_RECORDINGS,
            model=settings.model,
            context_window=settings.context_window,
        )
    else:
        raise ConfigError(f"unknown LLM backend {backend!r}")
    if settings.record_to is not None:
        client = RecordClient(client, settings.record_to)
    if not settings.no_cache:
        client = CachedClient(client, ResponseCache(cache_path(settings)))
    return client


MODEL_DETECT_TIMEOUT = 30.0  # seconds; a busy llama.cpp server answers /models between requests


def _openai(settings: Settings) -> LLMClient:
    from .openai_backend import DEFAULT_MODEL, OpenAIClient, detect_model

    if not settings.base_url and not settings.api_key:
        raise NeedsKeyError(
            "--backend openai needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL "
            "(for a compatible server such as llama.cpp, vLLM or Ollama)"
        )
    model = settings.model
    if model is None and settings.base_url:
        # a local server's one model; guessing a hosted model's name instead would get its
        # context window and prices wrong
        detect_timeout = min(MODEL_DETECT_TIMEOUT, settings.timeout)
        model = detect_model(settings.base_url, settings.api_key, timeout=detect_timeout)
        if model is None:
            raise ConfigError(
                f"could not tell which model {shown_url(settings.base_url)} serves (GET /models "
                "gave no usable answer); pass --model or set SUMMARIZER_MODEL"
            )
    return OpenAIClient(
        model=model or DEFAULT_MODEL,
        base_url=settings.base_url,
        api_key=settings.api_key,
        timeout=settings.timeout,
        context_window=settings.context_window,
        deadline=time.monotonic() + settings.deadline if settings.deadline else None,
    )
