"""A fake LLMClient for the judge's tests: it answers with queued, hand-written judge answers
(none is a model's) and records the messages it was sent. One class for test_verify_judge.py
and test_judge_guard_clause.py, which each had a copy."""

from __future__ import annotations

import json
from typing import Any

from summarizer.llm.base import Completion, Message


class FakeClient:
    """An LLMClient that answers with queued completions and records what it was asked."""

    name = "fake"
    model = "fake-model"
    context_window = 8192

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.requests: list[list[Message]] = []

    async def complete(self, messages: list[Message], **options: Any) -> Completion:
        """The next queued answer (``options``: the protocol's keywords; the schema is the
        judge's)."""
        self.requests.append(messages)
        schema = options.get("schema")
        assert schema is not None and "verdicts" in json.dumps(schema)
        return Completion(text=self.answers.pop(0), prompt_tokens=100, completion_tokens=20)
