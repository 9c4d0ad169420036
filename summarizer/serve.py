"""``summarizer serve``: the library as an HTTP JSON API, for CMS plugins and editors' tools.

``POST /blurb``, ``/briefing`` and ``/verify`` take article texts, URLs or feed URLs and the
CLI's content options, and return the same JSON models as ``--format json``. The OpenAPI spec
is served at ``/openapi.json`` (docs at ``/docs``).

The engine (backend, model, endpoint, cache) is the server's configuration, set when it starts,
never chosen by a caller. Limits, each a clear 4xx/5xx with ``{"detail": "..."}``:

- 400: the body is not JSON (or not UTF-8, or nested too deeply); 401: a bearer token is
  configured and the request does not carry it; 404/405: no such route or method;
- 408: the body has not arrived in full after ``body_seconds``; 413: the request body is
  larger than ``max_body_bytes``;
- a connection on which no request's line and headers have arrived in full within
  ``header_seconds`` (20 s; an idle client that sends nothing, or half a request) is closed
  without an answer: each one held a file descriptor for ever, and some hundreds of them made
  the server refuse every other client ("Too many open files");
- 415: a body sent without ``Content-Type: application/json`` (refused, not guessed: a web
  page may post a form or ``text/plain`` to a local server without the browser asking first),
  or compressed (``Content-Encoding: gzip``; never inflated, so no zip bomb);
- 422: invalid fields (the detail names the first), more articles than ``max_articles`` (after
  feeds are read), an unusable article or URL (unreachable, private-network address, no
  text), an invalid option;
- 500: a fault of the server (still JSON); 502: the LLM backend failed; 503: the LLM is not
  configured, or all ``workers`` threads are busy (with ``Retry-After``);
- 504: the run took longer than ``timeout`` seconds. That is also its LLM work's deadline and
  its URL fetches' deadline and its offline checks' (between claims and stories), so the
  thread it ran in stops too. A client that hangs up early
  does not stop its run: it goes on, at most until that limit.

Concurrent requests run in worker threads (``workers`` at most); each opens its own connection
to the SQLite LLM response cache (WAL mode and a busy timeout, see summarizer/llm/cache.py), so
they share it safely.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import ipaddress
import json
import logging
import re
import secrets
import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, TypeVar
from urllib.parse import unquote, urlsplit

import uvicorn  # here, not in run(): the CLI's check for the 'serve' extra sees it missing
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    Tag,
    WithJsonSchema,
)
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from . import pipeline
from .dates import coerce_datetime, lenient_published, window_bound
from .draft import TOP_K, VerifyReport, verify
from .errors import (
    BackendError,
    ConfigError,
    DeadlineError,
    InputError,
    NeedsKeyError,
    SummarizerError,
)
from .fetch import SERVE_POLICY, FetchDeadlineError, FetchPolicy, load_url
from .ingest import article_body, make_article
from .models import Article, Blurb, Briefing
from .render import no_blurb_reason
from .settings import Settings
from .verify import run_within

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_BODY_BYTES = 2_000_000
MAX_ARTICLES = 200
MAX_LIST = 10_000  # the schema's ceiling for a list; the server's max_articles is checked after
TIMEOUT_SECONDS = 120.0
WORKERS = 16  # runs at once; most of a run's time is spent waiting on URLs or an LLM
BODY_SECONDS = 30.0  # to receive a request body: 2 MB at 70 kB/s
HEADER_SECONDS = 20.0  # for a request's line and headers, from the connection or the last answer
MAX_TEXT_CHARS = 500_000  # one article; a very long feature is ~100,000 characters
MAX_URL_CHARS = 2_000
# verify's evidence tried per claim: each one more is another check of every claim (top_k 1000
# on a 1 MB draft took an hour; the checks now stop at the 504, but the request should not need
# one); 20 is well past the useful (the CLI's default is 3)
MAX_TOP_K = 20


@dataclass
class ServeConfig:
    """The server's own settings: the engine for every run, limits, access."""

    settings: Settings = field(default_factory=Settings)
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    max_articles: int = MAX_ARTICLES
    timeout: float = TIMEOUT_SECONDS
    fetch: FetchPolicy = SERVE_POLICY
    body_seconds: float = BODY_SECONDS
    workers: int = WORKERS
    header_seconds: float = HEADER_SECONDS


# -- request models: the CLI's content options; the engine is the server's -------------------


def _url(value: str) -> str:
    """A URL the fetcher can parse: a host, a port in range, brackets that close."""
    try:
        parts = urlsplit(value)
        _ = parts.port  # a port out of range raises ValueError
    except ValueError as exc:
        raise ValueError(f"not a valid URL ({exc})") from None
    if not parts.hostname:
        raise ValueError("not a valid URL (no host)")
    return value


def _date_type(value: object) -> object:
    """A date of the wrong JSON type (``true``, ``[1]``, ``{}``) named as such: its error was
    the union's three, under ``published.constrained-str``, ``.int`` and ``.float``."""
    if (
        value is None
        or isinstance(value, str)
        or (isinstance(value, (int, float)) and not isinstance(value, bool))
    ):
        return value
    raise ValueError("a date is a string or a number (Unix seconds), not " + _json_type(value))


def _json_type(value: object) -> str:
    kinds = {bool: "true/false", list: "a list", dict: "an object"}
    return next((name for t, name in kinds.items() if isinstance(value, t)), "that")


BLANK_PATTERN = r"\S"  # a text has a visible character
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS, pattern=BLANK_PATTERN)]
# a scheme is case-insensitive (RFC 3986 3.1): "HTTPS://a.example/" is a web URL (it was a 422);
# spelt as classes, not a flag, for the OpenAPI spec's ECMA-262 pattern too
URL_PATTERN = r"^[hH][tT][tT][pP][sS]?://\S+$"
Url = Annotated[str, Field(max_length=MAX_URL_CHARS, pattern=URL_PATTERN), AfterValidator(_url)]


def _blank_url(value: object) -> object:
    """An article's ``url`` around spaces as the URL; blank (a CMS's empty field) as none."""
    if isinstance(value, str) and len(value) <= MAX_URL_CHARS:
        return value.strip() or None
    return value


# An article's page, given with its text: only an http(s) URL, as every URL field here, for the
# outlets of the JSON answer carry it and a CMS plugin builds its link from there (the HTML
# blurb dropped a "javascript:" URL; the JSON handed it on). Refused, not dropped: a caller
# sending it has a bug or an attack to hear about, and a 422 naming the field says so, where a
# dropped link goes unnoticed. (Files and the library drop it with a warning; see make_article.)
ArticleUrl = Annotated[
    Url | None,
    BeforeValidator(_blank_url),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "maxLength": MAX_URL_CHARS,
                    "pattern": r"^\s*([hH][tT][tT][pP][sS]?://\S+\s*)?$",
                },
                {"type": "null"},
            ],
            "description": "The article's page: an http:// or https:// URL (blank: none).",
        }
    ),
]
DateText = Annotated[  # ISO 8601 (a date alone too), RFC 2822 or Unix seconds, as in the CLI
    str, Field(max_length=64, examples=["2026-11-22", "2026-11-22T06:00:00Z"])
]
# Unix seconds or milliseconds as a JSON number too, as a .json input file may give them (a
# CMS's timestamp column): the API answered 422 "Input should be a valid string".
Date = Annotated[DateText | StrictInt | StrictFloat, BeforeValidator(_date_type)]
# strict: pydantic reads true as 1 and "3" as 3 ({"sentences": true} was a 1-sentence blurb);
# a caller sending those has a bug to hear about, as the config file and library say
Count = Annotated[StrictInt, Field(ge=1, le=1000)]
Words = Annotated[StrictInt, Field(ge=1, le=10_000)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _published(value: str | float | None) -> str | float | None:
    """A date the CLI would read, else an error naming the field: "yesterday", NaN, Infinity
    or 1e20 were kept as undated articles with no word of it (a file's bad date is a warning
    on stderr; a caller of the API sees no stderr). Blank is no date. The value is not
    echoed back (see ``_invalid_response``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        coerce_datetime(value)
    except (ValueError, OverflowError, OSError):
        if isinstance(value, str):
            raise ValueError(
                "not a readable date (ISO 8601 such as 2026-11-22T06:00:00Z, an RFC 2822 or "
                "newspaper date, or Unix seconds or milliseconds)"
            ) from None
        raise ValueError("not a Unix time in seconds or milliseconds within years 1-9999") from None
    return value


class ArticleIn(_Request):
    """One article's text, with what is known of where it comes from."""

    text: Text
    title: str | None = Field(default=None, max_length=1000)
    url: ArticleUrl = None
    source: str | None = Field(default=None, max_length=1000)
    published: Annotated[
        Annotated[str, Field(max_length=100)] | StrictInt | StrictFloat | None,
        BeforeValidator(_date_type),
        AfterValidator(_published),
    ] = None


class _BlurbOptions(_Request):
    sentences: Count | None = None
    max_words: Words | None = None


class BlurbText(_BlurbOptions):
    """One article's text."""

    text: Text


class BlurbArticle(_BlurbOptions):
    """One article's text with what is known of where it comes from."""

    article: ArticleIn


class BlurbUrl(_BlurbOptions):
    """The URL of one article page."""

    url: Url


def _blurb_kind(value: object) -> str:
    """Which of the three bodies a blurb request is, by the key it carries, so an error names
    that body's field (``url: not a valid URL``), not the first failure of all three."""
    if isinstance(value, dict):
        return next((f"Blurb{k.title()}" for k in ("url", "article") if k in value), "BlurbText")
    return type(value).__name__ if isinstance(value, _BlurbOptions) else "BlurbText"


def _source_kind(value: object) -> str:
    return "UrlIn" if isinstance(value, str) else "ArticleIn"


_BLURB_INPUTS = ("text", "article", "url")


def _one_input(value: object) -> object:
    """A blurb body with two inputs ({"text", "url"}) was refused as "text: Extra inputs are
    not permitted", blaming the most ordinary field: say that one input is taken."""
    if isinstance(value, dict) and sum(k in value for k in _BLURB_INPUTS) > 1:
        given = ", ".join(repr(k) for k in _BLURB_INPUTS if k in value)
        raise ValueError(f"give exactly one of 'text', 'article' or 'url' (got {given})")
    return value


BlurbRequest = Annotated[
    Annotated[BlurbText, Tag("BlurbText")]
    | Annotated[BlurbArticle, Tag("BlurbArticle")]
    | Annotated[BlurbUrl, Tag("BlurbUrl")],
    Discriminator(_blurb_kind),
    BeforeValidator(_one_input),
]
Source = Annotated[
    Annotated[ArticleIn, Tag("ArticleIn")] | Annotated[Url, Tag("UrlIn")],
    Discriminator(_source_kind),
]
_TAGS = {"BlurbText", "BlurbArticle", "BlurbUrl", "ArticleIn", "UrlIn"}  # not named in errors


_PER_REQUEST = "At most the server's --max-articles articles in all (default 200), else 422."


class BriefingRequest(_Request):
    """A day's articles: texts and/or URLs of pages or RSS/Atom feeds (at least one)."""

    model_config = ConfigDict(
        json_schema_extra={  # the spec states what _briefing checks
            "anyOf": [
                {"required": ["articles"], "properties": {"articles": {"minItems": 1}}},
                {"required": ["urls"], "properties": {"urls": {"minItems": 1}}},
            ]
        }
    )

    articles: list[ArticleIn] = Field(
        default_factory=list, max_length=MAX_LIST, description=_PER_REQUEST
    )
    urls: list[Url] = Field(default_factory=list, max_length=MAX_LIST, description=_PER_REQUEST)
    max_words: Words | None = None
    title: str | None = Field(default=None, max_length=300)
    max_stories: Count | None = None
    min_sources: Count | None = None
    since: Date | None = Field(
        default=None,
        description="Keep articles published at or after this time (UTC if no zone; or back "
        "from now: 24h, 2d, yesterday).",
    )
    until: Date | None = Field(
        default=None,
        description="Keep articles published before this time; a date alone includes that day.",
    )


class VerifyRequest(_Request):
    """An editor's draft and the sources to check it against: article texts and/or URLs."""

    draft: Text
    sources: list[Source] = Field(min_length=1, max_length=MAX_LIST, description=_PER_REQUEST)
    top_k: Annotated[StrictInt, Field(ge=1, le=MAX_TOP_K)] = Field(
        default=TOP_K,
        description=f"Source sentences tried as each claim's evidence (at most {MAX_TOP_K}).",
    )
    strict: StrictBool = Field(
        default=False,
        description="Hold each claim to a briefing's standard: its verbs, nouns and adjectives "
        "must be in its evidence (as `summarizer verify --strict`).",
    )


class ErrorOut(BaseModel):
    """Every error response: one line saying what went wrong and what to do."""

    detail: str
    errors: list[dict[str, Any]] | None = None  # 422 for invalid fields: each one, as pydantic


_STATUS = {
    InputError: 422,
    ConfigError: 422,
    NeedsKeyError: 503,
    BackendError: 502,
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": why}
    for code, why in {
        400: "the body is not valid JSON (or not UTF-8, or nested too deeply)",
        401: "missing or wrong bearer token",
        408: "the request body did not arrive in full in time",
        413: "request body too large",
        415: "the body was not sent as Content-Type: application/json, or was compressed",
        422: "invalid request, too many articles, or an unusable article or URL",
        500: "a fault of the server",
        502: "the LLM backend failed",
        503: "the LLM backend is not configured, or every worker is busy (Retry-After)",
        504: "the run took longer than the server's time limit",
    }.items()
}


_ROUTES = "the API is POST /blurb, /briefing and /verify (no trailing slash) with a JSON body"
_BEARER = HTTPBearer(auto_error=False, description="Required when the server has --token.")


def create_app(config: ServeConfig | None = None) -> Any:
    """The ASGI application: FastAPI routes inside a request-body size limit.

    Raises:
        ConfigError: the token is empty (``--token "$SUMMARIZER_TOKEN"`` with the variable
            unset would otherwise serve everyone).
    """
    cfg = config or ServeConfig()
    if cfg.token is not None and not cfg.token.strip():
        raise ConfigError(
            "the token is empty (is SUMMARIZER_TOKEN set?); omit --token to serve without one"
        )
    if cfg.token is not None and (
        cfg.token != cfg.token.strip() or not all(" " <= ch <= "~" for ch in cfg.token)
    ):  # a header value cannot end in a space or carry "é" (read as Latin-1): no client matches
        raise ConfigError(
            "the token has a leading or trailing space, a line break or a non-ASCII "
            "character, so no HTTP client can send it; use printable ASCII "
            "(e.g. openssl rand -hex 32)"
        )
    redact = redactor(cfg)
    workers = Workers(cfg.workers)

    def check_token(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> None:
        """With --token, every request must carry it (the spec then declares the scheme)."""
        assert cfg.token is not None
        given = creds.credentials if creds is not None else ""
        if not secrets.compare_digest(given.encode(), cfg.token.encode()):
            raise HTTPException(
                401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
            )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        """The run threads end with the app (a test's client, a reloaded server): left
        running, each app made in a process kept one more idle thread alive."""
        yield
        workers.pool.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        lifespan=lifespan,
        title="summarizer",
        summary="Short, cited, verified summaries of news articles.",
        version=_version(),
        dependencies=[Depends(check_token)] if cfg.token else [],
        responses={k: v for k, v in ERROR_RESPONSES.items() if cfg.token or k != 401},
        # "POST /blurb/" was a 307 to an absolute http:// URL made from the Host header: a
        # client behind an https proxy re-sent its body and token in clear. Now a 404 saying so.
        redirect_slashes=False,
    )

    @app.exception_handler(SummarizerError)
    async def _summarizer_error(request: Request, exc: SummarizerError) -> JSONResponse:
        """The library's one-line message, less any secret in it: an LLM server's error text
        can quote the Authorization header it was sent (the server's API key)."""
        status = next((s for t, s in _STATUS.items() if isinstance(exc, t)), 500)
        return JSONResponse({"detail": redact(str(exc))}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _invalid_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        """FastAPI's own 400 for a body it cannot parse says which rule the body broke."""
        detail = exc.detail
        cause = exc.__cause__
        if exc.status_code == 400 and isinstance(cause, UnicodeDecodeError):
            detail = f"the body is not UTF-8 text (byte {cause.start})"
        elif exc.status_code == 400 and isinstance(cause, RecursionError):
            detail = "the body is not usable JSON: nested too deeply"
        elif exc.status_code == 400 and _too_many_digits(cause):
            detail = "the body is not usable JSON: a number has more than 4300 digits"
        elif exc.status_code == 400 and cause is not None:
            detail = f"the body is not valid JSON ({type(cause).__name__})"
        elif exc.status_code == 404 and detail == "Not Found":
            detail = f"no such route; {_ROUTES}"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is not served here; {_ROUTES}"
            if request.method == "OPTIONS":  # a browser's CORS preflight
                detail += "; no CORS: call it from your server, not from a web page's script"
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _fault(request: Request, exc: Exception) -> JSONResponse:
        """A bug still answers in the documented shape (uvicorn logs the traceback)."""
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, 500)

    @app.post("/blurb", response_model=Blurb)
    async def blurb(body: BlurbRequest) -> Blurb:
        """The "Get a summary" blurb of one article (as ``summarizer blurb``)."""
        return await _run(cfg, workers, lambda run: _blurb(body, run))

    @app.post("/briefing", response_model=Briefing)
    async def briefing(body: BriefingRequest) -> Briefing:
        """One cited briefing of a day's articles, story by story (as ``summarizer briefing``)."""
        return await _run(cfg, workers, lambda run: _briefing(body, run))

    @app.post("/verify", response_model=VerifyReport)
    async def verify_(body: VerifyRequest) -> VerifyReport:
        """Check every sentence of a draft against the sources (as ``summarizer verify``);
        ``ok`` is false when any sentence is unsupported."""
        return await _run(cfg, workers, lambda run: _verify(body, run))

    return BodyLimit(app, cfg.max_body_bytes, cfg.body_seconds)


def _too_many_digits(cause: BaseException | None) -> bool:
    """Python's JSON parser refuses an integer of over 4300 digits (``sys.int_info``) with a
    ValueError; the body was valid JSON, so "not valid JSON (ValueError)" misled."""
    return isinstance(cause, ValueError) and "integer string conversion" in str(cause)


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")


def redactor(cfg: ServeConfig) -> Callable[[str], str]:
    """A function that blanks the server's secrets in a text: its API key, its token, and the
    password of a URL (the base URL's, also as the Basic credentials made from it)."""
    found = [cfg.settings.api_key, cfg.token]
    parts = urlsplit(cfg.settings.base_url or "")
    if parts.password:
        basic = f"{unquote(parts.username or '')}:{unquote(parts.password)}".encode()
        found += [parts.password, unquote(parts.password), base64.b64encode(basic).decode()]
    secrets_ = sorted({x for x in found if x and len(x) >= 4}, key=len, reverse=True)

    def redact(text: str) -> str:
        for secret in secrets_:
            text = text.replace(secret, "[redacted]")
        return _USERINFO.sub(r"\1[redacted]@", text)

    return redact


class _Redacting(logging.Filter):
    """Blanks secrets in a log record's message and traceback before any handler writes it."""

    def __init__(self, redact: Callable[[str], str]) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):  # uvicorn's access formatter reads them one by one
            record.args = tuple(self.redact(a) if isinstance(a, str) else a for a in record.args)
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:  # e.g. an exception given as an argument
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


def _redact_logs(redact: Callable[[str], str]) -> None:
    """Every handler that writes the server's log (the CLI's, uvicorn's) gets the filter."""
    names = ("", "uvicorn", "uvicorn.access")
    for handler in {h for name in names for h in logging.getLogger(name).handlers}:
        handler.addFilter(_Redacting(redact))


def _invalid_response(exc: RequestValidationError) -> JSONResponse:
    """400 for a body that is not JSON, 415 for one not sent as JSON, else 422 naming the
    first invalid field. The errors never echo the input back (a 500,000-character text, a
    lone surrogate that no JSON output can hold)."""
    errors = list(exc.errors())
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        why = (first.get("ctx") or {}).get("error", "")
        where = first.get("loc", ("body", "?"))[-1]
        return _error(400, f"the body is not valid JSON: {why} (at character {where})")
    if isinstance(exc.body, (bytes, bytearray)) and exc.body:  # FastAPI left it unparsed
        return _error(415, "send the body as JSON with 'Content-Type: application/json'")
    loc = [x for x in first.get("loc", ()) if x not in _TAGS]
    where = ".".join(str(x) for x in loc) or "body"
    msg = str(first.get("msg", "invalid")).removeprefix("Value error, ")  # our own checks
    kind = first.get("type")
    if loc == ["body"] and kind in ("missing", "model_attributes_type"):
        msg = "a JSON object is required"  # not pydantic's "to extract fields from"
    elif kind == "string_pattern_mismatch" and (first.get("ctx") or {}).get("pattern") == (
        URL_PATTERN
    ):  # was "String should match pattern '^https?://\S+$'", for a text given as a string too
        msg = "not an http:// or https:// URL"
        if loc[-1] != "url":  # a list's item: a text given as a string
            msg += ' (a text goes in an object: {"text": "..."})'
    elif kind == "string_pattern_mismatch" and (first.get("ctx") or {}).get("pattern") == (
        BLANK_PATTERN
    ):  # was "String should match pattern '\\S'"
        msg = "blank: the text has no visible character"
    elif (
        kind == "model_attributes_type"
        and loc
        and (isinstance(loc[-1], int) or loc[-1] == "article")
    ):
        msg = 'an article is a JSON object: {"text": "...", "title": ..., "url": ...}'
    detail = f"invalid request: {where}: {msg}"
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    shown = [
        {
            "loc": [x for x in e.get("loc", ()) if x not in _TAGS],
            "msg": e.get("msg", ""),
            "type": e.get("type", ""),
        }
        for e in errors[:20]
    ]
    content = {"detail": detail, "errors": jsonable_encoder(shown)}
    return JSONResponse(content, status_code=422)


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


class Workers:
    """The threads runs go to, at most ``size`` at once. A request finding them all busy gets
    503 at once: queued behind slow runs (URLs that answer slowly), it would wait out its
    time limit unstarted and get a 504 for work it never began."""

    def __init__(self, size: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="summarizer-run")
        self.free = threading.BoundedSemaphore(size)
        self.size = size

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Start ``work`` on a free thread; its slot is free again when it ends (not when its
        request stops waiting for it).

        Raises:
            HTTPException: 503, every thread is busy.
        """
        if not self.free.acquire(blocking=False):
            raise HTTPException(
                503,
                f"the server is busy ({self.size} runs at once); try again shortly",
                headers={"Retry-After": "5"},
            )
        future = self.pool.submit(work)
        future.add_done_callback(lambda _: self.free.release())
        return future


async def _run(cfg: ServeConfig, workers: Workers, work: Callable[[ServeConfig], T]) -> T:
    """Run blocking work in a thread, within the time limit (504 past it). Its URL fetches
    get the limit as their deadline: a slow server cannot keep the thread busy past it; so do
    its offline checks (``verify.check_deadline``). A run stopped by that deadline (a fetch,
    its LLM work or its checks) is a 504 too, whichever noticed the time first."""
    deadline = time.monotonic() + cfg.timeout
    run = dataclasses.replace(cfg, fetch=dataclasses.replace(cfg.fetch, deadline=deadline))
    late = HTTPException(504, f"the run took longer than {cfg.timeout:g} s")
    # the offline checks stop at the deadline too (between claims and stories)
    future = workers.submit(lambda: run_within(deadline, lambda: work(run)))
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), timeout=cfg.timeout)
    except TimeoutError:
        raise late from None
    except (FetchDeadlineError, DeadlineError):
        raise late from None


def _blurb(body: BlurbRequest, cfg: ServeConfig) -> Blurb:
    if isinstance(body, BlurbUrl):
        articles = load_url(body.url, cfg.fetch)
        if len(articles) != 1:
            raise InputError(f"{body.url}: holds {len(articles)} articles; blurb takes one")
        art = articles[0]
    else:
        art = _article(
            body.article if isinstance(body, BlurbArticle) else ArticleIn(text=body.text)
        )
    result = pipeline.blurb(
        art, settings=_engine(cfg), sentences=body.sentences, max_words=body.max_words
    )
    why = no_blurb_reason(result)
    if why is not None and why not in result.problems:  # claims: [] and no word of why
        result = result.model_copy(update={"problems": [*result.problems, f"no blurb: {why}"]})
    return result


def _briefing(body: BriefingRequest, cfg: ServeConfig) -> Briefing:
    if not body.articles and not body.urls:
        raise InputError("invalid request: body: give 'articles' (texts) and/or 'urls'")
    settings = _engine(  # first: a bad option is refused before any URL is fetched
        cfg,
        max_words=body.max_words,
        title=body.title,
        max_stories=body.max_stories,
        min_sources=body.min_sources,
        since=_date(body.since, "since", end=False),
        until=_date(body.until, "until", end=True),
    )
    articles = _articles([*body.articles, *body.urls], cfg)
    return pipeline.briefing(articles, settings=settings)


def _date(value: str | float | None, name: str, *, end: bool) -> datetime | None:
    """``since``/``until`` as the CLI reads them: a date alone as ``until`` includes that day."""
    if value is None:
        return None
    try:
        return window_bound(value if isinstance(value, str) else str(value), end=end)
    except ValueError as exc:
        raise InputError(f"invalid request: body.{name}: {exc}") from None


def _verify(body: VerifyRequest, cfg: ServeConfig) -> VerifyReport:
    articles = _articles(body.sources, cfg)  # in the caller's order: the report's sources too
    return verify(body.draft, articles, top_k=body.top_k, strict=body.strict, settings=_engine(cfg))


def _engine(cfg: ServeConfig, **options: object) -> Settings:
    """The server's settings with a request's content options. Its LLM work gets the time
    limit as its --deadline, so a run past the 504 stops instead of going on in its thread."""
    limit = (
        cfg.timeout if cfg.settings.deadline is None else min(cfg.settings.deadline, cfg.timeout)
    )
    return cfg.settings.updated(deadline=limit, **options)


def _articles(items: list[ArticleIn | str], cfg: ServeConfig) -> list[Article]:
    """The request's articles in its order: a text, or a URL's page or feed items in its place.
    (Verify's sources were texts first, then URLs: the report listed ``[url, text]`` as
    ``[text, url]``, and a caller reading it by position credited the wrong source.)"""
    if len(items) > cfg.max_articles:
        raise InputError(f"too many articles: at most {cfg.max_articles} per request")
    # every text is made (a bad one refused) before any URL is fetched
    made = iter([_article(x) for x in items if isinstance(x, ArticleIn)])
    articles: list[Article] = []
    for item in items:
        if isinstance(item, ArticleIn):
            articles.append(next(made))
            continue
        articles.extend(load_url(item, cfg.fetch))
        if len(articles) > cfg.max_articles:
            raise InputError(f"too many articles (with {item}): at most {cfg.max_articles}")
    return articles


def _article(item: ArticleIn) -> Article:
    """A request's article, its date read as a file's is: a bad one ignored, and a day alone
    ("2025-03-18") the whole of that day to ``since``/``until``, not its midnight (an
    afternoon ``since`` in the same request dropped it)."""
    published = lenient_published(item.published, "request")
    body, title = article_body(item.text, "an article's text", item.title)
    return make_article(
        body,
        title=title,
        url=item.url,
        source=item.source,
        published=published,
    )


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("summarizer")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class BodyLimit:
    """ASGI wrapper: a request body over ``limit`` bytes gets 413 before the app reads it,
    whether or not it declares a Content-Length; one that has not arrived in full after
    ``seconds`` (a client that died mid-upload, or one that declares more than it sends) 408;
    a compressed one (``Content-Encoding: gzip``) 415, never inflated."""

    def __init__(self, app: Any, limit: int, seconds: float = BODY_SECONDS) -> None:
        self.app = app
        self.limit = limit
        self.seconds = seconds

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        encoding = headers.get(b"content-encoding", b"").strip().lower()
        if encoding not in (b"", b"identity"):  # was "not UTF-8 text (byte 1)" for gzip
            why = f"Content-Encoding {encoding.decode('latin-1')[:40]} is not accepted"
            await _send_error(send, 415, f"{why}; send the JSON body uncompressed")
            return
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _send_error(send, 413, f"request body larger than {self.limit:,} bytes")
            return
        body = b""
        more = True
        try:
            async with asyncio.timeout(self.seconds):
                while more:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    body += message.get("body", b"")
                    more = bool(message.get("more_body", False))
                    if len(body) > self.limit:
                        await _send_error(
                            send, 413, f"request body larger than {self.limit:,} bytes"
                        )
                        return
        except TimeoutError:
            why = f"the request body did not arrive in full within {self.seconds:g} s"
            await _send_error(send, 408, why)
            return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _send_error(send: Send, status: int, detail: str) -> None:
    """An error answered before the app runs; the connection is closed after it."""
    payload = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})


def run(config: ServeConfig, *, host: str, port: int) -> None:
    """Serve until interrupted (uvicorn), on a socket bound first so that a port in use or a
    bad --host is a one-line error (exit 2), not uvicorn's log lines and exit 1.

    Raises:
        ConfigError: the address cannot be listened on.
    """
    sock = listen(host, port)
    server = uvicorn_server(config)
    _redact_logs(redactor(config))  # after uvicorn.Config, which sets up its handlers
    shown = logging.getLogger("uvicorn.error")  # the logger uvicorn has just set up to show
    with sock:
        bound = sock.getsockname()[0]
        where = f"http://{f'[{bound}]' if ':' in bound else bound}:{sock.getsockname()[1]}"
        shown.info("summarizer serve on %s (Ctrl-C stops)", where)
        if config.token is None and not ipaddress.ip_address(bound).is_loopback:
            shown.warning("%s is reachable from other machines and needs no --token", where)
        server.run(sockets=[sock])


def uvicorn_server(config: ServeConfig, **options: Any) -> uvicorn.Server:
    """The server ``run`` runs: the app on HTTP/1.1 (h11) with ``config.header_seconds`` to
    send a request's line and headers (see ``HeaderDeadline``); ``options`` for uvicorn's
    Config (a test's host and port)."""
    http = type("Protocol", (HeaderDeadline,), {"seconds": config.header_seconds})
    options.setdefault("log_level", "info")
    return uvicorn.Server(uvicorn.Config(create_app(config), http=http, **options))


class HeaderDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request's line and headers.

    uvicorn times nothing before a request: a client that connects and sends nothing, or half
    a request line, held its connection (a file descriptor) for ever, and the body's own
    limit (``BodyLimit``) starts only once the headers are in. The deadline starts when the
    connection is made and again when an answer is sent (a kept-alive connection waits for
    its next request: uvicorn's 5 s keep-alive timeout ends once any byte of it arrives); it
    stops when a request's headers are in; when it passes, the connection is closed."""

    seconds: float = HEADER_SECONDS
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._await_request()

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a request's headers are in: its body has its own limit
            self._stop_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # may start a pipelined request's cycle at once
        if not self.transport.is_closing() and self._waiting():
            self._await_request()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_deadline()
        super().connection_lost(exc)

    def _waiting(self) -> bool:
        """No request is being answered: the connection waits for one's headers."""
        return self.cycle is None or self.cycle.response_complete

    def _await_request(self) -> None:
        self._stop_deadline()
        self._deadline = self.loop.call_later(self.seconds, self._too_late)

    def _stop_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_late(self) -> None:
        self._deadline = None
        # a connection handed to another protocol (an upgrade) is no longer this one's
        mine = self.transport.get_protocol() is self
        if mine and self._waiting() and not self.transport.is_closing():
            self.transport.close()


def listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port``, as uvicorn would bind it.

    Raises:
        ConfigError: the host does not resolve, is not this machine's, or the port is taken.
    """
    try:
        infos = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE | socket.AI_NUMERICSERV
        )
    except (OSError, UnicodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"--host {host}: not a usable address ({why})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
