"""Recorded exchanges: ``record`` writes them from a live backend, ``replay`` serves them.

One readable JSON file per exchange, named ``<prompt>-<key prefix>.json`` and holding the
request key, the request and the response. Never an API key or auth header: the request is
our own :class:`Request` (model, prompt, messages, parameters), not the HTTP request.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ConfigError, MissingRecordingError
from .base import Completion, LLMClient, Request, RequestClient, WrappingClient, ask
from .catalog import context_window as known_context_window

RECORD_COMMAND = "python scripts/record_fixtures.py"


def recording_path(directory: Path, request: Request) -> Path:
    """Where the recording of ``request`` lives."""
    label = (request.prompt or "call").replace("@", "-v")
    return directory / f"{label}-{request.key()[:16]}.json"


class RecordClient(RequestClient, WrappingClient):
    """Wraps a live backend and writes every exchange to ``directory``."""

    def __init__(self, inner: LLMClient, directory: Path) -> None:
        super().__init__(inner)
        self.directory = directory
        self.name = f"record:{inner.name}"
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot write recordings to {directory}: {exc}") from None

    async def answer(self, request: Request) -> Completion:
        answer = await ask(self.inner, request)
        record = {
            "key": request.key(),
            "request": request.model_dump(mode="json", by_alias=True),
            "response": answer.model_dump(mode="json", exclude={"raw", "cached"}),
        }
        path = recording_path(self.directory, request)
        text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
        part = path.with_name(f".{path.name}.part")  # a killed run leaves no half a recording
        try:
            part.write_text(text, encoding="utf-8")
            part.replace(path)
        except OSError as exc:
            raise ConfigError(f"cannot write the recording {path}: {exc}") from None
        return answer


class ReplayClient(RequestClient):
    """Serves recorded answers; a request never recorded is an error naming how to record it.

    The model defaults to the one the recordings were made with, so keys match without flags.
    """

    def __init__(
        self, directory: Path, *, model: str | None = None, context_window: int | None = None
    ) -> None:
        if not directory.is_dir():  # a setting to fix (or a run from another directory), not
            # a request the server failed: exit 2 as --backend local without --gguf does
            raise ConfigError(
                f"no recordings directory {directory}; set `recordings` in the config file, "
                f"or record one with: {RECORD_COMMAND}"
            )
        self.directory = directory
        self.model = model or self._recorded_model()
        self.name = f"replay:{self.model}"
        self.context_window = known_context_window(self.model, context_window)

    def _recorded_model(self) -> str:
        models: set[str] = set()
        for path in sorted(self.directory.glob("*.json")):
            try:
                models.add(json.loads(path.read_text(encoding="utf-8"))["request"]["model"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"{path}: not a recording ({exc})") from exc
        if len(models) != 1:
            found = ", ".join(sorted(models)) or "none"
            raise ConfigError(
                f"recordings in {self.directory} are for models: {found}; choose one with --model"
            )
        return models.pop()

    async def answer(self, request: Request) -> Completion:
        path = recording_path(self.directory, request)
        if not path.is_file():
            raise MissingRecordingError(
                f"no recording for request {request.key()} ({request.prompt or 'call'}) in "
                f"{self.directory}; record it with: {RECORD_COMMAND}"
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            key = data.get("key")
            response = Completion.model_validate(data["response"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # a hand-edited or half-copied file (pydantic's ValidationError is a ValueError)
            reason = " ".join(str(exc).split())[:200]
            raise ConfigError(
                f"{path}: not a recording ({reason}); re-record it with: {RECORD_COMMAND}"
            ) from None
        if key != request.key():
            raise MissingRecordingError(
                f"{path} holds another request (key prefix collision); re-record with: "
                f"{RECORD_COMMAND}"
            )
        return response
