"""One Settings model carries every option, from CLI flags, environment or Python."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import typer
from pydantic import BaseModel, ConfigDict, Field

Backend = Literal["auto", "extractive", "openai", "local", "replay"]

DEFAULT_BLURB_SENTENCES = 3
DEFAULT_BRIEFING_WORDS = 250


class Settings(BaseModel):
    """Every option of a run. Unknown keys are an error, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")

    backend: Backend = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = Field(default=None, repr=False)
    max_words: int | None = Field(default=None, gt=0)
    sentences: int | None = Field(default=None, gt=0)
    title: str | None = None
    concurrency: int = Field(default=4, gt=0)
    cache_dir: Path | None = None
    no_cache: bool = False
    quiet: bool = False
    max_stories: int | None = Field(default=None, gt=0)
    min_sources: int = Field(default=1, gt=0)
    dedup_threshold: float = Field(default=0.7, gt=0, le=1)  # word 3-shingle Jaccard
    story_threshold: float = Field(default=0.1, gt=0, le=1)  # TF-IDF cosine
    # LLM chain (summarizer.mapreduce, summarizer.llm)
    judge: bool = True  # with an LLM backend, also ask it to judge every claim (layer 3)
    context_window: int | None = Field(default=None, gt=0)  # override the known-models table
    chunk_tokens: int | None = Field(default=None, gt=0)  # override the map chunk budget
    reduce_tokens: int | None = Field(default=None, gt=0)  # override the reduce budget
    timeout: float = Field(default=600.0, gt=0)  # seconds per LLM request (as the SDK)
    gguf: Path | None = None  # model file for --backend local
    recordings: Path | None = None  # for --backend replay (default fixtures/recordings)
    record_to: Path | None = None  # write every LLM exchange here as JSON
    prices: Path | None = None  # price table JSON (default <user dir>/prices.json)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults < environment (``SUMMARIZER_*``, ``OPENAI_*``) < explicit overrides."""
        env: dict[str, object] = {}
        if os.environ.get("SUMMARIZER_BACKEND"):
            env["backend"] = os.environ["SUMMARIZER_BACKEND"]
        if os.environ.get("SUMMARIZER_MODEL"):
            env["model"] = os.environ["SUMMARIZER_MODEL"]
        if os.environ.get("OPENAI_BASE_URL"):
            env["base_url"] = os.environ["OPENAI_BASE_URL"]
        if os.environ.get("OPENAI_API_KEY"):
            env["api_key"] = os.environ["OPENAI_API_KEY"]
        if os.environ.get("SUMMARIZER_GGUF"):
            env["gguf"] = os.environ["SUMMARIZER_GGUF"]
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(env)


def user_dir() -> Path:
    """Where config and cache live; ``SUMMARIZER_HOME`` overrides it."""
    home = os.environ.get("SUMMARIZER_HOME")
    return Path(home) if home else Path(typer.get_app_dir("summarizer"))
