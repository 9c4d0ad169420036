"""Errors the library raises; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class InputError(SummarizerError):
    """An input file or option is unusable (missing, empty, binary, malformed)."""

    exit_code = 2


class OutputError(SummarizerError):
    """The output cannot be written (exists already, or the directory is missing)."""

    exit_code = 2


class ConfigError(SummarizerError):
    """Settings are inconsistent or the config file is invalid."""

    exit_code = 2
    setting: str | None = None  # the invalid setting, when one is: to say where it was given


class BackendError(SummarizerError):
    """The LLM backend failed after retries and re-asks."""

    exit_code = 3


class UnusableAnswerError(BackendError):
    """The model answered, but nothing usable for this input even after its re-ask: a fault of
    one input's answers, not of the server, so a run over many inputs goes on without it."""

    exit_code = 3


class NeedsKeyError(BackendError):
    """An LLM backend was requested but no endpoint or key is configured."""

    exit_code = 2


class MissingRecordingError(BackendError):
    """The replay backend has no recording for a request."""

    exit_code = 3


class BadResponseError(BackendError):
    """The server answered, but not with a chat completion (e.g. a 200 with an HTML body)."""

    exit_code = 3


class DeadlineError(BackendError):
    """The run's ``--deadline`` passed; work not done by then is left out."""

    exit_code = 3


class CancelledRun(BackendError):
    """The await of ``ablurb()``/``abriefing()``/``averify()`` was cancelled: the run's thread
    sends no further LLM request (nobody waits for its result)."""

    exit_code = 3


class InterruptedRun(SummarizerError):
    """Ctrl-C: what was done and where its answers are cached; exit 130."""

    exit_code = 130
