"""``summarizer serve``: the library as an HTTP JSON API, for CMS plugins and editors' tools.

``POST /blurb``, ``/briefing`` and ``/verify`` take article texts, URLs or feed URLs and the
CLI's content options, and return the same JSON models as ``--format json``. The OpenAPI spec
is served at ``/openapi.json`` (docs at ``/docs``).

The engine (backend, model, endpoint, cache) is the server's configuration, set when it starts,
never chosen by a caller. Limits, each a clear 4xx/5xx with ``{"detail": "..."}``:

- 400: the body is not JSON; 401: a bearer token is configured and the request does not carry it;
- 413: the request body is larger than ``max_body_bytes``;
- 422: invalid JSON or fields, more articles than ``max_articles`` (after feeds are read), an
  unusable article or URL (unreachable, private-network address, no text), an invalid option;
- 502: the LLM backend failed; 503: the LLM is not configured;
- 504: the run took longer than ``timeout`` seconds (also its LLM work's deadline, so the
  thread it ran in stops too).

Concurrent requests run in worker threads; each opens its own connection to the SQLite LLM
response cache (WAL mode and a busy timeout, see summarizer/llm/cache.py), so they share it
safely.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from . import pipeline
from .dates import lenient_datetime
from .draft import VerifyReport, verify
from .errors import BackendError, ConfigError, InputError, NeedsKeyError, SummarizerError
from .fetch import SERVE_POLICY, FetchPolicy, load_url
from .ingest import make_article
from .models import Article, Blurb, Briefing
from .settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_BODY_BYTES = 2_000_000
MAX_ARTICLES = 200
TIMEOUT_SECONDS = 120.0
MAX_TEXT_CHARS = 500_000  # one article; a very long feature is ~100,000 characters
MAX_URL_CHARS = 2_000


@dataclass
class ServeConfig:
    """The server's own settings: the engine for every run, limits, access."""

    settings: Settings = field(default_factory=Settings)
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    max_articles: int = MAX_ARTICLES
    timeout: float = TIMEOUT_SECONDS
    fetch: FetchPolicy = SERVE_POLICY


# -- request models: the CLI's content options; the engine is the server's -------------------

Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS, pattern=r"\S")]
Url = Annotated[str, Field(max_length=MAX_URL_CHARS, pattern=r"^https?://\S+$")]
Count = Annotated[int, Field(ge=1, le=1000)]
Words = Annotated[int, Field(ge=1, le=10_000)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleIn(_Request):
    """One article's text, with what is known of where it comes from."""

    text: Text
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=MAX_URL_CHARS)
    source: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=100)


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


BlurbRequest = BlurbText | BlurbArticle | BlurbUrl


class BriefingRequest(_Request):
    """A day's articles: texts and/or URLs of pages or RSS/Atom feeds."""

    articles: list[ArticleIn] = Field(default_factory=list, max_length=MAX_ARTICLES)
    urls: list[Url] = Field(default_factory=list, max_length=MAX_ARTICLES)
    max_words: Words | None = None
    title: str | None = Field(default=None, max_length=300)
    max_stories: Count | None = None
    min_sources: Count | None = None


class VerifyRequest(_Request):
    """An editor's draft and the sources to check it against: article texts and/or URLs."""

    draft: Text
    sources: list[ArticleIn | Url] = Field(min_length=1, max_length=MAX_ARTICLES)


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
        400: "the body is not valid JSON",
        401: "missing or wrong bearer token",
        413: "request body too large",
        422: "invalid request, too many articles, or an unusable article or URL",
        500: "unexpected error",
        502: "the LLM backend failed",
        503: "the LLM backend is not configured",
        504: "the run took longer than the server's time limit",
    }.items()
}


_BEARER = HTTPBearer(auto_error=False, description="Required when the server has --token.")


def create_app(config: ServeConfig | None = None) -> Any:
    """The ASGI application: FastAPI routes inside a request-body size limit."""
    cfg = config or ServeConfig()

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

    app = FastAPI(
        title="summarizer",
        summary="Short, cited, verified summaries of news articles.",
        version=_version(),
        dependencies=[Depends(check_token)] if cfg.token else [],
        responses={k: v for k, v in ERROR_RESPONSES.items() if cfg.token or k != 401},
    )

    @app.exception_handler(SummarizerError)
    async def _summarizer_error(request: Request, exc: SummarizerError) -> JSONResponse:
        status = next((s for t, s in _STATUS.items() if isinstance(exc, t)), 500)
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        first = errors[0] if errors else {}
        where = ".".join(str(x) for x in first.get("loc", ())) or "body"
        detail = f"invalid request: {where}: {first.get('msg', 'invalid')}"
        if len(errors) > 1:
            detail += f" (and {len(errors) - 1} more)"
        content = {"detail": detail, "errors": jsonable_encoder(errors)}
        return JSONResponse(content, status_code=422)

    @app.post("/blurb", response_model=Blurb)
    async def blurb(body: BlurbRequest) -> Blurb:
        """The "Get a summary" blurb of one article (as ``summarizer blurb``)."""
        return await _run(cfg, lambda: _blurb(body, cfg))

    @app.post("/briefing", response_model=Briefing)
    async def briefing(body: BriefingRequest) -> Briefing:
        """One cited briefing of a day's articles, story by story (as ``summarizer briefing``)."""
        return await _run(cfg, lambda: _briefing(body, cfg))

    @app.post("/verify", response_model=VerifyReport)
    async def verify_(body: VerifyRequest) -> VerifyReport:
        """Check every sentence of a draft against the sources (as ``summarizer verify``);
        ``ok`` is false when any sentence is unsupported."""
        return await _run(cfg, lambda: _verify(body, cfg))

    return BodyLimit(app, cfg.max_body_bytes)


async def _run(cfg: ServeConfig, work: Callable[[], T]) -> T:
    """Run blocking work in a thread, within the time limit (504 past it)."""
    try:
        return await asyncio.wait_for(asyncio.to_thread(work), timeout=cfg.timeout)
    except TimeoutError:
        raise HTTPException(504, f"the run took longer than {cfg.timeout:g} s") from None


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
    settings = _engine(cfg, sentences=body.sentences, max_words=body.max_words)
    return pipeline.blurb(art, settings=settings)


def _briefing(body: BriefingRequest, cfg: ServeConfig) -> Briefing:
    articles = _articles(body.articles, body.urls, cfg)
    settings = _engine(
        cfg,
        max_words=body.max_words,
        title=body.title,
        max_stories=body.max_stories,
        min_sources=body.min_sources,
    )
    return pipeline.briefing(articles, settings=settings)


def _verify(body: VerifyRequest, cfg: ServeConfig) -> VerifyReport:
    texts = [x for x in body.sources if isinstance(x, ArticleIn)]
    articles = _articles(texts, [x for x in body.sources if isinstance(x, str)], cfg)
    return verify(body.draft, articles, settings=_engine(cfg))


def _engine(cfg: ServeConfig, **options: object) -> Settings:
    """The server's settings with a request's content options. Its LLM work gets the time
    limit as its --deadline, so a run past the 504 stops instead of going on in its thread."""
    limit = (
        cfg.timeout if cfg.settings.deadline is None else min(cfg.settings.deadline, cfg.timeout)
    )
    return cfg.settings.updated(deadline=limit, **options)


def _articles(texts: list[ArticleIn], urls: list[str], cfg: ServeConfig) -> list[Article]:
    """The request's articles: texts first, then each URL's page or feed items."""
    if len(texts) + len(urls) > cfg.max_articles:
        raise InputError(f"too many articles: at most {cfg.max_articles} per request")
    articles = [_article(a) for a in texts]
    for url in urls:
        articles.extend(load_url(url, cfg.fetch))
        if len(articles) > cfg.max_articles:
            raise InputError(f"too many articles (with {url}): at most {cfg.max_articles}")
    return articles


def _article(item: ArticleIn) -> Article:
    published = lenient_datetime(item.published, "request")  # a bad date is ignored, as in files
    return make_article(
        item.text, title=item.title, url=item.url, source=item.source, published=published
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
    whether or not it declares a Content-Length."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._too_large(send)
            return
        body = b""
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.limit:
                await self._too_large(send)
                return
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        detail = {"detail": f"request body larger than {self.limit:,} bytes"}
        payload = json.dumps(detail).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


def run(config: ServeConfig, *, host: str, port: int) -> None:
    """Serve until interrupted (uvicorn)."""
    import uvicorn

    uvicorn.run(create_app(config), host=host, port=port, log_level="info")
