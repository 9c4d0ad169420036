"""Structured answers, in one place for the chain and the judge: the answer models, the JSON
schemas generated from them, and reading JSON out of an answer.

The schemas constrain the shape only (objects, fields, list lengths), never the values: listing
every citable id as an enum cost hundreds of prompt tokens per call, and ids are checked after
parsing anyway. They are "strict"-ready as OpenAI's structured outputs want them: no ``$ref``,
no titles or descriptions, every property required, ``additionalProperties: false``.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from pydantic import BaseModel, Field, field_validator

MAX_CITES = 6  # per item: with a schema-enforcing server a model cannot list ids forever
MAX_JSON_STARTS = 16  # "{" positions tried in a chatty answer (each try reads on from it)
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")
# tags reasoning models wrap their thinking in when no server-side parser takes it out
# (Qwen3, DeepSeek-R1 on Ollama or llama.cpp): drafts of the answer are often inside
REASONING_TAGS = ("think", "thinking", "reasoning")
_DROP = {"title", "description", "default"}


class Item(BaseModel):
    """One point or claim as the model writes it."""

    text: str = Field(min_length=1)
    cites: list[str] = Field(min_length=1, max_length=MAX_CITES)

    @field_validator("cites", mode="before")
    @classmethod
    def _numbers_as_ids(cls, value: Any) -> Any:
        """The DATA's ids are short numbers: a model may write ``[3]`` for ``["3"]``."""
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return value


class Points(BaseModel):
    """The map and collapse answer."""

    points: list[Item]


class Claims(BaseModel):
    """The reduce and blurb answer."""

    claims: list[Item]


def answer_schema(model: type[BaseModel], *, max_items: int | None = None) -> dict[str, Any]:
    """The JSON schema of ``model``: references inlined, every property required, nothing else
    allowed; ``max_items`` caps the top-level list (how many points or claims may come)."""
    raw = json.loads(_model_schema(model))  # a fresh copy: the caller may change it
    defs = raw.pop("$defs", {})
    schema: dict[str, Any] = _clean(raw, defs)
    if max_items is not None:
        for prop in schema["properties"].values():
            if prop.get("type") == "array":
                prop["maxItems"] = max_items
                prop.setdefault("minItems", 1)
    return schema


@functools.cache
def _model_schema(model: type[BaseModel]) -> str:
    """pydantic's schema of a model, generated once per process (about 0.5 ms each time)."""
    return json.dumps(model.model_json_schema())


def _clean(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_clean(n, defs) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _clean(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    out = {k: _clean(v, defs) for k, v in node.items() if k not in _DROP}
    if out.get("type") == "object" and "properties" in out:
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    return out


def strip_reasoning(text: str) -> str:
    """The answer without a reasoning model's thinking, which is not the answer.

    From an opening tag (or the start: DeepSeek-R1's template opens ``<think>`` in the prompt)
    to the *last* closing tag is reasoning: a draft JSON object in it was read as the answer,
    and a ``{"claims": []}`` mused about in it as an empty one. An opening tag that starts the
    answer and is never closed (the budget ran out while thinking) leaves nothing.
    """
    out = text
    for tag in REASONING_TAGS:
        lower = out.lower()
        opening, closing = f"<{tag}>", f"</{tag}>"
        first = lower.find(opening)
        last = lower.rfind(closing)
        if last >= 0 and first < last:
            start = max(first, 0)
            out = out[:start] + out[last + len(closing) :]
        elif first >= 0 and not out[:first].strip():
            out = ""
    return out


def extract_json(text: str) -> Any:
    """The JSON object in an answer, tolerating reasoning blocks, code fences and chatter.

    Raises:
        ValueError: no JSON object can be read (the message says where parsing stopped).
    """
    answer = strip_reasoning(text)
    if text.strip() and not answer.strip():
        raise ValueError("the answer is all reasoning (a <think> block) with no JSON after it")
    stripped = _FENCE.sub("", answer.strip())
    try:
        return json.loads(stripped)
    except json.JSONDecodeError as first:
        # the first whole object from a "{" on: chatter after a fenced block, or a brace in
        # the chatter ("I cited the {ids}"), made the span from the first "{" to the last
        # "}" unreadable and cost a re-ask
        decoder = json.JSONDecoder()
        start = stripped.find("{")
        for _ in range(MAX_JSON_STARTS):
            if start < 0:
                break
            try:
                found, end = decoder.raw_decode(stripped, start)
            except json.JSONDecodeError:
                start = stripped.find("{", start + 1)
                continue
            # an object followed by "," "]" or "}" is an item of a cut-off answer, not it
            if isinstance(found, dict) and stripped[end:].lstrip()[:1] not in (",", "]", "}"):
                return found
            start = stripped.find("{", start + 1)
        where = f"{first.msg} at char {first.pos}"
        raise ValueError(f"the answer is not valid JSON ({where})") from None
