"""Known models: context windows (for budgets) and prices (for the usage line).

Prices are US dollars per million tokens (input, output) as published by the vendors; a user
overrides or extends them with a JSON file ``{"model": {"input": 0.15, "output": 0.6}}`` given
as ``--prices`` or put at ``<user dir>/prices.json``. Local models cost nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import ConfigError
from ..models import Usage
from .base import Completion

DEFAULT_CONTEXT_WINDOW = 8192  # for an unknown model: small enough to be safe nearly everywhere


class ModelInfo(BaseModel):
    """What the chain needs to know about a model."""

    context_window: int
    input_per_m: float | None = None  # USD per million prompt tokens; None = unknown
    output_per_m: float | None = None


KNOWN_MODELS: dict[str, ModelInfo] = {
    "gpt-4o-mini": ModelInfo(context_window=128_000, input_per_m=0.15, output_per_m=0.60),
    "gpt-4o": ModelInfo(context_window=128_000, input_per_m=2.50, output_per_m=10.00),
    "gpt-4.1": ModelInfo(context_window=1_047_576, input_per_m=2.00, output_per_m=8.00),
    "gpt-4.1-mini": ModelInfo(context_window=1_047_576, input_per_m=0.40, output_per_m=1.60),
    "gpt-4.1-nano": ModelInfo(context_window=1_047_576, input_per_m=0.10, output_per_m=0.40),
    "gpt-3.5-turbo": ModelInfo(context_window=16_385, input_per_m=0.50, output_per_m=1.50),
    "smollm2-135m-instruct": ModelInfo(context_window=8192, input_per_m=0.0, output_per_m=0.0),
    "smollm2-360m-instruct": ModelInfo(context_window=8192, input_per_m=0.0, output_per_m=0.0),
    "smollm2-1.7b-instruct": ModelInfo(context_window=8192, input_per_m=0.0, output_per_m=0.0),
    "llama-3.1-8b-instruct": ModelInfo(context_window=131_072, input_per_m=0.0, output_per_m=0.0),
    "qwen2.5-7b-instruct": ModelInfo(context_window=32_768, input_per_m=0.0, output_per_m=0.0),
    "mistral-7b-instruct": ModelInfo(context_window=32_768, input_per_m=0.0, output_per_m=0.0),
}


def lookup(model: str, table: dict[str, ModelInfo] | None = None) -> ModelInfo | None:
    """Find a model by name: exact, then as a path or file name (``.../SmolLM2-135M...gguf``)."""
    table = KNOWN_MODELS if table is None else table
    name = model.lower()
    if name in table:
        return table[name]
    base = Path(name).name.removesuffix(".gguf")
    for known in sorted(table, key=len, reverse=True):  # longest match first
        if known in base:
            return table[known]
    return None


def context_window(model: str, override: int | None = None) -> int:
    """The model's context window: the override, else the table, else a safe default."""
    if override:
        return override
    info = lookup(model)
    return info.context_window if info else DEFAULT_CONTEXT_WINDOW


def load_prices(path: Path | None) -> dict[str, ModelInfo]:
    """The price table with a user's JSON file applied on top (missing file: no change)."""
    table = {k: v.model_copy() for k, v in KNOWN_MODELS.items()}
    if path is None or not path.is_file():
        return table
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for model, price in data.items():
            info = table.get(model.lower()) or ModelInfo(context_window=DEFAULT_CONTEXT_WINDOW)
            info.input_per_m = float(price["input"])
            info.output_per_m = float(price["output"])
            table[model.lower()] = info
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise ConfigError(
            f"{path}: price table must be JSON like "
            f'{{"model": {{"input": 0.15, "output": 0.6}}}} (USD per million tokens): {exc}'
        ) from exc
    return table


def count_answer(
    usage: Usage, model: str, answer: Completion, prices: dict[str, ModelInfo]
) -> None:
    """Count one answer of ``model`` in ``usage``, priced by ``prices`` (the chain and the
    judge count theirs alike)."""
    usage.record(
        cached=answer.cached,
        prompt_tokens=answer.prompt_tokens,
        completion_tokens=answer.completion_tokens,
        cost=cost_usd(model, answer.prompt_tokens or 0, answer.completion_tokens or 0, prices),
    )


def cost_usd(
    model: str, prompt_tokens: int, completion_tokens: int, prices: dict[str, ModelInfo]
) -> float | None:
    """Estimated cost of the tokens, or None when the model's price is unknown."""
    info = lookup(model, prices)
    if info is None or info.input_per_m is None or info.output_per_m is None:
        return None
    return (prompt_tokens * info.input_per_m + completion_tokens * info.output_per_m) / 1e6
