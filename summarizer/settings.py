"""One Settings model carries every option, from CLI flags, environment, a config file or Python.

Precedence: CLI flag / keyword argument > environment > ``<user dir>/config.toml`` > defaults.
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import typer
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .dates import shown_bound, window_bound
from .errors import ConfigError
from .models import Published
from .sources import DEFAULT_MAX_ARTICLES, DEFAULT_MAX_FILE_MB, Limits

ENV_VARS = {
    "SUMMARIZER_BACKEND": "backend",
    "SUMMARIZER_MODEL": "model",
    "OPENAI_BASE_URL": "base_url",
    "OPENAI_API_KEY": "api_key",
    "SUMMARIZER_GGUF": "gguf",
}

Backend = Literal["auto", "extractive", "openai", "local", "replay"]

DEFAULT_BLURB_SENTENCES = 3
DEFAULT_BRIEFING_WORDS = 250


class Settings(BaseModel):
    """Every option of a run. Unknown keys are an error, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)  # "--timeout inf" is no number

    def __init__(self, **data: Any) -> None:
        """``Settings(senteces=2)`` in a script is the same one-line ConfigError as that typo
        in the config file (was pydantic's ValidationError, several lines, not ours).

        Raises:
            ConfigError: an unknown key or an invalid value (the message names it).
        """
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise _invalid(exc) from None

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
    story_threshold: float = Field(default=0.55, gt=0, le=1)  # stories.DEFAULT_STORY_THRESHOLD
    # input limits (summarizer.sources): past them the run stops with exit 2
    # per file, or stdin; inf: no limit (the one setting where infinity means something)
    max_file_mb: float = Field(default=DEFAULT_MAX_FILE_MB, gt=0, allow_inf_nan=True)
    max_articles: int = Field(default=DEFAULT_MAX_ARTICLES, gt=0)  # per run, all inputs
    # keep only articles published in [since, until); undated articles are kept (and counted)
    since: Published = None
    until: Published = None
    # LLM chain (summarizer.mapreduce, summarizer.llm)
    judge: bool = True  # with an LLM backend, also ask it to judge every claim (layer 3)
    context_window: int | None = Field(default=None, gt=0)  # override the known-models table
    chunk_tokens: int | None = Field(default=None, gt=0)  # override the map chunk budget
    reduce_tokens: int | None = Field(default=None, gt=0)  # override the reduce budget
    reasoning_tokens: int = Field(default=0, ge=0)  # more max_tokens per chain call, to think
    timeout: float = Field(default=120.0, gt=0)  # seconds per LLM request (--timeout)
    deadline: float | None = Field(default=None, gt=0)  # seconds for the LLM work (--deadline)
    gguf: Path | None = None  # model file for --backend local
    recordings: Path | None = None  # for --backend replay (default fixtures/recordings)
    record_to: Path | None = None  # write every LLM exchange here as JSON
    prices: Path | None = None  # price table JSON (default <user dir>/prices.json)

    @field_validator(
        "max_words",
        "sentences",
        "concurrency",
        "max_stories",
        "min_sources",
        "dedup_threshold",
        "story_threshold",
        "max_file_mb",
        "max_articles",
        "context_window",
        "chunk_tokens",
        "reduce_tokens",
        "reasoning_tokens",
        "timeout",
        "deadline",
        mode="before",
    )
    @classmethod
    def _number_not_bool(cls, value: object) -> object:
        """A bool is an int to pydantic: ``blurb(text, sentences=True)`` (or ``sentences =
        true`` in a config file) was a one-sentence blurb instead of an error; and a string
        was read as its number (``blurb(text, sentences="2")``), which no caller means."""
        if isinstance(value, bool):
            raise ValueError("must be a number, not true or false")
        if isinstance(value, str):
            raise ValueError(f"must be a number, not the string {value[:40]!r}")
        return value

    @field_validator("no_cache", "quiet", "judge", mode="before")
    @classmethod
    def _real_bool(cls, value: object) -> object:
        """pydantic reads ``"no"``, ``"off"``, ``0`` and ``1`` as bools: ``judge="no"`` would
        work by luck and ``no_cache="false"`` not at all; only true or false is taken."""
        if not isinstance(value, bool):
            raise ValueError(f"must be true or false, not {value!r:.40}")
        return value

    @field_validator("api_key")
    @classmethod
    def _header_safe_key(cls, value: str | None) -> str | None:
        """The key goes into an HTTP header: a trailing CR or space (a CRLF .env file, a
        pasted line) made every request fail as "unreachable; is the server running?", retried
        for minutes. Surrounding whitespace is dropped; any other odd character is an error."""
        if value is None:
            return None
        key = value.strip()
        if any(not 33 <= ord(c) <= 126 for c in key):
            raise ValueError(
                "must be printable ASCII without spaces; check it for a stray character"
            )
        return key or None

    @field_validator("cache_dir", "gguf", "recordings", "record_to", "prices")
    @classmethod
    def _home_expanded(cls, value: Path | None) -> Path | None:
        """``~`` in a path from the config file or the environment, where no shell expands it:
        ``cache_dir = "~/.cache/x"`` made a directory named ``~`` in the working directory."""
        return value.expanduser() if value is not None else None

    @field_validator("title")
    @classmethod
    def _one_line_title(cls, value: str | None) -> str | None:
        """A briefing's title is one line, a heading: a blank one (``--title "  "``, a CMS's
        empty field) is none, and line breaks are spaces (CLI, serve, batch, the library)."""
        return " ".join(value.split()) or None if value is not None else None

    @field_validator("since", "until", mode="before")
    @classmethod
    def _window_as_the_cli_reads_it(cls, value: object, info: ValidationInfo) -> object:
        """``since``/``until`` as ``--since``/``--until`` and serve read them: a date alone as
        ``until`` is the end of that day (``until = "2025-03-18"``, or a TOML date, in a config
        file, or ``briefing(until="2025-03-18")``, left that day's articles out), and
        ``since="24h"`` counts back from now."""
        if isinstance(value, date) and not isinstance(value, datetime):
            value = value.isoformat()
        if isinstance(value, str) and value.strip():
            return window_bound(value, end=info.field_name == "until")
        return value

    @field_validator("base_url")
    @classmethod
    def _http_base_url(cls, value: str | None) -> str | None:
        """Only http(s) reaches a server: ``ftp://...`` or a bare ``host:8000/v1`` otherwise
        fails as "unreachable; is the server running?" (exit 3) instead of naming the typo."""
        if value is None:
            return None
        if not value.strip():  # was "not 'api.openai.com'", a value the user never gave
            raise ValueError("is empty; give the server's URL, such as http://localhost:8000/v1")
        parts = urlsplit(value.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"must be an http:// or https:// URL such as http://localhost:8000/v1, "
                f"not {shown_url(value)!r}"
            )
        return value.strip()

    @model_validator(mode="after")
    def _since_before_until(self) -> Settings:
        """An empty date window is a mistake (the options swapped), not a filter that keeps
        only the undated articles."""
        if self.since is not None and self.until is not None and self.since >= self.until:
            since, until = shown_bound(self.since, end=False), shown_bound(self.until, end=True)
            raise ValueError(f"since ({since}) must be before until ({until})")
        return self

    @property
    def limits(self) -> Limits:
        return Limits(max_file_mb=self.max_file_mb, max_articles=self.max_articles)

    def updated(self, **overrides: object) -> Settings:
        """A copy with ``overrides`` (None: keep) applied and validated, unlike model_copy.

        Raises:
            ConfigError: a value is invalid (the message names it).
        """
        values = {**self.model_dump(), **{k: v for k, v in overrides.items() if v is not None}}
        try:
            return type(self).model_validate(values)
        except ValidationError as exc:
            raise _invalid(exc) from None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults < config file < environment (``SUMMARIZER_*``, ``OPENAI_*``) < overrides.

        Raises:
            ConfigError: the config file or a value is invalid (the message names it).
        """
        values, origin = layered_values(overrides)
        try:
            return cls.model_validate(values)  # through __init__: a ConfigError (_invalid)
        except ConfigError as exc:
            where = _where_given(exc.setting, origin)
            if not where:
                raise
            raise ConfigError(f"{where}: {exc}") from None


def layered_values(overrides: dict[str, object]) -> tuple[dict[str, object], dict[str, str]]:
    """The values ``Settings.from_env`` validates (config file < environment < overrides),
    and where each comes from ("config file", the variable's name, "option"), so that
    ``summarizer config show`` says what a run will use and why."""
    values = read_config_file()
    origin = dict.fromkeys(values, "config file")
    for var, key in ENV_VARS.items():
        if os.environ.get(var):
            values[key], origin[key] = os.environ[var], var
    for key, value in overrides.items():
        if value is not None:
            values[key], origin[key] = value, "option"
    return values, origin


def _where_given(setting: str | None, origin: dict[str, str]) -> str | None:
    """Where an invalid setting's value came from, for its message: the config file's path or
    the environment variable; None for an option (the command line names it itself) or for a
    check of several settings."""
    given = origin.get(setting) if setting else None
    if given == "config file":
        return str(config_path())
    return given if given and given != "option" else None


def _invalid(exc: ValidationError) -> ConfigError:
    """The one-line error for invalid settings, knowing which setting (``_where_given``)."""
    error = ConfigError(f"invalid setting: {_first_error(exc)}")
    loc = exc.errors()[0]["loc"]
    error.setting = str(loc[0]) if loc else None
    return error


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    if not err["loc"]:  # a check of several settings: its input is all of them, secrets too
        return str(err["msg"]).removeprefix("Value error, ")
    where = ".".join(str(x) for x in err["loc"])
    if "api_key" in err["loc"]:  # a secret, even when malformed: never echo it
        return f"{where}: {str(err['msg']).removeprefix('Value error, ')} (value hidden)"
    if err["type"] == "value_error":  # our own check: its message names the value (shown safely)
        return f"{where}: {str(err['msg']).removeprefix('Value error, ')}"
    return f"{where}: {err['msg']} (got {err.get('input')!r})"


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")


def shown_url(url: str | None) -> str:
    """The LLM endpoint as messages and logs show it: credentials in the URL
    (``http://user:password@host/v1``) are blanked, as the API key never appears either."""
    return _USERINFO.sub(r"\1[redacted]@", url) if url else "api.openai.com"


def hide_secrets(text: str, *secrets: str | None) -> str:
    """``text`` with every secret (the API key, the URL's credentials) blanked: a server's
    error message may quote the key it refused."""
    for secret in sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, "[redacted]")
    return _USERINFO.sub(r"\1[redacted]@", text)


def config_path() -> Path:
    """The user's config file: TOML with any Settings keys, e.g. ``model = "gpt-4o-mini"``."""
    return user_dir() / "config.toml"


def read_config_file() -> dict[str, object]:
    """The config file's values (none when there is no file).

    Anything else at that path (a directory, a broken link) is an error, not "no config":
    ignoring it silently ran with none of the settings the user meant to give.
    """
    path = config_path()
    if not path.exists() and not path.is_symlink():
        return {}
    if not path.is_file():
        raise ConfigError(
            f"{path}: the config file is not a regular file; make it one, or move it away"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML config file ({exc})") from None
    unknown = sorted(set(data) - set(Settings.model_fields))
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(sorted(Settings.model_fields))}"
        )
    return dict(data)


def user_dir() -> Path:
    """Where config and cache live; ``SUMMARIZER_HOME`` overrides it."""
    home = os.environ.get("SUMMARIZER_HOME")
    return Path(home).expanduser() if home else Path(typer.get_app_dir("summarizer"))
